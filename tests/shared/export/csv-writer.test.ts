import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvHeader,
  csvRecord,
  formatCell,
  parseCsv,
  profileFormat,
  unprotectText,
  writeCsv,
  type Column,
  type ExportProfile,
} from '../../../shared/export';

const EXCEL = profileFormat('excel-fr');
const OPEN = profileFormat('open-data');
const col = (name: string, type: Column['type']): Column => ({ name, type, required: false });
const TEXT = col('titre', 'text');

describe('the typed CSV writer', () => {
  it('starts excel-fr with a BOM and `;`, open-data without BOM and with `,`', () => {
    const columns = [col('a', 'id'), col('b', 'text')];
    expect(csvHeader(columns, EXCEL)).toBe('\uFEFFa;b\r\n');
    expect(csvHeader(columns, OPEN)).toBe('a,b\r\n');
    const bytes = new TextEncoder().encode(csvHeader(columns, EXCEL));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('ends every record with CRLF, the last one included', () => {
    const text = [...writeCsv([col('n', 'int')], [[1], [2], [3]], OPEN)].join('');
    expect(text).toBe('n\r\n1\r\n2\r\n3\r\n');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n'])('prefixes a text cell starting with %j with a quote', (trigger) => {
    const cell = formatCell(TEXT, `${trigger}1+1`, EXCEL);
    expect(cell.startsWith(`'${trigger === '\n' ? '\r\n' : trigger}`)).toBe(true);
    expect(unprotectText(cell)).toBe(`${trigger === '\n' || trigger === '\r' ? '\r\n' : trigger}1+1`);
  });

  it('leaves numbers, ids, codes and phones untouched, even when they start with + or -', () => {
    const columns = [col('id', 'id'), col('tel', 'code'), col('n', 'int'), col('h', 'dec'), col('e', 'enum')];
    expect(csvRecord(columns, ['-3', '+33612345678', 3, 950, '@x'], EXCEL)).toBe('-3;+33612345678;3;9,5;@x\r\n');
    expect(csvRecord(columns, ['-3', '+447700900123', 0, 0, 'x'], OPEN)).toBe('-3,+447700900123,0,0,x\r\n');
  });

  it('quotes a multi-line text cell beginning with = and writes its line breaks as CRLF', () => {
    expect(csvRecord([TEXT], ['=HYPERLINK("x")\nsecond\rthird'], EXCEL)).toBe(
      `"'=HYPERLINK(""x"")\r\nsecond\r\nthird"\r\n`,
    );
  });

  it('quotes a bare LF even though records end with CRLF, and doubles quotes', () => {
    expect(csvRecord([TEXT, TEXT], ['a\nb', 'say "hi"'], OPEN)).toBe('"a\r\nb","say ""hi"""\r\n');
  });

  it('quotes a cell containing its profile delimiter only', () => {
    expect(csvRecord([TEXT, TEXT], ['a;b', 'a,b'], EXCEL)).toBe('"a;b";a,b\r\n');
    expect(csvRecord([TEXT, TEXT], ['a;b', 'a,b'], OPEN)).toBe('a;b,"a,b"\r\n');
  });

  it('writes decimals without trailing zeros nor thousands separator', () => {
    const dec = col('h', 'dec');
    expect([900, 950, 225, 5350, 101, 5, 123456789].map((value) => formatCell(dec, value, EXCEL))).toEqual([
      '9',
      '9,5',
      '2,25',
      '53,5',
      '1,01',
      '0,05',
      '1234567,89',
    ]);
    expect(formatCell(dec, 5350, OPEN)).toBe('53.5');
  });

  it('formats dates, datetimes and booleans per profile; empty for null', () => {
    expect(formatCell(col('d', 'date'), '2026-10-24', EXCEL)).toBe('24/10/2026');
    expect(formatCell(col('d', 'date'), '2026-10-24', OPEN)).toBe('2026-10-24');
    // Floored: to the minute in excel-fr, to the second in open-data.
    expect(formatCell(col('t', 'datetime'), '2026-10-24T19:30:59.999Z', EXCEL)).toBe('24/10/2026 21:30');
    expect(formatCell(col('t', 'datetime'), '2026-10-24T19:30:59.999Z', OPEN)).toBe('2026-10-24T21:30:59+02:00');
    expect(formatCell(col('b', 'bool'), true, EXCEL)).toBe('oui');
    expect(formatCell(col('b', 'bool'), false, OPEN)).toBe('false');
    expect(formatCell(col('b', 'bool'), null, OPEN)).toBe('');
  });

  it('streams a large table in chunks and counts its rows', () => {
    const rows = Array.from({ length: 20_000 }, (_unused, index) => [`id-${index}`, 'Balade ; climat']);
    const generator = writeCsv([col('id', 'id'), TEXT], rows, EXCEL, 16 * 1024);
    const chunks: string[] = [];
    let next = generator.next();
    while (!next.done) {
      chunks.push(next.value);
      next = generator.next();
    }
    expect(next.value).toBe(20_000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(17 * 1024);
  });
});

/** The contract's normalisations for a round trip: line breaks as CRLF, the protective quote removed. */
const normalise = (value: string) => unprotectText(value.replace(/\r\n|\r|\n/g, '\r\n'));

describe.each<ExportProfile>(['excel-fr', 'open-data'])('round trip of text cells (%s)', (profile) => {
  const format = profileFormat(profile);
  const pieces = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ';', ',', "'", 'é', 'œ', ' ', 'a');
  const textCell = fc.oneof(
    fc.string(),
    fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
  );

  it('any text cell comes back through the writer and a strict reader', () => {
    fc.assert(
      fc.property(fc.array(textCell, { minLength: 1, maxLength: 4 }), (cells) => {
        const columns = cells.map((_cell, index) => col(`c${index}`, 'text'));
        const text = csvRecord(columns, cells, format);
        const { records, problems } = parseCsv(text, format.delimiter);
        expect(problems).toEqual([]);
        expect(records).toHaveLength(1);
        expect((records[0] as string[]).map(normalise)).toEqual(cells.map(normalise));
        // No cell, once read, starts with a formula trigger.
        for (const cell of records[0] as string[]) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
      }),
    );
  });

  it('Papa Parse reads back the same cells (an independent reader)', () => {
    fc.assert(
      fc.property(fc.array(textCell, { minLength: 2, maxLength: 4 }), (cells) => {
        const columns = cells.map((_cell, index) => col(`c${index}`, 'text'));
        const text = csvHeader(columns, format).replace(/^\uFEFF/, '') + csvRecord(columns, cells, format);
        const parsed = Papa.parse<string[]>(text, { delimiter: format.delimiter, newline: '\r\n' });
        expect(parsed.errors).toEqual([]);
        expect((parsed.data[1] as string[]).map(normalise)).toEqual(cells.map(normalise));
      }),
    );
  });
});
