import {
  addDaysToLocalDate,
  daysBetweenLocalDates,
  isoWeekdayOfLocalDate,
  parseLocalDate,
  parseLocalTime,
  type LocalDate,
  type LocalTime,
} from './local-date';
import { parisDateAndTimeToInstant, type Fold, type Instant } from './paris-time';
import { durationSeconds } from './hours';

/**
 * Recurring shifts (product.md: "every Tuesday and Thursday 18:00–20:00 for 8 weeks", with a preview before they are
 * created). A pattern is local wall time plus the Paris zone (domain.md), expanded date by date through
 * paris-time.ts, so a shift never lands in the spring-forward gap: such a date is skipped with its reason, and a
 * time in the repeated autumn hour takes the earlier instant unless the pattern says otherwise, and is flagged.
 */

export interface RecurrencePattern {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  readonly daysOfWeek: readonly number[];
  readonly startTime: LocalTime;
  /** At or before `startTime`, the shift ends the next day (22:00–06:00). */
  readonly endTime: LocalTime;
  /** First and last date (inclusive) on which a shift may start. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly exceptions?: readonly LocalDate[];
  /** Which instant to take for a time in the repeated autumn hour (default: the earlier). */
  readonly fold?: Fold;
}

export const RECURRENCE_ERRORS = ['invalid_recurrence_pattern', 'too_many_occurrences'] as const;
export type RecurrenceError = (typeof RECURRENCE_ERRORS)[number];

export const SKIP_REASONS = ['exception_date', 'nonexistent_start', 'nonexistent_end'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const OCCURRENCE_FLAGS = ['ambiguous_start', 'ambiguous_end'] as const;
export type OccurrenceFlag = (typeof OCCURRENCE_FLAGS)[number];

export interface Occurrence {
  /** The local date the shift starts on. */
  readonly date: LocalDate;
  readonly start: Instant;
  readonly end: Instant;
  /** From the instants: 22:00–06:00 lasts 9 h on 24–25 Oct 2026 and 7 h on 28–29 Mar 2026. */
  readonly durationSeconds: number;
  /** A time in the repeated autumn hour, resolved by `fold`: shown in the preview so the user can check. */
  readonly flags: readonly OccurrenceFlag[];
}

export interface RecurrencePreview {
  readonly occurrences: readonly Occurrence[];
  readonly skipped: readonly { readonly date: LocalDate; readonly reason: SkipReason }[];
}

export type RecurrenceResult =
  | { readonly ok: true; readonly preview: RecurrencePreview }
  | { readonly ok: false; readonly error: 'invalid_recurrence_pattern' }
  | { readonly ok: false; readonly error: 'too_many_occurrences'; readonly count: number; readonly max: number };

export const MAX_OCCURRENCES = 500;

export function expandRecurrence(
  pattern: RecurrencePattern,
  options: { maxOccurrences?: number } = {},
): RecurrenceResult {
  const max = options.maxOccurrences ?? MAX_OCCURRENCES;
  if (!isValidPattern(pattern)) return { ok: false, error: 'invalid_recurrence_pattern' };
  const days = new Set(pattern.daysOfWeek);
  const exceptions = new Set(pattern.exceptions ?? []);
  const overnight = secondsOfDay(pattern.endTime) <= secondsOfDay(pattern.startTime);
  const fold = pattern.fold ?? 'earlier';

  // Counted before any work: a pattern over ten years is refused at once, not after building thousands of shifts.
  const count = countMatchingDates(pattern.from, pattern.to, days) - countExceptionsInRange(pattern, days, exceptions);
  if (count > max) return { ok: false, error: 'too_many_occurrences', count, max };

  const dates: LocalDate[] = [];
  const span = daysBetweenLocalDates(pattern.from, pattern.to);
  for (let offset = 0; offset <= span; offset++) {
    const date = addDaysToLocalDate(pattern.from, offset);
    if (days.has(isoWeekdayOfLocalDate(date))) dates.push(date);
  }

  const occurrences: Occurrence[] = [];
  const skipped: { date: LocalDate; reason: SkipReason }[] = [];
  for (const date of dates) {
    if (exceptions.has(date)) {
      skipped.push({ date, reason: 'exception_date' });
      continue;
    }
    const start = resolve(date, pattern.startTime, fold);
    const end = resolve(overnight ? addDaysToLocalDate(date, 1) : date, pattern.endTime, fold);
    if (start === null) skipped.push({ date, reason: 'nonexistent_start' });
    else if (end === null) skipped.push({ date, reason: 'nonexistent_end' });
    else {
      const flags: OccurrenceFlag[] = [];
      if (start.ambiguous) flags.push('ambiguous_start');
      if (end.ambiguous) flags.push('ambiguous_end');
      const seconds = durationSeconds(start.instant, end.instant);
      // Both times in the repeated hour with the later start and earlier end could invert the shift: skip nothing
      // silently, but never produce a shift that ends before it starts.
      if (seconds <= 0) skipped.push({ date, reason: 'nonexistent_end' });
      else occurrences.push({ date, start: start.instant, end: end.instant, durationSeconds: seconds, flags });
    }
  }
  return { ok: true, preview: { occurrences, skipped } };
}

function resolve(date: LocalDate, time: LocalTime, fold: Fold): { instant: Instant; ambiguous: boolean } | null {
  const result = parisDateAndTimeToInstant(date, time);
  if (result.ok) return { instant: result.instant, ambiguous: false };
  if (result.error === 'ambiguous_local_time') {
    return { instant: fold === 'earlier' ? result.earlier : result.later, ambiguous: true };
  }
  return null;
}

function isValidPattern(pattern: RecurrencePattern): boolean {
  return (
    pattern.daysOfWeek.length > 0 &&
    pattern.daysOfWeek.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) &&
    parseLocalTime(pattern.startTime) !== null &&
    parseLocalTime(pattern.endTime) !== null &&
    parseLocalDate(pattern.from) !== null &&
    parseLocalDate(pattern.to) !== null &&
    pattern.from <= pattern.to &&
    (pattern.exceptions ?? []).every((date) => parseLocalDate(date) !== null)
  );
}

/** Dates from `from` to `to` (inclusive) falling on one of `days`: whole weeks by arithmetic, then the rest. */
function countMatchingDates(from: LocalDate, to: LocalDate, days: ReadonlySet<number>): number {
  const total = daysBetweenLocalDates(from, to) + 1;
  const weeks = Math.floor(total / 7);
  let count = weeks * days.size;
  for (let offset = weeks * 7; offset < total; offset++) {
    if (days.has(isoWeekdayOfLocalDate(addDaysToLocalDate(from, offset)))) count++;
  }
  return count;
}

function countExceptionsInRange(pattern: RecurrencePattern, days: ReadonlySet<number>, exceptions: Set<LocalDate>) {
  return [...exceptions].filter(
    (date) => date >= pattern.from && date <= pattern.to && days.has(isoWeekdayOfLocalDate(date)),
  ).length;
}

function secondsOfDay(time: LocalTime): number {
  const parts = parseLocalTime(time);
  return parts ? parts.hour * 3600 + parts.minute * 60 + parts.second : 0;
}
