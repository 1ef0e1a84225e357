import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { updateRecord } from '../../../shared/records/record';
import { copyRecords } from '../../../shared/storage/pipeline';
import {
  overbookedItemId,
  syncOnce,
  syncTargetKey,
  type CouchTarget,
  type SyncRecordStore,
} from '../../../shared/sync';
import { createMemoryRecordStore } from '../../../shared/sync/record-store';
import { createDexieSyncRecordStore, createDexieSyncState } from '../../../renderer/db/sync-store';
import { useTestCouch } from '../../shared/sync/test-couch-lifecycle';
import { aSignUpOf, at, baseData } from '../../shared/sync/sync-fixtures';
import { createTestDatabase } from './test-database';

/** Two desks, each its own IndexedDB (Dexie over fake-indexeddb), synced through pouchdb-server on loopback. */

const couch = useTestCouch();

async function dexieDesk() {
  const { db, desk } = await createTestDatabase();
  return { db, desk, store: createDexieSyncRecordStore(db) };
}

describe('sync between two Dexie desks', { timeout: 180_000 }, () => {
  it('converges, keeps revisions in syncDocs, and advances the desk clock past what it received', async () => {
    const database = await couch.createDatabase('dexie');
    const target: CouchTarget = { server: couch.url, database, user: couch.admin.user, password: couch.admin.password };
    const a = await dexieDesk();
    const b = await dexieDesk();
    const base = createMemoryRecordStore();
    await baseData(base);
    await copyRecords(base, a.store);
    const sync = (desk: Awaited<ReturnType<typeof dexieDesk>>) =>
      syncOnce({
        target,
        fetch: (url, init) => fetch(url, init),
        store: desk.store,
        state: createDexieSyncState(desk.db, syncTargetKey(target)),
        deskId: desk.desk.deskId,
        observeClock: (clock) => desk.desk.clock.observe(clock),
        batchSize: 200,
      });
    await sync(a);
    await sync(b);
    const [person] = (await b.store.get('volunteers', ['p-2'])) as Volunteer[];
    await a.store.writeBatch('volunteers', [updateRecord(person as Volunteer, { notes: 'A' }, at('desk-a', 1))]);
    await b.store.writeBatch('volunteers', [updateRecord(person as Volunteer, { phone: '+33611111111' }, at('b', 2))]);
    await a.store.writeBatch('signUps', [aSignUpOf('su-a', 'p-3', at('desk-a', 3))]);
    await b.store.writeBatch('signUps', [aSignUpOf('su-b', 'p-4', at('b', 3))]);
    await sync(b);
    await sync(a);
    await sync(b);

    for (const desk of [a, b]) {
      const [merged] = (await desk.store.get('volunteers', ['p-2'])) as Volunteer[];
      expect(merged).toMatchObject({ notes: 'A', phone: '+33611111111' });
      expect(await desk.db.reviewItems.get(overbookedItemId('s-last'))).toMatchObject({ state: 'open' });
      expect(await desk.db.syncDocs.count()).toBe(await countShared(desk.store));
      // A later local edit must win over everything received: the desk's clock moved past the received clocks.
      expect(desk.desk.clock.next() > at('desk-a', 3)).toBe(true);
    }
  });
});

async function countShared(store: SyncRecordStore): Promise<number> {
  let total = 0;
  for (const table of SHARED_TABLE_NAMES) total += await store.count(table);
  return total;
}
