import { useTranslation } from 'react-i18next';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function MissionsScreen() {
  const { t } = useTranslation();
  return <PlaceholderScreen title={t('nav.missions')} />;
}
