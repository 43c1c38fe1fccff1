// Issue 24 §4: with a hub that admits an AWS Organization (no account list, so a new tenant account
// needs no hub redeploy), CloudWatch Logs wants a sender role of the tenant account on every
// subscription filter to the hub. The tenant names one in every stack that ships, whatever the
// order in which blocks and link are created.
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fullSpec } from './fixtures';
import { CrossAccountLink, PlatformHub, TenantFunctionCode, TenantTier } from '../../src';
import { Tenant, TenantLinkSettings, TenantPlatformSettings, TenantSpec } from '../../src/tenant';
import { TEST_ENV, testApp } from '../support/app';

const CODE = TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello'));
const HUB = PlatformHub.referenceFor('111111111111', 'us-east-1');
const LINK: TenantLinkSettings = {
  platformAccountId: '111111111111',
  platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
  externalId: CrossAccountLink.generateExternalId(),
  hub: HUB,
  logsThroughOrganization: true,
};
const PLATFORM: TenantPlatformSettings = {
  platformAccountId: LINK.platformAccountId,
  platformRoleArns: LINK.platformRoleArns,
  externalId: LINK.externalId,
  functionCode: CODE,
  logsThroughOrganization: true,
};

/** Every subscription filter of the stack names that stack's sender role. */
function expectEveryFilterNamesItsSender(stack: Stack): void {
  const template = Template.fromStack(stack);
  const senders = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith('TenantLogSender'));
  expect(senders).toHaveLength(1);
  const filters = Object.values(template.findResources('AWS::Logs::SubscriptionFilter'));
  expect(filters.length).toBeGreaterThan(0);
  for (const f of filters) {
    expect(f.Properties.DestinationArn).toBe(HUB.logDestinationArn);
    expect(f.Properties.RoleArn).toEqual({ 'Fn::GetAtt': [senders[0], 'Arn'] });
  }
}

describe('a tenant whose hub admits its organization', () => {
  test('Tenant.fromSpec with logsThroughOrganization: every log group of every block ships with the sender role', () => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } });
    Tenant.fromSpec(stack, 'Acme', fullSpec() as TenantSpec, PLATFORM);
    expectEveryFilterNamesItsSender(stack);
  });

  test('blocks in a second stack get a sender role of their own, whether the block or the link comes first', () => {
    const app: App = testApp();
    const data = new Stack(app, 'Data', { env: TEST_ENV });
    const appStack = new Stack(app, 'AppStack', { env: TEST_ENV });
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    tenant.addPostgres('Database');
    tenant.addLink(LINK, { scope: appStack });
    tenant.addFunction('App', { code: CODE, handler: 'index.handler' }, { scope: appStack });
    expectEveryFilterNamesItsSender(data);
    expectEveryFilterNamesItsSender(appStack);
  });

  test('without logsThroughOrganization nothing changes: no sender role, no RoleArn', () => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } });
    Tenant.fromSpec(stack, 'Acme', fullSpec() as TenantSpec, { ...PLATFORM, logsThroughOrganization: undefined });
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith('TenantLogSender'))).toEqual([]);
    for (const f of Object.values(template.findResources('AWS::Logs::SubscriptionFilter'))) expect(f.Properties.RoleArn).toBeUndefined();
  });

  test.each<[string, TenantPlatformSettings]>([
    ['there is no link', { noLinkReason: 'a sandbox the platform never operates', logsThroughOrganization: true }],
    ['the link has no hub', { ...PLATFORM, useHub: false }],
  ])('Tenant.fromSpec throws when logsThroughOrganization is given and %s', (_name, platform) => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } });
    expect(() => Tenant.fromSpec(stack, 'Acme', fullSpec() as TenantSpec, platform)).toThrow('- platform.logsThroughOrganization: names a log sender role for the hub: it needs the link');
  });
});
