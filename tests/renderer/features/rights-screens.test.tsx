import { configure, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { newVolunteer } from '../db/test-database';

// Screens are lazy chunks (issue #12): the feature's module graph is transformed here, once, outside the test's budget.
beforeAll(async () => {
  configure({ asyncUtilTimeout: 10_000 });
  await import('../../../renderer/features/rights');
}, 120_000);

/** The rights screens in English: every string from the English catalogue, none left in French. */
describe('access request and audit log in English', { timeout: 60_000 }, () => {
  it('shows a person’s data and the log of sensitive actions with English labels', async () => {
    const started = await bootstrap(`rights-${Math.random()}`);
    if (!started.ok) throw new Error('not started');
    const { repositories } = started;
    await repositories.settings.save({
      ...DEFAULT_SETTINGS,
      associationName: 'Climate Friends',
      deskName: 'Town hall desk',
      language: 'en',
      firstStartCompletedAt: new Date().toISOString(),
    });
    const awa = await repositories.volunteers.create(newVolunteer({ firstName: 'Awa', lastName: 'Diallo' }));
    await repositories.consents.record(awa.id, {
      purpose: 'newsletter',
      given: true,
      date: '2026-03-01',
      noticeVersion: 'v1',
      channel: 'paper',
    });
    await repositories.accessRequests.recordDelivery(awa.id, 'print');

    window.location.hash = `#/volunteers/${awa.id}/access`;
    const view = render(<App started={started} />);
    await screen.findByRole('heading', { level: 1, name: 'Personal data of Awa Diallo' });
    expect(screen.getByRole('heading', { level: 2, name: 'Consents (full history)' })).toBeInTheDocument();
    const consents = screen.getByRole('table', { name: 'Consents (full history)' });
    expect(within(consents).getByText('Newsletter')).toBeInTheDocument();
    expect(within(consents).getByText('given')).toBeInTheDocument();
    expect(screen.getByText('Data controller: Climate Friends')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the JSON file' })).toBeInTheDocument();
    view.unmount();

    window.location.hash = '#/audit';
    render(<App started={started} />);
    await screen.findByRole('heading', { level: 1, name: 'Log of sensitive actions' });
    // Rows need a layout to be virtualised (jsdom has none): the Chromium spec reads them; here, the labels.
    expect(await screen.findByRole('region', { name: 'Actions, latest first' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /All sensitive actions/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export as CSV' })).toBeInTheDocument();
    expect(screen.getByText('1 action')).toBeInTheDocument();
  });
});
