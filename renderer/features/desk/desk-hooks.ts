import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { DeskData, DeskSession, DeskShift } from '../../db/repositories/desk-repository';
import { useRepositories } from '../../db/repositories-context';
import { buildPeopleIndex, type PeopleIndex } from './search-index';

/** The open desk session, `null` when none, `undefined` while loading. */
export function useDeskSession(): DeskSession | null | undefined {
  const { checkins } = useRepositories();
  return useLiveQuery(() => checkins.session(), [checkins]);
}

/** True while a desk session is open: the shell then hides the navigation (desk-only mode). */
export function useDeskOnly(): boolean {
  return Boolean(useDeskSession());
}

export function useDeskData(shiftIds: readonly string[]): DeskData | undefined {
  const { checkins } = useRepositories();
  const key = shiftIds.join(',');
  return useLiveQuery(() => checkins.data(key ? key.split(',') : []), [checkins, key]);
}

export function useShiftsBetween(from: string, to: string): DeskShift[] | undefined {
  const { checkins } = useRepositories();
  return useLiveQuery(() => checkins.shiftsBetween(from, to), [checkins, from, to]);
}

/**
 * Every volunteer in the in-memory index, read once after the first paint and again when volunteers change (a
 * walk-in); check-ins do not touch the volunteers table, so they never rebuild it.
 */
export function usePeopleIndex(): PeopleIndex | undefined {
  const { checkins } = useRepositories();
  const people = useLiveQuery(() => checkins.people(), [checkins]);
  return useMemo(() => (people ? buildPeopleIndex(people) : undefined), [people]);
}
