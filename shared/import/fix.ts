import type { ParsedCsv } from './parse';

/**
 * "Fix the value" of a field error: the cell is corrected in the parsed file and the file analysed again, so the
 * corrected value goes through exactly the same rules (a fixed e-mail may now show a duplicate). Returns a new
 * parsed file; the original is not changed.
 */
export function withFixedCell(parsed: ParsedCsv, rowIndex: number, column: number, text: string): ParsedCsv {
  return {
    ...parsed,
    rows: parsed.rows.map((row) => {
      if (row.index !== rowIndex) return row;
      const cells = [...row.cells];
      while (cells.length <= column) cells.push('');
      cells[column] = text;
      return { ...row, cells };
    }),
  };
}
