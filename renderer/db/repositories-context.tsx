import { createContext, useContext, type ReactNode } from 'react';
import type { DeskDatabase } from './database';
import type { DeskContext } from './desk-context';
import { createAccessRequestRepository } from './repositories/access-request-repository';
import { createAuditRepository } from './repositories/audit-repository';
import { createBackupsRepository } from './repositories/backups-repository';
import { createExportsRepository } from './repositories/exports-repository';
import { createImportsRepository } from './repositories/imports-repository';
import { createMergeRepository } from './repositories/merge-repository';
import { createReportsRepository } from './repositories/reports-repository';
import { createDeskRepository } from './repositories/desk-repository';
import { createConsentsRepository } from './repositories/consents-repository';
import { createContactRepository } from './repositories/contact-repository';
import { createHistoryRepository } from './repositories/history-repository';
import { createMissionsRepository } from './repositories/missions-repository';
import { createPrivacyRepository } from './repositories/privacy-repository';
import { createShiftsRepository } from './repositories/shifts-repository';
import { createSignUpsRepository } from './repositories/signups-repository';
import { createSettingsRepository } from './repositories/settings-repository';
import { createVolunteersRepository } from './repositories/volunteers-repository';

/** Every repository over the one database instance (architecture.md, rule 6: one Dexie class, one instance). */
export function createRepositories(db: DeskDatabase, desk: DeskContext) {
  const audit = createAuditRepository(db, desk);
  const settings = createSettingsRepository(db);
  return {
    db,
    desk,
    audit,
    settings,
    backups: createBackupsRepository(db, desk),
    exports: createExportsRepository(db, desk, audit),
    imports: createImportsRepository(db, desk),
    merge: createMergeRepository(db, desk),
    reports: createReportsRepository(db, settings),
    signUps: createSignUpsRepository(db, desk, audit, settings),
    volunteers: createVolunteersRepository(db, desk),
    consents: createConsentsRepository(db, desk, audit),
    history: createHistoryRepository(db),
    missions: createMissionsRepository(db, desk, audit),
    shifts: createShiftsRepository(db, desk, audit),
    checkins: createDeskRepository(db, desk, audit, settings),
    privacy: createPrivacyRepository(db, desk, audit, settings),
    contact: createContactRepository(db, audit),
    accessRequests: createAccessRequestRepository(db, desk, audit, settings),
    /** Fills the store with the same synthetic data as `desk seed` (a small scale), for a first look. */
    // The seed generator is fetched only when asked for (issue #12: nothing on start-up that can wait).
    loadDemoData: async () => (await import('./demo-data')).loadDemoData(db, desk),
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
