import type { EncryptOptions } from '../../../shared/backup';
import type { AuditEntry } from '../../../shared/domain/model';
import type { SnapshotManifest } from '../../../shared/snapshot';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import type { SnapshotProgress } from '../snapshot-protocol';
import { RESTORE_NOTICE_KEY, type RestoreNotice } from '../snapshot-restore-marker';

/** Snapshots (zip, validation, their Worker) are fetched on first use, not at start-up (issue #12). */
const snapshotIo = () => import('../snapshot-io');
const backupCrypto = () => import('../../../shared/backup');
const streams = () => import('../snapshot-streams');

/** Encrypted backups are not ZIP files for any other program: a type of their own. */
const ENCRYPTED_MEDIA_TYPE = 'application/octet-stream';

export interface BackupWriteOptions {
  readonly passphrase?: string | undefined;
  /** Tests lower the key derivation's cost; the app keeps the default. */
  readonly encryption?: EncryptOptions | undefined;
  readonly onProgress?: ((progress: SnapshotProgress) => void) | undefined;
}

/** What a restore would bring, shown before anything is replaced. */
export interface BackupContents {
  readonly manifest: SnapshotManifest;
  /** First and last shift start in the file (not deleted), or null when it has no shift. */
  readonly period: { readonly from: string; readonly to: string } | null;
}

const LAST_BACKUP_KEY = 'lastBackupAt';
/** product.md: "a warning when no backup has left this laptop for a week". */
export const BACKUP_REMINDER_DAYS = 7;

/**
 * Backups and restores of the whole store as snapshot files (docs/snapshot.md). The time of the last backup is
 * desk-local (never merged, never restored from a file).
 */
export function createBackupsRepository(db: DeskDatabase, desk: DeskContext) {
  return {
    /**
     * The snapshot of the whole store, zipped in a Worker, sealed with the passphrase when one is given (chunk by
     * chunk: docs/backups.md); `saved()` is to be called once the file is written.
     */
    async write(options: BackupWriteOptions = {}): Promise<Blob> {
      const { writeSnapshotFromStore } = await snapshotIo();
      const plain = await writeSnapshotFromStore(db, options.onProgress, { now: desk.now });
      if (options.passphrase === undefined) return plain;
      const [{ encryptBackup }, { blobChunks, chunksToBlob }] = await Promise.all([backupCrypto(), streams()]);
      return chunksToBlob(
        encryptBackup(blobChunks(plain), options.passphrase, options.encryption),
        ENCRYPTED_MEDIA_TYPE,
      );
    },

    /** Whether a file is an encrypted backup (its first 16 bytes say so): a passphrase must be asked for. */
    async isEncrypted(file: Blob): Promise<boolean> {
      const { isEncryptedBackup } = await backupCrypto();
      return isEncryptedBackup(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    },

    /**
     * The snapshot inside an encrypted backup, decrypted and authenticated to its last byte before it is returned:
     * a wrong passphrase, an altered or a truncated file throws a BackupError and nothing is returned.
     */
    async decrypt(file: Blob, passphrase: string): Promise<Blob> {
      const [{ decryptBackup }, { blobChunks, chunksToBlob }] = await Promise.all([backupCrypto(), streams()]);
      return chunksToBlob(decryptBackup(blobChunks(file), passphrase), 'application/zip');
    },

    /**
     * Checks every record of a snapshot without touching the store, and says what it holds: the manifest (desk,
     * date, counts) and the period of its shifts. Throws a SnapshotError.
     */
    async contents(file: Blob): Promise<BackupContents> {
      const [{ readSnapshot }, { blobChunks }] = await Promise.all([import('../../../shared/snapshot'), streams()]);
      const reader = readSnapshot(blobChunks(file));
      let from: string | null = null;
      let to: string | null = null;
      for (;;) {
        const next = await reader.next();
        if (next.done) return { manifest: next.value, period: from && to ? { from, to } : null };
        if (next.value.type !== 'records' || next.value.table !== 'shifts') continue;
        for (const shift of next.value.records as readonly { start?: string; deleted?: boolean }[]) {
          if (shift.deleted || typeof shift.start !== 'string') continue;
          if (from === null || shift.start < from) from = shift.start;
          if (to === null || shift.start > to) to = shift.start;
        }
      }
    },

    async saved(): Promise<void> {
      await db.uiPreferences.put({ key: LAST_BACKUP_KEY, value: desk.now().toISOString() });
    },

    /**
     * The latest audit entry of one of `actions` written after `since` (an import, a merge, a restore): the signal
     * for an automatic backup, read from the log those operations already write.
     */
    async latestAction(since: string, actions: readonly string[]): Promise<AuditEntry | null> {
      const entry = await db.auditLog
        .where('at')
        .above(since)
        .filter((candidate) => actions.includes(candidate.action))
        .last();
      return entry ?? null;
    },

    /** When this installation was set up: a reminder waits a week after it, not a week after nothing. */
    async installedAt(): Promise<string | null> {
      return (await db.desk.get('desk'))?.createdAt ?? null;
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

    /**
     * Replaces the store's shared data with the file's (validated again first, in a Worker), all or nothing: a
     * failure midway puts the data back as it was and throws a RestoreError (snapshot-restore.ts). `beforeCommit`
     * runs once the records are written, still under that guard (the erasure register's re-application).
     */
    async restore(
      file: Blob,
      options: {
        readonly onProgress?: ((progress: SnapshotProgress) => void) | undefined;
        readonly beforeCommit?: (() => Promise<void>) | undefined;
      } = {},
    ): Promise<SnapshotManifest> {
      const { loadSnapshotIntoStore } = await snapshotIo();
      return loadSnapshotIntoStore(db, file, options.onProgress, {
        replace: true,
        now: desk.now,
        ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}),
      });
    },

    /** What the start-up recovery of an interrupted restore did, until the user has read it (BackupWatch). */
    async restoreNotice(): Promise<RestoreNotice | null> {
      const row = await db.uiPreferences.get(RESTORE_NOTICE_KEY);
      return (row?.value as RestoreNotice | undefined) ?? null;
    },

    async dismissRestoreNotice(): Promise<void> {
      await db.uiPreferences.delete(RESTORE_NOTICE_KEY);
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
