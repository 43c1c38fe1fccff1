/**
 * What a tenant account needs to know about the platform hub: where to send change events and
 * logs. `PlatformHub` exposes one as `reference`; `PlatformHub.referenceFor(account, region)`
 * computes one without the hub construct (the hub's names are fixed).
 *
 * All values must be literal strings when the tenant stack is in another account than the hub:
 * CloudFormation cannot reference across accounts.
 */
export interface PlatformHubReference {
  /** The platform account that runs the hub (12 digits). */
  readonly platformAccountId: string;

  /** The hub's region: tenant stacks must be in the same region (CloudWatch Logs destinations are regional). */
  readonly region: string;

  /** ARN of the hub's event bus for tenant change events. */
  readonly eventBusArn: string;

  /** ARN of the hub's CloudWatch Logs destination. */
  readonly logDestinationArn: string;
}
