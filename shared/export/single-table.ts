import type { RecordSource } from '../storage/ports';
import { checkCityExportOptions, prepareTables, type CityExportOptions } from './city-export';
import type { ShiftSelection } from './collect';
import { columnsOf, type ExportTableName } from './columns';
import { writeCsv } from './csv-writer';
import { associationSlug } from './file-name';
import { profileFormat } from './profiles';

/**
 * One table alone as a plain CSV (city-export.md, "The deliverable": "a single table (e.g. the roster of one shift)
 * can also be exported alone as a plain CSV with the same columns and rules"): e.g. the participations of one shift
 * or of one mission. The rows are those the full export would give for that selection.
 */

export interface SingleTableOptions extends Omit<CityExportOptions, 'from' | 'to'> {
  readonly table: ExportTableName;
  readonly selection: ShiftSelection;
}

export interface SingleTableExport {
  readonly fileName: string;
  readonly rowCount: number;
  readonly volunteerIds: readonly string[];
  readonly namedVolunteerIds: readonly string[];
  /** The CSV's bytes, chunk by chunk (BOM first in `excel-fr`). */
  chunks(): Generator<Uint8Array, void>;
}

export async function exportSingleTable(source: RecordSource, options: SingleTableOptions): Promise<SingleTableExport> {
  const period = options.selection.kind === 'period' ? options.selection : null;
  if (period) checkCityExportOptions({ ...options, from: period.from, to: period.to });
  else checkCityExportOptions({ ...options, from: '2000-01-01', to: '2000-01-01' });
  const prepared = await prepareTables(source, options.selection, {
    ...options,
    from: period?.from,
    to: period?.to,
  });
  const rows = prepared.tables[options.table];
  const scope =
    options.selection.kind === 'period'
      ? `${options.selection.from}_${options.selection.to}`
      : options.selection.kind === 'shift'
        ? options.selection.shiftId
        : options.selection.missionId;
  const includesPeople = options.table === 'participations';
  return {
    fileName: `volontaires-climat_${associationSlug(options.settings.associationName)}_${options.table}_${associationSlug(scope)}.csv`,
    rowCount: rows.length,
    volunteerIds: includesPeople ? prepared.volunteerIds : [],
    namedVolunteerIds: includesPeople ? prepared.namedVolunteerIds : [],
    *chunks() {
      const encoder = new TextEncoder();
      for (const text of writeCsv(columnsOf(options.table, options.mode), rows, profileFormat(options.profile))) {
        yield encoder.encode(text);
      }
    },
  };
}
