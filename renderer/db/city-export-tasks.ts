import {
  exportReadTables,
  prepareCityExport,
  previewTable,
  TABLE_NAMES,
  writeCityExportZip,
  type ExportTableName,
  type PreparedCityExport,
  type Row,
} from '../../shared/export';
import type { CityExportProgress, CityExportRequest, CityExportSummary, ZipRequest } from './city-export-protocol';
import type { DeskDatabase } from './database';
import { createDexieRecordSource } from './dexie-store';
import { chunksToBlob } from './snapshot-streams';

/**
 * The city export's work, UI-free and independent of where it runs: in the Worker (city-export-worker.ts) normally,
 * inline where Workers do not exist (unit tests in jsdom). The same shared pipeline as `desk export`.
 */

export const ZIP_MEDIA_TYPE = 'application/zip';
/** Rows written between two progress reports while zipping. */
const ZIP_PROGRESS_EVERY = 2_000;
/** The tables the pipeline reads (shared/export/collect.ts), consents included for named mode. */
const READ_TABLES = exportReadTables(true);

export class CityExportCancelled extends Error {
  constructor() {
    super('Export annulé / export cancelled');
    this.name = 'CityExportCancelled';
  }
}

/** Read the store and build the four tables; `total` counts the records to read, for a determinate progress bar. */
export async function prepareCityExportTask(
  db: DeskDatabase,
  request: CityExportRequest,
  onProgress: (progress: CityExportProgress) => void,
  signal?: AbortSignal,
): Promise<PreparedCityExport> {
  const tables = READ_TABLES.filter((table) => table !== 'consents' || request.mode === 'named');
  const counts = await Promise.all(tables.map((table) => db.table(table).count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  onProgress({ phase: 'read', done: 0, total, table: null });
  return prepareCityExport(createDexieRecordSource(db), {
    ...request,
    onProgress: (progress) => {
      if (signal?.aborted) throw new CityExportCancelled();
      onProgress({ phase: 'read', done: progress.done, total, table: progress.table });
    },
  });
}

/** What the screen and the export log keep of a prepared export (the rows stay where they were built). */
export function summariseCityExport(prepared: PreparedCityExport, previewRows = 3): CityExportSummary {
  return {
    from: prepared.from,
    to: prepared.to,
    profile: prepared.profile,
    mode: prepared.mode,
    reason: prepared.reason,
    fileName: prepared.fileName,
    rowCounts: { ...prepared.rowCounts },
    volunteerIds: [...prepared.volunteerIds],
    namedVolunteerIds: [...prepared.namedVolunteerIds],
    previews: Object.fromEntries(
      TABLE_NAMES.map((table) => [table, previewTable(prepared, table, previewRows)]),
    ) as CityExportSummary['previews'],
    warnings: prepared.warnings.length,
  };
}

/**
 * Stream the zip into a Blob: chunks are folded into Blobs as they come (snapshot-streams.ts), so a city-scale
 * export is never held whole in the JavaScript heap. Progress counts the rows written, table by table.
 */
export async function zipCityExportTask(
  prepared: PreparedCityExport,
  meta: ZipRequest,
  onProgress: (progress: CityExportProgress) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const total = TABLE_NAMES.reduce((sum, table) => sum + prepared.rowCounts[table], 0);
  let done = 0;
  // The pipeline iterates each table's rows once (shared/export/csv-writer.ts): counting them as they are read
  // gives the progress without changing the pipeline.
  const counted = Object.fromEntries(
    TABLE_NAMES.map((table) => [
      table,
      countingRows(prepared.tables[table], () => {
        done++;
        if (done % ZIP_PROGRESS_EVERY === 0) {
          if (signal?.aborted) throw new CityExportCancelled();
          onProgress({ phase: 'zip', done, total, table });
        }
      }),
    ]),
  ) as Record<ExportTableName, Row[]>;
  onProgress({ phase: 'zip', done: 0, total, table: null });
  const blob = await chunksToBlob(
    writeCityExportZip(
      { ...prepared, tables: counted },
      { generatedAt: meta.generatedAt, application: meta.application },
    ),
    ZIP_MEDIA_TYPE,
  );
  if (signal?.aborted) throw new CityExportCancelled();
  onProgress({ phase: 'zip', done: total, total, table: null });
  return blob;
}

/** The same rows (length, indexing, slicing unchanged), whose iteration reports each row. */
function countingRows(rows: Row[], onRow: () => void): Row[] {
  const copy = rows.slice();
  Object.defineProperty(copy, Symbol.iterator, {
    value: function* (): Generator<Row> {
      for (let index = 0; index < rows.length; index++) {
        onRow();
        yield rows[index]!;
      }
    },
  });
  return copy;
}
