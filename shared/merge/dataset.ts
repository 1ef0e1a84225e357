import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { compareKeys } from '../snapshot/format';

/**
 * A dataset held in memory: every shared table (architecture.md, rule 7) as an array of records. Desk-local tables
 * (settings, desk id, sync state, UI preferences) are not part of it, so a merge can never touch them.
 */
export type Dataset = { readonly [T in SharedTableName]: readonly SharedRecord<T>[] };
/** A dataset where missing tables count as empty (handy for tests and for small exchanges). */
export type PartialDataset = { readonly [T in SharedTableName]?: readonly SharedRecord<T>[] };

export function emptyDataset(): Dataset {
  return Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, []])) as unknown as Dataset;
}

/** Every table present, each sorted by its key as a snapshot stores it (rule 8). */
export function completeDataset(partial: PartialDataset): Dataset {
  return Object.fromEntries(
    SHARED_TABLE_NAMES.map((table) => [table, sortByKey(table, partial[table] ?? [])]),
  ) as unknown as Dataset;
}

/** The key of a record in its table: `id`, or `volunteerId` for the erasure register. */
export function keyOf(table: SharedTableName, record: unknown): string {
  return (record as Record<string, string>)[SHARED_TABLES[table].key] as string;
}

export function sortByKey<T extends SharedTableName>(table: T, records: readonly SharedRecord<T>[]): SharedRecord<T>[] {
  return [...records].sort((a, b) => compareKeys(keyOf(table, a), keyOf(table, b)));
}

/** JSON with object keys sorted at every depth: equal data gives equal text, whatever order fields were written. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compareKeys(a, b)))
      : inner,
  );
}
