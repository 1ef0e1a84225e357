import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MissionTable } from '../../../renderer/features/missions/mission-table';
import { createI18n } from '../../../renderer/lib/i18n';
import { aMission } from '../../shared/domain/factories';
import { fakeFrameLayout } from './jsdom-layout';

/** The city's 2,000 missions (issue #12), named so that their order is known. */
const missions = Array.from({ length: 2_000 }, (_unused, index) =>
  aMission({ id: `m-${index}`, title: `Mission ${String(index).padStart(4, '0')}` }),
);

function renderTable() {
  const router = createMemoryRouter([{ path: '/', element: <MissionTable missions={missions} /> }]);
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

// Room for a loaded two-core machine (no timing is asserted).
describe('the missions table', { timeout: 20_000 }, () => {
  beforeEach(() => fakeFrameLayout({ rowHeight: 41 }));
  afterEach(() => vi.restoreAllMocks());

  it('renders a screenful of rows, not 2,000, and still tells assistive technology the full size', async () => {
    renderTable();
    await screen.findByRole('link', { name: 'Mission 0000' });
    const table = screen.getByRole('table', { name: 'Liste des missions' });
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rows = within(table)
      .getAllByRole('row')
      .filter((row) => row.getAttribute('aria-rowindex') !== '1');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    // The first data row is row 2 (after the header), and it is the first mission, a link to its page.
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Mission 0000' })).toHaveAttribute(
      'href',
      '/missions/m-0',
    );
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toHaveLength(4);
  });
});
