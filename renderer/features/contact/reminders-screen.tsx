import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { ReminderRow } from '../../db/repositories/contact-repository';
import { formatShiftDate, formatTime, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { ContactSection } from './contact-section';

const DEFAULT_WINDOW_HOURS = 48;

/**
 * Reminders (`/reminders`; issue #15): per shift starting within the window, the people not yet reminded or not yet
 * confirmed — the promoted ones still to confirm first and flagged — with the batches to send and a mark.
 */
export function RemindersScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { contact, desk } = useRepositories();
  const hours = settings?.reminderWindowHours ?? DEFAULT_WINDOW_HOURS;
  const rows = useLiveQuery(() => contact.remindersDue(desk.now(), hours), [contact, desk, hours]);
  const groups = new Map<string, ReminderRow[]>();
  for (const row of rows ?? []) groups.set(row.shift.id, [...(groups.get(row.shift.id) ?? []), row]);
  return (
    <Page title={t('contact.reminders.title')}>
      <p>{t('contact.reminders.intro', { hours })}</p>
      {rows && rows.length === 0 && <p>{t('contact.reminders.empty')}</p>}
      {[...groups.values()].map((group) => (
        <ShiftReminders key={group[0]!.shift.id} rows={group} />
      ))}
    </Page>
  );
}

function ShiftReminders({ rows }: { rows: ReminderRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { contact } = useRepositories();
  const [marked, setMarked] = useState<string | null>(null);
  const { shift, mission } = rows[0]!;
  const headingId = `reminders-${shift.id}`;
  return (
    <article aria-labelledby={`${headingId}-shift`} className={ui.section}>
      <h2 id={`${headingId}-shift`}>
        {t('contact.reminders.shiftHeading', {
          mission: mission?.title ?? '',
          date: formatShiftDate(shift.start, language),
          time: formatTimeRange(shift.start, shift.end),
        })}
      </h2>
      <table className={ui.table} aria-label={t('contact.reminders.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('contact.reminders.name')}</th>
            <th scope="col">{t('contact.reminders.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.signUp.id} data-to-confirm={row.signUp.toConfirm || undefined}>
              <td>
                {row.signUp.toConfirm ? (
                  <strong>{`${row.person.firstName} ${row.person.lastName}`}</strong>
                ) : (
                  `${row.person.firstName} ${row.person.lastName}`
                )}
              </td>
              <td>
                {row.signUp.toConfirm && <strong>{t('contact.reminders.toConfirm')}. </strong>}
                {row.reminded
                  ? t('contact.reminders.remindedOn', {
                      date: `${formatShiftDate(row.reminded.at, language)} ${formatTime(row.reminded.at)}`,
                      operator: row.reminded.operator,
                      desk: row.reminded.deskId,
                    })
                  : t('contact.reminders.notReminded')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ContactSection
        list="reminders"
        listId={shift.id}
        people={rows.map((row) => row.person)}
        shift={shift}
        mission={mission}
        headingId={`${headingId}-contact`}
      >
        <Button
          variant="secondary"
          onPress={async () => {
            await contact.markReminded(
              rows.map((row) => row.signUp),
              'email',
            );
            setMarked(t('contact.reminders.marked', { count: rows.length }));
          }}
        >
          {t('contact.reminders.mark', { count: rows.length })}
        </Button>
      </ContactSection>
      {marked && <StatusMessage tone="success">{marked}</StatusMessage>}
    </article>
  );
}
