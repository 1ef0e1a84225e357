/// <reference lib="webworker" />
import { DeskDatabase } from '../../db/database';
import { createPeopleIndexer, type PeopleIndexer } from './people-indexer';
import type { FromIndexWorker, ToIndexWorker } from './people-index-protocol';

/**
 * The desk's people index, off the main thread (issue #8, "Speed"): reading 50,000 volunteers and sorting their
 * search keys would freeze the search box for a moment; here it never does. The index stays in this Worker and
 * answers each keystroke's query with at most a dozen people; the desk forwards every committed change of the
 * volunteers table, applied in order before the next answer that follows it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let indexer: PeopleIndexer | null = null;

function post(message: FromIndexWorker): void {
  scope.postMessage(message);
}

function refreshed(work: Promise<void>): void {
  work.then(
    () => post({ type: 'updated', size: indexer?.size() ?? 0 }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

scope.onmessage = (event: MessageEvent<ToIndexWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    indexer = createPeopleIndexer(new DeskDatabase(message.databaseName));
    refreshed(indexer.refresh(null));
  } else if (message.type === 'changed') {
    if (indexer) refreshed(indexer.refresh(message.ids));
  } else {
    const people = indexer ? indexer.search(message.typed, message.limit, message.exclude) : [];
    post({ type: 'results', seq: message.seq, people });
  }
};
