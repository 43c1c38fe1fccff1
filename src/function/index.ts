export * from './tenant-function';
export * from './tenant-function-code';
export * from './tenant-runtime';
