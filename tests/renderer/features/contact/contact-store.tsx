import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { IpcInput } from '../../../../shared/ipc/contract';
import type { Language } from '../../../../shared/domain/model';
import { isAllowedExternalUrl } from '../../../../shared/security/external-url';
import { RepositoriesProvider } from '../../../../renderer/db/repositories-context';
import type { ContactPerson } from '../../../../renderer/db/repositories/contact-repository';
import { ContactSection } from '../../../../renderer/features/contact/contact-section';
import { createBrowserFallback, type DesktopApi } from '../../../../renderer/lib/desktop-api';
import { DesktopProvider } from '../../../../renderer/lib/desktop-context';
import { createI18n } from '../../../../renderer/lib/i18n';
import { createStoreWithShift, newVolunteer } from '../../db/test-database';

/**
 * What the contact tests build on: a real Dexie store (fake-indexeddb) with the association's contact address, one
 * shift on 28 Nov 2026 08:00 UTC and a desk clock on the 27th at 10:00 (operator Camille); and the desktop bridge,
 * the process edge, faked to record the files saved and the URLs handed to the mail client (through the real
 * allow-list, as main does).
 */
export const CONTACT_EMAIL = 'contact@amis-du-climat.fr';

export async function contactStore(options: { capacity?: number } = {}) {
  const store = await createStoreWithShift({
    now: '2026-11-27T10:00:00Z',
    operator: 'Camille',
    capacity: options.capacity ?? 20,
  });
  const latest = await store.repositories.settings.get();
  await store.repositories.settings.save({ ...latest, contactEmail: CONTACT_EMAIL });
  const saved: IpcInput<'file:save'>[] = [];
  const opened: string[] = [];
  const desktop: DesktopApi = {
    ...createBrowserFallback(window),
    kind: 'electron',
    async save(input) {
      saved.push(input);
      return { status: 'saved', fileName: input.suggestedName };
    },
    async openExternal({ url }) {
      const allowed = isAllowedExternalUrl(url);
      if (allowed) opened.push(url);
      return { opened: allowed };
    },
  };

  /** A volunteer, signed up to the shift unless told otherwise, with their consents. */
  async function person(
    fields: { firstName: string; lastName: string; email?: string | null; phone?: string | null },
    consents: { newsletter?: boolean; sms?: boolean; signUp?: boolean } = {},
  ) {
    const volunteer = await store.repositories.volunteers.create(
      newVolunteer({ ...fields, email: fields.email ?? null, phone: fields.phone ?? null }),
    );
    for (const purpose of ['newsletter', 'sms'] as const) {
      if (consents[purpose] === undefined) continue;
      await store.repositories.consents.record(volunteer.id, {
        purpose,
        given: consents[purpose],
        date: '2026-11-01',
        noticeVersion: 'v1',
        channel: 'desk',
      });
    }
    if (consents.signUp === false) return { volunteer, signUp: null };
    const result = await store.repositories.signUps.signUp(volunteer.id, store.shift.id, 'volunteer', {
      kind: 'sign-up',
    });
    if (!result.ok) throw new Error('sign-up refused');
    return { volunteer, signUp: result.signUp };
  }

  function show(children: ReactNode, language: Language = 'fr') {
    return render(
      <I18nextProvider i18n={createI18n(language)}>
        <DesktopProvider api={desktop}>
          <RepositoriesProvider repositories={store.repositories}>
            <MemoryRouter>{children}</MemoryRouter>
          </RepositoriesProvider>
        </DesktopProvider>
      </I18nextProvider>,
    );
  }

  /** The audit entries of an action, oldest first. */
  async function logged(action: string) {
    return (await store.db.auditLog.where('action').equals(action).toArray()).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The shift's "Contacter" section, for these people (as the roster shows it). */
  function showShiftContact(people: readonly ContactPerson[]) {
    return show(
      <ContactSection
        list="shift"
        listId={store.shift.id}
        people={people}
        shift={store.shift}
        mission={store.mission}
      />,
    );
  }

  return { ...store, saved, opened, person, show, showShiftContact, logged };
}

/** The Bcc addresses of a `mailto:` URL, decoded. */
export function bccOf(url: string): string[] {
  return (new URL(url).searchParams.get('bcc') ?? '').split(',').filter((address) => address !== '');
}
