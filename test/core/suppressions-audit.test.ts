// Every compliance suppression the core pieces add (TenantNetwork, TenantKey, TenantLogGroup) must
// suppress a finding in the configuration it was added in; VpcFunctionCleanup is audited in
// vpc-function-cleanup.test.ts. Also the audit helper itself (test/support/suppression-audit.ts):
// it must report a suppression that matches no finding, or it could never fail.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogShipping, TenantKey, TenantLogGroup, TenantNetwork, TenantTier } from '../../src/core';
import { testStack } from '../support/app';
import { Finding } from '../support/compliance';
import { auditSuppressions, unusedSuppressions } from '../support/suppression-audit';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');
const CORE = { sources: ['core/'] };

describe.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('every core suppression suppresses a finding in %s', (tier) => {
  test.each<[string, LogShipping | undefined, boolean, boolean]>([
    ['without log shipping', undefined, false, false],
    ['with log shipping', SHIPPING, false, false],
    ['with log shipping and internet egress (NAT)', SHIPPING, true, false],
    ['with a handler group connected to the endpoints (the S3 prefix list lookup)', SHIPPING, false, true],
  ])('a tenant key, network and log group %s', (_name, logShipping, internetEgress, connected) => {
    const stack = testStack();
    const { recorded, unused } = auditSuppressions(() => {
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
      const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier, encryptionKey: key, logShipping, internetEgress });
      if (connected) network.connectToAwsEndpoints(new ec2.SecurityGroup(stack, 'HandlerGroup', { vpc: network.vpc, allowAllOutbound: false }));
      new TenantLogGroup(stack, 'Logs', { tier, encryptionKey: key, logShipping });
      return stack;
    }, CORE);
    expect(recorded.length).toBeGreaterThan(5);
    expect(unused).toEqual([]);
  });
});

describe('the suppression audit', () => {
  test('reports a suppression whose finding is gone (the resource was fixed after the suppression was added)', () => {
    const stack = testStack();
    const { recorded, unused } = auditSuppressions(() => {
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      const logGroup = new TenantLogGroup(stack, 'Logs', { tier: TenantTier.DEVELOPMENT, encryptionKey: key, disposable: true });
      // a year of retention satisfies CT.CLOUDWATCH.PR.2: the disposable logs' suppression now matches nothing
      (logGroup.node.defaultChild as logs.CfnLogGroup).retentionInDays = 365;
      return stack;
    }, CORE);
    expect(recorded.map((r) => `${r.suppression.id} @ ${r.path}`)).toEqual(['CT.CLOUDWATCH.PR.2 @ TestStack/Logs']);
    expect(unused).toEqual(['CT.CLOUDWATCH.PR.2 @ TestStack/Logs']);
  });

  test('records only the calls from the given sources, yet strips every suppression before the gates run', () => {
    const stack = testStack();
    const { recorded, raw, unused } = auditSuppressions(() => {
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      new TenantLogGroup(stack, 'Logs', { tier: TenantTier.DEVELOPMENT, encryptionKey: key, disposable: true });
      return stack;
    }, { sources: ['blocks/postgres/', 'core/vpc-function-cleanup'] });
    expect(recorded).toEqual([]);
    expect(unused).toEqual([]);
    expect(raw.map((f) => `${f.ruleId} @ ${f.resourcePath}`)).toContain('CT.CLOUDWATCH.PR.2 @ TestStack/Logs/Resource');
  });

  test('a granular suppression needs its exact finding, a plain id covers the granular ones, and the finding must be on the construct or below', () => {
    const raw: Finding[] = [{ pack: 'AwsSolutions', ruleId: 'AwsSolutions-IAM5[Resource::*]', resourcePath: 'S/C/Handler/ServiceRole/DefaultPolicy/Resource', logicalId: 'x', resourceType: 'AWS::IAM::Policy', severity: 'error', message: 'm' }];
    expect(unusedSuppressions([
      { path: 'S/C/Handler', suppression: { id: 'AwsSolutions-IAM5', reason: 'matches the wildcard finding', appliesTo: ['Resource::*', 'Resource::arn:nope'] } },
      { path: 'S/C', suppression: { id: 'AwsSolutions-IAM5', reason: 'a plain id covers the granular finding below' } },
      { path: 'S/C/Logs', suppression: { id: 'AwsSolutions-IAM5', reason: 'wrong construct for the finding' } },
      { path: 'S/C/Hand', suppression: { id: 'AwsSolutions-IAM5', reason: 'a path prefix that is not an ancestor' } },
    ], raw)).toEqual(['AwsSolutions-IAM5[Resource::arn:nope] @ S/C/Handler', 'AwsSolutions-IAM5 @ S/C/Logs', 'AwsSolutions-IAM5 @ S/C/Hand']);
  });
});
