/** Snapshots: the documented backup and exchange file (docs/snapshot.md). */
export {
  describeProblem,
  isSnapshotError,
  SnapshotError,
  type SnapshotErrorCode,
  type SnapshotProblem,
} from './errors';
export {
  MANIFEST_ENTRY,
  SNAPSHOT_EXTENSION,
  SNAPSHOT_FORMAT,
  SNAPSHOT_MEDIA_TYPE,
  SNAPSHOT_VERSION,
  tableEntryName,
  type SnapshotCounts,
  type SnapshotManifest,
} from './format';
export { SNAPSHOT_MIGRATIONS, type SnapshotMigration, type SnapshotMigrations } from './migrations';
export { readSnapshot, validateSnapshot, type ReadSnapshotOptions, type SnapshotReadEvent } from './snapshot-reader';
export { createSnapshotSource, loadSnapshot, type OpenBytes } from './snapshot-source';
export { writeSnapshot, type WriteSnapshotOptions } from './snapshot-writer';
export { chunksOf, collectBytes } from './bytes';
