export * from './platform-app-source';
export * from './tenant-provisioner';
