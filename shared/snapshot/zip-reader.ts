import { Inflate } from 'fflate';
import { rechunk } from './bytes';
import { crc32Update } from './crc32';
import { snapshotError } from './errors';

/**
 * A streaming ZIP reader: entries are decompressed as the bytes arrive, and the archive's own checksums, sizes and
 * central directory are checked on the way, so that a damaged or truncated file is refused instead of half read.
 *
 * Hand-written around fflate's `Inflate` because fflate's streaming `Unzip` finds the end of an entry written in
 * streaming mode (sizes in a trailing data descriptor, which is how fflate's own `Zip` writes) by scanning the
 * compressed bytes for a signature: compressed data that happens to contain `PK\x07\x08` is cut there, and a
 * hundred-megabyte snapshot has a few percent chance of holding one. Here a descriptor is accepted only when the
 * compressed size it records equals the bytes actually read, then checked against the CRC-32 and the size.
 * Format reference: PKWARE APPNOTE.TXT 6.3.10 (sections 4.3.7 local header, 4.3.9 data descriptor, 4.3.12 central
 * directory, 4.3.16 end of central directory). ZIP64 and encryption are refused: snapshots never use them.
 */

export type ZipEvent =
  | { readonly type: 'entry'; readonly name: string }
  | { readonly type: 'data'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly type: 'entry-end'; readonly name: string; readonly size: number };

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END = 0x06064b50;
/** Bounds the memory one inflate step can take (a deflate chunk expands at most about 1,032 times). */
const INFLATE_SLICE = 16 * 1024;
const MAX_ENTRIES = 10_000;

interface SeenEntry {
  readonly name: string;
  readonly offset: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** Bytes pulled from an async iterable on demand, with a small window for headers and signature scans. */
class ByteQueue {
  buffer: Uint8Array = new Uint8Array(0);
  offset = 0;
  /** Bytes of the stream before `buffer[0]`. */
  base = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  get available(): number {
    return this.buffer.length - this.offset;
  }

  /** Position in the whole stream of `buffer[offset]`. */
  get position(): number {
    return this.base + this.offset;
  }

  /** Pull one more chunk; false at the end of the stream. */
  async fill(): Promise<boolean> {
    if (this.ended) return false;
    for (;;) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      if (next.value.length === 0) continue;
      const rest = this.buffer.subarray(this.offset);
      const merged = new Uint8Array(rest.length + next.value.length);
      merged.set(rest);
      merged.set(next.value, rest.length);
      this.base += this.offset;
      this.buffer = merged;
      this.offset = 0;
      return true;
    }
  }

  /** Let the source release what it holds (a file handle) when reading stops early. */
  async close(): Promise<void> {
    await this.source.return?.();
  }

  async ensure(length: number): Promise<boolean> {
    while (this.available < length) if (!(await this.fill())) return false;
    return true;
  }

  take(length: number): Uint8Array {
    const bytes = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }

  u16(at: number): number {
    const i = this.offset + at;
    return (this.buffer[i] as number) | ((this.buffer[i + 1] as number) << 8);
  }

  u32(at: number): number {
    return u32(this.buffer, this.offset + at);
  }
}

function u32(bytes: Uint8Array, i: number): number {
  return (
    ((bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24)) >>>
    0
  );
}

const truncated = () =>
  snapshotError('truncated', 'Le fichier est incomplet (tronqué).', 'The file is incomplete (truncated).');
const corrupt = (fr: string, en: string) =>
  snapshotError('corrupt-zip', `Archive endommagée : ${fr}.`, `Damaged archive: ${en}.`);

/** Deflate decompression fed slice by slice; what it produces is pushed to `output`, in order. */
interface Inflater {
  push(bytes: Uint8Array, final: boolean): Promise<void>;
}

/**
 * fflate, or the platform's own decompressor when asked for and present. In Chromium, fflate's JavaScript inflate
 * was about half of a snapshot's check (issue #12; reading the small seed's zip: 1.6-2.7 s with fflate, 0.4-1.5 s
 * with DecompressionStream), and a snapshot is inflated twice (checked, then written); in Node it is the other way
 * round (about 280 ms with fflate against 480 ms), hence a choice of the caller. Slices stay INFLATE_SLICE long, so
 * one write's output stays bounded.
 */
function createInflater(output: Uint8Array[], platform: boolean): Inflater {
  if (platform && typeof DecompressionStream === 'function') return nativeInflater(output);
  const inflate = new Inflate((data) => {
    if (data.length > 0) output.push(data);
  });
  return {
    async push(bytes, final) {
      inflate.push(bytes, final);
    },
  };
}

function nativeInflater(output: Uint8Array[]): Inflater {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Read continuously, so that each write resolves once its slice is decompressed; a failure surfaces on the writer.
  const drained = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length > 0) output.push(value);
    }
  })();
  drained.catch(() => undefined);
  return {
    async push(bytes, final) {
      if (bytes.length > 0) await writer.write(bytes as Uint8Array<ArrayBuffer>);
      if (final) {
        await writer.close();
        await drained;
      }
    },
  };
}

/** Decompresses one entry, counting its CRC and size as the data goes by. */
class EntryDecoder {
  crc = 0;
  size = 0;
  compressedSize = 0;
  private readonly output: Uint8Array[] = [];
  private readonly inflate: Inflater | null;

  constructor(compression: number, platformInflate: boolean) {
    this.inflate = compression === 8 ? createInflater(this.output, platformInflate) : null;
  }

  /** Feed compressed bytes; returns the decompressed bytes they gave (the platform's inflater may give them later). */
  async push(bytes: Uint8Array, final: boolean): Promise<Uint8Array[]> {
    this.compressedSize += bytes.length;
    try {
      if (this.inflate) {
        for (let start = 0; start < bytes.length || (final && start === 0); start += INFLATE_SLICE) {
          const end = Math.min(bytes.length, start + INFLATE_SLICE);
          await this.inflate.push(bytes.subarray(start, end), final && end === bytes.length);
          if (end === bytes.length) break;
        }
      } else if (bytes.length > 0) {
        this.output.push(bytes.slice());
      }
    } catch (error) {
      throw corrupt(
        `données compressées illisibles (${(error as Error).message})`,
        `unreadable compressed data (${(error as Error).message})`,
      );
    }
    const produced = this.output.splice(0);
    for (const chunk of produced) {
      this.crc = crc32Update(this.crc, chunk);
      this.size += chunk.length;
    }
    return produced;
  }
}

export interface ZipReadOptions {
  /** Inflate with the platform's `DecompressionStream` where it exists (faster in Chromium, slower in Node). */
  readonly platformInflate?: boolean;
}

/** The entries of a ZIP archive read from a byte stream, decompressed as they come; checks the whole archive. */
export async function* readZip(
  chunks: AsyncIterable<Uint8Array>,
  options: ZipReadOptions = {},
): AsyncGenerator<ZipEvent, void, undefined> {
  const queue = new ByteQueue(rechunk(chunks)[Symbol.asyncIterator]());
  try {
    yield* readEntries(queue, options.platformInflate ?? false);
  } finally {
    await queue.close();
  }
}

async function* readEntries(queue: ByteQueue, platformInflate: boolean): AsyncGenerator<ZipEvent, void, undefined> {
  const seen: SeenEntry[] = [];
  if (!(await queue.ensure(4))) {
    throw snapshotError('not-a-zip', "Ce fichier n'est pas une archive ZIP.", 'This file is not a ZIP archive.');
  }
  for (;;) {
    if (!(await queue.ensure(4))) throw truncated();
    const signature = queue.u32(0);
    if (signature !== LOCAL_HEADER) {
      if (seen.length === 0 && signature !== END_OF_CENTRAL_DIRECTORY) {
        throw snapshotError('not-a-zip', "Ce fichier n'est pas une archive ZIP.", 'This file is not a ZIP archive.');
      }
      break;
    }
    if (seen.length >= MAX_ENTRIES) throw corrupt('trop de fichiers', 'too many entries');
    const offset = queue.position;
    if (!(await queue.ensure(30))) throw truncated();
    const flags = queue.u16(6);
    const compression = queue.u16(8);
    const headerCrc = queue.u32(14);
    const headerCompressedSize = queue.u32(18);
    const headerSize = queue.u32(22);
    const nameLength = queue.u16(26);
    const extraLength = queue.u16(28);
    if (!(await queue.ensure(30 + nameLength + extraLength))) throw truncated();
    queue.take(30);
    const name = new TextDecoder().decode(queue.take(nameLength));
    queue.take(extraLength);
    if (flags & 1) {
      throw snapshotError(
        'unsupported-zip',
        `Le fichier ${name} de l'archive est chiffré : non pris en charge.`,
        `Entry ${name} is encrypted: not supported.`,
      );
    }
    if (compression !== 0 && compression !== 8) {
      throw snapshotError(
        'unsupported-zip',
        `Méthode de compression ${compression} non prise en charge (${name}).`,
        `Compression method ${compression} is not supported (${name}).`,
      );
    }
    if (headerCompressedSize === 0xffffffff || headerSize === 0xffffffff) {
      throw snapshotError('unsupported-zip', 'Archive ZIP64 non prise en charge.', 'ZIP64 archives are not supported.');
    }
    yield { type: 'entry', name };
    const decoder = new EntryDecoder(compression, platformInflate);
    let crc: number;
    let size: number;
    if (flags & 8) {
      // Sizes follow the data: find the descriptor whose recorded compressed size matches what was read.
      for (;;) {
        const found = findDescriptor(queue, decoder.compressedSize);
        if (found.at >= 0) {
          for (const bytes of await decoder.push(queue.take(found.at - queue.offset), true))
            yield { type: 'data', name, bytes };
          queue.take(16);
          crc = found.crc;
          size = found.size;
          break;
        }
        for (const bytes of await decoder.push(queue.take(found.safeEnd - queue.offset), false)) {
          yield { type: 'data', name, bytes };
        }
        if (!(await queue.fill())) throw truncated();
      }
    } else {
      let remaining = headerCompressedSize;
      while (remaining > 0) {
        if (queue.available === 0 && !(await queue.fill())) throw truncated();
        const piece = queue.take(Math.min(remaining, queue.available));
        remaining -= piece.length;
        for (const bytes of await decoder.push(piece, remaining === 0)) yield { type: 'data', name, bytes };
      }
      if (headerCompressedSize === 0) await decoder.push(new Uint8Array(0), true);
      crc = headerCrc;
      size = headerSize;
    }
    if (decoder.crc !== crc || decoder.size % 2 ** 32 !== size) {
      throw corrupt(`somme de contrôle ou taille fausse pour ${name}`, `checksum or size mismatch for ${name}`);
    }
    seen.push({ name, offset, crc, compressedSize: decoder.compressedSize, size: decoder.size });
    yield { type: 'entry-end', name, size: decoder.size };
  }
  await readCentralDirectory(queue, seen);
}

/**
 * Look in the queue's window for a data descriptor that closes the current entry. Returns its position, or how far
 * the bytes are certainly entry data (everything before a `P` that could start a descriptor not yet fully read).
 */
function findDescriptor(
  queue: ByteQueue,
  compressedSoFar: number,
): { at: number; safeEnd: number; crc: number; size: number } {
  const buffer = queue.buffer;
  let from = queue.offset;
  for (;;) {
    const i = buffer.indexOf(0x50, from);
    if (i < 0) return { at: -1, safeEnd: buffer.length, crc: 0, size: 0 };
    if (i + 16 > buffer.length) return { at: -1, safeEnd: i, crc: 0, size: 0 };
    if (u32(buffer, i) === DATA_DESCRIPTOR && u32(buffer, i + 8) === (compressedSoFar + i - queue.offset) % 2 ** 32) {
      return { at: i, safeEnd: i, crc: u32(buffer, i + 4), size: u32(buffer, i + 12) };
    }
    from = i + 1;
  }
}

/** The central directory must list exactly the entries read, at the offsets read, and end the file. */
async function readCentralDirectory(queue: ByteQueue, seen: readonly SeenEntry[]): Promise<void> {
  let index = 0;
  for (;;) {
    if (!(await queue.ensure(4))) throw truncated();
    const signature = queue.u32(0);
    if (signature === END_OF_CENTRAL_DIRECTORY) break;
    if (signature === ZIP64_END) {
      throw snapshotError('unsupported-zip', 'Archive ZIP64 non prise en charge.', 'ZIP64 archives are not supported.');
    }
    if (signature !== CENTRAL_HEADER) throw corrupt('répertoire central illisible', 'unreadable central directory');
    if (!(await queue.ensure(46))) throw truncated();
    const crc = queue.u32(16);
    const compressedSize = queue.u32(20);
    const size = queue.u32(24);
    const nameLength = queue.u16(28);
    const variableLength = nameLength + queue.u16(30) + queue.u16(32);
    const offset = queue.u32(42);
    if (!(await queue.ensure(46 + variableLength))) throw truncated();
    queue.take(46);
    const name = new TextDecoder().decode(queue.take(nameLength));
    queue.take(variableLength - nameLength);
    const entry = seen[index];
    if (
      !entry ||
      entry.name !== name ||
      entry.offset % 2 ** 32 !== offset ||
      entry.crc !== crc ||
      entry.compressedSize % 2 ** 32 !== compressedSize ||
      entry.size % 2 ** 32 !== size
    ) {
      throw corrupt(
        `le répertoire central ne correspond pas à ${name}`,
        `the central directory does not match ${name}`,
      );
    }
    index++;
  }
  if (!(await queue.ensure(22))) throw truncated();
  const entries = queue.u16(10);
  const commentLength = queue.u16(20);
  if (entries !== seen.length || index !== seen.length) {
    throw corrupt('nombre de fichiers incohérent', 'inconsistent number of entries');
  }
  if (!(await queue.ensure(22 + commentLength))) throw truncated();
}
