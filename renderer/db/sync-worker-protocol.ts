import type { CouchTarget } from '../../shared/sync/couch-client';
import type { SyncErrorCode } from '../../shared/sync/errors';
import type { SyncProgress, SyncSummary } from '../../shared/sync/replicator';

/**
 * Messages between renderer/db/sync-worker-io.ts (the page) and the sync Worker (issue 14). The Worker runs the
 * whole replicator (pull, merge, settle, push, IndexedDB writes) but makes no HTTP request itself: each request is
 * relayed to the page, which sends it with the app's own fetch (Electron: through main over IPC; a browser:
 * window.fetch under the page's CSP). See sync-worker-fetch.ts for why.
 */

/** One HTTP request as it crosses from the Worker to the page: plain data, the body already a string. */
export interface RelayedRequest {
  readonly id: number;
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** The page's answer: the status and the body as text, or the message of fetch's own failure (no answer). */
export type RelayedResponse =
  | { readonly id: number; readonly ok: true; readonly status: number; readonly body: string }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface SyncWorkerRequest {
  readonly databaseName: string;
  readonly deskId: string;
  /** Credentials included in a browser; in Electron main adds them (the target carries no password). */
  readonly target: CouchTarget;
  readonly timeoutMs?: number;
  readonly batchSize?: number;
}

export type ToSyncWorker =
  | { readonly type: 'sync'; readonly request: SyncWorkerRequest }
  | { readonly type: 'response'; readonly response: RelayedResponse };

export type FromSyncWorker =
  | { readonly type: 'request'; readonly request: RelayedRequest }
  /** `clock`: the latest clock received so far, for the page's desk clock to observe (later local edits win). */
  | { readonly type: 'progress'; readonly progress: SyncProgress; readonly clock: string | null }
  | { readonly type: 'done'; readonly summary: SyncSummary; readonly clock: string | null }
  | {
      readonly type: 'failed';
      readonly code: SyncErrorCode | null;
      readonly detail: string;
      readonly status: number | null;
      readonly message: string;
    };
