export { BackupsSection } from './backups-section';
export { MergeSection } from './merge-section';
