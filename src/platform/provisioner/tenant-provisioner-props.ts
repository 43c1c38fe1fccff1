import { Duration } from 'aws-cdk-lib';
import { PlatformAppSource } from './platform-app-source';
import type { ApiCallerScope } from './scopes';
import { PlatformHubReference } from '../../core/platform-hub-reference';
import type { PlatformHub } from '../hub/platform-hub';

/** Props of {@link TenantProvisioner}: the platform team's whitelist. */
export interface TenantProvisionerProps {
  /** The platform hub (`PlatformHub.reference`): operation and rollout events go to its bus. */
  readonly hub: PlatformHubReference;

  /** The platform CDK app that synthesizes one tenant's stack from its spec. */
  readonly appSource: PlatformAppSource;

  /**
   * The tenant accounts (12-digit ids, at most 40) the provisioner may deploy to: the build may
   * assume only their CDK deploy and file-publishing roles, and the API refuses other accounts.
   *
   * @default - none: `organizationId` admits the accounts of an organization (one of the two is required)
   */
  readonly tenantAccountIds?: string[];

  /**
   * The AWS Organizations id (`o-...`) whose accounts may be tenant accounts: the role ARNs are
   * wildcarded by account and narrowed by `aws:ResourceOrgID`.
   *
   * @default - none: only `tenantAccountIds` (one of the two is required)
   */
  readonly organizationId?: string;

  /**
   * The CDK bootstrap qualifier of the tenant accounts: their deploy role is
   * `cdk-<qualifier>-deploy-role-<account>-<region>`.
   *
   * @default 'hnb659fds' - the CDK default
   */
  readonly cdkQualifier?: string;

  /**
   * Who may call the API and what each may do: per caller (an IAM role or user ARN), the tenants
   * (ids, a prefix, or all), optionally the accounts, and the actions (read, create, change settings,
   * suspend/resume, destroy, drift, rollout, approve, code push, assume the link). The handler
   * enforces them on every route and filters lists; the API's resource policy denies every principal
   * that is not a caller. A caller also needs `execute-api:Invoke` in its own policy
   * (`grantInvokeApi`). docs/platform/access.md.
   */
  readonly apiCallers: ApiCallerScope[];

  /**
   * Whether two tenants may share one AWS account. The hub's log and event partition is per account,
   * so tenants sharing an account see each other's logs in the console and the query console.
   *
   * @default false - one tenant per account (a second create in an occupied account answers 409)
   */
  readonly allowSharedTenantAccounts?: boolean;

  /**
   * How many tenants a rollout deploys at the same time within a wave, unless the request says.
   *
   * @default 10
   */
  readonly defaultMaxConcurrency?: number;

  /**
   * The percentage of failed tenants a rollout tolerates before it stops, unless the request says.
   *
   * @default 0 - the first failed tenant stops the rollout after its wave
   */
  readonly defaultToleratedFailurePercentage?: number;

  /**
   * How long one build (synth and `cdk deploy`/`destroy` of one tenant) may run: 10 minutes to 8 hours.
   *
   * @default Duration.hours(1)
   */
  readonly buildTimeout?: Duration;

  /**
   * Whether the two functions reserve concurrency (the workflow steps 20, the API 10). Off by
   * default: Lambda keeps 100 executions of the account's quota unreserved, so any reservation
   * fails on a new account (its quota starts at 10 or 50). Turn it on where the platform account's
   * quota is at least 130 plus every other reservation in the region; without it, throttled
   * workflow steps are retried by Step Functions (TooManyRequests, up to 10 times).
   *
   * @default false - both functions share the account's unreserved pool
   */
  readonly reserveConcurrency?: boolean;

  /**
   * Whether this stack sets the account-level API Gateway CloudWatch role (`AWS::ApiGateway::Account`)
   * that access logging of the API stage needs. A fresh account has none, and the stage then fails
   * to create ("CloudWatch Logs role ARN must be set in account settings"). It is one setting per
   * account and region: turn it on in the one stack that owns it, and only where nothing else sets it.
   *
   * @default false - the platform account must have the role set already (see docs/platform/provisioner.md, "A fresh account")
   */
  readonly apiGatewayCloudWatchRole?: boolean;

  /**
   * The platform hub whose shipped logs the API serves to `tenant-blocks logs`
   * (`POST /tenants/{id}/logs`, `GET /tenants/{id}/logs/{queryId}`): the API function may run the
   * hub's Athena queries (`PlatformHub.grantQueryTenantLogs`: fleet-wide in IAM, the handler pins
   * every query to the caller's tenant and checks its scope). The hub must be in the same stack or
   * app (its buckets, key and workgroup are referenced).
   *
   * @default - no log access: the log routes answer 501
   */
  readonly logHub?: PlatformHub;

  /**
   * Whether the hub admits an organization (`PlatformHubProps.organizationId` without an account
   * list): every build then gets `TENANT_LOGS_THROUGH_ORGANIZATION=true`, and the platform app passes it
   * on as `TenantPlatformSettings.logsThroughOrganization` (a sender role on every log subscription;
   * CloudWatch Logs refuses a filter to an organization destination without one).
   *
   * @default - `logHub.admitsOrganization` when `logHub` is given, else false (the hub lists the accounts)
   */
  readonly logsThroughOrganization?: boolean;
}
