import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IpcOutput } from '../../../shared/ipc/contract';
import { syncTargetKey } from '../../../shared/sync';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Form } from '../../components/form';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { WorkProgress } from '../../components/work-progress';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import type { SyncConfig } from './sync-config';
import { useSyncStatusText } from './sync-status-line';
import { syncControllerFor, useNow, useSyncStatus } from './sync-runtime';

/**
 * Settings › Synchronisation (issue 14): the server, the database, the user and the password; on or off; "sync now";
 * the status. Changing the target while changes wait to be sent asks first (they stay on this desk either way).
 */
export function SyncSection() {
  const repositories = useRepositories();
  const desktop = useDesktop();
  const status = useSyncStatus(syncControllerFor(repositories, desktop));
  // The saved configuration arrives after the first render (read from IndexedDB): a new one starts a fresh form.
  return <SyncSectionBody key={JSON.stringify(status.config)} initial={status.config} />;
}

function SyncSectionBody({ initial }: { initial: SyncConfig }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const desktop = useDesktop();
  const controller = syncControllerFor(repositories, desktop);
  const status = useSyncStatus(controller);
  const statusText = useSyncStatusText(status, useNow(30_000));
  const electron = desktop.kind === 'electron';
  const downloading =
    status.running && status.progress?.phase === 'pulling' && typeof status.progress.total === 'number';
  const [draft, setDraft] = useState<SyncConfig>(initial);
  const [password, setPassword] = useState('');
  const [sessionPassword, setSessionPassword] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState<IpcOutput<'sync:get-target'> | null>(null);

  useEffect(() => {
    if (electron) void desktop.getTarget().then(setTarget);
  }, [desktop, electron]);

  const field = (name: keyof Omit<SyncConfig, 'enabled'>) => ({
    value: draft[name],
    onChange: (value: string) => setDraft((previous) => ({ ...previous, [name]: value.trim() })),
  });

  async function save(confirmed: boolean) {
    if (draft.enabled && (draft.server === '' || draft.database === '')) {
      setMessage({ tone: 'error', text: t('sync.required') });
      return;
    }
    if (!confirmed && targetChanges(status.config, draft) && (status.pending ?? 0) > 0) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      await controller.configure(draft, password === '' ? null : password);
      setPassword('');
      setMessage({ tone: 'success', text: t('sync.saved') });
      if (draft.enabled) void controller.syncNow();
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save(false);
  }

  return (
    <section aria-labelledby="sync-title" className={ui.section}>
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      <Form onSubmit={submit} aria-labelledby="sync-title">
        <TextField label={t('sync.server')} description={t('sync.serverHelp')} type="url" {...field('server')} />
        <TextField label={t('sync.database')} {...field('database')} />
        <TextField label={t('sync.user')} autoComplete="username" {...field('user')} />
        <TextField
          label={t('sync.password')}
          type="password"
          autoComplete="current-password"
          description={electron ? t('sync.passwordKept') : t('sync.passwordBrowser')}
          value={password}
          onChange={setPassword}
        />
        <Checkbox isSelected={draft.enabled} onChange={(enabled) => setDraft((previous) => ({ ...previous, enabled }))}>
          {t('sync.enabled')}
        </Checkbox>
        <p>{t('sync.offNote')}</p>
        {confirming && (
          <StatusMessage tone="warning">
            {t('sync.changeWarning', { count: status.pending ?? 0 })}{' '}
            <Button variant="secondary" onPress={() => void save(true)}>
              {t('sync.changeConfirm')}
            </Button>{' '}
            <Button variant="secondary" onPress={() => setConfirming(false)}>
              {t('sync.cancel')}
            </Button>
          </StatusMessage>
        )}
        <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
          <Button type="submit">{t('sync.save')}</Button>
        </div>
      </Form>
      {electron && target && target.hasPassword && !target.keyringSecure && (
        <StatusMessage tone="warning">{t('sync.weakKeyring')}</StatusMessage>
      )}
      {status.needsPassword && (
        <Form
          aria-label={t('sync.askPassword')}
          onSubmit={(event) => {
            event.preventDefault();
            controller.setSessionPassword(sessionPassword);
            setSessionPassword('');
            void controller.syncNow();
          }}
        >
          <TextField
            label={t('sync.password')}
            description={t('sync.askPassword')}
            type="password"
            autoComplete="current-password"
            value={sessionPassword}
            onChange={setSessionPassword}
          />
          <Button type="submit">{t('sync.usePassword')}</Button>
        </Form>
      )}
      {status.config.enabled && (
        <p>
          <Button variant="secondary" isDisabled={status.running} onPress={() => void controller.syncNow()}>
            {t('sync.syncNow')}
          </Button>
        </p>
      )}
      {downloading && status.progress && typeof status.progress.total === 'number' && (
        // The first download of a database (from nothing): its total is known, so a determinate bar, which also
        // says the status in words (the status message is left out meanwhile, not to announce it twice).
        <WorkProgress
          label={t('sync.download')}
          text={statusText}
          fraction={status.progress.total > 0 ? status.progress.count / status.progress.total : null}
        />
      )}
      {status.config.server !== '' && !downloading && (
        <StatusMessage tone={status.error && status.error !== 'unreachable' ? 'error' : 'info'}>
          {statusText}
        </StatusMessage>
      )}
      {message && <StatusMessage tone={message.tone}>{message.text}</StatusMessage>}
      {status.overbookedShiftIds.length > 0 && (
        <>
          <h3>{t('sync.overbooked.title')}</h3>
          <p>{t('sync.overbooked.help')}</p>
          <ul>
            {status.overbookedShiftIds.map((shiftId) => (
              <li key={shiftId}>
                <Link to={`/shifts/${shiftId}`}>{t('sync.overbooked.link')}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function targetChanges(saved: SyncConfig, next: SyncConfig): boolean {
  if (saved.server === '' || saved.database === '') return false;
  try {
    return syncTargetKey(saved) !== syncTargetKey(next);
  } catch {
    return true;
  }
}
