import Dexie from 'dexie';
import { capacityFromCounts, isConfirmed, type CapacityStatus } from '../../shared/domain/capacity';
import type { Shift, SignUp } from '../../shared/domain/model';
import type { DeskDatabase } from './database';
import { rowsWithAnyOf } from './index-reads';

/**
 * The shifts, each with its capacity status, counted through the `[shiftId+status]` index instead of read (issue #12): a city's
 * planning week holds thousands of sign-ups, and reading them took ten times as long as counting them. A tombstone
 * keeps its status, so the few the desk-local `signUpTombstones` table lists (renderer/db/sign-up-tombstones.ts) are
 * taken off. Only the shifts that need roles have their confirmed sign-ups read, to count them by role. All in one
 * read transaction, so the counts and the tombstones agree.
 */
export async function withFill<S extends Shift>(
  db: DeskDatabase,
  shifts: readonly S[],
): Promise<(S & { fill: CapacityStatus })[]> {
  return fillOf(db, shifts, { countWaiting: true });
}

/** A shift's fill without its waiting list: what the planning shows. */
export type ConfirmedFill = Omit<CapacityStatus, 'waiting'>;

/**
 * As withFill, without counting the waiting lists: the planning shows only who is confirmed, and its week of 300 to
 * 500 shifts then asks IndexedDB for half as many counts.
 */
export async function withConfirmedFill<S extends Shift>(
  db: DeskDatabase,
  shifts: readonly S[],
): Promise<(S & { fill: ConfirmedFill })[]> {
  const filled = await fillOf(db, shifts, { countWaiting: false });
  return filled.map((shift) => {
    const { waiting: _notCounted, ...fill } = shift.fill;
    return { ...shift, fill };
  });
}

async function fillOf<S extends Shift>(
  db: DeskDatabase,
  shifts: readonly S[],
  options: { countWaiting: boolean },
): Promise<(S & { fill: CapacityStatus })[]> {
  const ids = shifts.map((shift) => shift.id);
  const withRoles = shifts.filter((shift) => shift.roleNeeds.length > 0).map((shift) => shift.id);
  const count = (shiftId: string, status: SignUp['status']) =>
    db.signUps.where('[shiftId+status]').equals([shiftId, status]).count();
  const read = () =>
    Promise.all([
      Promise.all(ids.map((id) => count(id, 'signed_up'))),
      options.countWaiting ? Promise.all(ids.map((id) => count(id, 'waiting'))) : [],
      rowsWithAnyOf(db.signUpTombstones, 'shiftId', ids),
      rowsWithAnyOf(db.signUps, 'shiftId', withRoles),
    ]);
  const [confirmedCounts, waitingCounts, tombstones, ofShiftsWithRoles] = Dexie.currentTransaction
    ? await read()
    : await db.transaction('r', [db.signUps, db.signUpTombstones], read);

  const confirmed = new Map(ids.map((id, index) => [id, confirmedCounts[index] ?? 0]));
  const waiting = new Map(ids.map((id, index) => [id, waitingCounts[index] ?? 0]));
  for (const tombstone of tombstones) {
    const counts = tombstone.status === 'signed_up' ? confirmed : tombstone.status === 'waiting' ? waiting : null;
    counts?.set(tombstone.shiftId, (counts.get(tombstone.shiftId) ?? 0) - 1);
  }
  // Confirmed sign-ups by shift and role, grouped once (a shift asks for each role it needs).
  const inRole = new Map<string, number>();
  for (const signUp of ofShiftsWithRoles) {
    if (!isConfirmed(signUp)) continue;
    const key = `${signUp.shiftId}\u0000${signUp.role}`;
    inRole.set(key, (inRole.get(key) ?? 0) + 1);
  }
  return shifts.map((shift) => ({
    ...shift,
    fill: capacityFromCounts(shift, {
      confirmed: confirmed.get(shift.id) ?? 0,
      waiting: options.countWaiting ? (waiting.get(shift.id) ?? 0) : 0,
      confirmedInRole: (role) => inRole.get(`${shift.id}\u0000${role}`) ?? 0,
    }),
  }));
}
