import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityStatus, fillPercent } from '../../../shared/domain/capacity';
import type { SignUp } from '../../../shared/domain/model';
import {
  orderWaitingList,
  promotionsAfterChange,
  PROMOTION_PATCH,
  waitingListPosition,
} from '../../../shared/domain/waiting-list';
import { aShift, aSignUp } from './factories';

const waiting = (id: string, waitingSince: string | null, fields: Partial<SignUp> = {}) =>
  aSignUp({ id, status: 'waiting', waitingSince, ...fields });

describe('the waiting list', () => {
  it('is ordered by the time people joined it, then by id', () => {
    const list = [
      waiting('c', '2026-06-01T10:00:00Z'),
      waiting('b', '2026-06-01T09:00:00Z'),
      waiting('a', '2026-06-01T10:00:00Z'),
      waiting('z', '2026-06-01T08:00:00+02:00'), // 06:00 UTC: first, although it sorts last as text
      aSignUp({ id: 'x' }),
      waiting('d', '2026-06-01T07:00:00Z', { deleted: true }),
    ];
    expect(orderWaitingList(list).map((s) => s.id)).toEqual(['z', 'b', 'a', 'c']);
    expect(waitingListPosition(list, 'a')).toBe(3);
    expect(waitingListPosition(list, 'x')).toBeNull();
  });

  it('promotes the first person when a place frees up, marked to confirm', () => {
    const signUps = [
      aSignUp({ id: 'in-1' }),
      aSignUp({ id: 'in-2', status: 'cancelled' }),
      waiting('w-2', '2026-06-02T10:00:00Z'),
      waiting('w-1', '2026-06-01T10:00:00Z'),
    ];
    expect(promotionsAfterChange(aShift({ capacity: 2 }), signUps)).toEqual([
      { signUpId: 'w-1', patch: PROMOTION_PATCH },
    ]);
    expect(PROMOTION_PATCH).toEqual({ status: 'signed_up', toConfirm: true, waitingSince: null });
    expect(promotionsAfterChange(aShift({ capacity: 3 }), signUps).map((p) => p.signUpId)).toEqual(['w-1', 'w-2']);
    expect(promotionsAfterChange(aShift({ capacity: 1 }), signUps)).toEqual([]);
  });

  it('keeps its order through promotions (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), minute: fc.integer({ min: 0, max: 20 }) }),
          {
            selector: (entry) => entry.id,
            maxLength: 15,
          },
        ),
        fc.integer({ min: 0, max: 20 }),
        (entries, capacity) => {
          const signUps = entries.map(({ id, minute }) =>
            waiting(id, new Date(Date.UTC(2026, 5, 1, 10, minute)).toISOString()),
          );
          const before = orderWaitingList(signUps).map((s) => s.id);
          const promoted = promotionsAfterChange(aShift({ capacity }), signUps).map((p) => p.signUpId);
          // Promotions are exactly the head of the list, and the rest keeps its order.
          expect(promoted).toEqual(before.slice(0, promoted.length));
          expect(promoted.length).toBe(Math.min(capacity, before.length));
          const after = orderWaitingList(
            signUps.map((s) => (promoted.includes(s.id) ? { ...s, ...PROMOTION_PATCH } : s)),
          ).map((s) => s.id);
          expect(after).toEqual(before.slice(promoted.length));
          // The order is a total order: shuffling the input does not change it.
          expect(orderWaitingList([...signUps].reverse()).map((s) => s.id)).toEqual(before);
        },
      ),
    );
  });
});

describe('capacity', () => {
  it('counts confirmed places, free places, the fill rate and the needs per role', () => {
    const shift = aShift({
      capacity: 8,
      roleNeeds: [
        { role: 'facilitator', count: 2 },
        { role: 'volunteer', count: 6 },
      ],
    });
    const signUps = [
      aSignUp({ id: '1', role: 'facilitator' }),
      aSignUp({ id: '2' }),
      aSignUp({ id: '3' }),
      aSignUp({ id: '4', status: 'waiting' }),
      aSignUp({ id: '5', status: 'cancelled', role: 'facilitator' }),
      aSignUp({ id: '6', deleted: true }),
    ];
    expect(capacityStatus(shift, signUps)).toEqual({
      capacity: 8,
      confirmed: 3,
      waiting: 1,
      free: 5,
      isFull: false,
      overbooked: false,
      fillPercent: 38,
      roles: [
        { role: 'facilitator', needed: 2, filled: 1, missing: 1 },
        { role: 'volunteer', needed: 6, filled: 2, missing: 4 },
      ],
    });
  });

  it('reports an overbooked shift (after an override) without negative free places', () => {
    const status = capacityStatus(aShift({ capacity: 1 }), [aSignUp({ id: '1' }), aSignUp({ id: '2' })]);
    expect(status).toMatchObject({ free: 0, isFull: true, overbooked: true, fillPercent: 200 });
  });

  it('rounds the fill rate half up and has none for a capacity of 0', () => {
    expect(fillPercent(1, 8)).toBe(13); // 12.5 %
    expect(fillPercent(1, 3)).toBe(33);
    expect(fillPercent(2, 3)).toBe(67);
    expect(fillPercent(0, 0)).toBeNull();
  });
});
