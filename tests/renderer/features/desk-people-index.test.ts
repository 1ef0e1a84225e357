import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../renderer/db/repositories-context';
import type { DeskPerson } from '../../../renderer/db/repositories/desk-repository';
import { changedVolunteers } from '../../../renderer/features/desk/people-indexer';
import { startPeopleSearch, type PeopleSearch } from '../../../renderer/features/desk/people-search';
import { buildPeopleIndex, removePerson, upsertPerson } from '../../../renderer/features/desk/search-index';
import { createTestDatabase, newVolunteer } from '../db/test-database';

function person(id: string, searchKeys: string[]): DeskPerson {
  return {
    id,
    ref: id,
    firstName: id,
    lastName: id,
    searchKeys,
    birthDate: null,
    ageBand: null,
    parentalAuthorisation: null,
    guardianPhone: null,
  };
}

/** Waits until the search has applied one more change than `after` (its version grew). */
function nextVersion(search: PeopleSearch, after: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (search.state().version > after) {
        stop();
        resolve();
      }
    };
    const stop = search.subscribe(check);
    check();
  });
}

describe('the desk’s people index, kept current', () => {
  it('ends in the same state whether built at once or changed person by person (fast-check)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const keys = fc.array(fc.constantFrom('ana', 'anab', 'bo', 'bob', 'zoe', '0612'), { maxLength: 4 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...ids), keys }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const index = buildPeopleIndex([]);
        const expected = new Map<string, DeskPerson>();
        for (const change of steps) {
          if (change.kind === 'upsert') {
            upsertPerson(index, person(change.id, change.keys));
            expected.set(change.id, person(change.id, change.keys));
          } else {
            removePerson(index, change.id);
            expected.delete(change.id);
          }
        }
        const rebuilt = buildPeopleIndex(expected.values());
        expect(index.keys).toEqual(rebuilt.keys);
        expect([...index.keys.keys()].map((i) => `${index.keys[i]}:${index.owners[i]}`).sort()).toEqual(
          [...rebuilt.keys.keys()].map((i) => `${rebuilt.keys[i]}:${rebuilt.owners[i]}`).sort(),
        );
        expect(new Set(index.people.keys())).toEqual(new Set(expected.keys()));
      }),
    );
  });

  it('reads every volunteer after start, then follows creations, edits and deletions committed in the store', async () => {
    const { db, desk } = await createTestDatabase();
    const repositories = createRepositories(db, desk);
    await repositories.volunteers.create(newVolunteer({ firstName: 'Hélène', lastName: 'Le Fèvre' }));
    const search = startPeopleSearch(db);
    try {
      await nextVersion(search, 0);
      expect(search.state().size).toBe(1);
      expect((await search.search('helene', 12, [])).map((found) => found.lastName)).toEqual(['Le Fèvre']);

      // A walk-in's new volunteer is found without any rebuild asked for.
      let version = search.state().version;
      const lucie = await repositories.volunteers.create(newVolunteer({ firstName: 'Lucie', lastName: 'Nouvelle' }));
      await nextVersion(search, version);
      expect((await search.search('nouvel', 12, [])).map((found) => found.id)).toEqual([lucie.id]);
      expect(await search.search('nouvel', 12, [lucie.id])).toEqual([]);

      // An edit moves the person's keys: the old name no longer finds her.
      version = search.state().version;
      await repositories.volunteers.update(lucie.id, { lastName: 'Durand' });
      await nextVersion(search, version);
      expect(await search.search('nouvel', 12, [])).toEqual([]);
      expect((await search.search('durand', 12, [])).map((found) => found.id)).toEqual([lucie.id]);

      // A deletion (tombstone) takes her out.
      version = search.state().version;
      const stored = await db.volunteers.get(lucie.id);
      await db.volunteers.put({ ...stored!, deleted: true });
      await nextVersion(search, version);
      expect(await search.search('durand', 12, [])).toEqual([]);
      expect(search.state().size).toBe(1);
    } finally {
      search.close();
    }
  });

  it('reads which volunteers a change touched: their ids, "re-read all" for a range or everything, nothing otherwise', () => {
    const part = 'idb://desk/volunteers/';
    const key = (k: string, l?: object, r?: object) => ({ d: 1, from: k, to: k, l, r });
    expect(changedVolunteers({ [part]: key('b', key('a'), key('c')) } as never, 'desk')?.sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(changedVolunteers({ [part]: { d: 1, from: 'a', to: 'z' } } as never, 'desk')).toBeNull();
    expect(changedVolunteers({ all: { d: 1, from: '', to: '' } } as never, 'desk')).toBeNull();
    expect(changedVolunteers({ 'idb://desk/signUps/': key('a') } as never, 'desk')).toBeUndefined();
    expect(changedVolunteers({ [part]: { d: 0 } } as never, 'desk')).toBeUndefined();
  });
});
