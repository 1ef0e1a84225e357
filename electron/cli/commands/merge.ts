import { createReadStream } from 'node:fs';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { createMergedSource, type MergeSummary } from '../../../shared/merge';
import {
  createSnapshotSource,
  isSnapshotError,
  validateSnapshot,
  writeSnapshot,
  type SnapshotManifest,
} from '../../../shared/snapshot';
import { parseCommandArgs, type Usage } from '../arguments';
import { reportMissingFile, writeFileWhole } from '../files';
import { bilingual, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, reportInvalidSnapshot } from '../io';

export interface MergeCommand {
  readonly a: string;
  readonly b: string;
  readonly out: string;
}

const READ_CHUNK = 256 * 1024;

/**
 * `desk merge a.zip b.zip --out c.zip`: the streaming merge of two snapshots (architecture.md, rule 7; docs/merge.md)
 * into a new snapshot, the erasure register applied. Both inputs are validated first, so a damaged file stops the
 * command before anything is written; the result goes to a temporary file renamed over the target once complete.
 * The manifest's desk and time are taken from the inputs, whatever their order, so merge(a, b) and merge(b, a) are
 * byte-identical files.
 */
export async function runMerge(command: MergeCommand, io: CliIo): Promise<number> {
  if (await reportMissingFile([command.a, command.b], io)) return EXIT_USAGE;
  const started = performance.now();
  const open = (path: string) => () => createReadStream(path, { highWaterMark: READ_CHUNK });
  const manifests: SnapshotManifest[] = [];
  for (const path of [command.a, command.b]) {
    try {
      manifests.push(await validateSnapshot(open(path)()));
    } catch (error) {
      if (!isSnapshotError(error)) throw error;
      reportInvalidSnapshot(path, error, io);
      return EXIT_INVALID;
    }
  }
  const merged = createMergedSource(createSnapshotSource(open(command.a)), createSnapshotSource(open(command.b)));
  const { deskId, createdAt } = mergedManifest(manifests);
  await writeFileWhole(command.out, writeSnapshot(merged, { deskId, createdAt }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = await merged.summary();
  bilingual(
    io.out,
    `Fusion écrite dans ${command.out} (${command.a} + ${command.b}, ${seconds} s) :`,
    `Merge written to ${command.out} (${command.a} + ${command.b}, ${seconds} s):`,
  );
  for (const line of formatSummary(summary)) io.out(line);
  const reconciled = SHARED_TABLE_NAMES.reduce((sum, table) => sum + summary.reconciled[table], 0);
  bilingual(
    io.out,
    `Conflits résolus : ${reconciled} ; doublons possibles à revoir ajoutés : ${summary.reviewItemsAdded} ; bénévoles effacés (registre appliqué) : ${summary.erasedVolunteers}.`,
    `Conflicts resolved: ${reconciled}; possible duplicates added for review: ${summary.reviewItemsAdded}; erased volunteers (register applied): ${summary.erasedVolunteers}.`,
  );
  return EXIT_OK;
}

/** The same whatever the order of the inputs: the later of their times, and both desks, sorted. */
function mergedManifest(manifests: readonly SnapshotManifest[]): { deskId: string; createdAt: string } {
  const createdAt = manifests
    .map((manifest) => manifest.createdAt)
    .reduce((latest, time) => {
      const order = Date.parse(time) - Date.parse(latest) || (time > latest ? 1 : -1);
      return order > 0 ? time : latest;
    });
  const desks = [...new Set(manifests.map((manifest) => manifest.deskId))].sort();
  return { deskId: `merge:${desks.join('+')}`.slice(0, 100), createdAt };
}

/** Per table: records in the result, records both inputs had, and how many of those differed (conflicts resolved). */
function formatSummary(summary: MergeSummary): string[] {
  const width = Math.max(...SHARED_TABLE_NAMES.map((table) => table.length));
  const header = `  ${''.padEnd(width)}  ${'total'.padStart(9)}  ${'both/deux'.padStart(9)}  ${'conflicts'.padStart(9)}`;
  return [
    header,
    ...SHARED_TABLE_NAMES.map(
      (table) =>
        `  ${table.padEnd(width)}  ${String(summary.counts[table]).padStart(9)}  ${String(summary.inBoth[table]).padStart(9)}  ${String(summary.reconciled[table]).padStart(9)}`,
    ),
  ];
}

export const MERGE_USAGE_FR =
  '  merge <a.zip> <b.zip> --out <c.zip>                                fusionne deux sauvegardes (même résultat dans les deux ordres)';
export const MERGE_USAGE_EN =
  '  merge <a.zip> <b.zip> --out <c.zip>                                merges two snapshots (the same result in either order)';

/** The arguments of `desk merge`, or the usage message to print. */
export function parseMergeArgs(args: readonly string[]): MergeCommand | Usage {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } });
  if (positionals.length !== 2 || !values.out) {
    return {
      fr: 'merge attend deux sauvegardes et --out <fichier.zip>.',
      en: 'merge expects two snapshots and --out <file.zip>.',
    };
  }
  return { a: positionals[0] as string, b: positionals[1] as string, out: values.out };
}
