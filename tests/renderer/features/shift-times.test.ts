import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFromShift, EMPTY_SHIFT_DRAFT, validateShiftDraft } from '../../../renderer/features/missions/shift-times';
import type { Shift } from '../../../shared/domain/model';

const draft = (overrides: Partial<typeof EMPTY_SHIFT_DRAFT>) => ({ ...EMPTY_SHIFT_DRAFT, ...overrides });

describe('the shift form', () => {
  it('turns 22:00–06:00 into instants that last 9 h on 24–25 Oct 2026 and 7 h on 28–29 Mar 2026', () => {
    const autumn = validateShiftDraft(draft({ date: '2026-10-24', start: '22:00', end: '06:00' }));
    const spring = validateShiftDraft(draft({ date: '2026-03-28', start: '22:00', end: '06:00' }));
    if (!autumn.ok || !spring.ok) throw new Error('should pass');
    expect(autumn.endsNextDay).toBe(true);
    expect(autumn.fields).toMatchObject({ start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T05:00:00.000Z' });
    expect((Date.parse(autumn.fields.end) - Date.parse(autumn.fields.start)) / 3_600_000).toBe(9);
    expect((Date.parse(spring.fields.end) - Date.parse(spring.fields.start)) / 3_600_000).toBe(7);
  });

  it('refuses 02:30 on 29 March 2026 and asks which 02:30 on 25 October 2026', () => {
    expect(validateShiftDraft(draft({ date: '2026-03-29', start: '02:30', end: '04:00' }))).toEqual({
      ok: false,
      errors: { start: { key: 'nonexistent_local_time', ns: 'domain' } },
      ambiguous: null,
    });
    const asked = validateShiftDraft(draft({ date: '2026-10-25', start: '02:30', end: '04:00' }));
    expect(asked).toMatchObject({ ok: false, ambiguous: { field: 'start', date: '2026-10-25' } });
    const later = validateShiftDraft(draft({ date: '2026-10-25', start: '02:30', end: '04:00', startFold: 'later' }));
    expect(later.ok && later.fields.start).toBe('2026-10-25T01:30:00.000Z');
  });

  it('keeps positive needs per role, refuses non-numbers, and requires a capacity', () => {
    const result = validateShiftDraft(
      draft({
        date: '2026-12-01',
        start: '18:00',
        end: '20:00',
        roleNeeds: { volunteer: '6', referent: '0', facilitator: '2', welcome: '' },
      }),
    );
    expect(result.ok && result.fields.roleNeeds).toEqual([
      { role: 'volunteer', count: 6 },
      { role: 'facilitator', count: 2 },
    ]);
    const bad = validateShiftDraft(
      draft({
        date: '2026-12-01',
        start: '18:00',
        end: '20:00',
        capacity: '0',
        roleNeeds: { ...EMPTY_SHIFT_DRAFT.roleNeeds, welcome: 'deux' },
      }),
    );
    expect(bad).toMatchObject({
      ok: false,
      errors: { capacity: { key: 'missions.errors.integer' }, welcome: { key: 'missions.errors.integer' } },
    });
  });

  it('shows any saved shift back exactly: editing without changes gives the same instants', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * 365 * 24 * 4 }),
        fc.integer({ min: 1, max: 12 * 4 }),
        (quarterHours, lengthQuarters) => {
          const start = new Date(base + quarterHours * 900_000).toISOString();
          const end = new Date(Date.parse(start) + lengthQuarters * 900_000).toISOString();
          // Shifts shorter than a day whose end wall time is after the start wall time, or that cross midnight.
          const shift = { start, end, capacity: 5, roleNeeds: [], requiredSkill: null } as unknown as Shift;
          const back = validateShiftDraft(draftFromShift(shift));
          if (!back.ok) return false;
          return back.fields.start === start && back.fields.end === end;
        },
      ),
    );
  });
});
