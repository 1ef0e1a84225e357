import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Form } from '../../components/form';
import { PinField } from './pin-field';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { verifyPin } from './pin';

/** Asks for the coordinator's PIN; `onValid` runs only once the hash matches. */
export function PinForm({ submitLabel, onValid }: { submitLabel: string; onValid: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function check() {
    const hash = settings?.coordinatorPinHash;
    const salt = settings?.coordinatorPinSalt;
    // No PIN set (an older desk): nothing to protect yet, the coordinator sets one when opening the desk again.
    const valid = !hash || !salt ? true : await verifyPin(pin, { hash, salt });
    if (!valid) {
      setError(t('desk.pin.wrong'));
      setPin('');
      return;
    }
    await onValid();
  }
  return (
    <Form
      className={ui.form}
      aria-label={t('desk.pin.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void check();
      }}
    >
      <PinField
        label={t('desk.pin.label')}
        autoComplete="off"
        value={pin}
        onChange={setPin}
        errorMessage={error}
        autoFocus
      />
      <div className={ui.actions}>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
