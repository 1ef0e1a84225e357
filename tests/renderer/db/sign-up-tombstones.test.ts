import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityStatus } from '../../../shared/domain/capacity';
import { ROLES, SIGN_UP_STATUSES, type Shift, type SignUp } from '../../../shared/domain/model';
import { DeskDatabase } from '../../../renderer/db/database';
import { withConfirmedFill, withFill } from '../../../renderer/db/shift-fill';
import { aShift, aSignUp } from '../../shared/domain/factories';
import { buildVersion3, createTestDatabase } from './test-database';

/**
 * The desk-local list of sign-up tombstones (renderer/db/sign-up-tombstones.ts, schema version 4) and the planning's
 * fill counted by index with it (renderer/db/shift-fill.ts).
 */

const SHIFTS = ['s-1', 's-2', 's-3'];

/** What the table must hold: every stored sign-up that is a tombstone, and nothing else. */
async function expectedTombstones(db: DeskDatabase) {
  const rows = await db.signUps.toArray();
  return rows
    .filter((signUp) => signUp.deleted)
    .map(({ id, shiftId, status }) => ({ id, shiftId, status }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

const stored = async (db: DeskDatabase) =>
  (await db.signUpTombstones.toArray()).sort((a, b) => a.id.localeCompare(b.id));

const signUpArbitrary = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  shiftId: fc.constantFrom(...SHIFTS),
  status: fc.constantFrom(...SIGN_UP_STATUSES),
  role: fc.constantFrom(...ROLES),
  deleted: fc.boolean(),
});

/** Every way the app writes sign-ups: put, bulkPut, update, modify, delete, bulkDelete, clear. */
const operationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), rows: fc.array(signUpArbitrary, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('update' as const), id: fc.constantFrom('a', 'b', 'c'), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('modify' as const), shiftId: fc.constantFrom(...SHIFTS), deleted: fc.boolean() }),
  fc.record({
    kind: fc.constant('delete' as const),
    ids: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('clear' as const) }),
);
type Operation = typeof operationArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: DeskDatabase, operation: Operation): Promise<void> {
  switch (operation.kind) {
    case 'put':
      if (operation.rows.length === 1) await db.signUps.put(aSignUp(operation.rows[0]));
      else await db.signUps.bulkPut(operation.rows.map((row) => aSignUp(row)));
      return;
    case 'update':
      await db.signUps.update(operation.id, { deleted: operation.deleted });
      return;
    case 'modify':
      await db.signUps.where('shiftId').equals(operation.shiftId).modify({ deleted: operation.deleted });
      return;
    case 'delete':
      await db.signUps.bulkDelete(operation.ids);
      return;
    case 'clear':
      await db.signUps.clear();
  }
}

describe('sign-up tombstones (schema version 4)', () => {
  it(
    'lists exactly the stored tombstones after any sequence of writes (fast-check)',
    { timeout: 120_000 },
    async () => {
      const { db } = await createTestDatabase();
      await fc.assert(
        fc.asyncProperty(fc.array(operationArbitrary, { maxLength: 12 }), async (operations) => {
          await db.signUps.clear();
          for (const operation of operations) await apply(db, operation);
          expect(await stored(db)).toEqual(await expectedTombstones(db));
        }),
        { numRuns: 60 },
      );
    },
  );

  it('is written in the sign-up’s own transaction: an aborted write leaves both as they were', async () => {
    const { db } = await createTestDatabase();
    await db.signUps.put(aSignUp({ id: 'a' }));
    await expect(
      db.transaction('rw', db.signUps, async () => {
        await db.signUps.put(aSignUp({ id: 'a', deleted: true }));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.signUpTombstones.count()).toBe(0);
    expect((await db.signUps.get('a'))?.deleted).toBe(false);
  });

  it('a bulkAdd refused for an existing id changes nothing', async () => {
    const { db } = await createTestDatabase();
    await db.signUps.put(aSignUp({ id: 'a' }));
    await expect(db.signUps.bulkAdd([aSignUp({ id: 'a', deleted: true }), aSignUp({ id: 'b' })])).rejects.toThrow();
    expect(await stored(db)).toEqual(await expectedTombstones(db));
    expect(await db.signUpTombstones.count()).toBe(0);
  });

  it('opens a version 3 database and lists the tombstones it already held', async () => {
    const name = `tombstones-migration-${Math.random().toString(36).slice(2)}`;
    await buildVersion3(name, [
      aSignUp({ id: 'live', shiftId: 's-1' }),
      aSignUp({ id: 'gone', shiftId: 's-1', deleted: true }),
      aSignUp({ id: 'gone-waiting', shiftId: 's-2', status: 'waiting', deleted: true }),
    ]);
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await stored(db)).toEqual([
      { id: 'gone', shiftId: 's-1', status: 'signed_up' },
      { id: 'gone-waiting', shiftId: 's-2', status: 'waiting' },
    ]);
    expect(await db.signUps.count()).toBe(3);
    db.close();
  });
});

describe('the planning’s fill counted by index', () => {
  it(
    'is the capacity status of the shift’s sign-ups read one by one, for any store (fast-check)',
    { timeout: 120_000 },
    async () => {
      const { db } = await createTestDatabase();
      const shifts: Shift[] = [
        aShift({ id: 's-1', capacity: 2, roleNeeds: [] }),
        aShift({
          id: 's-2',
          capacity: 3,
          roleNeeds: [
            { role: 'referent', count: 1 },
            { role: 'volunteer', count: 2 },
          ],
        }),
        aShift({ id: 's-3', capacity: 0, roleNeeds: [] }),
      ];
      const rowsArbitrary = fc.uniqueArray(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 4 }),
          shiftId: fc.constantFrom(...SHIFTS),
          status: fc.constantFrom(...SIGN_UP_STATUSES),
          role: fc.constantFrom(...ROLES),
          deleted: fc.boolean(),
        }),
        { selector: (row) => row.id, maxLength: 25 },
      );
      await fc.assert(
        fc.asyncProperty(
          rowsArbitrary,
          fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 5 }),
          async (rows, undeleted) => {
            await db.signUps.clear();
            const signUps: SignUp[] = rows.map((row) => aSignUp(row));
            await db.signUps.bulkPut(signUps);
            // Some tombstones brought back, as an undo or a merge would.
            for (const index of undeleted) {
              const signUp = signUps[index];
              if (signUp?.deleted) await db.signUps.put((signUps[index] = { ...signUp, deleted: false }));
            }
            const filled = await withFill(db, shifts);
            const confirmedOnly = await withConfirmedFill(db, shifts);
            for (const [index, shift] of filled.entries()) {
              const { waiting, ...withoutWaiting } = capacityStatus(
                shift,
                signUps.filter((signUp) => signUp.shiftId === shift.id),
              );
              expect(shift.fill).toEqual({ ...withoutWaiting, waiting });
              expect(confirmedOnly[index]?.fill).toEqual(withoutWaiting);
            }
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
