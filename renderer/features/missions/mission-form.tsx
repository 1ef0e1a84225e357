import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MISSION_CATEGORIES } from '../../../shared/domain/categories';
import { AUDIENCES, CANCELLATION_REASONS, MISSION_STATUSES } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import type { MissionFields } from '../../db/repositories/missions-repository';
import { impactFigureOf, validateMissionDraft, type MissionDraft, type MissionErrors } from './validate-mission';
import ui from '../../components/ui.module.css';
import { Form } from '../../components/form';

/** Every field of a mission (product.md, "Missions and shifts"), in sections a coordinator recognises. */
export function MissionForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: MissionDraft;
  submitLabel: string;
  onSave: (fields: MissionFields) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<MissionErrors>({});
  const set = <K extends keyof MissionDraft>(name: K, value: MissionDraft[K]) =>
    setDraft((previous) => ({ ...previous, [name]: value }));
  const text = (
    name:
      | 'title'
      | 'partner'
      | 'placeName'
      | 'address'
      | 'postcode'
      | 'insee'
      | 'minimumAge'
      | 'referentName'
      | 'referentPhone',
  ) => ({
    name,
    value: draft[name],
    onChange: (value: string) => set(name, value),
    errorMessage: errors[name] ? t(errors[name]) : undefined,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateMissionDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    await onSave(result.fields);
  }

  const figure = impactFigureOf(draft.category);
  const errorCount = Object.keys(errors).length;
  return (
    <Form onSubmit={submit} className={ui.form}>
      {errorCount > 0 && <StatusMessage tone="error">{t('common.fixErrors', { count: errorCount })}</StatusMessage>}
      <fieldset>
        <legend>{t('missions.form.general')}</legend>
        <TextField label={t('missions.form.title')} isRequired {...text('title')} />
        <SelectField
          label={t('missions.form.category')}
          value={draft.category}
          onChange={(category) => set('category', category)}
          options={MISSION_CATEGORIES.map((id) => ({ id, label: t(`categories.${id}`) }))}
        />
        <TextAreaField
          label={t('missions.form.description')}
          value={draft.description}
          onChange={(value) => set('description', value)}
        />
        <TextField label={t('missions.form.partner')} {...text('partner')} />
      </fieldset>
      <fieldset>
        <legend>{t('missions.form.place')}</legend>
        <Checkbox isSelected={draft.online} onChange={(online) => set('online', online)}>
          {t('missions.form.online')}
        </Checkbox>
        <TextField label={t('missions.form.placeName')} {...text('placeName')} />
        <Checkbox isSelected={draft.atPrivateHomes} onChange={(value) => set('atPrivateHomes', value)}>
          {t('missions.form.atPrivateHomes')}
        </Checkbox>
        {!draft.atPrivateHomes && <TextField label={t('missions.form.address')} {...text('address')} />}
        <TextField
          label={t('missions.form.postcode')}
          description={t('missions.form.postcodeHelp')}
          inputMode="numeric"
          {...text('postcode')}
        />
        {draft.postcode.trim() !== '' && !draft.postcode.trim().startsWith('75') && (
          <TextField label={t('missions.form.insee')} {...text('insee')} />
        )}
        <SelectField
          label={t('missions.form.stepFreeAccess')}
          value={draft.stepFreeAccess}
          onChange={(value) => set('stepFreeAccess', value)}
          options={(['unknown', 'yes', 'no'] as const).map((id) => ({ id, label: t(`missions.stepFree.${id}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('missions.form.audienceSection')}</legend>
        <SelectField
          label={t('missions.form.audience')}
          value={draft.audience}
          onChange={(value) => set('audience', value)}
          options={AUDIENCES.map((id) => ({ id, label: t(`missions.audiences.${id}`) }))}
        />
        <TextField label={t('missions.form.minimumAge')} inputMode="numeric" {...text('minimumAge')} />
        <Checkbox
          isSelected={draft.minorsNeedAuthorisation}
          onChange={(value) => set('minorsNeedAuthorisation', value)}
        >
          {t('missions.form.minorsNeedAuthorisation')}
        </Checkbox>
      </fieldset>
      <fieldset>
        <legend>{t('missions.form.practical')}</legend>
        <TextField label={t('missions.form.referentName')} {...text('referentName')} />
        <TextField label={t('missions.form.referentPhone')} type="tel" {...text('referentPhone')} />
        <TextAreaField
          label={t('missions.form.whatToBring')}
          value={draft.whatToBring}
          onChange={(value) => set('whatToBring', value)}
        />
      </fieldset>
      <fieldset>
        <legend>{t('missions.form.state')}</legend>
        <SelectField
          label={t('missions.form.status')}
          value={draft.status}
          onChange={(value) => set('status', value)}
          options={MISSION_STATUSES.map((id) => ({ id, label: t(`missions.statuses.${id}`) }))}
        />
        {draft.status === 'cancelled' && (
          <SelectField
            label={t('missions.form.cancellationReason')}
            value={draft.cancellationReason || null}
            placeholder={t('common.choose')}
            onChange={(value) => set('cancellationReason', value)}
            options={CANCELLATION_REASONS.map((id) => ({ id, label: t(`missions.cancellationReasons.${id}`) }))}
            errorMessage={errors.cancellationReason ? t(errors.cancellationReason) : undefined}
          />
        )}
        {figure ? (
          <TextField
            label={t('missions.form.impact', { figure: t(`missions.impactFigures.${figure}`) })}
            inputMode="decimal"
            value={draft.impact[figure]}
            onChange={(value) => set('impact', { ...draft.impact, [figure]: value })}
            errorMessage={errors[figure] ? t(errors[figure]) : undefined}
          />
        ) : (
          <p>{t('missions.form.noImpact')}</p>
        )}
      </fieldset>
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
