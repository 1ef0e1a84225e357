import { rechunk } from '../snapshot/bytes';
import { BackupError } from './errors';

/**
 * Encrypted backups (docs/backups.md): a snapshot file sealed with a passphrase, in chunks, so that a city-scale
 * snapshot (~100 MB) is encrypted and decrypted as a stream, never as two whole copies in memory.
 *
 * Layout: a 66-byte header, then the chunks.
 *
 *   0  16 magic "DESK-CLIMAT-ENC\n" (the file says it is encrypted, even to `head`)
 *  16   1 format version (1)
 *  17   1 key derivation (1 = PBKDF2-HMAC-SHA-256)
 *  18   4 iterations, big-endian
 *  22  16 random salt
 *  38   4 plaintext bytes per chunk, big-endian
 *  42   8 random nonce prefix
 *  50  16 header tag: AES-GCM over nothing, additional data = bytes 0..50, IV = prefix ‖ FFFFFFFF
 *
 * Chunk i (from 0) is AES-256-GCM of `chunkSize` plaintext bytes (the last one 0 to `chunkSize`), IV = prefix ‖ i
 * (big-endian), additional data = bytes 0..50 of the header ‖ i ‖ final flag (1 byte). The header tag tells a wrong
 * passphrase from a damaged body before any chunk is opened; the index in every chunk's tag refuses reordered or
 * dropped chunks, and the final flag refuses a file cut at a chunk boundary or with bytes appended. Every file has
 * its own salt, so its own key, so the IVs (unique within the file) are never reused under one key.
 */

export const ENCRYPTED_BACKUP_MAGIC = new TextEncoder().encode('DESK-CLIMAT-ENC\n');
export const ENCRYPTION_VERSION = 1;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
export const MIN_PASSPHRASE_LENGTH = 8;

const KDF_PBKDF2_SHA256 = 1;
const HEADER_AUTHENTICATED = 50;
const HEADER_LENGTH = 66;
const TAG_LENGTH = 16;
const HEADER_IV_INDEX = 0xffffffff;
/** Bounds a header may claim: beyond, the file is refused rather than making the app work for hours or GiBs. */
const MAX_ITERATIONS = 10_000_000;
const MAX_CHUNK_SIZE = 64 * 1024 * 1024;

export interface EncryptOptions {
  readonly iterations?: number;
  readonly chunkSize?: number;
}

/** Whether these first bytes of a file are those of an encrypted backup (otherwise: a plain snapshot, or not ours). */
export function isEncryptedBackup(start: Uint8Array): boolean {
  if (start.length < ENCRYPTED_BACKUP_MAGIC.length) return false;
  return ENCRYPTED_BACKUP_MAGIC.every((byte, index) => start[index] === byte);
}

/** Refuses a passphrase too short to protect personal data; the same text is normalised (NFC) on every system. */
export function checkPassphrase(passphrase: string): string {
  const normalised = passphrase.normalize('NFC');
  if ([...normalised].length < MIN_PASSPHRASE_LENGTH) throw new BackupError('weak-passphrase');
  return normalised;
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function ivFor(prefix: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12);
  iv.set(prefix, 0);
  new DataView(iv.buffer).setUint32(8, index);
  return iv;
}

function chunkData(header: Uint8Array, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(HEADER_AUTHENTICATED + 5);
  data.set(header.subarray(0, HEADER_AUTHENTICATED), 0);
  const view = new DataView(data.buffer);
  view.setUint32(HEADER_AUTHENTICATED, index);
  view.setUint8(HEADER_AUTHENTICATED + 4, final ? 1 : 0);
  return data;
}

interface Sealer {
  readonly key: CryptoKey;
  readonly header: Uint8Array<ArrayBuffer>;
  readonly prefix: Uint8Array;
}

async function seal(sealer: Sealer, plain: Uint8Array, index: number, final: boolean): Promise<Uint8Array> {
  if (index >= HEADER_IV_INDEX) throw new BackupError('unsupported');
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv: ivFor(sealer.prefix, index), additionalData: chunkData(sealer.header, index, final) },
    sealer.key,
    plain as Uint8Array<ArrayBuffer>,
  );
  return new Uint8Array(cipher);
}

/**
 * Encrypts a stream of bytes (a snapshot) with a passphrase: yields the header, then one sealed chunk per
 * `chunkSize` bytes of input. Memory: one chunk in, one chunk out.
 */
export async function* encryptBackup(
  input: AsyncIterable<Uint8Array>,
  passphrase: string,
  options: EncryptOptions = {},
): AsyncGenerator<Uint8Array> {
  const normalised = checkPassphrase(passphrase);
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (iterations < 1 || iterations > MAX_ITERATIONS || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new BackupError('unsupported');
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const prefix = globalThis.crypto.getRandomValues(new Uint8Array(8));
  const header = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(header.buffer);
  header.set(ENCRYPTED_BACKUP_MAGIC, 0);
  view.setUint8(16, ENCRYPTION_VERSION);
  view.setUint8(17, KDF_PBKDF2_SHA256);
  view.setUint32(18, iterations);
  header.set(salt, 22);
  view.setUint32(38, chunkSize);
  header.set(prefix, 42);
  const key = await deriveKey(normalised, salt, iterations);
  const tag = await subtle().encrypt(
    {
      name: 'AES-GCM',
      iv: ivFor(prefix, HEADER_IV_INDEX),
      additionalData: header.slice(0, HEADER_AUTHENTICATED),
    },
    key,
    new Uint8Array(0),
  );
  header.set(new Uint8Array(tag), HEADER_AUTHENTICATED);
  yield header;

  const sealer: Sealer = { key, header, prefix };
  // One chunk of look-ahead: the last chunk is sealed with the final flag, and an empty input still has one.
  let index = 0;
  let pending: Uint8Array | null = null;
  for await (const chunk of rechunk(input, chunkSize)) {
    if (pending !== null) yield await seal(sealer, pending, index++, false);
    // rechunk may hand back its own buffer again: keep a copy of what waits.
    pending = chunk.slice();
  }
  yield await seal(sealer, pending ?? new Uint8Array(0), index, true);
}

/** A queue of byte chunks from which exact lengths are taken, without re-copying everything on each push. */
class ByteQueue {
  private parts: Uint8Array[] = [];
  length = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  take(count: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const part = this.parts[0]!;
      const used = Math.min(part.length, count - filled);
      out.set(part.subarray(0, used), filled);
      filled += used;
      if (used === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(used);
    }
    this.length -= count;
    return out;
  }
}

interface Opener {
  readonly key: CryptoKey;
  readonly header: Uint8Array;
  readonly prefix: Uint8Array;
}

async function open(opener: Opener, sealed: Uint8Array<ArrayBuffer>, index: number, final: boolean) {
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: ivFor(opener.prefix, index), additionalData: chunkData(opener.header, index, final) },
      opener.key,
      sealed,
    );
    return new Uint8Array(plain);
  } catch {
    throw new BackupError('damaged');
  }
}

/**
 * Decrypts an encrypted backup as a stream. A wrong passphrase is refused before the first chunk; an altered,
 * reordered, truncated or extended body is refused at the chunk where it shows — so a caller that writes anything
 * must read the whole stream to its end first (the restore validates, then loads in a second pass).
 */
export async function* decryptBackup(input: AsyncIterable<Uint8Array>, passphrase: string): AsyncGenerator<Uint8Array> {
  const queue = new ByteQueue();
  const iterator = input[Symbol.asyncIterator]();
  let ended = false;
  const fill = async (wanted: number): Promise<void> => {
    while (!ended && queue.length < wanted) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else queue.push(next.value);
    }
  };
  try {
    await fill(HEADER_LENGTH);
    if (queue.length < ENCRYPTED_BACKUP_MAGIC.length) throw new BackupError('truncated');
    const header = queue.take(Math.min(HEADER_LENGTH, queue.length));
    if (!isEncryptedBackup(header)) throw new BackupError('unsupported');
    if (header.length < HEADER_LENGTH) throw new BackupError('truncated');
    const view = new DataView(header.buffer);
    const iterations = view.getUint32(18);
    const chunkSize = view.getUint32(38);
    if (
      view.getUint8(16) !== ENCRYPTION_VERSION ||
      view.getUint8(17) !== KDF_PBKDF2_SHA256 ||
      iterations < 1 ||
      iterations > MAX_ITERATIONS ||
      chunkSize < 1 ||
      chunkSize > MAX_CHUNK_SIZE
    ) {
      throw new BackupError('unsupported');
    }
    const prefix = header.slice(42, 50);
    const key = await deriveKey(passphrase, header.slice(22, 38), iterations);
    try {
      await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: ivFor(prefix, HEADER_IV_INDEX),
          additionalData: header.slice(0, HEADER_AUTHENTICATED),
        },
        key,
        header.slice(HEADER_AUTHENTICATED),
      );
    } catch {
      throw new BackupError('wrong-passphrase');
    }
    const opener: Opener = { key, header, prefix };
    const sealedSize = chunkSize + TAG_LENGTH;
    for (let index = 0; ; index++) {
      if (index >= HEADER_IV_INDEX) throw new BackupError('unsupported');
      // One byte beyond a full chunk tells whether this chunk is the last.
      await fill(sealedSize + 1);
      if (queue.length > sealedSize) {
        yield await open(opener, queue.take(sealedSize), index, false);
        continue;
      }
      if (queue.length < TAG_LENGTH) throw new BackupError('truncated');
      yield await open(opener, queue.take(queue.length), index, true);
      return;
    }
  } finally {
    await iterator.return?.();
  }
}
