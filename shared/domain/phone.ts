import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { quickFormatPhone, quickPhoneSearchDigits } from './phone-quick';

/**
 * Phone numbers (product.md: "any common French notation accepted, stored in E.164"). Parsing is libphonenumber-js's
 * (Google's metadata), not hand-written: it knows which French prefixes are real and every foreign plan. The `min`
 * metadata keeps the bundle small; it validates French numbers fully. For foreign numbers we only require a possible
 * length, because the small metadata does not know every foreign range (it refuses the UK's +44 7700 900xxx) and a
 * foreign number typed with its + is the person's own business.
 *
 * Start-up code must not import this module (issue #12: the metadata is a 120 kB chunk): the landing list formats
 * with ./phone-quick.ts, and the write paths that need search keys or duplicate checks import it on demand.
 */

export const PHONE_ERRORS = ['empty_phone', 'invalid_phone'] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

export type PhoneResult =
  | { readonly ok: true; readonly e164: string; readonly isFrench: boolean }
  | { readonly ok: false; readonly error: PhoneError };

const FRENCH_CALLING_CODE = '33';

/** 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033612345678, +33 (0)6 12 34 56 78 → +33612345678. */
export function normalisePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'empty_phone' };
  // "+33 (0)6…": the bracketed trunk zero is a common French habit that libphonenumber does not drop by itself.
  const text = trimmed.replace(/^(\+|00)\s*33\s*\(\s*0\s*\)/, '+33');
  if (/[^\d\s.\-+()/]/.test(text)) return { ok: false, error: 'invalid_phone' };
  const parsed = parsePhoneNumberFromString(text, 'FR');
  if (!parsed) return { ok: false, error: 'invalid_phone' };
  const isFrench = parsed.countryCallingCode === FRENCH_CALLING_CODE;
  const acceptable = isFrench ? parsed.isValid() : parsed.isPossible();
  if (!acceptable) return { ok: false, error: 'invalid_phone' };
  return { ok: true, e164: parsed.number, isFrench };
}

/** For display and the named export: French numbers as `06 12 34 56 78`, others in E.164 (`+447700900123`). */
export function formatPhone(e164: string): string {
  // The common case (every number normalisePhone stores) without parsing: also quicker for imports and exports.
  const quick = quickFormatPhone(e164);
  if (quick !== null) return quick;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || parsed.countryCallingCode !== FRENCH_CALLING_CODE) return e164;
  return parsed.formatNational();
}

/** The digit strings a search may type for a number: `33612345678`, and `0612345678` for a French one. */
export function phoneSearchDigits(e164: string): string[] {
  const quick = quickPhoneSearchDigits(e164);
  if (quick !== null) return quick;
  const international = e164.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || parsed.countryCallingCode !== FRENCH_CALLING_CODE) return [international];
  return [international, parsed.formatNational().replace(/\D/g, '')];
}
