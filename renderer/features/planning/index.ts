export { PlanningScreen } from './planning-screen';
export { RosterPage } from './roster-page';
export { SignUpDecisionPanel } from './sign-up-panel';
