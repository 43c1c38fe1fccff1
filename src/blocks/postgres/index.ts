// TenantPostgres: Aurora PostgreSQL for one tenant (encrypted, backed up, rotated, snapshotted on delete) and its DEVELOPMENT clean-up.
export * from './tenant-postgres-props';
export * from './tenant-postgres';
export * from './development-leftovers';
