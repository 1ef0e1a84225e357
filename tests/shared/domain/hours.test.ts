import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationHundredths,
  durationSeconds,
  floorToSecond,
  formatHundredths,
  hundredthsFromDecimalHours,
  hundredthsFromSeconds,
  sumHundredths,
} from '../../../shared/domain/hours';

describe('exact hours (city-export.md)', () => {
  it('floors instants to the second before taking the difference', () => {
    expect(floorToSecond('2026-10-24T20:00:00.999Z')).toBe(Date.UTC(2026, 9, 24, 20) / 1000);
    expect(durationSeconds('2026-10-24T20:00:00.999Z', '2026-10-24T20:00:01.001Z')).toBe(1);
    expect(durationSeconds('2026-10-24T20:00:00.001Z', '2026-10-24T20:00:00.999Z')).toBe(0);
    expect(durationSeconds('2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00')).toBe(9 * 3600);
  });

  it('rounds seconds / 3600 once, half away from zero, to hundredths: 1 h 0 min 18 s is 1,01', () => {
    expect(hundredthsFromSeconds(3618)).toBe(101);
    expect(hundredthsFromSeconds(3617)).toBe(100);
    expect(hundredthsFromSeconds(17)).toBe(0);
    expect(hundredthsFromSeconds(18)).toBe(1);
    expect(hundredthsFromSeconds(-18)).toBe(-1);
    expect(hundredthsFromSeconds(9 * 3600 + 30 * 60)).toBe(950);
    expect(hundredthsFromSeconds(0)).toBe(0);
    expect(() => hundredthsFromSeconds(1.5)).toThrow(RangeError);
  });

  it('matches an exact rational reference for any whole number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (seconds) => {
        // Reference in BigInt: round(|s| * 100 / 3600) half away from zero.
        const magnitude = BigInt(Math.abs(seconds));
        const twice = (magnitude * 200n) / 3600n;
        const rounded = Number((twice + 1n) / 2n);
        expect(hundredthsFromSeconds(seconds)).toBe(seconds < 0 ? -rounded : rounded);
      }),
    );
  });

  it('computes the duration between two instants in hundredths', () => {
    expect(durationHundredths('2026-10-24T19:30:00Z', '2026-10-25T05:00:00Z')).toBe(950);
  });

  it('rounds declared hours on their decimal spelling, not their binary value', () => {
    expect(hundredthsFromDecimalHours(1.005)).toBe(101);
    expect(hundredthsFromDecimalHours(2.25)).toBe(225);
    expect(hundredthsFromDecimalHours(2.675)).toBe(268);
    expect(hundredthsFromDecimalHours(3)).toBe(300);
    expect(hundredthsFromDecimalHours(0.004)).toBe(0);
    expect(hundredthsFromDecimalHours(1e-7)).toBe(0);
    expect(hundredthsFromDecimalHours(-1.005)).toBe(-101);
  });

  it('sums already-rounded values, 0 when nothing is summed', () => {
    expect(sumHundredths([])).toBe(0);
    expect(sumHundredths([101, 101, 101])).toBe(303);
  });

  it('formats without trailing zeros and without thousands separator', () => {
    expect(formatHundredths(5350, ',')).toBe('53,5');
    expect(formatHundredths(5350, '.')).toBe('53.5');
    expect(formatHundredths(900, ',')).toBe('9');
    expect(formatHundredths(225, ',')).toBe('2,25');
    expect(formatHundredths(5, ',')).toBe('0,05');
    expect(formatHundredths(0, ',')).toBe('0');
    expect(formatHundredths(123456789, ',')).toBe('1234567,89');
    expect(formatHundredths(-150, '.')).toBe('-1.5');
  });

  it('formats so that parsing the text gives back the same hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (value) => {
        const text = formatHundredths(value, '.');
        expect(text).toMatch(/^-?\d+(\.\d?[1-9])?$/);
        expect(Math.round(Number(text) * 100)).toBe(value);
      }),
    );
  });
});
