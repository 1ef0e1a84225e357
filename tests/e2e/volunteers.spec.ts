import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { fillDate } from './date-input';

describe('volunteers, as a coordinator', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('creates a volunteer with consents, finds "Hélène" by typing "helene", sees the guardian fields for a minor, and is warned of a duplicate', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);

    // An adult with her consents.
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Nom', { exact: true }).fill('Dupré');
    await page.getByLabel('Courriel').fill('helene.dupre@example.org');
    await fillDate(page, 'Date de naissance', '1988-04-12');
    expect(await page.getByText('Cette personne est mineure').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hélène Dupré' }).waitFor();

    // Her reference, as text and as a barcode.
    const reference = (await page.locator('aside p').first().textContent()) ?? '';
    expect(reference).toMatch(/^B-[0-9A-HJKMNP-TV-Z]{9}$/);
    await page.getByRole('img', { name: `Code-barres de la référence ${reference}` }).waitFor();

    // Consent to sharing with the City: given, at the desk, notice v2.
    const consentForm = page.getByRole('form', { name: 'Enregistrer un consentement' });
    await consentForm.getByLabel('Version de la notice').fill('v2');
    await consentForm.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    await page.getByRole('status').filter({ hasText: 'Le consentement a été enregistré.' }).waitFor();
    const consents = page.getByRole('table', { name: 'Consentements par finalité' });
    const cityRow = consents.getByRole('row', { name: /Partage avec la Ville de Paris/ });
    await expect.poll(() => cityRow.textContent()).toMatch(/Accordé le \d{4}-\d{2}-\d{2} \(notice v2, à l’accueil\)/);
    // Image rights refused.
    await consentForm.getByRole('button', { name: /Finalité/ }).click();
    await page.getByRole('option', { name: 'Droit à l’image' }).click();
    await consentForm.getByRole('button', { name: /Réponse/ }).click();
    await page.getByRole('option', { name: 'Refusé' }).click();
    await consentForm.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    await expect.poll(() => consents.getByRole('row', { name: /Droit à l’image/ }).textContent()).toContain('Refusé');
    expect(await axeViolations(page)).toEqual([]);

    // A minor: the guardian fields appear as soon as the date of birth says so.
    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByLabel('Prénom').fill('Léo');
    await page.getByLabel('Nom', { exact: true }).fill('Nguyễn');
    await fillDate(page, 'Date de naissance', '2012-06-30');
    await page.getByText('Cette personne est mineure').waitFor();
    await page.getByLabel('Nom du ou de la responsable légal·e').fill('Mai Nguyễn');
    await page.getByLabel('Téléphone du ou de la responsable légal·e').fill('07 11 22 33 44');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Léo Nguyễn' }).waitFor();
    expect(await page.getByLabel('Téléphone du ou de la responsable légal·e').inputValue()).toBe('07 11 22 33 44');

    // A second Hélène with the same e-mail (other case): warned, then created anyway.
    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByLabel('Prénom').fill('Helene');
    await page.getByLabel('Nom', { exact: true }).fill('Dupre');
    await page.getByLabel('Courriel').fill('Helene.Dupre@example.org');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByText('Attention : une personne semblable existe déjà.').waitFor();
    await page.getByRole('link', { name: /Hélène Dupré \(Même adresse e-mail/ }).waitFor();
    await page.getByRole('button', { name: 'Créer quand même' }).click();
    await page.getByRole('heading', { level: 1, name: 'Helene Dupre' }).waitFor();

    // Search forgives accents and case; the minors filter keeps Léo only.
    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('helene');
    const list = page.getByRole('region', { name: 'Liste des bénévoles' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await page.getByText('Mineur·es seulement').click();
    await expect
      .poll(() => list.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('Nguyễn Léo')]);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
