import { lazy, type ComponentType } from 'react';
/*
 * The screen the app lands on, imported directly: it is needed for the first paint anyway, and as a lazy screen its
 * first render suspended once, committing the loading status before the list (issue #12, cold start). Its modules are
 * in the start-up chunks (renderer/vite.config.ts).
 */
import { VolunteersScreen } from '../features/volunteers/volunteers-screen';

/*
 * Every screen is its own chunk, fetched when its route is first visited (product.md: interactive in under 1.5 s):
 * start-up parses only the shell and the screen it lands on. The Suspense boundary with its loading status is in
 * shell.tsx. Each loader imports the feature's index.ts, the one door into a feature.
 */
function lazyScreen<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const loadVolunteers = () => import('../features/volunteers');
const loadMissions = () => import('../features/missions');
const loadPlanning = () => import('../features/planning');
const loadDesk = () => import('../features/desk');

const VolunteerPage = lazyScreen(loadVolunteers, (module) => module.VolunteerPage);
const MissionsScreen = lazyScreen(loadMissions, (module) => module.MissionsScreen);
const MissionPage = lazyScreen(loadMissions, (module) => module.MissionPage);
const PlanningScreen = lazyScreen(loadPlanning, (module) => module.PlanningScreen);
const RosterPage = lazyScreen(loadPlanning, (module) => module.RosterPage);
const DeskScreen = lazyScreen(loadDesk, (module) => module.DeskScreen);
const SignInSheetPage = lazyScreen(loadDesk, (module) => module.SignInSheetPage);
const PaperEntryPage = lazyScreen(loadDesk, (module) => module.PaperEntryPage);
const ExportsScreen = lazyScreen(
  () => import('../features/exports'),
  (module) => module.ExportsScreen,
);
const ImportsPage = lazyScreen(
  () => import('../features/imports'),
  (module) => module.ImportsPage,
);
const ReportsScreen = lazyScreen(
  () => import('../features/reports'),
  (module) => module.ReportsScreen,
);
const SettingsScreen = lazyScreen(
  () => import('../features/settings'),
  (module) => module.SettingsScreen,
);
const loadRights = () => import('../features/rights');
const AccessRequestPage = lazyScreen(loadRights, (module) => module.AccessRequestPage);
const AuditLogScreen = lazyScreen(loadRights, (module) => module.AuditLogScreen);

const loadContact = () => import('../features/contact');
const RemindersScreen = lazyScreen(loadContact, (module) => module.RemindersScreen);
const ConvocationPage = lazyScreen(loadContact, (module) => module.ConvocationPage);

const PrivacyScreen = lazyScreen(
  () => import('../features/privacy'),
  (module) => module.PrivacyScreen,
);

/** The main navigation, in the order of a coordinator's week. `labelKey` is an i18n key under `nav`. */
export const ROUTES = [
  { path: 'volunteers', labelKey: 'nav.volunteers', Screen: VolunteersScreen },
  { path: 'missions', labelKey: 'nav.missions', Screen: MissionsScreen },
  { path: 'planning', labelKey: 'nav.planning', Screen: PlanningScreen },
  { path: 'desk', labelKey: 'nav.desk', Screen: DeskScreen },
  { path: 'exports', labelKey: 'nav.exports', Screen: ExportsScreen },
  { path: 'reports', labelKey: 'nav.reports', Screen: ReportsScreen },
  { path: 'privacy', labelKey: 'nav.privacy', Screen: PrivacyScreen },
  { path: 'settings', labelKey: 'nav.settings', Screen: SettingsScreen },
] as const;

/** Screens reached from another screen, not from the navigation. */
export const DETAIL_ROUTES = [
  { path: 'missions/:missionId', Screen: MissionPage },
  { path: 'volunteers/import', Screen: ImportsPage },
  { path: 'volunteers/:volunteerId', Screen: VolunteerPage },
  { path: 'shifts/:shiftId', Screen: RosterPage },
  { path: 'desk/sheet/:shiftId', Screen: SignInSheetPage },
  { path: 'desk/paper/:shiftId', Screen: PaperEntryPage },
  { path: 'volunteers/:volunteerId/access', Screen: AccessRequestPage },
  { path: 'audit', Screen: AuditLogScreen },
  { path: 'reminders', Screen: RemindersScreen },
  { path: 'convocation/:signUpId', Screen: ConvocationPage },
] as const;

const LANDING_HASH = '#/volunteers';

/**
 * Where the app starts, read by bootstrap before the router exists (app.tsx creates it on its first render). A start
 * on no route (no hash, `#` or `#/`) gets the volunteers list's address first: the router then renders the list at
 * once, instead of rendering the frame for `/` and again once its <Navigate> has moved on (issue #12, cold start). The
 * history entry is replaced, as that <Navigate replace> did, so Back never returns to the empty address. Returns
 * whether the app starts on the volunteers list (bootstrap then also reads its first page).
 */
export function startOnLandingScreen(): boolean {
  const { hash } = window.location;
  if (hash === '' || hash === '#' || hash === '#/') window.history.replaceState(window.history.state, '', LANDING_HASH);
  return window.location.hash === LANDING_HASH;
}
