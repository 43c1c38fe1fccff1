import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { TenantTier } from './tier';

/**
 * Tag key every block puts on what it creates: the tenant id.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export const TENANT_TAG = 'tenant-blocks:tenant';
/**
 * Tag key every block puts on what it creates: the tier.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export const TIER_TAG = 'tenant-blocks:tier';

/**
 * Tier-dependent defaults shared by every block, in one place so the blocks agree.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export class TierDefaults {
  /**
   * Retention of every log group a block creates: one year in every tier (PCI DSS 10.7 asks for a
   * year of audit history), one month only for a log group whose block was explicitly told its logs
   * are disposable (DEVELOPMENT only). Never decided by the tier: a PRODUCTION → DEVELOPMENT change
   * would otherwise delete the PRODUCTION-era logs older than a month (issue 21.3).
   *
   * @param disposable whether the block's logs were explicitly made disposable
   */
  public static logRetention(disposable: boolean): logs.RetentionDays {
    // DEVELOPMENT's default is PRODUCTION's year: the tier cannot know what the group already holds
    // from a PRODUCTION past, and a year of a small tenant's logs costs cents a month
    return disposable ? logs.RetentionDays.ONE_MONTH : logs.RetentionDays.ONE_YEAR;
  }

  /**
   * Removal policy of resources that hold data but are not databases (buckets, keys, vaults):
   * RETAIN in PRODUCTION; DESTROY in DEVELOPMENT so a tenant stack destroys cleanly.
   *
   * @param tier the tenant tier
   */
  public static dataRemovalPolicy(tier: TenantTier): RemovalPolicy {
    return tier === TenantTier.DEVELOPMENT ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  }

  /**
   * Tags every resource below `scope` with the tenant id and tier (cost allocation, ABAC, audits).
   *
   * @param scope the construct whose resources are tagged
   * @param tenantId the tenant
   * @param tier the tenant tier
   */
  public static applyTags(scope: IConstruct, tenantId: string, tier: TenantTier): void {
    Tags.of(scope).add(TENANT_TAG, tenantId);
    Tags.of(scope).add(TIER_TAG, tier);
  }

  private constructor() {}
}
