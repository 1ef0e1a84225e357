import { exportAttendance } from '../domain/attendance';
import type { LocalDate } from '../domain/local-date';
import type { CheckinEvent, Mission, Settings, Shift, SignUp, Volunteer } from '../domain/model';
import { parisLocalDate, toEpochMs } from '../domain/paris-time';
import { decodeHlc } from '../records/hlc';
import { lastChange, type MergeableBase } from '../records/record';
import type { ProgressListener, RecordSource } from '../storage/ports';
import type { SharedTableName } from '../domain/tables';

/**
 * The first half of the export pipeline: read what the export needs from a `RecordSource`, table by table, keeping
 * full records only for the selected shifts (a period, or one shift or mission) and a few numbers per record for the
 * rest. Nothing here formats anything; ./tables.ts turns this into rows.
 *
 * What has to look beyond the selection, and is therefore indexed over every record:
 * - a mission's `date_debut`/`date_fin` and its first shift ever (its impact is counted once, in that shift's cell);
 * - `premiere_participation`: the volunteer's first participation ever marked present, over all time.
 */

/** Which shifts an export covers. */
export type ShiftSelection =
  | { readonly kind: 'period'; readonly from: LocalDate; readonly to: LocalDate }
  | { readonly kind: 'shift'; readonly shiftId: string }
  | { readonly kind: 'mission'; readonly missionId: string };

export type ExportSettings = Pick<Settings, 'associationName' | 'rna' | 'siret' | 'cancellationCutoffHours'>;

export interface ShiftFacts {
  readonly id: string;
  readonly missionId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly start: string;
  readonly end: string;
  readonly capacity: number;
  readonly updatedMs: number;
}

export interface MissionSpan {
  /** Earliest start and latest end over all the mission's shifts, not only the selected ones. */
  startMs: number;
  endMs: number;
  /** The mission's first shift ever (earliest start, then smallest id). */
  firstShiftId: string;
}

export interface VolunteerFacts {
  readonly ref: string;
  readonly birthDate: Volunteer['birthDate'];
  readonly ageBand: Volunteer['ageBand'];
  readonly parentalAuthorisation: Volunteer['parentalAuthorisation'];
  /** Named mode only. */
  readonly identity: Pick<Volunteer, 'lastName' | 'firstName' | 'email' | 'phone'> | null;
}

export interface ExportWarning {
  readonly code: 'unknown_volunteer';
  readonly recordId: string;
}

export interface CollectedData {
  readonly missions: ReadonlyMap<string, Mission>;
  readonly spans: ReadonlyMap<string, MissionSpan>;
  /** The selected shifts, in export order (`debut`, then id). */
  readonly shifts: readonly ShiftFacts[];
  /** The selected sign-ups, in export order (the shift's `debut`, then its id, then the sign-up's id). */
  readonly signUps: readonly SignUp[];
  /** Check-in events of the selected sign-ups, undone ones included (they count for `date_maj`). */
  readonly events: ReadonlyMap<string, readonly CheckinEvent[]>;
  /** Person (volunteer id after aliases) → the sign-up id of their first participation ever marked present. */
  readonly firstPresence: ReadonlyMap<string, string>;
  readonly volunteers: ReadonlyMap<string, VolunteerFacts>;
  /** Person → their current city_sharing consent is given (named mode only). */
  readonly citySharing: ReadonlySet<string>;
  /** Erased volunteer id → the replacement reference given at erasure. */
  readonly erased: ReadonlyMap<string, string>;
  readonly resolve: (volunteerId: string) => string;
  readonly warnings: readonly ExportWarning[];
}

export interface CollectOptions {
  readonly selection: ShiftSelection;
  readonly settings: ExportSettings;
  readonly named: boolean;
  readonly onProgress?: ProgressListener;
}

/** A record's last change as epoch milliseconds: the wall time of its latest field clock (HLC), else its creation. */
/**
 * The tables collectExportData reads, in the order it reads them, so a sequential source (a snapshot file read in one
 * pass) can follow it; consents only matter in named mode.
 */
export function exportReadTables(named: boolean): SharedTableName[] {
  return [
    'volunteers',
    ...(named ? (['consents'] as const) : []),
    'missions',
    'shifts',
    'signUps',
    'checkinEvents',
    'aliases',
    'erasures',
  ];
}

export function updatedMs(record: MergeableBase): number {
  const clock = lastChange(record);
  return clock === '' ? toEpochMs(record.createdAt) : decodeHlc(clock).wallMs;
}

export async function collectExportData(source: RecordSource, options: CollectOptions): Promise<CollectedData> {
  const { selection, settings } = options;
  let done = 0;
  const progress = (table: Parameters<ProgressListener>[0]['table']) =>
    options.onProgress?.({ table, done, total: null });

  // Tables are read in a snapshot's own order (volunteers … erasures), so that a source reading a file front to back
  // (the command line's) serves the whole export in one pass. Hence the volunteers first, all of them, in short.
  const volunteers = new Map<string, VolunteerFacts>();
  for await (const volunteer of source.records('volunteers')) {
    done++;
    volunteers.set(volunteer.id, {
      ref: volunteer.ref,
      birthDate: volunteer.birthDate,
      ageBand: volunteer.ageBand,
      parentalAuthorisation: volunteer.parentalAuthorisation,
      identity: options.named
        ? {
            lastName: volunteer.lastName,
            firstName: volunteer.firstName,
            email: volunteer.email,
            phone: volunteer.phone,
          }
        : null,
    });
  }
  progress('volunteers');

  // The current consent is the city_sharing consent record with the latest clock (city-export.md, "Privacy").
  const latestConsent = new Map<string, { clock: string; given: boolean }>();
  if (options.named) {
    for await (const consent of source.records('consents')) {
      done++;
      if (consent.deleted || consent.purpose !== 'city_sharing') continue;
      const clock = lastChange(consent);
      const current = latestConsent.get(consent.volunteerId);
      if (!current || clock > current.clock) latestConsent.set(consent.volunteerId, { clock, given: consent.given });
    }
    progress('consents');
  }

  const missions = new Map<string, Mission>();
  for await (const mission of source.records('missions')) {
    if (!mission.deleted) missions.set(mission.id, mission);
    done++;
  }
  progress('missions');

  const allShifts = new Map<string, ShiftFacts>();
  const spans = new Map<string, MissionSpan>();
  const selected: ShiftFacts[] = [];
  for await (const shift of source.records('shifts')) {
    done++;
    if (shift.deleted || !missions.has(shift.missionId)) continue;
    const facts = shiftFacts(shift);
    allShifts.set(shift.id, facts);
    const span = spans.get(shift.missionId);
    if (!span) spans.set(shift.missionId, { startMs: facts.startMs, endMs: facts.endMs, firstShiftId: shift.id });
    else {
      if (facts.startMs < span.startMs || (facts.startMs === span.startMs && shift.id < span.firstShiftId)) {
        span.startMs = facts.startMs;
        span.firstShiftId = shift.id;
      }
      span.endMs = Math.max(span.endMs, facts.endMs);
    }
    if (isSelected(facts, selection)) selected.push(facts);
  }
  selected.sort(compareShifts);
  const selectedIds = new Set(selected.map((shift) => shift.id));
  progress('shifts');

  // "Marked present" is decided by the mapping table itself (exportAttendance). A sign-up that is present only if a
  // live check-in exists (e.g. a walk-in the desk has not marked) waits for the events, which come later.
  const firstByVolunteer = new Map<string, ParticipationKey>();
  const present = (volunteerId: string, key: ParticipationKey) => {
    const best = firstByVolunteer.get(volunteerId);
    if (!best || compareParticipationKeys(key, best) < 0) firstByVolunteer.set(volunteerId, key);
  };
  const presentIfCheckedIn = new Map<string, { volunteerId: string; key: ParticipationKey }>();
  const signUps: SignUp[] = [];
  for await (const signUp of source.records('signUps')) {
    done++;
    if (signUp.deleted) continue;
    const shift = allShifts.get(signUp.shiftId);
    if (!shift) continue;
    const key = { startMs: shift.startMs, shiftId: shift.id, signUpId: signUp.id };
    if (exportAttendance(signUp, [], shift, settings).statut_presence === 'present') present(signUp.volunteerId, key);
    else {
      const probe = [{ signUpId: signUp.id, kind: 'check_in', at: shift.start, deleted: false }] as const;
      if (exportAttendance(signUp, probe, shift, settings).statut_presence === 'present') {
        presentIfCheckedIn.set(signUp.id, { volunteerId: signUp.volunteerId, key });
      }
    }
    if (selectedIds.has(signUp.shiftId)) signUps.push(signUp);
  }
  progress('signUps');

  const events = new Map<string, CheckinEvent[]>();
  for await (const event of source.records('checkinEvents')) {
    done++;
    if (!event.deleted && event.kind === 'check_in') {
      const waiting = presentIfCheckedIn.get(event.signUpId);
      if (waiting) {
        present(waiting.volunteerId, waiting.key);
        presentIfCheckedIn.delete(event.signUpId);
      }
    }
    if (selectedIds.has(event.shiftId)) {
      const list = events.get(event.signUpId);
      if (list) list.push(event);
      else events.set(event.signUpId, [event]);
    }
  }
  presentIfCheckedIn.clear();
  progress('checkinEvents');

  // Aliases: two records found to be one person; the newer id points at the kept one (model.ts).
  const aliasTo = new Map<string, string>();
  for await (const alias of source.records('aliases')) {
    if (!alias.deleted) aliasTo.set(alias.fromVolunteerId, alias.toVolunteerId);
    done++;
  }
  const resolve = (volunteerId: string): string => {
    let id = volunteerId;
    // Bounded: a cycle in merged data must not hang the export.
    for (let hops = 0; hops < 16; hops++) {
      const next = aliasTo.get(id);
      if (next === undefined || next === id) break;
      id = next;
    }
    return id;
  };
  progress('aliases');

  const erased = new Map<string, string>();
  for await (const erasure of source.records('erasures')) {
    erased.set(erasure.volunteerId, erasure.replacementRef);
    done++;
  }
  progress('erasures');

  // One person may have sign-ups under several ids (aliases): their first presence is the earliest of all.
  const firstPresence = new Map<string, ParticipationKey>();
  for (const [volunteerId, key] of firstByVolunteer) {
    const person = resolve(volunteerId);
    const best = firstPresence.get(person);
    if (!best || compareParticipationKeys(key, best) < 0) firstPresence.set(person, key);
  }
  const citySharing = new Set<string>();
  const personConsent = new Map<string, { clock: string; given: boolean }>();
  for (const [volunteerId, consent] of latestConsent) {
    const person = resolve(volunteerId);
    const current = personConsent.get(person);
    if (!current || consent.clock > current.clock) personConsent.set(person, consent);
  }
  for (const [person, consent] of personConsent) if (consent.given) citySharing.add(person);

  const warnings: ExportWarning[] = [];
  const kept = signUps.filter((signUp) => {
    const known = isErased(erased, resolve, signUp.volunteerId) || volunteers.has(resolve(signUp.volunteerId));
    if (!known) warnings.push({ code: 'unknown_volunteer', recordId: signUp.id });
    return known;
  });
  const shiftOrder = new Map(selected.map((shift, index) => [shift.id, index]));
  kept.sort(
    (a, b) =>
      (shiftOrder.get(a.shiftId) as number) - (shiftOrder.get(b.shiftId) as number) || compareStrings(a.id, b.id),
  );
  // Keep only the volunteers the rows need.
  const needed = new Set(kept.map((signUp) => resolve(signUp.volunteerId)));
  for (const id of [...volunteers.keys()]) if (!needed.has(id)) volunteers.delete(id);

  return {
    missions,
    spans,
    shifts: selected,
    signUps: kept,
    events,
    firstPresence: new Map([...firstPresence].map(([person, first]) => [person, first.signUpId])),
    volunteers,
    citySharing,
    erased,
    resolve,
    warnings,
  };
}

interface ParticipationKey {
  readonly startMs: number;
  readonly shiftId: string;
  readonly signUpId: string;
}

/** An erased volunteer, under the id the sign-up carries or the one it resolves to. */
export function erasedRef(
  erased: ReadonlyMap<string, string>,
  resolve: (id: string) => string,
  volunteerId: string,
): string | null {
  return erased.get(volunteerId) ?? erased.get(resolve(volunteerId)) ?? null;
}

function isErased(erased: ReadonlyMap<string, string>, resolve: (id: string) => string, volunteerId: string) {
  return erasedRef(erased, resolve, volunteerId) !== null;
}

function shiftFacts(shift: Shift): ShiftFacts {
  return {
    id: shift.id,
    missionId: shift.missionId,
    startMs: toEpochMs(shift.start),
    endMs: toEpochMs(shift.end),
    start: shift.start,
    end: shift.end,
    capacity: shift.capacity,
    updatedMs: updatedMs(shift),
  };
}

/** A shift is in a period when its local (Europe/Paris) start date is (city-export.md, `creneaux.csv`). */
function isSelected(shift: ShiftFacts, selection: ShiftSelection): boolean {
  switch (selection.kind) {
    case 'period': {
      const date = parisLocalDate(shift.startMs);
      return date >= selection.from && date <= selection.to;
    }
    case 'shift':
      return shift.id === selection.shiftId;
    case 'mission':
      return shift.missionId === selection.missionId;
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `creneaux.csv` order: `debut` (the instant), then `creneau_id`. */
export function compareShifts(a: ShiftFacts, b: ShiftFacts): number {
  return a.startMs - b.startMs || compareStrings(a.id, b.id);
}

function compareParticipationKeys(a: ParticipationKey, b: ParticipationKey): number {
  return a.startMs - b.startMs || compareStrings(a.shiftId, b.shiftId) || compareStrings(a.signUpId, b.signUpId);
}
