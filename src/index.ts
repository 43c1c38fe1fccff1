export * from './core';
export * from './postgres';
export * from './function';
export * from './cross-account';
export * from './tenant';
export * from './provisioner';
export * from './cost';
