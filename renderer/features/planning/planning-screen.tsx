import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  addDaysToLocalDate,
  formatLocalDate,
  formatLocalTime,
  parseLocalDate,
  startOfWeekOfLocalDate,
} from '../../../shared/domain/local-date';
import {
  instantToParisWallTime,
  isoWeekOfLocalDate,
  parisDateAndTimeToInstant,
  parisLocalDate,
} from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { useShiftsBetween } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { formatShiftDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { CATEGORY_COLOURS } from './category-colours';
import styles from './planning.module.css';

const VIEWS = ['week', 'day', 'agenda'] as const;
type View = (typeof VIEWS)[number];
type PlanningShift = NonNullable<ReturnType<typeof useShiftsBetween>>[number];
/** A shift with its Paris start time, `14:30`. */
type DayShift = PlanningShift & { time: string };

/**
 * The shifts by Paris day, in start order, each with its start time: one time-zone conversion per shift (it was two,
 * the day and the time), once per answer of the query rather than on every render (issue #12: a city's week holds
 * 500 shifts).
 */
function groupByDay(shifts: readonly PlanningShift[] | undefined): Map<string, DayShift[]> {
  const byDay = new Map<string, DayShift[]>();
  for (const shift of [...(shifts ?? [])].sort((a, b) => a.start.localeCompare(b.start))) {
    const wall = instantToParisWallTime(shift.start);
    const day = formatLocalDate(wall);
    const entry = { ...shift, time: formatLocalTime({ hour: wall.hour, minute: wall.minute, second: 0 }) };
    const list = byDay.get(day);
    if (list) list.push(entry);
    else byDay.set(day, [entry]);
  }
  return byDay;
}

const NO_SHIFTS: DayShift[] = [];

/** Midnight in Paris at the start of a local date, as an instant (days are 23 or 25 hours at the DST changes). */
function startOf(date: string): string {
  const result = parisDateAndTimeToInstant(date, '00:00');
  // Midnight always exists in Paris (the changes happen at 02:00 and 03:00).
  return result.ok ? result.instant : `${date}T00:00:00.000Z`;
}

/**
 * The day shown and the view, kept in the address (`#/planning?date=2026-12-07&view=day`): back from a shift's roster
 * returns to the week that was open, and a week can be opened directly. Each step replaces the address rather than
 * adding to the history, so Back leaves the planning instead of stepping through the weeks. A missing or invalid
 * value falls back to today and the week view.
 */
function usePlanningAddress(today: string) {
  const [params, setParams] = useSearchParams();
  const date = params.get('date');
  const anchor = date !== null && parseLocalDate(date) ? date : today;
  const view = VIEWS.find((candidate) => candidate === params.get('view')) ?? 'week';
  const show = (next: { date?: string; view?: View }) => {
    const wanted = { date: next.date ?? anchor, view: next.view ?? view };
    const address = new URLSearchParams();
    if (wanted.date !== today) address.set('date', wanted.date);
    if (wanted.view !== 'week') address.set('view', wanted.view);
    setParams(address, { replace: true });
  };
  return { anchor, view, show };
}

/** Week (Monday first, ISO numbering), day and agenda views of the shifts, each linking to its roster. */
export function PlanningScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { desk } = useRepositories();
  const today = parisLocalDate(desk.now().toISOString());
  const { anchor, view, show } = usePlanningAddress(today);
  const first = view === 'day' ? anchor : startOfWeekOfLocalDate(anchor);
  const length = view === 'day' ? 1 : 7;
  const days = Array.from({ length }, (_unused, index) => addDaysToLocalDate(first, index));
  const shifts = useShiftsBetween(startOf(first), startOf(addDaysToLocalDate(first, length)));
  const { week } = isoWeekOfLocalDate(first);
  const step = view === 'day' ? 1 : 7;

  const byDay = useMemo(() => groupByDay(shifts), [shifts]);
  const label = (date: string) => formatShiftDate(startOf(date), language);

  return (
    <Page title={t('planning.title')}>
      <div className={styles.toolbar}>
        <Button variant="secondary" onPress={() => show({ date: addDaysToLocalDate(anchor, -step) })}>
          {view === 'day' ? t('planning.previousDay') : t('planning.previous')}
        </Button>
        <Button variant="secondary" onPress={() => show({ date: today })}>
          {t('planning.today')}
        </Button>
        <Button variant="secondary" onPress={() => show({ date: addDaysToLocalDate(anchor, step) })}>
          {view === 'day' ? t('planning.nextDay') : t('planning.next')}
        </Button>
        <SelectField<View>
          label={t('planning.view')}
          value={view}
          onChange={(next) => show({ view: next })}
          options={VIEWS.map((id) => ({ id, label: t(`planning.views.${id}`) }))}
        />
      </div>
      <h2 aria-live="polite">
        {view === 'day'
          ? label(first)
          : t('planning.week', { week, from: label(first), to: label(addDaysToLocalDate(first, 6)) })}
      </h2>
      <p>{t('planning.legend')}</p>
      {view === 'agenda' ? (
        (shifts?.length ?? 0) === 0 ? (
          <p>{t('planning.empty')}</p>
        ) : (
          days.map(
            (day) =>
              byDay.has(day) && (
                <section key={day} aria-label={label(day)}>
                  <h3 className={styles.dayTitle}>{label(day)}</h3>
                  <ShiftList shifts={byDay.get(day) ?? NO_SHIFTS} />
                </section>
              ),
          )
        )
      ) : (
        <div className={styles.week} style={{ gridTemplateColumns: `repeat(${length}, minmax(0, 1fr))` }}>
          {days.map((day) => (
            <section key={day} aria-label={label(day)} className={`${styles.day} ${day === today ? styles.today : ''}`}>
              <h3 className={styles.dayTitle}>{label(day)}</h3>
              <ShiftList shifts={byDay.get(day) ?? NO_SHIFTS} />
            </section>
          ))}
        </div>
      )}
    </Page>
  );
}

function ShiftList({ shifts }: { shifts: DayShift[] }) {
  const { t } = useTranslation();
  if (shifts.length === 0) return null;
  return (
    <ul className={styles.shiftList}>
      {shifts.map((shift) => {
        const fill = t('planning.fill', { confirmed: shift.fill.confirmed, capacity: shift.capacity });
        const colour = { '--category': CATEGORY_COLOURS[shift.mission?.category ?? 'AUTRE'] } as CSSProperties;
        return (
          <li key={shift.id}>
            <Link to={`/shifts/${shift.id}`} className={styles.shift} style={colour}>
              <span className={styles.shiftTime}>{shift.time}</span> {shift.mission?.title ?? ''}
              <span className={styles.shiftFill}>
                {fill}
                {shift.fill.isFull && <span className={styles.full}> · {t('planning.full')}</span>}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
