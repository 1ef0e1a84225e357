import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeAtomicWriteFs, writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/atomic-write';

const OLD = new Uint8Array([0x4f, 0x4c, 0x44, 0x00, 0xff, 0x0a, 0x0d, 0x80]);
const NEW = new TextEncoder().encode('nouveau contenu, plus long que l’ancien\n'.repeat(1000));

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-atomic-'));
  target = path.join(dir, 'export.csv');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real file system, with one step replaced by a failure. */
function failingAt(step: 'writeFile' | 'sync' | 'close' | 'rename' | 'open'): AtomicWriteFs {
  const boom = (): never => {
    throw Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' });
  };
  return {
    ...nodeAtomicWriteFs,
    open: async (filePath, flags, mode) => {
      if (step === 'open') boom();
      const file = await nodeAtomicWriteFs.open(filePath, flags, mode);
      return {
        writeFile: async (data) => {
          if (step === 'writeFile') {
            await file.writeFile(data.subarray(0, 10)); // a partial write, then the disk fails
            boom();
          }
          await file.writeFile(data);
        },
        sync: async () => (step === 'sync' ? boom() : file.sync()),
        close: async () => {
          await file.close();
          if (step === 'close') boom();
        },
      };
    },
    rename: async (from, to) => (step === 'rename' ? boom() : nodeAtomicWriteFs.rename(from, to)),
  };
}

describe('writeFileAtomic', () => {
  it('creates a new file', async () => {
    await writeFileAtomic(target, NEW);
    expect((await readFile(target)).equals(NEW)).toBe(true);
    expect(await readdir(dir)).toEqual(['export.csv']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    await writeFile(target, OLD, { mode: 0o640 });
    await writeFileAtomic(target, NEW);
    expect((await readFile(target)).equals(NEW)).toBe(true);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['export.csv']);
  });

  it.each(['open', 'writeFile', 'sync', 'close', 'rename'] as const)(
    'leaves the previous file byte-identical and no temporary file when %s fails',
    async (step) => {
      await writeFile(target, OLD);
      await expect(writeFileAtomic(target, NEW, failingAt(step))).rejects.toThrow(`injected ${step} failure`);
      expect((await readFile(target)).equals(OLD)).toBe(true);
      expect(await readdir(dir)).toEqual(['export.csv']);
    },
  );

  it('creates nothing when the first write of a new file fails', async () => {
    await expect(writeFileAtomic(target, NEW, failingAt('rename'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes the temporary file beside the target (same file system) before renaming it', async () => {
    const renames: [string, string][] = [];
    await writeFileAtomic(target, NEW, {
      ...nodeAtomicWriteFs,
      rename: async (from, to) => {
        renames.push([from, to]);
        // Between write and rename the new bytes are complete on disk, the target still old.
        expect((await readFile(from)).equals(NEW)).toBe(true);
        await nodeAtomicWriteFs.rename(from, to);
      },
    });
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0]![0])).toBe(dir);
    expect(renames[0]![1]).toBe(target);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.csv'), NEW)).rejects.toThrow();
  });
});
