import type { IpcInput, IpcOutput } from '../../../shared/ipc/contract';
import type { SnapshotManifest } from '../../../shared/snapshot';
import type { Repositories } from '../../db/repositories-context';
import type { MergePreview } from '../../db/repositories/merge-repository';
import type { DesktopApi } from '../../lib/desktop-api';

/**
 * The backup operations the screens run, UI-free so that they are tested over a real store: a restore and a merge
 * both end by re-applying the erasure register (rule 7: an erased person never comes back) and by a line in the
 * log of sensitive actions, which also tells the automatic backups to run (backup-watch.tsx).
 */

/** The audit actions after which the desktop app saves an automatic backup (issue 11). */
export const BACKUP_AFTER_ACTIONS = {
  'volunteer.import': 'import',
  'merge.apply': 'merge',
  'backup.restore': 'restore',
} as const;

export type AutomaticReason = IpcInput<'backup:write-automatic'>['reason'];

/**
 * Replace the store by a checked snapshot (plain, already decrypted). This desk keeps its own id. All or nothing:
 * the erasure register is re-applied before the replace is committed, and any failure puts the old data back
 * (a RestoreError says which way it ended).
 */
export async function restoreBackup(repositories: Repositories, plain: Blob): Promise<SnapshotManifest> {
  const manifest = await repositories.backups.restore(plain, {
    beforeCommit: async () => {
      await repositories.merge.reapplyErasures();
    },
  });
  await repositories.audit.append('backup.restore', null, {
    fromDesk: manifest.deskId,
    createdAt: manifest.createdAt,
    counts: manifest.counts,
  });
  return manifest;
}

/** Apply a previewed merge; the register is re-applied to the result (erasures from either side win). */
export async function applyMerge(repositories: Repositories, preview: MergePreview): Promise<void> {
  await repositories.merge.apply(preview);
  await repositories.merge.reapplyErasures();
  await repositories.audit.append('merge.apply', null, {
    fromDesk: preview.manifest.deskId,
    createdAt: preview.manifest.createdAt,
    reviewItemsAdded: preview.summary.reviewItemsAdded,
  });
}

/** The renderer owns the data: it writes the snapshot, main encrypts, writes, checks and rotates it. */
export async function runAutomaticBackup(
  repositories: Repositories,
  desktop: DesktopApi,
  reason: AutomaticReason,
): Promise<IpcOutput<'backup:write-automatic'>> {
  const blob = await repositories.backups.write();
  return desktop.writeAutomatic({
    data: new Uint8Array(await blob.arrayBuffer()),
    createdAt: repositories.desk.now().toISOString(),
    reason,
  });
}

/** A write refused because the disk (the browser's storage quota) is full, however Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A restore writes in batches (a city does not fit one transaction), so it should not start without room: the
 * unpacked records take many times the zipped file, and the current data is copied aside while it runs (so that a
 * failure puts it back: snapshot-restore.ts), which takes about what is used now. Below this margin the restore is
 * refused before anything is touched. Unknown quota (no StorageManager): allowed; a failure is still undone.
 */
export const RESTORE_ROOM_FACTOR = 10;

export async function hasRoomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota || estimate.usage === undefined) return true;
  return estimate.quota - estimate.usage >= bytes * RESTORE_ROOM_FACTOR + estimate.usage;
}
