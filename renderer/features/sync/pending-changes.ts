import { SHARED_TABLE_NAMES, type SharedTableName } from '../../../shared/domain/tables';
import { digestOf, docIdOf, tableOfDocId } from '../../../shared/sync/documents';
import type { DeskDatabase } from '../../db/database';
import { journalTrustedFor } from '../../db/sync-journal';
import { createDexieSyncRecordStore, createDexieSyncState } from '../../db/sync-store';

const BATCH = 500;

/**
 * How many local records differ from what was last synced with this target: exactly what the next push sends
 * (push.ts compares the same digests). When the change journal is trusted for this target, only the records it
 * names are read (renderer/db/sync-journal.ts); otherwise every table, a batch at a time.
 */
export async function countPendingChanges(db: DeskDatabase, targetKey: string): Promise<number> {
  const store = createDexieSyncRecordStore(db);
  const state = createDexieSyncState(db, targetKey);
  let pending = 0;
  const count = async (batch: readonly { id: string; digest: string }[]) => {
    const known = await state.known(batch.map((entry) => entry.id));
    for (const entry of batch) if (known.get(entry.id)?.digest !== entry.digest) pending++;
  };
  if (await journalTrustedFor(db, targetKey)) {
    const byTable = new Map<SharedTableName, string[]>();
    for (const docId of (await db.syncJournal.toCollection().primaryKeys()) as string[]) {
      const table = tableOfDocId(docId);
      if (table !== null) byTable.set(table, [...(byTable.get(table) ?? []), docId.slice(table.length + 1)]);
    }
    for (const [table, keys] of byTable) {
      for (let start = 0; start < keys.length; start += BATCH) {
        const records = await store.get(table, keys.slice(start, start + BATCH));
        await count(
          records.flatMap((record) => (record ? [{ id: docIdOf(table, record), digest: digestOf(record) }] : [])),
        );
      }
    }
    return pending;
  }
  for (const table of SHARED_TABLE_NAMES) {
    let batch: { id: string; digest: string }[] = [];
    for await (const record of store.records(table)) {
      batch.push({ id: docIdOf(table, record), digest: digestOf(record) });
      if (batch.length >= BATCH) {
        await count(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await count(batch);
  }
  return pending;
}
