/// <reference lib="webworker" />
import { isSnapshotError } from '../../shared/snapshot';
import { DeskDatabase } from './database';
import type { FromWorker, ToWorker } from './snapshot-protocol';
import { loadSnapshotTask, writeSnapshotTask } from './snapshot-tasks';

/**
 * The snapshot Worker (architecture.md, rule 11: zipping and parsing off the main thread). Loading: the file is
 * checked in full, then read again and posted batch by batch, each acknowledged by the main thread once written.
 * The Worker runs at most one batch ahead of the database: it reads and checks the next batch while the main thread
 * writes the one before (issue #12: waiting for each acknowledgement before reading on left the Worker idle during
 * every write and the main thread idle during every read, a sixth of a small seed's load), and no more, so memory
 * holds two batches whatever the file's size. Writing: the Worker opens the database itself and returns a Blob.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const waiting = new Map<number, () => void>();
let seq = 0;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

/** Post a message that the main thread acknowledges, and wait for the acknowledgement. */
function request(message: (seq: number) => FromWorker): Promise<void> {
  const id = ++seq;
  return new Promise<void>((resolve) => {
    waiting.set(id, resolve);
    post(message(id));
  });
}

function fail(error: unknown): void {
  post({
    type: 'failed',
    problem: isSnapshotError(error) ? error.toProblem() : null,
    message: error instanceof Error ? error.message : String(error),
  });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'ack') {
    waiting.get(message.seq)?.();
    waiting.delete(message.seq);
  } else if (message.type === 'load') {
    // The acknowledgement of the batch posted last: the next batch waits for it, `loaded` too.
    let previous = Promise.resolve();
    loadSnapshotTask(message.blob, message.batchSize, {
      validated: (manifest) => request((id) => ({ type: 'validated', seq: id, manifest })),
      batch: (table, records) => {
        const written = previous;
        previous = request((id) => ({ type: 'batch', seq: id, table, records }));
        return written;
      },
      progress: (progress) => post({ type: 'progress', progress }),
    })
      .then(async (manifest) => {
        await previous;
        post({ type: 'loaded', manifest });
      })
      .catch(fail);
  } else if (message.type === 'write') {
    const db = new DeskDatabase(message.databaseName);
    writeSnapshotTask(db, message.deskId, message.createdAt, (progress) => post({ type: 'progress', progress }))
      .then(({ blob, manifest }) => post({ type: 'written', blob, manifest }), fail)
      .finally(() => db.close());
  }
};
