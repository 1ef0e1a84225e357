export { AutomaticBackupsSection } from './automatic-backups-section';
export { BackupsSection } from './backups-section';
export { MergeSection } from './merge-section';
