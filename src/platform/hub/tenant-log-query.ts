import { Token } from 'aws-cdk-lib';
import { ACCOUNT, ACCOUNT_PARTITION_KEY, DAY_PARTITION_KEY, LOG_GROUP_NAME, dayOf } from '../../core/log-partition.lambda-shared';
import { HUB_GLUE_DATABASE, HUB_HISTORY_TABLE, HUB_LOGS_TABLE, HUB_WORKGROUP } from '../../core/hub-names';

/** Longest time range one query may cover: 31 days (a month of one tenant, within the scan limit). */
const MAX_RANGE_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * Records arrive after they happen: a log event of 23:59:59 can land in the next day's partition.
 * The day range is widened by this much after `to` so late arrivals are found; the time filter
 * on the event's own timestamp keeps the result exact.
 */
const ARRIVAL_SLACK_MS = 24 * 60 * 60 * 1000;

/** Most rows one query returns: a console page, not an export. */
const MAX_ROWS = 10_000;

/**
 * A safe Athena query of one tenant's shipped logs or event history in the platform hub, for the
 * platform's console: `TenantLogQuery.forTenant(account, logGroup, from, to)` or
 * `TenantLogQuery.historyForTenant(account, from, to)`.
 *
 * Nothing from the caller is pasted into the SQL text: the text is a constant with `?`
 * placeholders, and the values travel as Athena execution parameters (`ExecutionParameters` of
 * `StartQueryExecution`), each validated first (a 12-digit account, a CloudWatch Logs log group
 * name, a time range of at most 31 days with `from` before `to`) and rendered as a SQL literal.
 * The WHERE clause always pins the tenant's partition (`account = ?`, the tables project it as
 * `injected`, so Athena refuses any query that does not) and the days of the range
 * (`day BETWEEN ? AND ?`), so a query reads one tenant's objects of those days and nothing else.
 *
 * Run it in the hub's workgroup ({@link TenantLogQuery.workGroup}) with a role granted
 * `PlatformHub.grantQueryTenantLogs`.
 */
export class TenantLogQuery {
  /**
   * The logs of `logGroupName` in `tenantAccountId` from `from` (inclusive) to `to` (exclusive),
   * oldest first, at most 10,000 lines: columns `timestamp` (ms since the epoch, UTC),
   * `logstream`, `id`, `message`.
   *
   * @param tenantAccountId the tenant account (12 digits)
   * @param logGroupName the exact log group name
   * @param from start of the range (inclusive)
   * @param to end of the range (exclusive), at most 31 days after `from`
   */
  public static forTenant(tenantAccountId: string, logGroupName: string, from: Date, to: Date): TenantLogQuery {
    const problems = [...accountProblems(tenantAccountId), ...rangeProblems(from, to)];
    if (Token.isUnresolved(logGroupName) || !LOG_GROUP_NAME.test(logGroupName)) {
      problems.push(`logGroupName: must be a CloudWatch Logs log group name, 1-512 characters of [A-Za-z0-9._/#-] (got: ${JSON.stringify(logGroupName)})`);
    }
    throwIfAny(problems);
    const sql = [
      'SELECT "timestamp", logstream, id, message',
      `FROM "${HUB_GLUE_DATABASE}"."${HUB_LOGS_TABLE}"`,
      `WHERE ${ACCOUNT_PARTITION_KEY} = ? AND ${DAY_PARTITION_KEY} BETWEEN ? AND ?`,
      '  AND loggroup = ? AND "timestamp" >= ? AND "timestamp" < ?',
      'ORDER BY "timestamp", id',
      `LIMIT ${MAX_ROWS}`,
    ].join('\n');
    return new TenantLogQuery(tenantAccountId, sql, [
      literal(tenantAccountId), ...dayLiterals(from, to), literal(logGroupName), String(from.getTime()), String(to.getTime()),
    ]);
  }

  /**
   * The event history of `tenantAccountId` (every event the link forwarded: stack changes, alarm
   * state changes, rotations, backups, key and IAM changes...) from `from` (inclusive) to `to`
   * (exclusive), oldest first, at most 10,000 events: columns `time` (ISO 8601, UTC), `source`,
   * `detail_type`, `resources`, `detail` (JSON text), `id`.
   *
   * @param tenantAccountId the tenant account (12 digits)
   * @param from start of the range (inclusive)
   * @param to end of the range (exclusive), at most 31 days after `from`
   */
  public static historyForTenant(tenantAccountId: string, from: Date, to: Date): TenantLogQuery {
    throwIfAny([...accountProblems(tenantAccountId), ...rangeProblems(from, to)]);
    const sql = [
      'SELECT "time", source, detail_type, resources, detail, id',
      `FROM "${HUB_GLUE_DATABASE}"."${HUB_HISTORY_TABLE}"`,
      `WHERE ${ACCOUNT_PARTITION_KEY} = ? AND ${DAY_PARTITION_KEY} BETWEEN ? AND ?`,
      '  AND "time" >= ? AND "time" < ?',
      'ORDER BY "time", id',
      `LIMIT ${MAX_ROWS}`,
    ].join('\n');
    return new TenantLogQuery(tenantAccountId, sql, [
      literal(tenantAccountId), ...dayLiterals(from, to), literal(isoSeconds(from)), literal(isoSeconds(to)),
    ]);
  }

  /**
   * The hub's shared Athena workgroup (encrypted results, scan limit), for a role granted the
   * fleet-wide `PlatformHub.grantQueryTenantLogs`.
   */
  public readonly workGroup: string = HUB_WORKGROUP;

  /**
   * The workgroup of the query's tenant account, `tenant-blocks-hub-<account>`: run the query here
   * with a role granted `PlatformHub.grantQueryTenant` for that account (results under that
   * tenant's own prefix).
   */
  public readonly tenantWorkGroup: string;

  /** The Glue database the query reads. */
  public readonly database: string = HUB_GLUE_DATABASE;

  /**
   * The SQL text: a constant per query kind, with `?` placeholders; pass it as `QueryString`.
   */
  public readonly queryString: string;

  /**
   * The values of the placeholders, in order, as SQL literals (strings single-quoted); pass them
   * as `ExecutionParameters`.
   */
  public readonly executionParameters: string[];

  private constructor(tenantAccountId: string, queryString: string, executionParameters: string[]) {
    this.tenantWorkGroup = `${HUB_WORKGROUP}-${tenantAccountId}`;
    this.queryString = queryString;
    this.executionParameters = executionParameters;
  }
}

function accountProblems(account: string): string[] {
  return Token.isUnresolved(account) || !ACCOUNT.test(account)
    ? [`tenantAccountId: must be a 12-digit AWS account id (got: ${JSON.stringify(account)})`]
    : [];
}

function rangeProblems(from: Date, to: Date): string[] {
  const valid = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!valid(from) || !valid(to)) return ['from/to: must be valid dates'];
  if (from.getTime() >= to.getTime()) return [`from/to: from (${from.toISOString()}) must be before to (${to.toISOString()})`];
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    return [`from/to: the range covers ${Math.ceil((to.getTime() - from.getTime()) / 86_400_000)} days, at most 31 are allowed (one query, one month of one tenant)`];
  }
  return [];
}

function throwIfAny(problems: string[]): void {
  if (problems.length > 0) throw new Error(`Invalid TenantLogQuery:\n${problems.map((p) => `- ${p}`).join('\n')}`);
}

/** The day partitions of the range: from's day to the day after `to` (late arrivals). */
function dayLiterals(from: Date, to: Date): string[] {
  return [literal(dayOf(from)), literal(dayOf(new Date(to.getTime() + ARRIVAL_SLACK_MS)))];
}

/** ISO 8601 to the second, as EventBridge writes `time` (`2026-11-28T01:02:03Z`). */
function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * A SQL string literal of an already validated value. The validators admit no quote, so the
 * doubling is belt and braces.
 */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
