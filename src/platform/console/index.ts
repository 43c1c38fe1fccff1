export * from './tenant-console';
