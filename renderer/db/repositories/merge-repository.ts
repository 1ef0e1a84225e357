import type { Table } from 'dexie';
import { SHARED_TABLE_NAMES, type SharedTableName } from '../../../shared/domain/tables';
import type { Dataset, MergeSummary } from '../../../shared/merge';
import type { SnapshotManifest } from '../../../shared/snapshot';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';

export interface MergePreview {
  readonly manifest: SnapshotManifest;
  readonly summary: MergeSummary;
  readonly merged: Dataset;
}

/**
 * "Merge another desk's snapshot" (product.md, "Several desks"): the file is checked in full and merged with the store
 * by the pure merge of shared/merge (per field by clock, erasures always win, same person → review list); the result
 * replaces the shared tables in ONE transaction, so a failure leaves the store as it was. Desk-local tables are never
 * touched, and this desk keeps its own id. Held in memory: fine for an association's data; city-scale merges belong
 * to `desk merge`, which streams.
 */
export function createMergeRepository(db: DeskDatabase, desk: DeskContext) {
  const tableOf = (table: SharedTableName) => db.table(table) as Table<Record<string, unknown>, string>;

  async function storeDataset(): Promise<Dataset> {
    const entries = await Promise.all(
      SHARED_TABLE_NAMES.map(async (table) => {
        const rows = await tableOf(table).toArray();
        // Search keys are derived, not data: they are not part of what merges.
        return [
          table,
          table === 'volunteers' ? rows.map(({ searchKeys: _keys, ...volunteer }) => volunteer) : rows,
        ] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as Dataset;
  }

  async function replaceSharedTables(dataset: Dataset): Promise<void> {
    // Fetched before the transaction opens: awaiting a module load inside it would end it early.
    const { searchKeys } = await import('../../../shared/domain/search-keys');
    await db.transaction('rw', SHARED_TABLE_NAMES.map(tableOf), async () => {
      for (const table of SHARED_TABLE_NAMES) {
        const rows = dataset[table] as readonly Record<string, unknown>[];
        await tableOf(table).clear();
        await tableOf(table).bulkPut(
          table === 'volunteers'
            ? rows.map((volunteer) => ({ ...volunteer, searchKeys: searchKeys(volunteer as never) }))
            : [...rows],
        );
      }
    });
  }

  return {
    /**
     * After a restore: an erased person never comes back (rule 7). The register survives the restore; this applies
     * it to the restored records. Returns whether anything changed.
     */
    async reapplyErasures(): Promise<boolean> {
      const { applyErasures, canonicalJson } = await mergePipeline();
      const current = await storeDataset();
      const erased = applyErasures(current);
      if (canonicalJson(erased) === canonicalJson(current)) return false;
      await replaceSharedTables(erased);
      return true;
    },

    async preview(file: Blob): Promise<MergePreview> {
      const [{ mergeDatasetsWithSummary }, { loadSnapshot }, { createMemoryStore }] = await Promise.all([
        mergePipeline(),
        import('../../../shared/snapshot'),
        import('../../../shared/storage/memory-store'),
      ]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const store = createMemoryStore();
      const manifest = await loadSnapshot(() => chunks(bytes), store);
      const other = Object.fromEntries(
        SHARED_TABLE_NAMES.map((table) => [table, store.all(table)]),
      ) as unknown as Dataset;
      const { dataset, summary } = mergeDatasetsWithSummary(await storeDataset(), other);
      return { manifest, summary, merged: dataset };
    },

    async apply(preview: MergePreview): Promise<void> {
      await replaceSharedTables(preview.merged);
      // Later local edits must win over everything just merged in (rule 7).
      let latest = '';
      for (const table of SHARED_TABLE_NAMES) {
        for (const row of preview.merged[table] as readonly { clocks?: Record<string, string> }[]) {
          for (const clock of Object.values(row.clocks ?? {})) if (clock > latest) latest = clock;
        }
      }
      if (latest) desk.clock.observe(latest);
    },
  };
}

/** The merge is fetched on first use, not at start-up (issue #12). */
const mergePipeline = () => import('../../../shared/merge');

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
