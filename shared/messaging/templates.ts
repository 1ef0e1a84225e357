import { z } from 'zod';
import { checkTemplateText, type TemplateIssue } from './template';

/**
 * The message templates kept in the desk's settings. `about_sign_up` messages concern the person's own sign-up and go
 * to everyone with an address; a `newsletter` goes only to those who consented to it (GDPR, product.md "Consents").
 */
export const TEMPLATE_PURPOSES = ['about_sign_up', 'newsletter'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export const messageTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  language: z.enum(['fr', 'en']),
  purpose: z.enum(TEMPLATE_PURPOSES),
  subject: z.string().max(500),
  body: z.string().max(5000),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** Issues of a template as a whole (subject and body), each with the field it is in. */
export function checkMessageTemplate(
  template: Pick<MessageTemplate, 'name' | 'subject' | 'body'>,
): { field: 'name' | 'subject' | 'body'; issue: TemplateIssue | { kind: 'empty' } }[] {
  const found: { field: 'name' | 'subject' | 'body'; issue: TemplateIssue | { kind: 'empty' } }[] = [];
  if (template.name.trim() === '') found.push({ field: 'name', issue: { kind: 'empty' } });
  if (template.body.trim() === '') found.push({ field: 'body', issue: { kind: 'empty' } });
  for (const field of ['subject', 'body'] as const) {
    for (const issue of checkTemplateText(template[field]).issues) found.push({ field, issue });
  }
  return found;
}

/** The defaults a new desk starts with, in French and in English: a reminder, a convocation and an SMS reminder. */
export const DEFAULT_MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'rappel-fr',
    name: 'Rappel de créneau',
    language: 'fr',
    purpose: 'about_sign_up',
    subject: 'Rappel : {mission} le {date}',
    body:
      'Bonjour,\n\nNous vous attendons pour « {mission} » le {date} de {heure_debut} à {heure_fin}.\n' +
      'Lieu : {lieu}, {adresse}\nÀ apporter : {a_apporter}\n\n' +
      'Si vous ne pouvez plus venir, merci de nous prévenir : {contact}.\n\nMerci et à bientôt !',
  },
  {
    id: 'reminder-en',
    name: 'Shift reminder',
    language: 'en',
    purpose: 'about_sign_up',
    subject: 'Reminder: {mission} on {date}',
    body:
      'Hello,\n\nWe look forward to seeing you at "{mission}" on {date} from {heure_debut} to {heure_fin}.\n' +
      'Place: {lieu}, {adresse}\nWhat to bring: {a_apporter}\n\n' +
      'If you can no longer come, please let us know: {contact}.\n\nThank you, see you soon!',
  },
  {
    id: 'sms-fr',
    name: 'Rappel SMS',
    language: 'fr',
    purpose: 'about_sign_up',
    subject: '',
    body: 'Bonjour {prenom}, rappel : {mission} le {date} à {heure_debut}, {lieu}. Empêché·e ? {contact}',
  },
  {
    id: 'sms-en',
    name: 'SMS reminder',
    language: 'en',
    purpose: 'about_sign_up',
    subject: '',
    body: 'Hello {prenom}, reminder: {mission} on {date} at {heure_debut}, {lieu}. Cannot come? {contact}',
  },
];
