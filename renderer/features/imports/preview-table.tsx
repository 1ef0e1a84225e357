import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { importMessage, type ImportPreview, type RowPreview } from '../../../shared/import';
import { SelectField } from '../../components/select-field';
import ui from '../../components/ui.module.css';
import { useLanguage } from '../../lib/use-language';
import { FixRowDialog } from './fix-row-dialog';
import styles from './imports.module.css';

export type Decision = 'skip' | 'merge' | 'create' | 'drop_fields' | 'leave_out';

/** A first guess of a row's height; each rendered row is measured (details and decisions wrap). */
const ESTIMATED_ROW_HEIGHT = 56;

/**
 * Every row of the file with its status, details and the user's decision, rendered only where it is in view (a
 * 50,000-row file stays responsive). It stays a real <table>: rows out of view become two spacer rows, and rows
 * carry aria-rowindex with aria-rowcount on the table, so a screen reader announces "row 12 of 50,001".
 */
export function PreviewTable({
  preview,
  decisions,
  fixAllCaps,
  onDecide,
  onFix,
}: {
  preview: ImportPreview;
  decisions: Record<number, Decision>;
  fixAllCaps: boolean;
  onDecide: (row: RowPreview, decision: Decision) => void;
  onFix: (row: RowPreview, column: number, text: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  // We use no React Compiler: the rule only warns that TanStack Virtual's API cannot be auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: preview.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 10,
    // jsdom and a first paint have no layout: render the first screenful rather than nothing.
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

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
    <div
      ref={scroller}
      className={styles.tableScroller}
      role="region"
      aria-label={t('imports.tableLabel')}
      tabIndex={0}
    >
      <table className={ui.table} aria-label={t('imports.tableLabel')} aria-rowcount={preview.rows.length + 1}>
        <thead className={styles.stickyHead}>
          <tr aria-rowindex={1}>
            <th scope="col">{t('imports.columns.line')}</th>
            <th scope="col">{t('imports.columns.person')}</th>
            <th scope="col">{t('imports.columns.status')}</th>
            <th scope="col">{t('imports.columns.details')}</th>
            <th scope="col">{t('imports.columns.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={5} className={styles.spacer} />
            </tr>
          )}
          {items.map((item) => {
            const row = preview.rows[item.index];
            if (!row) return null;
            const options = optionsFor(row);
            return (
              <tr
                key={row.index}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
              >
                <td>{row.line}</td>
                <th scope="row">{`${row.values.firstName} ${row.values.lastName}`.trim() || '—'}</th>
                <td>{t(`imports.status.${row.status}`)}</td>
                <td>{details(row).join(' · ')}</td>
                <td>
                  <div className={styles.decision}>
                    {options && (
                      <SelectField<Decision>
                        label={t('imports.decisionFor', { line: row.line })}
                        hideLabel
                        value={decisions[row.index] ?? options[0] ?? 'skip'}
                        onChange={(decision) => onDecide(row, decision)}
                        options={options.map((id) => ({ id, label: t(`imports.decisions.${id}`) }))}
                      />
                    )}
                    {row.errors.length > 0 && (
                      <FixRowDialog
                        row={row}
                        preview={preview}
                        fixAllCaps={fixAllCaps}
                        onFix={onFix}
                        onLeaveOut={(left) => onDecide(left, 'leave_out')}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={5} className={styles.spacer} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
