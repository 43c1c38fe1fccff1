// The scope model in front of the REAL API handler, against a real DynamoDB API (dynalite):
// every route × every kind of scope (allowed with the handler's own answer, 403, filtered),
// a caller scoped to tenant A trying every route on tenant B, four eyes on approvals, one tenant
// per account, and a test that fails when the handler grows a route without an authorization rule.
import { readFileSync } from 'fs';
import * as path from 'path';
import { LocalDynamo, devSpec, startDynalite, testConfig } from './support';
import { ApiEvent, handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { AUTHORIZED_ROUTES, authorizeApiRequest } from '../../../src/platform/provisioner/scopes-api.lambda-shared';
import { AccessPolicy, ScopeRule } from '../../../src/platform/provisioner/scopes.lambda-shared';
import { createRegistryTableLike } from '../../cli/local-api';

const ACCOUNTS = ['210987654321', '310987654321', '410987654321', '510987654321'];
const role = (name: string) => `arn:aws:iam::111111111111:role/platform/${name}`;
const session = (name: string, s = 'alice') => `arn:aws:sts::111111111111:assumed-role/${name}/${s}`;

const FLEET = role('fleet-operator');
const APPROVER = role('release-approver');
const TENANT_A = role('acme-admin');
const PREFIX_READER = role('beta-support');
const CONSOLE = role('console-backend');
const ACCOUNT_READER = role('account-auditor');
const STRANGER = role('somebody-else');
const PLATFORM = role('platform-team');

const SCOPES: ScopeRule[] = [
  { principalArn: FLEET, allTenants: true, actions: ['READ', 'CREATE', 'CHANGE_SETTINGS', 'SUSPEND_RESUME', 'DESTROY', 'DRIFT', 'ROLLOUT'] },
  { principalArn: APPROVER, allTenants: true, actions: ['READ', 'APPROVE'] },
  { principalArn: TENANT_A, tenantIds: ['acme'], actions: ['READ', 'CREATE', 'CHANGE_SETTINGS', 'SUSPEND_RESUME', 'DESTROY', 'DRIFT'] },
  { principalArn: PREFIX_READER, tenantIdPrefix: 'beta-', actions: ['READ'] },
  { principalArn: CONSOLE, allTenants: true, actions: ['READ', 'ASSUME_LINK'] },
  { principalArn: ACCOUNT_READER, allTenants: true, accounts: [ACCOUNTS[1]], actions: ['READ'] },
  { principalArn: PLATFORM, allTenants: true, actions: ['READ', 'CREATE', 'CHANGE_SETTINGS', 'PLATFORM_SETTINGS'] },
];

let dynamo: LocalDynamo;
let tables = 0;
beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());

interface Fleet {
  readonly registry: Registry;
  readonly started: string[];
  readonly operationOfB: string;
  readonly rolloutId: string;
  call(caller: string, method: string, resource: string, params?: Record<string, string>, body?: unknown): Promise<{ statusCode: number; json: any }>;
}

/** Three tenants (acme, globex, beta-one in three accounts), ACTIVE, an operation of globex and a rollout waiting for approval. */
async function fleet(options: { allowSharedAccounts?: boolean } = {}): Promise<Fleet> {
  const tableName = `scopes-${++tables}`;
  await createRegistryTableLike(dynamo.client, tableName);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName, { tenantAccountIds: ACCOUNTS });
  const started: string[] = [];
  const policy = new AccessPolicy(SCOPES, options);
  let clock = Date.parse('2026-12-01T00:00:00.000Z');
  const deps = () => ({
    registry,
    config,
    now: () => new Date(clock += 1000),
    workflows: {
      startExecution: async (arn: string, name: string) => { started.push(`${arn.split(':').pop()}/${name}`); },
      sendTaskSuccess: async () => undefined,
    },
  });
  const call = async (caller: string, method: string, resource: string, params: Record<string, string> = {}, body?: unknown) => {
    const event: ApiEvent = {
      resource,
      httpMethod: method,
      pathParameters: params,
      headers: {},
      queryStringParameters: null,
      body: body === undefined ? null : JSON.stringify(body),
      requestContext: { identity: { userArn: caller } },
    };
    const result = await authorizeApiRequest(event, deps(), policy, handleApiRequest);
    return { statusCode: result.statusCode, json: JSON.parse(result.body) };
  };
  const seed = [['acme', ACCOUNTS[0]], ['globex', ACCOUNTS[1]], ['beta-one', ACCOUNTS[2]]];
  for (const [tenantId, account] of seed) {
    const created = await call(FLEET, 'POST', '/tenants', {}, { spec: devSpec(tenantId, { account }) });
    expect(created.statusCode).toBe(201);
    // The workflow's end, as the Record step writes it: deployed and unlocked.
    expect(await registry.unlockTenant(tenantId, created.json.operation.operationId, { state: 'ACTIVE', deployedVersion: 1 })).toBe(true);
  }
  const ops = await registry.listOperations('globex', 10);
  const rolloutId = 'rollout-1';
  await registry.putRollout({
    rolloutId,
    release: '2.0.0',
    status: 'AWAITING_APPROVAL',
    requestedBy: session('fleet-operator'),
    createdAt: '2026-12-01T00:00:00.000Z',
    request: {},
    approvalToken: 'token-1',
    awaitingApprovalForWave: 1,
  });
  started.length = 0;
  return { registry, started, operationOfB: ops.items[0].operationId, rolloutId, call };
}

/** One request per route, aimed at tenant B (globex) where a tenant is involved. */
const ROUTES: Array<{ name: string; method: string; resource: string; params?: (f: Fleet) => Record<string, string>; body?: unknown; ok: number }> = [
  { name: 'create a tenant', method: 'POST', resource: '/tenants', body: { spec: devSpec('initech', { account: ACCOUNTS[3] }) }, ok: 201 },
  { name: 'list tenants', method: 'GET', resource: '/tenants', ok: 200 },
  { name: 'get tenant B', method: 'GET', resource: '/tenants/{tenantId}', params: () => ({ tenantId: 'globex' }), ok: 200 },
  { name: 'change B\'s settings', method: 'PATCH', resource: '/tenants/{tenantId}', params: () => ({ tenantId: 'globex' }), body: { settings: { database: { maxCapacity: 4 } } }, ok: 202 },
  { name: 'suspend B', method: 'PATCH', resource: '/tenants/{tenantId}', params: () => ({ tenantId: 'globex' }), body: { state: 'SUSPENDED' }, ok: 200 },
  { name: 'move B to another release', method: 'PATCH', resource: '/tenants/{tenantId}', params: () => ({ tenantId: 'globex' }), body: { release: '2.0.0' }, ok: 202 },
  { name: 'destroy B', method: 'DELETE', resource: '/tenants/{tenantId}', params: () => ({ tenantId: 'globex' }), ok: 202 },
  { name: 'list B\'s operations', method: 'GET', resource: '/tenants/{tenantId}/operations', params: () => ({ tenantId: 'globex' }), ok: 200 },
  { name: 'detect drift on B', method: 'POST', resource: '/tenants/{tenantId}/drift', params: () => ({ tenantId: 'globex' }), ok: 202 },
  { name: 'get an operation of B', method: 'GET', resource: '/operations/{operationId}', params: (f) => ({ operationId: f.operationOfB }), ok: 200 },
  { name: 'start a rollout', method: 'POST', resource: '/rollouts', body: { release: '2.0.0' }, ok: 202 },
  { name: 'get a rollout', method: 'GET', resource: '/rollouts/{rolloutId}', params: (f) => ({ rolloutId: f.rolloutId }), ok: 200 },
  { name: 'approve a wave', method: 'POST', resource: '/rollouts/{rolloutId}/approval', params: (f) => ({ rolloutId: f.rolloutId }), body: { approved: true }, ok: 200 },
];

/** The routes each caller may take on tenant B (globex, account ACCOUNTS[1]); every other one is 403. */
const ALLOWED: Record<string, string[]> = {
  [FLEET]: ['create a tenant', 'list tenants', 'get tenant B', 'change B\'s settings', 'suspend B', 'move B to another release', 'destroy B',
    'list B\'s operations', 'detect drift on B', 'get an operation of B', 'start a rollout', 'get a rollout'],
  [APPROVER]: ['list tenants', 'get tenant B', 'list B\'s operations', 'get an operation of B', 'get a rollout', 'approve a wave'],
  [TENANT_A]: ['list tenants'],
  [PREFIX_READER]: ['list tenants'],
  [CONSOLE]: ['list tenants', 'get tenant B', 'list B\'s operations', 'get an operation of B', 'get a rollout'],
  [ACCOUNT_READER]: ['list tenants', 'get tenant B', 'list B\'s operations', 'get an operation of B'],
  [STRANGER]: [],
};

const CASES = Object.entries(ALLOWED).flatMap(([caller, allowed]) =>
  ROUTES.map((r) => ({ caller: caller.split('/').pop()!, arn: caller, route: r, allowed: allowed.includes(r.name) })));

describe('scope × route matrix (tenant B = globex)', () => {
  test.each(CASES)('$caller: $route.name → allowed=$allowed', async ({ arn, route, allowed }) => {
    const f = await fleet();
    const before = await f.registry.getTenant('globex');
    const res = await f.call(arn, route.method, route.resource, route.params?.(f) ?? {}, route.body);
    if (allowed) {
      expect({ status: res.statusCode, body: res.json }).toEqual(expect.objectContaining({ status: route.ok }));
    } else {
      expect(res.statusCode).toBe(403);
      expect(res.json.message).toBe('forbidden');
      expect(res.json.problems).toHaveLength(1);
      // Nothing moved: no workflow started, tenant B unchanged.
      expect(f.started).toEqual([]);
      expect(await f.registry.getTenant('globex')).toEqual(before);
    }
  });
});

describe('lists and answers are trimmed to the scope', () => {
  test.each([
    ['fleet operator', FLEET, ['acme', 'beta-one', 'globex']],
    ['tenant A\'s admin', TENANT_A, ['acme']],
    ['prefix reader', PREFIX_READER, ['beta-one']],
    ['account reader', ACCOUNT_READER, ['globex']],
  ])('GET /tenants shows a %s only its tenants', async (_name, caller, expected) => {
    const f = await fleet();
    const res = await f.call(caller, 'GET', '/tenants');
    expect(res.statusCode).toBe(200);
    expect(res.json.tenants.map((t: any) => t.tenantId).sort()).toEqual(expected);
  });

  test('GET /tenants/{id} carries linkExternalId only to a scope that may assume the link', async () => {
    const f = await fleet();
    const operator = await f.call(FLEET, 'GET', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect(operator.statusCode).toBe(200);
    expect(operator.json.tenant).not.toHaveProperty('linkExternalId');
    const consoleBackend = await f.call(CONSOLE, 'GET', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect(consoleBackend.json.tenant.linkExternalId).toMatch(/^[0-9a-f]{48}$/);
    expect(consoleBackend.json.tenant.linkExternalId).toBe((await f.registry.getTenant('globex'))!.externalId);
  });

  test('a session of a scoped role is that role (the assumed-role ARN has no path)', async () => {
    const f = await fleet();
    const res = await f.call(session('acme-admin', 'bob'), 'GET', '/tenants');
    expect(res.json.tenants.map((t: any) => t.tenantId)).toEqual(['acme']);
    expect((await f.call(session('acme-admin', 'bob'), 'DELETE', '/tenants/{tenantId}', { tenantId: 'globex' })).statusCode).toBe(403);
  });
});

describe('a caller scoped to tenant A', () => {
  test('may take every per-tenant route on A', async () => {
    const f = await fleet();
    const a = { tenantId: 'acme' };
    expect((await f.call(TENANT_A, 'GET', '/tenants/{tenantId}', a)).statusCode).toBe(200);
    expect((await f.call(TENANT_A, 'GET', '/tenants/{tenantId}/operations', a)).statusCode).toBe(200);
    expect((await f.call(TENANT_A, 'PATCH', '/tenants/{tenantId}', a, { state: 'SUSPENDED' })).statusCode).toBe(200);
    expect((await f.call(TENANT_A, 'PATCH', '/tenants/{tenantId}', a, { state: 'ACTIVE' })).statusCode).toBe(200);
    expect((await f.call(TENANT_A, 'POST', '/tenants/{tenantId}/drift', a)).statusCode).toBe(202);
  });

  test('is refused on every route that touches tenant B, and B is never read into an answer', async () => {
    const f = await fleet();
    const answers = [];
    for (const r of ROUTES) answers.push({ route: r.name, ...(await f.call(TENANT_A, r.method, r.resource, r.params?.(f) ?? {}, r.body)) });
    expect(answers.filter((a) => a.statusCode !== 403).map((a) => a.route)).toEqual(['list tenants']);
    // Refusals name only what the caller asked for; no answer carries B's data.
    expect(answers.filter((a) => a.statusCode !== 403).map((a) => JSON.stringify(a.json)).join('\n')).not.toContain('globex');
    expect(answers.map((a) => JSON.stringify(a.json)).join('\n')).not.toContain(ACCOUNTS[1]);
    expect(f.started).toEqual([]);
  });

  test('may not pin A to a release (a fleet decision)', async () => {
    const f = await fleet();
    const res = await f.call(TENANT_A, 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { release: '2.0.0' });
    expect(res.statusCode).toBe(403);
    expect(res.json.problems[0]).toMatch(/ROLLOUT needs a scope over every tenant/);
  });
});

describe('approvals', () => {
  test('throws when the approver is the requester: another session of the same role is refused', async () => {
    const both = role('release-manager');
    const policy = new AccessPolicy([{ principalArn: both, allTenants: true, actions: ['READ', 'ROLLOUT', 'APPROVE'] }]);
    expect(policy.mayApprove(session('release-manager', 'carol'), session('release-manager', 'dave'))).toEqual({
      allowed: false, reason: 'the approver of a wave must not be the requester of the rollout (four eyes); ask another approver',
    });
    expect(policy.mayApprove(both, role('fleet-operator')).allowed).toBe(true);
  });

  test('the API refuses the requester\'s own approval and lets another approver through', async () => {
    const f = await fleet();
    await f.registry.putRollout({
      rolloutId: 'rollout-2',
      release: '2.0.0',
      status: 'AWAITING_APPROVAL',
      requestedBy: session('release-approver', 'erin'),
      createdAt: '2026-12-01T00:00:00.000Z',
      request: {},
      approvalToken: 'token-2',
      awaitingApprovalForWave: 1,
    });
    const own = await f.call(session('release-approver', 'frank'), 'POST', '/rollouts/{rolloutId}/approval', { rolloutId: 'rollout-2' }, { approved: true });
    expect(own.statusCode).toBe(403);
    expect(own.json.problems[0]).toMatch(/four eyes/);
    expect((await f.registry.getRollout('rollout-2'))!.approvalToken).toBe('token-2');
  });
});

describe('one tenant per account', () => {
  test('throws when a second tenant asks for an account that holds one (409, the spec path named)', async () => {
    const f = await fleet();
    const res = await f.call(FLEET, 'POST', '/tenants', {}, { spec: devSpec('hooli', { account: ACCOUNTS[1] }) });
    expect(res.statusCode).toBe(409);
    expect(res.json.problems).toEqual([
      `spec.account: account ${ACCOUNTS[1]} already holds tenant 'globex'; one tenant per account (the hub partitions logs and history by account)`
      + ` unless the provisioner allows shared accounts (got: '${ACCOUNTS[1]}')`,
    ]);
    expect(await f.registry.getTenant('hooli')).toBeUndefined();
  });

  test('admits a shared account when the platform opts in', async () => {
    const f = await fleet({ allowSharedAccounts: true });
    expect((await f.call(FLEET, 'POST', '/tenants', {}, { spec: devSpec('hooli', { account: ACCOUNTS[1] }) })).statusCode).toBe(201);
  });

  test('a destroyed tenant frees its account', async () => {
    const f = await fleet();
    const t = (await f.registry.getTenant('globex'))!;
    const destroy = await f.call(FLEET, 'DELETE', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect(destroy.statusCode).toBe(202);
    expect(await f.registry.unlockTenant('globex', destroy.json.operation.operationId, { state: 'DESTROYED' })).toBe(true);
    expect(t.account).toBe(ACCOUNTS[1]);
    expect((await f.call(FLEET, 'POST', '/tenants', {}, { spec: devSpec('hooli', { account: ACCOUNTS[1] }) })).statusCode).toBe(201);
  });
});

describe('default deny', () => {
  test('every route of the handler has an authorization rule', () => {
    const source = readFileSync(path.join(__dirname, '../../../src/platform/provisioner/api.lambda-shared.ts'), 'utf8');
    const routes = [...new Set([...source.matchAll(/'((?:GET|POST|PATCH|PUT|DELETE) \/[A-Za-z{}/]*)'/g)].map((m) => m[1]))];
    expect(routes.length).toBeGreaterThanOrEqual(11);
    expect(routes.filter((r) => AUTHORIZED_ROUTES[r] === undefined)).toEqual([]);
  });

  test('throws 403 for a route without a rule, and for a principal without a scope on every route', async () => {
    const f = await fleet();
    const unknown = await f.call(FLEET, 'POST', '/tenants/{tenantId}/push', { tenantId: 'acme' }, {});
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json.problems).toEqual(['route POST /tenants/{tenantId}/push has no authorization rule']);
    const stranger = await f.call(STRANGER, 'GET', '/tenants');
    expect(stranger.json.problems).toEqual([`${STRANGER} is not a caller of this API (it has no scope)`]);
  });
});

describe('database.backupCopyVaultArn is platform-owned (PLATFORM_SETTINGS over the fleet)', () => {
  const HUB_VAULT = 'arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub';
  const OTHER_VAULT = 'arn:aws:backup:us-east-1:999999999999:backup-vault:elsewhere';

  /** acme as PRODUCTION with the hub's copy vault, deployed (set up by the platform team). */
  async function productionAcme(f: Fleet): Promise<void> {
    const set = await f.call(PLATFORM, 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { tier: 'PRODUCTION', database: { backupCopyVaultArn: HUB_VAULT } } });
    expect(set.statusCode).toBe(202);
    const t = (await f.registry.getTenant('acme'))!;
    expect(await f.registry.unlockTenant('acme', set.json.operation.operationId, { deployedSpec: t.spec, deployedTier: 'PRODUCTION', deployedVersion: t.version })).toBe(true);
  }

  const CHANGES: Array<{ name: string; production: boolean; settings: Record<string, unknown>; problem?: RegExp }> = [
    { name: 'set it on a DEVELOPMENT tenant', production: false, settings: { database: { backupCopyVaultArn: HUB_VAULT } }, problem: /^database\.backupCopyVaultArn: is platform-owned/ },
    { name: 'move a PRODUCTION tenant\'s copy to another vault', production: true, settings: { database: { backupCopyVaultArn: OTHER_VAULT } }, problem: /^database\.backupCopyVaultArn: is platform-owned/ },
    { name: 'remove a PRODUCTION tenant\'s copy', production: true, settings: { database: { backupCopyVaultArn: null } }, problem: /^database\.backupCopyVaultArn: removing the backup copy of PRODUCTION tenant 'acme'/ },
    { name: 'remove a PRODUCTION tenant\'s database settings whole', production: true, settings: { database: null }, problem: /^database\.backupCopyVaultArn: removing the backup copy of PRODUCTION tenant 'acme'/ },
  ];
  const WHO = [['the tenant\'s developer scope', TENANT_A], ['a fleet scope without PLATFORM_SETTINGS', FLEET], ['the platform scope', PLATFORM]] as const;

  test.each(CHANGES.flatMap((c) => WHO.map(([who, arn]) => ({ ...c, who, arn, allowed: arn === PLATFORM }))))(
    '$who: $name → allowed=$allowed', async ({ production, settings, arn, allowed, problem }) => {
      const f = await fleet();
      if (production) await productionAcme(f);
      const before = (await f.registry.getTenant('acme'))!;
      const res = await f.call(arn, 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings });
      if (allowed) {
        // the handler's own answer (removing the whole database object is a 400 from the spec validator, not a 403)
        expect(res.statusCode).not.toBe(403);
      } else {
        expect(res.statusCode).toBe(403);
        expect(res.json.problems).toHaveLength(1);
        expect(res.json.problems[0]).toMatch(problem!);
        expect((await f.registry.getTenant('acme'))!.version).toBe(before.version);
      }
    });

  test('other settings of a PRODUCTION tenant, the copy vault sent unchanged, stay the developer\'s', async () => {
    const f = await fleet();
    await productionAcme(f);
    const res = await f.call(TENANT_A, 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4, backupCopyVaultArn: HUB_VAULT } } });
    expect(res.statusCode).toBe(202);
  });

  test('throws when a create names a copy vault without PLATFORM_SETTINGS; the platform scope may', async () => {
    const f = await fleet();
    const spec = devSpec('initech', { account: ACCOUNTS[3], database: { maxCapacity: 2, maintenanceWindow: 'sun:03:00-sun:03:30', backupCopyVaultArn: HUB_VAULT } });
    const refused = await f.call(FLEET, 'POST', '/tenants', {}, { spec });
    expect(refused.statusCode).toBe(403);
    expect(refused.json.problems[0]).toMatch(/^spec\.database\.backupCopyVaultArn: is platform-owned/);
    expect((await f.call(PLATFORM, 'POST', '/tenants', {}, { spec })).statusCode).toBe(201);
  });
});
