/**
 * The one switch that decides a tenant's capacity floors, replicas, deletion protection and
 * deployment strategy (never how long data or logs are kept: explicit props decide that). Every block defaults to `PRODUCTION`, the safe side.
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
