import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { CrossAccountLink } from '../../../src/blocks/link';
import { PlatformHub } from '../../../src/platform/hub';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testApp } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT = { account: '210987654321', region: 'us-east-1' };
const FIXTURE = path.join(__dirname, '..', 'function', 'fixtures', 'hello');

/**
 * The shape of a two-account platform app: one hub stack in the platform account, and per tenant
 * a stack in the tenant account with the link and the three blocks, all shipping through the link.
 */
function twoAccountApp() {
  const app = testApp();
  const platform = new Stack(app, 'Platform', { env: PLATFORM });
  const hub = new PlatformHub(platform, 'Hub', { tenantAccountIds: [TENANT.account] });
  const consoleRole = new iam.Role(platform, 'ConsoleRole', {
    roleName: 'query-console',
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  hub.grantAssumeTenantLinks(consoleRole);

  const tenant = new Stack(app, 'TenantAcme', { env: TENANT });
  const link = new CrossAccountLink(tenant, 'Link', {
    tenantId: 'acme',
    platformAccountId: PLATFORM.account,
    platformRoleArns: [`arn:aws:iam::${PLATFORM.account}:role/query-console`],
    externalId: 'acme-3b9f0c2d7e1a4f6b8c5d9e0a1b2c3d4e',
    hub: hub.reference,
  });
  const tier = TenantTier.DEVELOPMENT;
  const logShipping = link.logShipping;
  const key = new TenantKey(tenant, 'Key', { tenantId: 'acme', tier });
  const network = new TenantNetwork(tenant, 'Network', { tenantId: 'acme', tier, encryptionKey: key, logShipping });
  const database = new TenantPostgres(tenant, 'Database', { tenantId: 'acme', tier, network, encryptionKey: key, logShipping });
  const fn = new TenantFunction(tenant, 'App', {
    tenantId: 'acme',
    tier,
    network,
    encryptionKey: key,
    logShipping,
    database,
    code: TenantFunctionCode.fromAsset(FIXTURE),
    handler: 'index.handler',
  });
  link.allowQuery(database);
  link.allowInvoke(fn);
  return { app, platform, tenant, hub, link, database, fn };
}

describe('two-account app: platform hub + tenant link and blocks', () => {
  test('the tenant template carries the hub reference as literal values (no cross-account reference)', () => {
    const { app, tenant } = twoAccountApp();
    const template = Template.fromStack(tenant);
    // No export/import and no dependency between the accounts' stacks.
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
    expect(tenant.dependencies).toHaveLength(0);
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: 'arn:aws:events:us-east-1:111111111111:event-bus/tenant-blocks-change-history' })],
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111111111111:event-bus/tenant-blocks-change-history' }] },
    });
    expect(app.node.tryFindChild('TenantAcme')).toBe(tenant);
  });

  test('every log group of every block is subscribed to the hub destination', () => {
    const { tenant } = twoAccountApp();
    const template = Template.fromStack(tenant);
    const logGroups = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    const filters = Object.values(template.findResources('AWS::Logs::SubscriptionFilter')).map((f) => f.Properties);
    expect(logGroups.length).toBeGreaterThanOrEqual(3);
    expect(filters.map((f) => f.DestinationArn)).toEqual(logGroups.map(() => 'arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs'));
    expect(filters.map((f) => f.LogGroupName.Ref).sort()).toEqual([...logGroups].sort());
  });

  test('the platform side admits exactly the tenant account: destination policy, bus policy, log role trust', () => {
    const { platform } = twoAccountApp();
    const template = Template.fromStack(platform);
    const [destination] = Object.values(template.findResources('AWS::Logs::Destination'));
    expect(JSON.parse(destination.Properties.DestinationPolicy).Statement[0].Principal).toEqual({ AWS: ['arn:aws:iam::210987654321:root'] });
    template.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: Match.objectLike({ Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'events:PutEvents' }),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Principal: { Service: 'logs.amazonaws.com' },
          Condition: { StringLike: { 'aws:SourceArn': ['arn:aws:logs:us-east-1:210987654321:*', 'arn:aws:logs:us-east-1:111111111111:*'] } },
        })],
      },
    });
  });

  test('the console role may assume the link, and the link trusts the console role with the external id', () => {
    const { platform, tenant } = twoAccountApp();
    Template.fromStack(platform).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ConsoleRole') }],
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'], Resource: 'arn:aws:iam::210987654321:role/tenant-blocks-link-*' }] },
    });
    Template.fromStack(tenant).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'tenant-blocks-link-acme',
      AssumeRolePolicyDocument: {
        // (the link's own tests assert the rest of its trust: source identity, organization)
        Statement: [Match.objectLike({
          Action: Match.arrayWith(['sts:AssumeRole']),
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:role/query-console' },
          Condition: Match.objectLike({ StringEquals: Match.objectLike({ 'sts:ExternalId': 'acme-3b9f0c2d7e1a4f6b8c5d9e0a1b2c3d4e' }) }),
        })],
      },
    });
    expect(CrossAccountLink.roleArnFor(TENANT.account, 'acme')).toBe('arn:aws:iam::210987654321:role/tenant-blocks-link-acme');
  });

  test('the link grants query and invoke on exactly the tenant\'s database and live alias', () => {
    const { tenant, database, fn } = twoAccountApp();
    const template = Template.fromStack(tenant);
    const [permissions] = Object.values(template.findResources('AWS::IAM::ManagedPolicy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Link[A-Z0-9]{8}$') }] },
    }));
    const statements = permissions.Properties.PolicyDocument.Statement;
    expect(statements.map((s: { Action: string }) => s.Action)).toEqual([
      'rds-data:ExecuteStatement', 'secretsmanager:GetSecretValue', 'kms:Decrypt', 'lambda:InvokeFunction',
    ]);
    expect(statements[0].Resource).toEqual(tenant.resolve(database.cluster.clusterArn));
    expect(statements[1].Resource).toEqual(tenant.resolve(database.readOnlySecret.secretArn));
    // the link invokes its own alias of the function (the link's tests pin which one)
    expect(JSON.stringify(statements[3].Resource)).toContain(tenant.resolve(fn.function.functionName).Ref ?? 'App');
  });

  test('a tenant stack in another region than the hub is rejected with a clear error', () => {
    const app = testApp();
    const platform = new Stack(app, 'Platform', { env: PLATFORM });
    const hub = new PlatformHub(platform, 'Hub', { tenantAccountIds: [TENANT.account] });
    const tenant = new Stack(app, 'TenantEu', { env: { account: TENANT.account, region: 'eu-west-1' } });
    expect(() => new CrossAccountLink(tenant, 'Link', {
      tenantId: 'acme',
      platformAccountId: PLATFORM.account,
      platformRoleArns: [`arn:aws:iam::${PLATFORM.account}:role/query-console`],
      externalId: 'acme-3b9f0c2d7e1a4f6b8c5d9e0a1b2c3d4e',
      hub: hub.reference,
    })).toThrow("- hub.region: must be the tenant stack's region (eu-west-1)");
  });

  test('the link and hub pass every compliance gate and cfn-lint in the two-account app', () => {
    const { platform, tenant, link, hub } = twoAccountApp();
    expect(formatFindings([...complianceFindings(hub), ...complianceFindings(link)])).toBe('no compliance findings');
    expectCfnLintClean(platform);
    expectCfnLintClean(tenant);
  });
});
