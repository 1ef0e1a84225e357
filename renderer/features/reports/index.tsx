import { useTranslation } from 'react-i18next';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function ReportsScreen() {
  const { t } = useTranslation();
  return <PlaceholderScreen title={t('nav.reports')} />;
}
