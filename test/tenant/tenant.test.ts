import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CrossAccountLink, LogShipping, PlatformHub, TenantFunctionCode, TenantKey, TenantNetwork, TenantPostgres, TenantTier } from '../../src';
import { Tenant, TenantCollisions, TenantLinkSettings, TenantManifest } from '../../src/tenant';
import { TEST_ENV, testApp } from '../support/app';

const CODE = path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello');
const PLATFORM = '111111111111';
const HUB = PlatformHub.referenceFor(PLATFORM, 'us-east-1');
const LINK: TenantLinkSettings = {
  platformAccountId: PLATFORM,
  platformRoleArns: [`arn:aws:iam::${PLATFORM}:role/platform/query-console`],
  externalId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0abcdef0123456789',
  hub: HUB,
};

function stackIn(app: App, id = 'TenantStack'): Stack {
  return new Stack(app, id, { env: TEST_ENV });
}

/** Log group logical ids and the log groups each subscription filter ships. */
function shipping(template: Template): { logGroups: string[]; shipped: string[] } {
  const logGroups = Object.keys(template.findResources('AWS::Logs::LogGroup')).sort();
  const shipped = Object.values(template.findResources('AWS::Logs::SubscriptionFilter'))
    .map((r) => (r.Properties.LogGroupName as { Ref?: string }).Ref ?? JSON.stringify(r.Properties.LogGroupName))
    .sort();
  return { logGroups, shipped };
}

type Step = 'link' | 'postgres' | 'function' | 'network';

function buildInOrder(order: Step[]): Template {
  const app = testApp();
  const stack = stackIn(app);
  const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  let db: ReturnType<Tenant['addPostgres']> | undefined;
  for (const step of order) {
    if (step === 'link') tenant.addLink(LINK);
    if (step === 'network') void tenant.network;
    if (step === 'postgres') db = tenant.addPostgres('Database');
    if (step === 'function') tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db });
  }
  return Template.fromStack(stack);
}

describe('Tenant', () => {
  test('creates its key, and its network on first use, with its id and tier', () => {
    // GIVEN
    const stack = stackIn(testApp());
    // WHEN
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const before = stack.node.findAll().filter((c) => c instanceof TenantNetwork);
    const db = tenant.addPostgres('Database');
    // THEN
    expect(before).toHaveLength(0);
    expect(tenant.encryptionKey.tenantId).toBe('acme');
    expect(tenant.network.node.path).toBe('TenantStack/Acme/Network');
    expect(db.tier).toBe(TenantTier.DEVELOPMENT);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/tenant-blocks/acme' });
  });

  test('wires the tenant key and network into every block (no stack-level default key or network)', () => {
    const stack = stackIn(testApp());
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db });
    expect(stack.node.tryFindChild('TenantKey-acme')).toBeUndefined();
    expect(stack.node.tryFindChild('TenantNetwork-acme')).toBeUndefined();
    expect(fn.tenantId).toBe('acme');
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
  });

  test('uses a key and network given explicitly (hand wiring keeps working)', () => {
    const stack = stackIn(testApp());
    const encryptionKey = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey });
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey, network });
    tenant.addPostgres('Database');
    expect(tenant.encryptionKey).toBe(encryptionKey);
    expect(tenant.network).toBe(network);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPC', 1);
  });

  test.each([
    ['a key of another tenant', () => ({ encryptionKey: new TenantKey(stackIn(testApp(), 'Other'), 'Key', { tenantId: 'globex' }) }), '- encryptionKey: belongs to tenant "globex"'],
    ['a network of another tier', () => {
      const s = stackIn(testApp(), 'Other');
      return { network: new TenantNetwork(s, 'Net', { tenantId: 'acme', tier: TenantTier.PRODUCTION }) };
    }, '- network: has tier PRODUCTION, the tenant DEVELOPMENT; one tenant has one tier'],
  ])('throws when given %s', (_name, parts, message) => {
    const stack = stackIn(testApp());
    expect(() => new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, ...parts() })).toThrow(message);
  });

  test.each([
    ['an invalid tenant id', { tenantId: 'Acme' }, '- tenantId: must be 3-31 characters'],
    ['a tier from JSON that is not one', { tenantId: 'acme', tier: 'production' as TenantTier }, '- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION'],
  ])('throws when the props have %s, before creating anything', (_name, props, message) => {
    const stack = stackIn(testApp());
    expect(() => new Tenant(stack, 'Acme', props)).toThrow(message);
    expect(stack.node.findAll().filter((c) => c !== stack)).toHaveLength(1); // only the half-made Tenant construct itself
  });

  describe('log shipping whatever the order', () => {
    const orders: Step[][] = [
      ['link', 'postgres', 'function'],
      ['postgres', 'function', 'link'],
      ['network', 'link', 'postgres', 'function'],
      ['postgres', 'link', 'function'],
      ['function', 'postgres', 'link'],
    ];
    test.each(orders.map((o) => [o.join(' → '), o] as const))('ships every log group exactly once: %s', (_name, order) => {
      const { logGroups, shipped } = shipping(buildInOrder(order));
      expect(logGroups.length).toBeGreaterThanOrEqual(5);
      expect(shipped).toEqual(logGroups);
    });

    test('ships to the hub destination of the link', () => {
      buildInOrder(['postgres', 'link']).allResourcesProperties('AWS::Logs::SubscriptionFilter', {
        DestinationArn: HUB.logDestinationArn,
        FilterPattern: '',
      });
    });

    test('ships nothing without a link or shipping', () => {
      const { shipped } = shipping(buildInOrder(['postgres', 'function']));
      expect(shipped).toEqual([]);
    });

    test('an explicit logShipping wins over the link', () => {
      const stack = stackIn(testApp());
      const other = 'arn:aws:logs:us-east-1:222222222222:destination:elsewhere';
      const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, logShipping: LogShipping.toDestination(other), link: LINK });
      tenant.addPostgres('Database');
      Template.fromStack(stack).allResourcesProperties('AWS::Logs::SubscriptionFilter', { DestinationArn: other });
    });

    test('leaves the log groups of another tenant in the same stack alone', () => {
      const stack = stackIn(testApp());
      const acme = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      acme.addPostgres('Database');
      // globex wired by hand in the same stack, without shipping
      const globexKey = new TenantKey(stack, 'GlobexKey', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT });
      new TenantNetwork(stack, 'GlobexNetwork', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT, encryptionKey: globexKey });
      acme.addLink(LINK);
      const { logGroups, shipped } = shipping(Template.fromStack(stack));
      const globex = logGroups.filter((id) => id.startsWith('GlobexNetwork'));
      // globex's network: its flow logs and its S3 prefix list lookup's log group
      expect(globex).toEqual([expect.stringMatching(/^GlobexNetworkFlowLogs/), expect.stringMatching(/^GlobexNetworkS3PrefixListLookupLogs/)]);
      expect(shipped.length).toBeGreaterThan(0);
      for (const group of globex) expect(shipped).not.toContain(group);
      expect(shipped).toEqual(logGroups.filter((id) => !id.startsWith('GlobexNetwork')));
    });
  });

  describe('collisions are synth errors', () => {
    test('throws when the same tenant is created twice in one account and region, across stacks', () => {
      const app = testApp();
      new Tenant(stackIn(app, 'Data'), 'Acme', { tenantId: 'acme' });
      expect(() => new Tenant(stackIn(app, 'App'), 'Acme', { tenantId: 'acme' })).toThrow(
        'Tenant "acme" exists twice in account 123456789012 and region us-east-1: Data/Acme and App/Acme',
      );
    });

    test('accepts the same tenant id in another account', () => {
      const app = testApp();
      new Tenant(stackIn(app, 'A'), 'Acme', { tenantId: 'acme' });
      expect(() => new Tenant(new Stack(app, 'B', { env: { account: '210987654321', region: 'us-east-1' } }), 'Acme', { tenantId: 'acme' })).not.toThrow();
    });

    test('throws when a tenant adds two databases to one stack', () => {
      const stack = stackIn(testApp());
      const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      tenant.addPostgres('Orders');
      expect(() => tenant.addPostgres('Billing')).toThrow(
        'Tenant "acme" already has a database in the stack TenantStack (TenantStack/Acme/Orders): two TenantPostgres of one tenant in one stack would get the same backup vault name',
      );
    });

    test('throws when a tenant adds a second link', () => {
      const stack = stackIn(testApp());
      const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', link: LINK });
      expect(() => tenant.addLink(LINK)).toThrow('Tenant "acme" already has a link (TenantStack/Acme/Link)');
    });

    test('throws when the same tenant has links in two regions of one account (IAM is global)', () => {
      const app = testApp();
      new Tenant(stackIn(app, 'East'), 'Acme', { tenantId: 'acme', link: LINK });
      const west = new Stack(app, 'West', { env: { account: TEST_ENV.account, region: 'eu-west-1' } });
      const tenant = new Tenant(west, 'Acme', { tenantId: 'acme' });
      expect(() => tenant.addLink({ ...LINK, hub: undefined })).toThrow('already has a link in account 123456789012 (East/Acme/Link): IAM is global');
    });

    test('throws when a block goes to a stack of another account', () => {
      const app = testApp();
      const tenant = new Tenant(stackIn(app, 'Data'), 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      const elsewhere = new Stack(app, 'Elsewhere', { env: { account: '210987654321', region: 'us-east-1' } });
      expect(() => tenant.addPostgres('Database', {}, { scope: elsewhere })).toThrow('a tenant\'s blocks share one account and region');
    });
  });

  describe('manifest', () => {
    test('publishes SSM parameters under /tenant-blocks/<tenantId>/ and one output with a fixed name', () => {
      const stack = stackIn(testApp());
      const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme-eu', tier: TenantTier.DEVELOPMENT, link: LINK });
      const db = tenant.addPostgres('Database');
      tenant.addFunction('OrdersApi', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db });
      const template = Template.fromStack(stack);
      const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((r) => r.Properties.Name).sort();
      expect(names).toEqual([
        '/tenant-blocks/acme-eu/database/database/admin-secret-arn',
        '/tenant-blocks/acme-eu/database/database/app-secret-arn',
        '/tenant-blocks/acme-eu/database/database/cluster-arn',
        '/tenant-blocks/acme-eu/database/database/database-name',
        '/tenant-blocks/acme-eu/database/database/endpoint',
        '/tenant-blocks/acme-eu/database/database/log-group-name',
        '/tenant-blocks/acme-eu/database/database/port',
        '/tenant-blocks/acme-eu/database/database/read-only-secret-arn',
        '/tenant-blocks/acme-eu/function/orders-api/function-arn',
        '/tenant-blocks/acme-eu/function/orders-api/log-group-name',
        '/tenant-blocks/acme-eu/function/orders-api/url',
        '/tenant-blocks/acme-eu/library-version',
        '/tenant-blocks/acme-eu/link/role-arn',
        '/tenant-blocks/acme-eu/network/flow-log-group-name',
        '/tenant-blocks/acme-eu/tier',
      ]);
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/tenant-blocks/acme-eu/tier', Value: 'DEVELOPMENT', Type: 'String' });
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/tenant-blocks/acme-eu/library-version', Value: Match.stringLikeRegexp('^\\d+\\.\\d+\\.\\d+') });
      template.hasOutput('TenantManifestAcmeEu', { Value: Match.anyValue() });
    });

    test('records secret ARNs, never secret values', () => {
      const stack = stackIn(testApp());
      const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      const db = tenant.addPostgres('Database');
      const recorded = tenant.manifest.recorded;
      expect(stack.resolve(recorded['database/database/app-secret-arn'])).toEqual(stack.resolve(db.appSecret.secretArn));
      const template = JSON.stringify(Template.fromStack(stack).findResources('AWS::SSM::Parameter'));
      expect(template).not.toMatch(/SecretString|resolve:secretsmanager/);
    });

    test('a block in another stack is recorded in that stack\'s manifest', () => {
      const app = testApp();
      const data = stackIn(app, 'Data');
      const appStack = stackIn(app, 'App');
      const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      tenant.addFunction('Web', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler' }, { scope: appStack });
      Template.fromStack(appStack).hasResourceProperties('AWS::SSM::Parameter', { Name: '/tenant-blocks/acme/function/web/url' });
      expect(Template.fromStack(appStack).findResources('AWS::SSM::Parameter', { Properties: { Name: '/tenant-blocks/acme/tier' } })).toEqual({});
      Template.fromStack(data).hasResourceProperties('AWS::SSM::Parameter', { Name: '/tenant-blocks/acme/tier' });
    });

    test('parameter names are computable by the platform', () => {
      expect(TenantManifest.parameterName('acme', 'link/role-arn')).toBe('/tenant-blocks/acme/link/role-arn');
    });
  });

  test('a domain for a PRODUCTION function', () => {
    const stack = stackIn(testApp());
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme' });
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'acme.example.com' });
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', domain: { hostedZone: zone, recordName: 'api' } });
    expect(fn.url).toBe('https://api.acme.example.com');
    expect(Tenant.allOf(stack)).toEqual([tenant]);
  });
});

describe('TenantCollisions (hand-wired blocks)', () => {
  test('finds two keys of one tenant in two environment-agnostic stacks (they may deploy to one account and region)', () => {
    const app = testApp();
    new TenantKey(new Stack(app, 'A'), 'Key', { tenantId: 'acme' });
    new TenantKey(new Stack(app, 'B'), 'Key', { tenantId: 'acme' });
    expect(TenantCollisions.find(app)).toEqual([
      'two keys of tenant "acme" in account (deploy-time account) and region (deploy-time region) would both create the alias alias/tenant-blocks/acme; ' +
      'keep one key per tenant and pass it to every block (or use a Tenant): A/Key, B/Key',
    ]);
  });

  test('finds two links of one tenant in one account, even in two regions', () => {
    const app = testApp();
    const settings = { tenantId: 'acme', platformAccountId: LINK.platformAccountId, platformRoleArns: LINK.platformRoleArns, externalId: LINK.externalId };
    new CrossAccountLink(stackIn(app, 'East'), 'Link', settings);
    new CrossAccountLink(new Stack(app, 'West', { env: { account: TEST_ENV.account, region: 'eu-west-1' } }), 'Link', settings);
    expect(TenantCollisions.find(app)).toEqual([expect.stringContaining('two links of tenant "acme" in account 123456789012 would both create the IAM role tenant-blocks-link-acme')]);
  });

  test('finds two databases of one tenant in one stack', () => {
    const stack = stackIn(testApp());
    const encryptionKey = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey });
    new TenantPostgres(stack, 'Orders', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey, network });
    new TenantPostgres(stack, 'Billing', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey, network });
    expect(TenantCollisions.find(stack)).toEqual([expect.stringContaining('two databases of tenant "acme" in the stack TenantStack would both create the backup vault')]);
  });

  test('throws at synthesis when the app holds a Tenant with a link and a hand-wired link of the same tenant in another region', () => {
    const app = testApp();
    new Tenant(stackIn(app, 'A'), 'Acme', { tenantId: 'acme', link: LINK });
    const west = new Stack(app, 'West', { env: { account: TEST_ENV.account, region: 'eu-west-1' } });
    new CrossAccountLink(west, 'Link', { tenantId: 'acme', platformAccountId: LINK.platformAccountId, platformRoleArns: LINK.platformRoleArns, externalId: LINK.externalId });
    expect(() => app.synth()).toThrow(/two links of tenant "acme" in account 123456789012 would both create the IAM role tenant-blocks-link-acme/);
  });

  test('finds nothing in a well-formed fleet', () => {
    const app = testApp();
    new Tenant(stackIn(app, 'A'), 'Acme', { tenantId: 'acme' });
    new Tenant(stackIn(app, 'B'), 'Globex', { tenantId: 'globex' });
    expect(TenantCollisions.find(app)).toEqual([]);
  });
});

test('tags the manifest parameters (and everything else under the tenant) with the tenant and tier', () => {
  const stack = stackIn(testApp());
  new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  Template.fromStack(stack).hasResourceProperties('AWS::SSM::Parameter', {
    Name: '/tenant-blocks/acme/tier',
    Tags: { 'tenant-blocks:tenant': 'acme', 'tenant-blocks:tier': 'DEVELOPMENT' },
  });
});
