/**
 * The one switch that decides a tenant's capacity floors, replicas, retention periods, deletion
 * protection and deployment strategy. Every block defaults to `PRODUCTION`, the safe side.
 */
export enum TenantTier {
  /**
   * Development and test tenants: scale to zero, one NAT gateway, short log retention, resources
   * that hold no customer data can be destroyed with the stack (databases still snapshot).
   */
  DEVELOPMENT = 'DEVELOPMENT',
  /**
   * Production tenants: multi-AZ everything, deletion protection, long retention, retained keys,
   * buckets and vaults, gradual deployments.
   */
  PRODUCTION = 'PRODUCTION',
}
