/**
 * Deploy-and-destroy test of the cross-account doors. One account stands in for both sides: the
 * stack holds a PlatformHub (admitting its own account) and a CrossAccountLink that trusts one
 * "console" role of the same stack.
 *
 * Asserts, against the deployed stack:
 * - the console role can assume the link with the external id, and cannot without it (the console
 *   is a small inline function whose role is the link's listed platform role: the assertion
 *   provider's own role lives in another stack and cannot be listed);
 * - a log line written to a tenant log group shipped through the link arrives, through the hub's
 *   destination, Kinesis stream, Firehose and its log processor Lambda (gunzip, JSON lines, account
 *   partition key), in the hub bucket under the tenant account's partition
 *   (`PlatformHub.logPrefixFor`): a delivered object exists, so Firehose's PUTs are accepted by the
 *   COMPLIANCE-locked bucket (issue 9.13);
 * - a state change of a tenant alarm (named `tenant-blocks-integ-xa-...`, as the blocks name theirs)
 *   reaches the hub: the link forwards it to the hub bus, the hub writes it into the tenant's
 *   history (`PlatformHub.historyPrefixFor`) where a probe function finds it (issue 11).
 *
 * The hub's names are fixed per account and region (destination and delivery stream
 * `tenant-blocks-logs`, bus `tenant-blocks-change-history`, key alias, processor log group), as is
 * the link role `tenant-blocks-link-integ-xa`: the test fails in an account and region that already
 * has a hub or that link. Destroy leaves the hub's buckets (the log bucket under a 1-day COMPLIANCE
 * lock: empty it the day after), its two keys and the backup vault (retained by design: the
 * platform's audit trail and backup copies); delete them by hand when the test account should be
 * clean.
 */
import { AwsApiCall, ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CrossAccountLink } from '../src/blocks/link';
import { TenantKey, TenantLogGroup, TenantTier } from '../src/core';
import { PlatformHub } from '../src/platform/hub';

const app = new App();
const stack = new Stack(app, 'TenantBlocksCrossAccountInteg');
// A fixed id keeps the snapshot stable; it protects nothing here (one account plays both sides, and
// the stack is destroyed after the run). Real links use CrossAccountLink.generateExternalId().
const EXTERNAL_ID = 'integ-cross-account-7d1f0b9e4c2a48b6a3e5f0c1d2b3a4e5';

const hub = new PlatformHub(stack, 'Hub', { tenantAccountIds: [stack.account], retention: Duration.days(1) });

const consoleRole = new iam.Role(stack, 'ConsoleRole', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
});
hub.grantAssumeTenantLinks(consoleRole);

const link = new CrossAccountLink(stack, 'Link', {
  tenantId: 'integ-xa',
  platformAccountId: stack.account,
  platformRoleArns: [consoleRole.roleArn],
  externalId: EXTERNAL_ID,
  hub: hub.reference,
});
// The hub reference is made of names, not references: order the link after the hub.
link.node.addDependency(hub);

// The query console stand-in: assumes the link, with or without the external id.
const consoleFn = new lambda.Function(stack, 'Console', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  role: consoleRole,
  timeout: Duration.seconds(30),
  environment: { LINK_ROLE_ARN: link.roleArn, EXTERNAL_ID },
  code: lambda.Code.fromInline(`
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
exports.handler = async (event) => {
  const params = { RoleArn: process.env.LINK_ROLE_ARN, RoleSessionName: 'integ-console', SourceIdentity: 'integ-console' };
  if (event.withExternalId) params.ExternalId = process.env.EXTERNAL_ID;
  try {
    await new STSClient({}).send(new AssumeRoleCommand(params));
    return 200;
  } catch (e) {
    return e.name === 'AccessDenied' ? 403 : 500;
  }
};`),
});

// A tenant log group shipped through the link, and a writer that puts one line into it.
const key = new TenantKey(stack, 'Key', { tenantId: 'integ-xa', tier: TenantTier.DEVELOPMENT });
const LOG_GROUP_NAME = '/tenant-blocks/integ-xa/app';
const logGroup = new TenantLogGroup(stack, 'TenantLogs', {
  tier: TenantTier.DEVELOPMENT,
  encryptionKey: key,
  logShipping: link.logShipping,
  logGroupName: LOG_GROUP_NAME,
});
logGroup.node.findChild('ShipToPlatform').node.addDependency(hub);
const writer = new lambda.Function(stack, 'LogWriter', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  timeout: Duration.seconds(30),
  environment: { LOG_GROUP: logGroup.logGroupName },
  code: lambda.Code.fromInline(`
const { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } = require('@aws-sdk/client-cloudwatch-logs');
exports.handler = async () => {
  const logs = new CloudWatchLogsClient({});
  const logStreamName = 'integ-' + Date.now();
  await logs.send(new CreateLogStreamCommand({ logGroupName: process.env.LOG_GROUP, logStreamName }));
  await logs.send(new PutLogEventsCommand({
    logGroupName: process.env.LOG_GROUP, logStreamName,
    logEvents: [{ timestamp: Date.now(), message: 'tenant-blocks integ: shipped log line' }],
  }));
  return 200;
};`),
});
logGroup.grantWrite(writer);

const integ = new IntegTest(app, 'CrossAccountTest', {
  testCases: [stack],
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

integ.assertions
  .invokeFunction({ functionName: consoleFn.functionName, payload: JSON.stringify({ withExternalId: true }) })
  .expect(ExpectedResult.objectLike({ Payload: '200' }));

integ.assertions
  .invokeFunction({ functionName: consoleFn.functionName, payload: JSON.stringify({ withExternalId: false }) })
  .expect(ExpectedResult.objectLike({ Payload: '403' }));

const write = integ.assertions
  .invokeFunction({ functionName: writer.functionName })
  .expect(ExpectedResult.objectLike({ Payload: '200' }));

// Firehose buffers up to 60 s before the processor and 60 s before S3; dynamic partitioning puts
// the object under the account and the S3-safe log group name the processor returns.
const shipped = integ.assertions.awsApiCall('S3', 'listObjectsV2', {
  Bucket: hub.logBucket.bucketName,
  Prefix: PlatformHub.logPrefixFor(stack.account),
}) as AwsApiCall;
shipped
  .expect(ExpectedResult.objectLike({ Contents: Match.arrayWith([Match.objectLike({ Key: Match.stringLikeRegexp('^logs/account=') })]) }))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });
// The SDK action name (s3:ListObjectsV2) is not an IAM action: grant the real one to both providers.
const listBucket = { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [hub.logBucket.bucketArn] };
shipped.provider.addToRolePolicy(listBucket);
shipped.waiterProvider?.addToRolePolicy(listBucket);
write.next(shipped);

// A tenant alarm, named like the blocks name theirs, and a probe that puts it into ALARM and looks
// for its state change in the tenant's history on the hub.
const ALARM_NAME = 'tenant-blocks-integ-xa-integ-probe';
const alarm = new cloudwatch.Alarm(stack, 'TenantAlarm', {
  alarmName: ALARM_NAME,
  metric: new cloudwatch.Metric({ namespace: 'TenantBlocks/Integ', metricName: 'NeverPublished', period: Duration.minutes(5) }),
  threshold: 1,
  evaluationPeriods: 1,
});
const probe = new lambda.Function(stack, 'AlarmProbe', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  timeout: Duration.minutes(1),
  environment: { ALARM: ALARM_NAME, BUCKET: hub.logBucket.bucketName, PREFIX: PlatformHub.historyPrefixFor(stack.account) },
  code: lambda.Code.fromInline(`
const zlib = require('zlib');
const { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } = require('@aws-sdk/client-cloudwatch');
const { S3Client, ListObjectsV2Command, GetObjectCommand } = require('@aws-sdk/client-s3');
exports.handler = async () => {
  const cw = new CloudWatchClient({});
  const [alarm] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [process.env.ALARM] }))).MetricAlarms;
  if (alarm.StateValue !== 'ALARM') {
    await cw.send(new SetAlarmStateCommand({ AlarmName: process.env.ALARM, StateValue: 'ALARM', StateReason: 'integ: does a tenant alarm reach the hub?' }));
  }
  const s3 = new S3Client({});
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: process.env.BUCKET, Prefix: process.env.PREFIX }));
  for (const o of listed.Contents || []) {
    const body = await (await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: o.Key }))).Body.transformToByteArray();
    const text = zlib.gunzipSync(Buffer.from(body)).toString('utf8');
    if (text.includes('CloudWatch Alarm State Change') && text.includes(process.env.ALARM)) return 'found';
  }
  return 'not yet';
};`),
});
probe.addToRolePolicy(new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:SetAlarmState'], resources: [alarm.alarmArn] }));
probe.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [hub.logBucket.bucketArn] }));
probe.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [hub.logBucket.arnForObjects('history/*')] }));
probe.addToRolePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [hub.encryptionKey.keyArn] }));

// Two hops of EventBridge, then Firehose's 60 s buffer: the state change lands within minutes.
const alarmReachedHub = integ.assertions
  .invokeFunction({ functionName: probe.functionName })
  .expect(ExpectedResult.objectLike({ Payload: '"found"' }))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });
shipped.next(alarmReachedHub);

app.synth();
