import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import {
  columnsOf,
  prepareCityExport,
  type ExportSettings,
  type ExportTableName,
  type PreparedCityExport,
} from '../../../shared/export';
import { buildReport, monthsOfPeriod, presetPeriod, type Report } from '../../../shared/reports';
import { seedInto } from '../../../shared/seed';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';

const NOW = '2026-11-28T09:00:00Z';
const SETTINGS: ExportSettings = {
  associationName: 'Les Amis du Bassin',
  rna: null,
  siret: null,
  cancellationCutoffHours: DEFAULT_SETTINGS.cancellationCutoffHours,
};

async function seeded(volunteers: number, seed: string): Promise<MemoryStore> {
  const store = createMemoryStore();
  await seedInto(store, { volunteers, now: NOW, seed });
  return store;
}

/** A table's rows as objects keyed by column name, with the typed values the export writes. */
function rowsOf(prepared: PreparedCityExport, table: ExportTableName): Record<string, unknown>[] {
  const names = columnsOf(table, prepared.mode).map((column) => column.name);
  return prepared.tables[table].map((row) => Object.fromEntries(names.map((name, index) => [name, row[index]])));
}

const STARRED = [
  ['nb_participations', 'participations'],
  ['nb_presences', 'presences'],
  ['nb_benevoles_distincts', 'distinctVolunteers'],
  ['nb_nouveaux_benevoles', 'newVolunteers'],
] as const;

/**
 * The report's cells equal the export's `agregats_mensuels.csv` wherever no suppression applied (and the suppressed
 * cells hide a count of 1 to 4); the report's totals equal what the export's roster and shifts add up to.
 * Returns how many rows were compared unsuppressed, so a test can insist that the comparison had substance.
 */
function expectReportMatchesExport(report: Report, prepared: PreparedCityExport): number {
  const aggregates = rowsOf(prepared, 'agregats_mensuels');
  expect(report.cells).toHaveLength(aggregates.length);
  let unsuppressed = 0;
  aggregates.forEach((row, index) => {
    const cell = report.cells[index];
    if (!cell) throw new Error('missing cell');
    expect([cell.periode, cell.insee, cell.category]).toEqual([
      row.periode,
      row.arrondissement_insee,
      row.categorie_code,
    ]);
    expect(cell.doneMissions).toBe(row.nb_missions_realisees);
    expect(cell.shifts).toBe(row.nb_creneaux);
    expect(cell.hours).toBe(row.heures_benevoles);
    expect(cell.impact).toEqual({
      kgWaste: row.kg_dechets,
      m2Greened: row.m2_vegetalises,
      peopleReached: row.nb_personnes_sensibilisees,
      objectsRepaired: row.nb_objets_repares,
      peopleContacted: row.nb_personnes_contactees,
    });
    for (const [column, field] of STARRED) {
      if (row[column] === null) {
        expect(row.secret_applique).toBe(true);
        expect(cell[field]).toBeGreaterThanOrEqual(1);
        expect(cell[field]).toBeLessThanOrEqual(4);
      } else expect(cell[field], column).toBe(row[column]);
    }
    if (row.secret_applique === false) unsuppressed++;
  });

  const roster = rowsOf(prepared, 'participations');
  const present = roster.filter((row) => row.statut_presence === 'present');
  const shifts = rowsOf(prepared, 'creneaux');
  expect(report.totals.presences).toBe(present.length);
  expect(report.totals.absences).toBe(roster.filter((row) => row.statut_presence === 'absent').length);
  expect(report.totals.participations).toBe(roster.filter((row) => row.statut_inscription === 'inscrit').length);
  expect(report.totals.distinctVolunteers).toBe(new Set(present.map((row) => row.benevole_ref)).size);
  expect(report.totals.newVolunteers).toBe(present.filter((row) => row.premiere_participation === true).length);
  expect(report.totals.shifts).toBe(shifts.length);
  expect(report.totals.hours).toBe(shifts.reduce((sum, row) => sum + (row.heures_benevoles as number), 0));
  // Groupings add up to the totals (distinct volunteers excepted: one person counts in several months).
  for (const rows of [report.byMonth, report.byCategory, report.byArrondissement]) {
    expect(rows.reduce((sum, row) => sum + row.hours, 0)).toBe(report.totals.hours);
    expect(rows.reduce((sum, row) => sum + row.presences, 0)).toBe(report.totals.presences);
    expect(rows.reduce((sum, row) => sum + row.newVolunteers, 0)).toBe(report.totals.newVolunteers);
  }
  return unsuppressed;
}

describe('reports from the export aggregation', { timeout: 240_000 }, () => {
  it('equal the city export’s monthly aggregates over a seeded store, wherever no suppression applied', async () => {
    const store = await seeded(400, 'reports');
    const period = presetPeriod('last12Months', '2026-11-28');
    const report = await buildReport(store, { ...period, settings: SETTINGS });
    const prepared = await prepareCityExport(store, {
      ...period,
      profile: 'open-data',
      mode: 'pseudonymous',
      settings: SETTINGS,
    });
    const unsuppressed = expectReportMatchesExport(report, prepared);
    expect(unsuppressed).toBeGreaterThan(0);
    expect(report.totals.presences).toBeGreaterThan(0);
    expect(report.totals.absences).toBeGreaterThan(0);
    expect(report.byMonth.map((row) => row.key)).toEqual(monthsOfPeriod(period.from, period.to));
    expect(report.totals.noShowRate).toBeCloseTo(
      report.totals.absences / (report.totals.absences + report.totals.presences),
      12,
    );
  });

  it('equal them for any seed and any period (property)', async () => {
    const stores = new Map<string, MemoryStore>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('alpha', 'beta', 'gamma'),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        async (seed, startOffset, length) => {
          let store = stores.get(seed);
          if (!store) {
            store = await seeded(60, seed);
            stores.set(seed, store);
          }
          const from = offsetDate('2025-09-01', startOffset);
          const to = offsetDate(from, length);
          const report = await buildReport(store, { from, to, settings: SETTINGS });
          const prepared = await prepareCityExport(store, {
            from,
            to,
            profile: 'excel-fr',
            mode: 'pseudonymous',
            settings: SETTINGS,
          });
          expectReportMatchesExport(report, prepared);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('shows an empty period as zeros, one row per month, and no rate', async () => {
    const report = await buildReport(createMemoryStore(), { from: '2026-01-15', to: '2026-03-02', settings: SETTINGS });
    expect(report.byMonth.map((row) => [row.key, row.hours, row.presences])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 0, 0],
      ['2026-03', 0, 0],
    ]);
    expect(report.totals.noShowRate).toBeNull();
    expect(report.byCategory).toEqual([]);
    expect(report.impact).toEqual({
      kgWaste: null,
      m2Greened: null,
      peopleReached: null,
      objectsRepaired: null,
      peopleContacted: null,
    });
  });
});

describe('report periods', () => {
  it('offer the last twelve months by default, this year to date and last year', () => {
    expect(presetPeriod('last12Months', '2026-11-28')).toEqual({ from: '2025-12-01', to: '2026-11-28' });
    expect(presetPeriod('last12Months', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03' });
    expect(presetPeriod('currentYear', '2026-11-28')).toEqual({ from: '2026-01-01', to: '2026-11-28' });
    expect(presetPeriod('previousYear', '2026-01-02')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('list every month of a period across a new year', () => {
    expect(monthsOfPeriod('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfPeriod('2026-05-01', '2026-05-31')).toEqual(['2026-05']);
  });

  it('last twelve months always span twelve months (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_650 }), (days) => {
        const today = offsetDate('2020-01-01', days);
        const { from, to } = presetPeriod('last12Months', today);
        expect(to).toBe(today);
        expect(monthsOfPeriod(from, to)).toHaveLength(12);
      }),
    );
  });
});

function offsetDate(date: string, days: number): string {
  const ms = Date.parse(`${date}T12:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
