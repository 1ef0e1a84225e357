import { readRow } from '../../../shared/import/analyse';
import type { ImportPreview, RowPreview } from '../../../shared/import';

type StillRefused = ReturnType<typeof readRow>['errors'][number]['code'];

/**
 * A corrected cell through the same value rules as the analysis, at once and in this thread (one row): the error
 * code it still has, or null when the value is now accepted. An emptied cell is always accepted (the field is not
 * imported). The whole file is analysed again afterwards, in the Worker, for duplicates.
 */
export function recheckCell(
  row: RowPreview,
  preview: ImportPreview,
  column: number,
  text: string,
  fixAllCaps: boolean,
): StillRefused | null {
  if (text.trim() === '') return null;
  const cells = [...row.cells];
  while (cells.length <= column) cells.push('');
  cells[column] = text;
  const read = readRow(
    { index: row.index, line: row.line, cells, malformedQuotes: false },
    preview.header,
    preview.mapping,
    {
      today: preview.today,
      fixAllCaps,
    },
  );
  return read.errors.find((issue) => issue.column === column)?.code ?? null;
}
