import { ImportFileError, type ImportPreview } from '../../shared/import';
import type { DeskDatabase } from './database';
import type {
  AnalyseRequest,
  FromImportWorker,
  ImportFileSummary,
  ImportProgress,
  ToImportWorker,
} from './import-protocol';
import { createImportWork } from './import-tasks';

/**
 * What the Imports screen (and the benchmark page) calls to read and analyse a sign-up list: a session whose
 * parsing and analysis run in a Worker, with progress and cancel. UI-free. Nothing here writes to the store.
 */
export type { AnalyseRequest, ImportFileSummary, ImportProgress } from './import-protocol';

export class ImportCancelled extends Error {
  constructor() {
    super('Import annulé / import cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface ImportSession {
  /** The file as read (header, delimiter, encoding, row count); rejects with an `ImportFileError` for a bad file. */
  readonly file: Promise<ImportFileSummary>;
  /** Every row through the domain rules and the duplicate search against the store. */
  analyse(request: AnalyseRequest): Promise<ImportPreview>;
  /** Fix one cell of the file, then analyse it again with the last request. */
  fix(row: number, column: number, text: string): Promise<ImportPreview>;
  /** Stop whatever runs (the pending promise rejects with `ImportCancelled`) and free the Worker. */
  cancel(): void;
  readonly runsIn: 'worker' | 'inline';
}

export interface ImportRunOptions {
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Run in the calling thread instead of a Worker (tests; Workers are used whenever they exist). */
  readonly inline?: boolean;
}

/** Start reading a file (its bytes are handed over to the Worker, not copied). */
export function startImport(db: DeskDatabase, bytes: Uint8Array, options: ImportRunOptions = {}): ImportSession {
  const onProgress = options.onProgress ?? (() => undefined);
  if (options.inline || typeof Worker === 'undefined') return inlineSession(db, bytes, onProgress);
  return workerSession(db.name, bytes, onProgress);
}

/** Read and analyse in one call, for the benchmark page: the preview the screen would show. */
export async function analyseImportFile(
  db: DeskDatabase,
  bytes: Uint8Array,
  request: (file: ImportFileSummary) => AnalyseRequest,
  options: ImportRunOptions = {},
): Promise<{ file: ImportFileSummary; preview: ImportPreview }> {
  const session = startImport(db, bytes, options);
  try {
    const file = await session.file;
    return { file, preview: await session.analyse(request(file)) };
  } finally {
    session.cancel();
  }
}

function inlineSession(
  db: DeskDatabase,
  bytes: Uint8Array,
  onProgress: (progress: ImportProgress) => void,
): ImportSession {
  let cancelled = false;
  const work = createImportWork((progress) => {
    if (cancelled) throw new ImportCancelled();
    onProgress(progress);
  });
  const guard = <T>(value: T): T => {
    if (cancelled) throw new ImportCancelled();
    return value;
  };
  return {
    runsIn: 'inline',
    file: Promise.resolve().then(() => guard(work.read(bytes))),
    analyse: async (request) => guard(await work.analyse(db, guard(request))),
    fix: async (row, column, text) => guard(work.fix(row, column, text)),
    cancel: () => {
      cancelled = true;
    },
  };
}

function workerSession(
  databaseName: string,
  bytes: Uint8Array,
  onProgress: (progress: ImportProgress) => void,
): ImportSession {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  let pending: { resolve: (message: FromImportWorker) => void; reject: (error: Error) => void } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  // One task at a time, in order: the pending one receives the Worker's answer.
  const send = (message: ToImportWorker, transfer: Transferable[] = []) => {
    const next = queue.then(
      () =>
        new Promise<FromImportWorker>((resolve, reject) => {
          if (closed) return reject(new ImportCancelled());
          pending = { resolve, reject };
          worker.postMessage(message, transfer);
        }),
    );
    queue = next.catch(() => undefined);
    return next;
  };
  worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
    const message = event.data;
    if (message.type === 'progress') return onProgress(message.progress);
    const current = pending;
    pending = null;
    if (message.type === 'failed')
      current?.reject(
        message.problem ? new ImportFileError(message.problem.code, message.problem.line) : new Error(message.message),
      );
    else current?.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const current = pending;
    pending = null;
    current?.reject(new Error(event.message || 'import worker failed'));
  };
  const preview = async (message: Promise<FromImportWorker>) => {
    const answer = await message;
    if (answer.type !== 'analysed') throw new Error(`unexpected ${answer.type}`);
    return answer.preview;
  };
  return {
    runsIn: 'worker',
    file: send({ type: 'read', bytes }, bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []).then((answer) => {
      if (answer.type !== 'read') throw new Error(`unexpected ${answer.type}`);
      return answer.file;
    }),
    analyse: (request) => preview(send({ type: 'analyse', databaseName, request })),
    fix: (row, column, text) => preview(send({ type: 'fix', row, column, text })),
    cancel: () => {
      if (closed) return;
      closed = true;
      worker.terminate();
      const current = pending;
      pending = null;
      current?.reject(new ImportCancelled());
    },
  };
}
