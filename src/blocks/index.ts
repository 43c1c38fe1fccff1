// What runs in a tenant account: the building blocks a customer's whitelist configures.
export * from './postgres';
export * from './function';
export * from './link';
