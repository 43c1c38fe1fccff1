// One tenant per account (issue 20 §1) without a race: two concurrent creates into one account
// used to both pass the list check in front of the handler. Now a create claims its account with a
// conditional write (`ACCOUNT#<account>`), void once its tenant is destroyed. A property test runs
// random batches of concurrent creates and destroys through the real authorization and handler.
import fc from 'fast-check';
import { finish, newWorld, take, World } from './lifecycle-support';
import { CALLER, LocalDynamo, devSpec, provisionerStack, startDynalite } from './support';
import { ApiDependencies, handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { authorizeApiRequest } from '../../../src/platform/provisioner/scopes-api.lambda-shared';
import { AccessPolicy } from '../../../src/platform/provisioner/scopes.lambda-shared';

jest.setTimeout(300_000);

const ACCOUNTS = ['210987654321', '310987654321', '410987654321'];
const TENANTS = ['t-a', 't-b', 't-c', 't-d', 't-e'];
let dynamo: LocalDynamo;
const stack = provisionerStack().stack;
beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());

/** The world's registry behind the real authorization (one tenant per account unless `shared`). */
function api(w: World, shared = false) {
  const policy = new AccessPolicy([{ principalArn: CALLER, allTenants: true, actions: ['READ', 'CREATE', 'DESTROY'] }], { allowSharedAccounts: shared });
  const deps: ApiDependencies = {
    registry: w.registry,
    config: { ...w.config, tenantAccountIds: ACCOUNTS },
    now: () => w.now(),
    workflows: {
      startExecution: async (arn, name, input) => { w.executions.push({ arn, name, input }); },
      sendTaskSuccess: async () => undefined,
    },
  };
  return async (method: string, resource: string, params: Record<string, string>, body?: unknown) => {
    const res = await authorizeApiRequest({
      resource,
      httpMethod: method,
      pathParameters: params,
      body: body === undefined ? null : JSON.stringify(body),
      requestContext: { identity: { userArn: CALLER } },
    }, deps, policy, handleApiRequest);
    return { ...res, json: JSON.parse(res.body) };
  };
}

/** Live (not destroyed) tenants per account. */
async function liveByAccount(w: World): Promise<Map<string, string[]>> {
  const byAccount = new Map<string, string[]>();
  for (const t of (await w.registry.listTenants(100)).items) {
    if (t.state === 'DESTROYED') continue;
    byAccount.set(t.account, [...(byAccount.get(t.account) ?? []), t.tenantId]);
  }
  return byAccount;
}

test('two concurrent creates into one account: exactly one wins, the other is a 409 ACCOUNT_TAKEN naming the winner', async () => {
  const w = await newWorld(dynamo.client, stack);
  const call = api(w);
  const [a, b] = await Promise.all([
    call('POST', '/tenants', {}, { spec: devSpec('acme', { account: ACCOUNTS[0] }) }),
    call('POST', '/tenants', {}, { spec: devSpec('globex', { account: ACCOUNTS[0] }) }),
  ]);
  expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  const loser = a.statusCode === 409 ? a : b;
  const winner = a.statusCode === 201 ? 'acme' : 'globex';
  expect(loser.json).toMatchObject({ cause: 'ACCOUNT_TAKEN', holder: winner });
  expect(await liveByAccount(w)).toEqual(new Map([[ACCOUNTS[0], [winner]]]));
  await w.dispose();
});

test('a destroyed tenant\'s account can be taken; allowSharedTenantAccounts takes no claim', async () => {
  const w = await newWorld(dynamo.client, stack);
  const call = api(w);
  const acme = await call('POST', '/tenants', {}, { spec: devSpec('acme', { account: ACCOUNTS[0] }) });
  await finish(w, take(w, (e) => e.name === acme.json.operation.operationId), 'success');
  expect((await call('POST', '/tenants', {}, { spec: devSpec('globex', { account: ACCOUNTS[0] }) })).json.cause).toBe('ACCOUNT_TAKEN');
  const destroy = await call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' });
  await finish(w, take(w, (e) => e.name === destroy.json.operation.operationId), 'success');
  expect((await call('POST', '/tenants', {}, { spec: devSpec('globex', { account: ACCOUNTS[0] }) })).statusCode).toBe(201);
  expect(await w.registry.accountHolder(ACCOUNTS[0])).toBe('globex');
  const shared = api(w, true);
  expect((await shared('POST', '/tenants', {}, { spec: devSpec('initech', { account: ACCOUNTS[0] }) })).statusCode).toBe(201);
  await w.dispose();
});

test('property: whatever creates and destroys run concurrently, an account never holds two live tenants', async () => {
  const request = fc.record({ tenant: fc.constantFrom(...TENANTS), account: fc.constantFrom(...ACCOUNTS) });
  const batch = fc.array(request, { minLength: 2, maxLength: 6 });
  let contested = 0;
  const batches = fc.array(batch, { minLength: 1, maxLength: 3 });
  const destroyed = fc.array(fc.constantFrom(...TENANTS), { maxLength: 3 });
  await fc.assert(fc.asyncProperty(batches, destroyed, async (runs, destroys) => {
    const w = await newWorld(dynamo.client, stack);
    try {
      const call = api(w);
      for (const [i, requests] of runs.entries()) {
        const answers = await Promise.all(requests.map((r) => call('POST', '/tenants', {}, { spec: devSpec(r.tenant, { account: r.account }) })));
        expect(answers.every((a) => [201, 409, 400].includes(a.statusCode))).toBe(true);
        if (answers.some((a) => a.json.cause === 'ACCOUNT_TAKEN')) contested++;
        // the creates deploy; then some tenants are destroyed, concurrently
        while (w.executions.length > 0) await finish(w, take(w), 'success');
        const live = await liveByAccount(w);
        for (const [account, tenants] of live) {
          expect([account, tenants.length]).toEqual([account, 1]);
          expect(await w.registry.accountHolder(account)).toBe(tenants[0]);
        }
        const doomed = destroys.slice(0, i + 1);
        await Promise.all(doomed.map((id) => call('DELETE', '/tenants/{tenantId}', { tenantId: id })));
        while (w.executions.length > 0) await finish(w, take(w), 'success');
      }
    } finally {
      await w.dispose();
    }
  }), { seed: 2020, numRuns: 25, endOnFailure: true });
  // the runs did contest accounts (else the property proves nothing)
  expect(contested).toBeGreaterThan(5);
});

describe('a registry written before the account claim existed', () => {
  /** A tenant as the previous release wrote it: deployed, without an ACCOUNT# claim item. */
  async function preClaimTenant(w: World, tenantId: string, state: 'ACTIVE' | 'DESTROYED' = 'ACTIVE'): Promise<void> {
    const spec = devSpec(tenantId);
    const at = '2026-01-01T00:00:00Z';
    await w.registry.createTenant({
      tenantId,
      account: String(spec.account),
      region: 'us-east-1',
      tier: 'DEVELOPMENT',
      spec,
      version: 1,
      release: '1.0.0',
      state,
      externalId: 'x'.repeat(48),
      createdAt: at,
      updatedAt: at,
      deployedSpec: spec,
      deployedVersion: 1,
      deployedRelease: '1.0.0',
    }, '2026-01-01T00:00:00Z');
    expect(await w.registry.accountHolder(String(spec.account))).toBeUndefined();
  }

  test('throws when a create goes into the account of a pre-claim tenant: 409 ACCOUNT_TAKEN, and the claim is taken for that tenant', async () => {
    const w = await newWorld(dynamo.client, stack);
    w.use({ oneTenantPerAccount: true });
    await preClaimTenant(w, 'old');
    // a few other tenants first, so the search pages
    for (const id of ['aaa', 'bbb', 'ccc']) await w.registry.createTenant({ ...(await w.registry.getTenant('old'))!, tenantId: id, account: '999999999999' }, '2026-01-01T00:00:00Z');
    const res = await w.call('POST', '/tenants', {}, { spec: devSpec('new') });
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({ cause: 'ACCOUNT_TAKEN', holder: 'old' });
    expect(await w.registry.accountHolder(String(devSpec('new').account))).toBe('old');
    expect(await w.registry.getTenant('new')).toBeUndefined();
    await w.dispose();
  });

  test('two concurrent creates into a pre-claim tenant\'s account are both refused', async () => {
    const w = await newWorld(dynamo.client, stack);
    w.use({ oneTenantPerAccount: true });
    await preClaimTenant(w, 'old');
    const answers = await Promise.all(['new-a', 'new-b'].map((id) => w.call('POST', '/tenants', {}, { spec: devSpec(id) })));
    // the loser of the race may name the winner's claim it saw before the winner handed it on
    expect(answers.map((a) => [a.statusCode, a.json.cause])).toEqual([[409, 'ACCOUNT_TAKEN'], [409, 'ACCOUNT_TAKEN']]);
    expect(await w.registry.accountHolder(String(devSpec('old').account))).toBe('old');
    expect([await w.registry.getTenant('new-a'), await w.registry.getTenant('new-b')]).toEqual([undefined, undefined]);
    await w.dispose();
  });

  test('a destroyed pre-claim tenant does not hold its account', async () => {
    const w = await newWorld(dynamo.client, stack);
    w.use({ oneTenantPerAccount: true });
    await preClaimTenant(w, 'old', 'DESTROYED');
    expect((await w.call('POST', '/tenants', {}, { spec: devSpec('new') })).statusCode).toBe(201);
    expect(await w.registry.accountHolder(String(devSpec('new').account))).toBe('new');
    await w.dispose();
  });
});
