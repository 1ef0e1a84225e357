/// <reference lib="webworker" />
import { buildReport } from '../../shared/reports';
import { DeskDatabase } from './database';
import { createDexieRecordSource } from './dexie-store';
import type { FromReportsWorker, ToReportsWorker } from './reports-protocol';

/**
 * The reports Worker (architecture.md, rule 11): the figures read every sign-up and check-in event of the store
 * (500,000 and more at city scale), so the reading and the tallies run here and the screen stays responsive. The
 * Worker opens the database itself; only the small report crosses back.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromReportsWorker): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<ToReportsWorker>) => {
  const { databaseName, from, to, settings } = event.data;
  const db = new DeskDatabase(databaseName);
  buildReport(createDexieRecordSource(db), {
    from,
    to,
    settings,
    onProgress: (progress) => post({ type: 'progress', progress }),
  })
    .then(
      (report) => post({ type: 'done', report }),
      (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => db.close());
};
