import { BACKUP_REMINDER_DAYS } from '../../db/repositories/backups-repository';

const DAY = 86_400_000;

/**
 * Whether to warn that no backup has left this computer for a week (issue 11). `lastLeft`: the latest manual save
 * (a file the user placed) or automatic backup to a folder other than the app's data folder. Never any: counted from
 * the installation, so a desk set up this morning is not nagged.
 */
export function needsBackupWarning(input: {
  readonly now: Date;
  readonly lastLeft: readonly (string | null | undefined)[];
  readonly installedAt: string | null;
}): boolean {
  const times = input.lastLeft
    .filter((value): value is string => typeof value === 'string')
    .map(Date.parse)
    .filter(Number.isFinite);
  const reference = times.length > 0 ? Math.max(...times) : input.installedAt ? Date.parse(input.installedAt) : NaN;
  if (!Number.isFinite(reference)) return false;
  return input.now.getTime() - reference > BACKUP_REMINDER_DAYS * DAY;
}

/** An automatic backup is due at start-up when there is none, or the last is more than a day old. */
export function startUpBackupDue(now: Date, lastAutomaticAt: string | null): boolean {
  if (lastAutomaticAt === null) return true;
  const last = Date.parse(lastAutomaticAt);
  return !Number.isFinite(last) || now.getTime() - last > DAY;
}
