export { VolunteersScreen } from './volunteers-screen';
