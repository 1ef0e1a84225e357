import { referenceFromScan } from '../../../shared/domain/scanner-layout';
import { matchesSearch, parseSearchQuery, type SearchQuery } from '../../../shared/domain/text-folding';
import type { DeskPerson } from '../../db/repositories/desk-repository';

/**
 * The desk's in-memory search over every volunteer (issue #8, "Speed": a keystroke shows results in under 50 ms at
 * 50,000 volunteers). Every stored search key (already folded on write) goes into one sorted array; a query's
 * longest prefix is found by binary search, and only that range's people are checked with the full rule
 * (matchesSearch), so the cost follows the number of matches, not the number of volunteers. A change of one person
 * (a walk-in, an edit) moves only that person's keys, so the index stays current without being rebuilt.
 */
export interface PeopleIndex {
  /** Sorted search keys; `owners[i]` is the id of the person `keys[i]` belongs to. */
  readonly keys: string[];
  readonly owners: string[];
  readonly people: Map<string, DeskPerson>;
}

export function buildPeopleIndex(people: Iterable<DeskPerson>): PeopleIndex {
  const pairs: [string, string][] = [];
  const byId = new Map<string, DeskPerson>();
  for (const person of people) {
    byId.set(person.id, person);
    for (const key of new Set(person.searchKeys)) pairs.push([key, person.id]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return { keys: pairs.map((pair) => pair[0]), owners: pairs.map((pair) => pair[1]), people: byId };
}

/** Removes a person and their keys (nothing happens for an unknown id). */
export function removePerson(index: PeopleIndex, id: string): void {
  const person = index.people.get(id);
  if (!person) return;
  index.people.delete(id);
  for (const key of new Set(person.searchKeys)) {
    for (let i = lowerBound(index.keys, key); i < index.keys.length && index.keys[i] === key; i++) {
      if (index.owners[i] !== id) continue;
      index.keys.splice(i, 1);
      index.owners.splice(i, 1);
      break;
    }
  }
}

/** Adds a person, or replaces what the index knew of them. */
export function upsertPerson(index: PeopleIndex, person: DeskPerson): void {
  removePerson(index, person.id);
  index.people.set(person.id, person);
  for (const key of new Set(person.searchKeys)) {
    const at = lowerBound(index.keys, key);
    index.keys.splice(at, 0, key);
    index.owners.splice(at, 0, person.id);
  }
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
    // The narrowest of the query's words bounds the people to check ("marie dur": the Durands, not every Marie).
    let range: [number, number] | null = null;
    for (const prefix of alternative) {
      if (prefix === '') continue;
      const candidate: [number, number] = [lowerBound(index.keys, prefix), lowerBound(index.keys, `${prefix}\uffff`)];
      if (!range || candidate[1] - candidate[0] < range[1] - range[0]) range = candidate;
    }
    if (!range) continue;
    for (let i = range[0]; i < range[1] && found.size < limit; i++) {
      const id = index.owners[i] as string;
      if (found.has(id) || exclude.has(id)) continue;
      const person = index.people.get(id);
      if (person && matchesSearch(person.searchKeys, query)) found.set(id, person);
    }
  }
  return [...found.values()];
}
