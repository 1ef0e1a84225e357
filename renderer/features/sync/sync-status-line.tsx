import { useTranslation } from 'react-i18next';
import { syncErrorMessage } from '../../../shared/sync/errors';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { useLanguage } from '../../lib/use-language';
import type { SyncStatus } from './sync-controller';
import { syncControllerFor, useNow, useSyncStatus } from './sync-runtime';

/**
 * The sync status in the shell's banner (issue 14): when this desk last synced, what waits to be sent, "hors ligne",
 * an error in plain words, or the progress of a running sync. Announced politely; nothing when sync was never set up.
 */
export function SyncStatusLine() {
  const repositories = useRepositories();
  const desktop = useDesktop();
  const status = useSyncStatus(syncControllerFor(repositories, desktop));
  const now = useNow(30_000);
  const text = useSyncStatusText(status, now);
  if (status.config.server === '') return null;
  return (
    <p role="status" aria-live="polite" data-sync-status={statusCode(status)} style={{ margin: 0, fontSize: '0.9em' }}>
      {text}
    </p>
  );
}

/** A stable marker for tests: running, error code, offline, needs-password, synced, never, off. */
function statusCode(status: SyncStatus): string {
  if (!status.config.enabled) return 'off';
  if (status.running) return 'running';
  if (status.needsPassword) return 'needs-password';
  if (status.offline || status.error === 'unreachable') return 'offline';
  if (status.error) return `error:${status.error}`;
  return status.lastSyncAt ? 'synced' : 'never';
}

export function useSyncStatusText(status: SyncStatus, now: number): string {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!status.config.enabled) return t('sync.status.off');
  if (status.running && status.progress) {
    const { phase, count, total } = status.progress;
    if (phase === 'pulling' && typeof total === 'number') return t('sync.status.pullingOf', { count, total });
    return t(`sync.status.${phase}`, { count });
  }
  const parts: string[] = [];
  if (status.needsPassword) parts.push(t('sync.status.needsPassword'));
  else if (status.offline || status.error === 'unreachable') parts.push(t('sync.status.offline'));
  else if (status.error === 'unexpected') parts.push(t('sync.status.unexpected'));
  else if (status.error) parts.push(syncErrorMessage(status.error)[language === 'en' ? 'en' : 'fr']);
  else if (status.lastSyncAt === null) parts.push(t('sync.status.never'));
  else {
    const minutes = Math.floor((now - Date.parse(status.lastSyncAt)) / 60_000);
    if (minutes < 1) parts.push(t('sync.status.justNow'));
    else if (minutes < 60 * 24) parts.push(t('sync.status.minutesAgo', { count: minutes }));
    else parts.push(t('sync.status.at', { date: new Date(status.lastSyncAt).toLocaleString(language) }));
  }
  if (status.pending !== null && status.pending > 0) parts.push(t('sync.status.pending', { count: status.pending }));
  return parts.join(' · ');
}
