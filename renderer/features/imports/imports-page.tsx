import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  COLUMN_TARGETS,
  isImportFileError,
  mappingKey,
  proposeMapping,
  rejectedRowsCsv,
  encodeCsvForSpreadsheets,
  type ColumnTarget,
  type ImportMapping,
  type ImportPlan,
  type ImportPreview,
  type RowPreview,
  type RowResolution,
} from '../../../shared/import';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { WorkProgress } from '../../components/work-progress';
import type { ImportFileSummary, ImportProgress, ImportSession } from '../../db/import-io';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { useLanguage } from '../../lib/use-language';
import { PreviewTable, type Decision } from './preview-table';

const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Import a sign-up list (product.md, "Import volunteers"): file → mapping (proposed from the headers, remembered per
 * header set) → preview of every row with its status and the user's decision → one transaction. Nothing is written
 * before "Import"; a failure writes nothing.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { imports } = useRepositories();
  const desktop = useDesktop();
  const [file, setFile] = useState<{ name: string; parsed: ImportFileSummary } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [fixAllCaps, setFixAllCaps] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [result, setResult] = useState<ImportPlan | null>(null);
  const [committed, setCommitted] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<{ tone: 'error' | 'success' | 'info'; message: string } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Reading and analysis run in a Worker that keeps the file between steps (mapping changes, fixed cells).
  const session = useRef<ImportSession | null>(null);
  const closeSession = () => {
    session.current?.cancel();
    session.current = null;
  };
  useEffect(() => closeSession, []);

  function cancel() {
    closeSession();
    setProgress(null);
    setFile(null);
    setPreview(null);
    setStatus({ tone: 'info', message: t('transfers.imports.cancelled') });
  }
  /** A failure of the Worker's work: a cancel says so itself; anything else is shown, and nothing was written. */
  function failed(error: unknown, key: 'imports.refused' | 'imports.failed') {
    setProgress(null);
    if (error instanceof Error && error.name === 'ImportCancelled') return;
    const message = isImportFileError(error) ? error[language] : error instanceof Error ? error.message : String(error);
    setStatus({ tone: 'error', message: t(key, { message }) });
  }

  async function chooseFile() {
    const opened = await desktop.open({
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
      maxBytes: MAX_IMPORT_BYTES,
    });
    if (opened.status !== 'opened') return;
    setPreview(null);
    setResult(null);
    setFile(null);
    closeSession();
    try {
      const started = await imports.start(opened.data, { onProgress: setProgress });
      session.current = started;
      const parsed = await started.file;
      const key = mappingKey(parsed.header);
      const remembered = await imports.rememberedMapping(key);
      if (session.current !== started) return;
      setFile({ name: opened.fileName, parsed });
      setMapping(remembered ?? proposeMapping(parsed.header));
      setProgress(null);
      setStatus(null);
    } catch (error) {
      setFile(null);
      failed(error, 'imports.refused');
    }
  }

  async function analyse() {
    const running = session.current;
    if (!file || !mapping || !running) return;
    await imports.rememberMapping(mappingKey(file.parsed.header), mapping);
    try {
      const next = await running.analyse({ mapping, today: imports.today(), fixAllCaps });
      setPreview(next);
      setDecisions({});
      setProgress(null);
    } catch (error) {
      failed(error, 'imports.failed');
    }
  }

  /** A fixed cell: the file is analysed again (statuses and duplicates may change); decisions are kept. */
  async function fix(row: RowPreview, column: number, text: string) {
    const running = session.current;
    if (!running) return;
    setStatus({ tone: 'info', message: t('transfers.imports.fix.rechecking') });
    try {
      const next = await running.fix(row.index, column, text);
      setPreview(next);
      setProgress(null);
      const fixed = next.rows[row.index];
      setStatus({
        tone: 'success',
        message: t('transfers.imports.fix.fixed', {
          line: row.line,
          status: fixed ? t(`imports.status.${fixed.status}`) : '',
        }),
      });
    } catch (error) {
      failed(error, 'imports.failed');
    }
  }

  async function commit() {
    if (!preview || !file) return;
    const resolutions: Record<number, RowResolution> = {};
    for (const [index, decision] of Object.entries(decisions)) {
      resolutions[Number(index)] =
        decision === 'drop_fields' || decision === 'leave_out'
          ? { fieldErrors: decision }
          : { duplicate: { action: decision } };
    }
    try {
      const plan = await imports.commit(preview, resolutions, file.name);
      setResult(plan);
      setPreview(null);
      setCommitted(preview);
      closeSession();
      setStatus({
        tone: 'success',
        message: t('imports.committed', {
          created: plan.summary.created,
          merged: plan.summary.merged,
          skipped: plan.summary.skipped,
        }),
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        message: t('imports.failed', { message: error instanceof Error ? error.message : String(error) }),
      });
    }
  }

  async function downloadRejected() {
    if (!result || !committed || !file) return;
    const data = new Uint8Array(encodeCsvForSpreadsheets(rejectedRowsCsv(committed, result)));
    await desktop.save({
      suggestedName: `lignes-non-importees_${file.name}`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data,
    });
  }

  return (
    <Page
      title={t('imports.title')}
      actions={
        <Link to="/volunteers" className={ui.secondaryLink}>
          {t('volunteers.backToList')}
        </Link>
      }
    >
      <p>{t('imports.intro')}</p>
      <Button onPress={() => void chooseFile()}>{t('imports.choose')}</Button>
      {progress && (
        <WorkProgress
          label={t('transfers.imports.progressLabel')}
          text={
            progress.phase === 'read'
              ? t('transfers.imports.reading', { rows: progress.done })
              : t('transfers.imports.analysing', { done: progress.done, total: progress.total ?? '…' })
          }
          fraction={progress.fraction}
          onCancel={cancel}
        />
      )}
      {status && <StatusMessage tone={status.tone}>{status.message}</StatusMessage>}
      {result && result.rejectedRows.length > 0 && (
        <Button variant="secondary" onPress={() => void downloadRejected()}>
          {t('imports.rejected')}
        </Button>
      )}
      {file && mapping && !result && (
        <section aria-labelledby="mapping-title" className={ui.section}>
          <p>
            {t('imports.file', {
              file: file.name,
              rows: file.parsed.rowCount,
              delimiter: file.parsed.delimiter === '\t' ? 'TAB' : file.parsed.delimiter,
              encoding: file.parsed.encoding,
            })}
          </p>
          {file.parsed.fellBackToWindows1252 && <StatusMessage tone="warning">{t('imports.fallback')}</StatusMessage>}
          <h2 id="mapping-title">{t('imports.mapping')}</h2>
          <p>{t('imports.mappingHelp')}</p>
          <div className={ui.columns}>
            {file.parsed.header.map((header, index) => (
              <SelectField<ColumnTarget>
                key={`${index}-${header}`}
                label={t('imports.column', { header })}
                value={mapping.columns[index] ?? 'ignore'}
                onChange={(target) => {
                  const columns = [...mapping.columns];
                  columns[index] = target;
                  setMapping({ columns });
                  setPreview(null);
                }}
                options={COLUMN_TARGETS.map((id) => ({ id, label: t(`imports.targets.${id}`) }))}
              />
            ))}
          </div>
          <Checkbox isSelected={fixAllCaps} onChange={setFixAllCaps}>
            {t('imports.fixAllCaps')}
          </Checkbox>
          <Button variant="secondary" onPress={() => void analyse()}>
            {t('imports.analyse')}
          </Button>
        </section>
      )}
      {preview && (
        <section aria-labelledby="preview-title" className={ui.section}>
          <h2 id="preview-title">{t('imports.preview')}</h2>
          <p role="status">
            {t('imports.counts', {
              new: preview.counts.new,
              duplicates: preview.counts.duplicate_existing,
              inFile: preview.counts.duplicate_in_file,
              fieldErrors: preview.counts.field_errors,
              errors: preview.counts.error,
            })}
          </p>
          <PreviewTable
            preview={preview}
            decisions={decisions}
            fixAllCaps={fixAllCaps}
            onDecide={(row, decision) => setDecisions((current) => ({ ...current, [row.index]: decision }))}
            onFix={fix}
          />
          <Button onPress={() => void commit()}>{t('imports.confirm')}</Button>
        </section>
      )}
    </Page>
  );
}
