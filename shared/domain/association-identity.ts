/**
 * The association's identifiers as exports carry them (city-export.md: `association_rna`, `association_siret`).
 *
 * Hand-written: the Luhn check of SIREN/SIRET is a few lines, and La Poste's exception (its SIRETs share the SIREN
 * 356 000 000 and are numbered past what Luhn allows; INSEE checks them by "sum of digits is a multiple of 5") is
 * not handled by the generic Luhn packages.
 */

export const ASSOCIATION_IDENTITY_ERRORS = ['siret_format', 'siret_checksum', 'rna_format'] as const;
export type AssociationIdentityError = (typeof ASSOCIATION_IDENTITY_ERRORS)[number];

export type IdentifierResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: AssociationIdentityError };

const LA_POSTE_SIREN = '356000000';

/** Luhn (mod 10) over a string of digits: doubling every second digit from the right. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** 14 digits (spaces allowed when typed); Luhn, except La Poste's establishments (sum of digits multiple of 5). */
export function checkSiret(input: string): IdentifierResult {
  const value = input.replace(/\s/g, '');
  if (!/^\d{14}$/.test(value)) return { ok: false, error: 'siret_format' };
  const valid = value.startsWith(LA_POSTE_SIREN) ? digitSum(value) % 5 === 0 : passesLuhn(value);
  return valid ? { ok: true, value } : { ok: false, error: 'siret_checksum' };
}

/** RNA number of an association (Répertoire national des associations): `W` + 9 digits. */
export function checkRna(input: string): IdentifierResult {
  const value = input.trim().toUpperCase();
  return /^W\d{9}$/.test(value) ? { ok: true, value } : { ok: false, error: 'rna_format' };
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}
