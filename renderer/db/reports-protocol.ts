import type { LocalDate } from '../../shared/domain/local-date';
import type { ExportSettings } from '../../shared/export';
import type { Report } from '../../shared/reports';
import type { PipelineProgress } from '../../shared/storage/ports';

/** Messages between renderer/db/repositories/reports-repository.ts and the reports Worker (rule 11). */
export type ToReportsWorker = {
  readonly type: 'report';
  readonly databaseName: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly settings: ExportSettings;
};

export type FromReportsWorker =
  | { readonly type: 'progress'; readonly progress: PipelineProgress }
  | { readonly type: 'done'; readonly report: Report }
  | { readonly type: 'failed'; readonly message: string };
