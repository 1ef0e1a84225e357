import type { CityExportOptions, ExportApplication } from '../../shared/export';
import type { ExportMode, ExportTableName } from '../../shared/export';
import type { ExportProfile } from '../../shared/export';
import type { SharedTableName } from '../../shared/domain/tables';

/** Messages between renderer/db/city-export-io.ts and the city-export Worker (architecture.md, rule 11). */

export interface CityExportProgress {
  /** `read`: the store is read and the rows built; `zip`: the CSVs are written, hashed and compressed. */
  readonly phase: 'read' | 'zip';
  /** Records read (`read`, all tables together) or rows written (`zip`, all tables together). */
  readonly done: number;
  /** What `done` counts towards, when known (the records in the store; the rows of the export). */
  readonly total: number | null;
  /** The table being read (a store table) or written (an export table). */
  readonly table: SharedTableName | ExportTableName | null;
}

/** The options of a city export as they cross to the Worker: plain data, no callback. */
export type CityExportRequest = Omit<CityExportOptions, 'onProgress'>;

/**
 * What the screen and the export log need of a prepared export (the rows themselves stay in the Worker until they
 * are zipped): counts, the first rows of each table as the files will show them, and whose data it carries.
 */
export interface CityExportSummary {
  readonly from: string;
  readonly to: string;
  readonly profile: ExportProfile;
  readonly mode: ExportMode;
  readonly reason: string | null;
  readonly fileName: string;
  readonly rowCounts: Readonly<Record<ExportTableName, number>>;
  readonly volunteerIds: readonly string[];
  readonly namedVolunteerIds: readonly string[];
  readonly previews: Readonly<Record<ExportTableName, { header: string[]; rows: string[][] }>>;
  readonly warnings: number;
}

export interface ZipRequest {
  readonly generatedAt: string;
  readonly application: ExportApplication;
}

export type ToExportWorker =
  | { readonly type: 'prepare'; readonly databaseName: string; readonly request: CityExportRequest }
  | { readonly type: 'zip'; readonly meta: ZipRequest };

export type FromExportWorker =
  | { readonly type: 'progress'; readonly progress: CityExportProgress }
  | { readonly type: 'prepared'; readonly summary: CityExportSummary }
  | { readonly type: 'zipped'; readonly blob: Blob }
  | { readonly type: 'failed'; readonly message: string; readonly fr: string | null; readonly en: string | null };
