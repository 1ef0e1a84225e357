import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDaysToLocalDate, startOfWeekOfLocalDate } from '../../../shared/domain/local-date';
import { isoWeekOfLocalDate, parisDateAndTimeToInstant, parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { useShiftsBetween } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { CATEGORY_COLOURS } from './category-colours';
import styles from './planning.module.css';

type View = 'week' | 'day' | 'agenda';
type PlanningShift = NonNullable<ReturnType<typeof useShiftsBetween>>[number];

/** Midnight in Paris at the start of a local date, as an instant (days are 23 or 25 hours at the DST changes). */
function startOf(date: string): string {
  const result = parisDateAndTimeToInstant(date, '00:00');
  // Midnight always exists in Paris (the changes happen at 02:00 and 03:00).
  return result.ok ? result.instant : `${date}T00:00:00.000Z`;
}

/** Week (Monday first, ISO numbering), day and agenda views of the shifts, each linking to its roster. */
export function PlanningScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { desk } = useRepositories();
  const today = parisLocalDate(desk.now().toISOString());
  const [anchor, setAnchor] = useState(today);
  const [view, setView] = useState<View>('week');
  const first = view === 'day' ? anchor : startOfWeekOfLocalDate(anchor);
  const length = view === 'day' ? 1 : 7;
  const days = Array.from({ length }, (_unused, index) => addDaysToLocalDate(first, index));
  const shifts = useShiftsBetween(startOf(first), startOf(addDaysToLocalDate(first, length)));
  const { week } = isoWeekOfLocalDate(first);
  const step = view === 'day' ? 1 : 7;

  const byDay = new Map<string, PlanningShift[]>();
  for (const shift of [...(shifts ?? [])].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = parisLocalDate(shift.start);
    byDay.set(day, [...(byDay.get(day) ?? []), shift]);
  }
  const label = (date: string) => formatShiftDate(startOf(date), language);

  return (
    <Page title={t('planning.title')}>
      <div className={styles.toolbar}>
        <Button variant="secondary" onPress={() => setAnchor(addDaysToLocalDate(anchor, -step))}>
          {view === 'day' ? t('planning.previousDay') : t('planning.previous')}
        </Button>
        <Button variant="secondary" onPress={() => setAnchor(today)}>
          {t('planning.today')}
        </Button>
        <Button variant="secondary" onPress={() => setAnchor(addDaysToLocalDate(anchor, step))}>
          {view === 'day' ? t('planning.nextDay') : t('planning.next')}
        </Button>
        <SelectField<View>
          label={t('planning.view')}
          value={view}
          onChange={setView}
          options={(['week', 'day', 'agenda'] as const).map((id) => ({ id, label: t(`planning.views.${id}`) }))}
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
                  <ShiftList shifts={byDay.get(day) ?? []} />
                </section>
              ),
          )
        )
      ) : (
        <div className={styles.week} style={{ gridTemplateColumns: `repeat(${length}, minmax(0, 1fr))` }}>
          {days.map((day) => (
            <section key={day} aria-label={label(day)} className={`${styles.day} ${day === today ? styles.today : ''}`}>
              <h3 className={styles.dayTitle}>{label(day)}</h3>
              <ShiftList shifts={byDay.get(day) ?? []} />
            </section>
          ))}
        </div>
      )}
    </Page>
  );
}

function ShiftList({ shifts }: { shifts: PlanningShift[] }) {
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
              <span className={styles.shiftTime}>{formatTime(shift.start)}</span> {shift.mission?.title ?? ''}
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
