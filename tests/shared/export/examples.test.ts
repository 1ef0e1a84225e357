import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  CITY_EXPORT_ENTRIES,
  dataPackage,
  dataResource,
  TABLE_NAMES,
  validateCsv,
  type ExportProfile,
} from '../../../shared/export';
import { EXAMPLE_FILES, exampleBytes, exampleStore } from './example-store';
import { csvBytes, prepare, text, zipOf } from './helpers';

const PROFILES: ExportProfile[] = ['excel-fr', 'open-data'];

describe.each(PROFILES)('the reference export, %s profile', (profile) => {
  it.each(TABLE_NAMES)('%s.csv equals the example byte for byte', async (table) => {
    const prepared = await prepare(await exampleStore(), { profile });
    const produced = csvBytes(prepared, table);
    const expected = exampleBytes(profile, `${table}.csv`);
    // Compare as text first for a readable diff, then as bytes (BOM, CRLF).
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(produced)).toBe(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(expected),
    );
    expect(Buffer.from(produced).equals(Buffer.from(expected))).toBe(true);
  });

  it.each(EXAMPLE_FILES)('the validator accepts the example %s', (file) => {
    const table = file.replace('.csv', '') as (typeof TABLE_NAMES)[number];
    const result = validateCsv(exampleBytes(profile, file), dataResource(table, profile, 'pseudonymous'));
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(table === 'participations' ? 2 : 1);
  });

  it('zips the entries in the contract order with a manifest of digests and row counts', async () => {
    const prepared = await prepare(await exampleStore(), { profile });
    const { bytes, entries } = await zipOf(prepared);
    expect(Object.keys(entries)).toEqual([...CITY_EXPORT_ENTRIES]);
    const manifestText = text(entries['manifest.json']);
    const manifest = JSON.parse(manifestText);
    expect(Object.keys(manifest)).toEqual([
      'contrat',
      'version',
      'genere_le',
      'application',
      'association',
      'profil',
      'mode',
      'motif',
      'periode',
      'fichiers',
    ]);
    expect(manifestText).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(manifest).toMatchObject({
      contrat: 'volontaires-climat-export',
      version: '1.0',
      genere_le: '2026-11-02T09:15:00+01:00',
      application: { nom: 'Desk Climat', version: '0.1.0' },
      association: { nom: 'Les Amis du Bassin', rna: 'W750000001', siret: '12345678901237' },
      profil: profile,
      mode: 'pseudonyme',
      motif: null,
      periode: { du: '2026-10-01', au: '2026-10-31' },
    });
    expect(manifest.fichiers.map((file: { nom: string }) => file.nom)).toEqual(CITY_EXPORT_ENTRIES.slice(0, 5));
    for (const file of manifest.fichiers as { nom: string; lignes: number; sha256: string }[]) {
      const entry = entries[file.nom] as Uint8Array;
      expect(file.sha256).toBe(createHash('sha256').update(entry).digest('hex'));
    }
    expect(manifest.fichiers.map((file: { lignes: number }) => file.lignes)).toEqual([1, 1, 2, 1, 0]);
    for (const file of EXAMPLE_FILES) {
      expect(Buffer.from(entries[file] as Uint8Array).equals(Buffer.from(exampleBytes(profile, file)))).toBe(true);
    }
    expect(JSON.parse(text(entries['datapackage.json']))).toEqual(dataPackage(profile, 'pseudonymous'));
    expect(prepared.fileName).toBe('volontaires-climat_les-amis-du-bassin_2026-10-01_2026-10-31.zip');
    expect(unzipSync(bytes)).toBeTruthy();
  });

  it('gives identical CSVs and datapackage.json when the same data is exported twice (manifest time aside)', async () => {
    const first = await zipOf(await prepare(await exampleStore(), { profile }), '2026-11-02T08:15:00Z');
    const second = await zipOf(await prepare(await exampleStore(), { profile }), '2026-12-24T17:00:00Z');
    for (const entry of CITY_EXPORT_ENTRIES.slice(0, 5)) {
      expect(
        Buffer.from(first.entries[entry] as Uint8Array).equals(Buffer.from(second.entries[entry] as Uint8Array)),
      ).toBe(true);
    }
    expect(text(first.entries['manifest.json'])).not.toBe(text(second.entries['manifest.json']));
    const withoutTime = (json: string) => ({ ...JSON.parse(json), genere_le: null });
    expect(withoutTime(text(first.entries['manifest.json']))).toEqual(
      withoutTime(text(second.entries['manifest.json'])),
    );
  });
});
