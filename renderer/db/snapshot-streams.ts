/** Byte streams of the web platform as the async iterables of chunks that shared/snapshot reads and writes. */

/** A ReadableStream's chunks (written out: TypeScript's DOM library does not type ReadableStream as async iterable). */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (a refused file): release the file instead of reading it to the end.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A Blob (a File) read as a stream, with the bytes read so far reported for a progress bar. */
export async function* blobChunks(blob: Blob, onBytes?: (read: number) => void): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of blobSource(blob)) {
    read += chunk.length;
    onBytes?.(read);
    yield chunk;
  }
}

const SLICE_BYTES = 1024 * 1024;

/** `Blob.stream()` where it exists; else slices read one by one (jsdom's Blob has no `stream`). */
function blobSource(blob: Blob): AsyncIterable<Uint8Array> {
  if (typeof blob.stream === 'function') return readableChunks(blob.stream() as ReadableStream<Uint8Array>);
  return (async function* () {
    for (let start = 0; start < blob.size; start += SLICE_BYTES) {
      yield new Uint8Array(await blob.slice(start, start + SLICE_BYTES).arrayBuffer());
    }
  })();
}

/**
 * Gather a stream of bytes into a Blob without holding them in the JavaScript heap: parts are folded into
 * intermediate Blobs every few megabytes, which the browser keeps in its blob storage (on disk when large).
 */
export async function chunksToBlob(chunks: AsyncIterable<Uint8Array>, type: string): Promise<Blob> {
  const FOLD_BYTES = 8 * 1024 * 1024;
  let parts: BlobPart[] = [];
  let pending = 0;
  for await (const chunk of chunks) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    pending += chunk.length;
    if (pending >= FOLD_BYTES) {
      parts = [new Blob(parts)];
      pending = 0;
    }
  }
  return new Blob(parts, { type });
}
