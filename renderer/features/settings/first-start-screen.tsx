import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { Checkbox } from '../../components/checkbox';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useRepositories } from '../../db/repositories-context';
import { SettingsForm } from './settings-form';
import styles from './settings.module.css';

/** Shown until the association has introduced itself; offers demo data for a first look. */
export function FirstStartScreen() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [withDemoData, setWithDemoData] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);

  return (
    <main id="main" className={styles.firstStart}>
      <Page title={t('firstStart.title')}>
        <p className={styles.intro}>{t('firstStart.intro')}</p>
        <SettingsForm
          settings={DEFAULT_SETTINGS}
          submitLabel={t('firstStart.submit')}
          onSave={async (settings) => {
            if (withDemoData) {
              setLoadingDemo(true);
              await repositories.loadDemoData();
            }
            await repositories.settings.save({
              ...settings,
              firstStartCompletedAt: repositories.desk.now().toISOString(),
            });
          }}
        >
          <Checkbox isSelected={withDemoData} onChange={setWithDemoData}>
            {t('firstStart.demoData')}
          </Checkbox>
          {loadingDemo && <StatusMessage tone="info">{t('firstStart.demoLoading')}</StatusMessage>}
        </SettingsForm>
      </Page>
    </main>
  );
}
