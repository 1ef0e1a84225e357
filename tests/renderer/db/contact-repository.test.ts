import { describe, expect, it } from 'vitest';
import { REMINDER_MARKED_ACTION } from '../../../renderer/db/repositories/contact-repository';
import { createStoreWithShift, newVolunteer } from './test-database';

/** Whom to reach: a shift's people with their consents, reminders due, marks audited (issue #15). */
async function setUp() {
  // The shift is on 28 Nov 2026 08:00 UTC; the desk's clock starts the day before.
  const store = await createStoreWithShift({ now: '2026-11-27T10:00:00Z', operator: 'Camille', capacity: 1 });
  const { repositories, shift } = store;
  const awa = await repositories.volunteers.create(
    newVolunteer({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr', phone: '+33612345678' }),
  );
  const bruno = await repositories.volunteers.create(newVolunteer({ firstName: 'Bruno', lastName: 'Petit' }));
  await repositories.consents.record(awa.id, {
    purpose: 'sms',
    given: true,
    date: '2026-11-01',
    noticeVersion: 'v1',
    channel: 'desk',
  });
  const first = await repositories.signUps.signUp(awa.id, shift.id, 'volunteer', { kind: 'sign-up' });
  await repositories.signUps.signUp(bruno.id, shift.id, 'volunteer', { kind: 'waiting-list' });
  if (!first.ok) throw new Error('sign-up');
  return { ...store, awa, bruno, awaSignUp: first.signUp };
}

describe('contact repository', () => {
  it('lists the people coming to a shift with their consents, not the waiting list', async () => {
    const { repositories, shift, awa } = await setUp();
    const people = await repositories.contact.forShift(shift.id);
    expect(people.map((person) => [person.volunteerId, person.smsConsent, person.newsletterConsent])).toEqual([
      [awa.id, true, false],
    ]);
  });

  it('lists reminders due within the window, marks them with operator and desk, and shows promoted ones again', async () => {
    const { repositories, desk, shift, awaSignUp, bruno, db } = await setUp();
    const now = new Date('2026-11-27T10:00:00Z');
    expect((await repositories.contact.remindersDue(now, 12)).length).toBe(0);
    const due = await repositories.contact.remindersDue(now, 48);
    expect(due.map((row) => row.signUp.id)).toEqual([awaSignUp.id]);
    await repositories.contact.markReminded([awaSignUp], 'email');
    const entries = await db.auditLog.where('action').equals(REMINDER_MARKED_ACTION).toArray();
    expect(entries).toMatchObject([
      { subjectId: awaSignUp.id, operator: 'Camille', deskId: desk.deskId, details: { shiftId: shift.id } },
    ]);
    expect(await repositories.contact.remindersDue(now, 48)).toEqual([]);
    // Awa cancels: Bruno is promoted "to confirm" and is due although nobody reminded him yet.
    await repositories.signUps.cancel(awaSignUp.id, 'malade');
    const promoted = await repositories.contact.remindersDue(now, 48);
    expect(promoted.map((row) => [row.person.volunteerId, row.signUp.toConfirm])).toEqual([[bruno.id, true]]);
    // Reminded but still to confirm: still listed, with the mark.
    await repositories.contact.markReminded([promoted[0]!.signUp], 'email');
    const again = await repositories.contact.remindersDue(now, 48);
    expect(again.map((row) => row.reminded?.operator)).toEqual(['Camille']);
  });

  it('lists a mission’s people once across its shifts, and a shift’s calendar files with what was last sent', async () => {
    const { repositories, mission, shift, awa, bruno, awaSignUp } = await setUp();
    const later = await repositories.shifts.create({
      missionId: mission.id,
      start: '2026-11-29T08:00:00.000Z',
      end: '2026-11-29T11:00:00.000Z',
      capacity: 5,
      roleNeeds: [],
      requiredSkill: null,
      seriesId: null,
    });
    // Awa comes to both shifts, Bruno to the second only (he waits for the first): each listed once.
    await repositories.signUps.signUp(awa.id, later.id, 'volunteer', { kind: 'sign-up' });
    await repositories.signUps.signUp(bruno.id, later.id, 'volunteer', { kind: 'sign-up' });
    const people = await repositories.contact.forMission(mission.id);
    expect(people.map((person) => person.volunteerId).sort()).toEqual([awa.id, bruno.id].sort());

    expect((await repositories.contact.calendarForShift(shift.id)).map((row) => row.sent)).toEqual([null]);
    await repositories.contact.recordCalendarFile(awaSignUp, { method: 'REQUEST', sequence: 0 });
    await repositories.contact.recordCalendarFile(awaSignUp, { method: 'REQUEST', sequence: 2 });
    const rows = await repositories.contact.calendarForShift(shift.id);
    expect(rows.map((row) => [row.person.volunteerId, row.sent?.sequence, row.due])).toEqual([[awa.id, 2, false]]);
  });

  it('logs a bulk preparation with the list and the count', async () => {
    const { repositories, db, shift } = await setUp();
    await repositories.contact.recordPreparation({ list: 'shift', listId: shift.id, kind: 'mailto', count: 12 });
    expect(await db.auditLog.where('action').equals('contact.prepare').toArray()).toMatchObject([
      { details: { list: 'shift', listId: shift.id, kind: 'mailto', count: 12 } },
    ]);
  });
});
