/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014).
 *
 * Every field of a shared record carries the clock of its last write, so that two desks that edited the same record
 * offline can be merged field by field (architecture.md, rule 7). A clock is encoded as a fixed-width string whose
 * lexicographic order is the clock order: wall time (ms, 15 digits), counter (6 digits), then the desk id as the
 * final tie-breaker. Strings keep records JSON-friendly and let IndexedDB index clocks directly.
 */

export interface Hlc {
  /** Wall-clock milliseconds since the Unix epoch (UTC). */
  readonly wallMs: number;
  /** Logical counter that orders events within one millisecond, or after a clock went backwards. */
  readonly counter: number;
  /** The desk (installation) that made the write. */
  readonly deskId: string;
}

export type HlcString = string;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
// [\s\S] rather than `.`: a desk id is any non-empty text, and `.` would stop at a line break.
const HLC_PATTERN = /^(\d{15})-(\d{6})-([\s\S]+)$/;

export function encodeHlc(clock: Hlc): HlcString {
  if (!Number.isSafeInteger(clock.wallMs) || clock.wallMs < 0 || clock.wallMs > MAX_WALL_MS)
    throw new RangeError('HLC wall time out of range');
  if (!Number.isInteger(clock.counter) || clock.counter < 0 || clock.counter > MAX_COUNTER) {
    throw new RangeError('HLC counter out of range');
  }
  if (clock.deskId.length === 0) throw new RangeError('HLC desk id is empty');
  return `${String(clock.wallMs).padStart(WALL_DIGITS, '0')}-${String(clock.counter).padStart(COUNTER_DIGITS, '0')}-${clock.deskId}`;
}

export function decodeHlc(text: HlcString): Hlc {
  const match = HLC_PATTERN.exec(text);
  if (!match) throw new SyntaxError(`Not a hybrid logical clock: ${text}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deskId: match[3] ?? '' };
}

export function isHlcString(text: string): boolean {
  return HLC_PATTERN.test(text);
}

/** Negative when a is earlier, positive when later, 0 when equal. The encoding makes this a string comparison. */
export function compareHlc(a: HlcString, b: HlcString): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: HlcString, b: HlcString): HlcString {
  return compareHlc(a, b) >= 0 ? a : b;
}

/** The clock for a new local event, strictly after `last` whatever the wall clock says. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  const wallMs = Math.max(last.wallMs, Math.floor(nowMs));
  const counter = wallMs === last.wallMs ? last.counter + 1 : 0;
  return carryCounter({ wallMs, counter, deskId: last.deskId });
}

/** A counter past its width moves the clock one millisecond on instead (bulk writes at a fixed `now`, e.g. seeding). */
function carryCounter(clock: Hlc): Hlc {
  return clock.counter > MAX_COUNTER ? { wallMs: clock.wallMs + 1, counter: 0, deskId: clock.deskId } : clock;
}

/** The local clock after seeing a remote one: after both, so later local writes win over what was received. */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wallMs = Math.max(local.wallMs, remote.wallMs, Math.floor(nowMs));
  let counter = 0;
  if (wallMs === local.wallMs && wallMs === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wallMs === local.wallMs) counter = local.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return carryCounter({ wallMs, counter, deskId: local.deskId });
}

/**
 * A stateful clock for one desk. `now` is injected so that tests, the seed generator and the command line are
 * deterministic.
 */
export interface HlcClock {
  readonly deskId: string;
  /** A new clock value, strictly greater than every value this clock produced or received. */
  next(): HlcString;
  /** Advance past a clock seen in merged or pulled data. */
  observe(remote: HlcString): void;
}

export function createHlcClock(deskId: string, now: () => number = Date.now, start?: HlcString): HlcClock {
  let last: Hlc = start ? { ...decodeHlc(start), deskId } : { wallMs: 0, counter: 0, deskId };
  return {
    deskId,
    next() {
      last = tickHlc(last, now());
      return encodeHlc(last);
    },
    observe(remote) {
      last = receiveHlc(last, decodeHlc(remote), now());
    },
  };
}
