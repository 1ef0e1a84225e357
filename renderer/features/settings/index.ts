export { FirstStartScreen } from './first-start-screen';
export { SettingsScreen } from './settings-screen';
