import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../renderer/db/repositories-context';
import { deskCounters, PIN_EXIT_ACTION, presenceFromEvents } from '../../../renderer/db/repositories/desk-repository';
import { exportAttendance } from '../../../shared/domain/attendance';
import { createStoreWithShift, newVolunteer } from '../db/test-database';

/** A running shift (08:00–11:00 UTC on 28 Nov 2026, the desk's clock at 09:00), 4 places, three people signed up. */
async function setUp() {
  const { db, desk, repositories, mission, shift } = await createStoreWithShift({
    now: '2026-11-28T09:00:00Z',
    operator: 'Inès (accueil)',
    capacity: 4,
  });
  const signUps = [];
  for (const name of ['Awa', 'Bruno', 'Chloé']) {
    const volunteer = await repositories.volunteers.create(newVolunteer({ firstName: name, lastName: 'Test' }));
    const result = await repositories.signUps.signUp(volunteer.id, shift.id, 'volunteer', { kind: 'sign-up' });
    if (!result.ok) throw new Error('sign-up');
    signUps.push(result.signUp);
  }
  return { db, desk, repositories, mission, shift, signUps };
}

describe('desk repository', () => {
  it('checks in with the operator, the desk and a UTC time, and refuses a second check-in with the first time', async () => {
    const { db, desk, repositories, shift, signUps } = await setUp();
    const first = await repositories.checkins.checkIn(signUps[0]!.id);
    expect(first.ok).toBe(true);
    const events = await db.checkinEvents.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'check_in',
      operator: 'Inès (accueil)',
      deskId: desk.deskId,
      shiftId: shift.id,
      signUpId: signUps[0]!.id,
    });
    expect(events[0]!.at).toMatch(/Z$/);
    const second = await repositories.checkins.checkIn(signUps[0]!.id);
    expect(second).toEqual({ ok: false, reason: 'already_here', since: events[0]!.at });
    expect(await db.checkinEvents.count()).toBe(1);
    expect((await db.signUps.get(signUps[0]!.id))?.attendance).toBe('present');
  });

  it('checks out, refuses a second check-out and a check-out of someone not here', async () => {
    const { db, repositories, signUps } = await setUp();
    expect((await repositories.checkins.checkOut(signUps[1]!.id)).ok).toBe(false);
    await repositories.checkins.checkIn(signUps[0]!.id);
    const out = await repositories.checkins.checkOut(signUps[0]!.id);
    expect(out.ok).toBe(true);
    const again = await repositories.checkins.checkOut(signUps[0]!.id);
    expect(again.ok === false && again.reason).toBe('already_left');
    const events = await db.checkinEvents.toArray();
    expect(presenceFromEvents(signUps[0]!.id, events)).toMatchObject({ state: 'left', automatic: false });
    // Back in after leaving: a new check-in is allowed; the arrival stays the first one.
    expect((await repositories.checkins.checkIn(signUps[0]!.id)).ok).toBe(true);
  });

  it('undoes a check-in by tombstoning its event with a later clock and restoring the attendance', async () => {
    const { db, repositories, signUps } = await setUp();
    const result = await repositories.checkins.checkIn(signUps[0]!.id);
    if (!result.ok) throw new Error('check-in');
    const before = await db.checkinEvents.get(result.action.eventId!);
    await repositories.checkins.undo(result.action);
    const after = await db.checkinEvents.get(result.action.eventId!);
    expect(after?.deleted).toBe(true);
    expect(after!.clocks.deleted! > before!.clocks.deleted!).toBe(true);
    expect(await db.checkinEvents.count()).toBe(1);
    expect((await db.signUps.get(signUps[0]!.id))?.attendance).toBe('unmarked');
    // Undone: a new check-in is accepted.
    expect((await repositories.checkins.checkIn(signUps[0]!.id)).ok).toBe(true);
  });

  it('marks a no-show (absent, source desk), refuses it for someone here, and undoes it', async () => {
    const { db, repositories, signUps } = await setUp();
    await repositories.checkins.checkIn(signUps[0]!.id);
    const refused = await repositories.checkins.markNoShow(signUps[0]!.id);
    expect(refused.ok === false && refused.reason).toBe('already_here');
    const noShow = await repositories.checkins.markNoShow(signUps[1]!.id);
    expect(await db.signUps.get(signUps[1]!.id)).toMatchObject({ attendance: 'absent', attendanceSource: 'desk' });
    if (!noShow.ok) throw new Error('no-show');
    await repositories.checkins.undo(noShow.action);
    expect(await db.signUps.get(signUps[1]!.id)).toMatchObject({ attendance: 'unmarked', attendanceSource: null });
  });

  it('closes open check-ins at the end of the shift, once, flagged for review', async () => {
    const { db, desk, repositories, shift, signUps } = await setUp();
    await repositories.checkins.checkIn(signUps[0]!.id);
    await repositories.checkins.checkIn(signUps[1]!.id);
    await repositories.checkins.checkOut(signUps[1]!.id);
    expect(await repositories.checkins.autoCheckOut(shift.id)).toBe(0); // still running
    const later = createRepositories(db, { ...desk, now: () => new Date('2026-11-28T12:00:00Z') });
    expect(await later.checkins.autoCheckOut(shift.id)).toBe(1);
    expect(await later.checkins.autoCheckOut(shift.id)).toBe(0);
    const auto = (await db.checkinEvents.toArray()).filter((event) => event.kind === 'auto_check_out');
    expect(auto).toEqual([expect.objectContaining({ signUpId: signUps[0]!.id, at: shift.end })]);
    const roster = await later.signUps.roster(shift.id);
    expect(roster?.rows.find((row) => row.signUp.id === signUps[0]!.id)?.needsReview).toBe('auto_check_out');
  });

  it('counts everyone present by default, lets the exceptions be marked, and switches back', async () => {
    const { db, repositories, shift, signUps } = await setUp();
    expect(await repositories.checkins.setPresenceDefault(shift.id, true)).toBe(3);
    await repositories.checkins.markNoShow(signUps[2]!.id);
    const data = await repositories.checkins.data([shift.id]);
    expect(deskCounters(data)).toEqual({ signedUp: 3, present: 2, expected: 0, onSite: 2, walkIns: 0 });
    const stored = await db.signUps.get(signUps[0]!.id);
    expect(stored).toMatchObject({ attendance: 'present', attendanceSource: 'desk_presence_default' });
    const settings = await repositories.settings.get();
    expect(exportAttendance(stored!, [], shift, settings)).toMatchObject({
      statut_presence: 'present',
      mode_pointage: 'borne_hors_ligne',
    });
    // Someone present by default may leave without having checked in.
    expect((await repositories.checkins.checkOut(signUps[0]!.id)).ok).toBe(true);
    // Back to unmarked: the two present by default (the one who left too); the no-show stays absent.
    expect(await repositories.checkins.setPresenceDefault(shift.id, false)).toBe(2);
    expect((await db.signUps.get(signUps[1]!.id))?.attendance).toBe('unmarked');
  });

  it('keeps the counters in step with check-ins, check-outs and no-shows', async () => {
    const { repositories, shift, signUps } = await setUp();
    await repositories.checkins.checkIn(signUps[0]!.id);
    await repositories.checkins.checkIn(signUps[1]!.id);
    await repositories.checkins.checkOut(signUps[1]!.id);
    const counters = deskCounters(await repositories.checkins.data([shift.id]));
    expect(counters).toEqual({ signedUp: 3, present: 2, expected: 1, onSite: 1, walkIns: 0 });
  });

  it('registers a walk-in in one go (volunteer, consent, sign-up, check-in), counts it, and rolls back a refusal', async () => {
    const { db, repositories, shift } = await setUp();
    const result = await repositories.checkins.walkIn({
      shiftId: shift.id,
      volunteer: newVolunteer({ firstName: 'Djamila', lastName: 'Walk' }),
      consents: [{ purpose: 'city_sharing', given: true, date: '2026-11-28', noticeVersion: '1', channel: 'desk' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signUp.status).toBe('signed_up');
    expect(result.action).not.toBeNull();
    expect(await db.consents.where('volunteerId').equals(result.volunteerId).count()).toBe(1);
    const counters = deskCounters(await repositories.checkins.data([shift.id]));
    expect(counters).toMatchObject({ signedUp: 4, present: 1, walkIns: 1 });

    // The shift is full now: the next walk-in goes to the waiting list, not checked in.
    const queued = await repositories.checkins.walkIn({
      shiftId: shift.id,
      volunteer: newVolunteer({ firstName: 'Eve', lastName: 'Walk' }),
      consents: [],
    });
    expect(queued.ok && queued.signUp.status).toBe('waiting');
    expect(queued.ok && queued.action).toBeNull();

    // Refused for another reason than a full shift: nothing is written, not even the new volunteer.
    const before = await db.volunteers.count();
    const refused = await repositories.checkins.walkIn({
      shiftId: shift.id,
      volunteer: newVolunteer({ firstName: 'Inactive', lastName: 'Walk', status: 'inactive' }),
      consents: [{ purpose: 'sms', given: true, date: '2026-11-28', noticeVersion: '1', channel: 'desk' }],
    });
    expect(refused.ok).toBe(false);
    expect(await db.volunteers.count()).toBe(before);

    // Undoing a walk-in removes the sign-up and the event.
    await repositories.checkins.undo(result.action!);
    expect((await db.signUps.get(result.signUp.id))?.deleted).toBe(true);
  });

  it('marks a late cancellation (excused in the export, audited with operator and desk), promotes the waiting list, and undoes it all', async () => {
    const { db, desk, repositories, shift, signUps } = await setUp();
    // The fourth place taken, then a fifth person on the waiting list.
    for (const name of ['Djamila', 'Eve']) {
      const volunteer = await repositories.volunteers.create(newVolunteer({ firstName: name, lastName: 'Test' }));
      await repositories.signUps.signUp(volunteer.id, shift.id, 'volunteer', { kind: 'waiting-list' });
    }
    const waiting = (await db.signUps.toArray()).find((signUp) => signUp.status === 'waiting')!;
    await repositories.checkins.checkIn(signUps[0]!.id);
    const refused = await repositories.checkins.markLateCancellation(signUps[0]!.id);
    expect(refused.ok === false && refused.reason).toBe('already_here');

    const before = deskCounters(await repositories.checkins.data([shift.id]));
    const result = await repositories.checkins.markLateCancellation(signUps[1]!.id);
    if (!result.ok) throw new Error('late cancellation');
    expect(result).toMatchObject({ late: true, promoted: 1 });
    const cancelled = await db.signUps.get(signUps[1]!.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: expect.stringMatching(/^2026-11-28T09:/) });
    const settings = await repositories.settings.get();
    expect(exportAttendance(cancelled!, [], shift, settings)).toMatchObject({
      statut_inscription: 'annule',
      statut_presence: 'excuse',
    });
    expect(await db.signUps.get(waiting.id)).toMatchObject({ status: 'signed_up', toConfirm: true });
    const audit = await db.auditLog.where('action').equals('desk.late-cancellation').toArray();
    expect(audit).toEqual([
      expect.objectContaining({ operator: 'Inès (accueil)', deskId: desk.deskId, subjectId: signUps[1]!.volunteerId }),
    ]);
    // The counters: one fewer expected, the promoted person expected in their place.
    expect(deskCounters(await repositories.checkins.data([shift.id]))).toEqual(before);
    const again = await repositories.checkins.markLateCancellation(signUps[1]!.id);
    expect(again.ok === false && again.reason).toBe('cancelled');

    await repositories.checkins.undo(result.action);
    expect(await db.signUps.get(signUps[1]!.id)).toMatchObject({
      status: 'signed_up',
      cancelledAt: null,
      cancellationCutoffHours: null,
    });
    expect(await db.signUps.get(waiting.id)).toMatchObject({ status: 'waiting', waitingSince: waiting.waitingSince });
    expect(deskCounters(await repositories.checkins.data([shift.id]))).toEqual(before);
  });

  it('takes a late cancellation out of "presence by default"', async () => {
    const { db, repositories, shift, signUps } = await setUp();
    await repositories.checkins.setPresenceDefault(shift.id, true);
    const result = await repositories.checkins.markLateCancellation(signUps[2]!.id);
    expect(result.ok).toBe(true);
    expect(await db.signUps.get(signUps[2]!.id)).toMatchObject({ attendance: 'unmarked', attendanceSource: null });
    expect(deskCounters(await repositories.checkins.data([shift.id]))).toMatchObject({ signedUp: 2, present: 2 });
    if (result.ok) await repositories.checkins.undo(result.action);
    expect(await db.signUps.get(signUps[2]!.id)).toMatchObject({
      status: 'signed_up',
      attendance: 'present',
      attendanceSource: 'desk_presence_default',
    });
  });

  it('records a paper sheet: present with the written times, or absent; the export says liste_papier', async () => {
    const { db, repositories, shift, signUps } = await setUp();
    await repositories.checkins.recordPaper(signUps[0]!.id, {
      present: true,
      arrival: '2026-11-28T08:05:00.000Z',
      departure: '2026-11-28T10:30:00.000Z',
    });
    await repositories.checkins.recordPaper(signUps[1]!.id, { present: false, arrival: null, departure: null });
    const settings = await repositories.settings.get();
    const present = await db.signUps.get(signUps[0]!.id);
    expect(exportAttendance(present!, [], shift, settings)).toMatchObject({
      statut_presence: 'present',
      mode_pointage: 'liste_papier',
      duree_effective_h: 242,
    });
    const absent = await db.signUps.get(signUps[1]!.id);
    expect(exportAttendance(absent!, [], shift, settings)).toMatchObject({
      statut_presence: 'absent',
      mode_pointage: 'liste_papier',
    });
  });

  it('keeps the desk session across a reload', async () => {
    const { db, desk, repositories, shift } = await setUp();
    const session = {
      operator: 'Inès',
      shiftIds: [shift.id],
      openedAt: '2026-11-28T09:00:00Z',
      locked: false,
      presenceDefault: [],
    };
    await repositories.checkins.saveSession(session);
    expect(await createRepositories(db, desk).checkins.session()).toEqual(session);
    await repositories.checkins.endSession();
    expect(await repositories.checkins.session()).toBeNull();
    // Leaving desk-only mode is in the log of sensitive actions, once, with the operator and the desk.
    const exits = await db.auditLog.where('action').equals(PIN_EXIT_ACTION).toArray();
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ operator: desk.operator, deskId: desk.deskId });
    await repositories.checkins.endSession();
    expect(await db.auditLog.where('action').equals(PIN_EXIT_ACTION).count()).toBe(1);
  });
});
