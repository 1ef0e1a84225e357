import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Form } from '../../components/form';
import { PinField } from './pin-field';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { verifyPin } from './pin';

/** Asks for the coordinator's PIN; `onValid` runs only once the hash matches. */
export function PinForm({ submitLabel, onValid }: { submitLabel: string; onValid: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { settings: settingsRepository } = useRepositories();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function check() {
    // Read when submitted, not through a live query: submitted before that query's first answer, the PIN looked
    // unset and any code opened the desk.
    const { coordinatorPinHash: hash, coordinatorPinSalt: salt } = await settingsRepository.get();
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
