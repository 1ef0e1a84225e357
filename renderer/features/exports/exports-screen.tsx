import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_EXPORT_ENTRIES, TABLE_NAMES, type ExportProfile } from '../../../shared/export';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import type { SharedTableName } from '../../../shared/domain/tables';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { DateField } from '../../components/date-field';
import { IncompleteGuard, useIncompleteGuard } from '../../components/incomplete-segments';
import { TextField } from '../../components/text-field';
import { WorkProgress } from '../../components/work-progress';
import type { CityExportProgress, CityExportSession, CityExportSummary } from '../../db/city-export-io';
import ui from '../../components/ui.module.css';
import { useRecentExports, useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { previousMonth } from './default-period';
import styles from './exports.module.css';

type Mode = 'pseudonymous' | 'named';

/**
 * The export to the city (city-export.md): period (default the previous month), profile, mode; a named export asks
 * for a reason; a preview of the row counts and first rows; the zip saved through the desktop API (atomic save in
 * Electron, a download in a browser); the export log records who, when, where and whose data it carried.
 */
export function ExportsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const desktop = useDesktop();
  const settings = useSettings();
  const recent = useRecentExports();
  const initial = previousMonth(parisLocalDate(repositories.desk.now().toISOString()));
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [profile, setProfile] = useState<ExportProfile>('excel-fr');
  const [mode, setMode] = useState<Mode>('pseudonymous');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ period?: string; reason?: string }>({});
  const [prepared, setPrepared] = useState<CityExportSummary | null>(null);
  const [status, setStatus] = useState<{ tone: 'info' | 'success' | 'error'; message: string } | null>(null);
  const [progress, setProgress] = useState<CityExportProgress | null>(null);
  // A period with a date partly typed is refused (focus on the part to type) rather than exported without that date.
  const guard = useIncompleteGuard();
  // The export runs in a Worker that keeps the prepared rows between the preview and the zip.
  const session = useRef<CityExportSession | null>(null);
  const closeSession = () => {
    session.current?.close();
    session.current = null;
  };
  useEffect(() => closeSession, []);

  const reset = () => {
    closeSession();
    setPrepared(null);
  };
  function cancel() {
    session.current?.cancel();
    session.current = null;
    setPrepared(null);
    setProgress(null);
    setStatus({ tone: 'info', message: t('transfers.exports.cancelled') });
  }
  function failed(error: unknown) {
    setProgress(null);
    if (isCancelled(error)) return;
    closeSession();
    setPrepared(null);
    const bilingual = error as Partial<Record<'fr' | 'en', string>>;
    const message = bilingual?.[language] ?? (error instanceof Error ? error.message : String(error));
    setStatus({ tone: 'error', message: t('exports.failed', { message }) });
  }

  async function prepare(): Promise<CityExportSummary | null> {
    if (guard.refuse()) {
      setErrors({});
      setStatus(null);
      return null;
    }
    const next: typeof errors = {};
    if (!from || !to || from > to) next.period = t('exports.errors.period');
    if (mode === 'named' && !reason.trim()) next.reason = t('exports.errors.reason');
    setErrors(next);
    if (Object.keys(next).length > 0 || !settings) return null;
    setStatus({ tone: 'info', message: t('exports.previewing') });
    closeSession();
    try {
      const started = await repositories.exports.start(
        { from, to, profile, mode, reason: mode === 'named' ? reason.trim() : null, settings },
        { onProgress: setProgress },
      );
      session.current = started;
      const result = await started.prepared;
      if (session.current !== started) return null;
      setPrepared(result);
      setProgress(null);
      setStatus(null);
      return result;
    } catch (error) {
      failed(error);
      return null;
    }
  }

  async function exportZip() {
    const ready = (session.current && prepared) ?? (await prepare());
    const running = session.current;
    if (!ready || !running) return;
    setStatus({ tone: 'info', message: t('exports.exporting') });
    let data: Uint8Array<ArrayBuffer>;
    try {
      const info = await desktop.getInfo();
      const blob = await repositories.exports.zip(running, { name: info.name, version: info.version }, setProgress);
      data = new Uint8Array(await blob.arrayBuffer());
    } catch (error) {
      failed(error);
      return;
    }
    setProgress(null);
    const saved = await desktop.save({
      suggestedName: ready.fileName,
      filters: [{ name: 'Zip', extensions: ['zip'] }],
      data,
    });
    if (saved.status === 'cancelled') return setStatus(null);
    if (saved.status === 'failed')
      return setStatus({ tone: 'error', message: t('exports.failed', { message: saved.message }) });
    await repositories.exports.logged(ready, saved.fileName || ready.fileName);
    setStatus({ tone: 'success', message: t('exports.saved', { file: ready.fileName }) });
  }

  function progressText(value: CityExportProgress): string {
    const counts = { done: value.done, total: value.total ?? '…' };
    if (value.phase === 'zip') return t('transfers.exports.zip', counts);
    return value.table
      ? t('transfers.exports.readTable', { ...counts, table: t(`transfers.tables.${value.table as SharedTableName}`) })
      : t('transfers.exports.read', counts);
  }

  return (
    <Page title={t('exports.title')}>
      <p className={styles.intro}>{t('exports.intro')}</p>
      <IncompleteGuard guard={guard} className={ui.filters}>
        <DateField
          label={t('exports.from')}
          value={from}
          onChange={(value) => {
            setFrom(value);
            reset();
          }}
          errorMessage={errors.period}
        />
        <DateField
          label={t('exports.to')}
          value={to}
          onChange={(value) => {
            setTo(value);
            reset();
          }}
        />
        <SelectField<ExportProfile>
          label={t('exports.profile')}
          value={profile}
          onChange={(value) => {
            setProfile(value);
            reset();
          }}
          options={(['excel-fr', 'open-data'] as const).map((id) => ({ id, label: t(`exports.profiles.${id}`) }))}
        />
        <SelectField<Mode>
          label={t('exports.mode')}
          value={mode}
          onChange={(value) => {
            setMode(value);
            reset();
          }}
          options={(['pseudonymous', 'named'] as const).map((id) => ({ id, label: t(`exports.modes.${id}`) }))}
        />
      </IncompleteGuard>
      {mode === 'named' && (
        <TextField
          label={t('exports.reason')}
          description={t('exports.reasonHelp')}
          value={reason}
          onChange={(value) => {
            setReason(value);
            reset();
          }}
          errorMessage={errors.reason}
        />
      )}
      <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
        <Button variant="secondary" onPress={() => void prepare()}>
          {t('exports.preview')}
        </Button>
        <Button onPress={() => void exportZip()}>{t('exports.export')}</Button>
      </div>
      {progress && (
        <WorkProgress
          label={t('transfers.exports.progressLabel')}
          text={progressText(progress)}
          fraction={progress.total ? progress.done / progress.total : null}
          onCancel={cancel}
        />
      )}
      {status && <StatusMessage tone={status.tone}>{status.message}</StatusMessage>}
      {prepared && (
        <section aria-labelledby="preview-title" className={ui.section}>
          <h2 id="preview-title">{t('exports.preview')}</h2>
          {TABLE_NAMES.map((table) => {
            const file = CITY_EXPORT_ENTRIES.find((entry) => entry.startsWith(table)) ?? table;
            const preview = prepared.previews[table];
            return (
              <details key={table} className={styles.table}>
                <summary>
                  {file} — {t('exports.rows', { count: prepared.rowCounts[table] })}
                </summary>
                <div
                  className={styles.scroll}
                  role="region"
                  aria-label={t('exports.tablePreview', { file })}
                  tabIndex={0}
                >
                  <table className={ui.table}>
                    <thead>
                      <tr>
                        {preview.header.map((name) => (
                          <th key={name} scope="col">
                            {name}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((row, index) => (
                        <tr key={index}>
                          {row.map((cell, column) => (
                            <td key={column}>{cell}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            );
          })}
        </section>
      )}
      <section aria-labelledby="log-title" className={ui.section}>
        <h2 id="log-title">{t('exports.log')}</h2>
        {recent && recent.length === 0 && <p>{t('exports.logEmpty')}</p>}
        <ul>
          {recent?.map((entry) => (
            <li key={entry.id}>
              {t('exports.logLine', {
                date: `${formatShiftDate(entry.at, language)} ${formatTime(entry.at)}`,
                file: entry.fileName,
                mode: entry.mode ? t(`exports.modes.${entry.mode}`) : '',
                operator: entry.operator || t('exports.logOperatorUnknown'),
              })}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'CityExportCancelled';
}
