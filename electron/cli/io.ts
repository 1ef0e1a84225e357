import { SHARED_TABLE_NAMES } from '../../shared/domain/tables';
import type { SnapshotCounts } from '../../shared/snapshot';

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
