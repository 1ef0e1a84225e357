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
import type { VolunteerFilters } from '../../db/repositories/volunteers-repository';
import { VolunteerList } from './volunteer-list';
import styles from './volunteers.module.css';

/** The contact tools load only when this screen is shown, not with the landing chunk (issue #12). */
const VolunteersContactSection = lazy(() =>
  import('../contact').then((module) => ({ default: module.VolunteersContactSection })),
);

const ALL = 'all';
const LIMIT = 500;

export function VolunteersScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<VolunteerStatus | typeof ALL>(ALL);
  const [arrondissement, setArrondissement] = useState<string>(ALL);
  const [skill, setSkill] = useState<string>(ALL);
  const [minorsOnly, setMinorsOnly] = useState(false);
  const [citySharingOnly, setCitySharingOnly] = useState(false);
  // Typing stays responsive while the search runs (React's deferred value, not a debounce timer).
  const deferredQuery = useDeferredValue(query);
  const count = useVolunteerCount();
  const skills = useSkills();
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
  const results = useVolunteerSearch(deferredQuery, filters, LIMIT);

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
          {results && results.length === LIMIT
            ? t('volunteers.shown', { shown: LIMIT, count })
            : t('volunteers.count', { count })}
        </p>
      )}
      <Suspense fallback={null}>
        <VolunteersContactSection query={deferredQuery} filters={filters} />
      </Suspense>
      <SearchField value={query} onChange={setQuery} className={styles.search}>
        <Label className={styles.searchLabel}>{t('volunteers.search')}</Label>
        <Input className={styles.searchInput} />
        <Text slot="description" className={styles.searchHelp}>
          {t('volunteers.searchHelp')}
        </Text>
      </SearchField>
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
      {count === 0 && <p>{t('volunteers.empty')}</p>}
      {results && results.length === 0 && count !== 0 && (
        <p role="status">{t('volunteers.noResults', { query: deferredQuery })}</p>
      )}
      {results && results.length > 0 && <VolunteerList volunteers={results} />}
    </Page>
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
