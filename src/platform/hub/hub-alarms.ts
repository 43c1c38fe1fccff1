import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cwlogs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { Suppressions } from '../../core';
import { CHANGE_EVENT_SOURCES, HUB_DELIVERY_STREAM_NAME, HUB_EVENT_BUS_NAME, HUB_HISTORY_STREAM_NAME, partitionOf } from '../../core/hub-names';
import { BLOCK_ALARM_PREFIX } from '../../core/link-events';

/** Name of the fleet dashboard (one hub per platform account and region). */
export const FLEET_DASHBOARD_NAME = 'tenant-blocks-fleet';

/** Five minutes: the period of every hub alarm (Firehose and Kinesis publish per minute). */
const PERIOD = Duration.minutes(5);

/**
 * One alarm of the hub's log pipeline: what it watches, when it fires and why an on-call cares.
 * The table in docs/platform/hub.md is this list.
 */
export interface HubAlarmSpec {
  /** Construct id of the alarm under the hub. */
  readonly id: string;
  /** CloudWatch namespace of the metric. */
  readonly namespace: string;
  /** Name of the metric. */
  readonly metricName: string;
  /** Dimensions of the metric (empty values are filled in by the hub). */
  readonly dimensions: Record<string, string>;
  /** Statistic over each 5-minute period. */
  readonly statistic: string;
  /** How the statistic is compared with the threshold. */
  readonly comparison: cloudwatch.ComparisonOperator;
  /** The threshold. */
  readonly threshold: number;
  /** Consecutive 5-minute periods before the alarm fires. */
  readonly evaluationPeriods: number;
  /** Why an on-call needs it (the alarm description). */
  readonly reason: string;
}

/** What {@link createHubAlarms} wires. Internal to the hub. */
export interface HubAlarmsProps {
  /** The hub key (encrypts the topic). */
  readonly key: kms.IKey;
  /** The hub event bus. */
  readonly bus: events.IEventBus;
  /** The hub log bucket. */
  readonly bucket: s3.IBucket;
  /** Name of the hub log stream. */
  readonly streamName: string;
  /** The log processor. */
  readonly processor: lambda.IFunction;
  /** Name of the rule that feeds the history. */
  readonly historyRuleName: string;
  /** The admitted tenant accounts: one tenant-alarm rule and one volume rule and alarm each. */
  readonly tenantAccountIds: string[];
  /** Accounts in quarantine: no tenant-alarm rule (their events stay in the archive). */
  readonly quarantinedAccountIds: string[];
  /** The tenant id of each mapped account, carried by its notifications. */
  readonly tenantIdsByAccount: { [accountId: string]: string };
  /** Where a rule's target failures go after the retries (never lost silently). */
  readonly deadLetterQueue: sqs.IQueue;
  /**
   * The organization path (issue 24 §4): every account of this organization is admitted, so the
   * per-account rules become organization-wide ones (docs/platform/hub.md, "The organization path").
   *
   * @default - the listed accounts: one tenant-alarm rule and one volume rule and alarm each
   */
  readonly admittedOrganization?: string;
}

/** What {@link createHubAlarms} created. */
export interface HubAlarms {
  /** The notification topic. */
  readonly topic: sns.Topic;
  /** The pipeline alarms. */
  readonly alarms: cloudwatch.Alarm[];
  /** The fleet dashboard. */
  readonly dashboard: cloudwatch.Dashboard;
  /** The rules that turn tenant alarm state changes into notifications, one per admitted account not in quarantine. */
  readonly tenantAlarmRules: events.Rule[];
}

const GT = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
const GTE = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
const LT = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;

/**
 * Name prefix of the hub's tenant-alarm rules, one per admitted account:
 * `tenant-blocks-hub-tenant-alarms-<account>`.
 */
export const TENANT_ALARM_RULE_NAME = 'tenant-blocks-hub-tenant-alarms';

/** Name prefix of the per-account volume rules: `tenant-blocks-hub-volume-<account>`. */
export const VOLUME_RULE_NAME = 'tenant-blocks-hub-volume';

/**
 * Most events one tenant account may put on the hub bus in 5 minutes before its volume alarm
 * fires: a stack update of every block emits a few dozen, a backup day a handful; a thousand is a
 * rule forwarding more than the link's patterns, or a loop.
 */
export const TENANT_EVENT_VOLUME_THRESHOLD = 1000;

/** How long and how often EventBridge retries a hub rule's target before the dead-letter queue. */
export const TARGET_RETRY = { maximumEventAgeInSeconds: 24 * 60 * 60, maximumRetryAttempts: 185 };
/** Rule on the default bus: an object was written under `errors/` of the hub bucket. */
export const ERROR_OUTPUT_RULE_NAME = 'tenant-blocks-hub-error-output';

/**
 * The hub's alarm table (issue 9.11 and 11): each alarm with its threshold and the reason an
 * on-call needs it. Exported for the docs test that keeps docs/platform/hub.md in step.
 */
export function hubAlarmSpecs(streamName: string, processorName: string): HubAlarmSpec[] {
  const logs = { DeliveryStreamName: HUB_DELIVERY_STREAM_NAME };
  const history = { DeliveryStreamName: HUB_HISTORY_STREAM_NAME };
  const fn = { FunctionName: processorName };
  return [
    {
      id: 'LogDeliveryFailuresAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.Success',
      dimensions: logs,
      statistic: 'Minimum',
      comparison: LT,
      threshold: 1,
      evaluationPeriods: 1,
      reason: 'A PUT of shipped logs into the bucket failed (key, bucket policy, object-lock checksum): Firehose retries for 24 h, then the logs are lost',
    },
    {
      id: 'LogDeliveryFreshnessAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.DataFreshness',
      dimensions: logs,
      statistic: 'Maximum',
      comparison: GT,
      threshold: 900,
      evaluationPeriods: 3,
      reason: 'The oldest undelivered log record is older than 15 minutes for 15 minutes: the pipeline is falling behind the fleet',
    },
    {
      id: 'LogProcessingFailuresAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'ExecuteProcessing.Success',
      dimensions: logs,
      statistic: 'Minimum',
      comparison: LT,
      threshold: 1,
      evaluationPeriods: 1,
      reason: 'Firehose could not invoke the log processor (errors, throttles, timeouts): batches end raw under errors/logs/processing-failed/',
    },
    {
      id: 'LogPartitionOverflowAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'PartitionCountExceeded',
      dimensions: logs,
      statistic: 'Maximum',
      comparison: GTE,
      threshold: 1,
      evaluationPeriods: 1,
      reason: 'More active partitions than the delivery stream allows (500 by default): records of every tenant go to errors/ until the buffers flush',
    },
    {
      id: 'LogSourceThrottlingAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'ThrottledGetRecords',
      dimensions: logs,
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 3,
      reason: 'Firehose is throttled reading the log stream for 15 minutes: delivery lags and the 24 h stream retention starts to count',
    },
    {
      id: 'LogProcessorErrorsAlarm',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: fn,
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 1,
      reason: 'The processor failed a whole batch (a bug, or out of memory): Firehose retries 3 times, then keeps the batch raw under errors/logs/',
    },
    {
      id: 'LogProcessorThrottlesAlarm',
      namespace: 'AWS/Lambda',
      metricName: 'Throttles',
      dimensions: fn,
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 1,
      reason: 'The processor was throttled (the account\'s unreserved concurrency is exhausted): raise the account quota or move the hub',
    },
    {
      id: 'LogStreamIteratorAgeAlarm',
      namespace: 'AWS/Kinesis',
      metricName: 'GetRecords.IteratorAgeMilliseconds',
      dimensions: { StreamName: streamName },
      statistic: 'Maximum',
      comparison: GT,
      threshold: 3_600_000,
      evaluationPeriods: 3,
      reason: 'Records wait more than an hour in the stream: at 24 h of retention they expire unread, so act long before',
    },
    {
      id: 'LogStreamWriteThrottlingAlarm',
      namespace: 'AWS/Kinesis',
      metricName: 'WriteProvisionedThroughputExceeded',
      dimensions: { StreamName: streamName },
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 3,
      reason: 'CloudWatch Logs is throttled writing the fleet\'s logs for 15 minutes (on-demand stream at its limit): it retries, then drops',
    },
    {
      id: 'HistoryDeliveryFailuresAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.Success',
      dimensions: history,
      statistic: 'Minimum',
      comparison: LT,
      threshold: 1,
      evaluationPeriods: 1,
      reason: 'A PUT of tenant event history into the bucket failed: Firehose retries for 24 h, then the history has a gap (the bus archive still holds it)',
    },
    {
      id: 'HistoryPartitionOverflowAlarm',
      namespace: 'AWS/Firehose',
      metricName: 'PartitionCountExceeded',
      dimensions: history,
      statistic: 'Maximum',
      comparison: GTE,
      threshold: 1,
      evaluationPeriods: 1,
      reason: 'More active history partitions than the stream allows: events go to errors/history/',
    },
    {
      id: 'HistoryRuleFailuresAlarm',
      namespace: 'AWS/Events',
      metricName: 'FailedInvocations',
      dimensions: { EventBusName: '', RuleName: '' },
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 1,
      reason: 'EventBridge could not put tenant events into the history stream: the history has a gap (replay it from the archive)',
    },
    {
      id: 'HubDeadLetterAlarm',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: '' },
      statistic: 'Maximum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 1,
      reason: 'A hub rule gave up on an event after 24 h of retries (history stream or notification topic unreachable): it waits in the dead-letter queue for 14 days, re-drive it',
    },
    {
      id: 'ErrorOutputAlarm',
      namespace: 'AWS/Events',
      metricName: 'MatchedEvents',
      dimensions: { RuleName: ERROR_OUTPUT_RULE_NAME },
      statistic: 'Sum',
      comparison: GT,
      threshold: 0,
      evaluationPeriods: 1,
      reason: 'Firehose wrote an object under errors/ (processing failed, partitioning failed, or the history could not be parsed): nothing is lost, but it needs re-driving',
    },
  ];
}

/**
 * The hub's notifications and alarms (issue 11): an SNS topic encrypted with the hub key that
 * receives every tenant `CloudWatch Alarm State Change` the links forward (as a short JSON
 * message naming the tenant account and the alarm) and every hub pipeline alarm; the errors/
 * watcher; and the fleet dashboard.
 */
export function createHubAlarms(scope: Construct, props: HubAlarmsProps): HubAlarms {
  const stack = Stack.of(scope);
  const { region, account } = stack;
  const partition = partitionOf(stack);
  const { key, bus, bucket } = props;

  const topic = new sns.Topic(scope, 'NotificationTopic', {
    displayName: 'cdk-tenant-blocks: tenant alarms and hub pipeline alarms',
    masterKey: key,
    enforceSSL: true,
  });
  const ruleArn = (busName: string, name: string) => `arn:${partition}:events:${region}:${account}:rule/${busName === 'default' ? '' : `${busName}/`}${name}`;
  topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'HubRulesPublish',
    principals: [new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      ArnEquals: {
        'aws:SourceArn': [
          ...tenantAlarmAccounts(props).map((a) => ruleArn(bus.eventBusName, `${TENANT_ALARM_RULE_NAME}-${a}`)),
          ...(props.admittedOrganization !== undefined ? [ruleArn(bus.eventBusName, TENANT_ALARM_RULE_NAME)] : []),
          ruleArn('default', ERROR_OUTPUT_RULE_NAME),
        ],
      },
    },
  }));
  topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'HubAlarmsPublish',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
      StringEquals: { 'aws:SourceAccount': account },
    },
  }));
  // The topic is encrypted with the hub key: the two publishing services need it. The topic policy
  // above decides who may publish; this only lets those services encrypt for it.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowAlarmsAndRulesToPublishToTheEncryptedTopic',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));

  const topicTarget = (input: events.RuleTargetInput): events.IRuleTarget => ({
    bind: () => ({ arn: topic.topicArn, input, deadLetterConfig: { arn: props.deadLetterQueue.queueArn }, retryPolicy: TARGET_RETRY }),
  });
  // One rule per admitted account (issue 21 §2): the tenant is the account the rule pins, written into
  // the message as a literal, never read from the alarm's name (a tenant may name an alarm after another).
  const perAccountRules = tenantAlarmAccounts(props).map((tenantAccount, i) => {
    const tenantId = props.tenantIdsByAccount[tenantAccount];
    return new events.Rule(scope, `TenantAlarmRule-${idPart(tenantAccount, i)}`, {
      eventBus: bus,
      ruleName: `${TENANT_ALARM_RULE_NAME}-${tenantAccount}`,
      description: `cdk-tenant-blocks: alarm state changes of tenant account ${tenantAccount}, to the notification topic`,
      // Only the blocks' alarms (named tenant-blocks-...), of this account only.
      eventPattern: {
        account: [tenantAccount],
        source: ['aws.cloudwatch'],
        detailType: ['CloudWatch Alarm State Change'],
        detail: { alarmName: [{ prefix: BLOCK_ALARM_PREFIX }] },
      },
      targets: [topicTarget(events.RuleTargetInput.fromObject({
        kind: 'tenant-alarm',
        tenantAccount,
        ...(tenantId !== undefined ? { tenantId } : {}),
        region: events.EventField.region,
        time: events.EventField.time,
        alarmName: events.EventField.fromPath('$.detail.alarmName'),
        alarmArn: events.EventField.fromPath('$.resources[0]'),
        state: events.EventField.fromPath('$.detail.state.value'),
        previousState: events.EventField.fromPath('$.detail.previousState.value'),
        reason: events.EventField.fromPath('$.detail.state.reason'),
      }))],
    });
  });
  const tenantAlarmRules = props.admittedOrganization !== undefined
    ? [...perAccountRules, organizationTenantAlarmRule(scope, props, topicTarget)]
    : perAccountRules;

  const errorRule = new events.Rule(scope, 'ErrorOutputRule', {
    ruleName: ERROR_OUTPUT_RULE_NAME,
    description: 'cdk-tenant-blocks: Firehose wrote an object under errors/ of the hub bucket',
    eventPattern: {
      source: ['aws.s3'],
      detailType: ['Object Created'],
      detail: { bucket: { name: [bucket.bucketName] }, object: { key: [{ prefix: 'errors/' }] } },
    },
    targets: [topicTarget(events.RuleTargetInput.fromObject({
      kind: 'hub-error-output',
      bucket: events.EventField.fromPath('$.detail.bucket.name'),
      key: events.EventField.fromPath('$.detail.object.key'),
      time: events.EventField.time,
    }))],
  });
  errorRule.node.addDependency(topic);

  const action = new cwActions.SnsAction(topic);
  const alarms = hubAlarmSpecs(props.streamName, props.processor.functionName).map((spec) => {
    const dimensions = { ...spec.dimensions };
    if (spec.id === 'HistoryRuleFailuresAlarm') {
      dimensions.EventBusName = bus.eventBusName;
      dimensions.RuleName = props.historyRuleName;
    } else if (spec.id === 'HubDeadLetterAlarm') {
      dimensions.QueueName = props.deadLetterQueue.queueName;
    }
    const alarm = new cloudwatch.Alarm(scope, spec.id, {
      alarmDescription: spec.reason,
      metric: new cloudwatch.Metric({
        namespace: spec.namespace, metricName: spec.metricName, dimensionsMap: dimensions, statistic: spec.statistic, period: PERIOD,
      }),
      comparisonOperator: spec.comparison,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods,
      // No data is no traffic (a quiet fleet, a hub without tenants yet), not a failure.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  });
  const volumeAlarms = props.admittedOrganization !== undefined
    ? [organizationVolumeAlarm(scope, props, action)]
    : tenantVolumeAlarms(scope, props, action);
  alarms.push(...volumeAlarms);

  const metric = (namespace: string, metricName: string, dimensionsMap: Record<string, string>, statistic: string, label: string) =>
    new cloudwatch.Metric({ namespace, metricName, dimensionsMap, statistic, period: PERIOD, label });
  const logsStream = { DeliveryStreamName: HUB_DELIVERY_STREAM_NAME };
  const historyStream = { DeliveryStreamName: HUB_HISTORY_STREAM_NAME };
  const dashboard = new cloudwatch.Dashboard(scope, 'FleetDashboard', {
    dashboardName: FLEET_DASHBOARD_NAME,
    defaultInterval: Duration.hours(24),
    widgets: [
      [new cloudwatch.AlarmStatusWidget({ title: 'Hub pipeline alarms', alarms, width: 24 })],
      [
        new cloudwatch.GraphWidget({
          title: 'Tenant alarm state changes and events (fleet)',
          left: [
            metric('AWS/Firehose', 'IncomingRecords', historyStream, 'Sum', 'tenant events into history'),
          ],
          width: 12,
        }),
        new cloudwatch.GraphWidget({
          title: 'Shipped log records (fleet)',
          left: [
            metric('AWS/Kinesis', 'IncomingRecords', { StreamName: props.streamName }, 'Sum', 'into the stream'),
            metric('AWS/Firehose', 'DeliveryToS3.Records', logsStream, 'Sum', 'delivered to S3'),
            metric('AWS/Events', 'MatchedEvents', { RuleName: ERROR_OUTPUT_RULE_NAME }, 'Sum', 'objects under errors/'),
          ],
          width: 12,
        }),
      ],
      [
        new cloudwatch.GraphWidget({
          title: 'Delivery freshness (s)',
          left: [
            metric('AWS/Firehose', 'DeliveryToS3.DataFreshness', logsStream, 'Maximum', 'logs'),
            metric('AWS/Firehose', 'DeliveryToS3.DataFreshness', historyStream, 'Maximum', 'history'),
          ],
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: 'Active partitions',
          left: [
            metric('AWS/Firehose', 'PartitionCount', logsStream, 'Maximum', 'logs'),
            metric('AWS/Firehose', 'PartitionCount', historyStream, 'Maximum', 'history'),
          ],
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: 'Log processor',
          left: [
            metric('AWS/Lambda', 'Errors', { FunctionName: props.processor.functionName }, 'Sum', 'errors'),
            metric('AWS/Lambda', 'Throttles', { FunctionName: props.processor.functionName }, 'Sum', 'throttles'),
            metric('AWS/Lambda', 'ConcurrentExecutions', { FunctionName: props.processor.functionName }, 'Maximum', 'concurrency'),
          ],
          right: [metric('AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', { StreamName: props.streamName }, 'Maximum', 'stream iterator age (ms)')],
          width: 8,
        }),
      ],
    ],
  });
  return { topic, alarms, dashboard, tenantAlarmRules };
}

/**
 * The admitted accounts that get a tenant-alarm rule of their own: every listed one not in
 * quarantine; on the organization path, the mapped ones (`tenantIdsByAccount`: their notifications
 * carry the tenant id), the others share the organization-wide rule.
 */
function tenantAlarmAccounts(props: HubAlarmsProps): string[] {
  const accounts = props.admittedOrganization !== undefined ? Object.keys(props.tenantIdsByAccount).sort() : props.tenantAccountIds;
  return accounts.filter((a) => !props.quarantinedAccountIds.includes(a));
}

/**
 * The organization path's tenant-alarm rule `tenant-blocks-hub-tenant-alarms`: the blocks' alarm
 * state changes of every member account but the quarantined and the mapped ones (those have rules
 * of their own). The tenant is still the account, never the alarm's name: EventBridge sets the
 * event's `account` (an aws.* event cannot be put as a custom one), and the message carries it.
 */
function organizationTenantAlarmRule(
  scope: Construct, props: HubAlarmsProps, topicTarget: (input: events.RuleTargetInput) => events.IRuleTarget,
): events.Rule {
  const others = [...new Set([...props.quarantinedAccountIds, ...Object.keys(props.tenantIdsByAccount)])].sort();
  return new events.Rule(scope, 'TenantAlarmRule', {
    eventBus: props.bus,
    ruleName: TENANT_ALARM_RULE_NAME,
    description: `cdk-tenant-blocks: alarm state changes of the accounts of ${props.admittedOrganization}, to the notification topic`,
    eventPattern: {
      ...(others.length > 0 ? { account: [{ 'anything-but': others }] as unknown as string[] } : {}),
      source: ['aws.cloudwatch'],
      detailType: ['CloudWatch Alarm State Change'],
      detail: { alarmName: [{ prefix: BLOCK_ALARM_PREFIX }] },
    },
    targets: [topicTarget(events.RuleTargetInput.fromObject({
      kind: 'tenant-alarm',
      tenantAccount: events.EventField.account,
      region: events.EventField.region,
      time: events.EventField.time,
      alarmName: events.EventField.fromPath('$.detail.alarmName'),
      alarmArn: events.EventField.fromPath('$.resources[0]'),
      state: events.EventField.fromPath('$.detail.state.value'),
      previousState: events.EventField.fromPath('$.detail.previousState.value'),
      reason: events.EventField.fromPath('$.detail.state.reason'),
    }))],
  });
}

/** Log group the organization path's volume rule writes every admitted event to (EventBridge wants `/aws/events/`). */
export const VOLUME_LOG_GROUP_NAME = '/aws/events/tenant-blocks-hub-volume';

/**
 * The organization path's flood control (issue 24 §4, replacing the per-account rule and alarm): one
 * rule `tenant-blocks-hub-volume` copies every admitted event into a log group (hub key, a week),
 * a Contributor Insights rule of the same name counts them per `account`, and
 * `TenantEventVolumeAlarm` fires when the top account puts more than
 * {@link TENANT_EVENT_VOLUME_THRESHOLD} events in 5 minutes. The rule's top contributors name the
 * account; the quarantine (`quarantinedAccountIds`) stays an on-call decision.
 */
function organizationVolumeAlarm(scope: Construct, props: HubAlarmsProps, action: cloudwatch.IAlarmAction): cloudwatch.Alarm {
  const stack = Stack.of(scope);
  const { region, account } = stack;
  const partition = partitionOf(stack);
  const logGroupArn = `arn:${partition}:logs:${region}:${account}:log-group:${VOLUME_LOG_GROUP_NAME}`;
  // The bus's fixed name, not its Ref: the log group policy stays a literal document.
  const ruleArn = `arn:${partition}:events:${region}:${account}:rule/${HUB_EVENT_BUS_NAME}/${VOLUME_RULE_NAME}`;
  // CloudWatch Logs may use the hub key for this log group only.
  props.key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogsForTheVolumeLogGroup',
    principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
  }));
  const logGroup = new cwlogs.LogGroup(scope, 'TenantEventVolumeLogGroup', {
    logGroupName: VOLUME_LOG_GROUP_NAME,
    encryptionKey: props.key,
    // A counting copy: the archive and the history keep the events themselves.
    retention: cwlogs.RetentionDays.ONE_WEEK,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Suppressions.add(logGroup, [{
    id: 'CT.CLOUDWATCH.PR.2',
    reason: 'A counting copy of the admitted events for the per-account volume alarm: the events themselves are kept for the hub retention in the bus archive and the locked history',
  }]);
  // EventBridge writes to a log group through the log group's resource policy, for this rule only.
  const writePolicy = new cwlogs.CfnResourcePolicy(scope, 'TenantEventVolumeLogPolicy', {
    policyName: 'tenant-blocks-hub-volume',
    policyDocument: stack.toJsonString({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'HubVolumeRuleWrites',
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${logGroupArn}:*`,
        Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      }],
    }),
  });
  const rule = new events.Rule(scope, 'TenantEventVolumeRule', {
    eventBus: props.bus,
    ruleName: VOLUME_RULE_NAME,
    description: `cdk-tenant-blocks: copies every admitted event of ${props.admittedOrganization} to ${VOLUME_LOG_GROUP_NAME}, counted per account`,
    eventPattern: { source: [...CHANGE_EVENT_SOURCES] },
    targets: [{ bind: () => ({ arn: logGroupArn }) }],
  });
  rule.node.addDependency(writePolicy, logGroup);
  const insight = new cloudwatch.CfnInsightRule(scope, 'TenantEventVolumeInsight', {
    ruleName: VOLUME_RULE_NAME,
    ruleState: 'ENABLED',
    ruleBody: JSON.stringify({
      Schema: { Name: 'CloudWatchLogRule', Version: 1 },
      LogGroupNames: [VOLUME_LOG_GROUP_NAME],
      LogFormat: 'JSON',
      Contribution: { Keys: ['$.account'], Filters: [] },
      AggregateOn: 'Count',
    }),
  });
  insight.node.addDependency(logGroup);
  const alarm = new cloudwatch.Alarm(scope, 'TenantEventVolumeAlarm', {
    alarmDescription: `An account of ${props.admittedOrganization} put more than ${TENANT_EVENT_VOLUME_THRESHOLD} events on the hub bus in 5 minutes `
      + `(the top contributors of the Contributor Insights rule ${VOLUME_RULE_NAME} name it): a rule forwarding more than the link's patterns, `
      + 'or a loop; quarantine it (quarantinedAccountIds) unless it is a legitimate burst',
    metric: new cloudwatch.MathExpression({
      expression: `INSIGHT_RULE_METRIC('${VOLUME_RULE_NAME}', 'MaxContributorValue')`,
      usingMetrics: {},
      period: PERIOD,
      label: 'events of the top account',
    }),
    comparisonOperator: GT,
    threshold: TENANT_EVENT_VOLUME_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.node.addDependency(insight);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

/**
 * Per admitted account (issue 21 §2): a rule on the hub bus that matches every event of that
 * account (no target: it only counts) and an alarm when the account puts more than
 * {@link TENANT_EVENT_VOLUME_THRESHOLD} events in 5 minutes. The alarm is the trigger of the
 * quarantine (`quarantinedAccountIds`): an on-call decision, not an automatic cut-off, so a
 * legitimate burst never silently loses a tenant's history.
 */
function tenantVolumeAlarms(scope: Construct, props: HubAlarmsProps, action: cloudwatch.IAlarmAction): cloudwatch.Alarm[] {
  return props.tenantAccountIds.map((account, i) => {
    new events.Rule(scope, `TenantEventVolumeRule-${idPart(account, i)}`, {
      eventBus: props.bus,
      ruleName: `${VOLUME_RULE_NAME}-${account}`,
      description: `cdk-tenant-blocks: counts the events tenant account ${account} puts on the hub bus (no target)`,
      eventPattern: { account: [account] },
    });
    const alarm = new cloudwatch.Alarm(scope, `TenantEventVolumeAlarm-${idPart(account, i)}`, {
      alarmDescription: `Tenant account ${account} put more than ${TENANT_EVENT_VOLUME_THRESHOLD} events on the hub bus in 5 minutes: `
        + 'a rule forwarding more than the link\'s patterns, or a loop; quarantine it (quarantinedAccountIds) unless it is a legitimate burst',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'MatchedEvents',
        // The literal name: a rule's Ref on a custom bus is "<bus>|<rule>", not the metric's RuleName.
        dimensionsMap: { EventBusName: props.bus.eventBusName, RuleName: `${VOLUME_RULE_NAME}-${account}` },
        statistic: 'Sum',
        period: PERIOD,
      }),
      comparisonOperator: GT,
      threshold: TENANT_EVENT_VOLUME_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  });
}

/**
 * The account as part of a construct id: the account itself, or its position when it is a token
 * (one stack standing in for both accounts: construct ids cannot hold tokens).
 */
function idPart(account: string, index: number): string {
  return Token.isUnresolved(account) ? String(index) : account;
}
