// Issue 24 §4: every 409 says which of its causes applies (another operation, named; a newer
// version, with both versions; the state), idempotent replays are unchanged; a release whose
// archive does not exist is refused at the API.
import { createHash } from 'crypto';
import { deployedTenant, finish, newWorld, take, World } from './lifecycle-support';
import { CALLER, LocalDynamo, devSpec, provisionerStack, startDynalite } from './support';

let dynamo: LocalDynamo;
const stack = provisionerStack().stack;
beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());

let w: World;
beforeEach(async () => { w = await newWorld(dynamo.client, stack); });
afterEach(async () => w.dispose());

const patch = (id: string, body: unknown, headers: Record<string, string> = {}) => w.call('PATCH', '/tenants/{tenantId}', { tenantId: id }, body, headers);

describe('a 409 names its cause', () => {
  test('another operation in flight: its id, type, status and start, for every write on the tenant', async () => {
    await deployedTenant(w, devSpec('acme'));
    const running = await patch('acme', { settings: { database: { maxCapacity: 4 } } });
    expect(running.statusCode).toBe(202);
    const holder = running.json.operation;
    const answers = [
      await patch('acme', { settings: { database: { maxCapacity: 8 } } }),
      await patch('acme', { state: 'SUSPENDED' }),
      await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' }),
      await w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(409);
      expect(res.json).toMatchObject({
        cause: 'OPERATION_IN_FLIGHT',
        operation: { operationId: holder.operationId, type: 'UPDATE', status: 'PENDING', startedAt: holder.requestedAt, requestedBy: holder.requestedBy },
      });
      expect(res.json.message).toBe(`tenant 'acme' is busy: operation ${holder.operationId} (UPDATE, PENDING, started ${holder.requestedAt}) holds its lock; retry when it has finished`);
    }
  });

  test('a create while the first create runs names the CREATE', async () => {
    const first = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    const again = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(again.statusCode).toBe(409);
    expect(again.json).toMatchObject({ cause: 'OPERATION_IN_FLIGHT', operation: { operationId: first.json.operation.operationId, type: 'CREATE' } });
  });

  test('a newer version: the expected and the current one', async () => {
    await deployedTenant(w, devSpec('acme'));
    for (const res of [
      await patch('acme', { settings: { database: { maxCapacity: 4 } }, expectedVersion: 3 }),
      await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' }, { expectedVersion: 3 }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json).toMatchObject({ cause: 'VERSION_MOVED', expectedVersion: 3, currentVersion: 1, version: 1 });
      expect(res.json.message).toMatch(/^the tenant is at version 1, not 3/);
    }
  });

  test('the state: a tenant that exists, one that is destroyed, a rollout that waits for no approval', async () => {
    await deployedTenant(w, devSpec('acme'));
    const exists = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(exists.json).toMatchObject({ cause: 'EXISTS', state: 'ACTIVE' });
    const destroy = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' });
    await finish(w, take(w, (e) => e.name === destroy.json.operation.operationId), 'success');
    const gone = await patch('acme', { settings: { database: { maxCapacity: 4 } } });
    expect(gone.statusCode).toBe(409);
    expect(gone.json).toMatchObject({ cause: 'STATE', state: 'DESTROYED' });
    const rollout = await w.call('POST', '/rollouts', {}, { release: '2.0.0' });
    const approval = await w.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId: rollout.json.rollout.rolloutId }, { approved: true });
    expect(approval.statusCode).toBe(409);
    expect(approval.json).toMatchObject({ cause: 'NOT_AWAITING_APPROVAL', status: 'PENDING' });
  });

  test('a request still in progress under the same Idempotency-Key', async () => {
    await deployedTenant(w, devSpec('acme'));
    const key = { 'Idempotency-Key': 'retry-key-0001' };
    // The first request claimed the key and is still running: its record has no answer yet.
    const keyHash = createHash('sha256').update(`${CALLER}\nretry-key-0001`).digest('hex');
    const body = JSON.stringify({ settings: { database: { maxCapacity: 4 } } });
    const fingerprint = createHash('sha256').update(`PATCH /tenants/{tenantId} ${JSON.stringify({ tenantId: 'acme' })}\n${body}`).digest('hex');
    await w.registry.claimIdempotencyKey(keyHash, fingerprint, w.now(), 3600);
    const res = await patch('acme', body, key);
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({ cause: 'REQUEST_IN_PROGRESS' });
  });

  test('idempotent replays are unchanged: the first answer again; a 409 is not kept', async () => {
    await deployedTenant(w, devSpec('acme'));
    const key = { 'Idempotency-Key': 'change-key-0001' };
    const first = await patch('acme', { settings: { database: { maxCapacity: 4 } } }, key);
    const replay = await patch('acme', { settings: { database: { maxCapacity: 4 } } }, key);
    expect(first.statusCode).toBe(202);
    expect([replay.statusCode, replay.body, replay.headers['Idempotent-Replayed']]).toEqual([202, first.body, 'true']);
    const busyKey = { 'Idempotency-Key': 'change-key-0002' };
    const refused = await patch('acme', { settings: { database: { maxCapacity: 8 } } }, busyKey);
    expect(refused.json.cause).toBe('OPERATION_IN_FLIGHT');
    await finish(w, take(w, (e) => e.name === first.json.operation.operationId), 'success');
    const retried = await patch('acme', { settings: { database: { maxCapacity: 8 } } }, busyKey);
    expect(retried.statusCode).toBe(202);
  });
});

describe('a release whose archive does not exist is refused', () => {
  const archives = new Set(['1.0.0', '2.0.0']);
  beforeEach(() => {
    w.use({ releaseExists: async (release) => archives.has(release) });
  });

  test.each([
    ['a rollout', () => w.call('POST', '/rollouts', {}, { release: '9.9.9' })],
    ['a create that names it', () => w.call('POST', '/tenants', {}, { spec: devSpec('globex', { account: '310987654321' }), release: '9.9.9' })],
    ['a change that pins it', () => patch('acme', { release: '9.9.9' })],
  ])('throws for %s: 400 naming the release and where it looked, nothing written', async (_name, request) => {
    await deployedTenant(w, devSpec('acme'));
    (w.config as { appSourceBucket?: string }).appSourceBucket = 'releases-bucket';
    (w.config as { appSourcePrefix?: string }).appSourcePrefix = 'platform-app/';
    const before = await w.scan();
    const res = await request();
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([
      'release: there is no archive for release \'9.9.9\' (looked for s3://releases-bucket/platform-app/9.9.9.zip); upload it first (got: "9.9.9")',
    ]);
    expect(await w.scan()).toEqual(before);
  });

  test('a release whose archive exists rolls out', async () => {
    await deployedTenant(w, devSpec('acme'));
    expect((await w.call('POST', '/rollouts', {}, { release: '2.0.0' })).statusCode).toBe(202);
  });
});
