import { parseLocalDate, type LocalDate } from './local-date';
import type { AgeBand, Volunteer } from './model';

/**
 * Ages at a given date (domain.md, "Minors"): from a date of birth when known, else from an age band given at a
 * known date. Dates are calendar dates (`yyyy-MM-dd`), so no time zone enters the computation.
 */

/** The lowest and highest age of each band (65_plus has no upper limit). */
export const AGE_BAND_LIMITS: Readonly<Record<AgeBand, { min: number; max: number }>> = {
  under_15: { min: 0, max: 14 },
  '15_17': { min: 15, max: 17 },
  '18_25': { min: 18, max: 25 },
  '26_64': { min: 26, max: 64 },
  '65_plus': { min: 65, max: Number.POSITIVE_INFINITY },
};

/** The export's `tranche_age` codes (city-export.md). */
export const AGE_BAND_EXPORT_CODES: Readonly<Record<AgeBand, string>> = {
  under_15: 'moins_15',
  '15_17': '15_17',
  '18_25': '18_25',
  '26_64': '26_64',
  '65_plus': '65_plus',
};

export const ADULT_AGE = 18;

/**
 * Full years from `birthDate` to `on`. A person born on 29 February turns a year older on 1 March in common years:
 * comparing (month, day) pairs gives exactly that, since 28 February is before 29 February and 1 March after it.
 */
export function ageAt(birthDate: LocalDate, on: LocalDate): number {
  const birth = parseLocalDate(birthDate);
  const day = parseLocalDate(on);
  if (!birth || !day) throw new RangeError(`Not a calendar date: ${birth ? on : birthDate}`);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}

export function ageBandOfAge(age: number): AgeBand {
  if (age < 15) return 'under_15';
  if (age < 18) return '15_17';
  if (age < 26) return '18_25';
  if (age < 65) return '26_64';
  return '65_plus';
}

type AgeFacts = Pick<Volunteer, 'birthDate' | 'ageBand'>;

/**
 * The band at a date: from the date of birth; where only a band was given, that band as given (the export's rule:
 * a band is never aged forward); else null.
 */
export function ageBandAt(person: AgeFacts, on: LocalDate): AgeBand | null {
  if (person.birthDate) return ageBandOfAge(ageAt(person.birthDate, on));
  return person.ageBand?.band ?? null;
}

/**
 * The ages a person can have at a date: exact from a date of birth; from a band given on a date, the band's limits
 * moved by the years since (a person aged `a` then is `a + n` on the n-th anniversary of that date, and `a + n` or
 * `a + n + 1` between anniversaries). Null when nothing is known.
 */
export function ageRangeAt(person: AgeFacts, on: LocalDate): { min: number; max: number } | null {
  if (person.birthDate) {
    const age = ageAt(person.birthDate, on);
    return { min: age, max: age };
  }
  if (!person.ageBand) return null;
  const limits = AGE_BAND_LIMITS[person.ageBand.band];
  const years = ageAt(person.ageBand.givenOn, on);
  const onAnniversary = person.ageBand.givenOn.slice(5) === on.slice(5);
  return { min: limits.min + years, max: limits.max + years + (onAnniversary ? 0 : 1) };
}

/** Known to be a minor at that date. An unknown age is not known to be a minor (city-export.md). */
export function isMinorAt(person: AgeFacts, on: LocalDate): boolean {
  const range = ageRangeAt(person, on);
  return range !== null && range.max < ADULT_AGE;
}

/** Known to be under `minimumAge` at that date (an unknown age is not refused). */
export function isKnownUnderAgeAt(person: AgeFacts, on: LocalDate, minimumAge: number): boolean {
  const range = ageRangeAt(person, on);
  return range !== null && range.max < minimumAge;
}
