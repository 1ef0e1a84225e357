/**
 * The coordinator's desk PIN (product.md, "Desk-only mode"): stored only as a PBKDF2-SHA-256 hash with a random salt
 * (Web Crypto, no library). A 4-to-8-digit PIN cannot resist an offline attack on a stolen laptop whatever the
 * iteration count — the disk encryption does that (domain.md, "Laptops at event desks") — so the hash only keeps the
 * PIN itself out of the settings, and the count stays low enough for an instant unlock on an old laptop.
 */
export const PIN_ITERATIONS = 100_000;
const PIN_PATTERN = /^\d{4,8}$/;

export function isAcceptablePin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export interface PinHash {
  /** `pbkdf2-sha256$<iterations>$<base64 hash>` so the count can change later without breaking old hashes. */
  readonly hash: string;
  readonly salt: string;
}

export async function hashPin(pin: string, salt: Uint8Array = randomSalt()): Promise<PinHash> {
  const bits = await derive(pin, salt, PIN_ITERATIONS);
  return { hash: `pbkdf2-sha256$${PIN_ITERATIONS}$${toBase64(bits)}`, salt: toBase64(salt) };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const [scheme, iterations, expected] = stored.hash.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !expected) return false;
  const bits = await derive(pin, fromBase64(stored.salt), Number(iterations));
  return constantTimeEqual(toBase64(bits), expected);
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
