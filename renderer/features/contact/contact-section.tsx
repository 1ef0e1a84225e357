import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mission, Settings, Shift } from '../../../shared/domain/model';
import {
  addressList,
  fillTemplate,
  mailtoBatches,
  personPlaceholderValues,
  shiftPlaceholderValues,
  smsCsv,
  type MailtoPlan,
  type PlaceholderValues,
  type TemplateIssue,
} from '../../../shared/messaging';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { ContactPerson } from '../../db/repositories/contact-repository';
import { useDesktop } from '../../lib/desktop-context';
import { ShiftCalendarFiles } from './calendar-files';
import { contactLine, recipientsFor, templatesOf } from './recipients';

export interface ContactListProps {
  /** Which list, for the audit log: `shift`, `mission`, `volunteers` or `reminders`. */
  readonly list: string;
  readonly listId: string | null;
  readonly people: readonly ContactPerson[];
  /** When the list is one shift's: its values fill the template, and invitations can be made. */
  readonly shift?: Shift;
  readonly mission?: Mission;
  /** Called with the people of the prepared batches (the reminders screen marks them). */
  readonly children?: React.ReactNode;
  readonly headingId?: string;
}

/**
 * "Contacter": copy the addresses, open the mail client batch by batch, the SMS CSV, invitations (issue #15). Shown
 * once the settings are read: the template's language, the contact line and the sender's address all come from them,
 * and a button pressed before their first answer said "no contact address" when there was one.
 */
export function ContactSection(props: ContactListProps) {
  const settings = useSettings();
  return settings ? <ContactSectionWith settings={settings} {...props} /> : null;
}

function ContactSectionWith({
  settings,
  list,
  listId,
  people,
  shift,
  mission,
  children,
  headingId = 'contact-title',
}: ContactListProps & { settings: Settings }) {
  const { t } = useTranslation();
  const desktop = useDesktop();
  const { contact } = useRepositories();
  const templates = templatesOf(settings);
  const [templateId, setTemplateId] = useState<string>(
    templates.find((template) => template.language === settings.language)?.id ?? templates[0]!.id,
  );
  const template = templates.find((candidate) => candidate.id === templateId) ?? templates[0]!;
  const [plan, setPlan] = useState<MailtoPlan | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [issues, setIssues] = useState<TemplateIssue[]>([]);

  const recipients = recipientsFor(people, template);
  const withEmail = recipients.filter((person) => person.email);
  const common: PlaceholderValues =
    shift && mission
      ? shiftPlaceholderValues(mission, shift, { language: template.language, contact: contactLine(settings) })
      : { contact: contactLine(settings) };

  async function log(kind: string, count: number) {
    await contact.recordPreparation({ list, listId, kind, count, template: template.id });
  }

  async function copy() {
    const text = addressList(withEmail.map((person) => person.email ?? ''));
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ tone: 'success', text: t('contact.copied', { count: withEmail.length }) });
    } catch {
      setNotice({ tone: 'error', text: t('contact.copyFailed') });
    }
    await log('copy', withEmail.length);
  }

  async function prepare() {
    setPlan(null);
    setNotice(null);
    const to = settings.contactEmail;
    if (!to) {
      setNotice({ tone: 'error', text: t('contact.noContactEmail') });
      return;
    }
    const subject = fillTemplate(template.subject, common);
    const body = fillTemplate(template.body, common);
    const found = [...(subject.ok ? [] : subject.issues), ...(body.ok ? [] : body.issues)];
    setIssues(found);
    if (!subject.ok || !body.ok) return;
    const prepared = mailtoBatches({
      to,
      bcc: withEmail.map((person) => person.email ?? ''),
      subject: subject.text,
      body: body.text,
    });
    setPlan(prepared);
    await log('mailto', withEmail.length);
  }

  async function openBatch(index: number) {
    const batch = plan?.batches[index];
    if (!batch) return;
    const result = await desktop.openExternal({ url: batch.url });
    setNotice(
      result.opened
        ? { tone: 'success', text: t('contact.opened', { number: index + 1 }) }
        : { tone: 'error', text: t('contact.openRefused') },
    );
  }

  async function downloadSms() {
    const rows = [];
    const found: TemplateIssue[] = [];
    for (const person of recipients) {
      const filled = fillTemplate(template.body, { ...common, ...personPlaceholderValues(person) });
      if (!filled.ok) {
        found.push(...filled.issues);
        break;
      }
      rows.push({
        volunteerId: person.volunteerId,
        phone: person.phone,
        smsConsent: person.smsConsent,
        message: filled.text,
      });
    }
    setIssues(found);
    if (found.length > 0) return;
    const csv = smsCsv(rows);
    const suggestedName = `sms-${list}-${(listId ?? 'liste').slice(0, 8)}.csv`;
    const result = await desktop.save({
      suggestedName,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: new TextEncoder().encode(csv.text),
    });
    await log('sms_csv', csv.volunteerIds.length);
    if (result.status === 'saved') {
      setNotice({
        tone: 'success',
        text: t('contact.smsDone', {
          count: csv.volunteerIds.length,
          withoutConsent: csv.withoutConsent,
          withoutPhone: csv.withoutPhone,
        }),
      });
    }
  }

  return (
    <section aria-labelledby={headingId} className={ui.section}>
      <h2 id={headingId}>{t('contact.title')}</h2>
      {people.length === 0 ? (
        <p>{t('contact.noRecipients')}</p>
      ) : (
        <>
          <p>
            {t('contact.summary', {
              withEmail: withEmail.length,
              withoutEmail: recipients.length - withEmail.length,
              sms: recipients.filter((person) => person.smsConsent && person.phone).length,
            })}
          </p>
          {template.purpose === 'newsletter' && <p>{t('contact.newsletterNote', { count: recipients.length })}</p>}
          <SelectField
            label={t('contact.template')}
            options={templates.map((candidate) => ({
              id: candidate.id,
              label: t('contact.templateOption', { name: candidate.name, language: candidate.language.toUpperCase() }),
            }))}
            value={template.id}
            onChange={(value) => {
              setTemplateId(value);
              setPlan(null);
              setIssues([]);
            }}
          />
          <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
            <Button variant="secondary" onPress={copy} isDisabled={withEmail.length === 0}>
              {t('contact.copy')}
            </Button>
            <Button onPress={prepare} isDisabled={withEmail.length === 0}>
              {t('contact.prepare')}
            </Button>
            <Button variant="secondary" onPress={downloadSms}>
              {t('contact.smsCsv')}
            </Button>
          </div>
          {issues.length > 0 && (
            <StatusMessage tone="error">
              {issues.map((issue) => t(`contact.issues.${issue.kind}`, issue)).join(' ')}
            </StatusMessage>
          )}
          {notice && <StatusMessage tone={notice.tone}>{notice.text}</StatusMessage>}
          {plan && (
            <div role="group" aria-label={t('contact.batchesLabel')}>
              <p>
                {t('contact.batchesIntro', {
                  count: plan.batches.reduce((sum, batch) => sum + batch.addresses.length, 0),
                  batches: plan.batches.length,
                })}
              </p>
              <ul>
                {plan.batches.map((batch, index) => (
                  <li key={batch.url}>
                    <Button variant="secondary" onPress={() => openBatch(index)}>
                      {t('contact.openBatch', { number: index + 1, count: batch.addresses.length })}
                    </Button>
                  </li>
                ))}
              </ul>
              {plan.unsendable.length > 0 && (
                <StatusMessage tone="warning">
                  {t('contact.unsendable', { addresses: plan.unsendable.join(', ') })}
                </StatusMessage>
              )}
            </div>
          )}
          {children}
          {shift && mission && <ShiftCalendarFiles shiftId={shift.id} />}
        </>
      )}
    </section>
  );
}
