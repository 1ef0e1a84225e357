import { TZDate, tzOffset } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import {
  formatLocalDate,
  parseLocalDate,
  parseLocalTime,
  type LocalDate,
  type LocalDateTimeParts,
  type LocalTime,
} from './local-date';

/**
 * Europe/Paris wall time ↔ instants (domain.md, "Time").
 *
 * Instants are ISO strings in UTC (`2026-10-24T20:00:00.000Z`), as stored. The zone's offsets come from
 * `@date-fns/tz` (the runtime's IANA data through Intl). Converting a typed wall time is NOT left to `TZDate`'s
 * constructor: like every library, it silently moves 02:30 on 29 March 2026 to 03:30 and picks one of the two
 * 02:30 of 25 October. Here every candidate offset is round-tripped instead, so a time in the spring-forward gap is
 * reported as nonexistent and a time in the repeated autumn hour as ambiguous, for any year, with no hard-coded date.
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

/** An instant as stored: an ISO 8601 string (UTC `Z` or with an offset). */
export type Instant = string;

export type Fold = 'earlier' | 'later';

export const WALL_TIME_ERRORS = ['invalid_local_time', 'nonexistent_local_time', 'ambiguous_local_time'] as const;
export type WallTimeError = (typeof WALL_TIME_ERRORS)[number];

export type WallTimeResult =
  | { readonly ok: true; readonly instant: Instant }
  | { readonly ok: false; readonly error: 'invalid_local_time' }
  /** In the spring-forward gap: this wall time never happens in Paris. */
  | { readonly ok: false; readonly error: 'nonexistent_local_time' }
  /** In the repeated autumn hour: it happens twice; the caller must choose (option `fold`). */
  | { readonly ok: false; readonly error: 'ambiguous_local_time'; readonly earlier: Instant; readonly later: Instant };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Far enough either side to see the offsets in force before and after any transition. */
const PROBE_MS = 36 * HOUR_MS;

/** The UTC offset of Paris at an instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Instant | number): number {
  return tzOffset(PARIS_TIME_ZONE, new Date(toEpochMs(instant)));
}

/**
 * The instant(s) at which Paris clocks show this wall time, in increasing order: none in a gap, two in a repeated
 * hour, one otherwise. Each candidate offset (those in force a day and a half either side) is kept only if Paris
 * really had that offset at the resulting instant.
 */
export function parisInstantsOfWallTime(wall: LocalDateTimeParts): number[] {
  const naiveMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const candidateOffsets = new Set(
    [naiveMs - PROBE_MS, naiveMs, naiveMs + PROBE_MS].map((probe) => tzOffset(PARIS_TIME_ZONE, new Date(probe))),
  );
  const instants = new Set<number>();
  for (const offset of candidateOffsets) {
    const candidate = naiveMs - offset * MINUTE_MS;
    if (tzOffset(PARIS_TIME_ZONE, new Date(candidate)) === offset) instants.add(candidate);
  }
  return [...instants].sort((a, b) => a - b);
}

/** A Paris wall time to an instant; `fold` chooses in the repeated autumn hour, else it is reported as ambiguous. */
export function parisWallTimeToInstant(wall: LocalDateTimeParts, options: { fold?: Fold } = {}): WallTimeResult {
  if (!isRealWallTime(wall)) return { ok: false, error: 'invalid_local_time' };
  const instants = parisInstantsOfWallTime(wall);
  const [first, second] = instants;
  if (first === undefined) return { ok: false, error: 'nonexistent_local_time' };
  if (second === undefined) return { ok: true, instant: toInstant(first) };
  if (options.fold === 'earlier') return { ok: true, instant: toInstant(first) };
  if (options.fold === 'later') return { ok: true, instant: toInstant(second) };
  return { ok: false, error: 'ambiguous_local_time', earlier: toInstant(first), later: toInstant(second) };
}

/** The same, from the strings a form gives: `2026-03-29` and `02:30`. */
export function parisDateAndTimeToInstant(
  date: LocalDate,
  time: LocalTime,
  options: { fold?: Fold } = {},
): WallTimeResult {
  const dateParts = parseLocalDate(date);
  const timeParts = parseLocalTime(time);
  if (!dateParts || !timeParts) return { ok: false, error: 'invalid_local_time' };
  return parisWallTimeToInstant({ ...dateParts, ...timeParts }, options);
}

/** What Paris clocks showed at an instant, and the offset in force. */
export function instantToParisWallTime(instant: Instant | number): LocalDateTimeParts & { offsetMinutes: number } {
  const epochMs = toEpochMs(instant);
  const offsetMinutes = parisOffsetMinutes(epochMs);
  const shifted = new Date(epochMs + offsetMinutes * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    offsetMinutes,
  };
}

/** The Paris calendar date of an instant (a shift's "local start date", the export's periods). */
export function parisLocalDate(instant: Instant | number): LocalDate {
  return formatLocalDate(instantToParisWallTime(instant));
}

/** The Paris month of an instant, `yyyy-MM` (the aggregates' `periode`). */
export function parisLocalMonth(instant: Instant | number): string {
  return parisLocalDate(instant).slice(0, 7);
}

/** ISO week (weeks start on Monday; 2027-01-01 is in week 53 of 2026) of an instant, in Paris. */
export function parisIsoWeek(instant: Instant | number): { isoYear: number; week: number } {
  const local = new TZDate(toEpochMs(instant), PARIS_TIME_ZONE);
  return { isoYear: getISOWeekYear(local), week: getISOWeek(local) };
}

/** ISO week of a calendar date (noon Paris time, which always exists). */
export function isoWeekOfLocalDate(date: LocalDate): { isoYear: number; week: number } {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const local = new TZDate(parts.year, parts.month - 1, parts.day, 12, 0, 0, PARIS_TIME_ZONE);
  return { isoYear: getISOWeekYear(local), week: getISOWeek(local) };
}

/** Milliseconds from `start` to `end`, from the instants themselves (never from wall times). */
export function elapsedMs(start: Instant | number, end: Instant | number): number {
  return toEpochMs(end) - toEpochMs(start);
}

/** `yyyy-MM-ddTHH:mm:ss±hh:mm`, Paris wall time with the offset in force (the open-data export's `datetime`). */
export function formatParisIsoOffset(instant: Instant | number): string {
  const wall = instantToParisWallTime(instant);
  const sign = wall.offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(wall.offsetMinutes);
  const offset = `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
  return `${formatLocalDate(wall)}T${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}${offset}`;
}

export function toEpochMs(instant: Instant | number): number {
  if (typeof instant === 'number') return instant;
  const epochMs = Date.parse(instant);
  if (Number.isNaN(epochMs)) throw new RangeError(`Not an instant: ${instant}`);
  return epochMs;
}

export function toInstant(epochMs: number): Instant {
  return new Date(epochMs).toISOString();
}

function isRealWallTime(wall: LocalDateTimeParts): boolean {
  const inRange = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  return (
    parseLocalDate(formatLocalDate(wall)) !== null &&
    inRange(wall.hour, 0, 23) &&
    inRange(wall.minute, 0, 59) &&
    inRange(wall.second, 0, 59)
  );
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
