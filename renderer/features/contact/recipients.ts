import type { ContactPerson } from '../../db/repositories/contact-repository';
import type { MessageTemplate } from '../../../shared/messaging';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../shared/messaging';
import type { Settings } from '../../../shared/domain/model';

/** The desk's templates, or the defaults until someone edits them in Settings. */
export function templatesOf(settings: Settings | undefined): readonly MessageTemplate[] {
  return settings?.messageTemplates && settings.messageTemplates.length > 0
    ? settings.messageTemplates
    : DEFAULT_MESSAGE_TEMPLATES;
}

/**
 * Consent (issue #15): a message about a person's own sign-up goes to everyone with an address; a newsletter only to
 * those whose current newsletter consent is given.
 */
export function recipientsFor(people: readonly ContactPerson[], template: MessageTemplate): ContactPerson[] {
  return template.purpose === 'newsletter' ? people.filter((person) => person.newsletterConsent) : [...people];
}

/** What the association signs with: its contact e-mail, or its phone. */
export function contactLine(settings: Settings | undefined): string {
  return settings?.contactEmail ?? settings?.contactPhone ?? '';
}
