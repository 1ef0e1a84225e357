import type { privacyFr } from './privacy.fr';

/** People's rights (erasure, retention, duplicates), in English; typed against the French catalogue. */
export const privacyEn: typeof privacyFr = {
  title: 'Personal data',
  intro:
    'Volunteers’ rights over their data: erase a person (from their page), apply the retention period, check possible duplicates.',
  erase: {
    sectionTitle: 'Erasure',
    open: 'Erase this person…',
    title: 'Erase {{name}}',
    what: 'Erasure is permanent. What will happen:',
    steps: {
      identity:
        'First and last name, e-mail, phone, address, date of birth, guardian, skills, notes: removed everywhere, the log of actions included.',
      consents: 'Recorded consents are withdrawn.',
      participations:
        'Participations and hours stay, under a new random reference: the mission’s figures do not change.',
      register:
        'The person is entered in the erasure register: no restored backup and no merge with another desk will bring them back.',
    },
    exportsTitle: 'Exports that contained this person',
    exportsIntro: 'These files have already left. Tell their recipients so that they erase this person too.',
    noExports: 'No earlier export contained this person.',
    columns: { date: 'Date', profile: 'Profile', mode: 'Mode', file: 'File', recipient: 'Reason or recipient' },
    modes: { pseudonymous: 'pseudonymous', named: 'named', none: '—' },
    confirmLabel: 'To confirm, type the person’s name: {{name}}',
    confirmMismatch: 'The name typed does not match. Type exactly: {{name}}',
    submit: 'Erase permanently',
    done: 'The person has been erased. Their participations stay under the reference {{ref}}.',
    failed: 'The erasure failed and nothing was changed: {{message}}',
    alreadyErased: 'This person has already been erased.',
    erasedNotice: 'Erased person. Their participations stay under the reference {{ref}}.',
  },
  retention: {
    title: 'Retention period',
    settingsTitle: 'How long data is kept',
    settingsIntro:
      'Data is kept only as long as needed. Nothing is done without your agreement: the “Personal data” screen shows the list first.',
    anonymise: 'Anonymise volunteers with no participation for',
    months: 'Months without participation',
    monthsHelp:
      'Counted from the end of the person’s last shift (signed up, waiting or cancelled) or, with no shift, from their registration.',
    monthsInvalid: 'Give a whole number of months between 1 and 240.',
    purgeGuardian: 'Remove parental authorisations and guardians’ contacts after the minor’s last mission',
    purgeGuardianHelp: 'From the day after their last shift ended (Paris time), when they have no shift to come.',
    save: 'Save the retention period',
    saved: 'Retention period saved.',
    policy:
      'Current rule: anonymise after {{months}} months without participation ({{anonymise}}); parental authorisations removed after the last mission ({{purge}}).',
    on: 'on',
    off: 'off',
    changeInSettings: 'Change in Settings',
    review: 'See what the rule would do today',
    nothing: 'Nothing to do today: no data has outlived the retention period.',
    planIntro: 'This is exactly what will be done. Nothing has changed yet.',
    columns: { person: 'Person', ref: 'Reference', action: 'Action', why: 'Why' },
    actions: {
      anonymise: 'Anonymise (erasure)',
      purge_guardian: 'Remove the parental authorisation and the guardian’s contact',
    },
    why: {
      lastParticipation: 'Last participation on {{date}}',
      neverTookPart: 'No participation, registered on {{date}}',
      lastMission: 'Last mission ended on {{date}}',
    },
    apply_one: 'Apply this action',
    apply_other: 'Apply these {{count}} actions',
    applied: 'Done: {{anonymised}} person(s) anonymised, {{purged}} parental authorisation(s) removed.',
    failed: 'Applying failed and nothing was changed: {{message}}',
  },
  duplicates: {
    title: 'Possible duplicates',
    intro:
      'One person registered twice (same e-mail, same phone, or same name and date of birth). Nothing is merged without your decision.',
    find: 'Look for duplicates on this desk',
    found_one: '{{count}} possible duplicate added to the list.',
    found_other: '{{count}} possible duplicates added to the list.',
    none: 'No possible duplicate to review.',
    rules: {
      same_email: 'same e-mail',
      same_phone: 'same phone',
      same_name_and_birth_date: 'same name and date of birth',
    },
    pairTitle: 'Same person? ({{rules}})',
    record: 'Record {{n}}',
    fields: {
      name: 'Name',
      ref: 'Reference',
      email: 'E-mail',
      phone: 'Phone',
      birthDate: 'Date of birth',
      postcode: 'Postcode',
      createdAt: 'Registered on',
      signUps: 'Sign-ups',
    },
    empty: '—',
    merge: 'Same person: merge',
    dismiss: 'Different people',
    merged: 'Records merged: the reference {{ref}} is kept.',
    dismissed: 'Noted: this pair will not be suggested again.',
    failed: 'The operation failed and nothing was changed: {{message}}',
  },
};
