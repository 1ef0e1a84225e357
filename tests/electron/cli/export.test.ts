import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequentialSnapshotSource } from '../../../electron/cli/commands/export-source';
import { runDesk } from '../../../electron/cli/desk';
import {
  CITY_EXPORT_ENTRIES,
  exportReadTables,
  prepareCityExport,
  validateCsv,
  type DataPackage,
} from '../../../shared/export';
import { createSnapshotSource } from '../../../shared/snapshot';
import { seedInto } from '../../../shared/seed';
import { createMemoryStore } from '../../../shared/storage/memory-store';

const folder = mkdtempSync(join(tmpdir(), 'desk-export-'));
const snapshot = join(folder, 'seed.zip');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

const COMMON = [
  '--from',
  '2026-09-01',
  '--to',
  '2026-11-30',
  '--association',
  'Les Amis du Bassin',
  '--now',
  '2026-12-01T08:00:00Z',
];

describe('desk export', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const seeded = capture();
    expect(
      await runDesk(['seed', '--volunteers', '80', '--now', '2026-11-28T09:00:00Z', '--out', snapshot], seeded.io),
    ).toBe(0);
  });

  it.each(['excel-fr', 'open-data'])(
    'writes a valid %s zip, entries in order, rows as the manifest says',
    async (profile) => {
      const out = join(folder, `export-${profile}.zip`);
      const run = capture();
      expect(
        await runDesk(
          ['export', snapshot, ...COMMON, '--profile', profile, '--rna', 'W750000001', '--out', out],
          run.io,
        ),
      ).toBe(0);
      expect(run.out[0]).toMatch(/^Export pour la Ville écrit dans/);
      expect(run.out[1]).toMatch(/^City export written to/);
      const entries = unzipSync(new Uint8Array(readFileSync(out)));
      expect(Object.keys(entries)).toEqual([...CITY_EXPORT_ENTRIES]);
      const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array));
      expect(manifest).toMatchObject({
        profil: profile,
        mode: 'pseudonyme',
        genere_le: '2026-12-01T09:00:00+01:00',
        association: { nom: 'Les Amis du Bassin', rna: 'W750000001', siret: null },
        application: { nom: 'Desk Climat' },
      });
      const pack = JSON.parse(strFromU8(entries['datapackage.json'] as Uint8Array)) as DataPackage;
      for (const resource of pack.resources) {
        const lines = manifest.fichiers.find((file: { nom: string }) => file.nom === resource.path).lignes;
        const result = validateCsv(entries[resource.path] as Uint8Array, resource, { expectedRows: lines });
        expect(result.errors).toEqual([]);
      }
      expect(manifest.fichiers[2].lignes).toBeGreaterThan(20);
      expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
    },
  );

  it('names the file after the contract when --out is a folder, and gives the same bytes twice', async () => {
    const args = ['export', snapshot, ...COMMON, '--profile', 'open-data', '--out', folder];
    expect(await runDesk(args, capture().io)).toBe(0);
    const name = 'volontaires-climat_les-amis-du-bassin_2026-09-01_2026-11-30.zip';
    const first = readFileSync(join(folder, name));
    expect(await runDesk(args, capture().io)).toBe(0);
    expect(readFileSync(join(folder, name)).equals(first)).toBe(true);
  });

  it('keeps names, e-mails and phones out of a pseudonymous export', async () => {
    const store = createMemoryStore();
    await seedInto(store, { volunteers: 80, now: '2026-11-28T09:00:00Z', seed: 'desk-climat' });
    const out = join(folder, 'pseudo.zip');
    expect(await runDesk(['export', snapshot, ...COMMON, '--profile', 'excel-fr', '--out', out], capture().io)).toBe(0);
    const all = Object.values(unzipSync(new Uint8Array(readFileSync(out))))
      .map((entry) => strFromU8(entry))
      .join('\n');
    const volunteers = store.all('volunteers');
    expect(volunteers.length).toBe(80);
    for (const volunteer of volunteers) {
      if (volunteer.email) expect(all).not.toContain(volunteer.email);
      if (volunteer.phone) expect(all).not.toContain(volunteer.phone);
    }
    const named = join(folder, 'named.zip');
    const run = capture();
    expect(
      await runDesk(
        ['export', snapshot, ...COMMON, '--profile', 'excel-fr', '--named', '--reason', 'Assurance', '--out', named],
        run.io,
      ),
    ).toBe(0);
    const namedText = strFromU8(unzipSync(new Uint8Array(readFileSync(named)))['participations.csv'] as Uint8Array);
    expect(namedText.split('\r\n')[0]).toMatch(/;nom;prenom;email;telephone$/);
    expect(run.out.join('\n')).toMatch(/dont \d+ nommés/);
  });

  it('reads the snapshot in one pass with the same result as the generic snapshot source', async () => {
    const open = () => createReadStream(snapshot);
    const options = {
      from: '2026-09-01',
      to: '2026-11-30',
      profile: 'open-data' as const,
      mode: 'named' as const,
      reason: 'test',
      settings: { associationName: 'A', rna: null, siret: null, cancellationCutoffHours: 24 },
    };
    const sequential = createSequentialSnapshotSource(open, exportReadTables(true));
    const a = await prepareCityExport(sequential, options);
    await sequential.close();
    const b = await prepareCityExport(createSnapshotSource(open), options);
    expect(a.tables).toEqual(b.tables);
    expect(a.volunteerIds).toEqual(b.volunteerIds);
  });

  it('refuses bad usage with exit code 2, French first', async () => {
    const noReason = capture();
    expect(await runDesk(['export', snapshot, ...COMMON, '--named', '--out', join(folder, 'x.zip')], noReason.io)).toBe(
      2,
    );
    expect(noReason.err[0]).toBe('Un export nominatif demande un motif.');
    expect(noReason.err[1]).toBe('A named export needs a reason.');
    const profile = capture();
    expect(
      await runDesk(['export', snapshot, ...COMMON, '--profile', 'csv', '--out', join(folder, 'x.zip')], profile.io),
    ).toBe(2);
    expect(profile.err[0]).toMatch(/^--profile : excel-fr ou open-data/);
    const period = capture();
    expect(
      await runDesk(
        ['export', snapshot, '--from', '2026-11-30', '--to', '2026-11-01', '--out', join(folder, 'x.zip')],
        period.io,
      ),
    ).toBe(2);
    expect(period.err[0]).toMatch(/^La période commence après sa fin/);
    expect(
      await runDesk(['export', join(folder, 'none.zip'), ...COMMON, '--out', join(folder, 'x.zip')], capture().io),
    ).toBe(2);
    expect(await runDesk(['export', snapshot, '--from', '2026-09-01', '--to', '2026-09-30'], capture().io)).toBe(2);
    expect(readdirSync(folder)).not.toContain('x.zip');
  });
});
