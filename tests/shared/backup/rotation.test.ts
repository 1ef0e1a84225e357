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

const day = (entry: RotationEntry) => entry.createdAt.slice(0, 10);

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
        const weekOf = (entry: RotationEntry) => {
          const date = new Date(entry.createdAt);
          return Math.floor((date.getTime() - Date.UTC(1970, 0, 5)) / (7 * DAY));
        };
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
