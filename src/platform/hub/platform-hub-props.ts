import { Duration } from 'aws-cdk-lib';

/** Props of {@link PlatformHub}. */
export interface PlatformHubProps {
  /**
   * The tenant accounts that may send logs and change events to the hub and copy recovery points
   * into its backup vault (12-digit ids, 1 to 30). When `organizationId` is also given, a listed
   * account must also belong to that organization. Give either this list or `organizationId`
   * alone (the organization path: a new tenant account needs no hub redeploy).
   *
   * @default - none: `organizationId` alone admits every account of the organization (one of the two is required)
   */
  readonly tenantAccountIds?: string[];

  /**
   * The AWS Organizations id (`o-` and 10-32 lowercase letters or digits). Alone (without
   * `tenantAccountIds`), it is the organization path: every account of the organization may send
   * logs and change events and copy recovery points (`aws:PrincipalOrgID` on the log destination,
   * the bus and the backup vault), so a new tenant account needs no hub redeploy; the per-account
   * guarantees hold organization-wide (docs/platform/hub.md, "The organization path"). The tenant
   * links must then ship logs with a sender role (`CrossAccountLinkProps.logsThroughOrganization`).
   * With `tenantAccountIds`, it narrows the listed accounts to the organization.
   *
   * @default - no organization: the listed accounts only
   */
  readonly organizationId?: string;

  /**
   * How long shipped logs and the event history are kept (and locked in COMPLIANCE mode) in the
   * hub's bucket, and change events in the bus archive: whole days between 1 day and 10 years.
   * Nobody, not even the platform account's root user, can delete a shipped object before it ends.
   *
   * @default Duration.days(365) - a year of history (PCI DSS 10.7)
   */
  readonly retention?: Duration;

  /**
   * Tenant accounts in quarantine (each also in `tenantAccountIds`, or any account of the organization on the organization path): their events are still
   * admitted and kept in the bus archive for the retention (nothing is lost, replay them once the
   * quarantine ends), but they no longer reach the shared history stream or the notification topic.
   * Put an account here when its `TenantEventVolumeAlarm-<account>` fires and the volume is not a
   * legitimate burst; remove it (and replay the archive) when the tenant's rules are fixed.
   *
   * @default - no account in quarantine
   */
  readonly quarantinedAccountIds?: string[];

  /**
   * The tenant id of each admitted account (keys: accounts of `tenantAccountIds`, or any 12-digit account on the organization path): tenant alarm
   * notifications carry `tenantId` from this map, by the account the alarm came from, never from
   * the alarm's name (a tenant can name an alarm after another tenant).
   *
   * @default - notifications carry `tenantAccount` only; map it to the tenant in the platform's registry
   */
  readonly tenantIdsByAccount?: { [accountId: string]: string };

  /**
   * The generation of the hub's backup vault, part of its name (`tenant-blocks-hub` for 1,
   * `tenant-blocks-hub-<n>` after): the vault is retained when the hub's stack is deleted (it holds
   * tenant copies under a vault lock), so a hub redeployed in the same account and region takes the
   * next generation. Tenant stacks take the new `backupVaultArn`; the old vault keeps its copies
   * until their lifecycle ends.
   *
   * @default 1
   */
  readonly backupVaultGeneration?: number;
}
