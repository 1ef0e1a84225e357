import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
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
 *
 * Notes are kept only once the desk has started to sync (issue #12). Until then nothing would ever read them: the first
 * push to any target is a full one (the journal is not trusted yet), yet each note is one more row written: a 5,000-row
 * import took about 30 % longer with them (median of four alternated runs in Chromium), and a city's restore would
 * write a million notes that nothing reads. The first push arms the journal (`armed` in syncState) before it reads
 * anything, so every write that its full scan could miss, the ones committed after the scan began, is noted; a write
 * committed before is in the scan. Each journaled transaction reads that flag once, in its own scope (syncState is
 * added to it), so the arming and the writes are ordered by IndexedDB itself, whichever thread or Worker makes them;
 * once seen, the flag is kept for the connection's life (it is never taken back).
 */

export const JOURNAL_TABLE = 'syncJournal';

export interface SyncJournalRow {
  /** `<table>:<key>`, the CouchDB document's id. */
  key: string;
  stamp: string;
}

const SHARED = new Set<string>(SHARED_TABLE_NAMES);
const TRUSTED_KEY = 'sync-journal-trusted';
const ARMED_KEY = 'sync-journal-armed';
const STATE_TABLE = 'syncState';
let counter = 0;
const newStamp = () => `${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2)}`;

export const syncJournalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncJournal',
  create(down) {
    // Per connection: once a transaction has seen the journal armed, later ones need not read the flag again.
    let armedSeen = false;
    const armedIn = new WeakMap<DBCoreTransaction, Promise<boolean>>();
    const journaling = (trans: DBCoreTransaction): Promise<boolean> => {
      if (armedSeen) return Promise.resolve(true);
      let armed = armedIn.get(trans);
      if (!armed) {
        armed = down
          .table(STATE_TABLE)
          .getMany({ trans, keys: [ARMED_KEY, TRUSTED_KEY] })
          .then((rows) => (armedSeen ||= rows.some((row) => row !== undefined)));
        armedIn.set(trans, armed);
      }
      return armed;
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((store) => SHARED.has(store))) {
          return down.transaction(stores, mode, options);
        }
        const extra = armedSeen ? [JOURNAL_TABLE] : [JOURNAL_TABLE, STATE_TABLE];
        const scope = [...stores, ...extra.filter((store) => !stores.includes(store))];
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
            if (keys.length > 0 && (await journaling(request.trans))) {
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
      // Armed before anything is read: from here on every write is noted (see above).
      await armJournal(db);
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

/** From now on every write of a shared record is noted: called by the push before it reads anything. */
export async function armJournal(db: DeskDatabase): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    if (!(await db.syncState.get(ARMED_KEY))) await db.syncState.put({ key: ARMED_KEY, value: true });
  });
}
