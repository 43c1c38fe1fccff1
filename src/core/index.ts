// The core every block and the platform share: tier, key, network, log shipping, maintenance window, validation, guardrails, suppressions, and the hub's contract with the link.
export * from './tier';
export * from './tenant-defaults';
export * from './validation';
export * from './maintenance-window';
export * from './tenant-key';
export * from './tenant-network';
export * from './log-shipping';
export * from './tenant-log-group';
export * from './suppressions';
export * from './guardrails';
export * from './vpc-function-cleanup';
export * from './break-glass';
export * from './execution-role';
export * from './platform-hub-reference';
