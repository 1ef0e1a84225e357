import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../../../shared/domain/tables';
import { readSnapshot, type OpenBytes, type SnapshotReadEvent } from '../../../shared/snapshot';
import type { RecordSource } from '../../../shared/storage/ports';

/**
 * A snapshot file as a `RecordSource` that reads the file front to back once when its tables are asked for in the
 * file's order (the export pipeline does: shared/export/collect.ts). The generic snapshot source streams the whole
 * file again for every table; a city-scale snapshot (50,000 volunteers, 500,000 sign-ups) takes some 18 s per pass
 * here, so eight passes would cost minutes. Asking for a table that lies behind the current position simply opens
 * a new stream. Records are checked by the snapshot reader as they stream, as everywhere else.
 */
export interface SequentialSnapshotSource extends RecordSource {
  /** Stop reading (close the file) once the pipeline is done. */
  close(): Promise<void>;
}

export function createSequentialSnapshotSource(
  open: OpenBytes,
  tables: readonly SharedTableName[],
): SequentialSnapshotSource {
  let reader: AsyncGenerator<SnapshotReadEvent> | null = null;
  /** Index in the file's table order of the table the reader is in or has just finished. */
  let position = -1;
  let counts: Record<SharedTableName, number> | null = null;

  const start = async (): Promise<AsyncGenerator<SnapshotReadEvent>> => {
    await reader?.return(undefined);
    const next = readSnapshot(open(), { tables });
    position = -1;
    const first = await next.next();
    if (first.done || first.value.type !== 'manifest') throw new Error('unreachable: the manifest comes first');
    counts = first.value.manifest.counts;
    reader = next;
    return next;
  };

  return {
    async count(table) {
      if (!counts) await start();
      return (counts as Record<SharedTableName, number>)[table];
    },
    async *records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
      const index = SHARED_TABLE_NAMES.indexOf(table);
      if (!tables.includes(table)) throw new RangeError(`Table not opened for reading: ${table}`);
      const current = reader === null || index <= position ? await start() : reader;
      for (;;) {
        const next = await current.next();
        if (next.done) return;
        const event = next.value;
        if (event.type === 'records' && event.table === table) yield* event.records as SharedRecord<T>[];
        if (event.type === 'table-end') {
          position = SHARED_TABLE_NAMES.indexOf(event.table);
          if (event.table === table) return;
        }
      }
    },
    async close() {
      await reader?.return(undefined);
      reader = null;
    },
  };
}
