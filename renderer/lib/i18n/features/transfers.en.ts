import type { transfersFr } from './transfers.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Long exports and imports in English: key for key with French (the type checks it). */
export const transfersEn: Widen<typeof transfersFr> = {
  progress: {
    cancel: 'Cancel',
    percent: '{{percent}}%',
  },
  /** The store's tables as the export reads them (progress text). */
  tables: {
    volunteers: 'volunteers',
    consents: 'consents',
    missions: 'missions',
    shifts: 'shifts',
    signUps: 'sign-ups',
    checkinEvents: 'attendance',
    aliases: 'merged records',
    reviewItems: 'items to review',
    auditLog: 'log',
    exportLog: 'export log',
    erasures: 'erasures',
  },
  exports: {
    progressLabel: 'Export progress',
    read: 'Reading the data: {{done}} of {{total}} record(s)',
    readTable: 'Reading the data ({{table}}): {{done}} of {{total}} record(s)',
    zip: 'Writing the zip file: {{done}} of {{total}} row(s)',
    cancelled: 'Export cancelled: no file was saved.',
  },
  imports: {
    progressLabel: 'Progress of reading the file',
    reading: 'Reading the file: {{rows}} row(s) read',
    analysing: 'Checking the rows: {{done}} of {{total}}',
    cancelled: 'Reading cancelled: nothing was saved.',
    fix: {
      title: 'Fix row {{line}}',
      open: 'Fix…',
      openLabel: 'Fix row {{line}}',
      field: '{{field}} (column “{{header}}”)',
      problem: 'Value read: “{{text}}” — {{message}}',
      apply: 'Check and apply',
      dropField: 'Do not import this field',
      leaveOut: 'Leave the row out',
      close: 'Close',
      fixed: 'Row {{line}} fixed: {{status}}.',
      stillWrong: 'The corrected value is still refused: {{message}}',
      rechecking: 'Checking the corrected row…',
    },
  },
};
