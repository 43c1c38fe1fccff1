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
 *   destination, Kinesis stream, Firehose and its log processor Lambda (gunzip, JSON lines,
 *   partition keys), in the hub bucket under the tenant account and log group partition
 *   (`PlatformHub.logPrefixFor`: the log group is named `/tenant-blocks/integ-xa/app` so the
 *   S3-safe `logGroup=tenant-blocks.integ-xa.app` partition is exercised).
 *
 * The hub's names are fixed per account and region (destination and delivery stream
 * `tenant-blocks-logs`, bus `tenant-blocks-change-history`, key alias, processor log group), as is
 * the link role `tenant-blocks-link-integ-xa`: the test fails in an account and region that already
 * has a hub or that link. Destroy leaves the hub's two log buckets and its key (retained by design:
 * the platform's audit trail); delete them by hand when the test account should be clean.
 */
import { AwsApiCall, ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { TenantKey, TenantLogGroup, TenantTier } from '../src/core';
import { CrossAccountLink, PlatformHub } from '../src/cross-account';

const app = new App();
const stack = new Stack(app, 'TenantBlocksCrossAccountInteg');
const EXTERNAL_ID = 'integ-cross-account-0123456789';

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
  const params = { RoleArn: process.env.LINK_ROLE_ARN, RoleSessionName: 'integ-console' };
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
  Prefix: PlatformHub.logPrefixFor(stack.account, LOG_GROUP_NAME),
}) as AwsApiCall;
shipped
  .expect(ExpectedResult.objectLike({ Contents: Match.arrayWith([Match.objectLike({ Key: Match.stringLikeRegexp('^logs/account=') })]) }))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(30) });
// The SDK action name (s3:ListObjectsV2) is not an IAM action: grant the real one to both providers.
const listBucket = { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [hub.logBucket.bucketArn] };
shipped.provider.addToRolePolicy(listBucket);
shipped.waiterProvider?.addToRolePolicy(listBucket);
write.next(shipped);

app.synth();
