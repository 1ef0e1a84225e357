import { phoneSearchDigits } from './phone';
import { volunteerSearchKeys, type SearchableVolunteer } from './text-folding';

/**
 * The keys a volunteer is found by (./text-folding.ts, `volunteerSearchKeys`), stored in the multi-entry `searchKeys`
 * index and computed on every write. Apart from ./text-folding.ts because the phone's digits need libphonenumber
 * (./phone.ts) for numbers of unusual shapes: the write paths import this module on demand, so that the metadata is
 * not part of the start-up chunks (issue #12).
 */
export function searchKeys(volunteer: SearchableVolunteer): string[] {
  return volunteerSearchKeys(volunteer, volunteer.phone ? phoneSearchDigits(volunteer.phone) : []);
}
