import type { Role, Shift, SignUp } from './model';

/**
 * Capacity of a shift (product.md: capacity, optional needs per role, fill rates). Only live confirmed sign-ups
 * (`signed_up`, not deleted) take a place; people on the waiting list and cancelled ones do not.
 */

type PlaceHolder = Pick<SignUp, 'status' | 'deleted' | 'role'>;

export interface RoleFill {
  readonly role: Role;
  readonly needed: number;
  readonly filled: number;
  /** Places of that role still to fill (0 when the need is met or exceeded). */
  readonly missing: number;
}

export interface CapacityStatus {
  readonly capacity: number;
  readonly confirmed: number;
  readonly waiting: number;
  /** Places left; never negative, even when overrides put more people than places. */
  readonly free: number;
  readonly isFull: boolean;
  /** More confirmed than places (only an override can cause it). */
  readonly overbooked: boolean;
  /** confirmed / capacity in whole percent, rounded half up; null for a shift of capacity 0. */
  readonly fillPercent: number | null;
  readonly roles: readonly RoleFill[];
}

export function isConfirmed(signUp: Pick<SignUp, 'status' | 'deleted'>): boolean {
  return !signUp.deleted && signUp.status === 'signed_up';
}

export function isWaiting(signUp: Pick<SignUp, 'status' | 'deleted'>): boolean {
  return !signUp.deleted && signUp.status === 'waiting';
}

export function confirmedCount(signUps: Iterable<Pick<SignUp, 'status' | 'deleted'>>): number {
  let count = 0;
  for (const signUp of signUps) if (isConfirmed(signUp)) count++;
  return count;
}

export function freePlaces(shift: Pick<Shift, 'capacity'>, signUps: Iterable<Pick<SignUp, 'status' | 'deleted'>>) {
  return Math.max(0, shift.capacity - confirmedCount(signUps));
}

/** `signUps`: the sign-ups of this shift. */
export function capacityStatus(
  shift: Pick<Shift, 'capacity' | 'roleNeeds'>,
  signUps: readonly PlaceHolder[],
): CapacityStatus {
  const confirmed = signUps.filter(isConfirmed);
  return capacityFromCounts(shift, {
    confirmed: confirmed.length,
    waiting: signUps.filter(isWaiting).length,
    confirmedInRole: (role) => confirmed.filter((signUp) => signUp.role === role).length,
  });
}

/** What a shift's capacity status is made of, however it was counted (the planning counts by index). */
export interface PlaceCounts {
  /** Live confirmed sign-ups. */
  readonly confirmed: number;
  /** Live sign-ups on the waiting list. */
  readonly waiting: number;
  /** Live confirmed sign-ups in that role; only asked for the roles the shift needs. */
  readonly confirmedInRole: (role: Role) => number;
}

export function capacityFromCounts(shift: Pick<Shift, 'capacity' | 'roleNeeds'>, counts: PlaceCounts): CapacityStatus {
  const { confirmed, waiting } = counts;
  const roles = shift.roleNeeds.map(({ role, count }) => {
    const filled = counts.confirmedInRole(role);
    return { role, needed: count, filled, missing: Math.max(0, count - filled) };
  });
  return {
    capacity: shift.capacity,
    confirmed,
    waiting,
    free: Math.max(0, shift.capacity - confirmed),
    isFull: confirmed >= shift.capacity,
    overbooked: confirmed > shift.capacity,
    fillPercent: fillPercent(confirmed, shift.capacity),
    roles,
  };
}

/** Whole percent, rounded half up in integer arithmetic (3 of 8 → 38). Null when there is no place at all. */
export function fillPercent(confirmed: number, capacity: number): number | null {
  if (capacity <= 0) return null;
  return Math.floor((confirmed * 200 + capacity) / (capacity * 2));
}
