import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredVolunteer } from '../../../renderer/db/database';
import { VolunteerList } from '../../../renderer/features/volunteers/volunteer-list';
import { createI18n } from '../../../renderer/lib/i18n';
import { formatPhone } from '../../../shared/domain/phone';
import { aVolunteer } from '../../shared/domain/factories';
import { fakeFrameLayout } from './jsdom-layout';

/** Phones of every shape a store may hold: what normalisePhone gives, and numbers of other shapes from elsewhere. */
const PHONES = ['+33612345678', '+33812345678', '+447700900123', '+330123456789', '+3361234567', null];

const volunteers: StoredVolunteer[] = PHONES.map((phone, index) => ({
  ...aVolunteer({ id: `v-${index}`, lastName: `Nom ${index}`, firstName: 'Prénom', phone }),
  searchKeys: [],
}));

function rowOf(index: number): HTMLElement {
  return screen.getByRole('link', { name: `Nom ${index} Prénom` }).closest('li') as HTMLElement;
}

// Room for a loaded two-core machine (no timing is asserted).
describe('the volunteers list', { timeout: 20_000 }, () => {
  beforeEach(() => fakeFrameLayout({ rowHeight: 56 }));
  afterEach(() => vi.restoreAllMocks());

  it('shows every phone exactly as formatPhone does, whatever its shape', async () => {
    const router = createMemoryRouter([{ path: '/', element: <VolunteerList volunteers={volunteers} /> }]);
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <RouterProvider router={router} />
      </I18nextProvider>,
    );
    await screen.findByRole('link', { name: 'Nom 0 Prénom' });
    // Numbers the app normalised: formatted at once, without libphonenumber.
    expect(within(rowOf(0)).getByText('06 12 34 56 78')).toBeInTheDocument();
    expect(within(rowOf(1)).getByText('0 812 34 56 78')).toBeInTheDocument();
    expect(within(rowOf(2)).getByText('+447700900123')).toBeInTheDocument();
    // Other shapes: formatted by libphonenumber once it has loaded (+330… loses its trunk 0).
    expect(await within(rowOf(3)).findByText('01 23 45 67 89')).toBeInTheDocument();
    expect(within(rowOf(4)).getByText(formatPhone('+3361234567'))).toBeInTheDocument();
    PHONES.forEach((phone, index) => {
      if (phone) expect(within(rowOf(index)).getByText(formatPhone(phone))).toBeInTheDocument();
    });
  });
});
