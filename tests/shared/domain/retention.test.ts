import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import {
  monthsBefore,
  planRetention,
  PURGED_GUARDIAN_FIELDS,
  retentionPolicyOf,
  type RetentionInput,
  type RetentionShift,
  type RetentionSignUp,
  type RetentionVolunteer,
} from '../../../shared/domain/retention';

const NOW = '2026-11-28T10:00:00.000Z';
const POLICY = retentionPolicyOf(DEFAULT_SETTINGS);

const person = (id: string, fields: Partial<RetentionVolunteer> = {}): RetentionVolunteer => ({
  id,
  createdAt: '2020-01-01T00:00:00.000Z',
  deleted: false,
  parentalAuthorisation: null,
  guardianName: null,
  guardianPhone: null,
  ...fields,
});
const signUp = (volunteerId: string, shiftId: string, status: RetentionSignUp['status'] = 'signed_up') => ({
  volunteerId,
  shiftId,
  status,
  deleted: false,
});
const input = (fields: Partial<RetentionInput>): RetentionInput => ({
  volunteers: [],
  signUps: [],
  shifts: [],
  erasedIds: new Set(),
  now: NOW,
  ...fields,
});

describe('monthsBefore', () => {
  it('goes back whole calendar months, a 31st becoming the month’s last day', () => {
    expect(monthsBefore('2026-11-28T10:00:00.000Z', 24)).toBe('2024-11-28T10:00:00.000Z');
    expect(monthsBefore('2026-03-31T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('planRetention', () => {
  it('by default anonymises a volunteer whose last shift ended more than 24 months ago, and says since when', () => {
    const plan = planRetention(
      input({
        volunteers: [person('old'), person('recent')],
        shifts: [
          { id: 's-old', end: '2024-06-01T12:00:00.000Z' },
          { id: 's-recent', end: '2025-06-01T12:00:00.000Z' },
        ],
        signUps: [signUp('old', 's-old'), signUp('recent', 's-recent')],
      }),
      POLICY,
    );
    expect(plan).toEqual([
      { kind: 'anonymise', volunteerId: 'old', lastActivity: '2024-06-01T12:00:00.000Z', everSignedUp: true },
    ]);
  });

  it('counts the creation of the record: someone registered last month and never placed is kept', () => {
    const plan = planRetention(
      input({ volunteers: [person('new', { createdAt: '2026-10-01T00:00:00.000Z' }), person('never')] }),
      POLICY,
    );
    expect(plan).toEqual([
      { kind: 'anonymise', volunteerId: 'never', lastActivity: '2020-01-01T00:00:00.000Z', everSignedUp: false },
    ]);
  });

  it('keeps a cancelled or waiting sign-up as contact, and leaves alone someone signed up to an unknown shift', () => {
    const plan = planRetention(
      input({
        volunteers: [person('cancelled'), person('unknown')],
        shifts: [{ id: 's', end: '2026-01-01T12:00:00.000Z' }],
        signUps: [signUp('cancelled', 's', 'cancelled'), signUp('unknown', 'missing')],
      }),
      POLICY,
    );
    expect(plan).toEqual([]);
  });

  it('purges guardian data from the day after the last shift ended (Paris time), not on the day itself', () => {
    const minor = person('minor', {
      createdAt: '2026-06-01T00:00:00.000Z',
      parentalAuthorisation: 'received',
      guardianPhone: '+33612345678',
    });
    // The shift ends at 23:30 Paris time on 27 November (22:30 UTC).
    const shifts: RetentionShift[] = [{ id: 's', end: '2026-11-27T22:30:00.000Z' }];
    const data = { volunteers: [minor], shifts, signUps: [signUp('minor', 's')] };
    expect(planRetention(input({ ...data, now: '2026-11-27T22:45:00.000Z' }), POLICY)).toEqual([]);
    expect(planRetention(input({ ...data, now: '2026-11-28T00:00:00.000Z' }), POLICY)).toEqual([
      { kind: 'purge_guardian', volunteerId: 'minor', lastShiftEnd: '2026-11-27T22:30:00.000Z' },
    ]);
  });

  it('does not purge a minor with a future shift, nor one not yet placed, nor when the rule is off', () => {
    const minor = (id: string) => person(id, { createdAt: '2026-06-01T00:00:00.000Z', guardianName: 'Parent' });
    const data = input({
      volunteers: [minor('future'), minor('unplaced'), minor('past')],
      shifts: [
        { id: 'past', end: '2026-10-01T12:00:00.000Z' },
        { id: 'next', end: '2026-12-05T12:00:00.000Z' },
      ],
      signUps: [signUp('future', 'past'), signUp('future', 'next', 'waiting'), signUp('past', 'past')],
    });
    expect(planRetention(data, POLICY).map((action) => action.volunteerId)).toEqual(['past']);
    expect(planRetention(data, { ...POLICY, purgeGuardianAfterLastMission: false })).toEqual([]);
  });

  it('skips deleted and already erased records, and anonymises nobody when the rule is off', () => {
    const data = input({
      volunteers: [person('gone', { deleted: true }), person('erased')],
      erasedIds: new Set(['erased']),
    });
    expect(planRetention(data, POLICY)).toEqual([]);
    expect(planRetention(input({ volunteers: [person('old')] }), { ...POLICY, anonymiseInactive: false })).toEqual([]);
  });
});

describe('planRetention properties', () => {
  const DAY = 86_400_000;
  const nowMs = Date.parse(NOW);
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const instant = fc
    .integer({ min: -1200, max: 120 })
    .map((days) => new Date(nowMs + days * DAY + 3_600_000).toISOString());
  const world = fc.record({
    volunteers: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ids),
        createdAt: instant,
        deleted: fc.boolean(),
        parentalAuthorisation: fc.constantFrom('received' as const, 'missing' as const, null),
        guardianName: fc.constantFrom('Parent', null),
        guardianPhone: fc.constantFrom('+33612345678', null),
      }),
      { selector: (volunteer) => volunteer.id },
    ),
    shifts: fc.array(fc.record({ id: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), end: instant })),
    signUps: fc.array(
      fc.record({
        volunteerId: fc.constantFrom(...ids),
        shiftId: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
        status: fc.constantFrom('signed_up' as const, 'waiting' as const, 'cancelled' as const),
        deleted: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
    erased: fc.subarray(ids),
    months: fc.integer({ min: 1, max: 36 }),
  });
  type World = typeof world extends fc.Arbitrary<infer T> ? T : never;
  const inputOf = (data: World): RetentionInput => {
    // One end per shift id, as in a store.
    const shifts = [...new Map(data.shifts.map((shift) => [shift.id, shift])).values()];
    return { ...data, shifts, erasedIds: new Set(data.erased), now: NOW };
  };

  it('never touches someone with a recent or future participation', () => {
    fc.assert(
      fc.property(world, (data) => {
        const source = inputOf(data);
        const policy = { ...POLICY, inactiveMonths: data.months };
        const cutoff = Date.parse(monthsBefore(NOW, data.months));
        const end = new Map(source.shifts.map((shift) => [shift.id, Date.parse(shift.end)]));
        const today = parisLocalDate(NOW);
        for (const action of planRetention(source, policy)) {
          const own = source.signUps.filter((s) => !s.deleted && s.volunteerId === action.volunteerId);
          for (const s of own) {
            const shiftEnd = end.get(s.shiftId);
            expect(shiftEnd).toBeDefined();
            if (action.kind === 'anonymise') expect(shiftEnd as number).toBeLessThan(cutoff);
            if (s.status !== 'cancelled') expect(parisLocalDate(shiftEnd as number) < today).toBe(true);
          }
        }
      }),
    );
  });

  it('is idempotent: applying the plan, then planning again, gives nothing', () => {
    fc.assert(
      fc.property(world, (data) => {
        const source = inputOf(data);
        const policy = { ...POLICY, inactiveMonths: data.months };
        const plan = planRetention(source, policy);
        const anonymised = new Set(plan.filter((a) => a.kind === 'anonymise').map((a) => a.volunteerId));
        const purged = new Set(plan.filter((a) => a.kind === 'purge_guardian').map((a) => a.volunteerId));
        const applied: RetentionInput = {
          ...source,
          volunteers: source.volunteers.map((v) => (purged.has(v.id) ? { ...v, ...PURGED_GUARDIAN_FIELDS } : v)),
          erasedIds: new Set([...source.erasedIds, ...anonymised]),
        };
        expect(planRetention(applied, policy)).toEqual([]);
        expect(new Set(plan.map((a) => a.volunteerId)).size).toBe(plan.length);
      }),
    );
  });
});
