import { syncTargetKey, type FetchLike } from '../../shared/sync/couch-client';
import { SyncError } from '../../shared/sync/errors';
import { syncOnce, type SyncProgress, type SyncSummary } from '../../shared/sync/replicator';
import type { DeskDatabase } from './database';
import { createDexieChangeJournal } from './sync-journal';
import { answerRelayedRequest } from './sync-worker-fetch';
import type { FromSyncWorker, SyncWorkerRequest, ToSyncWorker } from './sync-worker-protocol';
import { createDexieSyncRecordStore, createDexieSyncState } from './sync-store';

/**
 * What the sync controller (and the benchmark page) calls for one sync (issue 14): the replicator in a Worker, with
 * progress, the Worker's HTTP requests sent by the page with the app's fetch (sync-worker-fetch.ts explains why), and
 * the clocks received passed to the desk clock. Inline where Workers do not exist (unit tests in jsdom). UI-free.
 */

export interface SyncRunOptions {
  readonly fetch: FetchLike;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly observeClock?: (clock: string) => void;
  /** Run in the calling thread instead of a Worker (tests; Workers are used whenever they exist). */
  readonly inline?: boolean;
}

export type SyncRun = Omit<SyncWorkerRequest, 'databaseName'>;

export async function runSync(db: DeskDatabase, request: SyncRun, options: SyncRunOptions): Promise<SyncSummary> {
  if (options.inline || typeof Worker === 'undefined') {
    return syncOnce({
      target: request.target,
      fetch: options.fetch,
      store: createDexieSyncRecordStore(db),
      state: createDexieSyncState(db, syncTargetKey(request.target)),
      deskId: request.deskId,
      journal: createDexieChangeJournal(db),
      ...(options.observeClock ? { observeClock: options.observeClock } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
    });
  }
  return inWorker({ ...request, databaseName: db.name }, options);
}

function inWorker(request: SyncWorkerRequest, options: SyncRunOptions): Promise<SyncSummary> {
  const worker = new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToSyncWorker) => worker.postMessage(message);
  const observe = (clock: string | null) => {
    if (clock !== null) options.observeClock?.(clock);
  };
  return new Promise<SyncSummary>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromSyncWorker>) => {
      const message = event.data;
      if (message.type === 'request') {
        void answerRelayedRequest(options.fetch, message.request).then((response) =>
          send({ type: 'response', response }),
        );
      } else if (message.type === 'progress') {
        observe(message.clock);
        options.onProgress?.(message.progress);
      } else if (message.type === 'done') {
        observe(message.clock);
        resolve(message.summary);
      } else {
        reject(message.code ? new SyncError(message.code, message.detail, message.status) : new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'sync worker failed'));
    };
    send({ type: 'sync', request });
  }).finally(() => worker.terminate());
}
