import { parseLocalDate } from '../domain/local-date';
import { parisInstantsOfWallTime, parisOffsetMinutes } from '../domain/paris-time';
import { readCsvRecords, type CsvSyntaxProblem } from './csv-reader';
import type { DataResource, TableSchemaField } from './schema';

/**
 * The project's own validator (city-export.md, "Schemas and checks": no Frictionless validator can be installed on
 * these machines). It checks a CSV's bytes against its Data Package resource: encoding and byte-order mark, dialect
 * (delimiter, CRLF after every record and inside cells, quoting), header, every cell's type, format, pattern, enum
 * and required constraint, text cells' protection against formulas, and the number of data rows. Each error names
 * the data row (1 = first row after the header, 0 = the header) and the column.
 */

export type ValidationCode =
  | 'missing-bom'
  | 'unexpected-bom'
  | 'invalid-utf8'
  | CsvSyntaxProblem['code']
  | 'bare-line-break-in-cell'
  | 'header'
  | 'cell-count'
  | 'required'
  | 'type'
  | 'format'
  | 'pattern'
  | 'enum'
  | 'formula'
  | 'row-count';

export interface ValidationError {
  readonly code: ValidationCode;
  /** Data row: 1 is the first row after the header; 0 the header; null the file as a whole. */
  readonly row: number | null;
  readonly column: string | null;
  /** 1-based column number, or null. */
  readonly columnNumber: number | null;
  readonly value?: string;
  readonly message: string;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly rows: number;
  readonly errors: readonly ValidationError[];
}

const BOM = [0xef, 0xbb, 0xbf];

export function validateCsv(
  bytes: Uint8Array,
  resource: DataResource,
  options: { expectedRows?: number; maxErrors?: number } = {},
): ValidationResult {
  const maxErrors = options.maxErrors ?? 100;
  const errors: ValidationError[] = [];
  const add = (error: ValidationError) => {
    if (errors.length < maxErrors) errors.push(error);
  };
  const fileError = (code: ValidationCode, message: string) =>
    add({ code, row: null, column: null, columnNumber: null, message });

  const hasBom = BOM.every((byte, index) => bytes[index] === byte);
  if (resource.encoding === 'utf-8-sig' && !hasBom) fileError('missing-bom', 'UTF-8 byte-order mark missing');
  if (resource.encoding === 'utf-8' && hasBom) fileError('unexpected-bom', 'unexpected UTF-8 byte-order mark');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    fileError('invalid-utf8', 'not valid UTF-8');
    return { valid: false, rows: 0, errors };
  }

  const fields = resource.schema.fields;
  const problems: CsvSyntaxProblem[] = [];
  let rows = 0;
  let recordIndex = 0;
  for (const record of readCsvRecords(text, resource.dialect.delimiter, problems)) {
    const row = recordIndex++;
    if (row === 0) {
      const names = fields.map((field) => field.name);
      const width = Math.max(names.length, record.cells.length);
      for (let index = 0; index < width; index++) {
        if (record.cells[index] !== names[index]) {
          add({
            code: 'header',
            row: 0,
            column: names[index] ?? null,
            columnNumber: index + 1,
            value: record.cells[index],
            message: `header: expected ${names[index] ?? '(nothing)'}, found ${record.cells[index] ?? '(nothing)'}`,
          });
          break;
        }
      }
      continue;
    }
    rows++;
    if (record.cells.length !== fields.length) {
      add({
        code: 'cell-count',
        row,
        column: null,
        columnNumber: null,
        message: `row ${row}: ${record.cells.length} cells for ${fields.length} columns`,
      });
      continue;
    }
    fields.forEach((field, index) => {
      const problem = checkCell(field, record.cells[index] as string);
      if (problem) {
        add({
          ...problem,
          row,
          column: field.name,
          columnNumber: index + 1,
          value: record.cells[index],
          message: `row ${row}, column ${field.name}: ${problem.message}`,
        });
      }
    });
  }
  for (const problem of problems) {
    add({
      code: problem.code,
      row: null,
      column: null,
      columnNumber: problem.cell + 1,
      message: `line ${problem.line}: ${problem.code}`,
    });
  }
  if (recordIndex === 0) fileError('header', 'empty file: no header');
  if (options.expectedRows !== undefined && options.expectedRows !== rows) {
    fileError('row-count', `expected ${options.expectedRows} data rows, found ${rows}`);
  }
  return { valid: errors.length === 0, rows, errors };
}

type CellProblem = { code: ValidationCode; message: string };

export function checkCell(field: TableSchemaField, cell: string): CellProblem | null {
  const constraints = field.constraints ?? {};
  if (cell === '') return constraints.required ? { code: 'required', message: 'required value missing' } : null;
  if (/\r(?!\n)|(?<!\r)\n/.test(cell)) {
    return { code: 'bare-line-break-in-cell', message: 'line break inside a cell that is not CRLF' };
  }
  switch (field.type) {
    case 'string':
      break;
    case 'integer':
      if (!/^\d+$/.test(cell)) return { code: 'type', message: `not an integer: ${cell}` };
      break;
    case 'number': {
      const decimal = escapeRegExp(field.decimalChar ?? '.');
      // At most two decimals and no trailing zero (city-export.md, `dec`); no thousands separator ever.
      if (!new RegExp(`^\\d+(${decimal}\\d?[1-9])?$`).test(cell)) {
        return { code: 'type', message: `not a decimal in this profile: ${cell}` };
      }
      break;
    }
    case 'date':
      if (!checkDate(cell, field.format)) return { code: 'format', message: `not a date as ${field.format}: ${cell}` };
      break;
    case 'datetime':
      if (!checkDatetime(cell, field.format)) {
        return { code: 'format', message: `not a Paris date and time as ${field.format}: ${cell}` };
      }
      break;
    case 'boolean':
      if (![...(field.trueValues ?? []), ...(field.falseValues ?? [])].includes(cell)) {
        return { code: 'type', message: `not a boolean of this profile: ${cell}` };
      }
      break;
  }
  if (constraints.pattern !== undefined && !new RegExp(`^(?:${constraints.pattern})$`).test(cell)) {
    return { code: 'pattern', message: `does not match ${constraints.pattern}: ${cell}` };
  }
  if (constraints.enum !== undefined && !constraints.enum.includes(cell)) {
    return { code: 'enum', message: `not one of ${constraints.enum.join(', ')}: ${cell}` };
  }
  // Free text must come out protected: no cell may begin with a formula trigger (OWASP CSV injection).
  if (field.type === 'string' && /^[=+\-@\t\r\n]/.test(cell)) {
    return { code: 'formula', message: `text begins with a formula character: ${JSON.stringify(cell)}` };
  }
  return null;
}

function checkDate(cell: string, format: string | undefined): boolean {
  const parts = datePartsOf(cell, format);
  return parts !== null && parseLocalDate(parts) !== null;
}

function datePartsOf(cell: string, format: string | undefined): string | null {
  if (format === '%d/%m/%Y') {
    const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell);
    return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell : null;
}

function checkDatetime(cell: string, format: string | undefined): boolean {
  if (format === '%d/%m/%Y %H:%M') {
    const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(cell);
    if (!match) return false;
    const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
    if (!parseLocalDate(`${match[3]}-${match[2]}-${match[1]}`) || hour > 23 || minute > 59) return false;
    // A wall time in the spring-forward gap never happened in Paris.
    return parisInstantsOfWallTime({ year, month, day, hour, minute, second: 0 }).length > 0;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/.exec(cell);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  if (!parseLocalDate(cell.slice(0, 10)) || (hour as number) > 23 || (minute as number) > 59) return false;
  if ((second as number) > 59) return false;
  const offset = (match[7] === '-' ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9]));
  const instant =
    Date.UTC(year as number, (month as number) - 1, day as number, hour as number, minute as number, second as number) -
    offset * 60_000;
  // The offset must be the one Paris had at that instant.
  return parisOffsetMinutes(instant) === offset;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
