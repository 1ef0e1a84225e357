import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { DuplicateReview, RetentionPlanRow } from '../../db/repositories/privacy-repository';
import type { StoredVolunteer } from '../../db/database';
import { formatShiftDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { AuditLogLink } from '../rights';
import { usePendingDuplicates } from './privacy-hooks';
import styles from './privacy.module.css';

type Status = { tone: 'success' | 'error' | 'info'; message: string } | null;

const errorText = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

/** "Données personnelles": the retention review and the possible duplicates (erasure is on each volunteer's page). */
export function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')} actions={<AuditLogLink />}>
      <p>{t('privacy.intro')}</p>
      <RetentionReview />
      <DuplicatesReview />
    </Page>
  );
}

function RetentionReview() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { privacy } = useRepositories();
  const [plan, setPlan] = useState<RetentionPlanRow[] | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  async function review() {
    setStatus(null);
    setPlan(await privacy.retentionPlan());
  }

  async function apply(rows: RetentionPlanRow[]) {
    setBusy(true);
    try {
      const result = await privacy.applyRetention(rows.map((row) => row.action));
      setPlan(null);
      setStatus({ tone: 'success', message: t('privacy.retention.applied', result) });
    } catch (caught) {
      setStatus({ tone: 'error', message: t('privacy.retention.failed', { message: errorText(caught) }) });
    } finally {
      setBusy(false);
    }
  }

  const why = ({ action }: RetentionPlanRow) => {
    if (action.kind === 'purge_guardian') {
      return t('privacy.retention.why.lastMission', { date: formatShiftDate(action.lastShiftEnd, language) });
    }
    const date = formatShiftDate(action.lastActivity, language);
    return action.everSignedUp
      ? t('privacy.retention.why.lastParticipation', { date })
      : t('privacy.retention.why.neverTookPart', { date });
  };

  return (
    <section aria-labelledby="retention-title" className={ui.section}>
      <h2 id="retention-title">{t('privacy.retention.title')}</h2>
      {settings && (
        <p>
          {t('privacy.retention.policy', {
            months: settings.retentionMonths,
            anonymise: t(settings.retentionAnonymiseInactive ? 'privacy.retention.on' : 'privacy.retention.off'),
            purge: t(settings.retentionPurgeGuardian ? 'privacy.retention.on' : 'privacy.retention.off'),
          })}{' '}
          <Link to="/settings">{t('privacy.retention.changeInSettings')}</Link>
        </p>
      )}
      <Button variant="secondary" onPress={() => void review()}>
        {t('privacy.retention.review')}
      </Button>
      {status && <StatusMessage tone={status.tone}>{status.message}</StatusMessage>}
      {plan && plan.length === 0 && <StatusMessage tone="info">{t('privacy.retention.nothing')}</StatusMessage>}
      {plan && plan.length > 0 && (
        <>
          <p>{t('privacy.retention.planIntro')}</p>
          <table className={ui.table} aria-labelledby="retention-title">
            <thead>
              <tr>
                <th scope="col">{t('privacy.retention.columns.person')}</th>
                <th scope="col">{t('privacy.retention.columns.ref')}</th>
                <th scope="col">{t('privacy.retention.columns.action')}</th>
                <th scope="col">{t('privacy.retention.columns.why')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.map((row) => (
                <tr key={`${row.action.kind}:${row.volunteer.id}`}>
                  <th scope="row">
                    <Link to={`/volunteers/${row.volunteer.id}`}>{nameOf(row.volunteer) || row.volunteer.ref}</Link>
                  </th>
                  <td>{row.volunteer.ref}</td>
                  <td>{t(`privacy.retention.actions.${row.action.kind}`)}</td>
                  <td>{why(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={ui.actions}>
            <Button variant="danger" isDisabled={busy} onPress={() => void apply(plan)}>
              {t('privacy.retention.apply', { count: plan.length })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function nameOf(volunteer: Pick<StoredVolunteer, 'firstName' | 'lastName'>): string {
  return `${volunteer.firstName} ${volunteer.lastName}`.trim();
}

function DuplicatesReview() {
  const { t } = useTranslation();
  const { privacy } = useRepositories();
  const pending = usePendingDuplicates();
  const [status, setStatus] = useState<Status>(null);

  async function run(work: () => Promise<string>) {
    try {
      setStatus({ tone: 'success', message: await work() });
    } catch (caught) {
      setStatus({ tone: 'error', message: t('privacy.duplicates.failed', { message: errorText(caught) }) });
    }
  }

  return (
    <section aria-labelledby="duplicates-title" className={ui.section}>
      <h2 id="duplicates-title">{t('privacy.duplicates.title')}</h2>
      <p>{t('privacy.duplicates.intro')}</p>
      <Button
        variant="secondary"
        onPress={() => void run(async () => t('privacy.duplicates.found', { count: await privacy.findDuplicates() }))}
      >
        {t('privacy.duplicates.find')}
      </Button>
      {status && <StatusMessage tone={status.tone}>{status.message}</StatusMessage>}
      {pending && pending.length === 0 && <p>{t('privacy.duplicates.none')}</p>}
      {pending?.map((review, index) => (
        <DuplicatePair
          key={review.item.id}
          review={review}
          index={index}
          onMerge={() =>
            run(async () => {
              const { keptId } = await privacy.mergeDuplicate(review.item.id);
              const kept = keptId === review.first.id ? review.first : review.second;
              return t('privacy.duplicates.merged', { ref: kept.ref });
            })
          }
          onDismiss={() =>
            run(async () => {
              await privacy.dismissDuplicate(review.item.id);
              return t('privacy.duplicates.dismissed');
            })
          }
        />
      ))}
    </section>
  );
}

function DuplicatePair({
  review,
  index,
  onMerge,
  onDismiss,
}: {
  review: DuplicateReview;
  index: number;
  onMerge: () => Promise<void>;
  onDismiss: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const rules = review.rules.map((rule) => t(`privacy.duplicates.rules.${rule}`)).join(', ');
  const titleId = `duplicate-${index}`;
  return (
    <article className={styles.pair} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('privacy.duplicates.pairTitle', { rules })}</h3>
      <div className={styles.sideBySide}>
        <PersonCard volunteer={review.first} n={1} signUps={review.signUpCounts[0]} />
        <PersonCard volunteer={review.second} n={2} signUps={review.signUpCounts[1]} />
      </div>
      <div className={ui.actions}>
        <Button onPress={() => void onMerge()}>{t('privacy.duplicates.merge')}</Button>
        <Button variant="secondary" onPress={() => void onDismiss()}>
          {t('privacy.duplicates.dismiss')}
        </Button>
      </div>
    </article>
  );
}

function PersonCard({ volunteer, n, signUps }: { volunteer: StoredVolunteer; n: number; signUps: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const empty = t('privacy.duplicates.empty');
  const rows: [string, string][] = [
    [t('privacy.duplicates.fields.name'), nameOf(volunteer) || empty],
    [t('privacy.duplicates.fields.ref'), volunteer.ref],
    [t('privacy.duplicates.fields.email'), volunteer.email ?? empty],
    [t('privacy.duplicates.fields.phone'), volunteer.phone ?? empty],
    [t('privacy.duplicates.fields.birthDate'), volunteer.birthDate ?? empty],
    [t('privacy.duplicates.fields.postcode'), volunteer.postcode ?? empty],
    [t('privacy.duplicates.fields.createdAt'), formatShiftDate(volunteer.createdAt, language)],
    [t('privacy.duplicates.fields.signUps'), String(signUps)],
  ];
  return (
    <div className={styles.record}>
      <h4>
        <Link to={`/volunteers/${volunteer.id}`}>{t('privacy.duplicates.record', { n })}</Link>
      </h4>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
