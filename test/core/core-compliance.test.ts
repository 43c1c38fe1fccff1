import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../src';
import { testStack } from '../support/app';
import { cfnLint, formatCfnLint } from '../support/cfn-lint';
import { complianceFindings, formatFindings } from '../support/compliance';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');

describe.each([
  [TenantTier.DEVELOPMENT, false],
  [TenantTier.DEVELOPMENT, true],
  [TenantTier.PRODUCTION, false],
  [TenantTier.PRODUCTION, true],
])('core pieces in %s (internet egress: %s)', (tier, internetEgress) => {
  function coreStack() {
    const stack = testStack(`Core${tier}${internetEgress ? 'Egress' : ''}`);
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
    const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', tier, encryptionKey: key, logShipping: SHIPPING, internetEgress });
    // a handler group connected to the endpoints: the S3 prefix list lookup comes along
    network.connectToAwsEndpoints(new ec2.SecurityGroup(stack, 'HandlerGroup', { vpc: network.vpc, allowAllOutbound: false }));
    return stack;
  }

  test('pass every compliance gate with no unsuppressed finding', () => {
    const findings = complianceFindings(coreStack());
    expect(formatFindings(findings)).toBe('no compliance findings');
  });

  test('hold every guardrail invariant (no error annotation)', () => {
    const stack = coreStack();
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  test('pass cfn-lint with no error and no unexplained warning', () => {
    const result = cfnLint(coreStack());
    expect(formatCfnLint([...result.errors, ...result.warnings])).toBe('');
  });

  test('every suppression in the template carries a reason', () => {
    const stack = coreStack();
    const suppressed = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'));
    expect(suppressed.length).toBeGreaterThan(0);
    for (const entry of suppressed) {
      for (const reason of Object.values(entry.data as Record<string, string>)) {
        expect(reason.length).toBeGreaterThan(40);
      }
    }
  });
});

test('DEVELOPMENT log retention below a year is a finding when not suppressed (the suppression is doing work)', () => {
  const stack = testStack('Raw');
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  // A one-month log group created without TenantLogGroup's reasoned suppression.
  new logs.LogGroup(stack, 'Bare', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key.key });
  const ids = complianceFindings(stack, { gates: ['ControlTower'] }).map((f) => `${f.ruleId} ${f.resourcePath}`);
  expect(ids).toContain('CT.CLOUDWATCH.PR.2 Raw/Bare/Resource');
});
