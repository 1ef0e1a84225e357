import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_V1, SCHEMA_V2 } from '../../../renderer/db/database';
import { aVolunteer } from '../../shared/domain/factories';

/** Version 1 exactly as it was published, filled with a desk's data, then closed. */
async function buildVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('volunteers').put({ ...aVolunteer({ id: 'v-1', firstName: 'Awa' }), searchKeys: ['awa'] });
  await v1.table('desk').put({ key: 'desk', deskId: 'desk-a', createdAt: '2026-11-28T09:00:00Z', lastClock: null });
  await v1.table('syncState').put({ key: 'checkpoint', value: { since: '12-abc' } });
  v1.close();
}

describe('schema version 2 (CouchDB sync: known revisions)', () => {
  it('opens a version 1 database, keeps every row, and adds an empty syncDocs table', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    await buildVersion1(name);

    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await db.volunteers.get('v-1'))?.firstName).toBe('Awa');
    expect((await db.desk.get('desk'))?.deskId).toBe('desk-a');
    expect((await db.syncState.get('checkpoint'))?.value).toEqual({ since: '12-abc' });
    expect(await db.syncDocs.count()).toBe(0);
    db.close();
  });

  it('stores one row per target and document, found by the compound key and listed by target', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    await buildVersion1(name);
    const db = new DeskDatabase(name);
    await db.syncDocs.bulkPut([
      { target: 'http://a/db', docId: 'volunteers:v-1', rev: '1-x', digest: 'd1' },
      { target: 'http://a/db', docId: 'volunteers:v-1', rev: '2-y', digest: 'd2' },
      { target: 'http://b/db', docId: 'volunteers:v-1', rev: '1-z', digest: 'd3' },
    ]);
    expect(await db.syncDocs.get(['http://a/db', 'volunteers:v-1'])).toMatchObject({ rev: '2-y', digest: 'd2' });
    expect(await db.syncDocs.where('target').equals('http://b/db').count()).toBe(1);
    db.close();

    // What IndexedDB really holds after the upgrade: the declared version 2 index, and version 1 left as it was.
    const raw = new Dexie(name);
    await raw.open();
    const indexes = raw
      .table('syncDocs')
      .schema.indexes.map((index) => index.src)
      .sort();
    expect(indexes).toEqual(
      SCHEMA_V2.syncDocs
        .split(',')
        .slice(1)
        .map((part) => part.trim()),
    );
    expect(raw.table('syncDocs').schema.primKey.src).toBe('[target+docId]');
    raw.close();
  });
});
