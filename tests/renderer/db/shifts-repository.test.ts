import { describe, expect, it } from 'vitest';
import { createStoreWithShift, newVolunteer } from './test-database';

describe('shifts repository: the planning’s reads', () => {
  it('gives each shift of the week and of its mission its own sign-ups’ fill, live ones only', async () => {
    const { repositories, mission, shift } = await createStoreWithShift({
      now: '2026-11-27T09:00:00Z',
      operator: 'Test',
      capacity: 2,
    });
    const later = await repositories.shifts.create({
      missionId: mission.id,
      start: '2026-11-29T08:00:00.000Z',
      end: '2026-11-29T11:00:00.000Z',
      capacity: 3,
      roleNeeds: [],
      requiredSkill: null,
      seriesId: null,
    });
    const people = await Promise.all(
      ['Un', 'Deux', 'Trois'].map((lastName) => repositories.volunteers.create(newVolunteer({ lastName }))),
    );
    const [un, deux, trois] = people.map((person) => person.id) as [string, string, string];
    for (const id of [un, deux]) await repositories.signUps.signUp(id, shift.id, 'volunteer', { kind: 'sign-up' });
    // The first shift is full: the third person waits.
    await repositories.signUps.signUp(trois, shift.id, 'volunteer', { kind: 'waiting-list' });
    const cancelled = await repositories.signUps.signUp(trois, later.id, 'volunteer', { kind: 'sign-up' });
    if (!cancelled.ok) throw new Error('sign-up refused');
    await repositories.signUps.cancel(cancelled.signUp.id, 'empêché');
    await repositories.signUps.signUp(un, later.id, 'volunteer', { kind: 'sign-up' });

    const week = await repositories.shifts.listBetween('2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z');
    const fills = new Map(week.map((row) => [row.id, row.fill]));
    expect(fills.get(shift.id)).toMatchObject({ capacity: 2, confirmed: 2, isFull: true });
    expect(fills.get(later.id)).toMatchObject({ capacity: 3, confirmed: 1, isFull: false });
    // The planning shows who is confirmed: its fill does not count the waiting lists (a mission's shifts do).
    expect(fills.get(shift.id)).not.toHaveProperty('waiting');
    expect(week.every((row) => row.mission?.id === mission.id)).toBe(true);

    const ofMission = await repositories.shifts.listForMission(mission.id);
    expect(ofMission.map((row) => row.id)).toEqual([shift.id, later.id]);
    expect(ofMission.map((row) => row.fill.confirmed)).toEqual([2, 1]);
    expect(ofMission.map((row) => row.fill.waiting)).toEqual([1, 0]);
    // Outside the range: nothing.
    expect(await repositories.shifts.listBetween('2026-12-01T00:00:00.000Z', '2026-12-08T00:00:00.000Z')).toEqual([]);
  });
});
