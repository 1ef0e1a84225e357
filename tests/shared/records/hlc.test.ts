import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  createHlcClock,
  decodeHlc,
  encodeHlc,
  receiveHlc,
  tickHlc,
  type Hlc,
} from '../../../shared/records/hlc';

const MAX_WALL = 10 ** 15 - 1;
const deskId = fc.string({ minLength: 1, maxLength: 12 });
const hlc = fc.record({
  wallMs: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: MAX_WALL })),
  counter: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 999_999 })),
  deskId,
});
const now = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(1_767_225_600_000));

/** (wall, counter, desk) order, the clock's meaning. */
function tupleOrder(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.deskId < b.deskId ? -1 : a.deskId > b.deskId ? 1 : 0;
}

/** Strictly after, ignoring the desk (which only breaks ties between desks). */
function isAfter(a: Hlc, b: Hlc): boolean {
  return a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter);
}

describe('hybrid logical clock', () => {
  it('encodes and decodes to the same clock (property)', () => {
    fc.assert(
      fc.property(hlc, (clock) => {
        expect(decodeHlc(encodeHlc(clock))).toEqual(clock);
      }),
    );
  });

  it('round-trips any desk id, line breaks included', () => {
    const clock = { wallMs: 1, counter: 2, deskId: 'desk\nportable' };
    expect(decodeHlc(encodeHlc(clock))).toEqual(clock);
  });

  it('orders strings as (wall, counter, desk) tuples (property)', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(tupleOrder(a, b));
      }),
    );
  });

  it('refuses clocks that the fixed-width encoding cannot hold', () => {
    expect(() => encodeHlc({ wallMs: 10 ** 15, counter: 0, deskId: 'a' })).toThrow(RangeError);
    expect(() => encodeHlc({ wallMs: -1, counter: 0, deskId: 'a' })).toThrow(RangeError);
    expect(() => encodeHlc({ wallMs: 0, counter: 1_000_000, deskId: 'a' })).toThrow(RangeError);
    expect(() => encodeHlc({ wallMs: 0, counter: 0, deskId: '' })).toThrow(RangeError);
    expect(() => decodeHlc('2026-01-01')).toThrow(SyntaxError);
  });

  it('ticks strictly forward whatever the wall clock does, backwards included (property)', () => {
    fc.assert(
      fc.property(fc.array(now, { minLength: 1, maxLength: 50 }), (nows) => {
        let index = 0;
        const clock = createHlcClock('desk-a', () => nows[index++ % nows.length]!);
        let previous = clock.next();
        for (let i = 1; i < nows.length; i++) {
          const next = clock.next();
          expect(compareHlc(next, previous)).toBeGreaterThan(0);
          previous = next;
        }
      }),
    );
  });

  it('tick is after the last clock and not before the wall clock (property)', () => {
    fc.assert(
      fc.property(hlc, now, (last, nowMs) => {
        fc.pre(last.wallMs < MAX_WALL);
        const next = tickHlc(last, nowMs);
        expect(isAfter(next, last)).toBe(true);
        expect(next.wallMs).toBeGreaterThanOrEqual(Math.min(nowMs, MAX_WALL));
        expect(next.deskId).toBe(last.deskId);
      }),
    );
  });

  it('receive gives a clock after both the local and the remote one (property)', () => {
    fc.assert(
      fc.property(hlc, hlc, now, (local, remote, nowMs) => {
        fc.pre(local.wallMs < MAX_WALL && remote.wallMs < MAX_WALL);
        const received = receiveHlc(local, remote, nowMs);
        expect(isAfter(received, local)).toBe(true);
        expect(isAfter(received, remote)).toBe(true);
        expect(received.deskId).toBe(local.deskId);
      }),
    );
  });

  it('a clock that observed a remote value produces only later values', () => {
    const clock = createHlcClock('desk-a', () => 1_000);
    const remote = encodeHlc({ wallMs: 5_000, counter: 7, deskId: 'desk-b' });
    clock.observe(remote);
    expect(compareHlc(clock.next(), remote)).toBeGreaterThan(0);
  });

  it('carries a full counter into the next millisecond', () => {
    expect(tickHlc({ wallMs: 10, counter: 999_999, deskId: 'a' }, 10)).toEqual({ wallMs: 11, counter: 0, deskId: 'a' });
  });
});
