import { useState } from 'react';
import { DialogTrigger, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type Shift } from '../../../shared/domain/model';
import type { Fold } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { DateField } from '../../components/date-field';
import { TimeField } from '../../components/time-field';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { formatOffset } from '../../lib/format';
import {
  draftFromShift,
  EMPTY_SHIFT_DRAFT,
  validateShiftDraft,
  type AmbiguousTime,
  type ShiftDraft,
  type ShiftErrors,
} from './shift-times';
import styles from './missions.module.css';

/**
 * Create a shift, or edit one (`shift`): date, start, end, capacity, needs per role and a required skill. A time that
 * does not exist is refused with its reason; a time that happens twice asks which one.
 */
export function ShiftDialog({
  missionId,
  shift,
  triggerLabel,
  triggerAriaLabel,
  onSaved,
}: {
  missionId: string;
  shift?: Shift;
  triggerLabel: string;
  /** A name that tells this row's button from the others' (WCAG 2.4.6). */
  triggerAriaLabel?: string;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { shifts } = useRepositories();
  const [isOpen, setOpen] = useState(false);
  const initial = shift ? draftFromShift(shift) : EMPTY_SHIFT_DRAFT;
  const [draft, setDraft] = useState<ShiftDraft>(initial);
  const [errors, setErrors] = useState<ShiftErrors>({});
  const [ambiguous, setAmbiguous] = useState<AmbiguousTime | null>(null);
  const title = shift ? t('shifts.editTitle') : t('shifts.add');

  const setText = (name: 'date' | 'start' | 'end' | 'capacity' | 'requiredSkill') => (value: string) => {
    setDraft((previous) => ({
      ...previous,
      [name]: value,
      // A new time or date needs a new choice in a repeated hour.
      ...(name === 'start' || name === 'date' ? { startFold: null } : {}),
      ...(name === 'end' || name === 'date' ? { endFold: null } : {}),
    }));
    setAmbiguous(null);
  };
  const message = (name: keyof ShiftErrors) => {
    const error = errors[name];
    return error ? t(error.key as never, { ns: error.ns ?? 'translation' }) : undefined;
  };

  async function submit() {
    const result = validateShiftDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setAmbiguous(result.ambiguous);
      return;
    }
    if (shift) await shifts.update(shift.id, result.fields);
    else await shifts.create({ missionId, seriesId: null, ...result.fields });
    onSaved(shift ? t('shifts.saved') : t('shifts.created'));
    setErrors({});
    setOpen(false);
  }

  return (
    <DialogTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          setDraft(initial);
          setErrors({});
          setAmbiguous(null);
        }
      }}
    >
      <Button variant="secondary" aria-label={triggerAriaLabel}>
        {triggerLabel}
      </Button>
      <FormDialog title={title} onSubmit={submit} submitLabel={shift ? t('common.save') : t('common.create')}>
        <DateField
          label={t('shifts.date')}
          value={draft.date}
          onChange={setText('date')}
          errorMessage={message('date')}
        />
        <div className={ui.row}>
          <TimeField
            label={t('shifts.start')}
            value={draft.start}
            onChange={setText('start')}
            errorMessage={message('start')}
          />
          <TimeField
            label={t('shifts.end')}
            value={draft.end}
            onChange={setText('end')}
            errorMessage={message('end')}
            description={draft.end && draft.start && draft.end <= draft.start ? t('shifts.endNextDay') : undefined}
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
          onChange={setText('capacity')}
          errorMessage={message('capacity')}
        />
        <fieldset className={styles.roleNeeds}>
          <legend>{t('shifts.roleNeeds')}</legend>
          <div className={ui.row}>
            {ROLES.map((role: Role) => (
              <TextField
                key={role}
                label={t(`shifts.roles.${role}`)}
                inputMode="numeric"
                value={draft.roleNeeds[role]}
                onChange={(value) =>
                  setDraft((previous) => ({ ...previous, roleNeeds: { ...previous.roleNeeds, [role]: value } }))
                }
                errorMessage={message(role)}
              />
            ))}
          </div>
        </fieldset>
        <TextField label={t('shifts.requiredSkill')} value={draft.requiredSkill} onChange={setText('requiredSkill')} />
      </FormDialog>
    </DialogTrigger>
  );
}
