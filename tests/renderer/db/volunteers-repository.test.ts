import { describe, expect, it } from 'vitest';
import { createVolunteersRepository } from '../../../renderer/db/repositories/volunteers-repository';
import { searchKeys } from '../../../shared/domain/search-keys';
import { isValidVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { mergePeople } from '../../../shared/merge';
import { compareHlc } from '../../../shared/records/hlc';
import { createTestDatabase, newVolunteer } from './test-database';

const person = newVolunteer;

async function setUp() {
  const { db, desk } = await createTestDatabase();
  const volunteers = createVolunteersRepository(db, desk);
  const helene = await volunteers.create(
    person({
      firstName: 'Hélène',
      lastName: 'Le Fèvre',
      email: 'Helene.LF@example.org',
      phone: '+33612345678',
      postcode: '75116',
    }),
  );
  const jean = await volunteers.create(person({ firstName: 'Jean-Luc', lastName: 'Dupont', postcode: '75016' }));
  const awa = await volunteers.create(person({ firstName: 'Awa', lastName: 'Diallo', postcode: '93100' }));
  return { db, desk, volunteers, helene, jean, awa };
}

describe('volunteers repository', () => {
  it('gives each new volunteer an id, a valid reference, clocks on every field and its arrondissement', async () => {
    const { helene, jean, awa } = await setUp();
    expect(isValidVolunteerRef(helene.ref)).toBe(true);
    expect(helene.ref).not.toBe(jean.ref);
    expect(helene.deleted).toBe(false);
    expect(Object.keys(helene.clocks).sort()).toContain('firstName');
    expect(helene.clocks.deleted).toBeDefined();
    // 75116 and 75016 are both the 16th (INSEE 75116); a postcode outside Paris has no arrondissement.
    expect(helene.arrondissementInsee).toBe('75116');
    expect(jean.arrondissementInsee).toBe('75116');
    expect(awa.arrondissementInsee).toBeNull();
  });

  it.each([
    ['helene', ['Hélène']],
    ['HELENE', ['Hélène']],
    ['lefevre', ['Hélène']],
    ['le fevre', ['Hélène']],
    ['fèvre', ['Hélène']],
    ['jean luc', ['Jean-Luc']],
    ['jeanluc', ['Jean-Luc']],
    ['dupont jean', ['Jean-Luc']],
    ['06 12 34 56 78', ['Hélène']],
    ['0612', ['Hélène']],
    ['helene.lf@', ['Hélène']],
    ['d', ['Awa', 'Jean-Luc']],
    ['zzz', []],
  ])('search %j finds %j', async (query, expected) => {
    const { volunteers } = await setUp();
    const found = await volunteers.search(query, 50);
    expect(found.map((volunteer) => volunteer.firstName)).toEqual(expected);
  });

  it('finds a volunteer by reference, typed with or without its dash', async () => {
    const { volunteers, awa } = await setUp();
    expect((await volunteers.search(awa.ref, 5)).map((v) => v.id)).toEqual([awa.id]);
    expect((await volunteers.search(awa.ref.replace('-', '').toLowerCase(), 5)).map((v) => v.id)).toEqual([awa.id]);
  });

  it('an update moves only the changed fields to a new clock and refreshes derived fields', async () => {
    const { volunteers, helene } = await setUp();
    const updated = await volunteers.update(helene.id, { lastName: 'Lefèvre', firstName: 'Hélène', postcode: '75019' });
    expect(compareHlc(updated.clocks.lastName!, helene.clocks.lastName!)).toBeGreaterThan(0);
    expect(updated.clocks.firstName).toBe(helene.clocks.firstName); // same value: no new clock
    expect(updated.arrondissementInsee).toBe('75119');
    expect(compareHlc(updated.clocks.arrondissementInsee!, helene.clocks.arrondissementInsee!)).toBeGreaterThan(0);
    expect(await volunteers.search('lefevre', 5)).toHaveLength(1);
    expect(await volunteers.count()).toBe(3);
  });

  it('counts live volunteers without reading them all: a person merged into another is not counted', async () => {
    const { db, desk, volunteers, helene, jean } = await setUp();
    const stored = (await db.volunteers.toArray()).map(({ searchKeys: _keys, ...volunteer }) => volunteer);
    const { dataset } = mergePeople({ volunteers: stored }, helene.id, jean.id, desk.clock.next());
    await db.transaction('rw', db.volunteers, db.aliases, async () => {
      await db.volunteers.bulkPut(
        dataset.volunteers.map((volunteer) => ({ ...volunteer, searchKeys: searchKeys(volunteer) })),
      );
      await db.aliases.bulkPut([...dataset.aliases]);
    });
    expect(await db.volunteers.count()).toBe(3); // the merged one stays, as a tombstone
    expect(await volunteers.count()).toBe(2);
  });

  it('lists live people in name order with no query, up to the limit, even when a tombstone is among the first', async () => {
    const { db, volunteers, awa } = await setUp();
    const names = (list: { lastName: string }[]) => list.map((volunteer) => volunteer.lastName);
    expect(names(await volunteers.search('', 2))).toEqual(['Diallo', 'Dupont']);
    // Awa Diallo, first by name, merged away: the page is filled from the next people.
    await db.volunteers.update(awa.id, { deleted: true });
    expect(names(await volunteers.search('', 2))).toEqual(['Dupont', 'Le Fèvre']);
    expect(names(await volunteers.search('', 5))).toEqual(['Dupont', 'Le Fèvre']);
    expect(names(await volunteers.search('', 5, { arrondissementInsee: '75116' }))).toEqual(['Dupont', 'Le Fèvre']);
  });

  it('fills the opening page past several tombstones read by the name index', async () => {
    const { db, volunteers, awa, jean } = await setUp();
    await db.volunteers.update(awa.id, { deleted: true });
    await db.volunteers.update(jean.id, { deleted: true });
    expect((await volunteers.search('', 1)).map((volunteer) => volunteer.lastName)).toEqual(['Le Fèvre']);
    expect(await volunteers.search('', 1, { status: 'active' })).toHaveLength(1);
  });

  it('refuses an invalid record and writes nothing', async () => {
    const { volunteers } = await setUp();
    await expect(volunteers.create(person({ firstName: 'X', phone: '0612345678' }))).rejects.toThrow();
    expect(await volunteers.count()).toBe(3);
  });
});
