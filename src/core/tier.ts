/**
 * The one switch that decides a tenant's capacity floors, replicas, deletion protection and
 * deployment strategy. A change of tier never shortens how long what is already kept stays kept
 * (logs, point-in-time history, data buckets: explicit props decide that; issue 21.3). Every block
 * defaults to `PRODUCTION`, the safe side.
 */
export enum TenantTier {
  /**
   * Development and test tenants: scale to zero, one NAT gateway, resources that hold no customer
   * data can be destroyed with the stack (databases still snapshot). Never shorter retention of
   * what already holds data: a tier change must not delete it (issue 21.3).
   */
  DEVELOPMENT = 'DEVELOPMENT',
  /**
   * Production tenants: multi-AZ everything, deletion protection, long retention, retained keys,
   * buckets and vaults, gradual deployments.
   */
  PRODUCTION = 'PRODUCTION',
}
