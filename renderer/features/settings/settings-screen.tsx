import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AutomaticBackupsSection, BackupsSection, MergeSection } from '../backups';
import { PinSettingsSection } from '../desk';
import { RetentionSettingsSection } from '../privacy';
import { MessageTemplatesSection } from '../contact';
import { AuditLogLink } from '../rights';
import { SyncSection } from '../sync';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { SettingsForm } from './settings-form';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const repositories = useRepositories();
  return (
    <Page title={t('settings.title')}>
      {settings && (
        <SettingsForm
          settings={settings}
          submitLabel={t('common.save')}
          onSave={async (next) => {
            await repositories.settings.save(next);
          }}
        />
      )}
      <p>{t('settings.deskId', { id: repositories.desk.deskId })}</p>
      <p>
        <AuditLogLink />
      </p>
      <PinSettingsSection />
      <RetentionSettingsSection />
      <MessageTemplatesSection />
      <BackupsSection />
      <AutomaticBackupsSection />
      <MergeSection />
      <SyncSection />
    </Page>
  );
}
