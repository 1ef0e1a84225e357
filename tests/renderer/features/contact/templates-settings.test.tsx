import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MessageTemplatesSection } from '../../../../renderer/features/contact/templates-settings';
import { DEFAULT_MESSAGE_TEMPLATES } from '../../../../shared/messaging';
import { contactStore } from './contact-store';

/** Message templates in Settings (issue #15): checked when saved, reset to the default, a custom one deleted. */

type User = ReturnType<typeof userEvent.setup>;

/** Braces are key names for user.type: the text is pasted, as a coordinator pasting a prepared message would. */
async function replace(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

const RAPPEL = DEFAULT_MESSAGE_TEMPLATES.find((template) => template.id === 'rappel-fr')!;

describe('message templates in Settings', { timeout: 60_000 }, () => {
  it('refuses an unknown placeholder by name, in French and in English, and writes nothing', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    const fr = store.show(<MessageTemplatesSection />);
    const section = await screen.findByRole('region', { name: 'Modèles de messages et rappels' });
    await replace(user, within(section).getByLabelText('Texte'), 'Bonjour, rendez-vous {lieux} à {heure_debut}.');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer le modèle' }));
    expect(await within(section).findByText('Le champ lieux n’existe pas.')).toBeInTheDocument();
    expect(
      within(section).getByText('Le modèle n’a pas été enregistré : corrigez les champs signalés.'),
    ).toBeInTheDocument();
    expect((await store.repositories.settings.get()).messageTemplates).toBeUndefined();
    fr.unmount();

    store.show(<MessageTemplatesSection />, 'en');
    const en = await screen.findByRole('region', { name: 'Message templates and reminders' });
    await replace(user, within(en).getByLabelText('Subject'), 'Reminder {missions}');
    await user.click(within(en).getByRole('button', { name: 'Save the template' }));
    expect(await within(en).findByText('There is no field missions.')).toBeInTheDocument();
    expect(within(en).getByText('The template was not saved: correct the fields shown.')).toBeInTheDocument();
    expect((await store.repositories.settings.get()).messageTemplates).toBeUndefined();
  });

  it('puts a default template back as shipped, once confirmed', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    store.show(<MessageTemplatesSection />);
    const section = await screen.findByRole('region', { name: 'Modèles de messages et rappels' });
    // Nothing to reset while the template is as shipped.
    expect(within(section).queryByRole('button', { name: 'Rétablir le modèle d’origine' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Supprimer le modèle' })).toBeNull();
    await replace(user, within(section).getByLabelText('Texte'), 'Bonjour,\n\nÀ demain, {lieu}.');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer le modèle' }));
    await within(section).findByText('Modèle enregistré.');
    const stored = async () =>
      (await store.repositories.settings.get()).messageTemplates?.find((template) => template.id === 'rappel-fr');
    expect((await stored())?.body).toBe('Bonjour,\n\nÀ demain, {lieu}.');

    // Asked first; Cancel keeps the edited text.
    await user.click(await within(section).findByRole('button', { name: 'Rétablir le modèle d’origine' }));
    let dialog = await screen.findByRole('alertdialog', { name: /^Rétablir le modèle d’origine\s\?$/ });
    expect(within(dialog).getByText(/Le texte modifié de « Rappel de créneau »/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await stored())?.body).toBe('Bonjour,\n\nÀ demain, {lieu}.');

    await user.click(within(section).getByRole('button', { name: 'Rétablir le modèle d’origine' }));
    dialog = await screen.findByRole('alertdialog', { name: /^Rétablir le modèle d’origine\s\?$/ });
    await user.click(within(dialog).getByRole('button', { name: 'Rétablir' }));
    expect(await within(section).findByText('Modèle d’origine rétabli.')).toBeInTheDocument();
    expect(await stored()).toEqual(RAPPEL);
    expect(within(section).getByLabelText('Texte')).toHaveValue(RAPPEL.body);
    await waitFor(() =>
      expect(within(section).queryByRole('button', { name: 'Rétablir le modèle d’origine' })).toBeNull(),
    );
  });

  it('deletes a template someone added, once confirmed; the defaults stay', async () => {
    const user = userEvent.setup();
    const store = await contactStore();
    store.show(<MessageTemplatesSection />);
    const section = await screen.findByRole('region', { name: 'Modèles de messages et rappels' });
    await user.click(within(section).getByRole('button', { name: /Modèle à modifier/ }));
    await user.click(await screen.findByRole('option', { name: 'Nouveau modèle' }));
    await replace(user, within(section).getByLabelText('Nom du modèle'), 'Accueil des nouveaux');
    await replace(user, within(section).getByLabelText('Texte'), 'Bienvenue {prenom} !');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer le modèle' }));
    await within(section).findByText('Modèle enregistré.');
    const ids = async () => (await store.repositories.settings.get()).messageTemplates?.map((template) => template.id);
    expect(await ids()).toHaveLength(DEFAULT_MESSAGE_TEMPLATES.length + 1);

    await user.click(await within(section).findByRole('button', { name: 'Supprimer le modèle' }));
    let dialog = await screen.findByRole('alertdialog', { name: /^Supprimer ce modèle\s\?$/ });
    expect(
      within(dialog).getByText(/Le modèle « Accueil des nouveaux » ne pourra plus être choisi/),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await ids()).toHaveLength(DEFAULT_MESSAGE_TEMPLATES.length + 1);

    await user.click(within(section).getByRole('button', { name: 'Supprimer le modèle' }));
    dialog = await screen.findByRole('alertdialog', { name: /^Supprimer ce modèle\s\?$/ });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await within(section).findByText('Modèle supprimé.')).toBeInTheDocument();
    expect(await ids()).toEqual(DEFAULT_MESSAGE_TEMPLATES.map((template) => template.id));
    // The editor moved to a template that exists, which a default cannot be deleted from.
    expect(within(section).getByLabelText('Nom du modèle')).toHaveValue(DEFAULT_MESSAGE_TEMPLATES[0]!.name);
    expect(within(section).queryByRole('button', { name: 'Supprimer le modèle' })).toBeNull();
  });
});
