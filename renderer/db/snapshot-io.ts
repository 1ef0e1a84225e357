import { type SeedOptions, seedInto } from '../../shared/seed';
import { SnapshotError, type SnapshotManifest } from '../../shared/snapshot';
import type { DeskDatabase } from './database';
import { createDexieRecordSink, DEXIE_BATCH_SIZE, type DexieStoreOptions } from './dexie-store';
import type { FromWorker, SnapshotProgress, ToWorker } from './snapshot-protocol';
import { createReplaceGuard } from './snapshot-restore';
import { loadSnapshotTask, writeSnapshotTask, type LoadSteps } from './snapshot-tasks';

/**
 * What the app calls to load and write snapshots (backups, restores, demo data). UI-free: a progress callback in,
 * a promise out; errors are `SnapshotError`s with French and English messages (`fr`, `en`, `table`, `line`).
 */
export type { SnapshotProgress } from './snapshot-protocol';

export interface LoadSnapshotOptions extends DexieStoreOptions {
  /**
   * Replace the store's shared tables (a restore; the default) or add to them. The erasure register is kept. A
   * replace is all or nothing (snapshot-restore.ts): on failure it throws a RestoreError and the store is as before.
   */
  readonly replace?: boolean;
  /**
   * Run once every record is written, still under the replace's guard: a failure here puts the old data back too
   * (the restore re-applies the erasure register here, so a crash can never leave an erased person restored).
   */
  readonly beforeCommit?: () => Promise<void>;
  /** Run in the calling thread instead of a Worker (tests; Workers are used whenever they exist). */
  readonly inline?: boolean;
  /** The clock of the replace's marker (tests). */
  readonly now?: () => Date;
}

/**
 * Load a snapshot file into the store. The whole file is checked first, in a Worker; the store is touched only once
 * it is known good, so a damaged or foreign file changes nothing; a replace that fails midway is undone.
 */
export async function loadSnapshotIntoStore(
  db: DeskDatabase,
  blob: Blob,
  onProgress: (progress: SnapshotProgress) => void = () => undefined,
  options: LoadSnapshotOptions = {},
): Promise<SnapshotManifest> {
  const batchSize = options.batchSize ?? DEXIE_BATCH_SIZE;
  const guard = (options.replace ?? true) ? createReplaceGuard(db, { batchSize, now: options.now }) : null;
  // The current data is copied aside while the Worker checks the file: the copy only reads the store, so a refused
  // file still changes nothing. A failed copy is reported once the file is known good, by `begin` below.
  guard?.copyAside().catch(() => undefined);
  let begun = false;
  try {
    const manifest = await loadBatches(db, blob, onProgress, options, async () => {
      begun = true;
      await guard?.begin();
    });
    await options.beforeCommit?.();
    await guard?.commit();
    return manifest;
  } catch (error) {
    // A file refused by its check never reached the store: its SnapshotError is the message to show, unchanged.
    if (guard && begun) await guard.fail(error);
    await guard?.abandon();
    throw error;
  }
}

async function loadBatches(
  db: DeskDatabase,
  blob: Blob,
  onProgress: (progress: SnapshotProgress) => void,
  options: LoadSnapshotOptions,
  prepare: () => Promise<void>,
): Promise<SnapshotManifest> {
  const sink = createDexieRecordSink(db, options);
  const steps: LoadSteps = {
    validated: prepare,
    batch: (table, records) => sink.writeBatch(table, records),
    progress: onProgress,
  };
  const batchSize = options.batchSize ?? DEXIE_BATCH_SIZE;
  if (options.inline || typeof Worker === 'undefined') return loadSnapshotTask(blob, batchSize, steps);
  return withWorker<SnapshotManifest>({ type: 'load', blob, batchSize }, async (message, reply) => {
    if (message.type === 'progress') steps.progress(message.progress);
    else if (message.type === 'validated') {
      await steps.validated(message.manifest);
      reply(message.seq);
    } else if (message.type === 'batch') {
      await steps.batch(message.table, message.records);
      reply(message.seq);
    } else if (message.type === 'loaded') return { value: message.manifest };
    return null;
  });
}

/** Write the whole store as a snapshot Blob (to save as a file), zipped in a Worker. */
export async function writeSnapshotFromStore(
  db: DeskDatabase,
  onProgress: (progress: SnapshotProgress) => void = () => undefined,
  options: { inline?: boolean; now?: () => Date } = {},
): Promise<Blob> {
  const deskRow = await db.desk.get('desk');
  const deskId = deskRow?.deskId ?? 'desk-unknown';
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  if (options.inline || typeof Worker === 'undefined') {
    return (await writeSnapshotTask(db, deskId, createdAt, onProgress)).blob;
  }
  return withWorker<Blob>({ type: 'write', databaseName: db.name, deskId, createdAt }, async (message) => {
    if (message.type === 'progress') onProgress(message.progress);
    else if (message.type === 'written') return { value: message.blob };
    return null;
  });
}

/**
 * "Load demo data": the seed generator of shared/seed written straight into the store in batches, no file between
 * (the same generator as `desk seed`). Keep it small in the app (a few hundred volunteers): it runs in this thread.
 */
export async function loadDemoSeed(
  db: DeskDatabase,
  options: SeedOptions,
  onProgress: (progress: SnapshotProgress) => void = () => undefined,
): Promise<void> {
  await seedInto(createDexieRecordSink(db), options, {
    onProgress: ({ table, done, total }) =>
      onProgress({ phase: 'write', fraction: total ? done / total : 1, table, records: done }),
  });
}

/** Run one task in a fresh Worker; `handle` returns `{ value }` when the task is done. */
function withWorker<T>(
  start: ToWorker,
  handle: (message: FromWorker, reply: (seq: number) => void) => Promise<{ value: T } | null>,
): Promise<T> {
  const worker = new Worker(new URL('./snapshot-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<T>((resolve, reject) => {
    const finish = (error: unknown, value?: T) => {
      worker.terminate();
      if (error) reject(error);
      else resolve(value as T);
    };
    // Messages are handled one after another: a batch is written before the next one is looked at.
    let queue = Promise.resolve();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      queue = queue
        .then(async () => {
          if (message.type === 'failed') {
            finish(message.problem ? new SnapshotError(message.problem) : new Error(message.message));
            return;
          }
          const done = await handle(message, (seq) => worker.postMessage({ type: 'ack', seq } satisfies ToWorker));
          if (done) finish(null, done.value);
        })
        .catch((error: unknown) => finish(error));
    };
    worker.onerror = (event) => finish(new Error(event.message || 'snapshot worker failed'));
    worker.postMessage(start);
  });
}
