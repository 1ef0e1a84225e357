export { ContactSection } from './contact-section';
export { ShiftContactSection, MissionContactSection } from './shift-contact';
export { RemindersScreen } from './reminders-screen';
export { ConvocationPage } from './convocation-page';
export { MessageTemplatesSection } from './templates-settings';
export { VolunteersContactSection } from './volunteers-contact';
export { VolunteerContactSection } from './volunteer-contact';
export { CancellationFileOffer, cancellationFileDue } from './cancellation-file';
