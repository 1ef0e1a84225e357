import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Form } from '../../components/form';
import { StatusMessage } from '../../components/status-message';
import { PinField } from './pin-field';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { hashPin, isAcceptablePin, verifyPin } from './pin';

/** Set or change the coordinator's PIN from Settings; changing it takes the current one. */
export function PinSettingsSection() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const settings = useSettings();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const stored =
    settings.coordinatorPinHash && settings.coordinatorPinSalt
      ? { hash: settings.coordinatorPinHash, salt: settings.coordinatorPinSalt }
      : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (stored && !(await verifyPin(current, stored))) return setErrors({ current: t('desk.pin.wrong') });
    if (!isAcceptablePin(next)) return setErrors({ next: t('desk.setup.pinInvalid') });
    if (next !== confirm) return setErrors({ confirm: t('desk.setup.pinMismatch') });
    const hashed = await hashPin(next);
    const latest = await repositories.settings.get();
    await repositories.settings.save({ ...latest, coordinatorPinHash: hashed.hash, coordinatorPinSalt: hashed.salt });
    await repositories.audit.append('settings.pin-change', null);
    setErrors({});
    setCurrent('');
    setNext('');
    setConfirm('');
    setSaved(true);
  }

  return (
    <section aria-labelledby="pin-title" className={ui.section}>
      <h2 id="pin-title">{t('desk.pinSettings.title')}</h2>
      <p>{t('desk.pinSettings.intro')}</p>
      <p>{stored ? t('desk.pinSettings.isSet') : t('desk.pinSettings.notSet')}</p>
      <Form onSubmit={submit} aria-label={t('desk.pinSettings.title')}>
        <div className={ui.columns}>
          {stored && (
            <PinField
              label={t('desk.pinSettings.current')}
              value={current}
              onChange={setCurrent}
              errorMessage={errors.current}
            />
          )}
          <PinField label={t('desk.pinSettings.next')} value={next} onChange={setNext} errorMessage={errors.next} />
          <PinField
            label={t('desk.pinSettings.confirm')}
            value={confirm}
            onChange={setConfirm}
            errorMessage={errors.confirm}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('desk.pinSettings.save')}
        </Button>
        {saved && <StatusMessage tone="success">{t('desk.pinSettings.saved')}</StatusMessage>}
      </Form>
    </section>
  );
}
