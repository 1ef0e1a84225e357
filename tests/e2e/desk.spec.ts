import { afterEach, describe, expect, it } from 'vitest';
import { usToAzerty } from '../../shared/domain/scanner-layout';
import { axeViolations } from './axe';
import { counter, expectCountersMatch, seed, stored, tabTo, toast, typeAndPress } from './desk-seed';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

describe('the event desk, by keyboard only', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('opens, checks people in and out, refuses a double check-in, takes a walk-in, a no-show, an undo, and a reload', async () => {
    session = await openApp();
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 720 });
    await completeFirstStart(page);
    const { shiftId, refs } = await seed(page);

    // Opening the desk: the operator's name, the running shift chosen by default, the coordinator's PIN.
    await page.goto(page.url().replace(/#.*$/, '#/desk'));
    await page.getByRole('heading', { level: 1, name: 'Ouvrir l’accueil' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Ramassage du canal/ }).isChecked()).toBe(true);
    await tabTo(page, page.getByLabel('Votre nom'));
    await page.keyboard.type('Inès');
    await tabTo(page, page.getByLabel('Code (4 à 8 chiffres)'));
    await page.keyboard.type('2468');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    // Desk-only mode: no navigation.
    await expect.poll(() => page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await expectCountersMatch(page);
    // The index of all volunteers is built in its Worker after the first paint: eight people.
    await page.locator('[data-desk-index="ready"][data-desk-index-size="8"]').waitFor();

    // Five check-ins from partial, accent-free names; Enter checks in.
    for (const [query, name] of [
      ['helen', 'Hélène Le Fèvre'],
      ['zoe', 'Zoé Durand'],
      ['francois mul', 'François Müller'],
      ['ndia', 'Awa N’Diaye'],
      ['jean-p', 'Jean-Pierre Martin'],
    ] as const) {
      await typeAndPress(page, query, 'Enter');
      await toast(page, `${name} : arrivée à`);
      await expectCountersMatch(page);
    }
    let db = await stored(page);
    expect(db.live).toHaveLength(5);
    expect(db.live.every((event) => event.operator === 'Inès' && event.deskId !== '')).toBe(true);
    await expect.poll(() => counter(page, 'present')).toBe(5);

    // A second check-in answers "already here since", and stores nothing.
    await typeAndPress(page, 'le fevre', 'Enter');
    await toast(page, /Hélène Le Fèvre est déjà là depuis \d\d:\d\d/);
    expect((await stored(page)).events).toHaveLength(5);
    expect(await axeViolations(page)).toEqual([]);

    // A reload in the middle loses nothing: the session, the operator, the counters.
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    await expectCountersMatch(page);
    await expect.poll(() => counter(page, 'present')).toBe(5);

    // A scanner set to US on an AZERTY keyboard: Théo's reference arrives mangled, and Enter checks him in.
    const theo = refs[6]!;
    await typeAndPress(page, usToAzerty(theo), 'Enter');
    await toast(page, 'Théo Petit : arrivée à');
    await expectCountersMatch(page);

    // Undo (Ctrl+Z): Théo's check-in is tombstoned, not removed.
    await page.keyboard.press('Control+z');
    await toast(page, 'Action annulée.');
    db = await stored(page);
    expect(db.events).toHaveLength(6);
    expect(db.live).toHaveLength(5);
    await expectCountersMatch(page);

    // Somebody not signed up: the result says so.
    await page.keyboard.type('ousmane');
    await page.getByRole('option', { name: /Pas inscrit·e sur ce créneau/ }).waitFor();
    await page.keyboard.press('Escape');

    // A walk-in: nobody matches, Enter opens the short dialog with the typed name, Enter registers them.
    await page.keyboard.type('Lucie Nouvelle');
    await page.getByText('Personne ne correspond.').waitFor();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nouvelle personne sur place' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Prénom').inputValue()).toBe('Lucie');
    await page.keyboard.press('Enter');
    await toast(page, 'Lucie Nouvelle est inscrit·e et arrivé·e à');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => counter(page, 'walkIns')).toBe(1);
    await expectCountersMatch(page);
    // The index follows the walk-in's new volunteer without a reload.
    await page.locator('[data-desk-index="ready"][data-desk-index-size="9"]').waitFor();

    // A no-show (F4).
    await typeAndPress(page, 'noel', 'F4');
    await toast(page, 'Noël Bernard : absence notée.');
    await expect.poll(async () => (await stored(page)).absent).toBe(1);
    await expectCountersMatch(page);

    // A check-out (F2).
    await typeAndPress(page, 'zoe', 'F2');
    await toast(page, 'Zoé Durand : départ à');
    db = await stored(page);
    expect(db.live.filter((event) => event.kind === 'check_out')).toHaveLength(1);
    await expectCountersMatch(page);
    expect(await axeViolations(page)).toEqual([]);

    // The sign-in sheet: one row per person signed up, printed to a PDF by Chromium.
    await page.goto(page.url().replace(/#.*$/, `#/desk/sheet/${shiftId}`));
    await page.getByRole('heading', { level: 1, name: /Feuille d’émargement/ }).waitFor();
    const rows = page.locator('[data-sheet-row]');
    await expect.poll(() => rows.count()).toBe(8);
    const text = await page.locator('[data-sign-in-sheet]').textContent();
    for (const ref of refs.slice(0, 7)) expect(text).toContain(ref);
    expect(text).toContain('LE FÈVRE Hélène');
    expect(await page.locator('[data-sheet-row] svg rect').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);

    // Leaving desk-only mode takes the coordinator's PIN.
    await page.goto(page.url().replace(/#.*$/, '#/volunteers'));
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Quitter le mode accueil' }));
    await page.keyboard.press('Enter');
    const pin = page.getByRole('dialog', { name: 'Quitter le mode accueil' });
    await pin.getByRole('textbox', { name: 'Code' }).waitFor();
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await pin.getByText('Code incorrect.').waitFor();
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Ouvrir l’accueil' }).waitFor();
    expect(foreignRequests(session)).toEqual([]);
  });
});
