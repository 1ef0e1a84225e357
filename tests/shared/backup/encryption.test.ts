import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  decryptBackup,
  DEFAULT_ITERATIONS,
  encryptBackup,
  isEncryptedBackup,
} from '../../../shared/backup';
import { chunksOf, collectBytes } from '../../../shared/snapshot';

/** A low iteration count keeps the property tests fast; one test below checks the default. */
const FAST = { iterations: 1_000, chunkSize: 64 };
const PASSPHRASE = 'phrase de passe très longue';

async function encrypt(plain: Uint8Array, options = FAST, passphrase = PASSPHRASE): Promise<Uint8Array> {
  return collectBytes(encryptBackup(chunksOf(plain, 37), passphrase, options));
}

async function decrypt(sealed: Uint8Array, passphrase = PASSPHRASE, pieces = 29): Promise<Uint8Array> {
  return collectBytes(decryptBackup(chunksOf(sealed, pieces), passphrase));
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

// Key derivation and hundreds of decryptions: room for a loaded two-core machine (no timing is asserted).
describe('encrypted backups', { timeout: 30_000 }, () => {
  it('round-trips any bytes, whatever the chunking of the input and of the sealed stream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 300 }),
        async (plain, chunkSize, pieces) => {
          const sealed = await encrypt(plain, { iterations: 1_000, chunkSize });
          expect(isEncryptedBackup(sealed)).toBe(true);
          expect(await decrypt(sealed, PASSPHRASE, pieces)).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says in its first bytes that it is encrypted, with the default key derivation (600,000 iterations)', async () => {
    const sealed = await encrypt(new TextEncoder().encode('{"format":"desk-climat-snapshot"}'), {
      iterations: DEFAULT_ITERATIONS,
      chunkSize: 1024,
    });
    expect(new TextDecoder().decode(sealed.subarray(0, 16))).toBe('DESK-CLIMAT-ENC\n');
    expect(new DataView(sealed.buffer, sealed.byteOffset).getUint32(18)).toBe(600_000);
    // Nothing of the plaintext shows through.
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('desk-climat-snapshot');
    expect(new TextDecoder().decode(await decrypt(sealed))).toBe('{"format":"desk-climat-snapshot"}');
  });

  it('uses a fresh salt and nonce every time: the same input never gives the same file', async () => {
    const plain = new Uint8Array(100).fill(7);
    expect(await encrypt(plain)).not.toEqual(await encrypt(plain));
  });

  it('refuses a wrong passphrase before any chunk is opened, in French and English', async () => {
    const sealed = await encrypt(new Uint8Array(300).fill(1));
    const error = await refusal(decrypt(sealed, 'une autre phrase de passe'));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.fr).toContain('phrase de passe');
    expect(error.en).toContain('passphrase');
  });

  it('normalises the passphrase (NFC): an accent typed as one or two code points opens the file', async () => {
    const sealed = await encrypt(new Uint8Array(10), FAST, 'clé de l’été 2026');
    expect(await decrypt(sealed, 'cle\u0301 de l’e\u0301te\u0301 2026')).toEqual(new Uint8Array(10));
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    expect((await refusal(encrypt(new Uint8Array(1), FAST, 'court'))).code).toBe('weak-passphrase');
  });

  it('refuses the file altered at any byte', async () => {
    const plain = new Uint8Array(400).map((_value, index) => index % 251);
    const sealed = await encrypt(plain);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sealed.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const altered = sealed.slice();
          altered[position] = altered[position]! ^ mask;
          await refusal(decrypt(altered));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses the file cut at any length, chunk boundaries included, and with bytes appended', async () => {
    const sealed = await encrypt(new Uint8Array(256).fill(3));
    for (let length = 0; length < sealed.length; length++) {
      await refusal(decrypt(sealed.subarray(0, length)));
    }
    const longer = new Uint8Array(sealed.length + 1);
    longer.set(sealed);
    await refusal(decrypt(longer));
  });

  it('refuses chunks swapped or dropped', async () => {
    const sealed = await encrypt(new Uint8Array(64 * 3).map((_value, index) => index));
    const header = sealed.subarray(0, 66);
    const chunk = (index: number) => sealed.subarray(66 + index * 80, 66 + (index + 1) * 80);
    const swapped = new Uint8Array([...header, ...chunk(1), ...chunk(0), ...chunk(2), ...sealed.subarray(66 + 240)]);
    expect((await refusal(decrypt(swapped))).code).toBe('damaged');
    const dropped = new Uint8Array([...header, ...chunk(0), ...chunk(2), ...sealed.subarray(66 + 240)]);
    expect((await refusal(decrypt(dropped))).code).toBe('damaged');
  });

  it('refuses a plain file given as encrypted', async () => {
    expect((await refusal(decrypt(new TextEncoder().encode('PK\u0003\u0004 not encrypted at all, a zip')))).code).toBe(
      'unsupported',
    );
  });
});
