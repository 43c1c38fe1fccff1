import { Duration } from 'aws-cdk-lib';

/** Props of {@link PlatformHub}. */
export interface PlatformHubProps {
  /**
   * The tenant accounts that may send logs and change events to the hub and copy recovery points
   * into its backup vault (12-digit ids, 1 to 30). When `organizationId` is also given, a listed
   * account must also belong to that organization. Required: an organization alone is refused
   * until a real run proves cross-account log subscriptions from any member (docs/platform/hub.md).
   *
   * @default - none: the props are rejected (at least one account is required)
   */
  readonly tenantAccountIds?: string[];

  /**
   * The AWS Organizations id (`o-...`) the listed accounts must belong to (`aws:PrincipalOrgID` on
   * the destination and bus policies). It only narrows `tenantAccountIds`; it never admits accounts
   * on its own.
   *
   * @default - no organization condition: the listed accounts may send
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
}
