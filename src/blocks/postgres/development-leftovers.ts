import { Aws, CfnResource, Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { LeftoversFunction } from './leftovers-function';
import {
  DEVELOPMENT_TIER,
  KEEP_TAG,
  KEY_PENDING_WINDOW_DAYS,
  SNAPSHOT_MIN_AGE_DAYS,
  STACK_ID_TAG,
} from './leftovers.lambda-shared';
import { forwardedAlarmSuppressions, HIPAA_NIST, HIPAA_NIST_PCI, perPack } from './pack-suppressions';
import { DevelopmentLeftoversProps } from './tenant-postgres-props';
import { validateDevelopmentLeftoversProps } from './validate-development-leftovers-props';
import {
  HandlerExecutionRole,
  Suppressions,
  TenantLogGroup,
  TenantTier,
  TENANT_TAG,
  TIER_TAG,
} from '../../core';

/**
 * The explicit end of life of what a DEVELOPMENT TenantPostgres keeps when its stack is destroyed
 * (the final cluster snapshot, the backup vault and the tenant key), so that a platform that
 * destroys and recreates DEVELOPMENT tenants, or runs integ tests, never fills the account's
 * quotas (100 vaults and 100 manual cluster snapshots per region).
 *
 * It tags the vault, the cluster (copied to its final snapshot) and the key with the id of their
 * stack (`tenant-blocks:stack-id`), and runs a small handler, outside the VPC, once a day (an
 * EventBridge schedule). The handler deletes, in its own account and region, only leftovers of
 * EARLIER, DELETED incarnations of its own tenant that are tagged `tenant-blocks:tier` =
 * DEVELOPMENT, and whose stacks are ALL DELETE_COMPLETE (or gone): every stack id a resource names,
 * in `tenant-blocks:stack-id` and in CloudFormation's `aws:cloudformation:stack-id` (so a retained
 * vault imported into a live stack is kept):
 * - manual cluster snapshots whose source cluster no longer exists, 14 days after they were taken
 *   (the same 14 days DEVELOPMENT recovery points live);
 * - backup vaults that hold no recovery point (the backup plan expires them after 14 days);
 * - tenant keys that no cluster, snapshot, retained automated backup, vault or recovery point of
 *   the account and region still needs: deletion scheduled with a 7-day pending window.
 * Anything of a live stack, anything tagged PRODUCTION, another tenant's resources and anything
 * tagged `tenant-blocks:keep` are never touched; the role's policy enforces the tier, tenant and
 * keep tags and the 7-day window itself, so a handler bug cannot go further.
 *
 * The leftovers of the LAST incarnation stay until the tenant is deployed again (the handler is
 * destroyed with its stack): at most one set per tenant, never a growing pile. TenantPostgres adds
 * this construct in DEVELOPMENT only.
 *
 * @example
 * new DevelopmentLeftovers(this, 'DevelopmentLeftovers', { tenantId: 'acme', encryptionKey: key, backupVault: vault, cluster });
 */
export class DevelopmentLeftovers extends Construct {
  /** Age in days from which a leftover final snapshot is deleted. */
  public static readonly SNAPSHOT_MIN_AGE_DAYS = SNAPSHOT_MIN_AGE_DAYS;

  /** Pending window in days of a leftover key's scheduled deletion. */
  public static readonly KEY_PENDING_WINDOW_DAYS = KEY_PENDING_WINDOW_DAYS;

  /** The tag key that carries the id of the stack that created a resource. */
  public static readonly STACK_ID_TAG = STACK_ID_TAG;

  /** The tag key (any value) that keeps a leftover forever. */
  public static readonly KEEP_TAG = KEEP_TAG;

  /** The clean-up handler (outside the VPC). */
  public readonly handler: lambda.IFunction;

  /** The handler's log group. */
  public readonly logGroup: TenantLogGroup;

  /** The daily schedule. */
  public readonly schedule: events.IRule;

  /**
   * A failed clean-up run (an AWS error, e.g. a delete refused): named
   * `tenant-blocks-<tenantId>-<8 hex>-leftovers`, so the CrossAccountLink forwards its state changes.
   * It has no action of its own; a platform adds one with `alarm.addAlarmAction(...)`.
   */
  public readonly alarm: cloudwatch.Alarm;

  /**
   * @param scope the construct (a DEVELOPMENT TenantPostgres) or stack it belongs to
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   * @throws Error when the tenant id is invalid or the key belongs to another tenant
   */
  constructor(scope: Construct, id: string, props: DevelopmentLeftoversProps) {
    validateDevelopmentLeftoversProps(props);
    super(scope, id);
    this.markLeftovers(props);
    this.logGroup = new TenantLogGroup(this, 'Logs', { tier: TenantTier.DEVELOPMENT, encryptionKey: props.encryptionKey, logShipping: props.logShipping });
    // its own log group only, never AWSLambdaBasicExecutionRole's every log group (issue 9.6)
    const role = new HandlerExecutionRole(this, 'HandlerRole', {
      description: `DevelopmentLeftovers handler of tenant ${props.tenantId}`,
      logGroup: this.logGroup,
    });
    const handler = this.createHandler(props.tenantId, role);
    this.handler = handler;
    this.addPermissions(handler, props.tenantId);
    this.schedule = this.createSchedule(props.tenantId, handler);
    this.alarm = this.createAlarm(props.tenantId, handler);
    this.suppress(handler, role);
  }

  /**
   * Marks what outlives the stack with the stack's id (`tenant-blocks:stack-id`): the vault, the
   * cluster (only the cluster, not its instances or secret: `copyTagsToSnapshot` carries it to the
   * final snapshot) and the key, which also gets its own tenant and tier (it is created at stack
   * level, outside any block's tags). CloudFormation's `aws:cloudformation:stack-id` tag is not set
   * on every resource type nor copied to a final snapshot, so the block writes its own;
   * `AWS::StackId` resolves in the stack of each resource, also for a key defined in another stack.
   */
  private markLeftovers(props: DevelopmentLeftoversProps): void {
    if (props.backupVault) Tags.of(props.backupVault).add(STACK_ID_TAG, Aws.STACK_ID);
    const cfnCluster = props.cluster?.node.defaultChild;
    if (cfnCluster instanceof CfnResource) Tags.of(cfnCluster).add(STACK_ID_TAG, Aws.STACK_ID);
    const key = props.encryptionKey;
    Tags.of(key.key).add(STACK_ID_TAG, Aws.STACK_ID);
    Tags.of(key.key).add(TENANT_TAG, key.tenantId);
    Tags.of(key.key).add(TIER_TAG, key.tier);
  }

  /**
   * The clean-up handler: outside the VPC (it calls regional AWS APIs only and must not need
   * endpoints or leave ENIs), told only its tenant, account and the snapshots' minimum age.
   */
  private createHandler(tenantId: string, role: iam.IRole): lambda.Function {
    return new LeftoversFunction(this, 'Handler', {
      role,
      description: `TenantPostgres ${tenantId}: deletes the leftovers of earlier, deleted DEVELOPMENT incarnations (daily)`,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      // a few dozen list calls and at most a handful of deletes; generous for a slow API day
      timeout: Duration.minutes(5),
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        TENANT_ID: tenantId,
        ACCOUNT_ID: Stack.of(this).account,
        SNAPSHOT_MIN_AGE_DAYS: String(SNAPSHOT_MIN_AGE_DAYS),
      },
    });
  }

  /**
   * The daily schedule: a failed run is retried by Lambda (asynchronous invocation, twice) and by
   * the next day's run; no invocation before the log group exists (issue 8.13).
   */
  private createSchedule(tenantId: string, handler: lambda.IFunction): events.Rule {
    const schedule = new events.Rule(this, 'Schedule', {
      description: `TenantPostgres ${tenantId}: daily clean-up of DEVELOPMENT leftovers`,
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new targets.LambdaFunction(handler, { retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });
    schedule.node.addDependency(this.logGroup);
    return schedule;
  }

  /**
   * A failed run must reach someone: the link forwards alarms named `tenant-blocks-<tenantId>-...`
   * (the construct's address keeps two databases of one tenant apart); no run in the hour is not a
   * failure.
   */
  private createAlarm(tenantId: string, handler: lambda.IFunction): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmName: `tenant-blocks-${tenantId}-${this.node.addr.slice(0, 8)}-leftovers`,
      metric: handler.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `TenantPostgres ${tenantId}: DEVELOPMENT leftovers: the daily clean-up failed; its log group names each failed action`,
    });
  }

  private addPermissions(handler: lambda.Function, tenantId: string): void {
    const stack = Stack.of(this);
    const arn = (service: string, resource: string) => `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
    // the three deleting actions: only resources of this tenant tagged DEVELOPMENT and not tagged keep
    const onlyDevelopmentLeftovers = {
      StringEquals: { [`aws:ResourceTag/${TENANT_TAG}`]: tenantId, [`aws:ResourceTag/${TIER_TAG}`]: DEVELOPMENT_TIER },
      Null: { [`aws:ResourceTag/${KEEP_TAG}`]: 'true' },
    };
    handler.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ReadInventory',
      // the list and describe actions of RDS, AWS Backup and KMS support no resource-level permission
      // (or list what the handler cannot know in advance); all read-only
      actions: [
        'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusters', 'rds:DescribeDBClusterAutomatedBackups',
        'backup:ListBackupVaults', 'backup:ListRecoveryPointsByBackupVault', 'backup:ListTags',
        'kms:ListKeys', 'kms:ListResourceTags', 'kms:DescribeKey',
      ],
      resources: ['*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      sid: 'DescribeStacksOfThisAccount',
      // a deleted stack is described by its id: any stack of this account and region
      actions: ['cloudformation:DescribeStacks'],
      resources: [arn('cloudformation', 'stack/*/*')],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      sid: 'DeleteDevelopmentSnapshots',
      actions: ['rds:DeleteDBClusterSnapshot'],
      resources: [arn('rds', 'cluster-snapshot:*')],
      conditions: onlyDevelopmentLeftovers,
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      sid: 'DeleteDevelopmentVaults',
      actions: ['backup:DeleteBackupVault'],
      resources: [arn('backup', 'backup-vault:*')],
      conditions: onlyDevelopmentLeftovers,
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ScheduleDevelopmentKeyDeletion',
      actions: ['kms:ScheduleKeyDeletion'],
      resources: [arn('kms', 'key/*')],
      conditions: {
        ...onlyDevelopmentLeftovers,
        NumericEquals: { 'kms:ScheduleKeyDeletionPendingWindowInDays': KEY_PENDING_WINDOW_DAYS },
      },
    }));
  }

  /**
   * The handler's compliance suppressions, each with its reason: the role's wildcards (inventory
   * reads, tag-conditioned deletes), its own inline policy, no DLQ, no reserved concurrency, outside
   * the VPC; and the alarm without an action (forwarded by the link).
   */
  private suppress(handler: lambda.Function, role: iam.IRole): void {
    const stack = Stack.of(this);
    // how cdk-nag renders the ARNs: the literal account and region, or the pseudo parameters
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const nagArn = (service: string, resource: string) => `Resource::arn:<AWS::Partition>:${service}:${region}:${account}:${resource}`;
    const outsideVpc = 'The leftovers clean-up calls regional AWS APIs only (RDS, AWS Backup, KMS, CloudFormation; no database, no data); outside the VPC it needs no endpoint and leaves no network interface behind';
    const noDlq = 'Invoked by a daily schedule whose event carries no data: a failed run is retried twice by Lambda, shows in the function\'s Errors metric and log, and the next day\'s run repeats every idempotent step; a dead-letter queue would only hold empty schedule ticks';
    const noConcurrency = 'No reserved concurrency: a new account\'s quota starts at 10 and any reservation fails the deploy (UnreservedConcurrentExecution below its minimum); the function runs once a day';
    Suppressions.add(role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'The RDS, AWS Backup and KMS list/describe actions of the inventory support no resource-level permission or list resources unknown at deploy time (read-only); the deleting actions name any snapshot, vault or key of this account and region but only when tagged with this tenant, tier DEVELOPMENT and no keep tag (aws:ResourceTag conditions); DescribeStacks names the ids of deleted stacks, unknown at deploy time',
        appliesTo: [
          'Resource::*',
          nagArn('cloudformation', 'stack/*/*'),
          nagArn('rds', 'cluster-snapshot:*'),
          nagArn('backup', 'backup-vault:*'),
          nagArn('kms', 'key/*'),
        ],
      },
      ...perPack(HIPAA_NIST_PCI, 'IAMNoInlinePolicy', 'The inline policy belongs to this one role: reading the inventory and deleting this tenant\'s DEVELOPMENT leftovers under tag conditions; it lives and dies with the role'),
    ]);
    Suppressions.add(handler, [
      ...perPack(HIPAA_NIST, 'LambdaDLQ', noDlq),
      ...perPack(HIPAA_NIST, 'LambdaConcurrency', noConcurrency),
      ...perPack(HIPAA_NIST_PCI, 'LambdaInsideVPC', outsideVpc),
      { id: 'CT.LAMBDA.PR.3', reason: outsideVpc },
    ]);
    Suppressions.add(this.alarm, forwardedAlarmSuppressions('The alarm is named tenant-blocks-<tenantId>-... and the CrossAccountLink forwards its state changes to the platform (EventBridge), which notifies; an alarm action here would bypass that one route'));
  }
}
