import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcOutput } from '../../../shared/ipc/contract';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { PassphraseForm } from './passphrase-form';

/**
 * Settings of the automatic backups, in the desktop app only (main keeps them): the folder (a USB key, a synced
 * folder; default: the app's data folder) and the passphrase that encrypts them.
 */
export function AutomaticBackupsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const [status, setStatus] = useState<IpcOutput<'backup:get-status'> | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const electron = desktop.kind === 'electron';

  useEffect(() => {
    if (electron) void desktop.getStatus().then(setStatus);
  }, [desktop, electron]);

  if (!electron || !status) return null;
  const refresh = async () => setStatus(await desktop.getStatus());

  async function chooseFolder(useDefault: boolean) {
    const result = await desktop.chooseFolder({ useDefault });
    if (result.status === 'failed') setMessage({ tone: 'error', text: result.message });
    else setMessage(null);
    await refresh();
  }

  async function setPassphrase(passphrase: string | null) {
    await desktop.setPassphrase({ passphrase });
    setEditing(false);
    await refresh();
  }

  return (
    <section aria-labelledby="automatic-backups-title" className={ui.section}>
      <h2 id="automatic-backups-title">{t('backupTools.automatic.title')}</h2>
      <p>{t('backupTools.automatic.intro')}</p>
      <p>
        {t('backupTools.automatic.folder', {
          folder: status.isDefaultFolder ? t('backupTools.automatic.defaultFolder') : status.folder,
        })}
      </p>
      <p>
        {status.lastAutomaticAt
          ? t('backupTools.automatic.last', {
              date: `${formatShiftDate(status.lastAutomaticAt, language)} ${formatTime(status.lastAutomaticAt)}`,
            })
          : t('backupTools.automatic.never')}
      </p>
      <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
        <Button variant="secondary" onPress={() => void chooseFolder(false)}>
          {t('backupTools.automatic.chooseFolder')}
        </Button>
        {!status.isDefaultFolder && (
          <Button variant="secondary" onPress={() => void chooseFolder(true)}>
            {t('backupTools.automatic.useDefaultFolder')}
          </Button>
        )}
      </div>
      <p>{t(status.encrypted ? 'backupTools.automatic.encrypted' : 'backupTools.automatic.notEncrypted')}</p>
      {status.encrypted && !status.passphraseRemembered && (
        <StatusMessage tone="warning">{t('backupTools.automatic.notRemembered')}</StatusMessage>
      )}
      <Checkbox isSelected={editing} onChange={setEditing}>
        {t('backupTools.automatic.setPassphrase')}
      </Checkbox>
      {editing && (
        <PassphraseForm
          confirm
          submitLabel={t('backupTools.automatic.setPassphrase')}
          onSubmit={(passphrase) => void setPassphrase(passphrase)}
        />
      )}
      {status.encrypted && (
        <Button variant="secondary" onPress={() => void setPassphrase(null)}>
          {t('backupTools.automatic.removePassphrase')}
        </Button>
      )}
      {message && <StatusMessage tone={message.tone}>{message.text}</StatusMessage>}
    </section>
  );
}
