import { afterEach, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, type E2eSession } from './harness';

describe('first start, then a volunteer who survives a reload', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('introduces the association, creates a volunteer, reloads and finds them — without any network request', async () => {
    session = await openApp();
    const { page } = session;

    // The first start is in French, with <html lang="fr">.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Desk Climat' }).waitFor();

    // Submitting empty shows the errors under the fields, in French.
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('alert').filter({ hasText: 'erreur' }).waitFor();
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(2);

    // A SIRET that fails its check digit is refused; a valid one passes.
    await page.getByLabel('Nom de l’association').fill('Les Amis du Climat — Paris 19e');
    await page.getByLabel('Numéro SIRET').fill('12345678901234');
    await page.getByLabel('Nom du poste').fill('Accueil Mairie du 19e');
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByText('Le numéro SIRET compte 14 chiffres et doit passer la clé de contrôle.').waitFor();
    await page.getByLabel('Numéro SIRET').fill('123 456 789 01237');
    await page.getByLabel('Numéro RNA').fill('W751234567');
    await page.getByRole('button', { name: 'Commencer' }).click();

    // The shell: French navigation with every section.
    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    await navigation.waitFor();
    const links = await navigation.getByRole('link').allTextContents();
    expect(links).toEqual(['Bénévoles', 'Missions', 'Planning', 'Accueil', 'Exports', 'Bilans', 'Paramètres']);
    await page.getByRole('heading', { level: 1, name: 'Bénévoles' }).waitFor();

    // Create a volunteer with an accented name and a phone in French notation.
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouveau ou nouvelle bénévole' }).waitFor();
    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Nom', { exact: true }).fill('Le Fèvre');
    await page.getByLabel('Courriel').fill('helene.lefevre@example.org');
    await page.getByLabel('Téléphone', { exact: true }).fill('06.12.34.56.78');
    await page.getByLabel('Code postal').fill('75116');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('status').filter({ hasText: 'Hélène Le Fèvre a été ajouté·e' }).waitFor();
    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();

    // Reload: the data is in IndexedDB, not in memory.
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.getByRole('heading', { level: 1, name: 'Bénévoles' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('lefevre');
    const list = page.getByRole('region', { name: 'Liste des bénévoles' });
    const row = list.getByRole('listitem').filter({ hasText: 'Le Fèvre Hélène' });
    await row.waitFor();
    expect(await row.textContent()).toContain('06 12 34 56 78');
    expect(await row.textContent()).toMatch(/B-[0-9A-HJKMNP-TV-Z]{9}/);

    // The settings kept what the first start saved.
    await navigation.getByRole('link', { name: 'Paramètres' }).click();
    await expect.poll(() => page.getByLabel('Numéro SIRET').inputValue()).toBe('12345678901237');

    expect(foreignRequests(session)).toEqual([]);
  });
});
