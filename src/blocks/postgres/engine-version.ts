// The Aurora PostgreSQL engine version of every TenantPostgres, and the rule that keeps it
// deployable. Internal: not exported from the package barrel.

/**
 * Every engine version a release of this library has written into a TenantPostgres template,
 * oldest first; the last one is the current one. Append only, never lower.
 *
 * Why: automatic minor version upgrades are on, so AWS moves a deployed cluster past this version
 * (17.9 → 17.10 → ...) while the template keeps saying 17.9. That is harmless as long as the
 * template's value never changes: CloudFormation's DBCluster handler sends `EngineVersion` to RDS
 * only when the template's value differs from the previous template's. A release that changes it
 * sends it, and RDS refuses a version below the one the cluster runs: the update fails. So:
 *
 * - within a major, the version stays the one first shipped (a floor for new clusters; AWS brings
 *   them forward), not the newest one aws-cdk-lib knows;
 * - only when AWS retires that minor (new clusters could not be created) does a release move it,
 *   to the newest minor AWS offers in every region at that time, never to anything lower than an
 *   entry here (a lower one fails on every cluster already upgraded past it);
 * - a new major is a deliberate upgrade (parameter group family, extensions), never a side effect.
 */
export const ENGINE_VERSION_HISTORY: readonly string[] = ['17.9'];

/** The engine version written into the template: the last entry of {@link ENGINE_VERSION_HISTORY}. */
export const ENGINE_VERSION: string = ENGINE_VERSION_HISTORY[ENGINE_VERSION_HISTORY.length - 1];

/** The major version of {@link ENGINE_VERSION} (the parameter group family `aurora-postgresql<major>`). */
export const ENGINE_MAJOR_VERSION: string = ENGINE_VERSION.split('.')[0];
