import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  COLUMN_TARGETS,
  importMessage,
  isImportFileError,
  mappingKey,
  proposeMapping,
  readCsvFile,
  rejectedRowsCsv,
  encodeCsvForSpreadsheets,
  type ColumnTarget,
  type ImportMapping,
  type ImportPlan,
  type ImportPreview,
  type ParsedCsv,
  type RowPreview,
  type RowResolution,
} from '../../../shared/import';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { useLanguage } from '../../lib/use-language';

const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const SHOWN_ROWS = 300;
type Decision = 'skip' | 'merge' | 'create' | 'drop_fields' | 'leave_out';

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
  const [file, setFile] = useState<{ name: string; parsed: ParsedCsv } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [fixAllCaps, setFixAllCaps] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [result, setResult] = useState<ImportPlan | null>(null);
  const [committed, setCommitted] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);

  async function chooseFile() {
    const opened = await desktop.open({
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
      maxBytes: MAX_IMPORT_BYTES,
    });
    if (opened.status !== 'opened') return;
    setPreview(null);
    setResult(null);
    try {
      const parsed = readCsvFile(opened.data);
      const key = mappingKey(parsed.header);
      setFile({ name: opened.fileName, parsed });
      setMapping((await imports.rememberedMapping(key)) ?? proposeMapping(parsed.header));
      setStatus(null);
    } catch (error) {
      setFile(null);
      const message = isImportFileError(error)
        ? error[language]
        : error instanceof Error
          ? error.message
          : String(error);
      setStatus({ tone: 'error', message: t('imports.refused', { message }) });
    }
  }

  async function analyse() {
    if (!file || !mapping) return;
    await imports.rememberMapping(mappingKey(file.parsed.header), mapping);
    setPreview(await imports.analyse(file.parsed, mapping, { fixAllCaps }));
    setDecisions({});
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
              rows: file.parsed.rows.length,
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
        <PreviewTable preview={preview} decisions={decisions} onDecide={setDecisions} onCommit={() => void commit()} />
      )}
    </Page>
  );
}

function PreviewTable({
  preview,
  decisions,
  onDecide,
  onCommit,
}: {
  preview: ImportPreview;
  decisions: Record<number, Decision>;
  onDecide: (next: Record<number, Decision>) => void;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = preview.rows.slice(0, SHOWN_ROWS);
  const details = (row: RowPreview) =>
    [
      ...row.errors.map((issue) => `${issue.text} — ${importMessage(issue.code, language)}`),
      ...row.warnings.map((issue) => `${issue.text} — ${importMessage(issue.code, language)}`),
      row.duplicateOf?.kind === 'existing' && row.duplicateOf.matches[0]
        ? t('imports.duplicateOf', {
            name: `${row.duplicateOf.matches[0].volunteer.firstName} ${row.duplicateOf.matches[0].volunteer.lastName}`.trim(),
          })
        : null,
    ].filter(Boolean);
  const optionsFor = (row: RowPreview): Decision[] | null =>
    row.status === 'duplicate_existing'
      ? ['skip', 'merge', 'create']
      : row.status === 'field_errors'
        ? ['drop_fields', 'leave_out']
        : null;
  return (
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
      {preview.rows.length > SHOWN_ROWS && (
        <p>{t('imports.shownRows', { shown: SHOWN_ROWS, count: preview.rows.length })}</p>
      )}
      <table className={ui.table} aria-label={t('imports.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('imports.columns.line')}</th>
            <th scope="col">{t('imports.columns.person')}</th>
            <th scope="col">{t('imports.columns.status')}</th>
            <th scope="col">{t('imports.columns.details')}</th>
            <th scope="col">{t('imports.columns.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const options = optionsFor(row);
            return (
              <tr key={row.index}>
                <td>{row.line}</td>
                <th scope="row">{`${row.values.firstName} ${row.values.lastName}`.trim() || '—'}</th>
                <td>{t(`imports.status.${row.status}`)}</td>
                <td>{details(row).join(' · ')}</td>
                <td>
                  {options && (
                    <SelectField<Decision>
                      label={t('imports.decisionFor', { line: row.line })}
                      hideLabel
                      value={decisions[row.index] ?? options[0] ?? 'skip'}
                      onChange={(decision) => onDecide({ ...decisions, [row.index]: decision })}
                      options={options.map((id) => ({ id, label: t(`imports.decisions.${id}`) }))}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button onPress={onCommit}>{t('imports.confirm')}</Button>
    </section>
  );
}
