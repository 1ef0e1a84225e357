import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { DeskOnlyGate, useDeskOnly } from '../features/desk';
import { ROUTES } from './routes';
import styles from './shell.module.css';

/**
 * The application frame: a skip link (RGAA 12.7), the main navigation as a list of links with `aria-current`
 * (set by NavLink), and the <main> landmark that receives each screen.
 */
export function Shell() {
  const { t } = useTranslation();
  // Desk-only mode (the event desk is open): no navigation, one column; leaving takes the coordinator's PIN.
  const deskOnly = useDeskOnly();
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
        <DeskOnlyGate>
          <Outlet />
        </DeskOnlyGate>
      </main>
    </div>
  );
}

const DESK_ONLY_LAYOUT = { gridTemplateColumns: '1fr', gridTemplateAreas: "'banner' 'main'" } as const;
