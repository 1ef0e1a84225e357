import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../shared/records/hlc';
import {
  createRecord,
  deleteRecord,
  lastChange,
  mergeRecord,
  updateRecord,
  type MergeableBase,
} from '../../../shared/records/record';

interface Note extends MergeableBase {
  title: string;
  body: string;
  tags: string[];
}

const clock = (wallMs: number, counter = 0, deskId = 'desk-a') => encodeHlc({ wallMs, counter, deskId });
const base = createRecord<Note>(
  { title: 'Atelier', body: '', tags: [] },
  { id: 'n-1', clock: clock(1_000), createdAt: '2026-01-01T00:00:00.000Z' },
);

/** Arbitrary versions of one record: each field with its own value and clock, from a few desks. */
const clockArb = fc
  .tuple(
    fc.integer({ min: 1_000, max: 1_010 }),
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom('desk-a', 'desk-b', 'desk-c'),
  )
  .map(([wall, counter, desk]) => clock(wall, counter, desk));
const versionArb: fc.Arbitrary<Note> = fc
  .record({
    title: fc.tuple(fc.constantFrom('Atelier', 'Fresque', 'Balade'), clockArb),
    body: fc.tuple(fc.string({ maxLength: 3 }), clockArb),
    tags: fc.tuple(fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }), clockArb),
    deleted: fc.tuple(fc.boolean(), clockArb),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
  })
  .map(({ title, body, tags, deleted, createdAt }) => ({
    id: 'n-1',
    createdAt,
    title: title[0],
    body: body[0],
    tags: tags[0],
    deleted: deleted[0],
    clocks: { title: title[1], body: body[1], tags: tags[1], deleted: deleted[1] },
  }));

describe('mergeRecord (properties)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        expect(mergeRecord(a, b)).toEqual(mergeRecord(b, a));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (a, b, c) => {
        expect(mergeRecord(mergeRecord(a, b), c)).toEqual(mergeRecord(a, mergeRecord(b, c)));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        expect(mergeRecord(a, a)).toEqual(a);
        const merged = mergeRecord(a, b);
        expect(mergeRecord(merged, b)).toEqual(merged);
      }),
    );
  });

  it('keeps, for every field, the value of the later clock', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const merged = mergeRecord(a, b);
        for (const field of ['title', 'body', 'tags', 'deleted'] as const) {
          const clockA = a.clocks[field]!;
          const clockB = b.clocks[field]!;
          if (clockA > clockB) expect(merged[field]).toEqual(a[field]);
          if (clockB > clockA) expect(merged[field]).toEqual(b[field]);
          expect(merged.clocks[field]).toBe(clockA > clockB ? clockA : clockB);
        }
        expect(lastChange(merged) >= lastChange(a) && lastChange(merged) >= lastChange(b)).toBe(true);
      }),
    );
  });
});

describe('concurrent edits', () => {
  it('keeps edits of different fields from two desks', () => {
    const onA = updateRecord(base, { title: 'Fresque du climat' }, clock(2_000, 0, 'desk-a'));
    const onB = updateRecord(base, { body: 'Salle 2' }, clock(2_000, 0, 'desk-b'));
    expect(mergeRecord(onA, onB)).toMatchObject({ title: 'Fresque du climat', body: 'Salle 2' });
    expect(mergeRecord(onB, onA)).toEqual(mergeRecord(onA, onB));
  });

  it('does not undo a deletion through a concurrent (even later) edit of another field', () => {
    const deleted = deleteRecord(base, clock(2_000, 0, 'desk-a'));
    const edited = updateRecord(base, { title: 'Renommé' }, clock(3_000, 0, 'desk-b'));
    const merged = mergeRecord(deleted, edited);
    expect(merged.deleted).toBe(true);
    expect(merged.title).toBe('Renommé');
    expect(mergeRecord(edited, deleted).deleted).toBe(true);
  });

  it('undeletes only by an explicit later write of the deletion field', () => {
    const deleted = deleteRecord(base, clock(2_000));
    const undeleted = updateRecord(deleted, { deleted: false }, clock(3_000, 0, 'desk-b'));
    expect(mergeRecord(deleted, undeleted).deleted).toBe(false);
  });

  it('does not give a new clock to an edit that repeats the current value', () => {
    const repeated = updateRecord(base, { title: 'Atelier', tags: [] }, clock(5_000));
    expect(repeated.clocks).toEqual(base.clocks);
    const other = updateRecord(base, { title: 'Balade' }, clock(2_000, 0, 'desk-b'));
    expect(mergeRecord(repeated, other).title).toBe('Balade');
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecord(base, { ...base, id: 'n-2' })).toThrow();
  });
});
