import { DeskScreen, PaperEntryPage, SignInSheetPage } from '../features/desk';
import { ExportsScreen } from '../features/exports';
import { ImportsPage } from '../features/imports';
import { MissionPage, MissionsScreen } from '../features/missions';
import { PlanningScreen, RosterPage } from '../features/planning';
import { ReportsScreen } from '../features/reports';
import { SettingsScreen } from '../features/settings';
import { VolunteerPage, VolunteersScreen } from '../features/volunteers';

/** The main navigation, in the order of a coordinator's week. `labelKey` is an i18n key under `nav`. */
export const ROUTES = [
  { path: 'volunteers', labelKey: 'nav.volunteers', Screen: VolunteersScreen },
  { path: 'missions', labelKey: 'nav.missions', Screen: MissionsScreen },
  { path: 'planning', labelKey: 'nav.planning', Screen: PlanningScreen },
  { path: 'desk', labelKey: 'nav.desk', Screen: DeskScreen },
  { path: 'exports', labelKey: 'nav.exports', Screen: ExportsScreen },
  { path: 'reports', labelKey: 'nav.reports', Screen: ReportsScreen },
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
] as const;
