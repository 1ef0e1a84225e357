import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ui from '../../components/ui.module.css';

/** "Accès aux données" on a volunteer's page: the person's data as a printable page and a JSON file. */
export function AccessRequestLink({ volunteerId, name }: { volunteerId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/volunteers/${volunteerId}/access`}
      className={ui.secondaryLink}
      aria-label={t('rights.access.actionFor', { name })}
    >
      {t('rights.access.action')}
    </Link>
  );
}
