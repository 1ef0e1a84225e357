import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentPurpose } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { DateField } from '../../components/date-field';
import { TextField } from '../../components/text-field';
import { useCurrentConsents } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { ConsentFields } from '../../db/repositories/consents-repository';
import styles from './volunteers.module.css';
import ui from '../../components/ui.module.css';
import { Form } from '../../components/form';

/** Consents per purpose, each with its date, notice version and channel; a new answer is recorded, never overwritten. */
export function ConsentsSection({ volunteerId, today }: { volunteerId: string; today: string }) {
  const { t } = useTranslation();
  const { consents } = useRepositories();
  const current = useCurrentConsents(volunteerId);
  const [draft, setDraft] = useState<Omit<ConsentFields, 'given'> & { answer: 'given' | 'refused' }>({
    purpose: 'city_sharing',
    answer: 'given',
    date: today,
    noticeVersion: '1',
    channel: 'desk',
  });
  const [error, setError] = useState<string | undefined>();
  const [recorded, setRecorded] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || draft.date > today) return setError(t('validation.date'));
    setError(undefined);
    const { answer, ...fields } = draft;
    await consents.record(volunteerId, {
      ...fields,
      given: answer === 'given',
      noticeVersion: fields.noticeVersion.trim() || '1',
    });
    setRecorded(true);
  }

  const stateOf = (purpose: ConsentPurpose) => {
    const consent = current?.[purpose];
    if (!consent) return t('volunteers.consents.state.none');
    return t('volunteers.consents.current', {
      state: t(`volunteers.consents.state.${consent.given ? 'given' : 'refused'}`),
      date: consent.date,
      version: consent.noticeVersion,
      channel: t(`volunteers.consents.channels.${consent.channel}`),
    });
  };

  return (
    <section aria-labelledby="consents-title" className={ui.section}>
      <h2 id="consents-title">{t('volunteers.sections.consents')}</h2>
      <table className={ui.table} aria-label={t('volunteers.consents.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('volunteers.consents.columns.purpose')}</th>
            <th scope="col">{t('volunteers.consents.columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {CONSENT_PURPOSES.map((purpose) => (
            <tr key={purpose}>
              <th scope="row">{t(`volunteers.consents.purposes.${purpose}`)}</th>
              <td>{stateOf(purpose)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form onSubmit={submit} className={styles.consentForm} aria-label={t('volunteers.consents.record')}>
        <h3>{t('volunteers.consents.record')}</h3>
        <div className={ui.columns}>
          <SelectField
            label={t('volunteers.consents.purpose')}
            value={draft.purpose}
            onChange={(purpose) => setDraft({ ...draft, purpose })}
            options={CONSENT_PURPOSES.map((id) => ({ id, label: t(`volunteers.consents.purposes.${id}`) }))}
          />
          <SelectField
            label={t('volunteers.consents.answer')}
            value={draft.answer}
            onChange={(answer) => setDraft({ ...draft, answer })}
            options={(['given', 'refused'] as const).map((id) => ({
              id,
              label: t(`volunteers.consents.answers.${id}`),
            }))}
          />
          <DateField
            label={t('volunteers.consents.date')}
            value={draft.date}
            onChange={(date) => setDraft({ ...draft, date })}
            errorMessage={error}
          />
          <TextField
            label={t('volunteers.consents.noticeVersion')}
            value={draft.noticeVersion}
            onChange={(noticeVersion) => setDraft({ ...draft, noticeVersion })}
          />
          <SelectField
            label={t('volunteers.consents.channel')}
            value={draft.channel}
            onChange={(channel) => setDraft({ ...draft, channel })}
            options={CONSENT_CHANNELS.map((id) => ({ id, label: t(`volunteers.consents.channels.${id}`) }))}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('volunteers.consents.record')}
        </Button>
        {recorded && <StatusMessage tone="success">{t('volunteers.consents.recorded')}</StatusMessage>}
      </Form>
    </section>
  );
}
