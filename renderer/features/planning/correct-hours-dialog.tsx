import { useState, type FormEvent } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import type { RosterRow } from '../../db/repositories/signups-repository';
import { useRepositories } from '../../db/repositories-context';
import { formatTime } from '../../lib/format';
import { shiftTimesToInstantsOnDate } from './roster-times';
import { Form } from '../../components/form';

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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
      <ModalOverlay className={ui.overlay} isDismissable>
        <Modal className={ui.modal}>
          <Dialog className={ui.dialog}>
            <Heading slot="title" className={ui.dialogTitle}>
              {t('roster.correctTitle', { name })}
            </Heading>
            <Form onSubmit={submit}>
              <div className={ui.row}>
                <TextField
                  label={t('roster.arrival')}
                  type="time"
                  value={arrival}
                  onChange={setArrival}
                  errorMessage={errors.arrival}
                />
                <TextField
                  label={t('roster.departure')}
                  type="time"
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
              <div className={ui.actions}>
                <Button variant="secondary" slot="close">
                  {t('common.cancel')}
                </Button>
                <Button type="submit">{t('common.save')}</Button>
              </div>
            </Form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
