import { useLiveQuery } from 'dexie-react-hooks';
import type { Settings } from '../../shared/domain/model';
import { useRepositories } from './repositories-context';
import type { StoredVolunteer } from './database';

/**
 * Components read through these hooks, never through `db` (architecture.md, rule 6). `useLiveQuery` re-runs the
 * repository query when the tables it read change, in this tab or another.
 */
export function useSettings(): Settings | undefined {
  const { settings } = useRepositories();
  return useLiveQuery(() => settings.get(), [settings]);
}

export function useVolunteerCount(): number | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(() => volunteers.count(), [volunteers]);
}

export function useVolunteerSearch(query: string, limit = 200): StoredVolunteer[] | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(() => volunteers.search(query, limit), [volunteers, query, limit]);
}
