import type { ObservabilitySet } from 'dexie';
import type { DeskDatabase } from '../../db/database';
import { forEachInPages } from '../../db/index-reads';
import { toPerson, type DeskPerson } from '../../db/repositories/desk-repository';
import {
  buildPeopleIndex,
  deskQuery,
  removePerson,
  searchPeople,
  upsertPerson,
  type PeopleIndex,
} from './search-index';

/**
 * The desk's people index fed from the database, wherever it runs (the index Worker normally, the main thread in
 * unit tests): read once in full, then kept current person by person from the database's change notifications.
 * Changes are applied one after another, in the order they were committed.
 */
export interface PeopleIndexer {
  /** Applies a change: the ids of the volunteers written, or `null` for "anything may have changed" (re-read all). */
  refresh(ids: readonly string[] | null): Promise<void>;
  /** Up to `limit` people matching what was typed, minus `exclude`; empty until the first read is done. */
  search(typed: string, limit: number, exclude: readonly string[]): DeskPerson[];
  /** People indexed, `null` until the first read is done. */
  size(): number | null;
}

export function createPeopleIndexer(db: DeskDatabase): PeopleIndexer {
  let index: PeopleIndex | null = null;
  let queue = Promise.resolve();

  async function readAll(): Promise<PeopleIndex> {
    const people: DeskPerson[] = [];
    await forEachInPages(db.volunteers, (volunteer) => {
      if (!volunteer.deleted) people.push(toPerson(volunteer));
    });
    return buildPeopleIndex(people);
  }

  async function apply(ids: readonly string[] | null): Promise<void> {
    // Before the first read, or for a change too large to follow one by one: read everything again.
    if (ids === null || index === null || ids.length > BULK_CHANGE) {
      index = await readAll();
      return;
    }
    const rows = await db.volunteers.bulkGet([...ids]);
    const current = index;
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row && !row.deleted) upsertPerson(current, toPerson(row));
      else removePerson(current, id);
    });
  }

  return {
    refresh(ids) {
      queue = queue.then(() => apply(ids));
      return queue;
    },
    search(typed, limit, exclude) {
      if (!index || limit <= 0) return [];
      return searchPeople(index, deskQuery(typed), limit, new Set(exclude));
    },
    size: () => index?.people.size ?? null,
  };
}

/** Above this many changed people (an import, a merge), a full re-read is cheaper than moving keys one by one. */
const BULK_CHANGE = 2_000;

interface RangeNode {
  readonly from?: unknown;
  readonly to?: unknown;
  readonly l?: RangeNode | null;
  readonly r?: RangeNode | null;
}

/**
 * The volunteers a committed change touched, from Dexie's change notification (`storagemutated`): their ids,
 * `null` when it cannot say which (a range, a clear, "everything"), `undefined` when volunteers were not touched.
 */
export function changedVolunteers(parts: ObservabilitySet, databaseName: string): string[] | null | undefined {
  if ('all' in parts) return null;
  const node = parts[`idb://${databaseName}/volunteers/`] as RangeNode | undefined;
  if (!node || !('from' in node)) return undefined;
  const ids: string[] = [];
  const stack: RangeNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as RangeNode;
    if (!('from' in current)) continue;
    if (typeof current.from !== 'string' || current.from !== current.to) return null;
    ids.push(current.from);
    if (current.l) stack.push(current.l);
    if (current.r) stack.push(current.r);
  }
  return ids;
}
