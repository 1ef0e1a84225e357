import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DeskData, DeskSession, DeskShift } from '../../db/repositories/desk-repository';
import { useRepositories } from '../../db/repositories-context';
import { startPeopleSearch, type PeopleSearch, type PeopleSearchState } from './people-search';

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
 * The search among all volunteers, started after the first paint (the desk shows its own shifts' people at once)
 * and stopped with the desk. Its state changes when the index is ready and after each change it applied.
 */
export function usePeopleSearch(): { readonly search: PeopleSearch | null; readonly state: PeopleSearchState } {
  const { db } = useRepositories();
  const [search, setSearch] = useState<PeopleSearch | null>(null);
  const [state, setState] = useState<PeopleSearchState>({ size: null, version: 0 });
  useEffect(() => {
    let started: PeopleSearch | null = null;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        started = startPeopleSearch(db);
        const current = started;
        current.subscribe(() => setState(current.state()));
        setSearch(current);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      started?.close();
      setSearch(null);
      setState({ size: null, version: 0 });
    };
  }, [db]);
  return { search, state };
}
