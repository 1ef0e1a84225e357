import { Zip, ZipDeflate } from 'fflate';
import { parseLocalDate, type LocalDate } from '../domain/local-date';
import { formatParisIsoOffset, instantToParisWallTime, type Instant } from '../domain/paris-time';
import type { ProgressListener, RecordSource } from '../storage/ports';
import { collectExportData, type ExportSettings, type ExportWarning, type ShiftSelection } from './collect';
import { columnsOf, fileNameOf, TABLE_NAMES, type ExportMode, type ExportTableName } from './columns';
import { formatCell, writeCsv, type Row } from './csv-writer';
import { cityExportFileName } from './file-name';
import { profileFormat, type ExportProfile } from './profiles';
import { dataPackageJson } from './schema';
import { createSha256 } from './sha256';
import { buildTables, type ExportTables } from './tables';

/**
 * The city export (city-export.md): prepare the four tables from a `RecordSource`, then stream them into the zip with
 * `datapackage.json` and `manifest.json`. Preparing reads the source; writing only formats and compresses, so the
 * Exports screen can show counts and first rows before the user saves.
 */

export interface CityExportOptions {
  /** The period's first and last day, Paris local dates (`yyyy-MM-dd`), both included. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly profile: ExportProfile;
  readonly mode: ExportMode;
  /** Required in named mode: the reason typed by the user (manifest and log of sensitive actions). */
  readonly reason?: string | null;
  readonly settings: ExportSettings;
  readonly onProgress?: ProgressListener;
}

export interface PreparedCityExport {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly profile: ExportProfile;
  readonly mode: ExportMode;
  readonly reason: string | null;
  readonly settings: ExportSettings;
  readonly tables: ExportTables;
  readonly rowCounts: Readonly<Record<ExportTableName, number>>;
  /** For the export log: everyone whose participations the export carries (erased people excepted). */
  readonly volunteerIds: readonly string[];
  /** Named mode: those whose name, e-mail and phone were written. */
  readonly namedVolunteerIds: readonly string[];
  readonly warnings: readonly ExportWarning[];
  /** `volontaires-climat_<slug>_<from>_<to>.zip`. */
  readonly fileName: string;
}

export interface ExportApplication {
  readonly name: string;
  readonly version: string;
}

export interface CityExportManifest {
  readonly contrat: 'volontaires-climat-export';
  readonly version: '1.0';
  readonly genere_le: string;
  readonly application: { readonly nom: string; readonly version: string };
  readonly association: { readonly nom: string; readonly rna: string | null; readonly siret: string | null };
  readonly profil: ExportProfile;
  readonly mode: 'pseudonyme' | 'nominatif';
  readonly motif: string | null;
  readonly periode: { readonly du: LocalDate; readonly au: LocalDate };
  readonly fichiers: readonly { readonly nom: string; readonly lignes: number; readonly sha256: string }[];
}

/** The zip's entries, in the contract's order. */
export const CITY_EXPORT_ENTRIES = [...TABLE_NAMES.map(fileNameOf), 'datapackage.json', 'manifest.json'] as const;

export class CityExportOptionsError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(`${fr} / ${en}`);
    this.name = 'CityExportOptionsError';
  }
}

export function checkCityExportOptions(options: Pick<CityExportOptions, 'from' | 'to' | 'mode' | 'reason'>): void {
  if (!parseLocalDate(options.from) || !parseLocalDate(options.to)) {
    throw new CityExportOptionsError(
      `Période invalide : ${options.from} – ${options.to} (dates au format aaaa-mm-jj).`,
      `Invalid period: ${options.from} – ${options.to} (dates as yyyy-MM-dd).`,
    );
  }
  if (options.from > options.to) {
    throw new CityExportOptionsError(
      `La période commence après sa fin (${options.from} > ${options.to}).`,
      `The period starts after it ends (${options.from} > ${options.to}).`,
    );
  }
  if (options.mode === 'named' && (options.reason ?? '').trim() === '') {
    throw new CityExportOptionsError('Un export nominatif demande un motif.', 'A named export needs a reason.');
  }
}

export async function prepareCityExport(source: RecordSource, options: CityExportOptions): Promise<PreparedCityExport> {
  checkCityExportOptions(options);
  return prepareTables(source, { kind: 'period', from: options.from, to: options.to }, options);
}

/** Shared by the full export and the single-table export: read, then build the rows. */
export async function prepareTables(
  source: RecordSource,
  selection: ShiftSelection,
  options: Omit<CityExportOptions, 'from' | 'to'> & { from?: LocalDate; to?: LocalDate },
): Promise<PreparedCityExport> {
  const data = await collectExportData(source, {
    selection,
    settings: options.settings,
    named: options.mode === 'named',
    onProgress: options.onProgress,
  });
  const built = buildTables(data, options.settings, options.mode);
  const from = options.from ?? '';
  const to = options.to ?? '';
  return {
    from,
    to,
    profile: options.profile,
    mode: options.mode,
    reason: options.mode === 'named' ? (options.reason ?? '').trim() : null,
    settings: options.settings,
    tables: built.tables,
    rowCounts: Object.fromEntries(TABLE_NAMES.map((table) => [table, built.tables[table].length])) as Record<
      ExportTableName,
      number
    >,
    volunteerIds: built.volunteerIds,
    namedVolunteerIds: built.namedVolunteerIds,
    warnings: data.warnings,
    fileName: cityExportFileName(options.settings.associationName, from, to),
  };
}

/** One table's CSV text, chunk by chunk (BOM and header first). */
export function cityExportCsv(prepared: PreparedCityExport, table: ExportTableName): Generator<string, number> {
  return writeCsv(columnsOf(table, prepared.mode), prepared.tables[table], profileFormat(prepared.profile));
}

/** The first rows of a table as the file will show them (the Exports screen's preview): header, then cells. */
export function previewTable(
  prepared: PreparedCityExport,
  table: ExportTableName,
  limit = 5,
): { header: string[]; rows: string[][] } {
  const columns = columnsOf(table, prepared.mode);
  const format = profileFormat(prepared.profile);
  return {
    header: columns.map((column) => column.name),
    rows: prepared.tables[table]
      .slice(0, limit)
      .map((row: Row) => columns.map((column, index) => formatCell(column, row[index] ?? null, format))),
  };
}

const ZIP32_LIMIT = 0xffffffff;

/**
 * The zip, as a stream of bytes: the four CSVs, `datapackage.json`, then `manifest.json` with each entry's SHA-256
 * (hashed as it streams, ./sha256.ts) and data row count. Entries carry the generation time (Paris wall time) as
 * their date; nothing else depends on it but `genere_le`.
 */
export async function* writeCityExportZip(
  prepared: PreparedCityExport,
  meta: { readonly generatedAt: Instant; readonly application: ExportApplication; readonly level?: 0 | 1 | 6 | 9 },
): AsyncGenerator<Uint8Array, CityExportManifest, undefined> {
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      written += chunk.length;
      output.push(chunk);
    }
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    if (written > ZIP32_LIMIT)
      throw new RangeError('Export trop volumineux (plus de 4 Gio) / export too large (4 GiB)');
    for (const chunk of output.splice(0)) yield chunk;
  };
  const mtime = entryTime(meta.generatedAt);
  const encoder = new TextEncoder();
  const files: { nom: string; lignes: number; sha256: string }[] = [];

  const addEntry = function* (name: string, chunks: Iterator<string, number>): Generator<Uint8Array, void> {
    const file = new ZipDeflate(name, { level: meta.level ?? 6 });
    file.mtime = mtime;
    zip.add(file);
    const hash = createSha256();
    for (;;) {
      const next = chunks.next();
      if (next.done) {
        file.push(new Uint8Array(0), true);
        files.push({ nom: name, lignes: next.value, sha256: hash.hex() });
        yield* drain();
        return;
      }
      const bytes = encoder.encode(next.value);
      hash.update(bytes);
      file.push(bytes);
      yield* drain();
    }
  };

  for (const table of TABLE_NAMES) yield* addEntry(fileNameOf(table), cityExportCsv(prepared, table));
  yield* addEntry('datapackage.json', single(dataPackageJson(prepared.profile, prepared.mode)));

  const manifest = cityExportManifest(prepared, meta, files);
  const manifestFile = new ZipDeflate('manifest.json', { level: meta.level ?? 6 });
  manifestFile.mtime = mtime;
  zip.add(manifestFile);
  manifestFile.push(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  zip.end();
  yield* drain();
  return manifest;
}

export function cityExportManifest(
  prepared: PreparedCityExport,
  meta: { readonly generatedAt: Instant; readonly application: ExportApplication },
  files: readonly { nom: string; lignes: number; sha256: string }[],
): CityExportManifest {
  // Keys in the contract's order: JSON.stringify keeps insertion order.
  return {
    contrat: 'volontaires-climat-export',
    version: '1.0',
    genere_le: formatParisIsoOffset(Math.floor(Date.parse(meta.generatedAt) / 1000) * 1000),
    application: { nom: meta.application.name, version: meta.application.version },
    association: {
      nom: prepared.settings.associationName,
      rna: prepared.settings.rna ?? null,
      siret: prepared.settings.siret ?? null,
    },
    profil: prepared.profile,
    mode: prepared.mode === 'named' ? 'nominatif' : 'pseudonyme',
    motif: prepared.reason,
    periode: { du: prepared.from, au: prepared.to },
    fichiers: files.map((file) => ({ nom: file.nom, lignes: file.lignes, sha256: file.sha256 })),
  };
}

function* single(text: string): Generator<string, number> {
  yield text;
  return 0;
}

/**
 * ZIP stores a zone-less local date and time, which fflate reads from the `Date`'s local fields: building the `Date`
 * from Paris wall-time fields gives the same bytes in every time zone the export runs in.
 */
function entryTime(generatedAt: Instant): Date {
  const wall = instantToParisWallTime(generatedAt);
  const year = Math.min(Math.max(wall.year, 1980), 2099);
  return new Date(year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}
