import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../../shared/domain/tables';
import {
  readSnapshot,
  SNAPSHOT_MEDIA_TYPE,
  validateSnapshot,
  writeSnapshot,
  type SnapshotManifest,
} from '../../shared/snapshot';
import type { DeskDatabase } from './database';
import { createDexieRecordSource } from './dexie-store';
import type { SnapshotProgress } from './snapshot-protocol';
import { blobChunks, chunksToBlob } from './snapshot-streams';

/**
 * The snapshot work itself, UI-free and independent of where it runs: in the Worker (snapshot-worker.ts) normally,
 * inline where Workers do not exist (unit tests in jsdom).
 */

export interface LoadSteps {
  /** The whole file is valid: prepare the store (e.g. clear it). Nothing has been written before this. */
  validated(manifest: SnapshotManifest): Promise<void>;
  batch(table: SharedTableName, records: SharedRecord<SharedTableName>[]): Promise<void>;
  progress(progress: SnapshotProgress): void;
}

/**
 * Check every record of the file, then read it again and hand over the batches: a bad file writes nothing. Inflated
 * by the platform: this runs in Chromium, where its decompressor is about four times fflate's (issue #12).
 */
export async function loadSnapshotTask(blob: Blob, batchSize: number, steps: LoadSteps): Promise<SnapshotManifest> {
  const size = Math.max(1, blob.size);
  let table: SharedTableName | null = null;
  let records = 0;
  const manifest = await validateSnapshot(
    blobChunks(blob, (read) => steps.progress({ phase: 'validate', fraction: read / size, table, records })),
    {
      batchSize,
      platformInflate: true,
      onRecords: (current, done) => {
        table = current;
        records = done;
      },
    },
  );
  await steps.validated(manifest);
  const total = Math.max(
    1,
    SHARED_TABLE_NAMES.reduce((sum, name) => sum + manifest.counts[name], 0),
  );
  let written = 0;
  for await (const event of readSnapshot(blobChunks(blob), { batchSize, platformInflate: true })) {
    if (event.type !== 'records') continue;
    await steps.batch(event.table, event.records);
    written += event.records.length;
    steps.progress({ phase: 'write', fraction: written / total, table: event.table, records: written });
  }
  return manifest;
}

/** Stream the store into a snapshot Blob. */
export async function writeSnapshotTask(
  db: DeskDatabase,
  deskId: string,
  createdAt: string,
  onProgress: (progress: SnapshotProgress) => void,
): Promise<{ blob: Blob; manifest: SnapshotManifest }> {
  let manifest: SnapshotManifest | null = null;
  const stream = writeSnapshot(createDexieRecordSource(db), {
    deskId,
    createdAt,
    onRecords: (table, done, total) =>
      onProgress({ phase: 'write', fraction: total === 0 ? 1 : done / total, table, records: done }),
  });
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        manifest = next.value;
        return;
      }
      yield next.value;
    }
  }
  const blob = await chunksToBlob(bytes(), SNAPSHOT_MEDIA_TYPE);
  if (!manifest) throw new Error('the snapshot writer ended without its manifest');
  return { blob, manifest };
}
