import { describe, expect, it } from 'vitest';
import type { ReviewItem, SignUp, Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { luhnCheckCharacter } from '../../../shared/domain/volunteer-ref';
import { canonicalJson, ERASED_VOLUNTEER_FIELDS } from '../../../shared/merge';
import { updateRecord } from '../../../shared/records/record';
import { docIdOf, overbookedItemId, syncOnce, type SyncSummary } from '../../../shared/sync';
import { useTestCouch } from './test-couch-lifecycle';
import { aCheckIn, aDesk, aSignUpOf, at, baseData, NOW, view, type TestDesk } from './sync-fixtures';

/**
 * The replicator against a real CouchDB-compatible server (pouchdb-server on loopback, or COUCHDB_URL): two desks
 * edit offline, then sync in both orders, and converge as the merge rules say.
 */

const couch = useTestCouch();

function syncDesk(desk: TestDesk, database: string): Promise<SyncSummary> {
  return syncOnce({
    target: { server: couch.url, database, user: couch.admin.user, password: couch.admin.password },
    fetch: (url, init) => fetch(url, init),
    store: desk.store,
    state: desk.state,
    deskId: desk.id,
    batchSize: 100,
  });
}

/** The server's records, table by table, as canonical JSON (what a third desk would pull). */
async function serverView(database: string): Promise<Record<string, string[]>> {
  const answer = await couch.request('GET', `/${database}/_all_docs?include_docs=true&conflicts=true`);
  const tables: Record<string, string[]> = Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, []]));
  for (const row of answer.json.rows as { id: string; doc: { table: string; record: unknown; _conflicts?: [] } }[]) {
    if (row.id.startsWith('_')) continue;
    expect(row.doc._conflicts ?? [], row.id).toEqual([]);
    tables[row.doc.table]?.push(canonicalJson(row.doc.record));
  }
  return tables;
}

describe('two desks offline, then sync', { timeout: 120_000 }, () => {
  /** Desk A holds the base data and syncs it; desk B gets it from the server; then both work offline. */
  async function twoDesksApart(database: string): Promise<{ a: TestDesk; b: TestDesk }> {
    const a = aDesk('desk-a');
    const b = aDesk('desk-b');
    await baseData(a.store);
    await syncDesk(a, database);
    await syncDesk(b, database);
    expect(view(b.store)).toEqual(view(a.store));

    const [volunteerA] = await a.store.get('volunteers', ['p-2']);
    const [volunteerB] = await b.store.get('volunteers', ['p-2']);
    // Different fields of one volunteer; and the same field (e-mail), B's edit being the later one.
    await a.store.writeBatch('volunteers', [
      updateRecord(volunteerA as Volunteer, { phone: '+33612345678', email: 'a@exemple.fr' }, at('desk-a', 1)),
    ]);
    await b.store.writeBatch('volunteers', [
      updateRecord(volunteerB as Volunteer, { notes: 'Vient avec un ami', email: 'b@exemple.fr' }, at('desk-b', 2)),
    ]);
    // Both desks check the same person in (each its own event), and each gives away the last place of s-last.
    await a.store.writeBatch('checkinEvents', [aCheckIn('ev-a', 'desk-a', at('desk-a', 3))]);
    await b.store.writeBatch('checkinEvents', [aCheckIn('ev-b', 'desk-b', at('desk-b', 3))]);
    await a.store.writeBatch('signUps', [aSignUpOf('su-a', 'p-3', at('desk-a', 4))]);
    await b.store.writeBatch('signUps', [aSignUpOf('su-b', 'p-4', at('desk-b', 4))]);
    return { a, b };
  }

  for (const order of ['A then B', 'B then A'] as const) {
    it(`converges, each edit settled by the merge rules (${order})`, async () => {
      const database = await couch.createDatabase('converge');
      const { a, b } = await twoDesksApart(database);
      const [first, second] = order === 'A then B' ? [a, b] : [b, a];
      await syncDesk(first, database);
      await syncDesk(second, database);
      await syncDesk(first, database);

      expect(view(a.store)).toEqual(view(b.store));
      expect(await serverView(database)).toEqual(view(a.store));

      const [person] = (await a.store.get('volunteers', ['p-2'])) as Volunteer[];
      expect(person).toMatchObject({ phone: '+33612345678', notes: 'Vient avec un ami', email: 'b@exemple.fr' });
      const events = a.store.all('checkinEvents').filter((event) => event.signUpId === 'su-1');
      expect(events.map((event) => event.id).sort()).toEqual(['ev-a', 'ev-b']);
      const confirmed = a.store
        .all('signUps')
        .filter((signUp: SignUp) => signUp.shiftId === 's-last' && signUp.status === 'signed_up' && !signUp.deleted);
      expect(confirmed).toHaveLength(3);
      const review = a.store.all('reviewItems').filter((item: ReviewItem) => item.recordIds.includes('s-last'));
      expect(review).toEqual([
        expect.objectContaining({ id: overbookedItemId('s-last'), recordIds: ['s-last'], state: 'open' }),
      ]);

      // Converged means quiet: another round sends nothing and changes nothing.
      const again = await syncDesk(second, database);
      expect(again.pushed.sent).toBe(0);
      expect(again.pulled.changedLocally).toBe(0);
    });
  }

  it('a coordinator resolving the overbooking on one desk is not undone by the other', async () => {
    const database = await couch.createDatabase('resolve');
    const { a, b } = await twoDesksApart(database);
    await syncDesk(a, database);
    await syncDesk(b, database);
    await syncDesk(a, database);
    const [item] = (await a.store.get('reviewItems', [overbookedItemId('s-last')])) as ReviewItem[];
    await a.store.writeBatch('reviewItems', [updateRecord(item as ReviewItem, { state: 'resolved' }, at('desk-a', 9))]);
    await syncDesk(a, database);
    await syncDesk(b, database);
    const [onB] = (await b.store.get('reviewItems', [overbookedItemId('s-last')])) as ReviewItem[];
    expect(onB?.state).toBe('resolved');
  });
});

describe('an erasure made on another desk', { timeout: 120_000 }, () => {
  it("also removes the person's name and e-mail from this desk's free texts that quote them", async () => {
    const database = await couch.createDatabase('erasure');
    const a = aDesk('desk-a');
    const b = aDesk('desk-b');
    await baseData(a.store);
    await syncDesk(a, database);
    await syncDesk(b, database);
    const [onA] = (await a.store.get('volunteers', ['p-2'])) as Volunteer[];
    const [friend] = (await b.store.get('volunteers', ['p-3'])) as Volunteer[];
    // Desk B writes about p-2 in someone else's notes (not linked by id); desk A erases p-2, offline.
    const quote = `Covoiturage avec ${onA?.firstName} ${onA?.lastName}`;
    await b.store.writeBatch('volunteers', [updateRecord(friend as Volunteer, { notes: quote }, at('desk-b', 1))]);
    const replacementRef = `B-ERASED01${luhnCheckCharacter('ERASED01')}`;
    await a.store.writeBatch('erasures', [{ volunteerId: 'p-2', erasedAt: NOW, replacementRef }]);
    await a.store.writeBatch('volunteers', [
      updateRecord(onA as Volunteer, { ...ERASED_VOLUNTEER_FIELDS, ref: replacementRef }, at('desk-a', 2)),
    ]);

    // B sends the quote; A receives it but no longer knows the name; B receives the erasure, still holds the name,
    // cleans the quote; A receives the cleaned text, which wins there too.
    await syncDesk(b, database);
    await syncDesk(a, database);
    await syncDesk(b, database);
    await syncDesk(a, database);

    for (const desk of [a, b]) {
      const [quoted] = (await desk.store.get('volunteers', ['p-3'])) as Volunteer[];
      expect(quoted?.notes).toMatch(/^Covoiturage avec/);
      expect(JSON.stringify(view(desk.store))).not.toContain(`${onA?.firstName} ${onA?.lastName}`);
    }
    expect(JSON.stringify(await serverView(database))).not.toContain(`${onA?.firstName} ${onA?.lastName}`);
  });
});

describe('conflicting revisions on the server', { timeout: 120_000 }, () => {
  it('are merged, written over the winner, and the losing revisions deleted', async () => {
    const database = await couch.createDatabase('server-conflict');
    const a = aDesk('desk-a');
    await baseData(a.store, 5);
    await syncDesk(a, database);
    const [person] = (await a.store.get('volunteers', ['p-2'])) as Volunteer[];
    const id = docIdOf('volunteers', person);
    const current = await couch.request('GET', `/${database}/${encodeURIComponent(id)}`);
    // Two branches from the same revision, as two CouchDB nodes (or two servers replicating) would make.
    const left = updateRecord(person as Volunteer, { notes: 'branche gauche' }, at('node-1', 5));
    const right = updateRecord(person as Volunteer, { phone: '+33700000000' }, at('node-2', 6));
    const [generation, hash] = (current.json._rev as string).split('-');
    const next = Number(generation) + 1;
    const docs = [
      {
        _id: id,
        _rev: `${next}-aaaa`,
        _revisions: { start: next, ids: ['aaaa', hash] },
        table: 'volunteers',
        record: left,
      },
      {
        _id: id,
        _rev: `${next}-bbbb`,
        _revisions: { start: next, ids: ['bbbb', hash] },
        table: 'volunteers',
        record: right,
      },
    ];
    const written = await couch.request('POST', `/${database}/_bulk_docs`, { docs, new_edits: false });
    expect(written.status).toBe(201);

    const summary = await syncDesk(a, database);
    expect(summary.pulled.serverConflictsResolved).toBe(1);
    const [merged] = (await a.store.get('volunteers', ['p-2'])) as Volunteer[];
    expect(merged).toMatchObject({ notes: 'branche gauche', phone: '+33700000000' });
    const after = await couch.request('GET', `/${database}/${encodeURIComponent(id)}?conflicts=true`);
    expect(after.json._conflicts).toBeUndefined();
    expect(after.json.record).toEqual(merged);
  });
});

describe('what a desk already holds', { timeout: 120_000 }, () => {
  it('is not downloaded again: the next pull skips the echo of its own push, and fetches what another desk changed', async () => {
    const database = await couch.createDatabase('echo');
    const a = aDesk('desk-a');
    await baseData(a.store);
    const first = await syncDesk(a, database);
    expect(first.pushed.sent).toBeGreaterThan(0);

    const fetched: string[] = [];
    const target = { server: couch.url, database, user: couch.admin.user, password: couch.admin.password };
    const again = await syncOnce({
      target,
      fetch: async (url, init) => {
        fetched.push(`${init.method ?? 'GET'} ${url}`);
        return fetch(url, init);
      },
      store: a.store,
      state: a.state,
      deskId: a.id,
      batchSize: 100,
    });
    // The changes feed lists every document A pushed; none is fetched, none merged.
    expect(fetched.filter((request) => request.includes('/_changes?')).length).toBeGreaterThan(1);
    expect(fetched.filter((request) => request.includes('/_all_docs'))).toEqual([]);
    expect(again.pulled).toMatchObject({ received: 0, changedLocally: 0 });

    const b = aDesk('desk-b');
    await syncDesk(b, database);
    const [person] = await b.store.get('volunteers', ['p-2']);
    await b.store.writeBatch('volunteers', [updateRecord(person as Volunteer, { notes: 'de B' }, at('desk-b', 1))]);
    await syncDesk(b, database);
    const third = await syncDesk(a, database);
    expect(third.pulled).toMatchObject({ received: 1, changedLocally: 1 });
    const [received] = await a.store.get('volunteers', ['p-2']);
    expect((received as Volunteer).notes).toBe('de B');
  });
});
