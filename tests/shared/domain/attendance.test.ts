import { describe, expect, it } from 'vitest';
import { exportAttendance, timesFromEvents } from '../../../shared/domain/attendance';
import { cancellationPatch, isLateCancellation } from '../../../shared/domain/cancellation';
import { aShift, aSignUp, anEvent, SETTINGS } from './factories';

/**
 * One test per row of city-export.md, "From the app's states to the export". The shift is 22:00–06:00 on 24–25
 * October 2026 (9 h, duree_prevue_h = 9, i.e. 900 hundredths).
 */
const shift = aShift();
const ARRIVAL = '2026-10-24T19:30:00.000Z'; // 21:30 Paris, half an hour early
const DEPARTURE = '2026-10-25T05:00:00.000Z'; // 06:00 Paris (winter time)
const empty = {
  pointage_arrivee: null,
  pointage_depart: null,
  methode_duree: null,
  mode_pointage: null,
  duree_effective_h: null,
};

describe('the export mapping of attendance, row by row', () => {
  it('signed up, not yet marked → inscrit, non_renseigne, nothing else', () => {
    expect(exportAttendance(aSignUp(), [], shift, SETTINGS)).toEqual({
      statut_inscription: 'inscrit',
      statut_presence: 'non_renseigne',
      ...empty,
      issues: [],
    });
  });

  it('promoted from the waiting list, still to confirm → the same as signed up', () => {
    expect(exportAttendance(aSignUp({ toConfirm: true }), [], shift, SETTINGS)).toMatchObject({
      statut_inscription: 'inscrit',
      statut_presence: 'non_renseigne',
      ...empty,
    });
  });

  it('on the waiting list → liste_attente, non_renseigne', () => {
    const signUp = aSignUp({ status: 'waiting', waitingSince: '2026-10-01T10:00:00Z' });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_inscription: 'liste_attente',
      statut_presence: 'non_renseigne',
      ...empty,
    });
  });

  it('cancelled before the cut-off in force (24 h) → annule, non_renseigne', () => {
    const signUp = aSignUp({ status: 'cancelled', cancelledAt: '2026-10-23T19:00:00Z', cancellationCutoffHours: 24 });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_inscription: 'annule',
      statut_presence: 'non_renseigne',
      ...empty,
    });
  });

  it('cancelled after that cut-off (late) → annule, excuse', () => {
    const signUp = aSignUp({ status: 'cancelled', cancelledAt: '2026-10-24T08:00:00Z', cancellationCutoffHours: 24 });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_inscription: 'annule',
      statut_presence: 'excuse',
      ...empty,
    });
  });

  it('uses the cut-off stored on the sign-up, not today’s setting', () => {
    // Cancelled 30 h before: late under a 48 h cut-off in force then, although the setting now says 24 h.
    const signUp = aSignUp({ status: 'cancelled', cancelledAt: '2026-10-23T14:00:00Z', cancellationCutoffHours: 48 });
    expect(exportAttendance(signUp, [], shift, { cancellationCutoffHours: 24 }).statut_presence).toBe('excuse');
    // An older record without a stored cut-off falls back on the settings.
    const legacy = { ...signUp, cancellationCutoffHours: null };
    expect(exportAttendance(legacy, [], shift, { cancellationCutoffHours: 24 }).statut_presence).toBe('non_renseigne');
    expect(exportAttendance(legacy, [], shift, { cancellationCutoffHours: 36 }).statut_presence).toBe('excuse');
  });

  it('not cancelled, but excused afterwards by a coordinator → inscrit, excuse, manuel', () => {
    const signUp = aSignUp({ attendance: 'excused', attendanceSource: 'manual' });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_inscription: 'inscrit',
      statut_presence: 'excuse',
      pointage_arrivee: null,
      pointage_depart: null,
      methode_duree: null,
      mode_pointage: 'manuel',
      duree_effective_h: null,
    });
  });

  it('checked in at a desk, shift still running, no check-out → present, arrival only, no method', () => {
    const signUp = aSignUp({ attendance: 'present', attendanceSource: 'desk' });
    expect(exportAttendance(signUp, [anEvent('check_in', ARRIVAL)], shift, SETTINGS)).toEqual({
      statut_inscription: 'inscrit',
      statut_presence: 'present',
      pointage_arrivee: ARRIVAL,
      pointage_depart: null,
      methode_duree: null,
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: null,
      issues: [],
    });
  });

  it('checked in and out at a desk → pointage, departure − arrival (9,5 h across the October change)', () => {
    const signUp = aSignUp({ attendance: 'present', attendanceSource: 'desk' });
    const events = [anEvent('check_in', ARRIVAL), anEvent('check_out', DEPARTURE)];
    expect(exportAttendance(signUp, events, shift, SETTINGS)).toMatchObject({
      statut_inscription: 'inscrit',
      statut_presence: 'present',
      pointage_arrivee: ARRIVAL,
      pointage_depart: DEPARTURE,
      methode_duree: 'pointage',
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: 950,
    });
  });

  it('a walk-in checked in and out (events only, the sign-up not yet marked) → the same row', () => {
    const events = [anEvent('check_in', ARRIVAL), anEvent('check_out', DEPARTURE)];
    expect(exportAttendance(aSignUp(), events, shift, SETTINGS)).toMatchObject({
      statut_presence: 'present',
      methode_duree: 'pointage',
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: 950,
    });
  });

  it('checked in, checked out automatically at the shift’s end → pointage, shift end − arrival', () => {
    const signUp = aSignUp({ attendance: 'present', attendanceSource: 'desk' });
    const events = [anEvent('check_in', '2026-10-24T20:15:00.000Z'), anEvent('auto_check_out', shift.end)];
    expect(exportAttendance(signUp, events, shift, SETTINGS)).toMatchObject({
      pointage_arrivee: '2026-10-24T20:15:00.000Z',
      pointage_depart: shift.end,
      methode_duree: 'pointage',
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: 875,
    });
  });

  it('counted present by the desk’s "presence by default" mode, no times → prevue, duree_prevue_h', () => {
    const signUp = aSignUp({ attendance: 'present', attendanceSource: 'desk_presence_default' });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_presence: 'present',
      pointage_arrivee: null,
      pointage_depart: null,
      methode_duree: 'prevue',
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: 900,
    });
  });

  it('times corrected by a coordinator → the corrected times, pointage, manuel', () => {
    const signUp = aSignUp({
      attendance: 'present',
      attendanceSource: 'desk',
      correctedArrival: '2026-10-24T20:00:00.000Z',
      correctedDeparture: '2026-10-25T03:00:00.000Z',
    });
    const events = [
      anEvent('check_in', ARRIVAL),
      anEvent('check_out', DEPARTURE),
      anEvent('check_in', '2026-10-25T04:00:00Z'),
    ];
    expect(exportAttendance(signUp, events, shift, SETTINGS)).toMatchObject({
      pointage_arrivee: '2026-10-24T20:00:00.000Z',
      pointage_depart: '2026-10-25T03:00:00.000Z',
      methode_duree: 'pointage',
      mode_pointage: 'manuel',
      duree_effective_h: 700,
    });
  });

  it('a corrected departure alone keeps the desk’s arrival', () => {
    const signUp = aSignUp({
      attendance: 'present',
      attendanceSource: 'desk',
      correctedDeparture: '2026-10-25T01:30:00.000Z',
    });
    expect(exportAttendance(signUp, [anEvent('check_in', ARRIVAL)], shift, SETTINGS)).toMatchObject({
      pointage_arrivee: ARRIVAL,
      pointage_depart: '2026-10-25T01:30:00.000Z',
      methode_duree: 'pointage',
      mode_pointage: 'manuel',
      duree_effective_h: 600,
    });
  });

  it('corrected times in the wrong order are flagged, not exported as a negative duration', () => {
    const signUp = aSignUp({
      attendance: 'present',
      attendanceSource: 'manual',
      correctedArrival: '2026-10-25T03:00:00.000Z',
      correctedDeparture: '2026-10-24T20:00:00.000Z',
    });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      methode_duree: null,
      duree_effective_h: null,
      issues: ['departure_before_arrival'],
    });
  });

  it('marked present by a coordinator, no times → prevue, manuel', () => {
    const signUp = aSignUp({ attendance: 'present', attendanceSource: 'manual' });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      statut_presence: 'present',
      pointage_arrivee: null,
      pointage_depart: null,
      methode_duree: 'prevue',
      mode_pointage: 'manuel',
      duree_effective_h: 900,
    });
  });

  it('hours declared by a coordinator → declaree, manuel, the declared hours, times as known', () => {
    const signUp = aSignUp({
      attendance: 'present',
      attendanceSource: 'desk',
      declaredHours: 2.25,
      declaredReason: 'oubli',
    });
    expect(exportAttendance(signUp, [anEvent('check_in', ARRIVAL)], shift, SETTINGS)).toMatchObject({
      pointage_arrivee: ARRIVAL,
      pointage_depart: null,
      methode_duree: 'declaree',
      mode_pointage: 'manuel',
      duree_effective_h: 225,
    });
  });

  it('re-entered from a paper sheet, present, both times written → pointage, liste_papier', () => {
    const signUp = aSignUp({
      attendance: 'present',
      attendanceSource: 'paper',
      correctedArrival: '2026-10-24T20:00:00.000Z',
      correctedDeparture: '2026-10-25T02:00:00.000Z',
    });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toMatchObject({
      pointage_arrivee: '2026-10-24T20:00:00.000Z',
      pointage_depart: '2026-10-25T02:00:00.000Z',
      methode_duree: 'pointage',
      mode_pointage: 'liste_papier',
      duree_effective_h: 600,
    });
  });

  it('re-entered from a paper sheet, present, one time or none written → prevue, liste_papier', () => {
    const oneTime = aSignUp({
      attendance: 'present',
      attendanceSource: 'paper',
      correctedArrival: '2026-10-24T20:10:00.000Z',
    });
    expect(exportAttendance(oneTime, [], shift, SETTINGS)).toMatchObject({
      pointage_arrivee: '2026-10-24T20:10:00.000Z',
      pointage_depart: null,
      methode_duree: 'prevue',
      mode_pointage: 'liste_papier',
      duree_effective_h: 900,
    });
    const noTime = aSignUp({ attendance: 'present', attendanceSource: 'paper' });
    expect(exportAttendance(noTime, [], shift, SETTINGS)).toMatchObject({
      pointage_arrivee: null,
      methode_duree: 'prevue',
      mode_pointage: 'liste_papier',
      duree_effective_h: 900,
    });
  });

  it('re-entered from a paper sheet, absent → absent, liste_papier, 0', () => {
    const signUp = aSignUp({ attendance: 'absent', attendanceSource: 'paper' });
    expect(exportAttendance(signUp, [], shift, SETTINGS)).toEqual({
      statut_inscription: 'inscrit',
      statut_presence: 'absent',
      pointage_arrivee: null,
      pointage_depart: null,
      methode_duree: null,
      mode_pointage: 'liste_papier',
      duree_effective_h: 0,
      issues: [],
    });
  });

  it('no-show marked at the desk → borne_hors_ligne; afterwards by a coordinator → manuel; both 0', () => {
    const atDesk = aSignUp({ attendance: 'absent', attendanceSource: 'desk' });
    expect(exportAttendance(atDesk, [], shift, SETTINGS)).toMatchObject({
      statut_presence: 'absent',
      methode_duree: null,
      mode_pointage: 'borne_hors_ligne',
      duree_effective_h: 0,
    });
    const afterwards = aSignUp({ attendance: 'absent', attendanceSource: 'manual' });
    expect(exportAttendance(afterwards, [], shift, SETTINGS)).toMatchObject({
      statut_presence: 'absent',
      mode_pointage: 'manuel',
      duree_effective_h: 0,
    });
  });
});

describe('arrival and departure from check-in events', () => {
  it('takes the earliest live real check-in and the latest live real check-out', () => {
    const events = [
      anEvent('check_in', '2026-10-24T20:05:00Z'),
      anEvent('check_in', '2026-10-24T19:55:00Z'),
      anEvent('check_out', '2026-10-25T01:00:00Z'),
      anEvent('check_out', '2026-10-25T02:00:00Z'),
    ];
    expect(timesFromEvents('su-1', events)).toEqual({
      arrival: '2026-10-24T19:55:00Z',
      departure: '2026-10-25T02:00:00Z',
      departureIsAutomatic: false,
    });
  });

  it('ignores undone (deleted) events and other sign-ups’ events', () => {
    const events = [
      anEvent('check_in', '2026-10-24T19:00:00Z', { deleted: true }),
      anEvent('check_in', '2026-10-24T18:00:00Z', { signUpId: 'su-2' }),
      anEvent('check_in', '2026-10-24T20:00:00Z'),
      anEvent('check_out', '2026-10-25T04:00:00Z', { deleted: true }),
    ];
    expect(timesFromEvents('su-1', events)).toEqual({
      arrival: '2026-10-24T20:00:00Z',
      departure: null,
      departureIsAutomatic: false,
    });
  });

  it('counts an automatic check-out only when there is no live real one, even if it is later', () => {
    const auto = anEvent('auto_check_out', '2026-10-25T05:00:00Z');
    const real = anEvent('check_out', '2026-10-25T01:00:00Z');
    expect(timesFromEvents('su-1', [anEvent('check_in', ARRIVAL), auto, real]).departure).toBe('2026-10-25T01:00:00Z');
    expect(timesFromEvents('su-1', [anEvent('check_in', ARRIVAL), auto, { ...real, deleted: true }])).toMatchObject({
      departure: '2026-10-25T05:00:00Z',
      departureIsAutomatic: true,
    });
  });

  it('compares instants, not strings with different offsets', () => {
    const events = [anEvent('check_in', '2026-10-24T21:30:00+02:00'), anEvent('check_in', '2026-10-24T19:45:00Z')];
    expect(timesFromEvents('su-1', events).arrival).toBe('2026-10-24T21:30:00+02:00');
  });
});

describe('late cancellations', () => {
  it('are those made strictly after start − cut-off', () => {
    const at = (cancelledAt: string) =>
      isLateCancellation(aSignUp({ status: 'cancelled', cancelledAt, cancellationCutoffHours: 24 }), shift);
    expect(at('2026-10-23T20:00:00.000Z')).toBe(false); // exactly 24 h before: still in time
    expect(at('2026-10-23T20:00:01.000Z')).toBe(true);
    expect(at('2026-10-25T00:00:00.000Z')).toBe(true); // during the shift
  });

  it('only concern cancelled sign-ups with a known time', () => {
    expect(isLateCancellation(aSignUp({ cancelledAt: '2026-10-24T19:00:00Z' }), shift)).toBe(false);
    expect(isLateCancellation(aSignUp({ status: 'cancelled', cancelledAt: null }), shift)).toBe(false);
  });

  it('record the cut-off in force when the sign-up is cancelled', () => {
    expect(cancellationPatch({ cancellationCutoffHours: 48 }, '2026-10-20T10:00:00Z', 'malade')).toEqual({
      status: 'cancelled',
      cancelledAt: '2026-10-20T10:00:00Z',
      cancellationReason: 'malade',
      cancellationCutoffHours: 48,
      toConfirm: false,
    });
  });
});
