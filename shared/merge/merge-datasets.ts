import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { canonicalJson, completeDataset, keyOf, sortByKey, type Dataset, type PartialDataset } from './dataset';
import { applyErasures, createErasurePolicy } from './erasure';
import { createDuplicateCollector } from './review';
import { zeroCounts, type MergeSummary } from './summary';
import { mergeVersions } from './versions';

/**
 * The merge of two datasets (architecture.md, rule 7), a pure function: commutative, associative and idempotent.
 * 1. Each table is joined by key with its merge kind (./versions.ts): per field by clock, by union, grow-only.
 * 2. The erasure register is applied (./erasure.ts): an erased person never comes back, nor any copy of their
 *    identity in another record, read from both sides' copies of them.
 * 3. The review list is settled (./review.ts): the same person under two ids is suggested, never merged.
 * The streaming form over two `RecordSource`s (./merge-sources.ts) gives the same result in bounded memory.
 */
export function mergeDatasets(a: PartialDataset, b: PartialDataset): Dataset {
  return mergeDatasetsWithSummary(a, b).dataset;
}

export function mergeDatasetsWithSummary(
  a: PartialDataset,
  b: PartialDataset,
): { dataset: Dataset; summary: MergeSummary } {
  const left = completeDataset(a);
  const right = completeDataset(b);
  const inBoth = zeroCounts();
  const reconciled = zeroCounts();
  const joined = Object.fromEntries(
    SHARED_TABLE_NAMES.map((table) => [table, joinTable(table, left[table], right[table], inBoth, reconciled)]),
  ) as unknown as Dataset;
  // Each side's copy of an erased person is read too: the joined copy may no longer show the identity to remove.
  const erased = applyErasures(joined, [left, right]);
  const collector = createDuplicateCollector();
  for (const volunteer of erased.volunteers) collector.add(volunteer);
  const review = collector.settle(erased.reviewItems);
  const dataset: Dataset = { ...erased, reviewItems: review.items };
  const erasedIds = createErasurePolicy(dataset.erasures, dataset.aliases).erasedIds;
  const counts = zeroCounts();
  for (const table of SHARED_TABLE_NAMES) counts[table] = dataset[table].length;
  return {
    dataset,
    summary: {
      counts,
      inBoth,
      reconciled,
      reviewItemsAdded: review.added.length,
      erasedVolunteers: dataset.volunteers.filter((volunteer) => erasedIds.has(volunteer.id)).length,
    },
  };
}

function joinTable<T extends SharedTableName>(
  table: T,
  a: readonly SharedRecord<T>[],
  b: readonly SharedRecord<T>[],
  inBoth: Record<SharedTableName, number>,
  reconciled: Record<SharedTableName, number>,
): SharedRecord<T>[] {
  const byKey = new Map<string, SharedRecord<T>>();
  for (const record of a) byKey.set(keyOf(table, record), record);
  for (const record of b) {
    const key = keyOf(table, record);
    const other = byKey.get(key);
    if (other === undefined) {
      byKey.set(key, record);
      continue;
    }
    inBoth[table]++;
    if (canonicalJson(other) !== canonicalJson(record)) reconciled[table]++;
    byKey.set(key, mergeVersions(table, other, record));
  }
  return sortByKey(table, [...byKey.values()]);
}
