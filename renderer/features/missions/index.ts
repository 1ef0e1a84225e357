export { MissionPage } from './mission-page';
export { MissionsScreen } from './missions-screen';
