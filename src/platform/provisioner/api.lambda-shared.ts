/**
 * The provisioner's REST API (API Gateway proxy integration, IAM authorization on every method).
 * Routes, request and response shapes: docs/provisioner.md. Every write:
 * - validates with the spec module's own validator and answers 400 with its problem list;
 * - takes the tenant's lock with a conditional write on its version (409 when an operation is in
 *   flight or the version moved on);
 * - records the operation (who, when, what changes) before it starts the workflow;
 * - honours an `Idempotency-Key` header: a retry gets the first answer.
 */
import { createHash, randomBytes, randomUUID } from 'crypto';
import {
  ProvisionerConfig, RELEASE_PATTERN, executionArnOf, tenantStackName,
} from './config.lambda-shared';
import {
  BadTokenError, ConflictError, OperationRecord, OperationType, Registry, RolloutRecord, TenantRecord,
} from './registry.lambda-shared';
import { isObject, mergeSettings, settingsDiff, SpecJson } from './settings.lambda-shared';
import { specProblems } from './spec.lambda-shared';

/** What the API needs from Step Functions. */
export interface WorkflowStarter {
  /** Starts an execution named `name` (idempotent on the name). */
  startExecution(stateMachineArn: string, name: string, input: Record<string, unknown>): Promise<void>;
  /** Completes a task token (approval between rollout waves). */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
}

/** The API's dependencies (real clients in the handler, real dynalite and a local interpreter in tests). */
export interface ApiDependencies {
  readonly registry: Registry;
  readonly workflows: WorkflowStarter;
  readonly config: ProvisionerConfig;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Id generator for operations and rollouts. @default randomUUID */
  readonly newId?: () => string;
}

/** The part of an API Gateway REST proxy event the API reads. */
export interface ApiEvent {
  readonly resource: string;
  readonly httpMethod: string;
  readonly path?: string;
  readonly headers?: Record<string, string | undefined> | null;
  readonly pathParameters?: Record<string, string | undefined> | null;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly body?: string | null;
  readonly requestContext?: { readonly identity?: { readonly userArn?: string | null; readonly caller?: string | null } | null } | null;
}

/** An API Gateway proxy answer. */
export interface ApiResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Idempotency records live a day: long enough for any client retry policy. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const MAX_PAGE = 100;
const DEFAULT_PAGE = 25;

class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
    public readonly problems?: string[],
    public readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Handles one API request. Never throws: failures are answered (500 without internals). */
export async function handleApiRequest(event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const caller = event.requestContext?.identity?.userArn ?? undefined;
  if (!caller) {
    return respond(403, { message: 'the request carries no IAM identity (the API uses IAM authorization)' });
  }
  const method = event.httpMethod.toUpperCase();
  const idempotencyKey = header(event, 'idempotency-key');
  const writes = method !== 'GET';
  let claimedKey: string | undefined;
  try {
    if (writes && idempotencyKey !== undefined) {
      if (!/^[\x21-\x7e]{8,128}$/.test(idempotencyKey)) {
        throw new HttpError(400, 'Idempotency-Key must be 8-128 printable ASCII characters (a UUID is a good key)');
      }
      const key = sha256(`${caller}\n${idempotencyKey}`);
      const fingerprint = sha256(`${method} ${event.resource} ${JSON.stringify(event.pathParameters ?? {})}\n${event.body ?? ''}`);
      const claim = await deps.registry.claimIdempotencyKey(key, fingerprint, (deps.now ?? (() => new Date()))(), IDEMPOTENCY_TTL_SECONDS);
      if (claim.state === 'DONE' && claim.response) {
        return { statusCode: claim.response.statusCode, headers: { ...JSON_HEADERS, 'Idempotent-Replayed': 'true' }, body: claim.response.body };
      }
      if (claim.state === 'IN_PROGRESS') throw new HttpError(409, 'a request with this Idempotency-Key is still being processed; retry later');
      if (claim.state === 'MISMATCH') throw new HttpError(422, 'this Idempotency-Key was used for a different request; use a new key for a new request');
      claimedKey = key;
    }
    const result = await route(event, method, caller, deps);
    if (claimedKey) await deps.registry.completeIdempotencyKey(claimedKey, { statusCode: result.statusCode, body: result.body });
    return result;
  } catch (e) {
    const result = errorResult(e);
    if (claimedKey) {
      // A client error is the answer to this request; a server error may go away on retry.
      if (result.statusCode < 500) await deps.registry.completeIdempotencyKey(claimedKey, { statusCode: result.statusCode, body: result.body });
      else await deps.registry.releaseIdempotencyKey(claimedKey).catch(() => undefined);
    }
    return result;
  }
}

async function route(event: ApiEvent, method: string, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const p = event.pathParameters ?? {};
  const key = `${method} ${event.resource}`;
  switch (key) {
    case 'POST /tenants': return createTenant(body(event), caller, deps);
    case 'GET /tenants': return listTenants(event, deps);
    case 'GET /tenants/{tenantId}': return getTenant(p.tenantId!, deps);
    case 'PATCH /tenants/{tenantId}': return changeTenant(p.tenantId!, body(event), caller, deps);
    case 'DELETE /tenants/{tenantId}': return destroyTenant(p.tenantId!, body(event, true), event.queryStringParameters?.confirm, caller, deps);
    case 'GET /tenants/{tenantId}/operations': return listOperations(p.tenantId!, event, deps);
    case 'POST /tenants/{tenantId}/drift': return detectDrift(p.tenantId!, caller, deps);
    case 'GET /operations/{operationId}': return getOperation(p.operationId!, deps);
    case 'POST /rollouts': return startRollout(body(event), caller, deps);
    case 'GET /rollouts/{rolloutId}': return getRollout(p.rolloutId!, deps);
    case 'POST /rollouts/{rolloutId}/approval': return approveWave(p.rolloutId!, body(event), caller, deps);
    default: throw new HttpError(404, `no route ${key}`);
  }
}

async function createTenant(req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const { config } = deps;
  const problems = [
    ...unknownFields(req, ['spec', 'release', 'inMaintenanceWindow']),
    ...specProblems(req.spec, 'spec'),
    ...releaseProblems(req.release),
    ...booleanProblems(req, 'inMaintenanceWindow'),
  ];
  const spec = req.spec as SpecJson;
  if (problems.length === 0) problems.push(...placementProblems(spec, config));
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);

  const now = clock(deps);
  const tenantId = String(spec.tenantId);
  const release = (req.release as string | undefined) ?? config.defaultRelease;
  const operation = newOperation(deps, tenantId, 'CREATE', caller, now, 1, release, settingsDiff({}, spec));
  await deps.registry.putOperation(operation);
  const tenant: TenantRecord = {
    tenantId,
    account: String(spec.account),
    region: (spec.region as string | undefined) ?? config.region,
    tier: String(spec.tier),
    spec,
    version: 1,
    release,
    state: 'PENDING',
    // As CrossAccountLink.generateExternalId(): random, never derived from the tenant id.
    externalId: randomBytes(24).toString('hex'),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    lockOperationId: operation.operationId,
    lockExpiresAt: lockExpiry(deps, now),
    lastOperationId: operation.operationId,
  };
  try {
    await deps.registry.createTenant(tenant);
  } catch (e) {
    await reject(deps, operation, e);
    throw e;
  }
  return startOperation(deps, operation, tenant, req.inMaintenanceWindow === true, 201);
}

async function changeTenant(tenantId: string, req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const problems = [
    ...unknownFields(req, ['settings', 'expectedVersion', 'release', 'state', 'inMaintenanceWindow']),
    ...releaseProblems(req.release),
    ...booleanProblems(req, 'inMaintenanceWindow'),
  ];
  if (req.expectedVersion !== undefined && !(Number.isInteger(req.expectedVersion) && (req.expectedVersion as number) >= 1)) {
    problems.push(`expectedVersion: must be the tenant's current version, a whole number >= 1 (got: ${JSON.stringify(req.expectedVersion)})`);
  }
  if (req.state !== undefined && req.state !== 'SUSPENDED' && req.state !== 'ACTIVE') {
    problems.push(`state: must be SUSPENDED (stop rollouts, allow destroy) or ACTIVE (got: ${JSON.stringify(req.state)})`);
  }
  if (req.state !== undefined && (req.settings !== undefined || req.release !== undefined)) {
    problems.push('state: change the state alone, not together with settings or release');
  }
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const tenant = await existingTenant(tenantId, deps);
  const expected = (req.expectedVersion as number | undefined) ?? tenant.version;
  if (expected !== tenant.version) {
    throw new HttpError(409, `the tenant is at version ${tenant.version}, not ${expected}: read it again and re-apply the change`, undefined, { version: tenant.version });
  }
  const now = clock(deps);

  if (req.state !== undefined) {
    if (tenant.state === 'PENDING') throw new HttpError(409, 'the tenant has never been deployed; destroy it or wait for its creation');
    const type: OperationType = req.state === 'SUSPENDED' ? 'SUSPEND' : 'RESUME';
    const operation = { ...newOperation(deps, tenantId, type, caller, now, tenant.version + 1, tenant.release, [{ path: 'state', from: tenant.state, to: req.state }]), status: 'SUCCEEDED' as const, finishedAt: now.toISOString(), durationSeconds: 0 };
    await deps.registry.putOperation(operation);
    let changed: TenantRecord;
    try {
      changed = await deps.registry.changeTenant(tenantId, expected, now.toISOString(), { state: req.state as TenantRecord['state'], lastOperationId: operation.operationId });
    } catch (e) {
      await reject(deps, operation, e, ['SUCCEEDED']);
      throw e;
    }
    return respond(200, { tenant: present(changed, now), operation });
  }

  const merged = req.settings === undefined ? { spec: tenant.spec, problems: [] } : mergeSettings(tenant.spec, req.settings, 'settings');
  const specIssues = merged.problems.length > 0 ? merged.problems : specProblems(merged.spec, 'spec');
  if (specIssues.length > 0) throw new HttpError(400, 'invalid request', specIssues);
  const release = (req.release as string | undefined) ?? tenant.release;
  const changes = [...settingsDiff(tenant.spec, merged.spec), ...(release !== tenant.release ? [{ path: '(release)', from: tenant.release, to: release }] : [])];
  const operation = newOperation(deps, tenantId, 'UPDATE', caller, now, tenant.version + 1, release, changes);
  await deps.registry.putOperation(operation);
  let changed: TenantRecord;
  try {
    changed = await deps.registry.changeTenant(tenantId, expected, now.toISOString(),
      { spec: merged.spec, tier: String(merged.spec.tier), release, lastOperationId: operation.operationId },
      { operationId: operation.operationId, expiresAt: lockExpiry(deps, now) });
  } catch (e) {
    await reject(deps, operation, e);
    throw e;
  }
  return startOperation(deps, operation, changed, req.inMaintenanceWindow === true, 202);
}

async function destroyTenant(
  tenantId: string,
  req: Record<string, unknown>,
  confirmQuery: string | undefined,
  caller: string,
  deps: ApiDependencies,
): Promise<ApiResult> {
  const problems = unknownFields(req, ['confirm', 'expectedVersion']);
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const tenant = await existingTenant(tenantId, deps);
  const confirm = (req.confirm as string | undefined) ?? confirmQuery;
  if (tenant.tier === 'PRODUCTION') {
    // Two deliberate steps for a PRODUCTION tenant: suspend it first, then name it again here.
    if (confirm !== tenantId) {
      throw new HttpError(400, 'invalid request', [`confirm: destroying a PRODUCTION tenant needs "confirm": "${tenantId}" (got: ${JSON.stringify(confirm ?? null)})`]);
    }
    if (tenant.state !== 'SUSPENDED') {
      throw new HttpError(409, `a PRODUCTION tenant must be suspended before it is destroyed (PATCH {"state": "SUSPENDED"}); it is ${tenant.state}`);
    }
  }
  const expected = (req.expectedVersion as number | undefined) ?? tenant.version;
  const now = clock(deps);
  const operation = newOperation(deps, tenantId, 'DESTROY', caller, now, tenant.version + 1, tenant.release, [{ path: 'state', from: tenant.state, to: 'DESTROYED' }]);
  await deps.registry.putOperation(operation);
  let changed: TenantRecord;
  try {
    changed = await deps.registry.changeTenant(tenantId, expected, now.toISOString(), { lastOperationId: operation.operationId },
      { operationId: operation.operationId, expiresAt: lockExpiry(deps, now) });
  } catch (e) {
    await reject(deps, operation, e);
    throw e;
  }
  return startOperation(deps, operation, changed, false, 202);
}

async function detectDrift(tenantId: string, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const tenant = await existingTenant(tenantId, deps);
  if (tenant.state === 'PENDING') throw new HttpError(409, 'the tenant has never been deployed: there is no stack to compare');
  const now = clock(deps);
  const operation = newOperation(deps, tenantId, 'DRIFT', caller, now, tenant.version, tenant.release, []);
  await deps.registry.putOperation(operation);
  try {
    await deps.registry.lockTenant(tenantId, operation.operationId, lockExpiry(deps, now), now.toISOString());
  } catch (e) {
    await reject(deps, operation, e);
    throw e;
  }
  return startOperation(deps, operation, tenant, false, 202);
}

async function startOperation(
  deps: ApiDependencies,
  operation: OperationRecord,
  tenant: TenantRecord,
  inMaintenanceWindow: boolean,
  status: number,
): Promise<ApiResult> {
  try {
    await deps.workflows.startExecution(deps.config.operationStateMachineArn, operation.operationId, {
      operationId: operation.operationId,
      tenantId: operation.tenantId,
      type: operation.type,
      waitForWindow: inMaintenanceWindow,
    });
  } catch (e) {
    // The workflow never started: nothing will unlock the tenant but us.
    const reason = `the workflow could not be started: ${(e as Error).message}`;
    await deps.registry.updateOperation(operation.operationId, ['PENDING'], { status: 'FAILED', reason, finishedAt: clock(deps).toISOString() }).catch(() => undefined);
    await deps.registry.unlockTenant(operation.tenantId, operation.operationId, {}).catch(() => undefined);
    throw new HttpError(503, reason);
  }
  return respond(status, { tenant: present(tenant, clock(deps)), operation });
}

async function getTenant(tenantId: string, deps: ApiDependencies): Promise<ApiResult> {
  const tenant = await existingTenant(tenantId, deps);
  const last = tenant.lastOperationId ? await deps.registry.getOperation(tenant.lastOperationId) : undefined;
  return respond(200, { tenant: { ...present(tenant, clock(deps)), linkExternalId: tenant.externalId ?? null }, lastOperation: last ?? null });
}

async function listTenants(event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const { limit, nextToken } = paging(event);
  const page = await deps.registry.listTenants(limit, nextToken);
  const now = clock(deps);
  return respond(200, { tenants: page.items.map((t) => present(t, now)), nextToken: page.nextToken ?? null });
}

async function listOperations(tenantId: string, event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  await existingTenant(tenantId, deps);
  const { limit, nextToken } = paging(event);
  const page = await deps.registry.listOperations(tenantId, limit, nextToken);
  return respond(200, { operations: page.items, nextToken: page.nextToken ?? null });
}

async function getOperation(operationId: string, deps: ApiDependencies): Promise<ApiResult> {
  const op = await deps.registry.getOperation(operationId);
  if (!op) throw new HttpError(404, `no operation '${operationId}'`);
  return respond(200, { operation: op });
}

async function startRollout(req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const { config } = deps;
  const problems = unknownFields(req, ['release', 'canaries', 'canaryPercent', 'waveSize', 'maxConcurrency', 'toleratedFailurePercentage', 'approvalBetweenWaves', 'respectMaintenanceWindows']);
  if (typeof req.release !== 'string') problems.push(`release: is required, the release label to roll out (got: ${JSON.stringify(req.release ?? null)})`);
  else problems.push(...releaseProblems(req.release));
  if (req.canaries !== undefined) {
    if (!Array.isArray(req.canaries) || req.canaries.some((c) => typeof c !== 'string')) problems.push(`canaries: must be a list of tenant ids (got: ${JSON.stringify(req.canaries)})`);
    if (req.canaryPercent !== undefined) problems.push('canaryPercent: give canaries or canaryPercent, not both');
  }
  problems.push(...numberProblems(req, 'canaryPercent', 1, 50, 'percent of the fleet in the first wave'));
  problems.push(...numberProblems(req, 'waveSize', 1, 10000, 'tenants per wave after the canaries'));
  problems.push(...numberProblems(req, 'maxConcurrency', 1, 1000, 'tenants deployed at the same time within a wave'));
  problems.push(...numberProblems(req, 'toleratedFailurePercentage', 0, 100, 'percent of failed tenants that still lets the rollout go on'));
  problems.push(...booleanProblems(req, 'approvalBetweenWaves'), ...booleanProblems(req, 'respectMaintenanceWindows'));
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);

  const now = clock(deps);
  const rolloutId = (deps.newId ?? randomUUID)();
  const request = {
    release: req.release as string,
    canaries: (req.canaries as string[] | undefined) ?? [],
    canaryPercent: (req.canaryPercent as number | undefined) ?? (req.canaries ? 0 : 10),
    waveSize: (req.waveSize as number | undefined) ?? 0,
    maxConcurrency: (req.maxConcurrency as number | undefined) ?? config.defaultMaxConcurrency,
    toleratedFailurePercentage: (req.toleratedFailurePercentage as number | undefined) ?? config.defaultToleratedFailurePercentage,
    approvalBetweenWaves: req.approvalBetweenWaves === true,
    respectMaintenanceWindows: req.respectMaintenanceWindows !== false,
  };
  const rollout: RolloutRecord = {
    rolloutId,
    release: request.release,
    status: 'PENDING',
    requestedBy: caller,
    createdAt: now.toISOString(),
    request,
    executionArn: executionArnOf(config.rolloutStateMachineArn, rolloutId),
  };
  await deps.registry.putRollout(rollout);
  try {
    await deps.workflows.startExecution(config.rolloutStateMachineArn, rolloutId, { rolloutId });
  } catch (e) {
    const reason = `the rollout workflow could not be started: ${(e as Error).message}`;
    await deps.registry.updateRollout(rolloutId, { status: 'FAILED', reason, finishedAt: clock(deps).toISOString() }).catch(() => undefined);
    throw new HttpError(503, reason);
  }
  return respond(202, { rollout });
}

async function getRollout(rolloutId: string, deps: ApiDependencies): Promise<ApiResult> {
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout) throw new HttpError(404, `no rollout '${rolloutId}'`);
  const { approvalToken: _hidden, ...shown } = rollout;
  return respond(200, { rollout: shown });
}

async function approveWave(rolloutId: string, req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const problems = unknownFields(req, ['approved', 'comment']);
  if (typeof req.approved !== 'boolean') problems.push(`approved: is required, true to start the next wave, false to stop the rollout (got: ${JSON.stringify(req.approved ?? null)})`);
  if (req.comment !== undefined && (typeof req.comment !== 'string' || req.comment.length > 1000)) problems.push('comment: must be a string of at most 1000 characters');
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout) throw new HttpError(404, `no rollout '${rolloutId}'`);
  if (!rollout.approvalToken) throw new HttpError(409, `rollout '${rolloutId}' is not waiting for an approval (status ${rollout.status})`);
  // Clear the token first (conditional on it): two approvers cannot both release the same wave.
  await deps.registry.updateRollout(rolloutId, { status: req.approved ? 'RUNNING' : 'STOPPING' }, ['approvalToken', 'awaitingApprovalForWave'],
    { expression: 'approvalToken = :token', values: { ':token': rollout.approvalToken } });
  await deps.workflows.sendTaskSuccess(rollout.approvalToken, { approved: req.approved, approvedBy: caller, comment: req.comment ?? '' });
  return respond(200, { rolloutId, wave: rollout.awaitingApprovalForWave, approved: req.approved, approvedBy: caller });
}

// ---- helpers ----

function newOperation(
  deps: ApiDependencies,
  tenantId: string,
  type: OperationType,
  caller: string,
  now: Date,
  specVersion: number,
  release: string,
  changes: unknown[],
): OperationRecord {
  const operationId = (deps.newId ?? randomUUID)();
  return {
    operationId,
    tenantId,
    type,
    status: 'PENDING',
    requestedBy: caller,
    requestedAt: now.toISOString(),
    specVersion,
    release,
    changes: changes as Array<Record<string, unknown>>,
    executionArn: type === 'SUSPEND' || type === 'RESUME' ? undefined : executionArnOf(deps.config.operationStateMachineArn, operationId),
    outcome: { stackName: tenantStackName(tenantId) },
  };
}

/** Records that a request lost the race, then lets the 409 through. */
async function reject(deps: ApiDependencies, operation: OperationRecord, e: unknown, from: OperationRecord['status'][] = ['PENDING']): Promise<void> {
  if (!(e instanceof ConflictError)) return;
  await deps.registry.updateOperation(operation.operationId, from, {
    status: 'REJECTED', reason: e.message, finishedAt: clock(deps).toISOString(),
  }).catch(() => undefined);
}

async function existingTenant(tenantId: string, deps: ApiDependencies): Promise<TenantRecord> {
  const tenant = await deps.registry.getTenant(tenantId);
  if (!tenant) throw new HttpError(404, `no tenant '${tenantId}'`);
  if (tenant.state === 'DESTROYED') throw new HttpError(410, `tenant '${tenantId}' was destroyed; its history stays readable at /tenants/${tenantId}/operations`);
  return tenant;
}

/** A tenant as the API shows it: the lock as `operationInFlight` (only while it is live). */
function present(t: TenantRecord, now: Date): Record<string, unknown> {
  // The link's external id is shown only by GET /tenants/{id} (linkExternalId), never in lists or events.
  const { lockOperationId, lockExpiresAt, externalId: _externalId, ...rest } = t;
  const live = lockOperationId !== undefined && (lockExpiresAt ?? '') > now.toISOString();
  return { ...rest, operationInFlight: live ? lockOperationId : null };
}

function placementProblems(spec: SpecJson, config: ProvisionerConfig): string[] {
  const problems: string[] = [];
  if (config.tenantAccountIds.length > 0 && !config.tenantAccountIds.includes(String(spec.account))) {
    problems.push(`spec.account: is not one of the tenant accounts this provisioner may deploy to (${config.tenantAccountIds.join(', ')}) (got: '${spec.account}')`);
  }
  if (spec.region !== undefined && spec.region !== config.region) {
    problems.push(`spec.region: this provisioner deploys to ${config.region}, the region of its hub (got: '${spec.region}')`);
  }
  return problems;
}

function releaseProblems(release: unknown): string[] {
  if (release === undefined) return [];
  return typeof release === 'string' && RELEASE_PATTERN.test(release)
    ? []
    : [`release: must be a release label, 1-64 of [A-Za-z0-9._+-] starting with a letter or digit (got: ${JSON.stringify(release)})`];
}

function booleanProblems(req: Record<string, unknown>, name: string): string[] {
  return req[name] === undefined || typeof req[name] === 'boolean' ? [] : [`${name}: must be true or false (got: ${JSON.stringify(req[name])})`];
}

function numberProblems(req: Record<string, unknown>, name: string, min: number, max: number, what: string): string[] {
  const v = req[name];
  if (v === undefined) return [];
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? [] : [`${name}: must be a whole number from ${min} to ${max}, ${what} (got: ${JSON.stringify(v)})`];
}

function unknownFields(req: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(req).filter((k) => !allowed.includes(k)).map((k) => `${k}: is not a field of this request (allowed: ${allowed.join(', ')})`);
}

function body(event: ApiEvent, optional = false): Record<string, unknown> {
  if (!event.body) {
    if (optional) return {};
    throw new HttpError(400, 'invalid request', ['(body): a JSON object is required']);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.body);
  } catch (e) {
    throw new HttpError(400, 'invalid request', [`(body): is not JSON: ${(e as Error).message}`]);
  }
  if (!isObject(parsed)) throw new HttpError(400, 'invalid request', ['(body): must be a JSON object']);
  return parsed;
}

function paging(event: ApiEvent): { limit: number; nextToken?: string } {
  const q = event.queryStringParameters ?? {};
  const limit = q.limit === undefined ? DEFAULT_PAGE : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new HttpError(400, 'invalid request', [`limit: must be a whole number from 1 to ${MAX_PAGE} (got: ${JSON.stringify(q.limit)})`]);
  }
  return { limit, nextToken: q.nextToken };
}

function header(event: ApiEvent, name: string): string | undefined {
  for (const [k, v] of Object.entries(event.headers ?? {})) {
    if (k.toLowerCase() === name && v !== undefined) return v;
  }
  return undefined;
}

function clock(deps: ApiDependencies): Date {
  return (deps.now ?? (() => new Date()))();
}

function lockExpiry(deps: ApiDependencies, now: Date): string {
  return new Date(now.getTime() + deps.config.lockTtlSeconds * 1000).toISOString();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function respond(statusCode: number, payload: unknown): ApiResult {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(payload) };
}

function errorResult(e: unknown): ApiResult {
  if (e instanceof HttpError) {
    return respond(e.statusCode, { message: e.message, ...(e.problems ? { problems: e.problems } : {}), ...(e.extra ?? {}) });
  }
  if (e instanceof ConflictError) return respond(409, { message: e.message });
  if (e instanceof BadTokenError) return respond(400, { message: 'invalid request', problems: [`nextToken: ${e.message}`] });
  // Internals stay in the log, not in the answer.
  console.error('unhandled error', e);
  return respond(500, { message: 'internal error; the request may be retried with the same Idempotency-Key' });
}
