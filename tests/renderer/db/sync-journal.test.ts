import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../../../shared/domain/model';
import { updateRecord } from '../../../shared/records/record';
import { copyRecords } from '../../../shared/storage/pipeline';
import { syncOnce, syncTargetKey, type CouchTarget, type SyncRecordStore } from '../../../shared/sync';
import { createMemoryRecordStore } from '../../../shared/sync/record-store';
import { DeskDatabase, SCHEMA_V1, SCHEMA_V2 } from '../../../renderer/db/database';
import { armJournal, createDexieChangeJournal } from '../../../renderer/db/sync-journal';
import { createDexieSyncRecordStore, createDexieSyncState } from '../../../renderer/db/sync-store';
import { countPendingChanges } from '../../../renderer/features/sync/pending-changes';
import { useTestCouch } from '../../shared/sync/test-couch-lifecycle';
import { at, baseData } from '../../shared/sync/sync-fixtures';
import { aVolunteer } from '../../shared/domain/factories';
import { createTestDatabase } from './test-database';

/**
 * The sync's change journal (renderer/db/sync-journal.ts, schema version 3): every write of a shared record noted in
 * its own transaction, and a push that reads the noted records instead of every table (shared/sync/push.ts).
 */

const couch = useTestCouch();

/** A stored volunteer of its own (the reference is a unique index). */
const person = (id: string) => ({ ...aVolunteer({ id, ref: `B-${id.toUpperCase()}` }), searchKeys: [] });

const journalKeys = async (db: DeskDatabase) => (await db.syncJournal.toArray()).map((row) => row.key).sort();

describe('the change journal', { timeout: 120_000 }, () => {
  it('notes every write of a shared record, in the same transaction; desk-local writes are not noted', async () => {
    const { db } = await createTestDatabase();
    await armJournal(db);
    await db.syncJournal.clear();
    const person = { ...aVolunteer({ id: 'v-1' }), searchKeys: [] };
    await db.volunteers.put(person);
    const [first] = await db.syncJournal.toArray();
    expect(first?.key).toBe('volunteers:v-1');
    await db.transaction('rw', db.volunteers, db.auditLog, async () => {
      await db.volunteers.update('v-1', { notes: 'modifié' });
    });
    const [second] = await db.syncJournal.toArray();
    expect(second?.stamp).not.toBe(first?.stamp);
    await db.uiPreferences.put({ key: 'x', value: 1 });
    expect(await journalKeys(db)).toEqual(['volunteers:v-1']);

    // A failed transaction leaves neither the change nor a new note.
    await expect(
      db.transaction('rw', db.volunteers, async () => {
        await db.volunteers.update('v-1', { notes: 'échoué' });
        throw new Error('refusé');
      }),
    ).rejects.toThrow('refusé');
    expect((await db.volunteers.get('v-1'))?.notes).toBe('modifié');
    expect(await db.syncJournal.toArray()).toEqual([second]);

    // A note written again after it was read is not forgotten (a write during a push goes next time).
    const journal = createDexieChangeJournal(db);
    const { entries } = await journal.read('t');
    await db.volunteers.update('v-1', { notes: 'encore' });
    await journal.forget(entries);
    expect(await journalKeys(db)).toEqual(['volunteers:v-1']);
    const again = await journal.read('t');
    await journal.forget(again.entries);
    expect(await journalKeys(db)).toEqual([]);
  });

  it('notes nothing until the first push arms it, then every write, from any connection, before the push reads', async () => {
    const { db } = await createTestDatabase();
    // A connection opened before the arming (another window, a Worker) must note its writes after it all the same.
    const other = new DeskDatabase(db.name);
    await other.open();
    await other.volunteers.put(person('v-0'));
    await db.volunteers.put(person('v-1'));
    expect(await journalKeys(db)).toEqual([]);

    // The push reads the journal first, and that arms it: a write made while its full scan runs is noted.
    const journal = createDexieChangeJournal(db);
    const first = await journal.read('t');
    expect(first).toEqual({ trusted: false, entries: [] });
    await other.volunteers.put(person('v-2'));
    await db.transaction('rw', db.volunteers, async () => {
      await db.volunteers.update('v-1', { notes: 'pendant la synchronisation' });
    });
    expect(await journalKeys(db)).toEqual(['volunteers:v-1', 'volunteers:v-2']);

    // A new connection to an armed desk notes its writes too.
    other.close();
    const later = new DeskDatabase(db.name);
    await later.open();
    await later.volunteers.put(person('v-3'));
    expect(await journalKeys(db)).toEqual(['volunteers:v-1', 'volunteers:v-2', 'volunteers:v-3']);
    later.close();

    // A desk whose journal was trusted before the arming existed keeps noting its writes.
    const { db: trustedDb } = await createTestDatabase();
    await createDexieChangeJournal(trustedDb).trust('t');
    await trustedDb.volunteers.put(person('v-4'));
    expect(await journalKeys(trustedDb)).toEqual(['volunteers:v-4']);
  });

  it('a change made between two syncs is pushed from the journal, without reading every table', async () => {
    const database = await couch.createDatabase('journal');
    const target: CouchTarget = { server: couch.url, database, user: couch.admin.user, password: couch.admin.password };
    const { db, desk } = await createTestDatabase();
    const store = createDexieSyncRecordStore(db);
    const base = createMemoryRecordStore();
    await baseData(base);
    await copyRecords(base, store);
    const key = syncTargetKey(target);
    // The tables read whole: the settling after a pull reads a few (people, sign-ups, shifts, the registers), a
    // push without the journal reads them all.
    const scanned = new Set<string>();
    const sync = (database: DeskDatabase = db, deskId = desk.deskId) =>
      syncOnce({
        target,
        fetch: (url, init) => fetch(url, init),
        store: scanning(createDexieSyncRecordStore(database), scanned),
        state: createDexieSyncState(database, key),
        deskId,
        journal: createDexieChangeJournal(database),
      });

    // The first push to a target compares every record (the journal is not trusted yet), then trusts it.
    const first = await sync();
    expect(first.pushed.sent).toBeGreaterThan(0);
    expect(scanned).toContain('missions');
    expect(scanned).toContain('checkinEvents');
    expect(await journalKeys(db)).toEqual([]);
    expect(await countPendingChanges(db, key)).toBe(0);

    const [person] = (await store.get('volunteers', ['p-2'])) as Volunteer[];
    await store.writeBatch('volunteers', [updateRecord(person as Volunteer, { notes: 'rappeler' }, at('a', 5))]);
    expect(await journalKeys(db)).toEqual(['volunteers:p-2']);
    expect(await countPendingChanges(db, key)).toBe(1);

    scanned.clear();
    const second = await sync();
    expect(second.pushed.sent).toBe(1);
    expect(scanned).not.toContain('missions');
    expect(scanned).not.toContain('checkinEvents');
    expect(scanned).not.toContain('consents');
    expect(await journalKeys(db)).toEqual([]);
    const server = await couch.request('GET', `/${database}/volunteers:p-2`);
    expect(server.json.record.notes).toBe('rappeler');
    expect(await countPendingChanges(db, key)).toBe(0);

    // Another desk pulls from nothing: what it receives is noted, found in sync by its push, and forgotten.
    const { db: otherDb, desk: otherDesk } = await createTestDatabase();
    const pulled = await sync(otherDb, otherDesk.deskId);
    expect(pulled.pulled.received).toBeGreaterThan(0);
    expect(pulled.pushed.sent).toBe(0);
    expect(await journalKeys(otherDb)).toEqual([]);
  });

  it('opens a version 2 database, keeps its rows, and adds an empty journal (schema version 3)', async () => {
    const name = `journal-migration-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table('volunteers').put({ ...aVolunteer({ id: 'v-1' }), searchKeys: [] });
    await v2.table('syncDocs').put({ target: 't', docId: 'volunteers:v-1', rev: '1-a', digest: 'd' });
    v2.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.volunteers.count()).toBe(1);
    expect(await db.syncDocs.count()).toBe(1);
    expect(await db.syncJournal.count()).toBe(0);
    db.close();
  });
});

function scanning(store: SyncRecordStore, scanned: Set<string>): SyncRecordStore {
  return {
    ...store,
    records(table) {
      scanned.add(table);
      return store.records(table);
    },
  };
}
