import type { Volunteer } from '../domain/model';
import type { SharedRecord, SharedTableName } from '../domain/tables';
import { canonicalJson, keyOf } from '../merge/dataset';
import { mergeVersions } from '../merge/versions';
import type { CouchClient } from './couch-client';
import { SyncError } from './errors';
import { digestOf, parseDoc, toDoc } from './documents';
import type { SyncRecordStore } from './record-store';
import type { KnownDoc, PullCheckpoint, SyncStateStore } from './state';

/**
 * Pull: the server's `_changes` since the checkpoint, a batch at a time, with the documents and their `_conflicts`.
 * Each document is merged with the local version (the merge of docs/merge.md); a document the server holds in
 * several conflicting revisions (two desks wrote through two CouchDB nodes, or a replication between servers) is
 * settled there too: the merge of all its revisions is written over the winner and the losing revisions deleted.
 * Order per batch: local records, then the known revisions, then the checkpoint (locally, then in the server's
 * `_local` document). A failure anywhere leaves a checkpoint at or before what was applied, and applying a change
 * twice is harmless (the merge is idempotent), so the next sync resumes without loss or duplicate.
 */

type ServerDoc = Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean };

interface ChangesResponse {
  readonly results: readonly {
    readonly id: string;
    readonly seq: unknown;
    readonly deleted?: boolean;
    /** With `style=all_docs`: every leaf revision (more than one = a conflict on the server). */
    readonly changes?: readonly { readonly rev: string }[];
  }[];
  readonly last_seq: unknown;
}

interface AllDocsResponse {
  readonly rows: readonly { readonly key: string; readonly error?: string; readonly doc?: ServerDoc | null }[];
}

interface BulkResult {
  readonly id: string;
  readonly rev?: string;
  readonly ok?: boolean;
  readonly error?: string;
}

export interface PullOptions {
  readonly batchSize: number;
  /** `_local/<id>` on the server: one per desk and target. */
  readonly checkpointDocId: string;
  readonly session: string;
  /** Called with every clock received, so the desk's clock moves past them (later local edits win). */
  readonly observeClock?: (clock: string) => void;
  /**
   * After each batch: documents received so far, and what they count towards when known: the database's document
   * count on a first download (from nothing); null when resuming from a checkpoint (CouchDB's sequences are opaque).
   */
  readonly onBatch?: (applied: number, total: number | null) => void;
  /** The database's document count (`checkAccess`), for the first download's total. */
  readonly docCount?: number | null;
}

export interface PullResult {
  /** Documents received. */
  readonly received: number;
  /** Local records created or changed by the merge. */
  readonly changedLocally: number;
  /** Documents with conflicting revisions on the server, settled. */
  readonly serverConflictsResolved: number;
  /** Documents refused (not a valid record): left on the server, not applied. */
  readonly rejected: readonly string[];
  /**
   * This desk's copies of volunteers as they were before the pull changed their identity or contacts (an erasure
   * from another desk blanks them): the only place the erased person's name is still known here, which the
   * settlement needs to remove copies of it from free texts (shared/merge/erasure.ts, settle.ts).
   */
  readonly replacedIdentities: readonly Volunteer[];
}

export async function pull(
  client: CouchClient,
  store: SyncRecordStore,
  state: SyncStateStore,
  options: PullOptions,
): Promise<PullResult> {
  const since = await agreedCheckpoint(client, state, options.checkpointDocId);
  const total = since === '0' ? (options.docCount ?? null) : null;
  let cursor = since;
  let saved = since;
  let received = 0;
  let changedLocally = 0;
  let serverConflictsResolved = 0;
  const rejected: string[] = [];
  const replacedIdentities: Volunteer[] = [];
  for (;;) {
    // The changes without their documents first: a document whose one revision is the one this desk last sent or
    // received (the echo of its own push, a batch applied before a crash) is not downloaded again.
    const changes = await client.db<ChangesResponse>('GET', '_changes', {
      query: { since: cursor, limit: String(options.batchSize), style: 'all_docs' },
    });
    if (changes.results.length === 0) break;
    const docs = await newDocuments(client, state, changes.results);
    const byTable = new Map<SharedTableName, SharedRecord<SharedTableName>[]>();
    const known = new Map<string, KnownDoc>();
    for (const doc of docs) {
      if (doc._deleted || doc._id.startsWith('_')) continue;
      received++;
      let current: unknown = doc;
      let rev = doc._rev;
      if (doc._conflicts && doc._conflicts.length > 0) {
        const settled = await settleServerConflict(client, doc, doc._conflicts);
        if (settled) {
          current = settled.doc;
          rev = settled.rev;
          serverConflictsResolved++;
        }
      }
      const parsed = parseDoc(current);
      if (!parsed.ok) {
        rejected.push(parsed.reason);
        continue;
      }
      observeClocks(parsed.record, options.observeClock);
      const list = byTable.get(parsed.table) ?? [];
      list.push(parsed.record);
      byTable.set(parsed.table, list);
      known.set(doc._id, { rev, digest: digestOf(parsed.record) });
    }
    for (const [table, records] of byTable) {
      const merged = await mergeIntoStore(store, table, records);
      changedLocally += merged.changed;
      replacedIdentities.push(...merged.replacedIdentities);
    }
    await state.remember(known);
    cursor = String(changes.last_seq);
    // A batch that brought nothing new (the echo of this desk's own push) needs no checkpoint of its own: read
    // again after a crash, it still brings nothing. The last position is saved once the feed is read.
    if (docs.length > 0) {
      await saveCheckpoint(client, state, options, cursor);
      saved = cursor;
    }
    options.onBatch?.(received, total);
    if (changes.results.length < options.batchSize) break;
  }
  if (cursor !== saved) await saveCheckpoint(client, state, options, cursor);
  return { received, changedLocally, serverConflictsResolved, rejected, replacedIdentities };
}

/** The current documents (with their `_conflicts`) of the changes this desk does not already hold as they are. */
async function newDocuments(
  client: CouchClient,
  state: SyncStateStore,
  results: ChangesResponse['results'],
): Promise<ServerDoc[]> {
  const candidates = results.filter((change) => !change.deleted && !change.id.startsWith('_'));
  const held = await state.known(candidates.map((change) => change.id));
  const wanted = candidates
    .filter((change) => {
      const leaves = change.changes ?? [];
      return !(leaves.length === 1 && held.get(change.id)?.rev === leaves[0]?.rev);
    })
    .map((change) => change.id);
  if (wanted.length === 0) return [];
  const answer = await client.db<AllDocsResponse>('POST', '_all_docs', {
    query: { include_docs: 'true', conflicts: 'true' },
    body: { keys: wanted },
  });
  return answer.rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

/** Merge pulled records with the local ones; write those that change. Several versions of one key in a batch fold. */
async function mergeIntoStore(
  store: SyncRecordStore,
  table: SharedTableName,
  records: readonly SharedRecord<SharedTableName>[],
): Promise<{ changed: number; replacedIdentities: Volunteer[] }> {
  const incoming = new Map<string, SharedRecord<SharedTableName>>();
  for (const record of records) {
    const key = keyOf(table, record);
    const other = incoming.get(key);
    incoming.set(key, other ? mergeVersions(table, other, record) : record);
  }
  const keys = [...incoming.keys()];
  const locals = await store.get(table, keys);
  const writes: SharedRecord<SharedTableName>[] = [];
  const replacedIdentities: Volunteer[] = [];
  let changed = 0;
  keys.forEach((key, index) => {
    const remote = incoming.get(key) as SharedRecord<SharedTableName>;
    const local = locals[index];
    const merged = local ? mergeVersions(table, local, remote) : remote;
    const json = canonicalJson(merged);
    if (!local || json !== canonicalJson(local)) {
      writes.push(merged);
      changed++;
      if (table === 'volunteers' && local && identityChanged(local as Volunteer, merged as Volunteer)) {
        replacedIdentities.push(local as Volunteer);
      }
    } else if (json !== canonicalJson(remote)) {
      // Unchanged here, but the server lacks part of it (an older copy written there by hand): written again, the
      // same, so that a store with a change journal notes it and the push sends it (push.ts).
      writes.push(merged);
    }
  });
  if (writes.length > 0) await store.writeBatch(table, writes);
  return { changed, replacedIdentities };
}

const IDENTITY_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'guardianName', 'guardianPhone'] as const;

function identityChanged(before: Volunteer, after: Volunteer): boolean {
  return IDENTITY_FIELDS.some((field) => before[field] !== after[field]);
}

/**
 * The merge of every conflicting revision written over the winner, the losers deleted, in one `_bulk_docs`. If
 * another desk changed the document meanwhile, nothing is settled now: the next pull sees it again.
 */
async function settleServerConflict(
  client: CouchClient,
  winner: { _id: string; _rev: string },
  losing: readonly string[],
): Promise<{ doc: unknown; rev: string } | null> {
  const first = parseDoc(winner);
  if (!first.ok) return null;
  let merged = first.record;
  for (const rev of losing) {
    const other = parseDoc(await client.db('GET', encodeURIComponent(winner._id), { query: { rev } }));
    if (other.ok && other.table === first.table) merged = mergeVersions(first.table, merged, other.record);
  }
  const docs = [
    toDoc(first.table, merged, winner._rev),
    ...losing.map((rev) => ({ _id: winner._id, _rev: rev, _deleted: true })),
  ];
  const results = await client.db<BulkResult[]>('POST', '_bulk_docs', { body: { docs } });
  const written = results.find((result) => result.id === winner._id && result.ok && result.rev);
  if (!written?.rev) return null;
  return { doc: toDoc(first.table, merged), rev: written.rev };
}

/** The checkpoint counts only when the desk and the server agree on it (the same session wrote both). */
async function agreedCheckpoint(client: CouchClient, state: SyncStateStore, checkpointDocId: string): Promise<string> {
  const local = await state.checkpoint();
  if (!local) return '0';
  const remote = await client.dbOrNull<{ session?: unknown; since?: unknown }>(`_local/${checkpointDocId}`);
  return remote && remote.session === local.session && remote.since === local.since ? local.since : '0';
}

async function saveCheckpoint(
  client: CouchClient,
  state: SyncStateStore,
  options: PullOptions,
  since: string,
): Promise<void> {
  const checkpoint: PullCheckpoint = { session: options.session, since };
  await state.saveCheckpoint(checkpoint);
  const path = `_local/${options.checkpointDocId}`;
  for (let attempt = 0; ; attempt++) {
    const existing = await client.dbOrNull<{ _rev?: string }>(path);
    const body = existing?._rev ? { ...checkpoint, _rev: existing._rev } : checkpoint;
    try {
      await client.db('PUT', path, { body });
      return;
    } catch (error) {
      // A conflict: an earlier PUT whose answer was lost did land. Read the new revision and write again.
      if (!(error instanceof SyncError) || error.status !== 409 || attempt > 0) throw error;
    }
  }
}

function observeClocks(record: unknown, observe: ((clock: string) => void) | undefined): void {
  if (!observe) return;
  const clocks = (record as { clocks?: Record<string, string> }).clocks;
  if (!clocks) return;
  let latest = '';
  for (const clock of Object.values(clocks)) if (clock > latest) latest = clock;
  if (latest) observe(latest);
}
