import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportMissingFile, writeFileWhole } from '../../../electron/cli/files';

const folder = mkdtempSync(join(tmpdir(), 'desk-cli-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function* failingAfter(part: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(part);
  throw new Error('disk full');
}

describe('the files a command writes', () => {
  it('are written whole, over an earlier file, with no temporary file left', async () => {
    const target = join(folder, 'whole.zip');
    writeFileSync(target, 'ancien');
    await writeFileWhole(target, chunks('nou', 'veau'));
    expect(readFileSync(target, 'utf8')).toBe('nouveau');
    expect(readdirSync(folder).filter((name) => name.includes('whole'))).toEqual(['whole.zip']);
  });

  it('leave the earlier file as it was, and no half file, when writing fails', async () => {
    const target = join(folder, 'kept.zip');
    writeFileSync(target, 'ancien');
    await expect(writeFileWhole(target, failingAfter('début'))).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('ancien');
    expect(readdirSync(folder).filter((name) => name.includes('kept'))).toEqual(['kept.zip']);
  });

  it('are not started when an input is missing: the first missing one is named in French and English', async () => {
    const present = join(folder, 'present.csv');
    writeFileSync(present, 'Nom\n');
    const err: string[] = [];
    const io = { out: () => undefined, err: (line: string) => err.push(line) };
    expect(await reportMissingFile([present], io)).toBeNull();
    const missing = join(folder, 'absent.zip');
    expect(await reportMissingFile([present, missing, join(folder, 'other.zip')], io)).toBe(missing);
    expect(err).toEqual([`Fichier introuvable : ${missing}`, `File not found: ${missing}`]);
  });
});
