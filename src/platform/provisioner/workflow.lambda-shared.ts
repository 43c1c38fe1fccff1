/**
 * The steps of the operation and rollout workflows that need code (Step Functions calls them as
 * one Lambda function with an `action`): begin (check or take the lock, mark RUNNING), window
 * (when the tenant's maintenance window opens), record (outcome, unlock), plan (rollout waves),
 * evaluate (after a wave: has the failure threshold been crossed?), awaitApproval (store the task
 * token), finishRollout.
 */
import { ProvisionerConfig, deployRoleArn, sourceLocationOf, tenantStackName } from './config.lambda-shared';
import {
  buildSummary, driftedResources, failedResources, failureReason, isDeployed, retainedResources, stackSummary,
} from './outcome.lambda-shared';
import { ConflictError, OperationRecord, Registry, TenantRecord } from './registry.lambda-shared';
import { isObject, maintenanceWindowOf } from './settings.lambda-shared';
import { nextWindow } from './window.lambda-shared';

/** The workflow handler's dependencies. */
export interface WorkflowDependencies {
  readonly registry: Registry;
  readonly config: ProvisionerConfig;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

/** What the operation workflow carries from `begin` to `record`. */
export interface OperationContext {
  readonly operationId: string;
  readonly tenantId: string;
  readonly type: string;
  /** `deploy`, `destroy` or `drift`: what the build (or the drift detection) does. */
  readonly action: string;
  readonly account: string;
  readonly region: string;
  readonly stackName: string;
  readonly deployRoleArn: string;
  readonly release: string;
  /** `bucket/key` of the release archive; empty: the project's own source. */
  readonly sourceLocation: string;
  readonly specJson: string;
  /** The link's external id (generated once per tenant by the API). */
  readonly externalId: string;
  readonly waitForWindow: boolean;
  readonly skip: boolean;
  readonly startedAt: string;
}

/** A step failed in a way the workflow must not retry (it records the reason and unlocks). */
export class StepError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Runs one workflow step. */
export async function runStep(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  switch (event.action) {
    case 'begin': return begin(event, deps) as unknown as Promise<Record<string, unknown>>;
    case 'window': return window(event, deps);
    case 'record': return record(event, deps);
    case 'plan': return plan(event, deps);
    case 'evaluate': return evaluate(event, deps);
    case 'awaitApproval': return awaitApproval(event, deps);
    case 'finishRollout': return finishRollout(event, deps);
    case 'abandoned': return abandoned(event, deps);
    default: throw new StepError('UnknownAction', `unknown action ${JSON.stringify(event.action)}`);
  }
}

async function begin(step: Record<string, unknown>, deps: WorkflowDependencies): Promise<OperationContext> {
  const { registry, config } = deps;
  // The workflow passes its input as `input` and its execution ARN beside it.
  const event = isObject(step.input) ? { ...step.input, executionArn: step.executionArn } : step;
  const now = clock(deps);
  const operationId = String(event.operationId);
  const tenantId = String(event.tenantId);
  const rolloutId = typeof event.rolloutId === 'string' ? event.rolloutId : undefined;
  let tenant = await registry.getTenant(tenantId);
  if (!tenant) throw new StepError('TenantNotFound', `no tenant '${tenantId}' in the registry`);

  let op = await registry.getOperation(operationId);
  if (!op && rolloutId) {
    // A rollout's deployment: the workflow creates its history entry and takes the lock itself.
    const release = String(event.release);
    op = {
      operationId,
      tenantId,
      type: 'DEPLOY',
      status: 'PENDING',
      requestedBy: `rollout:${rolloutId}`,
      requestedAt: now.toISOString(),
      specVersion: tenant.version,
      release,
      rolloutId,
      changes: [{ path: '(release)', from: tenant.deployedRelease ?? null, to: release }],
      executionArn: typeof event.executionArn === 'string' ? event.executionArn : undefined,
      outcome: { stackName: tenantStackName(tenantId) },
    };
    await registry.putOperation(op).catch((e) => { if (!(e instanceof ConflictError)) throw e; });
    op = (await registry.getOperation(operationId))!;
  }
  if (!op) throw new StepError('OperationNotFound', `no operation '${operationId}' in the registry`);

  if (rolloutId && op.status === 'PENDING') {
    if (tenant.deployedRelease === op.release && tenant.deployedVersion === tenant.version) {
      await registry.updateOperation(operationId, ['PENDING'], { status: 'SKIPPED', reason: `already on release ${op.release}`, finishedAt: now.toISOString(), durationSeconds: 0 });
      return context(config, tenant, op, event, true, now);
    }
    try {
      const expiresAt = new Date(now.getTime() + config.lockTtlSeconds * 1000).toISOString();
      tenant = await registry.lockTenant(tenantId, operationId, expiresAt, now.toISOString());
    } catch (e) {
      if (e instanceof ConflictError) {
        throw new StepError('TenantLocked', `tenant '${tenantId}' has another operation in flight (${tenant.lockOperationId}); it keeps its release for now`);
      }
      throw e;
    }
  } else if (tenant.lockOperationId !== operationId) {
    throw new StepError('LockLost', `tenant '${tenantId}' is not locked by operation '${operationId}' (lock: ${tenant.lockOperationId ?? 'none'}); the lock may have expired`);
  }
  if (op.status === 'PENDING') {
    op = await registry.updateOperation(operationId, ['PENDING'], { status: 'RUNNING', startedAt: now.toISOString() });
  }
  return context(config, tenant, op, event, false, now);
}

function context(
  config: ProvisionerConfig,
  tenant: TenantRecord,
  op: OperationRecord,
  event: Record<string, unknown>,
  skip: boolean,
  now: Date,
): OperationContext {
  const action = op.type === 'DESTROY' ? 'destroy' : op.type === 'DRIFT' ? 'drift' : 'deploy';
  return {
    operationId: op.operationId,
    tenantId: tenant.tenantId,
    type: op.type,
    action,
    account: tenant.account,
    region: tenant.region,
    stackName: tenantStackName(tenant.tenantId),
    deployRoleArn: deployRoleArn(config, tenant.account, tenant.region),
    release: op.release,
    sourceLocation: sourceLocationOf(config, op.release) ?? '',
    specJson: JSON.stringify(tenant.spec),
    externalId: tenant.externalId ?? '',
    waitForWindow: event.waitForWindow === true,
    skip,
    startedAt: op.startedAt ?? now.toISOString(),
  };
}

async function window(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const ctx = event.context as OperationContext;
  const spec = JSON.parse(ctx.specJson) as Record<string, unknown>;
  // 0 minutes: a deployment starts inside the window; CloudFormation finishes what it started.
  return { ...nextWindow(maintenanceWindowOf(spec), clock(deps)) };
}

async function record(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const { registry } = deps;
  // The workflow passes its whole state: what is absent was never reached.
  const s = isObject(event.state) ? event.state : event;
  const now = clock(deps);
  const ctx = isObject(s.context) ? s.context as unknown as OperationContext : fallbackContext(s, now);
  const error = isObject(s.error) ? s.error : undefined;
  const buildError = isObject(s.buildError) ? s.buildError : undefined;
  const build = buildSummary(s.build ?? buildError?.Cause);
  const stack = stackSummary(s.stack, s.stackError);
  const failed = failedResources(s.events, ctx.startedAt);
  let succeeded: boolean;
  const outcome: Record<string, unknown> = { stackName: ctx.stackName, ...stack, ...(build ? { build } : {}) };
  if (failed.length > 0) outcome.failedResources = failed;

  if (ctx.action === 'drift') {
    const drifted = driftedResources(s.drifts);
    const detection = isObject(s.detection) ? s.detection : {};
    outcome.drift = { status: detection.StackDriftStatus ?? (drifted.length > 0 ? 'DRIFTED' : 'UNKNOWN'), driftedResourceCount: drifted.length, resources: drifted };
    succeeded = !error && detection.DetectionStatus === 'DETECTION_COMPLETE';
  } else if (ctx.action === 'destroy') {
    outcome.retained = retainedResources(s.template);
    succeeded = !error && !buildError && (stack.stackStatus === 'NOT_FOUND' || stack.stackStatus === 'DELETE_COMPLETE');
  } else {
    succeeded = !error && !buildError && isDeployed(stack.stackStatus);
  }
  const status = succeeded ? 'SUCCEEDED' : 'FAILED';
  const reason = succeeded ? undefined : failureReason(failed, stack, build, error ?? buildError);
  const op = await registry.getOperation(ctx.operationId);
  const started = op?.startedAt ?? ctx.startedAt;
  const durationSeconds = Math.max(0, Math.round((now.getTime() - new Date(started).getTime()) / 1000));
  await registry.updateOperation(ctx.operationId, ['PENDING', 'RUNNING'], {
    status, outcome, finishedAt: now.toISOString(), durationSeconds, ...(reason ? { reason } : {}),
  }).catch((e) => { if (!(e instanceof ConflictError)) throw e; });

  const tenantFields: { -readonly [K in keyof TenantRecord]?: TenantRecord[K] } = stack.stackStatus === 'UNKNOWN' ? {} : { lastStackStatus: stack.stackStatus };
  if (succeeded && ctx.action === 'deploy') {
    const tenant = await registry.getTenant(ctx.tenantId);
    Object.assign(tenantFields, {
      state: tenant?.state === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE',
      deployedVersion: op?.specVersion ?? tenant?.version,
      deployedRelease: ctx.release,
      release: ctx.release,
    });
  }
  if (succeeded && ctx.action === 'destroy') tenantFields.state = 'DESTROYED';
  if (ctx.action === 'drift') delete tenantFields.lastStackStatus;
  const unlocked = await registry.unlockTenant(ctx.tenantId, ctx.operationId, tenantFields);
  return {
    status,
    unlocked,
    event: {
      operationId: ctx.operationId,
      tenantId: ctx.tenantId,
      account: ctx.account,
      type: ctx.type,
      status,
      stackStatus: stack.stackStatus,
      release: ctx.release,
      durationSeconds,
      ...(reason ? { reason } : {}),
      ...(op?.rolloutId ? { rolloutId: op.rolloutId } : {}),
    },
  };
}

/** The context of an operation whose `begin` step never completed. */
function fallbackContext(s: Record<string, unknown>, now: Date): OperationContext {
  const type = String(s.type ?? 'UPDATE');
  const tenantId = String(s.tenantId);
  return {
    operationId: String(s.operationId),
    tenantId,
    type,
    action: type === 'DESTROY' ? 'destroy' : type === 'DRIFT' ? 'drift' : 'deploy',
    account: '',
    region: '',
    stackName: tenantStackName(tenantId),
    deployRoleArn: '',
    release: typeof s.release === 'string' ? s.release : '',
    sourceLocation: '',
    specJson: '{}',
    externalId: '',
    waitForWindow: false,
    skip: false,
    startedAt: now.toISOString(),
  };
}

async function plan(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const { registry } = deps;
  const rolloutId = String(event.rolloutId);
  const rollout = await registry.getRollout(rolloutId);
  if (!rollout) throw new StepError('RolloutNotFound', `no rollout '${rolloutId}'`);
  const req = rollout.request as {
    release: string;
    canaries: string[];
    canaryPercent: number;
    waveSize: number;
    maxConcurrency: number;
    toleratedFailurePercentage: number;
    approvalBetweenWaves: boolean;
    respectMaintenanceWindows: boolean;
  };
  const tenants: TenantRecord[] = [];
  let token: string | undefined;
  do {
    const page = await registry.listTenants(100, token);
    tenants.push(...page.items);
    token = page.nextToken;
  } while (token);
  // Only live tenants move: suspended, destroyed and never-deployed ones keep what they have.
  const eligible = tenants.filter((t) => t.state === 'ACTIVE');
  const todo = eligible.filter((t) => !(t.deployedRelease === req.release && t.deployedVersion === t.version));
  const skipped = eligible.length - todo.length;
  const waves = splitWaves(todo.map((t) => t.tenantId), req.canaries, req.canaryPercent, req.waveSize);
  const items = waves.map((ids) => ids.map((tenantId) => ({ tenantId, operationId: `${rolloutId}-${tenantId}` })));
  await registry.updateRollout(rolloutId, {
    status: 'RUNNING',
    waves: waves.map((ids, index) => ({ index, tenants: ids, status: 'PENDING' })),
    results: [],
    skippedTenants: skipped,
  } as Record<string, unknown>);
  return {
    rolloutId,
    release: req.release,
    waves: items,
    waveCount: items.length,
    waveIndex: 0,
    maxConcurrency: req.maxConcurrency,
    toleratedFailurePercentage: req.toleratedFailurePercentage,
    approvalBetweenWaves: req.approvalBetweenWaves,
    waitForWindow: req.respectMaintenanceWindows,
    skipped,
  };
}

/**
 * Splits the tenants into waves: the canaries (named, or the first `canaryPercent` percent, at
 * least one) first, then waves of `waveSize` (0: everything else in one wave).
 */
export function splitWaves(tenantIds: string[], canaries: string[], canaryPercent: number, waveSize: number): string[][] {
  if (tenantIds.length === 0) return [];
  const sorted = [...tenantIds].sort();
  const first = canaries.length > 0
    ? sorted.filter((t) => canaries.includes(t))
    : sorted.slice(0, canaryPercent > 0 ? Math.max(1, Math.floor(sorted.length * canaryPercent / 100)) : 0);
  const rest = sorted.filter((t) => !first.includes(t));
  const waves: string[][] = first.length > 0 ? [first] : [];
  const size = waveSize > 0 ? waveSize : rest.length;
  for (let i = 0; i < rest.length; i += size) waves.push(rest.slice(i, i + size));
  return waves;
}

async function evaluate(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const { registry } = deps;
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const tolerated = Number(event.toleratedFailurePercentage);
  const results = (Array.isArray(event.results) ? event.results : []).filter(isObject).map((r) => ({
    tenantId: String(r.tenantId),
    operationId: String(r.operationId),
    status: String(r.status ?? 'FAILED'),
    ...(r.reason !== undefined ? { reason: String(r.reason).slice(0, 1000) } : {}),
  }));
  const rollout = await registry.getRollout(rolloutId);
  const all = [...(rollout?.results ?? []), ...results.map((r) => ({ ...r, wave: waveIndex }))];
  const attempted = all.filter((r) => r.status !== 'SKIPPED').length;
  const failed = all.filter((r) => r.status === 'FAILED').length;
  const failurePercentage = attempted === 0 ? 0 : Math.round((failed * 10000) / attempted) / 100;
  const crossed = failed > 0 && failurePercentage > tolerated;
  const waves = (rollout?.waves ?? []).map((w) => (Number(w.index) === waveIndex ? { ...w, status: crossed ? 'FAILED' : 'DONE' } : w));
  await registry.updateRollout(rolloutId, { results: all, waves, failurePercentage } as Record<string, unknown>);
  return {
    crossed,
    failed,
    attempted,
    failurePercentage,
    nextWaveIndex: waveIndex + 1,
    hasMoreWaves: waveIndex + 1 < Number(event.waveCount),
  };
}

async function awaitApproval(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  await deps.registry.updateRollout(String(event.rolloutId), {
    status: 'AWAITING_APPROVAL', approvalToken: String(event.taskToken), awaitingApprovalForWave: Number(event.waveIndex),
  });
  return {};
}

async function finishRollout(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const status = String(event.status);
  const reason = typeof event.reason === 'string' ? event.reason : undefined;
  await deps.registry.updateRollout(String(event.rolloutId), { status, finishedAt: clock(deps).toISOString(), ...(reason ? { reason } : {}) }, ['approvalToken', 'awaitingApprovalForWave']);
  return { rolloutId: event.rolloutId, status, ...(reason ? { reason } : {}) };
}

function clock(deps: WorkflowDependencies): Date {
  return (deps.now ?? (() => new Date()))();
}

/**
 * An operation execution that ended without running its Catch paths (timed out, or stopped by
 * hand): EventBridge delivers Step Functions' status change here. The operation is marked FAILED
 * with that status and its lock released; an operation that recorded its outcome is left alone.
 */
async function abandoned(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const detail = isObject(event.detail) ? event.detail : event;
  const operationId = String(detail.name);
  const status = String(detail.status);
  const op = await deps.registry.getOperation(operationId);
  if (!op) return { operationId, recorded: false };
  const now = clock(deps);
  let recorded = true;
  try {
    await deps.registry.updateOperation(operationId, ['PENDING', 'RUNNING'], {
      status: 'FAILED',
      reason: `the workflow execution ${status === 'TIMED_OUT' ? 'timed out' : status.toLowerCase()} before it recorded an outcome`,
      finishedAt: now.toISOString(),
    });
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    recorded = false;
  }
  const unlocked = await deps.registry.unlockTenant(op.tenantId, operationId, {});
  return { operationId, recorded, unlocked };
}
