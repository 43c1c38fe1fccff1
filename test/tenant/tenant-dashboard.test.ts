import * as path from 'path';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { fullSpec } from './fixtures';
import { CrossAccountLink, PlatformHub, TenantFunction, TenantFunctionCode, TenantPostgres, TenantTier } from '../../src';
import { Tenant, TenantDashboard, TenantLinkSettings, TenantPlatformSettings, TenantSpec, parseTenantSpecs } from '../../src/tenant';
import { TEST_ENV, testApp } from '../support/app';
import { cfnLint } from '../support/cfn-lint';
import { complianceFindings, formatFindings } from '../support/compliance';

const CODE = TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello'));
const LINK: TenantLinkSettings = {
  platformAccountId: '111111111111',
  platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
  externalId: CrossAccountLink.generateExternalId(),
  hub: PlatformHub.referenceFor('111111111111', 'us-east-1'),
};

/** A widget of the dashboard body, as CloudWatch reads it. */
interface Widget {
  readonly type: string;
  readonly properties: {
    readonly title?: string;
    readonly markdown?: string;
    readonly alarms?: string[];
    readonly annotations?: { alarms?: string[] };
    readonly metrics?: unknown[][];
  };
}

/** One metric of a graph: namespace, name, dimensions and the rendering options. */
interface MetricLine {
  readonly title: string;
  readonly namespace: string;
  readonly name: string;
  readonly dimensions: Record<string, string>;
  readonly stat: string;
}

/** A token of the body as text: `{Ref:Logical}` or `{GetAtt:Logical.Attribute}`. */
function tokenText(part: Record<string, unknown>): string {
  if ('Ref' in part) return `{Ref:${part.Ref}}`;
  if ('Fn::GetAtt' in part) return `{GetAtt:${(part['Fn::GetAtt'] as string[]).join('.')}}`;
  throw new Error(`unexpected token in the dashboard body: ${JSON.stringify(part)}`);
}

/** The dashboards of a template by name, each body parsed with its tokens substituted. */
function dashboards(template: Template): Record<string, Widget[]> {
  const result: Record<string, Widget[]> = {};
  for (const resource of Object.values(template.findResources('AWS::CloudWatch::Dashboard'))) {
    const body = resource.Properties.DashboardBody;
    const text = typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as Array<string | Record<string, unknown>>).map((p) => (typeof p === 'string' ? p : tokenText(p))).join('');
    result[resource.Properties.DashboardName] = JSON.parse(text).widgets;
  }
  return result;
}

/** Every metric of every graph (not the alarm widgets, which name only the alarm). */
function metricLines(widgets: Widget[]): MetricLine[] {
  return widgets.flatMap((w) => (w.properties.metrics ?? []).map((m) => {
    const options = (typeof m[m.length - 1] === 'object' ? m[m.length - 1] : {}) as { stat?: string };
    const pairs = m.slice(2).filter((x) => typeof x === 'string') as string[];
    const dimensions: Record<string, string> = {};
    for (let i = 0; i < pairs.length; i += 2) dimensions[pairs[i]] = pairs[i + 1];
    return { title: w.properties.title!, namespace: m[0] as string, name: m[1] as string, dimensions, stat: options.stat ?? 'Average' };
  }));
}

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  const element = construct.node.defaultChild as CfnElement;
  return element.stack.getLogicalId(element);
}

/** The alarm widgets (one alarm each) and the status widgets' alarms, by alarm ARN token. */
function alarmWidgets(widgets: Widget[]): { graphs: string[]; status: string[] } {
  return {
    graphs: widgets.flatMap((w) => w.properties.annotations?.alarms ?? []),
    status: widgets.filter((w) => w.type === 'alarm').flatMap((w) => w.properties.alarms ?? []),
  };
}

function arnOf(alarm: cloudwatch.IAlarm): string {
  return `{GetAtt:${logicalId(alarm)}.Arn}`;
}

function productionTenant(): { stack: Stack; tenant: Tenant; db: TenantPostgres; fn: TenantFunction } {
  const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
  const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.PRODUCTION });
  const db = tenant.addPostgres('Database');
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'acme.apps.example.com' });
  const fn = tenant.addFunction('App', { code: CODE, handler: 'index.handler', database: db, domain: { hostedZone, recordName: 'api' } });
  return { stack, tenant, db, fn };
}

describe('the dashboard of a PRODUCTION tenant', () => {
  // one synthesis for the read-only assertions below
  const { stack, tenant, db, fn } = productionTenant();
  const all = dashboards(Template.fromStack(stack));
  const widgets = all['tenant-blocks-acme'];

  test('is created once, under the tenant, named tenant-blocks-<tenantId>', () => {
    expect(Object.keys(all)).toEqual(['tenant-blocks-acme']);
    expect(tenant.dashboardsCreated.map((d) => [d.node.path, d.dashboardName])).toEqual([['AcmeStack/Acme/Dashboard', 'tenant-blocks-acme']]);
  });

  test('has a row per block, in the order the blocks were created', () => {
    expect(widgets.filter((w) => w.type === 'text').map((w) => w.properties.markdown)).toEqual(['### TenantPostgres Database', '### TenantFunction App']);
  });

  test('has an alarm widget and a status entry for every alarm of every block, and nothing else alarmed', () => {
    const expected = [...db.alarms, ...fn.alarms].map(arnOf);
    expect(db.alarms).toHaveLength(8); // with the PRODUCTION replica lag alarm
    expect(fn.alarms).toHaveLength(7);
    const { graphs, status } = alarmWidgets(widgets);
    expect(graphs).toEqual(expected);
    expect(status).toEqual(expected);
  });

  test('graphs the database\'s key metrics with its cluster identifier, replica lag included', () => {
    const cluster = { DBClusterIdentifier: `{Ref:${logicalId(db.cluster)}}` };
    const lines = metricLines(widgets).filter((m) => m.namespace === 'AWS/RDS');
    expect(lines.map(({ name, dimensions, stat }) => ({ name, dimensions, stat }))).toEqual([
      { name: 'ServerlessDatabaseCapacity', dimensions: cluster, stat: 'Average' },
      { name: 'ServerlessDatabaseCapacity', dimensions: cluster, stat: 'Maximum' },
      { name: 'ACUUtilization', dimensions: cluster, stat: 'Maximum' },
      { name: 'DatabaseConnections', dimensions: cluster, stat: 'Maximum' },
      { name: 'CPUUtilization', dimensions: cluster, stat: 'Maximum' },
      { name: 'FreeableMemory', dimensions: cluster, stat: 'Minimum' },
      { name: 'AuroraReplicaLagMaximum', dimensions: cluster, stat: 'Maximum' },
    ]);
  });

  test('graphs the function\'s key metrics: load balancer requests, 5xx and p99 response time; Lambda p99 duration, errors, throttles, concurrency', () => {
    const loadBalancer = { LoadBalancer: `{GetAtt:${logicalId(fn.loadBalancer)}.LoadBalancerFullName}` };
    const latest = { FunctionName: `{Ref:${logicalId(fn.latest)}}` };
    const alias = { ...latest, Resource: `{Ref:${logicalId(fn.latest)}}:live` };
    const lines = metricLines(widgets).filter((m) => m.namespace !== 'AWS/RDS');
    expect(lines.map(({ namespace, name, dimensions, stat }) => ({ namespace, name, dimensions, stat }))).toEqual([
      { namespace: 'AWS/ApplicationELB', name: 'RequestCount', dimensions: loadBalancer, stat: 'Sum' },
      { namespace: 'AWS/ApplicationELB', name: 'HTTPCode_ELB_5XX_Count', dimensions: loadBalancer, stat: 'Sum' },
      { namespace: 'AWS/ApplicationELB', name: 'HTTPCode_Target_5XX_Count', dimensions: loadBalancer, stat: 'Sum' },
      { namespace: 'AWS/ApplicationELB', name: 'TargetResponseTime', dimensions: loadBalancer, stat: 'p99' },
      { namespace: 'AWS/Lambda', name: 'Duration', dimensions: latest, stat: 'p99' },
      { namespace: 'AWS/Lambda', name: 'Invocations', dimensions: alias, stat: 'Sum' },
      { namespace: 'AWS/Lambda', name: 'Errors', dimensions: alias, stat: 'Sum' },
      { namespace: 'AWS/Lambda', name: 'Throttles', dimensions: latest, stat: 'Sum' },
      { namespace: 'AWS/Lambda', name: 'ConcurrentExecutions', dimensions: latest, stat: 'Maximum' },
    ]);
  });

  test('lays the widgets out on the 24-unit grid without overlap', () => {
    const placed = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))
      .map((r) => r.Properties.DashboardBody['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : '"')).join(''));
    const boxes = [...placed[0].matchAll(/"width":(\d+),"height":(\d+),"x":(\d+),"y":(\d+)/g)].map((m) => m.slice(1).map(Number));
    expect(boxes).toHaveLength(widgets.length);
    const cells = new Set<string>();
    for (const [w, h, x, y] of boxes) {
      expect(x + w).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          expect(cells.has(`${i},${j}`)).toBe(false);
          cells.add(`${i},${j}`);
        }
      }
    }
  });
});

describe('a Tenant creates its dashboard lazily, once per stack', () => {
  type Step = 'link' | 'postgres' | 'function' | 'network';

  test.each<[string, Step[]]>([
    ['database, then function', ['postgres', 'function']],
    ['function, then database', ['function', 'postgres']],
    ['link and network first', ['link', 'network', 'postgres', 'function']],
  ])('%s: one dashboard with every block\'s alarms', (_name, order) => {
    // GIVEN a DEVELOPMENT tenant with its dashboard turned on
    const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, dashboard: true });
    const blocks: Array<TenantPostgres | TenantFunction> = [];
    // WHEN
    for (const step of order) {
      if (step === 'link') tenant.addLink(LINK);
      if (step === 'network') void tenant.network;
      if (step === 'postgres') blocks.push(tenant.addPostgres('Database'));
      if (step === 'function') blocks.push(tenant.addFunction('App', { code: CODE, handler: 'index.handler' }));
    }
    // THEN
    const all = dashboards(Template.fromStack(stack));
    expect(Object.keys(all)).toEqual(['tenant-blocks-acme']);
    expect(alarmWidgets(all['tenant-blocks-acme']).graphs).toEqual(blocks.flatMap((b) => b.alarms.map(arnOf)));
    // DEVELOPMENT runs no reader: no replica lag graph
    expect(metricLines(all['tenant-blocks-acme']).map((m) => m.name)).not.toContain('AuroraReplicaLagMaximum');
  });

  test('a tenant without blocks has no dashboard', () => {
    const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.PRODUCTION, link: LINK });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(tenant.dashboardsCreated).toEqual([]);
  });

  test('a tenant over a data and an app stack gets a dashboard in each, named apart, each naming only its own stack', () => {
    // GIVEN
    const app = testApp();
    const data = new Stack(app, 'AcmeData', { env: TEST_ENV });
    const appStack = new Stack(app, 'AcmeApp', { env: TEST_ENV });
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, dashboard: true });
    // WHEN
    const db = tenant.addPostgres('Database');
    const fn = tenant.addFunction('App', { code: CODE, handler: 'index.handler', database: db }, { scope: appStack });
    // THEN
    const inData = dashboards(Template.fromStack(data));
    const inApp = dashboards(Template.fromStack(appStack));
    expect(Object.keys(inData)).toEqual(['tenant-blocks-acme']);
    expect(Object.keys(inApp)).toEqual(['tenant-blocks-acme-AcmeApp']);
    expect(alarmWidgets(inData['tenant-blocks-acme']).graphs).toEqual(db.alarms.map(arnOf));
    expect(alarmWidgets(inApp['tenant-blocks-acme-AcmeApp']).graphs).toEqual(fn.alarms.map(arnOf));
    expect(tenant.dashboardsCreated.map((d) => d.node.path)).toEqual(['AcmeData/Acme/Dashboard', 'AcmeApp/TenantDashboard-acme']);
    // the data stack still depends on nothing; the dashboards add no cross-stack reference
    expect(data.dependencies).toEqual([]);
    expect(JSON.stringify(Template.fromStack(appStack).findResources('AWS::CloudWatch::Dashboard'))).not.toContain('Fn::ImportValue');
  });
});

describe('the dashboard prop', () => {
  test.each<[string, TenantTier, boolean | undefined, number]>([
    ['DEVELOPMENT by default: none (idle cost)', TenantTier.DEVELOPMENT, undefined, 0],
    ['DEVELOPMENT with dashboard: true', TenantTier.DEVELOPMENT, true, 1],
    ['PRODUCTION with dashboard: false', TenantTier.PRODUCTION, false, 0],
    ['PRODUCTION by default', TenantTier.PRODUCTION, undefined, 1],
  ])('%s', (_name, tier, dashboard, count) => {
    const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
    const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier, dashboard });
    tenant.addPostgres('Database');
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', count);
    expect(tenant.dashboardsCreated).toHaveLength(count);
  });

  test('Tenant.fromSpec takes it from the platform settings', () => {
    const [spec] = parseTenantSpecs({ tenants: [{ tenantId: 'initech-dev', tier: 'DEVELOPMENT', account: TEST_ENV.account, database: {} }] });
    const stack = new Stack(testApp(), 'Initech', { env: TEST_ENV });
    const tenant = Tenant.fromSpec(stack, 'Tenant', spec, { dashboard: true, noLinkReason: 'this test looks at the dashboard only' });
    expect(tenant.dashboardsCreated.map((d) => d.dashboardName)).toEqual(['tenant-blocks-initech-dev']);
  });

  test('throws when dashboard is not a boolean', () => {
    const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
    expect(() => new Tenant(stack, 'Acme', { tenantId: 'acme', dashboard: 'yes' as unknown as boolean }))
      .toThrow('Invalid Tenant props for tenant "acme":\n- dashboard: must be true or false (got: \'yes\')');
  });
});

describe('TenantDashboard wired by hand', () => {
  function handWired() {
    const app = testApp();
    const stack = new Stack(app, 'AcmeStack', { env: TEST_ENV });
    const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const fn = new TenantFunction(stack, 'Api', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: CODE, handler: 'index.handler', database: db });
    return { app, stack, db, fn };
  }

  test('shows the blocks it is given, in that order, with the Resource id API', () => {
    // GIVEN
    const { stack, db, fn } = handWired();
    // WHEN
    const dashboard = new TenantDashboard(stack, 'Dashboard', { tenantId: 'acme', nameSuffix: 'ops' });
    dashboard.addFunction(fn);
    dashboard.addPostgres(db);
    // THEN
    const widgets = dashboards(Template.fromStack(stack))['tenant-blocks-acme-ops'];
    expect(dashboard.dashboard.node.path).toBe('AcmeStack/Dashboard/Resource');
    expect(widgets.filter((w) => w.type === 'text').map((w) => w.properties.markdown)).toEqual(['### TenantFunction Api', '### TenantPostgres Db']);
    expect(alarmWidgets(widgets).graphs).toEqual([...fn.alarms, ...db.alarms].map(arnOf));
  });

  test('nameFor gives the names the Tenant uses', () => {
    expect(TenantDashboard.nameFor('acme')).toBe('tenant-blocks-acme');
    expect(TenantDashboard.nameFor('acme', 'AcmeApp')).toBe('tenant-blocks-acme-AcmeApp');
  });

  test('throws when a block belongs to another tenant', () => {
    const { stack, db } = handWired();
    const dashboard = new TenantDashboard(stack, 'Dashboard', { tenantId: 'globex' });
    expect(() => dashboard.addPostgres(db)).toThrow(
      'TenantDashboard tenant-blocks-globex (AcmeStack/Dashboard): addPostgres got AcmeStack/Db of tenant "acme"; a tenant\'s dashboard shows only its own blocks',
    );
  });

  test('throws when a block is in another stack (a cross-stack reference)', () => {
    const { app, fn } = handWired();
    const other = new Stack(app, 'OpsStack', { env: TEST_ENV });
    const dashboard = new TenantDashboard(other, 'Dashboard', { tenantId: 'acme' });
    expect(() => dashboard.addFunction(fn)).toThrow(
      'TenantDashboard tenant-blocks-acme (OpsStack/Dashboard): addFunction got AcmeStack/Api of the stack AcmeStack, not OpsStack: a widget naming it would be a ' +
        'cross-stack reference (and could make the stacks depend on each other); create a TenantDashboard in AcmeStack with a nameSuffix',
    );
  });

  test('throws when a block is added twice', () => {
    const { stack, db } = handWired();
    const dashboard = new TenantDashboard(stack, 'Dashboard', { tenantId: 'acme' });
    dashboard.addPostgres(db);
    expect(() => dashboard.addPostgres(db)).toThrow('addPostgres got AcmeStack/Db twice; each block has one row');
  });

  test('throws when the same name exists twice in an account, even in two regions (dashboard names are per account)', () => {
    const app = testApp();
    new TenantDashboard(new Stack(app, 'East', { env: TEST_ENV }), 'Dashboard', { tenantId: 'acme' });
    const west = new Stack(app, 'West', { env: { account: TEST_ENV.account, region: 'eu-west-1' } });
    expect(() => new TenantDashboard(west, 'Dashboard', { tenantId: 'acme' })).toThrow(
      'Dashboard tenant-blocks-acme exists twice in account 123456789012: East/Dashboard and West/Dashboard. ' +
        'CloudWatch dashboard names are unique per account, in every region: give one a nameSuffix, or pass dashboard: false to one Tenant',
    );
    expect(() => new TenantDashboard(west, 'Second', { tenantId: 'acme', nameSuffix: 'eu-west-1' })).not.toThrow();
  });

  test.each<[string, string, string | undefined, string]>([
    ['the tenant id is invalid', 'Acme', undefined, '- tenantId: must be 3-31 characters of lowercase letters, digits and hyphens, starting with a letter (^[a-z][a-z0-9-]{2,30}$) (got: \'Acme\')'],
    ['the suffix has a space', 'acme', 'eu west', '- nameSuffix: must be 1-128 letters, digits, hyphens and underscores (a CloudWatch dashboard name) (got: \'eu west\')'],
    ['the suffix is empty', 'acme', '', '- nameSuffix: must be 1-128 letters, digits, hyphens and underscores (a CloudWatch dashboard name) (got: \'\')'],
    ['the suffix is too long', 'acme', 'x'.repeat(129), '- nameSuffix: must be 1-128 letters, digits, hyphens and underscores'],
  ])('throws when %s', (_name, tenantId, nameSuffix, message) => {
    const stack = new Stack(testApp(), 'AcmeStack', { env: TEST_ENV });
    expect(() => new TenantDashboard(stack, 'Dashboard', { tenantId, nameSuffix })).toThrow(message);
    expect(stack.node.tryFindChild('Dashboard')).toBeUndefined();
  });
});

describe('compliance', () => {
  test('a PRODUCTION tenant with its dashboard passes every compliance gate', () => {
    // GIVEN the full PRODUCTION spec, its function open to one public range (the dashboard is what is judged here;
    // a function open to 0.0.0.0/0 raises AwsSolutions-EC23 on the load balancer's group, a matter of the function block)
    const full = fullSpec();
    const [spec] = parseTenantSpecs({ tenants: [{ ...full, account: TEST_ENV.account, function: { ...full.function, allowedCidrs: ['203.0.113.0/24'] } }] });
    const stack = new Stack(testApp(), 'Tenant', { env: TEST_ENV });
    const platform: TenantPlatformSettings = {
      platformAccountId: LINK.platformAccountId,
      platformRoleArns: LINK.platformRoleArns,
      externalId: LINK.externalId,
      functionCode: CODE,
    };
    // WHEN
    const tenant = Tenant.fromSpec(stack, 'Acme', spec as TenantSpec, platform);
    // THEN
    expect(tenant.dashboardsCreated).toHaveLength(1);
    expect(formatFindings(complianceFindings(stack))).toBe('no compliance findings');
  }, 600_000);

  test('the dashboard of a tagged tenant passes the pinned cfn-lint (no Tags on AWS::CloudWatch::Dashboard)', () => {
    const { stack } = productionTenant();
    const template = Template.fromStack(stack);
    for (const dashboard of Object.values(template.findResources('AWS::CloudWatch::Dashboard'))) {
      expect(dashboard.Properties.Tags).toBeUndefined();
    }
    expect(cfnLint(template.toJSON()).errors.map((e) => `${e.ruleId} ${e.path} ${e.message}`)).toEqual([]);
  }, 600_000);
});
