export { AccessRequestPage } from './access-request-page';
export { AccessRequestLink } from './access-request-link';
export { AuditLogScreen } from './audit-log-screen';
export { AuditLogLink } from './audit-log-link';
