import { describe, expect, it } from 'vitest';
import { createStoreWithShift, newVolunteer } from './test-database';

/** A store with one mission, two overlapping shifts of capacity 2 (past: 28 Nov 2026 morning), and four people. */
async function setUp() {
  const { db, repositories, shift } = await createStoreWithShift({
    now: '2026-11-28T12:00:00Z',
    operator: 'Camille (coordination)',
    capacity: 2,
  });
  const other = await repositories.shifts.create({
    ...shift,
    start: '2026-11-28T10:00:00.000Z',
    end: '2026-11-28T12:00:00.000Z',
  });
  const people = [];
  for (const name of ['Awa', 'Bruno', 'Chloé', 'Driss']) {
    people.push(await repositories.volunteers.create(newVolunteer({ firstName: name, lastName: 'Test' })));
  }
  return { db, repositories, shift, other, people };
}

describe('sign-ups repository', () => {
  it('fills a shift, then refuses with shift_full and puts the next person on the waiting list', async () => {
    const { repositories, shift, people } = await setUp();
    const [a, b, c] = people;
    expect((await repositories.signUps.signUp(a!.id, shift.id, 'volunteer', { kind: 'sign-up' })).ok).toBe(true);
    expect((await repositories.signUps.signUp(b!.id, shift.id, 'volunteer', { kind: 'sign-up' })).ok).toBe(true);
    const refused = await repositories.signUps.signUp(c!.id, shift.id, 'volunteer', { kind: 'sign-up' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.decision.refusals.map((refusal) => refusal.code)).toEqual(['shift_full']);
    const waiting = await repositories.signUps.signUp(c!.id, shift.id, 'volunteer', { kind: 'waiting-list' });
    expect(waiting.ok && waiting.signUp.status).toBe('waiting');
    const roster = await repositories.signUps.roster(shift.id);
    expect(roster?.fill).toMatchObject({ confirmed: 2, waiting: 1, isFull: true });
    expect(roster?.rows.find((row) => row.signUp.volunteerId === c!.id)?.waitingPosition).toBe(1);
  });

  it('refuses an overlap, then accepts it with an override that is stored and audited', async () => {
    const { repositories, shift, other, people } = await setUp();
    const a = people[0]!;
    await repositories.signUps.signUp(a.id, shift.id, 'volunteer', { kind: 'sign-up' });
    const refused = await repositories.signUps.signUp(a.id, other.id, 'volunteer', { kind: 'sign-up' });
    expect(!refused.ok && refused.decision.refusals.map((refusal) => refusal.code)).toEqual(['overlap']);
    // The waiting list is no way round an overlap.
    expect((await repositories.signUps.signUp(a.id, other.id, 'volunteer', { kind: 'waiting-list' })).ok).toBe(false);
    const override = { operator: 'Camille', at: '2026-11-28T12:00:00.000Z', reason: 'Relais entre les deux stands' };
    const accepted = await repositories.signUps.signUp(a.id, other.id, 'volunteer', { kind: 'sign-up', override });
    expect(accepted.ok && accepted.signUp.override).toEqual(override);
    const log = await repositories.audit.forSubject(a.id);
    expect(log.map((entry) => entry.action)).toContain('signup.override');
    expect(log.find((entry) => entry.action === 'signup.override')?.details).toMatchObject({ refusals: ['overlap'] });
  });

  it('a cancellation frees the place and promotes the head of the waiting list, marked to confirm', async () => {
    const { repositories, shift, people } = await setUp();
    const [a, b, c, d] = people;
    const first = await repositories.signUps.signUp(a!.id, shift.id, 'volunteer', { kind: 'sign-up' });
    await repositories.signUps.signUp(b!.id, shift.id, 'volunteer', { kind: 'sign-up' });
    await repositories.signUps.signUp(c!.id, shift.id, 'volunteer', { kind: 'waiting-list' });
    await repositories.signUps.signUp(d!.id, shift.id, 'volunteer', { kind: 'waiting-list' });
    if (!first.ok) throw new Error('sign-up');
    const { promoted } = await repositories.signUps.cancel(first.signUp.id, 'Malade');
    expect(promoted).toHaveLength(1);
    const roster = await repositories.signUps.roster(shift.id);
    const promotedRow = roster!.rows.find((row) => row.signUp.id === promoted[0]);
    expect(promotedRow?.volunteer?.firstName).toBe('Chloé');
    expect(promotedRow?.signUp).toMatchObject({ status: 'signed_up', toConfirm: true });
    const cancelled = roster!.rows.find((row) => row.signUp.id === first.signUp.id)!;
    // Cancelled after the start (the shift was this morning): a late cancellation, exported as excused.
    expect(cancelled.lateCancellation).toBe(true);
    expect(cancelled.attendance).toMatchObject({ statut_inscription: 'annule', statut_presence: 'excuse' });
    expect(roster!.rows.find((row) => row.volunteer?.firstName === 'Driss')?.waitingPosition).toBe(1);
  });

  it('after the shift, corrected times and declared hours change the hours exactly as the export will', async () => {
    const { repositories, shift, people } = await setUp();
    const a = await repositories.signUps.signUp(people[0]!.id, shift.id, 'volunteer', { kind: 'sign-up' });
    const b = await repositories.signUps.signUp(people[1]!.id, shift.id, 'volunteer', { kind: 'sign-up' });
    if (!a.ok || !b.ok) throw new Error('sign-up');
    await repositories.signUps.setAttendance(a.signUp.id, 'present');
    let roster = await repositories.signUps.roster(shift.id);
    let row = roster!.rows.find((r) => r.signUp.id === a.signUp.id)!;
    expect(row.attendance).toMatchObject({ methode_duree: 'prevue', mode_pointage: 'manuel', duree_effective_h: 300 });

    await repositories.signUps.correctTimes(a.signUp.id, '2026-11-28T08:00:00.000Z', '2026-11-28T10:30:18.000Z');
    roster = await repositories.signUps.roster(shift.id);
    row = roster!.rows.find((r) => r.signUp.id === a.signUp.id)!;
    // 2 h 30 min 18 s → 2,51 h (rounded once, half away from zero).
    expect(row.attendance).toMatchObject({
      methode_duree: 'pointage',
      mode_pointage: 'manuel',
      duree_effective_h: 251,
    });

    await repositories.signUps.declareHours(b.signUp.id, 1.5, 'Arrivée tardive, partie tôt');
    roster = await repositories.signUps.roster(shift.id);
    expect(roster!.rows.find((r) => r.signUp.id === b.signUp.id)!.attendance).toMatchObject({
      statut_presence: 'present',
      methode_duree: 'declaree',
      duree_effective_h: 150,
    });
    const actions = (await repositories.audit.recent(20)).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['attendance.mark', 'attendance.correct-times', 'attendance.declare-hours']),
    );
    expect((await repositories.audit.recent(1))[0]).toMatchObject({
      operator: 'Camille (coordination)',
      deskId: expect.any(String),
    });
  });
});
