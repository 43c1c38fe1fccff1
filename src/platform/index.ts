// What runs in the platform account: the hub that receives every tenant's logs and events, and the provisioner that creates, changes and destroys tenants.
export * from './hub';
export * from './provisioner';
