import { createDuplicateIndex } from '../../shared/domain/duplicates';
import type { Volunteer } from '../../shared/domain/model';
import {
  analyseImport,
  readCsvFile,
  withFixedCell,
  type ExistingVolunteers,
  type ImportPreview,
  type ParsedCsv,
} from '../../shared/import';
import type { DeskDatabase } from './database';
import type { AnalyseRequest, ImportFileSummary, ImportProgress } from './import-protocol';

/**
 * The import's heavy work, UI-free and independent of where it runs: in the Worker (import-worker.ts) normally,
 * inline where Workers do not exist (unit tests in jsdom). It keeps the parsed file and the duplicate index between
 * steps, so the screen can analyse again after a change of mapping or a fixed cell without sending the file back.
 */
export interface ImportWork {
  read(bytes: Uint8Array): ImportFileSummary;
  analyse(db: DeskDatabase, request: AnalyseRequest): Promise<ImportPreview>;
  /** Fix one cell and analyse the whole file again (a fixed e-mail may now be a duplicate of another row). */
  fix(row: number, column: number, text: string): ImportPreview;
}

/** Rows parsed or analysed between two progress reports. */
const PROGRESS_EVERY = 1_000;

export function createImportWork(onProgress: (progress: ImportProgress) => void): ImportWork {
  let parsed: ParsedCsv | null = null;
  let existing: ExistingVolunteers | null = null;
  let last: AnalyseRequest | null = null;

  const run = (request: AnalyseRequest): ImportPreview => {
    if (!parsed || !existing) throw new Error('analyse before read');
    const file = parsed;
    return analyseImport(file, request.mapping, existing, {
      today: request.today,
      fixAllCaps: request.fixAllCaps,
      onProgress: (done, total) => onProgress({ phase: 'analyse', done, total, fraction: total ? done / total : 1 }),
    });
  };

  return {
    read(bytes) {
      existing = null;
      parsed = readCsvFile(bytes, {
        progressEvery: PROGRESS_EVERY,
        onProgress: ({ done, total, rows }) =>
          onProgress({ phase: 'read', done: rows, total: null, fraction: total ? done / total : 1 }),
      });
      const { rows, ...file } = parsed;
      return { ...file, rowCount: rows.length };
    },

    async analyse(db, request) {
      // The recorded volunteers are read once per file: the index serves every later analysis of it.
      if (!existing) {
        const volunteers: Volunteer[] = (await db.volunteers.toArray()).filter((volunteer) => !volunteer.deleted);
        existing = createDuplicateIndex(volunteers);
      }
      last = request;
      return run(request);
    },

    fix(row, column, text) {
      if (!parsed || !last) throw new Error('fix before analyse');
      parsed = withFixedCell(parsed, row, column, text);
      return run(last);
    },
  };
}
