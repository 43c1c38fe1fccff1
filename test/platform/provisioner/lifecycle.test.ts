// The tenant lifecycle (issue 19 §1): the pure model, and every defect observed in the control
// plane as a scenario against the real API handler and workflow steps on dynalite. Each scenario
// failed on the code before the lifecycle model existed.
import { Stack } from 'aws-cdk-lib';
import { begin, deployedTenant, finish, newWorld, plannedRollout, take, World } from './lifecycle-support';
import { devSpec, LocalDynamo, provisionerStack, startDynalite } from './support';
import {
  inPlaceProblems, isGuardedProduction, LIFECYCLE, OPERATION_TYPES, refusal, stateAfter, TENANT_STATES, TenantState,
} from '../../../src/platform/provisioner/lifecycle.lambda-shared';
import { planRollout } from '../../../src/platform/provisioner/rollout-store.lambda-shared';

let dynamo: LocalDynamo;
let stack: Stack;

beforeAll(async () => {
  dynamo = await startDynalite();
  stack = provisionerStack().stack;
});
afterAll(async () => dynamo.close());

const world = async (): Promise<World> => newWorld(dynamo.client, stack);
const prodSpec = (id: string, extra: Record<string, unknown> = {}) => ({ ...devSpec(id), tier: 'PRODUCTION', ...extra });
const tenantOf = async (w: World, id: string) => (await w.registry.getTenant(id))!;

describe('the model (pure)', () => {
  test('a destroyed tenant stays destroyed whatever outcome is recorded', () => {
    for (const op of OPERATION_TYPES) {
      for (const ok of [true, false]) expect([op, ok, stateAfter('DESTROYED', op, ok, true)]).toEqual([op, ok, 'DESTROYED']);
    }
  });

  test.each([
    ['PENDING', 'CREATE', true, false, 'ACTIVE'],
    ['PENDING', 'CREATE', false, false, 'PENDING'],
    ['ACTIVE', 'UPDATE', false, true, 'ACTIVE'],
    ['SUSPENDED', 'UPDATE', true, true, 'SUSPENDED'],
    ['ACTIVE', 'DEPLOY', true, true, 'ACTIVE'],
    ['ACTIVE', 'DESTROY', true, true, 'DESTROYED'],
    ['SUSPENDED', 'DESTROY', false, true, 'SUSPENDED'],
    ['SUSPENDED', 'RESUME', true, false, 'PENDING'],
    ['SUSPENDED', 'RESUME', true, true, 'ACTIVE'],
    ['PENDING', 'SUSPEND', true, false, 'SUSPENDED'],
    ['ACTIVE', 'DRIFT', true, true, 'ACTIVE'],
  ] as Array<[TenantState, any, boolean, boolean, TenantState]>)('%s + %s (succeeded %s, ever deployed %s) → %s', (from, op, ok, deployed, to) => {
    expect(stateAfter(from, op, ok, deployed)).toBe(to);
  });

  test('every state has a way out: some operation starts from it', () => {
    for (const state of TENANT_STATES) {
      expect([state, OPERATION_TYPES.filter((op) => LIFECYCLE[op].from.includes(state)).length > 0]).toEqual([state, true]);
    }
    // PENDING in particular may be retried, changed, suspended and destroyed.
    expect(OPERATION_TYPES.filter((op) => LIFECYCLE[op].from.includes('PENDING'))).toEqual(['CREATE', 'UPDATE', 'SUSPEND', 'DESTROY']);
  });

  test('the PRODUCTION guard reads the deployed tier as well as the asked one', () => {
    expect(isGuardedProduction({ tier: 'DEVELOPMENT', deployedTier: 'PRODUCTION' })).toBe(true);
    expect(isGuardedProduction({ tier: 'PRODUCTION' })).toBe(true);
    expect(isGuardedProduction({ tier: 'DEVELOPMENT', deployedTier: 'DEVELOPMENT' })).toBe(false);
    expect(refusal('DESTROY', { tenantId: 'acme', state: 'ACTIVE', locked: false, tier: 'DEVELOPMENT', deployedTier: 'PRODUCTION' }, { confirm: 'acme' }))
      .toEqual({ statusCode: 409, message: 'a PRODUCTION tenant must be suspended before it is destroyed (PATCH {"state": "SUSPENDED"}); it is ACTIVE' });
  });

  test('changes impossible in place are named; nothing is fixed before the first deploy', () => {
    const deployed = prodSpec('acme');
    expect(inPlaceProblems(deployed, { ...deployed, tier: 'DEVELOPMENT', database: { databaseName: 'other' } }, 'settings')).toEqual([
      expect.stringMatching(/^settings\.tier: a PRODUCTION tenant cannot become DEVELOPMENT in place/),
      expect.stringMatching(/^settings\.database\.databaseName: cannot change after the first deploy: .*it is "app" \(got: "other"\)$/),
    ]);
    expect(inPlaceProblems(deployed, { ...deployed, database: { databaseName: 'app' } }, 'settings')).toEqual([]);
    expect(inPlaceProblems(undefined, { ...deployed, tier: 'DEVELOPMENT' }, 'settings')).toEqual([]);
  });
});

describe('a rollout planned before a destroy or a suspension', () => {
  test('does not redeploy a tenant destroyed since the plan, and never marks it ACTIVE', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const { items } = await plannedRollout(w, { release: '2.0.0' });
    expect(items.map((i) => i.input.tenantId)).toEqual(['acme']);

    const destroyed = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' });
    expect(destroyed.statusCode).toBe(202);
    await finish(w, take(w), 'success');
    expect((await tenantOf(w, 'acme')).state).toBe('DESTROYED');

    const out = await finish(w, items[0], 'success');
    expect(out).toEqual({ status: 'SKIPPED', reason: expect.stringMatching(/DESTROYED/) });
    expect(await tenantOf(w, 'acme')).toMatchObject({ state: 'DESTROYED', deployedRelease: '1.0.0' });
    expect((await w.registry.getOperation(items[0].name))!).toMatchObject({ status: 'SKIPPED', finishedAt: expect.any(String) });
  });

  test('recording a success never sets ACTIVE on a DESTROYED tenant, even one whose lock the deployment held', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const { items } = await plannedRollout(w, { release: '2.0.0', respectMaintenanceWindows: false });
    const ctx = await begin(w, items[0]);
    expect(ctx).toMatchObject({ skip: false, locked: true });
    // While the deployment holds the lock a destroy is refused...
    expect((await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' })).statusCode).toBe(409);
    // ...but a registry can still hold a destroyed tenant locked by a deployment (written by an
    // earlier version of the workflow, or by hand): its success is recorded, the state stays.
    const now = w.now().toISOString();
    await w.registry.unlockTenant('acme', items[0].name, { state: 'DESTROYED' });
    await w.registry.lockTenant('acme', items[0].name, '2099-01-01T00:00:00.000Z', now);
    const out = await finish(w, items[0], 'success', ctx);
    expect(out.unlocked).toBe(true);
    expect(await tenantOf(w, 'acme')).toMatchObject({ state: 'DESTROYED' });
    expect((await tenantOf(w, 'acme')).lockOperationId).toBeUndefined();
  });

  test('skips a tenant suspended since the plan, with the reason', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const { items } = await plannedRollout(w, { release: '2.0.0' });
    expect((await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { state: 'SUSPENDED' })).statusCode).toBe(200);
    const out = await finish(w, items[0], 'success');
    expect(out).toEqual({ status: 'SKIPPED', reason: 'the tenant is SUSPENDED: rollouts move ACTIVE tenants only' });
    expect(await tenantOf(w, 'acme')).toMatchObject({ state: 'SUSPENDED', deployedRelease: '1.0.0' });
  });
});

describe('guards read what is deployed', () => {
  test('PRODUCTION → DEVELOPMENT is refused with a 400 and nothing is written', async () => {
    const w = await world();
    await deployedTenant(w, prodSpec('globex'));
    const before = await w.scan();
    const res = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'globex' }, { settings: { tier: 'DEVELOPMENT' } });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([expect.stringMatching(/^settings\.tier: a PRODUCTION tenant cannot become DEVELOPMENT in place/)]);
    expect(await w.scan()).toEqual(before);
    // Still guarded: a plain DELETE is refused.
    expect((await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' })).statusCode).toBe(400);
  });

  test.each([
    ['the database name', { database: { databaseName: 'orders' } }, 'settings.database.databaseName'],
    ['the VPC range', { network: { vpcCidr: '10.1.0.0/16' } }, 'settings.network.vpcCidr'],
  ])('a change of %s after the first deploy is refused with a 400; before it, it is accepted', async (_name, settings, path) => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const before = await w.scan();
    const res = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([expect.stringContaining(`${path}: cannot change after the first deploy`)]);
    expect(await w.scan()).toEqual(before);

    const created = await w.call('POST', '/tenants', {}, { spec: devSpec('fresh') });
    await finish(w, take(w), 'failure');
    expect(created.statusCode).toBe(201);
    expect((await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'fresh' }, { settings })).statusCode).toBe(202);
  });

  test('the destroy guard reads the deployed tier: a tenant whose asked tier is DEVELOPMENT but runs PRODUCTION needs suspend and confirm', async () => {
    const w = await world();
    await deployedTenant(w, prodSpec('globex'));
    // As a registry written before this guard existed could hold it: asked DEVELOPMENT, deployed PRODUCTION.
    await w.registry.changeTenant('globex', 1, w.now().toISOString(), { tier: 'DEVELOPMENT', spec: devSpec('globex') });
    const res = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual(['confirm: destroying a PRODUCTION tenant needs "confirm": "globex" (got: null)']);
    expect((await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' }, { confirm: 'globex' })).statusCode).toBe(409);
    expect(w.executions).toEqual([]);
  });

  test('after a failed change, the deployed spec is kept and the next rollout deploys it, not the failed one', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 64 } } });
    expect(changed.statusCode).toBe(202);
    await finish(w, take(w), 'failure');
    const t = await tenantOf(w, 'acme');
    expect(t).toMatchObject({ version: 2, deployedVersion: 1, deployedRelease: '1.0.0', deployedTier: 'DEVELOPMENT' });
    expect((t.deployedSpec!.database as any).maxCapacity).toBe(2);
    expect((t.spec.database as any).maxCapacity).toBe(64);

    const { items } = await plannedRollout(w, { release: '2.0.0' });
    const ctx = await begin(w, items[0]);
    expect(JSON.parse(ctx.specJson).database.maxCapacity).toBe(2);
    await finish(w, items[0], 'success', ctx);
    expect(await tenantOf(w, 'acme')).toMatchObject({ deployedRelease: '2.0.0', release: '2.0.0', deployedVersion: 1, version: 2 });
    expect(((await tenantOf(w, 'acme')).deployedSpec!.database as any).maxCapacity).toBe(2);
  });
});

describe('every state has a way out', () => {
  test('a failed first create is retried by POST: same incarnation, a new version, then ACTIVE', async () => {
    const w = await world();
    const first = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    await finish(w, take(w), 'failure');
    expect(await tenantOf(w, 'acme')).toMatchObject({ state: 'PENDING', incarnation: 1 });
    const retry = await w.call('POST', '/tenants', {}, { spec: devSpec('acme', { database: { maxCapacity: 4 } }) });
    expect(retry.statusCode).toBe(201);
    expect(retry.json.tenant).toMatchObject({ version: 2, incarnation: 1, state: 'PENDING' });
    await finish(w, take(w), 'success');
    const t = await tenantOf(w, 'acme');
    expect(t).toMatchObject({ state: 'ACTIVE', deployedVersion: 2 });
    expect((await w.registry.listOperations('acme', 10, undefined, 1)).items.map((o) => [o.operationId, o.status]))
      .toEqual([[retry.json.operation.operationId, 'SUCCEEDED'], [first.json.operation.operationId, 'FAILED']]);
    // Only while nothing deployed: now a create is a conflict.
    expect((await w.call('POST', '/tenants', {}, { spec: devSpec('acme') })).statusCode).toBe(409);
  });

  test('a retry elsewhere is refused: a rolled-back stack may remain in the first account', async () => {
    const w = await world();
    await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    await finish(w, take(w), 'failure');
    const res = await w.call('POST', '/tenants', {}, { spec: devSpec('acme', { account: '310987654321' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json.message).toMatch(/first asked for in 210987654321\/us-east-1; destroy it/);
  });

  test('a PENDING PRODUCTION tenant whose create failed can be suspended and destroyed', async () => {
    const w = await world();
    await w.call('POST', '/tenants', {}, { spec: prodSpec('globex') });
    await finish(w, take(w), 'failure');
    const suspended = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'globex' }, { state: 'SUSPENDED' });
    expect(suspended.statusCode).toBe(200);
    const destroyed = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' }, { confirm: 'globex' });
    expect(destroyed.statusCode).toBe(202);
    await finish(w, take(w), 'success');
    expect((await tenantOf(w, 'globex')).state).toBe('DESTROYED');
  });

  test('resuming a tenant that never deployed returns it to PENDING, not ACTIVE', async () => {
    const w = await world();
    await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    await finish(w, take(w), 'failure');
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { state: 'SUSPENDED' });
    const resumed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { state: 'ACTIVE' });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json.tenant.state).toBe('PENDING');
  });
});

describe('history per incarnation', () => {
  test('a destroyed tenant and its history stay readable (no 410); a re-created id starts a new history', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' });
    await finish(w, take(w), 'success');

    const got = await w.call('GET', '/tenants/{tenantId}', { tenantId: 'acme' });
    expect(got.statusCode).toBe(200);
    expect(got.json.tenant.state).toBe('DESTROYED');
    expect(got.json.lastOperation).toMatchObject({ type: 'DESTROY', status: 'SUCCEEDED' });
    const history = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' });
    expect(history.statusCode).toBe(200);
    expect(history.json.operations.map((o: any) => o.type)).toEqual(['DESTROY', 'CREATE']);
    // Writes to a destroyed tenant are refused by the lifecycle, with the way back.
    const patch = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: {} });
    expect(patch.statusCode).toBe(409);
    expect(patch.json.message).toMatch(/destroyed; POST \/tenants creates it again/);

    const again = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    expect(again.statusCode).toBe(201);
    expect(again.json.tenant).toMatchObject({ incarnation: 2, version: 1 });
    const current = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' });
    expect(current.json).toMatchObject({ incarnation: 2 });
    expect(current.json.operations.map((o: any) => o.type)).toEqual(['CREATE']);
    const previous = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { incarnation: '1' });
    expect(previous.json.operations.map((o: any) => o.type)).toEqual(['DESTROY', 'CREATE']);
    expect((await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { incarnation: '3' })).statusCode).toBe(400);
    // Page by page within an incarnation; a token of one incarnation is refused for another.
    const page1 = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { incarnation: '1', limit: '1' });
    expect(page1.json.operations.map((o: any) => o.type)).toEqual(['DESTROY']);
    const page2 = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { incarnation: '1', limit: '1', nextToken: page1.json.nextToken });
    expect(page2.json.operations.map((o: any) => o.type)).toEqual(['CREATE']);
    expect((await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' }, undefined, {}, { nextToken: page1.json.nextToken })).statusCode).toBe(400);
    // The history of every incarnation together (as the console reads it): the newest incarnation first.
    expect((await w.registry.listOperations('acme', 10)).items.map((o) => `${o.incarnation}:${o.type}`)).toEqual(['2:CREATE', '1:DESTROY', '1:CREATE']);
  });
});

describe('a busy tenant and the maintenance window', () => {
  test('a tenant busy with another operation is skipped by a rollout, not failed; a 0% tolerance is not crossed', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    await deployedTenant(w, devSpec('bravo'));
    const { rolloutId, items } = await plannedRollout(w, { release: '2.0.0', toleratedFailurePercentage: 0 });
    // acme is busy: a drift detection holds its lock.
    expect((await w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' })).statusCode).toBe(202);
    const results = [];
    for (const item of items) {
      const out = await finish(w, item, 'success');
      results.push({ tenantId: item.input.tenantId, operationId: item.name, status: out.status, ...(out.reason ? { reason: out.reason } : {}) });
    }
    expect(results.map((r) => [r.tenantId, r.status])).toEqual([['acme', 'SKIPPED'], ['bravo', 'SUCCEEDED']]);
    expect((await w.registry.getOperation(items[0].name))!).toMatchObject({ status: 'SKIPPED', reason: expect.stringMatching(/^the tenant was busy with operation /) });
    const evaluation = await w.step({ action: 'evaluate', rolloutId, waveIndex: 0, waveCount: 1, toleratedFailurePercentage: 0, results });
    expect(evaluation).toMatchObject({ crossed: false, failed: 0, attempted: 1 });
  });

  test('a change that waits for its window holds no lock: an urgent change goes through, the waiting one is superseded', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const scheduled = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } }, inMaintenanceWindow: true });
    expect(scheduled.statusCode).toBe(202);
    expect(scheduled.json.tenant.operationInFlight).toBeNull();
    const waiting = take(w);
    const ctx = await begin(w, waiting);
    expect(ctx).toMatchObject({ skip: false, locked: false, waitForWindow: true });

    const urgent = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 8 } } });
    expect(urgent.statusCode).toBe(202);
    await finish(w, take(w), 'success');

    const out = await finish(w, waiting, 'success', ctx);
    expect(out).toEqual({ status: 'SKIPPED', reason: expect.stringMatching(/^superseded: the tenant moved on to version 3/) });
    const t = await tenantOf(w, 'acme');
    expect(t).toMatchObject({ version: 3, deployedVersion: 3 });
    expect((t.deployedSpec!.database as any).maxCapacity).toBe(8);
  });

  test('a change that waits for its window takes the lock after the wait and deploys', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } }, inMaintenanceWindow: true });
    const e = take(w);
    const ctx = await begin(w, e);
    expect((await tenantOf(w, 'acme')).lockOperationId).toBeUndefined();
    const acquired = await w.step({ action: 'acquire', context: ctx });
    expect(acquired).toMatchObject({ skip: false, locked: true });
    expect((await tenantOf(w, 'acme')).lockOperationId).toBe(e.name);
    await finish(w, e, 'success', acquired);
    expect(await tenantOf(w, 'acme')).toMatchObject({ deployedVersion: 2 });
  });
});

describe('SUSPEND and RESUME', () => {
  test('change only the state: no new spec version, no deploy, and the next rollout does not redeploy the tenant for it', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'), '2.0.0');
    for (const state of ['SUSPENDED', 'ACTIVE']) {
      const res = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { state });
      expect(res.statusCode).toBe(200);
      expect(res.json.operation).toMatchObject({ status: 'SUCCEEDED', specVersion: 1, finishedAt: expect.any(String) });
      expect(res.json.operation.executionArn).toBeUndefined();
    }
    expect(await tenantOf(w, 'acme')).toMatchObject({ version: 1, deployedVersion: 1, state: 'ACTIVE' });
    expect(w.executions).toEqual([]);
    const { items, plan } = await plannedRollout(w, { release: '2.0.0' });
    expect(items).toEqual([]);
    expect(plan.skipped).toBe(1);
  });
});

describe('canaries are checked against the plan', () => {
  test('a canary id that names no tenant, or no ACTIVE one, is a 400 and nothing is written', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    await deployedTenant(w, devSpec('bravo'));
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'bravo' }, { state: 'SUSPENDED' });
    const before = await w.scan();
    const res = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['acmee', 'bravo'] });
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual([
      "canaries[0]: no tenant 'acmee'",
      "canaries[1]: tenant 'bravo' is SUSPENDED; rollouts move ACTIVE tenants only",
    ]);
    expect(await w.scan()).toEqual(before);
    expect(w.executions).toEqual([]);
  });

  test('a plan in which no named canary is left does not start: the rollout would have no canary wave', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    await deployedTenant(w, devSpec('bravo'));
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['acme'] });
    expect(started.statusCode).toBe(202);
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { state: 'SUSPENDED' });
    await expect(w.step({ action: 'plan', rolloutId: started.json.rollout.rolloutId })).rejects.toThrow(/none of the canaries is in the plan \(acme: the tenant is SUSPENDED\)/);
  });
});

describe('what the operator sees', () => {
  test('GET /tenants/{id} shows the last operation of any kind, a rollout\'s deployment included', async () => {
    const w = await world();
    await deployedTenant(w, devSpec('acme'));
    const { items } = await plannedRollout(w, { release: '2.0.0' });
    await finish(w, items[0], 'success');
    const got = await w.call('GET', '/tenants/{tenantId}', { tenantId: 'acme' });
    expect(got.json.lastOperation).toMatchObject({ operationId: items[0].name, type: 'DEPLOY', status: 'SUCCEEDED', requestedBy: expect.stringMatching(/^rollout:/) });
  });

  test('a running rollout shows each tenant\'s step: planned, waiting for its window until T, done, skipped and why', async () => {
    const w = await world();
    for (const id of ['acme', 'bravo', 'charlie', 'delta']) await deployedTenant(w, devSpec(id));
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaryPercent: 25 });
    const rolloutId = started.json.rollout.rolloutId;
    const plan = await planRollout({ rolloutId }, { registry: w.registry, config: w.config, client: w.client, now: w.now, stacks: () => { throw new Error('no stacks'); } });
    expect(plan.waveCount).toBe(2);
    const item = (tenantId: string) => ({
      arn: w.config.operationStateMachineArn,
      name: `${rolloutId}-${tenantId}`,
      input: { operationId: `${rolloutId}-${tenantId}`, tenantId, type: 'DEPLOY', rolloutId, release: '2.0.0', waitForWindow: true },
    });
    // acme (the canary) waits for its window (sun:03:00; the clock is Saturday 2026-11-28).
    const waiting = await begin(w, item('acme'));
    expect(waiting.locked).toBe(false);
    await w.step({ action: 'window', context: waiting });
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'charlie' }, { state: 'SUSPENDED' });
    await finish(w, item('bravo'), 'success');
    await finish(w, item('charlie'), 'success');

    const wave0 = await w.call('GET', '/rollouts/{rolloutId}', { rolloutId }, undefined, {}, { wave: '0' });
    expect(wave0.json.wave).toEqual({
      index: 0,
      page: 0,
      hasMorePages: false,
      tenants: [
        { tenantId: 'acme', operationId: `${rolloutId}-acme`, status: 'PENDING', step: 'WAITING_FOR_WINDOW', waitingUntil: '2026-11-29T03:00:00.000Z' },
      ],
    });
    const wave1 = await w.call('GET', '/rollouts/{rolloutId}', { rolloutId }, undefined, {}, { wave: '1' });
    expect(wave1.json.wave.tenants).toEqual([
      expect.objectContaining({ tenantId: 'bravo', status: 'SUCCEEDED', step: 'SUCCEEDED', finishedAt: expect.any(String) }),
      expect.objectContaining({ tenantId: 'charlie', status: 'SKIPPED', reason: 'the tenant is SUSPENDED: rollouts move ACTIVE tenants only' }),
      { tenantId: 'delta', operationId: `${rolloutId}-delta`, status: 'PLANNED', step: 'PLANNED' },
    ]);
    expect((await w.call('GET', '/rollouts/{rolloutId}', { rolloutId }, undefined, {}, { wave: '7' })).statusCode).toBe(400);
  });

  test('an approval between waves is recorded: who, when, which wave, the comment', async () => {
    const w = await world();
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', approvalBetweenWaves: true });
    const rolloutId = started.json.rollout.rolloutId;
    await w.step({ action: 'awaitApproval', rolloutId, waveIndex: 1, taskToken: 'token-1' });
    const approver = 'arn:aws:iam::111111111111:role/platform/approver';
    const res = await w.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId }, { approved: true, comment: 'canaries look fine' }, {}, undefined, approver);
    expect(res.statusCode).toBe(200);
    const rollout = (await w.call('GET', '/rollouts/{rolloutId}', { rolloutId })).json.rollout;
    expect(rollout.approvals).toEqual([{ wave: 1, approved: true, by: approver, at: expect.stringMatching(/^2026-11-28T/), comment: 'canaries look fine' }]);
  });

  test('the link external id is shown by GET /tenants/{id} only: never in lists, write answers or recorded events', async () => {
    const w = await world();
    const created = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    const externalId = (await tenantOf(w, 'acme')).externalId!;
    expect(created.body).not.toContain(externalId);
    const recorded = await finish(w, take(w), 'success');
    expect(JSON.stringify(recorded)).not.toContain(externalId);
    expect((await w.call('GET', '/tenants')).body).not.toContain(externalId);
    expect((await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: {} })).body).not.toContain(externalId);
    expect((await w.call('GET', '/tenants/{tenantId}', { tenantId: 'acme' })).json.tenant.linkExternalId).toBe(externalId);
  });
});
