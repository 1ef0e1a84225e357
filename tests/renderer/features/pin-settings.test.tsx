import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';
import { verifyPin } from '../../../renderer/features/desk/pin';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';

// Screens are lazy chunks (issue #12): the Settings screen's module graph is transformed here, once, not within the
// test's time budget; and room is left for a loaded two-core machine (no timing is asserted).
beforeAll(async () => {
  configure({ asyncUtilTimeout: 10_000 });
  await import('../../../renderer/features/settings');
}, 120_000);

describe('the coordination PIN in Settings', { timeout: 30_000 }, () => {
  it('sets a PIN, then changes it only with the current one', async () => {
    const user = userEvent.setup();
    const started = await bootstrap(`pin-${Math.random()}`);
    if (!started.ok) throw new Error('not started');
    const { settings } = started.repositories;
    await settings.save({
      ...DEFAULT_SETTINGS,
      associationName: 'A',
      deskName: 'D',
      firstStartCompletedAt: new Date().toISOString(),
    });
    window.location.hash = '#/settings';
    render(<App started={started} />);
    const form = await screen.findByRole('form', { name: 'Code de la coordination (mode accueil)' });
    expect(screen.getByText('Aucun code n’est défini pour l’instant.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Nouveau code (4 à 8 chiffres)'), '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    expect(await screen.findByText('Le code compte de 4 à 8 chiffres.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Nouveau code (4 à 8 chiffres)'));
    await user.type(screen.getByLabelText('Nouveau code (4 à 8 chiffres)'), '2468');
    await user.type(screen.getByLabelText('Confirmer le nouveau code'), '2468');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    await screen.findByText('Le code a été enregistré.');
    const stored = await settings.get();
    expect(stored.coordinatorPinHash).not.toContain('2468');
    expect(await verifyPin('2468', { hash: stored.coordinatorPinHash!, salt: stored.coordinatorPinSalt! })).toBe(true);

    // Changing it takes the current PIN.
    await user.type(await screen.findByLabelText('Code actuel'), '0000');
    await user.type(screen.getByLabelText('Nouveau code (4 à 8 chiffres)'), '13579');
    await user.type(screen.getByLabelText('Confirmer le nouveau code'), '13579');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le code' }));
    expect(await screen.findByText('Code incorrect.')).toBeInTheDocument();
    await waitFor(async () => expect((await settings.get()).coordinatorPinHash).toBe(stored.coordinatorPinHash));
    expect(form).toBeInTheDocument();
  });
});
