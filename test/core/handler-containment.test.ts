// Issue 9.6 (handler roles) and 9.9 (handler egress), across every block's template: each test
// here failed on the code before those fixes.
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TenantFunction, TenantFunctionCode } from '../../src/blocks/function';
import { CrossAccountLink } from '../../src/blocks/link';
import { TenantPostgres } from '../../src/blocks/postgres';
import { TenantTier } from '../../src/core';
import { PlatformHub } from '../../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../../src/platform/provisioner';
import { testStack } from '../support/app';

const FIXTURE = path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello');
const PROVISIONER_APP = path.join(__dirname, '..', 'platform', 'provisioner', 'fixtures', 'app');
const PLATFORM_ENV = { account: '111111111111', region: 'us-east-1' };
const TENANT_ENV = { account: '210987654321', region: 'us-east-1' };

type Resources = Record<string, { Type: string; Properties?: any; DependsOn?: string[] }>;

/** Every block, as a user deploys it (defaults), in its own stack. */
const BLOCKS: Array<[string, () => Stack]> = [
  ['TenantPostgres DEVELOPMENT', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    return stack;
  }],
  ['TenantPostgres PRODUCTION', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.PRODUCTION });
    return stack;
  }],
  ['TenantFunction DEVELOPMENT', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    new TenantFunction(stack, 'App', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
    return stack;
  }],
  ['TenantFunction DEVELOPMENT with internet egress', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    new TenantFunction(stack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler', internetEgress: true,
    });
    return stack;
  }],
  ['PlatformHub', () => {
    const stack = testStack('Platform', PLATFORM_ENV);
    new PlatformHub(stack, 'Hub', { tenantAccountIds: [TENANT_ENV.account] });
    return stack;
  }],
  ['TenantProvisioner', () => {
    const stack = testStack('Platform', PLATFORM_ENV);
    new TenantProvisioner(stack, 'Provisioner', {
      hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
      appSource: PlatformAppSource.fromAsset(PROVISIONER_APP, '1.0.0'),
      tenantAccountIds: [TENANT_ENV.account],
      apiCallers: [{ principalArn: `arn:aws:iam::${PLATFORM_ENV.account}:role/platform/provisioner-client`, allTenants: true, actions: Object.values(TenantAction) }],
    });
    return stack;
  }],
  ['CrossAccountLink', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    new CrossAccountLink(stack, 'Link', {
      tenantId: 'acme',
      platformAccountId: PLATFORM_ENV.account,
      platformRoleArns: [`arn:aws:iam::${PLATFORM_ENV.account}:role/console`],
      externalId: '5d0c2b9e7a41f83c6e1b0a9d4f27c85e3b6a1d0f9c8e7b24',
    });
    return stack;
  }],
];

/**
 * AWS managed policies a service role (never a Lambda execution role) keeps on purpose, with the
 * service that assumes it: AWS maintains them as the service evolves.
 */
const SERVICE_ROLE_MANAGED_POLICIES: Record<string, string> = {
  'backup.amazonaws.com': 'service-role/AWSBackupServiceRolePolicyForBackup',
  'codedeploy.amazonaws.com': 'service-role/AWSCodeDeployRoleForLambdaLimited',
};

const resourcesOf = (stack: Stack): Resources => Template.fromStack(stack).toJSON().Resources;

/** The AWS managed policy names (`service-role/...`) in a role's ManagedPolicyArns. */
function awsManagedPolicies(role: { Properties?: any }): string[] {
  return (role.Properties?.ManagedPolicyArns ?? [])
    .map((arn: unknown) => JSON.stringify(arn))
    .map((text: string) => /:iam::aws:policy\/([A-Za-z0-9/_-]+)/.exec(text)?.[1])
    .filter((name: string | undefined): name is string => name !== undefined);
}

function trustedServices(role: { Properties?: any }): string[] {
  return role.Properties.AssumeRolePolicyDocument.Statement.flatMap((s: any) => [s.Principal?.Service ?? []].flat());
}

/** Every statement that applies to a role: its inline policies, the policies naming it, the managed policies it names. */
function statementsOf(resources: Resources, roleId: string): any[] {
  const role = resources[roleId];
  const attached = new Set((role.Properties.ManagedPolicyArns ?? []).map((a: any) => a?.Ref).filter(Boolean));
  const names = (roles: any[] | undefined) => (roles ?? []).some((r) => r?.Ref === roleId);
  const documents = [
    ...(role.Properties.Policies ?? []).map((p: any) => p.PolicyDocument),
    ...Object.entries(resources)
      .filter(([id, r]) => (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') && (names(r.Properties.Roles) || attached.has(id)))
      .map(([, r]) => r.Properties.PolicyDocument),
  ];
  return documents.flatMap((d) => d.Statement);
}

/** The log group a function writes to: its LoggingConfig, or `/aws/lambda/<function name>`. */
function logGroupOf(resources: Resources, functionId: string): string | undefined {
  const configured = resources[functionId].Properties.LoggingConfig?.LogGroup?.Ref;
  if (configured) return configured;
  return Object.entries(resources).find(([, r]) => r.Type === 'AWS::Logs::LogGroup'
    && JSON.stringify(r.Properties.LogGroupName) === JSON.stringify({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: functionId }]] }))?.[0];
}

describe.each(BLOCKS)('the roles of %s (issue 9.6)', (_block, make) => {
  test('no Lambda execution role has an AWS managed policy; other roles only the listed service policies', () => {
    const resources = resourcesOf(make());
    const offenders = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .flatMap(([id, role]) => {
        const services = trustedServices(role);
        return awsManagedPolicies(role)
          .filter((policy) => services.includes('lambda.amazonaws.com') || !services.some((s) => SERVICE_ROLE_MANAGED_POLICIES[s] === policy))
          .map((policy) => `${id}: ${policy}`);
      });
    expect(offenders).toEqual([]);
  });

  test('every function writes its own log group only (logs:PutLogEvents and CreateLogStream on exactly that group)', () => {
    const resources = resourcesOf(make());
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    const problems: string[] = [];
    for (const [functionId, fn] of functions) {
      const roleId = fn.Properties.Role?.['Fn::GetAtt']?.[0];
      const logGroup = logGroupOf(resources, functionId);
      if (!roleId || !logGroup) {
        problems.push(`${functionId}: role ${roleId}, log group ${logGroup}`);
        continue;
      }
      const logStatements = statementsOf(resources, roleId)
        .filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a: string) => a === '*' || a.startsWith('logs:')));
      const granted = logStatements.flatMap((s) => [s.Action].flat().map((action: string) => `${action} ${JSON.stringify([s.Resource].flat())}`));
      const own = JSON.stringify([{ 'Fn::GetAtt': [logGroup, 'Arn'] }]);
      const expected = [`logs:CreateLogStream ${own}`, `logs:PutLogEvents ${own}`];
      if (JSON.stringify(granted.sort()) !== JSON.stringify(expected)) {
        problems.push(`${functionId}: ${granted.join(', ') || 'no log permission'} (expected ${expected.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(BLOCKS)('the in-VPC functions of %s (issue 8.12 still holds)', (_block, make) => {
  test('each security group of an in-VPC function is deleted before the function\'s role and every policy of that role', () => {
    const resources = resourcesOf(make());
    const problems: string[] = [];
    for (const [functionId, fn] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.VpcConfig)) {
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const attached = new Set((resources[roleId].Properties.ManagedPolicyArns ?? []).map((a: any) => a?.Ref).filter(Boolean));
      const policies = Object.entries(resources)
        .filter(([id, r]) => (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')
          && ((r.Properties.Roles ?? []).some((ref: any) => ref?.Ref === roleId) || attached.has(id)))
        .map(([id]) => id);
      expect(policies.length).toBeGreaterThan(0);
      for (const group of fn.Properties.VpcConfig.SecurityGroupIds.map((g: any) => g['Fn::GetAtt']?.[0]).filter(Boolean)) {
        const missing = [roleId, ...policies].filter((id) => !(resources[group].DependsOn ?? []).includes(id));
        if (missing.length > 0) problems.push(`${group} (of ${functionId}) does not DependsOn ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The four actions Lambda performs with an in-VPC function's execution role on its network interfaces. */
const ENI_ACTIONS = ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'];
/** The documented resource for them: every EC2 resource of the region, any account (a VPC shared through RAM). */
const REGION_EC2 = JSON.stringify({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:*:*/*']] });

describe.each(BLOCKS)('the in-VPC functions of %s (Lambda checks the ENI permissions at CreateFunction)', (_block, make) => {
  test('each role allows the ENI actions on the region\'s EC2 resources and the describe calls on *, with no condition', () => {
    const resources = resourcesOf(make());
    const problems: string[] = [];
    for (const [functionId, fn] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.VpcConfig)) {
      // Lambda's own check names no VPC: a conditioned statement may make it refuse the function.
      const unconditioned = statementsOf(resources, fn.Properties.Role['Fn::GetAtt'][0]).filter((s) => s.Effect === 'Allow' && s.Condition === undefined);
      const allowedOn = (action: string, resource: string) => unconditioned.some((s) => [s.Action].flat().includes(action)
        && [s.Resource].flat().some((r: unknown) => r === '*' || JSON.stringify(r) === resource));
      const missing = [
        ...ENI_ACTIONS.filter((action) => !allowedOn(action, REGION_EC2)),
        ...['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'].filter((action) => !allowedOn(action, '"*"')),
      ];
      if (missing.length > 0) problems.push(`${functionId}: ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});

/** Egress rules (inline and separate) that allow 443 to the whole IPv4 internet, by the group's logical id. */
function httpsToInternet(resources: Resources): string[] {
  const rules = Object.entries(resources).flatMap(([id, r]) => {
    if (r.Type === 'AWS::EC2::SecurityGroup') return (r.Properties.SecurityGroupEgress ?? []).map((rule: any) => [id, rule]);
    if (r.Type === 'AWS::EC2::SecurityGroupEgress') return [[r.Properties.GroupId?.['Fn::GetAtt']?.[0] ?? id, r.Properties]];
    return [];
  }) as Array<[string, any]>;
  return rules
    .filter(([, rule]) => rule.CidrIp === '0.0.0.0/0' && (rule.IpProtocol === '-1' || (rule.FromPort <= 443 && rule.ToPort >= 443)))
    .map(([id]) => id)
    .sort();
}

describe.each(BLOCKS)('the security groups of %s in a VPC made here (issue 9.9)', (block, make) => {
  test('no egress allows 443 to 0.0.0.0/0, except the app function with internet egress and its NAT instance', () => {
    const open = httpsToInternet(resourcesOf(make()));
    if (block === 'TenantFunction DEVELOPMENT with internet egress') {
      expect(open).toEqual([expect.stringMatching(/^AppSecurityGroup/), expect.stringMatching(/NatInstanceSecurityGroup/)]);
    } else {
      expect(open).toEqual([]);
    }
  });
});
