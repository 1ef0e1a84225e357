import type { syncFr } from './sync.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** CouchDB sync in English: key for key with French (the type checks it). */
export const syncEn: Widen<typeof syncFr> = {
  title: 'Sync',
  intro:
    'Several desks share the same data through the association’s CouchDB server. Data stays on this desk: sync sends and receives the changes.',
  server: 'Server address',
  serverHelp: 'For example https://couch.my-association.org',
  database: 'Database',
  user: 'User name',
  password: 'Password',
  passwordKept: 'Leave empty to keep the saved password.',
  passwordBrowser: 'In a browser the password is never saved: it is asked for at each start.',
  enabled: 'Sync this desk',
  save: 'Save',
  saved: 'Sync settings saved.',
  required: 'The server address and the database are needed to sync.',
  syncNow: 'Sync now',
  weakKeyring: 'This system has no secure keyring: the password is kept with a plain key on this desk.',
  offNote: 'Turning sync off deletes no data from this desk.',
  changeWarning:
    '{{count}} changes on this desk are not synced yet. Changing the server or database keeps them on this desk but does not send them to the previous server. Sync first, or confirm.',
  changeConfirm: 'Change anyway',
  cancel: 'Cancel',
  askPassword: 'Enter the sync password for this session.',
  usePassword: 'Use this password',
  download: 'Downloading the server’s data',
  overbooked: {
    title: 'To review after syncing',
    help: 'Two desks gave away the last places of these shifts offline: they are over capacity. Open each one to decide.',
    link: 'Shift over capacity',
  },
  status: {
    label: 'Sync',
    off: 'Sync is off',
    never: 'Never synced',
    justNow: 'Synced just now',
    minutesAgo: 'Synced {{count}} min ago',
    at: 'Synced on {{date}}',
    pending_one: '{{count}} change pending',
    pending_other: '{{count}} changes pending',
    offline: 'Offline',
    needsPassword: 'Sync password to enter (Settings)',
    checking: 'Connecting to the server…',
    pulling: 'Receiving: {{count}} documents',
    pullingOf: 'Receiving: {{count}} of {{total}} documents',
    settling: 'Checking the data received…',
    pushing: 'Sending: {{count}} documents',
    done: 'Sync finished',
    unexpected: 'Sync failed; local data is intact.',
  },
};
