import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
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
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: 3 AZs where the region has them, public, private and isolated subnets, no NAT until egress is required (issue 14.2)', (tier) => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier });
    const t = Template.fromStack(stack);
    expect(subnetsByType(t)).toEqual({ Public: 3, Private: 3, Isolated: 3 });
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    t.resourceCountIs('AWS::EC2::Instance', 0);
    t.resourceCountIs('AWS::EC2::EIP', 0);
  });

  test('PRODUCTION egress: one NAT gateway per AZ, every private subnet routed to the gateway of its AZ', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    net.requireInternetEgress();
    net.requireInternetEgress(); // once
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::NatGateway', 3);
    t.resourceCountIs('AWS::EC2::Instance', 0);
    expect(net.hasInternetEgress).toBe(true);
    for (const subnet of net.vpc.privateSubnets) {
      t.hasResourceProperties('AWS::EC2::Route', {
        RouteTableId: stack.resolve(subnet.routeTable.routeTableId),
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: Match.anyValue(),
      });
    }
  });

  test('DEVELOPMENT egress: one hardened t4g.nano NAT instance (IMDSv2, encrypted gp3, detailed monitoring, HTTPS only), no NAT gateway', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, internetEgress: true });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    t.resourceCountIs('AWS::EC2::Instance', 1);
    t.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 't4g.nano',
      SourceDestCheck: false,
      Monitoring: true,
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 8, DeleteOnTermination: true } }],
      NetworkInterfaces: [Match.objectLike({ AssociatePublicIpAddress: true, SubnetId: stack.resolve(net.vpc.publicSubnets[0].subnetId) })],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'DEVELOPMENT NAT instance: HTTPS from the tenant VPC out to the internet only',
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'HTTPS from the tenant VPC' }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })],
    });
    for (const subnet of net.vpc.privateSubnets) {
      t.hasResourceProperties('AWS::EC2::Route', {
        RouteTableId: stack.resolve(subnet.routeTable.routeTableId),
        DestinationCidrBlock: '0.0.0.0/0',
        InstanceId: Match.anyValue(),
      });
    }
  });

  test('an imported VPC: requireInternetEgress does nothing (its owner provides egress)', () => {
    const stack = testStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1234', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] });
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', vpc });
    net.requireInternetEgress();
    expect(net.hasInternetEgress).toBe(false);
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources ?? {})).toHaveLength(0);
  });

  describe('a tier change moves no subnet (issue 8.8)', () => {
    /** Logical id -> the properties that would replace the resource if they changed. */
    function layout(tier: TenantTier, egress: boolean) {
      const stack = testStack(); // us-east-1: six AZs, three used
      new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, internetEgress: egress });
      const t = Template.fromStack(stack);
      const pick = (type: string, props: string[]) => Object.fromEntries(Object.entries(t.findResources(type))
        .map(([id, r]) => [id, Object.fromEntries(props.map((p) => [p, r.Properties?.[p]]))]));
      return {
        vpc: pick('AWS::EC2::VPC', ['CidrBlock']),
        subnets: pick('AWS::EC2::Subnet', ['CidrBlock', 'AvailabilityZone', 'VpcId']),
        routeTables: pick('AWS::EC2::RouteTable', ['VpcId']),
        associations: pick('AWS::EC2::SubnetRouteTableAssociation', ['SubnetId', 'RouteTableId']),
        dbSubnetsUsable: Object.keys(t.findResources('AWS::EC2::Subnet')).length,
      };
    }

    test.each([
      ['DEVELOPMENT without egress -> PRODUCTION with egress', false, true],
      ['DEVELOPMENT with egress (NAT instance) -> PRODUCTION with egress (NAT gateways)', true, true],
      ['DEVELOPMENT without egress -> PRODUCTION without egress', false, false],
    ])('%s: same VPC, subnets, route tables and associations (logical ids and CIDRs)', (_name, devEgress, prodEgress) => {
      const dev = layout(TenantTier.DEVELOPMENT, devEgress);
      const prod = layout(TenantTier.PRODUCTION, prodEgress);
      expect(prod).toEqual(dev);
      expect(Object.keys(dev.subnets)).toHaveLength(9);
    });

    test('the layout is the one PRODUCTION has always had (10.0.0.0/16: public /24, private /20, isolated /24)', () => {
      const cidrs = Object.entries(layout(TenantTier.DEVELOPMENT, false).subnets).map(([id, p]) => `${id.replace(/Subnet[0-9A-F]{8}$/, '')} ${p.CidrBlock}`);
      expect(cidrs.sort()).toEqual([
        'NetVpcIsolatedSubnet1 10.0.64.0/24', 'NetVpcIsolatedSubnet2 10.0.65.0/24', 'NetVpcIsolatedSubnet3 10.0.66.0/24',
        'NetVpcPrivateSubnet1 10.0.16.0/20', 'NetVpcPrivateSubnet2 10.0.32.0/20', 'NetVpcPrivateSubnet3 10.0.48.0/20',
        'NetVpcPublicSubnet1 10.0.0.0/24', 'NetVpcPublicSubnet2 10.0.1.0/24', 'NetVpcPublicSubnet3 10.0.2.0/24',
      ]);
    });
  });

  test('PRODUCTION in an environment-agnostic stack uses the 2 AZs CloudFormation can address', () => {
    const stack = new Stack(testApp(), 'Agnostic');
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', internetEgress: true });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  describe('vpcCidr, a platform-side setting (issue 10)', () => {
    test('cuts the subnets from the given range by prefix', () => {
      const stack = testStack();
      new TenantNetwork(stack, 'Net', { tenantId: 'acme', vpcCidr: '172.20.16.0/20' });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '172.20.16.0/20' });
      const cidrs = Object.values(t.findResources('AWS::EC2::Subnet')).map((r) => r.Properties.CidrBlock).sort();
      expect(cidrs).toEqual([
        '172.20.16.0/28', '172.20.16.16/28', '172.20.16.32/28', // public
        '172.20.17.0/24', '172.20.18.0/24', '172.20.19.0/24', // private
        '172.20.20.0/28', '172.20.20.16/28', '172.20.20.32/28', // isolated
      ]);
      t.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [Match.objectLike({ CidrIp: '172.20.16.0/20', FromPort: 443 })] });
    });

    test.each([
      ['10.0.0.0/8', 'must have a prefix from /16'],
      ['10.0.0.0/21', 'must have a prefix from /16'],
      ['8.8.0.0/16', 'must be a private range'],
      ['10.0.0.1/16', 'has host bits set; use the network address 10.0.0.0/16'],
      ['fd00::/56', 'must be an IPv4 CIDR block'],
    ])('throws when vpcCidr is %s', (vpcCidr, message) => {
      expect(() => new TenantNetwork(testStack(), 'Net', { tenantId: 'acme', vpcCidr })).toThrow(`- vpcCidr: ${message}`);
    });

    test('throws when platform-side settings have the wrong form or type', () => {
      expect(() => new TenantNetwork(testStack(), 'Net', {
        tenantId: 'acme', s3PrefixListId: 'pl-xyz', transitGatewayId: 'tgw-1', routedCidrs: '192.168.0.0/16' as unknown as string[], internetEgress: 'yes' as unknown as boolean,
      })).toThrow([
        'Invalid TenantNetwork props for tenant "acme":',
        "- routedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '192.168.0.0/16')",
        "- transitGatewayId: must be a Transit Gateway id (tgw- and 8-17 hexadecimal digits) (got: 'tgw-1')",
        "- internetEgress: must be true or false (got: 'yes')",
        "- s3PrefixListId: must be a prefix list id (pl- and 8-17 hexadecimal digits) (got: 'pl-xyz')",
      ].join('\n'));
    });

    test('throws when a platform-side setting is given for an imported VPC', () => {
      const stack = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1234', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'] });
      expect(() => new TenantNetwork(stack, 'Net', { tenantId: 'acme', vpc, vpcCidr: '10.1.0.0/16' })).toThrow(/- vpc: an imported VPC is its owner's/);
    });
  });

  describe('client networks nothing routes in (issue 10)', () => {
    test('warns at synth for allowed CIDRs outside the VPC and outside routedCidrs', () => {
      const stack = testStack();
      const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', routedCidrs: ['192.168.0.0/16'] });
      const block = new Construct(stack, 'Db');
      net.warnIfUnroutable(block, 'allowedCidrs', ['10.0.5.0/24', '192.168.7.0/24', '172.16.0.0/12']);
      const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Db', Match.stringLikeRegexp('nothing routes it in'));
      expect(warnings.map((w) => String(w.entry.data).split(';')[0])).toEqual([
        'allowedCidrs[2]: 172.16.0.0/12 is outside the tenant VPC (10.0.0.0/16) and outside the network\'s routedCidrs',
      ]);
    });

    test('a Transit Gateway attachment in the isolated subnets routes routedCidrs from private and isolated subnets', () => {
      const stack = testStack();
      const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', routedCidrs: ['192.168.0.0/16'], transitGatewayId: 'tgw-0123456789abcdef0' });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::EC2::TransitGatewayAttachment', {
        TransitGatewayId: 'tgw-0123456789abcdef0',
        SubnetIds: stack.resolve(net.vpc.isolatedSubnets.map((s) => s.subnetId)),
      });
      expect(Object.keys(t.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '192.168.0.0/16', TransitGatewayId: 'tgw-0123456789abcdef0' } }))).toHaveLength(6);
    });

    test('throws when a Transit Gateway is given without routedCidrs', () => {
      expect(() => new TenantNetwork(testStack(), 'Net', { tenantId: 'acme', transitGatewayId: 'tgw-0123456789abcdef0' })).toThrow(/- routedCidrs: list the networks/);
    });
  });

  test('the flow log role trusts the service for this account\'s flow logs only (issue 9.8)', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc-flow-log/*']] } },
          },
        }],
      },
    });
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

  test('DEVELOPMENT flow logs are kept a year too: a tier change never shortens them (issue 21.3)', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const groups = Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.map((g) => g.Properties.RetentionInDays)).toEqual(groups.map(() => 365));
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
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
      },
    });
    t.hasResource('Custom::VpcRestrictDefaultSG', {
      DependsOn: Match.arrayWith([Match.stringLikeRegexp(`^${provider}LogGroup`), Match.stringLikeRegexp(`^${provider}LogsPolicy`)]),
    });
  });

  test('a second network in the stack shares the provider: its default-SG resource also waits for the log group and the logs policy', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    new TenantNetwork(stack, 'Other', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT });
    const t = Template.fromStack(stack);
    const provider = 'CustomVpcRestrictDefaultSGCustomResourceProvider';
    const restricts = Object.values(t.findResources('Custom::VpcRestrictDefaultSG'));
    expect(restricts).toHaveLength(2);
    expect(Object.keys(t.findResources('AWS::IAM::ManagedPolicy')).filter((id) => id.startsWith(`${provider}LogsPolicy`))).toHaveLength(1);
    for (const restrict of restricts) {
      expect(restrict.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(`^${provider}LogGroup`), expect.stringMatching(`^${provider}LogsPolicy`)]));
    }
  });

  test.each([
    [TenantTier.DEVELOPMENT, 1],
    [TenantTier.PRODUCTION, 3],
  ])('%s: S3 gateway endpoint serves private and isolated subnets; Secrets Manager endpoint sits in %d isolated subnet(s) (issue 14.2)', (tier, azs) => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier });
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
      SubnetIds: stack.resolve(vpc.isolatedSubnets.slice(0, azs).map((s) => s.subnetId)),
    });
  });

  test('endpoint policies admit only this account\'s resources, plus CloudFormation\'s response bucket (issue 9.9)', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      PolicyDocument: {
        Statement: [
          { Sid: 'OnlyThisAccountsBuckets', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '123456789012' } } },
          { Sid: 'CloudFormationCustomResourceResponses', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:PutObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cloudformation-custom-resource-response-useast1/*']] } },
        ],
        Version: '2012-10-17',
      },
    });
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      PolicyDocument: {
        Statement: [
          { Sid: 'OnlyThisAccountsSecrets', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '123456789012' } } },
          { Sid: 'RandomPasswords', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:GetRandomPassword', Resource: '*' },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('every Lambda function of the stack in the VPC depends on the endpoints, so a destroy deletes them last (issue 8.11)', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const code = lambda.Code.fromInline('exports.handler = async () => {}');
    new lambda.Function(stack, 'InVpc', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code, vpc: net.vpc, vpcSubnets: net.databaseSubnets });
    new lambda.Function(stack, 'Outside', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code });
    const t = Template.fromStack(stack);
    const endpoints = Object.keys(t.findResources('AWS::EC2::VPCEndpoint'));
    expect(endpoints).toHaveLength(2);
    const inVpc = Object.values(t.findResources('AWS::Lambda::Function', { Properties: { VpcConfig: Match.anyValue() } }));
    expect(inVpc).toHaveLength(1);
    expect(inVpc[0].DependsOn).toEqual(expect.arrayContaining(endpoints));
    const outside = Object.entries(t.findResources('AWS::Lambda::Function')).filter(([id]) => id.startsWith('Outside'));
    expect(outside[0][1].DependsOn ?? []).not.toEqual(expect.arrayContaining(endpoints));
  });

  test('connectToAwsEndpoints: HTTPS to the endpoint security group and to S3 (the prefix list when given), nothing else (issue 9.9)', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', s3PrefixListId: 'pl-63a5400a' });
    const sg = new ec2.SecurityGroup(stack, 'Handler', { vpc: net.vpc, allowAllOutbound: false });
    net.connectToAwsEndpoints(sg);
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::EC2::SecurityGroupEgress', { Properties: { GroupId: stack.resolve(sg.securityGroupId) } }))).toHaveLength(2);
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: stack.resolve(sg.securityGroupId),
      DestinationSecurityGroupId: stack.resolve(net.endpointSecurityGroup!.securityGroupId),
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: stack.resolve(sg.securityGroupId), DestinationPrefixListId: 'pl-63a5400a', IpProtocol: 'tcp', FromPort: 443, ToPort: 443,
    });
  });

  test('without s3PrefixListId, the S3 prefix list is looked up at deploy time, once per network, outside the VPC (issue 9.9)', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const first = new ec2.SecurityGroup(stack, 'First', { vpc: net.vpc, allowAllOutbound: false });
    const second = new ec2.SecurityGroup(stack, 'Second', { vpc: net.vpc, allowAllOutbound: false });
    net.connectToAwsEndpoints(first);
    net.connectToAwsEndpoints(second);
    const t = Template.fromStack(stack);
    const lookups = t.findResources('Custom::TenantS3PrefixList');
    expect(Object.keys(lookups)).toHaveLength(1);
    const [lookupId, lookup] = Object.entries(lookups)[0];
    expect(lookup.Properties.PrefixListName).toBe('com.amazonaws.us-east-1.s3');
    for (const sg of [first, second]) {
      const rules = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress', { Properties: { GroupId: stack.resolve(sg.securityGroupId) } }));
      expect(rules.map((r) => r.Properties.CidrIp)).toEqual([undefined, undefined]);
      expect(rules).toContainEqual({
        Type: 'AWS::EC2::SecurityGroupEgress',
        Properties: expect.objectContaining({
          DestinationPrefixListId: { 'Fn::GetAtt': [lookupId, 'PrefixListId'] }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443,
        }),
      });
    }
    // The handler: outside the VPC (no EC2 endpoint there), its own log group, describe only.
    const handlerId = lookup.Properties.ServiceToken['Fn::GetAtt'][0];
    const handler = t.toJSON().Resources[handlerId];
    expect(handler.Properties.VpcConfig).toBeUndefined();
    const roleId = handler.Properties.Role['Fn::GetAtt'][0];
    const attached = (t.toJSON().Resources[roleId].Properties.ManagedPolicyArns as Array<{ Ref: string }>).map((a) => t.toJSON().Resources[a.Ref]);
    expect(attached.flatMap((p) => p.Properties.PolicyDocument.Statement)).toEqual([
      { Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [handler.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] } },
      { Sid: 'DescribeManagedPrefixLists', Effect: 'Allow', Action: 'ec2:DescribeManagedPrefixLists', Resource: '*' },
    ]);
    expect(Object.keys(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))).toEqual([]);
    expect(stack.resolve(net.s3PrefixListId)).toEqual({ 'Fn::GetAtt': [lookupId, 'PrefixListId'] });
  });

  test.each<[string, (stack: Stack) => TenantNetwork, string | undefined]>([
    ['s3PrefixListId is given', (stack) => new TenantNetwork(stack, 'Net', { tenantId: 'acme', s3PrefixListId: 'pl-63a5400a' }), 'pl-63a5400a'],
    ['the VPC is imported', (stack) => new TenantNetwork(stack, 'Net', {
      tenantId: 'acme', vpc: ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-0123456789abcdef0'] }),
    }), undefined],
  ])('no S3 prefix list lookup at all when %s', (_case, make, id) => {
    const stack = testStack();
    const net = make(stack);
    const sg = new ec2.SecurityGroup(stack, 'Handler', { vpc: net.vpc, allowAllOutbound: false });
    net.connectToAwsEndpoints(sg);
    expect(net.s3PrefixListId).toBe(id);
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::TenantS3PrefixList', 0);
    expect(Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('S3 prefix list') } }))).toEqual([]);
  });

  test('a lookup for every VPC made here without s3PrefixListId, whether or not anything reads it', () => {
    // Made with the VPC, not on first read: readers in another stack that later go must not take
    // the lookup and its export with them ("Export ... in use").
    const stack = testStack();
    const acme = new TenantNetwork(stack, 'Net', { tenantId: 'acme' });
    const globex = new TenantNetwork(stack, 'Other', { tenantId: 'globex' });
    const t = Template.fromStack(stack);
    const lookups = Object.keys(t.findResources('Custom::TenantS3PrefixList'));
    expect(lookups).toHaveLength(2);
    expect([acme, globex].map((net) => stack.resolve(net.s3PrefixListId)['Fn::GetAtt'][0]).sort()).toEqual([...lookups].sort());
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
