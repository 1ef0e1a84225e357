import { createContext, useContext, type ReactNode } from 'react';
import type { DeskDatabase } from './database';
import { loadDemoData } from './demo-data';
import type { DeskContext } from './desk-context';
import { createSettingsRepository } from './repositories/settings-repository';
import { createVolunteersRepository } from './repositories/volunteers-repository';

/** Every repository over the one database instance (architecture.md, rule 6: one Dexie class, one instance). */
export function createRepositories(db: DeskDatabase, desk: DeskContext) {
  return {
    db,
    desk,
    settings: createSettingsRepository(db),
    volunteers: createVolunteersRepository(db, desk),
    /** Fills the store with the same synthetic data as `desk seed` (a small scale), for a first look. */
    loadDemoData: () => loadDemoData(db, desk),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

const RepositoriesContext = createContext<Repositories | null>(null);

export function RepositoriesProvider({ repositories, children }: { repositories: Repositories; children: ReactNode }) {
  return <RepositoriesContext.Provider value={repositories}>{children}</RepositoriesContext.Provider>;
}

export function useRepositories(): Repositories {
  const repositories = useContext(RepositoriesContext);
  if (!repositories) throw new Error('useRepositories() outside <RepositoriesProvider>');
  return repositories;
}
