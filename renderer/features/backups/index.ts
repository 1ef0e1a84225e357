export { BackupsSection } from './backups-section';
