export * from './platform-hub-reference';
export * from './platform-hub';
export * from './cross-account-link';
export * from './tenant-log-query';
