import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ui from '../../components/ui.module.css';
import type { Mission, Shift } from '../../../shared/domain/model';
import { useRepositories } from '../../db/repositories-context';
import { ContactSection } from './contact-section';

/** "Contacter" on a shift's roster: the people coming (the waiting list is not told it has a place). */
export function ShiftContactSection({ shift, mission }: { shift: Shift; mission: Mission | undefined }) {
  const { t } = useTranslation();
  const { contact } = useRepositories();
  const people = useLiveQuery(() => contact.forShift(shift.id), [contact, shift.id]);
  if (!people) return null;
  return (
    <ContactSection list="shift" listId={shift.id} people={people} shift={shift} mission={mission}>
      <p>
        <Link to="/reminders" className={ui.secondaryLink}>
          {t('contact.reminders.link')}
        </Link>
      </p>
    </ContactSection>
  );
}

/** "Contacter" on a mission's page: everyone coming to any of its shifts, once each. */
export function MissionContactSection({ missionId }: { missionId: string }) {
  const { contact } = useRepositories();
  const people = useLiveQuery(() => contact.forMission(missionId), [contact, missionId]);
  if (!people) return null;
  return <ContactSection list="mission" listId={missionId} people={people} />;
}
