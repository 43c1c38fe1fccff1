import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CrossAccountLink, PlatformHub, TenantFunction, TenantFunctionCode, TenantKey, TenantNetwork, TenantPostgres, TenantTier } from '../../src';
import { Tenant, TenantLinkSettings } from '../../src/tenant';
import { TEST_ENV, testApp } from '../support/app';

const CODE = path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello');
const LINK: TenantLinkSettings = {
  platformAccountId: '111111111111',
  platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
  externalId: CrossAccountLink.generateExternalId(),
  hub: PlatformHub.referenceFor('111111111111', 'us-east-1'),
};

/** The names of the stacks `stack` depends on. */
function dependenciesOf(stack: Stack): string[] {
  return stack.dependencies.map((s) => s.stackName).sort();
}

function twoStacks(): { app: App; data: Stack; appStack: Stack } {
  const app = testApp();
  return { app, data: new Stack(app, 'Data', { env: TEST_ENV }), appStack: new Stack(app, 'AppStack', { env: TEST_ENV }) };
}

function worker(scope: Stack, vpc: ec2.IVpc): lambda.Function {
  return new lambda.Function(scope, 'Worker', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {}'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  });
}

describe('a tenant split over stacks', () => {
  test('data stack (key, network, database) + app stack (function): synthesizes, and only the app stack depends on the data stack', () => {
    // GIVEN
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    // WHEN
    tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db }, { scope: appStack });
    // THEN
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(appStack)).toEqual(['Data']);
    expect(dependenciesOf(data)).toEqual([]);
    // the database port is opened to the function's security group by a rule in the app stack
    Template.fromStack(appStack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 5432, ToPort: 5432 });
  });

  test('hand-wired with explicit props: data stack (key, network, database) + app stack (function) synthesizes without a cycle', () => {
    const { app, data, appStack } = twoStacks();
    const encryptionKey = new TenantKey(data, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(data, 'Network', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey });
    const database = new TenantPostgres(data, 'Database', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey, network });
    new TenantFunction(appStack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey, network, database, code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler',
    });
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(data)).toEqual([]);
    expect(dependenciesOf(appStack)).toEqual(['Data']);
  });

  test('the app\'s own Lambda in another stack: db.grantConnect(worker) and worker.connections.allowToDefaultPort(db) synthesize without a cycle', () => {
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = worker(appStack, tenant.network.vpc);
    // WHEN
    db.grantConnect(fn);
    fn.connections.allowToDefaultPort(db);
    // THEN
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(data)).toEqual([]);
    expect(dependenciesOf(appStack)).toEqual(['Data']);
  });

  test('db.grantConnect accepts a TenantFunction in another stack', () => {
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler' }, { scope: appStack });
    db.grantConnect(fn.latest);
    fn.connections.allowToDefaultPort(db);
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(data)).toEqual([]);
  });

  test('db.connections.allowDefaultPortFrom(workerInAnotherStack) is aws-cdk-lib\'s own cycle: the rule lands in the data stack and names the worker\'s group (use worker.connections.allowToDefaultPort(db))', () => {
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = worker(appStack, tenant.network.vpc);
    // WHEN: the direction that does not work
    db.connections.allowDefaultPortFrom(fn);
    // THEN: the data stack now depends on the app stack, which depends on the data stack
    expect(() => app.synth()).toThrow(/cyclic reference|dependency cycle|would create a cyclic/i);
  });

  test('hand-wired blocks in two stacks without a network: the function runs in the database\'s network (no surprise default)', () => {
    const { app, data, appStack } = twoStacks();
    const db = new TenantPostgres(data, 'Database', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const fn = new TenantFunction(appStack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, database: db, code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler',
    });
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(data)).toEqual([]);
    Template.fromStack(appStack).resourceCountIs('AWS::EC2::VPC', 0);
    expect(fn.connections.securityGroups[0].stack).toBe(appStack);
  });

  test('throws when a function is given another network than its database\'s, saying what to do', () => {
    const { data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const other = new TenantNetwork(appStack, 'OtherNetwork', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey: tenant.encryptionKey });
    expect(() => new TenantFunction(appStack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, database: db, network: other, code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler',
    })).toThrow('- database: runs in another network than the function: leave network unset (the function then runs in the database\'s network) or pass the database\'s network');
  });

  test('the same hand-wired pair works through a Tenant (one network for both stacks)', () => {
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db }, { scope: appStack });
    expect(fn.connections.securityGroups[0].stack).toBe(appStack);
    expect(() => app.synth()).not.toThrow();
  });

  test('one TenantFunctionCode serves the functions of many tenant stacks (the fleet loop)', () => {
    const app = testApp();
    const code = TenantFunctionCode.fromAsset(CODE);
    for (const id of ['acme', 'globex', 'initech']) {
      const stack = new Stack(app, `Tenant-${id}`, { env: TEST_ENV });
      new Tenant(stack, 'Tenant', { tenantId: id, tier: TenantTier.DEVELOPMENT }).addFunction('App', { code, handler: 'index.handler' });
    }
    expect(() => app.synth()).not.toThrow();
  });

  test('throws when a link in the data stack is asked to open a function in the app stack, saying where the link goes', () => {
    const { data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, link: LINK });
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler' }, { scope: appStack });
    expect(() => tenant.allowInvoke(fn)).toThrow(
      'Tenant "acme": the link in Data cannot allowInvoke AppStack/App: AppStack already depends on Data (the tenant\'s key and network), ' +
      'and the grant would make Data depend on AppStack, a cycle. Create the link in the stack that uses the others: tenant.addLink(settings, { scope: <the stack AppStack> })',
    );
  });

  test('a link in the app stack opens the database of the data stack and the function of the app stack, without a cycle, and every log group is shipped', () => {
    const { app, data, appStack } = twoStacks();
    const tenant = new Tenant(data, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const db = tenant.addPostgres('Database');
    const fn = tenant.addFunction('App', { code: TenantFunctionCode.fromAsset(CODE), handler: 'index.handler', database: db }, { scope: appStack });
    // WHEN: the link last, in the app stack
    const link = tenant.addLink(LINK, { scope: appStack });
    tenant.allowQuery(db);
    tenant.allowInvoke(fn);
    // THEN
    expect(Stack.of(link)).toBe(appStack);
    expect(() => app.synth()).not.toThrow();
    expect(dependenciesOf(data)).toEqual([]);
    expect(dependenciesOf(appStack)).toEqual(['Data']);
    for (const stack of [data, appStack]) {
      const template = Template.fromStack(stack);
      expect(Object.keys(template.findResources('AWS::Logs::SubscriptionFilter')).length).toBe(Object.keys(template.findResources('AWS::Logs::LogGroup')).length);
    }
    Template.fromStack(appStack).hasResourceProperties('AWS::SSM::Parameter', { Name: '/tenant-blocks/acme/link/role-arn' });
  });
});
