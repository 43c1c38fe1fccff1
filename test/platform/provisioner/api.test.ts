// The API handler against a real DynamoDB API implementation (dynalite): validation, conditional
// writes, idempotency, history order, pagination. Step Functions is a recorder here (the
// workflows themselves run in workflows.test.ts).
import { deployedTenant, finish as finishExecution, newWorld, take } from './lifecycle-support';
import { CALLER, LocalDynamo, TENANT_ACCOUNTS, createRegistryTable, devSpec, provisionerStack, startDynalite, testConfig } from './support';
import { ApiEvent, handleApiRequest, MAX_STORED_BODY_BYTES, storableBody, WorkflowStarter } from '../../../src/platform/provisioner/api.lambda-shared';
import { Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { validateTenantSpec } from '../../../src/tenant/validate-tenant-spec';

let dynamo: LocalDynamo;
let tables = 0;
const stack = provisionerStack().stack;

beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());

interface Started { arn: string; name: string; input: Record<string, unknown> }

async function api() {
  const tableName = `api-${++tables}`;
  await createRegistryTable(dynamo.client, tableName, stack);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName);
  const started: Started[] = [];
  const tokens: Array<{ token: string; output: Record<string, unknown> }> = [];
  let failStart = false;
  const workflows: WorkflowStarter = {
    async startExecution(arn, name, input) {
      if (failStart) throw new Error('ExecutionLimitExceeded: too many executions');
      started.push({ arn, name, input });
    },
    async sendTaskSuccess(token, output) { tokens.push({ token, output }); },
  };
  let clock = Date.parse('2026-11-28T00:00:00.000Z');
  const call = async (
    method: string, resource: string, params: Record<string, string> = {}, body?: unknown,
    headers: Record<string, string> = {}, query?: Record<string, string>, caller: string | null = CALLER,
  ) => {
    const event: ApiEvent = {
      resource,
      httpMethod: method,
      pathParameters: params,
      headers,
      queryStringParameters: query ?? null,
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      requestContext: { identity: { userArn: caller } },
    };
    // Every request one second later than the one before: history order is observable.
    const result = await handleApiRequest(event, { registry, config, workflows, now: () => new Date(clock += 1000) });
    return { ...result, json: JSON.parse(result.body) };
  };
  return { registry, config, started, tokens, call, failStarts: () => { failStart = true; } };
}

describe('POST /tenants validates with the spec module', () => {
  test.each([
    ['a wrong type', { ...devSpec('acme'), database: { allowedCidrs: '10.0.0.0/24' } }],
    ['several problems at once', { tenantId: 'A', tier: 'STAGING', account: 12, database: { maxCapacity: '8', maintenanceWindow: 'sun:25:00-sun:25:30' } }],
    ['an unknown setting', { ...devSpec('acme'), size: 'XL' }],
  ])('answers 400 with exactly the spec validator\'s problems: %s', async (_name, spec) => {
    const a = await api();
    const res = await a.call('POST', '/tenants', {}, { spec });
    expect(res.statusCode).toBe(400);
    const expected = validateTenantSpec(spec, 'spec');
    expect(expected.length).toBeGreaterThan(0);
    expect(res.json.problems).toEqual(expected);
    expect(a.started).toEqual([]);
    expect((await a.registry.listTenants(10)).items).toEqual([]);
  });

  test('answers 400 for an account the provisioner may not deploy to, and for a body that is not JSON', async () => {
    const a = await api();
    const res = await a.call('POST', '/tenants', {}, { spec: { ...devSpec('acme'), account: '999999999999' } });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([`spec.account: is not one of the tenant accounts this provisioner may deploy to (${TENANT_ACCOUNTS.join(', ')}) (got: '999999999999')`]);
    const notJson = await a.call('POST', '/tenants', {}, '{"spec":');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json.problems[0]).toMatch(/^\(body\): is not JSON/);
  });

  test('answers 403 to a request without an IAM identity', async () => {
    const a = await api();
    expect((await a.call('POST', '/tenants', {}, { spec: devSpec('acme') }, {}, undefined, null)).statusCode).toBe(403);
  });

  test('creates the tenant locked by its CREATE operation, records who asked and what is set, starts the workflow named by the operation', async () => {
    const a = await api();
    const res = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(res.statusCode).toBe(201);
    const opId = res.json.operation.operationId;
    expect(a.started).toEqual([{ arn: a.config.operationStateMachineArn, name: opId, input: { operationId: opId, tenantId: 'acme', type: 'CREATE', waitForWindow: false } }]);
    const tenant = (await a.registry.getTenant('acme'))!;
    expect(tenant).toMatchObject({ version: 1, state: 'PENDING', lockOperationId: opId, release: '1.0.0', account: TENANT_ACCOUNTS[0] });
    expect(tenant.externalId).toMatch(/^[0-9a-f]{48}$/);
    const op = (await a.registry.getOperation(opId))!;
    expect(op).toMatchObject({ requestedBy: CALLER, status: 'PENDING', type: 'CREATE', executionArn: `arn:aws:states:us-east-1:111111111111:execution:OperationWorkflow:${opId}` });
    expect(op.changes).toContainEqual({ path: 'database.maxCapacity', to: 2 });
    // The list never shows the link id; the tenant itself does.
    expect((await a.call('GET', '/tenants')).json.tenants[0].externalId).toBeUndefined();
    expect((await a.call('GET', '/tenants/{tenantId}', { tenantId: 'acme' })).json.tenant.linkExternalId).toBe(tenant.externalId);
    // A second create of the same id is a conflict, recorded as a rejected request.
    const again = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(again.statusCode).toBe(409);
  });

  test('when the workflow cannot start, the operation is FAILED with the reason and the tenant is unlocked (503)', async () => {
    const a = await api();
    a.failStarts();
    const res = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(res.statusCode).toBe(503);
    const tenant = (await a.registry.getTenant('acme'))!;
    expect(tenant.lockOperationId).toBeUndefined();
    const [op] = (await a.registry.listOperations('acme', 10)).items;
    expect(op).toMatchObject({ status: 'FAILED', reason: 'the workflow could not be started: ExecutionLimitExceeded: too many executions' });
  });
});

async function activeTenant(a: Awaited<ReturnType<typeof api>>, tenantId: string): Promise<void> {
  const now = '2026-11-01T00:00:00.000Z';
  await a.registry.createTenant({ tenantId, account: TENANT_ACCOUNTS[0], region: 'us-east-1', tier: 'DEVELOPMENT', spec: devSpec(tenantId), version: 1, release: '1.0.0', state: 'ACTIVE', createdAt: now, updatedAt: now, deployedVersion: 1, deployedRelease: '1.0.0' });
}

async function finish(a: Awaited<ReturnType<typeof api>>, tenantId: string): Promise<void> {
  const t = (await a.registry.getTenant(tenantId))!;
  await a.registry.updateOperation(t.lockOperationId!, ['PENDING', 'RUNNING'], { status: 'SUCCEEDED' });
  await a.registry.unlockTenant(tenantId, t.lockOperationId!, {});
}

describe('PATCH /tenants/{id}: conditional writes on the version', () => {
  test('a merge patch of settings is validated as a whole spec, recorded as a diff and bumps the version', async () => {
    const a = await api();
    await activeTenant(a, 'acme');
    const res = await a.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 8, maintenanceWindow: null }, link: { allowQuery: false } } });
    expect(res.statusCode).toBe(202);
    expect(res.json.operation.changes).toEqual([
      { path: 'database.maintenanceWindow', from: 'sun:03:00-sun:03:30' },
      { path: 'database.maxCapacity', from: 2, to: 8 },
      { path: 'link.allowQuery', to: false },
    ]);
    expect((await a.registry.getTenant('acme'))!).toMatchObject({ version: 2, spec: { database: { maxCapacity: 8 }, link: { allowQuery: false } } });
  });

  test.each([
    ['an identity setting', { settings: { account: '310987654321' } }, 'settings.account: identifies the tenant and cannot change; create a new tenant instead (got: "310987654321")'],
    ['an invalid merged spec', { settings: { database: { maxCapacity: 1000 } } }, undefined],
    ['an unknown field', { size: 'XL' }, 'size: is not a field of this request (allowed: settings, expectedVersion, release, state, inMaintenanceWindow)'],
  ])('answers 400 for %s and changes nothing', async (_name, body, problem) => {
    const a = await api();
    await activeTenant(a, 'acme');
    const res = await a.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, body);
    expect(res.statusCode).toBe(400);
    if (problem) expect(res.json.problems).toEqual([problem]);
    else expect(res.json.problems).toEqual(validateTenantSpec({ ...devSpec('acme'), database: { ...devSpec('acme').database as object, maxCapacity: 1000 } }, 'spec'));
    expect((await a.registry.getTenant('acme'))!.version).toBe(1);
  });

  test('a stale expectedVersion answers 409 with the current version', async () => {
    const a = await api();
    await activeTenant(a, 'acme');
    const res = await a.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { expectedVersion: 7, settings: { database: { maxCapacity: 4 } } });
    expect(res.statusCode).toBe(409);
    expect(res.json.version).toBe(1);
  });

  test('of two concurrent changes at the same version exactly one wins; the other answers 409', async () => {
    const a = await api();
    await activeTenant(a, 'acme');
    const results = await Promise.all([4, 8].map((cap) => a.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { expectedVersion: 1, settings: { database: { maxCapacity: cap } } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([202, 409]);
    expect(a.started).toHaveLength(1);
    const tenant = (await a.registry.getTenant('acme'))!;
    expect(tenant.version).toBe(2);
    expect(tenant.lockOperationId).toBe(a.started[0].name);
  });
});

describe('Idempotency-Key', () => {
  test('a retry with the same key gets the first answer and starts nothing new', async () => {
    const a = await api();
    const headers = { 'Idempotency-Key': 'create-acme-0001' };
    const first = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') }, headers);
    const retry = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['Idempotent-Replayed']).toBe('true');
    expect(a.started).toHaveLength(1);
    expect((await a.registry.listOperations('acme', 10)).items).toHaveLength(1);
  });

  test('a client error is repeated too; the same key for another request answers 422', async () => {
    const a = await api();
    const headers = { 'idempotency-key': 'bad-request-0001' };
    const bad = await a.call('POST', '/tenants', {}, { spec: { tenantId: 'acme' } }, headers);
    expect(bad.statusCode).toBe(400);
    expect((await a.call('POST', '/tenants', {}, { spec: { tenantId: 'acme' } }, headers)).body).toBe(bad.body);
    const other = await a.call('POST', '/tenants', {}, { spec: devSpec('acme') }, headers);
    expect(other.statusCode).toBe(422);
  });

  test('a key that is too short answers 400', async () => {
    const a = await api();
    expect((await a.call('POST', '/tenants', {}, { spec: devSpec('acme') }, { 'Idempotency-Key': 'x' })).statusCode).toBe(400);
  });
});

describe('history and pagination', () => {
  test('a tenant\'s operations come newest first, page by page, and a forged token is refused', async () => {
    const a = await api();
    await activeTenant(a, 'acme');
    const ids: string[] = [];
    for (const cap of [3, 4, 5, 6, 7]) {
      const res = await a.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: cap } } });
      ids.push(res.json.operation.operationId);
      await finish(a, 'acme');
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await a.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { limit: '2', ...(token ? { nextToken: token } : {}) });
      expect(page.statusCode).toBe(200);
      expect(page.json.operations.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.operations.map((o: any) => o.operationId));
      token = page.json.nextToken ?? undefined;
      pages++;
    } while (token);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBeGreaterThanOrEqual(3);

    const forged = Buffer.from(JSON.stringify({ gsi1pk: 'TENANT#other#OPERATIONS', gsi1sk: 'x', pk: 'x', sk: 'x' })).toString('base64url');
    const refused = await a.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { nextToken: forged });
    expect(refused.statusCode).toBe(400);
    expect((await a.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { limit: '500' })).statusCode).toBe(400);
  });

  test('tenants are listed by id, page by page; unknown ids answer 404', async () => {
    const a = await api();
    for (const id of ['delta', 'alpha', 'charlie', 'bravo']) await activeTenant(a, id);
    const first = await a.call('GET', '/tenants', {}, undefined, {}, { limit: '3' });
    const second = await a.call('GET', '/tenants', {}, undefined, {}, { limit: '3', nextToken: first.json.nextToken });
    expect([...first.json.tenants, ...second.json.tenants].map((t: any) => t.tenantId)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect((await a.call('GET', '/tenants/{tenantId}', { tenantId: 'nobody' })).statusCode).toBe(404);
    expect((await a.call('GET', '/operations/{operationId}', { operationId: 'nothing' })).statusCode).toBe(404);
  });
});

describe('rollouts', () => {
  test('a rollout request is validated as a whole', async () => {
    const a = await api();
    const res = await a.call('POST', '/rollouts', {}, { release: 'v 2', canaries: ['a'], canaryPercent: 10, maxConcurrency: 0, toleratedFailurePercentage: 101 });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([
      'release: must be a release label, 1-64 of [A-Za-z0-9._+-] starting with a letter or digit (got: "v 2")',
      'canaryPercent: give canaries or canaryPercent, not both',
      'maxConcurrency: must be a whole number from 1 to 1000, tenants deployed at the same time within a wave (got: 0)',
      'toleratedFailurePercentage: must be a whole number from 0 to 100, percent of failed tenants that still lets the rollout go on (got: 101)',
    ]);
  });

  test('an approval is accepted once, and only while a wave waits for it', async () => {
    const a = await api();
    const res = await a.call('POST', '/rollouts', {}, { release: '2.0.0', approvalBetweenWaves: true });
    expect(res.statusCode).toBe(202);
    const rolloutId = res.json.rollout.rolloutId;
    expect(a.started).toEqual([{ arn: a.config.rolloutStateMachineArn, name: rolloutId, input: { rolloutId } }]);
    expect((await a.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId }, { approved: true })).statusCode).toBe(409);
    await a.registry.updateRollout(rolloutId, { approvalToken: 'token-1', awaitingApprovalForWave: 1, status: 'AWAITING_APPROVAL' });
    expect((await a.call('GET', '/rollouts/{rolloutId}', { rolloutId })).json.rollout.approvalToken).toBeUndefined();
    const approved = await a.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId }, { approved: true, comment: 'canaries look fine' });
    expect(approved.statusCode).toBe(200);
    expect(a.tokens).toEqual([{ token: 'token-1', output: { approved: true, approvedBy: CALLER, comment: 'canaries look fine' } }]);
    expect((await a.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId }, { approved: true })).statusCode).toBe(409);
  });

  test('rollouts are listed newest first, page by page, without approval tokens', async () => {
    const a = await api();
    const ids: string[] = [];
    for (const release of ['2.0.0', '2.1.0', '2.2.0']) ids.push((await a.call('POST', '/rollouts', {}, { release })).json.rollout.rolloutId);
    await a.registry.updateRollout(ids[2], { approvalToken: 'secret-token', status: 'AWAITING_APPROVAL' });
    const first = await a.call('GET', '/rollouts', {}, undefined, {}, { limit: '2' });
    const second = await a.call('GET', '/rollouts', {}, undefined, {}, { limit: '2', nextToken: first.json.nextToken });
    expect([...first.json.rollouts, ...second.json.rollouts].map((r: any) => r.rolloutId)).toEqual([...ids].reverse());
    expect(first.body).not.toContain('secret-token');
  });
});

describe('every bad input: a clear 4xx, bounded in size, nothing written (issue 19 §2)', () => {
  const big = 'x'.repeat(60 * 1024);
  const longId = 'a'.repeat(3000);
  const cases: Array<[string, string, string, Record<string, string>, unknown, Record<string, string>?]> = [
    ['a 3,000-character tenant id (GET)', 'GET', '/tenants/{tenantId}', { tenantId: longId }, undefined],
    ['a 3,000-character tenant id (PATCH)', 'PATCH', '/tenants/{tenantId}', { tenantId: longId }, { settings: {} }],
    ['a 3,000-character tenant id (DELETE)', 'DELETE', '/tenants/{tenantId}', { tenantId: longId }, undefined],
    ['a 3,000-character tenant id (history)', 'GET', '/tenants/{tenantId}/operations', { tenantId: longId }, undefined],
    ['a 3,000-character tenant id (drift)', 'POST', '/tenants/{tenantId}/drift', { tenantId: longId }, undefined],
    ['a 3,000-character operation id', 'GET', '/operations/{operationId}', { operationId: longId }, undefined],
    ['a 3,000-character rollout id', 'POST', '/rollouts/{rolloutId}/approval', { rolloutId: longId }, { approved: true }],
    ['a 60 KiB value in a spec', 'POST', '/tenants', {}, { spec: { ...devSpec('acme'), database: { databaseName: big } } }],
    ['a 60 KiB value in a merge patch', 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { function: { runtime: big } } }],
    ['a 60 KiB release label', 'POST', '/rollouts', {}, { release: big }],
    ['a 60 KiB canary list', 'POST', '/rollouts', {}, { release: '2.0.0', canaries: [big] }],
    ['a body over 64 KiB', 'POST', '/tenants', {}, { spec: devSpec('acme'), padding: 'y'.repeat(70 * 1024) }],
    ['a string expectedVersion on DELETE', 'DELETE', '/tenants/{tenantId}', { tenantId: 'acme' }, { expectedVersion: '1' }],
    ['a fractional expectedVersion on DELETE', 'DELETE', '/tenants/{tenantId}', { tenantId: 'acme' }, { expectedVersion: 1.5 }],
    ['a confirm that is not a string', 'DELETE', '/tenants/{tenantId}', { tenantId: 'acme' }, { confirm: ['acme'] }],
    ['__proto__ in a merge patch', 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, '{"settings":{"__proto__":{"tier":"PRODUCTION"}}}'],
    ['__proto__ deep in a merge patch', 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, '{"settings":{"database":{"__proto__":{"maxCapacity":1000}}}}'],
    ['constructor in a merge patch', 'PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { constructor: { prototype: { x: 1 } } } } }],
    ['prototype in a spec', 'POST', '/tenants', {}, { spec: { ...devSpec('acme'), link: { prototype: {} } } }],
  ];

  test.each(cases)('%s', async (_name, method, resource, params, body) => {
    const w = await newWorld(dynamo.client, stack);
    await deployedTenant(w, devSpec('acme'));
    const before = await w.scan();
    const res = await w.call(method, resource, params, body);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.statusCode).not.toBe(404);
    expect(res.body.length).toBeLessThan(4096);
    expect(res.json.message).toEqual(expect.any(String));
    expect(res.json.problems?.length ?? 1).toBeGreaterThan(0);
    expect(await w.scan()).toEqual(before);
    expect(w.executions).toEqual([]);
  });

  test('a merge patch with __proto__ names the key; the stored spec is untouched', async () => {
    const w = await newWorld(dynamo.client, stack);
    await deployedTenant(w, devSpec('acme'));
    const res = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, '{"settings":{"database":{"__proto__":{"maxCapacity":1000}}}}');
    expect(res.json.problems).toEqual(['settings.database.__proto__: is not a setting; "__proto__" is never accepted as a key']);
    expect((await w.registry.getTenant('acme'))!.spec).toEqual(devSpec('acme'));
  });

  test('a list of problems is cut to 50 lines of at most 500 characters', async () => {
    const w = await newWorld(dynamo.client, stack);
    const spec: Record<string, unknown> = { ...devSpec('acme') };
    for (let i = 0; i < 80; i++) spec[`unknown${i}`] = 'z'.repeat(600);
    const res = await w.call('POST', '/tenants', {}, { spec });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toHaveLength(51);
    expect(res.json.problems[50]).toBe('… and 30 more problems');
    expect(Math.max(...res.json.problems.map((p: string) => p.length))).toBeLessThanOrEqual(500);
  });
});

describe('Idempotency-Key records stay valid (issue 19 §2)', () => {
  test('a request whose answer would echo a megabyte keeps a bounded record: the retry gets the same answer, not a 5xx', async () => {
    const w = await newWorld(dynamo.client, stack);
    const headers = { 'Idempotency-Key': 'huge-answer-0001' };
    // A megabyte value: echoed in a problem, the answer alone would pass DynamoDB's 400 KB item limit.
    const body = { spec: { ...devSpec('acme'), database: { databaseName: 'q'.repeat(1024 * 1024) } } };
    const first = await w.call('POST', '/tenants', {}, body, headers);
    expect(first.statusCode).toBe(413);
    expect(first.body.length).toBeLessThan(1024);
    const retry = await w.call('POST', '/tenants', {}, body, headers);
    expect(retry.statusCode).toBe(413);
    expect(retry.headers['Idempotent-Replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
  });

  test('an answer larger than the record bound is kept as its status and what it names', () => {
    const answer = JSON.stringify({ tenant: { tenantId: 'acme', version: 3, state: 'ACTIVE', spec: { blob: 'b'.repeat(500_000) } }, operation: { operationId: 'op-1', type: 'UPDATE', status: 'PENDING' } });
    const kept = storableBody(answer);
    expect(Buffer.byteLength(kept)).toBeLessThan(MAX_STORED_BODY_BYTES);
    expect(JSON.parse(kept)).toEqual({
      message: 'the first answer to this Idempotency-Key was too large to keep; read the resources it names again',
      tenant: { tenantId: 'acme', version: 3, state: 'ACTIVE' },
      operation: { operationId: 'op-1', type: 'UPDATE', status: 'PENDING' },
    });
    expect(storableBody('{"small":true}')).toBe('{"small":true}');
  });

  test('a 409 is not kept: once the tenant is free, the retry with the same key goes through', async () => {
    const w = await newWorld(dynamo.client, stack);
    await deployedTenant(w, devSpec('acme'));
    expect((await w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' })).statusCode).toBe(202);
    const headers = { 'Idempotency-Key': 'change-acme-0001' };
    const patch = { settings: { database: { maxCapacity: 4 } } };
    const busy = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, patch, headers);
    expect(busy.statusCode).toBe(409);
    await finishExecution(w, take(w), 'success');
    const retry = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, patch, headers);
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['Idempotent-Replayed']).toBeUndefined();
  });

  test('a 503 during create leaves a tenant that the retried POST (same key) creates', async () => {
    const w = await newWorld(dynamo.client, stack);
    const headers = { 'Idempotency-Key': 'create-acme-0001' };
    w.failStarts(true);
    const failed = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') }, headers);
    expect(failed.statusCode).toBe(503);
    expect(await w.registry.getTenant('acme')).toMatchObject({ state: 'PENDING' });
    w.failStarts(false);
    const retry = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') }, headers);
    expect(retry.statusCode).toBe(201);
    await finishExecution(w, take(w), 'success');
    expect(await w.registry.getTenant('acme')).toMatchObject({ state: 'ACTIVE', deployedVersion: 2 });
  });
});
