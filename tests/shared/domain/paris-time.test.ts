import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationSeconds } from '../../../shared/domain/hours';
import { isoWeekdayOfLocalDate, startOfWeekOfLocalDate } from '../../../shared/domain/local-date';
import {
  elapsedMs,
  formatParisIsoOffset,
  instantToParisWallTime,
  isoWeekOfLocalDate,
  parisDateAndTimeToInstant,
  parisIsoWeek,
  parisLocalDate,
  parisLocalMonth,
  parisOffsetMinutes,
  parisWallTimeToInstant,
} from '../../../shared/domain/paris-time';

function instantOf(date: string, time: string, fold?: 'earlier' | 'later'): string {
  const result = parisDateAndTimeToInstant(date, time, fold ? { fold } : {});
  if (!result.ok) throw new Error(`${date} ${time}: ${result.error}`);
  return result.instant;
}

describe('Paris wall time to instants', () => {
  it('converts an ordinary winter and summer time with the offset in force', () => {
    expect(instantOf('2026-01-15', '14:30')).toBe('2026-01-15T13:30:00.000Z');
    expect(instantOf('2026-07-14', '22:00')).toBe('2026-07-14T20:00:00.000Z');
  });

  it('refuses 02:30 on 29 March 2026, which does not exist (spring forward)', () => {
    expect(parisDateAndTimeToInstant('2026-03-29', '02:30')).toEqual({ ok: false, error: 'nonexistent_local_time' });
    expect(parisDateAndTimeToInstant('2026-03-29', '02:00').ok).toBe(false);
    expect(parisDateAndTimeToInstant('2026-03-29', '02:59:59').ok).toBe(false);
    // The minutes either side of the gap exist.
    expect(instantOf('2026-03-29', '01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(instantOf('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reports 02:30 on 25 October 2026 as ambiguous, with both instants, and lets the caller choose', () => {
    expect(parisDateAndTimeToInstant('2026-10-25', '02:30')).toEqual({
      ok: false,
      error: 'ambiguous_local_time',
      earlier: '2026-10-25T00:30:00.000Z',
      later: '2026-10-25T01:30:00.000Z',
    });
    expect(instantOf('2026-10-25', '02:30', 'earlier')).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOf('2026-10-25', '02:30', 'later')).toBe('2026-10-25T01:30:00.000Z');
    // The hour before and after the repeated one is not ambiguous.
    expect(instantOf('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(instantOf('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('finds the 2027 changes (28 March and 31 October) without any hard-coded date', () => {
    expect(parisDateAndTimeToInstant('2027-03-28', '02:15')).toEqual({ ok: false, error: 'nonexistent_local_time' });
    expect(parisDateAndTimeToInstant('2027-10-31', '02:15')).toMatchObject({
      ok: false,
      error: 'ambiguous_local_time',
    });
    // A week earlier the same times are ordinary.
    expect(parisDateAndTimeToInstant('2027-03-21', '02:15').ok).toBe(true);
    expect(parisDateAndTimeToInstant('2027-10-24', '02:15').ok).toBe(true);
  });

  it('does not behave like the library constructor, which silently shifts such times', () => {
    // The trap this module exists for: TZDate quietly turns 02:30 (gap) into 03:30.
    const shifted = new TZDate(2026, 2, 29, 2, 30, 0, 'Europe/Paris');
    expect(shifted.getHours()).not.toBe(2);
    expect(parisWallTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }).ok).toBe(false);
  });

  it('refuses dates and times that are not in the calendar', () => {
    for (const [date, time] of [
      ['2026-02-31', '10:00'],
      ['2026-13-01', '10:00'],
      ['2026-01-01', '24:00'],
      ['2026-01-01', '10:60'],
      ['01/02/2026', '10:00'],
      ['2026-01-01', '9h'],
    ] as const) {
      expect(parisDateAndTimeToInstant(date, time)).toEqual({ ok: false, error: 'invalid_local_time' });
    }
    expect(parisDateAndTimeToInstant('2028-02-29', '10:00').ok).toBe(true);
  });
});

describe('instants to Paris wall time', () => {
  it('gives the local date, month and offset of an instant', () => {
    expect(parisLocalDate('2026-10-31T23:30:00Z')).toBe('2026-11-01');
    expect(parisLocalMonth('2026-10-31T23:30:00Z')).toBe('2026-11');
    expect(parisLocalDate('2026-07-31T21:59:59Z')).toBe('2026-07-31');
    expect(parisLocalDate('2026-07-31T22:00:00Z')).toBe('2026-08-01');
    expect(parisOffsetMinutes('2026-10-25T00:59:59Z')).toBe(120);
    expect(parisOffsetMinutes('2026-10-25T01:00:00Z')).toBe(60);
  });

  it('tells the two 02:30 of 25 October 2026 apart by their offsets', () => {
    expect(formatParisIsoOffset('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00');
    expect(formatParisIsoOffset('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00');
    expect(formatParisIsoOffset('2026-10-24T19:30:00Z')).toBe('2026-10-24T21:30:00+02:00');
  });

  it('round-trips every instant of a year through wall time (with the fold the offset tells)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (epochMs) => {
        const instant = Math.floor(epochMs / 1000) * 1000;
        const wall = instantToParisWallTime(instant);
        const result = parisWallTimeToInstant(wall, { fold: wall.offsetMinutes === 120 ? 'earlier' : 'later' });
        expect(result).toEqual({ ok: true, instant: new Date(instant).toISOString() });
      }),
    );
  });
});

describe('durations from instants', () => {
  it('22:00→06:00 lasts 9 h on 24–25 October 2026 and 7 h on 28–29 March 2026', () => {
    expect(durationSeconds(instantOf('2026-10-24', '22:00'), instantOf('2026-10-25', '06:00'))).toBe(9 * 3600);
    expect(durationSeconds(instantOf('2026-03-28', '22:00'), instantOf('2026-03-29', '06:00'))).toBe(7 * 3600);
    expect(durationSeconds(instantOf('2026-05-09', '22:00'), instantOf('2026-05-10', '06:00'))).toBe(8 * 3600);
  });

  it('equal the UTC difference, whatever the wall times say', () => {
    const wallTime = fc.record({
      year: fc.constantFrom(2026, 2027),
      month: fc.constantFrom(3, 10),
      day: fc.integer({ min: 20, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.constant(0),
    });
    fc.assert(
      fc.property(wallTime, wallTime, (a, b) => {
        const start = parisWallTimeToInstant(a, { fold: 'later' });
        const end = parisWallTimeToInstant(b, { fold: 'earlier' });
        if (!start.ok || !end.ok) return;
        const naive = (w: typeof a) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
        const offsetChangeMs = (parisOffsetMinutes(end.instant) - parisOffsetMinutes(start.instant)) * 60_000;
        expect(elapsedMs(start.instant, end.instant)).toBe(naive(b) - naive(a) - offsetChangeMs);
        expect(durationSeconds(start.instant, end.instant) * 1000).toBe(
          Date.parse(end.instant) - Date.parse(start.instant),
        );
      }),
    );
  });
});

describe('weeks', () => {
  it('start on Monday', () => {
    expect(isoWeekdayOfLocalDate('2026-11-30')).toBe(1);
    expect(isoWeekdayOfLocalDate('2026-11-29')).toBe(7);
    expect(startOfWeekOfLocalDate('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeekOfLocalDate('2026-11-30')).toBe('2026-11-30');
  });

  it('use ISO numbering: 2027-01-01 is in week 53 of 2026', () => {
    expect(isoWeekOfLocalDate('2027-01-01')).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOfLocalDate('2027-01-04')).toEqual({ isoYear: 2027, week: 1 });
    expect(isoWeekOfLocalDate('2026-01-01')).toEqual({ isoYear: 2026, week: 1 });
    // 31 Dec 2026 23:30 in Paris is still Thursday of week 53, although it is 1 January in some zones' eyes.
    expect(parisIsoWeek('2026-12-31T22:30:00Z')).toEqual({ isoYear: 2026, week: 53 });
    expect(parisIsoWeek('2027-01-03T23:30:00Z')).toEqual({ isoYear: 2027, week: 1 });
  });
});
