import { useState, type FormEvent } from 'react';
import {
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  Radio,
  RadioGroup,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Fold } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { useRepositories } from '../../db/repositories-context';
import { formatOffset } from '../../lib/format';
import { shiftTimesToInstants, type ShiftTimesDraft } from './shift-times';
import ui from '../../components/ui.module.css';

const EMPTY: ShiftTimesDraft & { capacity: string } = {
  date: '',
  start: '',
  end: '',
  startFold: null,
  endFold: null,
  capacity: '10',
};

/** One shift: date, start, end, capacity; a time that does not exist is refused, a repeated one asks which. */
export function NewShiftDialog({ missionId, onCreated }: { missionId: string; onCreated: (message: string) => void }) {
  const { t } = useTranslation();
  const { shifts } = useRepositories();
  const [isOpen, setOpen] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<{ start?: string; end?: string; date?: string; capacity?: string }>({});
  const [ambiguous, setAmbiguous] = useState<{
    field: 'start' | 'end';
    earlier: string;
    later: string;
    date: string;
  } | null>(null);
  const set = (name: keyof typeof EMPTY) => (value: string) => {
    setDraft((previous) => ({
      ...previous,
      [name]: value,
      ...(name === 'start' || name === 'date' ? { startFold: null } : {}),
      ...(name === 'end' || name === 'date' ? { endFold: null } : {}),
    }));
    setAmbiguous(null);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!draft.date) nextErrors.date = t('validation.required');
    if (!draft.start) nextErrors.start = t('validation.required');
    if (!draft.end) nextErrors.end = t('validation.required');
    const capacity = Number(draft.capacity);
    if (!/^\d+$/.test(draft.capacity.trim()) || capacity < 1) nextErrors.capacity = t('missions.errors.integer');
    if (Object.keys(nextErrors).length > 0) return setErrors(nextErrors);
    const times = shiftTimesToInstants(draft);
    if (!times.ok) {
      setErrors({ [times.field]: t(times.error, { ns: 'domain' }) });
      setAmbiguous(times.ambiguous ? { field: times.field, ...times.ambiguous } : null);
      return;
    }
    await shifts.create({
      missionId,
      start: times.start,
      end: times.end,
      capacity,
      roleNeeds: [],
      requiredSkill: null,
      seriesId: null,
    });
    onCreated(t('shifts.created'));
    setDraft(EMPTY);
    setErrors({});
    setOpen(false);
  }

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button variant="secondary">{t('shifts.add')}</Button>
      <ModalOverlay className={ui.overlay} isDismissable>
        <Modal className={ui.modal}>
          <Dialog className={ui.dialog}>
            <Heading slot="title" className={ui.dialogTitle}>
              {t('shifts.add')}
            </Heading>
            <Form onSubmit={submit} validationBehavior="aria">
              <TextField
                label={t('shifts.date')}
                type="date"
                value={draft.date}
                onChange={set('date')}
                errorMessage={errors.date}
              />
              <div className={ui.row}>
                <TextField
                  label={t('shifts.start')}
                  type="time"
                  value={draft.start}
                  onChange={set('start')}
                  errorMessage={errors.start}
                />
                <TextField
                  label={t('shifts.end')}
                  type="time"
                  value={draft.end}
                  onChange={set('end')}
                  errorMessage={errors.end}
                  description={
                    draft.end && draft.start && draft.end <= draft.start ? t('shifts.endNextDay') : undefined
                  }
                />
              </div>
              {ambiguous && (
                <RadioGroup
                  className={ui.radioGroup}
                  value={draft[ambiguous.field === 'start' ? 'startFold' : 'endFold']}
                  onChange={(fold) => {
                    setDraft((previous) => ({
                      ...previous,
                      [ambiguous.field === 'start' ? 'startFold' : 'endFold']: fold as Fold,
                    }));
                    setErrors({});
                  }}
                >
                  <Label>{t('shifts.ambiguousChoice', { date: ambiguous.date })}</Label>
                  <Radio value="earlier" className={ui.radio}>
                    {t('shifts.ambiguousEarlier', { offset: formatOffset(ambiguous.earlier) })}
                  </Radio>
                  <Radio value="later" className={ui.radio}>
                    {t('shifts.ambiguousLater', { offset: formatOffset(ambiguous.later) })}
                  </Radio>
                </RadioGroup>
              )}
              <TextField
                label={t('shifts.capacity')}
                inputMode="numeric"
                value={draft.capacity}
                onChange={set('capacity')}
                errorMessage={errors.capacity}
              />
              <div className={ui.actions}>
                <Button variant="secondary" slot="close">
                  {t('common.cancel')}
                </Button>
                <Button type="submit">{t('common.create')}</Button>
              </div>
            </Form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
