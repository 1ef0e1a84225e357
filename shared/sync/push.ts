import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { canonicalJson } from '../merge/dataset';
import { mergeVersions } from '../merge/versions';
import type { CouchClient } from './couch-client';
import { digestOf, docIdOf, parseDoc, tableOfDocId, toDoc } from './documents';
import type { SyncRecordStore } from './record-store';
import type { ChangeJournal, JournalEntry, KnownDoc, SyncStateStore } from './state';

/**
 * Push: every local record whose content differs from what was last synced (its digest in the sync state) goes to
 * the server with `_bulk_docs`, a batch at a time, carrying the known `_rev`. A conflict (another desk wrote the
 * document first) is settled by fetching the server's version, merging (docs/merge.md), writing the merge locally
 * and sending it again with the server's `_rev`. The known revision is recorded after each batch: a push cut short
 * sends the rest next time, and a document already on the server whose answer was lost comes back as a conflict
 * whose merge equals the server's version, so it is recorded, not written twice.
 *
 * With a change journal the push reads only the records written since they were last in sync (no scan of every
 * table); the entries of the records now in sync are then forgotten. Until a full push to this target ended with
 * nothing pending or refused, the journal is not trusted and every record is compared, as without one.
 */

interface BulkResult {
  readonly id: string;
  readonly rev?: string;
  readonly ok?: boolean;
  readonly error?: string;
  readonly reason?: string;
}

interface AllDocsResponse {
  readonly rows: readonly {
    readonly key: string;
    readonly error?: string;
    readonly value?: { rev: string; deleted?: boolean };
    readonly doc?: unknown;
  }[];
}

export interface PushOptions {
  readonly batchSize: number;
  /** Rounds of fetch-merge-retry for one batch before leaving the rest to the next sync. */
  readonly maxConflictRounds?: number;
  readonly onBatch?: (sent: number) => void;
  readonly journal?: ChangeJournal;
  /** `syncTargetKey`: the journal is trusted per target. */
  readonly targetKey?: string;
}

export interface PushResult {
  /** Documents written to the server. */
  readonly sent: number;
  /** Conflicts settled by a merge. */
  readonly conflictsResolved: number;
  /** Documents the server refused (a validation function, a permission): `<id>: <reason>`. */
  readonly rejected: readonly string[];
  /** Still different from the server after the conflict rounds (another desk kept writing): sent next time. */
  readonly pending: number;
}

interface Outgoing {
  readonly table: SharedTableName;
  record: SharedRecord<SharedTableName>;
  rev: string | undefined;
}

export async function push(client: CouchClient, store: SyncRecordStore, state: SyncStateStore, options: PushOptions) {
  const result = { sent: 0, conflictsResolved: 0, rejected: [] as string[], pending: 0 };
  const journal = options.journal && options.targetKey !== undefined ? options.journal : null;
  const targetKey = options.targetKey ?? '';
  // Read before the push: an entry written meanwhile gets a new stamp and stays for the next sync.
  const noted = journal ? await journal.read(targetKey) : null;
  const byTable = noted?.trusted ? keysByTable(noted.entries) : null;
  for (const table of SHARED_TABLE_NAMES) {
    let batch: SharedRecord<SharedTableName>[] = [];
    const flush = async () => {
      if (batch.length > 0) await pushBatch(client, store, state, table, batch, options, result);
      batch = [];
    };
    if (byTable) {
      const keys = byTable.get(table) ?? [];
      for (let start = 0; start < keys.length; start += options.batchSize) {
        const records = await store.get(table, keys.slice(start, start + options.batchSize));
        batch = records.filter((record) => record !== undefined) as SharedRecord<SharedTableName>[];
        await flush();
      }
      continue;
    }
    for await (const record of store.records(table)) {
      batch.push(record);
      if (batch.length >= options.batchSize) await flush();
    }
    await flush();
  }
  if (journal && noted) {
    await journal.forget(await inSync(store, state, noted.entries, options.batchSize));
    if (!noted.trusted && result.pending === 0 && result.rejected.length === 0) await journal.trust(targetKey);
  }
  return result as PushResult;
}

function keysByTable(entries: readonly JournalEntry[]): Map<SharedTableName, string[]> {
  const byTable = new Map<SharedTableName, string[]>();
  for (const entry of entries) {
    const table = tableOfDocId(entry.docId);
    if (table === null) continue;
    const list = byTable.get(table) ?? [];
    list.push(entry.docId.slice(table.length + 1));
    byTable.set(table, list);
  }
  return byTable;
}

/** The journal entries whose record is as the server knows it (or gone): nothing left to send for them. */
async function inSync(
  store: SyncRecordStore,
  state: SyncStateStore,
  entries: readonly JournalEntry[],
  batchSize: number,
): Promise<JournalEntry[]> {
  const clean: JournalEntry[] = [];
  const byTable = new Map<SharedTableName, JournalEntry[]>();
  for (const entry of entries) {
    const table = tableOfDocId(entry.docId);
    if (table === null) {
      clean.push(entry);
      continue;
    }
    const list = byTable.get(table) ?? [];
    list.push(entry);
    byTable.set(table, list);
  }
  for (const [table, list] of byTable) {
    for (let start = 0; start < list.length; start += batchSize) {
      const slice = list.slice(start, start + batchSize);
      const records = await store.get(
        table,
        slice.map((entry) => entry.docId.slice(table.length + 1)),
      );
      const known = await state.known(slice.map((entry) => entry.docId));
      slice.forEach((entry, index) => {
        const record = records[index];
        if (!record || known.get(entry.docId)?.digest === digestOf(record)) clean.push(entry);
      });
    }
  }
  return clean;
}

async function pushBatch(
  client: CouchClient,
  store: SyncRecordStore,
  state: SyncStateStore,
  table: SharedTableName,
  records: readonly SharedRecord<SharedTableName>[],
  options: PushOptions,
  result: { sent: number; conflictsResolved: number; rejected: string[]; pending: number },
): Promise<void> {
  const ids = records.map((record) => docIdOf(table, record));
  const known = await state.known(ids);
  let outgoing: Outgoing[] = [];
  records.forEach((record, index) => {
    const doc = known.get(ids[index] as string);
    if (doc?.digest !== digestOf(record)) outgoing.push({ table, record, rev: doc?.rev });
  });
  const rounds = options.maxConflictRounds ?? 5;
  for (let round = 0; outgoing.length > 0; round++) {
    if (round === rounds) {
      result.pending += outgoing.length;
      return;
    }
    const docs = outgoing.map((item) => toDoc(item.table, item.record, item.rev));
    const answers = await client.db<BulkResult[]>('POST', '_bulk_docs', { body: { docs } });
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    const remembered = new Map<string, KnownDoc>();
    const conflicts: Outgoing[] = [];
    for (const item of outgoing) {
      const id = docIdOf(item.table, item.record);
      const answer = byId.get(id);
      if (answer?.ok && answer.rev) {
        remembered.set(id, { rev: answer.rev, digest: digestOf(item.record) });
        result.sent++;
      } else if (answer?.error === 'conflict') {
        conflicts.push(item);
      } else {
        result.rejected.push(`${id}: ${answer?.error ?? 'no answer'} ${answer?.reason ?? ''}`.trim());
      }
    }
    await state.remember(remembered);
    options.onBatch?.(result.sent);
    outgoing = conflicts.length > 0 ? await mergeWithServer(client, store, state, conflicts, result) : [];
  }
}

/** Fetch the server's versions of conflicting documents, merge, write locally; what still needs sending. */
async function mergeWithServer(
  client: CouchClient,
  store: SyncRecordStore,
  state: SyncStateStore,
  conflicts: readonly Outgoing[],
  result: { conflictsResolved: number },
): Promise<Outgoing[]> {
  const ids = conflicts.map((item) => docIdOf(item.table, item.record));
  const answer = await client.db<AllDocsResponse>('POST', '_all_docs', {
    query: { include_docs: 'true' },
    body: { keys: ids },
  });
  const rows = new Map(answer.rows.map((row) => [row.key, row]));
  const again: Outgoing[] = [];
  const remembered = new Map<string, KnownDoc>();
  const localWrites = new Map<SharedTableName, SharedRecord<SharedTableName>[]>();
  for (const item of conflicts) {
    const id = docIdOf(item.table, item.record);
    const row = rows.get(id);
    const serverRev = row?.value?.rev;
    const parsed = row?.doc ? parseDoc(row.doc) : null;
    if (!serverRev || !parsed?.ok || parsed.table !== item.table || row?.value?.deleted) {
      // Deleted on the server by hand, or not a valid record there: our version replaces it.
      again.push({ ...item, rev: serverRev });
      continue;
    }
    const merged = mergeVersions(item.table, item.record, parsed.record);
    result.conflictsResolved++;
    if (canonicalJson(merged) !== canonicalJson(item.record)) {
      const list = localWrites.get(item.table) ?? [];
      list.push(merged);
      localWrites.set(item.table, list);
    }
    if (canonicalJson(merged) === canonicalJson(parsed.record)) {
      remembered.set(id, { rev: serverRev, digest: digestOf(parsed.record) });
    } else {
      again.push({ table: item.table, record: merged, rev: serverRev });
    }
  }
  for (const [table, records] of localWrites) await store.writeBatch(table, records);
  await state.remember(remembered);
  return again;
}
