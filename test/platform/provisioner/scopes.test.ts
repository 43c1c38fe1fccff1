// The scope model on its own: principal matching, authorize, filterTenants, the link external id,
// the props validation (one error listing every problem), the handler's JSON and the resource policy.
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApiCallerScope, ProvisionerAccess, TenantAction } from '../../../src/platform/provisioner/scopes';
import { AccessPolicy, TENANT_ACTIONS, principalKey } from '../../../src/platform/provisioner/scopes.lambda-shared';

const ops = 'arn:aws:iam::111111111111:role/operators/oncall';

describe('principalKey', () => {
  test.each([
    ['a role with a path', 'arn:aws:iam::111111111111:role/operators/oncall', 'aws:111111111111:role/oncall'],
    ['a session of that role', 'arn:aws:sts::111111111111:assumed-role/oncall/alice@example.com', 'aws:111111111111:role/oncall'],
    ['a user', 'arn:aws:iam::111111111111:user/ci/deployer', 'aws:111111111111:user/deployer'],
    ['a role of another partition', 'arn:aws-us-gov:iam::111111111111:role/oncall', 'aws-us-gov:111111111111:role/oncall'],
    ['a root ARN stays itself', 'arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:root'],
  ])('%s', (_name, arn, key) => {
    expect(principalKey(arn)).toBe(key);
  });

  test('a role of the same name in another account is another principal', () => {
    const policy = new AccessPolicy([{ principalArn: ops, allTenants: true, actions: ['READ'] }]);
    expect(policy.isCaller('arn:aws:sts::222222222222:assumed-role/oncall/alice')).toBe(false);
    expect(policy.isCaller('arn:aws:sts::111111111111:assumed-role/oncall/alice')).toBe(true);
  });
});

describe('authorize', () => {
  const policy = new AccessPolicy([
    { principalArn: ops, tenantIdPrefix: 'acme-', actions: ['READ', 'CODE_PUSH'] },
    { principalArn: ops, tenantIds: ['globex'], accounts: ['210987654321'], actions: ['DESTROY'] },
  ]);

  test.each([
    ['READ in the prefix', 'READ', { tenantId: 'acme-eu' }, true],
    ['READ outside the prefix', 'READ', { tenantId: 'acmeco' }, false],
    ['a second scope of the same caller', 'DESTROY', { tenantId: 'globex', account: '210987654321' }, true],
    ['an account-limited scope, another account', 'DESTROY', { tenantId: 'globex', account: '310987654321' }, false],
    ['an account-limited scope, account unknown', 'DESTROY', { tenantId: 'globex' }, false],
    ['an action of another scope', 'DESTROY', { tenantId: 'acme-eu' }, false],
    ['a code push to DEVELOPMENT', 'CODE_PUSH', { tenantId: 'acme-eu', tier: 'DEVELOPMENT' }, true],
    ['a code push to PRODUCTION', 'CODE_PUSH', { tenantId: 'acme-eu', tier: 'PRODUCTION' }, false],
    ['a fleet action without a fleet scope', 'ROLLOUT', undefined, false],
  ] as const)('%s', (_name, action, tenant, allowed) => {
    expect(policy.authorize(ops, action, tenant).allowed).toBe(allowed);
  });

  test('filterTenants keeps what READ covers; the link external id needs ASSUME_LINK', () => {
    expect(policy.filterTenants(ops, [{ tenantId: 'acme-eu' }, { tenantId: 'globex' }, { tenantId: 'acme-us' }]).map((t) => t.tenantId))
      .toEqual(['acme-eu', 'acme-us']);
    expect(policy.mayReadLinkExternalId(ops, { tenantId: 'acme-eu' })).toBe(false);
    const console = new AccessPolicy([{ principalArn: ops, allTenants: true, actions: ['READ', 'ASSUME_LINK'] }]);
    expect(console.mayReadLinkExternalId(ops, { tenantId: 'acme-eu' })).toBe(true);
  });

  test('a fleet action needs allTenants without accounts', () => {
    const limited = new AccessPolicy([{ principalArn: ops, allTenants: true, accounts: ['210987654321'], actions: ['ROLLOUT'] }]);
    expect(limited.authorize(ops, 'ROLLOUT').allowed).toBe(false);
    const fleet = new AccessPolicy([{ principalArn: ops, allTenants: true, actions: ['ROLLOUT'] }]);
    expect(fleet.authorize(ops, 'ROLLOUT').allowed).toBe(true);
  });

  test('fromEnv reads the construct\'s JSON and refuses a missing variable', () => {
    const scopes: ApiCallerScope[] = [{ principalArn: ops, tenantIds: ['acme'], actions: [TenantAction.READ] }];
    const policy2 = AccessPolicy.fromEnv({ API_CALLER_SCOPES: ProvisionerAccess.toJson(scopes), ALLOW_SHARED_TENANT_ACCOUNTS: 'true' });
    expect(policy2.authorize(ops, 'READ', { tenantId: 'acme' }).allowed).toBe(true);
    expect(policy2.allowSharedAccounts).toBe(true);
    expect(() => AccessPolicy.fromEnv({})).toThrow('environment variable API_CALLER_SCOPES is not set: the API would have no callers');
  });
});

describe('ProvisionerAccess.validate', () => {
  test('the enum and the handler know the same actions', () => {
    expect(Object.values(TenantAction).sort()).toEqual([...TENANT_ACTIONS].sort());
  });

  test('accepts a realistic set of scopes', () => {
    expect(() => ProvisionerAccess.validate([
      { principalArn: ops, allTenants: true, actions: [TenantAction.READ, TenantAction.ROLLOUT] },
      { principalArn: 'arn:aws:iam::111111111111:role/approvers', allTenants: true, actions: [TenantAction.APPROVE] },
      { principalArn: 'arn:aws:iam::111111111111:role/acme', tenantIds: ['acme'], accounts: ['210987654321'], actions: [TenantAction.READ] },
      { principalArn: 'arn:aws:iam::111111111111:user/dev', tenantIdPrefix: 'dev-', actions: [TenantAction.CODE_PUSH] },
    ], { tenantAccountIds: ['210987654321'] })).not.toThrow();
  });

  const base = { principalArn: ops, tenantIds: ['acme'], actions: [TenantAction.READ] };
  test.each([
    ['no scope at all', [], '- apiCallers: list the callers of the API and what each may do (at least one scope) (got: [])'],
    ['a wildcard principal', [{ ...base, principalArn: 'arn:aws:iam::111111111111:role/*' }], 'apiCallers[0].principalArn: must name one principal, no wildcards'],
    ['an account root', [{ ...base, principalArn: 'arn:aws:iam::111111111111:root' }], 'an account root would admit every principal of the account'],
    ['a session instead of the role', [{ ...base, principalArn: 'arn:aws:sts::111111111111:assumed-role/oncall/alice' }], 'must name the role'],
    ['no actions', [{ ...base, actions: [] }], 'apiCallers[0].actions: must list at least one of READ'],
    ['an unknown action', [{ ...base, actions: ['DELETE_EVERYTHING' as TenantAction] }], 'apiCallers[0].actions[0]: must be one of TenantAction.READ'],
    ['a duplicated action', [{ ...base, actions: [TenantAction.READ, TenantAction.READ] }], 'apiCallers[0].actions[1]: duplicates actions[0]'],
    ['two tenant selectors', [{ ...base, allTenants: true }], 'apiCallers[0]: give exactly one of tenantIds, tenantIdPrefix or allTenants'],
    ['no tenant selector', [{ principalArn: ops, actions: [TenantAction.READ] }], 'apiCallers[0]: give exactly one of tenantIds, tenantIdPrefix or allTenants'],
    ['an invalid tenant id', [{ ...base, tenantIds: ['Acme'] }], 'apiCallers[0].tenantIds[0]: must be 3-31 characters'],
    ['an empty prefix', [{ principalArn: ops, tenantIdPrefix: '', actions: [TenantAction.READ] }], 'apiCallers[0].tenantIdPrefix: must be the start of a tenant id'],
    ['an account outside the provisioner', [{ ...base, accounts: ['999999999999'] }], "apiCallers[0].accounts[0]: is not one of the provisioner's tenantAccountIds (210987654321)"],
    ['rollout for some tenants', [{ ...base, actions: [TenantAction.ROLLOUT] }], 'apiCallers[0].actions: ROLLOUT act on the whole fleet: they need allTenants: true and no accounts'],
    ['approval limited to an account', [{ principalArn: ops, allTenants: true, accounts: ['210987654321'], actions: [TenantAction.APPROVE] }], 'APPROVE act on the whole fleet'],
    ['platform settings for some tenants', [{ ...base, actions: [TenantAction.CHANGE_SETTINGS, TenantAction.PLATFORM_SETTINGS] }], 'apiCallers[0].actions: PLATFORM_SETTINGS act on the whole fleet: they need allTenants: true and no accounts'],
    ['too many scopes for the environment', Array.from({ length: 40 }, (_, i) => ({ ...base, principalArn: `${ops}-${i}`, tenantIds: ['acme', 'globex', 'initech'] })), 'at most 3000 fit'],
  ])('throws when %s', (_name, scopes, message) => {
    expect(() => ProvisionerAccess.validate(scopes as ApiCallerScope[], { tenantAccountIds: ['210987654321'] })).toThrow(message);
  });

  test('throws one error listing every problem', () => {
    expect(() => ProvisionerAccess.validate([
      { principalArn: 'arn:aws:iam::111111111111:root', actions: [] },
      { principalArn: ops, tenantIds: ['acme'], actions: [TenantAction.APPROVE] },
    ])).toThrow(/^Invalid TenantProvisioner props for tenant "platform":\n- apiCallers\[0\]\.principalArn: .*\n- apiCallers\[0\]\.actions: .*\n- apiCallers\[0\]: give exactly one.*\n- apiCallers\[1\]\.actions: APPROVE act on the whole fleet/);
  });
});

describe('the API resource policy', () => {
  test('only denies principals that are not callers and grants nothing', () => {
    const doc = new Stack().resolve(ProvisionerAccess.apiResourcePolicy([
      { principalArn: ops, allTenants: true, actions: [TenantAction.READ] },
      { principalArn: ops, tenantIds: ['acme'], actions: [TenantAction.DESTROY] },
      { principalArn: 'arn:aws:iam::111111111111:role/acme', tenantIds: ['acme'], actions: [TenantAction.READ] },
    ]).toJSON());
    expect(doc.Statement).toEqual([{
      Sid: 'OnlyScopedCallers',
      Effect: 'Deny',
      Action: 'execute-api:Invoke',
      Principal: { AWS: '*' },
      Resource: 'execute-api:/*',
      Condition: { StringNotEquals: { 'aws:PrincipalArn': [ops, 'arn:aws:iam::111111111111:role/acme'] } },
    }]);
  });
});

test('a caller that is a role of this app (its ARN a token) is admitted and resolves in the handler\'s scopes and the resource policy', () => {
  const stack = new Stack(undefined, 'Tokens', { env: { account: '111111111111', region: 'us-east-1' } });
  const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const scopes = [{ principalArn: role.roleArn, allTenants: true, actions: [TenantAction.READ] }];
  expect(() => ProvisionerAccess.validate(scopes)).not.toThrow();
  const json = stack.resolve(ProvisionerAccess.toJson(scopes));
  expect(JSON.stringify(json)).toContain('"Fn::GetAtt":["Caller');
});
