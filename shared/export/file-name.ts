import type { LocalDate } from '../domain/local-date';

/**
 * The export's file name (city-export.md, "The deliverable"): `volontaires-climat_<slug>_<from>_<to>.zip`, where the
 * slug is the association's name in lower case, `œ` → `oe`, `æ` → `ae`, accents removed, every run of characters
 * outside `a-z0-9` replaced by one `-`, without a leading or trailing `-`.
 */
export function associationSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replaceAll('œ', 'oe')
      .replaceAll('æ', 'ae')
      // NFD splits a letter from its accents (combining marks, U+0300–U+036F), which are then dropped.
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

export function cityExportFileName(associationName: string, from: LocalDate, to: LocalDate): string {
  return `volontaires-climat_${associationSlug(associationName)}_${from}_${to}.zip`;
}
