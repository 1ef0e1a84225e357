import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { REMINDER_MARKED_ACTION } from '../../../../renderer/db/repositories/contact-repository';
import { RemindersScreen } from '../../../../renderer/features/contact/reminders-screen';
import { contactStore } from './contact-store';

/**
 * The reminders screen (issue #15): the window is the desk's setting, people promoted from the waiting list and not
 * yet confirmed stand out, and marking records the date, the operator and the desk.
 */
describe('the reminders screen', { timeout: 60_000 }, () => {
  it('lists the shifts within the configured window, flags the promoted, and marks people reminded', async () => {
    const user = userEvent.setup();
    // The desk's clock: 27 Nov 10:00 UTC. The first shift starts 22 h later, the second 58 h later.
    const store = await contactStore({ capacity: 2 });
    const later = await store.repositories.shifts.create({
      missionId: store.mission.id,
      start: '2026-11-29T20:00:00.000Z',
      end: '2026-11-29T22:00:00.000Z',
      capacity: 5,
      roleNeeds: [],
      requiredSkill: null,
      seriesId: null,
    });
    const awa = await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' });
    await store.person({ firstName: 'Dan', lastName: 'Roux', email: 'dan@exemple.fr' });
    const bruno = await store.person(
      { firstName: 'Bruno', lastName: 'Petit', email: 'bruno@exemple.fr' },
      { signUp: false },
    );
    await store.repositories.signUps.signUp(bruno.volunteer.id, store.shift.id, 'volunteer', { kind: 'waiting-list' });
    const chloe = await store.person({ firstName: 'Chloé', lastName: 'Martin' }, { signUp: false });
    await store.repositories.signUps.signUp(chloe.volunteer.id, later.id, 'volunteer', { kind: 'sign-up' });
    // Awa cancels: Bruno is promoted from the waiting list, to confirm.
    await store.repositories.signUps.cancel(awa.signUp!.id, 'malade');

    const settings = await store.repositories.settings.get();
    await store.repositories.settings.save({ ...settings, reminderWindowHours: 12 });
    store.show(<RemindersScreen />);
    expect(
      await screen.findByText(/qui commence dans les 12 prochaines heures/, undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Aucun rappel à envoyer.')).toBeInTheDocument();

    // 48 hours: the first shift only; 72 hours: both.
    await store.repositories.settings.save({ ...settings, reminderWindowHours: 48 });
    expect(await screen.findByText(/dans les 48 prochaines heures/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('table', { name: 'Personnes à rappeler' })).toHaveLength(1));
    await store.repositories.settings.save({ ...settings, reminderWindowHours: 72 });
    await waitFor(() => expect(screen.getAllByRole('table', { name: 'Personnes à rappeler' })).toHaveLength(2));

    const first = screen.getAllByRole('article')[0]!;
    const rows = within(within(first).getByRole('table')).getAllByRole('row').slice(1);
    // The promoted one first, in bold, with why; then Dan.
    expect(rows.map((row) => row.textContent)).toEqual([
      'Bruno PetitPromu·e depuis la liste d’attente, à confirmer. Pas encore rappelé·e',
      'Dan RouxPas encore rappelé·e',
    ]);
    expect(rows[0]!.querySelector('strong')?.textContent).toBe('Bruno Petit');
    expect(rows[0]).toHaveAttribute('data-to-confirm', 'true');
    expect(rows[1]).not.toHaveAttribute('data-to-confirm');

    await user.click(within(first).getByRole('button', { name: 'Marquer ces 2 personne(s) comme rappelées' }));
    expect(await within(first).findByText('2 personne(s) marquée(s) comme rappelée(s).')).toBeInTheDocument();
    const marks = await store.logged(REMINDER_MARKED_ACTION);
    expect(marks.map((entry) => [entry.operator, entry.deskId, entry.details['channel']])).toEqual([
      ['Camille', store.desk.deskId, 'email'],
      ['Camille', store.desk.deskId, 'email'],
    ]);
    for (const entry of marks) expect(entry.at.startsWith('2026-11-27T10:')).toBe(true);
    // Dan is done; Bruno, still to confirm, stays with the mark: when, by whom, at which desk.
    await waitFor(() => expect(within(within(first).getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(within(first).getByRole('table').textContent).toMatch(
      new RegExp(`Bruno Petit.*Rappelé·e le ven\\. 27 nov\\. 2026 1[01]:\\d\\d par Camille \\(${store.desk.deskId}\\)`),
    );
  });
});
