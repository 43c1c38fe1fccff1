/**
 * The price table knows every resource type the blocks create: an estimate of what the library
 * synthesizes lists nothing as "not priced" (a new type in a block fails here, not silently).
 */
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CrossAccountLink, PlatformHub, TenantCostEstimate, TenantFunctionCode, TenantTier } from '../../src';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../../src/platform/provisioner';
import { Tenant } from '../../src/tenant';
import { testApp } from '../support/app';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT = { account: '210987654321', region: 'us-east-1' };
const CODE = TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello'));

function templatesOfAFleet(): Map<string, string> {
  const app = testApp();
  const platform = new Stack(app, 'Platform', { env: PLATFORM });
  const hub = new PlatformHub(platform, 'Hub', { tenantAccountIds: [TENANT.account] });
  new TenantProvisioner(platform, 'Provisioner', {
    hub: hub.reference,
    appSource: PlatformAppSource.fromAsset(path.join(__dirname, '..', 'platform', 'provisioner', 'fixtures', 'app'), '1.0.0'),
    tenantAccountIds: [TENANT.account],
    apiCallers: [{ principalArn: 'arn:aws:iam::111111111111:role/platform/provisioner-client', allTenants: true, actions: Object.values(TenantAction) }],
  });
  for (const tier of [TenantTier.DEVELOPMENT, TenantTier.PRODUCTION]) {
    const stack = new Stack(app, `Tenant-${tier}`, { env: TENANT });
    const tenantId = tier === TenantTier.DEVELOPMENT ? 'acme-dev' : 'acme';
    const tenant = new Tenant(stack, 'Tenant', {
      tenantId,
      tier,
      link: {
        platformAccountId: PLATFORM.account,
        platformRoleArns: ['arn:aws:iam::111111111111:role/tenant-blocks-query-console'],
        externalId: CrossAccountLink.generateExternalId(),
        hub: hub.reference,
      },
      dashboard: true,
    });
    const db = tenant.addPostgres('Database', {});
    // PRODUCTION serves HTTPS on the tenant's domain
    const domain = tier === TenantTier.PRODUCTION
      ? { hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'acme.apps.example.com' }), recordName: 'app' }
      : undefined;
    tenant.addFunction('App', { code: CODE, handler: 'index.handler', database: db, domain });
  }
  const assembly = app.synth();
  return new Map(assembly.stacks.map((s) => [s.stackName, JSON.stringify(s.template)]));
}

test('every resource type of a hub, a provisioner and a tenant of each tier is priced or known free when idle', () => {
  const unpriced: string[] = [];
  for (const [name, template] of templatesOfAFleet()) {
    const estimate = TenantCostEstimate.fromTemplateJson(template, 'us-east-1');
    expect(estimate.usdPerMonth).toBeGreaterThan(0);
    unpriced.push(...estimate.notPriced.map((u) => `${name}: ${u.resourceType} (${u.reason})`));
  }
  expect(unpriced).toEqual([]);
}, 300_000);
