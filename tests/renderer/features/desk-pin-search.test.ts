import { describe, expect, it } from 'vitest';
import type { DeskPerson } from '../../../renderer/db/repositories/desk-repository';
import { hashPin, isAcceptablePin, verifyPin } from '../../../renderer/features/desk/pin';
import { buildPeopleIndex, deskQuery, searchPeople } from '../../../renderer/features/desk/search-index';
import { usToAzerty } from '../../../shared/domain/scanner-layout';
import { searchKeys } from '../../../shared/domain/search-keys';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';

describe('coordinator PIN', () => {
  it('accepts 4 to 8 digits only', () => {
    expect(['1234', '12345678'].every(isAcceptablePin)).toBe(true);
    expect(['123', '123456789', '12a4', ''].some(isAcceptablePin)).toBe(false);
  });

  it('stores a salted PBKDF2 hash that checks the right PIN and refuses another', async () => {
    const stored = await hashPin('2468');
    expect(stored.hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(stored.hash).not.toContain('2468');
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(await verifyPin('2468', { ...stored, hash: 'md5$1$x' })).toBe(false);
    // A new salt each time: the same PIN never gives the same hash.
    expect((await hashPin('2468')).hash).not.toBe(stored.hash);
  });
});

function person(id: number, firstName: string, lastName: string, email: string | null = null): DeskPerson {
  const ref = generateVolunteerRef();
  return {
    id: String(id),
    ref,
    firstName,
    lastName,
    searchKeys: searchKeys({ firstName, lastName, email, phone: null, ref }),
    birthDate: null,
    ageBand: null,
    parentalAuthorisation: null,
    guardianPhone: null,
  };
}

describe('the desk’s in-memory search index', () => {
  const people = [
    person(1, 'Hélène', 'Le Fèvre', 'helene@example.org'),
    person(2, 'Jean-Pierre', 'Martin'),
    person(3, 'Awa', 'N’Diaye'),
    person(4, 'Marc', 'Martinez'),
  ];
  const index = buildPeopleIndex(people);
  const find = (typed: string, exclude?: Set<string>) =>
    searchPeople(index, deskQuery(typed), 10, exclude).map((found) => found.id);

  it('folds accents, case, hyphens and particles, and matches e-mails', () => {
    expect(find('helene')).toEqual(['1']);
    expect(find('LEFEVRE')).toEqual(['1']);
    expect(find('fevre')).toEqual(['1']);
    expect(find('jean pierre')).toEqual(['2']);
    expect(find('ndiaye')).toEqual(['3']);
    expect(find('helene@')).toEqual(['1']);
    expect(find('mart').sort()).toEqual(['2', '4']);
    expect(find('zzz')).toEqual([]);
  });

  it('finds a reference typed right or through a US scanner on AZERTY, and skips excluded people', () => {
    const ref = people[1]!.ref;
    expect(find(ref)).toEqual(['2']);
    expect(find(usToAzerty(ref))).toEqual(['2']);
    expect(find('mart', new Set(['2']))).toEqual(['4']);
  });

  it('finds the one person among thousands, and caps the results it returns', () => {
    // Speed is measured by the benchmark, never asserted here (a slow machine must not fail the tests).
    const many = Array.from({ length: 5_000 }, (_, i) => person(i, `Prénom${i % 977}`, `Nom${i}`));
    const big = buildPeopleIndex(many);
    expect(searchPeople(big, deskQuery('nom4321'), 12).map((found) => found.lastName)).toEqual(['Nom4321']);
    expect(searchPeople(big, deskQuery('no'), 12)).toHaveLength(12);
  });
});
