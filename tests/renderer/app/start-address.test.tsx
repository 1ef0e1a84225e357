import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';
import { startOnLandingScreen } from '../../../renderer/app/routes';
import { seedStartedDesk } from '../db/test-database';

/*
 * Issue #12, cold start: the app opened on no address renders the volunteers list in its very first commit, neither
 * redirected there by the router (a render of the frame for `/`, then another) nor suspended on a lazy chunk (a
 * commit of the loading status, then another).
 */

afterEach(() => {
  window.location.hash = '';
});

describe('the address the app starts on', () => {
  it.each(['', '#', '#/'])('becomes the volunteers list’s when it is %j, replacing the history entry', (hash) => {
    window.history.replaceState(null, '', hash === '' ? window.location.pathname : hash);
    const entries = window.history.length;

    expect(startOnLandingScreen()).toBe(true);

    expect(window.location.hash).toBe('#/volunteers');
    expect(window.history.length).toBe(entries);
  });

  it.each(['#/volunteers', '#/missions', '#/volunteers/import', '#/desk'])('is kept when it is %s', (hash) => {
    window.location.hash = hash;
    expect(startOnLandingScreen()).toBe(hash === '#/volunteers');
    expect(window.location.hash).toBe(hash);
  });
});

describe('a start on no address', { timeout: 30_000 }, () => {
  it('shows the volunteers list, current in the navigation, in the first commit', async () => {
    const name = `start-address-${Math.random()}`;
    await seedStartedDesk(name);
    window.location.hash = '';

    const started = await bootstrap(name);
    if (!started.ok) throw new Error(started.message);
    render(<App started={started} />);

    // Read at once, with nothing awaited: what the first commit put on the page.
    expect(screen.getByRole('heading', { level: 1, name: 'Bénévoles' })).toBeInTheDocument();
    expect(screen.queryByText('Chargement…')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bénévoles' })).toHaveAttribute('aria-current', 'page');
    expect(window.location.hash).toBe('#/volunteers');
  });
});
