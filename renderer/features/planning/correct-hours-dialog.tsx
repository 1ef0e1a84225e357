import { useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import { TimeField } from '../../components/time-field';
import ui from '../../components/ui.module.css';
import type { RosterRow } from '../../db/repositories/signups-repository';
import { useRepositories } from '../../db/repositories-context';
import { formatTime } from '../../lib/format';
import { shiftTimesToInstantsOnDate } from './roster-times';

/**
 * After the event (product.md): corrected arrival and departure, or hours declared by hand with a reason. Both are
 * audited; the export then says `pointage`/`manuel` or `declaree`/`manuel` (city-export.md mapping).
 */
export function CorrectHoursDialog({
  row,
  shiftStart,
  name,
  onSaved,
}: {
  row: RosterRow;
  shiftStart: string;
  name: string;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { signUps } = useRepositories();
  const [isOpen, setOpen] = useState(false);
  const date = parisLocalDate(shiftStart);
  const initialArrival = row.signUp.correctedArrival ?? row.deskTimes.arrival;
  const initialDeparture = row.signUp.correctedDeparture ?? row.deskTimes.departure;
  const [arrival, setArrival] = useState(initialArrival ? formatTime(initialArrival) : '');
  const [departure, setDeparture] = useState(initialDeparture ? formatTime(initialDeparture) : '');
  const [hours, setHours] = useState(row.signUp.declaredHours === null ? '' : String(row.signUp.declaredHours));
  const [reason, setReason] = useState(row.signUp.declaredReason ?? '');
  const [errors, setErrors] = useState<{ arrival?: string; departure?: string; hours?: string; reason?: string }>({});

  async function submit() {
    if (hours.trim()) {
      const value = Number(hours.trim().replace(',', '.'));
      if (!/^\d+([.,]\d{1,2})?$/.test(hours.trim()) || value <= 0 || value > 24)
        return setErrors({ hours: t('roster.errors.hours') });
      if (!reason.trim()) return setErrors({ reason: t('roster.errors.reasonRequired') });
      await signUps.declareHours(row.signUp.id, value, reason);
    } else {
      const times = shiftTimesToInstantsOnDate(date, arrival, departure);
      if (!times.ok)
        return setErrors({
          [times.field]: times.error === 'order' ? t('roster.errors.order') : t(times.error, { ns: 'domain' }),
        });
      await signUps.correctTimes(row.signUp.id, times.arrival, times.departure);
      if (row.signUp.declaredHours !== null) await signUps.declareHours(row.signUp.id, null, '');
    }
    setErrors({});
    setOpen(false);
    onSaved(t('roster.timesSaved'));
  }

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button variant="secondary" aria-label={t('roster.correctOf', { name })}>
        {t('roster.correct')}
      </Button>
      <FormDialog title={t('roster.correctTitle', { name })} onSubmit={submit} submitLabel={t('common.save')}>
        <div className={ui.row}>
          <TimeField label={t('roster.arrival')} value={arrival} onChange={setArrival} errorMessage={errors.arrival} />
          <TimeField
            label={t('roster.departure')}
            value={departure}
            onChange={setDeparture}
            errorMessage={errors.departure}
          />
        </div>
        <TextField
          label={t('roster.declaredHours')}
          description={t('roster.declaredHoursHelp')}
          inputMode="decimal"
          value={hours}
          onChange={setHours}
          errorMessage={errors.hours}
        />
        <TextField
          label={t('roster.declaredReason')}
          value={reason}
          onChange={setReason}
          errorMessage={errors.reason}
        />
      </FormDialog>
    </DialogTrigger>
  );
}
