import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBackupError } from '../../../shared/backup/errors';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import type { MergePreview } from '../../db/repositories/merge-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { applyMerge } from './backup-actions';
import { BACKUP_FILTER, useErrorText } from './backups-section';
import { PassphraseForm } from './passphrase-form';

const MAX_BYTES = 512 * 1024 * 1024;

/** Merge another desk's snapshot (plain or encrypted), after a preview of what the result will hold. */
export function MergeSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const { merge, backups } = repositories;
  const desktop = useDesktop();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [locked, setLocked] = useState<{ file: Blob; error?: string } | null>(null);
  const [status, setStatus] = useState<{ tone: 'info' | 'success' | 'error'; message: string } | null>(null);

  const refuse = (error: unknown) => {
    setPreview(null);
    setStatus({ tone: 'error', message: t('merge.refused', { message: errorText(error) }) });
  };

  async function choose() {
    const opened = await desktop.open({ filters: BACKUP_FILTER, maxBytes: MAX_BYTES });
    if (opened.status !== 'opened') return;
    const file = new Blob([opened.data as BlobPart]);
    setPreview(null);
    if (await backups.isEncrypted(file)) {
      setStatus(null);
      return setLocked({ file });
    }
    await check(file);
  }

  async function check(plain: Blob) {
    setStatus({ tone: 'info', message: t('merge.checking') });
    try {
      setPreview(await merge.preview(plain));
      setStatus(null);
    } catch (error) {
      refuse(error);
    }
  }

  async function unlock(file: Blob, passphrase: string) {
    setStatus({ tone: 'info', message: t('backupTools.decrypting') });
    try {
      const plain = await backups.decrypt(file, passphrase);
      setLocked(null);
      await check(plain);
    } catch (error) {
      setStatus(null);
      if (isBackupError(error) && error.code === 'wrong-passphrase') return setLocked({ file, error: error[language] });
      setLocked(null);
      refuse(error);
    }
  }

  async function apply(ready: MergePreview) {
    try {
      await applyMerge(repositories, ready);
      setPreview(null);
      setStatus({ tone: 'success', message: t('merge.done') });
    } catch (error) {
      refuse(error);
    }
  }

  const conflicts = preview ? Object.values(preview.summary.reconciled).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <section aria-labelledby="merge-title" className={ui.section}>
      <h2 id="merge-title">{t('merge.title')}</h2>
      <p>{t('merge.intro')}</p>
      <Button variant="secondary" onPress={() => void choose()}>
        {t('merge.choose')}
      </Button>
      {status && <StatusMessage tone={status.tone}>{status.message}</StatusMessage>}
      {locked && (
        <div>
          <p>{t('backupTools.encryptedAsk')}</p>
          <PassphraseForm
            confirm={false}
            submitLabel={t('backupTools.open')}
            error={locked.error}
            onSubmit={(passphrase) => void unlock(locked.file, passphrase)}
            onCancel={() => setLocked(null)}
          />
        </div>
      )}
      {preview && (
        <StatusMessage tone="info">
          <p>
            {t('merge.preview', {
              desk: preview.manifest.deskId,
              date: `${formatShiftDate(preview.manifest.createdAt, language)} ${formatTime(preview.manifest.createdAt)}`,
              volunteers: preview.summary.counts.volunteers,
              missions: preview.summary.counts.missions,
              shifts: preview.summary.counts.shifts,
              signUps: preview.summary.counts.signUps,
            })}
          </p>
          <p>{t('merge.conflicts', { count: conflicts })}</p>
          <p>{t('merge.review', { count: preview.summary.reviewItemsAdded })}</p>
          <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
            <Button onPress={() => void apply(preview)}>{t('merge.confirm')}</Button>
            <Button variant="secondary" onPress={() => setPreview(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </StatusMessage>
      )}
    </section>
  );
}
