import { isLateCancellation } from './cancellation';
import { durationHundredths, hundredthsFromDecimalHours, type Hundredths } from './hours';
import type { CheckinEvent, Settings, Shift, SignUp } from './model';
import { toEpochMs, type Instant } from './paris-time';

/**
 * A sign-up's attendance as the city export writes it: exactly the table "From the app's states to the export" of
 * city-export.md. Arrival is the earliest live (not undone) real check-in of the sign-up, departure the latest live
 * real check-out; an automatic check-out counts only when there is no real one. A coordinator's correction wins over
 * the events, field by field (a corrected departure alone keeps the desk's arrival).
 */

export type ExportSignUpStatus = 'inscrit' | 'liste_attente' | 'annule';
export type ExportPresence = 'present' | 'absent' | 'excuse' | 'non_renseigne';
export type DurationMethod = 'pointage' | 'prevue' | 'declaree';
export type CheckinMode = 'borne_hors_ligne' | 'manuel' | 'liste_papier';

export const ATTENDANCE_ISSUES = ['departure_before_arrival'] as const;
export type AttendanceIssue = (typeof ATTENDANCE_ISSUES)[number];

/** The export's columns for one participation; `duree_effective_h` is in hundredths of an hour (950 = 9,5 h). */
export interface ExportAttendance {
  readonly statut_inscription: ExportSignUpStatus;
  readonly statut_presence: ExportPresence;
  readonly pointage_arrivee: Instant | null;
  readonly pointage_depart: Instant | null;
  readonly methode_duree: DurationMethod | null;
  readonly mode_pointage: CheckinMode | null;
  readonly duree_effective_h: Hundredths | null;
  /** What a coordinator should review (not exported): e.g. corrected times in the wrong order. */
  readonly issues: readonly AttendanceIssue[];
}

type AttendanceSignUp = Pick<
  SignUp,
  | 'id'
  | 'status'
  | 'cancelledAt'
  | 'cancellationCutoffHours'
  | 'attendance'
  | 'attendanceSource'
  | 'correctedArrival'
  | 'correctedDeparture'
  | 'declaredHours'
>;
type AttendanceEvent = Pick<CheckinEvent, 'signUpId' | 'kind' | 'at' | 'deleted'>;

/** Arrival and departure from the events alone (deleted = undone events ignored; other sign-ups' events too). */
export function timesFromEvents(
  signUpId: string,
  events: Iterable<AttendanceEvent>,
): { arrival: Instant | null; departure: Instant | null; departureIsAutomatic: boolean } {
  let arrival: AttendanceEvent | null = null;
  let realDeparture: AttendanceEvent | null = null;
  let autoDeparture: AttendanceEvent | null = null;
  for (const event of events) {
    if (event.deleted || event.signUpId !== signUpId) continue;
    const at = toEpochMs(event.at);
    if (event.kind === 'check_in' && (arrival === null || at < toEpochMs(arrival.at))) arrival = event;
    if (event.kind === 'check_out' && (realDeparture === null || at > toEpochMs(realDeparture.at))) {
      realDeparture = event;
    }
    if (event.kind === 'auto_check_out' && (autoDeparture === null || at > toEpochMs(autoDeparture.at))) {
      autoDeparture = event;
    }
  }
  const departure = realDeparture ?? autoDeparture;
  return {
    arrival: arrival?.at ?? null,
    departure: departure?.at ?? null,
    departureIsAutomatic: realDeparture === null && autoDeparture !== null,
  };
}

const EMPTY_TIMES = { pointage_arrivee: null, pointage_depart: null, methode_duree: null } as const;

export function exportAttendance(
  signUp: AttendanceSignUp,
  events: Iterable<AttendanceEvent>,
  shift: Pick<Shift, 'start' | 'end'>,
  settings: Pick<Settings, 'cancellationCutoffHours'>,
): ExportAttendance {
  const none = { ...EMPTY_TIMES, mode_pointage: null, duree_effective_h: null, issues: [] } as const;
  if (signUp.status === 'waiting')
    return { ...none, statut_inscription: 'liste_attente', statut_presence: 'non_renseigne' };
  if (signUp.status === 'cancelled') {
    const late = isLateCancellation(signUp, shift, settings.cancellationCutoffHours);
    return { ...none, statut_inscription: 'annule', statut_presence: late ? 'excuse' : 'non_renseigne' };
  }

  const fromEvents = timesFromEvents(signUp.id, events);
  const arrival = signUp.correctedArrival ?? fromEvents.arrival;
  const departure = signUp.correctedDeparture ?? fromEvents.departure;
  const corrected =
    signUp.correctedArrival !== null || signUp.correctedDeparture !== null || signUp.declaredHours !== null;
  const base = { ...none, statut_inscription: 'inscrit' } as const;

  switch (signUp.attendance) {
    case 'excused':
      return { ...base, statut_presence: 'excuse', mode_pointage: 'manuel' };
    case 'absent':
      return { ...base, statut_presence: 'absent', mode_pointage: modeOf(signUp, false), duree_effective_h: 0 };
    case 'unmarked':
      // A desk check-in marks presence by itself (a walk-in, or the desk not yet updating the sign-up).
      if (fromEvents.arrival === null) return { ...base, statut_presence: 'non_renseigne' };
      break;
    case 'present':
      break;
  }

  const mode = modeOf(signUp, corrected);
  const present = { ...base, statut_presence: 'present', mode_pointage: mode, pointage_arrivee: arrival } as const;
  if (signUp.declaredHours !== null) {
    return {
      ...present,
      pointage_depart: departure,
      methode_duree: 'declaree',
      duree_effective_h: hundredthsFromDecimalHours(signUp.declaredHours),
    };
  }
  if (arrival !== null && departure !== null) {
    const hundredths = durationHundredths(arrival, departure);
    if (hundredths < 0) return { ...present, pointage_depart: departure, issues: ['departure_before_arrival'] };
    return { ...present, pointage_depart: departure, methode_duree: 'pointage', duree_effective_h: hundredths };
  }
  // At a desk, an arrival without departure is a shift still running: the automatic check-out will close it.
  if (mode === 'borne_hors_ligne' && arrival !== null) return { ...present, pointage_depart: departure };
  return {
    ...present,
    pointage_depart: departure,
    methode_duree: 'prevue',
    duree_effective_h: durationHundredths(shift.start, shift.end),
  };
}

/**
 * `mode_pointage`: hours declared by a coordinator are `manuel`; paper re-entry (its written times included) is
 * `liste_papier`; any other coordinator correction or marking is `manuel`; the desk (including its "presence by
 * default" mode) is `borne_hors_ligne`. A presence seen only through desk events, with no source recorded, is the
 * desk's.
 */
function modeOf(signUp: AttendanceSignUp, corrected: boolean): CheckinMode {
  if (signUp.declaredHours !== null && signUp.attendance !== 'absent') return 'manuel';
  if (signUp.attendanceSource === 'paper') return 'liste_papier';
  if (corrected || signUp.attendanceSource === 'manual') return 'manuel';
  if (signUp.attendanceSource === 'desk' || signUp.attendanceSource === 'desk_presence_default') {
    return 'borne_hors_ligne';
  }
  return signUp.attendance === 'unmarked' ? 'borne_hors_ligne' : 'manuel';
}
