import type { SharedTableName } from '../domain/tables';

/** Why a snapshot was refused; stable codes for the UI and the command line's callers. */
export type SnapshotErrorCode =
  | 'not-a-zip'
  | 'truncated'
  | 'corrupt-zip'
  | 'unsupported-zip'
  | 'foreign'
  | 'bad-manifest'
  | 'newer-version'
  | 'older-version'
  | 'unexpected-entry'
  | 'missing-table'
  | 'bad-json'
  | 'invalid-record'
  | 'unsorted'
  | 'duplicate'
  | 'count-mismatch'
  | 'line-too-long'
  | 'too-large'
  | 'source-changed';

export interface SnapshotProblem {
  readonly code: SnapshotErrorCode;
  /** French first: the app is French first (product.md). */
  readonly fr: string;
  readonly en: string;
  readonly table?: SharedTableName | undefined;
  /** 1-based line of the table's NDJSON file. */
  readonly line?: number | undefined;
  /** Dotted path of the field at fault, e.g. `clocks.email`. */
  readonly field?: string | undefined;
}

/** A snapshot that cannot be read or written, saying what is wrong and where, in French and in English. */
export class SnapshotError extends Error implements SnapshotProblem {
  readonly code: SnapshotErrorCode;
  readonly fr: string;
  readonly en: string;
  readonly table?: SharedTableName | undefined;
  readonly line?: number | undefined;
  readonly field?: string | undefined;

  constructor(problem: SnapshotProblem) {
    super(describeProblem(problem));
    this.name = 'SnapshotError';
    this.code = problem.code;
    this.fr = problem.fr;
    this.en = problem.en;
    this.table = problem.table;
    this.line = problem.line;
    this.field = problem.field;
  }

  /** A plain object, e.g. to post from a Worker (Error subclasses lose their fields in structured cloning). */
  toProblem(): SnapshotProblem {
    return { code: this.code, fr: this.fr, en: this.en, table: this.table, line: this.line, field: this.field };
  }
}

export function isSnapshotError(error: unknown): error is SnapshotError {
  return error instanceof SnapshotError;
}

/** One line, French then English, with the place: `table signUps, ligne 12, champ shiftId`. */
export function describeProblem(problem: SnapshotProblem): string {
  const whereFr: string[] = [];
  const whereEn: string[] = [];
  if (problem.table !== undefined) {
    whereFr.push(`table ${problem.table}`);
    whereEn.push(`table ${problem.table}`);
  }
  if (problem.line !== undefined) {
    whereFr.push(`ligne ${problem.line}`);
    whereEn.push(`line ${problem.line}`);
  }
  if (problem.field !== undefined) {
    whereFr.push(`champ ${problem.field}`);
    whereEn.push(`field ${problem.field}`);
  }
  const fr = whereFr.length > 0 ? `${problem.fr} (${whereFr.join(', ')})` : problem.fr;
  const en = whereEn.length > 0 ? `${problem.en} (${whereEn.join(', ')})` : problem.en;
  return `${fr} / ${en}`;
}

export function snapshotError(
  code: SnapshotErrorCode,
  fr: string,
  en: string,
  where: { table?: SharedTableName; line?: number; field?: string } = {},
): SnapshotError {
  return new SnapshotError({ code, fr, en, ...where });
}
