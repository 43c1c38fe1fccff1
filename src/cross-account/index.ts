export * from './platform-hub-reference';
export * from './platform-hub';
