// Every compliance suppression the cross-account constructs add must suppress a finding in the
// configuration it was added in: a suppression that matches nothing is a stale audit entry (the
// rule changed, the resource was fixed, or the id was mistyped) and hides the next finding.
//
// How: test/support/suppression-audit.ts records each Suppressions.add call made from
// src/cross-account/, strips every acknowledgement and runs the compliance gates once more: each
// recorded suppression must match a raw finding on its construct or below.
import * as path from 'path';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { CrossAccountLink } from '../../../src/blocks/link';
import { PlatformHub } from '../../../src/platform/hub';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';
import { RecordedSuppression, auditSuppressions, unusedSuppressions } from '../../support/suppression-audit';

const FIXTURE = path.join(__dirname, '..', '..', 'blocks', 'function', 'fixtures', 'hello');
const SOURCES = { sources: ['platform/hub/'] };

describe('every cross-account suppression suppresses a finding', () => {
  test.each([
    ['a hub with listed accounts', { tenantAccountIds: ['210987654321'] }],
    ['a hub with accounts narrowed to an organization', { tenantAccountIds: ['210987654321'], organizationId: 'o-abcdefghij' }],
    ['a hub admitting an organization (issue 24 §4)', { organizationId: 'o-abcdefghij', quarantinedAccountIds: ['222222222222'] }],
  ])('%s', (_name, props) => {
    const stack = testStack('Platform', { account: '111111111111', region: 'us-east-1' });
    const { recorded, unused } = auditSuppressions(() => {
      new PlatformHub(stack, 'Hub', props);
      return stack;
    }, SOURCES);
    expect(recorded.length).toBeGreaterThan(10);
    expect(unused).toEqual([]);
  });

  test('a link with a hub and grants', () => {
    const stack = testStack('Tenant', { account: '210987654321', region: 'us-east-1' });
    const { recorded, unused } = auditSuppressions(() => {
      const link = new CrossAccountLink(stack, 'Link', {
        tenantId: 'acme',
        platformAccountId: '111111111111',
        platformRoleArns: ['arn:aws:iam::111111111111:role/console'],
        externalId: 'acme-3b9f0c2d7e1a4f6b8c5d9e0a1b2c3d4e',
        hub: PlatformHub.referenceFor('111111111111', 'us-east-1'),
      });
      const tier = TenantTier.DEVELOPMENT;
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
      const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, encryptionKey: key });
      const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network, encryptionKey: key });
      const fn = new TenantFunction(stack, 'App', { tenantId: 'acme', tier, network, encryptionKey: key, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
      link.allowQuery(database);
      link.allowInvoke(fn);
      return stack;
    }, SOURCES);
    // (the link may add none: its boundary names exact resources since issue 9.1)
    expect(recorded.every((r) => r.path.startsWith('Tenant/Link'))).toBe(true);
    expect(unused).toEqual([]);
  });

  test('the check fails for a suppression that matches no finding', () => {
    const stack = testStack('Platform', { account: '111111111111', region: 'us-east-1' });
    const { recorded, raw } = auditSuppressions(() => {
      new PlatformHub(stack, 'Hub', { tenantAccountIds: ['210987654321'] });
      return stack;
    }, SOURCES);
    const extra: RecordedSuppression[] = [
      { path: 'Platform/Hub/LogProcessor', suppression: { id: 'AwsSolutions-S1', reason: 'a function is not a bucket' } },
    ];
    expect(unusedSuppressions([...recorded, ...extra], raw)).toEqual(['AwsSolutions-S1 @ Platform/Hub/LogProcessor']);
  });
});
