/**
 * The keys and shapes of a restore's marker and notice (snapshot-restore.ts), apart from its code: the start-up reads
 * the marker and the frame the notice without loading the restore itself.
 */

/** Desk-local (uiPreferences): never in a snapshot, never merged. */
export const RESTORE_STATE_KEY = 'restoreState';
/** What the start-up recovery did, shown once to the user (BackupWatch) until dismissed. */
export const RESTORE_NOTICE_KEY = 'restoreNotice';

export type RestorePhase = 'copying' | 'replacing' | 'finishing';

export interface RestoreState {
  readonly phase: RestorePhase;
  readonly startedAt: string;
}

/**
 * - `rolled-back`: a restore was interrupted after it had started replacing the data; the data was put back.
 * - `not-started`: it was interrupted while the current data was being copied aside; nothing had changed.
 * - `copy-missing`: it was interrupted and the copy aside is gone (deleted outside the app): the data may be
 *   incomplete, and the automatic backup taken just before the restore is the way back.
 */
export type RestoreNoticeOutcome = 'rolled-back' | 'not-started' | 'copy-missing';

export interface RestoreNotice {
  readonly outcome: RestoreNoticeOutcome;
  readonly at: string;
}
