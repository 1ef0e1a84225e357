import Papa from 'papaparse';
import type { Delimiter } from './delimiter';

/**
 * Cells to CSV text, quoted where needed (a cell holding the delimiter, a quote, a line break or edge spaces), CRLF
 * between records (RFC 4180, and what Excel writes). Cells are written as they are: no formula escaping, so that a
 * file the user corrects and imports again gives back exactly what they typed.
 */
export function writeCsv(records: readonly (readonly string[])[], delimiter: Delimiter): string {
  return Papa.unparse(
    records.map((record) => [...record]),
    { delimiter, newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false },
  );
}

/** UTF-8 with a byte order mark, which Excel needs to read accents right; every other tool ignores it. */
export function encodeCsvForSpreadsheets(text: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${text}`);
}
