import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { draftFromSettings, validateSettingsDraft, type SettingsDraft, type SettingsErrors } from './validate-settings';
import { Form } from '../../components/form';

/**
 * The association's identity and this desk's name and language. Used by the first start and by the Settings screen.
 * Errors are shown under each field and summed up in an alert (RGAA 11.10, 11.11).
 */
export function SettingsForm({
  settings,
  submitLabel,
  onSave,
  children,
}: {
  settings: Settings;
  submitLabel: string;
  onSave: (settings: Settings) => Promise<void>;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const field = (name: Exclude<keyof SettingsDraft, 'language'>) => ({
    name,
    value: draft[name],
    onChange: (value: string) => {
      setDraft((previous) => ({ ...previous, [name]: value }));
      setSaved(false);
    },
    errorMessage: errors[name] ? t(`validation.${errors[name]}`) : undefined,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateSettingsDraft(draft, settings);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSave(result.settings);
      setSaved(true);
    } finally {
      setBusy(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <Form onSubmit={submit}>
      {errorCount > 0 && <StatusMessage tone="error">{t('common.fixErrors', { count: errorCount })}</StatusMessage>}
      <fieldset>
        <legend>{t('settings.identity')}</legend>
        <TextField
          label={t('settings.associationName')}
          isRequired
          autoComplete="organization"
          {...field('associationName')}
        />
        <TextField label={t('settings.rna')} description={t('settings.rnaHelp')} {...field('rna')} />
        <TextField
          label={t('settings.siret')}
          description={t('settings.siretHelp')}
          inputMode="numeric"
          {...field('siret')}
        />
        <TextField label={t('settings.contactEmail')} type="email" autoComplete="email" {...field('contactEmail')} />
        <TextField label={t('settings.contactPhone')} type="tel" autoComplete="tel" {...field('contactPhone')} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.desk')}</legend>
        <TextField
          label={t('settings.deskName')}
          description={t('settings.deskNameHelp')}
          isRequired
          {...field('deskName')}
        />
        <SelectField<Language>
          label={t('settings.language')}
          name="language"
          value={draft.language}
          onChange={(language) => setDraft((previous) => ({ ...previous, language }))}
          options={[
            { id: 'fr', label: t('settings.languages.fr') },
            { id: 'en', label: t('settings.languages.en') },
          ]}
        />
      </fieldset>
      {children}
      <Button type="submit" isDisabled={busy}>
        {submitLabel}
      </Button>
      {saved && <StatusMessage tone="success">{t('common.saved')}</StatusMessage>}
    </Form>
  );
}
