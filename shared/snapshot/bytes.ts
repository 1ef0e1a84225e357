/** Small helpers over byte streams (async iterables of chunks), the interface every snapshot pipeline speaks. */

/** Cut one buffer into a stream of chunks, e.g. a file read into memory in a test. */
export async function* chunksOf(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** Gather a whole stream into one buffer: for small snapshots and tests only. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/**
 * Re-cut a stream into chunks of exactly `size` bytes (the last one shorter): tiny chunks would cost a decompressor
 * call each, and one huge chunk would be decompressed in one go; both are smoothed out here.
 */
export async function* rechunk(chunks: AsyncIterable<Uint8Array>, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of chunks) {
    let offset = 0;
    while (offset < chunk.length) {
      if (filled === 0 && chunk.length - offset >= size) {
        yield chunk.subarray(offset, offset + size);
        offset += size;
        continue;
      }
      const count = Math.min(size - filled, chunk.length - offset);
      buffer.set(chunk.subarray(offset, offset + count), filled);
      filled += count;
      offset += count;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}
