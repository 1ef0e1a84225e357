import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/backup/encryption';
import { Button } from '../../components/button';
import { Form } from '../../components/form';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';

/**
 * A passphrase, entered twice when it will seal something (a typo would lock the data away for good) and once
 * when it opens something. Submits only a passphrase of at least 8 characters.
 */
export function PassphraseForm({
  confirm,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  confirm: boolean;
  submitLabel: string;
  error?: string | undefined;
  onSubmit: (passphrase: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<{ passphrase?: string; again?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: { passphrase?: string; again?: string } = {};
    if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
      found.passphrase = t('backupTools.passphraseShort');
    } else if (confirm && passphrase.normalize('NFC') !== again.normalize('NFC')) {
      found.again = t('backupTools.passphraseMismatch');
    }
    setProblems(found);
    if (found.passphrase || found.again) return;
    onSubmit(passphrase);
  }

  return (
    <Form onSubmit={submit}>
      <TextField
        label={t('backupTools.passphrase')}
        type="password"
        autoComplete={confirm ? 'new-password' : 'current-password'}
        value={passphrase}
        onChange={setPassphrase}
        description={confirm ? t('backupTools.passphraseHelp') : undefined}
        errorMessage={problems.passphrase ?? error}
      />
      {confirm && (
        <TextField
          label={t('backupTools.passphraseConfirm')}
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          errorMessage={problems.again}
        />
      )}
      <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
        <Button type="submit">{submitLabel}</Button>
        {onCancel && (
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </Form>
  );
}
