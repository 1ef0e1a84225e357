import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { digestOf, docIdOf } from '../../../shared/sync/documents';
import type { DeskDatabase } from '../../db/database';
import { createDexieSyncRecordStore, createDexieSyncState } from '../../db/sync-store';

const BATCH = 500;

/**
 * How many local records differ from what was last synced with this target: exactly what the next push sends
 * (push.ts compares the same digests). Read a batch at a time, so the desk stays responsive on a big database.
 */
export async function countPendingChanges(db: DeskDatabase, targetKey: string): Promise<number> {
  const store = createDexieSyncRecordStore(db);
  const state = createDexieSyncState(db, targetKey);
  let pending = 0;
  for (const table of SHARED_TABLE_NAMES) {
    let batch: { id: string; digest: string }[] = [];
    const flush = async () => {
      const known = await state.known(batch.map((entry) => entry.id));
      for (const entry of batch) if (known.get(entry.id)?.digest !== entry.digest) pending++;
      batch = [];
    };
    for await (const record of store.records(table)) {
      batch.push({ id: docIdOf(table, record), digest: digestOf(record) });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  }
  return pending;
}
