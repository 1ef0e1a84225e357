import { checkVolunteerRef } from './volunteer-ref';

/**
 * Barcode scanners type like a keyboard: they send key positions, and the computer reads them through its own layout.
 * A scanner set to the US layout on a French AZERTY computer therefore types `B)èF"KçAXéR` for `B-7F3K9QX2R`: the
 * digits row gives `&é"'(-è_çà` unshifted, `-` sits where AZERTY has `)`, and A/Q, Z/W and M swap places.
 *
 * The table below maps, for each key position that a reference can use, the character a US layout gives to the one an
 * AZERTY layout gives. Only the keys that differ are listed; every other character is the same on both.
 */
const US_TO_AZERTY: ReadonlyArray<readonly [us: string, azerty: string]> = [
  ['1', '&'],
  ['2', 'é'],
  ['3', '"'],
  ['4', "'"],
  ['5', '('],
  ['6', '-'],
  ['7', 'è'],
  ['8', '_'],
  ['9', 'ç'],
  ['0', 'à'],
  ['-', ')'],
  ['a', 'q'],
  ['q', 'a'],
  ['z', 'w'],
  ['w', 'z'],
  ['A', 'Q'],
  ['Q', 'A'],
  ['Z', 'W'],
  ['W', 'Z'],
  // US M is AZERTY's comma key (Shift gives "?"); US ";" is AZERTY's M key.
  ['m', ','],
  ['M', '?'],
  [';', 'm'],
  [':', 'M'],
];

const TO_AZERTY = new Map(US_TO_AZERTY);
const FROM_AZERTY = new Map(US_TO_AZERTY.map(([us, azerty]) => [azerty, us] as const));

/** What a US-layout scanner types on an AZERTY computer for `text` (used by tests and the benchmark). */
export function usToAzerty(text: string): string {
  return [...text].map((character) => TO_AZERTY.get(character) ?? character).join('');
}

/** The inverse: what the scanner meant, from what the AZERTY computer received. */
export function azertyToUs(text: string): string {
  return [...text].map((character) => FROM_AZERTY.get(character) ?? character).join('');
}

/**
 * A volunteer reference from what a scanner (or a person) typed: as is when it is already a valid reference, else
 * read back through the US→AZERTY table. Null when neither reading is a valid reference (the Luhn check character
 * makes a false reading very unlikely). The typed form is tried first because AZERTY's own "-" is US "6".
 */
export function referenceFromScan(typed: string): string | null {
  const direct = checkVolunteerRef(typed);
  if (direct.ok) return direct.ref;
  const mapped = checkVolunteerRef(azertyToUs(typed.trim()));
  return mapped.ok ? mapped.ref : null;
}
