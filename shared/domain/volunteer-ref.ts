/**
 * The volunteer reference used in exports instead of a name: `B-` + 8 random characters of Crockford's base-32
 * alphabet + one check character computed with the Luhn mod N algorithm (N = 32) over those 8
 * (../shared/docs/city-export.md, `benevole_ref`). Random and stable, never derived from an e-mail or a phone.
 *
 * Hand-written: no maintained npm package implements Luhn mod N over Crockford's alphabet, and it is a few lines.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CROCKFORD_ALPHABET.length;
const BODY_LENGTH = 8;
const REF_PATTERN = /^B-[0-9A-HJKMNP-TV-Z]{9}$/;

/** Luhn mod N check character (https://en.wikipedia.org/wiki/Luhn_mod_N_algorithm). */
export function luhnCheckCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const codePoint = CROCKFORD_ALPHABET.indexOf(body.charAt(i));
    if (codePoint < 0) throw new RangeError(`Not a Crockford base-32 character: ${body.charAt(i)}`);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  const remainder = sum % N;
  return CROCKFORD_ALPHABET.charAt((N - remainder) % N);
}

/** `randomInt(n)` returns an integer in [0, n); injected so that the seed generator is deterministic. */
export function generateVolunteerRef(randomInt: (n: number) => number = cryptoRandomInt): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += CROCKFORD_ALPHABET.charAt(randomInt(N));
  return `B-${body}${luhnCheckCharacter(body)}`;
}

export function isValidVolunteerRef(ref: string): boolean {
  if (!REF_PATTERN.test(ref)) return false;
  const body = ref.slice(2, 2 + BODY_LENGTH);
  return luhnCheckCharacter(body) === ref.charAt(2 + BODY_LENGTH);
}

function cryptoRandomInt(n: number): number {
  // Rejection sampling keeps the distribution uniform; N = 32 divides 256, so no byte is ever rejected.
  const bytes = new Uint8Array(1);
  globalThis.crypto.getRandomValues(bytes);
  return (bytes[0] ?? 0) % n;
}

export const VOLUNTEER_REF_ERRORS = ['invalid_volunteer_ref'] as const;
export type VolunteerRefError = (typeof VOLUNTEER_REF_ERRORS)[number];

/** As typed or scanned: trimmed and upper-cased (Crockford's alphabet is case-insensitive), then checked. */
export function checkVolunteerRef(input: string): { ok: true; ref: string } | { ok: false; error: VolunteerRefError } {
  const ref = input.trim().toUpperCase();
  return isValidVolunteerRef(ref) ? { ok: true, ref } : { ok: false, error: 'invalid_volunteer_ref' };
}
