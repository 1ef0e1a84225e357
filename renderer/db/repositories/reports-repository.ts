import Dexie, { type ObservabilitySet } from 'dexie';
import type { LocalDate } from '../../../shared/domain/local-date';
import type { ExportSettings } from '../../../shared/export';
import type { Report } from '../../../shared/reports';
import type { PipelineProgress } from '../../../shared/storage/ports';
import type { DeskDatabase } from '../database';
import { createDexieRecordSource } from '../dexie-store';
import type { FromReportsWorker, ToReportsWorker } from '../reports-protocol';
import type { SettingsRepository } from './settings-repository';

export interface ReportRequest {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly onProgress?: (progress: PipelineProgress) => void;
  /** Stops the work (the Worker is terminated) when the user picks another period meanwhile. */
  readonly signal?: AbortSignal;
  /** Run in the calling thread instead of a Worker (tests; Workers are used whenever they exist). */
  readonly inline?: boolean;
}

export class ReportAbortedError extends Error {
  constructor() {
    super('Report cancelled');
    this.name = 'ReportAbortedError';
  }
}

/**
 * The Reports screen's figures: the city export's aggregation over the store, unsuppressed (shared/reports). It
 * reads every sign-up, so it runs in a Worker that opens the database itself; the settings give the cancellation
 * cut-off, which decides what a late cancellation is, exactly as in the export.
 */
export function createReportsRepository(db: DeskDatabase, settingsRepository: SettingsRepository) {
  // Reports of the periods already computed, until the next committed change to this database (in this tab, a Worker
  // or another tab: Dexie's `storagemutated`), so coming back to the screen or to a period is instant at city scale.
  const cache = new Map<string, Report>();
  let generation = 0;
  const prefix = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((key) => key.startsWith(prefix))) {
      cache.clear();
      generation++;
    }
  });

  return {
    async report(request: ReportRequest): Promise<Report> {
      const key = `${request.from}/${request.to}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const started = generation;
      const report = await computeReport(request);
      if (generation === started) {
        if (cache.size >= CACHED_REPORTS) cache.delete(cache.keys().next().value as string);
        cache.set(key, report);
      }
      return report;
    },
  };

  async function computeReport(request: ReportRequest): Promise<Report> {
    const current = await settingsRepository.get();
    const settings: ExportSettings = {
      associationName: current.associationName,
      rna: current.rna,
      siret: current.siret,
      cancellationCutoffHours: current.cancellationCutoffHours,
    };
    if (request.inline || typeof Worker === 'undefined') {
      // Fetched on first use: the pipeline pulls in the export's tables (and libphonenumber), not needed at start-up.
      const { buildReport } = await import('../../../shared/reports');
      return buildReport(createDexieRecordSource(db), {
        from: request.from,
        to: request.to,
        settings,
        onProgress: request.onProgress,
      });
    }
    return inWorker({ type: 'report', databaseName: db.name, from: request.from, to: request.to, settings }, request);
  }
}

const CACHED_REPORTS = 8;

export type ReportsRepository = ReturnType<typeof createReportsRepository>;

function inWorker(start: ToReportsWorker, request: ReportRequest): Promise<Report> {
  if (request.signal?.aborted) return Promise.reject(new ReportAbortedError());
  const worker = new Worker(new URL('../reports-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Report>((resolve, reject) => {
    const finish = (error: unknown, report?: Report) => {
      worker.terminate();
      request.signal?.removeEventListener('abort', abort);
      if (error) reject(error);
      else resolve(report as Report);
    };
    const abort = () => finish(new ReportAbortedError());
    request.signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<FromReportsWorker>) => {
      const message = event.data;
      if (message.type === 'progress') request.onProgress?.(message.progress);
      else if (message.type === 'done') finish(null, message.report);
      else finish(new Error(message.message));
    };
    worker.onerror = (event) => finish(new Error(event.message || 'reports worker failed'));
    worker.postMessage(start);
  });
}
