import type { Hundredths } from '../domain/hours';
import type { Column } from './columns';
import { formatDec, RECORD_END, type ProfileFormat } from './profiles';

/**
 * The CSV writer of the city export, driven by typed columns (city-export.md, "Safety of the text").
 *
 * A small writer of our own rather than a library, because the two obvious ones get the contract's traps wrong:
 * Papa Parse's `escapeFormulae: true` misses a multi-line cell that begins with `=` and prefixes `-3` and `+33…`
 * (numbers and phones) with a quote, and csv-stringify leaves a field with a bare LF unquoted when the record
 * delimiter is CRLF. Here only `text` cells are ever prefixed; every cell is quoted when it holds the delimiter, `"`,
 * CR or LF; line breaks inside text become CRLF; every record ends with CRLF.
 *
 * Rows are produced one string per record, so a caller can stream a 500,000-row table without building one string.
 */

/** A cell as the pipeline computes it, before formatting: null is an empty cell (unknown or not applicable). */
export type CellValue = string | number | boolean | null;
export type Row = readonly CellValue[];

/** The leading characters that make a spreadsheet evaluate a cell (OWASP, "CSV Injection"). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);
const LINE_BREAK = /\r\n|\r|\n/g;

/** A text value as written: line breaks as CRLF, and a leading `'` when it begins with a formula trigger. */
export function protectText(value: string): string {
  const normalised = value.replace(LINE_BREAK, '\r\n');
  return FORMULA_TRIGGERS.has(normalised.charAt(0)) ? `'${normalised}` : normalised;
}

/** Quote a field when it contains the delimiter, `"`, CR or LF, doubling the quotes (RFC 4180, section 2). */
export function quoteField(field: string, delimiter: string): string {
  if (field.includes(delimiter) || field.includes('"') || field.includes('\r') || field.includes('\n')) {
    return `"${field.replaceAll('"', '""')}"`;
  }
  return field;
}

/** One cell formatted by its column's type and the profile; `text` is the only type that is protected. */
export function formatCell(column: Column, value: CellValue, format: ProfileFormat): string {
  if (value === null) return '';
  switch (column.type) {
    case 'text':
      return protectText(expect(value, 'string', column));
    case 'id':
    case 'enum':
    case 'code':
      return expect(value, 'string', column);
    case 'int': {
      const number = expect(value, 'number', column);
      if (!Number.isSafeInteger(number)) throw new RangeError(`${column.name}: not an integer: ${number}`);
      return String(number);
    }
    case 'dec':
      return formatDec(expect(value, 'number', column) as Hundredths, format);
    case 'date':
      return format.formatDate(expect(value, 'string', column));
    case 'datetime':
      if (typeof value === 'boolean') throw new TypeError(`${column.name}: not an instant`);
      return format.formatDatetime(value);
    case 'bool':
      return expect(value, 'boolean', column) ? format.trueValue : format.falseValue;
  }
}

/** The header line, with the byte-order mark first in profiles that want one. */
export function csvHeader(columns: readonly Column[], format: ProfileFormat): string {
  const header = columns.map((column) => quoteField(column.name, format.delimiter)).join(format.delimiter);
  return `${format.bom ? '\uFEFF' : ''}${header}${RECORD_END}`;
}

/** One record, CRLF included. */
export function csvRecord(columns: readonly Column[], row: Row, format: ProfileFormat): string {
  if (row.length !== columns.length) {
    throw new RangeError(`A row has ${row.length} cells for ${columns.length} columns`);
  }
  let line = '';
  for (let index = 0; index < columns.length; index++) {
    if (index > 0) line += format.delimiter;
    line += quoteField(formatCell(columns[index] as Column, row[index] as CellValue, format), format.delimiter);
  }
  return line + RECORD_END;
}

/** A whole table as text chunks: the header, then records gathered into chunks of about `chunkCharacters`. */
export function* writeCsv(
  columns: readonly Column[],
  rows: Iterable<Row>,
  format: ProfileFormat,
  chunkCharacters = 64 * 1024,
): Generator<string, number, undefined> {
  let chunk = csvHeader(columns, format);
  let count = 0;
  for (const row of rows) {
    chunk += csvRecord(columns, row, format);
    count++;
    if (chunk.length >= chunkCharacters) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
  return count;
}

function expect<T extends 'string' | 'number' | 'boolean'>(
  value: CellValue,
  type: T,
  column: Column,
): T extends 'string' ? string : T extends 'number' ? number : boolean {
  if (typeof value !== type) throw new TypeError(`${column.name}: expected a ${type}, got ${typeof value}`);
  return value as T extends 'string' ? string : T extends 'number' ? number : boolean;
}
