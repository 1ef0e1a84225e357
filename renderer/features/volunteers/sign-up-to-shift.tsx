import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useUpcomingShifts } from '../../db/hooks';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { SignUpDecisionPanel } from '../planning';

const HORIZON_DAYS = 60;

/** From a volunteer's page, sign them up to one of the coming shifts, with the same decision as the roster's. */
export function SignUpToShift({ volunteerId, volunteerName }: { volunteerId: string; volunteerName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upcoming = useUpcomingShifts(HORIZON_DAYS);
  const [shiftId, setShiftId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="sign-up-title" className={ui.section}>
      <h2 id="sign-up-title">{t('signUpVolunteer.title')}</h2>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      {upcoming && upcoming.length === 0 && <p>{t('signUpVolunteer.empty')}</p>}
      {upcoming && upcoming.length > 0 && (
        <SelectField
          label={t('signUpVolunteer.choose')}
          value={shiftId}
          placeholder={t('common.choose')}
          onChange={(id) => {
            setShiftId(id);
            setNotice(null);
          }}
          options={upcoming.map(({ shift, mission }) => ({
            id: shift.id,
            label: `${formatShiftDate(shift.start, language)} ${formatTimeRange(shift.start, shift.end)} — ${mission?.title ?? ''}`,
          }))}
        />
      )}
      {shiftId && (
        <SignUpDecisionPanel
          key={shiftId}
          volunteerId={volunteerId}
          volunteerName={volunteerName}
          shiftId={shiftId}
          onDone={(message) => {
            setNotice(message);
            setShiftId(null);
          }}
        />
      )}
    </section>
  );
}
