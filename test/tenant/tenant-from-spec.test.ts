import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { HUB_VAULT_EU, HUB_VAULT_US, VALID_SPECS, fullSpec, minimalSpec } from './fixtures';
import { CrossAccountLink, TenantFunctionCode, TenantTier } from '../../src';
import { Tenant, TenantPlatformSettings, TenantSpec, parseTenantSpecs } from '../../src/tenant';
import { testApp } from '../support/app';

const CODE = TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello'));
const PLATFORM: TenantPlatformSettings = {
  platformAccountId: '111111111111',
  platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
  externalId: CrossAccountLink.generateExternalId(),
  functionCode: CODE,
};
const TENANT_ENV = { account: '210987654321', region: 'us-east-1' };

function tenantStack(env = TENANT_ENV): Stack {
  return new Stack(testApp(), 'Tenant', { env });
}

describe('Tenant.fromSpec', () => {
  test('builds the database, the function with its domain and the link from a parsed spec in one call', () => {
    // GIVEN
    const [spec] = parseTenantSpecs({ tenants: [fullSpec()] });
    const stack = tenantStack();
    // WHEN
    const tenant = Tenant.fromSpec(stack, 'Acme', spec, PLATFORM);
    // THEN
    const template = Template.fromStack(stack);
    expect(tenant.tier).toBe(TenantTier.PRODUCTION);
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: Match.objectLike({ MaxCapacity: 16 }),
      BackupRetentionPeriod: 35,
      PreferredMaintenanceWindow: 'sun:03:00-sun:03:30',
      DatabaseName: 'app',
    });
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 1024, Timeout: 30, Runtime: 'nodejs24.x', ReservedConcurrentExecutions: 50 });
    expect(tenant.functionsCreated[0].url).toBe('https://api.acme.apps.example.com');
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'tenant-blocks-link-acme' });
    // link: allowQuery true, allowInvoke false in the spec
    const permissions = Object.entries(template.findResources('AWS::IAM::ManagedPolicy'))
      .filter(([logicalId]) => logicalId.includes('LinkPermissions'))
      .map(([, r]) => JSON.stringify(r.Properties.PolicyDocument));
    expect(permissions).toHaveLength(1);
    expect(permissions[0]).toContain('rds-data:ExecuteStatement');
    expect(permissions[0]).not.toContain('lambda:InvokeFunction');
    // every log group shipped to the hub of the platform in the tenant's region
    template.allResourcesProperties('AWS::Logs::SubscriptionFilter', { DestinationArn: 'arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs' });
  });

  test.each<[string, boolean | undefined, number]>([
    ['internetEgress: true gives the function a route to the internet (a NAT gateway per AZ)', true, 3],
    ['internetEgress: false keeps the tenant off the internet (no NAT)', false, 0],
    ['no internetEgress is false', undefined, 0],
  ])('%s', (_name, internetEgress, natGateways) => {
    // GIVEN a tenants file as JSON text, the setting in it
    const full = fullSpec();
    const json = JSON.stringify({ tenants: [{ ...full, function: { ...full.function, internetEgress } }] });
    const [spec] = parseTenantSpecs(JSON.parse(json));
    expect(spec.function?.internetEgress).toBe(internetEgress);
    const stack = tenantStack();
    // WHEN
    Tenant.fromSpec(stack, 'Acme', spec, PLATFORM);
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::NatGateway', natGateways);
    const appGroup = Object.values(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^TenantFunction acme/App: ') } }))[0];
    const toInternet = (appGroup.Properties.SecurityGroupEgress ?? []).filter((r: { Description?: string }) => r.Description === 'HTTPS to AWS APIs and third-party services');
    expect(toInternet).toHaveLength(natGateways > 0 ? 1 : 0);
  });

  test('a DEVELOPMENT spec with noLinkReason builds a database and no link, and records why in the manifest', () => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '410987654321', region: 'us-east-1' } });
    const tenant = Tenant.fromSpec(stack, 'Initech', minimalSpec() as TenantSpec, { noLinkReason: 'a sandbox the platform never operates' });
    expect(tenant.link).toBeUndefined();
    expect(tenant.databasesCreated).toHaveLength(1);
    expect(tenant.functionsCreated).toHaveLength(0);
    expect(tenant.manifest.recorded['link/none-reason']).toBe('a sandbox the platform never operates');
    Template.fromStack(stack).resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
  });

  // Issue 24 §2: no tenant deploys dark by accident.
  test.each<[string, TenantPlatformSettings | undefined, string]>([
    ['there are no platform settings at all', undefined, '- platform: has no link settings: without a link the tenant deploys dark'],
    ['the platform settings give no link and no reason', { dashboard: false }, 'Pass platformAccountId, platformRoleArns and externalId (the link), or noLinkReason with why this tenant has none (got: ["dashboard"])'],
    ['noLinkReason is too short to say anything', { noLinkReason: 'no' }, "- platform.noLinkReason: must be a sentence of 10-500 characters saying why this tenant has no link (got: 'no')"],
    ['noLinkReason is not a string', { noLinkReason: 42 as unknown as string }, '- platform.noLinkReason: must be a sentence of 10-500 characters'],
    ['noLinkReason is given with a link', { ...PLATFORM, noLinkReason: 'a sandbox the platform never operates' }, '- platform.noLinkReason: is only for a tenant without a link'],
  ])('throws when %s (nothing created)', (_name, platform, message) => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '410987654321', region: 'us-east-1' } });
    expect(() => Tenant.fromSpec(stack, 'Initech', minimalSpec() as TenantSpec, platform)).toThrow(message);
    expect(stack.node.children).toHaveLength(0);
  });

  test('throws when the spec is invalid, listing every problem (a spec from code is checked too)', () => {
    const spec = { ...fullSpec(), database: { maxCapacity: '8', allowedCidrs: '10.0.0.0/24' } } as unknown as TenantSpec;
    expect(() => Tenant.fromSpec(tenantStack(), 'Acme', spec, PLATFORM)).toThrow(
      'Invalid tenant spec for Tenant.fromSpec:\n' +
      "- spec.database.allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')\n" +
      "- spec.database.maxCapacity: must be a number, e.g. 16 (got: '8')",
    );
  });

  test.each([
    ['the stack is in another account', TENANT_ENV, { account: '999999999999', region: 'us-east-1' }, PLATFORM, '- spec.account: is not the account of the stack Tenant (999999999999)'],
    ['the stack is in another region', TENANT_ENV, { account: '210987654321', region: 'eu-west-1' }, PLATFORM, '- spec.region: is not the region of the stack Tenant (eu-west-1)'],
    ['a function has no code', TENANT_ENV, TENANT_ENV, { ...PLATFORM, functionCode: undefined }, '- platform.functionCode: is required when the spec has a function'],
    ['the link settings are partial', TENANT_ENV, TENANT_ENV, { ...PLATFORM, externalId: undefined }, '- platform: gives a link only with platformAccountId, platformRoleArns and externalId together'],
  ])('throws when %s', (_name, _specEnv, stackEnv, platform, message) => {
    expect(() => Tenant.fromSpec(tenantStack(stackEnv), 'Acme', fullSpec() as TenantSpec, platform as TenantPlatformSettings)).toThrow(message);
  });
});

// Issue 24 §1: every whitelisted setting of a block is reachable from the spec.
describe('Tenant.fromSpec reaches the copy vault and disposable data', () => {
  test('database.backupCopyVaultArn copies every daily recovery point to that vault and shares the tenant key with its account', () => {
    // GIVEN a spec file as JSON text
    const full = fullSpec();
    const file = { tenants: [{ ...full, database: { ...full.database, backupCopyVaultArn: HUB_VAULT_US } }] };
    const [spec] = parseTenantSpecs(JSON.parse(JSON.stringify(file)));
    const stack = tenantStack();
    // WHEN
    Tenant.fromSpec(stack, 'Acme', spec, PLATFORM);
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: Match.objectLike({
        BackupPlanRule: Match.arrayWith([Match.objectLike({ RuleName: 'Daily', CopyActions: [Match.objectLike({ DestinationBackupVaultArn: HUB_VAULT_US })] })]),
      }),
    });
    const keyPolicy = JSON.stringify(Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy);
    expect(keyPolicy).toContain('arn:aws:iam::111111111111:root');
  });

  test('without backupCopyVaultArn no recovery point leaves the tenant account (today\'s template)', () => {
    const stack = tenantStack();
    Tenant.fromSpec(stack, 'Acme', fullSpec() as TenantSpec, PLATFORM);
    const rules = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupPlan'))
      .flatMap((p) => p.Properties.BackupPlan.BackupPlanRule as Array<{ CopyActions?: unknown }>);
    expect(rules.filter((r) => r.CopyActions !== undefined)).toEqual([]);
  });

  test('function.disposableData: true in DEVELOPMENT deletes the data and access-log buckets with the stack', () => {
    const [spec] = parseTenantSpecs({ tenants: [{ tenantId: 'scratch', tier: 'DEVELOPMENT', account: '410987654321', function: { disposableData: true } }] });
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '410987654321', region: 'us-east-1' } });
    Tenant.fromSpec(stack, 'Scratch', spec, PLATFORM);
    const buckets = Template.fromStack(stack).findResources('AWS::S3::Bucket');
    const appBuckets = Object.entries(buckets).filter(([id]) => /^ScratchApp(Data|AccessLogs)/.test(id));
    expect(appBuckets).toHaveLength(2);
    for (const [, bucket] of appBuckets) expect(bucket.DeletionPolicy).toBe('Delete');
  });

  test('without disposableData a DEVELOPMENT tenant keeps its data (retained buckets)', () => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '410987654321', region: 'us-east-1' } });
    Tenant.fromSpec(stack, 'Scratch', { tenantId: 'scratch', tier: TenantTier.DEVELOPMENT, account: '410987654321', function: {} }, PLATFORM);
    const buckets = Object.entries(Template.fromStack(stack).findResources('AWS::S3::Bucket')).filter(([id]) => /^ScratchApp(Data|AccessLogs)/.test(id));
    expect(buckets).toHaveLength(2);
    for (const [, bucket] of buckets) expect(bucket.DeletionPolicy).toBe('Retain');
  });

  test('throws one error listing every problem of the new settings (and the others), nothing created', () => {
    const full = fullSpec();
    const spec = {
      ...full,
      region: undefined,
      database: { ...full.database, backupCopyVaultArn: HUB_VAULT_EU, maxCapacity: 300 },
      function: { ...full.function, disposableData: true },
    } as unknown as TenantSpec;
    const stack = tenantStack();
    expect(() => Tenant.fromSpec(stack, 'Acme', spec, PLATFORM)).toThrow(
      'Invalid tenant spec for Tenant.fromSpec:\n' +
      '- spec.database.maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 300)\n' +
      "- spec.function.disposableData: is refused in PRODUCTION: a PRODUCTION tenant's data is kept when its stack is destroyed; to dispose of it, move the tenant to DEVELOPMENT first (a deploy of its own), then set disposableData (got: true)\n" +
      `- spec.database.backupCopyVaultArn: is in eu-west-1, the tenant in us-east-1: AWS Backup copies an Aurora recovery point to another account or to another region, not both; name the vault of the hub in us-east-1 (got: '${HUB_VAULT_EU}')`,
    );
    expect(stack.node.children).toHaveLength(0);
  });

  test.each([
    ['the vault is in the tenant\'s own account', 'arn:aws:backup:us-east-1:210987654321:backup-vault:tenant-blocks-hub', "- backupCopyVaultArn: is in the tenant's own account (210987654321)"],
    ['the vault is in another region than the stack', HUB_VAULT_EU, '- backupCopyVaultArn: is in eu-west-1, the tenant in us-east-1'],
  ])('Tenant.addPostgres throws when %s', (_name, arn, message) => {
    const tenant = new Tenant(tenantStack(), 'Acme', { tenantId: 'acme' });
    expect(() => tenant.addPostgres('Database', { backupCopyVaultArn: arn })).toThrow(message);
  });
});

test.each([
  ['null', null],
  ['a string', 'acme'],
])('Tenant.fromSpec throws (never crashes) when the spec is %s', (_name, spec) => {
  expect(() => Tenant.fromSpec(new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } }), 'Acme', spec as unknown as TenantSpec, PLATFORM))
    .toThrow('Invalid tenant spec for Tenant.fromSpec:\n- spec: must be an object with tenantId, tier and account');
});

// Issue 24 §1: the spec reaches the network's whitelist (a customer's VPN routed in, a custom VPC range).
describe('a spec with a network', () => {
  const VPN = '203.0.113.0/24';
  const routedSpec = (network?: object) =>
    parseTenantSpecs({ tenants: [{ ...fullSpec(), ...(network ? { network } : {}), database: { allowedCidrs: [VPN] } }] })[0];
  const unroutable = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('nothing routes it in'));

  test('routed networks and a custom VPC range synthesize a database reachable from the customer network', () => {
    // GIVEN
    const spec = routedSpec({ vpcCidr: '10.20.0.0/16', routedCidrs: [VPN], transitGatewayId: 'tgw-0123456789abcdef0' });
    const stack = tenantStack();
    // WHEN
    Tenant.fromSpec(stack, 'Acme', spec, PLATFORM);
    // THEN the VPC has the range, the customer network is routed to the Transit Gateway, the database admits it
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.20.0.0/16' });
    template.hasResourceProperties('AWS::EC2::TransitGatewayAttachment', { TransitGatewayId: 'tgw-0123456789abcdef0' });
    template.hasResourceProperties('AWS::EC2::Route', { DestinationCidrBlock: VPN, TransitGatewayId: 'tgw-0123456789abcdef0' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('TenantPostgres'),
      SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: VPN, FromPort: 5432, ToPort: 5432 })]),
    });
    expect(unroutable(stack)).toEqual([]);
  });

  test('without the network the same database is warned unreachable (the check can fail)', () => {
    const stack = tenantStack();
    Tenant.fromSpec(stack, 'Acme', routedSpec(), PLATFORM);
    expect(unroutable(stack)).toHaveLength(1);
  });

  test.each<[string, object, string]>([
    ['vpcCidr is public', { vpcCidr: '8.8.0.0/16' }, 'tenants[0].network.vpcCidr: must be a private range'],
    ['vpcCidr is too large', { vpcCidr: '10.0.0.0/8' }, 'tenants[0].network.vpcCidr: must have a prefix from /16'],
    ['routedCidrs has no Transit Gateway', { routedCidrs: [VPN] }, 'tenants[0].network.transitGatewayId: is required with routedCidrs'],
    ['the Transit Gateway has no routed networks', { transitGatewayId: 'tgw-0123456789abcdef0' }, 'tenants[0].network.routedCidrs: list the networks to route'],
    ['the Transit Gateway id is malformed', { routedCidrs: [VPN], transitGatewayId: 'tgw-XYZ' }, 'tenants[0].network.transitGatewayId: must be a Transit Gateway id'],
    ['routedCidrs opens the whole internet', { routedCidrs: ['0.0.0.0/0'], transitGatewayId: 'tgw-0123456789abcdef0' }, 'tenants[0].network.routedCidrs[0]'],
    ['a key is not a network setting', { vpcCidr: '10.20.0.0/16', natGateways: 3 }, 'tenants[0].network.natGateways: is not a setting here; allowed: vpcCidr, routedCidrs, transitGatewayId'],
    ['vpcCidr is a number', { vpcCidr: 10 }, 'tenants[0].network.vpcCidr: must be a string'],
  ])('the spec is refused when %s', (_name, network, message) => {
    expect(() => parseTenantSpecs({ tenants: [{ ...fullSpec(), network }] })).toThrow(message);
  });

  test('Tenant refuses network settings beside a network it did not create', () => {
    const stack = tenantStack();
    const other = new Tenant(stack, 'Other', { tenantId: 'acme' });
    expect(() => new Tenant(new Stack(testApp(), 'T2', { env: TENANT_ENV }), 'Acme', { tenantId: 'acme', network: other.network, vpcCidr: '10.20.0.0/16' }))
      .toThrow('- network: is given with vpcCidr, routedCidrs or transitGatewayId');
  });
});

describe('every valid spec fixture builds (the spec\'s checks never let through what a block rejects)', () => {
  test.each(VALID_SPECS)('%s', (_name, make) => {
    const spec = parseTenantSpecs({ tenants: [make()] })[0];
    const stack = new Stack(testApp(), 'Tenant', { env: { account: spec.account, region: spec.region ?? 'us-east-1' } });
    expect(() => Tenant.fromSpec(stack, 'Tenant', spec, { functionCode: CODE, noLinkReason: 'fixtures check the blocks, not the link' })).not.toThrow();
  });
});

test('construct ids are API: a tenant from a spec keeps Key, Network, Database, App, Link, Manifest and Dashboard under the tenant (a rename replaces resources)', () => {
  const stack = new Stack(testApp(), 'Tenant', { env: TENANT_ENV });
  const tenant = Tenant.fromSpec(stack, 'Tenant', fullSpec() as TenantSpec, PLATFORM);
  expect(tenant.node.children.map((c) => c.node.id).filter((id) => id !== 'Zone').sort()).toEqual(['App', 'Dashboard', 'Database', 'Key', 'Link', 'Manifest', 'Network']);
  expect(tenant.link!.node.path).toBe('Tenant/Tenant/Link');
});
