import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { addDaysToLocalDate } from '../../../shared/domain/local-date';
import { parisDateAndTimeToInstant, parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Form } from '../../components/form';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRoster } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

interface Line {
  present: boolean;
  arrival: string;
  departure: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Re-entry of a paper sign-in sheet (`/desk/paper/:shiftId`): the ticks and the times written by hand, saved as
 * presences or absences from the paper (`liste_papier` in the export) with the written times as corrections.
 */
export function PaperEntryPage() {
  const { shiftId } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const roster = useRoster(shiftId);
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (roster === undefined) return null;
  if (roster === null) {
    return (
      <Page title={t('desk.paper.title')}>
        <StatusMessage tone="error">{t('desk.sheet.notFound')}</StatusMessage>
      </Page>
    );
  }
  const { shift, mission } = roster;
  const rows = roster.rows.filter((row) => row.signUp.status === 'signed_up' && row.volunteer);
  const lineOf = (id: string): Line => lines[id] ?? { present: false, arrival: '', departure: '' };
  const update = (id: string, patch: Partial<Line>) => setLines({ ...lines, [id]: { ...lineOf(id), ...patch } });
  const day = parisLocalDate(shift.start);

  function instant(time: string, after: string | null): string | null {
    if (!time) return null;
    // A departure written before the arrival is the next morning (a night shift).
    const date = after && time <= after ? addDaysToLocalDate(day, 1) : day;
    const result = parisDateAndTimeToInstant(date, time, { fold: 'earlier' });
    return result.ok ? result.instant : null;
  }

  async function save() {
    setNotice(null);
    for (const { signUp, volunteer } of rows) {
      const line = lineOf(signUp.id);
      const name = `${volunteer?.firstName ?? ''} ${volunteer?.lastName ?? ''}`.trim();
      if (line.present && [line.arrival, line.departure].some((time) => time !== '' && !TIME.test(time))) {
        setError(t('desk.paper.invalidTime', { name }));
        return;
      }
    }
    setError(null);
    let present = 0;
    for (const { signUp } of rows) {
      const line = lineOf(signUp.id);
      await repositories.checkins.recordPaper(signUp.id, {
        present: line.present,
        arrival: line.present ? instant(line.arrival, null) : null,
        departure: line.present ? instant(line.departure, line.arrival || null) : null,
      });
      if (line.present) present++;
    }
    setNotice(t('desk.paper.saved', { present, absent: rows.length - present }));
  }

  return (
    <Page
      title={`${t('desk.paper.title')} — ${mission?.title ?? ''} ${formatShiftDate(shift.start, language)} ${formatTimeRange(shift.start, shift.end)}`}
      actions={
        <Link to="/desk" className={ui.secondaryLink}>
          {t('desk.sheet.back')}
        </Link>
      }
    >
      <p>{t('desk.paper.intro')}</p>
      {error && <StatusMessage tone="error">{error}</StatusMessage>}
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <Form
        aria-label={t('desk.paper.tableLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <table className={ui.table} aria-label={t('desk.paper.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('desk.sheet.columns.name')}</th>
              <th scope="col">{t('desk.sheet.columns.tick')}</th>
              <th scope="col">{t('desk.sheet.columns.arrival')}</th>
              <th scope="col">{t('desk.sheet.columns.departure')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ signUp, volunteer }) => {
              const name = `${volunteer?.firstName ?? ''} ${volunteer?.lastName ?? ''}`.trim();
              const line = lineOf(signUp.id);
              return (
                <tr key={signUp.id}>
                  <th scope="row">{name}</th>
                  <td>
                    <Checkbox isSelected={line.present} onChange={(present) => update(signUp.id, { present })}>
                      <span className="visually-hidden">{t('desk.paper.present', { name })}</span>
                    </Checkbox>
                  </td>
                  <td>
                    <TextField
                      label={t('desk.paper.arrival', { name })}
                      value={line.arrival}
                      onChange={(arrival) => update(signUp.id, { arrival })}
                      isDisabled={!line.present}
                    />
                  </td>
                  <td>
                    <TextField
                      label={t('desk.paper.departure', { name })}
                      value={line.departure}
                      onChange={(departure) => update(signUp.id, { departure })}
                      isDisabled={!line.present}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className={ui.actions}>
          <Button type="submit">{t('desk.paper.save')}</Button>
        </div>
      </Form>
    </Page>
  );
}
