import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToLocalDate, isoWeekdayOfLocalDate } from '../../../shared/domain/local-date';
import { formatParisIsoOffset, parisDateAndTimeToInstant } from '../../../shared/domain/paris-time';
import { expandRecurrence, type RecurrencePattern } from '../../../shared/domain/recurrence';

function preview(pattern: RecurrencePattern, maxOccurrences?: number) {
  const result = expandRecurrence(pattern, maxOccurrences === undefined ? {} : { maxOccurrences });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

describe('recurring shifts', () => {
  it('expands every Tuesday and Thursday 18:00–20:00 for 8 weeks, in Paris time', () => {
    const { occurrences, skipped } = preview({
      daysOfWeek: [2, 4],
      startTime: '18:00',
      endTime: '20:00',
      from: '2026-09-01',
      to: '2026-10-26',
    });
    expect(occurrences).toHaveLength(16);
    expect(skipped).toEqual([]);
    expect(occurrences.every((o) => [2, 4].includes(isoWeekdayOfLocalDate(o.date)))).toBe(true);
    expect(occurrences[0]).toEqual({
      date: '2026-09-01',
      start: '2026-09-01T16:00:00.000Z',
      end: '2026-09-01T18:00:00.000Z',
      durationSeconds: 7200,
      flags: [],
    });
    // After the change back to winter time, 18:00 is 17:00 UTC.
    expect(occurrences.at(-1)?.start).toBe('2026-10-22T16:00:00.000Z');
    expect(occurrences.map((o) => formatParisIsoOffset(o.start).slice(11, 16))).toEqual(Array(16).fill('18:00'));
  });

  it('skips exception dates with their reason', () => {
    const { occurrences, skipped } = preview({
      daysOfWeek: [1],
      startTime: '10:00',
      endTime: '12:00',
      from: '2026-12-14',
      to: '2027-01-04',
      exceptions: ['2026-12-28'],
    });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-12-14', '2026-12-21', '2027-01-04']);
    expect(skipped).toEqual([{ date: '2026-12-28', reason: 'exception_date' }]);
  });

  it('never produces a shift at 02:30 on 29 March 2026: that date is skipped as nonexistent', () => {
    const { occurrences, skipped } = preview({
      daysOfWeek: [7],
      startTime: '02:30',
      endTime: '04:00',
      from: '2026-03-22',
      to: '2026-04-05',
    });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-22', '2026-04-05']);
    expect(skipped).toEqual([{ date: '2026-03-29', reason: 'nonexistent_start' }]);
  });

  it('skips a shift whose end falls in the gap', () => {
    const { skipped } = preview({
      daysOfWeek: [6],
      startTime: '22:00',
      endTime: '02:15',
      from: '2026-03-28',
      to: '2026-03-28',
    });
    expect(skipped).toEqual([{ date: '2026-03-28', reason: 'nonexistent_end' }]);
  });

  it('gives overnight shifts their real length across both changes of 2026', () => {
    const { occurrences } = preview({
      daysOfWeek: [6],
      startTime: '22:00',
      endTime: '06:00',
      from: '2026-03-21',
      to: '2026-10-31',
    });
    const hoursOn = (date: string) => (occurrences.find((o) => o.date === date)?.durationSeconds ?? 0) / 3600;
    expect(hoursOn('2026-03-21')).toBe(8);
    expect(hoursOn('2026-03-28')).toBe(7);
    expect(hoursOn('2026-10-24')).toBe(9);
    expect(hoursOn('2026-10-31')).toBe(8);
  });

  it('takes the earlier 02:30 of 25 October 2026 by default and flags it; the later on request', () => {
    const pattern: RecurrencePattern = {
      daysOfWeek: [7],
      startTime: '02:30',
      endTime: '05:00',
      from: '2026-10-25',
      to: '2026-10-25',
    };
    const [earlier] = preview(pattern).occurrences;
    expect(earlier).toMatchObject({
      start: '2026-10-25T00:30:00.000Z',
      flags: ['ambiguous_start'],
      durationSeconds: 3.5 * 3600,
    });
    const [later] = preview({ ...pattern, fold: 'later' }).occurrences;
    expect(later).toMatchObject({
      start: '2026-10-25T01:30:00.000Z',
      flags: ['ambiguous_start'],
      durationSeconds: 2.5 * 3600,
    });
  });

  it('refuses more occurrences than the cap, with the count, before building them', () => {
    const result = expandRecurrence({
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '10:00',
      from: '2026-01-01',
      to: '2027-12-31',
    });
    expect(result).toEqual({ ok: false, error: 'too_many_occurrences', count: 730, max: 500 });
    const small = expandRecurrence(
      {
        daysOfWeek: [1],
        startTime: '09:00',
        endTime: '10:00',
        from: '2026-01-05',
        to: '2026-02-02',
        exceptions: ['2026-01-12'],
      },
      { maxOccurrences: 4 },
    );
    expect(small.ok).toBe(true);
  });

  it('refuses an invalid pattern', () => {
    const valid: RecurrencePattern = {
      daysOfWeek: [1],
      startTime: '09:00',
      endTime: '10:00',
      from: '2026-01-01',
      to: '2026-02-01',
    };
    for (const broken of [
      { ...valid, daysOfWeek: [] },
      { ...valid, daysOfWeek: [0] },
      { ...valid, daysOfWeek: [8] },
      { ...valid, startTime: '25:00' },
      { ...valid, endTime: '9h' },
      { ...valid, from: '2026-02-30' },
      { ...valid, from: '2026-03-01' },
      { ...valid, exceptions: ['demain'] },
    ]) {
      expect(expandRecurrence(broken)).toEqual({ ok: false, error: 'invalid_recurrence_pattern' });
    }
  });

  it('never lands in a gap, keeps the pattern’s wall times, and accounts for every matching date', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const pattern = fc.record({
      daysOfWeek: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      startTime: fc.oneof(time, fc.constantFrom('02:00', '02:30', '02:59')),
      endTime: fc.oneof(time, fc.constantFrom('02:15', '03:00')),
      from: fc.constantFrom('2026-03-20', '2026-10-20', '2027-03-25', '2027-10-28'),
      length: fc.integer({ min: 0, max: 20 }),
      fold: fc.constantFrom('earlier' as const, 'later' as const),
    });
    fc.assert(
      fc.property(pattern, ({ length, ...rest }) => {
        const full: RecurrencePattern = { ...rest, to: addDaysToLocalDate(rest.from, length) };
        const { occurrences, skipped } = preview(full);
        let matching = 0;
        for (let d = 0; d <= length; d++) {
          if (full.daysOfWeek.includes(isoWeekdayOfLocalDate(addDaysToLocalDate(full.from, d)))) matching++;
        }
        expect(occurrences.length + skipped.length).toBe(matching);
        for (const occurrence of occurrences) {
          // The start instant shows exactly the pattern's time on the pattern's date: never shifted out of a gap.
          expect(formatParisIsoOffset(occurrence.start).slice(0, 16)).toBe(`${occurrence.date}T${full.startTime}`);
          expect(formatParisIsoOffset(occurrence.end).slice(11, 16)).toBe(full.endTime);
          expect(occurrence.durationSeconds).toBeGreaterThan(0);
        }
        for (const { date, reason } of skipped) {
          if (reason === 'nonexistent_start')
            expect(parisDateAndTimeToInstant(date, full.startTime)).toMatchObject({ error: 'nonexistent_local_time' });
        }
      }),
    );
  });
});
