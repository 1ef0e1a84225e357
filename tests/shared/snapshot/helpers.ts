import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../../../shared/domain/tables';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';
import { collectBytes, writeSnapshot } from '../../../shared/snapshot';
import { seedInto } from '../../../shared/seed';

export const NOW = '2026-11-28T09:00:00Z';

/** A small seeded store: every table has records. */
export async function seededStore(volunteers = 120, seed = 'tests'): Promise<MemoryStore> {
  const store = createMemoryStore();
  await seedInto(store, { volunteers, now: NOW, seed });
  return store;
}

export async function snapshotBytes(store: MemoryStore, deskId = 'desk-test'): Promise<Uint8Array> {
  return collectBytes(writeSnapshot(store, { deskId, createdAt: NOW }));
}

/** A store whose one table is replaced by the given records (which may be invalid on purpose). */
export function withTable<T extends SharedTableName>(
  store: MemoryStore,
  table: T,
  records: readonly unknown[],
): MemoryStore {
  const copy = createMemoryStore();
  return {
    ...copy,
    count: async (name) => (name === table ? records.length : store.count(name)),
    records: <U extends SharedTableName>(name: U): AsyncIterable<SharedRecord<U>> =>
      name === (table as SharedTableName)
        ? (async function* () {
            yield* records as SharedRecord<U>[];
          })()
        : store.records(name),
  };
}

export const tableNames = SHARED_TABLE_NAMES;
