import type {
  CityExportProgress,
  CityExportRequest,
  CityExportSummary,
  FromExportWorker,
  ToExportWorker,
  ZipRequest,
} from './city-export-protocol';
import {
  CityExportCancelled,
  prepareCityExportTask,
  summariseCityExport,
  zipCityExportTask,
} from './city-export-tasks';
import type { DeskDatabase } from './database';

/**
 * What the app (and the benchmark page) calls for the city export: a session that prepares the export in a Worker
 * (the preview), then zips it there (the file), with progress and cancel. UI-free.
 */
export type { CityExportProgress, CityExportRequest, CityExportSummary, ZipRequest } from './city-export-protocol';
export { CityExportCancelled } from './city-export-tasks';

export interface CityExportSession {
  /** Counts, first rows and volunteer ids: known once `prepared` resolves. */
  readonly prepared: Promise<CityExportSummary>;
  /** The zip as a Blob (`application/zip`); the session stays usable for another zip. */
  zip(meta: ZipRequest, onProgress?: (progress: CityExportProgress) => void): Promise<Blob>;
  /** Stop whatever runs (the pending promise rejects with `CityExportCancelled`) and free the Worker. */
  cancel(): void;
  /** Free the Worker once done. */
  close(): void;
  /** Where the work runs: `worker` in a browser, `inline` where Workers do not exist (unit tests). */
  readonly runsIn: 'worker' | 'inline';
}

export interface CityExportRunOptions {
  readonly onProgress?: (progress: CityExportProgress) => void;
  /** Run in the calling thread instead of a Worker (tests; Workers are used whenever they exist). */
  readonly inline?: boolean;
}

/** Start a city export: the store is read and the rows built off the main thread. */
export function startCityExport(
  db: DeskDatabase,
  request: CityExportRequest,
  options: CityExportRunOptions = {},
): CityExportSession {
  const onProgress = options.onProgress ?? (() => undefined);
  if (options.inline || typeof Worker === 'undefined') return inlineSession(db, request, onProgress);
  return workerSession(db.name, request, onProgress);
}

/**
 * The whole export in one call (prepare, then zip), for the benchmark page and anything without a preview step.
 * Resolves with the zip and the summary the export log needs.
 */
export async function runCityExport(
  db: DeskDatabase,
  request: CityExportRequest,
  meta: ZipRequest,
  options: CityExportRunOptions = {},
): Promise<{ blob: Blob; summary: CityExportSummary }> {
  const session = startCityExport(db, request, options);
  try {
    const summary = await session.prepared;
    const blob = await session.zip(meta, options.onProgress);
    return { blob, summary };
  } finally {
    session.close();
  }
}

function inlineSession(
  db: DeskDatabase,
  request: CityExportRequest,
  onProgress: (progress: CityExportProgress) => void,
): CityExportSession {
  const controller = new AbortController();
  const preparing = prepareCityExportTask(db, request, onProgress, controller.signal);
  return {
    runsIn: 'inline',
    prepared: preparing.then((prepared) => summariseCityExport(prepared)),
    async zip(meta, onZipProgress = onProgress) {
      return zipCityExportTask(await preparing, meta, onZipProgress, controller.signal);
    },
    cancel: () => controller.abort(),
    close: () => undefined,
  };
}

function workerSession(
  databaseName: string,
  request: CityExportRequest,
  onProgress: (progress: CityExportProgress) => void,
): CityExportSession {
  const worker = new Worker(new URL('./city-export-worker.ts', import.meta.url), { type: 'module' });
  // One task at a time: the pending one receives the Worker's answer.
  let pending: {
    resolve: (message: FromExportWorker) => void;
    reject: (error: Error) => void;
    progress: (progress: CityExportProgress) => void;
  } | null = null;
  let closed = false;
  const send = (message: ToExportWorker, progress: (value: CityExportProgress) => void) =>
    new Promise<FromExportWorker>((resolve, reject) => {
      if (closed) return reject(new CityExportCancelled());
      pending = { resolve, reject, progress };
      worker.postMessage(message);
    });
  worker.onmessage = (event: MessageEvent<FromExportWorker>) => {
    const message = event.data;
    if (!pending) return;
    if (message.type === 'progress') return pending.progress(message.progress);
    const current = pending;
    pending = null;
    if (message.type === 'failed') current.reject(workerError(message));
    else current.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const current = pending;
    pending = null;
    current?.reject(new Error(event.message || 'city export worker failed'));
  };
  const stop = (error: Error | null) => {
    if (closed) return;
    closed = true;
    worker.terminate();
    const current = pending;
    pending = null;
    if (error) current?.reject(error);
  };
  const prepared = send({ type: 'prepare', databaseName, request }, onProgress).then((message) => {
    if (message.type !== 'prepared') throw new Error(`unexpected ${message.type}`);
    return message.summary;
  });
  // A failed preparation is reported through `prepared`; the session has nothing more to do.
  prepared.catch(() => stop(null));
  return {
    runsIn: 'worker',
    prepared,
    async zip(meta, onZipProgress = onProgress) {
      await prepared;
      const message = await send({ type: 'zip', meta }, onZipProgress);
      if (message.type !== 'zipped') throw new Error(`unexpected ${message.type}`);
      return message.blob;
    },
    cancel: () => stop(new CityExportCancelled()),
    close: () => stop(new CityExportCancelled()),
  };
}

/** The Worker's error as an Error that keeps French and English messages when the pipeline gave them. */
function workerError(message: Extract<FromExportWorker, { type: 'failed' }>): Error {
  if (message.message === new CityExportCancelled().message) return new CityExportCancelled();
  return Object.assign(new Error(message.message), message.fr && message.en ? { fr: message.fr, en: message.en } : {});
}
