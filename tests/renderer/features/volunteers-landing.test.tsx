import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/app';
import { bootstrap } from '../../../renderer/app/bootstrap';
import type { Repositories } from '../../../renderer/db/repositories-context';
import { newVolunteer, seedStartedDesk } from '../db/test-database';
import { fakeFrameLayout } from './jsdom-layout';

// The landing screen's module graph is transformed here, once, not within a test's budget.
beforeAll(async () => {
  await import('../../../renderer/features/volunteers/volunteers-screen');
}, 120_000);

/** A desk that has been through its first start, with three volunteers. */
const seedDesk = (name: string) =>
  seedStartedDesk(name, [
    ['Alice', 'Martin'],
    ['Bruno', 'Durand'],
    ['Chloé', 'Petit'],
  ]);

/**
 * Holds back every read the volunteers screen's live queries make until `release()`, counting them: whatever the
 * screen shows meanwhile came from somewhere else. Each read runs first, in the live query's own context (so Dexie
 * still knows what it depends on), and only its answer waits.
 */
function holdListReads(volunteers: Repositories['volunteers']) {
  const calls = { search: 0, count: 0, skills: 0 };
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const { search, count, skills } = volunteers;
  volunteers.search = async (...args) => {
    calls.search += 1;
    const answer = await search(...args);
    await released;
    return answer;
  };
  volunteers.count = async () => {
    calls.count += 1;
    const answer = await count();
    await released;
    return answer;
  };
  volunteers.skills = async () => {
    calls.skills += 1;
    const answer = await skills();
    await released;
    return answer;
  };
  return { calls, release };
}

async function startOn(name: string) {
  window.location.hash = '#/volunteers';
  const started = await bootstrap(name);
  if (!started.ok) throw new Error(started.message);
  return started;
}

// The list is virtualised: without a layout jsdom would show no row at all.
beforeEach(() => fakeFrameLayout({ rowHeight: 56 }));

afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('the volunteers list on a cold start', { timeout: 30_000 }, () => {
  it('shows its first rows and count from what bootstrap read, before any live query answers', async () => {
    const name = `landing-${Math.random()}`;
    await seedDesk(name);
    const started = await startOn(name);
    const held = holdListReads(started.repositories.volunteers);
    render(<App started={started} />);

    const list = await screen.findByRole('region', { name: 'Liste des bénévoles' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringContaining('Durand Bruno'),
      expect.stringContaining('Martin Alice'),
      expect.stringContaining('Petit Chloé'),
    ]);
    expect(screen.getByText('3 bénévoles')).toBeInTheDocument();
    // The live queries are running all the same (they take over), only their answers are held.
    expect(held.calls.search + held.calls.count + held.calls.skills).toBeGreaterThan(0);
    held.release();

    // A write after start-up shows: the live queries took over from the bootstrap's reads.
    await started.repositories.volunteers.create(newVolunteer({ firstName: 'Zoé', lastName: 'Zola' }));
    expect(await within(list).findByText('Zola Zoé')).toBeInTheDocument();
    expect(await screen.findByText('4 bénévoles')).toBeInTheDocument();
    // And the filters, rendered in the second pass, are there.
    expect(await screen.findByRole('group', { name: 'Filtres' })).toBeInTheDocument();
  });

  it('never shows what bootstrap read once something was written after it', async () => {
    const name = `landing-stale-${Math.random()}`;
    await seedDesk(name);
    const started = await startOn(name);
    // Between bootstrap and the first render (another tab, a first start): what bootstrap read is no longer true.
    await started.repositories.volunteers.create(newVolunteer({ firstName: 'Zoé', lastName: 'Zola' }));
    const held = holdListReads(started.repositories.volunteers);
    render(<App started={started} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Bénévoles' })).toBeInTheDocument();
    // The screen's first render is committed (its heading is there): had it used the stale reads, it would show
    // three people here. It waits for its live queries instead, then shows the four.
    expect(screen.queryByRole('region', { name: 'Liste des bénévoles' })).not.toBeInTheDocument();
    expect(screen.queryByText('3 bénévoles')).not.toBeInTheDocument();
    held.release();
    const list = await screen.findByRole('region', { name: 'Liste des bénévoles' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(await screen.findByText('4 bénévoles')).toBeInTheDocument();
  });
});
