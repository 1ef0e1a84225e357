import type { Mission, Shift, Volunteer } from '../domain/model';
import { PARIS_TIME_ZONE } from '../domain/paris-time';
import type { PlaceholderValues } from './template';

/** The values of a shift's placeholders, in Paris time and the message's language. */
export function shiftPlaceholderValues(
  mission: Pick<Mission, 'title' | 'placeName' | 'address' | 'atPrivateHomes' | 'postcode' | 'whatToBring'>,
  shift: Pick<Shift, 'start' | 'end'>,
  options: { language: 'fr' | 'en'; contact: string },
): PlaceholderValues {
  const locale = options.language === 'fr' ? 'fr-FR' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: PARIS_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: PARIS_TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return {
    mission: mission.title,
    date: date.format(new Date(shift.start)),
    heure_debut: time.format(new Date(shift.start)),
    heure_fin: time.format(new Date(shift.end)),
    lieu: mission.placeName,
    // A home visit's address is someone's home: the referent gives it to each volunteer, never in a group message.
    adresse: mission.atPrivateHomes ? '' : [mission.address, mission.postcode ?? ''].filter(Boolean).join(' '),
    a_apporter: mission.whatToBring,
    contact: options.contact,
  };
}

export function personPlaceholderValues(volunteer: Pick<Volunteer, 'firstName' | 'lastName'>): PlaceholderValues {
  return { prenom: volunteer.firstName, nom: volunteer.lastName };
}
