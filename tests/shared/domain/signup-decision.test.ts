import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmedCount } from '../../../shared/domain/capacity';
import type { Shift, SignUp } from '../../../shared/domain/model';
import { decideSignUp, overlappingShiftIds, type SignUpRequest } from '../../../shared/domain/signup-decision';
import { aMission, aShift, aSignUp, aVolunteer } from './factories';

const shift = aShift({ id: 's-1', start: '2026-06-13T12:00:00.000Z', end: '2026-06-13T14:00:00.000Z', capacity: 2 });

function request(fields: Partial<SignUpRequest> = {}): SignUpRequest {
  return {
    volunteer: aVolunteer(),
    shift,
    mission: aMission(),
    shiftSignUps: [],
    volunteerBookings: [],
    ...fields,
  };
}

const booking = (start: string, end: string, id = 's-2', signUp: Partial<SignUp> = {}) => ({
  signUp: aSignUp({ shiftId: id, ...signUp }),
  shift: aShift({ id, start, end }),
});

describe('deciding a sign-up', () => {
  it('accepts when nothing stands in the way', () => {
    expect(decideSignUp(request())).toEqual({ accepted: true, refusals: [], override: null });
  });

  it('refuses a full shift and offers the waiting list; waiting and cancelled sign-ups take no place', () => {
    const full = [aSignUp({ id: 'a' }), aSignUp({ id: 'b' }), aSignUp({ id: 'c', status: 'waiting' })];
    expect(decideSignUp(request({ shiftSignUps: full }))).toEqual({
      accepted: false,
      refusals: [{ code: 'shift_full', offerWaitingList: true }],
      overrideError: null,
    });
    const freed = [
      aSignUp({ id: 'a' }),
      aSignUp({ id: 'b', status: 'cancelled' }),
      aSignUp({ id: 'c', deleted: true }),
    ];
    expect(decideSignUp(request({ shiftSignUps: freed })).accepted).toBe(true);
  });

  it('refuses an overlap with another non-cancelled shift of the volunteer, naming it', () => {
    const decision = decideSignUp(
      request({ volunteerBookings: [booking('2026-06-13T13:00:00.000Z', '2026-06-13T15:00:00.000Z')] }),
    );
    expect(decision.refusals).toEqual([{ code: 'overlap', conflictingShiftIds: ['s-2'] }]);
    // Cancelled or deleted bookings do not count; a waiting-list place does.
    const cancelled = booking('2026-06-13T13:00:00.000Z', '2026-06-13T15:00:00.000Z', 's-2', { status: 'cancelled' });
    const deleted = booking('2026-06-13T13:00:00.000Z', '2026-06-13T15:00:00.000Z', 's-3', { deleted: true });
    expect(decideSignUp(request({ volunteerBookings: [cancelled, deleted] })).accepted).toBe(true);
    const waiting = booking('2026-06-13T13:00:00.000Z', '2026-06-13T15:00:00.000Z', 's-4', { status: 'waiting' });
    expect(decideSignUp(request({ volunteerBookings: [waiting] })).accepted).toBe(false);
  });

  it('lets back-to-back shifts through, and a short overlap within the tolerance', () => {
    const backToBack = booking('2026-06-13T14:00:00.000Z', '2026-06-13T16:00:00.000Z');
    expect(decideSignUp(request({ volunteerBookings: [backToBack] })).accepted).toBe(true);
    const fiveMinutes = booking('2026-06-13T13:55:00.000Z', '2026-06-13T16:00:00.000Z');
    expect(decideSignUp(request({ volunteerBookings: [fiveMinutes] })).accepted).toBe(false);
    expect(decideSignUp(request({ volunteerBookings: [fiveMinutes], overlapToleranceMinutes: 5 })).accepted).toBe(true);
    expect(decideSignUp(request({ volunteerBookings: [fiveMinutes], overlapToleranceMinutes: 4 })).accepted).toBe(
      false,
    );
  });

  it('lists every conflicting shift, sorted by start', () => {
    const ids = overlappingShiftIds(
      shift,
      [
        booking('2026-06-13T13:30:00.000Z', '2026-06-13T15:00:00.000Z', 's-late'),
        booking('2026-06-13T11:00:00.000Z', '2026-06-13T12:30:00.000Z', 's-early'),
        booking('2026-06-13T15:00:00.000Z', '2026-06-13T16:00:00.000Z', 's-after'),
      ],
      0,
    );
    expect(ids).toEqual(['s-early', 's-late']);
  });

  it('refuses a person under the mission’s minimum age on the shift’s date', () => {
    const mission = aMission({ minimumAge: 16 });
    const fifteen = aVolunteer({ birthDate: '2010-06-14' });
    expect(decideSignUp(request({ mission, volunteer: fifteen })).refusals).toEqual([
      { code: 'under_minimum_age', minimumAge: 16 },
    ]);
    const sixteenThatDay = aVolunteer({ birthDate: '2010-06-13' });
    expect(decideSignUp(request({ mission, volunteer: sixteenThatDay })).accepted).toBe(true);
    // Unknown age: not refused.
    expect(decideSignUp(request({ mission, volunteer: aVolunteer({ birthDate: null }) })).accepted).toBe(true);
  });

  it('refuses a minor without parental authorisation where the mission requires one', () => {
    const mission = aMission({ minorsNeedAuthorisation: true });
    const minor = aVolunteer({ birthDate: '2010-01-01', parentalAuthorisation: 'missing' });
    expect(decideSignUp(request({ mission, volunteer: minor })).refusals).toEqual([
      { code: 'minor_without_authorisation' },
    ]);
    expect(
      decideSignUp(request({ mission, volunteer: { ...minor, parentalAuthorisation: 'received' } })).accepted,
    ).toBe(true);
    expect(decideSignUp(request({ volunteer: minor })).accepted).toBe(true);
  });

  it('refuses an inactive or archived volunteer', () => {
    expect(decideSignUp(request({ volunteer: aVolunteer({ status: 'inactive' }) })).refusals).toEqual([
      { code: 'volunteer_inactive', status: 'inactive' },
    ]);
    expect(decideSignUp(request({ volunteer: aVolunteer({ status: 'archived' }) })).refusals).toEqual([
      { code: 'volunteer_inactive', status: 'archived' },
    ]);
  });

  it('reports every reason that applies, in a fixed order', () => {
    const decision = decideSignUp(
      request({
        volunteer: aVolunteer({ status: 'archived', birthDate: '2012-01-01', parentalAuthorisation: null }),
        mission: aMission({ minimumAge: 16, minorsNeedAuthorisation: true }),
        shiftSignUps: [aSignUp({ id: 'a' }), aSignUp({ id: 'b' })],
        volunteerBookings: [booking('2026-06-13T12:00:00.000Z', '2026-06-13T13:00:00.000Z')],
      }),
    );
    expect(decision.refusals.map((refusal) => refusal.code)).toEqual([
      'shift_full',
      'overlap',
      'under_minimum_age',
      'minor_without_authorisation',
      'volunteer_inactive',
    ]);
  });

  it('turns a refusal into an acceptance with an override that says who, when and why', () => {
    const override = { operator: 'Camille', at: '2026-06-01T09:00:00.000Z', reason: '  Référente de la mission  ' };
    const full = [aSignUp({ id: 'a' }), aSignUp({ id: 'b' })];
    expect(decideSignUp(request({ shiftSignUps: full, override }))).toEqual({
      accepted: true,
      refusals: [{ code: 'shift_full', offerWaitingList: true }],
      override: { ...override, reason: 'Référente de la mission' },
    });
  });

  it('refuses an override without a reason or an operator', () => {
    const full = [aSignUp({ id: 'a' }), aSignUp({ id: 'b' })];
    const at = '2026-06-01T09:00:00.000Z';
    expect(
      decideSignUp(request({ shiftSignUps: full, override: { operator: 'Camille', at, reason: ' ' } })),
    ).toMatchObject({
      accepted: false,
      overrideError: 'override_reason_required',
    });
    expect(decideSignUp(request({ shiftSignUps: full, override: { operator: '', at, reason: 'ok' } }))).toMatchObject({
      accepted: false,
      overrideError: 'override_operator_required',
    });
  });
});

describe('sign-up invariants (property-based)', () => {
  const HOUR = 3_600_000;
  const BASE = Date.UTC(2026, 5, 13, 8);

  it('never confirms more people than the capacity without an override', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.array(
          fc.record({
            cancelIndex: fc.option(fc.nat(), { nil: null }),
            overrideReason: fc.option(fc.string(), { nil: null }),
          }),
          {
            maxLength: 30,
          },
        ),
        (capacity, attempts) => {
          const target = aShift({ capacity });
          let signUps: SignUp[] = [];
          let overrides = 0;
          attempts.forEach((attempt, index) => {
            if (attempt.cancelIndex !== null && signUps.length > 0) {
              const victim = signUps[attempt.cancelIndex % signUps.length]!;
              signUps = signUps.map((s) => (s.id === victim.id ? { ...s, status: 'cancelled' } : s));
            }
            const override =
              attempt.overrideReason === null
                ? null
                : { operator: 'Camille', at: '2026-06-01T09:00:00Z', reason: attempt.overrideReason };
            const decision = decideSignUp({
              volunteer: aVolunteer({ id: `v-${index}` }),
              shift: target,
              mission: aMission(),
              shiftSignUps: signUps,
              volunteerBookings: [],
              override,
            });
            if (decision.accepted) {
              if (decision.override) overrides++;
              signUps = [...signUps, aSignUp({ id: `su-${index}`, volunteerId: `v-${index}` })];
            }
            expect(confirmedCount(signUps)).toBeLessThanOrEqual(capacity + overrides);
          });
        },
      ),
    );
  });

  it('never double-books a volunteer silently: every accepted overlap carries an override', () => {
    const shiftArb = fc
      .tuple(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 1, max: 8 }))
      .map(([startHalfHour, halfHours]) => ({
        start: BASE + (startHalfHour * HOUR) / 2,
        end: BASE + ((startHalfHour + halfHours) * HOUR) / 2,
      }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(shiftArb, fc.boolean()), { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        (attempts, tolerance) => {
          const booked: { signUp: SignUp; shift: Shift; overridden: boolean }[] = [];
          attempts.forEach(([times, withOverride], index) => {
            const candidate = aShift({
              id: `s-${index}`,
              start: new Date(times.start).toISOString(),
              end: new Date(times.end).toISOString(),
            });
            const decision = decideSignUp({
              volunteer: aVolunteer(),
              shift: candidate,
              mission: aMission(),
              shiftSignUps: [],
              volunteerBookings: booked,
              overlapToleranceMinutes: tolerance,
              override: withOverride
                ? { operator: 'Camille', at: '2026-06-01T09:00:00Z', reason: 'besoin urgent' }
                : null,
            });
            if (!decision.accepted) return;
            const sharesMoreThanTolerance = booked.some(
              (b) =>
                Math.min(times.end, Date.parse(b.shift.end)) - Math.max(times.start, Date.parse(b.shift.start)) >
                tolerance * 60_000,
            );
            if (sharesMoreThanTolerance) {
              expect(decision.override).not.toBeNull();
              expect(decision.refusals.map((r) => r.code)).toContain('overlap');
            }
            booked.push({
              signUp: aSignUp({ id: `su-${index}`, shiftId: candidate.id }),
              shift: candidate,
              overridden: withOverride,
            });
          });
        },
      ),
    );
  });
});
