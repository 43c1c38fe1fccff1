// What runs in the platform account: the hub that receives every tenant's logs and events, the provisioner that creates, changes and destroys tenants, the customers' console, and the tenant-account bootstrap that trusts only the provisioner's build.
export * from './hub';
export * from './provisioner';
export * from './console';
export * from './bootstrap';
