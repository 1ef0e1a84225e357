import { generateSeed } from '../../../shared/seed';
import { writeSnapshot } from '../../../shared/snapshot';
import { writeFileWhole } from '../files';
import { bilingual, EXIT_OK, formatCounts, type CliIo } from '../io';

export interface SeedCommand {
  readonly volunteers: number;
  readonly now: string;
  readonly seed: string;
  readonly out: string;
}

/**
 * `desk seed`: a synthetic dataset written as a snapshot. The bytes stream from the generator through deflate to a
 * temporary file beside the target, renamed over it only once complete, so a failed run leaves no half file.
 */
export async function runSeed(command: SeedCommand, io: CliIo): Promise<number> {
  const started = performance.now();
  const dataset = generateSeed({ volunteers: command.volunteers, now: command.now, seed: command.seed });
  await writeFileWhole(command.out, writeSnapshot(dataset, { deskId: dataset.deskId, createdAt: dataset.createdAt }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  bilingual(
    io.out,
    `Jeu de données écrit dans ${command.out} (${command.volunteers} bénévoles, graine « ${command.seed} », maintenant = ${command.now}, ${seconds} s) :`,
    `Dataset written to ${command.out} (${command.volunteers} volunteers, seed "${command.seed}", now = ${command.now}, ${seconds} s):`,
  );
  for (const line of formatCounts(dataset.counts)) io.out(line);
  return EXIT_OK;
}
