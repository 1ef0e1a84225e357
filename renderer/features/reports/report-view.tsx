import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissionCategory } from '../../../shared/domain/categories';
import type { Report, ReportFigures, ReportRow } from '../../../shared/reports';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { placeLabel, type ReportFormat } from './report-format';
import styles from './reports.module.css';

// Recharts is loaded only when a report is shown (its own chunk), never at start-up.
const ColumnChart = lazy(() => import('./report-charts').then((module) => ({ default: module.ColumnChart })));
const RankingChart = lazy(() => import('./report-charts').then((module) => ({ default: module.RankingChart })));
const ColumnAndLineChart = lazy(() =>
  import('./report-charts').then((module) => ({ default: module.ColumnAndLineChart })),
);

interface LabelledRow {
  readonly label: string;
  readonly row: ReportRow;
}

export function ReportView({ report, format }: { report: Report; format: ReportFormat }) {
  const { t } = useTranslation();
  const months: LabelledRow[] = report.byMonth.map((row) => ({ label: format.monthLong(row.key), row }));
  const categories: LabelledRow[] = report.byCategory.map((row) => ({
    label: t(`categories.${row.key as MissionCategory}`),
    row,
  }));
  const places: LabelledRow[] = report.byArrondissement.map((row) => ({ label: placeLabel(row.key, t), row }));
  const { totals } = report;
  const rate = totals.noShowRate === null ? t('reports.totals.noRate') : format.percent(totals.noShowRate);

  if (totals.shifts === 0) return <StatusMessage tone="info">{t('reports.empty')}</StatusMessage>;

  const busiest = top(report.byMonth);
  const firstCategory = top(report.byCategory);
  const firstPlace = top(report.byArrondissement);
  const share = (row: ReportRow) => format.percent(totals.hours === 0 ? 0 : row.hours / totals.hours);

  return (
    <div className={styles.report}>
      <Totals report={report} format={format} rate={rate} />
      <ChartSection
        title={t('reports.charts.hoursByMonth.title')}
        summary={
          busiest && totals.hours > 0
            ? t('reports.charts.hoursByMonth.summary', {
                total: format.hundredths(totals.hours),
                from: format.date(report.from),
                to: format.date(report.to),
                best: format.monthLong(busiest.key),
                bestHours: format.hundredths(busiest.hours),
              })
            : t('reports.charts.noHours')
        }
        chart={(summary) => (
          <ColumnChart
            summary={summary}
            points={report.byMonth.map((row) => ({ label: format.monthShort(row.key), value: row.hours / 100 }))}
            valueName={t('reports.columns.hours')}
            formatValue={(value) => format.hundredths(Math.round(value * 100))}
          />
        )}
        table={
          <FiguresTable
            caption={t('reports.charts.hoursByMonth.title')}
            keyHeader={t('reports.columns.month')}
            rows={months}
            format={format}
          />
        }
      />
      <ChartSection
        title={t('reports.charts.attendanceByMonth.title')}
        summary={t('reports.charts.attendanceByMonth.summary', {
          presences: format.integer(totals.presences),
          volunteers: format.integer(totals.distinctVolunteers),
          newcomers: format.integer(totals.newVolunteers),
          rate,
        })}
        chart={(summary) => (
          <ColumnAndLineChart
            summary={summary}
            points={report.byMonth.map((row) => ({
              label: format.monthShort(row.key),
              value: row.presences,
              second: row.distinctVolunteers,
            }))}
            valueName={t('reports.columns.presences')}
            secondName={t('reports.columns.distinctVolunteers')}
            formatValue={format.integer}
          />
        )}
        table={
          <FiguresTable
            caption={t('reports.charts.attendanceByMonth.title')}
            keyHeader={t('reports.columns.month')}
            rows={months}
            format={format}
          />
        }
      />
      <ChartSection
        title={t('reports.charts.hoursByCategory.title')}
        summary={
          firstCategory && totals.hours > 0
            ? t('reports.charts.hoursByCategory.summary', {
                count: report.byCategory.length,
                best: t(`categories.${firstCategory.key as MissionCategory}`),
                bestHours: format.hundredths(firstCategory.hours),
                share: share(firstCategory),
              })
            : t('reports.charts.noHours')
        }
        chart={(summary) => (
          <RankingChart
            summary={summary}
            points={categories.map(({ label, row }) => ({ label, value: row.hours / 100 }))}
            valueName={t('reports.columns.hours')}
            formatValue={(value) => format.hundredths(Math.round(value * 100))}
          />
        )}
        table={
          <FiguresTable
            caption={t('reports.charts.hoursByCategory.title')}
            keyHeader={t('reports.columns.category')}
            rows={categories}
            format={format}
          />
        }
      />
      <ChartSection
        title={t('reports.charts.hoursByArrondissement.title')}
        summary={
          firstPlace && totals.hours > 0
            ? t('reports.charts.hoursByArrondissement.summary', {
                count: report.byArrondissement.length,
                best: placeLabel(firstPlace.key, t),
                bestHours: format.hundredths(firstPlace.hours),
                share: share(firstPlace),
              })
            : t('reports.charts.noHours')
        }
        chart={(summary) => (
          <RankingChart
            summary={summary}
            points={places.map(({ label, row }) => ({ label, value: row.hours / 100 }))}
            valueName={t('reports.columns.hours')}
            formatValue={(value) => format.hundredths(Math.round(value * 100))}
          />
        )}
        table={
          <FiguresTable
            caption={t('reports.charts.hoursByArrondissement.title')}
            keyHeader={t('reports.columns.place')}
            rows={places}
            format={format}
          />
        }
      />
      <Impact report={report} format={format} />
    </div>
  );
}

/** The row with the most hours (the first of equals), or null when there is none. */
function top(rows: readonly ReportRow[]): ReportRow | null {
  let best: ReportRow | null = null;
  for (const row of rows) if (!best || row.hours > best.hours) best = row;
  return best;
}

function Totals({ report, format, rate }: { report: Report; format: ReportFormat; rate: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { totals } = report;
  const tiles: { label: string; value: string; detail?: string }[] = [
    { label: t('reports.totals.hours'), value: t('reports.hours', { value: format.hundredths(totals.hours) }) },
    { label: t('reports.totals.participations'), value: format.integer(totals.participations) },
    { label: t('reports.totals.presences'), value: format.integer(totals.presences) },
    { label: t('reports.totals.distinctVolunteers'), value: format.integer(totals.distinctVolunteers) },
    { label: t('reports.totals.newVolunteers'), value: format.integer(totals.newVolunteers) },
    {
      label: t('reports.totals.noShowRate'),
      value: rate,
      detail: t('reports.totals.noShowDetail', {
        absences: format.integer(totals.absences),
        marked: format.integer(totals.absences + totals.presences),
      }),
    },
    { label: t('reports.totals.shifts'), value: format.integer(totals.shifts) },
    { label: t('reports.totals.doneMissions'), value: format.integer(totals.doneMissions) },
  ];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('reports.totals.title')}</h2>
      <Tiles tiles={tiles} />
    </section>
  );
}

function Impact({ report, format }: { report: Report; format: ReportFormat }) {
  const { t } = useTranslation();
  const id = useId();
  const { impact } = report;
  const or = (value: number | null, text: (value: number) => string) =>
    value === null ? t('reports.impact.notRecorded') : text(value);
  const tiles = [
    {
      label: t('reports.impact.kgWaste'),
      value: or(impact.kgWaste, (v) => t('reports.impact.kg', { value: format.hundredths(v) })),
    },
    {
      label: t('reports.impact.m2Greened'),
      value: or(impact.m2Greened, (v) => t('reports.impact.m2', { value: format.hundredths(v) })),
    },
    { label: t('reports.impact.peopleReached'), value: or(impact.peopleReached, format.integer) },
    { label: t('reports.impact.objectsRepaired'), value: or(impact.objectsRepaired, format.integer) },
    { label: t('reports.impact.peopleContacted'), value: or(impact.peopleContacted, format.integer) },
  ];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('reports.impact.title')}</h2>
      <p className={styles.note}>{t('reports.impact.note')}</p>
      <Tiles tiles={tiles} />
    </section>
  );
}

function Tiles({ tiles }: { tiles: readonly { label: string; value: string; detail?: string }[] }) {
  return (
    <dl className={styles.tiles}>
      {tiles.map((tile) => (
        <div key={tile.label} className={styles.tile}>
          <dt>{tile.label}</dt>
          <dd className={styles.value}>{tile.value}</dd>
          {tile.detail && <dd className={styles.detail}>{tile.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** A chart with its heading, its text summary (read by everyone, and the chart's accessible name) and its table. */
function ChartSection({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: (summary: string) => ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.chartSection}>
      <h2 id={id}>{title}</h2>
      <p>{summary}</p>
      <Suspense fallback={<p>{t('reports.charts.loading')}</p>}>{chart(summary)}</Suspense>
      <details className={styles.tableView}>
        <summary>{t('reports.charts.table')}</summary>
        <div className={styles.scroll}>{table}</div>
      </details>
    </section>
  );
}

function FiguresTable({
  caption,
  keyHeader,
  rows,
  format,
}: {
  caption: string;
  keyHeader: string;
  rows: readonly LabelledRow[];
  format: ReportFormat;
}) {
  const { t } = useTranslation();
  const columns: { header: string; cell: (row: ReportFigures) => string }[] = [
    { header: t('reports.columns.hours'), cell: (row) => format.hundredths(row.hours) },
    { header: t('reports.columns.participations'), cell: (row) => format.integer(row.participations) },
    { header: t('reports.columns.presences'), cell: (row) => format.integer(row.presences) },
    { header: t('reports.columns.distinctVolunteers'), cell: (row) => format.integer(row.distinctVolunteers) },
    { header: t('reports.columns.newVolunteers'), cell: (row) => format.integer(row.newVolunteers) },
    {
      header: t('reports.columns.noShowRate'),
      cell: (row) => (row.noShowRate === null ? t('reports.noValue') : format.percent(row.noShowRate)),
    },
  ];
  return (
    <table className={ui.table}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={styles.number}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, row }) => (
          <tr key={row.key}>
            <th scope="row">{label}</th>
            {columns.map((column) => (
              <td key={column.header} className={styles.number}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
