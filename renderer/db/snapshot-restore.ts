import Dexie, { type IndexableType, type Table } from 'dexie';
import { SHARED_TABLE_NAMES, SHARED_TABLES, type SharedTableName } from '../../shared/domain/tables';
import type { DeskDatabase } from './database';
import { DEXIE_BATCH_SIZE } from './dexie-store';
import {
  RESTORE_NOTICE_KEY,
  RESTORE_STATE_KEY,
  type RestoreNotice,
  type RestoreNoticeOutcome,
  type RestorePhase,
  type RestoreState,
} from './snapshot-restore-marker';

export {
  RESTORE_NOTICE_KEY,
  RESTORE_STATE_KEY,
  type RestoreNotice,
  type RestoreNoticeOutcome,
  type RestorePhase,
  type RestoreState,
} from './snapshot-restore-marker';

/**
 * A restore that replaces the store is all or nothing (issue 11, docs/backups.md "Restore").
 *
 * A city's snapshot does not fit one IndexedDB transaction, and a transaction cannot wait on a streamed file, so the
 * records are written batch by batch. To never leave a half-written store, the replace runs under a guard:
 *
 * 1. `copying`: a marker is written in this desk's local preferences, then every shared table is copied row for row
 *    (search keys included) into a separate IndexedDB database, `<name>.restore-safety`. The store is untouched, so
 *    this runs while the Worker checks the file; a refused file drops the copy and the marker (`abandon`).
 * 2. `replacing`: in ONE transaction, the marker moves to `replacing` and the shared tables are cleared (the erasure
 *    register is kept and only grows). The snapshot's batches are written, then the erasure register is re-applied.
 * 3. `finishing`: the marker moves to `finishing` (the restored store is complete), the copy is deleted, the marker
 *    removed.
 *
 * On any failure in step 2 (a full disk, a file that cannot be read again, a failed erasure pass), the shared tables
 * are cleared and the copy is put back, so the store is exactly as before, table by table. If the window is closed
 * or the app crashes midway, the marker is still `replacing` at the next start: `recoverInterruptedRestore` (called
 * by `openDatabase` before anything reads the store) puts the copy back the same way and leaves a notice for the
 * user. The marker moves only after the step it names is complete, so the copy it points at is always whole.
 *
 * A staging database switched in place of the live one would need the app to re-open another database by name
 * (and copy the desk-local tables); the copy-aside keeps the one database and costs one extra copy of the current
 * data while a restore runs.
 */

/**
 * A replace that did not complete. `unchanged`: it failed before the data was touched; `rolled-back`: it failed
 * midway and the data was put back as it was; `rollback-failed`: putting it back failed too (the marker stays, and
 * the next start tries again). `cause` is the original failure (a QuotaExceededError, a SnapshotError…).
 */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    readonly outcome: 'unchanged' | 'rolled-back' | 'rollback-failed',
    override readonly cause: unknown,
  ) {
    super(`restore ${outcome}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export function isRestoreError(error: unknown): error is RestoreError {
  return error instanceof RestoreError;
}

export function safetyDatabaseName(db: Dexie): string {
  return `${db.name}.restore-safety`;
}

export interface ReplaceGuard {
  /**
   * Copies the store aside (step 1). It only reads the store and writes the separate copy, so it may run while the
   * file is still being checked (issue #12: a city's copy and its check each take minutes; they now overlap).
   */
  copyAside(): Promise<void>;
  /** The file is known good: clears the shared tables (one transaction with the marker). Needs `copyAside` done. */
  begin(): Promise<void>;
  /** The file was refused before `begin`: stops the copy and drops it; the store was never touched. Never throws. */
  abandon(): Promise<void>;
  /** The new data is complete: drop the copy. */
  commit(): Promise<void>;
  /** After any failure: rethrows it as a RestoreError, having put the copy back if the data had been touched. */
  fail(error: unknown): Promise<never>;
}

export function createReplaceGuard(
  db: DeskDatabase,
  options: { readonly batchSize?: number | undefined; readonly now?: (() => Date) | undefined } = {},
): ReplaceGuard {
  const batchSize = options.batchSize ?? DEXIE_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  let phase: RestorePhase | null = null;
  let copying: Promise<void> | null = null;
  let stopped = false;
  const state = (next: RestorePhase): { key: string; value: RestoreState } => ({
    key: RESTORE_STATE_KEY,
    value: { phase: next, startedAt: now().toISOString() },
  });

  const copyAside = async (): Promise<void> => {
    await db.uiPreferences.put(state('copying'));
    phase = 'copying';
    // A copy left by an earlier attempt is stale: start from nothing.
    await Dexie.delete(safetyDatabaseName(db));
    const safety = newSafetyCopy(db);
    try {
      await copySharedTables(db, safety, batchSize, () => stopped);
    } finally {
      safety.close();
    }
  };

  return {
    copyAside() {
      copying ??= copyAside();
      return copying;
    },

    async begin() {
      await this.copyAside();
      if (stopped) throw new Error('the restore was abandoned');
      const cleared = SHARED_TABLE_NAMES.filter((table) => table !== 'erasures').map((table) => tableOf(db, table));
      await db.transaction('rw', [db.uiPreferences, ...cleared], async () => {
        await db.uiPreferences.put(state('replacing'));
        for (const table of cleared) await table.clear();
      });
      phase = 'replacing';
    },

    async commit() {
      await db.uiPreferences.put(state('finishing'));
      phase = 'finishing';
      // The restored store is complete: a failure from here on only leaves a copy behind, swept at the next start.
      await dropSafetyCopy(db).catch(() => undefined);
    },

    async abandon() {
      stopped = true;
      await copying?.catch(() => undefined);
      // The marker and the copy go; if that fails, the next start sweeps them (a `copying` marker changes nothing).
      if (phase !== null) await dropSafetyCopy(db).catch(() => undefined);
      phase = null;
    },

    async fail(error) {
      if (phase === null) throw new RestoreError('unchanged', error);
      if (phase === 'copying') {
        await dropSafetyCopy(db).catch(() => undefined);
        throw new RestoreError('unchanged', error);
      }
      if (phase === 'finishing') throw error;
      try {
        await putSafetyCopyBack(db, batchSize);
      } catch {
        throw new RestoreError('rollback-failed', error);
      }
      throw new RestoreError('rolled-back', error);
    },
  };
}

/**
 * At start-up, before anything reads the store: finishes what an interrupted restore left. Returns the notice left
 * for the user, or null when there was nothing to do. Throws if the copy cannot be put back (the app then does not
 * open on half-written data, and the next start tries again).
 */
export async function recoverInterruptedRestore(
  db: DeskDatabase,
  options: { readonly now?: (() => Date) | undefined } = {},
): Promise<RestoreNotice | null> {
  const row = await db.uiPreferences.get(RESTORE_STATE_KEY);
  const phase = (row?.value as Partial<RestoreState> | undefined)?.phase;
  if (phase === undefined) return null;
  let outcome: RestoreNoticeOutcome | null;
  if (phase === 'replacing') {
    if (await Dexie.exists(safetyDatabaseName(db))) {
      await putSafetyCopyBack(db, DEXIE_BATCH_SIZE);
      outcome = 'rolled-back';
    } else {
      await db.uiPreferences.delete(RESTORE_STATE_KEY);
      outcome = 'copy-missing';
    }
  } else {
    // `copying`: the store was never touched; `finishing`: the restore had completed. Only the copy is left.
    await dropSafetyCopy(db);
    outcome = phase === 'copying' ? 'not-started' : null;
  }
  if (outcome === null) return null;
  const notice: RestoreNotice = { outcome, at: (options.now?.() ?? new Date()).toISOString() };
  await db.uiPreferences.put({ key: RESTORE_NOTICE_KEY, value: notice });
  return notice;
}

/**
 * Clears every shared table (the erasure register too: it is put back as it was) and copies the safety copy back.
 * The marker stays `replacing` until the copy is back, so a crash here is recovered at the next start.
 */
async function putSafetyCopyBack(db: DeskDatabase, batchSize: number): Promise<void> {
  const tables = SHARED_TABLE_NAMES.map((table) => tableOf(db, table));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
  // Opened as it is on disk (Dexie's dynamic mode): a copy made by an earlier version of the app, with the full
  // schema, reads the same.
  const safety = new Dexie(safetyDatabaseName(db));
  try {
    await safety.open();
    await copySharedTables(safety, db, batchSize);
  } finally {
    safety.close();
  }
  await dropSafetyCopy(db);
}

/** The marker goes first: without it, a leftover copy is never mistaken for one to put back. */
async function dropSafetyCopy(db: DeskDatabase): Promise<void> {
  await db.uiPreferences.delete(RESTORE_STATE_KEY);
  await Dexie.delete(safetyDatabaseName(db));
}

/**
 * The copy aside: the shared tables keyed as in the store, without their secondary indexes and without the store's
 * middlewares (sync journal, sign-up tombstones), since it is only ever read back in key order. Issue #12: with the
 * full schema, copying the small seed (23,294 records) took longer than writing the restored data itself.
 */
function newSafetyCopy(db: Dexie): Dexie {
  const safety = new Dexie(safetyDatabaseName(db));
  safety.version(1).stores(Object.fromEntries(SHARED_TABLE_NAMES.map((name) => [name, SHARED_TABLES[name].key])));
  return safety;
}

/**
 * Row for row, in key order, a page at a time (one transaction per page on each side). The next page is read while
 * the current one is written (two databases, so the two transactions run side by side): one page ahead, no more.
 */
async function copySharedTables(
  from: Dexie,
  to: Dexie,
  batchSize: number,
  stopped: () => boolean = () => false,
): Promise<void> {
  for (const name of SHARED_TABLE_NAMES) {
    const source = tableOf(from, name);
    const target = tableOf(to, name);
    const keyField = SHARED_TABLES[name].key;
    const read = async (after: IndexableType | null): Promise<Record<string, IndexableType>[]> =>
      (await (after === null ? source.toCollection() : source.where(':id').above(after))
        .limit(batchSize)
        .toArray()) as Record<string, IndexableType>[];
    let page = await read(null);
    while (page.length > 0 && !stopped()) {
      const rows = page;
      const last = rows[rows.length - 1]![keyField]!;
      const [, next] = await Promise.all([
        to.transaction('rw', target, () => target.bulkPut(rows)),
        rows.length < batchSize ? Promise.resolve([]) : read(last),
      ]);
      page = next;
    }
  }
}

function tableOf(db: Dexie, table: SharedTableName): Table<unknown, IndexableType> {
  return db.table(table);
}
