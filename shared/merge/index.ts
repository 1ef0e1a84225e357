/** Merging desks (architecture.md, rule 7; docs/merge.md). */
export { canonicalJson, completeDataset, emptyDataset, keyOf, type Dataset, type PartialDataset } from './dataset';
export { applyErasures, createErasurePolicy, ERASED_VOLUNTEER_FIELDS, type ErasurePolicy } from './erasure';
export { mergeDatasets, mergeDatasetsWithSummary } from './merge-datasets';
export { mergePeople, olderVolunteer, type MergePeopleResult } from './merge-people';
export { createMergedSource, type MergedSource } from './merge-sources';
export { DERIVED_CLOCK, duplicatePairId, isUntouchedSuggestion } from './review';
export type { MergeSummary } from './summary';
export { mergeVersions } from './versions';
