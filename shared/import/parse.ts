import Papa from 'papaparse';
import { decodeCsvBytes, type TextEncodingName } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { ImportFileError } from './errors';

/**
 * Text to cells, with papaparse (RFC 4180 quoting, quoted cells spanning lines, `""` escapes): a well-kept parser
 * rather than a hand-written one. What papaparse does not do for us is done here: line breaks are normalised first
 * (papaparse guesses ONE line ending per file, so a file mixing CRLF and LF would keep stray breaks in cells), every
 * record carries the physical line it starts on (papaparse counts records, not lines), an unterminated quote stops
 * the reading with its line, and records whose cells are all blank are skipped (spreadsheets export trailing
 * `;;;;` lines). Parsing goes record by record (`step`) with a progress callback, so a Worker can report progress
 * on 50,000 rows.
 */

export interface ParsedRow {
  /** 0-based position among the data rows (the header excluded): the row's id in the preview and resolutions. */
  readonly index: number;
  /** 1-based physical line where the record starts (the header is usually line 1). */
  readonly line: number;
  readonly cells: readonly string[];
  /** papaparse found quotes in the middle of a cell: kept as parsed, flagged. */
  readonly malformedQuotes: boolean;
}

export interface ParsedCsv {
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
  readonly fellBackToWindows1252: boolean;
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly ParsedRow[];
}

export interface ParseProgress {
  /** Characters parsed so far, of `total`. */
  readonly done: number;
  readonly total: number;
  readonly rows: number;
}

export interface ParseOptions {
  /** Force a delimiter (the user's choice); detected otherwise. */
  readonly delimiter?: Delimiter;
  readonly onProgress?: (progress: ParseProgress) => void;
  /** Rows between two progress calls (default 1,000). */
  readonly progressEvery?: number;
}

/** CRLF, LF, lone CR (old Mac exports) or a mix of them: all become LF, inside quoted cells too. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Bytes of a CSV file to rows: decode (UTF-8 or Windows-1252), detect the delimiter, parse. Run it in a Worker. */
export function readCsvFile(bytes: Uint8Array, options: ParseOptions = {}): ParsedCsv {
  const decoded = decodeCsvBytes(bytes);
  const parsed = parseCsvText(decoded.text, options);
  return {
    ...parsed,
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    fellBackToWindows1252: decoded.fellBackToWindows1252,
  };
}

/** Decoded text to rows; `encoding` fields say UTF-8 (the text was already a string). */
export function parseCsvText(input: string, options: ParseOptions = {}): ParsedCsv {
  const text = normaliseLineBreaks(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  if (text.trim() === '') throw new ImportFileError('empty_file', 1);
  const delimiter = options.delimiter ?? detectDelimiter(text).delimiter;
  const every = options.progressEvery ?? 1_000;
  const records: { line: number; cells: string[]; malformedQuotes: boolean }[] = [];
  let start = 0;
  let line = 1;
  let unterminatedAt: number | null = null;

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      const end = result.meta.cursor;
      const startLine = line;
      line += countLineBreaks(text, start, end);
      start = end;
      const cells = result.data;
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        unterminatedAt ??= startLine;
        return;
      }
      if (cells.every((cell) => cell.trim() === '')) return;
      records.push({
        line: startLine,
        cells,
        malformedQuotes: result.errors.some((error) => error.code === 'InvalidQuotes'),
      });
      if (options.onProgress && records.length % every === 0) {
        options.onProgress({ done: end, total: text.length, rows: records.length });
      }
    },
  });
  if (unterminatedAt !== null) throw new ImportFileError('unterminated_quote', unterminatedAt);
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('empty_file', 1);
  if (data.length === 0) throw new ImportFileError('no_rows', header.line + 1);
  options.onProgress?.({ done: text.length, total: text.length, rows: records.length });
  return {
    encoding: 'utf-8',
    hadBom: input.charCodeAt(0) === 0xfeff,
    fellBackToWindows1252: false,
    delimiter,
    header: header.cells,
    headerLine: header.line,
    rows: data.map((record, index) => ({ index, ...record })),
  };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
