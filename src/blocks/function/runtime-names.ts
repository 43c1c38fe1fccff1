// The runtime identifiers TenantRuntime offers, in a module that imports nothing heavy: the tenant
// spec's validator (bundled into the provisioner's API handler) checks names against it, and a
// test keeps it equal to TenantRuntime.all().

/** The Lambda runtime identifiers of TenantRuntime.all(), in the same order. */
export const RUNTIME_NAMES: readonly string[] = ['nodejs24.x', 'nodejs22.x', 'python3.14', 'python3.13'];
