/**
 * The provisioner's REST API (API Gateway proxy integration, IAM authorization on every method).
 * Routes, request and response shapes: docs/platform/provisioner.md and docs/platform/openapi.json. Every write:
 * - validates with the spec module's own validator and answers 400 with its problem list;
 * - takes the tenant's lock with a conditional write on its version (409 when an operation is in
 *   flight or the version moved on);
 * - records the operation (who, when, what changes) before it starts the workflow;
 * - honours an `Idempotency-Key` header: a retry gets the first answer;
 * - answers every 409 with its cause (api-conflict.lambda-shared.ts).
 * The route table (api-routes.ts) lists every route with its schemas; the code push and the log
 * routes live in api-code-push.lambda-shared.ts and logs.lambda-shared.ts, the shared types in
 * api-support.lambda-shared.ts (re-exported here).
 */
import { createHash, randomBytes, randomUUID } from 'crypto';
import { endExpiredPush, MAX_CODE_BODY_BYTES, pushCode } from './api-code-push.lambda-shared';
import { busy, codePushed, conflict, ConflictCauseName, explainConflict, liveLock, versionMoved } from './api-conflict.lambda-shared';
import {
  ApiDependencies, ApiEvent, ApiResult, clock, header, HttpError, JSON_HEADERS, respond, unknownFields, versionProblems,
} from './api-support.lambda-shared';
import {
  ProvisionerConfig, RELEASE_PATTERN, executionArnOf, sourceLocationOf, tenantStackName,
} from './config.lambda-shared';
import { deployedSpecOf, inPlaceProblems, refusal, Refusal, TenantFacts } from './lifecycle.lambda-shared';
import { readLogQuery, startLogQuery } from './logs.lambda-shared';
import {
  BadTokenError, ConflictError, OperationRecord, OperationType, RolloutRecord, TenantRecord,
} from './registry.lambda-shared';
import { readWavePage } from './rollout-store.lambda-shared';
import { isObject, mergeSettings, settingsDiff, SpecJson } from './settings.lambda-shared';
import { specProblems } from './spec.lambda-shared';
import { TENANT_ID_PATTERN } from '../../core/validation';

export * from './api-support.lambda-shared';

/** Idempotency records live a day: long enough for any client retry policy. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const MAX_PAGE = 100;
const DEFAULT_PAGE = 25;
/** Request bodies above this are refused (a spec is a few KiB; API Gateway would pass 10 MB). */
export const MAX_BODY_BYTES = 64 * 1024;
/** At most this many problems are listed in an answer, each at most MAX_PROBLEM_CHARS long. */
export const MAX_PROBLEMS = 50;
/** Longest problem line (a value echoed in `(got: ...)` is cut to fit). */
export const MAX_PROBLEM_CHARS = 500;
/** Longest answer kept in an idempotency record: well under DynamoDB's 400 KB item limit. */
export const MAX_STORED_BODY_BYTES = 64 * 1024;
/** Keys a JSON merge patch or a spec may never carry: they reach Object.prototype when merged. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Operation and rollout ids: UUIDs, or `<rolloutId>-<tenantId>` for a rollout's deployments. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

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
      if (claim.state === 'IN_PROGRESS') throw conflict('REQUEST_IN_PROGRESS', 'a request with this Idempotency-Key is still being processed; retry later');
      if (claim.state === 'MISMATCH') throw new HttpError(422, 'this Idempotency-Key was used for a different request; use a new key for a new request');
      claimedKey = key;
    }
    const result = await route(event, method, caller, deps);
    if (claimedKey) await settleIdempotencyKey(deps, claimedKey, result);
    return result;
  } catch (e) {
    const result = errorResult(e);
    if (claimedKey) await settleIdempotencyKey(deps, claimedKey, result).catch(() => undefined);
    return result;
  }
}

/**
 * Keeps the answer for a retry with the same key, or forgets the key. A 409 (the tenant was busy,
 * the version moved on) and a 5xx may go away on retry: they are not kept, or a retry would get
 * the stale refusal for a day. A kept answer is bounded: a larger one is kept as its status and a
 * short body naming what it created, so the record never exceeds DynamoDB's item limit.
 */
async function settleIdempotencyKey(deps: ApiDependencies, key: string, result: ApiResult): Promise<void> {
  if (result.statusCode === 409 || result.statusCode === 429 || result.statusCode >= 500) {
    await deps.registry.releaseIdempotencyKey(key).catch(() => undefined);
    return;
  }
  await deps.registry.completeIdempotencyKey(key, { statusCode: result.statusCode, body: storableBody(result.body) });
}

/** The answer as kept for a replay: itself when small, else what identifies what the request did. */
export function storableBody(answer: string): string {
  if (Buffer.byteLength(answer, 'utf8') <= MAX_STORED_BODY_BYTES) return answer;
  let parsed: Record<string, unknown> = {};
  try {
    const p: unknown = JSON.parse(answer);
    if (isObject(p)) parsed = p;
  } catch {
    // not JSON: only the note below
  }
  const pick = (o: unknown, keys: string[]): Record<string, unknown> | undefined => (isObject(o)
    ? Object.fromEntries(keys.filter((k) => typeof o[k] === 'string' || typeof o[k] === 'number').map((k) => [k, o[k]]))
    : undefined);
  const short = {
    message: 'the first answer to this Idempotency-Key was too large to keep; read the resources it names again',
    ...(typeof parsed.message === 'string' ? { originalMessage: parsed.message.slice(0, 500) } : {}),
    ...(pick(parsed.tenant, ['tenantId', 'version', 'state']) ? { tenant: pick(parsed.tenant, ['tenantId', 'version', 'state']) } : {}),
    ...(pick(parsed.operation, ['operationId', 'type', 'status']) ? { operation: pick(parsed.operation, ['operationId', 'type', 'status']) } : {}),
    ...(pick(parsed.rollout, ['rolloutId', 'status']) ? { rollout: pick(parsed.rollout, ['rolloutId', 'status']) } : {}),
  };
  return JSON.stringify(short);
}

async function route(event: ApiEvent, method: string, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const p = event.pathParameters ?? {};
  const key = `${method} ${event.resource}`;
  pathProblems(p);
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
    case 'GET /rollouts': return listRollouts(event, deps);
    case 'GET /rollouts/{rolloutId}': return getRollout(p.rolloutId!, event, deps);
    case 'POST /rollouts/{rolloutId}/approval': return approveWave(p.rolloutId!, body(event), caller, deps);
    case 'POST /tenants/{tenantId}/code': return pushCode(p.tenantId!, body(event, false, MAX_CODE_BODY_BYTES), caller, deps);
    case 'POST /tenants/{tenantId}/logs': return startLogQuery(p.tenantId!, body(event), deps);
    case 'GET /tenants/{tenantId}/logs/{queryId}': return readLogQuery(p.tenantId!, p.queryId!, event.queryStringParameters?.nextToken ?? undefined, deps);
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
  if (problems.length === 0) problems.push(...await archiveProblems(req.release, deps));
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);

  const now = clock(deps);
  const tenantId = String(spec.tenantId);
  const account = String(spec.account);
  const region = (spec.region as string | undefined) ?? config.region;
  const existing = await deps.registry.getTenant(tenantId);
  const creating = existing?.state === 'PENDING' ? liveLock(existing, now) : undefined;
  if (creating) throw await busy(tenantId, creating, deps);
  const refused = refusal('CREATE', facts(tenantId, existing, now, true));
  if (refused) throw refusalError(refused, existing, 'EXISTS');
  // A retry of a create that never deployed continues that incarnation (same external id, same
  // history); it must stay where the first attempt may have left a rolled-back stack.
  const retry = existing?.state === 'PENDING';
  if (retry && (existing.account !== account || existing.region !== region)) {
    throw conflict('EXISTS', `tenant '${tenantId}' was first asked for in ${existing.account}/${existing.region}; destroy it (DELETE) before creating it elsewhere`, { state: existing.state });
  }
  const claim = deps.oneTenantPerAccount ? await deps.registry.claimAccount(account, tenantId, now.toISOString()) : undefined;
  if (claim && !claim.claimed) {
    throw conflict('ACCOUNT_TAKEN', `account ${account} already holds tenant '${claim.holder}'; one tenant per account (the hub partitions logs and history by account) unless the provisioner allows shared accounts`,
      { account, holder: claim.holder ?? null });
  }
  const incarnation = retry ? existing.incarnation ?? 1 : (existing?.incarnation ?? 0) + 1;
  const version = retry ? existing.version + 1 : 1;
  const release = (req.release as string | undefined) ?? config.defaultRelease;
  const scheduled = req.inMaintenanceWindow === true;
  const operation: OperationRecord = {
    ...newOperation(deps, tenantId, 'CREATE', caller, now, version, release, settingsDiff({}, spec), incarnation),
    spec,
    ...(scheduled ? { scheduled: true } : {}),
  };
  await deps.registry.putOperation(operation);
  const tenant: TenantRecord = {
    tenantId,
    account,
    region,
    tier: String(spec.tier),
    spec,
    version,
    release,
    state: 'PENDING',
    // As CrossAccountLink.generateExternalId(): random, never derived from the tenant id.
    externalId: retry && existing.externalId ? existing.externalId : randomBytes(24).toString('hex'),
    createdAt: retry ? existing.createdAt : now.toISOString(),
    updatedAt: now.toISOString(),
    incarnation,
    // A create that waits for the maintenance window takes the lock after the wait (workflow step `acquire`).
    ...(scheduled ? {} : { lockOperationId: operation.operationId, lockExpiresAt: lockExpiry(deps, now) }),
    lastOperationId: operation.operationId,
  };
  try {
    await deps.registry.createTenant(tenant, now.toISOString());
  } catch (e) {
    await reject(deps, operation, e);
    // A claim this request took for a create that did not happen goes back.
    if (claim?.fresh) await deps.registry.releaseAccountClaim(account, tenantId).catch(() => undefined);
    const explained = await explainConflict(e, tenantId, deps);
    // Not locked: another create of this id won the race.
    throw explained instanceof HttpError && (explained.extra?.cause === 'STATE') ? conflict('EXISTS', `tenant '${tenantId}' already exists`, explained.extra) : explained;
  }
  return startOperation(deps, operation, tenant, scheduled, 201);
}

async function changeTenant(tenantId: string, req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const problems = [
    ...unknownFields(req, ['settings', 'expectedVersion', 'release', 'state', 'inMaintenanceWindow']),
    ...releaseProblems(req.release),
    ...booleanProblems(req, 'inMaintenanceWindow'),
    ...versionProblems(req.expectedVersion),
  ];
  if (req.state !== undefined && req.state !== 'SUSPENDED' && req.state !== 'ACTIVE') {
    problems.push(`state: must be SUSPENDED (stop rollouts, allow destroy) or ACTIVE (got: ${JSON.stringify(req.state)})`);
  }
  if (req.state !== undefined && (req.settings !== undefined || req.release !== undefined || req.inMaintenanceWindow !== undefined)) {
    problems.push('state: change the state alone, not together with settings, release or inMaintenanceWindow');
  }
  if (problems.length === 0) problems.push(...await archiveProblems(req.release, deps));
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const tenant = await existingTenant(tenantId, deps);
  const expected = (req.expectedVersion as number | undefined) ?? tenant.version;
  if (expected !== tenant.version) {
    throw versionMoved(expected, tenant.version);
  }
  const now = clock(deps);

  if (req.state !== undefined) return changeState(tenant, req.state === 'SUSPENDED' ? 'SUSPEND' : 'RESUME', expected, caller, now, deps);

  const refused = refusal('UPDATE', facts(tenantId, tenant, now));
  if (refused) throw refusalError(refused, tenant);
  const merged = req.settings === undefined ? { spec: tenant.spec, problems: [] } : mergeSettings(tenant.spec, req.settings, 'settings');
  const specIssues = merged.problems.length > 0 ? merged.problems : specProblems(merged.spec, 'spec');
  if (specIssues.length > 0) throw new HttpError(400, 'invalid request', specIssues);
  // Pushed code must never be published as PRODUCTION: the deploy takes $LATEST, and the restore after it is denied.
  if (tenant.codePush && String(merged.spec.tier) === 'PRODUCTION') throw codePushed(tenant);
  // Guards read what is deployed: a change the deployed stack cannot take in place is refused here.
  const fixed = inPlaceProblems(deployedSpecOf(tenant), merged.spec, 'settings');
  if (fixed.length > 0) throw new HttpError(400, 'invalid request', fixed);
  const release = (req.release as string | undefined) ?? tenant.release;
  const changes = [...settingsDiff(tenant.spec, merged.spec), ...(release !== tenant.release ? [{ path: '(release)', from: tenant.release, to: release }] : [])];
  const scheduled = req.inMaintenanceWindow === true;
  await endExpiredPush(tenant, now, deps);
  const operation: OperationRecord = {
    ...newOperation(deps, tenantId, 'UPDATE', caller, now, tenant.version + 1, release, changes, tenant.incarnation),
    spec: merged.spec,
    ...(scheduled ? { scheduled: true } : {}),
  };
  await deps.registry.putOperation(operation);
  let changed: TenantRecord;
  try {
    changed = await deps.registry.changeTenant(tenantId, expected, now.toISOString(),
      { spec: merged.spec, tier: String(merged.spec.tier), release, lastOperationId: operation.operationId },
      // A change that waits for the maintenance window takes the lock after the wait: an urgent fix is not refused for days.
      scheduled ? undefined : { operationId: operation.operationId, expiresAt: lockExpiry(deps, now) },
      { op: 'UPDATE' });
  } catch (e) {
    await reject(deps, operation, e);
    throw await explainConflict(e, tenantId, deps, expected);
  }
  return startOperation(deps, operation, changed, scheduled, 202);
}

/** SUSPEND and RESUME: registry-only changes of the state; no deploy and no new spec version. */
async function changeState(tenant: TenantRecord, type: 'SUSPEND' | 'RESUME', expected: number, caller: string, now: Date, deps: ApiDependencies): Promise<ApiResult> {
  const refused = refusal(type, facts(tenant.tenantId, tenant, now));
  if (refused) throw refusalError(refused, tenant);
  const to = type === 'SUSPEND' ? 'SUSPENDED' : (deployedSpecOf(tenant) ? 'ACTIVE' : 'PENDING');
  await endExpiredPush(tenant, now, deps);
  const operation: OperationRecord = {
    ...newOperation(deps, tenant.tenantId, type, caller, now, tenant.version, tenant.release, [{ path: 'state', from: tenant.state, to }], tenant.incarnation),
    status: 'SUCCEEDED',
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    durationSeconds: 0,
  };
  await deps.registry.putOperation(operation);
  let changed: TenantRecord;
  try {
    const fields = { state: to, lastOperationId: operation.operationId } as const;
    changed = await deps.registry.changeTenant(tenant.tenantId, expected, now.toISOString(), fields, undefined,
      { op: type, bumpVersion: false });
  } catch (e) {
    await reject(deps, operation, e, ['SUCCEEDED']);
    throw await explainConflict(e, tenant.tenantId, deps, expected);
  }
  return respond(200, { tenant: tenantView(changed, now), operation });
}

async function destroyTenant(
  tenantId: string,
  req: Record<string, unknown>,
  confirmQuery: string | undefined,
  caller: string,
  deps: ApiDependencies,
): Promise<ApiResult> {
  const problems = [...unknownFields(req, ['confirm', 'expectedVersion']), ...versionProblems(req.expectedVersion)];
  if (req.confirm !== undefined && typeof req.confirm !== 'string') problems.push(`confirm: must be the tenant id (got: ${JSON.stringify(req.confirm)})`);
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const tenant = await existingTenant(tenantId, deps);
  const confirm = (req.confirm as string | undefined) ?? confirmQuery;
  const now = clock(deps);
  const refused = refusal('DESTROY', facts(tenantId, tenant, now), { confirm });
  if (refused) throw refused.statusCode === 400 ? new HttpError(400, 'invalid request', [refused.message]) : refusalError(refused, tenant);
  const expected = (req.expectedVersion as number | undefined) ?? tenant.version;
  if (expected !== tenant.version) {
    throw versionMoved(expected, tenant.version);
  }
  await endExpiredPush(tenant, now, deps);
  const operation = newOperation(deps, tenantId, 'DESTROY', caller, now, tenant.version, tenant.release, [{ path: 'state', from: tenant.state, to: 'DESTROYED' }], tenant.incarnation);
  await deps.registry.putOperation(operation);
  let changed: TenantRecord;
  try {
    changed = await deps.registry.changeTenant(tenantId, expected, now.toISOString(), { lastOperationId: operation.operationId },
      { operationId: operation.operationId, expiresAt: lockExpiry(deps, now) }, { op: 'DESTROY', bumpVersion: false });
  } catch (e) {
    await reject(deps, operation, e);
    throw await explainConflict(e, tenantId, deps, expected);
  }
  return startOperation(deps, operation, changed, false, 202);
}

async function detectDrift(tenantId: string, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const tenant = await existingTenant(tenantId, deps);
  const now = clock(deps);
  const refused = refusal('DRIFT', facts(tenantId, tenant, now));
  if (refused) throw refusalError(refused, tenant);
  await endExpiredPush(tenant, now, deps);
  const operation = newOperation(deps, tenantId, 'DRIFT', caller, now, tenant.version, tenant.release, [], tenant.incarnation);
  await deps.registry.putOperation(operation);
  try {
    await deps.registry.changeTenant(tenantId, tenant.version, now.toISOString(), { lastOperationId: operation.operationId },
      { operationId: operation.operationId, expiresAt: lockExpiry(deps, now) }, { op: 'DRIFT', bumpVersion: false });
  } catch (e) {
    await reject(deps, operation, e);
    throw await explainConflict(e, tenantId, deps, tenant.version);
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
    // The workflow never started: nothing will unlock the tenant but us. A create stays PENDING
    // and unlocked: a retried POST /tenants creates it (the same incarnation).
    const reason = `the workflow could not be started: ${(e as Error).message}`.slice(0, 1000);
    await deps.registry.updateOperation(operation.operationId, ['PENDING'], { status: 'FAILED', reason, finishedAt: clock(deps).toISOString() }).catch(() => undefined);
    await deps.registry.unlockTenant(operation.tenantId, operation.operationId, {}).catch(() => undefined);
    throw new HttpError(503, reason);
  }
  return respond(status, { tenant: tenantView(tenant, clock(deps)), operation });
}

async function getTenant(tenantId: string, deps: ApiDependencies): Promise<ApiResult> {
  const tenant = await existingTenant(tenantId, deps);
  // The newest entry of this incarnation's history, whoever started it (a rollout's deployments too).
  const [last] = (await deps.registry.listOperations(tenantId, 1, undefined, tenant.incarnation ?? 1)).items;
  return respond(200, { tenant: tenantView(tenant, clock(deps), { linkExternalId: true }), lastOperation: last ?? null });
}

async function listTenants(event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const { limit, nextToken } = paging(event);
  const page = await deps.registry.listTenants(limit, nextToken);
  const now = clock(deps);
  return respond(200, { tenants: page.items.map((t) => tenantView(t, now)), nextToken: page.nextToken ?? null });
}

async function listOperations(tenantId: string, event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const tenant = await existingTenant(tenantId, deps);
  const { limit, nextToken } = paging(event);
  // The current incarnation by default; `?incarnation=n` reads an earlier one (a destroyed tenant's history stays readable).
  const asked = event.queryStringParameters?.incarnation;
  const current = tenant.incarnation ?? 1;
  const incarnation = asked === undefined ? current : Number(asked);
  if (!Number.isInteger(incarnation) || incarnation < 1 || incarnation > current) {
    throw new HttpError(400, 'invalid request', [`incarnation: must be a whole number from 1 to ${current}, the tenant's incarnations (got: ${JSON.stringify(asked)})`]);
  }
  const page = await deps.registry.listOperations(tenantId, limit, nextToken, incarnation);
  return respond(200, { incarnation, operations: page.items, nextToken: page.nextToken ?? null });
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
    if (!Array.isArray(req.canaries) || req.canaries.length > 100 || req.canaries.some((c) => typeof c !== 'string')) {
      problems.push(`canaries: must be a list of at most 100 tenant ids (got: ${JSON.stringify(req.canaries)})`);
    }
    if (req.canaryPercent !== undefined) problems.push('canaryPercent: give canaries or canaryPercent, not both');
  }
  problems.push(...numberProblems(req, 'canaryPercent', 1, 50, 'percent of the fleet in the first wave'));
  problems.push(...numberProblems(req, 'waveSize', 1, 10000, 'tenants per wave after the canaries'));
  problems.push(...numberProblems(req, 'maxConcurrency', 1, 1000, 'tenants deployed at the same time within a wave'));
  problems.push(...numberProblems(req, 'toleratedFailurePercentage', 0, 100, 'percent of failed tenants that still lets the rollout go on'));
  problems.push(...booleanProblems(req, 'approvalBetweenWaves'), ...booleanProblems(req, 'respectMaintenanceWindows'));
  if (problems.length === 0 && Array.isArray(req.canaries)) problems.push(...await canaryProblems(req.canaries as string[], deps));
  if (problems.length === 0) problems.push(...await archiveProblems(req.release, deps));
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

async function listRollouts(event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const { limit, nextToken } = paging(event);
  const page = await deps.registry.listRollouts(limit, nextToken);
  return respond(200, { rollouts: page.items.map(({ approvalToken: _hidden, ...shown }) => shown), nextToken: page.nextToken ?? null });
}

async function getRollout(rolloutId: string, event: ApiEvent, deps: ApiDependencies): Promise<ApiResult> {
  const q = event.queryStringParameters ?? {};
  const waveCount = (await deps.registry.getRollout(rolloutId))?.waves?.length ?? 0;
  const wave = q.wave === undefined ? undefined : Number(q.wave);
  const page = q.page === undefined ? 0 : Number(q.page);
  const problems: string[] = [];
  if (wave !== undefined && !(Number.isInteger(wave) && wave >= 0 && wave < Math.max(waveCount, 1))) {
    problems.push(`wave: must be a wave index from 0 to ${Math.max(waveCount - 1, 0)} (got: ${JSON.stringify(q.wave)})`);
  }
  if (!(Number.isInteger(page) && page >= 0 && page < 10000)) problems.push(`page: must be a whole number >= 0 (got: ${JSON.stringify(q.page)})`);
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout) throw new HttpError(404, `no rollout '${rolloutId}'`);
  const { approvalToken: _hidden, ...shown } = rollout;
  if (wave === undefined) return respond(200, { rollout: shown });
  return respond(200, { rollout: shown, wave: await waveTenants(rolloutId, wave, page, deps) });
}

/**
 * Each tenant of one page of a wave with its step: PLANNED (its deployment has not begun),
 * WAITING_FOR_WINDOW until `waitingUntil`, DEPLOYING, or its final status and the reason
 * (SKIPPED: suspended, busy, already on the release...). The plan's pages are the rollout store's.
 */
async function waveTenants(rolloutId: string, wave: number, page: number, deps: ApiDependencies): Promise<Record<string, unknown>> {
  let stored: Record<string, unknown>;
  try {
    // The API reads the pages only: no CloudFormation reader.
    const noStacks = () => { throw new Error('the API reads no stacks'); };
    stored = await readWavePage({ rolloutId, waveIndex: wave, page }, { ...deps, client: deps.registry.client, stacks: noStacks });
  } catch (e) {
    if ((e as Error).name === 'WavePageNotFound') throw new HttpError(404, `rollout '${rolloutId}' has no page ${page} of wave ${wave} (yet)`);
    throw e;
  }
  const items = (Array.isArray(stored.items) ? stored.items : []).filter(isObject);
  const tenants: Array<Record<string, unknown>> = [];
  for (let i = 0; i < items.length; i += 25) {
    tenants.push(...await Promise.all(items.slice(i, i + 25).map(async (item) => {
      const op = await deps.registry.getOperation(String(item.operationId));
      const final = op && ['SUCCEEDED', 'FAILED', 'SKIPPED', 'REJECTED'].includes(op.status);
      return {
        tenantId: item.tenantId,
        operationId: item.operationId,
        status: op?.status ?? 'PLANNED',
        step: !op ? 'PLANNED' : final ? op.status : op.step ?? op.status,
        ...(op?.waitingUntil && !final ? { waitingUntil: op.waitingUntil } : {}),
        ...(op?.reason ? { reason: op.reason.slice(0, 500) } : {}),
        ...(op?.finishedAt ? { finishedAt: op.finishedAt } : {}),
      };
    })));
  }
  return { index: wave, page, hasMorePages: stored.hasMorePages === true, tenants };
}

async function approveWave(rolloutId: string, req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  const problems = unknownFields(req, ['approved', 'comment']);
  if (typeof req.approved !== 'boolean') problems.push(`approved: is required, true to start the next wave, false to stop the rollout (got: ${JSON.stringify(req.approved ?? null)})`);
  if (req.comment !== undefined && (typeof req.comment !== 'string' || req.comment.length > 1000)) problems.push('comment: must be a string of at most 1000 characters');
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout) throw new HttpError(404, `no rollout '${rolloutId}'`);
  if (!rollout.approvalToken) throw conflict('NOT_AWAITING_APPROVAL', `rollout '${rolloutId}' is not waiting for an approval (status ${rollout.status})`, { status: rollout.status });
  // Clear the token first (conditional on it): two approvers cannot both release the same wave.
  // The decision is recorded in the same write: who, when, for which wave, what they said.
  const approval = {
    wave: rollout.awaitingApprovalForWave ?? null, approved: req.approved, by: caller, at: clock(deps).toISOString(), comment: (req.comment as string | undefined) ?? '',
  };
  try {
    await deps.registry.updateRollout(rolloutId, { status: req.approved ? 'RUNNING' : 'STOPPING', approvals: [...(rollout.approvals ?? []), approval] },
      ['approvalToken', 'awaitingApprovalForWave'], { expression: 'approvalToken = :token', values: { ':token': rollout.approvalToken } });
  } catch (e) {
    if (e instanceof ConflictError) throw conflict('NOT_AWAITING_APPROVAL', `rollout '${rolloutId}' was approved or denied by another request meanwhile`);
    throw e;
  }
  await deps.workflows.sendTaskSuccess(rollout.approvalToken, { approved: req.approved, approvedBy: caller, comment: req.comment ?? '' });
  return respond(200, { rolloutId, wave: rollout.awaitingApprovalForWave, approved: req.approved, approvedBy: caller, approval });
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
  incarnation: number | undefined,
): OperationRecord {
  const operationId = (deps.newId ?? randomUUID)();
  return {
    operationId,
    tenantId,
    incarnation: incarnation ?? 1,
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

/** The answer to a lifecycle refusal: a 400 with its problem, or a 409 whose cause is the state (or `cause409`). */
function refusalError(refused: Refusal, t: TenantRecord | undefined, cause409: ConflictCauseName = 'STATE'): HttpError {
  if (refused.statusCode === 400) return new HttpError(400, 'invalid request', [refused.message]);
  return conflict(t?.state === 'DESTROYED' || t === undefined ? 'STATE' : cause409, refused.message, { state: t?.state ?? null });
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
  // A destroyed tenant stays readable (state DESTROYED, its history); the lifecycle refuses writes to it.
  return tenant;
}

/**
 * What the lifecycle reads about a tenant (or its absence). The lock is left to the conditional
 * write (`locked: false` here, except for a create, whose write would replace the item): a request that loses to an operation in
 * flight is then recorded in the history as REJECTED, not only answered 409.
 */
function facts(tenantId: string, t: TenantRecord | undefined, now: Date, includeLock = false): TenantFacts {
  return {
    tenantId,
    state: t?.state,
    locked: includeLock && t?.lockOperationId !== undefined && (t.lockExpiresAt ?? '') > now.toISOString(),
    tier: t?.tier,
    deployedTier: t ? t.deployedTier ?? (deployedSpecOf(t) ? String(deployedSpecOf(t)!.tier) : undefined) : undefined,
  };
}

/** Who may see what of a tenant answer. */
export interface TenantViewAccess {
  /** Include the link's external id (`linkExternalId`). @default false */
  readonly linkExternalId?: boolean;
}

/**
 * The one place a tenant is shaped for an answer: the lock as `operationInFlight` (only while it
 * is live), and the link's external id only when `access` says so (GET /tenants/{id}; the scope
 * check in front of the handler removes it for a caller who may not assume the link). Lists,
 * write answers and events never carry it.
 */
export function tenantView(t: TenantRecord, now: Date, access: TenantViewAccess = {}): Record<string, unknown> {
  const { lockOperationId, lockExpiresAt, externalId, ...rest } = t;
  const live = lockOperationId !== undefined && (lockExpiresAt ?? '') > now.toISOString();
  return { ...rest, operationInFlight: live ? lockOperationId : null, ...(access.linkExternalId ? { linkExternalId: externalId ?? null } : {}) };
}

/** Every canary must be a tenant a rollout moves (ACTIVE): a typo must not silently remove the canary wave. */
async function canaryProblems(canaries: string[], deps: ApiDependencies): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, id] of canaries.entries()) {
    if (!TENANT_ID_PATTERN.test(id)) {
      problems.push(`canaries[${i}]: is not a tenant id (got: ${JSON.stringify(id)})`);
      continue;
    }
    const t = await deps.registry.getTenant(id);
    if (!t) problems.push(`canaries[${i}]: no tenant '${id}'`);
    else if (t.state !== 'ACTIVE') problems.push(`canaries[${i}]: tenant '${id}' is ${t.state}; rollouts move ACTIVE tenants only`);
  }
  return problems;
}

/**
 * The problems of a request's path parameters, checked before anything is read: an id no tenant,
 * operation or rollout can have is a 400, not a lookup (a 3,000-character key is a DynamoDB
 * validation error). Exported for the authorization in front of the handler, which reads the
 * tenant before the handler runs.
 */
export function pathParameterProblems(p: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (p.tenantId !== undefined && !TENANT_ID_PATTERN.test(p.tenantId)) {
    problems.push(`tenantId: must be a tenant id, 3-31 lowercase letters, digits and hyphens starting with a letter (got: ${JSON.stringify(p.tenantId.slice(0, 100))})`);
  }
  for (const name of ['operationId', 'rolloutId', 'queryId']) {
    const v = p[name];
    if (v !== undefined && !ID_PATTERN.test(v)) problems.push(`${name}: must be an id of 1-100 letters, digits and hyphens (got: ${JSON.stringify(v.slice(0, 100))})`);
  }
  return problems;
}

function pathProblems(p: Record<string, string | undefined>): void {
  const problems = pathParameterProblems(p);
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
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

/**
 * A named release whose archive does not exist is refused before anything is written: a rollout
 * of it would fail every tenant's build, one by one (issue 24 §4).
 */
async function archiveProblems(release: unknown, deps: ApiDependencies): Promise<string[]> {
  if (typeof release !== 'string' || !deps.releaseExists) return [];
  if (await deps.releaseExists(release)) return [];
  const where = sourceLocationOf(deps.config, release);
  return [`release: there is no archive for release '${release}' (looked for ${where ? `s3://${where}` : 'the bundled release'}); upload it first (got: ${JSON.stringify(release)})`];
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


function body(event: ApiEvent, optional = false, maxBytes = MAX_BODY_BYTES): Record<string, unknown> {
  if (!event.body) {
    if (optional) return {};
    throw new HttpError(400, 'invalid request', ['(body): a JSON object is required']);
  }
  const size = Buffer.byteLength(event.body, 'utf8');
  if (size > maxBytes) throw new HttpError(413, 'invalid request', [`(body): is ${size} bytes; at most ${maxBytes} are accepted`]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.body);
  } catch (e) {
    throw new HttpError(400, 'invalid request', [`(body): is not JSON: ${(e as Error).message}`]);
  }
  if (!isObject(parsed)) throw new HttpError(400, 'invalid request', ['(body): must be a JSON object']);
  const forbidden = forbiddenKeys(parsed, '');
  if (forbidden.length > 0) throw new HttpError(400, 'invalid request', forbidden);
  return parsed;
}

/** Paths of keys that would reach Object.prototype when merged (JSON.parse keeps `__proto__` as an own key). */
function forbiddenKeys(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeys(v, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.keys(value).flatMap((k) => {
    const at = path ? `${path}.${k}` : k;
    return FORBIDDEN_KEYS.includes(k) ? [`${at}: is not a setting; "${k}" is never accepted as a key`] : forbiddenKeys(value[k], at);
  });
}

function paging(event: ApiEvent): { limit: number; nextToken?: string } {
  const q = event.queryStringParameters ?? {};
  const limit = q.limit === undefined ? DEFAULT_PAGE : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new HttpError(400, 'invalid request', [`limit: must be a whole number from 1 to ${MAX_PAGE} (got: ${JSON.stringify(q.limit)})`]);
  }
  return { limit, nextToken: q.nextToken };
}


function lockExpiry(deps: ApiDependencies, now: Date): string {
  return new Date(now.getTime() + deps.config.lockTtlSeconds * 1000).toISOString();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}


function errorResult(e: unknown): ApiResult {
  if (e instanceof HttpError) {
    const problems = e.problems ? { problems: boundedProblems(e.problems) } : {};
    return respond(e.statusCode, { message: bounded(e.message), ...problems, ...(e.extra ?? {}) });
  }
  if (e instanceof ConflictError) return respond(409, { message: bounded(e.message), cause: 'STATE' });
  if (e instanceof BadTokenError) return respond(400, { message: 'invalid request', problems: [`nextToken: ${e.message}`] });
  // Internals stay in the log, not in the answer.
  console.error('unhandled error', e);
  return respond(500, { message: 'internal error; the request may be retried with the same Idempotency-Key' });
}

/** A message cut to MAX_PROBLEM_CHARS: values echoed back stay short whatever was sent. */
function bounded(text: string): string {
  if (text.length <= MAX_PROBLEM_CHARS) return text;
  const suffix = `… (${text.length} characters)`;
  return `${text.slice(0, MAX_PROBLEM_CHARS - suffix.length)}${suffix}`;
}

function boundedProblems(problems: string[]): string[] {
  const shown = problems.slice(0, MAX_PROBLEMS).map(bounded);
  return problems.length > MAX_PROBLEMS ? [...shown, `… and ${problems.length - MAX_PROBLEMS} more problems`] : shown;
}
