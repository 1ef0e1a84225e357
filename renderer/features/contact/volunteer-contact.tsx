import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fillTemplate,
  personalMailto,
  personPlaceholderValues,
  shiftPlaceholderValues,
  type TemplateIssue,
} from '../../../shared/messaging';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { CalendarRow, ContactPerson } from '../../db/repositories/contact-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { CalendarFiles } from './calendar-files';
import { contactLine, templatesOf } from './recipients';

const NO_SHIFT = '__none__';

/**
 * "Contacter" on one volunteer's page (issue #15): an e-mail to them from a template, about one of their upcoming
 * shifts or none (to one person, {prenom} and {nom} are filled), the invitation, update or cancellation of each
 * upcoming shift for their calendar, and the convocations.
 */
export function VolunteerContactSection({ volunteerId }: { volunteerId: string }) {
  const { contact, desk } = useRepositories();
  // "Upcoming" from when the page opened: the desk's clock read once, not on every refresh of the lists.
  const [now] = useState(() => desk.now());
  const person = useLiveQuery(() => contact.forVolunteers([volunteerId]), [contact, volunteerId]);
  const rows = useLiveQuery(() => contact.calendarForVolunteer(volunteerId, now), [contact, volunteerId, now]);
  if (!person?.[0] || !rows) return null;
  return <LoadedVolunteerContact person={person[0]} rows={rows} />;
}

function LoadedVolunteerContact({ person, rows }: { person: ContactPerson; rows: readonly CalendarRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const desktop = useDesktop();
  const templates = templatesOf(settings);
  const [templateId, setTemplateId] = useState<string>(
    templates.find((template) => template.language === (settings?.language ?? 'fr'))?.id ?? templates[0]!.id,
  );
  const template = templates.find((candidate) => candidate.id === templateId) ?? templates[0]!;
  const coming = rows.filter((row) => row.method === 'REQUEST');
  const [shiftChoice, setShiftChoice] = useState<string>(coming[0]?.signUp.id ?? NO_SHIFT);
  const about = coming.find((row) => row.signUp.id === shiftChoice);
  const [issues, setIssues] = useState<TemplateIssue[]>([]);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const name = `${person.firstName} ${person.lastName}`.trim();
  const refusedNewsletter = template.purpose === 'newsletter' && !person.newsletterConsent;

  async function write() {
    setNotice(null);
    if (!person.email) return;
    const values = {
      ...(about
        ? shiftPlaceholderValues(about.mission, about.shift, {
            language: template.language,
            contact: contactLine(settings),
          })
        : { contact: contactLine(settings) }),
      ...personPlaceholderValues(person),
    };
    const subject = fillTemplate(template.subject, values);
    const body = fillTemplate(template.body, values);
    const found = [...(subject.ok ? [] : subject.issues), ...(body.ok ? [] : body.issues)];
    setIssues(found);
    if (!subject.ok || !body.ok) return;
    const url = personalMailto({ to: person.email, subject: subject.text, body: body.text });
    if (url === null) {
      setNotice({ tone: 'warning', text: t('contact.person.tooLong') });
      return;
    }
    const result = await desktop.openExternal({ url });
    setNotice(
      result.opened
        ? { tone: 'success', text: t('contact.person.opened', { name }) }
        : { tone: 'error', text: t('contact.openRefused') },
    );
  }

  return (
    <section aria-labelledby="volunteer-contact-title" className={ui.section}>
      <h2 id="volunteer-contact-title">{t('contact.title')}</h2>
      {person.email ? (
        <>
          <SelectField
            label={t('contact.template')}
            options={templates.map((candidate) => ({
              id: candidate.id,
              label: t('contact.templateOption', { name: candidate.name, language: candidate.language.toUpperCase() }),
            }))}
            value={template.id}
            onChange={(value) => {
              setTemplateId(value);
              setIssues([]);
              setNotice(null);
            }}
          />
          <SelectField
            label={t('contact.person.about')}
            options={[
              ...coming.map((row) => ({
                id: row.signUp.id,
                label: t('contact.calendar.shiftLabel', {
                  mission: row.mission.title,
                  date: formatShiftDate(row.shift.start, language),
                  time: formatTimeRange(row.shift.start, row.shift.end),
                }),
              })),
              { id: NO_SHIFT, label: t('contact.person.noShift') },
            ]}
            value={about ? about.signUp.id : NO_SHIFT}
            onChange={(value) => {
              setShiftChoice(value);
              setIssues([]);
            }}
          />
          {refusedNewsletter && (
            <StatusMessage tone="warning">{t('contact.person.noNewsletterConsent', { name })}</StatusMessage>
          )}
          <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
            <Button onPress={write} isDisabled={refusedNewsletter}>
              {t('contact.person.write', { email: person.email })}
            </Button>
          </div>
          {issues.length > 0 && (
            <StatusMessage tone="error">
              {issues
                .map((issue) =>
                  issue.kind === 'missing_value'
                    ? t('contact.person.missingValue', { name: issue.name })
                    : t(`contact.issues.${issue.kind}`, issue),
                )
                .join(' ')}
            </StatusMessage>
          )}
          {notice && <StatusMessage tone={notice.tone}>{notice.text}</StatusMessage>}
        </>
      ) : (
        <p>{t('contact.person.noEmail')}</p>
      )}
      <h3>{t('contact.calendar.title')}</h3>
      <CalendarFiles rows={rows} rowName="shift" />
    </section>
  );
}
