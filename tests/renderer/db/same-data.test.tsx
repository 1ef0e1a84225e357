import { act, renderHook, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactNode } from 'react';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useVolunteerSearch } from '../../../renderer/db/hooks';
import { RepositoriesProvider, createRepositories } from '../../../renderer/db/repositories-context';
import { isSameData } from '../../../renderer/db/same-data';
import { createTestDatabase, newVolunteer } from './test-database';

describe('isSameData', () => {
  it('says two values read from the store are the same exactly when they are deeply equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(isSameData(a, structuredClone(a))).toBe(true);
        expect(isSameData(a, b)).toBe(isDeepStrictEqual(a, b));
      }),
    );
  });

  it('tells apart a changed field deep in a record, and anything that is not plain data', () => {
    const person = { id: 'a', clocks: { email: '1' }, skills: ['first-aid'] };
    expect(isSameData([person], [{ ...person, clocks: { email: '2' } }])).toBe(false);
    expect(isSameData([person], [{ ...person, skills: [] }])).toBe(false);
    expect(isSameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(isSameData([1], { 0: 1 })).toBe(false);
    expect(isSameData(new Date(0), new Date(0))).toBe(false);
  });
});

describe('useVolunteerSearch with the results already read', () => {
  it('keeps them (no render for nothing) while the live query reads the same, and follows it after a write', async () => {
    const { db, desk } = await createTestDatabase();
    const repositories = createRepositories(db, desk);
    await repositories.volunteers.create(newVolunteer({ firstName: 'Alice', lastName: 'Martin' }));
    const initial = await repositories.volunteers.search('', 500, {});
    // Counts the live query's reads, to know when its first answer is in.
    const { search } = repositories.volunteers;
    const answers: Promise<unknown>[] = [];
    repositories.volunteers.search = (...args) => {
      const answer = search(...args);
      answers.push(answer);
      return answer;
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <RepositoriesProvider repositories={repositories}>{children}</RepositoriesProvider>
    );
    const { result } = renderHook(() => useVolunteerSearch('', {}, 500, initial), { wrapper });
    expect(result.current).toBe(initial);

    await waitFor(() => expect(answers).toHaveLength(1));
    await act(() => answers[0]);
    // Same data read again: the very same array, so nothing renders again.
    expect(result.current).toBe(initial);

    await act(() => repositories.volunteers.create(newVolunteer({ firstName: 'Zoé', lastName: 'Zola' })));
    await waitFor(() => expect(result.current?.map((volunteer) => volunteer.lastName)).toEqual(['Martin', 'Zola']));
    db.close();
  });
});
