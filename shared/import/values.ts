import { checkEmail, type EmailError, type EmailWarning } from '../domain/email';
import type { LocalDate } from '../domain/local-date';
import { arrondissementFromPostcode } from '../domain/paris';
import { normalisePhone, type PhoneError } from '../domain/phone';
import { foldText } from '../domain/text-folding';
import { parseTimestampDate, parseTypedDate } from './dates';
import type { ImportFieldError, ImportWarning } from './messages';

/**
 * One cell's text to one stored value, through the domain's rules (e-mail, phone, Paris postcodes, calendar dates).
 * Each function returns the value or a code; none throws. Limits are the volunteer schema's (shared/domain/model.ts).
 */

export type ValueIssue = ImportFieldError | EmailError | PhoneError;
export type ValueWarning = ImportWarning | EmailWarning;

export type ValueResult<T> =
  | { readonly ok: true; readonly value: T; readonly warning?: ValueWarning }
  | { readonly ok: false; readonly error: ValueIssue };

export const LIMITS = { name: 200, skill: 100, skills: 100, availability: 2000, notes: 10000 } as const;

/**
 * OWASP's CSV injection triggers: a cell starting with one of these may run as a formula when the list is opened in a
 * spreadsheet again. The name is stored as typed (it may be someone's real way of writing it) and flagged.
 */
const FORMULA_START = /^[=+\-@]/;

/** Trimmed, in composed Unicode (NFC), capitals kept unless `fixAllCaps` and the name has no lower-case letter. */
export function nameValue(input: string, fixAllCaps: boolean): ValueResult<string> {
  let name = input.trim().normalize('NFC');
  if (name.length > LIMITS.name) return { ok: false, error: 'too_long' };
  if (fixAllCaps && isAllCaps(name)) name = capitaliseWords(name);
  return FORMULA_START.test(name) ? { ok: true, value: name, warning: 'formula_like_name' } : { ok: true, value: name };
}

function isAllCaps(name: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}

/** "N'DIAYE" → "N'Diaye", "SAINT-EXUPÉRY" → "Saint-Exupéry", "BŒUF" → "Bœuf", "DE LA TOUR" → "De La Tour". */
export function capitaliseWords(name: string): string {
  return name
    .toLocaleLowerCase('fr')
    .replace(
      /(^|[\s\-'’])(\p{Ll})/gu,
      (_match, before: string, letter: string) => before + letter.toLocaleUpperCase('fr'),
    );
}

export function emailValue(input: string): ValueResult<string | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const checked = checkEmail(input);
  if (!checked.ok) return { ok: false, error: checked.error };
  return checked.warning
    ? { ok: true, value: checked.email, warning: checked.warning }
    : { ok: true, value: checked.email };
}

/** Any French notation, or international with its `+`: stored in E.164. */
export function phoneValue(input: string): ValueResult<string | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const normalised = normalisePhone(input);
  return normalised.ok ? { ok: true, value: normalised.e164 } : { ok: false, error: normalised.error };
}

/** Five digits, kept as text (a spreadsheet number would lose the leading zero of 01000); spaces inside dropped. */
export function postcodeValue(
  input: string,
): ValueResult<{ postcode: string; arrondissementInsee: string | null } | null> {
  const postcode = input.replace(/\s+/g, '');
  if (postcode === '') return { ok: true, value: null };
  if (!/^\d{5}$/.test(postcode)) return { ok: false, error: 'invalid_postcode' };
  return { ok: true, value: { postcode, arrondissementInsee: arrondissementFromPostcode(postcode)?.insee ?? null } };
}

export function birthDateValue(input: string, today: LocalDate): ValueResult<LocalDate | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parseTypedDate(input, today);
  if (!parsed.ok) return parsed;
  if (parsed.date > today) return { ok: false, error: 'future_birth_date' };
  return { ok: true, value: parsed.date };
}

/** "PSC1, Jardinage / Vélo; Cuisine" → four skills, trimmed, each once. */
export function skillsValue(input: string): ValueResult<string[]> {
  const skills = [...new Set(input.split(/[,;/]/).map((skill) => skill.trim().normalize('NFC')))].filter(
    (skill) => skill !== '',
  );
  if (skills.length > LIMITS.skills || skills.some((skill) => skill.length > LIMITS.skill)) {
    return { ok: false, error: 'too_long' };
  }
  return { ok: true, value: skills };
}

export function textValue(input: string, limit: number): ValueResult<string> {
  const text = input.trim();
  return text.length > limit ? { ok: false, error: 'too_long' } : { ok: true, value: text };
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x', 'd accord', 'accepte', 'j accepte', 'i agree']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', 'refuse', 'je refuse']);

/** A yes/no answer, in French or English; empty means "not asked" (null), anything else is unreadable. */
export function yesNoValue(input: string): ValueResult<boolean | null> {
  const folded = foldText(input);
  if (folded === '') return { ok: true, value: null };
  if (YES.has(folded)) return { ok: true, value: true };
  if (NO.has(folded)) return { ok: true, value: false };
  return { ok: false, error: 'invalid_consent' };
}

/** The calendar date of the row's form timestamp; empty means none. */
export function timestampValue(input: string, today: LocalDate): ValueResult<LocalDate | null> {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parseTimestampDate(input, today);
  return parsed.ok ? { ok: true, value: parsed.date } : { ok: false, error: 'invalid_timestamp' };
}
