/// <reference lib="webworker" />
import { isImportFileError } from '../../shared/import';
import { DeskDatabase } from './database';
import type { FromImportWorker, ImportProgress, ToImportWorker } from './import-protocol';
import { createImportWork } from './import-tasks';

/**
 * The import Worker (architecture.md, rule 11: parsing off the main thread): it decodes and parses the file, reads
 * the recorded volunteers from the same database, and analyses every row, reporting progress; the page gets the
 * preview as plain data. It never writes: the commit is one transaction on the page's side, after the user confirms.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromImportWorker): void {
  scope.postMessage(message);
}

const work = createImportWork((progress: ImportProgress) => post({ type: 'progress', progress }));

function fail(error: unknown): void {
  post({
    type: 'failed',
    problem: isImportFileError(error) ? error.toProblem() : null,
    message: error instanceof Error ? error.message : String(error),
  });
}

scope.onmessage = (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'read') post({ type: 'read', file: work.read(message.bytes) });
    else if (message.type === 'fix')
      post({ type: 'analysed', preview: work.fix(message.row, message.column, message.text) });
    else if (message.type === 'analyse') {
      const db = new DeskDatabase(message.databaseName);
      work
        .analyse(db, message.request)
        .then((preview) => post({ type: 'analysed', preview }), fail)
        .finally(() => db.close());
    }
  } catch (error) {
    fail(error);
  }
};
