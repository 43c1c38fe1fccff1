// The Tenant object (identity, tier, key, network, link in one place), its JSON spec and schema, and synth-time collision checks.
export * from './tenant-spec';
export * from './validate-tenant-spec';
export * from './tenant-spec-schema';
export * from './tenant';
export * from './tenant-manifest';
export * from './tenant-collisions';
export * from './tenant-dashboard';
