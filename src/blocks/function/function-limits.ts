import { TenantTier } from '../../core/tier';

// Limits of a TenantFunction's whitelisted settings, in a module that imports nothing heavy: the
// tenant spec's validator (bundled into the provisioner's API handler) reads them too, so one
// source of truth serves the block, the spec, its JSON Schema and the API.

/** Memory a function may have, in MiB (Lambda's own limits). */
export const MEMORY_RANGE = { min: 128, max: 10_240, step: 1, unit: 'MiB' };

/** Timeout a function may have, in seconds (Lambda's own limits). */
export const TIMEOUT_SECONDS = { min: 1, max: 15 * 60 };

/**
 * Reserved concurrency a function may be given, per tier, when the platform chooses to reserve
 * (off by default: an account with the quota of a new account, 10, cannot reserve anything, since
 * Lambda keeps 100 executions unreserved). The floor lets the function run at all; the ceiling keeps
 * one tenant from taking an account's whole pool: 800 leaves the 100 unreserved executions and
 * room for other functions on an account with the default quota of 1,000.
 */
export const RESERVED_CONCURRENCY = {
  [TenantTier.DEVELOPMENT]: { min: 1, max: 20 },
  [TenantTier.PRODUCTION]: { min: 2, max: 800 },
};

