/**
 * The hub's log queries on a local SQL engine: the test suite's PostgreSQL 17 with tables shaped
 * like the hub's Glue tables, partitioned like S3 (account, then day), as the hub's own tests run
 * `TenantLogQuery`. Athena substitutes the execution parameters in order; they are SQL literals,
 * so PostgreSQL takes them as they are. A query reports RUNNING on its first status (so a client
 * shows progress), then its end; bytes scanned are the sizes of the partitions it read.
 */
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import type { LogQueryEngine, LogQueryPage, LogQueryStatus } from '../../../../src/platform/console/console-api.lambda-shared';
import type { TenantLogQuery } from '../../../../src/platform/hub/tenant-log-query';
import { PostgresServer } from '../../../support/postgres-server';

interface Run {
  readonly query: TenantLogQuery;
  state: LogQueryStatus['state'];
  polls: number;
  columns: string[];
  rows: Array<Array<string | null>>;
  bytes: number;
  reason?: string;
}

/** A hub log or history row to seed. */
export interface SeedLogLine { account: string; logGroup: string; time: Date; message: string; stream?: string }
/** A hub event history row to seed. */
export interface SeedEvent { account: string; time: Date; detailType: string; source: string; detail: Record<string, unknown>; resources?: string[] }

const DAYS_BACK = 40;

/** {@link LogQueryEngine} on a local PostgreSQL. */
export class LocalLogQueryEngine implements LogQueryEngine {
  /** Starts PostgreSQL and creates the hub's tables for `accounts`, partitions for the last 40 days and the next 2. */
  public static async create(accounts: string[], now = new Date()): Promise<LocalLogQueryEngine> {
    const server = await PostgresServer.create();
    const engine = new LocalLogQueryEngine(server);
    const days: string[] = [];
    for (let d = -DAYS_BACK; d <= 2; d++) days.push(new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10));
    const ddl = ['CREATE SCHEMA tenant_blocks_hub',
      'CREATE TABLE tenant_blocks_hub.tenant_logs (owner text, loggroup text, logstream text, id text, "timestamp" bigint, message text, account text, day text) PARTITION BY LIST (account)',
      'CREATE TABLE tenant_blocks_hub.tenant_history (id text, detail_type text, source text, "time" text, region text, resources text[], detail text, account text, day text) PARTITION BY LIST (account)'];
    for (const [i, account] of accounts.entries()) {
      for (const t of ['tenant_logs', 'tenant_history']) {
        ddl.push(`CREATE TABLE tenant_blocks_hub.${t}_a${i} PARTITION OF tenant_blocks_hub.${t} FOR VALUES IN ('${account}') PARTITION BY LIST (day)`);
        for (const day of days) ddl.push(`CREATE TABLE tenant_blocks_hub.${t}_a${i}_${day.replace(/-/g, '')} PARTITION OF tenant_blocks_hub.${t}_a${i} FOR VALUES IN ('${day}')`);
      }
    }
    await server.superuser(async (c) => {
      await c.query(ddl.join(';\n'));
    });
    return engine;
  }

  private readonly runs = new Map<string, Run>();

  private constructor(public readonly server: PostgresServer) {}

  /** Seeds shipped log lines (the day partition is the line's own day). */
  public async addLogLines(lines: SeedLogLine[]): Promise<void> {
    await this.server.superuser(async (c) => {
      for (const l of lines) {
        await c.query('INSERT INTO tenant_blocks_hub.tenant_logs (owner, loggroup, logstream, id, "timestamp", message, account, day) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
          [l.account, l.logGroup, l.stream ?? '2026/12/06/[$LATEST]local', randomUUID(), l.time.getTime(), l.message, l.account, l.time.toISOString().slice(0, 10)]);
      }
    });
  }

  /** Seeds events of the tenants' history (alarm state changes...). */
  public async addEvents(events: SeedEvent[]): Promise<void> {
    await this.server.superuser(async (c) => {
      for (const e of events) {
        await c.query('INSERT INTO tenant_blocks_hub.tenant_history (id, detail_type, source, "time", region, resources, detail, account, day) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
          [randomUUID(), e.detailType, e.source, `${e.time.toISOString().slice(0, 19)}Z`, 'us-east-1', e.resources ?? [], JSON.stringify(e.detail), e.account, e.time.toISOString().slice(0, 10)]);
      }
    });
  }

  public async start(query: TenantLogQuery): Promise<string> {
    const id = randomUUID();
    const run: Run = { query, state: 'RUNNING', polls: 0, columns: [], rows: [], bytes: 0 };
    this.runs.set(id, run);
    void this.execute(run);
    return id;
  }

  public async status(queryId: string): Promise<LogQueryStatus | undefined> {
    const run = this.runs.get(queryId);
    if (!run) return undefined;
    run.polls++;
    // Like Athena, a query is seen running at least once.
    const state = run.polls <= 1 && run.state === 'SUCCEEDED' ? 'RUNNING' : run.state;
    const { executionParameters, workGroup, queryString } = run.query;
    return { state, bytesScanned: run.bytes, reason: run.reason, executionParameters, workGroup, queryString };
  }

  public async results(queryId: string, nextToken: string | undefined, maxResults: number): Promise<LogQueryPage> {
    const run = this.runs.get(queryId);
    if (!run || run.state !== 'SUCCEEDED') throw new Error(`query ${queryId} has no results`);
    const start = nextToken ? Number(nextToken) : 0;
    const rows = run.rows.slice(start, start + maxResults);
    return { columns: run.columns, rows, nextToken: start + maxResults < run.rows.length ? String(start + maxResults) : undefined };
  }

  public async stop(queryId: string): Promise<void> {
    const run = this.runs.get(queryId);
    if (run && run.state === 'RUNNING') run.state = 'CANCELLED';
  }

  public async close(): Promise<void> {
    await this.server.destroy();
  }

  private async execute(run: Run): Promise<void> {
    const params = [...run.query.executionParameters];
    const text = run.query.queryString.replace(/\?/g, () => params.shift()!);
    try {
      await this.server.superuser(async (c: Client) => {
        const result = await c.query({ text, rowMode: 'array' });
        run.columns = result.fields.map((f) => f.name);
        run.rows = (result.rows as unknown[][]).map((r) => r.map((v) => (v === null ? null : Array.isArray(v) ? JSON.stringify(v) : String(v))));
        // What Athena would have read: the partitions the plan scans (their size on disk).
        const plan = (await c.query(`EXPLAIN ${text}`)).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
        const partitions = [...plan.matchAll(/Scan on (tenant_(?:logs|history)_a\d+_\d+)/g)].map((m) => m[1]);
        let bytes = 0;
        for (const p of new Set(partitions)) bytes += Number((await c.query(`SELECT pg_total_relation_size('tenant_blocks_hub.${p}') AS b`)).rows[0].b);
        run.bytes = bytes;
      });
      if (run.state === 'RUNNING') run.state = 'SUCCEEDED';
    } catch (e) {
      run.state = 'FAILED';
      run.reason = (e as Error).message;
    }
  }
}
