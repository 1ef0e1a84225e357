import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { presetPeriod, type ReportPeriodPreset } from '../../../shared/reports';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { DateField } from '../../components/date-field';
import { IncompleteGuard, useIncompleteGuard } from '../../components/incomplete-segments';
import { useLanguage } from '../../lib/use-language';
import { ReportView } from './report-view';
import { reportFormat } from './report-format';
import styles from './reports.module.css';
import { useReport } from './use-report';

type PeriodChoice = ReportPeriodPreset | 'custom';
const CHOICES: readonly PeriodChoice[] = ['last12Months', 'currentYear', 'previousYear', 'custom'];

/**
 * Reports (product.md, "Reports"): the figures a coordinator shows at a meeting, for a period that defaults to the
 * last twelve months (this month included), so a year's rhythm is visible whatever the date.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = reportFormat(language);
  const [today] = useState(() => parisLocalDate(Date.now()));
  const [choice, setChoice] = useState<PeriodChoice>('last12Months');
  const [custom, setCustom] = useState(() => presetPeriod('last12Months', today));
  const period = choice === 'custom' ? custom : presetPeriod(choice, today);
  // A date partly typed is no date: no figures until the period is whole again, and the screen says why.
  const guard = useIncompleteGuard();
  const incomplete = choice === 'custom' && guard.hasIncomplete;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  const ordered = valid && period.from <= period.to;
  const state = useReport(ordered ? period : null);

  return (
    <Page title={t('reports.title')}>
      <p className={styles.intro}>{t('reports.intro')}</p>
      {/* Bare: nothing here is refused, the figures just wait for a whole period. */}
      <IncompleteGuard guard={guard} bare>
        <div className={styles.period}>
          <SelectField
            label={t('reports.period.label')}
            options={CHOICES.map((id) => ({ id, label: t(`reports.period.presets.${id}`) }))}
            value={choice}
            onChange={(next) => {
              if (next === 'custom' && choice !== 'custom') setCustom(period);
              setChoice(next);
            }}
          />
          {choice === 'custom' && (
            <>
              <DateField
                label={t('reports.period.from')}
                value={custom.from}
                onChange={(from) => setCustom((current) => ({ ...current, from }))}
                errorMessage={ordered || incomplete ? undefined : t('reports.period.invalid')}
              />
              <DateField
                label={t('reports.period.to')}
                value={custom.to}
                onChange={(to) => setCustom((current) => ({ ...current, to }))}
              />
            </>
          )}
        </div>
      </IncompleteGuard>
      {incomplete && <StatusMessage tone="error">{t('reports.period.incomplete')}</StatusMessage>}
      {ordered && (
        <p className={styles.shown}>
          {t('reports.period.shown', { from: format.date(period.from), to: format.date(period.to) })}
        </p>
      )}
      {/* data-reports-status: a marker for the benchmark (loading → ready), not styling. */}
      <div data-reports-status={state.status}>
        {state.status === 'loading' && (
          <StatusMessage tone="info">{t('reports.loading', { records: format.integer(state.records) })}</StatusMessage>
        )}
        {state.status === 'failed' && (
          <StatusMessage tone="error">{t('reports.error', { message: state.message })}</StatusMessage>
        )}
        {state.status === 'ready' && <ReportView report={state.report} format={format} />}
      </div>
    </Page>
  );
}
