import { useLiveQuery } from 'dexie-react-hooks';
import type { Mission, Settings } from '../../shared/domain/model';
import type { MissionFilters } from './repositories/missions-repository';
import type { ShiftWithFill } from './repositories/shifts-repository';
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

export function useMissions(filters: MissionFilters): Mission[] | undefined {
  const { missions } = useRepositories();
  // The filters object is new on every render: its JSON is the dependency.
  const key = JSON.stringify(filters);
  return useLiveQuery(() => missions.list(filters), [missions, key]);
}

/** `null` once loaded when there is no such mission; `undefined` while loading. */
export function useMission(id: string | undefined): Mission | null | undefined {
  const { missions } = useRepositories();
  return useLiveQuery(async () => (id ? ((await missions.get(id)) ?? null) : null), [missions, id]);
}

export function useShiftsOfMission(missionId: string | undefined): ShiftWithFill[] | undefined {
  const { shifts } = useRepositories();
  return useLiveQuery(async () => (missionId ? shifts.listForMission(missionId) : []), [shifts, missionId]);
}
