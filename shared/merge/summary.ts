import { SHARED_TABLE_NAMES, type SharedTableName } from '../domain/tables';

/** What a merge did, for the preview in the app and the command line's report. */
export interface MergeSummary {
  /** Records per table in the result. */
  readonly counts: Record<SharedTableName, number>;
  /** Records present in both inputs. */
  readonly inBoth: Record<SharedTableName, number>;
  /** Records present in both inputs with different contents, reconciled by the rules (conflicts resolved). */
  readonly reconciled: Record<SharedTableName, number>;
  /** Possible-duplicate review items that neither input had. */
  readonly reviewItemsAdded: number;
  /** Volunteer records of the result that the erasure register anonymised. */
  readonly erasedVolunteers: number;
}

export function zeroCounts(): Record<SharedTableName, number> {
  return Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, 0])) as Record<SharedTableName, number>;
}
