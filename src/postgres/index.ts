export * from './tenant-postgres';
