import type { LocalDate } from '../domain/local-date';
import type { Hundredths } from '../domain/hours';
import type { Mission } from '../domain/model';
import { collectExportData, compareStrings, type ExportSettings } from '../export/collect';
import { buildAggregates, type MonthlyAggregate } from '../export/tables';
import type { ProgressListener, RecordSource } from '../storage/ports';

/**
 * The Reports screen's figures (product.md, "Reports"). They come from the city export's own pipeline — the same
 * reading of the store, the same mapping of each sign-up, the same monthly cells — before the small-count
 * suppression, which protects the file the city may publish, not the association's own view (city-export.md,
 * "Small counts"). Everything here is plain data, so it crosses a Worker's postMessage as it is.
 */

export interface ReportFigures {
  /** Volunteer hours, in hundredths (the export's `heures_benevoles`). */
  readonly hours: Hundredths;
  /** Participations `inscrit` (`nb_participations`). */
  readonly participations: number;
  /** Participations `present` (`nb_presences`). */
  readonly presences: number;
  /** Participations `absent`: no-shows (`excuse` counts in neither). */
  readonly absences: number;
  /** Distinct `benevole_ref` among those present, over the whole group (not a sum of the cells). */
  readonly distinctVolunteers: number;
  /** Participations that were the person's first presence ever (`nb_nouveaux_benevoles`). */
  readonly newVolunteers: number;
  readonly shifts: number;
  /** Distinct done missions having a shift in the group. */
  readonly doneMissions: number;
  /** absences / (presences + absences): the share of no-shows among the participations marked; null when none. */
  readonly noShowRate: number | null;
}

export interface ReportRow extends ReportFigures {
  /** `yyyy-MM`, a category code, or an INSEE code ('' when the place is unknown or online). */
  readonly key: string;
}

/** Impact figures (city-export.md: counted once, in the cell of a done mission's first shift). */
export interface ReportImpact {
  /** Hundredths of a kilogram. */
  readonly kgWaste: Hundredths | null;
  /** Hundredths of a square metre. */
  readonly m2Greened: Hundredths | null;
  readonly peopleReached: number | null;
  readonly objectsRepaired: number | null;
  readonly peopleContacted: number | null;
}

/** One cell of the export's monthly aggregates, unsuppressed (what the consistency test compares). */
export interface ReportCell {
  readonly periode: string;
  readonly insee: string | null;
  readonly category: Mission['category'];
  readonly doneMissions: number;
  readonly shifts: number;
  readonly participations: number;
  readonly presences: number;
  readonly absences: number;
  readonly distinctVolunteers: number;
  readonly newVolunteers: number;
  readonly hours: Hundredths;
  readonly impact: ReportImpact;
}

export interface Report {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly totals: ReportFigures;
  /** Every month of the period, in order, empty months included (a chart must show the gap). */
  readonly byMonth: readonly ReportRow[];
  /** Categories with at least one shift, by hours (most first), then code. */
  readonly byCategory: readonly ReportRow[];
  /** Places with at least one shift, by INSEE code; '' (unknown or online) last. */
  readonly byArrondissement: readonly ReportRow[];
  readonly impact: ReportImpact;
  readonly cells: readonly ReportCell[];
}

export interface ReportOptions {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly settings: ExportSettings;
  readonly onProgress?: ProgressListener;
}

export async function buildReport(source: RecordSource, options: ReportOptions): Promise<Report> {
  const data = await collectExportData(source, {
    selection: { kind: 'period', from: options.from, to: options.to },
    settings: options.settings,
    named: false,
    onProgress: options.onProgress,
  });
  return reportFromAggregates(buildAggregates(data, options.settings), options.from, options.to);
}

/** The report's groupings of the unsuppressed monthly cells. */
export function reportFromAggregates(aggregates: readonly MonthlyAggregate[], from: LocalDate, to: LocalDate): Report {
  const groups = (keyOf: (cell: MonthlyAggregate) => string) => {
    const map = new Map<string, MonthlyAggregate[]>();
    for (const cell of aggregates) {
      const key = keyOf(cell);
      const list = map.get(key);
      if (list) list.push(cell);
      else map.set(key, [cell]);
    }
    return map;
  };
  const rows = (map: Map<string, MonthlyAggregate[]>, keys: Iterable<string>): ReportRow[] =>
    [...keys].map((key) => ({ key, ...figuresOf(map.get(key) ?? []) }));

  const months = groups((cell) => cell.periode);
  const categories = groups((cell) => cell.category);
  const places = groups((cell) => cell.insee ?? '');

  return {
    from,
    to,
    totals: figuresOf(aggregates),
    byMonth: rows(months, monthsOfPeriod(from, to)),
    byCategory: rows(categories, categories.keys()).sort((a, b) => b.hours - a.hours || compareStrings(a.key, b.key)),
    byArrondissement: rows(places, places.keys()).sort(
      (a, b) => Number(a.key === '') - Number(b.key === '') || compareStrings(a.key, b.key),
    ),
    impact: impactOf(aggregates),
    cells: aggregates.map((cell) => ({
      periode: cell.periode,
      insee: cell.insee,
      category: cell.category,
      doneMissions: cell.doneMissions.size,
      shifts: cell.shifts,
      participations: cell.registered,
      presences: cell.present,
      absences: cell.absent,
      distinctVolunteers: cell.presentRefs.size,
      newVolunteers: cell.newcomers,
      hours: cell.hours,
      impact: impactOf([cell]),
    })),
  };
}

function figuresOf(cells: readonly MonthlyAggregate[]): ReportFigures {
  let hours = 0;
  let participations = 0;
  let presences = 0;
  let absences = 0;
  let newVolunteers = 0;
  let shifts = 0;
  const refs = new Set<string>();
  const missions = new Set<string>();
  for (const cell of cells) {
    hours += cell.hours;
    participations += cell.registered;
    presences += cell.present;
    absences += cell.absent;
    newVolunteers += cell.newcomers;
    shifts += cell.shifts;
    for (const ref of cell.presentRefs) refs.add(ref);
    for (const mission of cell.doneMissions) missions.add(mission);
  }
  const marked = presences + absences;
  return {
    hours,
    participations,
    presences,
    absences,
    distinctVolunteers: refs.size,
    newVolunteers,
    shifts,
    doneMissions: missions.size,
    noShowRate: marked === 0 ? null : absences / marked,
  };
}

function impactOf(cells: readonly MonthlyAggregate[]): ReportImpact {
  const sums: (number | null)[] = [null, null, null, null, null];
  for (const cell of cells) {
    cell.impact.forEach((value, index) => {
      if (value !== null) sums[index] = (sums[index] ?? 0) + value;
    });
  }
  const [kgWaste = null, m2Greened = null, peopleReached = null, objectsRepaired = null, peopleContacted = null] = sums;
  return { kgWaste, m2Greened, peopleReached, objectsRepaired, peopleContacted };
}

/** `yyyy-MM` of every month from the period's first day to its last, both included. */
export function monthsOfPeriod(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1_200; guard++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The periods the screen offers; the default is the last twelve months (this month included, up to today). */
export type ReportPeriodPreset = 'last12Months' | 'currentYear' | 'previousYear';

export function presetPeriod(preset: ReportPeriodPreset, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'last12Months': {
      // Eleven months back plus this one: twelve bars, the current month's still filling up.
      const startMonth = month === 12 ? 1 : month + 1;
      const startYear = month === 12 ? year : year - 1;
      return { from: `${startYear}-${String(startMonth).padStart(2, '0')}-01`, to: today };
    }
    case 'currentYear':
      // Year to date: what has been done so far this year.
      return { from: `${year}-01-01`, to: today };
    case 'previousYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}
