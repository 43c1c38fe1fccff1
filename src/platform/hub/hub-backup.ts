import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { BreakGlass } from '../../core';
import { HUB_BACKUP_VAULT_NAME, partitionOf } from '../../core/hub-names';

/**
 * Shortest lifecycle of a copy the vault accepts: a week, so a copy cannot be made to expire
 * before anyone looked at it.
 */
export const MIN_COPY_RETENTION = Duration.days(7);

/**
 * Longest lifecycle of a copy the vault accepts: 35 days, the lifecycle `TenantPostgres` gives its
 * copies (a tenant cannot make the platform pay for copies kept for years).
 */
export const MAX_COPY_RETENTION = Duration.days(35);

/** What {@link createBackupVault} created. */
export interface HubBackupVault {
  /** The copy vault. */
  readonly vault: backup.BackupVault;
  /** Its key. */
  readonly key: kms.Key;
}

/**
 * The platform-owned copy vault (issue 8.15): tenant accounts copy their daily recovery points here,
 * so one compromised tenant admin cannot destroy every copy of a tenant's data.
 *
 * - its own customer-managed key (rotation on, retained): the log readers' key (the hub key) never
 *   decrypts backups, and a backup key cannot be disabled by a grant made for logs;
 * - the access policy admits `backup:CopyIntoBackupVault` from the listed tenant accounts only (the
 *   copy job runs in the tenant account, with the tenant's backup role), or on the organization
 *   path from any account of the organization (`aws:PrincipalOrgID`);
 * - it denies `DeleteRecoveryPoint` and `UpdateRecoveryPointLifecycle` to every principal but the
 *   hub account's break-glass role ({@link BreakGlass}), so a platform admin cannot shorten or delete
 *   the copies either; the copies expire with the lifecycle the tenant's copy rule sets;
 * - retained when the stack is deleted.
 *
 * - a vault lock (governance mode) bounding every copy's lifecycle to 7-35 days (issue 21 §2): a
 *   copy job with a lifecycle outside the bounds fails in the tenant account (its backup job
 *   result reaches the hub), instead of parking copies the platform pays for without limit.
 */
export function createBackupVault(
  scope: Construct, tenantAccountIds: string[], vaultName: string = HUB_BACKUP_VAULT_NAME, organizationId?: string,
): HubBackupVault {
  const stack = Stack.of(scope);
  const partition = partitionOf(stack);
  const key = new kms.Key(scope, 'BackupKey', {
    description: 'cdk-tenant-blocks platform hub: copies of tenant backup recovery points',
    alias: 'alias/tenant-blocks/platform-hub-backup',
    enableKeyRotation: true,
    // Copies are the last line of defence of tenant data: never lose the key that reads them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // CT.KMS.PR.3: only AWS services (AWS Backup) may create grants, and only for AWS resources.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  const breakGlass = `arn:${partition}:iam::${stack.account}:role/${BreakGlass.ROLE_NAME}`;
  const vault = new backup.BackupVault(scope, 'BackupVault', {
    backupVaultName: vaultName,
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
    // Issue 21 §2: a tenant cannot park copies with any lifecycle here. Governance mode (no
    // changeableFor): the bounds hold for every copy, and the break-glass role can still lift the
    // lock, which a compliance-mode lock would make impossible forever after three days.
    lockConfiguration: { minRetention: MIN_COPY_RETENTION, maxRetention: MAX_COPY_RETENTION },
    accessPolicy: new iam.PolicyDocument({
      statements: [
        organizationId !== undefined
          // The organization path (issue 24 §4): AWS Backup's documented organization policy; a
          // cross-account copy needs both accounts in one organization anyway.
          ? new iam.PolicyStatement({
            sid: 'AdmitTenantCopies',
            principals: [new iam.AnyPrincipal()],
            actions: ['backup:CopyIntoBackupVault'],
            resources: ['*'],
            conditions: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
          })
          : new iam.PolicyStatement({
            sid: 'AdmitTenantCopies',
            principals: tenantAccountIds.map((a) => new iam.ArnPrincipal(`arn:${partition}:iam::${a}:root`)),
            actions: ['backup:CopyIntoBackupVault'],
            resources: ['*'],
          }),
        new iam.PolicyStatement({
          sid: 'DenyDeletingCopiesExceptBreakGlass',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
          resources: ['*'],
          conditions: { ArnNotLike: { 'aws:PrincipalArn': breakGlass } },
        }),
      ],
    }),
  });
  return { vault, key };
}
