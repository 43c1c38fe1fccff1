import { ArnFormat, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { GuardrailInvariant, LogShipping, Suppressions, TenantGuardrails } from '../../core';
import { ERROR_OUTPUT_RULE_NAME, createHubAlarms } from './hub-alarms';
import { createBackupVault } from './hub-backup';
import { HISTORY_RULE_NAME, createEventHistory, firehoseDeliveryRole, firehoseWriteStatement } from './hub-history';
import { QueryLayer, createQueryLayer, grantQuery, grantQueryOfTenant } from './hub-query';
import { ACCOUNT, HISTORY_ROOT, LOGS_ROOT, accountPrefixOf, firehosePrefix } from '../../core/log-partition.lambda-shared';
import { LogProcessorFunction } from './log-processor-function';
import {
  CHANGE_EVENT_SOURCES,
  HUB_BACKUP_VAULT_NAME,
  HUB_DELIVERY_STREAM_NAME,
  HUB_EVENT_BUS_NAME,
  HUB_GLUE_DATABASE,
  HUB_HISTORY_TABLE,
  HUB_LOG_DESTINATION_NAME,
  HUB_LOGS_TABLE,
  HUB_WORKGROUP,
  LINK_ROLE_NAME_PREFIX,
  partitionOf,
} from '../../core/hub-names';
import { hubAdmittedDetailTypes, hubFilterPattern } from '../../core/link-events';
import { PlatformHubReference } from '../../core/platform-hub-reference';
import { PlatformHubProps } from './platform-hub-props';
import { validatePlatformHubProps } from './validate-platform-hub-props';

/** Default retention of shipped logs and archived change events. */
const DEFAULT_RETENTION = Duration.days(365);

/** The log processor's own log group (fixed: the hub key's policy names it, one hub per account and region). */
const LOG_PROCESSOR_LOG_GROUP_NAME = '/tenant-blocks/platform-hub/log-processor';

/** What the log delivery stream connects. */
interface LogDeliveryParts {
  readonly key: kms.IKey;
  readonly stream: kinesis.IStream;
  readonly bucket: s3.IBucket;
  readonly processor: lambda.IFunction;
}

/** What the hub's parts share, resolved once in the constructor. */
interface HubContext {
  readonly stack: Stack;
  readonly region: string;
  readonly account: string;
  /** The partition as a literal when the region is known ({@link partitionOf}). */
  readonly partition: string;
  /** The admitted tenant accounts (a copy of the props' list). */
  readonly tenantAccountIds: string[];
  /** Retention of shipped logs, history and archived events. */
  readonly retention: Duration;
  /** Accounts in quarantine (a copy of the props' list). */
  readonly quarantinedAccountIds: string[];
  /** The tenant id of each mapped account (a copy of the props' map). */
  readonly tenantIdsByAccount: { [accountId: string]: string };
  /** Name of the backup vault of this generation. */
  readonly backupVaultName: string;
  /**
   * The organization of the organization path (issue 24 §4: `organizationId` without
   * `tenantAccountIds`): every member account is admitted; undefined on the listed-accounts path.
   */
  readonly admittedOrganization?: string;
}

/**
 * The platform account's end of every tenant link: it receives tenant logs, change events and
 * alarm state changes, keeps a per-tenant history, answers per-tenant queries, notifies the
 * platform, holds copies of tenant backups, and is where the platform's provisioner and console get
 * the right to assume tenant links.
 *
 * Deployed once per platform account and region (its names are fixed so tenant stacks can compute
 * its ARNs with {@link PlatformHub.referenceFor}). CloudWatch Logs destinations accept only log
 * groups of their own region: tenants in another region need a hub in that region. docs/platform/hub.md
 * says how many tenants one hub carries and how to shard beyond.
 *
 * Baked in, each with its reason:
 * - a CloudWatch Logs destination `tenant-blocks-logs` whose policy admits only the listed tenant
 *   accounts: nobody else can subscribe log groups to it;
 * - behind it, an on-demand Kinesis stream encrypted with the hub's customer-managed key, written
 *   by a role that only CloudWatch Logs can assume, and only for log groups of the admitted
 *   accounts in this region (`aws:SourceArn`, confused-deputy protection);
 * - Firehose delivery from the stream to an S3 bucket encrypted with the hub key, partitioned by
 *   tenant account and arrival day only (`logs/account=<id>/day=<yyyy-MM-dd>/`, see
 *   {@link PlatformHub.logPrefixFor}): a bounded number of partitions, so no tenant can exhaust
 *   Firehose's active partitions for the others; a record processor (Lambda, no reserved
 *   concurrency) turns each CloudWatch Logs envelope into one JSON line per log event (`owner`,
 *   `logGroup`, `logStream`, `id`, `timestamp`, `message`) and drops CloudWatch Logs' control
 *   messages; records it cannot read are kept raw under `errors/logs/processing-failed/`;
 * - the bucket blocks public access, enforces TLS, is versioned, logs access to a second bucket,
 *   locks every object in COMPLIANCE mode for `retention` (nobody can delete or overwrite it
 *   before, not even the root user), expires objects after `retention` and is retained when the
 *   stack is deleted;
 * - an event bus `tenant-blocks-change-history`, encrypted with the hub key, whose policy admits
 *   `events:PutEvents` only from the same senders and only for the `aws.*` sources the links
 *   forward (no custom events), with an archive (hub key) for `retention`, so history can be
 *   replayed;
 * - every admitted event also goes through a second delivery stream into the same bucket,
 *   `history/account=<id>/day=<yyyy-MM-dd>/` (the append-only, per-tenant history);
 * - a Glue database and two tables with partition projection (no crawler) and an Athena workgroup
 *   with encrypted results, enforced configuration and a scan limit per query: the account
 *   partition is `injected`, so every query must pin one tenant account
 *   ({@link PlatformHub.grantQueryTenantLogs}, `TenantLogQuery`);
 * - an SNS topic (hub key) that receives tenant alarm state changes, tagged with the tenant account,
 *   and the hub's own pipeline alarms; a fleet dashboard;
 * - a backup vault with its own key that tenant accounts copy recovery points into, under a vault
 *   lock (governance mode) bounding every copy's lifecycle to 7-35 days;
 * - isolation and flood control (issue 21 §2): the bus policy admits only the detail-types of the
 *   link's patterns, and the history rule and archive only the link's exact patterns; a counting
 *   rule and a volume alarm per account, and `quarantinedAccountIds` to keep a flooding account out
 *   of the history and the topic (its events stay in the archive); a dead-letter queue behind the
 *   history and notification rules; one tenant-alarm rule per account, so the tenant of a
 *   notification is its account, never its alarm's name; `grantQueryTenant` for one tenant's queries.
 */
export class PlatformHub extends Construct {
  /**
   * The reference of the hub of `platformAccountId` in `region`, computed from the hub's fixed
   * names: for tenant apps that do not hold the `PlatformHub` construct itself.
   *
   * @param platformAccountId the platform account (12 digits)
   * @param region the hub's region, which must be the tenant stacks' region
   * @param partition the AWS partition
   */
  public static referenceFor(platformAccountId: string, region: string, partition: string = 'aws'): PlatformHubReference {
    return {
      platformAccountId,
      region,
      eventBusArn: `arn:${partition}:events:${region}:${platformAccountId}:event-bus/${HUB_EVENT_BUS_NAME}`,
      logDestinationArn: `arn:${partition}:logs:${region}:${platformAccountId}:destination:${HUB_LOG_DESTINATION_NAME}`,
    };
  }

  /**
   * The S3 prefix under which the hub's bucket holds the shipped logs of `tenantAccountId`:
   * `logs/account=<id>/`. Below it, `day=<yyyy-MM-dd>/` folders (the UTC day the records arrived)
   * of GZIP'ed JSON lines, each naming its exact `logGroup`.
   *
   * @param tenantAccountId the tenant account (12 digits, or a token such as `Aws.ACCOUNT_ID`)
   */
  public static logPrefixFor(tenantAccountId: string): string {
    return accountPrefix('logPrefixFor', LOGS_ROOT, tenantAccountId);
  }

  /**
   * The S3 prefix under which the hub's bucket holds the event history of `tenantAccountId`:
   * `history/account=<id>/`, then `day=<yyyy-MM-dd>/` folders of GZIP'ed JSON lines (one
   * EventBridge event each).
   *
   * @param tenantAccountId the tenant account (12 digits, or a token such as `Aws.ACCOUNT_ID`)
   */
  public static historyPrefixFor(tenantAccountId: string): string {
    return accountPrefix('historyPrefixFor', HISTORY_ROOT, tenantAccountId);
  }

  /** What tenant stacks need to reach this hub; pass it as `CrossAccountLink`'s `hub`. */
  public readonly reference: PlatformHubReference;

  /** Ships a tenant's log groups to this hub; blocks take it as `logShipping`. */
  public readonly logShipping: LogShipping;

  /** The hub's customer-managed key (stream, buckets, bus, archive, topic, history stream). */
  public readonly encryptionKey: kms.IKey;

  /** The Kinesis stream behind the log destination. */
  public readonly logStream: kinesis.IStream;

  /**
   * The Firehose record processor: turns the CloudWatch Logs envelopes into JSON lines (one log
   * event each) and returns the account partition key.
   */
  public readonly logProcessor: lambda.IFunction;

  /** The bucket that receives shipped logs and the event history, partitioned by tenant account and day. */
  public readonly logBucket: s3.IBucket;

  /** The event bus that receives tenant change events (encrypted with the hub key). */
  public readonly eventBus: events.IEventBus;

  /**
   * The SNS topic (hub key) that receives tenant alarm state changes (a JSON message with
   * `kind`, `tenantAccount` (the account the alarm came from: the tenant's identity), `tenantId`
   * (from `tenantIdsByAccount`, when mapped), `alarmName` (the tenant's own text: never read a
   * tenant from it), `alarmArn`, `state`, `previousState`, `reason`, `time`, `region`),
   * the hub's pipeline alarms and notices of objects under `errors/`. Subscribe the on-call to it.
   */
  public readonly notificationTopic: sns.ITopic;

  /** The hub's pipeline alarms (the table in docs/platform/hub.md), each notifying `notificationTopic`. */
  public readonly alarms: cloudwatch.IAlarm[];

  /** The fleet dashboard `tenant-blocks-fleet`. */
  public readonly dashboard: cloudwatch.Dashboard;

  /** The Glue database of the hub tables: `tenant_blocks_hub`. */
  public readonly glueDatabaseName: string;

  /** The Glue table over the shipped logs: `tenant_logs`. */
  public readonly logsTableName: string;

  /** The Glue table over the event history: `tenant_history`. */
  public readonly historyTableName: string;

  /** The Athena workgroup per-tenant queries run in: `tenant-blocks-hub`. */
  public readonly workGroupName: string;

  /** The bucket Athena writes query results to (hub key, expired after a week). */
  public readonly queryResultsBucket: s3.IBucket;

  /**
   * The vault tenant accounts copy their recovery points into (its own key, retained); point
   * `TenantPostgres`'s `backupCopyVaultArn` at {@link PlatformHub.backupVaultArn}.
   */
  public readonly backupVault: backup.IBackupVault;

  /** ARN of {@link PlatformHub.backupVault}. */
  public readonly backupVaultArn: string;

  /**
   * ARN of the CloudWatch Logs destination tenant log groups subscribe to (a literal, computed
   * from the fixed name, so tenant stacks in other accounts can use it).
   */
  public readonly logDestinationArn: string;

  /**
   * Name of the CloudWatch Logs destination: `tenant-blocks-logs`. (aws-cdk-lib has no L2 for
   * destinations; the L1 stays internal so its policy cannot be widened through this API.)
   */
  public readonly logDestinationName: string;

  /** The tenant accounts admitted. */
  public readonly tenantAccountIds: string[];

  /** The organization the admitted accounts must belong to, if any. */
  public readonly organizationId?: string;

  /**
   * Whether the hub admits every account of `organizationId` (the organization path, no account
   * list): a new tenant account needs no hub redeploy; its links ship logs with a sender role.
   */
  public readonly admitsOrganization: boolean;

  private readonly queryLayer: QueryLayer;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: PlatformHubProps) {
    validatePlatformHubProps(props);
    super(scope, id);

    const ctx = this.resolveContext(props);
    this.tenantAccountIds = ctx.tenantAccountIds;
    this.organizationId = props.organizationId;
    this.admitsOrganization = ctx.admittedOrganization !== undefined;
    this.reference = PlatformHub.referenceFor(ctx.account, ctx.region, ctx.partition);

    const key = this.createKey(ctx);
    this.encryptionKey = key;
    const stream = this.createLogStream(key);
    this.logStream = stream;
    const accessLogs = this.createAccessLogBucket(ctx);
    const bucket = this.createLogBucket(ctx, key, accessLogs);
    const query = createQueryLayer(this, { key, bucket, accessLogs, bucketDefaults: auditBucketDefaults(ctx.retention, { objectLock: false }) });
    this.queryLayer = query;
    this.enableBucketNotifications([accessLogs, bucket], query.resultsBucket);
    this.logBucket = bucket;

    const processor = this.createLogProcessor(key);
    this.logProcessor = processor;
    this.createLogDelivery(ctx, { key, stream, bucket, processor });
    this.createLogDestination(ctx, key, stream);
    this.logDestinationArn = this.reference.logDestinationArn;
    this.logDestinationName = HUB_LOG_DESTINATION_NAME;
    this.logShipping = LogShipping.toDestination(this.logDestinationArn);

    const bus = this.createEventBus(ctx, key);
    this.eventBus = bus;
    const deadLetterQueue = this.createDeadLetterQueue(ctx, key, bus);
    createEventHistory(this, { key, bucket, bus, deadLetterQueue, quarantinedAccountIds: ctx.quarantinedAccountIds });
    this.glueDatabaseName = HUB_GLUE_DATABASE;
    this.logsTableName = HUB_LOGS_TABLE;
    this.historyTableName = HUB_HISTORY_TABLE;
    this.workGroupName = HUB_WORKGROUP;
    this.queryResultsBucket = query.resultsBucket;

    const notifications = createHubAlarms(this, {
      key,
      bus,
      bucket,
      streamName: stream.streamName,
      processor,
      // The literal name: a rule's Ref on a custom bus is "<bus>|<rule>", which no metric's RuleName matches.
      historyRuleName: HISTORY_RULE_NAME,
      tenantAccountIds: ctx.tenantAccountIds,
      quarantinedAccountIds: ctx.quarantinedAccountIds,
      tenantIdsByAccount: ctx.tenantIdsByAccount,
      deadLetterQueue,
      admittedOrganization: ctx.admittedOrganization,
    });
    this.notificationTopic = notifications.topic;
    this.alarms = notifications.alarms;
    this.dashboard = notifications.dashboard;

    this.backupVault = createBackupVault(this, this.tenantAccountIds, ctx.backupVaultName, ctx.admittedOrganization).vault;
    this.backupVaultArn = this.backupVaultArnOf(ctx);

    // Like every block: an escape hatch that weakens the hub's encryption or retention is reported.
    TenantGuardrails.applyTo(this);
  }

  /**
   * Lets `grantee` (the provisioner's or the query console's role) assume the tenant links of the
   * admitted tenants: `sts:AssumeRole` and `sts:SetSourceIdentity` on
   * `arn:aws:iam::<tenant account>:role/tenant-blocks-link-*` for each listed account. Each link
   * still requires its external ID and a source identity (set it to the human or console session,
   * so the tenant's CloudTrail names who acted), and lists the exact platform roles it trusts.
   *
   * @param grantee the platform principal (console, provisioner)
   */
  public grantAssumeTenantLinks(grantee: iam.IGrantable): iam.Grant {
    const partition = partitionOf(Stack.of(this));
    const organization = this.admitsOrganization ? this.organizationId : undefined;
    if (organization !== undefined) {
      // The organization path: the link roles of any member account, and only of members
      // (aws:ResourceOrgID is the organization of the role's account).
      return iam.Grant.addToPrincipal({
        grantee,
        actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
        resourceArns: [`arn:${partition}:iam::*:role/${LINK_ROLE_NAME_PREFIX}*`],
        conditions: { StringEquals: { 'aws:ResourceOrgID': organization } },
      });
    }
    return iam.Grant.addToPrincipal({
      grantee,
      // The links refuse a session without a source identity (CrossAccountLink trust).
      actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
      resourceArns: this.tenantAccountIds.map((a) => `arn:${partition}:iam::${a}:role/${LINK_ROLE_NAME_PREFIX}*`),
    });
  }

  /**
   * Lets `grantee` (the query console's role) run per-tenant queries of the shipped logs and the
   * event history, and nothing more: `athena:StartQueryExecution`, `GetQueryExecution`,
   * `GetQueryResults`, `StopQueryExecution` and `GetWorkGroup` on the hub workgroup only;
   * `glue:GetDatabase`, `GetTable`, `GetPartition(s)` on the hub database and its two tables;
   * `s3:GetObject` under `logs/` and `history/` of the hub bucket (`s3:ListBucket`,
   * `GetBucketLocation` on it); results read and written under `results/` of the results bucket;
   * `kms:Decrypt`/`GenerateDataKey` of the hub key through S3 only. Every query must still pin one
   * tenant account (the tables' `injected` projection): build it with `TenantLogQuery`.
   *
   * FLEET-WIDE: the grantee reads every tenant's partitions (the pin is a query rule, not an access
   * rule: `account IN ('a', 'b')` passes it). Give it to the platform's on-call only; give a console
   * that serves one tenant {@link PlatformHub.grantQueryTenant}, which IAM enforces.
   *
   * @param grantee the platform principal (query console)
   */
  public grantQueryTenantLogs(grantee: iam.IGrantable): iam.Grant {
    return grantQuery(this, grantee, this.queryLayer, this.logBucket, this.encryptionKey);
  }

  /**
   * Lets `grantee` (the console's role for one tenant) query the shipped logs and event history of
   * exactly ONE tenant account, enforced by IAM rather than by the SQL text: Athena only in that
   * account's own workgroup `tenant-blocks-hub-<account>` (created on the first grant, results under
   * `results/account=<account>/` of the results bucket); `s3:GetObject` only under
   * `logs/account=<account>/` and `history/account=<account>/`, `s3:ListBucket` only with those
   * prefixes; its own results prefix; the Glue catalog entries; the hub key through S3 only. A
   * query that reaches for another account's partition (`account IN (...)`, an unpinned scan) fails
   * with AccessDenied on the first object it may not read. Run `TenantLogQuery` in
   * `TenantLogQuery.tenantWorkGroup`.
   *
   * @param grantee the platform principal that may see this one tenant
   * @param tenantAccountId exactly one admitted tenant account: 12 digits, listed in `tenantAccountIds` (any member account on the organization path)
   * @throws Error when `tenantAccountId` is not exactly one 12-digit account the hub admits
   */
  public grantQueryTenant(grantee: iam.IGrantable, tenantAccountId: string): iam.Grant {
    // A literal, exactly one account: a token, a list, a wildcard or a quote could widen the S3 prefix.
    if (typeof tenantAccountId !== 'string' || Token.isUnresolved(tenantAccountId) || !ACCOUNT.test(tenantAccountId)) {
      throw new Error(`PlatformHub.grantQueryTenant: tenantAccountId must be exactly one 12-digit AWS account id, a literal (got: ${JSON.stringify(tenantAccountId)})`);
    }
    if (!this.admitsOrganization && !this.tenantAccountIds.includes(tenantAccountId)) {
      throw new Error(`PlatformHub.grantQueryTenant: ${tenantAccountId} is not an admitted tenant account (tenantAccountIds: ${this.tenantAccountIds.join(', ')})`);
    }
    return grantQueryOfTenant(this, grantee, this.queryLayer, this.logBucket, this.encryptionKey, tenantAccountId);
  }

  /** The stack's environment, the admitted accounts and the retention, each resolved once. */
  private resolveContext(props: PlatformHubProps): HubContext {
    const stack = Stack.of(this);
    return {
      stack,
      region: stack.region,
      account: stack.account,
      partition: partitionOf(stack),
      tenantAccountIds: [...(props.tenantAccountIds ?? [])],
      retention: props.retention ?? DEFAULT_RETENTION,
      quarantinedAccountIds: [...(props.quarantinedAccountIds ?? [])],
      tenantIdsByAccount: { ...(props.tenantIdsByAccount ?? {}) },
      backupVaultName: backupVaultNameOf(props.backupVaultGeneration ?? 1),
      admittedOrganization: (props.tenantAccountIds ?? []).length === 0 ? props.organizationId : undefined,
    };
  }

  /**
   * The hub key (rotation on, retained: shipped logs are the audit trail): grants only by AWS
   * services for AWS resources (CT.KMS.PR.3), and CloudWatch Logs only for the log processor's
   * own log group.
   */
  private createKey(ctx: HubContext): kms.Key {
    const { region, account, partition } = ctx;
    const key = new kms.Key(this, 'Key', {
      description: 'cdk-tenant-blocks platform hub: shipped tenant logs, event history, bus, notifications',
      alias: 'alias/tenant-blocks/platform-hub',
      enableKeyRotation: true,
      // Shipped logs are the platform's audit trail: never lose the key that reads them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CT.KMS.PR.3: only AWS services may create grants, and only for AWS resources.
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    // CloudWatch Logs may use the key for the log processor's own log group only.
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForTheLogProcessorLogGroup',
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:${LOG_PROCESSOR_LOG_GROUP_NAME}` },
      },
    }));
    return key;
  }

  /**
   * The Kinesis stream behind the log destination: on demand (nobody can predict a fleet's log
   * volume), hub key, 24 hours of retention (it only buffers), destroyed with the stack.
   */
  private createLogStream(key: kms.IKey): kinesis.Stream {
    const stream = new kinesis.Stream(this, 'LogStream', {
      encryption: kinesis.StreamEncryption.KMS,
      encryptionKey: key,
      // On demand: no shard sizing for a fleet whose log volume nobody can predict.
      streamMode: kinesis.StreamMode.ON_DEMAND,
      retentionPeriod: Duration.hours(24),
      // The stream only buffers: everything lands in the retained bucket within minutes.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Suppressions.add(stream, [{
      id: 'AwsSolutions-KDS3',
      reason: 'The stream is encrypted with the hub customer-managed key (rotation, key policy, CloudTrail per use) rather than the aws/kinesis managed key',
    }]);
    return stream;
  }

  /**
   * The access-log bucket of the hub buckets: SSE-S3 and no object lock, because S3 server access
   * logging delivers to nothing else; versioned, expiring with the retention, retained.
   */
  private createAccessLogBucket(ctx: HubContext): s3.Bucket {
    const accessLogs = new s3.Bucket(this, 'AccessLogBucket', {
      // S3 server access logging can only deliver to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      // No object lock: S3 server access logging does not deliver to a bucket with an Object Lock
      // default retention. Versioning, expiry, TLS only and public access block still apply.
      ...auditBucketDefaults(ctx.retention, { objectLock: false }),
    });
    // An SSE-S3 bucket cannot hold the customer-key invariant (see the S3 access-logging rule above).
    TenantGuardrails.exempt(accessLogs, GuardrailInvariant.CUSTOMER_MANAGED_ENCRYPTION,
      'S3 server access logging delivers only to buckets encrypted with SSE-S3, not SSE-KMS');
    Suppressions.add(accessLogs, [
      {
        id: 'CT.S3.PR.9',
        reason: 'S3 server access logging does not deliver to a bucket with an Object Lock default retention; the access logs are versioned and expire with the retention instead',
      },
      // (cdk-nag already accepts a bucket that receives another bucket's access logs; Control Tower does not.)
      {
        id: 'CT.S3.PR.2',
        reason: 'This is the access-log bucket of the hub log bucket; logging it into itself would loop',
      },
      ...['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS', 'CT.S3.PR.10'].map((ruleId) => ({
        id: ruleId,
        reason: 'S3 server access logging delivers only to buckets encrypted with SSE-S3, not SSE-KMS',
      })),
    ]);
    return accessLogs;
  }

  /**
   * The hub log bucket (shipped logs and event history): hub key with a bucket key, COMPLIANCE
   * object lock for the retention, access logged into `accessLogs` through a bucket policy.
   */
  private createLogBucket(ctx: HubContext, key: kms.IKey, accessLogs: s3.Bucket): s3.Bucket {
    const bucket = new s3.Bucket(this, 'LogBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      // One data key per bucket instead of per object: KMS cost for a steady stream of small objects.
      bucketKeyEnabled: true,
      ...auditBucketDefaults(ctx.retention),
    });
    // Access logging wired by hand (bucket policy, not the legacy ACL the L2 uses without the
    // @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy flag): same result in every app (CT.S3.PR.5).
    (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: accessLogs.bucketName,
      logFilePrefix: 'log-bucket/',
    };
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogsOfTheLogBucket',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.arnForObjects('log-bucket/*')],
      conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': ctx.account } },
    }));
    return bucket;
  }

  /**
   * EventBridge notifications on every hub bucket (CT.S3.PR.4), set on the L1 (the L2's flag adds
   * a custom-resource Lambda); no replica region for the audit buckets (a replica would need its
   * own hub).
   */
  private enableBucketNotifications(auditBuckets: s3.Bucket[], resultsBucket: s3.Bucket): void {
    for (const b of [...auditBuckets, resultsBucket]) {
      // EventBridge notifications on (CT.S3.PR.4): the platform can react to new log objects. Set on
      // the L1: the L2's eventBridgeEnabled adds a custom-resource Lambda for the same setting.
      (b.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
      Suppressions.add(b, [
        ...['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'].map((ruleId) => ({
          id: ruleId,
          reason: 'The hub is a regional audit store (versioned, retained on delete, the log bucket under object lock); a replica region would need its own hub and destination',
        })),
      ].filter(() => b !== resultsBucket));
    }
  }

  /**
   * The Firehose record processor: CloudWatch Logs envelopes to JSON lines and partition keys. A
   * Lambda, not Firehose's CloudWatch Logs decompression (that accepts only records CloudWatch
   * Logs writes to Firehose directly, and these come through Kinesis); its own log group and a
   * role that writes only there; no VPC, no reserved concurrency (issue 8.5).
   */
  private createLogProcessor(key: kms.IKey): lambda.Function {
    const processorLogGroup = new logs.LogGroup(this, 'LogProcessorLogGroup', {
      logGroupName: LOG_PROCESSOR_LOG_GROUP_NAME,
      encryptionKey: key,
      // A year of processing errors, like the shipped logs' default (PCI DSS 10.7).
      retention: logs.RetentionDays.ONE_YEAR,
      // Operational log of the processor, not the audit trail (that is the retained bucket).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const processorRole = new iam.Role(this, 'LogProcessorRole', {
      description: 'The hub log processor: writes its own log group, nothing else',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    // Its own policy instead of AWSLambdaBasicExecutionRole (logs:* on every log group).
    const processorPolicy = new iam.ManagedPolicy(this, 'LogProcessorPolicy', {
      description: 'The hub log processor: write its own log group',
      roles: [processorRole],
      statements: [new iam.PolicyStatement({
        sid: 'WriteOwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [processorLogGroup.logGroupArn],
      })],
    });
    const processor = new LogProcessorFunction(this, 'LogProcessor', {
      description: 'cdk-tenant-blocks platform hub: CloudWatch Logs envelopes to JSON lines, partitioned by account',
      role: processorRole,
      logGroup: processorLogGroup,
      // Firehose waits at most 5 minutes; a 1 MB batch takes well under a second.
      timeout: Duration.minutes(1),
      // gunzip and JSON of up to 6 MB per batch; more memory is also more CPU.
      memorySize: 512,
      // No reserved concurrency (issue 8.5): a reservation fails the deploy in a new account (quota
      // 10) and protects nothing here; Firehose runs at most one invocation per stream shard, and
      // throttles are alarmed (LogProcessorThrottlesAlarm).
    });
    processor.node.addDependency(processorPolicy);
    Suppressions.add(processor, [
      ...['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'CT.LAMBDA.PR.3'].map((ruleId) => ({
        id: ruleId,
        reason: 'The hub has no VPC: the processor only transforms the payload Firehose passes in and returns it, it calls no network service',
      })),
      ...['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'].map((ruleId) => ({
        id: ruleId,
        reason: 'No reserved concurrency on purpose (issue 8.5): a reservation fails the deploy in a new account (concurrency quota 10); Firehose bounds the invocations (one per stream shard) and throttles are alarmed',
      })),
      ...['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((ruleId) => ({
        id: ruleId,
        reason: 'Firehose invokes the processor synchronously (a DLQ applies to asynchronous invocations); failed batches are kept raw under errors/logs/processing-failed/',
      })),
    ]);
    return processor;
  }

  /**
   * The Firehose delivery from the log stream into the hub bucket, partitioned by the account the
   * processor returns and the arrival day (`logs/account=<id>/day=<yyyy-MM-dd>/`), GZIP, hub key;
   * its role reads the stream, writes `logs/` and `errors/logs/`, and invokes the processor.
   */
  private createLogDelivery(ctx: HubContext, parts: LogDeliveryParts): firehose.CfnDeliveryStream {
    const { region } = ctx;
    const { key, stream, bucket, processor } = parts;
    const { role: deliveryRole, policy: deliveryPolicy } = firehoseDeliveryRole(this, {
      roleId: 'DeliveryRole',
      policyId: 'DeliveryPolicy',
      streamName: HUB_DELIVERY_STREAM_NAME,
      roleDescription: 'Firehose reads the hub log stream and writes the hub log bucket',
      policyDescription: 'Firehose: read the hub log stream, write the hub log bucket',
      bucket,
      root: LOGS_ROOT,
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadLogStream',
          actions: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'],
          resources: [stream.streamArn],
        }),
        firehoseWriteStatement('WriteLogBucket', bucket, LOGS_ROOT),
        new iam.PolicyStatement({
          sid: 'InvokeLogProcessor',
          actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
          resources: [processor.functionArn],
        }),
        new iam.PolicyStatement({
          sid: 'UseHubKeyThroughKinesisAndS3',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': [`kinesis.${region}.amazonaws.com`, `s3.${region}.amazonaws.com`] },
          },
        }),
      ],
    });

    const delivery = new firehose.CfnDeliveryStream(this, 'Delivery', {
      deliveryStreamName: HUB_DELIVERY_STREAM_NAME,
      deliveryStreamType: 'KinesisStreamAsSource',
      kinesisStreamSourceConfiguration: { kinesisStreamArn: stream.streamArn, roleArn: deliveryRole.roleArn },
      extendedS3DestinationConfiguration: {
        bucketArn: bucket.bucketArn,
        roleArn: deliveryRole.roleArn,
        // Partitioned by the sending account the processor returns and the arrival day: the layout
        // of log-partition.lambda-shared.ts, which the Glue tables and TenantLogQuery share.
        prefix: firehosePrefix(LOGS_ROOT, 'partitionKeyFromLambda'),
        errorOutputPrefix: `errors/${LOGS_ROOT}/!{firehose:error-output-type}/!{timestamp:yyyy-MM-dd}/`,
        // Dynamic partitioning needs at least 64 MiB buffers; 60 s keeps logs close to real time.
        bufferingHints: { sizeInMBs: 64, intervalInSeconds: 60 },
        compressionFormat: 'GZIP',
        encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: key.keyArn } },
        dynamicPartitioningConfiguration: { enabled: true, retryOptions: { durationInSeconds: 300 } },
        processingConfiguration: {
          enabled: true,
          processors: [{
            type: 'Lambda',
            parameters: [
              { parameterName: 'LambdaArn', parameterValue: processor.functionArn },
              // 1 MB of compressed envelopes per call: far below Lambda's 6 MB request limit, and
              // small enough that the decompressed response rarely reaches the 6 MB response limit.
              { parameterName: 'BufferSizeInMBs', parameterValue: '1' },
              { parameterName: 'BufferIntervalInSeconds', parameterValue: '60' },
              { parameterName: 'NumberOfRetries', parameterValue: '3' },
            ],
          }],
        },
      },
    });
    Suppressions.add(delivery, [{
      id: 'AwsSolutions-KDF1',
      reason: 'Firehose server-side encryption applies to Direct PUT sources only; the source stream and the destination bucket are both encrypted with the hub key',
    }]);
    // The role must hold its permissions before Firehose validates them at creation.
    delivery.node.addDependency(deliveryPolicy);

    return delivery;
  }

  /**
   * The CloudWatch Logs destination `tenant-blocks-logs`: its policy admits subscriptions from the
   * listed accounts only (and their organization); its role may only put into the log stream and
   * is assumable by CloudWatch Logs for those accounts' log groups in this region.
   */
  private createLogDestination(ctx: HubContext, key: kms.IKey, stream: kinesis.IStream): logs.CfnDestination {
    const { stack, region, partition } = ctx;
    const destinationArn = this.reference.logDestinationArn;
    const logsRole = new iam.Role(this, 'DestinationRole', {
      description: 'CloudWatch Logs writes subscribed tenant log events into the hub log stream',
      // Confused deputy: only CloudWatch Logs acting for the admitted accounts in this region.
      assumedBy: new iam.ServicePrincipal('logs.amazonaws.com', { conditions: this.logsTrustConditions(stack, ctx.admittedOrganization !== undefined) }),
    });
    const logsPolicy = new iam.ManagedPolicy(this, 'DestinationPolicy', {
      description: 'CloudWatch Logs: put subscribed tenant log events into the hub log stream',
      roles: [logsRole],
      statements: [
        new iam.PolicyStatement({ sid: 'PutIntoLogStream', actions: ['kinesis:PutRecord'], resources: [stream.streamArn] }),
        new iam.PolicyStatement({
          sid: 'EncryptThroughKinesis',
          actions: ['kms:GenerateDataKey'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `kinesis.${region}.amazonaws.com` } },
        }),
      ],
    });

    const logDestination = new logs.CfnDestination(this, 'LogDestination', {
      destinationName: HUB_LOG_DESTINATION_NAME,
      roleArn: logsRole.roleArn,
      targetArn: stream.streamArn,
      destinationPolicy: stack.toJsonString({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'AdmitTenantSubscriptions',
          Effect: 'Allow',
          // The organization path: any principal of a member account (CloudWatch Logs' documented
          // organization policy); the senders' subscription filters then name a sender role.
          Principal: ctx.admittedOrganization !== undefined ? '*' : { AWS: this.tenantAccountIds.map((a) => `arn:${partition}:iam::${a}:root`) },
          Action: 'logs:PutSubscriptionFilter',
          Resource: destinationArn,
          ...(this.organizationId ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': this.organizationId } } } : {}),
        }],
      }),
    });
    // CloudWatch Logs tests the role when the destination is created.
    logDestination.node.addDependency(logsPolicy);
    return logDestination;
  }

  /**
   * The change-history bus `tenant-blocks-change-history` (hub key): `PutEvents` only from the
   * listed accounts and only for the link's `aws.*` sources; an archive (hub key) of those for the
   * retention, so history can be replayed.
   */
  private createEventBus(ctx: HubContext, key: kms.IKey): events.EventBus {
    const { partition, retention } = ctx;
    const bus = new events.EventBus(this, 'EventBus', {
      eventBusName: HUB_EVENT_BUS_NAME,
      description: 'cdk-tenant-blocks: change history forwarded by tenant links',
      // Tenant events name resources and people: the hub key, not the AWS owned key (issue 9.15).
      kmsKey: key,
    });
    bus.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AdmitTenantChangeEvents',
      // Account roots as literal ARNs (AccountPrincipal would render an AWS::Partition reference);
      // on the organization path any principal of a member account (aws:PrincipalOrgID below).
      principals: ctx.admittedOrganization !== undefined
        ? [new iam.AnyPrincipal()]
        : this.tenantAccountIds.map((a) => new iam.ArnPrincipal(`arn:${partition}:iam::${a}:root`)),
      actions: ['events:PutEvents'],
      resources: [bus.eventBusArn],
      conditions: {
        // Only the aws.* events the links forward (issue 9.12): no account can put an aws.* source
        // as a custom event, so a tenant can neither forge history nor flood the bus with its own.
        StringEquals: {
          'events:source': [...CHANGE_EVENT_SOURCES],
          // And only the detail-types of the link's patterns (issue 21 §2): a tenant rule forwarding
          // e.g. every EC2 instance state change is refused at the door.
          'events:detail-type': hubAdmittedDetailTypes(),
          ...(this.organizationId ? { 'aws:PrincipalOrgID': this.organizationId } : {}),
        },
      },
    }));
    // The archive's key policy statement names the bus ARN: a literal one, or key and bus would
    // depend on each other (the bus is encrypted with the key).
    // Under the bus with the id it always had: a new logical id would replace the archive and lose its events.
    const archive = new events.Archive(bus, 'Archive', {
      sourceEventBus: events.EventBus.fromEventBusArn(bus, 'ByArn', this.reference.eventBusArn),
      description: 'Tenant change history, replayable',
      // Every event of the link's patterns, from every admitted account, quarantined ones included:
      // the archive is where nothing is lost (replay after a quarantine or a failed delivery).
      eventPattern: hubFilterPattern() as events.EventPattern,
      retention,
      kmsKey: key,
    });
    archive.node.addDependency(bus);
    // The hub is the platform side of every link: its bus admitting the listed tenant accounts is
    // the hub's purpose, not a door into a tenant account.
    TenantGuardrails.exempt(bus, GuardrailInvariant.NO_FOREIGN_ACCESS,
      'The hub bus policy admits PutEvents from the listed tenant accounts into the platform account; it opens nothing in a tenant account');
    return bus;
  }

  /**
   * The dead-letter queue of the hub's rules (issue 21 §2): an event the history stream or the
   * notification topic (tenant alarms, errors/ notices) refused for 24 h lands here for 14 days (hub key, TLS only), and
   * `HubDeadLetterAlarm` fires: never lost silently. Only the hub's rules on its bus may send.
   */
  private createDeadLetterQueue(ctx: HubContext, key: kms.IKey, bus: events.IEventBus): sqs.Queue {
    const queue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      // The longest SQS keeps a message: two weeks to re-drive.
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    queue.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'HubRulesDeadLetters',
      principals: [new iam.ServicePrincipal('events.amazonaws.com')],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions: {
        ArnLike: {
          'aws:SourceArn': [
            `arn:${ctx.partition}:events:${ctx.region}:${ctx.account}:rule/${bus.eventBusName}/tenant-blocks-hub-*`,
            // The errors/ watcher lives on the default bus.
            `arn:${ctx.partition}:events:${ctx.region}:${ctx.account}:rule/${ERROR_OUTPUT_RULE_NAME}`,
          ],
        },
        StringEquals: { 'aws:SourceAccount': ctx.account },
      },
    }));
    const isDeadLetterQueue = 'This queue is the dead-letter queue of the hub rules (EventBridge targets); a dead-letter queue of its own would only move the same messages again';
    Suppressions.add(queue, [{ id: 'AwsSolutions-SQS3', reason: isDeadLetterQueue }, { id: 'CT.SQS.PR.1', reason: isDeadLetterQueue }]);
    return queue;
  }

  /**
   * The backup vault's ARN from its fixed name, not the vault's attribute: a literal ARN (when the
   * hub's stack has an account and region) that tenant stacks can take as
   * `TenantPostgres.backupCopyVaultArn`.
   */
  private backupVaultArnOf(ctx: HubContext): string {
    return ctx.stack.formatArn({
      partition: ctx.partition,
      service: 'backup',
      resource: 'backup-vault',
      resourceName: ctx.backupVaultName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  private logsTrustConditions(stack: Stack, organizationPath: boolean): Record<string, unknown> {
    const { region, account } = stack;
    const partition = partitionOf(stack);
    const logsArn = (a: string) => `arn:${partition}:logs:${region}:${a}:*`;
    // The organization path: CloudWatch Logs of this region, for any account. The destination's
    // policy decides who may subscribe (members only); only this account can pass the role to a
    // destination (iam:PassRole); aws:SourceOrgID is not used: whether CloudWatch Logs sets it is unproven.
    if (organizationPath) return { StringLike: { 'aws:SourceArn': logsArn('*') } };
    // The listed accounts only (no aws:SourceOrgID, issue 9.14: whether CloudWatch Logs sets it is
    // unproven; the organization narrows the destination policy, where aws:PrincipalOrgID is documented).
    // The hub's own account is listed too: CloudWatch Logs checks the role when the destination is created.
    return { StringLike: { 'aws:SourceArn': [...this.tenantAccountIds, account].map(logsArn) } };
  }
}

/**
 * What both hub buckets share: private, TLS only, versioned, expiring after the retention,
 * retained; object lock for the retention unless `objectLock` is false (the access-log bucket).
 */
function auditBucketDefaults(retention: Duration, options: { objectLock: boolean } = { objectLock: true }): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // Tamper-proof audit trail (CT.S3.PR.9, issue 9.13): COMPLIANCE mode, so no principal (not
    // even the account root, nor anyone granted s3:BypassGovernanceRetention) can delete or
    // overwrite an object version before the retention ends. The price: what was shipped stays for
    // the retention, which is why nothing secret may reach a log line (issue 8.2).
    ...(options.objectLock ? {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(retention),
    } : {}),
    lifecycleRules: [
      {
        expiration: retention,
        // Overwritten or deleted objects stay recoverable for a month, then go.
        noncurrentVersionExpiration: Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
    // Shipped logs are the platform's audit trail.
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/** The backup vault's name of a generation: `tenant-blocks-hub` (1), `tenant-blocks-hub-<n>` after. */
function backupVaultNameOf(generation: number): string {
  return generation === 1 ? HUB_BACKUP_VAULT_NAME : `${HUB_BACKUP_VAULT_NAME}-${generation}`;
}

/** `<root>/account=<id>/`, validated: the outer partition of the hub layout. */
function accountPrefix(method: string, root: string, tenantAccountId: string): string {
  if (!Token.isUnresolved(tenantAccountId) && !ACCOUNT.test(tenantAccountId)) {
    throw new Error(`PlatformHub.${method}: tenantAccountId must be a 12-digit AWS account id (got: '${tenantAccountId}')`);
  }
  return accountPrefixOf(root, tenantAccountId);
}
