/// <reference lib="webworker" />
import { isSyncError } from '../../shared/sync/errors';
import { syncOnce } from '../../shared/sync/replicator';
import { syncTargetKey } from '../../shared/sync/couch-client';
import { DeskDatabase } from './database';
import { createDexieChangeJournal } from './sync-journal';
import { createRelayedFetch } from './sync-worker-fetch';
import type { FromSyncWorker, SyncWorkerRequest, ToSyncWorker } from './sync-worker-protocol';
import { createDexieSyncRecordStore, createDexieSyncState } from './sync-store';

/**
 * The sync Worker (issue 14; architecture.md, rule 11): one sync per Worker, off the page's thread, so that a first
 * download of a city-sized database (50,000 volunteers: parsing, merging, settling, writing) leaves the page
 * responsive. It opens the same database by name and writes there (Dexie tells the page's live queries); HTTP goes
 * through the page (sync-worker-fetch.ts); the clocks it receives go back to the page's desk clock with each progress.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromSyncWorker): void {
  scope.postMessage(message);
}

const relay = createRelayedFetch((request) => post({ type: 'request', request }));

scope.onmessage = (event: MessageEvent<ToSyncWorker>) => {
  const message = event.data;
  if (message.type === 'response') relay.receive(message.response);
  else if (message.type === 'sync') void run(message.request);
};

async function run(request: SyncWorkerRequest): Promise<void> {
  const db = new DeskDatabase(request.databaseName);
  let clock: string | null = null;
  try {
    const summary = await syncOnce({
      target: request.target,
      fetch: relay.fetch,
      store: createDexieSyncRecordStore(db),
      state: createDexieSyncState(db, syncTargetKey(request.target)),
      deskId: request.deskId,
      journal: createDexieChangeJournal(db),
      observeClock: (seen) => {
        if (clock === null || seen > clock) clock = seen;
      },
      onProgress: (progress) => post({ type: 'progress', progress, clock }),
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
    });
    post({ type: 'done', summary, clock });
  } catch (error) {
    post({
      type: 'failed',
      code: isSyncError(error) ? error.code : null,
      detail: isSyncError(error) ? error.detail : '',
      status: isSyncError(error) ? error.status : null,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db.close();
  }
}
