// The tenant lifecycle tested as a model (issue 19 §1): fast-check generates random sequences of
// API requests (create, change, suspend, resume, destroy, drift, rollouts and approvals),
// workflow progress (begin, and an end: success, failure, abort, timeout) and concurrent
// rollouts, and runs them against the REAL API handler and the REAL workflow steps on dynalite.
// After every step the registry is read whole and the invariants are checked:
// - no DESTROYED → ACTIVE (or any live state) without a create (a new incarnation);
// - every lock belongs to an operation that is PENDING/RUNNING and whose execution still runs;
// - the recorded deployed spec and release are those of the last deploying operation that
//   SUCCEEDED in the tenant's incarnation (none: nothing deployed);
// - every finished operation has a final status and finishedAt; at the end, every operation is finished;
// - the PRODUCTION guard holds: a destroy of a guarded tenant was accepted only SUSPENDED and
//   confirmed, and the asked tier never drops below a deployed PRODUCTION;
// - no answer is a 5xx (503 only when the test makes Step Functions refuse);
// - a code push reaches only a tenant whose DEPLOYED tier is DEVELOPMENT, holding the tenant's
//   lock itself (never while another operation holds it);
// - pushed code never runs as PRODUCTION: a tenant that carries a `codePush` mark is deployed as
//   DEVELOPMENT and not DESTROYED. The workflow's restore is modelled as the code-push role
//   behaves: it puts the release's code back and the record step clears the mark, but it is
//   denied when the deploy just tagged the function PRODUCTION (the role reaches DEVELOPMENT-tagged
//   functions only), so a deploy to PRODUCTION over pushed code leaves the mark and breaks this.
//
// The workflow steps are driven directly (begin → acquire → record, or `abandoned`), as the
// operation state machine calls them: the synthesized state machines in aws-local-stepfunctions
// are end-to-end tested in workflows.test.ts; running them here for every random step would not
// fit the time budget. Deterministic: a fixed seed and a bounded number of runs and commands.
import { createHash } from 'crypto';
import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { makeZip } from './fake-lambda';
import { Answer, begin, Execution, finish, newWorld, Outcome, World } from './lifecycle-support';
import { devSpec, LocalDynamo, provisionerStack, startDynalite } from './support';
import type { CodePushTarget } from '../../../src/platform/provisioner/code-push.lambda-shared';
import { isGuardedProduction } from '../../../src/platform/provisioner/lifecycle.lambda-shared';
import { OperationRecord, TenantRecord } from '../../../src/platform/provisioner/registry.lambda-shared';

const TENANTS = ['alpha', 'bravo'];
const RELEASES = ['1.0.0', '2.0.0', '3.0.0'];
const APPROVER = 'arn:aws:iam::111111111111:role/platform/approver';
const FINAL = ['SUCCEEDED', 'FAILED', 'SKIPPED', 'REJECTED'];
const DEPLOYING = ['CREATE', 'UPDATE', 'DEPLOY'];

let dynamo: LocalDynamo;
let stack: Stack;
/** What the runs reached, over all runs: shows the generator gets to the interesting places. */
const reached = new Set<string>();
/** Every push the code-push target received: the tenant as the registry had it at that moment. */
const pushes: Array<{ tenantId: string; deployedTier?: string; lockType?: string; state: string }> = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  stack = provisionerStack().stack;
});
afterAll(async () => dynamo.close());

/** What the model remembers between steps. */
interface Model {
  /** Executions begun but not ended, with the context `begin` returned. */
  readonly begun: Map<string, { execution: Execution; ctx: Record<string, any> }>;
  /** The state and incarnation last seen per tenant. */
  readonly seen: Map<string, { state: string; incarnation: number }>;
  /** Rollouts started, by id. */
  readonly rollouts: string[];
  /** Every answer's status (for the 5xx check). */
  readonly log: string[];
}

interface Real {
  readonly w: World;
}

type Cmd = fc.AsyncCommand<Model, Real>;

// ---- the registry, read whole ----

interface Snapshot {
  readonly tenants: TenantRecord[];
  readonly operations: OperationRecord[];
}

async function snapshot(w: World): Promise<Snapshot> {
  const items = await w.scan();
  const strip = (i: Record<string, unknown>) => {
    const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...rest } = i;
    return rest;
  };
  return {
    tenants: items.filter((i) => i.sk === '#TENANT').map(strip) as unknown as TenantRecord[],
    operations: items.filter((i) => i.sk === '#OPERATION').map(strip) as unknown as OperationRecord[],
  };
}

async function checkInvariants(m: Model, r: Real): Promise<void> {
  const { w } = r;
  const snap = await snapshot(w);
  const now = w.now().toISOString();
  const running = new Set([...w.executions.map((e) => e.name), ...m.begun.keys()]);
  for (const t of snap.tenants) {
    const incarnation = t.incarnation ?? 1;
    // No DESTROYED → live state without a create.
    const before = m.seen.get(t.tenantId);
    if (before?.state === 'DESTROYED' && t.state !== 'DESTROYED') {
      expect([t.tenantId, 'resurrected without a create', incarnation > before.incarnation]).toEqual([t.tenantId, 'resurrected without a create', true]);
    }
    m.seen.set(t.tenantId, { state: t.state, incarnation });

    // Every live lock belongs to a running operation.
    if (t.lockOperationId && (t.lockExpiresAt ?? '') > now) {
      const op = snap.operations.find((o) => o.operationId === t.lockOperationId);
      expect([t.tenantId, 'lock', op?.status, running.has(t.lockOperationId)]).toEqual([t.tenantId, 'lock', expect.stringMatching(/^(PENDING|RUNNING)$/), true]);
    }

    // The deployed spec is the last one that succeeded (in this incarnation).
    const succeeded = snap.operations
      .filter((o) => o.tenantId === t.tenantId && (o.incarnation ?? 1) === incarnation && DEPLOYING.includes(o.type) && o.status === 'SUCCEEDED')
      .sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
    const last = succeeded.at(-1);
    expect([t.tenantId, 'deployed', t.deployedSpec ?? null, t.deployedRelease ?? null])
      .toEqual([t.tenantId, 'deployed', last?.spec ?? null, last?.release ?? null]);
    if (t.state === 'ACTIVE') expect([t.tenantId, 'ACTIVE means deployed', last !== undefined]).toEqual([t.tenantId, 'ACTIVE means deployed', true]);

    // The asked tier never drops below a deployed PRODUCTION.
    if (t.deployedTier === 'PRODUCTION') expect([t.tenantId, 'tier', t.tier]).toEqual([t.tenantId, 'tier', 'PRODUCTION']);

    // Pushed code never runs as PRODUCTION (nor hangs on a destroyed tenant).
    if (t.codePush) {
      reached.add('codePush set');
      expect([t.tenantId, 'codePush ⇒ deployed DEVELOPMENT', t.deployedTier, t.state !== 'DESTROYED'])
        .toEqual([t.tenantId, 'codePush ⇒ deployed DEVELOPMENT', 'DEVELOPMENT', true]);
    }
  }
  for (const t of snap.tenants) reached.add(`tenant ${t.state}`);
  for (const op of snap.operations) {
    reached.add(`${op.type} ${op.status}`);
    if (op.reason?.startsWith('superseded')) reached.add('superseded');
    if (op.reason?.includes('busy')) reached.add('busy');
    if ((op.incarnation ?? 1) > 1) reached.add('incarnation 2');
    if (FINAL.includes(op.status)) expect([op.operationId, op.status, typeof op.finishedAt]).toEqual([op.operationId, op.status, 'string']);
    else expect([op.operationId, op.status, 'execution running', running.has(op.operationId)]).toEqual([op.operationId, op.status, 'execution running', true]);
  }
}

function noServerError(m: Model, what: string, res: Answer, allow503 = false): void {
  m.log.push(`${what} → ${res.statusCode}`);
  reached.add(`${what.replace(/\(.*$/, '')} ${res.statusCode}`);
  if (typeof res.json?.cause === 'string') reached.add(`${what.replace(/\(.*$/, '')} ${res.statusCode} ${res.json.cause}`);
  if (process.env.MODEL_DEBUG) reached.add(`${what} ${res.statusCode} ${res.statusCode === 400 ? res.body.slice(0, 200) : ''}`);
  if (res.statusCode >= 500 && !(allow503 && res.statusCode === 503)) throw new Error(`${what} answered ${res.statusCode}: ${res.body}`);
}

// ---- commands ----

class Create implements Cmd {
  constructor(
    readonly id: string, readonly production: boolean, readonly release: string, readonly scheduled: boolean, readonly startFails: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const spec = this.production ? { ...devSpec(this.id), tier: 'PRODUCTION' } : devSpec(this.id);
    r.w.failStarts(this.startFails);
    const res = await r.w.call('POST', '/tenants', {}, { spec, release: this.release, ...(this.scheduled ? { inMaintenanceWindow: true } : {}) });
    r.w.failStarts(false);
    noServerError(m, this.toString(), res, this.startFails);
    await checkInvariants(m, r);
  }
  toString = () => `Create(${this.id}, ${this.production ? 'PRODUCTION' : 'DEVELOPMENT'}, ${this.release}${this.scheduled ? ', window' : ''}${this.startFails ? ', start fails' : ''})`;
}

/** A create whose workflow runs to success at once (the common case, so later steps meet deployed tenants). */
class CreateDeployed implements Cmd {
  constructor(readonly id: string, readonly production: boolean, readonly release: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const spec = this.production ? { ...devSpec(this.id), tier: 'PRODUCTION' } : devSpec(this.id);
    const res = await r.w.call('POST', '/tenants', {}, { spec, release: this.release });
    noServerError(m, 'Create', res);
    if (res.statusCode === 201) {
      const i = r.w.executions.findIndex((e) => e.name === res.json.operation.operationId);
      await finish(r.w, r.w.executions.splice(i, 1)[0], 'success');
    }
    await checkInvariants(m, r);
  }
  toString = () => `CreateDeployed(${this.id}, ${this.production ? 'PRODUCTION' : 'DEVELOPMENT'}, ${this.release})`;
}

class Change implements Cmd {
  constructor(readonly id: string, readonly kind: 'capacity' | 'tierDown' | 'tierUp' | 'databaseName' | 'release', readonly value: number, readonly scheduled: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const settings = {
      capacity: { settings: { database: { maxCapacity: this.value } } },
      tierDown: { settings: { tier: 'DEVELOPMENT' } },
      tierUp: { settings: { tier: 'PRODUCTION' } },
      databaseName: { settings: { database: { databaseName: `db${this.value}` } } },
      release: { release: RELEASES[this.value % RELEASES.length] },
    }[this.kind];
    const before = await r.w.registry.getTenant(this.id);
    const res = await r.w.call('PATCH', '/tenants/{tenantId}', { tenantId: this.id }, { ...settings, ...(this.scheduled ? { inMaintenanceWindow: true } : {}) });
    noServerError(m, this.toString(), res);
    if (this.kind === 'tierDown' && before && isGuardedProduction({ tier: 'DEVELOPMENT', deployedTier: before.deployedTier })) {
      expect([this.toString(), res.statusCode]).toEqual([this.toString(), 400]);
    }
    await checkInvariants(m, r);
  }
  toString = () => `Change(${this.id}, ${this.kind}, ${this.value}${this.scheduled ? ', window' : ''})`;
}

class SetState implements Cmd {
  constructor(readonly id: string, readonly state: 'SUSPENDED' | 'ACTIVE') {}
  check = () => true;
  async run(m: Model, r: Real) {
    const before = await r.w.registry.getTenant(this.id);
    const res = await r.w.call('PATCH', '/tenants/{tenantId}', { tenantId: this.id }, { state: this.state });
    noServerError(m, this.toString(), res);
    if (res.statusCode === 200) {
      // Registry only: no new version, no deploy.
      const after = (await r.w.registry.getTenant(this.id))!;
      expect([this.toString(), after.version, after.deployedVersion]).toEqual([this.toString(), before!.version, before!.deployedVersion]);
    }
    await checkInvariants(m, r);
  }
  toString = () => `SetState(${this.id}, ${this.state})`;
}

class Destroy implements Cmd {
  constructor(readonly id: string, readonly confirm: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const before = await r.w.registry.getTenant(this.id);
    const res = await r.w.call('DELETE', '/tenants/{tenantId}', { tenantId: this.id }, this.confirm ? { confirm: this.id } : undefined);
    noServerError(m, this.toString(), res);
    if (res.statusCode === 202 && isGuardedProduction({ tier: before!.tier, deployedTier: before!.deployedTier })) {
      // The PRODUCTION guard: suspended first, then confirmed.
      expect([this.toString(), before!.state, this.confirm]).toEqual([this.toString(), 'SUSPENDED', true]);
    }
    await checkInvariants(m, r);
  }
  toString = () => `Destroy(${this.id}${this.confirm ? ', confirm' : ''})`;
}

class PushCode implements Cmd {
  constructor(readonly id: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const zip = makeZip([{ name: 'index.js', data: Buffer.from(`// ${this.id}`) }]);
    const body = { zipBase64: zip.toString('base64'), sha256: createHash('sha256').update(zip).digest('hex') };
    const seen = pushes.length;
    const res = await r.w.call('POST', '/tenants/{tenantId}/code', { tenantId: this.id }, body);
    noServerError(m, this.toString(), res);
    // A refused push never reaches Lambda; an accepted one reaches it once.
    expect([this.toString(), pushes.length - seen]).toEqual([this.toString(), res.statusCode === 200 ? 1 : 0]);
    for (const p of pushes.slice(seen)) {
      expect([this.toString(), p.deployedTier, p.lockType, p.state]).toEqual([this.toString(), 'DEVELOPMENT', 'CODE_PUSH', 'ACTIVE']);
    }
    await checkInvariants(m, r);
  }
  toString = () => `PushCode(${this.id})`;
}

/**
 * A push and a tier change close together (the path of H1): a push then a change to PRODUCTION
 * (at once or in the window), a change to PRODUCTION in the window then a push, or a push then a
 * redeploy that runs to its end (the restore).
 */
class PushAndTier implements Cmd {
  constructor(readonly id: string, readonly order: 'pushPromote' | 'pushPromoteWindow' | 'promoteWindowPush' | 'pushRedeploy') {}
  check = () => true;
  async run(m: Model, r: Real) {
    const patch = async (what: string, body: Record<string, unknown>) => {
      const res = await r.w.call('PATCH', '/tenants/{tenantId}', { tenantId: this.id }, body);
      noServerError(m, `Change(${this.id}, ${what})`, res);
      return res;
    };
    // On a deployed tenant: one is created first when there is none (or it was destroyed).
    const t = await r.w.registry.getTenant(this.id);
    if (!t || t.state === 'DESTROYED') await new CreateDeployed(this.id, false, '1.0.0').run(m, r);
    if (this.order === 'promoteWindowPush') await patch('tierUp in window', { settings: { tier: 'PRODUCTION' }, inMaintenanceWindow: true });
    await new PushCode(this.id).run(m, r);
    if (this.order === 'pushPromote' || this.order === 'pushPromoteWindow') {
      await patch('tierUp after push', { settings: { tier: 'PRODUCTION' }, ...(this.order === 'pushPromoteWindow' ? { inMaintenanceWindow: true } : {}) });
    }
    if (this.order === 'pushRedeploy') {
      const res = await patch('redeploy after push', {});
      if (res.statusCode === 202) {
        const i = r.w.executions.findIndex((e) => e.name === res.json.operation.operationId);
        await finish(r.w, r.w.executions.splice(i, 1)[0], 'success');
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `PushAndTier(${this.id}, ${this.order})`;
}

class Drift implements Cmd {
  constructor(readonly id: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    noServerError(m, this.toString(), await r.w.call('POST', '/tenants/{tenantId}/drift', { tenantId: this.id }));
    await checkInvariants(m, r);
  }
  toString = () => `Drift(${this.id})`;
}

class StartRollout implements Cmd {
  constructor(readonly release: string, readonly canary: string | undefined, readonly window: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await r.w.call('POST', '/rollouts', {}, { release: this.release, ...(this.canary ? { canaries: [this.canary] } : {}), respectMaintenanceWindows: this.window });
    noServerError(m, this.toString(), res);
    if (res.statusCode === 202) {
      const rolloutId = res.json.rollout.rolloutId as string;
      m.rollouts.push(rolloutId);
      r.w.executions.splice(r.w.executions.findIndex((e) => e.name === rolloutId), 1);
      try {
        const plan = await r.w.step({ action: 'plan', rolloutId });
        // Every planned tenant becomes an operation execution, as the Distributed Map starts them.
        for (const item of (plan.waves as Array<Array<{ tenantId: string; operationId: string }>>).flat()) {
          r.w.executions.push({
            arn: r.w.config.operationStateMachineArn,
            name: item.operationId,
            input: { operationId: item.operationId, tenantId: item.tenantId, type: 'DEPLOY', rolloutId, release: plan.release, waitForWindow: plan.waitForWindow },
          });
        }
      } catch (e) {
        // A plan with none of its named canaries left does not start (the rollout fails); anything else is a bug.
        if ((e as Error).name !== 'CanariesNotInPlan') throw e;
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `StartRollout(${this.release}${this.canary ? `, canary ${this.canary}` : ''}${this.window ? ', windows' : ''})`;
}

class Approve implements Cmd {
  constructor(readonly index: number, readonly approved: boolean) {}
  check = (m: Readonly<Model>) => m.rollouts.length > 0;
  async run(m: Model, r: Real) {
    const rolloutId = m.rollouts[this.index % m.rollouts.length];
    await r.w.step({ action: 'awaitApproval', rolloutId, waveIndex: 1, taskToken: `token-${rolloutId}-${this.index}` });
    const res = await r.w.call('POST', '/rollouts/{rolloutId}/approval', { rolloutId }, { approved: this.approved, comment: `model ${this.index}` }, {}, undefined, APPROVER);
    noServerError(m, this.toString(), res);
    expect(res.statusCode).toBe(200);
    const rollout = (await r.w.registry.getRollout(rolloutId))!;
    expect(rollout.approvals!.at(-1)).toMatchObject({ approved: this.approved, by: APPROVER, comment: `model ${this.index}`, at: expect.any(String) });
    await checkInvariants(m, r);
  }
  toString = () => `Approve(${this.index}, ${this.approved})`;
}

/** The workflow takes its next step for one started execution: `begin`. */
class Begin implements Cmd {
  constructor(readonly index: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const candidates = r.w.executions.filter((e) => !m.begun.has(e.name));
    if (candidates.length > 0) {
      const execution = candidates[this.index % candidates.length];
      r.w.executions.splice(r.w.executions.indexOf(execution), 1);
      const ctx = await begin(r.w, execution);
      if (ctx.failedBegin || ctx.skip) {
        // Begin failed (its Catch records the failure) or the operation was skipped: the execution ends now.
        await finish(r.w, execution, 'success', ctx);
      } else {
        m.begun.set(execution.name, { execution, ctx });
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `Begin(${this.index})`;
}

/** An execution ends: success, failure, abort or timeout (begun or not). */
class End implements Cmd {
  constructor(readonly index: number, readonly outcome: Outcome) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const begun = [...m.begun.values()];
    const all = [...begun.map((b) => b.execution), ...r.w.executions];
    if (all.length > 0) {
      const execution = all[this.index % all.length];
      const ctx = m.begun.get(execution.name)?.ctx;
      m.begun.delete(execution.name);
      const i = r.w.executions.indexOf(execution);
      if (i >= 0) r.w.executions.splice(i, 1);
      await finish(r.w, execution, this.outcome, ctx);
    }
    await checkInvariants(m, r);
  }
  toString = () => `End(${this.index}, ${this.outcome})`;
}

const id = fc.constantFrom(...TENANTS);
const create = fc.tuple(id, fc.boolean(), fc.constantFrom(...RELEASES), fc.boolean(), fc.integer({ min: 0, max: 7 }).map((n) => n === 0))
  .map(([t, p, rel, s, f]) => new Create(t, p, rel, s, f));
const end = fc.tuple(fc.nat(10), fc.constantFrom<Outcome>('success', 'success', 'failure', 'abort', 'timeout')).map(([i, o]) => new End(i, o));
const rollout = fc.tuple(fc.constantFrom(...RELEASES), fc.option(id, { nil: undefined }), fc.boolean())
  .map(([rel, c, win]) => new StartRollout(rel, c, win));
const destroy = fc.tuple(id, fc.boolean()).map(([t, c]) => new Destroy(t, c));
const commands = [
  create,
  fc.tuple(id, fc.boolean(), fc.constantFrom(...RELEASES)).map(([t, p, rel]) => new CreateDeployed(t, p, rel)),
  fc.tuple(id, fc.constantFrom('capacity', 'tierDown', 'tierUp', 'databaseName', 'release') as fc.Arbitrary<Change['kind']>, fc.integer({ min: 1, max: 8 }), fc.boolean())
    .map(([t, k, v, s]) => new Change(t, k, v, s)),
  fc.tuple(id, fc.constantFrom('SUSPENDED', 'ACTIVE') as fc.Arbitrary<'SUSPENDED' | 'ACTIVE'>).map(([t, s]) => new SetState(t, s)),
  destroy,
  destroy,
  id.map((t) => new Drift(t)),
  id.map((t) => new PushCode(t)),
  id.map((t) => new PushCode(t)),
  fc.tuple(id, fc.constantFrom('pushPromote', 'pushPromoteWindow', 'promoteWindowPush', 'pushRedeploy') as fc.Arbitrary<PushAndTier['order']>)
    .map(([t, o]) => new PushAndTier(t, o)),
  rollout,
  rollout,
  fc.tuple(fc.nat(5), fc.boolean()).map(([i, a]) => new Approve(i, a)),
  fc.nat(10).map((i) => new Begin(i)),
  fc.nat(10).map((i) => new Begin(i)),
  end,
  end,
  end,
];

/** A code-push target that records the tenant as the registry has it while the push runs. */
function recordingTarget(w: World): CodePushTarget {
  return {
    async push(request) {
      const t = (await w.registry.getTenant(request.tenantId))!;
      const lock = t.lockOperationId ? await w.registry.getOperation(t.lockOperationId) : undefined;
      pushes.push({ tenantId: t.tenantId, deployedTier: t.deployedTier, lockType: lock?.type, state: t.state });
      return { functionName: `fn-${request.tenantId}`, version: String(pushes.length), codeSha256: 'x' };
    },
  };
}

/**
 * The workflow's restore of the release's code as the code-push role allows it: denied when the
 * deploy that just succeeded tagged the function PRODUCTION.
 */
function modelRestore(w: World): (t: TenantRecord) => Promise<{ codeSha256: string }> {
  return async (t) => {
    const op = t.lockOperationId ? await w.registry.getOperation(t.lockOperationId) : undefined;
    if (String((op?.spec ?? t.spec).tier) !== 'DEVELOPMENT') {
      reached.add('restore denied');
      throw Object.assign(new Error('AccessDeniedException: not authorized to perform lambda:UpdateFunctionCode (aws:ResourceTag/tenant-blocks:tier)'), { name: 'AccessDeniedException' });
    }
    reached.add('restore');
    return { codeSha256: 'release' };
  };
}

async function runAndDrain(w: World, cmds: Iterable<Cmd>): Promise<void> {
  const model: Model = { begun: new Map(), seen: new Map(), rollouts: [], log: [] };
  const real: Real = { w };
  await fc.asyncModelRun(() => ({ model, real }), cmds);
  // Drain: every execution still running ends (successfully); then every operation is finished.
  for (const { execution, ctx } of [...model.begun.values()]) await finish(w, execution, 'success', ctx);
  model.begun.clear();
  while (w.executions.length > 0) await finish(w, w.executions.shift()!, 'success');
  await checkInvariants(model, real);
  const snap = await snapshot(w);
  for (const op of snap.operations) expect([op.operationId, FINAL.includes(op.status)]).toEqual([op.operationId, true]);
  for (const t of snap.tenants) {
    if (t.lockOperationId) expect([t.tenantId, 'unlocked at the end', t.lockOperationId]).toEqual([t.tenantId, 'unlocked at the end', undefined]);
  }
}

test('random sequences of requests, workflow outcomes and concurrent rollouts keep every lifecycle invariant', async () => {
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
      const w = await newWorld(dynamo.client, stack);
      w.use({ codePush: recordingTarget(w) });
      w.useWorkflow({ restoreCode: modelRestore(w) });
      try {
        await runAndDrain(w, cmds);
      } finally {
        await w.dispose();
      }
    }),
    { seed: 1919, numRuns: 50, endOnFailure: true },
  );

  // The budget (it runs in CI on every push): about 15 s of CPU, 50 runs of up to 40 steps.
  if (process.env.MODEL_DEBUG) console.log(`model test: ${Date.now() - started} ms`);
  const mustReach = [
    'tenant PENDING', 'tenant ACTIVE', 'tenant SUSPENDED', 'tenant DESTROYED', 'incarnation 2',
    'CREATE SUCCEEDED', 'CREATE FAILED', 'UPDATE SUCCEEDED', 'UPDATE FAILED', 'UPDATE SKIPPED', 'UPDATE REJECTED', 'DEPLOY SUCCEEDED', 'DEPLOY FAILED', 'DEPLOY SKIPPED',
    'DESTROY SUCCEEDED', 'DESTROY FAILED', 'DRIFT SUCCEEDED', 'SUSPEND SUCCEEDED', 'RESUME SUCCEEDED', 'superseded', 'busy',
    'CODE_PUSH SUCCEEDED', 'PushCode 200', 'PushCode 400', 'PushCode 409', 'codePush set', 'restore', 'Change 409 CODE_PUSHED', 'PushCode 409 PRODUCTION_PENDING',
    'Create 201', 'Create 409', 'Create 503', 'Change 202', 'Change 400', 'Change 409', 'Destroy 202', 'Destroy 400', 'Destroy 409', 'StartRollout 202', 'Approve 200',
  ];
  if (process.env.MODEL_DEBUG) console.log([...reached].sort().join('\n'));
  expect(mustReach.filter((r) => !reached.has(r))).toEqual([]);
}, 300_000);
