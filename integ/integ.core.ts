/**
 * Deploy-and-destroy test of the core: a DEVELOPMENT tenant network and key, with the flow logs
 * shipped to a CloudWatch Logs destination (created here, in the same account, standing in for
 * the platform's PlatformHub).
 *
 * Asserts, against the deployed stack: the key rotates, the flow log group is encrypted with the
 * tenant key and subscribed to the destination, the VPC's default security group has no rules, the
 * DEVELOPMENT NAT instance (internet egress required) runs with IMDSv2 only, and the S3 gateway
 * endpoint's policy admits only this account's buckets.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../src';

const app = new App();
const stack = new Stack(app, 'TenantBlocksCoreInteg');

// A stand-in for the platform's log destination: Kinesis stream + role + destination.
const stream = new kinesis.Stream(stack, 'ShippedLogs', {
  encryption: kinesis.StreamEncryption.MANAGED,
  retentionPeriod: Duration.hours(24),
  shardCount: 1,
  removalPolicy: RemovalPolicy.DESTROY,
});
const deliveryRole = new iam.Role(stack, 'DestinationRole', {
  assumedBy: new iam.ServicePrincipal('logs.amazonaws.com', {
    conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
  }),
});
stream.grantWrite(deliveryRole);
const destination = new logs.CfnDestination(stack, 'Destination', {
  destinationName: 'tenant-blocks-core-integ',
  targetArn: stream.streamArn,
  roleArn: deliveryRole.roleArn,
});
destination.node.addDependency(deliveryRole);

const key = new TenantKey(stack, 'Key', { tenantId: 'integ-core', tier: TenantTier.DEVELOPMENT });
const network = new TenantNetwork(stack, 'Network', {
  tenantId: 'integ-core',
  tier: TenantTier.DEVELOPMENT,
  encryptionKey: key,
  logShipping: LogShipping.toDestination(destination.attrArn),
  // The DEVELOPMENT egress path: one hardened NAT instance instead of a NAT gateway.
  internetEgress: true,
});
network.flowLogGroup!.node.findChild('ShipToPlatform').node.addDependency(destination);

const integ = new IntegTest(app, 'CoreTest', {
  testCases: [stack],
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

integ.assertions
  .awsApiCall('KMS', 'getKeyRotationStatus', { KeyId: key.key.keyId })
  .expect(ExpectedResult.objectLike({ KeyRotationEnabled: true }));

integ.assertions
  .awsApiCall('CloudWatchLogs', 'describeLogGroups', { logGroupNamePrefix: network.flowLogGroup!.logGroupName })
  .expect(ExpectedResult.objectLike({ logGroups: [{ kmsKeyId: key.key.keyArn, retentionInDays: 30 }] }));

integ.assertions
  .awsApiCall('CloudWatchLogs', 'describeSubscriptionFilters', { logGroupName: network.flowLogGroup!.logGroupName })
  .expect(ExpectedResult.objectLike({ subscriptionFilters: [{ destinationArn: destination.attrArn, filterPattern: '' }] }));

integ.assertions
  .awsApiCall('EC2', 'describeSecurityGroups', {
    Filters: [
      { Name: 'vpc-id', Values: [network.vpc.vpcId] },
      { Name: 'group-name', Values: ['default'] },
    ],
  })
  .expect(ExpectedResult.objectLike({ SecurityGroups: [{ IpPermissions: [], IpPermissionsEgress: [] }] }));

integ.assertions
  .awsApiCall('EC2', 'describeInstances', {
    Filters: [
      { Name: 'vpc-id', Values: [network.vpc.vpcId] },
      { Name: 'instance-state-name', Values: ['pending', 'running'] },
    ],
  })
  .expect(ExpectedResult.objectLike({
    Reservations: [{ Instances: [{ InstanceType: 't4g.nano', MetadataOptions: { HttpTokens: 'required' }, SourceDestCheck: false }] }],
  }));

integ.assertions
  .awsApiCall('EC2', 'describeVpcEndpoints', {
    Filters: [
      { Name: 'vpc-id', Values: [network.vpc.vpcId] },
      { Name: 'service-name', Values: [`com.amazonaws.${stack.region}.s3`] },
    ],
  })
  .expect(ExpectedResult.objectLike({ VpcEndpoints: [{ PolicyDocument: Match.stringLikeRegexp('aws:ResourceAccount') }] }));

app.synth();
