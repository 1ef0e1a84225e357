import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useMission } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { MissionForm } from './mission-form';
import { ShiftsSection } from './shifts-section';
import { MissionContactSection } from '../contact';
import { draftFromMission, EMPTY_MISSION_DRAFT } from './validate-mission';
import ui from '../../components/ui.module.css';

/** Create a mission (`/missions/new`) or edit one with its shifts (`/missions/:missionId`). */
export function MissionPage() {
  const { missionId } = useParams();
  const isNew = missionId === 'new';
  const { t } = useTranslation();
  const { missions } = useRepositories();
  const navigate = useNavigate();
  const mission = useMission(isNew ? undefined : missionId);
  const [saved, setSaved] = useState(false);
  const createdTitle = (useLocation().state as { created?: string } | null)?.created;

  if (isNew) {
    return (
      <Page title={t('missions.new')} actions={<BackLink />}>
        <MissionForm
          initial={EMPTY_MISSION_DRAFT}
          submitLabel={t('common.create')}
          onSave={async (fields) => {
            const created = await missions.create(fields);
            navigate(`/missions/${created.id}`, { state: { created: created.title } });
          }}
        />
      </Page>
    );
  }
  if (mission === undefined) return null;
  if (mission === null) {
    return (
      <Page title={t('missions.title')} actions={<BackLink />}>
        <StatusMessage tone="error">{t('missions.notFound')}</StatusMessage>
      </Page>
    );
  }
  return (
    <Page title={mission.title} actions={<BackLink />}>
      {createdTitle && !saved && (
        <StatusMessage tone="success">{t('missions.created', { title: createdTitle })}</StatusMessage>
      )}
      {saved && <StatusMessage tone="success">{t('missions.saved')}</StatusMessage>}
      <MissionForm
        key={mission.id}
        initial={draftFromMission(mission)}
        submitLabel={t('common.save')}
        onSave={async (fields) => {
          await missions.update(mission.id, fields);
          setSaved(true);
        }}
      />
      <ShiftsSection mission={mission} />
      <MissionContactSection missionId={mission.id} />
    </Page>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/missions" className={ui.secondaryLink}>
      {t('missions.backToList')}
    </Link>
  );
}
