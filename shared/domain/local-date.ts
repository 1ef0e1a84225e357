/**
 * Calendar dates and wall-clock times as typed by a person ("2026-03-29", "02:30"), with no zone attached.
 *
 * They are plain strings in the app's ISO formats. Arithmetic goes through `Date.UTC`, which is a proleptic
 * Gregorian calendar with no daylight saving: adding a day to a date can never be shifted by a zone's rules.
 */

/** `yyyy-MM-dd`. */
export type LocalDate = string;
/** `HH:mm` or `HH:mm:ss`, 24-hour clock. */
export type LocalTime = string;

export interface LocalDateParts {
  readonly year: number;
  /** 1…12 */
  readonly month: number;
  /** 1…31 */
  readonly day: number;
}

export interface LocalTimeParts {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface LocalDateTimeParts extends LocalDateParts, LocalTimeParts {}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/** The parts of a real calendar date, or null (31 February, 2026-13-01, wrong format). */
export function parseLocalDate(text: string): LocalDateParts | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Date.UTC silently rolls 31 February over to 3 March: a round trip catches it.
  const utc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (utc.getUTCFullYear() !== parts.year || utc.getUTCMonth() + 1 !== parts.month || utc.getUTCDate() !== parts.day) {
    return null;
  }
  return parts;
}

/** The parts of a 24-hour time (00:00…23:59:59), or null. */
export function parseLocalTime(text: string): LocalTimeParts | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const parts = { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? '0') };
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  return parts;
}

export function formatLocalDate(parts: LocalDateParts): LocalDate {
  return `${String(parts.year).padStart(4, '0')}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

export function formatLocalTime(parts: LocalTimeParts): LocalTime {
  return `${pad2(parts.hour)}:${pad2(parts.minute)}${parts.second === 0 ? '' : `:${pad2(parts.second)}`}`;
}

/** The date `days` days after `date` (negative goes back). Throws on a malformed date: callers validate first. */
export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  const utc = new Date(dayNumberOf(date) * DAY_MS + days * DAY_MS);
  return formatLocalDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenLocalDates(from: LocalDate, to: LocalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (French weeks start on Monday, domain.md). */
export function isoWeekdayOfLocalDate(date: LocalDate): number {
  const weekday = new Date(dayNumberOf(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday that starts the week of `date`. */
export function startOfWeekOfLocalDate(date: LocalDate): LocalDate {
  return addDaysToLocalDate(date, 1 - isoWeekdayOfLocalDate(date));
}

function dayNumberOf(date: LocalDate): number {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
