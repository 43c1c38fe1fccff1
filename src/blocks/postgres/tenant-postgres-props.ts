import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as rds from 'aws-cdk-lib/aws-rds';
import { LogShipping, MaintenanceWindow, TenantKey, TenantNetwork, TenantTier } from '../../core';

// The props of the postgres block's constructs, in a file of their own: the constructs and their
// validators both import them, and neither imports the other for a type.

/** Props of {@link TenantPostgres}: the whitelist, and nothing more. */
export interface TenantPostgresProps {
  /** The tenant this database belongs to (3-31 lowercase letters, digits and hyphens). */
  readonly tenantId: string;

  /**
   * The tenant's tier. DEVELOPMENT: writer only, scales to zero and pauses when idle, can be
   * destroyed by its stack (after a final snapshot), recovery points kept 14 days. PRODUCTION:
   * writer and reader in two AZs, never paused, deletion protection, instances retained on a
   * destroy, a year of monthly backups in a vault that only the break-glass role can empty.
   *
   * Moving PRODUCTION to DEVELOPMENT is an explicit operator step, not a side effect: the vault's
   * access policy refuses its own removal to everyone but the break-glass role, so such an update
   * fails until that role lifts it (docs: "Ending a contract"). And what keeps data does not
   * depend on the tier: the final snapshot, the retained automated backups, the point-in-time
   * window (`backupRetention`), the retained vault and the retained key are the same in both tiers.
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /**
   * Networks allowed to reach the database port, as IPv4 or IPv6 CIDR blocks (at most 50, never the
   * whole internet). Resources inside the VPC are connected with `connections` instead.
   *
   * @default - no access from outside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The weekly window (UTC) in which the database may restart for minor version upgrades. The
   * daily backup window is derived from it and never overlaps it.
   *
   * @default - MaintenanceWindow.defaultFor(tenantId): a deterministic 30-minute slot between 00:00 and 06:00 UTC
   */
  readonly maintenanceWindow?: MaintenanceWindow;

  /**
   * Largest Aurora Serverless v2 capacity of each instance, in ACUs: 1 to 256 in steps of 0.5.
   *
   * @default - 2 in DEVELOPMENT, 16 in PRODUCTION
   */
  readonly maxCapacity?: number;

  /**
   * How far back point-in-time recovery reaches (continuous backup): 1 to 35 whole days. The
   * automated backups outlive a deleted cluster for this long, in every tier.
   *
   * Not derived from the tier: shortening it discards the older restore points at once, so a
   * PRODUCTION → DEVELOPMENT change must not do it by itself. A shorter window (e.g. 7 days for a
   * DEVELOPMENT database) is this explicit prop.
   *
   * @default Duration.days(35), in every tier
   */
  readonly backupRetention?: Duration;

  /**
   * Name of the database created with the cluster: a lowercase PostgreSQL identifier (1-63
   * letters, digits, underscores), not `postgres`, `template0/1`, `rdsadmin` or an SQL key word.
   *
   * Choose it once: changing it replaces the cluster, and because the cluster identifier is fixed
   * (so its log group can exist first), such an update fails on the name instead of silently
   * creating a new, empty database. Moving data to another database name is an operator task.
   *
   * @default 'app'
   */
  readonly databaseName?: string;

  /**
   * The tenant network. The database goes into its isolated subnets. The bootstrap and rotation
   * functions run there too, so a network on an imported VPC must provide an S3 gateway endpoint
   * (the custom resource response) and a Secrets Manager interface endpoint reachable on 443 from
   * the isolated subnets; without them the bootstrap fails after its timeouts.
   *
   * @default - the stack's network of the tenant, `TenantNetwork.of(this, ...)`, shared with the tenant's other blocks
   */
  readonly network?: TenantNetwork;

  /**
   * The tenant key: encrypts storage, Performance Insights, the secrets, the exported logs and the
   * backup vault. Retained when the stack is deleted, in every tier (`TenantKey.retainOnDelete`):
   * the final snapshot and the vault's recovery points outlive the stack and need it.
   *
   * @default - the stack's key of the tenant, `TenantKey.of(this, tenantId, tier)`, shared with the tenant's other blocks
   */
  readonly encryptionKey?: TenantKey;

  /**
   * Where the database's log groups are shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;

  /**
   * A backup vault in the platform account (`arn:aws:backup:<region>:<account>:backup-vault:<name>`)
   * that receives a copy of every daily recovery point, so the backups survive the loss (or a
   * compromised admin) of the tenant account. The vault's access policy must allow
   * `backup:CopyIntoBackupVault` from this account (the PlatformHub vault does).
   *
   * @default - no copy outside the tenant account
   */
  readonly backupCopyVaultArn?: string;
}

/** Props of {@link DevelopmentLeftovers}. */
export interface DevelopmentLeftoversProps {
  /** The DEVELOPMENT tenant whose leftovers are deleted (tag `tenant-blocks:tenant`); never any other tenant's. */
  readonly tenantId: string;

  /**
   * The tenant key: encrypts the handler's log group, and is itself tagged with its tenant, its own
   * tier and its stack id, so that a later incarnation can schedule its deletion once nothing needs
   * it. A PRODUCTION key (given to a DEVELOPMENT database) is tagged PRODUCTION: never touched.
   */
  readonly encryptionKey: TenantKey;

  /**
   * Where the handler's log group is shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;

  /**
   * The backup vault that outlives the stack: tagged with the stack id so that a later incarnation
   * deletes it once it is empty.
   *
   * @default - no vault is tagged
   */
  readonly backupVault?: backup.IBackupVault;

  /**
   * The cluster whose final snapshot outlives the stack: tagged with the stack id (with
   * `copyTagsToSnapshot`, the snapshot carries it) so that a later incarnation deletes the snapshot.
   *
   * @default - no cluster is tagged
   */
  readonly cluster?: rds.IDatabaseCluster;
}
