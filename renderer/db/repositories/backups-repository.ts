import type { SnapshotManifest } from '../../../shared/snapshot';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import type { SnapshotProgress } from '../snapshot-protocol';

/** Snapshots (zip, validation, their Worker) are fetched on first use, not at start-up (issue #12). */
const snapshotIo = () => import('../snapshot-io');

const LAST_BACKUP_KEY = 'lastBackupAt';
/** product.md: "a warning when no backup has left this laptop for a week". */
export const BACKUP_REMINDER_DAYS = 7;

/**
 * Backups and restores of the whole store as snapshot files (docs/snapshot.md). The time of the last backup is
 * desk-local (never merged, never restored from a file).
 */
export function createBackupsRepository(db: DeskDatabase, desk: DeskContext) {
  return {
    /** The snapshot of the whole store, zipped in a Worker; `saved()` is to be called once the file is written. */
    async write(onProgress?: (progress: SnapshotProgress) => void): Promise<Blob> {
      const { writeSnapshotFromStore } = await snapshotIo();
      return writeSnapshotFromStore(db, onProgress, { now: desk.now });
    },

    async saved(): Promise<void> {
      await db.uiPreferences.put({ key: LAST_BACKUP_KEY, value: desk.now().toISOString() });
    },

    async lastBackupAt(): Promise<string | null> {
      const row = await db.uiPreferences.get(LAST_BACKUP_KEY);
      return typeof row?.value === 'string' ? row.value : null;
    },

    /** Checks every record of a file without touching the store: what a restore would bring, or a SnapshotError. */
    async inspect(file: Blob): Promise<SnapshotManifest> {
      const { validateSnapshot } = await import('../../../shared/snapshot');
      return validateSnapshot(streamChunks(file));
    },

    /** Replaces the store's shared data with the file's (validated again first, in a Worker). */
    async restore(file: Blob, onProgress?: (progress: SnapshotProgress) => void): Promise<SnapshotManifest> {
      const { loadSnapshotIntoStore } = await snapshotIo();
      return loadSnapshotIntoStore(db, file, onProgress, { replace: true });
    },
  };
}

export type BackupsRepository = ReturnType<typeof createBackupsRepository>;

async function* streamChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
