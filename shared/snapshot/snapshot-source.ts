import { type SharedRecord, type SharedTableName } from '../domain/tables';
import type { ProgressListener, RecordSink, RecordSource } from '../storage/ports';
import type { SnapshotManifest } from './format';
import { readSnapshot, validateSnapshot, type ReadSnapshotOptions } from './snapshot-reader';

/** A snapshot's bytes that can be read more than once (a file path, a Blob): each call starts a fresh stream. */
export type OpenBytes = () => AsyncIterable<Uint8Array>;

/**
 * A snapshot file seen as a `RecordSource` (architecture.md, rule 9), so that pipelines read a file as they read the
 * store. Each `records(table)` call streams the file again up to that table; the counts come from the manifest.
 * The whole file is checked on the way, so a damaged file still fails with a `SnapshotError`.
 */
export function createSnapshotSource(open: OpenBytes, options: ReadSnapshotOptions = {}): RecordSource {
  let manifest: Promise<SnapshotManifest> | null = null;
  const readManifest = async (): Promise<SnapshotManifest> => {
    // Only the manifest, at the start of the file, is needed: stop reading after it.
    for await (const event of readSnapshot(open(), { ...options, tables: [] })) {
      if (event.type === 'manifest') return event.manifest;
    }
    throw new Error('unreachable: readSnapshot yields the manifest first or throws');
  };
  return {
    async count(table) {
      manifest ??= readManifest();
      return (await manifest).counts[table];
    },
    async *records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
      for await (const event of readSnapshot(open(), { ...options, tables: [table] })) {
        if (event.type === 'records' && event.table === table) yield* event.records as SharedRecord<T>[];
      }
    },
  };
}

/**
 * Load a snapshot into a sink, all or nothing as far as the file goes: a first pass checks every record, the second
 * writes. A damaged file therefore writes nothing; a sink that fails midway (disk full) is the sink's to roll back.
 */
export async function loadSnapshot(
  open: OpenBytes,
  sink: RecordSink,
  options: ReadSnapshotOptions & { onProgress?: ProgressListener } = {},
): Promise<SnapshotManifest> {
  const checked = await validateSnapshot(open(), options);
  const total = Object.values(checked.counts).reduce((sum, count) => sum + count, 0);
  let done = 0;
  const reader = readSnapshot(open(), options);
  for (;;) {
    const next = await reader.next();
    if (next.done) break;
    const event = next.value;
    if (event.type === 'records') {
      await sink.writeBatch(event.table, event.records);
      done += event.records.length;
      options.onProgress?.({ table: event.table, done, total });
    }
  }
  await sink.finish();
  return checked;
}
