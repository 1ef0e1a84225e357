import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSnapshotError, type SnapshotManifest } from '../../../shared/snapshot';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useLastBackupAt } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { BACKUP_REMINDER_DAYS } from '../../db/repositories/backups-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

const ZIP_FILTER = [{ name: 'Desk Climat', extensions: ['zip'] }];
const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

type State =
  | { step: 'idle' }
  | { step: 'busy'; message: string }
  | { step: 'preview'; file: Blob; manifest: SnapshotManifest }
  | { step: 'done'; tone: 'success' | 'error'; message: string };

/**
 * Save a backup, and restore one after checking every record and showing what it holds (product.md, "Keeping data
 * safe"). A file that fails its check is refused before the store is touched; before a restore replaces the data, a
 * backup of the current data is saved.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { backups, desk, merge } = useRepositories();
  const desktop = useDesktop();
  const lastBackupAt = useLastBackupAt();
  const [state, setState] = useState<State>({ step: 'idle' });
  const stale =
    lastBackupAt !== undefined &&
    (lastBackupAt === null || desk.now().getTime() - Date.parse(lastBackupAt) > BACKUP_REMINDER_DAYS * 86_400_000);
  const when = (instant: string) => `${formatShiftDate(instant, language)} ${formatTime(instant)}`;
  const errorText = (error: unknown) =>
    isSnapshotError(error) ? error[language] : error instanceof Error ? error.message : String(error);

  async function saveBackup(): Promise<boolean> {
    setState({ step: 'busy', message: t('backups.saving') });
    const blob = await backups.write();
    const stamp = desk.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const suggestedName = `desk-climat-sauvegarde_${stamp}.zip`;
    const result = await desktop.save({
      suggestedName,
      filters: ZIP_FILTER,
      data: new Uint8Array(await blob.arrayBuffer()),
    });
    if (result.status !== 'saved') {
      setState(
        result.status === 'failed'
          ? { step: 'done', tone: 'error', message: t('backups.failed', { message: result.message }) }
          : { step: 'idle' },
      );
      return false;
    }
    await backups.saved();
    setState({
      step: 'done',
      tone: 'success',
      message: t('backups.saved', { file: result.fileName || suggestedName }),
    });
    return true;
  }

  async function chooseFile() {
    const opened = await desktop.open({ filters: ZIP_FILTER, maxBytes: MAX_BACKUP_BYTES });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'too-large')
      return setState({ step: 'done', tone: 'error', message: t('backups.tooLarge', { size: opened.size }) });
    if (opened.status === 'failed')
      return setState({ step: 'done', tone: 'error', message: t('backups.failed', { message: opened.message }) });
    setState({ step: 'busy', message: t('backups.checking') });
    const file = new Blob([opened.data as BlobPart]);
    try {
      setState({ step: 'preview', file, manifest: await backups.inspect(file) });
    } catch (error) {
      setState({ step: 'done', tone: 'error', message: t('backups.refused', { message: errorText(error) }) });
    }
  }

  async function restore(file: Blob) {
    try {
      if (!(await saveBackup())) return;
      setState({ step: 'busy', message: t('backups.restoring') });
      await backups.restore(file);
      // The erasure register survives a restore and is applied to what came back (rule 7).
      await merge.reapplyErasures();
      setState({ step: 'done', tone: 'success', message: t('backups.restored') });
    } catch (error) {
      setState({ step: 'done', tone: 'error', message: t('backups.refused', { message: errorText(error) }) });
    }
  }

  return (
    <section aria-labelledby="backups-title" className={ui.section}>
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      {lastBackupAt && <p>{t('backups.last', { date: when(lastBackupAt) })}</p>}
      {lastBackupAt === null && <p>{t('backups.never')}</p>}
      {stale && <StatusMessage tone="warning">{t('backups.reminder', { days: BACKUP_REMINDER_DAYS })}</StatusMessage>}
      <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
        <Button onPress={() => void saveBackup()} isDisabled={state.step === 'busy'}>
          {t('backups.save')}
        </Button>
        <Button variant="secondary" onPress={() => void chooseFile()} isDisabled={state.step === 'busy'}>
          {t('backups.restore')}
        </Button>
      </div>
      {state.step === 'busy' && <StatusMessage tone="info">{state.message}</StatusMessage>}
      {state.step === 'done' && <StatusMessage tone={state.tone}>{state.message}</StatusMessage>}
      {state.step === 'preview' && (
        <StatusMessage tone="warning">
          <p>{t('backups.preview', { date: when(state.manifest.createdAt), desk: state.manifest.deskId })}</p>
          <p>
            {t('backups.counts', {
              volunteers: state.manifest.counts.volunteers,
              missions: state.manifest.counts.missions,
              shifts: state.manifest.counts.shifts,
              signUps: state.manifest.counts.signUps,
            })}
          </p>
          <p>{t('backups.replaceWarning')}</p>
          <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
            <Button variant="danger" onPress={() => void restore(state.file)}>
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
