// Issue 8 (lifecycle) for TenantFunction: what only shows over a block's life (a first deploy into a
// new account, a destroy, a key policy racing IAM) asserted on the synthesized template.
import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { PropsOverride, build, fnResource, prod, roleOf } from './support';
import { LogShipping, TenantKey, TenantTier } from '../../../src/core';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';

const DESTINATION = 'arn:aws:logs:us-east-1:210987654321:destination:tenant-logs';

describe('8.5 reserved concurrency is a choice, off by default (a new account has a concurrency quota of 10)', () => {
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: no function of the block reserves concurrency by default', (tier) => {
    const { template } = tier === TenantTier.PRODUCTION ? prod() : build();
    for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
      expect([id, fn.Properties.ReservedConcurrentExecutions]).toEqual([id, undefined]);
    }
  });

  test('reservedConcurrency, when set, is reserved (and caps the function)', () => {
    expect(fnResource(build({ reservedConcurrency: 3 }).template).props.ReservedConcurrentExecutions).toBe(3);
    expect(fnResource(prod({ reservedConcurrency: 100 }).template).props.ReservedConcurrentExecutions).toBe(100);
  });

  test.each<[string, PropsOverride, string]>([
    ['reservedConcurrency is 0', { reservedConcurrency: 0 }, '- reservedConcurrency: must be between 1 and 20, a whole number (got: 0)'],
    ['reservedConcurrency is fractional', { reservedConcurrency: 2.5 }, '- reservedConcurrency: must be between 1 and 20, a whole number (got: 2.5)'],
    ['reservedConcurrency is a string', { reservedConcurrency: '5' as unknown as number }, "- reservedConcurrency: must be a number between 1 and 20, a whole number (got: '5')"],
  ])('throws when %s', (_name, overrides, message) => {
    expect(() => build(overrides)).toThrow(message);
  });
});

describe('8.12 the function role and its policies outlive its security group', () => {
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: the security group DependsOn the role and every policy of it, so CloudFormation deletes the group first', (tier) => {
    const { template } = tier === TenantTier.PRODUCTION ? prod() : build();
    const sgId = fnResource(template).props.VpcConfig.SecurityGroupIds[0]['Fn::GetAtt'][0];
    const roleId = roleOf(template);
    const resources = template.toJSON().Resources;
    // customer managed policies attached to the role, and inline policies naming it
    const managed: string[] = (resources[roleId].Properties.ManagedPolicyArns ?? [])
      .filter((arn: { Ref?: string }) => typeof arn === 'object' && arn.Ref !== undefined)
      .map((arn: { Ref: string }) => arn.Ref);
    const inline = Object.keys(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
    expect(managed.length + inline.length).toBeGreaterThanOrEqual(1);
    expect(resources[sgId].DependsOn).toEqual(expect.arrayContaining([roleId, ...managed, ...inline]));
  });
});

describe('8.13 every function the block creates logs into a log group of the stack (tenant key, retention, shipped), created before the function runs', () => {
  test.each<[string, () => { stack: Stack; template: Template }]>([
    ['DEVELOPMENT with disposable data (CDK bucket auto-delete handler, clean-up handler, default SG handler)', () => build({ logShipping: LogShipping.toDestination(DESTINATION), disposableData: true })],
    ['PRODUCTION', () => prod({ logShipping: LogShipping.toDestination(DESTINATION) })],
  ])('%s', (_name, make) => {
    const { template } = make();
    const resources = template.toJSON().Resources;
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(3);
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0];
    for (const [fnId, fn] of functions) {
      let logGroupId: string | undefined = fn.Properties.LoggingConfig?.LogGroup?.Ref;
      if (!logGroupId) {
        // A provider handler (a CDK singleton): its log group is the fixed name /aws/lambda/<function>,
        // created in the stack, and every custom resource it serves waits for that log group.
        logGroupId = Object.entries(template.findResources('AWS::Logs::LogGroup')).find(([, lg]) =>
          JSON.stringify(lg.Properties.LogGroupName) === JSON.stringify({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: fnId }]] }))?.[0];
        const served = Object.entries(resources).filter(([, r]: [string, any]) => JSON.stringify(r.Properties?.ServiceToken ?? '').includes(fnId));
        expect([fnId, served.length > 0]).toEqual([fnId, true]);
        for (const [crId, cr] of served as Array<[string, any]>) {
          expect([crId, cr.DependsOn]).toEqual([crId, expect.arrayContaining([logGroupId])]);
        }
      }
      expect([fnId, logGroupId]).toEqual([fnId, expect.any(String)]);
      const lg = resources[logGroupId!];
      expect([fnId, lg.Properties.KmsKeyId]).toEqual([fnId, { 'Fn::GetAtt': [keyId, 'Arn'] }]);
      expect([fnId, lg.Properties.RetentionInDays]).toEqual([fnId, expect.any(Number)]);
      template.hasResourceProperties('AWS::Logs::SubscriptionFilter', { LogGroupName: { Ref: logGroupId }, DestinationArn: DESTINATION });
    }
  });
});

describe('8.6 the tenant key policy names no role of the block (KMS rejects principals that have not propagated yet)', () => {
  test('with a database, user secrets and the data bucket: key use is granted in the role\'s own policy, through the services only', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const apiKey = new secretsmanager.Secret(stack, 'ApiKey', { encryptionKey: TenantKey.of(stack, 'acme', TenantTier.DEVELOPMENT).key });
    const { template } = build({ database, secrets: { API_KEY_SECRET_ARN: apiKey } }, stack);
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0];
    const principals = JSON.stringify(key.Properties.KeyPolicy.Statement.map((s: { Principal: unknown }) => s.Principal));
    const appRoles = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith('App'));
    expect(appRoles.length).toBeGreaterThanOrEqual(2);
    for (const role of appRoles) expect(principals).not.toContain(role);
  });

  test('without a database: no statement of the key policy names a role', () => {
    const stack = testStack();
    const apiKey = new secretsmanager.Secret(stack, 'ApiKey', { encryptionKey: TenantKey.of(stack, 'acme', TenantTier.DEVELOPMENT).key });
    const { template } = build({ secrets: { API_KEY_SECRET_ARN: apiKey } }, stack);
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0];
    expect(JSON.stringify(key.Properties.KeyPolicy)).not.toMatch(/Fn::GetAtt/);
  });
});

describe('8.9 customer strings and numbers are never tokens', () => {
  test.each<[string, () => PropsOverride, string]>([
    ['an allowedCidrs entry is a token', () => ({ allowedCidrs: [`0.0.0.0/0${Token.asString({ Ref: 'AWS::NoValue' })}`] }), '- allowedCidrs[0]: must be a literal CIDR string known at synth time, not a token'],
    ['the handler is a token', () => ({ handler: Token.asString({ Ref: 'Handler' }) }), '- handler: must be a literal string known at synth time, not a token'],
    ['memorySize is a token', () => ({ memorySize: Token.asNumber({ Ref: 'Memory' }) }), '- memorySize: must be a literal number known at synth time, not a token'],
    ['reservedConcurrency is a token', () => ({ reservedConcurrency: Token.asNumber({ Ref: 'Rc' }) }), '- reservedConcurrency: must be a literal number known at synth time, not a token'],
  ])('throws when %s', (_name, overrides, message) => {
    expect(() => build(overrides())).toThrow(message);
  });

  test('throws when the domain record name is a token', () => {
    const stack = testStack();
    const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Z', { hostedZoneId: 'Z1', zoneName: 'example.com' });
    expect(() => build({ domain: { hostedZone, recordName: Token.asString({ Ref: 'Name' }) } }, stack))
      .toThrow('- domain.recordName: must be a literal string known at synth time, not a token');
  });
});
