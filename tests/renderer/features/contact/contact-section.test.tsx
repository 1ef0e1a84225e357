import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ContactSection } from '../../../../renderer/features/contact/contact-section';
import { CONTACT_PREPARED_ACTION } from '../../../../renderer/db/repositories/contact-repository';
import { DEFAULT_MESSAGE_TEMPLATES, MAILTO_MAX_LENGTH, type MessageTemplate } from '../../../../shared/messaging';
import { bccOf, CONTACT_EMAIL, contactStore } from './contact-store';

/** "Contacter" from a list (issue #15): who receives what by consent, the batches, the copied addresses, the log. */

const NEWSLETTER: MessageTemplate = {
  id: 'lettre-novembre',
  name: 'Lettre de novembre',
  language: 'fr',
  purpose: 'newsletter',
  subject: 'Nouvelles de l’association',
  body: 'Bonjour,\n\nVoici nos nouvelles. Contact : {contact}',
};

async function threePeople() {
  const store = await contactStore();
  const latest = await store.repositories.settings.get();
  await store.repositories.settings.save({
    ...latest,
    messageTemplates: [...DEFAULT_MESSAGE_TEMPLATES, NEWSLETTER],
  });
  await store.person({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr' }, { newsletter: true });
  await store.person({ firstName: 'Bruno', lastName: 'Petit', email: 'bruno@exemple.fr' }, { newsletter: false });
  await store.person({ firstName: 'Chloé', lastName: 'Martin', phone: '+33612345678' }, { sms: true });
  const people = await store.repositories.contact.forShift(store.shift.id);
  return { ...store, people };
}

describe('the contact section', { timeout: 60_000 }, () => {
  it('sends a message about the sign-up to everyone with an address, a newsletter only to those who accepted it', async () => {
    const user = userEvent.setup();
    const store = await threePeople();
    store.showShiftContact(store.people);
    const section = await screen.findByRole('region', { name: 'Contacter' });
    expect(
      await within(section).findByText('2 personne(s) avec une adresse e-mail, 1 sans ; 1 accepte(nt) les SMS.'),
    ).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Préparer les e-mails' }));
    await user.click(await within(section).findByRole('button', { name: 'Ouvrir le lot 1 (2 adresse(s))' }));
    await waitFor(() => expect(store.opened).toHaveLength(1));
    expect(store.opened[0]!.startsWith(`mailto:${CONTACT_EMAIL}?bcc=`)).toBe(true);
    expect(bccOf(store.opened[0]!)).toEqual(['awa@exemple.fr', 'bruno@exemple.fr']);
    expect(new URL(store.opened[0]!).searchParams.get('subject')).toBe(`Rappel : Clean-up le samedi 28 novembre 2026`);

    // The newsletter: Bruno refused it, Chloé has no address: Awa only.
    await user.click(within(section).getByRole('button', { name: /Modèle de message/ }));
    await user.click(await screen.findByRole('option', { name: 'Lettre de novembre (FR)' }));
    expect(
      await within(section).findByText(
        'Lettre d’information : seules les 1 personne(s) qui l’ont acceptée la recevront.',
      ),
    ).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Préparer les e-mails' }));
    await user.click(await within(section).findByRole('button', { name: 'Ouvrir le lot 1 (1 adresse(s))' }));
    await waitFor(() => expect(store.opened).toHaveLength(2));
    expect(bccOf(store.opened[1]!)).toEqual(['awa@exemple.fr']);
    expect(new URL(store.opened[1]!).searchParams.get('body')).toBe(
      `Bonjour,\r\n\r\nVoici nos nouvelles. Contact : ${CONTACT_EMAIL}`,
    );

    // Each bulk preparation is logged: how many, which list, which template.
    const log = await store.logged(CONTACT_PREPARED_ACTION);
    expect(log.map((entry) => entry.details)).toEqual([
      { list: 'shift', listId: store.shift.id, kind: 'mailto', count: 2, template: 'rappel-fr' },
      { list: 'shift', listId: store.shift.id, kind: 'mailto', count: 1, template: 'lettre-novembre' },
    ]);
    expect(log.map((entry) => [entry.operator, entry.deskId])).toEqual([
      ['Camille', store.desk.deskId],
      ['Camille', store.desk.deskId],
    ]);
  });

  it('splits a large list into batches under the limit, every address once, and logs the preparation', async () => {
    const user = userEvent.setup();
    const store = await contactStore({ capacity: 200 });
    const addresses: string[] = [];
    for (let index = 0; index < 120; index++) {
      const email = `benevole.numero-${String(index).padStart(3, '0')}@association-des-volontaires.fr`;
      addresses.push(email);
      await store.person({ firstName: `P${index}`, lastName: 'Test', email });
    }
    const people = await store.repositories.contact.forShift(store.shift.id);
    store.show(<ContactSection list="mission" listId={store.mission.id} people={people} />);
    const section = await screen.findByRole('region', { name: 'Contacter' });
    // A group message without a shift: the template's shift fields have no value, and it says so.
    await user.click(within(section).getByRole('button', { name: 'Préparer les e-mails' }));
    expect(await within(section).findByText(/Le champ mission n’a pas de valeur pour ce message/)).toBeInTheDocument();
    expect(await store.logged(CONTACT_PREPARED_ACTION)).toEqual([]);

    const latest = await store.repositories.settings.get();
    await store.repositories.settings.save({
      ...latest,
      messageTemplates: [{ ...NEWSLETTER, id: 'info', name: 'Information', purpose: 'about_sign_up' }],
    });
    await user.click(await within(section).findByRole('button', { name: 'Préparer les e-mails' }));
    const batches = await within(section).findByRole('group', { name: 'Lots d’e-mails' });
    const buttons = within(batches).getAllByRole('button', { name: /^Ouvrir le lot/ });
    expect(buttons.length).toBeGreaterThan(1);
    for (const button of buttons) await user.click(button);
    await waitFor(() => expect(store.opened).toHaveLength(buttons.length));
    for (const url of store.opened) expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const sent = store.opened.flatMap(bccOf);
    expect(sent).toEqual(addresses);
    expect(new Set(sent).size).toBe(120);
    expect((await store.logged(CONTACT_PREPARED_ACTION)).map((entry) => entry.details)).toEqual([
      { list: 'mission', listId: store.mission.id, kind: 'mailto', count: 120, template: 'info' },
    ]);
  });

  it('copies the addresses for the Bcc field and logs it; the SMS file only holds those who consented', async () => {
    const user = userEvent.setup();
    const store = await threePeople();
    await store.person({ firstName: 'Dan', lastName: 'Roux', phone: '+33698765432' }, { sms: false });
    const people = await store.repositories.contact.forShift(store.shift.id);
    store.showShiftContact(people);
    const section = await screen.findByRole('region', { name: 'Contacter' });
    await user.click(within(section).getByRole('button', { name: 'Copier les adresses' }));
    expect(
      await within(section).findByText('2 adresse(s) copiée(s). Collez-les dans le champ Cci de votre messagerie.'),
    ).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('awa@exemple.fr, bruno@exemple.fr');

    await user.click(within(section).getByRole('button', { name: /Modèle de message/ }));
    await user.click(await screen.findByRole('option', { name: 'Rappel SMS (FR)' }));
    await user.click(within(section).getByRole('button', { name: 'Télécharger le CSV pour SMS' }));
    await within(section).findByText(/CSV SMS enregistré : 1 personne\(s\)/);
    const csv = new TextDecoder().decode(store.saved[0]!.data);
    expect(csv.split('\r\n')[0]).toBe('telephone,message');
    expect(csv).toContain('+33612345678,"Bonjour Chloé, rappel');
    expect(csv).not.toContain('+33698765432');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);

    expect((await store.logged(CONTACT_PREPARED_ACTION)).map((entry) => entry.details)).toEqual([
      { list: 'shift', listId: store.shift.id, kind: 'copy', count: 2, template: 'rappel-fr' },
      { list: 'shift', listId: store.shift.id, kind: 'sms_csv', count: 1, template: 'sms-fr' },
    ]);
  });
});
