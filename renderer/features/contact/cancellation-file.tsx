import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../db/repositories-context';
import type { ContactRepository } from '../../db/repositories/contact-repository';
import { CalendarFiles } from './calendar-files';

/*
 * Cancelling someone's sign-up from the roster leaves their calendar holding the shift if they were sent an
 * invitation. Planning's cancel dialog asks `cancellationFileDue` once the sign-up is cancelled and, when it is,
 * stays open on CancellationFileOffer: the same calendar file row as on the roster, for that one person.
 */

/** The person's calendar still holds the shift: an invitation was sent and its cancellation has not been. */
export async function cancellationFileDue(
  contact: Pick<ContactRepository, 'calendarForShift'>,
  shiftId: string,
  signUpId: string,
): Promise<boolean> {
  const row = (await contact.calendarForShift(shiftId)).find((candidate) => candidate.signUp.id === signUpId);
  return row?.method === 'CANCEL' && row.due;
}

/** The cancellation `.ics` of one cancelled sign-up, with where it stands (to send, then sent on …). */
export function CancellationFileOffer({
  shiftId,
  signUpId,
  name,
}: {
  shiftId: string;
  signUpId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const { contact } = useRepositories();
  const rows = useLiveQuery(() => contact.calendarForShift(shiftId), [contact, shiftId]);
  const row = rows?.find((candidate) => candidate.signUp.id === signUpId && candidate.method === 'CANCEL');
  if (!row) return null;
  return (
    <>
      <p>{t('contact.calendar.cancellationOffer', { name })}</p>
      <CalendarFiles rows={[row]} rowName="person" />
    </>
  );
}
