import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain/model';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { encodeCsvForSpreadsheets } from '../../../shared/import/csv-write';
import {
  AUDIT_CATEGORIES,
  auditCategory,
  auditCsv,
  auditFacets,
  COORDINATION_OPERATOR,
  EMPTY_AUDIT_FILTER,
  filterAuditEntries,
  operatorOf,
  type AuditFilter,
} from '../../../shared/rights/audit-log';
import { Button } from '../../components/button';
import { DateField } from '../../components/date-field';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import styles from './audit.module.css';
import { useAuditEntries } from './rights-hooks';

const ROW_HEIGHT = 48;
const ANY = '*';

/**
 * The log of sensitive actions (`/audit`; product.md, "Privacy"): filtered by kind of action, period, operator and
 * desk, in a virtualised list (a desk's log grows with every export and override), exportable as CSV with the city
 * export's protection against formula injection. The CSV export is itself an audited export.
 */
export function AuditLogScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const repositories = useRepositories();
  const settings = useSettings();
  const entries = useAuditEntries();
  const [category, setCategory] = useState<AuditFilter['category']>(EMPTY_AUDIT_FILTER.category);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [operator, setOperator] = useState(ANY);
  const [deskId, setDeskId] = useState(ANY);
  const [saved, setSaved] = useState<string | null>(null);

  const filter: AuditFilter = {
    category,
    // The date fields give a whole date or ''; a partly typed one says it is incomplete once left.
    from: from || null,
    to: to || null,
    operator: operator === ANY ? null : operator,
    deskId: deskId === ANY ? null : deskId,
  };
  const filterKey = JSON.stringify(filter);
  const shown = useMemo(
    () => (entries ? filterAuditEntries(entries, filter, parisLocalDate) : []),
    // The filter object is rebuilt each render; its JSON is the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, filterKey],
  );
  const facets = useMemo(() => auditFacets(entries ?? []), [entries]);

  const operatorLabel = (name: string) => (name === COORDINATION_OPERATOR ? t('rights.audit.coordination') : name);
  const deskLabel = (id: string) =>
    id === repositories.desk.deskId && settings?.deskName
      ? t('rights.audit.thisDesk', { name: settings.deskName })
      : t('rights.audit.otherDesk', { id: id.slice(0, 8) });

  async function exportCsv() {
    const text = auditCsv(shown, {
      headers: [
        t('rights.audit.csvHeaders.at'),
        t('rights.audit.csvHeaders.desk'),
        t('rights.audit.csvHeaders.deskId'),
        t('rights.audit.csvHeaders.operator'),
        t('rights.audit.csvHeaders.category'),
        t('rights.audit.csvHeaders.action'),
        t('rights.audit.csvHeaders.subject'),
        t('rights.audit.csvHeaders.details'),
      ],
      category: (kind) => t(`rights.audit.categories.${kind}`),
      operator: operatorLabel,
      desk: deskLabel,
    });
    const suggestedName = `journal-actions-${parisLocalDate(repositories.desk.now().toISOString())}.csv`;
    const result = await desktop.save({
      suggestedName,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: new Uint8Array(encodeCsvForSpreadsheets(text)),
    });
    if (result.status !== 'saved') return;
    // The log names operators and people's ids: taking it out of the app is itself an export worth recording.
    await repositories.audit.recordLogExport(result.fileName || suggestedName, shown.length);
    setSaved(result.fileName || suggestedName);
  }

  return (
    <Page title={t('rights.audit.title')}>
      <p>{t('rights.audit.intro')}</p>
      <div role="group" aria-label={t('rights.audit.filters')} className={styles.filters}>
        <SelectField
          label={t('rights.audit.category')}
          value={category}
          onChange={setCategory}
          options={(['sensitive', 'all', ...AUDIT_CATEGORIES] as const).map((id) => ({
            id,
            label: t(`rights.audit.categories.${id}`),
          }))}
        />
        <DateField label={t('rights.audit.from')} value={from} onChange={setFrom} />
        <DateField label={t('rights.audit.to')} value={to} onChange={setTo} />
        <SelectField
          label={t('rights.audit.operator')}
          value={operator}
          onChange={setOperator}
          options={[
            { id: ANY, label: t('rights.audit.anyOperator') },
            ...facets.operators.map((name) => ({ id: name, label: operatorLabel(name) })),
          ]}
        />
        <SelectField
          label={t('rights.audit.desk')}
          value={deskId}
          onChange={setDeskId}
          options={[
            { id: ANY, label: t('rights.audit.anyDesk') },
            ...facets.deskIds.map((id) => ({ id, label: deskLabel(id) })),
          ]}
        />
      </div>
      <div className={styles.toolbar}>
        <p role="status" data-audit-count={shown.length}>
          {t('rights.audit.count', { count: shown.length })}
        </p>
        <Button variant="secondary" isDisabled={shown.length === 0} onPress={() => void exportCsv()}>
          {t('rights.audit.exportCsv')}
        </Button>
      </div>
      {saved && <StatusMessage tone="success">{t('rights.audit.exported', { file: saved })}</StatusMessage>}
      {entries !== undefined && shown.length === 0 ? (
        <p>{t('rights.audit.empty')}</p>
      ) : (
        <AuditList
          entries={shown}
          describe={(entry) => ({
            when: `${formatShiftDate(entry.at, language)} ${formatTime(entry.at)}`,
            kind: t(`rights.audit.categories.${auditCategory(entry.action)}`),
            operator: operatorLabel(operatorOf(entry)),
            desk: deskLabel(entry.deskId),
          })}
        />
      )}
    </Page>
  );
}

interface RowText {
  when: string;
  kind: string;
  operator: string;
  desk: string;
}

/** Only the visible rows are in the DOM; each says its place in the list (ARIA 1.2 aria-setsize/aria-posinset). */
function AuditList({ entries, describe }: { entries: AuditEntry[]; describe: (entry: AuditEntry) => RowText }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height: 600 },
  });
  return (
    // Focusable so that keyboard users can scroll a list whose rows hold no link (WCAG 2.1.1).
    <div ref={scroller} className={styles.scroller} role="region" aria-label={t('rights.audit.listLabel')} tabIndex={0}>
      <ul className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          const text = describe(entry);
          return (
            <li
              key={entry.id}
              className={styles.row}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              data-audit-action={entry.action}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <span>{text.when}</span>
              <span>{text.kind}</span>
              <span className={styles.code}>{entry.action}</span>
              <span>{text.operator}</span>
              <span>{text.desk}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
