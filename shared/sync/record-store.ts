import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { compareKeys } from '../snapshot/format';
import type { RecordSink, RecordSource } from '../storage/ports';

/**
 * The local side of a sync: the storage ports (rule 9) plus a look-up by key, since a pulled document is merged with
 * the local version of the same record. The Dexie store answers it with `bulkGet`; this in-memory one serves the
 * command line (a snapshot loaded, synced, written back) and the tests.
 */
export interface SyncRecordStore extends RecordSource, RecordSink {
  get<T extends SharedTableName>(table: T, keys: readonly string[]): Promise<(SharedRecord<T> | undefined)[]>;
}

export interface MemoryRecordStore extends SyncRecordStore {
  /** The records of a table sorted by key (a copy). */
  all<T extends SharedTableName>(table: T): SharedRecord<T>[];
}

export function createMemoryRecordStore(): MemoryRecordStore {
  const tables = new Map<SharedTableName, Map<string, unknown>>(
    SHARED_TABLE_NAMES.map((table) => [table, new Map<string, unknown>()]),
  );
  const rowsOf = (table: SharedTableName): Map<string, unknown> => {
    const rows = tables.get(table);
    if (!rows) throw new RangeError(`Unknown table: ${table}`);
    return rows;
  };
  const all = <T extends SharedTableName>(table: T): SharedRecord<T>[] =>
    [...rowsOf(table).entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, record]) => record as SharedRecord<T>);
  return {
    all,
    async count(table) {
      return rowsOf(table).size;
    },
    async *records(table) {
      // A sorted copy taken at the start: writes made while a pipeline iterates (a merge after a conflict) are safe.
      yield* all(table);
    },
    async get(table, keys) {
      const rows = rowsOf(table);
      return keys.map((key) => rows.get(key) as SharedRecord<typeof table> | undefined);
    },
    async writeBatch(table, records) {
      const rows = rowsOf(table);
      const key = SHARED_TABLES[table].key;
      for (const record of records) rows.set((record as Record<string, string>)[key] as string, record);
    },
    async finish() {},
  };
}
