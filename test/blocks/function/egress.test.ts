/**
 * Internet egress is a whitelisted setting, off by default (issue 14): a function without it has no
 * route to the internet and reaches only the tenant's AWS endpoints (secure by default, and no NAT
 * to pay for); with it, its network gets NAT per tier as before.
 */
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { build, FIXTURE, fnResource, prod, PropsOverride } from './support';
import { TenantNetwork, TenantTier } from '../../../src/core';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';

const NAT_TYPES = ['AWS::EC2::NatGateway', 'AWS::EC2::Instance', 'AWS::EC2::EIP'];

/** The egress rules of the app function's security group (inline and separate). */
function functionEgress(t: Template): Array<Record<string, unknown>> {
  const [sgId, sg] = Object.entries(t.findResources('AWS::EC2::SecurityGroup', {
    Properties: { GroupDescription: Match.stringLikeRegexp('^TenantFunction acme/App: ') },
  }))[0];
  const inline = (sg.Properties.SecurityGroupEgress ?? []) as Array<Record<string, unknown>>;
  const separate = Object.values(t.findResources('AWS::EC2::SecurityGroupEgress'))
    .filter((r) => JSON.stringify(r.Properties.GroupId).includes(`"${sgId}"`))
    .map((r) => r.Properties as Record<string, unknown>);
  return [...inline, ...separate];
}

function natResources(t: Template): string[] {
  return NAT_TYPES.flatMap((type) => Object.keys(t.findResources(type)));
}

const byTier = (tier: TenantTier, o: PropsOverride = {}, stack?: Stack) => (tier === TenantTier.PRODUCTION ? prod(o, stack) : build(o, stack));

describe('internet egress is off by default: no route to the internet, the tenant\'s AWS endpoints only', () => {
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: no NAT gateway, no NAT instance, no Elastic IP', (tier) => {
    const { template } = byTier(tier);
    expect(natResources(template)).toEqual([]);
    template.resourcePropertiesCountIs('AWS::EC2::Route', { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: Match.anyValue() }, 0);
    template.resourcePropertiesCountIs('AWS::EC2::Route', { DestinationCidrBlock: '0.0.0.0/0', InstanceId: Match.anyValue() }, 0);
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: the security group allows HTTPS to the Secrets Manager endpoint and S3, never to the whole internet', (tier) => {
    const stack = testStack();
    // With the region's S3 prefix list (a platform setting), not a single rule names 0.0.0.0/0.
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, s3PrefixListId: 'pl-63a5400a' });
    const { template } = byTier(tier, { network }, stack);
    const egress = functionEgress(template);
    expect(egress.filter((r) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0')).toEqual([]);
    expect(egress).toContainEqual(expect.objectContaining({
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      DestinationSecurityGroupId: { 'Fn::GetAtt': [expect.stringMatching(/^NetSecretsManagerEndpointSecurityGroup/), 'GroupId'] },
    }));
    expect(egress).toContainEqual(expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, DestinationPrefixListId: 'pl-63a5400a' }));
  });

  test('without s3PrefixListId, S3 is reached through the region\'s prefix list looked up at deploy time: still no rule to any address', () => {
    const { template } = build();
    const egress = functionEgress(template);
    expect(egress.filter((r) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0')).toEqual([]);
    const s3 = egress.filter((r) => r.DestinationPrefixListId !== undefined);
    expect(s3).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'HTTPS to S3 through the gateway endpoint' })]);
    // a deploy-time value (the network's lookup), not a literal
    expect(typeof s3[0].DestinationPrefixListId).toBe('object');
    expect(natResources(template)).toEqual([]);
  });

  test('next to a function with egress in the same network: the NAT exists, this function still reaches only the endpoints', () => {
    const stack = testStack();
    new TenantFunction(stack, 'Crawler', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler', internetEgress: true });
    const { template } = build({}, stack);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::Instance', 1);
    expect(functionEgress(template).filter((r) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0')).toEqual([]);
  });

  test('the database port stays open from the function', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const { template } = build({ database }, stack);
    expect(functionEgress(template)).toContainEqual(expect.objectContaining({ IpProtocol: 'tcp', FromPort: database.port, ToPort: database.port }));
    expect(natResources(template)).toEqual([]);
  });

  test('still in the private subnets (the same subnets as with egress)', () => {
    const without = build().template;
    const withEgress = build({ internetEgress: true }).template;
    expect(fnResource(without).props.VpcConfig.SubnetIds).toEqual(fnResource(withEgress).props.VpcConfig.SubnetIds);
    expect(fnResource(without).props.VpcConfig.SubnetIds.every((s: { Ref: string }) => /VpcPrivateSubnet/.test(s.Ref))).toBe(true);
  });
});

describe('internetEgress: true gives the network NAT per tier, as before', () => {
  test.each<[TenantTier, string, number]>([
    [TenantTier.DEVELOPMENT, 'AWS::EC2::Instance', 1],
    [TenantTier.PRODUCTION, 'AWS::EC2::NatGateway', 3],
  ])('%s: %s × %d, and HTTPS to the internet from the function', (tier, natType, count) => {
    const { template } = byTier(tier, { internetEgress: true });
    template.resourceCountIs(natType, count);
    expect(functionEgress(template)).toContainEqual({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'HTTPS to AWS APIs and third-party services' });
  });

  test('internetEgress: false is the default', () => {
    expect(natResources(build({ internetEgress: false }).template)).toEqual([]);
  });

  test('an imported VPC stays as it is: its owner routes (no NAT is added, HTTPS out is allowed)', () => {
    for (const internetEgress of [false, true]) {
      const stack = testStack();
      const vpc = new ec2.Vpc(stack, 'Existing', { natGateways: 1, maxAzs: 2 });
      const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, vpc });
      const { template } = build({ network, internetEgress }, stack);
      template.resourceCountIs('AWS::EC2::NatGateway', 1); // the owner's
      template.resourceCountIs('AWS::EC2::Instance', 0);
      expect(functionEgress(template)).toContainEqual(expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }));
    }
  });
});

describe('internetEgress is validated like every prop', () => {
  test.each<[string, unknown]>([
    ['a string', 'yes'],
    ['a number', 1],
  ])('throws when internetEgress is %s, naming the prop and the allowed form, creating nothing', (_name, value) => {
    const stack = testStack();
    expect(() => build({ internetEgress: value as boolean }, stack)).toThrow(
      `Invalid TenantFunction props for tenant "acme":\n- internetEgress: must be true or false (got: ${typeof value === 'string' ? `'${value}'` : value})`,
    );
    expect(stack.node.tryFindChild('App')).toBeUndefined();
    expect(stack.node.findAll().filter((c) => c instanceof TenantNetwork)).toEqual([]);
  });
});

describe('a tier change still moves no subnet, with or without egress (issue 8.8)', () => {
  function layout(tier: TenantTier, internetEgress: boolean) {
    const { template } = byTier(tier, { internetEgress });
    const pick = (type: string, props: string[]) => Object.fromEntries(Object.entries(template.findResources(type))
      .map(([id, r]) => [id, Object.fromEntries(props.map((p) => [p, r.Properties?.[p]]))]));
    return {
      vpc: pick('AWS::EC2::VPC', ['CidrBlock']),
      subnets: pick('AWS::EC2::Subnet', ['CidrBlock', 'AvailabilityZone', 'VpcId']),
      routeTables: pick('AWS::EC2::RouteTable', ['VpcId']),
      associations: pick('AWS::EC2::SubnetRouteTableAssociation', ['SubnetId', 'RouteTableId']),
      functionSubnets: fnResource(template).props.VpcConfig.SubnetIds,
    };
  }

  test.each<[string, boolean, boolean]>([
    ['DEVELOPMENT -> PRODUCTION, both without egress', false, false],
    ['DEVELOPMENT -> PRODUCTION, both with egress (NAT instance -> NAT gateways)', true, true],
    ['DEVELOPMENT without egress -> PRODUCTION with egress', false, true],
    ['DEVELOPMENT with egress -> PRODUCTION without egress', true, false],
  ])('%s (and back): same VPC, subnets, route tables, associations and function subnets', (_name, devEgress, prodEgress) => {
    expect(layout(TenantTier.PRODUCTION, prodEgress)).toEqual(layout(TenantTier.DEVELOPMENT, devEgress));
  });
});
