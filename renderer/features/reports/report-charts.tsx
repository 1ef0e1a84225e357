import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import styles from './reports.module.css';

/**
 * The charts, drawn by Recharts as SVG (crisp in print, no canvas, no inline <style> and no eval, so the strict
 * CSP holds). This module is only ever imported dynamically by the Reports screen, so Recharts stays out of the
 * start-up chunk. The charts are pictures for sighted readers: each sits in a role="img" wrapper labelled with the
 * text summary, and the same figures are in the table beside it (WCAG 1.1.1, 1.4.1).
 */

/** Series colours, each at least 3:1 against white (WCAG 1.4.11); the two series also differ in shape. */
export const SERIES_COLOURS = { primary: '#1f4e8c', secondary: '#9a3412' } as const;
const AXIS_TEXT = '#374151';
const GRID = '#d1d5db';

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
  readonly second?: number;
}

interface ChartProps {
  readonly points: readonly ChartPoint[];
  /** The text summary, read instead of the picture. */
  readonly summary: string;
  readonly valueName: string;
  readonly formatValue: (value: number) => string;
}

const tick = { fill: AXIS_TEXT, fontSize: 13 };
// Every month is labelled (a gap in the axis reads as a missing month); a little smaller so twelve fit.
const monthTick = { fill: AXIS_TEXT, fontSize: 12 };

/** Bars over time (months on the horizontal axis). */
export function ColumnChart({ points, summary, valueName, formatValue }: ChartProps) {
  return (
    <div role="img" aria-label={summary} className={styles.chart}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={monthTick} interval={0} />
          <YAxis tick={tick} tickFormatter={formatValue} width={64} />
          <Tooltip formatter={(value) => [formatValue(Number(value)), valueName]} isAnimationActive={false} />
          <Bar dataKey="value" name={valueName} fill={SERIES_COLOURS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal bars for named groups (categories, places), longest labels on the left axis. */
export function RankingChart({ points, summary, valueName, formatValue }: ChartProps) {
  const height = Math.max(120, points.length * 32 + 48);
  return (
    <div role="img" aria-label={summary} className={styles.chart}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={[...points]}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis type="number" tick={tick} tickFormatter={formatValue} />
          <YAxis type="category" dataKey="label" tick={tick} width={260} interval={0} />
          <Tooltip formatter={(value) => [formatValue(Number(value)), valueName]} isAnimationActive={false} />
          <Bar dataKey="value" name={valueName} fill={SERIES_COLOURS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Two series over time: bars for the first, a line with square markers for the second (not colour alone). */
export function ColumnAndLineChart({
  points,
  summary,
  valueName,
  secondName,
  formatValue,
}: ChartProps & { readonly secondName: string }) {
  return (
    <div role="img" aria-label={summary} className={styles.chart}>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="label" tick={monthTick} interval={0} />
          <YAxis tick={tick} tickFormatter={formatValue} width={64} />
          <Tooltip formatter={(value, name) => [formatValue(Number(value)), String(name)]} isAnimationActive={false} />
          <Legend wrapperStyle={{ color: AXIS_TEXT }} />
          <Bar dataKey="value" name={valueName} fill={SERIES_COLOURS.primary} isAnimationActive={false} />
          <Line
            dataKey="second"
            name={secondName}
            stroke={SERIES_COLOURS.secondary}
            strokeWidth={3}
            strokeDasharray="6 3"
            dot={{ r: 5, fill: SERIES_COLOURS.secondary, strokeWidth: 0 }}
            legendType="square"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
