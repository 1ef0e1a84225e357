import { describe, expect, it } from 'vitest';
import { createDexieSyncRecordStore, createDexieSyncState } from '../../../renderer/db/sync-store';
import { syncTargetKey } from '../../../shared/sync';
import { aVolunteer } from '../../shared/domain/factories';
import { createTestDatabase } from './test-database';

describe('the Dexie store seen by the replicator', () => {
  it('looks records up by key, without the derived search keys, and sees what was written since', async () => {
    const { db } = await createTestDatabase();
    const store = createDexieSyncRecordStore(db);
    const first = aVolunteer({ id: 'v-1', firstName: 'Awa' });
    await store.writeBatch('volunteers', [first]);
    expect((await db.volunteers.get('v-1'))?.searchKeys.length).toBeGreaterThan(0);
    expect(await store.get('volunteers', ['v-1', 'v-2'])).toEqual([first, undefined]);

    const seen: string[] = [];
    for await (const volunteer of store.records('volunteers')) seen.push(volunteer.id);
    await store.writeBatch('volunteers', [aVolunteer({ id: 'v-2', ref: 'B-0000000000' })]);
    // A second pass (the push after the pull wrote) sees the new record.
    const again: string[] = [];
    for await (const volunteer of store.records('volunteers')) again.push(volunteer.id);
    expect(seen).toEqual(['v-1']);
    expect(again).toEqual(['v-1', 'v-2']);
    expect(await store.count('volunteers')).toBe(2);
  });

  it('keeps known revisions and the checkpoint per target, in syncDocs and syncState', async () => {
    const { db } = await createTestDatabase();
    const target = syncTargetKey({ server: 'https://couch.example.org/', database: 'asso-paris' });
    expect(target).toBe('https://couch.example.org/asso-paris');
    const state = createDexieSyncState(db, target);
    const other = createDexieSyncState(db, syncTargetKey({ server: 'https://couch.example.org', database: 'autre' }));

    expect(await state.checkpoint()).toBeNull();
    await state.remember(new Map([['volunteers:v-1', { rev: '1-a', digest: 'd' }]]));
    await state.saveCheckpoint({ session: 's', since: '42' });
    expect(await state.known(['volunteers:v-1', 'volunteers:v-2'])).toEqual(
      new Map([['volunteers:v-1', { rev: '1-a', digest: 'd' }]]),
    );
    expect(await state.checkpoint()).toEqual({ session: 's', since: '42' });
    expect((await other.known(['volunteers:v-1'])).size).toBe(0);
    expect(await other.checkpoint()).toBeNull();
    expect(await db.syncDocs.where('target').equals(target).count()).toBe(1);
  });
});
