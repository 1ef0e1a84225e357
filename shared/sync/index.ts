/** CouchDB sync (issue 14): the replicator over an injected fetch and the storage ports. */
export { createCouchClient, syncTargetKey, type CouchClient, type CouchTarget, type FetchLike } from './couch-client';
export { digestOf, docIdOf, parseDoc, tableOfDocId, toDoc, type RecordDoc } from './documents';
export { isSyncError, SyncError, syncErrorMessage, type SyncErrorCode } from './errors';
export { createMemoryRecordStore, type MemoryRecordStore, type SyncRecordStore } from './record-store';
export {
  checkpointDocId,
  DEFAULT_SYNC_BATCH,
  syncOnce,
  type SyncOptions,
  type SyncProgress,
  type SyncSummary,
} from './replicator';
export { overbookedItemId, settleAfterPull } from './settle';
export {
  createMemorySyncState,
  type KnownDoc,
  type MemorySyncState,
  type PullCheckpoint,
  type SyncStateStore,
} from './state';
