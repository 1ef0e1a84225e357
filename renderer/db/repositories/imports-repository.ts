import { parisLocalDate } from '../../../shared/domain/paris-time';
import { COORDINATION_OPERATOR } from '../../../shared/rights/audit-log';
import type { ImportMapping, ImportPlan, ImportPreview, ParsedCsv, Resolutions } from '../../../shared/import';
import type { DeskDatabase } from '../database';
import type { ImportRunOptions, ImportSession } from '../import-io';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';

const MAPPING_PREFIX = 'import-mapping:';

/**
 * Imports of sign-up lists (issue #10) through the pure pipeline of shared/import: the store is read to find
 * duplicates, and written once, in ONE transaction, after the user confirms — a failure anywhere rolls everything
 * back, so a failed import leaves the data exactly as before.
 */
export function createImportsRepository(db: DeskDatabase, desk: DeskContext) {
  return {
    async analyse(parsed: ParsedCsv, mapping: ImportMapping, options: { fixAllCaps: boolean }): Promise<ImportPreview> {
      const [{ analyseImport }, { createDuplicateIndex }] = await Promise.all([importPipeline(), duplicatesModule()]);
      const existing = (await db.volunteers.toArray()).filter((volunteer) => !volunteer.deleted);
      const today = parisLocalDate(desk.now().toISOString());
      return analyseImport(parsed, mapping, createDuplicateIndex(existing), { today, fixAllCaps: options.fixAllCaps });
    },

    /**
     * Read and analyse a file in a Worker (import-io.ts), with progress and cancel; the session keeps the file so
     * that a change of mapping or a fixed cell is analysed again without sending it back. Writes nothing.
     */
    async start(bytes: Uint8Array, options: ImportRunOptions = {}): Promise<ImportSession> {
      const { startImport } = await import('../import-io');
      return startImport(db, bytes, options);
    },

    /** Today in Paris for the desk's clock: the date ages and consents are computed at. */
    today(): string {
      return parisLocalDate(desk.now().toISOString());
    },

    /** Plans and writes, all or nothing; `beforeCommit` exists for the test that proves a failure changes nothing. */
    async commit(
      preview: ImportPreview,
      resolutions: Resolutions,
      fileName: string,
      beforeCommit: () => void = () => undefined,
    ): Promise<ImportPlan> {
      // Fetched before the transaction opens: awaiting anything but the store inside it would end it early.
      const [{ importAuditEntry, planImport }, { searchKeys }] = await Promise.all([
        importPipeline(),
        searchKeysModule(),
      ]);
      return writeTransaction(db, desk, [db.volunteers, db.consents, db.auditLog], async (tick) => {
        const takenRefs = new Set((await db.volunteers.orderBy('ref').uniqueKeys()).map(String));
        const plan = planImport(preview, resolutions, {
          clock: { next: tick },
          newId: desk.newId,
          now: desk.now().toISOString(),
          takenRefs,
        });
        await db.volunteers.bulkPut(
          plan.volunteers.map((volunteer) => ({ ...volunteer, searchKeys: searchKeys(volunteer) })),
        );
        await db.consents.bulkAdd(plan.consents);
        beforeCommit();
        await db.auditLog.add(
          importAuditEntry(plan, {
            id: desk.newId(),
            at: desk.now().toISOString(),
            deskId: desk.deskId,
            operator: desk.operator || COORDINATION_OPERATOR,
            fileName,
          }),
        );
        return plan;
      });
    },

    /** The mapping last used for files with these headers (product.md: "remembered per header set"). */
    async rememberedMapping(key: string): Promise<ImportMapping | null> {
      const row = await db.uiPreferences.get(MAPPING_PREFIX + key);
      return (row?.value as ImportMapping | undefined) ?? null;
    },

    async rememberMapping(key: string, mapping: ImportMapping): Promise<void> {
      await db.uiPreferences.put({ key: MAPPING_PREFIX + key, value: mapping });
    },
  };
}

/** The import pipeline (CSV parsing, analysis, plan) is fetched on first use, not at start-up (issue #12). */
const importPipeline = () => import('../../../shared/import');
/** The duplicate rule and the search keys need libphonenumber: fetched with the pipeline, not at start-up. */
const duplicatesModule = () => import('../../../shared/domain/duplicates');
const searchKeysModule = () => import('../../../shared/domain/search-keys');

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
