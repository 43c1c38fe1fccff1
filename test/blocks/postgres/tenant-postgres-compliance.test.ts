import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { LogShipping, Suppressions, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';
import { cfnLint, formatCfnLint } from '../../support/cfn-lint';
import { complianceFindings, findingKeys, formatFindings } from '../../support/compliance';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');

describe.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('TenantPostgres in %s', (tier) => {
  function dbStack() {
    const stack = testStack(`Postgres${tier}`);
    const db = new TenantPostgres(stack, 'Database', { tenantId: 'acme', tier, allowedCidrs: ['192.168.10.0/24'], logShipping: SHIPPING });
    return { stack, db };
  }

  test('passes every compliance gate (cdk-nag x4, Control Tower) with no unsuppressed finding', () => {
    expect(formatFindings(complianceFindings(dbStack().stack))).toBe('no compliance findings');
  });

  test('holds every guardrail invariant', () => {
    expect(Annotations.fromStack(dbStack().stack).findError('*', Match.anyValue())).toEqual([]);
  });

  test('passes cfn-lint with no error and no unexplained warning', () => {
    const result = cfnLint(dbStack().stack);
    expect(formatCfnLint([...result.errors, ...result.warnings])).toBe('');
  });

  test('every suppression of the block carries a specific reason', () => {
    const { db } = dbStack();
    const ids = db.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'));
    expect(ids.length).toBeGreaterThan(0);
    for (const entry of ids) {
      for (const reason of Object.values(entry.data as Record<string, string>)) {
        expect(reason.length).toBeGreaterThan(60);
      }
    }
  });
});

test('the DEVELOPMENT deletion-protection suppressions do real work: without them the gates report it', () => {
  const stack = testStack('Raw');
  const db = new TenantPostgres(stack, 'Database', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  const cfnCluster = db.cluster.node.defaultChild!;
  // drop the block's suppressions on the L1 cluster (the deletion protection ones live there)
  (cfnCluster.node as any)._metadata = cfnCluster.node.metadata.filter((m) => m.type !== 'aws:cdk:acknowledged-rules');
  expect(Suppressions.suppressedIds(cfnCluster)).not.toContain('CT.RDS.PR.3');
  const keys = findingKeys(complianceFindings(stack));
  expect(keys).toEqual(expect.arrayContaining([
    'AwsSolutions-RDS10 @ Raw/Database/Resource/Resource',
    'CT.RDS.PR.3 @ Raw/Database/Resource/Resource',
  ]));
});

test('PRODUCTION needs no deletion-protection suppression', () => {
  const stack = testStack('Prod');
  const db = new TenantPostgres(stack, 'Database', { tenantId: 'acme', tier: TenantTier.PRODUCTION });
  expect(Suppressions.suppressedIds(db.cluster.node.defaultChild!)).not.toContain('CT.RDS.PR.3');
});
