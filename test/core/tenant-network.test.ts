import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../src';
import { testApp, testStack } from '../support/app';

function subnetsByType(t: Template): Record<string, number> {
  const subnets = t.findResources('AWS::EC2::Subnet');
  const count: Record<string, number> = {};
  for (const s of Object.values(subnets)) {
    const type = (s.Properties.Tags as Array<{ Key: string; Value: string }>).find((tag) => tag.Key === 'aws-cdk:subnet-type')!.Value;
    count[type] = (count[type] ?? 0) + 1;
  }
  return count;
}

describe('TenantNetwork', () => {
  test('DEVELOPMENT: 2 AZs with public, private and isolated subnets and one NAT gateway', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const t = Template.fromStack(stack);
    expect(subnetsByType(t)).toEqual({ Public: 2, Private: 2, Isolated: 2 });
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('PRODUCTION (the default): 3 AZs where the region has them, one NAT gateway per AZ', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    const t = Template.fromStack(stack);
    expect(subnetsByType(t)).toEqual({ Public: 3, Private: 3, Isolated: 3 });
    t.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('PRODUCTION in an environment-agnostic stack uses the 2 AZs CloudFormation can address', () => {
    const stack = new Stack(testApp(), 'Agnostic');
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('isolated subnets have no route to the internet; public subnets do not map public IPs', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const vpc = net.vpc as ec2.Vpc;
    const t = Template.fromStack(stack);
    for (const subnet of vpc.isolatedSubnets) {
      const rt = subnet.routeTable.routeTableId;
      const routes = t.findResources('AWS::EC2::Route', {
        Properties: { RouteTableId: stack.resolve(rt), DestinationCidrBlock: '0.0.0.0/0' },
      });
      expect(Object.keys(routes)).toHaveLength(0);
    }
    t.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('flow logs of all traffic go to a log group encrypted with the tenant key, kept by tier', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    t.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 365,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
    });
  });

  test('DEVELOPMENT flow logs are kept a month', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('uses the given tenant key instead of creating one', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme' });
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', encryptionKey: key });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } });
  });

  test('flow logs are shipped when log shipping is given', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', {
      tenantId: 'acme',
      logShipping: LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub'),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::SubscriptionFilter', {
      DestinationArn: 'arn:aws:logs:us-east-1:210987654321:destination:hub',
    });
  });

  test('restricts the default security group', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    Template.fromStack(stack).resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });

  test("the default-SG provider's log group exists before its first invocation: tenant key, retention, removed with DEVELOPMENT stacks", () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const t = Template.fromStack(stack);
    const provider = 'CustomVpcRestrictDefaultSGCustomResourceProvider';
    t.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Delete',
      Properties: {
        LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { Ref: Match.stringLikeRegexp(`^${provider}Handler`) }]] },
        RetentionInDays: 30,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
      },
    });
    t.hasResource('Custom::VpcRestrictDefaultSG', { DependsOn: Match.arrayWith([Match.stringLikeRegexp(`^${provider}LogGroup`)]) });
  });

  test('S3 gateway endpoint serves private and isolated subnets; Secrets Manager endpoint sits in isolated subnets', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const t = Template.fromStack(stack);
    const vpc = net.vpc;
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      RouteTableIds: stack.resolve([...vpc.privateSubnets, ...vpc.isolatedSubnets].map((s) => s.routeTable.routeTableId)),
    });
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      ServiceName: 'com.amazonaws.us-east-1.secretsmanager',
      PrivateDnsEnabled: true,
      SubnetIds: stack.resolve(vpc.isolatedSubnets.map((s) => s.subnetId)),
    });
  });

  test('exposes subnet selections per purpose', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    expect(net.loadBalancerSubnets).toEqual({ subnetType: ec2.SubnetType.PUBLIC });
    expect(net.functionSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(net.databaseSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(net.imported).toBe(false);
    expect(net.flowLogGroup).toBeDefined();
  });

  test('wraps an imported VPC and creates nothing', () => {
    const stack = testStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-1234',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-1', 'subnet-2'],
    });
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', vpc });
    expect(net.vpc).toBe(vpc);
    expect(net.imported).toBe(true);
    expect(net.flowLogGroup).toBeUndefined();
    // An imported VPC without isolated subnets: databases fall back to private subnets.
    expect(net.databaseSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources ?? {})).toHaveLength(0);
  });

  test('of() gives every block of a tenant the same network and key in a stack, created at stack level', () => {
    const stack = testStack();
    const a = TenantNetwork.of(new Construct(stack, 'BlockA'), { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const b = TenantNetwork.of(new Construct(stack, 'BlockB'), { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const other = TenantNetwork.of(stack, { tenantId: 'globex', tier: TenantTier.DEVELOPMENT });
    expect(a).toBe(b);
    expect(other).not.toBe(a);
    expect(a.node.path).toBe('TestStack/TenantNetwork-acme');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::VPC', 2);
    t.resourceCountIs('AWS::KMS::Key', 2); // one per tenant, shared by the tenant's network and blocks
    expect(TenantKey.of(stack, 'acme', TenantTier.DEVELOPMENT).node.path).toBe('TestStack/TenantKey-acme');
  });

  test('of() throws when a tenant asks for another tier than its network has', () => {
    const stack = testStack();
    TenantNetwork.of(stack, { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => TenantNetwork.of(stack, { tenantId: 'acme' })).toThrow(
      /already has the network of tenant "acme" \(TestStack\/TenantNetwork-acme\) with tier DEVELOPMENT, not PRODUCTION/,
    );
  });

  test('throws when the tier is not a TenantTier', () => {
    expect(() => new TenantNetwork(testStack(), 'Net', { tenantId: 'acme', tier: 'STAGING' as TenantTier })).toThrow(/- tier: must be one of/);
  });

  test('throws when the tenant id is invalid', () => {
    expect(() => new TenantNetwork(testStack(), 'Net', { tenantId: 'x' })).toThrow(/Invalid TenantNetwork props for tenant "x"/);
  });
});
