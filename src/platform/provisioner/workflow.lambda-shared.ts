/**
 * The steps of the operation and rollout workflows that need code (Step Functions calls them as
 * one Lambda function with an `action`): begin (check or take the lock, mark RUNNING), window
 * (when the tenant's maintenance window opens), record (outcome, unlock), plan (rollout waves),
 * evaluate (after a wave: has the failure threshold been crossed?), awaitApproval (store the task
 * token), finishRollout.
 */
import { endExpiredPush } from './api-code-push.lambda-shared';
import {
  ProvisionerConfig, buildRoleArn, deployRoleArn, externalIdParameterName, observerRoleArn, sourceLocationOf, tenantStackName,
} from './config.lambda-shared';
import { deployedSpecOf, LIFECYCLE, lockStates, OperationType, stateAfter } from './lifecycle.lambda-shared';
import {
  buildSummary, driftedResources, failedResources, failureReason, isDeployed, retainedResources, stackSummary, tenantLogGroups,
} from './outcome.lambda-shared';
import { ConflictError, OperationRecord, Registry, TenantRecord } from './registry.lambda-shared';
import { isObject, maintenanceWindowOf } from './settings.lambda-shared';
import { nextWindow } from './window.lambda-shared';
import { ExternalIdStore, memoryExternalIdStore } from './workflow-external-id.lambda-shared';

/** The workflow handler's dependencies. */
export interface WorkflowDependencies {
  readonly registry: Registry;
  readonly config: ProvisionerConfig;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
  /**
   * Where the build's external id goes (an SSM SecureString per tenant on AWS).
   * @default - a store in memory (the tests and the local simulation; the handler passes SSM's)
   */
  readonly externalIds?: ExternalIdStore;
  /**
   * Puts the release's code back into a tenant's function after a deploy of a tenant that carries a
   * code push (CloudFormation sees no change in the function's code and would not): on AWS,
   * `restoreReleaseCode` with the tenant account's code-push role. Returns the SHA-256 (hex) of the
   * code the function now runs.
   *
   * @default - none: the code-push mark stays and the operation's outcome says the code was not restored
   */
  readonly restoreCode?: (tenant: TenantRecord) => Promise<{ readonly codeSha256: string }>;
}

/** The store of the dependencies that name none (in memory, per process). */
const MEMORY_EXTERNAL_IDS = memoryExternalIdStore();

/** The external id store of `deps`. */
export function externalIdStoreOf(deps: WorkflowDependencies): ExternalIdStore {
  return deps.externalIds ?? MEMORY_EXTERNAL_IDS;
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
  /** The tenant account's CDK deploy role: the build's `cdk destroy` lifts termination protection with it. */
  readonly deployRoleArn: string;
  /** The tenant account's observer role: the workflow reads the stack, its events, template and drift with it. */
  readonly observerRoleArn: string;
  /** The platform account's build role of the tenant's account (StartBuild's `serviceRoleOverride`). */
  readonly buildRoleArn: string;
  readonly release: string;
  /** `bucket/key` of the release archive; empty: the project's own source. */
  readonly sourceLocation: string;
  readonly specJson: string;
  /**
   * The SSM parameter (SecureString) holding the link's external id, written just before the build;
   * the build reads it as `TENANT_EXTERNAL_ID` (PARAMETER_STORE). Never the id itself: the state,
   * the execution history and StartBuild's request carry only this name.
   */
  readonly externalIdParameter: string;
  readonly waitForWindow: boolean;
  readonly skip: boolean;
  /** Why the operation was skipped (a rollout found the tenant suspended, destroyed, busy or already on the release). */
  readonly skipReason?: string;
  /** Whether this operation holds the tenant's lock (false: it takes it in `acquire`, after the window wait). */
  readonly locked?: boolean;
  /**
   * The pushed code `acquire` replaced with the release's before the build (the function was still
   * DEVELOPMENT then): the push it replaced and the SHA-256 of the release's code.
   */
  readonly codeRestoredBeforeBuild?: { readonly pushOperationId: string; readonly releaseSha256: string };
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
    case 'acquire': return acquire(event, deps) as unknown as Promise<Record<string, unknown>>;
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

/**
 * The first step of an operation execution. Creates a rollout deployment's history entry, then
 * takes the tenant's lock with a conditional write that re-checks the state (`acquire`) — unless
 * the workflow waits for the maintenance window first and says it calls `acquire` after the wait
 * (`lockAfterWindow: true` in the step's payload): then nothing is locked during the wait.
 */
async function begin(step: Record<string, unknown>, deps: WorkflowDependencies): Promise<OperationContext> {
  const { registry, config } = deps;
  // The workflow passes its input as `input` and its execution ARN beside it.
  const event = isObject(step.input) ? { ...step.input, executionArn: step.executionArn } : step;
  const now = clock(deps);
  const operationId = String(event.operationId);
  const tenantId = String(event.tenantId);
  const rolloutId = typeof event.rolloutId === 'string' ? event.rolloutId : undefined;
  const tenant = await registry.getTenant(tenantId);
  if (!tenant) throw new StepError('TenantNotFound', `no tenant '${tenantId}' in the registry`);

  let op = await registry.getOperation(operationId);
  if (!op && rolloutId) {
    // A rollout's deployment: the workflow creates its history entry. It deploys the spec that
    // last deployed successfully with the rollout's release, never a change that failed.
    const release = String(event.release);
    op = {
      operationId,
      tenantId,
      incarnation: tenant.incarnation ?? 1,
      type: 'DEPLOY',
      status: 'PENDING',
      requestedBy: `rollout:${rolloutId}`,
      requestedAt: now.toISOString(),
      specVersion: tenant.deployedVersion ?? tenant.version,
      release,
      rolloutId,
      changes: [{ path: '(release)', from: tenant.deployedRelease ?? null, to: release }],
      executionArn: typeof event.executionArn === 'string' ? event.executionArn : undefined,
      outcome: { stackName: tenantStackName(tenantId) },
      ...(deployedSpecOf(tenant) ? { spec: deployedSpecOf(tenant) } : {}),
    };
    await registry.putOperation(op).catch((e) => { if (!(e instanceof ConflictError)) throw e; });
    op = (await registry.getOperation(operationId))!;
  }
  if (!op) throw new StepError('OperationNotFound', `no operation '${operationId}' in the registry`);
  if (op.status === 'SKIPPED') return context(config, tenant, op, event, true, now, op.reason);

  const base = context(config, tenant, op, event, false, now);
  if (tenant.lockOperationId === operationId && (tenant.lockExpiresAt ?? '') > now.toISOString()) {
    // The API took the lock with the request (an immediate change, a destroy, a drift).
    return acquire({ context: { ...base, locked: true } }, deps);
  }
  if (!rolloutId && !op.scheduled) {
    throw new StepError('LockLost', `tenant '${tenantId}' is not locked by operation '${operationId}' (lock: ${tenant.lockOperationId ?? 'none'}); the lock may have expired`);
  }
  if (base.waitForWindow && step.lockAfterWindow === true) {
    // Nothing is locked while the execution waits for the window: an urgent change is not refused for days.
    if (rolloutId && op.status === 'PENDING') {
      // Tell already now when nothing will happen (suspended, destroyed, on the release); the lock is checked after the wait.
      const reason = rolloutSkipReason(tenant, op, now, false);
      if (reason) return skipOperation(deps, base, reason);
    }
    return { ...base, locked: false };
  }
  return acquire({ context: { ...base, locked: false } }, deps);
}

/**
 * Takes the tenant's lock for the operation in `context` (after the maintenance-window wait, or
 * from `begin`), with one conditional write that also checks the lifecycle: the state must be one
 * the operation may start from (a rollout moves ACTIVE tenants only), and a scheduled change must
 * still be the tenant's current version. When the write fails, the tenant is read to say why, and
 * the operation is SKIPPED with that reason: a busy, suspended or destroyed tenant is not a failed
 * release. Returns the context (`skip: true` when skipped), marked RUNNING.
 */
async function acquire(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<OperationContext> {
  const { registry, config } = deps;
  const ctx = event.context as OperationContext;
  const now = clock(deps);
  let op = await registry.getOperation(ctx.operationId);
  if (!op) throw new StepError('OperationNotFound', `no operation '${ctx.operationId}' in the registry`);
  if (op.status === 'SKIPPED') return { ...ctx, skip: true, skipReason: op.reason ?? 'skipped' };
  let tenant = await registry.getTenant(ctx.tenantId);
  if (!tenant) throw new StepError('TenantNotFound', `no tenant '${ctx.tenantId}' in the registry`);
  if (op.rolloutId) {
    const reason = rolloutSkipReason(tenant, op, now, true);
    if (reason) return skipOperation(deps, ctx, reason);
  }
  const expiresAt = new Date(now.getTime() + config.lockTtlSeconds * 1000).toISOString();
  // A scheduled create or change deploys only while it is the tenant's newest version.
  const specVersion = op.scheduled && (op.type === 'CREATE' || op.type === 'UPDATE') ? op.specVersion : undefined;
  // A code push whose API function was stopped holds an expired lock: end it as FAILED before taking over.
  await endExpiredPush(tenant, now, { registry, now: () => now });
  try {
    tenant = await registry.lockTenant(ctx.tenantId, ctx.operationId, expiresAt, now.toISOString(), {
      op: op.type as OperationType, specVersion, incarnation: op.incarnation ?? 1, fields: { lastOperationId: op.operationId },
    });
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    const seen = await registry.getTenant(ctx.tenantId);
    const reason = !seen ? 'the tenant no longer exists'
      : (seen.incarnation ?? 1) !== (op.incarnation ?? 1) ? 'the tenant was destroyed and created again since this operation was asked for'
        : !lockStates(op.type as OperationType).includes(seen.state) ? `the tenant is ${seen.state}: ${op.type} is not possible in that state`
          : specVersion !== undefined && seen.version !== specVersion ? `superseded: the tenant moved on to version ${seen.version} (operation ${seen.lastOperationId ?? 'unknown'}) before the window; that change deploys the newer spec`
            : `the tenant was busy with operation ${seen.lockOperationId ?? 'unknown'}`;
    if (op.rolloutId || op.scheduled) return skipOperation(deps, ctx, reason);
    throw new StepError('LockLost', `tenant '${ctx.tenantId}' could not be locked for operation '${ctx.operationId}': ${reason}`);
  }
  if (op.status === 'PENDING') {
    const step = op.type === 'DESTROY' ? 'DESTROYING' : op.type === 'DRIFT' ? 'DETECTING_DRIFT' : 'DEPLOYING';
    op = await registry.updateOperation(ctx.operationId, ['PENDING'], { status: 'RUNNING', startedAt: now.toISOString(), step });
  } else if (op.step === 'WAITING_FOR_WINDOW') {
    op = await registry.updateOperation(ctx.operationId, ['RUNNING'], { step: op.type === 'DESTROY' ? 'DESTROYING' : 'DEPLOYING' });
  }
  // The spec and release as they are now (a scheduled change deploys what its version holds).
  const locked: OperationContext = { ...context(config, tenant, op, { waitForWindow: ctx.waitForWindow }, false, now), locked: true };
  // The build (deploy or destroy both synthesize the app, which needs the id) reads it from SSM.
  if (locked.action !== 'drift') await writeExternalId(deps, tenant, locked);
  if (locked.action === 'deploy' && tenant.codePush && deps.restoreCode) return { ...locked, codeRestoredBeforeBuild: await restoreBeforeBuild(deps, tenant) };
  return locked;
}

/**
 * Before the build of a tenant whose function runs pushed code: the release's code back while the
 * function is still DEVELOPMENT (the code-push role may change only those). A deploy that changes
 * the tier publishes a version of $LATEST, and the restore after it would be denied: pushed code would
 * go live as PRODUCTION. A failure fails the operation before anything deploys.
 */
async function restoreBeforeBuild(deps: WorkflowDependencies, tenant: TenantRecord): Promise<{ pushOperationId: string; releaseSha256: string }> {
  const push = tenant.codePush!;
  try {
    const restored = await deps.restoreCode!(tenant);
    return { pushOperationId: push.operationId, releaseSha256: restored.codeSha256 };
  } catch (e) {
    throw new StepError('CodeRestoreFailed', `tenant '${tenant.tenantId}' runs pushed code (push ${push.operationId}) and the release's code could not be put back before the build: ${String((e as Error)?.message ?? e).slice(0, 500)}; nothing was deployed`);
  }
}

/**
 * Writes the tenant's external id (held by the registry) to its SSM parameter, just before the
 * build. A tenant without one cannot be built: its link would get a new id and lock out the platform.
 */
async function writeExternalId(deps: WorkflowDependencies, tenant: TenantRecord, ctx: OperationContext): Promise<void> {
  if (!tenant.externalId) {
    throw new StepError('NoExternalId', `tenant '${tenant.tenantId}' has no link external id in the registry: the build would synthesize a link with a new one`);
  }
  await externalIdStoreOf(deps).put(ctx.externalIdParameter, tenant.externalId);
}

/** Why a rollout's deployment does nothing for this tenant, or undefined. */
function rolloutSkipReason(tenant: TenantRecord, op: OperationRecord, now: Date, checkLock: boolean): string | undefined {
  if ((tenant.incarnation ?? 1) !== (op.incarnation ?? 1)) return 'the tenant was destroyed and created again since the rollout was planned';
  if (tenant.state !== 'ACTIVE') return `the tenant is ${tenant.state}: rollouts move ACTIVE tenants only`;
  if (!deployedSpecOf(tenant)) return 'nothing was ever deployed for this tenant';
  // A tenant that runs pushed code is deployed again: the deploy puts its release's code back.
  if (tenant.deployedRelease === op.release && !tenant.codePush) return `already on release ${op.release}`;
  if (checkLock && tenant.lockOperationId && tenant.lockOperationId !== op.operationId && (tenant.lockExpiresAt ?? '') > now.toISOString()) {
    return `the tenant was busy with operation ${tenant.lockOperationId}; it keeps release ${tenant.deployedRelease ?? 'unknown'} for now`;
  }
  return undefined;
}

async function skipOperation(deps: WorkflowDependencies, ctx: OperationContext, reason: string): Promise<OperationContext> {
  const now = clock(deps).toISOString();
  await deps.registry.updateOperation(ctx.operationId, ['PENDING'], { status: 'SKIPPED', reason, finishedAt: now, durationSeconds: 0 })
    .catch((e) => { if (!(e instanceof ConflictError)) throw e; });
  return { ...ctx, skip: true, skipReason: reason, locked: false };
}

function context(
  config: ProvisionerConfig,
  tenant: TenantRecord,
  op: OperationRecord,
  event: Record<string, unknown>,
  skip: boolean,
  now: Date,
  skipReason?: string,
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
    observerRoleArn: observerRoleArn(config, tenant.account, tenant.region),
    buildRoleArn: buildRoleArn(config, tenant.account),
    release: op.release,
    sourceLocation: sourceLocationOf(config, op.release) ?? '',
    // What this operation deploys (its own spec), else the tenant's (a destroy, a drift).
    specJson: JSON.stringify(op.spec ?? tenant.spec),
    externalIdParameter: externalIdParameterName(config, tenant.account, tenant.tenantId),
    waitForWindow: event.waitForWindow === true,
    skip,
    // Always set when skipped: the state machine may carry it into the wave's results.
    ...(skip ? { skipReason: skipReason ?? 'skipped' } : {}),
    startedAt: op.startedAt ?? now.toISOString(),
  };
}

async function window(event: Record<string, unknown>, deps: WorkflowDependencies): Promise<Record<string, unknown>> {
  const ctx = event.context as OperationContext;
  const spec = JSON.parse(ctx.specJson) as Record<string, unknown>;
  // 0 minutes: a deployment starts inside the window; CloudFormation finishes what it started.
  const next = nextWindow(maintenanceWindowOf(spec), clock(deps));
  if (!next.inWindow) {
    // Shown by GET /operations/{id} and a rollout's tenants: waiting for the window until then.
    await deps.registry.updateOperation(ctx.operationId, ['PENDING', 'RUNNING'], { step: 'WAITING_FOR_WINDOW', waitingUntil: next.startAt })
      .catch((e) => { if (!(e instanceof ConflictError)) throw e; });
  }
  return { ...next };
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
  let status: 'SUCCEEDED' | 'FAILED' = succeeded ? 'SUCCEEDED' : 'FAILED';
  let reason = succeeded ? undefined : failureReason(failed, stack, build, error ?? buildError);
  const op = await registry.getOperation(ctx.operationId);
  const started = op?.startedAt ?? ctx.startedAt;
  const durationSeconds = Math.max(0, Math.round((now.getTime() - new Date(started).getTime()) / 1000));

  // The tenant first, conditional on this operation's lock and on the state it was read in: the
  // next state comes from the lifecycle (a destroyed tenant never becomes ACTIVE again), and a
  // success moves the deployed spec, tier and release to what this operation deployed.
  const tenant = await registry.getTenant(ctx.tenantId);
  const type = (op?.type ?? ctx.type) as OperationType;
  const deploys = LIFECYCLE[type]?.deploys === true;
  const tenantFields: { -readonly [K in keyof TenantRecord]?: TenantRecord[K] } = stack.stackStatus === 'UNKNOWN' || ctx.action === 'drift' ? {} : { lastStackStatus: stack.stackStatus };
  let unlocked = false;
  if (tenant) {
    const everDeployed = deployedSpecOf(tenant) !== undefined || (succeeded && deploys);
    tenantFields.state = stateAfter(tenant.state, type, succeeded, everDeployed);
    if (succeeded && deploys && op) {
      const spec = op.spec ?? tenant.spec;
      Object.assign(tenantFields, {
        deployedSpec: spec,
        deployedTier: String(spec.tier),
        deployedVersion: op.specVersion,
        deployedRelease: op.release,
        // A rollout's release becomes the tenant's release too (a later change keeps it).
        ...(type === 'DEPLOY' ? { release: op.release } : {}),
      });
      // What `tenant-blocks logs` reads: the deployed stack's log groups, from its manifest output.
      const logGroups = tenantLogGroups(s.stack);
      if (logGroups) tenantFields.logGroups = logGroups;
    }
    if (succeeded && deploys && tenant.codePush && tenant.lockOperationId === ctx.operationId) {
      // Still under this operation's lock: no push can come between the deploy and the restore.
      outcome.codePush = await restorePushedCode(deps, tenant, ctx.codeRestoredBeforeBuild);
    }
    unlocked = await registry.unlockTenant(ctx.tenantId, ctx.operationId, tenantFields, tenant.state);
    if (!unlocked && succeeded && tenant.lockOperationId !== ctx.operationId && (op?.status === 'PENDING' || op?.status === 'RUNNING')) {
      // Finished without the lock (it expired and another operation took the tenant): the registry
      // keeps the deployed spec it had; this outcome is not applied and says so.
      status = 'FAILED';
      reason = `the ${ctx.action} finished (${stack.stackStatus}) after this operation had lost the tenant's lock (now ${tenant.lockOperationId ?? 'none'}); the registry was not changed: run it again`;
    }
  }
  if (ctx.action === 'destroy' && status === 'SUCCEEDED' && ctx.externalIdParameter) {
    // The stack is gone: its build's copy of the external id goes too (the registry keeps the id).
    await externalIdStoreOf(deps).delete(ctx.externalIdParameter);
  }
  await registry.updateOperation(ctx.operationId, ['PENDING', 'RUNNING'], {
    status, outcome, finishedAt: now.toISOString(), durationSeconds, step: 'DONE', ...(reason ? { reason: reason.slice(0, 2000) } : {}),
  }).catch((e) => { if (!(e instanceof ConflictError)) throw e; });
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

/**
 * After a successful deploy of a tenant whose function runs pushed code: the release's code back
 * (issue 23 §2), then the mark cleared. A failed restore does not fail the deploy: the mark stays
 * (the next deploy tries again) and the outcome says why.
 */
async function restorePushedCode(
  deps: WorkflowDependencies, tenant: TenantRecord, before?: OperationContext['codeRestoredBeforeBuild'],
): Promise<Record<string, unknown>> {
  const push = tenant.codePush!;
  const replaced = { pushOperationId: push.operationId, pushedSha256: push.sha256, pushedAt: push.at };
  // Restored before the build, under this lock: the function runs the release's code (no push came between).
  const restoredBefore = before?.pushOperationId === push.operationId ? before : undefined;
  const beforeBuild = restoredBefore ? { restoredBeforeBuild: true } : {};
  try {
    if (!deps.restoreCode) {
      if (!restoredBefore) return { ...replaced, restored: false, reason: 'no code-push target: the function still runs the pushed code' };
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restoredBefore.releaseSha256 };
    }
    try {
      const restored = await deps.restoreCode(tenant);
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restored.codeSha256 };
    } catch (e) {
      if (!restoredBefore) throw e;
      // E.g. the deploy made the function PRODUCTION: the code-push role may no longer change it, and need not.
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restoredBefore.releaseSha256, afterBuild: `not repeated: ${String((e as Error)?.message ?? e).slice(0, 300)}` };
    }
  } catch (e) {
    return { ...replaced, restored: false, reason: `the release's code could not be put back: ${String((e as Error)?.message ?? e).slice(0, 500)}` };
  }
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
    observerRoleArn: '',
    buildRoleArn: '',
    release: typeof s.release === 'string' ? s.release : '',
    sourceLocation: '',
    specJson: '{}',
    externalIdParameter: '',
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
  // Only live tenants move: suspended, destroyed and never-deployed ones keep what they have. A
  // tenant already on the release is skipped whatever its desired spec: a rollout deploys the
  // last spec that deployed successfully, never a change that failed. One that runs pushed code
  // is deployed all the same: the deploy puts its release's code back (what the push answer promises).
  const eligible = tenants.filter((t) => t.state === 'ACTIVE' && deployedSpecOf(t) !== undefined);
  const todo = eligible.filter((t) => t.deployedRelease !== req.release || t.codePush !== undefined);
  const skipped = eligible.length - todo.length;
  // Canaries are checked against the plan: a named canary that is not in it is reported, and a
  // plan in which none of the named canaries is left has no canary wave: it does not start.
  const todoIds = new Set(todo.map((t) => t.tenantId));
  const byId = new Map(tenants.map((t) => [t.tenantId, t]));
  const canariesOutOfPlan = req.canaries.filter((c) => !todoIds.has(c)).map((c) => {
    const t = byId.get(c);
    return { tenantId: c, reason: !t ? 'no such tenant' : t.state !== 'ACTIVE' ? `the tenant is ${t.state}` : t.deployedRelease === req.release && !t.codePush ? `already on release ${req.release}` : 'nothing was ever deployed' };
  });
  if (req.canaries.length > 0 && canariesOutOfPlan.length === req.canaries.length && todo.length > 0) {
    throw new StepError('CanariesNotInPlan', `none of the canaries is in the plan (${canariesOutOfPlan.map((c) => `${c.tenantId}: ${c.reason}`).join('; ').slice(0, 1000)}): the rollout would have no canary wave; name other canaries`);
  }
  const waves = splitWaves(todo.map((t) => t.tenantId), req.canaries, req.canaryPercent, req.waveSize);
  const items = waves.map((ids) => ids.map((tenantId) => ({ tenantId, operationId: `${rolloutId}-${tenantId}` })));
  await registry.updateRollout(rolloutId, {
    status: 'RUNNING',
    waves: waves.map((ids, index) => ({ index, tenants: ids, status: 'PENDING' })),
    results: [],
    skippedTenants: skipped,
    ...(canariesOutOfPlan.length > 0 ? { canariesOutOfPlan } : {}),
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
