import { useTranslation } from 'react-i18next';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function ExportsScreen() {
  const { t } = useTranslation();
  return <PlaceholderScreen title={t('nav.exports')} />;
}
