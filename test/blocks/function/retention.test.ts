// Issue 21.3 for TenantFunction: data stays kept when a tenant changes. A tier change (PRODUCTION to
// DEVELOPMENT, then a destroy) must never delete or shorten what keeps the customer's data; making
// the data disposable is an explicit, separate prop, refused in PRODUCTION.
import { Template } from 'aws-cdk-lib/assertions';
import { PropsOverride, build, prod } from './support';
import { TenantTier } from '../../../src/core';

/** Everything that decides whether the block's data survives: per bucket of the block, and the key that decrypts it. */
function dataKeeping(t: Template) {
  const resources = t.toJSON().Resources as Record<string, any>;
  const buckets = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::S3::Bucket' && /^App(AccessLogs|Data)[0-9A-F]{8}$/.test(id));
  expect(buckets.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['AppAccessLogs', 'AppData']);
  const emptied = Object.values(resources)
    .filter((r) => r.Type === 'Custom::S3AutoDeleteObjects')
    .map((r) => r.Properties.BucketName.Ref);
  const keys = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::KMS::Key');
  expect(keys).toHaveLength(1);
  return {
    buckets: Object.fromEntries(buckets.map(([id, b]) => [id, {
      DeletionPolicy: b.DeletionPolicy,
      UpdateReplacePolicy: b.UpdateReplacePolicy,
      Versioning: b.Properties.VersioningConfiguration,
      // days until current objects expire (access logs) and until overwritten/deleted ones do
      ExpirationInDays: (b.Properties.LifecycleConfiguration?.Rules ?? []).map((r: any) => r.ExpirationInDays),
      NoncurrentDays: (b.Properties.LifecycleConfiguration?.Rules ?? []).map((r: any) => r.NoncurrentVersionExpiration?.NoncurrentDays),
      emptiedOnDestroy: emptied.includes(id),
    }])),
    key: { DeletionPolicy: keys[0][1].DeletionPolicy, UpdateReplacePolicy: keys[0][1].UpdateReplacePolicy },
  };
}

describe('21.3 a tier change never weakens what keeps the data', () => {
  test.each<[string, PropsOverride]>([
    ['defaults', {}],
    ['with internet egress and a public endpoint', { internetEgress: true, allowedCidrs: ['0.0.0.0/0'] }],
  ])('%s: the same props at DEVELOPMENT keep the data bucket, the access-log bucket and the key exactly as PRODUCTION does', (_name, overrides) => {
    const production = dataKeeping(prod(overrides).template);
    const development = dataKeeping(build({ domain: 'zone', ...overrides, tier: TenantTier.DEVELOPMENT }).template);
    expect(development).toEqual(production);
    // and PRODUCTION keeps: retained on delete and on replacement, versioned, never emptied
    for (const bucket of Object.values(production.buckets)) {
      expect(bucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Versioning: { Status: 'Enabled' }, emptiedOnDestroy: false });
    }
    expect(production.key).toEqual({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('disposableData: a DEVELOPMENT tenant opts into a clean destroy, explicitly', () => {
  test('DEVELOPMENT with disposableData: both buckets are emptied and deleted with the stack, short retention, the key goes too', () => {
    const disposable = dataKeeping(build({ disposableData: true }).template);
    for (const bucket of Object.values(disposable.buckets)) {
      expect(bucket).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete', Versioning: { Status: 'Enabled' }, emptiedOnDestroy: true });
    }
    const byName = Object.fromEntries(Object.entries(disposable.buckets).map(([id, b]) => [id.replace(/[0-9A-F]{8}$/, ''), b]));
    expect(byName.AppData.NoncurrentDays).toEqual([7]);
    expect(byName.AppAccessLogs.ExpirationInDays).toEqual([30]);
    expect(disposable.key).toEqual({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('DEVELOPMENT without it keeps the data as PRODUCTION does: retained buckets, 90 days of versions, a year of access logs, a retained key', () => {
    const kept = dataKeeping(build().template);
    const byName = Object.fromEntries(Object.entries(kept.buckets).map(([id, b]) => [id.replace(/[0-9A-F]{8}$/, ''), b]));
    expect(byName.AppData).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', NoncurrentDays: [90], emptiedOnDestroy: false });
    expect(byName.AppAccessLogs).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', ExpirationInDays: [365], emptiedOnDestroy: false });
    expect(kept.key).toEqual({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('disposableData: false is the default, stated', () => {
    expect(dataKeeping(build({ disposableData: false }).template)).toEqual(dataKeeping(build().template));
  });

  test.each<[string, PropsOverride, string]>([
    ['disposableData is set in PRODUCTION', { tier: TenantTier.PRODUCTION, domain: 'zone', disposableData: true },
      "- disposableData: is refused in PRODUCTION: a PRODUCTION tenant's data is kept when its stack is destroyed; to dispose of it, move the tenant to DEVELOPMENT and set disposableData then (got: true)"],
    ['disposableData is set and the tier defaults to PRODUCTION', { tier: undefined, domain: 'zone', disposableData: true }, '- disposableData: is refused in PRODUCTION'],
    ['disposableData is a string', { disposableData: 'true' as unknown as boolean }, '- disposableData: must be true or false'],
  ])('throws when %s', (_name, overrides, message) => {
    expect(() => build(overrides)).toThrow(message);
  });
});
