// Issue 22, the console's backend: the REAL handler with the provisioner's REAL API handler and
// registry on dynalite, the hub's queries on a local PostgreSQL, tokens verified by aws-jwt-verify.
// The tenant and the role come from the verified token only.
import { generateKeyPairSync } from 'crypto';
import { LocalEnvironment, startLocalEnvironment } from './local/environment';
import { LocalUser } from './local/tokens';
import { ConsoleEvent, ConsoleResult, callerOf, handleConsoleRequest } from '../../../src/platform/console/console-api.lambda-shared';

let env: LocalEnvironment;
beforeAll(async () => {
  env = await startLocalEnvironment({ deploySeconds: 0.2 });
}, 120_000);
afterAll(async () => env?.close());

const user = (email: string): LocalUser => env.users.find((u) => u.email === email)!;
const DANA = 'dana@acme.example'; // editor of acme
const VICTOR = 'victor@acme.example'; // viewer of acme
const GINA = 'gina@globex.example'; // editor of globex
const OLIVIA = 'olivia@platform.example'; // operator

interface Answer { status: number; json: any; raw: ConsoleResult }

async function call(token: string | undefined, method: string, rawPath: string, body?: unknown, query: Record<string, string> = {}): Promise<Answer> {
  const event: ConsoleEvent = {
    rawPath,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    queryStringParameters: query,
    body: body === undefined ? null : JSON.stringify(body),
    requestContext: { http: { method } },
  };
  const raw = await handleConsoleRequest(event, env.deps);
  return { status: raw.statusCode, json: JSON.parse(raw.body), raw };
}
const as = (email: string) => env.issuer.idToken(user(email));

describe('identity: only a verified token counts', () => {
  test.each<[string, () => string | undefined]>([
    ['no token', () => undefined],
    ['an expired token', () => env.issuer.idToken(user(DANA), { now: new Date(Date.now() - 7200_000), ttlSeconds: 3600 })],
    ['a token signed with another key', () => env.issuer.sign({ ...decode(as(DANA)) }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['a token whose claims were edited after signing', () => tamper(as(DANA), { 'custom:tenant': 'globex' })],
    ['a token of another user pool', () => env.issuer.idToken(user(DANA), { extra: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } })],
    ['an access token instead of an ID token', () => env.issuer.idToken(user(DANA), { extra: { token_use: 'access' } })],
  ])('refuses %s with 401 and no data', async (_name, token) => {
    const r = await call(token(), 'GET', '/api/settings');
    expect(r.status).toBe(401);
    expect(r.raw.body).not.toContain('acme');
  });

  test('the tenant comes from the token, never from the URL or the query string', async () => {
    const r = await call(as(DANA), 'GET', '/api/settings', undefined, { tenant: 'globex', tenantId: 'globex' });
    expect(r.status).toBe(200);
    expect(r.json.tenantId).toBe('acme');
  });

  test('a federated user belongs to the tenant its identity provider is bound to, whatever its claims say', () => {
    const caller = callerOf({ 'email': 'eve@acme.example', 'custom:role': 'editor', 'custom:tenant': 'globex', 'identities': [{ providerName: 'acme-okta' }] }, { 'acme-okta': 'acme' });
    expect(caller).toMatchObject({ tenant: 'acme', principal: 'console:eve@acme.example@acme' });
    expect(() => callerOf({ 'email': 'eve@x.example', 'custom:role': 'operator', 'identities': [{ providerName: 'acme-okta' }] }, { 'acme-okta': 'acme' })).toThrow('a federated user cannot be a platform operator');
    expect(() => callerOf({ 'email': 'eve@x.example', 'custom:role': 'editor', 'identities': [{ providerName: 'unknown' }] }, { 'acme-okta': 'acme' })).toThrow("identity provider 'unknown' is not bound to a tenant");
  });

  test('a user without a valid role is refused', () => {
    expect(() => callerOf({ 'email': 'x@acme.example', 'custom:role': 'admin', 'custom:tenant': 'acme' }, {})).toThrow('the user has no console role');
  });
});

describe('settings', () => {
  test('a viewer may read but not change (403, nothing written)', async () => {
    const before = await env.registry.getTenant('acme');
    const r = await call(as(VICTOR), 'PATCH', '/api/settings', { settings: { database: { maxCapacity: 8 } } });
    expect(r.status).toBe(403);
    expect(await env.registry.getTenant('acme')).toEqual(before);
  });

  test('an invalid change answers the provisioner\'s own problems per field and writes nothing', async () => {
    const before = await env.registry.getTenant('acme');
    const ops = (await env.registry.listOperations('acme', 100)).items.length;
    const r = await call(as(DANA), 'PATCH', '/api/settings', { settings: { database: { allowedCidrs: ['10.0.0.0/33', '0.0.0.0/0'] } } });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^spec\.database\.allowedCidrs\[0\]: /), expect.stringMatching(/^spec\.database\.allowedCidrs\[1\]: .*internet/)]));
    expect(await env.registry.getTenant('acme')).toEqual(before);
    expect((await env.registry.listOperations('acme', 100)).items).toHaveLength(ops);
  });

  test.each([['tenantId', 'globex'], ['account', '310987654321'], ['tier', 'DEVELOPMENT']])('the platform\'s settings (%s) cannot be changed from the console', async (key, value) => {
    const r = await call(as(DANA), 'PATCH', '/api/settings', { settings: { [key]: value } });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual([`settings.${key}: is decided by the platform and cannot be changed from the console`]);
  });

  // Issue 24 §1: the console changes the same settings as the spec, the API and the CLI, with the same checks.
  test.each([
    ['set', { database: { backupCopyVaultArn: 'arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub' } }],
    ['removed', { database: { backupCopyVaultArn: null } }],
  ])('the backup copy vault is decided by the platform: it cannot be %s from the console', async (_name, settings) => {
    const before = await env.registry.getTenant('acme');
    const r = await call(as(DANA), 'PATCH', '/api/settings', { settings });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual(['settings.database.backupCopyVaultArn: is decided by the platform and cannot be changed from the console']);
    expect(await env.registry.getTenant('acme')).toEqual(before);
  });

  test('the settings answer names the copy vault among the platform\'s settings (the form shows it read-only)', async () => {
    const r = await call(as(DANA), 'GET', '/api/settings');
    expect(r.json.fixedSettings).toContain('database.backupCopyVaultArn');
  });

  test('disposable function data is refused for a PRODUCTION tenant, beside its field, nothing written', async () => {
    const before = await env.registry.getTenant('acme');
    const r = await call(as(DANA), 'PATCH', '/api/settings', { settings: { function: { disposableData: true } } });
    expect(r.status).toBe(400);
    expect(r.json.problems).toEqual([expect.stringMatching(/^spec\.function\.disposableData: is refused in PRODUCTION/)]);
    expect(await env.registry.getTenant('acme')).toEqual(before);
  });

  test('disposable function data is a DEVELOPMENT customer\'s choice: the change is accepted and deployed', async () => {
    const ivan = 'ivan@initech.example'; // editor of initech-dev
    const r = await call(as(ivan), 'PATCH', '/api/settings', { settings: { function: { disposableData: true } } });
    expect(r.status).toBe(202);
    await env.settle();
    const op = await call(as(ivan), 'GET', `/api/operations/${r.json.operation.operationId}`);
    expect(op.json.operation).toMatchObject({ status: 'SUCCEEDED', changes: [{ path: 'function.disposableData', to: true }] });
    expect((await env.registry.getTenant('initech-dev'))!.spec.function).toMatchObject({ disposableData: true });
  });

  test('a valid change goes through the provisioner\'s lifecycle, recorded with the console user, and runs to its end', async () => {
    const r = await call(as(DANA), 'PATCH', '/api/settings', { settings: { database: { allowedCidrs: ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/25'] } } });
    expect(r.status).toBe(202);
    expect(r.json.operation).toMatchObject({ type: 'UPDATE', status: 'PENDING', requestedBy: 'console:dana@acme.example@acme' });
    expect((await call(as(DANA), 'GET', '/api/settings')).json.operationInFlight).toBe(r.json.operation.operationId);
    await env.settle();
    const op = await call(as(DANA), 'GET', `/api/operations/${r.json.operation.operationId}`);
    expect(op.json.operation).toMatchObject({ status: 'SUCCEEDED', who: 'dana@acme.example (console)', changes: [{ path: 'database.allowedCidrs', to: expect.arrayContaining(['192.0.2.0/25']) }] });
    const history = await call(as(DANA), 'GET', '/api/operations', undefined, { limit: '2' });
    expect(history.json.operations[0].operationId).toBe(r.json.operation.operationId);
    expect(history.json.nextToken).toEqual(expect.any(String));
  });
});

describe('another tenant: 403 and no data', () => {
  test('an operation of tenant B read by a user of tenant A', async () => {
    const [globexOp] = (await env.registry.listOperations('globex', 1)).items;
    const r = await call(as(DANA), 'GET', `/api/operations/${globexOp.operationId}`);
    expect(r.status).toBe(403);
    expect(r.raw.body).not.toContain('globex');
  });

  test('a log query of tenant B read by a user of tenant A', async () => {
    const started = await call(as(GINA), 'POST', '/api/logs', { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString(), logGroup: '/aws/lambda/Tenant-globex-AppHandler' });
    expect(started.status).toBe(202);
    const r = await call(as(DANA), 'GET', `/api/logs/${started.json.queryId}`);
    expect(r.status).toBe(403);
    expect(r.raw.body).not.toContain('globex');
  });

  test('the fleet view is for operators only', async () => {
    expect((await call(as(DANA), 'GET', '/api/fleet')).status).toBe(403);
    const r = await call(as(OLIVIA), 'GET', '/api/fleet');
    expect(r.status).toBe(200);
    expect(r.json.tenants.map((t: any) => t.tenantId)).toEqual(['acme', 'globex', 'initech-dev']);
    expect(r.json.rollouts[0].waves).toHaveLength(2);
    expect((await call(as(OLIVIA), 'GET', '/api/settings')).status).toBe(403);
  });
});

describe('logs and health', () => {
  async function search(token: string, body: Record<string, unknown>, text = ''): Promise<any> {
    const started = await call(token, 'POST', '/api/logs', body);
    expect(started.status).toBe(202);
    for (let i = 0; i < 100; i++) {
      const r = await call(token, 'GET', `/api/logs/${started.json.queryId}`, undefined, { text });
      if (r.json.state !== 'RUNNING' && r.json.state !== 'QUEUED') return r.json;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('query did not end');
  }

  test('a search returns only the caller\'s tenant\'s lines, filtered by text', async () => {
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() };
    // Even naming B's log group, the partition is A's (the account comes from the registry).
    const other = await search(as(DANA), { ...range, logGroup: '/aws/lambda/Tenant-globex-AppHandler' });
    expect(other.rows).toEqual([]);
    const own = await search(as(DANA), { ...range, logGroup: '/aws/lambda/Tenant-acme-AppHandler' }, 'error');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r: any) => r.message.startsWith('ERROR acme:'))).toBe(true);
    expect(own.bytesScanned).toBeGreaterThan(0);
  });

  test('a search that scans more than the cap is stopped with a reason', async () => {
    const saved = env.deps.maxBytesScanned;
    (env.deps as any).maxBytesScanned = 1;
    try {
      const started = await call(as(DANA), 'POST', '/api/logs', { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString(), logGroup: '/aws/lambda/Tenant-acme-AppHandler' });
      await new Promise((res) => setTimeout(res, 300));
      const r = await call(as(DANA), 'GET', `/api/logs/${started.json.queryId}`);
      expect(r.json).toMatchObject({ state: 'CANCELLED', reason: expect.stringContaining('scanned more than the console\'s limit') });
    } finally {
      (env.deps as any).maxBytesScanned = saved;
    }
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['the range is reversed', { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z', logGroup: '/a' }, 'to: must be after from'],
    ['the range exceeds 31 days', { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z', logGroup: '/a' }, 'to: the range may cover at most 31 days'],
    ['the log group has a quote', { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', logGroup: "/a' OR '1'='1" }, 'logGroup: must be a log group name'],
    ['the body names an account', { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', logGroup: '/a', account: '310987654321' }, 'account: is not a field of a log search'],
  ])('throws when %s', async (_name, body, problem) => {
    const r = await call(as(DANA), 'POST', '/api/logs', body);
    expect(r.status).toBe(400);
    expect(r.json.problems.join('\n')).toContain(problem);
  });

  test('health: current alarm states from the tenant\'s events, the maintenance window and its next start', async () => {
    const r = await call(as(DANA), 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json.alarms).toEqual([
      expect.objectContaining({ name: 'acme-database-cpu', state: 'OK' }),
      expect.objectContaining({ name: 'acme-function-errors', state: 'ALARM' }),
    ]);
    expect(r.json.maintenanceWindow).toMatchObject({ window: 'sun:03:00-sun:03:30', nextStart: expect.stringMatching(/T03:00:00\.000Z$/) });
  });
});

function decode(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function tamper(token: string, claims: Record<string, unknown>): string {
  const [h, , s] = token.split('.');
  return `${h}.${Buffer.from(JSON.stringify({ ...decode(token), ...claims })).toString('base64url')}.${s}`;
}
