import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunksOf, collectBytes, SnapshotError } from '../../../shared/snapshot';
import { readZip } from '../../../shared/snapshot/zip-reader';
import { seededStore, snapshotBytes } from './helpers';

/**
 * The ZIP reader inflates with fflate, or with the platform's `DecompressionStream` when asked for (the renderer's
 * snapshot load) and present: every path must read the same bytes and refuse the same damage.
 */

type Entries = Map<string, string>;

async function entries(bytes: Uint8Array, chunk = 1000, platformInflate = false): Promise<Entries> {
  const read = new Map<string, Uint8Array[]>();
  for await (const event of readZip(chunksOf(bytes, chunk), { platformInflate })) {
    if (event.type === 'entry') read.set(event.name, []);
    else if (event.type === 'data') read.get(event.name)?.push(event.bytes);
  }
  const decoder = new TextDecoder();
  const result: Entries = new Map();
  for (const [name, parts] of read) {
    result.set(
      name,
      decoder.decode(
        await collectBytes(
          (async function* () {
            yield* parts;
          })(),
        ),
      ),
    );
  }
  return result;
}

async function refusalCode(bytes: Uint8Array, platformInflate: boolean): Promise<string> {
  try {
    await entries(bytes, 1000, platformInflate);
  } catch (error) {
    if (error instanceof SnapshotError) return error.code;
    throw error;
  }
  return 'accepted';
}

const inflaters = [
  { name: 'the platform (DecompressionStream)', platform: true, setUp: () => undefined },
  { name: 'fflate (by default)', platform: false, setUp: () => undefined },
  {
    name: 'fflate (the platform asked for, but no DecompressionStream)',
    platform: true,
    setUp: () => vi.stubGlobal('DecompressionStream', undefined),
  },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ZIP inflaters', { timeout: 60_000 }, () => {
  it('the platform has a DecompressionStream here, so every path below is exercised', () => {
    expect(typeof DecompressionStream).toBe('function');
  });

  for (const inflater of inflaters) {
    describe(inflater.name, () => {
      it('reads every entry of a snapshot, byte for byte, whatever the chunk size', async () => {
        const bytes = await snapshotBytes(await seededStore(40));
        const expected = await entries(bytes, 1000, !inflater.platform);
        inflater.setUp();
        for (const chunk of [7, 1000, 1 << 20])
          expect(await entries(bytes, chunk, inflater.platform)).toEqual(expected);
        expect([...expected.keys()]).toContain('volunteers.ndjson');
      });

      it('reads large, highly compressed entries (several inflate slices) and empty ones', async () => {
        const text = 'ligne de test répétée\n'.repeat(200_000);
        const zip = zipSync({ 'a.txt': strToU8(text), 'empty.txt': new Uint8Array(0) }, { level: 9 });
        inflater.setUp();
        const read = await entries(zip, 4096, inflater.platform);
        expect(read.get('a.txt')).toBe(text);
        expect(read.get('empty.txt')).toBe('');
      });

      it('refuses damaged compressed data as a damaged archive', async () => {
        const text = Array.from({ length: 20_000 }, (_, index) => `enregistrement ${index * 7919}`).join('\n');
        const zip = zipSync({ 'a.txt': strToU8(text) }, { level: 6 });
        inflater.setUp();
        // Inside the compressed data (after the 30-byte local header and the name), away from its ends.
        for (const at of [60, Math.floor(zip.length / 3), Math.floor(zip.length / 2)]) {
          const damaged = zip.slice();
          damaged[at] = (damaged[at] as number) ^ 0x5a;
          expect(await refusalCode(damaged, inflater.platform), `byte ${at}`).toBe('corrupt-zip');
        }
      });
    });
  }
});
