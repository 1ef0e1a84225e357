import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatHundredths } from '../../../shared/domain/hours';
import type { Language } from '../../../shared/domain/model';
import { formatPhone } from '../../../shared/domain/phone';
import { accessRequestJson, type AccessRequest } from '../../../shared/rights/access-request';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import styles from './access-request.module.css';
import { useAccessRequest } from './rights-hooks';

/**
 * The answer to an access request (`/volunteers/:volunteerId/access`): on screen and on A4 paper, everything the desk
 * holds about one person, in plain words; the same data as a JSON file. Handing it over either way is audited.
 */
export function AccessRequestPage() {
  const { volunteerId } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const repositories = useRepositories();
  const document = useAccessRequest(volunteerId);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = document ? `${document.volunteer.firstName} ${document.volunteer.lastName}`.trim() : '';
  useEffect(() => {
    if (!document) return;
    window.document.title = t('rights.access.title', { name });
    heading.current?.focus();
    // Focus once per person, not on every live update of the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document?.volunteer.id]);

  if (document === undefined) return null;
  if (document === null) return <StatusMessage tone="error">{t('rights.access.notFound')}</StatusMessage>;
  const person = document.volunteer;

  async function saveJson(current: AccessRequest) {
    const suggestedName = `acces-donnees-${current.volunteer.ref}.json`;
    try {
      const result = await desktop.save({
        suggestedName,
        filters: [{ name: 'JSON', extensions: ['json'] }],
        data: new TextEncoder().encode(accessRequestJson(current)),
      });
      if (result.status !== 'saved') return;
      await repositories.accessRequests.recordDelivery(current.volunteer.id, 'json');
      setNotice({ tone: 'success', text: t('rights.access.saved', { file: result.fileName || suggestedName }) });
    } catch (error) {
      setNotice({ tone: 'error', text: t('rights.access.failed', { message: String(error) }) });
    }
  }

  async function print(current: AccessRequest) {
    await repositories.accessRequests.recordDelivery(current.volunteer.id, 'print');
    setNotice({ tone: 'success', text: t('rights.access.printed') });
    await desktop.savePdf({ suggestedName: `acces-donnees-${current.volunteer.ref}.pdf`, landscape: false });
  }

  const day = (value: string | null) => (value ? formatDay(value) : t('rights.access.empty'));
  const instant = (value: string | null) => (value ? formatInstant(value, language) : t('rights.access.empty'));
  const text = (value: string | null | undefined) => (value ? value : t('rights.access.empty'));
  const hours = (value: number | null) =>
    value === null
      ? t('rights.access.empty')
      : t('rights.access.hours', { hours: formatHundredths(value, language === 'fr' ? ',' : '.') });
  const deleted = (isDeleted: boolean) => (isDeleted ? ` ${t('rights.access.deletedMark')}` : '');
  const controllerContact = [document.controller.contactEmail, document.controller.contactPhone]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className={styles.document} aria-labelledby="access-title" data-access-request>
      <div className={styles.screenOnly}>
        <Link to={`/volunteers/${person.id}`} className={ui.secondaryLink}>
          {t('rights.access.back')}
        </Link>
        <Button onPress={() => void saveJson(document)}>{t('rights.access.saveJson')}</Button>
        <Button variant="secondary" onPress={() => void print(document)}>
          {t('rights.access.print')}
        </Button>
      </div>
      {notice && (
        <div className={styles.screenOnly}>
          <StatusMessage tone={notice.tone}>{notice.text}</StatusMessage>
        </div>
      )}
      <h1 id="access-title" ref={heading} tabIndex={-1} className={styles.title}>
        {t('rights.access.title', { name })}
      </h1>
      <p>{t('rights.access.intro', { date: formatShiftDate(document.generatedAt, language) })}</p>
      <p>
        {t('rights.access.controller', { name: document.controller.name })}
        {controllerContact && (
          <>
            <br />
            {t('rights.access.controllerContact', { contact: controllerContact })}
          </>
        )}
      </p>

      <Section id="access-profile" title={t('rights.access.sections.profile')}>
        <dl className={styles.fields}>
          <Field label={t('rights.access.fields.ref')}>{person.ref}</Field>
          <Field label={t('rights.access.fields.firstName')}>{text(person.firstName)}</Field>
          <Field label={t('rights.access.fields.lastName')}>{text(person.lastName)}</Field>
          <Field label={t('rights.access.fields.email')}>{text(person.email)}</Field>
          <Field label={t('rights.access.fields.phone')}>{person.phone ? formatPhone(person.phone) : text(null)}</Field>
          <Field label={t('rights.access.fields.postcode')}>{text(person.postcode)}</Field>
          <Field label={t('rights.access.fields.arrondissement')}>{text(person.arrondissementInsee)}</Field>
          <Field label={t('rights.access.fields.birthDate')}>{day(person.birthDate)}</Field>
          <Field label={t('rights.access.fields.ageBand')}>
            {person.ageBand ? `${person.ageBand.band} (${formatDay(person.ageBand.givenOn)})` : text(null)}
          </Field>
          <Field label={t('rights.access.fields.parentalAuthorisation')}>
            {person.parentalAuthorisation
              ? t(`rights.access.authorisation.${person.parentalAuthorisation}`)
              : text(null)}
          </Field>
          <Field label={t('rights.access.fields.guardianName')}>{text(person.guardianName)}</Field>
          <Field label={t('rights.access.fields.guardianPhone')}>{text(person.guardianPhone)}</Field>
          <Field label={t('rights.access.fields.skills')}>{text(person.skills.join(', '))}</Field>
          <Field label={t('rights.access.fields.languages')}>{text(person.languages.join(', '))}</Field>
          <Field label={t('rights.access.fields.availability')}>{text(person.availability)}</Field>
          <Field label={t('rights.access.fields.notes')}>{text(person.notes)}</Field>
          <Field label={t('rights.access.fields.status')}>{t(`rights.access.statuses.${person.status}`)}</Field>
          <Field label={t('rights.access.fields.createdAt')}>{instant(person.createdAt)}</Field>
        </dl>
      </Section>

      {document.aliases.length > 0 && (
        <Section id="access-aliases" title={t('rights.access.sections.aliases')}>
          <Table
            label={t('rights.access.sections.aliases')}
            headers={[t('rights.access.columns.ref'), t('rights.access.columns.date')]}
            rows={document.aliases.map((alias) => ({
              key: alias.id,
              cells: [alias.fromRef + deleted(alias.deleted), instant(alias.createdAt)],
            }))}
          />
        </Section>
      )}

      <Section id="access-consents" title={t('rights.access.sections.consents')}>
        <Table
          label={t('rights.access.sections.consents')}
          empty={t('rights.access.none')}
          headers={[
            t('rights.access.columns.purpose'),
            t('rights.access.columns.answer'),
            t('rights.access.columns.date'),
            t('rights.access.columns.notice'),
            t('rights.access.columns.channel'),
            t('rights.access.columns.current'),
          ]}
          rows={document.consents.map((consent) => ({
            key: consent.id,
            cells: [
              t(`volunteers.consents.purposes.${consent.purpose}`) + deleted(consent.deleted),
              consent.given ? t('rights.access.given') : t('rights.access.refused'),
              formatDay(consent.date),
              consent.noticeVersion,
              t(`volunteers.consents.channels.${consent.channel}`),
              consent.current ? t('rights.access.yes') : t('rights.access.no'),
            ],
          }))}
        />
      </Section>

      <Section id="access-signups" title={t('rights.access.sections.signUps')}>
        <Table
          label={t('rights.access.sections.signUps')}
          empty={t('rights.access.none')}
          headers={[
            t('rights.access.columns.date'),
            t('rights.access.columns.mission'),
            t('rights.access.columns.place'),
            t('rights.access.columns.status'),
            t('rights.access.columns.attendance'),
            t('rights.access.columns.hours'),
          ]}
          rows={document.signUps.map((signUp) => ({
            key: signUp.id,
            cells: [
              signUp.shiftStart ? instant(signUp.shiftStart) : text(null),
              text(signUp.missionTitle) + deleted(signUp.deleted),
              text(signUp.placeName),
              t(`volunteers.history.signUpStatuses.${signUp.status}`),
              t(`volunteers.history.attendance.${signUp.attendance}`),
              hours(signUp.hoursHundredths),
            ],
          }))}
        />
        <p>
          {t('rights.access.total', {
            hours: formatHundredths(document.totalHoursHundredths, language === 'fr' ? ',' : '.'),
          })}
        </p>
      </Section>

      <Section id="access-checkins" title={t('rights.access.sections.checkins')}>
        <Table
          label={t('rights.access.sections.checkins')}
          empty={t('rights.access.none')}
          headers={[
            t('rights.access.columns.time'),
            t('rights.access.columns.kind'),
            t('rights.access.columns.operator'),
          ]}
          rows={document.checkinEvents.map((event) => ({
            key: event.id,
            cells: [
              instant(event.at),
              t(`rights.access.checkinKinds.${event.kind}`) + deleted(event.deleted),
              text(event.operator),
            ],
          }))}
        />
      </Section>

      <Section id="access-exports" title={t('rights.access.sections.exports')}>
        <Table
          label={t('rights.access.sections.exports')}
          empty={t('rights.access.none')}
          headers={[
            t('rights.access.columns.date'),
            t('rights.access.columns.file'),
            t('rights.access.columns.mode'),
            t('rights.access.columns.period'),
          ]}
          rows={document.exports.map((entry) => ({
            key: entry.id,
            cells: [
              instant(entry.at),
              entry.fileName,
              entry.mode ? t(`rights.access.modes.${entry.mode}`) : text(null),
              entry.periodFrom && entry.periodTo
                ? t('rights.access.period', { from: formatDay(entry.periodFrom), to: formatDay(entry.periodTo) })
                : text(null),
            ],
          }))}
        />
      </Section>

      <Section id="access-audit" title={t('rights.access.sections.audit')}>
        <Table
          label={t('rights.access.sections.audit')}
          empty={t('rights.access.none')}
          headers={[
            t('rights.access.columns.date'),
            t('rights.access.columns.action'),
            t('rights.access.columns.operator'),
          ]}
          rows={document.auditEntries.map((entry) => ({
            key: entry.id,
            cells: [instant(entry.at), entry.action, text(entry.operator)],
          }))}
        />
      </Section>

      <p className={styles.footer}>
        {t('rights.access.footer', { date: instant(document.generatedAt), desk: document.deskId.slice(0, 8) })}
      </p>
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Table({
  label,
  headers,
  rows,
  empty,
}: {
  label: string;
  headers: string[];
  rows: { key: string; cells: string[] }[];
  empty?: string;
}) {
  if (rows.length === 0 && empty) return <p>{empty}</p>;
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `2026-11-28` → `28/11/2026` (domain.md: French dates day first; British English the same). */
function formatDay(isoDate: string): string {
  const [year, month, dayOfMonth] = isoDate.slice(0, 10).split('-');
  return `${dayOfMonth}/${month}/${year}`;
}

function formatInstant(instant: string, language: Language): string {
  return `${formatShiftDate(instant, language)} ${formatTime(instant)}`;
}
