import { CfnResource, CustomResource, Lazy, Names, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sam from 'aws-cdk-lib/aws-sam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import { LogShipping, TenantKey, TenantNetwork, TenantTier, VpcFunctionCleanup } from '../../src/core';
import { responseSettings } from '../../src/core/custom-resource.lambda-shared';
import { settings as handlerSettings } from '../../src/core/vpc-cleanup.lambda';
import { testStack } from '../support/app';
import { cfnLint, formatCfnLint } from '../support/cfn-lint';
import { complianceFindings, formatFindings } from '../support/compliance';
import { functionLogGroupProblems } from '../support/log-groups';
import { auditSuppressions } from '../support/suppression-audit';

const CODE = lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });');

/** A tenant network and key, a function in the VPC with an alias, and an empty clean-up. */
function base(tier = TenantTier.DEVELOPMENT, stack: Stack = testStack()) {
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier, encryptionKey: key });
  const vpc = network.vpc;
  const appSg = new ec2.SecurityGroup(stack, 'AppSg', { vpc, allowAllOutbound: false });
  const app = new lambda.Function(stack, 'App', {
    code: CODE,
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    vpc,
    vpcSubnets: network.functionSubnets,
    securityGroups: [appSg],
  });
  const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: app.currentVersion });
  const cleanup = new VpcFunctionCleanup(stack, 'VpcCleanup', { tier, encryptionKey: key });
  return { stack, key, network, vpc, app, alias, appSg, cleanup };
}

/** The shape of a TenantFunction: one function (through its alias), its group, its subnets. */
function functionLike(tier = TenantTier.DEVELOPMENT) {
  const b = base(tier);
  b.cleanup.addFunction(b.alias);
  b.cleanup.addSubnets(b.vpc.selectSubnets(b.network.functionSubnets).subnets);
  return { ...b, template: Template.fromStack(b.stack) };
}

/**
 * The shape of a TenantPostgres: a bootstrap function that is the service token of a custom
 * resource, three secret rotations (nested SAR stacks) that depend on that custom resource and
 * share one security group, all in the isolated subnets.
 */
function postgresLike(tier = TenantTier.DEVELOPMENT, stack: Stack = testStack()) {
  const b = base(tier, stack);
  const { vpc, network, cleanup } = b;
  const dbSg = new ec2.SecurityGroup(stack, 'DbSg', { vpc, allowAllOutbound: false });
  const bootstrapSg = new ec2.SecurityGroup(stack, 'BootstrapSg', { vpc, allowAllOutbound: false });
  const bootstrap = new lambda.Function(stack, 'Bootstrap', {
    code: CODE,
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    vpc,
    vpcSubnets: network.databaseSubnets,
    securityGroups: [bootstrapSg],
  });
  const roles = new CustomResource(stack, 'BootstrapRoles', { serviceToken: bootstrap.functionArn, resourceType: 'Custom::Bootstrap' });
  const rotationSg = new ec2.SecurityGroup(stack, 'RotationSg', { vpc, allowAllOutbound: false });
  const target = { connections: new ec2.Connections({ securityGroups: [dbSg], defaultPort: ec2.Port.tcp(5432) }) };
  const rotations = ['Admin', 'App', 'ReadOnly'].map((name) => {
    const rotation = new secretsmanager.SecretRotation(stack, `${name}Rotation`, {
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
      secret: new secretsmanager.Secret(stack, `${name}Secret`),
      target,
      vpc,
      vpcSubnets: network.databaseSubnets,
      securityGroup: rotationSg,
    });
    rotation.node.addDependency(roles);
    return rotation;
  });
  // What the lead adds to TenantPostgres:
  cleanup.addFunction(bootstrap, { deleteFunction: false });
  rotations.forEach((rotation) => cleanup.addSecretRotation(rotation));
  cleanup.addSecurityGroup(rotationSg);
  cleanup.addSubnets(vpc.selectSubnets(network.databaseSubnets).subnets);
  return { ...b, bootstrap, bootstrapSg, roles, rotations, rotationSg, template: Template.fromStack(stack) };
}

/** The clean-up resource's logical id and body. */
function cleanupResource(template: Template) {
  const entries = Object.entries(template.findResources(VpcFunctionCleanup.RESOURCE_TYPE));
  expect(entries).toHaveLength(1);
  return { id: entries[0][0], resource: entries[0][1] };
}

/** Logical id of a construct's main resource. */
const idOf = (stack: Stack, c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnResource);
/** Logical ids of every resource under `scope` (of one type, when given). */
const idsOf = (stack: Stack, scope: IConstruct, type?: string) => scope.node.findAll()
  .filter((c): c is CfnResource => c instanceof CfnResource && (!type || c.cfnResourceType === type))
  .map((c) => stack.getLogicalId(c));

/**
 * Logical ids CloudFormation deletes only after `from` is gone: everything `from` depends on,
 * directly or through others (DependsOn, Ref, Fn::GetAtt).
 */
function deletedAfter(template: Template, from: string): Set<string> {
  const resources = template.toJSON().Resources as Record<string, { DependsOn?: string[] | string }>;
  const edges = (id: string): string[] => {
    const r = resources[id];
    const out = new Set<string>([r.DependsOn ?? []].flat());
    JSON.stringify(r, (key, value) => {
      if (key === 'Ref' && typeof value === 'string' && value in resources) out.add(value);
      if (key === 'Fn::GetAtt' && Array.isArray(value) && value[0] in resources) out.add(value[0]);
      return value;
    });
    return [...out];
  };
  const seen = new Set<string>();
  const todo = [...edges(from)];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...edges(id));
  }
  return seen;
}

describe('the clean-up resource', () => {
  test('gets the function (not the alias) and its security group, found through the function', () => {
    const { stack, app, appSg, template } = functionLike();
    const { resource } = cleanupResource(template);
    expect(resource.Properties.FunctionNames).toEqual([{ Ref: idOf(stack, app) }]);
    expect(resource.Properties.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [idOf(stack, appSg), 'GroupId'] }]);
    // no detach-only functions: the property is left out
    expect(resource.Properties.DetachOnlyFunctionNames).toBeUndefined();
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^VpcCleanupHandler/), 'Arn'] });
  });

  test('is deleted before the function, its version and alias, its role and policy, its security group, its subnets, and before its own handler and role', () => {
    const { stack, app, alias, appSg, network, vpc, cleanup, template } = functionLike();
    const { id } = cleanupResource(template);
    const after = deletedAfter(template, id);
    const subnets = vpc.selectSubnets(network.functionSubnets).subnets;
    const expected = [
      idOf(stack, app),
      // CurrentVersion adds the code hash to its logical id at synth
      ...Object.keys(template.findResources('AWS::Lambda::Version')),
      ...idsOf(stack, alias, 'AWS::Lambda::Alias'),
      ...idsOf(stack, app.role!, 'AWS::IAM::Role'),
      ...idsOf(stack, app.role!, 'AWS::IAM::Policy'),
      idOf(stack, appSg),
      ...subnets.flatMap((s) => idsOf(stack, s)),
      ...idsOf(stack, cleanup.handler),
      ...idsOf(stack, cleanup.handler.role!),
    ];
    expect(expected.filter((x) => x.includes('Subnet')).length).toBeGreaterThanOrEqual(2 * subnets.length);
    expect(idsOf(stack, cleanup.handler.role!)).toEqual(expect.arrayContaining([
      expect.stringMatching(/HandlerRole[0-9A-F]{8}$/), expect.stringMatching(/HandlerRoleDefaultPolicy/), expect.stringMatching(/HandlerRoleExecutionPolicy/),
    ]));
    expect([...expected].filter((x) => !after.has(x))).toEqual([]);
    // the explicit DependsOn, not only a Ref, orders the function and its role
    expect(template.toJSON().Resources[id].DependsOn).toEqual(expect.arrayContaining([idOf(stack, app), ...idsOf(stack, app.role!, 'AWS::IAM::Policy'), idOf(stack, appSg)]));
  });

  test('the handler is outside the VPC, arm64, 14 minutes, JSON logs into an encrypted tenant log group', () => {
    const { stack, key, cleanup, template } = functionLike();
    const handler = template.toJSON().Resources[idOf(stack, cleanup.handler)].Properties;
    expect(handler.VpcConfig).toBeUndefined();
    expect(handler.Timeout).toBe(840);
    expect(handler.Architectures).toEqual(['arm64']);
    expect(handler.Runtime).toBe('nodejs24.x');
    expect(handler.LoggingConfig).toEqual({ LogFormat: 'JSON', LogGroup: { Ref: idOf(stack, cleanup.logGroup) } });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [idOf(stack, key.key), 'Arn'] },
      RetentionInDays: 365,
    });
  });

  test('least privilege: the functions unqualified (delete only, no detach), ENIs of the functions\' VPC only, this stack', () => {
    const { stack, app, cleanup, vpc, template } = functionLike();
    const fnArn = { 'Fn::GetAtt': [idOf(stack, app), 'Arn'] };
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: idsOf(stack, cleanup.handler.role!, 'AWS::IAM::Role')[0] }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'ec2:DescribeNetworkInterfaces', Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'ec2:DeleteNetworkInterface',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:network-interface/*']] },
            Condition: { ArnEquals: { 'ec2:Vpc': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc/', { Ref: idOf(stack, vpc) }]] } } },
          },
          { Effect: 'Allow', Action: 'cloudformation:DescribeStacks', Resource: { Ref: 'AWS::StackId' } },
          { Effect: 'Allow', Action: 'lambda:DeleteFunction', Resource: fnArn },
        ],
      },
    });
  });

  test('the VPC of imported security groups comes from the vpc prop', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0abc', availabilityZones: ['us-east-1a'] });
    const cleanup = new VpcFunctionCleanup(stack, 'VpcCleanup', { tier: TenantTier.DEVELOPMENT, encryptionKey: key, vpc });
    cleanup.addFunctionName('acme-worker', key);
    cleanup.addSecurityGroup(ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0abc'));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 'ec2:DeleteNetworkInterface',
          Condition: { ArnEquals: { 'ec2:Vpc': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc/vpc-0abc']] } } },
        })]),
      },
    });
  });

  test('throws at synth when only imported security groups are added and no vpc is given', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const cleanup = new VpcFunctionCleanup(stack, 'VpcCleanup', { tier: TenantTier.DEVELOPMENT, encryptionKey: key });
    cleanup.addFunctionName('acme-worker', key);
    cleanup.addSecurityGroup(ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0abc'));
    expect(() => Template.fromStack(stack)).toThrow('VpcFunctionCleanup cannot tell the VPC of its (imported) security groups: pass the vpc prop');
  });

  test('the function\'s role and its policy outlive its security group: the group DependsOn both (issue 8.12)', () => {
    const { stack, app, appSg, alias, cleanup, key } = base();
    key.key.grantDecrypt(app); // gives the role a policy of its own
    cleanup.addFunction(alias);
    const template = Template.fromStack(stack);
    const dependsOn = template.toJSON().Resources[idOf(stack, appSg)].DependsOn ?? [];
    expect(dependsOn).toEqual(expect.arrayContaining([...idsOf(stack, app.role!, 'AWS::IAM::Role'), ...idsOf(stack, app.role!, 'AWS::IAM::Policy')]));
    expect(idsOf(stack, app.role!, 'AWS::IAM::Policy')).toHaveLength(1);
    expect(cfnLint(stack).errors).toEqual([]);
  });

  test('the bounds nest: clean-up + every response upload attempt < the handler timeout < the service timeout (issue 8.12)', () => {
    const { stack, cleanup, template } = functionLike();
    const { resource } = cleanupResource(template);
    const handlerTimeoutMs = template.toJSON().Resources[idOf(stack, cleanup.handler)].Properties.Timeout * 1000;
    const serviceTimeoutMs = Number(resource.Properties.ServiceTimeout) * 1000;
    const worstUploadMs = responseSettings.timeoutMs * responseSettings.attempts;
    expect(handlerSettings.maxCleanupMs + worstUploadMs).toBeLessThan(handlerTimeoutMs);
    expect(worstUploadMs).toBeLessThanOrEqual(handlerSettings.responseMarginMs);
    expect(handlerTimeoutMs).toBeLessThan(serviceTimeoutMs);
  });

  test('every function in the template writes to a log group the stack creates first: tenant key, retention, shipped (issue 8.13)', () => {
    const stack = testStack();
    const shipping = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey: key, logShipping: shipping });
    const sg = new ec2.SecurityGroup(stack, 'AppSg', { vpc: network.vpc, allowAllOutbound: false });
    const cleanup = new VpcFunctionCleanup(stack, 'VpcCleanup', { tier: TenantTier.DEVELOPMENT, encryptionKey: key, logShipping: shipping });
    cleanup.addFunctionName('acme-app', sg);
    cleanup.addSecurityGroup(sg);
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).length).toBeGreaterThanOrEqual(2);
    expect(functionLogGroupProblems(template, { shipped: true })).toEqual([]);
  });

  test('the log group check fails for a function whose log group Lambda would create itself', () => {
    const stack = testStack();
    new lambda.Function(stack, 'Bare', { code: CODE, handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X });
    expect(functionLogGroupProblems(Template.fromStack(stack))).toEqual([
      expect.stringMatching(/^Bare[0-9A-F]{8}: no log group in the template/),
    ]);
  });

  test('CloudFormation gives up on a handler that never answers after 16 minutes, not the default hour', () => {
    const { resource } = cleanupResource(functionLike().template);
    expect(resource.Properties.ServiceTimeout).toBe('960');
  });

  test('adding the same function or group twice lists it once', () => {
    const b = base();
    b.cleanup.addFunction(b.app);
    b.cleanup.addFunction(b.alias);
    b.cleanup.addSecurityGroup(b.appSg);
    const { resource } = cleanupResource(Template.fromStack(b.stack));
    expect(resource.Properties.FunctionNames).toHaveLength(1);
    expect(resource.Properties.SecurityGroupIds).toHaveLength(1);
  });

  test('addFunctionName: an ARN built from the name, ordered before its owner; a token name passes', () => {
    const b = base();
    const owner = new ec2.SecurityGroup(b.stack, 'Owner', { vpc: b.vpc });
    b.cleanup.addFunctionName('acme-worker', owner);
    b.cleanup.addFunctionName(Lazy.string({ produce: () => 'late-name' }), owner, { deleteFunction: false });
    b.cleanup.addSecurityGroup(b.appSg);
    const template = Template.fromStack(b.stack);
    const { id, resource } = cleanupResource(template);
    expect(resource.Properties.FunctionNames).toEqual(['acme-worker']);
    expect(resource.Properties.DetachOnlyFunctionNames).toEqual(['late-name']);
    expect(resource.DependsOn).toContain(idOf(b.stack, owner));
    const arn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:lambda:us-east-1:123456789012:function:${name}`]] });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: 'lambda:DeleteFunction', Resource: arn('acme-worker') },
          { Effect: 'Allow', Action: ['lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionConfiguration'], Resource: arn('late-name') },
        ]),
      },
    });
    expect(deletedAfter(template, id).has(idOf(b.stack, owner))).toBe(true);
  });

  test.each([
    ['an ARN', 'arn:aws:lambda:us-east-1:123456789012:function:acme'],
    ['longer than 64 characters', 'f'.repeat(65)],
    ['empty', ''],
    ['with a space', 'acme worker'],
  ])('throws when addFunctionName gets a name that is %s', (_name, functionName) => {
    const b = base();
    expect(() => b.cleanup.addFunctionName(functionName, b.appSg)).toThrow(
      "Invalid VpcFunctionCleanup input on TestStack/VpcCleanup:\n- functionName: must be a Lambda function name, 1-64 letters, digits, hyphens or underscores; for a function ARN use addFunction(lambda.Function.fromFunctionArn(...)) (got: '");
  });

  test('throws at synth when no function was added', () => {
    const b = base();
    b.cleanup.addSecurityGroup(b.appSg);
    expect(() => Template.fromStack(b.stack)).toThrow(/VpcFunctionCleanup has no function to clean up: call addFunction, addFunctionName or addSecretRotation/);
  });

  test('throws at synth when no security group was added', () => {
    const b = base();
    b.cleanup.addFunctionName('acme-worker', b.appSg);
    expect(() => Template.fromStack(b.stack)).toThrow(/VpcFunctionCleanup has no security group: call addSecurityGroup/);
  });

  test('an imported function outside a VPC adds its name and ARN, no security group', () => {
    const b = base();
    b.cleanup.addFunction(lambda.Function.fromFunctionName(b.stack, 'Imported', 'acme-imported'));
    b.cleanup.addSecurityGroup(b.appSg);
    const { resource } = cleanupResource(Template.fromStack(b.stack));
    expect(resource.Properties.FunctionNames).toHaveLength(1);
    expect(JSON.stringify(resource.Properties.FunctionNames)).toContain(':function:acme-imported');
    expect(resource.Properties.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [idOf(b.stack, b.appSg), 'GroupId'] }]);
  });
});

describe('a TenantPostgres-shaped stack (bootstrap custom resource + three SAR rotations)', () => {
  test('the rotation function names are those each rotation passes to its application (last 64 characters of Names.uniqueId)', () => {
    const { rotations, template } = postgresLike();
    const { resource } = cleanupResource(template);
    const names = rotations.map((r) => {
      const uniqueId = Names.uniqueId(r);
      return uniqueId.substring(Math.max(uniqueId.length - 64, 0));
    });
    const applications = template.findResources('AWS::Serverless::Application');
    const parameterNames = Object.values(applications).map((a) => a.Properties.Parameters.functionName);
    expect(parameterNames).toHaveLength(3);
    expect(resource.Properties.FunctionNames).toEqual(names);
    expect([...resource.Properties.FunctionNames].sort()).toEqual([...parameterNames].sort());
  });

  test('a rotation id long enough to be truncated still matches its application parameter', () => {
    const b = base();
    const deep = new Construct(new Construct(b.stack, 'A'.repeat(40)), 'B'.repeat(40));
    const dbSg = new ec2.SecurityGroup(b.stack, 'DbSg', { vpc: b.vpc });
    const rotation = new secretsmanager.SecretRotation(deep, 'Rotation', {
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
      secret: new secretsmanager.Secret(b.stack, 'Secret'),
      target: { connections: new ec2.Connections({ securityGroups: [dbSg], defaultPort: ec2.Port.tcp(5432) }) },
      vpc: b.vpc,
    });
    b.cleanup.addSecretRotation(rotation);
    b.cleanup.addSecurityGroup(b.appSg);
    const template = Template.fromStack(b.stack);
    const name = Object.values(template.findResources('AWS::Serverless::Application'))[0].Properties.Parameters.functionName;
    expect(name).toHaveLength(64);
    expect(cleanupResource(template).resource.Properties.FunctionNames).toEqual([name]);
  });

  test('throws when a rotation passes no functionName to its application', () => {
    const { stack, key, rotations } = postgresLike();
    (rotations[0].node.defaultChild as sam.CfnApplication).parameters = { endpoint: 'x' };
    const cleanup = new VpcFunctionCleanup(stack, 'Other', { tier: TenantTier.DEVELOPMENT, encryptionKey: key });
    expect(() => cleanup.addSecretRotation(rotations[0])).toThrow(
      'Invalid VpcFunctionCleanup input on TestStack/Other:\n- rotation: TestStack/AdminRotation passes no functionName parameter to its application; add its function with addFunctionName');
  });

  test('the bootstrap function is detached only (its custom resource is deleted later), the rotations are deleted; both groups swept', () => {
    const { stack, bootstrap, bootstrapSg, rotationSg, template } = postgresLike();
    const { resource } = cleanupResource(template);
    expect(resource.Properties.DetachOnlyFunctionNames).toEqual([{ Ref: idOf(stack, bootstrap) }]);
    expect(resource.Properties.FunctionNames).toHaveLength(3);
    expect(resource.Properties.SecurityGroupIds).toEqual([
      { 'Fn::GetAtt': [idOf(stack, bootstrapSg), 'GroupId'] },
      { 'Fn::GetAtt': [idOf(stack, rotationSg), 'GroupId'] },
    ]);
    // the handler may not delete the bootstrap function
    const policy = Object.values(template.findResources('AWS::IAM::Policy'))
      .find((p) => JSON.stringify(p.Properties.Roles).includes('VpcCleanupHandlerRole'))!;
    const deletes = policy.Properties.PolicyDocument.Statement.find((s: { Action: unknown }) => s.Action === 'lambda:DeleteFunction');
    expect(JSON.stringify(deletes.Resource)).not.toContain(idOf(stack, bootstrap));
    expect(deletes.Resource).toHaveLength(3);
  });

  test('deletion order: clean-up first, then the rotation applications, the bootstrap custom resource, the functions, groups and subnets', () => {
    const { stack, bootstrap, bootstrapSg, rotationSg, rotations, roles, network, vpc, template } = postgresLike();
    const { id } = cleanupResource(template);
    const after = deletedAfter(template, id);
    const expected = [
      ...rotations.map((r) => idOf(stack, r)),
      idOf(stack, roles),
      idOf(stack, bootstrap), ...idsOf(stack, bootstrap.role!),
      idOf(stack, bootstrapSg), idOf(stack, rotationSg),
      ...vpc.selectSubnets(network.databaseSubnets).subnets.flatMap((s) => idsOf(stack, s)),
    ];
    expect(expected.filter((x) => !after.has(x))).toEqual([]);
    // and the clean-up depends on nothing that depends on it (no cycle)
    expect(after.has(id)).toBe(false);
  });

  test('cfn-lint: no error (no circular dependency, valid properties)', () => {
    const { stack } = postgresLike();
    const result = cfnLint(stack);
    expect(formatCfnLint(result.errors)).toBe(formatCfnLint([]));
  });
});

describe.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s compliance', (tier) => {
  test('no unsuppressed finding on the clean-up (cdk-nag packs and Control Tower rules)', () => {
    const { cleanup } = postgresLike(tier);
    expect(formatFindings(complianceFindings(cleanup))).toBe('no compliance findings');
  });

  test('every suppression the clean-up adds suppresses a finding (strip them all: each matches a raw finding)', () => {
    const { recorded, unused } = auditSuppressions(() => postgresLike(tier).cleanup, { sources: ['core/vpc-function-cleanup'] });
    expect(recorded.length).toBeGreaterThan(10);
    expect(unused).toEqual([]);
  });
});
