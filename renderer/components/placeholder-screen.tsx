import { useTranslation } from 'react-i18next';
import { Page } from './page';

/** A screen whose issue has not landed yet: a real page (title, landmark) so navigation and tests work today. */
export function PlaceholderScreen({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <p>{t('placeholder.comingSoon')}</p>
    </Page>
  );
}
