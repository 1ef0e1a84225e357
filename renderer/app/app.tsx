import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { StatusMessage } from '../components/status-message';
import { useSettings } from '../db/hooks';
import { RepositoriesProvider } from '../db/repositories-context';
import { DesktopProvider, useDesktop } from '../lib/desktop-context';
import { applyDocumentLanguage } from '../lib/i18n/setup';
import { useAppLocale } from '../lib/i18n/locale';
import type { Settings } from '../../shared/domain/model';
import type { Started } from './bootstrap';
import { DETAIL_ROUTES, ROUTES } from './routes';
import { ScreenLoading, Shell } from './shell';

// Shown once per installation: not worth a byte of the start-up chunk (its index.ts would also bring Settings).
const FirstStartScreen = lazy(async () => ({
  default: (await import('../features/settings')).FirstStartScreen,
}));

/*
 * Hash routing: the renderer is one index.html served from app://bundle/ in Electron and from any static server in
 * a browser; a hash URL never asks the server for another path. The router reads the address when it is created, so
 * it is created on the app's first render, once bootstrap has turned a start on no route into the volunteers list's
 * address (routes.tsx, startOnLandingScreen): the <Navigate> below then only serves a later visit to `#/`.
 */
let router: ReturnType<typeof createHashRouter> | undefined;
function appRouter() {
  router ??= createHashRouter([
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/volunteers" replace /> },
        ...[...ROUTES, ...DETAIL_ROUTES].map(({ path, Screen }) => ({ path, element: <Screen /> })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
  return router;
}

export function App({ started }: { started: Started }) {
  if (!started.ok) {
    return (
      <I18nextProvider i18n={started.i18n}>
        <StorageError message={started.message} />
      </I18nextProvider>
    );
  }
  return (
    <I18nextProvider i18n={started.i18n}>
      <AriaLocale>
        <DesktopProvider api={started.desktop}>
          <RepositoriesProvider repositories={started.repositories}>
            <FirstStartGate initialSettings={started.settings} />
          </RepositoriesProvider>
        </DesktopProvider>
      </AriaLocale>
    </I18nextProvider>
  );
}

/**
 * React Aria's own words and formats (a dialog's hidden "Dismiss", a date's segments) follow the app's language, not
 * the system's, which React Aria would read by default.
 */
function AriaLocale({ children }: { children: ReactNode }) {
  return <I18nProvider locale={useAppLocale()}>{children}</I18nProvider>;
}

/** Until the association has introduced itself, the first-start screen stands in for the app. */
function FirstStartGate({ initialSettings }: { initialSettings?: Settings }) {
  const settings = useSettings(initialSettings);
  const desktop = useDesktop();
  const { i18n } = useTranslation();
  const language = settings?.language;
  useEffect(() => {
    if (!language) return;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    applyDocumentLanguage(language);
    // The application menu follows the interface's language, not the system's.
    void desktop.setLanguage({ language });
  }, [language, i18n, desktop]);
  useEffect(() => {
    // The benchmark and the end-to-end tests wait for this marker: the app is interactive.
    if (settings) document.getElementById('root')?.setAttribute('data-app-ready', 'true');
  }, [settings]);
  if (!settings) return null;
  if (!settings.firstStartCompletedAt) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <FirstStartScreen />
      </Suspense>
    );
  }
  return <RouterProvider router={appRouter()} />;
}

function StorageError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main>
      <StatusMessage tone="error">{t('app.storageError', { message })}</StatusMessage>
    </main>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <p>{t('app.notFound')}</p>;
}
