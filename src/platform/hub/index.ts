// PlatformHub: where every tenant's logs, events and backup copies arrive in the platform account, and the per-tenant log query.
export * from './platform-hub';
export * from './platform-hub-props';
export * from './tenant-log-query';
