// Every compliance suppression TenantPostgres adds must suppress a finding in the configuration it
// was added in: a suppression that matches nothing is a stale audit entry (the rule changed, the
// resource was fixed, or the id was mistyped) and hides the next finding.
//
// How: test/support/suppression-audit.ts records each Suppressions.add call made from src/blocks/postgres/
// or from the VpcFunctionCleanup it builds (other calls from src/core, for the network, key and log
// groups, are not this block's), strips every acknowledgement and runs the compliance gates once
// more: each recorded suppression must match a raw finding on its construct or below.
import { TenantPostgres, TenantPostgresProps } from '../../../src/blocks/postgres';
import { LogShipping, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';
import { auditSuppressions } from '../../support/suppression-audit';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');
// the clean destroy of the bootstrap and rotation functions and the handler roles are this block's too, built by shared core constructs
const SOURCES = { sources: ['blocks/postgres/', 'core/vpc-function-cleanup', 'core/execution-role'] };
// Known stale, reported to the lead (src/ is not this test's to change): cdk-nag 3.0.2's
// Suppressions known to match nothing (none: a stale one must be removed from src/, not listed here).
const KNOWN_UNUSED: string[] = [];

describe.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('every TenantPostgres suppression suppresses a finding in %s', (tier) => {
  test.each<[string, Partial<TenantPostgresProps>]>([
    ['without allowedCidrs or log shipping', {}],
    ['with allowedCidrs and log shipping', { allowedCidrs: ['192.168.10.0/24', '10.20.0.0/16'], logShipping: SHIPPING }],
  ])('%s', (_name, extra) => {
    const stack = testStack();
    const { recorded, unused } = auditSuppressions(() => {
      new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, ...extra });
      return stack;
    }, SOURCES);
    expect(recorded.length).toBeGreaterThan(10);
    expect(unused).toEqual(KNOWN_UNUSED);
  });
});
