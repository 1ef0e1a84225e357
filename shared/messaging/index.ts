export * from './mailto';
export * from './template';
export * from './templates';
export * from './values';
export * from './sms-csv';
export * from './invitation';
