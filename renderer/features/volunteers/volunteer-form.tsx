import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, VOLUNTEER_STATUSES, type AgeBand } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { DateField } from '../../components/date-field';
import { TextField } from '../../components/text-field';
import type { NewVolunteer } from '../../db/repositories/volunteers-repository';
import { draftIsMinor, validateVolunteerDraft, type VolunteerDraft, type VolunteerErrors } from './validate-volunteer';
import ui from '../../components/ui.module.css';
import { Form } from '../../components/form';

type TextFieldName = Exclude<keyof VolunteerDraft, 'ageBand' | 'parentalAuthorisation' | 'status'>;

/**
 * A volunteer's profile (product.md, "Volunteers"). For a minor — from the date of birth or the age band given — the
 * parental authorisation and the guardian's contact appear; for an adult they are not asked (and not kept).
 * `beforeSave` may stop the save (e.g. to warn about a possible duplicate) by returning a message.
 */
export function VolunteerForm({
  initial,
  today,
  submitLabel,
  onSave,
  notice,
}: {
  initial: VolunteerDraft;
  today: string;
  submitLabel: string;
  onSave: (volunteer: NewVolunteer) => Promise<void>;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<VolunteerErrors>({});
  const set = <K extends keyof VolunteerDraft>(name: K, value: VolunteerDraft[K]) =>
    setDraft((previous) => ({ ...previous, [name]: value }));
  const field = (name: TextFieldName) => ({
    name,
    value: draft[name],
    onChange: (value: string) => set(name, value),
    errorMessage: errors[name] ? t(`validation.${errors[name]}`) : undefined,
  });
  const checked = validateVolunteerDraft(draft, today);
  const emailWarning = checked.ok && checked.warnings.email ? t('validation.emailNonAscii') : undefined;
  const minor = draftIsMinor(draft, today);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateVolunteerDraft(draft, today);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    await onSave(result.volunteer);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <Form onSubmit={submit} className={ui.form}>
      {errorCount > 0 && <StatusMessage tone="error">{t('common.fixErrors', { count: errorCount })}</StatusMessage>}
      <fieldset>
        <legend>{t('volunteers.sections.identity')}</legend>
        <div className={ui.columns}>
          <TextField label={t('volunteers.firstName')} autoComplete="off" {...field('firstName')} />
          <TextField label={t('volunteers.lastName')} autoComplete="off" {...field('lastName')} />
          <TextField
            label={t('volunteers.email')}
            type="email"
            autoComplete="off"
            warning={emailWarning}
            {...field('email')}
          />
          <TextField label={t('volunteers.phone')} type="tel" autoComplete="off" {...field('phone')} />
          <TextField label={t('volunteers.postcode')} inputMode="numeric" autoComplete="off" {...field('postcode')} />
          <SelectField
            label={t('volunteers.status')}
            value={draft.status}
            onChange={(status) => set('status', status)}
            options={VOLUNTEER_STATUSES.map((id) => ({ id, label: t(`volunteers.statuses.${id}`) }))}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('volunteers.sections.age')}</legend>
        <div className={ui.columns}>
          <DateField label={t('volunteers.birthDate')} {...field('birthDate')} />
          <SelectField<AgeBand | 'none'>
            label={t('volunteers.ageBand')}
            value={draft.ageBand || 'none'}
            onChange={(band) => set('ageBand', band === 'none' ? '' : band)}
            options={[
              { id: 'none' as const, label: t('volunteers.ageBands.none') },
              ...AGE_BANDS.map((id) => ({ id, label: t(`volunteers.ageBands.${id}`) })),
            ]}
          />
          {draft.ageBand && !draft.birthDate && (
            <DateField label={t('volunteers.ageBandGivenOn')} {...field('ageBandGivenOn')} />
          )}
        </div>
      </fieldset>
      {minor && (
        <fieldset>
          <legend>{t('volunteers.sections.guardian')}</legend>
          <StatusMessage tone="info">{t('volunteers.minorNotice')}</StatusMessage>
          <div className={ui.columns}>
            <SelectField
              label={t('volunteers.parentalAuthorisation')}
              value={draft.parentalAuthorisation || 'missing'}
              onChange={(value) => set('parentalAuthorisation', value)}
              options={(['missing', 'received'] as const).map((id) => ({
                id,
                label: t(`volunteers.authorisations.${id}`),
              }))}
            />
            <TextField label={t('volunteers.guardianName')} autoComplete="off" {...field('guardianName')} />
            <TextField
              label={t('volunteers.guardianPhone')}
              type="tel"
              autoComplete="off"
              {...field('guardianPhone')}
            />
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('volunteers.sections.profile')}</legend>
        <TextField label={t('volunteers.skills')} description={t('volunteers.skillsHelp')} {...field('skills')} />
        <TextField label={t('volunteers.languages')} {...field('languages')} />
        <TextAreaField
          label={t('volunteers.availability')}
          value={draft.availability}
          onChange={(value) => set('availability', value)}
        />
        <TextAreaField label={t('volunteers.notes')} value={draft.notes} onChange={(value) => set('notes', value)} />
      </fieldset>
      {notice}
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
