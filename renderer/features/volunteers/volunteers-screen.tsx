import { useDeferredValue, useState } from 'react';
import { SearchField, Input, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useVolunteerCount, useVolunteerSearch } from '../../db/hooks';
import { NewVolunteerDialog } from './new-volunteer-dialog';
import { VolunteerList } from './volunteer-list';
import styles from './volunteers.module.css';

export function VolunteersScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  // Typing stays responsive while the search runs (React's deferred value, not a debounce timer).
  const deferredQuery = useDeferredValue(query);
  const count = useVolunteerCount();
  const results = useVolunteerSearch(deferredQuery);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Page title={t('volunteers.title')} actions={<NewVolunteerDialog onCreated={setCreated} />}>
      {created && <StatusMessage tone="success">{created}</StatusMessage>}
      {count !== undefined && <p>{t('volunteers.count', { count })}</p>}
      <SearchField value={query} onChange={setQuery} className={styles.search}>
        <Label className={styles.searchLabel}>{t('volunteers.search')}</Label>
        <Input className={styles.searchInput} />
        <Text slot="description" className={styles.searchHelp}>
          {t('volunteers.searchHelp')}
        </Text>
      </SearchField>
      {count === 0 && <p>{t('volunteers.empty')}</p>}
      {results && results.length === 0 && count !== 0 && deferredQuery.trim() !== '' && (
        <p role="status">{t('volunteers.noResults', { query: deferredQuery })}</p>
      )}
      {results && results.length > 0 && <VolunteerList volunteers={results} />}
    </Page>
  );
}
