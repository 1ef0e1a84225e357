/// <reference lib="webworker" />
import type { PreparedCityExport } from '../../shared/export';
import type { CityExportProgress, FromExportWorker, ToExportWorker } from './city-export-protocol';
import { prepareCityExportTask, summariseCityExport, zipCityExportTask } from './city-export-tasks';
import { DeskDatabase } from './database';

/**
 * The city-export Worker (architecture.md, rule 11: zipping off the main thread). It opens the same database, builds
 * the four tables and keeps them between `prepare` (the screen's preview) and `zip`, so the store is read once and
 * the rows never cross to the main thread; only the finished zip does, as a Blob. Cancelling terminates the Worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let prepared: PreparedCityExport | null = null;

function post(message: FromExportWorker): void {
  scope.postMessage(message);
}

function fail(error: unknown): void {
  const bilingual = error as Partial<Record<'fr' | 'en', unknown>>;
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    fr: typeof bilingual?.fr === 'string' ? bilingual.fr : null,
    en: typeof bilingual?.en === 'string' ? bilingual.en : null,
  });
}

scope.onmessage = (event: MessageEvent<ToExportWorker>) => {
  const message = event.data;
  const progress = (value: CityExportProgress) => post({ type: 'progress', progress: value });
  if (message.type === 'prepare') {
    const db = new DeskDatabase(message.databaseName);
    prepareCityExportTask(db, message.request, progress)
      .then((result) => {
        prepared = result;
        post({ type: 'prepared', summary: summariseCityExport(result) });
      }, fail)
      .finally(() => db.close());
  } else if (message.type === 'zip') {
    if (!prepared) return fail(new Error('zip before prepare'));
    zipCityExportTask(prepared, message.meta, progress).then((blob) => post({ type: 'zipped', blob }), fail);
  }
};
