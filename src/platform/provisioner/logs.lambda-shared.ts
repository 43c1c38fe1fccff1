/**
 * A tenant's log lines from the hub for `tenant-blocks logs` (issue 23 §3):
 * `POST /tenants/{tenantId}/logs` starts the hub's own per-tenant partition query
 * (`TenantLogQuery.forTenant`, the query the console runs) for each of the tenant's function and
 * database log groups; `GET /tenants/{tenantId}/logs/{queryId}` reads their lines merged by time,
 * page by page.
 *
 * The query id is bound to the tenant: it names a registry item (`LOGQUERY#<id>`, kept a day)
 * that holds the tenant, its account and the hub's query ids; a caller scoped to tenant A who
 * asks for a query of tenant B under A's path gets a 404, and every hub query is checked again to
 * be of the tenant's account (the first execution parameter) in the hub's workgroup.
 */
import { randomUUID } from 'crypto';
import { ApiDependencies, ApiResult, clock, HttpError, respond, unknownFields } from './api-support.lambda-shared';
import type { LogQueryRecord, TenantRecord } from './registry.lambda-shared';
import { HUB_WORKGROUP } from '../../core/hub-names';
import { LOG_GROUP_NAME } from '../../core/log-partition.lambda-shared';
import type { LogQueryEngine } from '../console/console-api.lambda-shared';
import { TenantLogQuery } from '../hub/tenant-log-query';

/** The hub's log queries, as the API gets them. */
export interface LogAccess {
  /** The console's query engine (Athena in Lambda, a local engine in tests). */
  readonly engine: LogQueryEngine;
  /** Bytes one query may scan before it is stopped. @default 1 GiB */
  readonly maxBytesScanned?: number;
  /**
   * The tenant's log groups (`/aws/lambda/...` and `/aws/rds/...` are read).
   * @default - the tenant record's `logGroups`
   */
  readonly logGroupsOf?: (tenant: TenantRecord) => Promise<string[]>;
}

/** One line of the answer. */
export interface TenantLogLine {
  /** ISO 8601, UTC. */
  readonly timestamp: string;
  readonly source: 'function' | 'database';
  readonly requestId: string | null;
  readonly level: string | null;
  readonly message: string;
}

/**
 * Environment variable of the API function: `true` when the construct granted it the hub's log
 * queries (`PlatformHub.grantQueryTenantLogs`); without it the log routes answer 501.
 */
export const HUB_LOG_ACCESS_ENV = 'HUB_LOG_ACCESS';

/** Longest filter text. */
export const MAX_FILTER_CHARS = 200;
/** Lines per page by default and at most. */
export const DEFAULT_LOG_LIMIT = 100;
export const MAX_LOG_LIMIT = 1000;
/** A query id is honoured for a day (the registry item's TTL). */
const QUERY_TTL_SECONDS = 24 * 3600;
/** Longest range of one query (the hub's TenantLogQuery allows 31 days). */
const MAX_RANGE_MS = 31 * 86_400_000;
const QUERY_ID = /^[A-Za-z0-9-]{1,100}$/;

const NO_HUB = 'this provisioner has no hub log access configured';

/** `POST /tenants/{tenantId}/logs`: 202 `{ queryId }`. */
export async function startLogQuery(tenantId: string, req: Record<string, unknown>, deps: ApiDependencies): Promise<ApiResult> {
  if (!deps.logs) throw new HttpError(501, NO_HUB);
  const now = clock(deps);
  const problems = unknownFields(req, ['since', 'until', 'filter', 'limit']);
  const since = typeof req.since === 'string' ? new Date(req.since) : undefined;
  const until = req.until === undefined ? now : typeof req.until === 'string' ? new Date(req.until) : undefined;
  if (!since || Number.isNaN(since.getTime())) problems.push(`since: is required, an ISO 8601 time (got: ${JSON.stringify(req.since ?? null)})`);
  if (!until || Number.isNaN(until.getTime())) problems.push(`until: must be an ISO 8601 time (got: ${JSON.stringify(req.until)})`);
  if (problems.length === 0 && since!.getTime() >= until!.getTime()) problems.push(`until: must be after since (${since!.toISOString()})`);
  if (problems.length === 0 && until!.getTime() - since!.getTime() > MAX_RANGE_MS) problems.push('since: one query covers at most 31 days');
  if (req.filter !== undefined && (typeof req.filter !== 'string' || req.filter.length > MAX_FILTER_CHARS)) {
    problems.push(`filter: must be a text of at most ${MAX_FILTER_CHARS} characters (got: ${typeof req.filter === 'string' ? `${req.filter.length} characters` : JSON.stringify(req.filter)})`);
  }
  if (req.limit !== undefined && !(Number.isInteger(req.limit) && (req.limit as number) >= 1 && (req.limit as number) <= MAX_LOG_LIMIT)) {
    problems.push(`limit: must be a whole number from 1 to ${MAX_LOG_LIMIT}, lines per page (got: ${JSON.stringify(req.limit)})`);
  }
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const tenant = await deps.registry.getTenant(tenantId);
  if (!tenant) throw new HttpError(404, `no tenant '${tenantId}'`);
  const groups = (await (deps.logs.logGroupsOf ?? defaultLogGroups)(tenant)).filter((g) => LOG_GROUP_NAME.test(g) && sourceOf(g) !== undefined);
  if (groups.length === 0) {
    throw new HttpError(409, `the log groups of tenant '${tenantId}' are not known yet (the registry records them once the tenant has deployed)`, undefined, { cause: 'STATE', state: tenant.state });
  }
  const parts: LogQueryRecord['parts'] = [];
  for (const logGroup of groups) {
    // The hub's own per-tenant partition query, bound to the registry's account for the tenant.
    const query = TenantLogQuery.forTenant(tenant.account, logGroup, since!, until!);
    parts.push({ source: sourceOf(logGroup)!, logGroup, hubQueryId: await deps.logs.engine.start(query) });
  }
  const queryId = (deps.newId ?? randomUUID)();
  await deps.registry.putLogQuery({
    queryId,
    tenantId,
    account: tenant.account,
    incarnation: tenant.incarnation ?? 1,
    parts,
    filter: (req.filter as string | undefined) ?? '',
    limit: (req.limit as number | undefined) ?? DEFAULT_LOG_LIMIT,
    createdAt: now.toISOString(),
  }, Math.floor(now.getTime() / 1000) + QUERY_TTL_SECONDS);
  return respond(202, { queryId });
}

/** `GET /tenants/{tenantId}/logs/{queryId}?nextToken=`: 200 `{ status, lines, nextToken?, error? }`. */
export async function readLogQuery(tenantId: string, queryId: string, nextToken: string | undefined, deps: ApiDependencies): Promise<ApiResult> {
  if (!deps.logs) throw new HttpError(501, NO_HUB);
  if (!QUERY_ID.test(queryId)) throw new HttpError(400, 'invalid request', [`queryId: must be an id this API returned (got: ${JSON.stringify(queryId.slice(0, 100))})`]);
  const record = await deps.registry.getLogQuery(queryId, Math.floor(clock(deps).getTime() / 1000));
  // Another tenant's query is nobody's query under this path: the same answer as an unknown id.
  if (!record || record.tenantId !== tenantId) throw new HttpError(404, `no log query '${queryId}' of tenant '${tenantId}'`);
  const max = deps.logs.maxBytesScanned ?? 1024 ** 3;
  let running = false;
  for (const part of record.parts) {
    const status = await deps.logs.engine.status(part.hubQueryId);
    if (!status || status.workGroup !== HUB_WORKGROUP || status.executionParameters[0] !== `'${record.account}'`) {
      throw new HttpError(404, `no log query '${queryId}' of tenant '${tenantId}'`);
    }
    if (status.state === 'FAILED' || status.state === 'CANCELLED') {
      return respond(200, { status: 'FAILED', lines: [], error: `the hub's query of ${part.logGroup} ended ${status.state}: ${status.reason ?? 'no reason given'}`.slice(0, 1000) });
    }
    if (status.state === 'QUEUED' || status.state === 'RUNNING') {
      if (status.bytesScanned > max) {
        await deps.logs.engine.stop(part.hubQueryId);
        return respond(200, { status: 'FAILED', lines: [], error: `stopped: the query of ${part.logGroup} scanned more than ${Math.round(max / 1048576)} MiB; narrow the time range` });
      }
      running = true;
    }
  }
  if (running) return respond(200, { status: 'RUNNING', lines: [] });
  return respond(200, await mergedPage(record, nextToken, deps.logs.engine));
}

/** Where each part of a merged page stands: the hub's page token and the rows of it already read. */
interface Cursor { readonly t?: string; readonly o: number; readonly done: boolean }

async function mergedPage(record: LogQueryRecord, nextToken: string | undefined, engine: LogQueryEngine): Promise<Record<string, unknown>> {
  const cursors = nextToken === undefined ? record.parts.map((): Cursor => ({ o: 0, done: false })) : decodeCursors(nextToken, record.parts.length);
  const buffers = await Promise.all(record.parts.map(async (part, i) => {
    const c = cursors[i];
    if (c.done) return { lines: [] as TenantLogLine[], more: undefined as string | undefined };
    const page = await engine.results(part.hubQueryId, c.t, MAX_LOG_LIMIT);
    const col = (name: string) => page.columns.indexOf(name);
    const lines = page.rows.slice(c.o).map((r) => lineOf(part.source, Number(r[col('timestamp')]), r[col('message')] ?? ''));
    return { lines, more: page.nextToken };
  }));
  const taken = buffers.map(() => 0);
  const out: TenantLogLine[] = [];
  const filter = record.filter.toLowerCase();
  for (;;) {
    if (out.length >= record.limit) break;
    // A part that has more pages and nothing buffered stops the merge: its next line may be earlier.
    if (buffers.some((b, i) => taken[i] >= b.lines.length && b.more !== undefined)) break;
    let pick = -1;
    buffers.forEach((b, i) => {
      if (taken[i] < b.lines.length && (pick < 0 || b.lines[taken[i]].timestamp < buffers[pick].lines[taken[pick]].timestamp)) pick = i;
    });
    if (pick < 0) break;
    const line = buffers[pick].lines[taken[pick]++];
    if (filter === '' || line.message.toLowerCase().includes(filter)) out.push(line);
  }
  const next: Cursor[] = cursors.map((c, i) => {
    if (c.done) return c;
    if (taken[i] < buffers[i].lines.length) return { t: c.t, o: c.o + taken[i], done: false };
    return buffers[i].more !== undefined ? { t: buffers[i].more, o: 0, done: false } : { o: 0, done: true };
  });
  return { status: 'SUCCEEDED', lines: out, ...(next.some((c) => !c.done) ? { nextToken: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}) };
}

function decodeCursors(token: string, parts: number): Cursor[] {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === parts && parsed.every((c) => typeof c === 'object' && c !== null
      && Number.isInteger(c.o) && c.o >= 0 && typeof c.done === 'boolean' && (c.t === undefined || typeof c.t === 'string'))) {
      return parsed as Cursor[];
    }
  } catch {
    // below
  }
  throw new HttpError(400, 'invalid request', ['nextToken: is not a token this API returned for this query']);
}

async function defaultLogGroups(tenant: TenantRecord): Promise<string[]> {
  return Array.isArray(tenant.logGroups) ? tenant.logGroups.filter((g): g is string => typeof g === 'string') : [];
}

/** The source of a log group: the function (`/aws/lambda/`) or the database (`/aws/rds/`). */
export function sourceOf(logGroup: string): 'function' | 'database' | undefined {
  if (logGroup.startsWith('/aws/lambda/')) return 'function';
  if (logGroup.startsWith('/aws/rds/')) return 'database';
  return undefined;
}

/**
 * One shipped log event as a line: the function's JSON log format (`level`, `requestId`,
 * `message`; platform records `record.requestId`) or Lambda's text format; Aurora PostgreSQL's
 * fixed prefix (`<time> UTC:<host>:<user>@<db>:[<pid>]:<LEVEL>:  <message>`) or the local server's
 * `%m [%a]` prefix, whose application name an app may set to the request id.
 */
export function lineOf(source: 'function' | 'database', timestampMs: number, raw: string): TenantLogLine {
  const timestamp = new Date(Number.isFinite(timestampMs) ? timestampMs : 0).toISOString();
  const text = raw.replace(/\n$/, '');
  if (source === 'function') {
    if (text.startsWith('{')) {
      try {
        const j = JSON.parse(text) as Record<string, any>;
        const requestId = typeof j.requestId === 'string' ? j.requestId : typeof j.record?.requestId === 'string' ? j.record.requestId : null;
        const level = typeof j.level === 'string' ? j.level : typeof j.type === 'string' ? 'PLATFORM' : null;
        const message = typeof j.message === 'string' ? j.message : j.message !== undefined ? JSON.stringify(j.message) : typeof j.type === 'string' ? `${j.type} ${JSON.stringify(j.record ?? {})}` : text;
        return { timestamp, source, requestId, level, message };
      } catch {
        // not JSON after all: the text forms below
      }
    }
    const tabbed = /^\d{4}-\d\d-\d\dT[^\t]*\t([0-9a-f-]{36})\t([A-Z]+)\t([\s\S]*)$/.exec(text);
    if (tabbed) return { timestamp, source, requestId: tabbed[1], level: tabbed[2], message: tabbed[3] };
    const platform = /^(START|END|REPORT) RequestId: ([0-9a-f-]{36})/.exec(text);
    return { timestamp, source, requestId: platform ? platform[2] : null, level: platform ? 'PLATFORM' : null, message: text };
  }
  const rds = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:UTC|GMT):[^:]*(?::\d+)?(?:\(\d+\))?:[^:]*:\[\d+\]:([A-Z]+):\s+([\s\S]*)$/.exec(text);
  if (rds) return { timestamp, source, requestId: null, level: rds[1], message: rds[2] };
  const local = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:UTC|GMT) \[([^\]]*)\] (\w+):\s+([\s\S]*)$/.exec(text);
  if (local) return { timestamp, source, requestId: local[1] === '' || local[1] === '[unknown]' ? null : local[1], level: local[2], message: local[3] };
  return { timestamp, source, requestId: null, level: null, message: text };
}
