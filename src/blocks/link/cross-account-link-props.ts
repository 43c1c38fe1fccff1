import { PlatformHubReference } from '../../core/platform-hub-reference';

/** Props of {@link CrossAccountLink}. */
export interface CrossAccountLinkProps {
  /** The tenant whose account this link opens; names the role `tenant-blocks-link-<tenantId>`. */
  readonly tenantId: string;

  /** The platform account (12 digits); never the tenant stack's own account. */
  readonly platformAccountId: string;

  /**
   * The exact platform roles allowed to assume the link (at most 10): IAM role ARNs in
   * `platformAccountId`, with their path. Never the account root, never a wildcard.
   */
  readonly platformRoleArns: string[];

  /**
   * The external id the platform passes when it assumes the link (`sts:ExternalId` condition):
   * 32-1224 characters of letters, digits and `+=,.@:/-_`, a literal (never a token), with at
   * least 8 distinct characters. Use a per-tenant random value from
   * `CrossAccountLink.generateExternalId()` and record it on the platform side; never derive it
   * from the tenant id or commit it to a repository.
   */
  readonly externalId: string;

  /**
   * The AWS Organizations id (`o-...`) the platform roles must belong to (`aws:PrincipalOrgID`).
   *
   * @default - no organization condition (the role ARNs and external id still apply)
   */
  readonly organizationId?: string;

  /**
   * The platform hub that receives this tenant's change events and logs (`PlatformHub.reference`
   * or `PlatformHub.referenceFor(account, region)`); it must be in the tenant stack's region.
   *
   * @default - nothing is forwarded: no change-event rules, and `logShipping` is `LogShipping.none()`
   */
  readonly hub?: PlatformHubReference;

  /**
   * Whether the hub admits this account through its AWS Organization (a `PlatformHub` with
   * `organizationId` and no `tenantAccountIds`, the path on which a new tenant account needs no hub
   * redeploy). CloudWatch Logs then needs a role of this account on every subscription filter to
   * the hub's destination: the link creates it (`TenantLogSender-<tenantId>`, trusted by CloudWatch
   * Logs, allowed `logs:PutLogEvents` on the hub's destination only) and names it on every
   * subscription filter of its stack to the hub (the `Tenant` does the same in its other stacks).
   * Requires a `hub`.
   *
   * @default false - the hub lists this account (`tenantAccountIds`): subscription filters need no role
   */
  readonly logsThroughOrganization?: boolean;
}
