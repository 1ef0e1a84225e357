import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../../electron/cli/desk';
import { consentSchema, volunteerSchema, type Consent, type Volunteer } from '../../../shared/domain/model';
import type { ImportReport } from '../../../shared/import';
import { loadSnapshot } from '../../../shared/snapshot';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';

const folder = mkdtempSync(join(tmpdir(), 'desk-import-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FIXTURES = join(process.cwd(), 'tests/fixtures');
const BIN = join(process.cwd(), 'electron/cli/bin/desk.mjs');
const NOW = '2026-11-28T09:00:00Z';
const seeded = join(folder, 'seeded.zip');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function load(file: string): Promise<MemoryStore> {
  const store = createMemoryStore();
  await loadSnapshot(async function* () {
    yield new Uint8Array(readFileSync(file));
  }, store);
  return store;
}

beforeAll(async () => {
  expect(await runDesk(['seed', '--volunteers', '50', '--now', NOW, '--out', seeded], capture().io)).toBe(0);
});

describe('desk import', { timeout: 120_000 }, () => {
  it('imports the Windows-1252 fixture into a seeded snapshot: a valid snapshot with the new volunteers', async () => {
    const out = join(folder, 'imported.zip');
    const reportFile = join(folder, 'report.json');
    const run = capture();
    const code = await runDesk(
      [
        'import',
        seeded,
        join(FIXTURES, 'inscriptions-formulaire-cp1252.csv'),
        '--now',
        NOW,
        '--out',
        out,
        '--report',
        reportFile,
      ],
      run.io,
    );
    expect(code, run.err.join('\n')).toBe(0);
    expect(run.out.some((line) => line.startsWith('Ce fichier n’est pas en UTF-8'))).toBe(true);
    expect(run.out.at(-2)).toMatch(/31 lignes, 29 créées, 0 fusionnées, 2 ignorées/);
    expect(run.out.at(-1)).toMatch(/31 rows, 29 created, 0 merged, 2 skipped/);

    const validated = capture();
    expect(await runDesk(['validate', out], validated.io)).toBe(0);
    expect(validated.out.join('\n')).toMatch(/volunteers\s+79\b/);

    const before = await load(seeded);
    const after = await load(out);
    const existing = new Set(before.all('volunteers').map((v) => v.id));
    const added = after.all('volunteers').filter((v) => !existing.has(v.id));
    expect(added).toHaveLength(29);
    for (const volunteer of after.all('volunteers')) volunteerSchema.parse(volunteer);
    // The recorded volunteers are carried over unchanged.
    expect(after.all('volunteers').filter((v) => existing.has(v.id))).toEqual(before.all('volunteers'));
    expect(after.all('signUps')).toEqual(before.all('signUps'));

    const byName = (first: string, last: string) => added.find((v) => v.firstName === first && v.lastName === last);
    expect(byName('Gaëtan', 'BŒUF')).toMatchObject({ email: 'gaetan.boeuf@exemple.fr', phone: '+33612345618' });
    expect(byName('Aïcha', "N'DIAYE")).toMatchObject({ postcode: '93200', birthDate: '1999-09-28' });
    expect(byName('Maëlle', 'DE LA TOUR')).toMatchObject({ postcode: '75116', arrondissementInsee: '75116' });
    expect(byName('Cœlia', 'Œuvray')).toMatchObject({ birthDate: '2012-06-15', parentalAuthorisation: 'missing' });
    expect(byName('Élodie', 'Durand')).toMatchObject({ email: null, birthDate: null });

    const newConsents = after
      .all('consents')
      .filter((c: Consent) => added.some((v: Volunteer) => v.id === c.volunteerId));
    expect(newConsents).toHaveLength(29);
    for (const consent of newConsents) consentSchema.parse(consent);
    expect(newConsents.filter((c) => !c.given)).toHaveLength(9);
    expect(newConsents.every((c) => c.channel === 'online_form' && c.date === '2026-11-28')).toBe(true);
    expect(after.all('auditLog').length).toBe(before.all('auditLog').length + 1);
    expect(after.all('auditLog').find((entry) => entry.action === 'volunteer.import')?.details).toMatchObject({
      fileName: 'inscriptions-formulaire-cp1252.csv',
      created: 29,
    });

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport;
    expect(report.summary).toMatchObject({
      rows: 31,
      created: 29,
      skipped: 2,
      fieldErrors: 2,
      warnings: 6,
      minors: 5,
      citySharingRefused: 9,
    });
    expect(report.rows).toHaveLength(31);
    expect(report.rows.find((row) => row.line === 29)?.droppedFields.map((f) => f.code)).toEqual([
      'invalid_email',
      'impossible_date',
    ]);
    expect(report.rows.filter((row) => row.reason).map((row) => [row.line, row.reason?.code])).toEqual([
      [31, 'no_name'],
      [32, 'duplicate_in_file'],
    ]);
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('importing the same list again skips everyone as already recorded', async () => {
    const first = join(folder, 'first.zip');
    const second = join(folder, 'second.zip');
    const csv = join(FIXTURES, 'inscriptions-google-forms.csv');
    const args = (from: string, to: string, report: string) => [
      'import',
      from,
      csv,
      '--now',
      NOW,
      '--out',
      to,
      '--report',
      report,
    ];
    expect(await runDesk(args(seeded, first, join(folder, 'r1.json')), capture().io)).toBe(0);
    expect(await runDesk(args(first, second, join(folder, 'r2.json')), capture().io)).toBe(0);
    const report = JSON.parse(readFileSync(join(folder, 'r2.json'), 'utf8')) as ImportReport;
    expect(report.summary).toMatchObject({ rows: 12, created: 0, skipped: 12, duplicates: 12 });
    expect((await load(second)).all('volunteers')).toHaveLength(62);
  });

  it('follows a mapping file', async () => {
    const mapping = join(folder, 'map.json');
    writeFileSync(mapping, JSON.stringify({ headers: { 'Adresse e-mail': 'ignore', Commentaire: 'ignore' } }));
    const out = join(folder, 'mapped.zip');
    const run = capture();
    const code = await runDesk(
      [
        'import',
        seeded,
        join(FIXTURES, 'inscriptions-tableur-utf8-bom.csv'),
        '--mapping',
        mapping,
        '--now',
        NOW,
        '--out',
        out,
        '--report',
        join(folder, 'mapped.json'),
      ],
      run.io,
    );
    expect(code, run.err.join('\n')).toBe(0);
    const added = (await load(out)).all('volunteers').filter((v) => v.notes === '' && v.email === null);
    expect(added.some((v) => v.lastName === 'Nguyễn')).toBe(true);
    // Without the e-mail, the invalid address is no longer a field error; 31/02 still is.
    const report = JSON.parse(readFileSync(join(folder, 'mapped.json'), 'utf8')) as ImportReport;
    expect(report.summary.fieldErrors).toBe(1);
    expect(report.mapping.find((column) => column.header === 'Adresse e-mail')?.target).toBe('ignore');
  });

  it('a file it cannot read exits non-zero with the reason, French then English, and writes nothing', () => {
    const binary = join(folder, 'photo.csv');
    writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const out = join(folder, 'never.zip');
    const report = join(folder, 'never.json');
    const result = spawnSync(
      process.execPath,
      [BIN, 'import', seeded, binary, '--now', NOW, '--out', out, '--report', report],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe(`Fichier illisible : ${binary}`);
    expect(lines[1]).toMatch(/^ {2}Ce fichier n’est pas un fichier texte CSV \(caractère binaire ligne 3\)/);
    expect(lines[2]).toBe(`Unreadable file: ${binary}`);
    expect(lines[3]).toMatch(/^ {2}This file is not a CSV text file \(binary character on line 3\)/);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(report)).toBe(false);
    expect(readdirSync(folder).some((name) => name.includes('partial'))).toBe(false);
  });

  it('an unterminated quote or an empty file exits 1 with its line, writing nothing', async () => {
    const broken = join(folder, 'broken.csv');
    writeFileSync(broken, 'Nom;Prénom;Commentaire\nRoux;Léa;"ouvert\nBlanc;Noël;\n');
    const empty = join(folder, 'empty.csv');
    writeFileSync(empty, '');
    for (const [file, code, fr] of [
      [broken, 'unterminated_quote', /ligne 2/],
      [empty, 'empty_file', /vide/],
    ] as const) {
      const run = capture();
      const out = join(folder, `${code}.zip`);
      expect(
        await runDesk(['import', seeded, file, '--out', out, '--report', join(folder, `${code}.json`)], run.io),
      ).toBe(1);
      expect(run.err[0]).toMatch(fr);
      expect(run.err.at(-1)).toBe(`  [${code}]`);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(folder, `${code}.json`))).toBe(false);
    }
  });

  it('refuses a damaged snapshot, a bad mapping and bad usage without writing', async () => {
    const damaged = join(folder, 'damaged.zip');
    writeFileSync(damaged, readFileSync(seeded).subarray(0, 3_000));
    const csv = join(FIXTURES, 'deux-colonnes-point-virgule.csv');
    const out = join(folder, 'refused.zip');
    const args = ['--out', out, '--report', join(folder, 'refused.json')];
    const snapshot = capture();
    expect(await runDesk(['import', damaged, csv, ...args], snapshot.io)).toBe(1);
    expect(snapshot.err[0]).toMatch(/^Sauvegarde invalide/);

    const mapping = join(folder, 'bad-map.json');
    writeFileSync(mapping, JSON.stringify({ columns: ['email', 'phone'] }));
    const mapped = capture();
    expect(await runDesk(['import', seeded, csv, '--mapping', mapping, ...args], mapped.io)).toBe(1);
    expect(mapped.err).toEqual([
      'Associez au moins une colonne au prénom ou au nom.',
      'Map at least one column to the first name or the last name.',
    ]);

    expect(await runDesk(['import', seeded, csv, '--out', out], capture().io)).toBe(2);
    expect(await runDesk(['import', seeded, join(folder, 'nothing.csv'), ...args], capture().io)).toBe(2);
    expect(await runDesk(['import', seeded, csv, '--bogus', ...args], capture().io)).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('can write over the snapshot it reads (temporary file, then rename)', async () => {
    const copy = join(folder, 'in-place.zip');
    copyFileSync(seeded, copy);
    const before = readFileSync(copy);
    const code = await runDesk(
      [
        'import',
        copy,
        join(FIXTURES, 'deux-colonnes-point-virgule.csv'),
        '--now',
        NOW,
        '--out',
        copy,
        '--report',
        join(folder, 'ip.json'),
      ],
      capture().io,
    );
    expect(code).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(false);
    expect((await load(copy)).all('volunteers')).toHaveLength(52);
  });
});
