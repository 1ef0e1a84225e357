import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignUp } from '../../../shared/domain/model';
import { forEachInPages, rowsWithAnyOf } from '../../../renderer/db/index-reads';
import { createTestDatabase } from './test-database';

// Keys that sort differently by code unit and by locale (case, accents, digits), as shift ids never do but could.
const KEYS = ['a', 'B', 'b', 'é', 'e', '10', '9', 'shift-1', 'shift-2', 'Z'];

describe('rowsWithAnyOf', () => {
  it('gives the rows and the order of Dexie’s anyOf, for any rows and any keys (duplicates included)', async () => {
    const { db } = await createTestDatabase();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...KEYS), { maxLength: 30 }),
        fc.array(fc.constantFrom(...KEYS), { maxLength: 8 }),
        async (rowKeys, wanted) => {
          await db.signUps.clear();
          // Only the primary key and the index matter here.
          const rows = rowKeys.map((shiftId, index) => ({ id: `row-${index}`, shiftId }) as unknown as SignUp);
          await db.signUps.bulkPut(rows);
          const expected = wanted.length === 0 ? [] : await db.signUps.where('shiftId').anyOf(wanted).toArray();
          const found = await rowsWithAnyOf(db.signUps, 'shiftId', wanted);
          expect(found.map((row) => row.id)).toEqual(expected.map((row) => row.id));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('joins the transaction it is called in', async () => {
    const { db } = await createTestDatabase();
    await db.signUps.bulkPut([{ id: 'one', shiftId: 'a' } as unknown as SignUp]);
    const found = await db.transaction('rw', db.signUps, async () => {
      await db.signUps.put({ id: 'two', shiftId: 'a' } as unknown as SignUp);
      // Not yet committed: only a read inside this transaction sees it.
      return rowsWithAnyOf(db.signUps, 'shiftId', ['a']);
    });
    expect(found.map((row) => row.id)).toEqual(['one', 'two']);
  });
});

describe('forEachInPages', () => {
  it('visits every row once, in primary-key order, whatever the page size (fast-check)', async () => {
    const { db } = await createTestDatabase();
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (ids, pageSize) => {
          await db.signUps.clear();
          await db.signUps.bulkPut(ids.map((id) => ({ id, shiftId: 's' }) as unknown as SignUp));
          const visited: string[] = [];
          await forEachInPages(db.signUps, (row) => visited.push(row.id), pageSize);
          expect(visited).toEqual(await db.signUps.toCollection().primaryKeys());
        },
      ),
      { numRuns: 40 },
    );
  });
});
