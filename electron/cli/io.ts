import { SHARED_TABLE_NAMES } from '../../shared/domain/tables';
import type { SnapshotCounts, SnapshotError } from '../../shared/snapshot';

/** Where a command writes: the process's streams, or buffers in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 done, 1 the snapshot is invalid, 2 the command itself is wrong (usage, missing file, I/O). */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A message of the command line: French first, then English (the app is French first, product.md). */
export function bilingual(io: CliIo['out'], fr: string, en: string): void {
  io(fr);
  io(en);
}

/** Counts per table, aligned, with French thousands separators kept out (they confuse scripts that read this). */
export function formatCounts(counts: SnapshotCounts): string[] {
  const width = Math.max(...SHARED_TABLE_NAMES.map((table) => table.length));
  return SHARED_TABLE_NAMES.map((table) => `  ${table.padEnd(width)}  ${String(counts[table]).padStart(9)}`);
}

/**
 * A snapshot that failed its check, said the same way by every command: the file, where in it (table, line, field)
 * when known, the reason in French then English, and the error's code for a script or a bug report.
 */
export function reportInvalidSnapshot(path: string, error: SnapshotError, io: CliIo): void {
  const where = (words: { line: string; field: string }) => {
    const parts = [
      error.table === undefined ? null : `table ${error.table}`,
      error.line === undefined ? null : `${words.line} ${error.line}`,
      error.field === undefined ? null : `${words.field} ${error.field}`,
    ].filter((part) => part !== null);
    return parts.length > 0 ? ` — ${parts.join(', ')}` : '';
  };
  bilingual(
    io.err,
    `Sauvegarde invalide : ${path}${where({ line: 'ligne', field: 'champ' })}\n  ${error.fr}`,
    `Invalid snapshot: ${path}${where({ line: 'line', field: 'field' })}\n  ${error.en}`,
  );
  io.err(`  [${error.code}]`);
}
