import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openApp, type E2eSession } from './harness';

describe('accessibility (WCAG 2.1 AA with axe-core) and the keyboard', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('has no axe violation on the first start, on every screen, in French and in English', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The check itself can fail: an image without a text alternative is reported.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('img'), { id: 'probe', src: 'data:,' })),
    );
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('image-alt');
    await page.evaluate(() => document.getElementById('probe')?.remove());

    // Errors shown: still no violation.
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nom de l’association').fill('Climat 19');
    await page.getByLabel('Nom du poste').fill('Accueil');
    await page.getByRole('button', { name: 'Commencer' }).click();
    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    await navigation.waitFor();

    for (const language of ['fr', 'en'] as const) {
      const links = navigation.getByRole('link');
      const count = await links.count();
      for (let index = 0; index < count; index++) {
        const link = links.nth(index);
        const name = (await link.textContent()) ?? '';
        await link.click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        expect(await axeViolations(page), `${language}: ${name}`).toEqual([]);
      }
      if (language === 'fr') {
        await navigation.getByRole('link', { name: 'Paramètres' }).click();
        await page.getByRole('button', { name: /Langue de l’interface/ }).click();
        await page.getByRole('option', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
        await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
      }
    }
  });

  it('lets a keyboard user reach the main action, and open and close a dialog with focus returned', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByLabel('Nom de l’association').fill('Climat 19');
    await page.getByLabel('Nom du poste').fill('Accueil');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();

    // Focus starts on the screen's title (announced on arrival); the next stops are the screen's actions.
    await page.getByRole('heading', { level: 1, name: 'Bénévoles' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Importer une liste');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ajouter un ou une bénévole');

    // A mission, by keyboard only: its "add a shift" dialog traps focus and gives it back on Escape.
    await page.getByRole('link', { name: 'Missions' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nouvelle mission' }).waitFor();
    await page.getByLabel('Intitulé').focus();
    await page.keyboard.type('Balade climat');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Balade climat' }).waitFor();
    const add = page.getByRole('button', { name: 'Ajouter un créneau' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // React Aria gives focus back to the trigger once the closing dialog has left the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ajouter un créneau');
  });
});
