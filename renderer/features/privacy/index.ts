export { EraseVolunteerSection } from './erase-volunteer-section';
export { PrivacyScreen } from './privacy-screen';
export { RetentionSettingsSection } from './retention-settings';
export { useErasedReference } from './privacy-hooks';
