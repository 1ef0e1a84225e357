import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { CITY_EXPORT_ENTRIES } from '../../../shared/export';
import {
  CityExportCancelled,
  runCityExport,
  startCityExport,
  type CityExportProgress,
  type CityExportRequest,
} from '../../../renderer/db/city-export-io';
import { createDexieRecordSink } from '../../../renderer/db/dexie-store';
import { createRepositories } from '../../../renderer/db/repositories-context';
import {
  EXAMPLE_FILES,
  EXAMPLE_PERIOD,
  EXAMPLE_SETTINGS,
  exampleBytes,
  exampleStore,
} from '../../shared/export/example-store';
import { APPLICATION, GENERATED_AT } from '../../shared/export/helpers';
import { createTestDatabase } from './test-database';

/** The reference export's records (tests/fixtures/export-examples/) written into a real Dexie store. */
async function exampleDatabase() {
  const { db, desk } = await createTestDatabase({ start: '2026-11-02T08:15:00Z' });
  const memory = await exampleStore();
  const sink = createDexieRecordSink(db);
  for (const table of SHARED_TABLE_NAMES) {
    const records = [];
    for await (const record of memory.records(table)) records.push(record);
    await sink.writeBatch(table, records);
  }
  await sink.finish();
  return { db, desk };
}

const request = (profile: 'excel-fr' | 'open-data'): CityExportRequest => ({
  ...EXAMPLE_PERIOD,
  profile,
  mode: 'pseudonymous',
  settings: EXAMPLE_SETTINGS,
});

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('the city export task (what the Worker runs), over a Dexie store', () => {
  it.each(['excel-fr', 'open-data'] as const)(
    'streams a zip whose CSVs equal the %s examples byte for byte, with progress up to every row',
    async (profile) => {
      const { db } = await exampleDatabase();
      const progress: CityExportProgress[] = [];
      const { blob, summary } = await runCityExport(
        db,
        request(profile),
        { generatedAt: GENERATED_AT, application: APPLICATION },
        { inline: true, onProgress: (value) => progress.push(value) },
      );
      expect(blob.type).toBe('application/zip');
      const entries = unzipSync(await bytesOf(blob));
      expect(Object.keys(entries)).toEqual([...CITY_EXPORT_ENTRIES]);
      for (const file of EXAMPLE_FILES) {
        expect(Buffer.from(entries[file]!).equals(Buffer.from(exampleBytes(profile, file)))).toBe(true);
      }
      const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { fichiers: { lignes: number }[] };
      expect(manifest.fichiers.slice(0, 4).map((file) => file.lignes)).toEqual([1, 1, 2, 1]);
      expect(summary.rowCounts).toEqual({ missions: 1, creneaux: 1, participations: 2, agregats_mensuels: 1 });
      expect(summary.previews.participations.rows).toHaveLength(2);
      expect(summary.volunteerIds.length).toBeGreaterThan(0);
      // Both phases reported, the reading with a known total, the zip ending at all its rows.
      const read = progress.filter((value) => value.phase === 'read');
      expect(read.length).toBeGreaterThan(1);
      expect(read.every((value) => value.total !== null && value.done <= value.total)).toBe(true);
      expect(progress.at(-1)).toEqual({ phase: 'zip', done: 5, total: 5, table: null });
    },
  );

  it('a cancelled export rejects with CityExportCancelled and gives no file', async () => {
    const { db } = await exampleDatabase();
    const session = startCityExport(db, request('excel-fr'), { inline: true });
    await session.prepared;
    session.cancel();
    await expect(session.zip({ generatedAt: GENERATED_AT, application: APPLICATION })).rejects.toBeInstanceOf(
      CityExportCancelled,
    );
  });

  it('the export log keeps who, where, why, the file, the row counts and the volunteer ids of the summary', async () => {
    const { db, desk } = await exampleDatabase();
    desk.setOperator('Camille');
    const repositories = createRepositories(db, desk);
    const session = await repositories.exports.start(
      { ...request('excel-fr'), mode: 'named', reason: 'Bilan' },
      {
        inline: true,
      },
    );
    const summary = await session.prepared;
    const blob = await repositories.exports.zip(session, APPLICATION);
    expect(unzipSync(await bytesOf(blob))['manifest.json']).toBeDefined();
    const entry = await repositories.exports.logged(summary, summary.fileName);
    expect(await db.exportLog.get(entry.id)).toMatchObject({
      operator: 'Camille',
      deskId: desk.deskId,
      kind: 'city',
      mode: 'named',
      reason: 'Bilan',
      fileName: summary.fileName,
      rowCounts: summary.rowCounts,
      volunteerIds: [...summary.volunteerIds],
    });
    expect(summary.volunteerIds.length).toBeGreaterThan(0);
  });
});
