import type { backupToolsFr } from './backup-tools.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Backups in English: key for key with French (the type checks it). */
export const backupToolsEn: Widen<typeof backupToolsFr> = {
  encrypt: 'Encrypt the backup with a passphrase',
  passphrase: 'Passphrase',
  passphraseConfirm: 'Confirm the passphrase',
  passphraseHelp:
    'At least 8 characters. Without it nobody can open the backup, you included: write it down somewhere safe.',
  passphraseShort: 'The passphrase must be at least 8 characters long.',
  passphraseMismatch: 'The two passphrases differ.',
  encryptedAsk: 'This file is an encrypted backup. Enter its passphrase to open it.',
  open: 'Open the backup',
  decrypting: 'Decrypting and checking the file…',
  period: 'Shifts from {{from}} to {{to}}.',
  noPeriod: 'No shift.',
  keepsDesk: 'This desk keeps its own id ({{desk}}).',
  safetySaved: 'The current data was backed up first: {{file}}.',
  refused: 'This file cannot be opened: {{message}} Nothing was changed.',
  automatic: {
    title: 'Automatic backups',
    intro:
      'This desk saves a backup at start-up when the last one is more than a day old, and after every import, merge or restore. It keeps 7 daily and 4 weekly ones, each read back and checked.',
    folder: 'Folder: {{folder}}',
    defaultFolder: 'the app’s data folder, on this computer',
    chooseFolder: 'Choose another folder…',
    useDefaultFolder: 'Back to the default folder',
    last: 'Last automatic backup: {{date}}.',
    never: 'No automatic backup yet.',
    encrypted: 'Automatic backups are encrypted with a passphrase.',
    notEncrypted: 'Automatic backups are not encrypted.',
    notRemembered: 'The system keychain is not available: the passphrase will be asked again at the next start.',
    setPassphrase: 'Encrypt automatic backups',
    removePassphrase: 'Stop encrypting automatic backups',
    written: 'Automatic backup saved: {{file}}.',
    failed: 'The automatic backup failed: {{message}}',
  },
  offLaptopWarning:
    'No backup has left this computer for more than {{days}} days: save one to a USB key, or choose a synced folder for automatic backups (Settings).',
  browserReminder: 'Your last backup is more than {{days}} days old: save one from Settings.',
  storage: 'Space used by the app’s data: {{used}} of {{quota}} available.',
  diskFullDuringRestore:
    'The disk is full: the restore could not finish. Your data has been put back exactly as it was. Free some space and try again.',
  restoreUnchanged: 'The restore could not start: {{message}} Nothing was changed.',
  restoreRolledBack: 'The restore failed partway: {{message}} Your data has been put back exactly as it was.',
  restoreRollbackFailed:
    'The restore failed partway ({{message}}) and your data could not be put back yet. Close and reopen the app: it will put it back as it was when it starts.',
  notice: {
    'rolled-back':
      'A restore was interrupted (the app was closed or stopped partway). Your data has been put back as it was before.',
    'not-started': 'A restore was interrupted before it started replacing the data. Nothing was changed.',
    'copy-missing':
      'A restore was interrupted and the copy of the data taken just before is gone: the data may be incomplete. Restore the automatic backup saved before the restore (Settings).',
    dismiss: 'Understood',
  },
  diskFull:
    'The disk is full: the operation could not complete and nothing was changed. Free some space and try again.',
};
