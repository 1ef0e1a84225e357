import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { INVITATION_SAVED_ACTION } from '../../../../renderer/db/repositories/contact-repository';
import { RosterPage } from '../../../../renderer/features/planning';
import { contactStore } from './contact-store';

/**
 * Planning's cancel dialog (the roster): someone who was sent an invitation gets the cancellation `.ics` offered in
 * the dialog itself, right after the coordinator cancels; someone who never got one sees the dialog close as before.
 */

function methodOf(data: Uint8Array): unknown {
  return new ICAL.Component(ICAL.parse(new TextDecoder().decode(data))).getFirstPropertyValue('method');
}

/** The roster of one shift, reached through its route as in the app. */
function RosterAt({ shiftId }: { shiftId: string }) {
  const navigate = useNavigate();
  useEffect(() => void navigate(`/shifts/${shiftId}`), [navigate, shiftId]);
  return (
    <Routes>
      <Route path="/shifts/:shiftId" element={<RosterPage />} />
      <Route path="*" element={null} />
    </Routes>
  );
}

describe('cancelling a sign-up from the roster', { timeout: 60_000 }, () => {
  it('offers the cancellation .ics in the dialog to a person who was sent an invitation, and only to them', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    const awa = await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    const bruno = await store.person({ firstName: 'Bruno', lastName: 'Martin', email: 'bruno@exemple.fr' });
    // Awa was sent her invitation (as the contact section records it); Bruno never was.
    await store.repositories.contact.recordCalendarFile(awa.signUp!, { method: 'REQUEST', sequence: 0 });
    store.show(<RosterAt shiftId={store.shift.id} />);

    await user.click(await screen.findByRole('button', { name: 'Annuler l’inscription de Awa Diallo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler l’inscription de Awa Diallo' });
    await user.type(within(dialog).getByLabelText('Motif de l’annulation'), 'malade');
    await user.click(within(dialog).getByRole('button', { name: 'Annuler l’inscription' }));

    // The same dialog, now on her cancellation file.
    const offer = await screen.findByRole('dialog', { name: 'L’inscription de Awa Diallo est annulée' });
    expect(await within(offer).findByText(/Awa Diallo avait reçu une invitation pour ce créneau/)).toBeInTheDocument();
    expect(within(offer).getByText(/annulé depuis l’invitation du .* : envoyez l’annulation/)).toBeInTheDocument();
    await user.click(within(offer).getByRole('button', { name: 'Annulation .ics — Awa Diallo' }));
    await waitFor(() => expect(store.saved).toHaveLength(1));
    expect(store.saved[0]!.suggestedName).toBe(`annulation-${awa.volunteer.ref}.ics`);
    expect(methodOf(store.saved[0]!.data)).toBe('CANCEL');
    expect(await within(offer).findByText(/annulation envoyée le /)).toBeInTheDocument();
    const log = await store.logged(INVITATION_SAVED_ACTION);
    expect(log.map((entry) => [entry.subjectId, entry.details['method']])).toEqual([
      [awa.signUp!.id, 'REQUEST'],
      [awa.signUp!.id, 'CANCEL'],
    ]);
    await user.click(within(offer).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('L’inscription est annulée.')).toBeInTheDocument();

    // Bruno has nothing in his calendar to remove: the dialog closes on the cancellation, as it always did.
    await user.click(screen.getByRole('button', { name: 'Annuler l’inscription de Bruno Martin' }));
    const second = await screen.findByRole('dialog', { name: 'Annuler l’inscription de Bruno Martin' });
    await user.type(within(second).getByLabelText('Motif de l’annulation'), 'empêché');
    await user.click(within(second).getByRole('button', { name: 'Annuler l’inscription' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await store.db.signUps.get(bruno.signUp!.id))?.status).toBe('cancelled');
    expect(store.saved).toHaveLength(1);
  });
});
