import { toEpochMs, type Instant } from './paris-time';

/**
 * Hours as the city export computes them (city-export.md, "Times and numbers are computed exactly"): instants floored
 * to the second; a duration is the whole seconds between two instants; hours are seconds / 3600 rounded ONCE, half
 * away from zero, to two decimals, in decimal arithmetic. Hours are carried as an integer number of hundredths
 * (9.5 h = 950), so sums of already-rounded values stay exact and no binary floating point ever rounds them.
 */

/** Hundredths of an hour: 950 is 9.5 h. */
export type Hundredths = number;

const SECONDS_PER_HUNDREDTH = 36;

/** An instant floored to the whole second, as seconds since the epoch. */
export function floorToSecond(instant: Instant | number): number {
  return Math.floor(toEpochMs(instant) / 1000);
}

/** Whole seconds from `start` to `end`, each floored to the second first (negative when `end` is earlier). */
export function durationSeconds(start: Instant | number, end: Instant | number): number {
  return floorToSecond(end) - floorToSecond(start);
}

/** seconds / 3600 in hundredths, i.e. seconds / 36, rounded half away from zero in integer arithmetic. */
export function hundredthsFromSeconds(seconds: number): Hundredths {
  if (!Number.isSafeInteger(seconds)) throw new RangeError(`Not a whole number of seconds: ${seconds}`);
  const magnitude = Math.abs(seconds);
  const quotient = Math.floor(magnitude / SECONDS_PER_HUNDREDTH);
  const remainder = magnitude % SECONDS_PER_HUNDREDTH;
  const rounded = remainder * 2 >= SECONDS_PER_HUNDREDTH ? quotient + 1 : quotient;
  return seconds < 0 ? -rounded : rounded;
}

/** The hours between two instants, in hundredths (1 h 0 min 18 s → 101, i.e. 1,01). */
export function durationHundredths(start: Instant | number, end: Instant | number): Hundredths {
  return hundredthsFromSeconds(durationSeconds(start, end));
}

/**
 * Hours typed by a person (a coordinator's declared hours, stored as a JS number) to hundredths, rounded half away
 * from zero on the number's shortest decimal spelling: 1.005 is rounded as the decimal 1.005 → 1.01, not as the
 * binary double 1.00499999… → 1.00.
 */
export function hundredthsFromDecimalHours(hours: number): Hundredths {
  if (!Number.isFinite(hours)) throw new RangeError(`Not a number of hours: ${hours}`);
  const negative = hours < 0;
  const text = decimalSpelling(Math.abs(hours));
  const [whole = '0', fraction = ''] = text.split('.');
  const kept = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  const roundsUp = (fraction.charAt(2) || '0') >= '5';
  const rounded = roundsUp ? kept + 1 : kept;
  return negative && rounded !== 0 ? -rounded : rounded;
}

/** Sum of already-rounded values (0 when nothing is summed), exact because they are integers. */
export function sumHundredths(values: Iterable<Hundredths>): Hundredths {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Hundredths as the export's `dec` type writes them: at most two decimals, no trailing zeros, no thousands separator
 * ever (so not `Intl.NumberFormat('fr-FR')`, which inserts narrow no-break spaces): 950 → "9,5", 900 → "9",
 * 225 → "2,25", 5350 → "53,5".
 */
export function formatHundredths(value: Hundredths, decimalSeparator: ',' | '.'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of hundredths: ${value}`);
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}${decimalSeparator}${fraction}`;
}

/** The shortest decimal spelling of a non-negative number, without exponent (1e-7 → "0.0000001"). */
function decimalSpelling(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent notation only appears below 1e-6 or at and above 1e21: far below a hundredth, or no fraction at all.
  return value < 1 ? '0' : BigInt(value).toString();
}
