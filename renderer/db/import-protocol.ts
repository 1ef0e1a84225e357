import type { LocalDate } from '../../shared/domain/local-date';
import type { ImportFileProblem, ImportMapping, ImportPreview, ParsedCsv } from '../../shared/import';

/** Messages between renderer/db/import-io.ts and the import Worker (architecture.md, rule 11). */

export interface ImportProgress {
  /** `read`: decoding and parsing the file; `analyse`: each row through the domain rules and the duplicate search. */
  readonly phase: 'read' | 'analyse';
  /** Rows done so far. */
  readonly done: number;
  /** Rows in all (`analyse`), or null while the file is still being parsed. */
  readonly total: number | null;
  /** While reading: the fraction of the text parsed (0 to 1). */
  readonly fraction: number;
}

/** The file as read, without its rows (they stay in the Worker). */
export type ImportFileSummary = Omit<ParsedCsv, 'rows'> & { readonly rowCount: number };

export interface AnalyseRequest {
  readonly mapping: ImportMapping;
  readonly today: LocalDate;
  readonly fixAllCaps: boolean;
}

export type ToImportWorker =
  | { readonly type: 'read'; readonly bytes: Uint8Array }
  | { readonly type: 'analyse'; readonly databaseName: string; readonly request: AnalyseRequest }
  | { readonly type: 'fix'; readonly row: number; readonly column: number; readonly text: string };

export type FromImportWorker =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'read'; readonly file: ImportFileSummary }
  | { readonly type: 'analysed'; readonly preview: ImportPreview }
  | { readonly type: 'failed'; readonly problem: ImportFileProblem | null; readonly message: string };
