import type { Table } from 'dexie';
import type { Volunteer } from '../../shared/domain/model';
import { SHARED_TABLE_NAMES, SHARED_TABLES, type SharedRecord, type SharedTableName } from '../../shared/domain/tables';
import type { RecordSink, RecordSource } from '../../shared/storage/ports';
import type { DeskDatabase, StoredVolunteer } from './database';

/**
 * The Dexie store seen through the storage ports of shared/ (architecture.md, rule 9), so that snapshots, the seed
 * and later imports and merges run the same pipelines against IndexedDB as against a file or memory.
 */

export const DEXIE_BATCH_SIZE = 2_000;

export interface DexieStoreOptions {
  /** Rows per IndexedDB transaction (default 2,000). */
  readonly batchSize?: number;
  /** The derived search keys of a volunteer row (default: shared/domain/search-keys.ts's `searchKeys`). */
  readonly deriveSearchKeys?: (volunteer: Volunteer) => string[];
}

const tableOf = (db: DeskDatabase, table: SharedTableName): Table<unknown, string> =>
  db.table(table) as Table<unknown, string>;

/**
 * Records of a table in key order, read a page at a time. The keys are taken once, at `count()`: records added
 * afterwards are skipped, so the count and the records agree even while the desk keeps working during a backup;
 * a record removed meanwhile is reported by the snapshot writer as a changed source.
 */
export function createDexieRecordSource(db: DeskDatabase, options: DexieStoreOptions = {}): RecordSource {
  const batchSize = options.batchSize ?? DEXIE_BATCH_SIZE;
  const keys = new Map<SharedTableName, string[]>();
  const keysOf = async (table: SharedTableName): Promise<string[]> => {
    let list = keys.get(table);
    if (!list) {
      list = (await tableOf(db, table).toCollection().primaryKeys()) as string[];
      keys.set(table, list);
    }
    return list;
  };
  return {
    async count(table) {
      return (await keysOf(table)).length;
    },
    async *records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
      const list = await keysOf(table);
      const keyField = SHARED_TABLES[table].key;
      for (let start = 0; start < list.length; start += batchSize) {
        const page = list.slice(start, start + batchSize);
        const rows = (await tableOf(db, table)
          .where(':id')
          .between(page[0] as string, page[page.length - 1] as string, true, true)
          .toArray()) as Record<string, unknown>[];
        // Walk the page's keys and the rows together (both sorted): rows added since count() are left out.
        let index = 0;
        for (const row of rows) {
          if (row[keyField] !== page[index]) continue;
          index++;
          yield (table === 'volunteers' ? withoutSearchKeys(row as StoredVolunteer) : row) as SharedRecord<T>;
        }
      }
    },
  };
}

/** The record as it travels: search keys are derived, recomputed on every write, never part of a snapshot. */
function withoutSearchKeys(row: StoredVolunteer): Volunteer {
  const { searchKeys: _derived, ...volunteer } = row;
  return volunteer;
}

/** Writes batches with `bulkPut`, one transaction per batch; volunteers get their derived search keys. */
export function createDexieRecordSink(db: DeskDatabase, options: DexieStoreOptions = {}): RecordSink {
  const batchSize = options.batchSize ?? DEXIE_BATCH_SIZE;
  let derive = options.deriveSearchKeys;
  return {
    async writeBatch(table, records) {
      // The default keys need libphonenumber: fetched on the first volunteers' batch, before its transaction opens
      // (issue #12: not at start-up; awaiting a module load inside a transaction would end it early).
      const keysOf =
        table === 'volunteers' ? (derive ??= (await import('../../shared/domain/search-keys')).searchKeys) : null;
      for (let start = 0; start < records.length; start += batchSize) {
        const slice = records.slice(start, start + batchSize);
        const rows = keysOf
          ? (slice as readonly Volunteer[]).map((volunteer) => ({ ...volunteer, searchKeys: keysOf(volunteer) }))
          : slice;
        const target = tableOf(db, table);
        await db.transaction('rw', target, () => target.bulkPut(rows as unknown[]));
      }
    },
    async finish() {},
  };
}

/**
 * Empty the shared tables before a restore replaces the store. The erasure register is kept: it is grow-only and
 * survives a restore (architecture.md, rule 7); the snapshot's erasures are added to it.
 */
export async function clearSharedTables(db: DeskDatabase): Promise<void> {
  const tables = SHARED_TABLE_NAMES.filter((table) => table !== 'erasures').map((table) => tableOf(db, table));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
}
