import { writeCsv } from './csv-write';
import type { ImportPreview } from './analyse';
import { importMessage } from './messages';
import type { ImportPlan, RowResult } from './plan';

/**
 * The rows that were not imported, as a CSV the user can correct and import again (issue #10): the file's header and
 * cells unchanged, the same delimiter, and one more column giving the reason in French. Encode it with
 * `encodeCsvForSpreadsheets` (UTF-8 with BOM) to save it.
 */
export function rejectedRowsCsv(preview: ImportPreview, plan: ImportPlan): string {
  const byIndex = new Map<number, RowResult>(plan.rows.map((result) => [result.index, result]));
  const width = preview.header.length;
  const records: string[][] = [[...preview.header, importMessage('rejection_column', 'fr')]];
  for (const row of plan.rejectedRows) {
    const result = byIndex.get(row.index);
    const cells = Array.from(
      { length: Math.max(width, row.cells.length) },
      (_unused, column) => row.cells[column] ?? '',
    );
    records.push([...cells.slice(0, width), result ? rejectionText(result) : '']);
  }
  return writeCsv(records, preview.file.delimiter);
}

/** The reason of a row result in French, with the line or the reference it refers to. */
export function rejectionText(result: RowResult, language: 'fr' | 'en' = 'fr'): string {
  if (!result.reason) return '';
  return importMessage(result.reason, language, {
    line: result.duplicateOfLine ?? '?',
    ref: result.duplicateOfRef ?? '?',
  });
}
