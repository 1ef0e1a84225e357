import type { SharedRecord, SharedTableName } from '../../shared/domain/tables';
import type { SnapshotManifest, SnapshotProblem } from '../../shared/snapshot';

/** Messages between renderer/db/snapshot-io.ts and the snapshot Worker (architecture.md, rule 11). */

export interface SnapshotProgress {
  /** `validate`: the file is being checked (nothing written yet); `write`: records are being written. */
  readonly phase: 'validate' | 'write';
  /** 0 to 1 within the phase. */
  readonly fraction: number;
  readonly table: SharedTableName | null;
  readonly records: number;
}

export type ToWorker =
  | { readonly type: 'load'; readonly blob: Blob; readonly batchSize: number }
  | { readonly type: 'write'; readonly databaseName: string; readonly deskId: string; readonly createdAt: string }
  | { readonly type: 'ack'; readonly seq: number };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: SnapshotProgress }
  /** The whole file was checked: the store may be prepared (replies with `ack`). */
  | { readonly type: 'validated'; readonly seq: number; readonly manifest: SnapshotManifest }
  /** One batch to write (replies with `ack` once written, which paces the Worker to the database). */
  | {
      readonly type: 'batch';
      readonly seq: number;
      readonly table: SharedTableName;
      readonly records: SharedRecord<SharedTableName>[];
    }
  | { readonly type: 'loaded'; readonly manifest: SnapshotManifest }
  | { readonly type: 'written'; readonly blob: Blob; readonly manifest: SnapshotManifest }
  | { readonly type: 'failed'; readonly problem: SnapshotProblem | null; readonly message: string };
