import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';
import { confirms, EraseVolunteerSection } from '../../../renderer/features/privacy/erase-volunteer-section';
import { RepositoriesProvider } from '../../../renderer/db/repositories-context';
import { parseRetentionMonths } from '../../../renderer/features/privacy/retention-settings';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { newVolunteer } from '../db/test-database';

async function startApp(hash: string) {
  const started = await bootstrap(`privacy-${Math.random()}`);
  if (!started.ok) throw new Error('not started');
  await started.repositories.settings.save({
    ...DEFAULT_SETTINGS,
    associationName: 'A',
    deskName: 'D',
    firstStartCompletedAt: new Date().toISOString(),
  });
  return {
    started,
    show: (at = hash) => {
      window.location.hash = at;
      return render(<App started={started} />);
    },
  };
}

describe('confirmation and settings rules', () => {
  it('confirms a typed name whatever its case, accents and spacing, never an empty one', () => {
    const person = { id: 'v', firstName: 'Hélène', lastName: 'Le Fèvre', ref: 'B-7F3K9QX2R' };
    expect(confirms('  helene   le fevre ', person)).toBe(true);
    expect(confirms('Hélène', person)).toBe(false);
    expect(confirms('', { ...person, firstName: '', lastName: '' })).toBe(false);
    expect(confirms('b-7f3k9qx2r', { ...person, firstName: '', lastName: '' })).toBe(true);
  });

  it('takes a whole number of months between 1 and 240', () => {
    expect(parseRetentionMonths(' 24 ')).toBe(24);
    for (const bad of ['0', '241', '1.5', '-3', 'douze', '']) expect(parseRetentionMonths(bad)).toBeNull();
  });
});

// Screens are lazy chunks: the first render of one in jsdom, on a loaded machine, takes seconds.
describe('people’s rights on screen', () => {
  it('the erase section erases only once the name is typed, then says so', async () => {
    const user = userEvent.setup();
    const { started } = await startApp('#/volunteers');
    const awa = await started.repositories.volunteers.create(
      newVolunteer({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@example.org' }),
    );
    // The section alone: the volunteer page around it draws a barcode, which jsdom has no canvas for.
    render(
      <I18nextProvider i18n={started.i18n}>
        <RepositoriesProvider repositories={started.repositories}>
          <EraseVolunteerSection volunteer={awa} />
        </RepositoriesProvider>
      </I18nextProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Effacer cette personne…' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Effacer Awa Diallo' });
    expect(await within(dialog).findByText('Aucun export précédent ne contenait cette personne.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Pour confirmer, tapez le nom/), 'Awa');
    await user.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    expect(await within(dialog).findByText(/Le nom tapé ne correspond pas/)).toBeInTheDocument();
    expect(await started.repositories.privacy.erasedReference(awa.id)).toBeNull();

    await user.type(within(dialog).getByLabelText(/Pour confirmer, tapez le nom/), ' Diallo');
    await user.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    // The erasure first fetches its search-key module: its reference is read once the screen says it is done.
    const done = await screen.findByText(/^La personne a été effacée\. Ses participations restent sous la référence/);
    const ref = await started.repositories.privacy.erasedReference(awa.id);
    expect(ref).not.toBeNull();
    expect(done).toHaveTextContent(`La personne a été effacée. Ses participations restent sous la référence ${ref}.`);
    expect(screen.queryByRole('button', { name: 'Effacer cette personne…' })).toBeNull();
    expect((await started.repositories.volunteers.get(awa.id))?.email).toBeNull();
  }, 30_000);

  it('saves the retention policy from Settings, refusing a bad number of months', async () => {
    const user = userEvent.setup();
    const { started, show } = await startApp('#/settings');
    show();
    const months = await screen.findByLabelText('Nombre de mois sans participation', {}, { timeout: 15_000 });
    await user.clear(months);
    await user.type(months, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la durée de conservation' }));
    expect(await screen.findByText('Indiquez un nombre entier de mois entre 1 et 240.')).toBeInTheDocument();
    expect((await started.repositories.settings.get()).retentionMonths).toBe(24);

    await user.clear(months);
    await user.type(months, '36');
    await user.click(screen.getByRole('checkbox', { name: /Supprimer les autorisations parentales/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la durée de conservation' }));
    await screen.findByText('Durée de conservation enregistrée.');
    expect(await started.repositories.settings.get()).toMatchObject({
      retentionMonths: 36,
      retentionAnonymiseInactive: true,
      retentionPurgeGuardian: false,
      associationName: 'A',
    });
  }, 30_000);
});
