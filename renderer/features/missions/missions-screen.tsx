import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MISSION_CATEGORIES, type MissionCategory } from '../../../shared/domain/categories';
import { MISSION_STATUSES, type MissionStatus } from '../../../shared/domain/model';
import { parisDateAndTimeToInstant } from '../../../shared/domain/paris-time';
import { PARIS_ARRONDISSEMENTS } from '../../../shared/domain/paris';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { DateField } from '../../components/date-field';
import { useMissions } from '../../db/hooks';
import type { MissionFilters } from '../../db/repositories/missions-repository';
import ui from '../../components/ui.module.css';
import { MissionTable } from './mission-table';

const ALL = 'all';

/** The list of missions with filters by category, arrondissement, status and period (product.md). */
export function MissionsScreen() {
  const { t } = useTranslation();
  const [category, setCategory] = useState<MissionCategory | typeof ALL>(ALL);
  const [status, setStatus] = useState<MissionStatus | typeof ALL>(ALL);
  const [arrondissement, setArrondissement] = useState<string>(ALL);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: MissionFilters = {
    category: category === ALL ? null : category,
    status: status === ALL ? null : status,
    arrondissementInsee: arrondissement === ALL ? null : arrondissement,
    period: periodOf(from, to),
  };
  const missions = useMissions(filters);

  return (
    <Page
      title={t('missions.title')}
      actions={
        <Link to="/missions/new" className={ui.primaryLink}>
          {t('missions.new')}
        </Link>
      }
    >
      <div role="group" aria-label={t('missions.filters')} className={ui.filters}>
        <SelectField
          label={t('missions.columns.category')}
          value={category}
          onChange={setCategory}
          options={[
            { id: ALL, label: t('missions.allCategories') },
            ...MISSION_CATEGORIES.map((id) => ({ id, label: t(`categories.${id}`) })),
          ]}
        />
        <SelectField
          label={t('missions.columns.status')}
          value={status}
          onChange={setStatus}
          options={[
            { id: ALL, label: t('missions.allStatuses') },
            ...MISSION_STATUSES.map((id) => ({ id, label: t(`missions.statuses.${id}`) })),
          ]}
        />
        <SelectField
          label={t('volunteers.arrondissement')}
          value={arrondissement}
          onChange={setArrondissement}
          options={[
            { id: ALL, label: t('missions.allArrondissements') },
            ...PARIS_ARRONDISSEMENTS.map((a) => ({ id: a.insee, label: a.insee })),
          ]}
        />
        <DateField label={t('missions.periodFrom')} value={from} onChange={setFrom} />
        <DateField label={t('missions.periodTo')} value={to} onChange={setTo} />
      </div>
      {missions && missions.length === 0 && <p>{t('missions.empty')}</p>}
      {missions && missions.length > 0 && <MissionTable missions={missions} />}
    </Page>
  );
}

/** A period typed as local dates → the instants of its first and day-after-last midnights in Paris. */
function periodOf(from: string, to: string): MissionFilters['period'] {
  if (!from && !to) return null;
  const start = from ? parisDateAndTimeToInstant(from, '00:00') : null;
  const end = to ? parisDateAndTimeToInstant(to, '23:59') : null;
  return {
    from: start?.ok ? start.instant : '0000',
    // '23:59' plus the rest of that minute: a shift starting at 23:59:30 still counts.
    to: end?.ok ? new Date(Date.parse(end.instant) + 60_000).toISOString() : '9999',
  };
}
