import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_DAILY, KEEP_WEEKLY, planRotation, type RotationEntry } from '../../../shared/backup';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

const entriesArbitrary = fc.uniqueArray(fc.integer({ min: 0, max: 200 * DAY }), { maxLength: 60 }).map((offsets) =>
  offsets.map((offset, index): RotationEntry => ({
    name: `auto-${index}.zip`,
    createdAt: new Date(START + offset).toISOString(),
  })),
);

/** The Paris calendar date of an entry, computed here through Intl (not through the code under test). */
const parisDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const day = (entry: RotationEntry) => parisDateFormat.format(new Date(entry.createdAt));

/** The Paris ISO week of an entry, as the number of Mondays since 5 January 1970 (a Monday) before its Paris date. */
const weekOf = (entry: RotationEntry) => {
  const date = Date.parse(`${day(entry)}T00:00:00Z`);
  return Math.floor((date - Date.UTC(1970, 0, 5)) / (7 * DAY));
};

describe('rotation of automatic backups', () => {
  it('keeps the newest of each of the 7 most recent days, and at most 7 + 4 files', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const { keep, remove } = planRotation(entries);
        expect([...keep, ...remove].sort()).toEqual(entries.map((entry) => entry.name).sort());
        expect(keep.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_WEEKLY);
        const byDay = new Map<string, RotationEntry>();
        for (const entry of [...entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))) {
          if (!byDay.has(day(entry))) byDay.set(day(entry), entry);
        }
        const recentDays = [...byDay.keys()].sort().reverse().slice(0, KEEP_DAILY);
        for (const recent of recentDays) expect(keep).toContain(byDay.get(recent)!.name);
        // The newest backup is always kept.
        if (entries.length > 0) expect(keep).toContain(byDay.get(recentDays[0]!)!.name);
      }),
    );
  });

  it('keeps one file per week for the 4 most recent weeks that have one', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const { keep } = planRotation(entries);
        const weeks = [...new Set(entries.map(weekOf))].sort((a, b) => b - a).slice(0, KEEP_WEEKLY);
        const keptWeeks = new Set(entries.filter((entry) => keep.includes(entry.name)).map(weekOf));
        for (const week of weeks) expect(keptWeeks.has(week)).toBe(true);
      }),
    );
  });

  it('is stable: rotating what was kept keeps all of it, whatever the listing order', () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.boolean(), (entries, reverse) => {
        const { keep } = planRotation(entries);
        const kept = entries.filter((entry) => keep.includes(entry.name));
        const again = planRotation(reverse ? [...kept].reverse() : kept);
        expect(again.remove).toEqual([]);
        expect(planRotation([...entries].reverse()).keep.sort()).toEqual([...keep].sort());
      }),
    );
  });

  it('deletes nothing whose date cannot be read, and nothing while there are few backups', () => {
    const entries = [
      { name: 'a.zip', createdAt: 'not a date' },
      { name: 'b.zip', createdAt: '2026-03-01T10:00:00Z' },
      { name: 'c.zip', createdAt: '2026-03-01T09:00:00Z' },
    ];
    expect(planRotation(entries)).toEqual({ keep: ['a.zip', 'b.zip'], remove: ['c.zip'] });
    const week = Array.from({ length: 7 }, (_value, index) => ({
      name: `d${index}.zip`,
      createdAt: new Date(START + index * DAY).toISOString(),
    }));
    expect(planRotation(week).remove).toEqual([]);
  });

  it('over 30 days of one backup a day keeps 7 days and 4 weeks', () => {
    const month = Array.from({ length: 30 }, (_value, index) => ({
      name: `m${String(index).padStart(2, '0')}.zip`,
      createdAt: new Date(Date.parse('2026-03-01T08:00:00Z') + index * DAY).toISOString(),
    }));
    const { keep } = planRotation(month);
    // 1 March 2026 is a Sunday. Daily: 24–30 March. Weekly: the weeks of Monday 30, 23 (both newest already kept),
    // 16 and 9 March, each by its Sunday.
    expect(keep).toEqual([
      'm14.zip',
      'm21.zip',
      'm23.zip',
      'm24.zip',
      'm25.zip',
      'm26.zip',
      'm27.zip',
      'm28.zip',
      'm29.zip',
    ]);
  });
});

describe('rotation in Paris days and ISO weeks', () => {
  it('counts a backup made at 00:30 in Paris in that Paris day, not the previous UTC day', () => {
    // 23:30 on Saturday 28 March 2026 and 00:30 on Sunday 29 March in Paris (winter time, UTC+1): one UTC day, two
    // Paris days, so both are the newest of their day and both are kept.
    const entries = [
      { name: 'saturday-night.zip', createdAt: '2026-03-28T22:30:00Z' },
      { name: 'sunday-early.zip', createdAt: '2026-03-28T23:30:00Z' },
    ];
    expect(planRotation(entries).remove).toEqual([]);
    // 01:30 and 23:30 UTC on 29 March: 03:30 and 01:30 (next day) in Paris after the clocks went forward.
    const acrossMidnight = [
      { name: 'a.zip', createdAt: '2026-03-29T01:30:00Z' },
      { name: 'b.zip', createdAt: '2026-03-29T21:30:00Z' },
      { name: 'c.zip', createdAt: '2026-03-29T22:30:00Z' },
    ];
    // a and b are both on Sunday 29 March in Paris (03:30 and 23:30 summer time); c is at 00:30 on Monday 30 March.
    expect(planRotation(acrossMidnight)).toEqual({ keep: ['b.zip', 'c.zip'], remove: ['a.zip'] });
  });

  it('starts the week on Monday in Paris: 00:30 on Monday is a new week, 23:30 on Sunday is not', () => {
    // Six backups around midnight Paris time (22:30 or 23:30 UTC) around the October change.
    const nights = [
      '2026-10-18T22:30:00Z', // Mon 19 Oct 00:30 CEST
      '2026-10-24T22:30:00Z', // Sun 25 Oct 00:30 CEST (clocks go back at 03:00)
      '2026-10-25T23:30:00Z', // Mon 26 Oct 00:30 CET
      '2026-11-01T23:30:00Z', // Mon 2 Nov 00:30 CET
      '2026-11-08T22:30:00Z', // Sun 8 Nov 23:30 CET
      '2026-11-09T23:30:00Z', // Tue 10 Nov 00:30 CET
    ].map((createdAt, index) => ({ name: `n${index}.zip`, createdAt }));
    // With one daily slot, the weekly rule keeps the newest of the weeks of Monday 9 Nov (n5), 2 Nov (n4, Sunday
    // 8 Nov at 23:30, not n3), 26 Oct (n2, Monday 00:30) and 19 Oct (n1, Sunday 25 Oct, not n0).
    expect(planRotation(nights, { daily: 1, weekly: 4 })).toEqual({
      keep: ['n1.zip', 'n2.zip', 'n4.zip', 'n5.zip'],
      remove: ['n0.zip', 'n3.zip'],
    });
  });

  it('across both daylight-saving changes: at most 7 + 4 kept, the newest always, each recent Paris day and week', () => {
    const aroundChange = (change: string) =>
      fc.uniqueArray(fc.integer({ min: -20 * DAY, max: 20 * DAY }), { minLength: 1, maxLength: 80 }).map((offsets) =>
        offsets.map((offset, index): RotationEntry => ({
          name: `auto-${String(index).padStart(2, '0')}.zip`,
          createdAt: new Date(Date.parse(change) + offset).toISOString(),
        })),
      );
    const entries = fc.oneof(aroundChange('2026-03-29T01:00:00Z'), aroundChange('2026-10-25T01:00:00Z'));
    fc.assert(
      fc.property(entries, (list) => {
        const { keep } = planRotation(list);
        expect(keep.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_WEEKLY);
        const newestFirst = [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        expect(keep).toContain(newestFirst[0]!.name);
        const newestOfDay = new Map<string, string>();
        const newestOfWeek = new Map<number, string>();
        for (const entry of newestFirst) {
          if (!newestOfDay.has(day(entry))) newestOfDay.set(day(entry), entry.name);
          if (!newestOfWeek.has(weekOf(entry))) newestOfWeek.set(weekOf(entry), entry.name);
        }
        const recentDays = [...newestOfDay.keys()].sort().reverse().slice(0, KEEP_DAILY);
        for (const recent of recentDays) expect(keep).toContain(newestOfDay.get(recent));
        const recentWeeks = [...newestOfWeek.keys()].sort((a, b) => b - a).slice(0, KEEP_WEEKLY);
        for (const recent of recentWeeks) expect(keep).toContain(newestOfWeek.get(recent));
        // Nothing else is kept: every kept file is the newest of a recent day or of a recent week.
        const expected = new Set([
          ...recentDays.map((recent) => newestOfDay.get(recent)),
          ...recentWeeks.map((recent) => newestOfWeek.get(recent)),
        ]);
        expect(new Set(keep)).toEqual(expected);
      }),
    );
  });
});
