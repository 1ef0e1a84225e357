import Dexie, { type ObservabilitySet } from 'dexie';
import type { DeskDatabase } from '../../db/database';
import type { DeskPerson } from '../../db/repositories/desk-repository';
import { changedVolunteers, createPeopleIndexer } from './people-indexer';
import type { FromIndexWorker, ToIndexWorker } from './people-index-protocol';

/**
 * The desk's search among all volunteers, as the screen sees it: asynchronous answers from an index that lives in a
 * Worker (people-index-worker.ts), or in this thread where Workers do not exist (unit tests in jsdom). Every change
 * of the volunteers table committed anywhere in the app reaches the index through Dexie's change notification.
 */
export interface PeopleSearch {
  search(typed: string, limit: number, exclude: readonly string[]): Promise<DeskPerson[]>;
  /** People indexed (`null` while the first read runs) and a version that grows with every change applied. */
  state(): PeopleSearchState;
  subscribe(listener: () => void): () => void;
  close(): void;
}

export interface PeopleSearchState {
  readonly size: number | null;
  readonly version: number;
}

interface Backend {
  send(message: ToIndexWorker): void;
  close(): void;
}

export function startPeopleSearch(db: DeskDatabase): PeopleSearch {
  let state: PeopleSearchState = { size: null, version: 0 };
  const listeners = new Set<() => void>();
  const pending = new Map<number, (people: DeskPerson[]) => void>();
  let seq = 0;

  function receive(message: FromIndexWorker): void {
    if (message.type === 'updated') {
      state = { size: message.size, version: state.version + 1 };
      listeners.forEach((listener) => listener());
    } else if (message.type === 'results') {
      pending.get(message.seq)?.(message.people);
      pending.delete(message.seq);
    } else {
      console.error('desk people index:', message.message);
    }
  }

  const backend = typeof Worker === 'undefined' ? inThread(db, receive) : inWorker(receive);
  const onChange = (parts: ObservabilitySet) => {
    const ids = changedVolunteers(parts, db.name);
    if (ids !== undefined) backend.send({ type: 'changed', ids });
  };
  Dexie.on('storagemutated', onChange);
  backend.send({ type: 'open', databaseName: db.name });

  return {
    search(typed, limit, exclude) {
      const id = ++seq;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        backend.send({ type: 'search', seq: id, typed, limit, exclude: [...exclude] });
      });
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      Dexie.on.storagemutated.unsubscribe(onChange);
      backend.close();
      pending.forEach((resolve) => resolve([]));
      pending.clear();
      listeners.clear();
    },
  };
}

function inWorker(receive: (message: FromIndexWorker) => void): Backend {
  const worker = new Worker(new URL('./people-index-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromIndexWorker>) => receive(event.data);
  worker.onerror = (event) => receive({ type: 'failed', message: event.message || 'people index worker failed' });
  return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/** The same protocol served in this thread, answering asynchronously as the Worker would. */
function inThread(db: DeskDatabase, receive: (message: FromIndexWorker) => void): Backend {
  const indexer = createPeopleIndexer(db);
  let closed = false;
  const reply = (message: FromIndexWorker) => queueMicrotask(() => !closed && receive(message));
  const refreshed = (work: Promise<void>) =>
    work.then(
      () => reply({ type: 'updated', size: indexer.size() ?? 0 }),
      (error: unknown) => reply({ type: 'failed', message: String(error) }),
    );
  return {
    send(message) {
      if (message.type === 'open') void refreshed(indexer.refresh(null));
      else if (message.type === 'changed') void refreshed(indexer.refresh(message.ids));
      else
        reply({
          type: 'results',
          seq: message.seq,
          people: indexer.search(message.typed, message.limit, message.exclude),
        });
    },
    close: () => (closed = true),
  };
}
