/**
 * What a desk remembers between syncs with one target (desk-local, never merged, never in a snapshot): the known
 * `_rev` of each document with a digest of the record as last synced, and the pull checkpoint. The Dexie store keeps
 * it in `syncDocs` and `syncState` (renderer/db, schema version 2); the command line and tests keep it in memory.
 */
export interface KnownDoc {
  readonly rev: string;
  /** `digestOf` the record as the server holds it at `rev`. */
  readonly digest: string;
}

export interface PullCheckpoint {
  /** The replication session that wrote it: a checkpoint counts only when the server's `_local` doc agrees. */
  readonly session: string;
  /** CouchDB's `last_seq` after the last batch applied locally (opaque: a number or a string). */
  readonly since: string;
}

export interface SyncStateStore {
  known(docIds: readonly string[]): Promise<Map<string, KnownDoc>>;
  remember(entries: ReadonlyMap<string, KnownDoc>): Promise<void>;
  checkpoint(): Promise<PullCheckpoint | null>;
  saveCheckpoint(checkpoint: PullCheckpoint): Promise<void>;
}

/**
 * Which records were written since they were last known to be in sync, so a push reads those instead of every table
 * (the app's Dexie store notes every write of a shared record, renderer/db/sync-journal.ts). Without one (the
 * command line, the tests in memory) the push compares every record's digest.
 */
export interface ChangeJournal {
  /**
   * The entries written so far, and whether they alone can be trusted for this target: false until a full push to
   * it ended with everything in sync (a new target, or records written before the journal existed).
   */
  read(targetKey: string): Promise<{ readonly trusted: boolean; readonly entries: readonly JournalEntry[] }>;
  /** Drop these entries, unless written again since `read` (their stamp changed): they are in sync now. */
  forget(entries: readonly JournalEntry[]): Promise<void>;
  /** From now on the journal alone tells this target's local changes. */
  trust(targetKey: string): Promise<void>;
}

export interface JournalEntry {
  /** `<table>:<key>`, as the document's id. */
  readonly docId: string;
  /** Changes at every write of the record: an entry written again during a push is not forgotten. */
  readonly stamp: string;
}

export interface MemorySyncState extends SyncStateStore {
  /** How many documents are known (tests). */
  readonly size: number;
}

export function createMemorySyncState(): MemorySyncState {
  const docs = new Map<string, KnownDoc>();
  let saved: PullCheckpoint | null = null;
  return {
    get size() {
      return docs.size;
    },
    async known(docIds) {
      const found = new Map<string, KnownDoc>();
      for (const id of docIds) {
        const doc = docs.get(id);
        if (doc) found.set(id, doc);
      }
      return found;
    },
    async remember(entries) {
      for (const [id, doc] of entries) docs.set(id, doc);
    },
    async checkpoint() {
      return saved;
    },
    async saveCheckpoint(checkpoint) {
      saved = checkpoint;
    },
  };
}
