import { referenceFromScan } from '../../../shared/domain/scanner-layout';
import { matchesSearch, parseSearchQuery, type SearchQuery } from '../../../shared/domain/text-folding';
import type { DeskPerson } from '../../db/repositories/desk-repository';

/**
 * The desk's in-memory search over every volunteer (issue #8, "Speed": a keystroke shows results in under 50 ms at
 * 50,000 volunteers). Every stored search key (already folded on write) goes into one sorted array; a query's
 * longest prefix is found by binary search, and only that range's people are checked with the full rule
 * (matchesSearch), so the cost follows the number of matches, not the number of volunteers.
 */
export interface PeopleIndex {
  readonly keys: readonly string[];
  readonly owners: Int32Array;
  readonly people: readonly DeskPerson[];
}

export function buildPeopleIndex(people: readonly DeskPerson[]): PeopleIndex {
  const pairs: [string, number][] = [];
  people.forEach((person, index) => {
    for (const key of person.searchKeys) pairs.push([key, index]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const owners = new Int32Array(pairs.length);
  pairs.forEach((pair, index) => (owners[index] = pair[1]));
  return { keys: pairs.map((pair) => pair[0]), owners, people };
}

/** What the search box holds, read as a query: a scanned reference (even through the wrong layout) wins. */
export function deskQuery(typed: string): SearchQuery {
  return parseSearchQuery(referenceFromScan(typed) ?? typed);
}

function lowerBound(keys: readonly string[], prefix: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Up to `limit` people matching the query, skipping `exclude`d ids; in key order (the caller sorts by name). */
export function searchPeople(
  index: PeopleIndex,
  query: SearchQuery,
  limit: number,
  exclude: ReadonlySet<string> = new Set(),
): DeskPerson[] {
  const found = new Map<string, DeskPerson>();
  for (const alternative of query.alternatives) {
    const prefix = alternative.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (prefix === '') continue;
    for (let i = lowerBound(index.keys, prefix); i < index.keys.length && found.size < limit; i++) {
      if (!(index.keys[i] as string).startsWith(prefix)) break;
      const person = index.people[index.owners[i] as number] as DeskPerson;
      if (found.has(person.id) || exclude.has(person.id)) continue;
      if (matchesSearch(person.searchKeys, query)) found.set(person.id, person);
    }
  }
  return [...found.values()];
}
