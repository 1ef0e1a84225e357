import { useTranslation } from 'react-i18next';
import { durationHundredths, formatHundredths, sumHundredths } from '../../../shared/domain/hours';
import { useVolunteerHistory } from '../../db/hooks';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import ui from '../../components/ui.module.css';

/**
 * The volunteer's agenda and history: shifts, attendance, hours and no-shows. Hours here are the planned durations
 * of shifts attended; the roster editor (sign-ups issue) refines them with check-in times.
 */
export function HistorySection({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useVolunteerHistory(volunteerId);
  if (!rows) return null;
  const present = rows.filter((row) => row.signUp.attendance === 'present');
  const noShows = rows.filter((row) => row.signUp.attendance === 'absent').length;
  const hours = sumHundredths(present.map((row) => durationHundredths(row.shift.start, row.shift.end)));

  return (
    <section aria-labelledby="history-title" className={ui.section}>
      <h2 id="history-title">{t('volunteers.sections.history')}</h2>
      {rows.length === 0 ? (
        <p>{t('volunteers.history.empty')}</p>
      ) : (
        <>
          <p>
            {t('volunteers.history.summary', {
              hours: formatHundredths(hours, language === 'fr' ? ',' : '.'),
              present: present.length,
              noShows,
            })}
          </p>
          <table className={ui.table} aria-label={t('volunteers.history.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.history.columns.date')}</th>
                <th scope="col">{t('volunteers.history.columns.mission')}</th>
                <th scope="col">{t('volunteers.history.columns.status')}</th>
                <th scope="col">{t('volunteers.history.columns.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ signUp, shift, mission }) => (
                <tr key={signUp.id}>
                  <th scope="row">
                    {formatShiftDate(shift.start, language)} · {formatTimeRange(shift.start, shift.end)}
                  </th>
                  <td>{mission?.title ?? ''}</td>
                  <td>{t(`volunteers.history.signUpStatuses.${signUp.status}`)}</td>
                  <td>{t(`volunteers.history.attendance.${signUp.attendance}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
