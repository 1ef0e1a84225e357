import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { INVITATION_SAVED_ACTION } from '../../../../renderer/db/repositories/contact-repository';
import { ShiftCalendarFiles } from '../../../../renderer/features/contact/calendar-files';
import { VolunteerContactSection } from '../../../../renderer/features/contact/volunteer-contact';
import { contactStore } from './contact-store';

/**
 * "Contacter" on a volunteer's page (issue #15): an e-mail to them from a template, and their calendar kept right —
 * the invitation, the update once the shift moved, the cancellation once their sign-up is cancelled.
 */

function event(data: Uint8Array) {
  const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(data)));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    status: vevent.getFirstPropertyValue('status'),
    start: new ICAL.Event(vevent).startDate,
  };
}

describe('contacting one volunteer', { timeout: 60_000 }, () => {
  it('writes to them from a template, their first name filled; a newsletter only with their consent', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    const awa = await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    store.show(<VolunteerContactSection volunteerId={awa.volunteer.id} />);
    const section = await screen.findByRole('region', { name: 'Contacter' });
    await user.click(within(section).getByRole('button', { name: /Modèle de message/ }));
    await user.click(await screen.findByRole('option', { name: 'Rappel SMS (FR)' }));
    await user.click(within(section).getByRole('button', { name: 'Écrire à awa@exemple.fr' }));
    await waitFor(() => expect(store.opened).toHaveLength(1));
    const url = new URL(store.opened[0]!);
    expect(url.pathname).toBe('awa@exemple.fr');
    expect(url.searchParams.get('body')).toMatch(/^Bonjour Awa, rappel : Clean-up le samedi 28 novembre 2026 à 09:00/);
    expect(await within(section).findByText('Message à Awa Diallo ouvert dans la messagerie.')).toBeInTheDocument();

    // Without a shift, a template about one has nothing to fill {mission} with: said, nothing opened.
    await user.click(within(section).getByRole('button', { name: /Au sujet du créneau/ }));
    await user.click(await screen.findByRole('option', { name: 'Aucun créneau' }));
    await user.click(within(section).getByRole('button', { name: 'Écrire à awa@exemple.fr' }));
    expect(await within(section).findByText(/Le champ mission a besoin d’un créneau/)).toBeInTheDocument();
    expect(store.opened).toHaveLength(1);

    // A newsletter template: Awa never accepted the newsletter.
    const latest = await store.repositories.settings.get();
    await store.repositories.settings.save({
      ...latest,
      messageTemplates: [
        { id: 'lettre', name: 'Lettre', language: 'fr', purpose: 'newsletter', subject: 'Nouvelles', body: 'Bonjour' },
      ],
    });
    expect(await within(section).findByText(/Awa Diallo n’a pas accepté la lettre d’information/)).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Écrire à awa@exemple.fr' })).toBeDisabled();
  });

  it('sends the invitation, then the update after the shift moved, then the cancellation, each with a higher SEQUENCE', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    const awa = await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    store.show(
      <>
        <VolunteerContactSection volunteerId={awa.volunteer.id} />
        <ShiftCalendarFiles shiftId={store.shift.id} />
      </>,
    );
    const section = await screen.findByRole('region', { name: 'Contacter' });
    const shiftLabel = 'Clean-up, sam. 28 nov. 2026 09:00 – 12:00';
    expect(await within(section).findByText(`${shiftLabel} — pas encore d’invitation envoyée`)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: `Invitation .ics — ${shiftLabel}` }));
    await waitFor(() => expect(store.saved).toHaveLength(1));
    const invitation = event(store.saved[0]!.data);
    expect(store.saved[0]!.suggestedName).toBe(`invitation-${awa.volunteer.ref}.ics`);
    expect(invitation).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED' });
    expect(await within(section).findByText(/invitation envoyée le .*, à jour/)).toBeInTheDocument();

    // The shift moves one hour later: the invitation is out of date, on her page and on the roster.
    await store.repositories.shifts.update(store.shift.id, {
      start: '2026-11-28T09:00:00.000Z',
      end: '2026-11-28T12:00:00.000Z',
    });
    const movedLabel = 'Clean-up, sam. 28 nov. 2026 10:00 – 13:00';
    expect(
      await within(section).findByText(/horaire ou lieu modifié depuis l’invitation du .* : envoyez la mise à jour/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Invitations et convocations individuelles — 1 agenda\(s\) à mettre à jour/),
    ).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: `Mise à jour .ics — ${movedLabel}` }));
    await waitFor(() => expect(store.saved).toHaveLength(2));
    const update = event(store.saved[1]!.data);
    expect(update).toMatchObject({ method: 'REQUEST', uid: invitation.uid, status: 'CONFIRMED' });
    expect(update.sequence).toBeGreaterThan(invitation.sequence);
    expect(update.start.toString()).toBe('2026-11-28T10:00:00');
    expect(update.start.toJSDate().toISOString()).toBe('2026-11-28T09:00:00.000Z');
    await waitFor(() => expect(screen.queryByText(/à mettre à jour/)).toBeNull());

    // She cancels: the cancellation drops the event from her calendar.
    await store.repositories.signUps.cancel(awa.signUp!.id, 'empêchée');
    expect(
      await within(section).findByText(/annulé depuis l’invitation du .* : envoyez l’annulation/),
    ).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: `Annulation .ics — ${movedLabel}` }));
    await waitFor(() => expect(store.saved).toHaveLength(3));
    const cancellation = event(store.saved[2]!.data);
    expect(store.saved[2]!.suggestedName).toBe(`annulation-${awa.volunteer.ref}.ics`);
    expect(cancellation).toMatchObject({ method: 'CANCEL', uid: invitation.uid, status: 'CANCELLED' });
    expect(cancellation.sequence).toBeGreaterThan(update.sequence);
    expect(await within(section).findByText(/annulation envoyée le /)).toBeInTheDocument();

    const log = await store.logged(INVITATION_SAVED_ACTION);
    expect(log.map((entry) => [entry.subjectId, entry.details['method'], entry.details['sequence']])).toEqual([
      [awa.signUp!.id, 'REQUEST', invitation.sequence],
      [awa.signUp!.id, 'REQUEST', update.sequence],
      [awa.signUp!.id, 'CANCEL', cancellation.sequence],
    ]);
  });
});
