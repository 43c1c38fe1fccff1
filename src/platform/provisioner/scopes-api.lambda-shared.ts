/**
 * The provisioner API's authorization, in front of its handler: every route is decided here from
 * the caller's scopes (scopes.lambda-shared.ts) before the handler runs, lists are filtered and the
 * link's external id is removed from answers the caller may not see, after it ran.
 *
 * Default deny: a route missing from {@link AUTHORIZED_ROUTES} is refused (a test compares the
 * list with the handler's routes), a principal without a scope is refused on every route.
 *
 * Wiring (api.lambda.ts): `authorizeApiRequest(event, deps, AccessPolicy.fromEnv(), handleApiRequest)`.
 */
import type { ApiDependencies, ApiEvent, ApiResult } from './api.lambda-shared';
import type { TenantRecord } from './registry.lambda-shared';
import { AccessDecision, AccessPolicy, TenantActionName, TenantRef } from './scopes.lambda-shared';

/** The handler being guarded. */
export type ApiHandler = (event: ApiEvent, deps: ApiDependencies) => Promise<ApiResult>;

/** Every route (`METHOD resource`) with the scope it needs. */
export const AUTHORIZED_ROUTES: Readonly<Record<string, string>> = {
  'POST /tenants': 'CREATE on the spec\'s tenant id and account (a release: ROLLOUT over the fleet; a spec with database.backupCopyVaultArn: PLATFORM_SETTINGS over the fleet); one tenant per account unless shared accounts are allowed',
  'GET /tenants': 'READ on at least one tenant; the list holds only the tenants READ covers',
  'GET /tenants/{tenantId}': 'READ on the tenant; linkExternalId only with ASSUME_LINK on it',
  'PATCH /tenants/{tenantId}': 'CHANGE_SETTINGS (settings), SUSPEND_RESUME (state), plus ROLLOUT over the fleet for a release, plus PLATFORM_SETTINGS over the fleet to set, change or remove database.backupCopyVaultArn',
  'DELETE /tenants/{tenantId}': 'DESTROY on the tenant',
  'GET /tenants/{tenantId}/operations': 'READ on the tenant',
  'POST /tenants/{tenantId}/drift': 'DRIFT on the tenant',
  'GET /operations/{operationId}': 'READ on the operation\'s tenant',
  'POST /rollouts': 'ROLLOUT over the fleet',
  'GET /rollouts': 'READ, ROLLOUT or APPROVE over the fleet',
  'GET /rollouts/{rolloutId}': 'READ, ROLLOUT or APPROVE over the fleet',
  'POST /rollouts/{rolloutId}/approval': 'APPROVE over the fleet, by another principal than the rollout\'s requester',
  'POST /tenants/{tenantId}/code': 'CODE_PUSH on the tenant (the handler refuses a tenant whose deployed tier is not DEVELOPMENT with a 400)',
  'POST /tenants/{tenantId}/logs': 'READ_LOGS on the tenant',
  'GET /tenants/{tenantId}/logs/{queryId}': 'READ_LOGS on the tenant (the query id must be one of this tenant)',
};

/** Pages read at most to find other tenants of an account (10 000 tenants). */
const MAX_ACCOUNT_PAGES = 100;

/**
 * Decides a request, runs `handle` when it is allowed, and trims its answer to the caller's scope.
 * Never throws: a refusal is a 403 (409 for a second tenant in an account) in the API's error shape.
 */
export async function authorizeApiRequest(event: ApiEvent, deps: ApiDependencies, policy: AccessPolicy, handle: ApiHandler): Promise<ApiResult> {
  const caller = event.requestContext?.identity?.userArn ?? undefined;
  // Without an IAM identity the handler answers 403 itself.
  if (!caller) return handle(event, deps);
  let verdict: Verdict;
  try {
    verdict = await decide(event, deps, policy, caller);
  } catch (e) {
    console.error('authorization failed', e);
    return respond(500, { message: 'internal error; the request may be retried with the same Idempotency-Key' });
  }
  if (verdict.refusal) return verdict.refusal;
  // One tenant per account is a registry claim the handler takes on create (race-free).
  const result = await handle(event, { ...deps, oneTenantPerAccount: !policy.allowSharedAccounts });
  return verdict.trim ? verdict.trim(result) : result;
}

/** A refusal, or a go-ahead with what to remove from the answer. */
interface Verdict {
  readonly refusal?: ApiResult;
  readonly trim?: (result: ApiResult) => ApiResult;
}

const GO: Verdict = {};

async function decide(event: ApiEvent, deps: ApiDependencies, policy: AccessPolicy, caller: string): Promise<Verdict> {
  if (!policy.isCaller(caller)) return refuse(`${caller} is not a caller of this API (it has no scope)`);
  const key = `${event.httpMethod.toUpperCase()} ${event.resource}`;
  const p = event.pathParameters ?? {};
  const req = parseBody(event.body);
  switch (key) {
    case 'POST /tenants': return { refusal: await decideCreate(policy, caller, req, deps) };
    case 'GET /tenants':
      if (!policy.mayEver(caller, 'READ')) return refuse(`${caller} may not read any tenant`);
      return { trim: (r) => filterList(r, policy, caller) };
    case 'GET /tenants/{tenantId}': {
      const tenant = await tenantRef(p.tenantId ?? '', deps);
      const d = policy.authorize(caller, 'READ', tenant);
      if (!d.allowed) return refuse(d.reason);
      return policy.mayReadLinkExternalId(caller, tenant) ? GO : { trim: withoutExternalId };
    }
    case 'PATCH /tenants/{tenantId}': {
      const record = p.tenantId ? await deps.registry.getTenant(p.tenantId) : undefined;
      const tenant = refOf(p.tenantId ?? '', record);
      const decisions = changeActions(req).map((a) => (a === 'ROLLOUT' ? policy.authorize(caller, a) : policy.authorize(caller, a, tenant)));
      const platformOwned = platformSettingChange(req, record);
      if (platformOwned !== undefined) decisions.push(platformSettings(policy, caller, platformOwned));
      return verdictOf(decisions);
    }
    case 'DELETE /tenants/{tenantId}': return onTenant(policy, caller, 'DESTROY', p.tenantId, deps);
    case 'GET /tenants/{tenantId}/operations': return onTenant(policy, caller, 'READ', p.tenantId, deps);
    case 'POST /tenants/{tenantId}/drift': return onTenant(policy, caller, 'DRIFT', p.tenantId, deps);
    case 'POST /tenants/{tenantId}/code': {
      // The tier rule reads the DEPLOYED tier and answers 400 in the handler: the scope decides who, not which tier.
      const { tier: _decidedByHandler, ...tenant } = await tenantRef(p.tenantId ?? '', deps);
      return verdictOf([policy.authorize(caller, 'CODE_PUSH', tenant)]);
    }
    case 'POST /tenants/{tenantId}/logs':
    case 'GET /tenants/{tenantId}/logs/{queryId}':
      return onTenant(policy, caller, 'READ_LOGS', p.tenantId, deps);
    case 'GET /operations/{operationId}': {
      const op = await deps.registry.getOperation(p.operationId ?? '');
      // Nothing to read: the handler answers 404, but only to a caller who reads tenants at all.
      if (!op) return policy.mayEver(caller, 'READ') ? GO : refuse(`${caller} may not read any tenant`);
      return onTenant(policy, caller, 'READ', op.tenantId, deps);
    }
    case 'POST /rollouts': return verdictOf([policy.authorize(caller, 'ROLLOUT')]);
    case 'GET /rollouts':
    case 'GET /rollouts/{rolloutId}':
      return (['READ', 'ROLLOUT', 'APPROVE'] as const).some((a) => policy.authorize(caller, a).allowed)
        ? GO
        : refuse(`reading rollouts needs READ, ROLLOUT or APPROVE over the fleet; ${caller} has none`);
    case 'POST /rollouts/{rolloutId}/approval': {
      const fleet = policy.authorize(caller, 'APPROVE');
      if (!fleet.allowed) return refuse(fleet.reason);
      const rollout = await deps.registry.getRollout(p.rolloutId ?? '');
      return rollout ? verdictOf([policy.mayApprove(caller, rollout.requestedBy)]) : GO;
    }
    default:
      return refuse(`route ${key} has no authorization rule`);
  }
}

async function decideCreate(
  policy: AccessPolicy, caller: string, req: Record<string, unknown> | undefined, deps: ApiDependencies,
): Promise<ApiResult | undefined> {
  if (!policy.mayEver(caller, 'CREATE')) return forbidden(`${caller} may not create tenants`);
  const spec = req !== undefined && isObject(req.spec) ? req.spec : undefined;
  // A spec without a string tenant id is invalid: the handler answers 400 and creates nothing.
  if (spec === undefined || typeof spec.tenantId !== 'string') return undefined;
  const account = typeof spec.account === 'string' ? spec.account : undefined;
  const checks = [policy.authorize(caller, 'CREATE', { tenantId: spec.tenantId, account })];
  if (req?.release !== undefined) checks.push(policy.authorize(caller, 'ROLLOUT'));
  if (isObject(spec.database) && spec.database.backupCopyVaultArn !== undefined) {
    checks.push(platformSettings(policy, caller, 'spec.database.backupCopyVaultArn: is platform-owned (where the tenant\'s backups are copied out of its account)'));
  }
  const refusal = first(checks);
  if (refusal || policy.allowSharedAccounts || account === undefined) return refusal;
  const other = await tenantInAccount(account, spec.tenantId, deps);
  if (other === undefined) return undefined;
  return respond(409, {
    message: 'invalid request',
    cause: 'ACCOUNT_TAKEN',
    account,
    holder: other,
    problems: [
      `spec.account: account ${account} already holds tenant '${other}'; one tenant per account (the hub partitions logs and history by account)`
      + ` unless the provisioner allows shared accounts (got: '${account}')`,
    ],
  });
}

/**
 * Another live tenant in `account`, read from the list: a clear 409 before anything is written.
 * Two creates racing past it are decided by the registry's account claim in the handler.
 */
async function tenantInAccount(account: string, tenantId: string, deps: ApiDependencies): Promise<string | undefined> {
  let token: string | undefined;
  for (let i = 0; i < MAX_ACCOUNT_PAGES; i++) {
    const page = await deps.registry.listTenants(100, token);
    const hit = page.items.find((t: TenantRecord) => t.account === account && t.tenantId !== tenantId && t.state !== 'DESTROYED');
    if (hit) return hit.tenantId;
    token = page.nextToken;
    if (!token) return undefined;
  }
  return undefined;
}

function changeActions(req: Record<string, unknown> | undefined): TenantActionName[] {
  if (req === undefined) return ['CHANGE_SETTINGS'];
  const actions: TenantActionName[] = [];
  if (req.state !== undefined) actions.push('SUSPEND_RESUME');
  if (req.settings !== undefined || (req.state === undefined)) actions.push('CHANGE_SETTINGS');
  // Which release a tenant runs is a fleet decision (rollouts), not a tenant setting.
  if (req.release !== undefined) actions.push('ROLLOUT');
  return actions;
}

async function onTenant(
  policy: AccessPolicy, caller: string, action: TenantActionName, tenantId: string | undefined, deps: ApiDependencies,
): Promise<Verdict> {
  return verdictOf([policy.authorize(caller, action, await tenantRef(tenantId ?? '', deps))]);
}

function verdictOf(decisions: AccessDecision[]): Verdict {
  return { refusal: first(decisions) };
}

function refuse(reason: string | undefined): Verdict {
  return { refusal: forbidden(reason) };
}

/** The tenant as the registry knows it (account and tier), or only its id when it does not exist. */
async function tenantRef(tenantId: string, deps: ApiDependencies): Promise<TenantRef> {
  return refOf(tenantId, tenantId ? await deps.registry.getTenant(tenantId) : undefined);
}

function refOf(tenantId: string, t: TenantRecord | undefined): TenantRef {
  return t ? { tenantId: t.tenantId, account: t.account, tier: t.tier } : { tenantId };
}

/**
 * What a PATCH does to the platform-owned copy vault (`database.backupCopyVaultArn`): the
 * problem to name when the caller may not (set, changed or removed), or undefined when the
 * patch leaves it as it is (absent, or sent unchanged).
 */
function platformSettingChange(req: Record<string, unknown> | undefined, tenant: TenantRecord | undefined): string | undefined {
  if (req === undefined || !isObject(req.settings) || !('database' in req.settings)) return undefined;
  const database = req.settings.database;
  const current = isObject(tenant?.spec.database) ? tenant!.spec.database.backupCopyVaultArn : undefined;
  // A merge patch: `database: null` removes the whole object, the copy vault with it.
  const asked = database === null ? null : isObject(database) && 'backupCopyVaultArn' in database ? database.backupCopyVaultArn : undefined;
  if (asked === undefined || asked === current) return undefined;
  const production = tenant !== undefined && (tenant.tier === 'PRODUCTION' || tenant.deployedTier === 'PRODUCTION');
  if (asked === null && current !== undefined && production) {
    return `database.backupCopyVaultArn: removing the backup copy of PRODUCTION tenant '${tenant!.tenantId}' leaves its backups in its own account only`
      + ' (a compromised or closed account takes them with it); only the platform may';
  }
  return 'database.backupCopyVaultArn: is platform-owned (where the tenant\'s backups are copied out of its account)';
}

/** PLATFORM_SETTINGS over the fleet, refused with `problem` and who may. */
function platformSettings(policy: AccessPolicy, caller: string, problem: string): AccessDecision {
  return policy.authorize(caller, 'PLATFORM_SETTINGS').allowed
    ? { allowed: true }
    : { allowed: false, reason: `${problem}; setting, changing or removing it needs PLATFORM_SETTINGS over every tenant and account, which ${caller} has not` };
}

function first(decisions: AccessDecision[]): ApiResult | undefined {
  const refused = decisions.find((d) => !d.allowed);
  return refused ? forbidden(refused.reason) : undefined;
}

function filterList(result: ApiResult, policy: AccessPolicy, caller: string): ApiResult {
  if (result.statusCode !== 200) return result;
  const payload = JSON.parse(result.body) as { tenants?: TenantRef[] };
  // A page may come back shorter than `limit` (even empty) with a nextToken: follow it.
  return { ...result, body: JSON.stringify({ ...payload, tenants: policy.filterTenants(caller, payload.tenants ?? []) }) };
}

function withoutExternalId(result: ApiResult): ApiResult {
  if (result.statusCode !== 200) return result;
  const payload = JSON.parse(result.body) as { tenant?: Record<string, unknown> };
  if (!payload.tenant) return result;
  const { linkExternalId: _hidden, ...tenant } = payload.tenant;
  return { ...result, body: JSON.stringify({ ...payload, tenant }) };
}

function parseBody(body: string | null | undefined): Record<string, unknown> | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function forbidden(reason: string | undefined): ApiResult {
  return respond(403, { message: 'forbidden', problems: [reason ?? 'not in the caller\'s scope'] });
}

function respond(statusCode: number, payload: unknown): ApiResult {
  return { statusCode, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) };
}
