import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ui from '../../components/ui.module.css';

/** The way to the log of sensitive actions, from Settings and the other coordinator screens. */
export function AuditLogLink() {
  const { t } = useTranslation();
  return (
    <Link to="/audit" className={ui.secondaryLink}>
      {t('rights.audit.link')}
    </Link>
  );
}
