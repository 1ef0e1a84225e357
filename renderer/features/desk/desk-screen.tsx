import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Form } from '../../components/form';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { PinField } from './pin-field';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { DeskShift } from '../../db/repositories/desk-repository';
import { formatTimeRange } from '../../lib/format';
import { useDeskSession, useShiftsBetween } from './desk-hooks';
import { DeskRunning } from './desk-running';
import styles from './desk.module.css';
import { hashPin, isAcceptablePin } from './pin';

const HOUR_MS = 3_600_000;

/** The desk: opened by an operator on today's shifts, then run in desk-only mode until the coordinator's PIN. */
export function DeskScreen() {
  const session = useDeskSession();
  if (session === undefined) return null;
  if (session === null) return <DeskSetup />;
  return <DeskRunning session={session} />;
}

/** Running now, or starting within the next three hours: the shifts a desk most likely opens for. */
export function isDefaultShift(deskShift: DeskShift, now: number): boolean {
  const start = Date.parse(deskShift.shift.start);
  const end = Date.parse(deskShift.shift.end);
  return (start <= now && now < end) || (start > now && start - now <= 3 * HOUR_MS);
}

function DeskSetup() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const settings = useSettings();
  const [now] = useState(() => repositories.desk.now().getTime());
  const from = useMemo(() => new Date(now - 24 * HOUR_MS).toISOString(), [now]);
  const to = useMemo(() => new Date(now + 24 * HOUR_MS).toISOString(), [now]);
  const candidates = useShiftsBetween(from, to);
  const today = parisLocalDate(new Date(now).toISOString());
  const shifts = useMemo(
    () =>
      (candidates ?? []).filter(
        (deskShift) => parisLocalDate(deskShift.shift.start) === today || Date.parse(deskShift.shift.end) > now,
      ),
    [candidates, today, now],
  );
  const [operator, setOperator] = useState(repositories.desk.operator);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [pin, setPin] = useState('');
  const [pinConfirm, setPinConfirm] = useState('');
  const [idle, setIdle] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  if (!settings || !candidates) return null;
  const selected = chosen ?? new Set(shifts.filter((s) => isDefaultShift(s, now)).map((s) => s.shift.id));
  const needsPin = settings.coordinatorPinHash === null;
  const idleText = idle ?? String(settings.deskIdleLockMinutes);

  async function open() {
    if (!settings) return;
    const minutes = Number(idleText);
    const next = {
      operator: operator.trim() ? undefined : t('validation.required'),
      shifts: selected.size > 0 ? undefined : t('desk.setup.chooseShift'),
      pin: needsPin && !isAcceptablePin(pin) ? t('desk.setup.pinInvalid') : undefined,
      pinConfirm: needsPin && isAcceptablePin(pin) && pin !== pinConfirm ? t('desk.setup.pinMismatch') : undefined,
      idle: Number.isInteger(minutes) && minutes >= 1 && minutes <= 240 ? undefined : t('desk.setup.idleInvalid'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const hashed = needsPin ? await hashPin(pin) : null;
    await repositories.settings.save({
      ...settings,
      deskIdleLockMinutes: minutes,
      ...(hashed ? { coordinatorPinHash: hashed.hash, coordinatorPinSalt: hashed.salt } : {}),
    });
    repositories.desk.setOperator(operator);
    await repositories.checkins.saveSession({
      operator: operator.trim(),
      shiftIds: shifts.filter((s) => selected.has(s.shift.id)).map((s) => s.shift.id),
      openedAt: repositories.desk.now().toISOString(),
      locked: false,
      presenceDefault: [],
    });
  }

  return (
    <Page title={t('desk.setup.title')}>
      <p>{t('desk.setup.intro')}</p>
      <Form
        className={`${ui.form} ${styles.setup}`}
        aria-label={t('desk.setup.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void open();
        }}
      >
        <TextField
          label={t('desk.setup.operator')}
          value={operator}
          onChange={setOperator}
          errorMessage={errors.operator}
          autoComplete="name"
        />
        <fieldset>
          <legend>{t('desk.setup.shifts')}</legend>
          {shifts.length === 0 && <p>{t('desk.setup.noShifts')}</p>}
          <ul className={styles.shiftChoices}>
            {shifts.map((deskShift) => {
              const { shift, mission } = deskShift;
              const label = t('desk.setup.shiftLabel', {
                time: formatTimeRange(shift.start, shift.end),
                mission: mission?.title ?? '',
              });
              const name = `${mission?.title ?? ''} ${formatTimeRange(shift.start, shift.end)}`;
              return (
                <li key={shift.id}>
                  <Checkbox
                    isSelected={selected.has(shift.id)}
                    onChange={(on) => {
                      const next = new Set(selected);
                      if (on) next.add(shift.id);
                      else next.delete(shift.id);
                      setChosen(next);
                    }}
                  >
                    {label}
                  </Checkbox>
                  <span className={styles.shiftLinks}>
                    <Link to={`/desk/sheet/${shift.id}`} aria-label={t('desk.setup.sheetFor', { shift: name })}>
                      {t('desk.setup.sheet')}
                    </Link>
                    <Link to={`/desk/paper/${shift.id}`} aria-label={t('desk.setup.paperFor', { shift: name })}>
                      {t('desk.setup.paper')}
                    </Link>
                  </span>
                </li>
              );
            })}
          </ul>
          {errors.shifts && <StatusMessage tone="error">{errors.shifts}</StatusMessage>}
        </fieldset>
        {needsPin && (
          <fieldset>
            <legend>{t('desk.setup.pinTitle')}</legend>
            <p>{t('desk.setup.pinIntro')}</p>
            <div className={ui.columns}>
              <PinField
                label={t('desk.setup.pin')}
                value={pin}
                onChange={setPin}
                errorMessage={errors.pin}
                autoComplete="new-password"
              />
              <PinField
                label={t('desk.setup.pinConfirm')}
                value={pinConfirm}
                onChange={setPinConfirm}
                errorMessage={errors.pinConfirm}
                autoComplete="new-password"
              />
            </div>
          </fieldset>
        )}
        <TextField
          label={t('desk.setup.idleMinutes')}
          inputMode="numeric"
          value={idleText}
          onChange={setIdle}
          errorMessage={errors.idle}
        />
        <div className={ui.actions}>
          <Button type="submit">{t('desk.setup.open')}</Button>
        </div>
      </Form>
    </Page>
  );
}
