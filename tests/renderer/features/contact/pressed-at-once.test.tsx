import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CalendarFiles } from '../../../../renderer/features/contact/calendar-files';
import { CONTACT_EMAIL, contactStore } from './contact-store';

/**
 * A button pressed the moment it shows, before any live query has answered (a keyboard user, a loaded machine: CI
 * caught it in the roster's cancel dialog): the association's contact address is there, so no "no contact address".
 */
const NO_CONTACT_ADDRESS = /Renseignez l’adresse e-mail de contact/;

describe('contact buttons pressed at once', { timeout: 60_000 }, () => {
  it('saves an invitation pressed in the same moment the list of calendar files is shown', async () => {
    const store = await contactStore();
    await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    const rows = await store.repositories.contact.calendarForShift(store.shift.id);
    store.show(<CalendarFiles rows={rows} rowName="person" />);
    fireEvent.click(screen.getByRole('button', { name: 'Invitation .ics — Awa Diallo' }));

    await waitFor(() => expect(store.saved).toHaveLength(1));
    expect(new TextDecoder().decode(store.saved[0]!.data)).toContain(`mailto:${CONTACT_EMAIL}`);
    expect(screen.queryByText(NO_CONTACT_ADDRESS)).toBeNull();
  });

  it('prepares the e-mails when "Préparer" is pressed as soon as it shows', async () => {
    const store = await contactStore();
    await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    const people = await store.repositories.contact.forShift(store.shift.id);
    store.showShiftContact(people);
    fireEvent.click(await screen.findByRole('button', { name: 'Préparer les e-mails' }));

    expect(await screen.findByRole('button', { name: 'Ouvrir le lot 1 (1 adresse(s))' })).toBeInTheDocument();
    expect(screen.queryByText(NO_CONTACT_ADDRESS)).toBeNull();
  });
});
