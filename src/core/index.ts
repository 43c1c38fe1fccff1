export * from './tier';
export * from './tenant-defaults';
export * from './validation';
export * from './maintenance-window';
export * from './tenant-key';
export * from './tenant-network';
export * from './log-shipping';
