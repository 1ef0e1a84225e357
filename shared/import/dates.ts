import { formatLocalDate, parseLocalDate, type LocalDate } from '../domain/local-date';
import { parisLocalDate } from '../domain/paris-time';

/**
 * Dates as people type them in sign-up sheets: `dd/MM/yyyy` (French), `yyyy-MM-dd` (ISO, Google Forms), `dd-MM-yy`
 * and `dd/MM/yy`, with one-digit days and months and `.` accepted too. The calendar check is the domain's
 * (`parseLocalDate`, which refuses 31 February).
 */

export type DateParse =
  | { readonly ok: true; readonly date: LocalDate }
  | { readonly ok: false; readonly error: 'invalid_date' | 'impossible_date' };

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;

/**
 * A two-digit year takes the century that makes the person 0 to 99 years old on `today` (a date of birth is never
 * in the future): on 2026-11-28, `05/07/50` is 1950 and `03/07/09` is 2009.
 */
export function parseTypedDate(input: string, today: LocalDate): DateParse {
  const text = input.trim();
  let year: number;
  let month: number;
  let day: number;
  let twoDigitYear = false;
  const dayFirst = DAY_FIRST.exec(text);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(text);
  if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[2]);
    twoDigitYear = (dayFirst[3] as string).length === 2;
    year = Number(dayFirst[3]);
  } else if (yearFirst) {
    year = Number(yearFirst[1]);
    month = Number(yearFirst[2]);
    day = Number(yearFirst[3]);
  } else {
    return { ok: false, error: 'invalid_date' };
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, error: 'invalid_date' };
  if (twoDigitYear) {
    const century = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
    year += century;
    // Not after today, else the century before (compared as yyyyMMdd numbers: the day may not exist yet).
    if (year * 10_000 + month * 100 + day > Number(today.replace(/-/g, ''))) year -= 100;
  }
  const date = formatLocalDate({ year, month, day });
  return parseLocalDate(date) ? { ok: true, date } : { ok: false, error: 'impossible_date' };
}

/**
 * The calendar date of a form's timestamp, as written (the respondent's wall-clock date): Google Forms'
 * `2026/10/01 18:00:12 UTC+2`, Sheets' `01/10/2026 18:00:12`, ISO `2026-10-01T16:00:12Z`, or a date alone.
 */
export function parseTimestampDate(input: string, today: LocalDate): DateParse {
  // An instant with its zone: the date in Paris, where the form was filled in.
  if (ISO_INSTANT.test(input.trim()) && !Number.isNaN(Date.parse(input.trim()))) {
    return { ok: true, date: parisLocalDate(input.trim()) };
  }
  const datePart = input.trim().split(/[\sT]/)[0] ?? '';
  return parseTypedDate(datePart, today);
}
