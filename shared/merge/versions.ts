import type { Erasure } from '../domain/model';
import { SHARED_TABLES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { mergeRecord, type MergeableBase } from '../records/record';
import { compareKeys } from '../snapshot/format';
import { canonicalJson } from './dataset';

/**
 * Two versions of one record (same table, same key) made one, by the table's merge kind (architecture.md, rule 7).
 * Each rule is a semilattice join — commutative, associative, idempotent — so any order of merges gives the same.
 */
export function mergeVersions<T extends SharedTableName>(
  table: T,
  a: SharedRecord<T>,
  b: SharedRecord<T>,
): SharedRecord<T> {
  switch (SHARED_TABLES[table].merge) {
    case 'record':
      // Per field by hybrid logical clock; `deleted` is a field like the others, so a tombstone goes by its clock.
      return inSchemaOrder(table, mergeRecord(a as MergeableBase, b as MergeableBase)) as SharedRecord<T>;
    case 'union':
      // Log entries are written once and never edited: two versions are the same entry. Should they differ (a bug
      // elsewhere), the larger canonical text is kept so that the choice does not depend on the order.
      return pickLarger(a, b);
    case 'grow-only':
      return mergeErasure(a as Erasure, b as Erasure) as SharedRecord<T>;
  }
}

/** Two desks erased the same person: the earliest erasure is kept, with its replacement reference. */
export function mergeErasure(a: Erasure, b: Erasure): Erasure {
  const order =
    Date.parse(a.erasedAt) - Date.parse(b.erasedAt) ||
    compareKeys(a.replacementRef, b.replacementRef) ||
    compareKeys(canonicalJson(a), canonicalJson(b));
  return order <= 0 ? a : b;
}

function pickLarger<R>(a: R, b: R): R {
  return compareKeys(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

const schemaKeysCache = new Map<SharedTableName, readonly string[]>();

/** The table's fields in the order of its zod schema, as records read from a snapshot have them. */
function schemaKeys(table: SharedTableName): readonly string[] {
  let keys = schemaKeysCache.get(table);
  if (!keys) {
    keys = Object.keys(SHARED_TABLES[table].schema.shape);
    schemaKeysCache.set(table, keys);
  }
  return keys;
}

/**
 * `mergeRecord` lists the first argument's fields first; putting fields (and clocks) back in schema order makes the
 * written JSON the same whichever side came first, so merge(a, b) and merge(b, a) give byte-identical snapshots.
 */
export function inSchemaOrder<R extends MergeableBase>(table: SharedTableName, record: R): R {
  const order = schemaKeys(table);
  const rank = (key: string) => {
    const at = order.indexOf(key);
    return at < 0 ? order.length : at;
  };
  const byRank = ([x]: [string, unknown], [y]: [string, unknown]) => rank(x) - rank(y) || compareKeys(x, y);
  const sorted = Object.fromEntries(Object.entries(record).sort(byRank)) as Record<string, unknown>;
  sorted.clocks = Object.fromEntries(Object.entries(record.clocks).sort(byRank));
  return sorted as R;
}
