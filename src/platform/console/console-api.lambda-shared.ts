/* eslint-disable import/no-extraneous-dependencies */
/**
 * The console's backend: one handler behind API Gateway (HTTP API, JWT authorizer), the same code
 * in Lambda and in the local server. Rules it enforces on every request:
 *
 * - the caller is the VERIFIED token (aws-jwt-verify, again here even behind the authorizer): its
 *   tenant and role come from the token's claims (`custom:tenant`, `custom:role`), never from the
 *   URL, the query string or the body; a federated user's tenant is the tenant its identity
 *   provider is bound to (a customer's IdP cannot claim another tenant);
 * - roles: `viewer` reads, `editor` also changes whitelisted settings, `operator` sees the fleet;
 * - a settings change is a request to the provisioner's own API handler, in process, as principal
 *   `console:<user>@<tenant>`: its validation (same problems), its lock and its history;
 * - log queries are the hub's `TenantLogQuery` for the caller's tenant account (bound here, never
 *   taken from the request), a query id is honoured only for a query of that account, and a query
 *   that scans more than the cap is stopped.
 *
 * Routes: docs/platform/console.md.
 */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { HUB_WORKGROUP } from '../../core/hub-names';
import { LOG_GROUP_NAME } from '../../core/log-partition.lambda-shared';
import { TenantLogQuery } from '../hub/tenant-log-query';
import { ApiDependencies, ApiResult, handleApiRequest } from '../provisioner/api.lambda-shared';
import { GSI1, OperationRecord, RolloutRecord, TenantRecord, unmarshallItem } from '../provisioner/registry.lambda-shared';
import { authorizeApiRequest } from '../provisioner/scopes-api.lambda-shared';
import { AccessPolicy } from '../provisioner/scopes.lambda-shared';
import { isObject, maintenanceWindowOf } from '../provisioner/settings.lambda-shared';
import { nextWindow, renderWindow } from '../provisioner/window.lambda-shared';

/** The roles a console user may have (claim `custom:role`). */
export type ConsoleRole = 'viewer' | 'editor' | 'operator';

/** Roles, in the order the UI lists them. */
export const CONSOLE_ROLES: readonly ConsoleRole[] = ['viewer', 'editor', 'operator'];

/** Claim names, as Cognito writes custom attributes into an ID token. */
export const CLAIMS = { TENANT: 'custom:tenant', ROLE: 'custom:role' } as const;

/** The verified caller. */
export interface ConsoleCaller {
  /** The user's name: `email`, else `cognito:username`. */
  readonly user: string;
  /** The tenant the user belongs to (absent for operators). */
  readonly tenant?: string;
  readonly role: ConsoleRole;
  /** The identity provider of a federated user. */
  readonly provider?: string;
  /** The principal named in the provisioner's history: `console:<user>@<tenant>` (`@platform` for operators). */
  readonly principal: string;
}

/** Verifies a token and returns its payload (aws-jwt-verify's `CognitoJwtVerifier.verify`). */
export interface TokenVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}

/** Status of a log query. */
export interface LogQueryStatus {
  readonly state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  readonly bytesScanned: number;
  readonly reason?: string;
  /** The execution parameters the query ran with (the first is the tenant account literal). */
  readonly executionParameters: string[];
  readonly workGroup: string;
  readonly queryString: string;
}

/** A page of query results (header row excluded). */
export interface LogQueryPage {
  readonly columns: string[];
  readonly rows: Array<Array<string | null>>;
  readonly nextToken?: string;
}

/** Runs `TenantLogQuery`s: Athena in Lambda, a local SQL engine in the local server and the tests. */
export interface LogQueryEngine {
  start(query: TenantLogQuery): Promise<string>;
  status(queryId: string): Promise<LogQueryStatus | undefined>;
  results(queryId: string, nextToken: string | undefined, maxResults: number): Promise<LogQueryPage>;
  stop(queryId: string): Promise<void>;
}

/** What the console backend needs. */
export interface ConsoleDependencies {
  /** The provisioner's API dependencies (registry, workflows, config): changes go through its handler. */
  readonly provisioner: ApiDependencies;
  /** The registry table's client (read-only use here: the rollouts list). */
  readonly dynamo: DynamoDBClient;
  readonly verifier: TokenVerifier;
  readonly logs: LogQueryEngine;
  /** Identity provider name -> the tenant its users belong to. */
  readonly federatedTenants: Record<string, string>;
  /** Bytes one log query may scan before it is stopped. */
  readonly maxBytesScanned: number;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
  /** How long a synchronous query (health) may run, in ms. @default 20000 */
  readonly syncQueryTimeoutMs?: number;
  /** Pause between two polls of a synchronous query, in ms. @default 500 */
  readonly pollIntervalMs?: number;
}

/** The part of an API Gateway HTTP API (payload 2.0) event the console reads. */
export interface ConsoleEvent {
  readonly rawPath: string;
  readonly headers?: Record<string, string | undefined> | null;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext: { readonly http: { readonly method: string } };
}

/** The answer (HTTP API payload 2.0). */
export interface ConsoleResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * What a customer may not change from the console (JSON paths; shown read-only): the identity, the
 * tier, and where the platform keeps the copies of the tenant's backups (a customer must neither
 * turn off nor redirect the copies that survive the loss of the tenant account). Every other setting
 * of the spec is the customer's.
 */
const CONSOLE_FIXED_SETTINGS = ['tenantId', 'account', 'region', 'tier', 'database.backupCopyVaultArn'];

/** Whether a merge patch touches `path` (sets or removes it with null). */
function touches(patch: Record<string, unknown>, path: string): boolean {
  const [head, ...rest] = path.split('.');
  if (!(head in patch)) return false;
  if (rest.length === 0) return true;
  const next = patch[head];
  return isObject(next) && touches(next, rest.join('.'));
}
const USER_NAME = /^[A-Za-z0-9._%+@-]{1,128}$/;
const TENANT_ID = /^[a-z][a-z0-9-]{2,30}$/;
const QUERY_ID = /^[A-Za-z0-9-]{1,128}$/;
const OPERATION_ID = /^[A-Za-z0-9-]{1,128}$/;
/** Longest log search range: the hub query's limit. */
const MAX_RANGE_MS = 31 * 86_400_000;
/** Health reads a fortnight of the tenant's events (alarm state changes). */
const HEALTH_LOOKBACK_MS = 14 * 86_400_000;
const LOG_PAGE = 50;
const FLEET_MAX = 1000;

class HttpError extends Error {
  constructor(public readonly statusCode: number, message: string, public readonly problems?: string[]) {
    super(message);
  }
}

/** Handles one console API request. Never throws: failures are answered (500 without internals). */
export async function handleConsoleRequest(event: ConsoleEvent, deps: ConsoleDependencies): Promise<ConsoleResult> {
  try {
    const caller = await authenticate(event, deps);
    return await route(event, caller, deps);
  } catch (e) {
    if (e instanceof HttpError) return respond(e.statusCode, { message: e.message, ...(e.problems ? { problems: e.problems } : {}) });
    console.error('unhandled error', e);
    return respond(500, { message: 'internal error' });
  }
}

/** The verified caller of a request, or a 401/403. */
export async function authenticate(event: ConsoleEvent, deps: ConsoleDependencies): Promise<ConsoleCaller> {
  const authorization = header(event, 'authorization');
  const token = authorization?.match(/^Bearer ([A-Za-z0-9._-]+)$/)?.[1];
  if (!token) throw new HttpError(401, 'sign in: the request carries no bearer token');
  let claims: Record<string, unknown>;
  try {
    claims = await deps.verifier.verify(token);
  } catch (e) {
    // Expired, forged, another pool's or another client's: the reason stays in the log.
    console.log(JSON.stringify({ refused: (e as Error).constructor?.name ?? 'Error' }));
    throw new HttpError(401, 'sign in again: the token is not valid');
  }
  return callerOf(claims, deps.federatedTenants);
}

/** Reads the caller from verified claims (exported for the tests of the claim rules). */
export function callerOf(claims: Record<string, unknown>, federatedTenants: Record<string, string>): ConsoleCaller {
  const user = typeof claims.email === 'string' ? claims.email : claims['cognito:username'];
  if (typeof user !== 'string' || !USER_NAME.test(user)) throw new HttpError(403, 'the token names no usable user');
  const role = claims[CLAIMS.ROLE];
  if (typeof role !== 'string' || !(CONSOLE_ROLES as readonly string[]).includes(role)) {
    throw new HttpError(403, `the user has no console role (${CLAIMS.ROLE}: ${CONSOLE_ROLES.join(', ')})`);
  }
  const identities = Array.isArray(claims.identities) ? claims.identities : [];
  const provider = identities.length > 0 && isObject(identities[0]) && typeof identities[0].providerName === 'string' ? identities[0].providerName : undefined;
  let tenant = typeof claims[CLAIMS.TENANT] === 'string' ? claims[CLAIMS.TENANT] as string : undefined;
  if (provider !== undefined) {
    // A customer's identity provider speaks for its own tenant only, and never makes operators.
    const bound = federatedTenants[provider];
    if (!bound) throw new HttpError(403, `identity provider '${provider}' is not bound to a tenant`);
    if (role === 'operator') throw new HttpError(403, 'a federated user cannot be a platform operator');
    tenant = bound;
  }
  if (role === 'operator') return { user, role, provider, principal: `console:${user}@platform` };
  if (tenant === undefined || !TENANT_ID.test(tenant)) throw new HttpError(403, `the user belongs to no tenant (${CLAIMS.TENANT})`);
  return { user, tenant, role: role as ConsoleRole, provider, principal: `console:${user}@${tenant}` };
}

async function route(event: ConsoleEvent, caller: ConsoleCaller, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = event.rawPath.replace(/\/+$/, '');
  const q = event.queryStringParameters ?? {};
  let m: RegExpMatchArray | null;
  if (method === 'GET' && path === '/api/me') return respond(200, { user: caller.user, tenant: caller.tenant ?? null, role: caller.role, principal: caller.principal });
  if (path === '/api/fleet') {
    if (method !== 'GET') throw new HttpError(405, 'GET only');
    if (caller.role !== 'operator') throw new HttpError(403, 'the fleet view is for platform operators');
    return fleet(q.nextToken, deps);
  }
  // Every other route is about the caller's own tenant, which comes from the token only.
  const tenantId = caller.tenant;
  if (!tenantId) throw new HttpError(403, 'platform operators have no tenant of their own here: use the fleet view');
  if (path === '/api/settings') {
    if (method === 'GET') return settings(tenantId, deps);
    if (method === 'PATCH') {
      if (caller.role !== 'editor') throw new HttpError(403, `a ${caller.role} may not change settings (editors may)`);
      return changeSettings(tenantId, event, caller, deps);
    }
    throw new HttpError(405, 'GET or PATCH');
  }
  if (method === 'GET' && path === '/api/operations') return history(tenantId, q, deps);
  if (method === 'GET' && (m = path.match(/^\/api\/operations\/([^/]+)$/))) return operation(tenantId, decodeURIComponent(m[1]), deps);
  if (method === 'GET' && path === '/api/health') return health(tenantId, deps);
  if (method === 'POST' && path === '/api/logs') return startLogSearch(tenantId, body(event), deps);
  if (method === 'GET' && (m = path.match(/^\/api\/logs\/([^/]+)$/))) return logSearchPage(tenantId, decodeURIComponent(m[1]), q, deps);
  throw new HttpError(404, `no route ${method} ${path}`);
}

async function tenantOf(tenantId: string, deps: ConsoleDependencies): Promise<TenantRecord> {
  const tenant = await deps.provisioner.registry.getTenant(tenantId);
  if (!tenant || tenant.state === 'DESTROYED') throw new HttpError(404, `tenant '${tenantId}' is not in the registry`);
  return tenant;
}

async function settings(tenantId: string, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const t = await tenantOf(tenantId, deps);
  const now = clock(deps);
  const inFlight = t.lockOperationId !== undefined && (t.lockExpiresAt ?? '') > now.toISOString() ? t.lockOperationId : null;
  const extra = t as unknown as Record<string, unknown>;
  return respond(200, {
    tenantId: t.tenantId,
    tier: t.tier,
    state: t.state,
    release: t.release,
    version: t.version,
    deployedVersion: t.deployedVersion ?? null,
    spec: t.spec,
    operationInFlight: inFlight,
    fixedSettings: CONSOLE_FIXED_SETTINGS,
    logGroups: Array.isArray(extra.logGroups) ? extra.logGroups : [],
    updatedAt: t.updatedAt,
  });
}

async function changeSettings(tenantId: string, event: ConsoleEvent, caller: ConsoleCaller, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const req = body(event);
  const problems = Object.keys(req).filter((k) => k !== 'settings' && k !== 'expectedVersion')
    .map((k) => `${k}: is not a field of a console change (allowed: settings, expectedVersion)`);
  if (isObject(req.settings)) {
    for (const key of CONSOLE_FIXED_SETTINGS) {
      if (touches(req.settings, key)) problems.push(`settings.${key}: is decided by the platform and cannot be changed from the console`);
    }
  }
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  // The provisioner's own handler behind its own authorization: the console user is a principal
  // whose scope is its one tenant (issue 20), READ for every role and CHANGE_SETTINGS for editors.
  const scope = new AccessPolicy([{
    principalArn: caller.principal,
    actions: caller.role === 'editor' ? ['READ', 'CHANGE_SETTINGS'] : ['READ'],
    tenantIds: [tenantId],
  }]);
  const result: ApiResult = await authorizeApiRequest({
    resource: '/tenants/{tenantId}',
    httpMethod: 'PATCH',
    path: `/tenants/${tenantId}`,
    pathParameters: { tenantId },
    headers: { 'idempotency-key': header(event, 'idempotency-key') },
    body: JSON.stringify(req),
    requestContext: { identity: { userArn: caller.principal } },
  }, deps.provisioner, scope, handleApiRequest);
  return { statusCode: result.statusCode, headers: { ...JSON_HEADERS }, body: result.body };
}

async function history(tenantId: string, q: Record<string, string | undefined>, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const limit = q.limit === undefined ? 20 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'invalid request', [`limit: must be a whole number from 1 to 100 (got: ${JSON.stringify(q.limit)})`]);
  let page;
  try {
    page = await deps.provisioner.registry.listOperations(tenantId, limit, q.nextToken);
  } catch (e) {
    if ((e as Error).name === 'BadTokenError') throw new HttpError(400, 'invalid request', [`nextToken: ${(e as Error).message}`]);
    throw e;
  }
  return respond(200, { operations: page.items.map(present), nextToken: page.nextToken ?? null });
}

async function operation(tenantId: string, operationId: string, deps: ConsoleDependencies): Promise<ConsoleResult> {
  if (!OPERATION_ID.test(operationId)) throw new HttpError(400, 'invalid request', ['operationId: not an operation id']);
  const op = await deps.provisioner.registry.getOperation(operationId);
  // Another tenant's operation is refused exactly like a missing one would reveal nothing: 403, no data.
  if (op && op.tenantId !== tenantId) throw new HttpError(403, 'the operation belongs to another tenant');
  if (!op) throw new HttpError(404, `no operation '${operationId}'`);
  return respond(200, { operation: present(op) });
}

/** An operation as the console shows it: who (the principal and a display name), when, what, how it ended. */
function present(op: OperationRecord): Record<string, unknown> {
  return {
    operationId: op.operationId,
    type: op.type,
    status: op.status,
    requestedBy: op.requestedBy,
    who: displayName(op.requestedBy),
    requestedAt: op.requestedAt,
    startedAt: op.startedAt ?? null,
    finishedAt: op.finishedAt ?? null,
    durationSeconds: op.durationSeconds ?? null,
    release: op.release,
    changes: op.changes,
    rolloutId: op.rolloutId ?? null,
    reason: op.reason ?? (isObject(op.outcome) && typeof op.outcome.reason === 'string' ? op.outcome.reason : null),
    outcome: op.outcome ?? null,
  };
}

/** `console:alice@example.com@acme` -> `alice@example.com (console)`; a role ARN -> `platform: <role>`. */
export function displayName(principal: string): string {
  const consoleUser = principal.match(/^console:(.+)@([^@]+)$/);
  if (consoleUser) return `${consoleUser[1]} (console)`;
  const role = principal.match(/:(?:assumed-)?role\/(?:.*\/)?([^/]+?)(?:\/[^/]*)?$/);
  if (principal.includes(':rollout') || principal.startsWith('rollout:')) return 'platform rollout';
  if (role) return `platform: ${role[1]}`;
  return principal;
}

async function health(tenantId: string, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const t = await tenantOf(tenantId, deps);
  const now = clock(deps);
  const window = maintenanceWindowOf(t.spec);
  const next = nextWindow(window, now);
  const alarms = new Map<string, { name: string; state: string; reason: string | null; since: string }>();
  let alarmsError: string | null = null;
  try {
    const query = TenantLogQuery.historyForTenant(t.account, new Date(now.getTime() - HEALTH_LOOKBACK_MS), now);
    const rows = await runToEnd(query, t.account, deps);
    for (const row of rows) {
      if (row.detail_type !== 'CloudWatch Alarm State Change') continue;
      let detail: Record<string, unknown> = {};
      try {
        detail = JSON.parse(row.detail ?? '{}');
      } catch {
        continue;
      }
      const state = isObject(detail.state) ? detail.state : {};
      const name = String(detail.alarmName ?? row.resources ?? 'alarm');
      // Rows come oldest first: the last one is the current state.
      alarms.set(name, { name, state: String(state.value ?? 'UNKNOWN'), reason: typeof state.reason === 'string' ? state.reason : null, since: String(row.time) });
    }
  } catch (e) {
    alarmsError = e instanceof HttpError ? e.message : 'the alarm history could not be read';
    if (!(e instanceof HttpError)) console.error('health query failed', e);
  }
  return respond(200, {
    tenantId,
    state: t.state,
    lastStackStatus: t.lastStackStatus ?? null,
    alarms: [...alarms.values()].sort((a, b) => a.name.localeCompare(b.name)),
    alarmsError,
    maintenanceWindow: { window: renderWindow(window), inWindow: next.inWindow, nextStart: next.startAt, durationMinutes: window.durationMinutes },
  });
}

async function startLogSearch(tenantId: string, req: Record<string, unknown>, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const problems = Object.keys(req).filter((k) => !['from', 'to', 'logGroup', 'text'].includes(k))
    .map((k) => `${k}: is not a field of a log search (allowed: from, to, logGroup, text)`);
  const from = new Date(String(req.from));
  const to = new Date(String(req.to));
  if (typeof req.from !== 'string' || Number.isNaN(from.getTime())) problems.push(`from: must be an ISO 8601 time (got: ${JSON.stringify(req.from ?? null)})`);
  if (typeof req.to !== 'string' || Number.isNaN(to.getTime())) problems.push(`to: must be an ISO 8601 time (got: ${JSON.stringify(req.to ?? null)})`);
  if (problems.length === 0 && from.getTime() >= to.getTime()) problems.push('to: must be after from');
  if (problems.length === 0 && to.getTime() - from.getTime() > MAX_RANGE_MS) problems.push('to: the range may cover at most 31 days');
  if (typeof req.logGroup !== 'string' || !LOG_GROUP_NAME.test(req.logGroup)) problems.push(`logGroup: must be a log group name of the tenant, e.g. /aws/lambda/... (got: ${JSON.stringify(req.logGroup ?? null)})`);
  if (req.text !== undefined && (typeof req.text !== 'string' || req.text.length > 200)) problems.push('text: must be a string of at most 200 characters');
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const t = await tenantOf(tenantId, deps);
  // The account is the registry's, of the token's tenant: nothing in the request can widen it.
  const query = TenantLogQuery.forTenant(t.account, req.logGroup as string, from, to);
  const queryId = await deps.logs.start(query);
  return respond(202, { queryId });
}

async function logSearchPage(
  tenantId: string, queryId: string, q: Record<string, string | undefined>, deps: ConsoleDependencies,
): Promise<ConsoleResult> {
  if (!QUERY_ID.test(queryId)) throw new HttpError(400, 'invalid request', ['queryId: not a query id']);
  const t = await tenantOf(tenantId, deps);
  const status = await ownQuery(queryId, t.account, deps);
  if (status.state === 'QUEUED' || status.state === 'RUNNING') {
    if (status.bytesScanned > deps.maxBytesScanned) {
      await deps.logs.stop(queryId);
      return respond(200, { state: 'CANCELLED', bytesScanned: status.bytesScanned, reason: scanLimitReason(deps), rows: [], nextToken: null });
    }
    return respond(200, { state: status.state, bytesScanned: status.bytesScanned, rows: [], nextToken: null });
  }
  if (status.state !== 'SUCCEEDED') return respond(200, { state: status.state, bytesScanned: status.bytesScanned, reason: status.reason ?? null, rows: [], nextToken: null });
  const page = await deps.logs.results(queryId, q.nextToken || undefined, LOG_PAGE);
  const text = (q.text ?? '').toLowerCase();
  const col = (name: string) => page.columns.indexOf(name);
  const rows = page.rows
    .map((r) => ({ timestamp: Number(r[col('timestamp')]), logStream: r[col('logstream')], message: r[col('message')] ?? '' }))
    .filter((r) => text === '' || r.message.toLowerCase().includes(text));
  return respond(200, { state: status.state, bytesScanned: status.bytesScanned, rows, nextToken: page.nextToken ?? null });
}

function scanLimitReason(deps: ConsoleDependencies): string {
  return `stopped: the query scanned more than the console's limit of ${Math.round(deps.maxBytesScanned / 1048576)} MiB; narrow the time range`;
}

/** The query's status if it is a query of `account` in the hub workgroup, else 403 (another tenant's query id). */
async function ownQuery(queryId: string, account: string, deps: ConsoleDependencies): Promise<LogQueryStatus> {
  const status = await deps.logs.status(queryId);
  if (!status || status.workGroup !== HUB_WORKGROUP || status.executionParameters[0] !== `'${account}'`) {
    throw new HttpError(403, 'the query belongs to another tenant');
  }
  return status;
}

/** Runs a query to its end (health), within the sync timeout and the scan cap; rows as objects. */
async function runToEnd(query: TenantLogQuery, account: string, deps: ConsoleDependencies): Promise<Array<Record<string, string | null>>> {
  const id = await deps.logs.start(query);
  const deadline = Date.now() + (deps.syncQueryTimeoutMs ?? 20_000);
  for (;;) {
    const status = await ownQuery(id, account, deps);
    if (status.state === 'SUCCEEDED') break;
    if (status.state === 'FAILED' || status.state === 'CANCELLED') throw new HttpError(502, `the history query ended ${status.state}: ${status.reason ?? ''}`);
    if (status.bytesScanned > deps.maxBytesScanned || Date.now() > deadline) {
      await deps.logs.stop(id);
      throw new HttpError(504, status.bytesScanned > deps.maxBytesScanned ? scanLimitReason(deps) : 'the history query took too long');
    }
    await new Promise((r) => setTimeout(r, deps.pollIntervalMs ?? 500));
  }
  const out: Array<Record<string, string | null>> = [];
  let token: string | undefined;
  do {
    const page = await deps.logs.results(id, token, 1000);
    out.push(...page.rows.map((r) => Object.fromEntries(page.columns.map((c, i) => [c, r[i]]))));
    token = page.nextToken;
  } while (token && out.length < 10_000);
  return out;
}

async function fleet(nextToken: string | undefined, deps: ConsoleDependencies): Promise<ConsoleResult> {
  const registry = deps.provisioner.registry;
  const tenants: TenantRecord[] = [];
  let token = nextToken || undefined;
  do {
    const page = await registry.listTenants(100, token);
    tenants.push(...page.items);
    token = page.nextToken;
  } while (token && tenants.length < FLEET_MAX);
  const lastOps = await Promise.all(tenants.map((t) => (t.lastOperationId ? registry.getOperation(t.lastOperationId) : Promise.resolve(undefined))));
  const rollouts = await listRollouts(deps, 10);
  return respond(200, {
    tenants: tenants.map((t, i) => ({
      tenantId: t.tenantId,
      tier: t.tier,
      release: t.release,
      deployedRelease: t.deployedRelease ?? null,
      state: t.state,
      account: t.account,
      lastOperation: lastOps[i] ? lastOperationOf(lastOps[i]!) : null,
    })),
    rollouts: rollouts.map((r) => ({
      rolloutId: r.rolloutId,
      release: r.release,
      status: r.status,
      requestedBy: displayName(r.requestedBy),
      createdAt: r.createdAt,
      awaitingApprovalForWave: r.awaitingApprovalForWave ?? null,
      waves: (r.waves ?? []).map((w, i) => ({ index: i, ...w })),
      results: r.results ?? [],
    })),
    nextToken: token ?? null,
  });
}

function lastOperationOf(op: OperationRecord): Record<string, unknown> {
  return { type: op.type, status: op.status, who: displayName(op.requestedBy), requestedAt: op.requestedAt };
}

/** The newest rollouts (registry index `gsi1`, partition `ROLLOUTS`), read-only. */
export async function listRollouts(deps: ConsoleDependencies, limit: number): Promise<RolloutRecord[]> {
  const out = await deps.dynamo.send(new QueryCommand({
    TableName: deps.provisioner.config.tableName,
    IndexName: GSI1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: 'ROLLOUTS' } },
    ScanIndexForward: false,
    Limit: limit,
  }));
  return (out.Items ?? []).map((i) => {
    const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, approvalToken: _token, ...rest } = unmarshallItem(i);
    return rest as unknown as RolloutRecord;
  });
}

function body(event: ConsoleEvent): Record<string, unknown> {
  if (!event.body) throw new HttpError(400, 'invalid request', ['(body): a JSON object is required']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);
  } catch (e) {
    throw new HttpError(400, 'invalid request', [`(body): is not JSON: ${(e as Error).message}`]);
  }
  if (!isObject(parsed)) throw new HttpError(400, 'invalid request', ['(body): must be a JSON object']);
  return parsed;
}

function header(event: ConsoleEvent, name: string): string | undefined {
  for (const [k, v] of Object.entries(event.headers ?? {})) {
    if (k.toLowerCase() === name && v !== undefined) return v;
  }
  return undefined;
}

function clock(deps: ConsoleDependencies): Date {
  return (deps.now ?? (() => new Date()))();
}

// Answers are never cached: they are one user's view of one tenant.
const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

function respond(statusCode: number, payload: unknown): ConsoleResult {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(payload) };
}
