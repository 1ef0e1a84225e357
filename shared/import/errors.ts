import { importMessage, type FileError } from './messages';

/** A problem that stops the reading of a whole file: what and where, as plain data (postable from a Worker). */
export interface ImportFileProblem {
  readonly code: FileError;
  /** 1-based physical line of the file where the problem is. */
  readonly line: number;
  readonly fr: string;
  readonly en: string;
}

/** Thrown by the reading functions; `toProblem()` gives the plain object to post from a Worker. */
export class ImportFileError extends Error implements ImportFileProblem {
  readonly code: FileError;
  readonly line: number;
  readonly fr: string;
  readonly en: string;

  constructor(code: FileError, line: number) {
    const fr = importMessage(code, 'fr', { line });
    const en = importMessage(code, 'en', { line });
    super(`${fr} / ${en}`);
    this.name = 'ImportFileError';
    this.code = code;
    this.line = line;
    this.fr = fr;
    this.en = en;
  }

  toProblem(): ImportFileProblem {
    return { code: this.code, line: this.line, fr: this.fr, en: this.en };
  }
}

export function isImportFileError(error: unknown): error is ImportFileError {
  return error instanceof ImportFileError;
}
