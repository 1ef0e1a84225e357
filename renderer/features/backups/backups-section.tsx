import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBackupError } from '../../../shared/backup/errors';
import { isSnapshotError } from '../../../shared/snapshot/errors';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useLastBackupAt } from '../../db/hooks';
import { isRestoreError } from '../../db/snapshot-restore';
import { useRepositories } from '../../db/repositories-context';
import { BACKUP_REMINDER_DAYS, type BackupContents } from '../../db/repositories/backups-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { hasRoomFor, isQuotaError, restoreBackup, runAutomaticBackup } from './backup-actions';
import { PassphraseForm } from './passphrase-form';
import { StorageUse } from './storage-use';

/** Plain snapshots are `.zip`; encrypted ones `.zip.enc` (not a ZIP for any other program). */
export const BACKUP_FILTER = [{ name: 'Desk Climat', extensions: ['zip', 'enc'] }];
const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

type State =
  | { step: 'idle' }
  | { step: 'busy'; message: string }
  | { step: 'passphrase'; file: Blob; error?: string }
  | { step: 'preview'; plain: Blob; contents: BackupContents }
  | { step: 'done'; tone: 'success' | 'error'; message: string };

/** A refusal's text in the UI's language: snapshot and encryption errors carry both, a full disk is said plainly. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (error) =>
    isQuotaError(error)
      ? t('backupTools.diskFull')
      : isSnapshotError(error) || isBackupError(error)
        ? error[language]
        : error instanceof Error
          ? error.message
          : String(error);
}

/**
 * Save a backup (optionally encrypted with a passphrase), and restore one after checking every record and showing
 * what it holds (product.md, "Keeping data safe"). A file that fails its check — or a wrong passphrase — is refused
 * before the store is touched; before a restore replaces the data, the current data is backed up.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const { backups, desk } = repositories;
  const desktop = useDesktop();
  const lastBackupAt = useLastBackupAt();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [encrypt, setEncrypt] = useState(false);
  const stale =
    lastBackupAt !== undefined &&
    (lastBackupAt === null || desk.now().getTime() - Date.parse(lastBackupAt) > BACKUP_REMINDER_DAYS * 86_400_000);
  const when = (instant: string) => `${formatShiftDate(instant, language)} ${formatTime(instant)}`;
  const refuse = (error: unknown) =>
    setState({ step: 'done', tone: 'error', message: t('backups.refused', { message: errorText(error) }) });

  async function saveBackup(passphrase?: string): Promise<string | null> {
    setState({ step: 'busy', message: t('backups.saving') });
    try {
      const blob = await backups.write({ passphrase });
      const stamp = desk.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const suggestedName = `desk-climat-sauvegarde_${stamp}${passphrase === undefined ? '.zip' : '.zip.enc'}`;
      const result = await desktop.save({
        suggestedName,
        filters: BACKUP_FILTER,
        data: new Uint8Array(await blob.arrayBuffer()),
      });
      if (result.status !== 'saved') {
        setState(
          result.status === 'failed'
            ? { step: 'done', tone: 'error', message: t('backups.failed', { message: result.message }) }
            : { step: 'idle' },
        );
        return null;
      }
      await backups.saved();
      const file = result.fileName || suggestedName;
      setState({ step: 'done', tone: 'success', message: t('backups.saved', { file }) });
      return file;
    } catch (error) {
      setState({ step: 'done', tone: 'error', message: t('backups.failed', { message: errorText(error) }) });
      return null;
    }
  }

  async function chooseFile() {
    const opened = await desktop.open({ filters: BACKUP_FILTER, maxBytes: MAX_BACKUP_BYTES });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'too-large')
      return setState({ step: 'done', tone: 'error', message: t('backups.tooLarge', { size: opened.size }) });
    if (opened.status === 'failed')
      return setState({ step: 'done', tone: 'error', message: t('backups.failed', { message: opened.message }) });
    const file = new Blob([opened.data as BlobPart]);
    if (await backups.isEncrypted(file)) return setState({ step: 'passphrase', file });
    await inspect(file);
  }

  async function inspect(plain: Blob) {
    setState({ step: 'busy', message: t('backups.checking') });
    try {
      setState({ step: 'preview', plain, contents: await backups.contents(plain) });
    } catch (error) {
      refuse(error);
    }
  }

  async function decrypt(file: Blob, passphrase: string) {
    setState({ step: 'busy', message: t('backupTools.decrypting') });
    let plain: Blob;
    try {
      plain = await backups.decrypt(file, passphrase);
    } catch (error) {
      // A wrong passphrase may be retyped; a damaged file is refused.
      if (isBackupError(error) && error.code === 'wrong-passphrase') {
        return setState({ step: 'passphrase', file, error: error[language] });
      }
      return refuse(error);
    }
    await inspect(plain);
  }

  /** The current data first: an automatic backup in the desktop app, a download in a browser. */
  async function safetyBackup(): Promise<string | null> {
    if (desktop.kind !== 'electron') return saveBackup();
    setState({ step: 'busy', message: t('backups.saving') });
    const result = await runAutomaticBackup(repositories, desktop, 'before-restore');
    if (result.status === 'written') return result.fileName;
    setState({ step: 'done', tone: 'error', message: t('backupTools.automatic.failed', { message: result.message }) });
    return null;
  }

  function restoreFailureText(error: unknown): string {
    if (!isRestoreError(error)) return t('backups.failed', { message: errorText(error) });
    const message = errorText(error.cause);
    if (error.outcome === 'unchanged')
      return isQuotaError(error.cause) ? t('backupTools.diskFull') : t('backupTools.restoreUnchanged', { message });
    if (error.outcome === 'rolled-back')
      return isQuotaError(error.cause)
        ? t('backupTools.diskFullDuringRestore')
        : t('backupTools.restoreRolledBack', { message });
    return t('backupTools.restoreRollbackFailed', { message });
  }

  async function restore(plain: Blob) {
    let safety: string | null = null;
    try {
      if (!(await hasRoomFor(plain.size))) {
        return setState({ step: 'done', tone: 'error', message: t('backupTools.diskFull') });
      }
      safety = await safetyBackup();
      if (safety === null) return;
      setState({ step: 'busy', message: t('backups.restoring') });
      await restoreBackup(repositories, plain);
      setState({
        step: 'done',
        tone: 'success',
        message: `${t('backups.restored')} ${t('backupTools.safetySaved', { file: safety })}`,
      });
    } catch (error) {
      // The replace is all or nothing (snapshot-restore.ts): say which way it ended, in plain words.
      const failed = restoreFailureText(error);
      setState({
        step: 'done',
        tone: 'error',
        message: safety ? `${failed} ${t('backupTools.safetySaved', { file: safety })}` : failed,
      });
    }
  }

  const busy = state.step === 'busy';
  return (
    <section aria-labelledby="backups-title" className={ui.section}>
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      <StorageUse />
      {lastBackupAt && <p>{t('backups.last', { date: when(lastBackupAt) })}</p>}
      {lastBackupAt === null && <p>{t('backups.never')}</p>}
      {stale && <StatusMessage tone="warning">{t('backups.reminder', { days: BACKUP_REMINDER_DAYS })}</StatusMessage>}
      <Checkbox isSelected={encrypt} onChange={setEncrypt} isDisabled={busy}>
        {t('backupTools.encrypt')}
      </Checkbox>
      {encrypt ? (
        <PassphraseForm
          confirm
          submitLabel={t('backups.save')}
          onSubmit={(passphrase) => void saveBackup(passphrase)}
        />
      ) : (
        <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
          <Button onPress={() => void saveBackup()} isDisabled={busy}>
            {t('backups.save')}
          </Button>
        </div>
      )}
      <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
        <Button variant="secondary" onPress={() => void chooseFile()} isDisabled={busy}>
          {t('backups.restore')}
        </Button>
      </div>
      {state.step === 'busy' && <StatusMessage tone="info">{state.message}</StatusMessage>}
      {state.step === 'done' && <StatusMessage tone={state.tone}>{state.message}</StatusMessage>}
      {state.step === 'passphrase' && (
        <div>
          <p>{t('backupTools.encryptedAsk')}</p>
          <PassphraseForm
            confirm={false}
            submitLabel={t('backupTools.open')}
            error={state.error}
            onSubmit={(passphrase) => void decrypt(state.file, passphrase)}
            onCancel={() => setState({ step: 'idle' })}
          />
        </div>
      )}
      {state.step === 'preview' && (
        <StatusMessage tone="warning">
          <p>
            {t('backups.preview', {
              date: when(state.contents.manifest.createdAt),
              desk: state.contents.manifest.deskId,
            })}
          </p>
          <p>
            {t('backups.counts', {
              volunteers: state.contents.manifest.counts.volunteers,
              missions: state.contents.manifest.counts.missions,
              shifts: state.contents.manifest.counts.shifts,
              signUps: state.contents.manifest.counts.signUps,
            })}
          </p>
          <p>
            {state.contents.period
              ? t('backupTools.period', {
                  from: formatShiftDate(state.contents.period.from, language),
                  to: formatShiftDate(state.contents.period.to, language),
                })
              : t('backupTools.noPeriod')}
          </p>
          <p>{t('backups.replaceWarning')}</p>
          <p>{t('backupTools.keepsDesk', { desk: desk.deskId })}</p>
          <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
            <Button variant="danger" onPress={() => void restore(state.plain)}>
              {t('backups.confirmRestore')}
            </Button>
            <Button variant="secondary" onPress={() => setState({ step: 'idle' })}>
              {t('common.cancel')}
            </Button>
          </div>
        </StatusMessage>
      )}
    </section>
  );
}
