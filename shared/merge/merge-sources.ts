import type { Alias, Erasure, ReviewItem, Volunteer } from '../domain/model';
import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { compareKeys } from '../snapshot/format';
import type { RecordSource } from '../storage/ports';
import { canonicalJson, keyOf } from './dataset';
import { createErasurePolicy, type ErasurePolicy } from './erasure';
import { createDuplicateCollector } from './review';
import { zeroCounts, type MergeSummary } from './summary';
import { mergeVersions } from './versions';

/**
 * The merge of two record sources as a record source (architecture.md, rules 7–9): the same result as
 * `mergeDatasets`, but streamed, so two city-scale snapshots merge without either being held in memory.
 *
 * Both sources give each table sorted by key (rule 8), so each table is a merge-join. Two passes: the first (run once,
 * on the first call) counts what the result will hold — a snapshot's manifest states the counts before any record —
 * and gathers the little that later tables depend on; the second streams the result table by table. Held in memory:
 * the erasure register and the aliases (to know who is erased before the volunteers stream), each side's copies of
 * erased people (their identity texts are removed from every other table), the identity keys of the volunteers (for
 * the one same-person rule) and the review list: small next to the sign-ups and check-ins, which only ever stream.
 */
export interface MergedSource extends RecordSource {
  /** What the merge does; available before the first record is read. */
  summary(): Promise<MergeSummary>;
}

interface Plan {
  readonly summary: MergeSummary;
  readonly policy: ErasurePolicy;
  readonly erasures: readonly Erasure[];
  readonly aliases: readonly Alias[];
  readonly reviewItems: readonly ReviewItem[];
}

export function createMergedSource(a: RecordSource, b: RecordSource): MergedSource {
  let plan: Promise<Plan> | null = null;
  const planned = () => (plan ??= makePlan(a, b));

  async function* records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
    const { policy, ...held } = await planned();
    if (table === 'erasures') return yield* held.erasures as SharedRecord<T>[];
    if (table === 'aliases') return yield* held.aliases as SharedRecord<T>[];
    if (table === 'reviewItems') return yield* held.reviewItems as SharedRecord<T>[];
    for await (const { record } of joinSources(table, a, b)) yield policy.applyTo(table, record);
  }

  return {
    async count(table) {
      return (await planned()).summary.counts[table];
    },
    records,
    async summary() {
      return (await planned()).summary;
    },
  };
}

async function makePlan(a: RecordSource, b: RecordSource): Promise<Plan> {
  const counts = zeroCounts();
  const inBoth = zeroCounts();
  const reconciled = zeroCounts();
  const joinAll = async <T extends SharedTableName>(
    table: T,
    each: (record: SharedRecord<T>, versions: readonly SharedRecord<T>[]) => void = () => {},
  ): Promise<void> => {
    for await (const { record, versions, fromBoth, differed } of joinSources(table, a, b)) {
      counts[table]++;
      if (fromBoth) inBoth[table]++;
      if (differed) reconciled[table]++;
      each(record, versions);
    }
  };
  const collect = async <T extends SharedTableName>(table: T): Promise<SharedRecord<T>[]> => {
    const all: SharedRecord<T>[] = [];
    await joinAll(table, (record) => all.push(record));
    return all;
  };

  // The register and the aliases first: who is erased must be known before the volunteers stream by.
  const erasures = await collect('erasures');
  const rawAliases = await collect('aliases');
  const register = createErasurePolicy(erasures, rawAliases);
  // Each side's copy of an erased person, and the joined one: where their identity texts are read (./erasure.ts).
  const identities: Volunteer[] = [];
  const duplicates = createDuplicateCollector();
  let erasedVolunteers = 0;
  let joinedReviewItems: ReviewItem[] = [];
  for (const table of SHARED_TABLE_NAMES) {
    if (table === 'erasures' || table === 'aliases') continue;
    if (table === 'volunteers') {
      await joinAll('volunteers', (volunteer, versions) => {
        if (register.erasedIds.has(volunteer.id)) {
          erasedVolunteers++;
          identities.push(volunteer, ...versions);
        }
        duplicates.add(register.eraseVolunteer(volunteer));
      });
    } else if (table === 'reviewItems') {
      joinedReviewItems = await collect('reviewItems');
    } else {
      await joinAll(table);
    }
  }
  const policy = createErasurePolicy(erasures, rawAliases, identities);
  const review = duplicates.settle(joinedReviewItems.map((item) => policy.applyTo('reviewItems', item)));
  counts.reviewItems = review.items.length;
  return {
    summary: { counts, inBoth, reconciled, reviewItemsAdded: review.added.length, erasedVolunteers },
    policy,
    erasures,
    aliases: rawAliases.map((alias) => policy.applyTo('aliases', alias)),
    reviewItems: review.items,
  };
}

interface Joined<R> {
  readonly record: R;
  /** The record as each source gave it (one, or both when the key is in both). */
  readonly versions: readonly R[];
  readonly fromBoth: boolean;
  readonly differed: boolean;
}

/** A merge-join of one table of two sources, both sorted by key; refuses a source out of order. */
async function* joinSources<T extends SharedTableName>(
  table: T,
  a: RecordSource,
  b: RecordSource,
): AsyncGenerator<Joined<SharedRecord<T>>> {
  const left = sortedCursor(table, a.records(table)[Symbol.asyncIterator]());
  const right = sortedCursor(table, b.records(table)[Symbol.asyncIterator]());
  let x = await left.next();
  let y = await right.next();
  while (x !== null || y !== null) {
    const order = x === null ? 1 : y === null ? -1 : compareKeys(keyOf(table, x), keyOf(table, y));
    if (order < 0 && x !== null) {
      yield { record: x, versions: [x], fromBoth: false, differed: false };
      x = await left.next();
    } else if (order > 0 && y !== null) {
      yield { record: y, versions: [y], fromBoth: false, differed: false };
      y = await right.next();
    } else if (x !== null && y !== null) {
      const differed = canonicalJson(x) !== canonicalJson(y);
      yield { record: mergeVersions(table, x, y), versions: [x, y], fromBoth: true, differed };
      x = await left.next();
      y = await right.next();
    }
  }
}

function sortedCursor<T extends SharedTableName>(table: T, iterator: AsyncIterator<SharedRecord<T>>) {
  let previous: string | null = null;
  return {
    async next(): Promise<SharedRecord<T> | null> {
      const step = await iterator.next();
      if (step.done) return null;
      const key = keyOf(table, step.value);
      if (previous !== null && compareKeys(previous, key) >= 0) {
        throw new Error(`Merge input not sorted by key in table ${table}: ${key} after ${previous}`);
      }
      previous = key;
      return step.value;
    },
  };
}
