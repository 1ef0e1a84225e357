import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSnapshotError } from '../../../shared/snapshot';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import type { MergePreview } from '../../db/repositories/merge-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

const ZIP_FILTER = [{ name: 'Desk Climat', extensions: ['zip'] }];
const MAX_BYTES = 512 * 1024 * 1024;

/** Merge another desk's snapshot, after a preview of what the result will hold. */
export function MergeSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { merge } = useRepositories();
  const desktop = useDesktop();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [status, setStatus] = useState<{ tone: 'info' | 'success' | 'error'; message: string } | null>(null);

  async function choose() {
    const opened = await desktop.open({ filters: ZIP_FILTER, maxBytes: MAX_BYTES });
    if (opened.status !== 'opened') return;
    setStatus({ tone: 'info', message: t('merge.checking') });
    try {
      setPreview(await merge.preview(new Blob([opened.data as BlobPart])));
      setStatus(null);
    } catch (error) {
      const message = isSnapshotError(error) ? error[language] : error instanceof Error ? error.message : String(error);
      setPreview(null);
      setStatus({ tone: 'error', message: t('merge.refused', { message }) });
    }
  }

  async function apply(ready: MergePreview) {
    await merge.apply(ready);
    setPreview(null);
    setStatus({ tone: 'success', message: t('merge.done') });
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
