import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
// The two light modules the frame needs, not the desk feature's index.ts: that would pull every desk screen into the
// start-up chunk, while the screens are loaded with their route (routes.tsx).
import { DeskOnlyGate } from '../features/desk/desk-only-gate';
import { useDeskOnly } from '../features/desk/desk-hooks';
// The keyboard shortcuts help (button, F1 and ?): one small module, in every screen including desk-only mode.
import { ShortcutsHelp } from '../features/help';
import { useAfterStartUp } from './after-start-up';
import { ROUTES } from './routes';
import styles from './shell.module.css';

/*
 * Mounted after start-up (useAfterStartUp), so fetched then too, as chunks of their own: the backup watch alone
 * (automatic backups, the weekly reminder; the backup screens load with Settings) and the sync status line alone (the
 * sync settings load with Settings). Neither is in the start-up chunk any more (issue #12).
 */
const BackupWatch = lazy(async () => ({
  default: (await import('../features/backups/backup-watch')).BackupWatch,
}));
const SyncStatusLine = lazy(async () => ({
  default: (await import('../features/sync/sync-status-line')).SyncStatusLine,
}));

/**
 * The application frame: a skip link (RGAA 12.7), the main navigation as a list of links with `aria-current`
 * (set by NavLink), and the <main> landmark that receives each screen.
 */
export function Shell() {
  const { t } = useTranslation();
  // Desk-only mode (the event desk is open): no navigation, one column; leaving takes the coordinator's PIN.
  const deskOnly = useDeskOnly();
  // The backup watch and the sync status read the database and render nothing urgent: after the first screen.
  const afterStartUp = useAfterStartUp();
  return (
    <div className={styles.shell} style={deskOnly ? DESK_ONLY_LAYOUT : undefined}>
      <a href="#main" className={styles.skipLink}>
        {t('app.skipToContent')}
      </a>
      <header className={styles.banner}>
        <p className={styles.brand}>
          <span className={styles.brandName}>{t('app.name')}</span>
          <span className={styles.tagline}>{t('app.tagline')}</span>
        </p>
        <div className={styles.bannerHelp}>
          <ShortcutsHelp />
        </div>
        {afterStartUp && (
          <Suspense fallback={null}>
            <SyncStatusLine />
          </Suspense>
        )}
      </header>
      {!deskOnly && (
        <nav aria-label={t('app.mainNavigation')} className={styles.nav}>
          <ul>
            {ROUTES.map((route) => (
              <li key={route.path}>
                <NavLink to={`/${route.path}`} className={({ isActive }) => (isActive ? styles.active : undefined)}>
                  {t(route.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1} className={styles.main}>
        {afterStartUp && (
          <Suspense fallback={null}>
            <BackupWatch showWarnings={!deskOnly} />
          </Suspense>
        )}
        <DeskOnlyGate>
          <Suspense fallback={<ScreenLoading />}>
            <Outlet />
          </Suspense>
        </DeskOnlyGate>
      </main>
    </div>
  );
}

/** While a screen's chunk arrives: announced politely, and the <main> landmark is never empty. */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite" className={styles.loading}>
      {t('app.loading')}
    </p>
  );
}

const DESK_ONLY_LAYOUT = { gridTemplateColumns: '1fr', gridTemplateAreas: "'banner' 'main'" } as const;
