import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Form } from '../../components/form';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';

/** A whole number of months between 1 and 240, as the settings schema allows; null otherwise. */
export function parseRetentionMonths(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const months = Number(trimmed);
  return months >= 1 && months <= 240 ? months : null;
}

/** The retention policy in Settings (product.md, "Settings"); applying it happens on the "Personal data" screen. */
export function RetentionSettingsSection() {
  const settings = useSettings();
  if (!settings) return null;
  // Drawn once from the settings loaded: the form then holds what is being typed.
  return <RetentionSettingsForm settings={settings} />;
}

function RetentionSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [months, setMonths] = useState(String(settings.retentionMonths));
  const [anonymise, setAnonymise] = useState(settings.retentionAnonymiseInactive);
  const [purge, setPurge] = useState(settings.retentionPurgeGuardian);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  async function save() {
    const parsed = parseRetentionMonths(months);
    setSaved(false);
    if (parsed === null) return setError(t('privacy.retention.monthsInvalid'));
    setError(undefined);
    // Re-read: another section of Settings may have saved since this form was drawn.
    const current = await repositories.settings.get();
    await repositories.settings.save({
      ...current,
      retentionMonths: parsed,
      retentionAnonymiseInactive: anonymise,
      retentionPurgeGuardian: purge,
    });
    setSaved(true);
  }

  return (
    <section aria-labelledby="retention-settings-title" className={ui.section}>
      <h2 id="retention-settings-title">{t('privacy.retention.settingsTitle')}</h2>
      <p>{t('privacy.retention.settingsIntro')}</p>
      <Form
        className={ui.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Checkbox isSelected={anonymise} onChange={setAnonymise}>
          {t('privacy.retention.anonymise')}
        </Checkbox>
        <TextField
          label={t('privacy.retention.months')}
          description={t('privacy.retention.monthsHelp')}
          inputMode="numeric"
          value={months}
          onChange={setMonths}
          errorMessage={error}
        />
        <Checkbox isSelected={purge} onChange={setPurge}>
          {t('privacy.retention.purgeGuardian')}
        </Checkbox>
        <p>{t('privacy.retention.purgeGuardianHelp')}</p>
        {saved && <StatusMessage tone="success">{t('privacy.retention.saved')}</StatusMessage>}
        <div className={ui.formActions}>
          <Button type="submit">{t('privacy.retention.save')}</Button>
        </div>
      </Form>
    </section>
  );
}
