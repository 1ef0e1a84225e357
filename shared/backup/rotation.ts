import { parisIsoWeek, parisLocalDate } from '../domain/paris-time';

/**
 * Which automatic backups to keep (issue 11: "7 daily and 4 weekly"): the newest backup of each of the 7 most recent
 * days that have one, and the newest of each of the 4 most recent weeks (ISO weeks, Monday first) that have one.
 * Days and weeks are Paris calendar days and weeks (domain.md, "Time"): a backup made at 00:30 in Paris belongs to
 * that Paris day, not to the previous UTC day, and the answer is the same on every machine whatever its own time zone.
 * Pure: the caller lists its files and deletes what is not kept.
 */

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export interface RotationEntry {
  readonly name: string;
  /** ISO 8601 instant the backup was made. */
  readonly createdAt: string;
}

export interface RotationPolicy {
  readonly daily: number;
  readonly weekly: number;
}

/** The Paris calendar date of the instant (`yyyy-MM-dd`); a day may last 23 or 25 hours. */
function dayKey(instant: number): string {
  return parisLocalDate(instant);
}

/** The Paris ISO week of the instant (`2026-W53`): its ISO year, so the last days of December never straddle a year. */
function weekKey(instant: number): string {
  const { isoYear, week } = parisIsoWeek(instant);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** The newest entry of each of the `count` most recent periods. `sorted` is newest first. */
function newestPerPeriod(
  sorted: readonly (RotationEntry & { readonly at: number })[],
  key: (instant: number) => string,
  count: number,
): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const entry of sorted) {
    if (seen.size >= count) break;
    const period = key(entry.at);
    if (seen.has(period)) continue;
    seen.add(period);
    kept.push(entry.name);
  }
  return kept;
}

/**
 * Splits the entries into those to keep and those to delete. An entry whose date cannot be read is kept: it is not
 * ours to judge, and deleting a backup by mistake is the one thing this must never do.
 */
export function planRotation(
  entries: readonly RotationEntry[],
  policy: RotationPolicy = { daily: KEEP_DAILY, weekly: KEEP_WEEKLY },
): { readonly keep: string[]; readonly remove: string[] } {
  const dated = entries
    .map((entry) => ({ ...entry, at: Date.parse(entry.createdAt) }))
    .filter((entry) => Number.isFinite(entry.at));
  // Newest first; equal instants by name, so that the answer never depends on the listing's order.
  dated.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const keep = new Set([
    ...newestPerPeriod(dated, dayKey, policy.daily),
    ...newestPerPeriod(dated, weekKey, policy.weekly),
  ]);
  for (const entry of entries) if (!Number.isFinite(Date.parse(entry.createdAt))) keep.add(entry.name);
  return {
    keep: entries.filter((entry) => keep.has(entry.name)).map((entry) => entry.name),
    remove: entries.filter((entry) => !keep.has(entry.name)).map((entry) => entry.name),
  };
}
