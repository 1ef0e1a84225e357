import type { Volunteer } from '../../shared/domain/model';
import type { SharedRecord, SharedTableName } from '../../shared/domain/tables';
import type { PullCheckpoint, SyncRecordStore, SyncStateStore } from '../../shared/sync';
import type { DeskDatabase, StoredVolunteer } from './database';
import { createDexieRecordSink, createDexieRecordSource, type DexieStoreOptions } from './dexie-store';

/**
 * The Dexie store seen by the replicator (shared/sync, issue 14): the records through the storage ports plus a
 * look-up by key, and the desk-local sync state in `syncDocs` (schema version 2) and `syncState`.
 */
export function createDexieSyncRecordStore(db: DeskDatabase, options: DexieStoreOptions = {}): SyncRecordStore {
  const sink = createDexieRecordSink(db, options);
  return {
    // A fresh source per call: the Dexie source takes a table's keys once, and a sync reads tables again after
    // writing to them (the pull's merges, then the review items it adds, then the push).
    count: (table) => createDexieRecordSource(db, options).count(table),
    records: (table) => createDexieRecordSource(db, options).records(table),
    async get<T extends SharedTableName>(table: T, keys: readonly string[]) {
      const rows = (await db.table(table).bulkGet([...keys])) as (Record<string, unknown> | undefined)[];
      return rows.map((row) => {
        if (!row || table !== 'volunteers') return row as SharedRecord<T> | undefined;
        const { searchKeys: _derived, ...volunteer } = row as StoredVolunteer;
        return volunteer as Volunteer as SharedRecord<T>;
      });
    },
    writeBatch: (table, records) => sink.writeBatch(table, records),
    finish: () => sink.finish(),
  };
}

const checkpointKey = (targetKey: string) => `sync-checkpoint:${targetKey}`;

/** What this desk knows of one target (`syncTargetKey`): another server or database starts from nothing. */
export function createDexieSyncState(db: DeskDatabase, targetKey: string): SyncStateStore {
  return {
    async known(docIds) {
      const rows = await db.syncDocs.bulkGet(docIds.map((docId) => [targetKey, docId] as [string, string]));
      const found = new Map<string, { rev: string; digest: string }>();
      for (const row of rows) if (row) found.set(row.docId, { rev: row.rev, digest: row.digest });
      return found;
    },
    async remember(entries) {
      if (entries.size === 0) return;
      await db.syncDocs.bulkPut(
        [...entries].map(([docId, known]) => ({ target: targetKey, docId, rev: known.rev, digest: known.digest })),
      );
    },
    async checkpoint() {
      const row = await db.syncState.get(checkpointKey(targetKey));
      return (row?.value as PullCheckpoint | undefined) ?? null;
    },
    async saveCheckpoint(checkpoint) {
      await db.syncState.put({ key: checkpointKey(targetKey), value: checkpoint });
    },
  };
}
