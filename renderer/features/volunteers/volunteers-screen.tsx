import { lazy, memo, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../../../shared/domain/model';
import { PARIS_ARRONDISSEMENTS } from '../../../shared/domain/paris';
import { Checkbox } from '../../components/checkbox';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import ui from '../../components/ui.module.css';
import { useSkills, useVolunteerCount, useVolunteerSearch } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { VolunteerFilters } from '../../db/repositories/volunteers-repository';
import { LIST_LIMIT, useLandingData } from './landing-data';
import { VolunteerList } from './volunteer-list';
import styles from './volunteers.module.css';
import layout from './volunteers-screen.module.css';

/** The contact tools load only when this screen is shown, not with the landing chunk (issue #12). */
const VolunteersContactSection = lazy(() =>
  import('../contact').then((module) => ({ default: module.VolunteersContactSection })),
);

const ALL = 'all';

export function VolunteersScreen() {
  const { t } = useTranslation();
  // On a cold start, the list's first page, count and skills as bootstrap read them (landing-data.ts): the first
  // render shows the first rows, and the live queries below take over from their first answer.
  const landing = useLandingData(useRepositories().volunteers);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<VolunteerStatus | typeof ALL>(ALL);
  const [arrondissement, setArrondissement] = useState<string>(ALL);
  const [skill, setSkill] = useState<string>(ALL);
  const [minorsOnly, setMinorsOnly] = useState(false);
  const [citySharingOnly, setCitySharingOnly] = useState(false);
  // Typing stays responsive while the search runs (React's deferred value, not a debounce timer).
  const deferredQuery = useDeferredValue(query);
  const count = useVolunteerCount(landing?.count);
  const skills = useSkills(landing?.skills);
  // One object per choice of filters, not per render: the contact section and the search see the same one.
  const filters = useMemo<VolunteerFilters>(
    () => ({
      status: status === ALL ? null : status,
      arrondissementInsee: arrondissement === ALL ? null : arrondissement,
      skill: skill === ALL ? null : skill,
      minorsOnly,
      citySharingOnly,
    }),
    [status, arrondissement, skill, minorsOnly, citySharingOnly],
  );
  // Bootstrap read the list with no query and no filter: those results only.
  const isLandingView =
    deferredQuery === '' &&
    status === ALL &&
    arrondissement === ALL &&
    skill === ALL &&
    !minorsOnly &&
    !citySharingOnly;
  const results = useVolunteerSearch(
    deferredQuery,
    filters,
    LIST_LIMIT,
    isLandingView ? landing?.firstPage : undefined,
  );
  /*
   * The filters (three React Aria selects, two checkboxes) and the contact tools render in a second, non-urgent pass
   * (issue #12, cold start): the first commit, painted first, holds the heading, the search field and the first rows.
   * Their space is kept meanwhile, so the list does not move when they arrive; they come a moment later, before any
   * coordinator can reach them, and focus handling is unchanged (the heading takes it, as on every screen).
   */
  const showSecondary = useDeferredValue(true, false);

  return (
    <Page
      title={t('volunteers.title')}
      actions={
        <div className={ui.actions}>
          <Link to="/volunteers/import" className={ui.secondaryLink}>
            {t('imports.open')}
          </Link>
          <Link to="/volunteers/new" className={ui.primaryLink}>
            {t('volunteers.add')}
          </Link>
        </div>
      }
    >
      {count !== undefined && (
        <p>
          {results && results.length === LIST_LIMIT
            ? t('volunteers.shown', { shown: LIST_LIMIT, count })
            : t('volunteers.count', { count })}
        </p>
      )}
      {showSecondary ? (
        <Suspense fallback={<p className={layout.contactPlaceholder} />}>
          <VolunteersContactSection query={deferredQuery} filters={filters} />
        </Suspense>
      ) : (
        <p className={layout.contactPlaceholder} />
      )}
      <SearchField value={query} onChange={setQuery} className={styles.search}>
        <Label className={styles.searchLabel}>{t('volunteers.search')}</Label>
        <Input className={styles.searchInput} />
        <Text slot="description" className={styles.searchHelp}>
          {t('volunteers.searchHelp')}
        </Text>
      </SearchField>
      {showSecondary ? (
        <FilterBar
          status={status}
          onStatus={setStatus}
          arrondissement={arrondissement}
          onArrondissement={setArrondissement}
          skill={skill}
          onSkill={setSkill}
          skills={skills}
          minorsOnly={minorsOnly}
          onMinorsOnly={setMinorsOnly}
          citySharingOnly={citySharingOnly}
          onCitySharingOnly={setCitySharingOnly}
        />
      ) : (
        <FilterBarPlaceholder />
      )}
      {count === 0 && <p>{t('volunteers.empty')}</p>}
      {results && results.length === 0 && count !== 0 && (
        <p role="status">{t('volunteers.noResults', { query: deferredQuery })}</p>
      )}
      {results && results.length > 0 && <VolunteerList volunteers={results} />}
    </Page>
  );
}

/** The filters' space, empty, until they render (see showSecondary). */
function FilterBarPlaceholder() {
  return (
    <div className={ui.filters}>
      <div className={layout.statusSlot} />
      <div className={layout.arrondissementSlot} />
      <div className={layout.skillSlot} />
      <div className={layout.minorsSlot} />
      <div className={layout.citySharingSlot} />
    </div>
  );
}

/**
 * The filters, memoised (issue #12): their three React Aria selects and two checkboxes are the screen's costliest
 * part to render, and the count, the skills and the results each arrive in a render of their own; the filters now
 * render again only when a choice or the skills change. The options lists are built once per language and skills.
 */
const FilterBar = memo(function FilterBar({
  status,
  onStatus,
  arrondissement,
  onArrondissement,
  skill,
  onSkill,
  skills,
  minorsOnly,
  onMinorsOnly,
  citySharingOnly,
  onCitySharingOnly,
}: {
  status: VolunteerStatus | typeof ALL;
  onStatus: (value: VolunteerStatus | typeof ALL) => void;
  arrondissement: string;
  onArrondissement: (value: string) => void;
  skill: string;
  onSkill: (value: string) => void;
  skills: string[] | undefined;
  minorsOnly: boolean;
  onMinorsOnly: (value: boolean) => void;
  citySharingOnly: boolean;
  onCitySharingOnly: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const statusOptions = useMemo<{ id: VolunteerStatus | typeof ALL; label: string }[]>(
    () => [
      { id: ALL, label: t('volunteers.allStatuses') },
      ...VOLUNTEER_STATUSES.map((id) => ({ id, label: t(`volunteers.statuses.${id}`) })),
    ],
    [t],
  );
  const arrondissementOptions = useMemo(
    () => [
      { id: ALL, label: t('volunteers.allArrondissements') },
      ...PARIS_ARRONDISSEMENTS.map((a) => ({ id: a.insee, label: a.insee })),
    ],
    [t],
  );
  const skillOptions = useMemo(
    () => [{ id: ALL, label: t('volunteers.allSkills') }, ...(skills ?? []).map((id) => ({ id, label: id }))],
    [t, skills],
  );
  return (
    <div role="group" aria-label={t('volunteers.filters')} className={ui.filters}>
      <SelectField label={t('volunteers.status')} value={status} onChange={onStatus} options={statusOptions} />
      <SelectField
        label={t('volunteers.arrondissement')}
        value={arrondissement}
        onChange={onArrondissement}
        options={arrondissementOptions}
      />
      <SelectField label={t('volunteers.skills')} value={skill} onChange={onSkill} options={skillOptions} />
      <Checkbox isSelected={minorsOnly} onChange={onMinorsOnly}>
        {t('volunteers.minorsOnly')}
      </Checkbox>
      <Checkbox isSelected={citySharingOnly} onChange={onCitySharingOnly}>
        {t('volunteers.consents.purposes.city_sharing')}
      </Checkbox>
    </div>
  );
});
