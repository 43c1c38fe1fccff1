/**
 * The hub's log queries for the local simulation, behind the console's `LogQueryEngine` interface
 * (there is no local Athena): shipped lines are seeded per tenant account and log group, and a
 * query is the hub's `TenantLogQuery.forTenant` — its execution parameters (account, days, log
 * group, from, to) select the lines, as its SQL does. A query of another shape is refused, so a
 * change of the API's query cannot pass here unnoticed. Like Athena, a query is seen RUNNING at
 * least once, and results come in pages with a token.
 */
import { randomUUID } from 'crypto';
import type { LogQueryEngine, LogQueryPage, LogQueryStatus } from '../../src/platform/console/console-api.lambda-shared';
import type { TenantLogQuery } from '../../src/platform/hub/tenant-log-query';

/** A shipped log event, as the hub stores it. */
export interface ShippedLine {
  readonly account: string;
  readonly logGroup: string;
  readonly time: Date;
  /** The raw event text (Lambda's or Aurora's format). */
  readonly message: string;
  readonly stream?: string;
}

interface Run {
  readonly query: TenantLogQuery;
  polls: number;
  state: LogQueryStatus['state'];
  readonly rows: Array<Array<string | null>>;
  reason?: string;
}

const COLUMNS = ['timestamp', 'logstream', 'id', 'message'];

/** The shape of `TenantLogQuery.forTenant`'s SQL (its parameters are read by position). */
const FOR_TENANT = /WHERE account = \? AND day BETWEEN \? AND \?\s+AND loggroup = \? AND "timestamp" >= \? AND "timestamp" < \?/;

/** {@link LogQueryEngine} over seeded lines. */
export class LocalLogEngine implements LogQueryEngine {
  /** Every query started, in order. */
  public readonly started: TenantLogQuery[] = [];
  private readonly lines: Array<ShippedLine & { id: string }> = [];
  private readonly runs = new Map<string, Run>();

  /** Ships lines into the hub (they are found by queries started afterwards). */
  public add(lines: ShippedLine[]): void {
    for (const l of lines) this.lines.push({ ...l, id: randomUUID() });
  }

  public async start(query: TenantLogQuery): Promise<string> {
    this.started.push(query);
    const id = randomUUID();
    const run: Run = { query, polls: 0, state: 'SUCCEEDED', rows: [] };
    const m = FOR_TENANT.exec(query.queryString);
    if (!m) {
      run.state = 'FAILED';
      run.reason = `the local engine runs TenantLogQuery.forTenant only (got: ${query.queryString.slice(0, 200)})`;
    } else {
      const [account, fromDay, toDay, logGroup, fromMs, toMs] = query.executionParameters.map(unquote);
      for (const l of this.lines
        .filter((x) => x.account === account && x.logGroup === logGroup)
        .filter((x) => dayOf(x.time) >= fromDay && dayOf(x.time) <= toDay)
        .filter((x) => x.time.getTime() >= Number(fromMs) && x.time.getTime() < Number(toMs))
        .sort((a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : 1))) {
        run.rows.push([String(l.time.getTime()), l.stream ?? '2026/12/06/[$LATEST]local', l.id, l.message]);
      }
    }
    this.runs.set(id, run);
    return id;
  }

  public async status(queryId: string): Promise<LogQueryStatus | undefined> {
    const run = this.runs.get(queryId);
    if (!run) return undefined;
    run.polls++;
    const { executionParameters, workGroup, queryString } = run.query;
    return {
      state: run.polls <= 1 && run.state === 'SUCCEEDED' ? 'RUNNING' : run.state,
      bytesScanned: run.rows.reduce((n, r) => n + (r[3]?.length ?? 0), 0),
      reason: run.reason,
      executionParameters,
      workGroup,
      queryString,
    };
  }

  public async results(queryId: string, nextToken: string | undefined, maxResults: number): Promise<LogQueryPage> {
    const run = this.runs.get(queryId);
    if (!run || run.state !== 'SUCCEEDED') throw new Error(`query ${queryId} has no results`);
    const start = nextToken ? Number(nextToken) : 0;
    return {
      columns: COLUMNS,
      rows: run.rows.slice(start, start + maxResults),
      nextToken: start + maxResults < run.rows.length ? String(start + maxResults) : undefined,
    };
  }

  public async stop(queryId: string): Promise<void> {
    const run = this.runs.get(queryId);
    if (run && run.state === 'RUNNING') run.state = 'CANCELLED';
  }
}

function unquote(literal: string): string {
  return literal.startsWith("'") ? literal.slice(1, -1).replace(/''/g, "'") : literal;
}

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A line as the function writes it in Lambda's text format (`<time>\t<request id>\t<LEVEL>\t<message>`). */
export function lambdaText(time: Date, requestId: string, level: string, message: string): string {
  return `${time.toISOString()}\t${requestId}\t${level}\t${message}\n`;
}

/** A line as Aurora PostgreSQL writes it (its fixed prefix; no request id). */
export function auroraText(time: Date, level: string, message: string): string {
  return `${time.toISOString().replace('T', ' ').slice(0, 19)} UTC:10.0.3.17(41234):app@app:[2711]:${level}:  ${message}`;
}
