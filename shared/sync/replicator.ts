import { hash128 } from '../merge/stable-id';
import { createCouchClient, type CouchTarget, type FetchLike } from './couch-client';
import { pull, type PullResult } from './pull';
import { push, type PushResult } from './push';
import type { SyncRecordStore } from './record-store';
import { settleAfterPull } from './settle';
import type { ChangeJournal, SyncStateStore } from './state';

/**
 * One sync of a desk with a CouchDB database (issue 14): check access, pull, settle (erasures, review list), push.
 * Pure code over an injected `fetch` and the storage ports, so the renderer, Electron's main process and the
 * command line run the same. Pulling first means most of what the push sends is already merged with the server's
 * latest, so conflicts stay rare; those that still happen (another desk pushed meanwhile) are merged and re-sent.
 */

export interface SyncOptions {
  readonly target: CouchTarget;
  readonly fetch: FetchLike;
  readonly store: SyncRecordStore;
  readonly state: SyncStateStore;
  /** This installation (the checkpoint is per desk and target). */
  readonly deskId: string;
  readonly batchSize?: number;
  readonly timeoutMs?: number;
  /** A fresh id per sync run, for the checkpoint's session (default: crypto.randomUUID). */
  readonly newSession?: () => string;
  readonly observeClock?: (clock: string) => void;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** The store's journal of written records: the push reads those instead of every table (see push.ts). */
  readonly journal?: ChangeJournal;
}

export interface SyncProgress {
  readonly phase: 'checking' | 'pulling' | 'settling' | 'pushing' | 'done';
  /** Documents received so far (pulling) or sent so far (pushing). */
  readonly count: number;
  /** What `count` goes towards, when known: the database's documents on a first download; otherwise absent. */
  readonly total?: number | null;
}

export interface SyncSummary {
  readonly pulled: PullResult;
  readonly pushed: PushResult;
  readonly erasedRecords: number;
  /** Review items the sync added: possible duplicates and shifts over capacity. */
  readonly reviewItemsAdded: number;
}

export const DEFAULT_SYNC_BATCH = 200;

export async function syncOnce(options: SyncOptions): Promise<SyncSummary> {
  const client = createCouchClient(options.target, { fetch: options.fetch, timeoutMs: options.timeoutMs });
  const batchSize = options.batchSize ?? DEFAULT_SYNC_BATCH;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'checking', count: 0 });
  const { docCount } = await client.checkAccess();

  progress({ phase: 'pulling', count: 0 });
  const pulled = await pull(client, options.store, options.state, {
    batchSize,
    checkpointDocId: checkpointDocId(options.deskId, client.targetKey),
    session: (options.newSession ?? (() => globalThis.crypto.randomUUID()))(),
    observeClock: options.observeClock,
    docCount,
    onBatch: (count, total) => progress({ phase: 'pulling', count, total }),
  });

  progress({ phase: 'settling', count: 0 });
  let settled = await settleAfterPull(options.store, pulled.replacedIdentities);
  let erasedRecords = settled.erasedRecords;
  let reviewItemsAdded = settled.reviewItemsAdded;

  const onBatch = (count: number) => progress({ phase: 'pushing', count });
  const pushOptions = { batchSize, onBatch, journal: options.journal, targetKey: client.targetKey };
  let pushed = await push(client, options.store, options.state, pushOptions);
  if (pushed.conflictsResolved > 0) {
    // A conflict merged during the push brought another desk's data in: settle it too, and send what that changed.
    settled = await settleAfterPull(options.store);
    erasedRecords += settled.erasedRecords;
    reviewItemsAdded += settled.reviewItemsAdded;
    const again = await push(client, options.store, options.state, pushOptions);
    pushed = {
      sent: pushed.sent + again.sent,
      conflictsResolved: pushed.conflictsResolved + again.conflictsResolved,
      rejected: [...pushed.rejected, ...again.rejected],
      pending: again.pending,
    };
  }
  await options.store.finish();
  progress({ phase: 'done', count: pushed.sent });
  return { pulled, pushed, erasedRecords, reviewItemsAdded };
}

/** The `_local` document holding this desk's pull checkpoint for this target (CouchDB never replicates `_local`). */
export function checkpointDocId(deskId: string, targetKey: string): string {
  const words = hash128(`${deskId}\u0000${targetKey}`);
  return `desk-climat-${words.map((word) => word.toString(16).padStart(8, '0')).join('')}`;
}
