import { afterEach, describe, expect, it } from 'vitest';
import { tabTo } from './desk-seed';
import { foreignRequests, openApp, type E2eSession } from './harness';

/**
 * Issue #13: the main flows by keyboard only (Tab, typing, Enter, arrows), no mouse and no `focus()` shortcut — the
 * first start, a new volunteer, a new mission and its shift. The desk's own keyboard walk is in desk.spec.ts.
 */
describe('the main flows by keyboard only', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('starts the app, creates a volunteer and a mission with the keyboard alone', async () => {
    session = await openApp();
    const { page } = session;

    await tabTo(page, page.getByLabel('Nom de l’association'));
    await page.keyboard.type('Climat 19');
    await tabTo(page, page.getByLabel('Nom du poste'));
    await page.keyboard.type('Accueil');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bénévoles' }).waitFor();

    // A volunteer: the screen's action, the form, Enter to create.
    await tabTo(page, page.getByRole('link', { name: 'Ajouter un ou une bénévole' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Prénom'));
    await page.keyboard.type('Awa');
    await tabTo(page, page.getByLabel('Nom', { exact: true }));
    await page.keyboard.type('Diallo');
    await tabTo(page, page.getByLabel('Courriel'));
    await page.keyboard.type('awa.diallo@example.org');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Awa Diallo' }).waitFor();
    // Focus lands on the new page's title, so a screen reader says where the user is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/^(H1|MAIN)$/);

    // A mission, from the navigation by Tab and Enter.
    await tabTo(page, page.getByRole('link', { name: 'Missions', exact: true }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Nouvelle mission' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nouvelle mission' }).waitFor();
    await tabTo(page, page.getByLabel('Intitulé'));
    await page.keyboard.type('Balade climat');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Balade climat' }).waitFor();

    // The keyboard shortcuts list is one key away, and Escape gives the page back.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.getByRole('cell', { name: 'Noter une absence' }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    expect(foreignRequests(session)).toEqual([]);
  }, 180_000);
});
