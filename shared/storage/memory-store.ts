import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import type { RecordSink, RecordSource } from './ports';

/**
 * An in-memory store of shared records, for the command line and tests: a `RecordSource` and a `RecordSink` at once.
 * It holds every record it receives, so it is for small data sets; city-scale pipelines stream from source to sink.
 */
export interface MemoryStore extends RecordSource, RecordSink {
  /** The records of a table sorted by key (a copy). */
  all<T extends SharedTableName>(table: T): SharedRecord<T>[];
}

export function createMemoryStore(): MemoryStore {
  const tables = new Map<SharedTableName, Map<string, unknown>>(
    SHARED_TABLE_NAMES.map((table) => [table, new Map<string, unknown>()]),
  );
  const tableOf = (table: SharedTableName): Map<string, unknown> => {
    const rows = tables.get(table);
    if (!rows) throw new RangeError(`Unknown table: ${table}`);
    return rows;
  };
  const sorted = <T extends SharedTableName>(table: T): SharedRecord<T>[] =>
    [...tableOf(table).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, record]) => record as SharedRecord<T>);

  return {
    async count(table) {
      return tableOf(table).size;
    },
    async *records(table) {
      yield* sorted(table);
    },
    all: sorted,
    async writeBatch(table, records) {
      const rows = tableOf(table);
      const key = SHARED_TABLES[table].key;
      for (const record of records) rows.set((record as Record<string, string>)[key] as string, record);
    },
    async finish() {},
  };
}
