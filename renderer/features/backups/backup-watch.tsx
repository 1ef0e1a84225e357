import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcOutput } from '../../../shared/ipc/contract';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { useLastBackupAt } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { BACKUP_REMINDER_DAYS } from '../../db/repositories/backups-repository';
import { useDesktop } from '../../lib/desktop-context';
import { BACKUP_AFTER_ACTIONS, runAutomaticBackup, type AutomaticReason } from './backup-actions';
import { needsBackupWarning, startUpBackupDue } from './backup-reminder';

const TRIGGERS = Object.keys(BACKUP_AFTER_ACTIONS);

/**
 * Mounted once in the application frame. In the desktop app: an automatic backup after first paint when the last is
 * more than a day old, and one after every import, merge or restore (seen in the audit log, which all three write);
 * one at a time, never two snapshots at once. Everywhere: the reminder when no backup has left this computer for a
 * week (a browser only knows of the backups it downloaded).
 */
export function BackupWatch({
  showWarnings = true,
  startDelayMs = 3000,
}: {
  showWarnings?: boolean;
  /** How long after mounting the start-up check runs (tests: 0). */
  startDelayMs?: number;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const desktop = useDesktop();
  const electron = desktop.kind === 'electron';
  const lastBackupAt = useLastBackupAt();
  const [status, setStatus] = useState<IpcOutput<'backup:get-status'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const installedAt = useLiveQuery(() => repositories.backups.installedAt(), [repositories]);
  const restoreNotice = useLiveQuery(() => repositories.backups.restoreNotice(), [repositories]);
  const mountedAt = useRef(repositories.desk.now().toISOString());
  const queue = useRef(Promise.resolve());
  const seen = useRef<string | null>(null);
  const trigger = useLiveQuery(
    () => (electron ? repositories.backups.latestAction(mountedAt.current, TRIGGERS) : null),
    [repositories, electron],
  );

  function enqueue(reason: AutomaticReason) {
    queue.current = queue.current.then(async () => {
      try {
        const result = await runAutomaticBackup(repositories, desktop, reason);
        setFailure(result.status === 'failed' ? result.message : null);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      }
      setStatus(await desktop.getStatus());
    });
  }

  useEffect(() => {
    if (!electron) return;
    // After first paint and once the page is idle: the backup never delays the start (issue 11).
    const start = () =>
      void desktop.getStatus().then((current) => {
        setStatus(current);
        if (startUpBackupDue(repositories.desk.now(), current.lastAutomaticAt)) enqueue('start-up');
      });
    const handle = window.setTimeout(start, startDelayMs);
    return () => window.clearTimeout(handle);
    // Once per mount: the start-up backup is not to be re-run on re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [electron]);

  useEffect(() => {
    if (!trigger || trigger.id === seen.current) return;
    seen.current = trigger.id;
    enqueue(BACKUP_AFTER_ACTIONS[trigger.action as keyof typeof BACKUP_AFTER_ACTIONS]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trigger]);

  // What the start-up did with an interrupted restore, shown until dismissed: it matters even before the status is in.
  const notice = showWarnings && restoreNotice && (
    <StatusMessage tone={restoreNotice.outcome === 'copy-missing' ? 'error' : 'warning'}>
      <p>{t(`backupTools.notice.${restoreNotice.outcome}`)}</p>
      <Button variant="secondary" onPress={() => void repositories.backups.dismissRestoreNotice()}>
        {t('backupTools.notice.dismiss')}
      </Button>
    </StatusMessage>
  );
  if (!showWarnings || lastBackupAt === undefined || installedAt === undefined || (electron && status === null))
    return notice || null;
  const warn = needsBackupWarning({
    now: repositories.desk.now(),
    lastLeft: electron ? [lastBackupAt, status?.lastOffLaptopAt] : [lastBackupAt],
    installedAt,
  });
  if (!warn && !failure && !notice) return null;
  return (
    <div>
      {notice}
      {warn && (
        <StatusMessage tone="warning">
          {t(electron ? 'backupTools.offLaptopWarning' : 'backupTools.browserReminder', { days: BACKUP_REMINDER_DAYS })}
        </StatusMessage>
      )}
      {failure && (
        <StatusMessage tone="warning">{t('backupTools.automatic.failed', { message: failure })}</StatusMessage>
      )}
    </div>
  );
}
