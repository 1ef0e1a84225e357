export { VolunteerPage } from './volunteer-page';
export { VolunteersScreen } from './volunteers-screen';
