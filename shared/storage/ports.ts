import type { SharedRecord, SharedTableName } from '../domain/tables';

/**
 * The small storage interfaces that pipelines run over (architecture.md, rule 9): seed, validate, import, export,
 * merge and sync live in shared/ and read from a `RecordSource` and write to a `RecordSink`, whatever sits behind
 * them (the Dexie store in the renderer, a snapshot file, memory in the command line and tests).
 */

/** A table's records in ascending key order (JavaScript string order, which is also IndexedDB's key order). */
export interface RecordSource {
  /** How many records `records(table)` will yield. */
  count(table: SharedTableName): Promise<number>;
  /** The table's records one by one, sorted by key; never the whole table at once. */
  records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>>;
}

/** Where a pipeline writes records, a batch at a time (architecture.md, rule 11: writes in batches). */
export interface RecordSink {
  /** Write one batch of records of one table; a record whose key exists replaces it. */
  writeBatch<T extends SharedTableName>(table: T, records: readonly SharedRecord<T>[]): Promise<void>;
  /** Everything was written: flush what is buffered. */
  finish(): Promise<void>;
}

/** Progress of a long pipeline, for a progress bar: counts of records, by table. */
export interface PipelineProgress {
  readonly table: SharedTableName | null;
  /** Records done so far, all tables together. */
  readonly done: number;
  /** Records expected in all, when known. */
  readonly total: number | null;
}

export type ProgressListener = (progress: PipelineProgress) => void;
