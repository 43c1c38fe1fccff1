// Issue 21.3 for logs: a tier change never shortens how long a log group keeps its events. The
// retention is one year in every tier; a shorter one (one month) is the explicit `disposable` opt-in,
// refused in PRODUCTION.
import { Template } from 'aws-cdk-lib/assertions';
import { TenantKey, TenantLogGroup, TenantLogGroupProps, TenantTier } from '../../src/core';
import { testStack } from '../support/app';

function retentionOf(tier: TenantTier, extra: Partial<TenantLogGroupProps> = {}) {
  const stack = testStack();
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  new TenantLogGroup(stack, 'Logs', { tier, encryptionKey: key, ...extra });
  const groups = Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'));
  expect(groups).toHaveLength(1);
  return groups[0].Properties.RetentionInDays;
}

describe('TenantLogGroup retention: never decided by the tier', () => {
  test('DEVELOPMENT keeps its logs as long as PRODUCTION does: 365 days in both', () => {
    expect({ development: retentionOf(TenantTier.DEVELOPMENT), production: retentionOf(TenantTier.PRODUCTION) })
      .toEqual({ development: 365, production: 365 });
  });

  test('disposable: false is the default, stated', () => {
    expect(retentionOf(TenantTier.DEVELOPMENT, { disposable: false })).toBe(retentionOf(TenantTier.DEVELOPMENT));
  });

  test('a DEVELOPMENT log group with the explicit disposable opt-in keeps one month', () => {
    expect(retentionOf(TenantTier.DEVELOPMENT, { disposable: true })).toBe(30);
  });

  test('throws when disposable is set in PRODUCTION', () => {
    expect(() => retentionOf(TenantTier.PRODUCTION, { disposable: true }))
      .toThrow("TenantLogGroup Logs: disposable is refused in PRODUCTION: a PRODUCTION tenant's logs are kept a year");
  });
});
