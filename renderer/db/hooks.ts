import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent, ConsentPurpose, Mission, Settings } from '../../shared/domain/model';
import type { SignUpHistoryRow } from './repositories/history-repository';
import type { Roster } from './repositories/signups-repository';
import type { MissionFilters } from './repositories/missions-repository';
import type { VolunteerFilters } from './repositories/volunteers-repository';
import type { ShiftWithFill } from './repositories/shifts-repository';
import { useRepositories } from './repositories-context';
import type { StoredVolunteer } from './database';
import { isSameData } from './same-data';

/**
 * Components read through these hooks, never through `db` (architecture.md, rule 6). `useLiveQuery` re-runs the
 * repository query when the tables it read change, in this tab or another.
 */
/** `initial` (settings already read, e.g. by bootstrap) is returned until the live query's first answer. */
export function useSettings(initial?: Settings): Settings | undefined {
  const { settings } = useRepositories();
  return useLiveQuery(() => settings.get(), [settings], initial);
}

/** `initial` (the count already read, e.g. by bootstrap) is returned until the live query's first answer. */
export function useVolunteerCount(initial?: number): number | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(() => volunteers.count(), [volunteers], initial);
}

/**
 * `initial`: these very results already read (by bootstrap for the landing list), shown until the live query answers.
 * See `keepIfSame`: when the live query's answer holds the same data, the screen does not render again for it.
 */
export function useVolunteerSearch(
  query: string,
  filters: VolunteerFilters = {},
  limit = 500,
  initial?: StoredVolunteer[],
): StoredVolunteer[] | undefined {
  const { volunteers } = useRepositories();
  // The filters object is new on every render: its JSON is the dependency.
  const key = JSON.stringify(filters);
  return useLiveQuery(
    async () => keepIfSame(initial, await volunteers.search(query, limit, filters)),
    [volunteers, query, limit, key],
    initial,
  );
}

/** `initial` as for useVolunteerSearch. */
export function useSkills(initial?: string[]): string[] | undefined {
  const { volunteers } = useRepositories();
  return useLiveQuery(async () => keepIfSame(initial, await volunteers.skills()), [volunteers], initial);
}

/**
 * The live query's answer, or `initial` itself when both hold the same data: dexie-react-hooks renders again only
 * when the answer is a different object, and a fresh array always is. Comparing 500 people costs far less than
 * rendering the list again for nothing. Never stale: `initial` is returned only when it equals what was just read.
 */
function keepIfSame<T>(initial: T | undefined, fresh: T): T {
  return initial !== undefined && isSameData(initial, fresh) ? initial : fresh;
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
