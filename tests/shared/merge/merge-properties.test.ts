import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedTableName } from '../../../shared/domain/tables';
import {
  applyErasures,
  canonicalJson,
  completeDataset,
  createErasurePolicy,
  createMergedSource,
  ERASED_VOLUNTEER_FIELDS,
  isUntouchedSuggestion,
  keyOf,
  mergeDatasets,
  type Dataset,
  type PartialDataset,
} from '../../../shared/merge';
import { clockedFields, type MergeableBase } from '../../../shared/records/record';
import { createMemoryStore } from '../../../shared/storage/memory-store';
import { datasetArb } from './arbitraries';

const merge = mergeDatasets;
const same = (x: Dataset, y: Dataset): void => {
  expect(canonicalJson(x)).toBe(canonicalJson(y));
};
const RUNS = { numRuns: 300 };

/** The three datasets in every order and grouping. */
function allMerges(a: PartialDataset, b: PartialDataset, c: PartialDataset): Dataset[] {
  const orders: PartialDataset[][] = [
    [a, b, c],
    [a, c, b],
    [b, a, c],
    [b, c, a],
    [c, a, b],
    [c, b, a],
  ];
  return orders.flatMap(([x, y, z]) => [merge(merge(x!, y!), z!), merge(x!, merge(y!, z!))]);
}

describe('mergeDatasets (properties, architecture.md rule 7)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (a, b) => same(merge(a, b), merge(b, a))),
      RUNS,
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, datasetArb, (a, b, c) => same(merge(merge(a, b), c), merge(a, merge(b, c)))),
      RUNS,
    );
  });

  it('is idempotent (and absorbs what it already holds)', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (a, b) => {
        const merged = merge(a, b);
        same(merge(merged, merged), merged);
        same(merge(merged, b), merged);
        same(merge(merged, a), merged);
        const alone = merge(a, a);
        same(merge(alone, a), alone);
      }),
      RUNS,
    );
  });

  it('loses no record and no edit: each field holds the value of the latest clock', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (a, b) => {
        const merged = merge(a, b);
        const left = completeDataset(a);
        const right = completeDataset(b);
        const erased = createErasurePolicy(merged.erasures, merged.aliases).erasedIds;
        for (const table of SHARED_TABLE_NAMES) {
          const result = new Map(merged[table].map((record) => [keyOf(table, record), record]));
          for (const record of [...left[table], ...right[table]]) {
            const key = keyOf(table, record);
            expect(result.has(key), `${table} ${key}`).toBe(true);
          }
          if (SHARED_TABLES[table].merge !== 'record') continue;
          for (const [key, record] of result) {
            const versions = [...left[table], ...right[table]].filter(
              (version) => keyOf(table, version) === key,
            ) as MergeableBase[];
            if (versions.length === 0) continue;
            for (const field of clockedFields(record as MergeableBase)) {
              if (excluded(table, record as MergeableBase, field, erased)) continue;
              const winner = latest(versions, field);
              expect((record as Record<string, unknown>)[field], `${table} ${key} ${field}`).toEqual(
                (winner as Record<string, unknown>)[field],
              );
              expect((record as MergeableBase).clocks[field]).toBe(winner.clocks[field]);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('never brings an undone check-in back, whatever the order', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, datasetArb, (a, b, c) => {
        const inputs = [a, b, c].map(completeDataset);
        const undone = new Set<string>();
        for (const id of ['e1', 'e2']) {
          const versions = inputs.flatMap((dataset) => dataset.checkinEvents.filter((event) => event.id === id));
          if (versions.length > 0 && latest(versions, 'deleted').deleted) undone.add(id);
        }
        for (const result of allMerges(a, b, c)) {
          for (const event of result.checkinEvents) if (undone.has(event.id)) expect(event.deleted).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("never brings an erased volunteer's identity back, whatever the order", () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, datasetArb, (a, b, c) => {
        const register = new Set([a, b, c].flatMap((dataset) => (dataset.erasures ?? []).map((e) => e.volunteerId)));
        for (const result of allMerges(a, b, c)) {
          const text = canonicalJson(result);
          for (const id of register) {
            expect(text).not.toContain(`Nom-${id}-`);
            expect(text).not.toContain(`Prénom-${id}-`);
            const volunteer = result.volunteers.find((record) => record.id === id);
            if (!volunteer) continue;
            expect(volunteer).toMatchObject(ERASED_VOLUNTEER_FIELDS);
            expect(volunteer.ref).toBe(result.erasures.find((erasure) => erasure.volunteerId === id)?.replacementRef);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('puts the same review items on the list whatever the order', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, datasetArb, (a, b, c) => {
        const [first, ...others] = allMerges(a, b, c).map((result) => canonicalJson(result.reviewItems));
        for (const other of others) expect(other).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('gives records that their table schemas accept', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (a, b) => {
        const merged = merge(a, b);
        for (const table of SHARED_TABLE_NAMES) {
          for (const record of merged[table]) expect(SHARED_TABLES[table].schema.safeParse(record).success).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('applies the erasure register idempotently', () => {
    fc.assert(
      fc.property(datasetArb, (a) => {
        const once = applyErasures(completeDataset(a));
        same(applyErasures(once), once);
      }),
      RUNS,
    );
  });

  it('streams the same result as the in-memory merge', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, datasetArb, async (a, b) => {
        const source = createMergedSource(await store(a), await store(b));
        const streamed: Record<string, unknown[]> = {};
        for (const table of SHARED_TABLE_NAMES) {
          streamed[table] = [];
          for await (const record of source.records(table)) streamed[table].push(record);
          expect(await source.count(table)).toBe(streamed[table].length);
        }
        expect(canonicalJson(streamed)).toBe(canonicalJson(merge(a, b)));
      }),
      { numRuns: 100 },
    );
  });
});

/** The version whose field has the latest clock; equal clocks are settled by the values' JSON, as mergeRecord does. */
function latest<R extends MergeableBase>(versions: readonly R[], field: string): R {
  return versions.reduce((best, version) => {
    const mine = version.clocks[field] ?? '';
    const theirs = best.clocks[field] ?? '';
    const order = mine > theirs ? 1 : mine < theirs ? -1 : 0;
    if (order > 0) return version;
    if (order < 0) return best;
    const x = JSON.stringify((version as Record<string, unknown>)[field]) ?? '';
    const y = JSON.stringify((best as Record<string, unknown>)[field]) ?? '';
    return x > y ? version : best;
  });
}

/** Fields the rules change on purpose: what erasure blanks, and suggestions the merge recomputes. */
function excluded(table: SharedTableName, record: MergeableBase, field: string, erased: ReadonlySet<string>): boolean {
  if (table === 'volunteers') return erased.has(record.id) && (field in ERASED_VOLUNTEER_FIELDS || field === 'ref');
  if (table === 'aliases') {
    const alias = record as MergeableBase & { fromVolunteerId: string; toVolunteerId: string };
    return field === 'fromRef' && (erased.has(alias.fromVolunteerId) || erased.has(alias.toVolunteerId));
  }
  if (table === 'reviewItems') return isUntouchedSuggestion(record as never);
  return false;
}

async function store(dataset: PartialDataset) {
  const memory = createMemoryStore();
  const complete = completeDataset(dataset);
  for (const table of SHARED_TABLE_NAMES) await memory.writeBatch(table, complete[table]);
  return memory;
}
