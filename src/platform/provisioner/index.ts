// TenantProvisioner: the control plane that creates, changes, suspends and destroys tenants and rolls releases across the fleet.
export * from './platform-app-source';
export * from './tenant-provisioner';
export * from './scopes';
