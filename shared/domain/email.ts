import { z } from 'zod';

/**
 * E-mail check (product.md; fixtures README: an address that is not valid is a field error; a valid address with
 * non-ASCII characters, e.g. `françois.dupont@…`, is kept with a warning, since many mail systems still refuse them).
 *
 * zod's default e-mail pattern is used rather than a home-made one: it is the practical, ASCII, "what Gmail accepts"
 * rule (dot-atoms, a domain with a dot and a letters-only top-level label), stricter than RFC 5322 on purpose, so
 * typos such as `a@b`, `a..b@c.fr` or `a@b.c` are caught. zod's own Unicode pattern is too loose (`a@b` passes), so
 * a non-ASCII address is checked against the SAME pattern with letters and digits widened to any script.
 */

export const EMAIL_ERRORS = ['empty_email', 'invalid_email'] as const;
export type EmailError = (typeof EMAIL_ERRORS)[number];
export const EMAIL_WARNINGS = ['non_ascii_email'] as const;
export type EmailWarning = (typeof EMAIL_WARNINGS)[number];

export type EmailResult =
  | { readonly ok: true; readonly email: string; readonly warning: EmailWarning | null }
  | { readonly ok: false; readonly error: EmailError };

const asciiEmail = z.email();
/** zod's `z.regexes.email` with `A-Za-z0-9` widened to letters, marks and digits of any script. */
const UNICODE_EMAIL = new RegExp(
  z.regexes.email.source.replace(/A-Za-z0-9/g, '\\p{L}\\p{M}\\p{N}').replace(/A-Za-z/g, '\\p{L}\\p{M}'),
  'u',
);
const MAX_LENGTH = 320;

/** Trims the address; keeps its case (the local part may be case-sensitive), compares case-insensitively elsewhere. */
export function checkEmail(input: string): EmailResult {
  const email = input.trim();
  if (email === '') return { ok: false, error: 'empty_email' };
  if (email.length > MAX_LENGTH) return { ok: false, error: 'invalid_email' };
  if (asciiEmail.safeParse(email).success) return { ok: true, email, warning: null };
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point here
  if (/[^\x00-\x7f]/.test(email) && UNICODE_EMAIL.test(email.normalize('NFC'))) {
    return { ok: true, email: email.normalize('NFC'), warning: 'non_ascii_email' };
  }
  return { ok: false, error: 'invalid_email' };
}

/** The form used to compare two addresses (the "same person" rule): trimmed, lower case. */
export function emailComparisonKey(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
