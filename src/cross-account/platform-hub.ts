import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { GuardrailInvariant, LogShipping, Suppressions, TenantGuardrails } from '../core';
import { ACCOUNT, LOG_GROUP_NAME, logGroupPartitionKey } from './log-partition.lambda-shared';
import { LogProcessorFunction } from './log-processor-function';
import {
  CHANGE_EVENT_SOURCES,
  HUB_DELIVERY_STREAM_NAME,
  HUB_EVENT_BUS_NAME,
  HUB_LOG_DESTINATION_NAME,
  LINK_ROLE_NAME_PREFIX,
  partitionOf,
} from './names';
import { PlatformHubReference } from './platform-hub-reference';
import { validatePlatformHubProps } from './validate-platform-hub-props';

/** Props of {@link PlatformHub}. */
export interface PlatformHubProps {
  /**
   * The tenant accounts that may send logs and change events to the hub (12-digit ids, at most
   * 30). When `organizationId` is also given, a listed account must also belong to that
   * organization.
   *
   * @default - no list: every account of `organizationId` may send (one of the two is required)
   */
  readonly tenantAccountIds?: string[];

  /**
   * The AWS Organizations id (`o-...`) whose accounts may send. Alone, it admits every account of
   * the organization; with `tenantAccountIds`, it narrows the listed accounts to members.
   *
   * @default - no organization condition: only `tenantAccountIds` may send (one of the two is required)
   */
  readonly organizationId?: string;

  /**
   * How long shipped logs are kept in the hub's bucket and change events in the bus archive:
   * whole days between 1 day and 10 years.
   *
   * @default Duration.days(365) - a year of history (PCI DSS 10.7)
   */
  readonly retention?: Duration;
}

/** Default retention of shipped logs and archived change events. */
const DEFAULT_RETENTION = Duration.days(365);

/** The log processor's own log group (fixed: the hub key's policy names it, one hub per account and region). */
const LOG_PROCESSOR_LOG_GROUP_NAME = '/tenant-blocks/platform-hub/log-processor';

/**
 * The platform account's end of every tenant link: it receives tenant logs and change history,
 * and it is where the platform's provisioner and console get the right to assume tenant links.
 *
 * Deployed once per platform account and region (its names are fixed so tenant stacks can compute
 * its ARNs with {@link PlatformHub.referenceFor}). CloudWatch Logs destinations accept only log
 * groups of their own region: tenants in another region need a hub in that region.
 *
 * Baked in, each with its reason:
 * - a CloudWatch Logs destination `tenant-blocks-logs` whose policy admits only the listed tenant
 *   accounts (or the organization): nobody else can subscribe log groups to it;
 * - behind it, an on-demand Kinesis stream encrypted with the hub's customer-managed key, written
 *   by a role that only CloudWatch Logs can assume, and only for log groups of the admitted
 *   accounts in this region (`aws:SourceArn`, confused-deputy protection);
 * - Firehose delivery from the stream to an S3 bucket encrypted with the hub key, partitioned by
 *   tenant account and log group (`logs/account=<id>/logGroup=<name>/yyyy/MM/dd/`, see
 *   {@link PlatformHub.logPrefixFor}), so the platform can show a customer their own logs; a
 *   record processor (Lambda) turns each CloudWatch Logs envelope into one JSON line per log event
 *   (`owner`, `logGroup`, `logStream`, `id`, `timestamp`, `message`) and drops CloudWatch Logs'
 *   control messages; records it cannot read are kept raw under `errors/processing-failed/`;
 * - the bucket blocks public access, enforces TLS, is versioned, logs access to a second bucket,
 *   expires objects after `retention` and is retained when the stack is deleted;
 * - an event bus `tenant-blocks-change-history` whose policy admits `events:PutEvents` only from the
 *   same senders, with an archive of the forwarded sources for `retention`, so history can be replayed.
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
   * The S3 prefix under which the hub's bucket holds the shipped logs of `logGroupName` from
   * `tenantAccountId`: `logs/account=<id>/logGroup=<key>/`, where the key is the log group name
   * without its leading `/`, with every other `/` replaced by `.` and every `#` by `_`
   * (`/aws/lambda/app` -> `aws.lambda.app`). Objects below it are `yyyy/MM/dd/` folders of GZIP'ed
   * JSON lines; two names that map to the same key (`a/b`, `a.b`) share a prefix within that
   * account only, and each line carries the exact `logGroup`.
   *
   * @param tenantAccountId the tenant account that owns the log group (12 digits, or a token such as `Aws.ACCOUNT_ID`)
   * @param logGroupName the log group name, a literal string (its partition key is computed at synth time)
   */
  public static logPrefixFor(tenantAccountId: string, logGroupName: string): string {
    if (Token.isUnresolved(logGroupName)) {
      throw new Error('PlatformHub.logPrefixFor: logGroupName must be a literal string (its partition key is computed at synth time); give the log group a name');
    }
    if (!Token.isUnresolved(tenantAccountId) && !ACCOUNT.test(tenantAccountId)) {
      throw new Error(`PlatformHub.logPrefixFor: tenantAccountId must be a 12-digit AWS account id (got: '${tenantAccountId}')`);
    }
    if (!LOG_GROUP_NAME.test(logGroupName)) {
      throw new Error(`PlatformHub.logPrefixFor: logGroupName must be a CloudWatch Logs log group name, 1-512 characters of [A-Za-z0-9._/#-] (got: '${logGroupName}')`);
    }
    return `logs/account=${tenantAccountId}/logGroup=${logGroupPartitionKey(logGroupName)}/`;
  }

  /** What tenant stacks need to reach this hub; pass it as `CrossAccountLink`'s `hub`. */
  public readonly reference: PlatformHubReference;

  /** Ships a tenant's log groups to this hub; blocks take it as `logShipping`. */
  public readonly logShipping: LogShipping;

  /** The hub's customer-managed key (stream and buckets). */
  public readonly encryptionKey: kms.IKey;

  /** The Kinesis stream behind the log destination. */
  public readonly logStream: kinesis.IStream;

  /**
   * The Firehose record processor: turns the CloudWatch Logs envelopes into JSON lines (one log
   * event each) and returns the account and log group partition keys.
   */
  public readonly logProcessor: lambda.IFunction;

  /** The bucket that receives shipped logs, partitioned by tenant account and log group. */
  public readonly logBucket: s3.IBucket;

  /** The event bus that receives tenant change events. */
  public readonly eventBus: events.IEventBus;

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

  /** The tenant accounts admitted one by one (empty when only the organization is admitted). */
  public readonly tenantAccountIds: string[];

  /** The organization admitted, if any. */
  public readonly organizationId?: string;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: PlatformHubProps) {
    super(scope, id);
    validatePlatformHubProps(props);

    const stack = Stack.of(this);
    const { region, account } = stack;
    const partition = partitionOf(stack);
    this.tenantAccountIds = [...(props.tenantAccountIds ?? [])];
    this.organizationId = props.organizationId;
    const retention = props.retention ?? DEFAULT_RETENTION;
    this.reference = PlatformHub.referenceFor(account, region, partition);

    const key = new kms.Key(this, 'Key', {
      description: 'cdk-tenant-blocks platform hub: shipped tenant logs',
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
    this.encryptionKey = key;

    // --- Logs: destination -> Kinesis -> Firehose -> S3 -------------------------------------
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
    this.logStream = stream;

    const accessLogs = new s3.Bucket(this, 'AccessLogBucket', {
      // S3 server access logging can only deliver to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      // No object lock: S3 server access logging does not deliver to a bucket with an Object Lock
      // default retention. Versioning, expiry, TLS only and public access block still apply.
      ...auditBucketDefaults(retention, { objectLock: false }),
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

    const bucket = new s3.Bucket(this, 'LogBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      // One data key per bucket instead of per object: KMS cost for a steady stream of small objects.
      bucketKeyEnabled: true,
      ...auditBucketDefaults(retention),
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
      conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': account } },
    }));
    for (const b of [accessLogs, bucket]) {
      // EventBridge notifications on (CT.S3.PR.4): the platform can react to new log objects. Set on
      // the L1: the L2's eventBridgeEnabled adds a custom-resource Lambda for the same setting.
      (b.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
      Suppressions.add(b, [
        ...['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'].map((ruleId) => ({
          id: ruleId,
          reason: 'The hub is a regional audit store (versioned, retained on delete, the log bucket under object lock); a replica region would need its own hub and destination',
        })),
      ]);
    }
    this.logBucket = bucket;

    // --- Record processor: CloudWatch Logs envelopes -> JSON lines + partition keys ------------
    // A Lambda, not Firehose's CloudWatch Logs decompression: that processor accepts only records
    // CloudWatch Logs writes to Firehose directly, and these arrive through the Kinesis stream.
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
      description: 'cdk-tenant-blocks platform hub: CloudWatch Logs envelopes to JSON lines, partitioned by account and log group',
      role: processorRole,
      logGroup: processorLogGroup,
      // Firehose waits at most 5 minutes; a 1 MB batch takes well under a second.
      timeout: Duration.minutes(1),
      // gunzip and JSON of up to 6 MB per batch; more memory is also more CPU.
      memorySize: 512,
      // Headroom for the fleet while capping the account's shared pool; a throttled batch is retried
      // (NumberOfRetries) and then kept raw under errors/processing-failed/.
      reservedConcurrentExecutions: 20,
    });
    processor.node.addDependency(processorPolicy);
    Suppressions.add(processor, [
      ...['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'CT.LAMBDA.PR.3'].map((ruleId) => ({
        id: ruleId,
        reason: 'The hub has no VPC: the processor only transforms the payload Firehose passes in and returns it, it calls no network service',
      })),
      ...['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((ruleId) => ({
        id: ruleId,
        reason: 'Firehose invokes the processor synchronously (a DLQ applies to asynchronous invocations); failed batches are kept raw under errors/processing-failed/',
      })),
    ]);
    this.logProcessor = processor;

    const deliveryStreamArn = `arn:${partition}:firehose:${region}:${account}:deliverystream/${HUB_DELIVERY_STREAM_NAME}`;
    const deliveryRole = new iam.Role(this, 'DeliveryRole', {
      description: 'Firehose reads the hub log stream and writes the hub log bucket',
      // Confused deputy: only this account's delivery stream may use the role.
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnEquals: { 'aws:SourceArn': deliveryStreamArn },
        },
      }),
    });
    const deliveryPolicy = new iam.ManagedPolicy(this, 'DeliveryPolicy', {
      description: 'Firehose: read the hub log stream, write the hub log bucket',
      roles: [deliveryRole],
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadLogStream',
          actions: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'],
          resources: [stream.streamArn],
        }),
        new iam.PolicyStatement({
          sid: 'WriteLogBucket',
          actions: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
          resources: [bucket.bucketArn, bucket.arnForObjects('*')],
        }),
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
    Suppressions.add(deliveryPolicy, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Firehose writes objects under keys it chooses (partition prefixes): object-level actions need bucket/*, and only this bucket',
      appliesTo: [`Resource::<${logicalIdOf(bucket)}.Arn>/*`],
    }]);

    const delivery = new firehose.CfnDeliveryStream(this, 'Delivery', {
      deliveryStreamName: HUB_DELIVERY_STREAM_NAME,
      deliveryStreamType: 'KinesisStreamAsSource',
      kinesisStreamSourceConfiguration: { kinesisStreamArn: stream.streamArn, roleArn: deliveryRole.roleArn },
      extendedS3DestinationConfiguration: {
        bucketArn: bucket.bucketArn,
        roleArn: deliveryRole.roleArn,
        // Partitioned by the sending account and log group the processor returns as partition keys.
        prefix: 'logs/account=!{partitionKeyFromLambda:account}/logGroup=!{partitionKeyFromLambda:logGroup}/!{timestamp:yyyy/MM/dd}/',
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
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

    const destinationArn = this.reference.logDestinationArn;
    const logsRole = new iam.Role(this, 'DestinationRole', {
      description: 'CloudWatch Logs writes subscribed tenant log events into the hub log stream',
      // Confused deputy: only CloudWatch Logs acting for the admitted accounts in this region.
      assumedBy: new iam.ServicePrincipal('logs.amazonaws.com', { conditions: this.logsTrustConditions(stack) }),
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
          Principal: this.senderPrincipalJson(partition),
          Action: 'logs:PutSubscriptionFilter',
          Resource: destinationArn,
          ...(this.organizationId ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': this.organizationId } } } : {}),
        }],
      }),
    });
    // CloudWatch Logs tests the role when the destination is created.
    logDestination.node.addDependency(logsPolicy);
    this.logDestinationArn = destinationArn;
    this.logDestinationName = HUB_LOG_DESTINATION_NAME;
    this.logShipping = LogShipping.toDestination(destinationArn);

    // --- Change history: event bus + archive -------------------------------------------------
    const bus = new events.EventBus(this, 'EventBus', {
      eventBusName: HUB_EVENT_BUS_NAME,
      description: 'cdk-tenant-blocks: change history forwarded by tenant links',
    });
    bus.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AdmitTenantChangeEvents',
      principals: this.senderPrincipals(partition),
      actions: ['events:PutEvents'],
      resources: [bus.eventBusArn],
      conditions: this.organizationId ? { StringEquals: { 'aws:PrincipalOrgID': this.organizationId } } : undefined,
    }));
    bus.archive('Archive', {
      description: 'Tenant change history, replayable',
      eventPattern: { source: CHANGE_EVENT_SOURCES },
      retention,
    });
    this.eventBus = bus;

    // Like every block: an escape hatch that weakens the hub's encryption or retention is reported.
    TenantGuardrails.applyTo(this);
  }

  /**
   * Lets `grantee` (the provisioner's or the query console's role) assume the tenant links of the
   * admitted tenants: `sts:AssumeRole` on `arn:aws:iam::<tenant account>:role/tenant-blocks-link-*`
   * for each listed account, or on that name in any account of the organization
   * (`aws:ResourceOrgID`) when only `organizationId` is set. Each link still requires its external
   * ID and lists the exact platform roles it trusts.
   *
   * @param grantee the platform principal (console, provisioner)
   */
  public grantAssumeTenantLinks(grantee: iam.IGrantable): iam.Grant {
    const partition = partitionOf(Stack.of(this));
    const accounts = this.tenantAccountIds.length > 0 ? this.tenantAccountIds : ['*'];
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['sts:AssumeRole'],
      resourceArns: accounts.map((a) => `arn:${partition}:iam::${a}:role/${LINK_ROLE_NAME_PREFIX}*`),
      conditions: this.organizationId ? { StringEquals: { 'aws:ResourceOrgID': this.organizationId } } : undefined,
    });
  }

  private senderPrincipals(partition: string): iam.IPrincipal[] {
    // Account roots as literal ARNs (AccountPrincipal would render an AWS::Partition reference).
    if (this.tenantAccountIds.length > 0) return this.tenantAccountIds.map((a) => new iam.ArnPrincipal(`arn:${partition}:iam::${a}:root`));
    // Organization only: any principal, narrowed to the organization by the aws:PrincipalOrgID condition.
    return [new iam.StarPrincipal()];
  }

  private senderPrincipalJson(partition: string): unknown {
    if (this.tenantAccountIds.length > 0) {
      return { AWS: this.tenantAccountIds.map((a) => `arn:${partition}:iam::${a}:root`) };
    }
    return { AWS: '*' };
  }

  private logsTrustConditions(stack: Stack): Record<string, unknown> {
    const { region, account } = stack;
    const partition = partitionOf(stack);
    const logsArn = (a: string) => `arn:${partition}:logs:${region}:${a}:*`;
    if (this.tenantAccountIds.length > 0) {
      return {
        // The hub's own account is listed too: CloudWatch Logs checks the role when the destination is created.
        StringLike: { 'aws:SourceArn': [...this.tenantAccountIds, account].map(logsArn) },
        ...(this.organizationId ? { StringEquals: { 'aws:SourceOrgID': this.organizationId } } : {}),
      };
    }
    return {
      StringLike: { 'aws:SourceArn': logsArn('*') },
      StringEquals: { 'aws:SourceOrgID': this.organizationId },
    };
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
    // Tamper-proof audit trail (CT.S3.PR.9): objects cannot be deleted before the retention ends,
    // except by a principal explicitly allowed to bypass governance mode.
    ...(options.objectLock ? {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(retention),
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

/** The logical id of a bucket's L1, as cdk-nag names it in granular findings. */
function logicalIdOf(bucket: s3.Bucket): string {
  return Stack.of(bucket).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
}
