import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { RepositoriesProvider } from '../../../renderer/db/repositories-context';
import { hashPin } from '../../../renderer/features/desk/pin';
import { PinForm } from '../../../renderer/features/desk/pin-dialog';
import { createI18n } from '../../../renderer/lib/i18n';
import { createStoreWithShift } from '../db/test-database';

/**
 * The coordinator's PIN guards leaving the desk mode and unlocking an idle desk. A code submitted the moment the form
 * shows, before any live query has answered, is checked against the stored PIN all the same.
 */
describe('the coordinator PIN form', { timeout: 60_000 }, () => {
  it('refuses a wrong code submitted at once, and takes the right one', async () => {
    const store = await createStoreWithShift({ now: '2026-11-27T10:00:00Z', operator: 'Camille', capacity: 10 });
    const latest = await store.repositories.settings.get();
    const pin = await hashPin('2468');
    await store.repositories.settings.save({ ...latest, coordinatorPinHash: pin.hash, coordinatorPinSalt: pin.salt });
    const onValid = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <RepositoriesProvider repositories={store.repositories}>
          <PinForm submitLabel="Valider" onValid={onValid} />
        </RepositoriesProvider>
      </I18nextProvider>,
    );

    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Code incorrect.')).toBeInTheDocument();
    expect(onValid).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    await vi.waitFor(() => expect(onValid).toHaveBeenCalledTimes(1));
  });
});
