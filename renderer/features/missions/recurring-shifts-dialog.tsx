import { useState } from 'react';
import { Checkbox, CheckboxGroup, DialogTrigger, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { expandRecurrence, type RecurrencePattern } from '../../../shared/domain/recurrence';
import { Button } from '../../components/button';
import { DialogActions, ModalDialog } from '../../components/form-dialog';
import { StatusMessage } from '../../components/status-message';
import { DateField } from '../../components/date-field';
import { IncompleteGuard, useIncompleteGuard } from '../../components/incomplete-segments';
import { TimeField } from '../../components/time-field';
import { TextField } from '../../components/text-field';
import { useRepositories } from '../../db/repositories-context';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import styles from './missions.module.css';
import ui from '../../components/ui.module.css';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/**
 * Recurring shifts from a pattern (product.md: "every Tuesday and Thursday 18:00–20:00 for 8 weeks"), with a live
 * preview of every shift and of every date left out and why; created in one transaction.
 */
export function RecurringShiftsDialog({
  missionId,
  onCreated,
}: {
  missionId: string;
  onCreated: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { shifts } = useRepositories();
  const [isOpen, setOpen] = useState(false);
  const [days, setDays] = useState<string[]>([]);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exceptions, setExceptions] = useState('');
  const [capacity, setCapacity] = useState('10');
  // A date or time partly typed is no value: no preview, and Create refuses (focus on the part still to type).
  const guard = useIncompleteGuard();

  const pattern: RecurrencePattern = {
    daysOfWeek: days.map(Number),
    startTime,
    endTime,
    from,
    to,
    exceptions: exceptions
      .split(',')
      .map((date) => date.trim())
      .filter(Boolean),
  };
  const complete = days.length > 0 && startTime && endTime && from && to;
  const result = complete ? expandRecurrence(pattern) : null;
  const capacityValue = Number(capacity);
  const capacityValid = /^\d+$/.test(capacity.trim()) && capacityValue >= 1;

  async function create() {
    if (guard.refuse() || !result?.ok || !capacityValid) return;
    const created = await shifts.createSeries(
      { missionId, capacity: capacityValue, roleNeeds: [], requiredSkill: null },
      result.preview.occurrences,
    );
    onCreated(t('shifts.seriesCreated', { count: created.length }));
    setOpen(false);
  }

  const count = result?.ok ? result.preview.occurrences.length : 0;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button variant="secondary">{t('shifts.addRecurring')}</Button>
      <ModalDialog title={t('shifts.recurring.title')} wide>
        <CheckboxGroup value={days} onChange={setDays} className={styles.weekdays}>
          <Label className={styles.groupLabel}>{t('shifts.recurring.days')}</Label>
          <div className={styles.weekdayList}>
            {WEEKDAYS.map((day) => (
              <Checkbox key={day} value={day} className={styles.weekday}>
                {t(`shifts.weekdays.${day}`)}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <IncompleteGuard guard={guard}>
          <div className={ui.row}>
            <TimeField label={t('shifts.start')} value={startTime} onChange={setStartTime} />
            <TimeField
              label={t('shifts.end')}
              value={endTime}
              onChange={setEndTime}
              description={endTime && startTime && endTime <= startTime ? t('shifts.endNextDay') : undefined}
            />
          </div>
          <div className={ui.row}>
            <DateField label={t('shifts.recurring.from')} value={from} onChange={setFrom} />
            <DateField label={t('shifts.recurring.to')} value={to} onChange={setTo} />
          </div>
        </IncompleteGuard>
        <TextField label={t('shifts.recurring.exceptions')} value={exceptions} onChange={setExceptions} />
        <TextField
          label={t('shifts.capacity')}
          inputMode="numeric"
          value={capacity}
          onChange={setCapacity}
          errorMessage={capacityValid ? undefined : t('missions.errors.integer')}
        />
        <section aria-labelledby="recurring-preview" className={styles.preview}>
          <h3 id="recurring-preview">{t('shifts.recurring.preview')}</h3>
          {guard.hasIncomplete && <StatusMessage tone="error">{t('shifts.recurring.incomplete')}</StatusMessage>}
          {result && !result.ok && (
            <StatusMessage tone="error">
              {t(result.error, {
                ns: 'domain',
                ...('count' in result ? { count: result.count, max: result.max } : {}),
              })}
            </StatusMessage>
          )}
          {result?.ok && (
            <>
              <p role="status">{t('shifts.recurring.previewSummary', { count })}</p>
              <ol className={styles.previewList}>
                {result.preview.occurrences.map((occurrence) => (
                  <li key={occurrence.start}>
                    {formatShiftDate(occurrence.start, language)} · {formatTimeRange(occurrence.start, occurrence.end)}
                    {occurrence.flags.length > 0 && <em> — {t('shifts.recurring.flagged')}</em>}
                  </li>
                ))}
              </ol>
              {result.preview.skipped.length > 0 && (
                <>
                  <p>{t('shifts.recurring.skippedSummary', { count: result.preview.skipped.length })}</p>
                  <ul>
                    {result.preview.skipped.map((skip) => (
                      <li key={skip.date}>
                        {skip.date} — {t(skip.reason, { ns: 'domain' })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </section>
        <DialogActions>
          {/* Left pressable while a field is incomplete: pressing it says which part is missing. */}
          <Button onPress={create} isDisabled={!guard.hasIncomplete && (!result?.ok || count === 0 || !capacityValid)}>
            {t('shifts.recurring.create', { count })}
          </Button>
        </DialogActions>
      </ModalDialog>
    </DialogTrigger>
  );
}
