import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent, ConsentPurpose, Mission, Settings } from '../../shared/domain/model';
import type { SignUpHistoryRow } from './repositories/history-repository';
import type { Roster } from './repositories/signups-repository';
import type { MissionFilters } from './repositories/missions-repository';
import type { VolunteerFilters } from './repositories/volunteers-repository';
import type { ShiftWithFill } from './repositories/shifts-repository';
import { useRepositories } from './repositories-context';
import type { StoredVolunteer } from './database';

/**
 * Components read through these hooks, never through `db` (architecture.md, rule 6). `useLiveQuery` re-runs the
 * repository query when the tables it read change, in this tab or another.
 */
/** `initial` (settings already read, e.g. by bootstrap) is returned until the live query's first answer. */
export function useSettings(initial?: Settings): Settings | undefined {
  const { settings } = useRepositories();
  return useLiveQuery(() => settings.get(), [settings], initial);
}

export function useVolunteerCount(): number | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(() => volunteers.count(), [volunteers]);
}

export function useVolunteerSearch(
  query: string,
  filters: VolunteerFilters = {},
  limit = 500,
): StoredVolunteer[] | undefined {
  const { volunteers } = useRepositories();
  // The filters object is new on every render: its JSON is the dependency.
  const key = JSON.stringify(filters);
  return useLiveQuery(() => volunteers.search(query, limit, filters), [volunteers, query, limit, key]);
}

export function useSkills(): string[] | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(() => volunteers.skills(), [volunteers]);
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

/** `null` once loaded when there is no such volunteer; `undefined` while loading. */
export function useVolunteer(id: string | undefined): StoredVolunteer | null | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(async () => (id ? ((await volunteers.get(id)) ?? null) : null), [volunteers, id]);
}

export function useCurrentConsents(volunteerId: string): Partial<Record<ConsentPurpose, Consent>> | undefined {
  const { consents } = useRepositories();
  return useLiveQuery(() => consents.currentFor(volunteerId), [consents, volunteerId]);
}

export function useVolunteerHistory(volunteerId: string): SignUpHistoryRow[] | undefined {
  const { history } = useRepositories();
  return useLiveQuery(() => history.forVolunteer(volunteerId), [history, volunteerId]);
}

export function useRoster(shiftId: string | undefined): Roster | null | undefined {
  const { signUps } = useRepositories();
  return useLiveQuery(async () => (shiftId ? signUps.roster(shiftId) : null), [signUps, shiftId]);
}

export function useShiftsBetween(from: string, to: string) {
  const { shifts } = useRepositories();
  return useLiveQuery(() => shifts.listBetween(from, to), [shifts, from, to]);
}

export function useUpcomingShifts(days: number) {
  const { signUps } = useRepositories();
  return useLiveQuery(() => signUps.upcomingShifts(days), [signUps, days]);
}

export function useLastBackupAt(): string | null | undefined {
  const { backups } = useRepositories();
  return useLiveQuery(() => backups.lastBackupAt(), [backups]);
}

export function useRecentExports(limit = 10) {
  const { exports } = useRepositories();
  return useLiveQuery(() => exports.recent(limit), [exports, limit]);
}
