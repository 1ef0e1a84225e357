import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shiftCalendarMessage } from '../../../shared/messaging';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import type { CalendarRow } from '../../db/repositories/contact-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import styles from './contact.module.css';

/**
 * Per person and shift, the `.ics` their calendar needs (issue #15): the invitation; after the shift's time or the
 * mission's place changed, the update (a REQUEST with a higher SEQUENCE); once their sign-up or the shift is off, the
 * cancellation (METHOD:CANCEL). Each file saved is logged with its SEQUENCE, so the next one is always higher and the
 * list shows who still has an out-of-date event. The convocation sits beside the invitation.
 */
export function CalendarFiles({ rows, rowName }: { rows: readonly CalendarRow[]; rowName: 'person' | 'shift' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const { contact, desk, settings: settingsRepository } = useRepositories();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function save(row: CalendarRow) {
    // Read when pressed, not through a live query: the button can be pressed before such a query's first answer (the
    // cancel dialog shows this list the moment it opens), which said "no contact address" when there was one.
    const settings = await settingsRepository.get();
    if (!settings.contactEmail) {
      setNotice({ tone: 'error', text: t('contact.noContactEmail') });
      return;
    }
    const file = shiftCalendarMessage(
      { shift: row.shift, mission: row.mission, signUp: row.signUp },
      {
        generatedAt: desk.now().toISOString(),
        organizer: { name: settings.associationName, email: settings.contactEmail },
        attendee: { name: `${row.person.firstName} ${row.person.lastName}`.trim(), email: row.person.email },
        after: row.sent?.sequence,
      },
    );
    const suggestedName = `${file.method === 'CANCEL' ? 'annulation' : 'invitation'}-${row.person.ref}.ics`;
    const result = await desktop.save({
      suggestedName,
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
      data: new TextEncoder().encode(file.text),
    });
    if (result.status !== 'saved') return;
    await contact.recordCalendarFile(row.signUp, file);
    const fileName = result.fileName || suggestedName;
    setNotice({
      tone: 'success',
      text: t(file.method === 'CANCEL' ? 'contact.calendar.cancellationSaved' : 'contact.invitationSaved', {
        file: fileName,
      }),
    });
  }

  if (rows.length === 0) return <p>{t('contact.calendar.none')}</p>;
  return (
    <>
      <ul className={styles.calendarFiles}>
        {rows.map((row) => {
          const name = `${row.person.firstName} ${row.person.lastName}`.trim();
          const what =
            rowName === 'person'
              ? name
              : t('contact.calendar.shiftLabel', {
                  mission: row.mission.title,
                  date: formatShiftDate(row.shift.start, language),
                  time: formatTimeRange(row.shift.start, row.shift.end),
                });
          const action =
            row.method === 'CANCEL' ? 'cancellation' : row.due ? 'update' : row.sent ? 'again' : 'invitation';
          return (
            <li key={row.signUp.id} data-due={row.due || undefined}>
              <p>
                {row.due ? <strong>{what}</strong> : what}
                {' — '}
                <StateText row={row} />
              </p>
              <Button variant={row.due ? 'primary' : 'secondary'} onPress={() => save(row)}>
                {t(`contact.calendar.actions.${action}`, { name: what })}
              </Button>{' '}
              {row.method === 'REQUEST' && (
                <Link to={`/convocation/${row.signUp.id}`} className={ui.secondaryLink}>
                  {t(rowName === 'person' ? 'contact.convocation' : 'contact.calendar.convocationFor', { name: what })}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {notice && <StatusMessage tone={notice.tone}>{notice.text}</StatusMessage>}
    </>
  );
}

/** A shift's invitations and convocations, opened by itself when an update or a cancellation is due. */
export function ShiftCalendarFiles({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const { contact } = useRepositories();
  const rows = useLiveQuery(() => contact.calendarForShift(shiftId), [contact, shiftId]);
  if (!rows) return null;
  const due = rows.filter((row) => row.due).length;
  return (
    <details open={due > 0 || undefined}>
      <summary>
        {t('contact.invitations')}
        {due > 0 && ` — ${t('contact.calendar.due', { count: due })}`}
      </summary>
      <CalendarFiles rows={rows} rowName="person" />
    </details>
  );
}

/** Where the person's calendar stands: nothing sent yet, up to date, or an update or cancellation to send. */
function StateText({ row }: { row: CalendarRow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = row.sent ? `${formatShiftDate(row.sent.at, language)} ${formatTime(row.sent.at)}` : '';
  if (row.method === 'CANCEL') {
    if (row.due) return <strong>{t('contact.calendar.state.cancelDue', { date: when })}</strong>;
    return <>{row.sent ? t('contact.calendar.state.cancelSent', { date: when }) : t('contact.calendar.state.off')}</>;
  }
  if (row.due) return <strong>{t('contact.calendar.state.updateDue', { date: when })}</strong>;
  return <>{row.sent ? t('contact.calendar.state.sent', { date: when }) : t('contact.calendar.state.notSent')}</>;
}
