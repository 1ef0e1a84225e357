import { EXPORT_USAGE_EN, EXPORT_USAGE_FR, parseExportArgs, runExport } from './commands/export';
import { IMPORT_USAGE_EN, IMPORT_USAGE_FR, parseImportArgs, runImport } from './commands/import';
import { MERGE_USAGE_EN, MERGE_USAGE_FR, parseMergeArgs, runMerge } from './commands/merge';
import { runSeed } from './commands/seed';
import { runValidate } from './commands/validate';
import { parseSyncArgs, runSync, SYNC_USAGE_EN, SYNC_USAGE_FR } from './commands/sync';
import { isUsage, nowArgument, parseCommandArgs } from './arguments';
import { bilingual, EXIT_USAGE, processIo, type CliIo } from './io';

/**
 * `desk`, the command line (architecture.md, rule 9): plain Node over the pipelines of shared/, never Electron.
 * Run with `npm run desk -- <command>` or the `desk` bin.
 */

const USAGE_FR = `Usage : desk <commande>
  seed [--volunteers N] [--now ISO] [--seed S] --out <fichier.zip>   écrit un jeu de données de démonstration
  validate <fichier.zip>                                             vérifie une sauvegarde, enregistrement par enregistrement
${EXPORT_USAGE_FR}
${IMPORT_USAGE_FR}
${MERGE_USAGE_FR}
${SYNC_USAGE_FR}`;
const USAGE_EN = `Usage: desk <command>
  seed [--volunteers N] [--now ISO] [--seed S] --out <file.zip>      writes a demonstration dataset
  validate <file.zip>                                                checks a snapshot, record by record
${EXPORT_USAGE_EN}
${IMPORT_USAGE_EN}
${MERGE_USAGE_EN}
${SYNC_USAGE_EN}`;

const DEFAULT_VOLUNTEERS = 1_000;
const DEFAULT_SEED = 'desk-climat';

export async function runDesk(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'seed':
        return await seed(rest, io);
      case 'validate': {
        const { positionals } = parseCommandArgs(rest, {});
        if (positionals.length !== 1) return usage(io, 'validate attend un fichier.', 'validate expects one file.');
        return await runValidate(positionals[0] as string, io);
      }
      case 'export': {
        const parsed = parseExportArgs(rest);
        return isUsage(parsed) ? usage(io, parsed.fr, parsed.en) : await runExport(parsed, io);
      }
      case 'import': {
        const parsed = parseImportArgs(rest);
        return isUsage(parsed) ? usage(io, parsed.fr, parsed.en) : await runImport(parsed, io);
      }
      case 'merge': {
        const parsed = parseMergeArgs(rest);
        return isUsage(parsed) ? usage(io, parsed.fr, parsed.en) : await runMerge(parsed, io);
      }
      case 'sync': {
        const parsed = parseSyncArgs(rest);
        return isUsage(parsed) ? usage(io, parsed.fr, parsed.en) : await runSync(parsed, io);
      }
      case undefined:
      case 'help':
      case '--help':
        bilingual(io.out, USAGE_FR, USAGE_EN);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        return usage(io, `Commande inconnue : ${command}`, `Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      return usage(io, `Arguments invalides : ${error.message}`, `Invalid arguments: ${error.message}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    bilingual(io.err, `Échec : ${message}`, `Failed: ${message}`);
    return EXIT_USAGE;
  }
}

async function seed(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      volunteers: { type: 'string' },
      now: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
    { allowPositionals: false },
  );
  if (!values.out) return usage(io, 'seed attend --out <fichier.zip>.', 'seed expects --out <file.zip>.');
  const volunteers = values.volunteers === undefined ? DEFAULT_VOLUNTEERS : Number(values.volunteers);
  if (!Number.isInteger(volunteers) || volunteers < 0 || volunteers > 1_000_000) {
    return usage(io, '--volunteers : un entier de 0 à 1 000 000.', '--volunteers: an integer from 0 to 1,000,000.');
  }
  const now = nowArgument(values.now);
  if (isUsage(now)) return usage(io, now.fr, now.en);
  return runSeed({ volunteers, now, seed: values.seed ?? DEFAULT_SEED, out: values.out }, io);
}

function usage(io: CliIo, fr: string, en: string): number {
  bilingual(io.err, fr, en);
  bilingual(io.err, USAGE_FR, USAGE_EN);
  return EXIT_USAGE;
}

// Run when executed directly (tsx electron/cli/desk.ts, or the bin), not when imported by tests.
const invokedPath = process.argv[1] ?? '';
if (/[\\/]desk\.ts$/.test(invokedPath)) {
  runDesk(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = EXIT_USAGE;
    },
  );
}
