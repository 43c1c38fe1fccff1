import { applyKey, diffSettings, formatPlan, mergePatch, planFleet, RegisteredTenant } from '../../src/fleet/plan';
import { TenantSpec, parseTenantSpecs } from '../../src/tenant';

// Issue 24 §3: plan = the difference between the tenants file and the registry, per tenant and setting.
const specs = (tenants: object[]): TenantSpec[] => parseTenantSpecs({ tenants });
const acme = { tenantId: 'acme', tier: 'PRODUCTION', account: '210987654321', database: { maxCapacity: 8 } };
const globex = { tenantId: 'globex', tier: 'DEVELOPMENT', account: '310987654321', database: {} };
const registered = (spec: object, state = 'ACTIVE', version = 3): RegisteredTenant => ({ tenantId: (spec as { tenantId: string }).tenantId, state, version, spec });

describe('planFleet', () => {
  test('a tenant only in the file is created; an equal one is unchanged; a changed setting is listed with both values', () => {
    const plan = planFleet(specs([{ ...acme, database: { maxCapacity: 16, allowedCidrs: ['10.1.0.0/24'] } }, globex]), [registered(acme)]);
    expect(plan.map((p) => [p.tenantId, p.action])).toEqual([['acme', 'change'], ['globex', 'create']]);
    expect(plan[0].changes).toEqual([
      { path: 'database.allowedCidrs', from: undefined, to: ['10.1.0.0/24'] },
      { path: 'database.maxCapacity', from: 8, to: 16 },
    ]);
    expect(plan[0].expectedVersion).toBe(3);
    expect(planFleet(specs([acme]), [registered(acme)])[0].action).toBe('unchanged');
  });

  test('a destroyed tenant in the file is created anew (a new incarnation)', () => {
    expect(planFleet(specs([acme]), [registered(acme, 'DESTROYED')])[0].action).toBe('create');
  });

  test('a tenant only in the registry is reported, never destroyed', () => {
    const plan = planFleet(specs([globex]), [registered(acme), registered(globex)]);
    expect(plan.find((p) => p.tenantId === 'acme')!.action).toBe('only-in-registry');
    expect(formatPlan(plan).join('\n')).toContain('? acme: only in the registry: not in the file (apply never destroys');
  });

  test.each([
    ['the account changes', { ...acme, account: '999999999999' }, 'ACTIVE', 'account cannot change in place'],
    ['the region changes', { ...acme, region: 'eu-west-1' }, 'ACTIVE', 'region cannot change in place'],
    ['a suspended tenant would change', { ...acme, database: { maxCapacity: 4 } }, 'SUSPENDED', 'resume it before changing'],
  ])('blocks a tenant when %s', (_name, spec, state, reason) => {
    const [plan] = planFleet(specs([spec]), [registered(acme, state)]);
    expect(plan.action).toBe('blocked');
    expect(plan.reason).toContain(reason);
  });

  test.each([['database', { ...acme, database: undefined }], ['function', { ...acme }]])('blocks a file that drops the %s (apply never deletes a block)', (block, spec) => {
    const withFunction = { ...acme, function: { memorySize: 512 } };
    const [plan] = planFleet(specs([spec]), [registered(block === 'function' ? withFunction : acme)]);
    expect(plan.action).toBe('blocked');
    expect(plan.reason).toContain(`the file has no ${block}: apply never removes a block`);
  });

  test('the merge patch turns the registry\'s spec into the file\'s (null removes a setting)', () => {
    const from = { ...acme, database: { maxCapacity: 8, databaseName: 'shop' }, link: { allowQuery: false } };
    const to = { ...acme, database: { maxCapacity: 8, allowedCidrs: ['10.1.0.0/24'] } };
    const patch = mergePatch(from, to);
    expect(patch).toEqual({ database: { databaseName: null, allowedCidrs: ['10.1.0.0/24'] }, link: null });
    expect(diffSettings(applyPatch(from, patch), to)).toEqual([]);
  });

  test('the apply key is stable for the same change and differs for another', () => {
    expect(applyKey('acme', acme, 3)).toBe(applyKey('acme', { ...acme }, 3));
    expect(applyKey('acme', acme, 3)).not.toBe(applyKey('acme', acme, 4));
    expect(applyKey('acme', acme, 3)).toMatch(/^[0-9a-f]{40}$/);
    // a re-create after a destroy is not a replay of the first create
    expect(applyKey('acme', acme, 'new')).not.toBe(applyKey('acme', acme, 'DESTROYED@7'));
  });

  test('the printed plan counts every action', () => {
    const lines = formatPlan(planFleet(specs([{ ...acme, database: { maxCapacity: 16 } }, globex]), [registered(acme)]));
    expect(lines).toEqual([
      '~ acme: change (version 3)',
      '    database.maxCapacity: 8 -> 16',
      '+ globex: create',
      'plan: 1 to create, 1 to change, 0 unchanged, 0 only in the registry, 0 blocked',
    ]);
  });
});

function applyPatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...(typeof target === 'object' && target !== null ? target as Record<string, unknown> : {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyPatch(out[k], v);
  }
  return out;
}
