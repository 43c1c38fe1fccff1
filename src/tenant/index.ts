export * from './tenant-spec';
export * from './validate-tenant-spec';
export * from './tenant-spec-schema';
