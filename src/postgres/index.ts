export * from './tenant-postgres';
export * from './development-leftovers';
