import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The options of one command (node:util does not export the type of this part of its config). */
type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** What is wrong with a command's arguments, in French then English; desk.ts prints it with the usage. */
export interface Usage {
  readonly fr: string;
  readonly en: string;
}

/** Whether a parse gave the message to print rather than the command (or the value) it was asked for. */
export function isUsage<T>(parsed: T | Usage): parsed is Usage {
  return typeof parsed === 'object' && parsed !== null && 'fr' in parsed && 'en' in parsed;
}

/**
 * Every command's arguments read the same way: its options, the files as positionals (unless it takes none), and an
 * unknown option or a missing value refused (strict; desk.ts turns parseArgs' error into a usage message).
 */
export function parseCommandArgs<const O extends CommandOptions>(
  args: readonly string[],
  options: O,
  { allowPositionals = true }: { allowPositionals?: boolean } = {},
) {
  return parseArgs({ args: [...args], allowPositionals, strict: true, options });
}

/** `--now`: an ISO 8601 instant, by default the present; the dates the command writes follow it. */
export function nowArgument(value: string | undefined): string | Usage {
  const now = value ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(now)) || !/^\d{4}-\d{2}-\d{2}T/.test(now)) {
    return { fr: `--now : un instant ISO 8601 (reçu ${now}).`, en: `--now: an ISO 8601 instant (got ${now}).` };
  }
  return now;
}
