import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import type { ProgressListener, RecordSink, RecordSource } from './ports';

export const DEFAULT_BATCH_SIZE = 2_000;

/**
 * Copy every shared table from a source to a sink in batches, table by table, then finish the sink. The batch is the
 * unit of memory: at most `batchSize` records are held at once.
 */
export async function copyRecords(
  source: RecordSource,
  sink: RecordSink,
  options: { batchSize?: number; tables?: readonly SharedTableName[]; onProgress?: ProgressListener } = {},
): Promise<Record<SharedTableName, number>> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const tables = options.tables ?? SHARED_TABLE_NAMES;
  let total = 0;
  for (const table of tables) total += await source.count(table);
  const counts = Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, 0])) as Record<SharedTableName, number>;
  let done = 0;
  for (const table of tables) {
    let batch: SharedRecord<typeof table>[] = [];
    for await (const record of source.records(table)) {
      batch.push(record);
      if (batch.length >= batchSize) {
        await sink.writeBatch(table, batch);
        done += batch.length;
        counts[table] += batch.length;
        options.onProgress?.({ table, done, total });
        batch = [];
      }
    }
    if (batch.length > 0) {
      await sink.writeBatch(table, batch);
      done += batch.length;
      counts[table] += batch.length;
    }
    options.onProgress?.({ table, done, total });
  }
  await sink.finish();
  return counts;
}
