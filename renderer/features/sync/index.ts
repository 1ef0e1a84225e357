/** CouchDB sync in the app (issue 14): Settings › Synchronisation and the status line of the shell. */
export { SyncSection } from './sync-section';
export { SyncStatusLine } from './sync-status-line';
export { createSyncController, SYNC_INTERVAL_MS, type SyncController, type SyncStatus } from './sync-controller';
