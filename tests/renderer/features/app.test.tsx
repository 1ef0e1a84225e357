import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';

// Screens are lazy chunks (issue #12). Their module graphs are transformed here, once, so that no test spends its
// time budget on the first visit to a screen.
beforeAll(async () => {
  await Promise.all([import('../../../renderer/features/settings'), import('../../../renderer/features/volunteers')]);
}, 120_000);

async function startApp() {
  const started = await bootstrap(`app-${Math.random()}`);
  render(<App started={started} />);
  return started;
}

// Room for typing whole forms on a loaded two-core machine (no timing is asserted).
describe('the app', { timeout: 30_000 }, () => {
  it('asks for the association on first start, in French, and refuses a wrong SIRET and RNA', async () => {
    const user = userEvent.setup();
    await startApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Desk Climat' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');

    await user.type(screen.getByLabelText('Nom de l’association'), 'Climat 19');
    await user.type(screen.getByLabelText('Nom du poste'), 'Accueil');
    await user.type(screen.getByLabelText('Numéro SIRET'), '12345678901238');
    await user.type(screen.getByLabelText('Numéro RNA'), 'W12');
    await user.click(screen.getByRole('button', { name: 'Commencer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('2 erreur(s)');
    expect(screen.getByLabelText('Numéro SIRET')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Numéro RNA')).toHaveAccessibleDescription(
      /W suivi de 9 chiffres.*Le numéro RNA commence par W/,
    );
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('switches the whole interface to English when the first start chooses English', async () => {
    const user = userEvent.setup();
    const started = await startApp();
    await user.type(await screen.findByLabelText('Nom de l’association'), 'Climat 19');
    await user.type(screen.getByLabelText('Nom du poste'), 'Desk 1');
    await user.click(screen.getByRole('button', { name: /Langue de l’interface/ }));
    await user.click(await screen.findByRole('option', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Commencer' }));

    const navigation = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(navigation).toHaveTextContent('Volunteers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Volunteers' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    if (!started.ok) throw new Error('not started');
    expect((await started.repositories.settings.get()).language).toBe('en');
  });
});
