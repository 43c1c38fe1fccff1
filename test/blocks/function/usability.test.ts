// Issue 10 (what users touch) for TenantFunction: the types CDK users expect, runtimes by name, one
// code object for a fleet, wrong types as validation errors, and a tenant split over two stacks.
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FIXTURE, PropsOverride, build, fnResource } from './support';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { TenantFunction, TenantFunctionCode, TenantFunctionProps, TenantRuntime } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { TEST_ENV, testApp, testStack } from '../../support/app';

describe('typed outputs', () => {
  test('alarms are cloudwatch.Alarm: addAlarmAction compiles and routes every alarm', () => {
    const { stack, fn } = build();
    const topic = new sns.Topic(stack, 'OnCall');
    const alarms: cloudwatch.Alarm[] = fn.alarms;
    alarms.forEach((alarm) => alarm.addAlarmAction(new cwActions.SnsAction(topic)));
    const template = Template.fromStack(stack);
    const withAction = template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmActions: [{ Ref: Match.stringLikeRegexp('^OnCall') }] } });
    expect(Object.keys(withAction)).toHaveLength(fn.alarms.length);
  });

  test('addEnvironment adds a variable to the function (and so to the next version)', () => {
    const { stack, fn } = build();
    fn.addEnvironment('FEATURE_FLAGS', 'a,b');
    expect(fnResource(Template.fromStack(stack)).props.Environment.Variables.FEATURE_FLAGS).toBe('a,b');
  });

  test.each<[string, string, string, string]>([
    ['a name is reserved by Lambda', 'AWS_REGION', 'x', '- environment.AWS_REGION: is reserved by AWS Lambda'],
    ['a name is set by the block', 'TENANT_ID', 'x', '- environment.TENANT_ID: is set by TenantFunction itself'],
    ['a value is a credential', 'KEY_ID', 'AKIAIOSFODNN7EXAMPLE', '- environment.KEY_ID: looks like an AWS access key id'],
  ])('addEnvironment throws when %s', (_name, key, value, message) => {
    const { fn } = build();
    expect(() => fn.addEnvironment(key, value)).toThrow(message);
  });

  test('addEnvironment throws when the name is already set', () => {
    const { fn } = build({ environment: { GREETING: 'hi' } });
    expect(() => fn.addEnvironment('GREETING', 'hello')).toThrow('- environment.GREETING: is already set');
  });

  test('a TenantFunction is grantable and connectable itself (grant*, connections.allowFrom)', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const { fn } = build({ network }, stack);
    const queue = new sqs.Queue(stack, 'Jobs', { enforceSSL: true });
    queue.grantSendMessages(fn);
    const cache = new ec2.SecurityGroup(stack, 'Cache', { vpc: network.vpc });
    cache.connections.allowFrom(fn, ec2.Port.tcp(6379));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AppServiceRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']) })]) },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 6379, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] } });
    // the policy a grant adds outlives the function's security group too (8.12)
    const grantPolicy = Object.keys(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^AppServiceRole') }] } }));
    const sg = Object.entries(template.findResources('AWS::EC2::SecurityGroup')).find(([id]) => id.startsWith('AppSecurityGroup'))![1];
    expect(sg.DependsOn).toEqual(expect.arrayContaining(grantPolicy));
  });

  test('db.grantConnect(tenantFunction) is accepted: the app secret, in the role\'s own policy', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const { fn } = build({}, stack);
    database.grantConnect(fn);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AppServiceRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: stack.resolve(database.appSecret.secretArn) })]) },
    });
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0];
    expect(JSON.stringify(key.Properties.KeyPolicy)).not.toContain('AppServiceRole');
  });

  test('function is the live alias, a lambda.Alias (grantInvoke, metrics, provisioned concurrency)', () => {
    const { stack, fn } = build();
    expect(fn.function.aliasName).toBe('live');
    expect(stack.resolve(fn.function.version.version)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^AppFunctionCurrentVersion/), 'Version'] });
  });
});

describe('TenantRuntime.of', () => {
  test.each(TenantRuntime.all().map((r) => [r.name, r] as const))('of(%s) is that runtime', (name, runtime) => {
    expect(TenantRuntime.of(name)).toBe(runtime);
  });

  test.each<[string, string]>([
    ['nodejs18.x', "TenantRuntime.of: 'nodejs18.x' is deprecated by AWS Lambda (or about to be); use one of nodejs24.x, nodejs22.x, python3.14, python3.13"],
    ['python3.9', "TenantRuntime.of: 'python3.9' is deprecated by AWS Lambda (or about to be); use one of"],
    ['nodejs20.x', "TenantRuntime.of: 'nodejs20.x' is deprecated by AWS Lambda (or about to be); use one of"],
    ['ruby3.4', "TenantRuntime.of: 'ruby3.4' is not a runtime TenantFunction supports; use one of nodejs24.x, nodejs22.x, python3.14, python3.13"],
    ['node24', "TenantRuntime.of: 'node24' is not a runtime TenantFunction supports"],
  ])('throws when of gets %s', (name, message) => {
    expect(() => TenantRuntime.of(name)).toThrow(message);
  });
});

describe('one TenantFunctionCode for a fleet', () => {
  test('one code from an asset serves three tenant stacks (the obvious provisioner loop)', () => {
    const app = testApp();
    const code = TenantFunctionCode.fromAsset(FIXTURE);
    const stacks = ['acme', 'globex', 'initech'].map((tenantId) => {
      const stack = new Stack(app, `Tenant-${tenantId}`, { env: TEST_ENV });
      new TenantFunction(stack, 'App', { tenantId, tier: TenantTier.DEVELOPMENT, code, handler: 'index.handler' });
      return stack;
    });
    const assembly = app.synth();
    for (const stack of stacks) {
      const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }))[0];
      expect(fn.Properties.Code.S3Key).toMatch(/\.zip$/);
    }
    expect(assembly.stacks).toHaveLength(3);
  });
});

describe('wrong types are validation errors, and nothing is created before validation', () => {
  test.each<[string, () => PropsOverride, string]>([
    ['runtime is a string', () => ({ runtime: 'nodejs18.x' as unknown as TenantRuntime }), "- runtime: must be a TenantRuntime, e.g. TenantRuntime.of('nodejs24.x') or TenantRuntime.NODEJS_24_X (got: 'nodejs18.x')"],
    ['memorySize is a string', () => ({ memorySize: '512' as unknown as number }), "- memorySize: must be a number between 128 and 10240 MiB, a whole number (got: '512')"],
    ['timeout is a number of seconds', () => ({ timeout: 30 as unknown as Duration }), '- timeout: must be a Duration, e.g. Duration.days(7) (got: 30)'],
    ['environment is a string', () => ({ environment: 'A=b' as unknown as Record<string, string> }), "- environment: must be a map of names to strings, e.g. { LOG_LEVEL: 'info' } (got: 'A=b')"],
    ['an environment value is a number', () => ({ environment: { PORT: 8080 as unknown as string } }), '- environment.PORT: must be a string (got: 8080)'],
    ['allowedCidrs is a string', () => ({ allowedCidrs: '10.0.0.0/24' as unknown as string[] }), "- allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')"],
    ['secrets is a list', () => ({ secrets: [] as unknown as Record<string, never> }), '- secrets: must be a map of environment names to secrets'],
    ['code is a path', () => ({ code: './app' as unknown as TenantFunctionCode }), "- code: must be a TenantFunctionCode: TenantFunctionCode.fromAsset(path) or TenantFunctionCode.fromBucket(bucket, key) (got: './app')"],
    ['handler is a number', () => ({ handler: 1 as unknown as string }), '- handler: must be a string: the entry point as file.function'],
    ['tier is lowercase', () => ({ tier: 'development' as unknown as TenantTier }), "- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: 'development')"],
    ['domain is a string', () => ({ domain: 'app.example.com' as unknown as TenantFunctionProps['domain'] }), "- domain: must be { hostedZone, recordName } (got: 'app.example.com')"],
    ['network is not a TenantNetwork', () => ({ network: { vpc: {} } as unknown as TenantNetwork }), '- network: must be a TenantNetwork'],
    ['database is not a TenantPostgres', () => ({ database: { cluster: {} } as unknown as TenantPostgres }), '- database: must be a TenantPostgres'],
    ['encryptionKey is a kms.Key, not a TenantKey', () => ({ encryptionKey: {} as unknown as TenantKey }), '- encryptionKey: must be a TenantKey'],
  ])('throws when %s', (_name, overrides, message) => {
    const stack = testStack();
    const before = stack.node.findAll().length;
    expect(() => build(overrides(), stack)).toThrow(message);
    // the zone the helper imports is the only new construct: nothing of the block exists
    expect(stack.node.findAll().length - before).toBe(1);
  });

  test('every problem of every prop in one error', () => {
    expect(() => build({ runtime: 'nodejs18.x' as unknown as TenantRuntime, memorySize: '512' as unknown as number, allowedCidrs: ['10.1.2.3/16'] }))
      .toThrow(/^Invalid TenantFunction props for tenant "acme":\n- runtime: .*\n- memorySize: .*\n- allowedCidrs\[0\]: .*$/);
  });

  test('throws when the database runs in another network, before creating anything', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Other', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const before = stack.node.findAll().length;
    expect(() => build({ database, network }, stack)).toThrow('- database: runs in another network than the function');
    expect(stack.node.findAll().length - before).toBe(1);
  });
});

describe('a tenant over two stacks: data (key, network, database) and app (function)', () => {
  function split(extra: (data: { key: TenantKey; network: TenantNetwork; database: TenantPostgres }) => Partial<TenantFunctionProps> = () => ({})) {
    const app = new App({ context: testApp().node.getAllContext() });
    const dataStack = new Stack(app, 'Data', { env: TEST_ENV });
    const key = TenantKey.of(dataStack, 'acme', TenantTier.DEVELOPMENT);
    const network = TenantNetwork.of(dataStack, { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey: key });
    const database = new TenantPostgres(dataStack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network, encryptionKey: key });
    const appStack = new Stack(app, 'App', { env: TEST_ENV });
    new TenantFunction(appStack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler', database, ...extra({ key, network, database }),
    });
    return { app, dataStack, appStack };
  }

  test('given only the database, the function runs in its network and uses its key: no second VPC or key, no cycle', () => {
    const { app, dataStack, appStack } = split();
    expect(() => app.synth()).not.toThrow();
    const appTemplate = Template.fromStack(appStack);
    appTemplate.resourceCountIs('AWS::EC2::VPC', 0);
    appTemplate.resourceCountIs('AWS::KMS::Key', 0);
    expect(appStack.dependencies.map((s) => s.stackName)).toEqual(['Data']);
    expect(dataStack.dependencies).toEqual([]);
    // the database port is opened from the app stack (the rule lives with the function)
    appTemplate.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] } });
  });

  test('with the same network and key passed explicitly: no cycle', () => {
    const { app, dataStack } = split(({ key, network }) => ({ network, encryptionKey: key }));
    expect(() => app.synth()).not.toThrow();
    expect(dataStack.dependencies).toEqual([]);
  });

  test('throws when the function is given another network than its database, saying what to do', () => {
    const app = testApp();
    const dataStack = new Stack(app, 'Data', { env: TEST_ENV });
    const database = new TenantPostgres(dataStack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const appStack = new Stack(app, 'AppStack', { env: TEST_ENV });
    // the tenant's key exists once per account and region: the app stack's network uses the data stack's
    const encryptionKey = TenantKey.of(dataStack, 'acme', TenantTier.DEVELOPMENT);
    const network = new TenantNetwork(appStack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey });
    expect(() => new TenantFunction(appStack, 'App', {
      tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler', database, network, encryptionKey,
    }))
      .toThrow("- database: runs in another network than the function: leave network unset (the function then runs in the database's network) or pass the database's network (got: 'Data/Db')");
  });
});

void path;
