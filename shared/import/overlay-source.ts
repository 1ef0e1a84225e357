import { SHARED_TABLES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { compareKeys } from '../snapshot/format';
import type { RecordSource } from '../storage/ports';

export type RecordAdditions = { readonly [T in SharedTableName]?: readonly SharedRecord<T>[] };

/**
 * A record source with an import's records laid over it: added records are slotted in key order, and one whose key
 * already exists replaces it (a merged volunteer). This lets the command line write the new snapshot by streaming the
 * old one through the snapshot writer, never holding the whole dataset (architecture.md, rule 8).
 */
export function withAddedRecords(base: RecordSource, additions: RecordAdditions): RecordSource {
  const sorted = new Map<SharedTableName, SharedRecord<SharedTableName>[]>();
  for (const [table, records] of Object.entries(additions) as [SharedTableName, SharedRecord<SharedTableName>[]][]) {
    const key = SHARED_TABLES[table].key;
    const keyOf = (record: unknown) => (record as Record<string, string>)[key] as string;
    sorted.set(
      table,
      [...records].sort((a, b) => compareKeys(keyOf(a), keyOf(b))),
    );
  }

  async function* merged<T extends SharedTableName>(table: T): AsyncGenerator<SharedRecord<T>> {
    const added = (sorted.get(table) ?? []) as SharedRecord<T>[];
    const key = SHARED_TABLES[table].key;
    const keyOf = (record: unknown) => (record as Record<string, string>)[key] as string;
    let next = 0;
    for await (const record of base.records(table)) {
      while (next < added.length && compareKeys(keyOf(added[next]), keyOf(record)) < 0) yield added[next++]!;
      if (next < added.length && keyOf(added[next]) === keyOf(record)) yield added[next++]!;
      else yield record;
    }
    while (next < added.length) yield added[next++]!;
  }

  return {
    async count(table) {
      if (!sorted.has(table)) return base.count(table);
      let count = 0;
      for await (const _record of merged(table)) count++;
      return count;
    },
    records: merged,
  };
}
