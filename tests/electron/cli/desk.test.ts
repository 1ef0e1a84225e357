import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../../electron/cli/desk';
import { collectBytes, writeSnapshot } from '../../../shared/snapshot';
import { seedInto } from '../../../shared/seed';
import { createMemoryStore } from '../../../shared/storage/memory-store';

const folder = mkdtempSync(join(tmpdir(), 'desk-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const BIN = join(process.cwd(), 'electron/cli/bin/desk.mjs');

describe('desk command line', { timeout: 120_000 }, () => {
  it('seeds a snapshot, then validates it with counts (French, then English)', async () => {
    const file = join(folder, 'small.zip');
    const seeded = capture();
    expect(
      await runDesk(['seed', '--volunteers', '50', '--now', '2026-11-28T09:00:00Z', '--out', file], seeded.io),
    ).toBe(0);
    expect(seeded.out[0]).toMatch(/^Jeu de données écrit/);
    expect(seeded.out[1]).toMatch(/^Dataset written/);
    const checked = capture();
    expect(await runDesk(['validate', file], checked.io)).toBe(0);
    expect(checked.out[0]).toMatch(/^Sauvegarde valide/);
    expect(checked.out[1]).toMatch(/^Valid snapshot/);
    expect(checked.out.join('\n')).toMatch(/volunteers\s+50\b/);
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes byte-identical files for the same arguments', async () => {
    const args = ['seed', '--volunteers', '40', '--now', '2026-11-28T09:00:00Z', '--seed', 'same'];
    const a = join(folder, 'a.zip');
    const b = join(folder, 'b.zip');
    expect(await runDesk([...args, '--out', a], capture().io)).toBe(0);
    expect(await runDesk([...args, '--out', b], capture().io)).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('leaves no file behind when the write fails', async () => {
    const target = join(folder, 'missing-folder', 'out.zip');
    const failed = capture();
    expect(await runDesk(['seed', '--volunteers', '5', '--out', target], failed.io)).toBe(2);
    expect(failed.err[0]).toMatch(/^Échec/);
    expect(readdirSync(folder).some((name) => name.includes('partial'))).toBe(false);
  });

  it('refuses bad usage with exit code 2', async () => {
    expect(await runDesk(['seed', '--volunteers', 'many', '--out', join(folder, 'x.zip')], capture().io)).toBe(2);
    expect(await runDesk(['seed'], capture().io)).toBe(2);
    expect(await runDesk(['frobnicate'], capture().io)).toBe(2);
    const missing = capture();
    expect(await runDesk(['validate', join(folder, 'nothing.zip')], missing.io)).toBe(2);
    expect(missing.err).toEqual([
      `Fichier introuvable : ${join(folder, 'nothing.zip')}`,
      expect.stringMatching(/^File not found/),
    ]);
  });

  it('validate exits non-zero naming the table, the line and the field of a corrupted record (real process)', async () => {
    const store = createMemoryStore();
    await seedInto(store, { volunteers: 30, now: '2026-11-28T09:00:00Z', seed: 'corrupt' });
    const signUps = store.all('signUps');
    const corrupted = {
      ...store,
      records: (table: Parameters<typeof store.records>[0]) =>
        table === 'signUps'
          ? (async function* () {
              yield* signUps.map((signUp, index) => (index === 6 ? { ...signUp, shiftId: 42 } : signUp));
            })()
          : store.records(table),
    } as typeof store;
    const file = join(folder, 'corrupted.zip');
    writeFileSync(
      file,
      await collectBytes(writeSnapshot(corrupted, { deskId: 'desk-x', createdAt: '2026-11-28T09:00:00Z' })),
    );

    const result = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/Sauvegarde invalide .*table signUps, ligne 7, champ shiftId/);
    expect(result.stderr).toMatch(/Invalid snapshot: .*table signUps, line 7, field shiftId/);
    expect(result.stderr).toMatch(/type inattendu/);
    expect(result.stdout).toBe('');

    const truncated = join(folder, 'truncated.zip');
    writeFileSync(truncated, readFileSync(file).subarray(0, 5_000));
    const cut = spawnSync(process.execPath, [BIN, 'validate', truncated], { encoding: 'utf8' });
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/incomplet/);
    expect(cut.stderr).toMatch(/truncated/);
  });
});
