import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestCouch } from '../shared/sync/test-couch-lifecycle';
import { axeViolations } from './axe';
import { addShift, createMission, createVolunteer, openMissions } from './coordinator-steps';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

/**
 * Two desks in two Chromium browsers (each its own empty profile, so its own IndexedDB), served as
 * `npm run web -- --sync-origin` serves them, syncing through pouchdb-server on loopback (issue 14).
 */

const couch = useTestCouch();

const sessions: E2eSession[] = [];
/** The scripts of the Workers each page started: syncs run in renderer/db/sync-worker.ts. */
const workers = new Map<Page, string[]>();
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  workers.clear();
});

async function aDesk(): Promise<Page> {
  const session = await openApp({ syncOrigin: couch.url });
  sessions.push(session);
  const started: string[] = [];
  workers.set(session.page, started);
  session.page.on('worker', (worker) => started.push(worker.url()));
  await completeFirstStart(session.page);
  return session.page;
}

function sessionOf(page: Page): E2eSession {
  const session = sessions.find((candidate) => candidate.page === page);
  if (!session) throw new Error('no session for this page');
  return session;
}

async function configureSync(page: Page, database: string, password: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  const section = page.getByRole('region', { name: 'Synchronisation' });
  await section.getByLabel('Adresse du serveur').fill(couch.url);
  await section.getByLabel('Base de données').fill(database);
  await section.getByLabel('Nom d’utilisateur').fill(couch.admin.user);
  await section.getByLabel('Mot de passe', { exact: true }).fill(password);
  if (!(await section.getByRole('checkbox', { name: 'Synchroniser ce poste' }).isChecked())) {
    await section.getByText('Synchroniser ce poste').click();
  }
  await section.getByRole('button', { name: 'Enregistrer', exact: true }).click();
}

/** Sync now from Settings and wait for the shell's status to settle on a result. */
async function syncNow(page: Page): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  const status = page.locator('[data-sync-status]');
  await expect.poll(() => status.getAttribute('data-sync-status'), { timeout: 60_000 }).not.toBe('running');
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect.poll(() => status.getAttribute('data-sync-status'), { timeout: 60_000 }).not.toBe('running');
  return (await status.getAttribute('data-sync-status')) ?? '';
}

/** The desk's list of volunteers holds this person (searched by last name). */
async function expectVolunteer(page: Page, firstName: string, lastName: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Bénévoles' })
    .click();
  await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill(lastName);
  const list = page.getByRole('region', { name: 'Liste des bénévoles' });
  await expect
    .poll(() => list.getByRole('listitem').allTextContents(), { timeout: 30_000 })
    .toContainEqual(expect.stringContaining(`${lastName} ${firstName}`));
}

/** Open a person's page from the list and change one field of the profile form. */
async function editField(page: Page, lastName: string, name: string, label: string, value: string): Promise<void> {
  await expectVolunteer(page, name.split(' ')[0] ?? '', lastName);
  await page
    .getByRole('region', { name: 'Liste des bénévoles' })
    .getByRole('link', { name: `${lastName} ${name.split(' ')[0]}` })
    .click();
  await page.getByRole('heading', { level: 2, name: 'Consentements' }).waitFor();
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
  await page.getByRole('status').filter({ hasText: 'La fiche a été enregistrée.' }).waitFor();
}

async function fieldOf(page: Page, lastName: string, firstName: string, label: string): Promise<string> {
  await expectVolunteer(page, firstName, lastName);
  await page
    .getByRole('region', { name: 'Liste des bénévoles' })
    .getByRole('link', { name: `${lastName} ${firstName}` })
    .click();
  await page.getByRole('heading', { level: 2, name: 'Consentements' }).waitFor();
  return page.getByLabel(label, { exact: true }).inputValue();
}

describe('two desks syncing through CouchDB', { timeout: 300_000 }, () => {
  it('a wrong password gives the plain message and changes nothing; then both desks converge', async () => {
    const database = await couch.createDatabase('e2e');
    const a = await aDesk();
    await createVolunteer(a, 'Hélène', 'Dupré');

    await configureSync(a, database, 'pas le bon');
    const status = a.locator('[data-sync-status]');
    await expect.poll(() => status.getAttribute('data-sync-status'), { timeout: 60_000 }).toBe('error:wrong_password');
    await expect.poll(() => status.textContent()).toContain('Nom d’utilisateur ou mot de passe refusé');
    await expectVolunteer(a, 'Hélène', 'Dupré');

    await configureSync(a, database, couch.admin.password);
    expect(await syncNow(a)).toBe('synced');
    await expect.poll(() => status.textContent()).toMatch(/Synchronisé/);

    const b = await aDesk();
    await configureSync(b, database, couch.admin.password);
    expect(await syncNow(b)).toBe('synced');
    await expectVolunteer(b, 'Hélène', 'Dupré');

    // Each desk adds someone while the other does not sync; then they sync in both orders.
    await createVolunteer(b, 'Léo', 'Martin');
    await createVolunteer(a, 'Awa', 'Diallo');
    expect(await syncNow(b)).toBe('synced');
    expect(await syncNow(a)).toBe('synced');
    expect(await syncNow(b)).toBe('synced');
    for (const page of [a, b]) {
      await expectVolunteer(page, 'Léo', 'Martin');
      await expectVolunteer(page, 'Awa', 'Diallo');
    }

    // Different fields of one person, changed on each desk offline: both kept on both desks.
    await editField(a, 'Dupré', 'Hélène Dupré', 'Téléphone', '06 12 34 56 78');
    await editField(b, 'Dupré', 'Hélène Dupré', 'Code postal', '75019');
    expect(await syncNow(a)).toBe('synced');
    expect(await syncNow(b)).toBe('synced');
    expect(await syncNow(a)).toBe('synced');
    for (const page of [a, b]) {
      expect(await fieldOf(page, 'Dupré', 'Hélène', 'Téléphone')).toBe('06 12 34 56 78');
      expect(await fieldOf(page, 'Dupré', 'Hélène', 'Code postal')).toBe('75019');
    }
    await a
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Paramètres' })
      .click();
    await a.getByRole('region', { name: 'Synchronisation' }).waitFor();
    expect(await axeViolations(a)).toEqual([]);

    for (const session of sessions) {
      // Nothing but the sync server: no other origin was ever asked for anything.
      const outside = foreignRequests(session).filter((url) => !url.startsWith(`${couch.url}/`));
      expect(outside).toEqual([]);
      expect(foreignRequests(session).length).toBeGreaterThan(0);
    }
  });

  it('the last place of a shift given on each desk offline: over capacity on both, on the review list; offline status', async () => {
    const database = await couch.createDatabase('e2e-last-place');
    const a = await aDesk();
    await createVolunteer(a, 'Inès', 'Moreau');
    await createVolunteer(a, 'Yanis', 'Benali');
    await createMission(a, { title: 'Collecte du canal' });
    await addShift(a, { date: '2026-12-12', start: '09:00', end: '12:00', capacity: '1' });

    await configureSync(a, database, couch.admin.password);
    expect(await syncNow(a)).toBe('synced');
    const b = await aDesk();
    await configureSync(b, database, couch.admin.password);
    expect(await syncNow(b)).toBe('synced');

    // Neither desk syncs now: each gives the shift's one place to a different person through the shift's page.
    await signUp(a, 'Inès Moreau');
    await signUp(b, 'Yanis Benali');
    expect(await syncNow(b)).toBe('synced');
    expect(await syncNow(a)).toBe('synced');
    expect(await syncNow(b)).toBe('synced');

    for (const page of [a, b]) {
      // The review list under Settings › Synchronisation, its link to the shift, whose roster holds both people.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Paramètres' })
        .click();
      const section = page.getByRole('region', { name: 'Synchronisation' });
      await section.getByRole('heading', { level: 3, name: 'À vérifier après synchronisation' }).waitFor();
      const links = section.getByRole('link', { name: 'Créneau au-delà de sa capacité' });
      await expect.poll(() => links.count(), { timeout: 30_000 }).toBe(1);
      await links.click();
      await page.getByRole('heading', { level: 1, name: /Collecte du canal/ }).waitFor();
      const roster = page.getByRole('table', { name: 'Inscriptions du créneau' });
      for (const name of ['Inès Moreau', 'Yanis Benali']) {
        await expect
          .poll(() => roster.getByRole('row', { name: new RegExp(name) }).count(), { timeout: 30_000 })
          .toBe(1);
      }
    }
    // The syncs ran in the sync Worker, not on the page's thread.
    for (const page of [a, b]) expect(workers.get(page)?.some((url) => url.includes('sync-worker'))).toBe(true);

    // Offline (the system says so): "Hors ligne" at once, nothing sent; the network back: a sync at once.
    await a
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Paramètres' })
      .click();
    const status = a.locator('[data-sync-status]');
    await expect.poll(() => status.getAttribute('data-sync-status'), { timeout: 60_000 }).toBe('synced');
    const session = sessionOf(a);
    await session.context.setOffline(true);
    await expect.poll(() => status.getAttribute('data-sync-status')).toBe('offline');
    await expect.poll(() => status.textContent()).toContain('Hors ligne');
    const sentBefore = foreignRequests(session).length;
    await a.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    expect(await status.getAttribute('data-sync-status')).toBe('offline');
    expect(foreignRequests(session).length).toBe(sentBefore);
    await session.context.setOffline(false);
    await expect.poll(() => foreignRequests(session).length, { timeout: 60_000 }).toBeGreaterThan(sentBefore);
    await expect.poll(() => status.getAttribute('data-sync-status'), { timeout: 60_000 }).toBe('synced');
  });
});

/** On the shift of "Collecte du canal", sign this person up (the shift has one place). */
async function signUp(page: Page, name: string): Promise<void> {
  await openMissions(page);
  await page.getByRole('link', { name: 'Collecte du canal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Collecte du canal' }).waitFor();
  const shifts = page.getByRole('table', { name: 'Créneaux de la mission' });
  await expect.poll(() => shifts.getByRole('row').count(), { timeout: 30_000 }).toBe(2);
  await shifts.getByRole('row').nth(1).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /Collecte du canal — / }).waitFor();
  await page.getByRole('searchbox', { name: 'Chercher la personne à inscrire' }).fill(name.split(' ')[0] ?? name);
  await page.getByRole('button', { name: `Choisir ${name}` }).click();
  await page.getByText('L’inscription est possible.').waitFor();
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${name} est inscrit·e.` })
    .waitFor();
}
