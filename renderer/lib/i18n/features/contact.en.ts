import type { contactFr } from './contact.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Reaching volunteers in English: key for key with French (the type checks it). */
export const contactEn: Widen<typeof contactFr> = {
  title: 'Contact',
  summary: '{{withEmail}} person(s) with an e-mail address, {{withoutEmail}} without; {{sms}} accept text messages.',
  newsletterNote: 'Newsletter: only the {{count}} person(s) who accepted it will receive it.',
  template: 'Message template',
  templateOption: '{{name}} ({{language}})',
  copy: 'Copy the addresses',
  copied: '{{count}} address(es) copied. Paste them into your mail client’s Bcc field.',
  copyFailed: 'Copying failed. Select the addresses below and copy them.',
  prepare: 'Prepare the e-mails',
  batchesLabel: 'E-mail batches',
  batchesIntro:
    '{{count}} address(es) in {{batches}} batch(es), in blind copy (Bcc). Open each batch in your mail client, then send it.',
  openBatch: 'Open batch {{number}} ({{count}} address(es))',
  opened: 'Batch {{number}} opened in the mail client.',
  openRefused: 'The mail client could not be opened for this batch.',
  unsendable: 'Addresses too long for a link, to copy by hand: {{addresses}}',
  noContactEmail: 'Enter the association’s contact e-mail in Settings: it is the visible recipient of the batches.',
  noRecipients: 'Nobody to contact in this list.',
  smsCsv: 'Download the CSV for text messages',
  smsDone:
    'SMS CSV saved: {{count}} person(s); {{withoutConsent}} without SMS consent and {{withoutPhone}} without a number left out.',
  issues: {
    unknown_placeholder: 'There is no field {{name}}.',
    unclosed_brace: 'A brace is not closed (position {{at}}).',
    missing_value: 'The field {{name}} has no value for this message (it differs from one person to the next).',
    empty: 'This field is empty.',
  },
  invitations: 'Individual invitations and notices',
  invitation: '.ics invitation for {{name}}',
  convocation: 'Notice for {{name}}',
  invitationSaved: 'Invitation saved: {{file}}',
  reminders: {
    link: 'Reminders to send',
    title: 'Reminders',
    intro:
      'People signed up to a shift starting within the next {{hours}} hours, not yet reminded or not yet confirmed.',
    window: 'Window (hours)',
    empty: 'No reminder to send.',
    shiftHeading: '{{mission}} — {{date}} {{time}}',
    toConfirm: 'Promoted from the waiting list, to confirm',
    remindedOn: 'Reminded on {{date}} by {{operator}} ({{desk}})',
    notReminded: 'Not reminded yet',
    mark: 'Mark these {{count}} person(s) as reminded',
    marked: '{{count}} person(s) marked as reminded.',
    tableLabel: 'People to remind',
    name: 'Name',
    state: 'State',
  },
  convocationPage: {
    title: 'Notice to attend',
    mission: 'Mission',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    referent: 'Referent',
    whatToBring: 'What to bring',
    reference: 'Your reference, to show at the desk',
    print: 'Print or save as PDF',
    notFound: 'Sign-up not found.',
  },
};
