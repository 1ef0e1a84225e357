/**
 * What can be said of a stored phone number without libphonenumber-js (issue #12, cold start): its metadata is a
 * 120 kB chunk, and the landing screen shows every row's phone. This is NOT a second phone library: it answers only
 * where the answer is a plain reading of libphonenumber's own French metadata, and returns null everywhere else, so
 * that the caller asks libphonenumber (shared/domain/phone.ts, loaded on demand). A property test compares both over
 * generated French, foreign and malformed numbers (tests/shared/domain/phone-quick.test.ts).
 *
 * - `+33` then 9 digits, the first 1–9: the only shape `normalisePhone` stores for a French number (France's numbering
 *   plan has 9 national digits after the trunk 0). libphonenumber's two French formats are `0X XX XX XX XX` (leading
 *   digit 1–7 or 9) and `0 8XX XX XX XX` (leading digit 8), and it keeps such a national number as it is.
 * - `+` then digits not starting with 33: another country (calling codes are prefix-free, so only "+33…" can be
 *   France), which `formatPhone` shows as stored and searches by its digits only.
 * - Anything else (a French number of another length or with a trunk 0 after +33, text that is not E.164) is left to
 *   libphonenumber, which strips or keeps trunk zeros by rules not worth copying.
 */

const FRENCH_NATIONAL = /^\+33([1-9]\d{8})$/;
const FOREIGN_E164 = /^\+(?!33)\d+$/;

/** `formatPhone`'s answer for a stored number, or null when only libphonenumber can give it. */
export function quickFormatPhone(e164: string): string | null {
  const french = FRENCH_NATIONAL.exec(e164)?.[1];
  if (french !== undefined) return formatFrenchNational(french);
  return FOREIGN_E164.test(e164) ? e164 : null;
}

/** `phoneSearchDigits`' answer for a stored number, or null when only libphonenumber can give it. */
export function quickPhoneSearchDigits(e164: string): string[] | null {
  const french = FRENCH_NATIONAL.exec(e164)?.[1];
  if (french !== undefined) return [`33${french}`, `0${french}`];
  return FOREIGN_E164.test(e164) ? [e164.slice(1)] : null;
}

/** The 9 national digits as libphonenumber's French formats group them, with the trunk 0. */
function formatFrenchNational(digits: string): string {
  const pairs = (from: number) => digits.slice(from).match(/\d{2}/g)?.join(' ') ?? '';
  if (digits.startsWith('8')) return `0 ${digits.slice(0, 3)} ${pairs(3)}`;
  return `0${digits.slice(0, 1)} ${pairs(1)}`;
}
