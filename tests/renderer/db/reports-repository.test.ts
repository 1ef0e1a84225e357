import { describe, expect, it } from 'vitest';
import { createDexieRecordSink, createDexieRecordSource } from '../../../renderer/db/dexie-store';
import { createRepositories } from '../../../renderer/db/repositories-context';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { prepareCityExport } from '../../../shared/export';
import { buildReport, presetPeriod } from '../../../shared/reports';
import { seedInto } from '../../../shared/seed';
import { createTestDatabase } from './test-database';

const SETTINGS = {
  associationName: '',
  rna: null,
  siret: null,
  cancellationCutoffHours: DEFAULT_SETTINGS.cancellationCutoffHours,
};

describe('reports repository', { timeout: 120_000 }, () => {
  it('gives the export’s unsuppressed figures over the Dexie store, with the desk’s cancellation cut-off', async () => {
    const { db, desk } = await createTestDatabase();
    const repositories = createRepositories(db, desk);
    await repositories.settings.save({ ...DEFAULT_SETTINGS, associationName: 'Les Amis du Bassin' });
    await seedInto(createDexieRecordSink(db), { volunteers: 120, now: '2026-11-28T09:00:00Z', seed: 'repo' });
    const period = presetPeriod('last12Months', '2026-11-28');
    const progress: number[] = [];

    const report = await repositories.reports.report({
      ...period,
      inline: true,
      onProgress: (p) => progress.push(p.done),
    });
    const prepared = await prepareCityExport(createDexieRecordSource(db), {
      ...period,
      profile: 'open-data',
      mode: 'pseudonymous',
      settings: { ...DEFAULT_SETTINGS, associationName: 'Les Amis du Bassin' },
    });

    expect(report.totals.presences).toBeGreaterThan(0);
    expect(report.cells).toHaveLength(prepared.rowCounts.agregats_mensuels);
    // Hours are never suppressed: the two sums must agree cell by cell.
    expect(report.cells.map((cell) => cell.hours)).toEqual(prepared.tables.agregats_mensuels.map((row) => row[9]));
    expect(report.byMonth).toHaveLength(12);
    expect(progress.length).toBeGreaterThan(0);
    db.close();
  });

  it('keeps a period’s report until the store changes, then computes it again', async () => {
    const { db, desk } = await createTestDatabase();
    const repositories = createRepositories(db, desk);
    await seedInto(createDexieRecordSink(db), { volunteers: 40, now: '2026-11-28T09:00:00Z', seed: 'cache' });
    const period = presetPeriod('last12Months', '2026-11-28');
    const first = await repositories.reports.report({ ...period, inline: true });
    expect(await repositories.reports.report({ ...period, inline: true })).toBe(first);

    // One sign-up deleted: the next report is computed again, from the store as it now is.
    const signUp = (await db.signUps.toArray()).find((row) => !row.deleted && row.status === 'signed_up');
    if (!signUp) throw new Error('no sign-up');
    await db.signUps.put({ ...signUp, deleted: true });
    const second = await repositories.reports.report({ ...period, inline: true });
    expect(second).not.toBe(first);
    expect(second).toEqual(await buildReport(createDexieRecordSource(db), { ...period, settings: SETTINGS }));
    db.close();
  });
});
