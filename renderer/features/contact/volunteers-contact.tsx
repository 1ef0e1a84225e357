import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { useRepositories } from '../../db/repositories-context';
import type { VolunteerFilters } from '../../db/repositories/volunteers-repository';
import { ContactSection } from './contact-section';

/** Enough for any association's whole list: the filtered list's contact takes every match, not the screen's page. */
const EVERY_MATCH = 1_000_000;

/** "Contacter" for the volunteers list as filtered: loaded only when asked, since it reads every match. */
export function VolunteersContactSection({ query, filters }: { query: string; filters: VolunteerFilters }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <p>
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t('contact.contactList')}
        </Button>
      </p>
    );
  }
  return <LoadedVolunteersContact query={query} filters={filters} />;
}

function LoadedVolunteersContact({ query, filters }: { query: string; filters: VolunteerFilters }) {
  const { volunteers, contact } = useRepositories();
  const key = JSON.stringify([query, filters]);
  const people = useLiveQuery(async () => {
    const found = await volunteers.search(query, EVERY_MATCH, filters);
    return contact.forVolunteers(found.map((volunteer) => volunteer.id));
  }, [volunteers, contact, key]);
  if (!people) return null;
  return <ContactSection list="volunteers" listId={null} people={people} headingId="volunteers-contact-title" />;
}
