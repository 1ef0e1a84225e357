import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { SHARED_TABLE_NAMES } from '../../shared/domain/tables';
import type { ChangeJournal, JournalEntry } from '../../shared/sync/state';
import type { DeskDatabase } from './database';

/**
 * The sync's change journal (issue 14): every write of a shared record, whoever makes it (a screen, an import, a
 * restore, a file merge, the sync Worker), also notes `<table>:<key>` with a fresh stamp in `syncJournal`, in the
 * same IndexedDB transaction (a Dexie middleware adds the table to every read-write transaction on a shared table,
 * so a note is never lost nor written without its record). A push then reads those records instead of scanning
 * every table, and forgets the notes of what is in sync (shared/sync/push.ts). Writes made outside Dexie (the raw
 * IndexedDB of a test) are not noted: the journal is trusted only after a full push, per target.
 */

export const JOURNAL_TABLE = 'syncJournal';

export interface SyncJournalRow {
  /** `<table>:<key>`, the CouchDB document's id. */
  key: string;
  stamp: string;
}

const SHARED = new Set<string>(SHARED_TABLE_NAMES);
const TRUSTED_KEY = 'sync-journal-trusted';
let counter = 0;
const newStamp = () => `${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2)}`;

export const syncJournalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncJournal',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const journaled = mode === 'readwrite' && stores.some((store) => SHARED.has(store));
        const scope = journaled && !stores.includes(JOURNAL_TABLE) ? [...stores, JOURNAL_TABLE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SHARED.has(name)) return table;
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            const keys = writtenKeys(table, request);
            if (keys.length > 0) {
              await down.table(JOURNAL_TABLE).mutate({
                type: 'put',
                trans: request.trans,
                values: keys.map((key) => ({ key: `${name}:${String(key)}`, stamp: newStamp() })),
              });
            }
            return response;
          },
        };
      },
    };
  },
};

/** The keys a put or add writes. Deletions are not noted: a shared record is deleted by its clocked `deleted`. */
function writtenKeys(table: DBCoreTable, request: DBCoreMutateRequest): unknown[] {
  if (request.type !== 'put' && request.type !== 'add') return [];
  const keys = new Set<unknown>(request.keys ?? []);
  const extract = table.schema.primaryKey.extractKey;
  if (!request.keys && extract) for (const value of request.values) keys.add(extract(value));
  if (request.type === 'put') for (const key of request.updates?.keys ?? []) keys.add(key);
  return [...keys].filter((key) => key !== undefined);
}

/** The journal as the replicator's port (shared/sync/state.ts). */
export function createDexieChangeJournal(db: DeskDatabase): ChangeJournal {
  return {
    async read(targetKey) {
      const [trusted, rows] = await Promise.all([db.syncState.get(TRUSTED_KEY), db.syncJournal.toArray()]);
      const entries: JournalEntry[] = rows.map((row) => ({ docId: row.key, stamp: row.stamp }));
      return { trusted: trusted?.value === targetKey, entries };
    },
    async forget(entries) {
      if (entries.length === 0) return;
      await db.transaction('rw', db.syncJournal, async () => {
        const rows = await db.syncJournal.bulkGet(entries.map((entry) => entry.docId));
        // Only what was not written again since it was read.
        const unchanged = entries.filter((entry, index) => rows[index]?.stamp === entry.stamp);
        await db.syncJournal.bulkDelete(unchanged.map((entry) => entry.docId));
      });
    },
    async trust(targetKey) {
      await db.syncState.put({ key: TRUSTED_KEY, value: targetKey });
    },
  };
}

/** Whether the journal alone tells this target's local changes (the pending count can then read it alone). */
export async function journalTrustedFor(db: DeskDatabase, targetKey: string): Promise<boolean> {
  return (await db.syncState.get(TRUSTED_KEY))?.value === targetKey;
}
