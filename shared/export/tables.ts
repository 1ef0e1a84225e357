import { AGE_BAND_EXPORT_CODES, ageBandAt } from '../domain/age';
import { exportAttendance } from '../domain/attendance';
import { durationHundredths, hundredthsFromDecimalHours, sumHundredths, type Hundredths } from '../domain/hours';
import type { Mission, SignUp } from '../domain/model';
import { PARENTAL_AUTHORISATION_EXPORT_CODES, parentalAuthorisationState } from '../domain/parental-authorisation';
import { missionPlace } from '../domain/paris';
import { parisLocalDate, parisLocalMonth, PARIS_TIME_ZONE } from '../domain/paris-time';
import { formatPhone } from '../domain/phone';
import { AUDIENCE_CODES, CANCELLATION_REASON_CODES, MISSION_STATUS_CODES, ROLE_CODES } from './codes';
import {
  compareStrings,
  erasedRef,
  updatedMs,
  type CollectedData,
  type ExportSettings,
  type ShiftFacts,
} from './collect';
import type { ExportMode, ExportTableName } from './columns';
import type { Row } from './csv-writer';

/**
 * The second half of the pipeline: the four tables' rows, as typed values in column order (./columns.ts), from the
 * collected records. Rows stay unformatted so that both profiles and the preview share them.
 */

export type ExportTables = Record<ExportTableName, Row[]>;

export interface BuiltTables {
  readonly tables: ExportTables;
  /** Volunteers (ids after aliases) whose participations the export carries; erased people are not listed. */
  readonly volunteerIds: string[];
  /** Those whose name, e-mail and phone were written (named mode, consent given). */
  readonly namedVolunteerIds: string[];
}

const SUPPRESSION_MAX = 4;

interface ShiftTally {
  registered: number;
  waiting: number;
  present: number;
  absent: number;
  hours: Hundredths[];
  newcomers: number;
  presentRefs: Set<string>;
}

export function buildTables(data: CollectedData, settings: ExportSettings, mode: ExportMode): BuiltTables {
  const tallies = emptyTallies(data);
  const shiftsById = new Map(data.shifts.map((shift) => [shift.id, shift]));
  const volunteerIds = new Set<string>();
  const namedVolunteerIds = new Set<string>();

  const participations: Row[] = data.signUps.map((signUp) => {
    const { shift, mission, events, attendance, shiftDate, person, volunteer, ref, first } = tallyParticipation(
      data,
      settings,
      shiftsById,
      tallies,
      signUp,
    );
    if (volunteer) volunteerIds.add(person);
    const band = volunteer ? ageBandAt(volunteer, shiftDate) : null;
    const parental = volunteer ? parentalAuthorisationState(volunteer, mission, shiftDate) : 'not_required';
    const changed = Math.max(updatedMs(signUp), ...events.map(updatedMs));
    const row: Row = [
      signUp.id,
      shift.id,
      mission.id,
      ref,
      band === null ? null : AGE_BAND_EXPORT_CODES[band],
      PARENTAL_AUTHORISATION_EXPORT_CODES[parental],
      ROLE_CODES[signUp.role],
      attendance.statut_inscription,
      attendance.statut_presence,
      attendance.pointage_arrivee,
      attendance.pointage_depart,
      attendance.duree_effective_h,
      attendance.methode_duree,
      attendance.mode_pointage,
      first,
      changed,
    ];
    if (mode === 'pseudonymous') return row;
    const identity = volunteer && data.citySharing.has(person) ? volunteer.identity : null;
    if (identity) namedVolunteerIds.add(person);
    return [
      ...row,
      identity?.lastName ?? null,
      identity?.firstName ?? null,
      identity?.email ?? null,
      identity?.phone ? formatPhone(identity.phone) : null,
    ];
  });

  const creneaux: Row[] = data.shifts.map((shift) => {
    const tally = tallies.get(shift.id) as ShiftTally;
    return [
      shift.id,
      shift.missionId,
      shift.startMs,
      shift.endMs,
      PARIS_TIME_ZONE,
      durationHundredths(shift.startMs, shift.endMs),
      shift.capacity,
      tally.registered,
      tally.waiting,
      tally.present,
      tally.absent,
      sumHundredths(tally.hours),
      shift.updatedMs,
    ];
  });

  const missionIds = [...new Set(data.shifts.map((shift) => shift.missionId))];
  const missionRows = missionIds
    .map((id) => {
      const mission = data.missions.get(id) as Mission;
      const span = data.spans.get(id);
      if (!span) throw new Error(`Mission ${id} has no shift`);
      return { date: parisLocalDate(span.startMs), id, row: missionRow(mission, settings, span) };
    })
    .sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id))
    .map((entry) => entry.row);

  return {
    tables: {
      missions: missionRows,
      creneaux,
      participations,
      agregats_mensuels: aggregateRows(data, tallies),
    },
    volunteerIds: [...volunteerIds].sort(compareStrings),
    namedVolunteerIds: [...namedVolunteerIds].sort(compareStrings),
  };
}

/**
 * The monthly aggregates before suppression: the figures of `agregats_mensuels.csv` as counted, which the app's own
 * reports show (city-export.md, "Small counts"). The same tallies as the export, without building its rows.
 */
export function buildAggregates(data: CollectedData, settings: ExportSettings): MonthlyAggregate[] {
  const tallies = emptyTallies(data);
  const shiftsById = new Map(data.shifts.map((shift) => [shift.id, shift]));
  for (const signUp of data.signUps) tallyParticipation(data, settings, shiftsById, tallies, signUp);
  return monthlyAggregates(data, tallies);
}

function emptyTallies(data: CollectedData): Map<string, ShiftTally> {
  const tallies = new Map<string, ShiftTally>();
  for (const shift of data.shifts) {
    tallies.set(shift.id, {
      registered: 0,
      waiting: 0,
      present: 0,
      absent: 0,
      hours: [],
      newcomers: 0,
      presentRefs: new Set(),
    });
  }
  return tallies;
}

/** One sign-up's state in the export (the mapping table), counted into its shift's tally. */
function tallyParticipation(
  data: CollectedData,
  settings: ExportSettings,
  shiftsById: ReadonlyMap<string, ShiftFacts>,
  tallies: ReadonlyMap<string, ShiftTally>,
  signUp: SignUp,
) {
  const shift = shiftsById.get(signUp.shiftId);
  const mission = shift && data.missions.get(shift.missionId);
  if (!shift || !mission) throw new Error(`Sign-up ${signUp.id} lost its shift or mission`);
  const tally = tallies.get(shift.id) as ShiftTally;
  const events = data.events.get(signUp.id) ?? [];
  const attendance = exportAttendance(signUp, events, shift, settings);
  const shiftDate = parisLocalDate(shift.startMs);
  const person = data.resolve(signUp.volunteerId);
  const replacementRef = erasedRef(data.erased, data.resolve, signUp.volunteerId);
  const volunteer = replacementRef === null ? data.volunteers.get(person) : undefined;
  const ref = replacementRef ?? (volunteer?.ref as string);
  const present = attendance.statut_presence === 'present';
  const first = present && data.firstPresence.get(person) === signUp.id;

  if (attendance.statut_inscription === 'inscrit') tally.registered++;
  if (attendance.statut_inscription === 'liste_attente') tally.waiting++;
  if (attendance.statut_presence === 'absent') tally.absent++;
  if (present) {
    tally.present++;
    tally.presentRefs.add(ref);
    if (attendance.duree_effective_h !== null) tally.hours.push(attendance.duree_effective_h);
    if (first) tally.newcomers++;
  }
  return { shift, mission, events, attendance, shiftDate, person, volunteer, ref, first };
}

function missionRow(mission: Mission, settings: ExportSettings, span: { startMs: number; endMs: number }): Row {
  const place = missionPlace(mission);
  return [
    mission.id,
    mission.title,
    mission.category,
    settings.associationName,
    settings.rna,
    settings.siret,
    mission.partner,
    mission.placeName,
    // No person's address ever leaves the association: home visits keep their address to themselves (Privacy).
    mission.atPrivateHomes ? null : mission.address,
    mission.postcode,
    place.arrondissementInsee,
    place.sector,
    parisLocalDate(span.startMs),
    parisLocalDate(span.endMs),
    AUDIENCE_CODES[mission.audience],
    mission.minimumAge,
    mission.stepFreeAccess,
    MISSION_STATUS_CODES[mission.status],
    mission.cancellationReason === null ? null : CANCELLATION_REASON_CODES[mission.cancellationReason],
    ...impactCells(mission.impact),
    updatedMs(mission),
  ];
}

type Impact = Mission['impact'];

/** Impact figures as cells: kilograms and square metres are `dec` (hundredths), the counts `int`. */
function impactCells(
  impact: Impact,
): [Hundredths | null, Hundredths | null, number | null, number | null, number | null] {
  return [
    impact.kgWaste === null ? null : hundredthsFromDecimalHours(impact.kgWaste),
    impact.m2Greened === null ? null : hundredthsFromDecimalHours(impact.m2Greened),
    impact.peopleReached === null ? null : Math.round(impact.peopleReached),
    impact.objectsRepaired === null ? null : Math.round(impact.objectsRepaired),
    impact.peopleContacted === null ? null : Math.round(impact.peopleContacted),
  ];
}

/** One cell of `agregats_mensuels.csv` as counted, before the small-count suppression. */
export interface MonthlyAggregate {
  /** `yyyy-MM`, the month of the shifts' local start. */
  readonly periode: string;
  readonly insee: string | null;
  readonly category: Mission['category'];
  /** Missions with `statut = realisee` having a shift in the cell. */
  readonly doneMissions: Set<string>;
  shifts: number;
  /** Participations `inscrit`. */
  registered: number;
  present: number;
  /** Participations `absent` (no-shows); not a column of the file, but counted by the same tallies. */
  absent: number;
  /** The `benevole_ref` of those present. */
  readonly presentRefs: Set<string>;
  newcomers: number;
  /** Sum of the shifts' `heures_benevoles`, in hundredths. */
  hours: Hundredths;
  /** Sums of the impact cells (kg, m² in hundredths; then three counts); null while nothing was recorded. */
  readonly impact: (number | null)[];
}

/**
 * `agregats_mensuels.csv`: one row per (month of the shift's local start, arrondissement, category) holding a
 * selected shift, its `*` counts suppressed when 1 to 4 (city-export.md, "Small counts").
 */
function aggregateRows(data: CollectedData, tallies: ReadonlyMap<string, ShiftTally>): Row[] {
  return monthlyAggregates(data, tallies).map((cell) => {
    const counts = [cell.registered, cell.present, cell.presentRefs.size, cell.newcomers];
    const suppressed = counts.map((count) => (count >= 1 && count <= SUPPRESSION_MAX ? null : count));
    return [
      cell.periode,
      cell.insee,
      cell.category,
      cell.doneMissions.size,
      cell.shifts,
      ...suppressed,
      cell.hours,
      ...cell.impact,
      suppressed.includes(null),
    ];
  });
}

/**
 * The cells, in the file's order. A mission's impact is added once, in the cell of its first shift ever, and only
 * when that shift is part of this export, so consecutive monthly exports never count it twice.
 */
function monthlyAggregates(data: CollectedData, tallies: ReadonlyMap<string, ShiftTally>): MonthlyAggregate[] {
  const cells = new Map<string, MonthlyAggregate>();
  for (const shift of data.shifts) {
    const mission = data.missions.get(shift.missionId) as Mission;
    const insee = missionPlace(mission).arrondissementInsee;
    const periode = parisLocalMonth(shift.startMs);
    const key = `${periode}\u0000${insee ?? ''}\u0000${mission.category}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        periode,
        insee,
        category: mission.category,
        doneMissions: new Set(),
        shifts: 0,
        registered: 0,
        present: 0,
        absent: 0,
        presentRefs: new Set(),
        newcomers: 0,
        hours: 0,
        impact: [null, null, null, null, null],
      };
      cells.set(key, cell);
    }
    const tally = tallies.get(shift.id) as ShiftTally;
    cell.shifts++;
    cell.registered += tally.registered;
    cell.present += tally.present;
    cell.absent += tally.absent;
    cell.newcomers += tally.newcomers;
    for (const ref of tally.presentRefs) cell.presentRefs.add(ref);
    // Integers (hundredths): adding per shift is the same exact sum as summing the shifts' values at the end.
    cell.hours += sumHundredths(tally.hours);
    if (mission.status === 'done') {
      cell.doneMissions.add(mission.id);
      if (data.spans.get(mission.id)?.firstShiftId === shift.id) {
        impactCells(mission.impact).forEach((value, index) => {
          if (value !== null) cell.impact[index] = (cell.impact[index] ?? 0) + value;
        });
      }
    }
  }
  return [...cells.values()].sort(
    (a, b) =>
      compareStrings(a.periode, b.periode) ||
      compareStrings(a.insee ?? '', b.insee ?? '') ||
      compareStrings(a.category, b.category),
  );
}
