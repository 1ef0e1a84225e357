import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { IpcInput, IpcOutput } from '../../../shared/ipc/contract';
import { validateSnapshot, chunksOf } from '../../../shared/snapshot';
import { BackupWatch } from '../../../renderer/features/backups/backup-watch';
import { RESTORE_NOTICE_KEY } from '../../../renderer/db/snapshot-restore';
import { RepositoriesProvider, createRepositories } from '../../../renderer/db/repositories-context';
import { createBrowserFallback, type DesktopApi } from '../../../renderer/lib/desktop-api';
import { DesktopProvider } from '../../../renderer/lib/desktop-context';
import { createI18n } from '../../../renderer/lib/i18n';
import { createTestDatabase, newVolunteer } from '../db/test-database';

/** The Electron bridge is the process edge: a fake main process that records what it is sent. */
function fakeMain(status: Partial<IpcOutput<'backup:get-status'>> = {}) {
  const written: IpcInput<'backup:write-automatic'>[] = [];
  const api: DesktopApi = {
    ...createBrowserFallback(window),
    kind: 'electron',
    async getStatus() {
      return {
        folder: '/data/backups',
        isDefaultFolder: true,
        encrypted: false,
        passphraseRemembered: true,
        lastAutomaticAt: null,
        lastOffLaptopAt: null,
        ...status,
      };
    },
    async writeAutomatic(input) {
      written.push(input);
      return { status: 'written', fileName: `auto-${written.length}.zip`, encrypted: false, removed: 0 };
    },
  };
  return { api, written };
}

async function mount(api: DesktopApi, options: { start?: string } = {}) {
  const { db, desk } = await createTestDatabase(options);
  const repositories = createRepositories(db, desk);
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <DesktopProvider api={api}>
        <RepositoriesProvider repositories={repositories}>
          <BackupWatch startDelayMs={0} />
        </RepositoriesProvider>
      </DesktopProvider>
    </I18nextProvider>,
  );
  return { db, repositories };
}

describe('the backup watch', { timeout: 30_000 }, () => {
  it('in the desktop app, sends a valid snapshot at start-up when there is no automatic backup, then after an import', async () => {
    const main = fakeMain();
    const { repositories } = await mount(main.api);
    await waitFor(() => expect(main.written).toHaveLength(1), { timeout: 10_000 });
    expect(main.written[0]!.reason).toBe('start-up');
    const manifest = await validateSnapshot(chunksOf(main.written[0]!.data));
    expect(manifest.deskId).toBe(repositories.desk.deskId);

    // An import writes its audit entry: the watch sees it and asks for one more backup, with that reason.
    await repositories.volunteers.create(newVolunteer({ firstName: 'Aline', lastName: 'Import' }));
    await repositories.audit.append('volunteer.import', null, { fileName: 'liste.csv' });
    await waitFor(() => expect(main.written).toHaveLength(2), { timeout: 10_000 });
    expect(main.written[1]!.reason).toBe('import');
    expect((await validateSnapshot(chunksOf(main.written[1]!.data))).counts.volunteers).toBe(1);
  });

  it('does not run the start-up backup when the last automatic one is less than a day old', async () => {
    const main = fakeMain({ lastAutomaticAt: '2026-11-28T08:00:00.000Z' });
    const { repositories } = await mount(main.api, { start: '2026-11-28T09:00:00Z' });
    await repositories.audit.append('merge.apply', null, {});
    await waitFor(() => expect(main.written).toHaveLength(1), { timeout: 10_000 });
    expect(main.written[0]!.reason).toBe('merge');
  });

  it('warns when no backup has left this computer for a week', async () => {
    const main = fakeMain({ lastAutomaticAt: '2026-11-28T08:00:00.000Z', lastOffLaptopAt: '2026-11-01T08:00:00.000Z' });
    const { db } = await mount(main.api, { start: '2026-11-28T09:00:00Z' });
    // The desk was set up long ago.
    await db.desk.update('desk', { createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await screen.findByText(/Aucune sauvegarde n’a quitté cet ordinateur depuis plus de 7 jours/)).toBeVisible();
  });

  it('says once what the start-up did with an interrupted restore, until the coordinator dismisses it', async () => {
    const user = userEvent.setup();
    const main = fakeMain({ lastAutomaticAt: '2026-11-28T08:00:00.000Z', lastOffLaptopAt: '2026-11-28T08:00:00.000Z' });
    const { db } = await mount(main.api, { start: '2026-11-28T09:00:00Z' });
    // What recoverInterruptedRestore leaves when it has put the data back (tests/renderer/db/snapshot-restore.test.ts).
    await db.uiPreferences.put({
      key: RESTORE_NOTICE_KEY,
      value: { outcome: 'rolled-back', at: '2026-11-28T09:00:00.000Z' },
    });
    expect(await screen.findByText(/Une restauration a été interrompue/)).toBeVisible();
    expect(screen.getByText(/Vos données ont été remises comme elles étaient avant/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'J’ai compris' }));
    await waitFor(() => expect(screen.queryByText(/Une restauration a été interrompue/)).toBeNull());
    expect(await db.uiPreferences.get(RESTORE_NOTICE_KEY)).toBeUndefined();
  });
});
