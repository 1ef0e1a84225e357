import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DuplicateCandidate } from '../../../shared/domain/duplicates';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import type { StoredVolunteer } from '../../db/database';
import { useVolunteer } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { EraseVolunteerSection, useErasedReference } from '../privacy';
import { AccessRequestLink } from '../rights';
import type { NewVolunteer } from '../../db/repositories/volunteers-repository';
import { ConsentsSection } from './consents-section';
import { HistorySection } from './history-section';
import { ReferenceBarcode } from './reference-barcode';
import { SignUpToShift } from './sign-up-to-shift';
import { draftFromVolunteer, EMPTY_VOLUNTEER_DRAFT } from './validate-volunteer';
import { VolunteerForm } from './volunteer-form';
import styles from './volunteers.module.css';
import ui from '../../components/ui.module.css';

/** The contact tools load with this page only, not with the landing chunk (issue #12). */
const VolunteerContactSection = lazy(() =>
  import('../contact').then((module) => ({ default: module.VolunteerContactSection })),
);

/** Create a volunteer (`/volunteers/new`), or see and edit one with consents, reference and history. */
export function VolunteerPage() {
  const { volunteerId } = useParams();
  const isNew = volunteerId === 'new';
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const volunteer = useVolunteer(isNew ? undefined : volunteerId);
  // An erased person's record is kept only for their participations: nothing left to edit, no new sign-up.
  const isErased = typeof useErasedReference(isNew ? undefined : volunteerId) === 'string';
  const [saved, setSaved] = useState(false);
  const [calendarSaved, setCalendarSaved] = useState<string | null>(null);
  const desktop = useDesktop();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate<StoredVolunteer>[] | null>(null);
  const created = (useLocation().state as { created?: string } | null)?.created;
  const today = parisLocalDate(repositories.desk.now().toISOString());

  if (isNew) {
    async function create(input: NewVolunteer) {
      // A duplicate is a warning, not a refusal: the second press of the button creates anyway.
      if (duplicates === null) {
        const found = await repositories.volunteers.findPossibleDuplicates(input);
        if (found.length > 0) return setDuplicates(found);
      }
      const volunteer = await repositories.volunteers.create(input);
      const name = `${volunteer.firstName} ${volunteer.lastName}`.trim();
      navigate(`/volunteers/${volunteer.id}`, {
        state: { created: t('volunteers.created', { name, ref: volunteer.ref }) },
      });
    }
    return (
      <Page title={t('volunteers.newTitle')} actions={<BackLink />}>
        <VolunteerForm
          initial={EMPTY_VOLUNTEER_DRAFT}
          today={today}
          submitLabel={duplicates?.length ? t('volunteers.createAnyway') : t('common.create')}
          onSave={create}
          notice={duplicates && duplicates.length > 0 && <DuplicateWarning candidates={duplicates} />}
        />
      </Page>
    );
  }
  if (volunteer === undefined) return null;
  if (volunteer === null) {
    return (
      <Page title={t('volunteers.title')} actions={<BackLink />}>
        <StatusMessage tone="error">{t('volunteers.notFound')}</StatusMessage>
      </Page>
    );
  }
  const name = `${volunteer.firstName} ${volunteer.lastName}`.trim();
  return (
    // An erased person has no name left: the page is titled with the reference their participations carry.
    <Page title={name || volunteer.ref} actions={<BackLink />}>
      {created && !saved && <StatusMessage tone="success">{created}</StatusMessage>}
      {saved && <StatusMessage tone="success">{t('volunteers.saved')}</StatusMessage>}
      <div className={styles.profile}>
        <div>
          {!isErased && (
            <>
              <VolunteerForm
                key={volunteer.id}
                initial={draftFromVolunteer(volunteer)}
                today={today}
                submitLabel={t('common.save')}
                onSave={async (input) => {
                  await repositories.volunteers.update(volunteer.id, input);
                  setSaved(true);
                }}
              />
              <ConsentsSection volunteerId={volunteer.id} today={today} />
              <SignUpToShift volunteerId={volunteer.id} volunteerName={name} />
              <Suspense fallback={null}>
                <VolunteerContactSection volunteerId={volunteer.id} />
              </Suspense>
            </>
          )}
          <HistorySection volunteerId={volunteer.id} />
          <EraseVolunteerSection volunteer={volunteer} />
        </div>
        <aside aria-labelledby="reference-title" className={styles.aside}>
          <h2 id="reference-title">{t('volunteers.sections.reference')}</h2>
          <p className={styles.ref}>{volunteer.ref}</p>
          <ReferenceBarcode reference={volunteer.ref} />
          <Button
            variant="secondary"
            onPress={async () => {
              const data = await repositories.exports.volunteerCalendar(volunteer.id);
              const suggestedName = `agenda-${volunteer.ref}.ics`;
              const result = await desktop.save({
                suggestedName,
                filters: [{ name: 'ICS', extensions: ['ics'] }],
                data,
              });
              if (result.status === 'saved') setCalendarSaved(result.fileName || suggestedName);
            }}
          >
            {t('volunteers.downloadCalendar')}
          </Button>
          {calendarSaved && (
            <StatusMessage tone="success">{t('roster.downloaded', { file: calendarSaved })}</StatusMessage>
          )}
          <AccessRequestLink volunteerId={volunteer.id} name={name} />
        </aside>
      </div>
    </Page>
  );
}

function DuplicateWarning({ candidates }: { candidates: DuplicateCandidate<StoredVolunteer>[] }) {
  const { t } = useTranslation();
  return (
    <StatusMessage tone="warning">
      <p>{t('volunteers.duplicateWarning')}</p>
      <ul>
        {candidates.map(({ person, rules }) => (
          <li key={person.id}>
            <Link to={`/volunteers/${person.id}`}>
              {t('volunteers.duplicateRule', {
                name: `${person.firstName} ${person.lastName}`.trim(),
                rules: rules.map((rule) => t(rule, { ns: 'domain' })).join(', '),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </StatusMessage>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/volunteers" className={ui.secondaryLink}>
      {t('volunteers.backToList')}
    </Link>
  );
}
