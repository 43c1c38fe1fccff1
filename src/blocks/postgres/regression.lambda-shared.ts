/* eslint-disable import/no-extraneous-dependencies */
// The SQL regression suite shipped with TenantPostgres: statements real apps and the platform's
// query console run, each with its expected outcome. Run it against a new engine version or
// parameter group before it reaches customers (an engine bug once broke cursors under an
// activity-stream setting: this is the net for that class of failure).
//
// Data-driven: a case is a list of steps, each run in a named session (`app` and `app2` log in as
// the app role, `ro` as the read-only role) and checked against its expectation. Every case gets
// fresh sessions, so temp tables, cursors, prepared statements and locks never leak between cases.
// `{{table}}` in SQL is replaced by a table name unique to the run (the only object the suite
// creates outside pg_temp; its case drops it in `cleanup`).
import { createHash, randomBytes } from 'crypto';
import { Client, ClientConfig, Notification, QueryResult } from 'pg';
import { copyFrom, copyTo } from './copy.lambda-shared';

/** The sessions a case can use. */
export type SessionName = 'app' | 'app2' | 'ro';

/** What a step must produce. An empty expectation means "succeeds". */
export interface Expectation {
  /** SQLSTATE the step must fail with (e.g. '42501'); any success or other code is a failure. */
  readonly error?: string;
  /** The exact rows (JSON-normalised: int8/numeric are strings, jsonb is parsed). */
  readonly rows?: ReadonlyArray<Record<string, unknown>>;
  /** The first column of the first row. */
  readonly value?: unknown;
  /** Rows returned or affected (COPY: rows copied; stream: rows streamed). */
  readonly rowCount?: number;
  /** COPY TO STDOUT output, exactly. */
  readonly text?: string;
  /** A substring the rows (JSON) or COPY output must contain, e.g. a plan node of EXPLAIN. */
  readonly contains?: string;
  /** stream: md5 over every row as tab-separated values, one line each. */
  readonly md5?: string;
}

/** One statement (or protocol action) of a case. */
export interface RegressionStep {
  /** @default 'app' */
  readonly session?: SessionName;
  readonly sql?: string;
  /** Extended-protocol parameters ($1, $2, ...). */
  readonly params?: ReadonlyArray<unknown>;
  /** Extended protocol with a named (server-side prepared) statement. */
  readonly statementName?: string;
  /** Runs `sql` as COPY ... FROM STDIN with this input. */
  readonly copyIn?: string;
  /** Runs `sql` as COPY ... TO STDOUT. */
  readonly copyOut?: boolean;
  /** Streams `sql` through a cursor in batches of this many rows (BEGIN, DECLARE, FETCH..., CLOSE, COMMIT). */
  readonly streamBatch?: number;
  /** Waits (at most 5 s) for the next notification on this channel; its payload is the step's value. */
  readonly awaitNotification?: string;
  readonly expect?: Expectation;
}

/** A case of the suite. */
export interface RegressionCase {
  readonly id: string;
  readonly area: string;
  readonly description: string;
  readonly steps: ReadonlyArray<RegressionStep>;
  /** Run afterwards on a fresh app session whatever happened; errors ignored. */
  readonly cleanup?: ReadonlyArray<string>;
}

/** Outcome of one case. */
export interface RegressionCaseResult {
  readonly id: string;
  readonly area: string;
  readonly passed: boolean;
  /** Which step failed and how (absent when passed). */
  readonly failure?: string;
  readonly durationMs: number;
}

/** Outcome of a run. */
export interface RegressionReport {
  readonly passed: boolean;
  readonly total: number;
  readonly failed: number;
  readonly serverVersion: string;
  readonly results: RegressionCaseResult[];
}

/** How to log in as the app and the read-only user. */
export interface RegressionTarget {
  readonly app: ClientConfig;
  readonly readOnly: ClientConfig;
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

const ok: Expectation = {};
const app = (sql: string, expect: Expectation = ok, extra: Partial<RegressionStep> = {}): RegressionStep => ({ sql, expect, ...extra });
const app2 = (sql: string, expect: Expectation = ok, extra: Partial<RegressionStep> = {}): RegressionStep => ({ session: 'app2', sql, expect, ...extra });
const ro = (sql: string, expect: Expectation = ok): RegressionStep => ({ session: 'ro', sql, expect });
const fails = (sqlstate: string): Expectation => ({ error: sqlstate });

/** The suite's cases. */
export const REGRESSION_CASES: ReadonlyArray<RegressionCase> = [
  // --- transactions and savepoints -----------------------------------------------------------
  {
    id: 'tx-commit-rollback',
    area: 'transactions',
    description: 'committed work is visible, rolled-back work is not',
    steps: [
      app('CREATE TEMP TABLE t (v int)'),
      app('BEGIN'), app('INSERT INTO t VALUES (1)', { rowCount: 1 }), app('COMMIT'),
      app('BEGIN'), app('INSERT INTO t VALUES (2)'), app('ROLLBACK'),
      app('SELECT array_agg(v ORDER BY v) AS v FROM t', { value: [1] }),
    ],
  },
  {
    id: 'tx-savepoint-rollback-to',
    area: 'transactions',
    description: 'ROLLBACK TO SAVEPOINT undoes only the work after the savepoint',
    steps: [
      app('CREATE TEMP TABLE t (v int)'),
      app('BEGIN'), app('INSERT INTO t VALUES (1)'), app('SAVEPOINT s1'), app('INSERT INTO t VALUES (2)'),
      app('SAVEPOINT s2'), app('INSERT INTO t VALUES (3)'), app('RELEASE SAVEPOINT s2'),
      app('ROLLBACK TO SAVEPOINT s1'), app('INSERT INTO t VALUES (4)'), app('COMMIT'),
      app('SELECT array_agg(v ORDER BY v) AS v FROM t', { value: [1, 4] }),
    ],
  },
  {
    id: 'tx-savepoint-recovers-error',
    area: 'transactions',
    description: 'an error inside a savepoint is recovered with ROLLBACK TO, the transaction commits',
    steps: [
      app('CREATE TEMP TABLE t (v int PRIMARY KEY)'),
      app('BEGIN'), app('INSERT INTO t VALUES (1)'), app('SAVEPOINT s'),
      app('INSERT INTO t VALUES (1)', fails('23505')),
      app('ROLLBACK TO SAVEPOINT s'), app('INSERT INTO t VALUES (2)'), app('COMMIT'),
      app('SELECT count(*)::int AS n FROM t', { value: 2 }),
    ],
  },
  {
    id: 'tx-aborted-transaction',
    area: 'transactions',
    description: 'after an error the transaction refuses statements until ROLLBACK',
    steps: [
      app('BEGIN'), app('SELECT 1/0', fails('22012')), app('SELECT 1', fails('25P02')), app('ROLLBACK'),
      app('SELECT 1 AS v', { value: 1 }),
    ],
  },
  {
    id: 'tx-read-only',
    area: 'transactions',
    description: 'a READ ONLY transaction refuses DDL; isolation level is reported',
    steps: [
      app('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
      app('SHOW transaction_isolation', { value: 'repeatable read' }),
      app('CREATE TABLE tb_regression_never (id int)', fails('25006')),
      app('ROLLBACK'),
    ],
  },
  // --- cursors -------------------------------------------------------------------------------
  {
    id: 'cursor-fetch-move-close',
    area: 'cursors',
    description: 'DECLARE, FETCH n, MOVE, FETCH NEXT, CLOSE; a closed cursor is gone',
    steps: [
      app('BEGIN'),
      app('DECLARE c CURSOR FOR SELECT g FROM generate_series(1, 10) g'),
      app('FETCH 3 FROM c', { rows: [{ g: 1 }, { g: 2 }, { g: 3 }] }),
      app('MOVE FORWARD 2 IN c', { rowCount: 2 }),
      app('FETCH NEXT FROM c', { rows: [{ g: 6 }] }),
      app('FETCH ALL FROM c', { rowCount: 4 }),
      app('FETCH NEXT FROM c', { rows: [] }),
      app('CLOSE c'),
      app('FETCH NEXT FROM c', fails('34000')),
      app('ROLLBACK'),
    ],
  },
  {
    id: 'cursor-scroll',
    area: 'cursors',
    description: 'SCROLL cursors move backwards and absolutely; NO SCROLL cursors refuse to',
    steps: [
      app('BEGIN'),
      app('DECLARE s SCROLL CURSOR FOR SELECT g FROM generate_series(1, 10) g ORDER BY g'),
      app('FETCH LAST FROM s', { value: 10 }),
      app('FETCH PRIOR FROM s', { value: 9 }),
      app('FETCH ABSOLUTE 3 FROM s', { value: 3 }),
      app('FETCH RELATIVE -1 FROM s', { value: 2 }),
      app('FETCH BACKWARD 5 FROM s', { rows: [{ g: 1 }] }),
      app('FETCH FIRST FROM s', { value: 1 }),
      app('DECLARE n NO SCROLL CURSOR FOR SELECT g FROM generate_series(1, 10) g'),
      app('FETCH 2 FROM n', { rowCount: 2 }),
      app('FETCH PRIOR FROM n', fails('55000')),
      app('ROLLBACK'),
    ],
  },
  {
    id: 'cursor-with-hold',
    area: 'cursors',
    description: 'a WITH HOLD cursor survives COMMIT and keeps its position; a plain one does not',
    steps: [
      app('BEGIN'),
      app('DECLARE h CURSOR WITH HOLD FOR SELECT g FROM generate_series(1, 5) g'),
      app('DECLARE p CURSOR FOR SELECT g FROM generate_series(1, 5) g'),
      app('FETCH 2 FROM h', { rows: [{ g: 1 }, { g: 2 }] }),
      app('COMMIT'),
      app('SELECT name, is_holdable FROM pg_cursors ORDER BY name', { rows: [{ name: 'h', is_holdable: true }] }),
      app('FETCH 2 FROM h', { rows: [{ g: 3 }, { g: 4 }] }),
      app('MOVE NEXT IN h', { rowCount: 1 }),
      app('FETCH NEXT FROM h', { rows: [] }),
      app('FETCH NEXT FROM p', fails('34000')),
      app('CLOSE h'),
      app('SELECT count(*)::int AS n FROM pg_cursors', { value: 0 }),
    ],
  },
  {
    id: 'cursor-outside-transaction',
    area: 'cursors',
    description: 'a cursor without WITH HOLD needs a transaction block',
    steps: [app('DECLARE c CURSOR FOR SELECT 1', fails('25P01'))],
  },
  // --- prepared statements -------------------------------------------------------------------
  {
    id: 'prepare-execute-deallocate',
    area: 'prepared statements',
    description: 'SQL-level PREPARE/EXECUTE/DEALLOCATE; duplicates and deallocated names fail',
    steps: [
      app('PREPARE double_it(int) AS SELECT $1 * 2 AS v'),
      app('EXECUTE double_it(21)', { value: 42 }),
      app('PREPARE double_it(int) AS SELECT $1', fails('42P05')),
      app('SELECT name FROM pg_prepared_statements', { rows: [{ name: 'double_it' }] }),
      app('DEALLOCATE double_it'),
      app('EXECUTE double_it(1)', fails('26000')),
      app('PREPARE a AS SELECT 1'), app('DEALLOCATE ALL'),
      app('SELECT count(*)::int AS n FROM pg_prepared_statements', { value: 0 }),
    ],
  },
  {
    id: 'extended-protocol-parameters',
    area: 'prepared statements',
    description: 'parameters are data, never SQL; named statements are reused with new parameters',
    steps: [
      app('SELECT $1::text || $2::text AS v', { value: 'ab' }, { params: ['a', 'b'] }),
      app('SELECT $1::text AS v', { value: "x'; DROP TABLE t; --" }, { params: ["x'; DROP TABLE t; --"] }),
      app('SELECT $1::int + 1 AS v', { value: 2 }, { params: [1], statementName: 'tb_inc' }),
      app('SELECT $1::int + 1 AS v', { value: 11 }, { params: [10], statementName: 'tb_inc' }),
      app('SELECT $1::int AS v', fails('22P02'), { params: ['not a number'] }),
      app('SELECT $1::text IS NULL AS v', { value: true }, { params: [null] }),
      app('SELECT $1::text AS v, length($1::text) AS n', { rows: [{ v: 'héllo ☃ 😀', n: 9 }] }, { params: ['héllo ☃ 😀'] }),
    ],
  },
  // --- COPY ----------------------------------------------------------------------------------
  {
    id: 'copy-in-out-text',
    area: 'copy',
    description: 'COPY FROM STDIN and TO STDOUT in text format round-trip, including NULL and escapes',
    steps: [
      app('CREATE TEMP TABLE c (id int, name text, doc jsonb)'),
      app('COPY c (id, name, doc) FROM STDIN', { rowCount: 3 }, { copyIn: '1\talice\t{"a": 1}\n2\tbo\\tb\t\\N\n3\t\\N\t[]\n' }),
      app('SELECT id, name, doc FROM c ORDER BY id', {
        rows: [{ id: 1, name: 'alice', doc: { a: 1 } }, { id: 2, name: 'bo\tb', doc: null }, { id: 3, name: null, doc: [] }],
      }),
      app('COPY c TO STDOUT', { text: '1\talice\t{"a": 1}\n2\tbo\\tb\t\\N\n3\t\\N\t[]\n', rowCount: 3 }, { copyOut: true }),
    ],
  },
  {
    id: 'copy-csv',
    area: 'copy',
    description: 'CSV with header and quoting in and out; COPY (query) TO STDOUT',
    steps: [
      app('CREATE TEMP TABLE c (id int, note text)'),
      app('COPY c FROM STDIN WITH (FORMAT csv, HEADER true)', { rowCount: 2 }, { copyIn: 'id,note\n1,"a, b"\n2,"say ""hi"""\n' }),
      app('COPY (SELECT * FROM c ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER true)', { text: 'id,note\n1,"a, b"\n2,"say ""hi"""\n' }, { copyOut: true }),
      app('COPY (SELECT g FROM generate_series(1, 1000) g) TO STDOUT', { rowCount: 1000, contains: '\n1000\n' }, { copyOut: true }),
    ],
  },
  {
    id: 'copy-bad-input',
    area: 'copy',
    description: 'bad COPY input fails with its SQLSTATE and loads nothing',
    steps: [
      app('CREATE TEMP TABLE c (id int)'),
      app('COPY c FROM STDIN', fails('22P02'), { copyIn: '1\nnot-a-number\n' }),
      app('SELECT count(*)::int AS n FROM c', { value: 0 }),
    ],
  },
  {
    id: 'copy-large',
    area: 'copy',
    description: 'COPY FROM STDIN of 50,000 rows (several CopyData messages)',
    steps: [
      app('CREATE TEMP TABLE c (id int, h text)'),
      app('COPY c FROM STDIN', { rowCount: 50000 }, {
        copyIn: Array.from({ length: 50000 }, (_, i) => `${i + 1}\t${createHash('md5').update(String(i + 1)).digest('hex')}\n`).join(''),
      }),
      app('SELECT count(*)::int AS n, bool_and(h = md5(id::text)) AS same FROM c', { rows: [{ n: 50000, same: true }] }),
    ],
  },
  // --- JSONB ---------------------------------------------------------------------------------
  {
    id: 'jsonb-operators',
    area: 'jsonb',
    description: '->, ->>, #>>, @>, ?, ||, jsonb_set, - and invalid input',
    steps: [
      app('SELECT \'{"a":{"b":[1,2,3]}}\'::jsonb -> \'a\' -> \'b\' ->> 1 AS v', { value: '2' }),
      app('SELECT \'{"a":{"b":[1,2,3]}}\'::jsonb #>> \'{a,b,2}\' AS v', { value: '3' }),
      app('SELECT \'{"a":1,"tags":["x","y"]}\'::jsonb @> \'{"tags":["y"]}\' AS v', { value: true }),
      app('SELECT \'{"a":1}\'::jsonb ? \'a\' AS a, \'{"a":1}\'::jsonb ? \'b\' AS b', { rows: [{ a: true, b: false }] }),
      app('SELECT \'{"a":1}\'::jsonb || \'{"b":2}\' AS v', { value: { a: 1, b: 2 } }),
      app('SELECT jsonb_set(\'{"a":{"b":1}}\', \'{a,b}\', \'42\') - \'x\' AS v', { value: { a: { b: 42 } } }),
      app('SELECT $1::jsonb -> $2 AS v', { value: { z: true } }, { params: ['{"k":{"z":true}}', 'k'] }),
      app('SELECT \'{"a":\'::jsonb', fails('22P02')),
    ],
  },
  {
    id: 'jsonb-path',
    area: 'jsonb',
    description: 'jsonb_path_query, jsonb_path_exists and @? with filters',
    steps: [
      app('SELECT jsonb_path_query(\'{"items":[{"p":5},{"p":15},{"p":25}]}\', \'$.items[*] ? (@.p > 10).p\') AS v', { rows: [{ v: 15 }, { v: 25 }] }),
      app('SELECT jsonb_path_exists(\'{"a":[1,2]}\', \'$.a[*] ? (@ == 2)\') AS v', { value: true }),
      app('SELECT \'{"a":[1,2]}\'::jsonb @? \'$.a[*] ? (@ > 5)\' AS v', { value: false }),
      app('SELECT jsonb_path_query(\'{}\', \'strict $.missing\')', fails('2203A')),
    ],
  },
  {
    id: 'jsonb-gin-index',
    area: 'jsonb',
    description: 'a GIN index answers containment queries',
    steps: [
      app('CREATE TEMP TABLE d (id int, doc jsonb)'),
      app('INSERT INTO d SELECT g, jsonb_build_object(\'k\', g % 100, \'tags\', jsonb_build_array(\'t\' || (g % 7))) FROM generate_series(1, 5000) g', { rowCount: 5000 }),
      app('CREATE INDEX d_doc_gin ON d USING gin (doc jsonb_path_ops)'),
      app('ANALYZE d'),
      app('BEGIN'), app('SET LOCAL enable_seqscan = off'),
      app('EXPLAIN (COSTS OFF) SELECT id FROM d WHERE doc @> \'{"k": 7}\'', { contains: 'd_doc_gin' }),
      app('SELECT count(*)::int AS n FROM d WHERE doc @> \'{"k": 7, "tags": ["t0"]}\'', { value: 8 }),
      app('COMMIT'),
    ],
  },
  // --- large results -------------------------------------------------------------------------
  {
    id: 'large-result-cursor-stream',
    area: 'large results',
    description: '100,000 rows streamed through a cursor in batches, checksummed (md5 of g<TAB>md5(g)<LF> for g = 1..100000)',
    steps: [
      app('SELECT g, md5(g::text) AS h FROM generate_series(1, 100000) g ORDER BY g', {
        rowCount: 100000, md5: 'dad45291f173e3ba3cf7de70e1251611',
      }, { streamBatch: 5000 }),
    ],
  },
  {
    id: 'large-result-single',
    area: 'large results',
    description: 'a ~10 MB result in one query',
    steps: [
      app("SELECT g, repeat('x', 1000) AS pad FROM generate_series(1, 10000) g", { rowCount: 10000 }),
      app("SELECT sum(length(repeat('x', 1000)))::int AS n FROM generate_series(1, 10000)", { value: 10000000 }),
    ],
  },
  // --- temp tables ---------------------------------------------------------------------------
  {
    id: 'temp-table-on-commit',
    area: 'temp tables',
    description: 'ON COMMIT DROP and ON COMMIT DELETE ROWS; temp tables are private to their session',
    steps: [
      app('BEGIN'),
      app('CREATE TEMP TABLE x (v int) ON COMMIT DROP'),
      app('INSERT INTO x VALUES (1), (2)'),
      app('SELECT count(*)::int AS n FROM x', { value: 2 }),
      app('COMMIT'),
      app('SELECT * FROM x', fails('42P01')),
      app('CREATE TEMP TABLE y (v int) ON COMMIT DELETE ROWS'),
      app('BEGIN'), app('INSERT INTO y VALUES (1)'), app('SELECT count(*)::int AS n FROM y', { value: 1 }), app('COMMIT'),
      app('SELECT count(*)::int AS n FROM y', { value: 0 }),
      app('CREATE TEMP TABLE z (v int)'),
      app2('SELECT * FROM z', fails('42P01')),
    ],
  },
  // --- advisory locks ------------------------------------------------------------------------
  {
    id: 'advisory-locks',
    area: 'advisory locks',
    description: 'pg_try_advisory_lock excludes a second session until unlocked; xact locks end with the transaction',
    steps: [
      app('SELECT pg_try_advisory_lock(424242) AS v', { value: true }),
      app2('SELECT pg_try_advisory_lock(424242) AS v', { value: false }),
      app('SELECT pg_advisory_unlock(424242) AS v', { value: true }),
      app2('SELECT pg_try_advisory_lock(424242) AS v', { value: true }),
      app2('SELECT pg_advisory_unlock(424242) AS v', { value: true }),
      app('BEGIN'), app('SELECT pg_try_advisory_xact_lock(7, 8) AS v', { value: true }),
      app2('SELECT pg_try_advisory_xact_lock(7, 8) AS v', { value: false }),
      app('COMMIT'),
      app2('SELECT pg_try_advisory_xact_lock(7, 8) AS v', { value: true }),
    ],
  },
  // --- LISTEN/NOTIFY -------------------------------------------------------------------------
  {
    id: 'listen-notify',
    area: 'listen/notify',
    description: 'a notification reaches the listening session; one sent in a rolled-back transaction does not',
    steps: [
      app('LISTEN tb_regression'),
      app2("NOTIFY tb_regression, 'hello'"),
      { awaitNotification: 'tb_regression', expect: { value: 'hello' } },
      app2('BEGIN'), app2("SELECT pg_notify('tb_regression', 'lost')"), app2('ROLLBACK'),
      app2('BEGIN'), app2("SELECT pg_notify('tb_regression', 'kept')"), app2('COMMIT'),
      { awaitNotification: 'tb_regression', expect: { value: 'kept' } },
      app('UNLISTEN *'),
    ],
  },
  // --- statement_timeout ---------------------------------------------------------------------
  {
    id: 'statement-timeout',
    area: 'statement_timeout',
    description: 'SET LOCAL statement_timeout cancels a long statement (57014) and ends with the transaction',
    steps: [
      app('BEGIN'), app("SET LOCAL statement_timeout = '200ms'"),
      app('SELECT pg_sleep(5)', fails('57014')),
      app('ROLLBACK'),
      app('SELECT 1 AS v FROM pg_sleep(0.3)', { value: 1 }),
      app("SET statement_timeout = '100ms'"), app('SELECT pg_sleep(1)', fails('57014')), app('RESET statement_timeout'),
    ],
  },
  // --- privileges ----------------------------------------------------------------------------
  {
    id: 'privileges-read-only-role',
    area: 'privileges',
    description: 'the read-only role reads tables the app role creates later, runs read-only transactions by default and cannot write or create anything even when it turns that off',
    steps: [
      app('CREATE TABLE {{table}} (id int PRIMARY KEY, note text)'),
      app("INSERT INTO {{table}} VALUES (1, 'one')", { rowCount: 1 }),
      ro('SELECT id, note FROM {{table}}', { rows: [{ id: 1, note: 'one' }] }),
      // its transactions are read-only by default (bootstrap's role setting) ...
      ro('SHOW default_transaction_read_only', { value: 'on' }),
      ro("INSERT INTO {{table}} VALUES (2, 'two')", fails('25006')),
      // ... and when it turns that off, the privileges still refuse every write
      ro('SET default_transaction_read_only = off'),
      ro("INSERT INTO {{table}} VALUES (2, 'two')", fails('42501')),
      ro("UPDATE {{table}} SET note = 'x'", fails('42501')),
      ro('DELETE FROM {{table}}', fails('42501')),
      ro('TRUNCATE {{table}}', fails('42501')),
      ro('CREATE TABLE tb_regression_ro (id int)', fails('42501')),
      ro('CREATE TABLE public.tb_regression_ro (id int)', fails('42501')),
      ro('DROP TABLE {{table}}', fails('42501')),
      app('DROP TABLE {{table}}'),
    ],
    cleanup: ['DROP TABLE IF EXISTS {{table}}'],
  },
  {
    id: 'privileges-public-schema',
    area: 'privileges',
    description: 'nobody creates objects in the public schema (its ACL grants PUBLIC no CREATE, as on PostgreSQL 15+ where clusters upgraded from 14 still grant it); the app role creates in its own',
    steps: [
      // the ACL itself: on PostgreSQL 15+ the CREATE below fails by default, so it alone would pass
      // trivially on a cluster whose public schema still grants CREATE to PUBLIC (upgraded from 14)
      app(`SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n,
             pg_catalog.aclexplode(coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) a
             WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') AS v`, { value: true }),
      app("SELECT pg_catalog.has_schema_privilege('public', 'public', 'CREATE') AS v", { value: false }),
      app('CREATE TABLE public.tb_regression_public (id int)', fails('42501')),
      app('SELECT current_schema() = current_user AS v', { value: true }),
    ],
    cleanup: ['DROP TABLE IF EXISTS public.tb_regression_public'],
  },
  // --- types and errors ----------------------------------------------------------------------
  {
    id: 'types-and-errors',
    area: 'types',
    description: 'numeric exactness, time zones, arrays, and the SQLSTATEs drivers map to exceptions',
    steps: [
      app('SELECT (0.1::numeric + 0.2)::text AS v', { value: '0.3' }),
      app("SET TIME ZONE 'UTC'"),
      app("SELECT '2024-01-01 12:00+02'::timestamptz::text AS v", { value: '2024-01-01 10:00:00+00' }),
      app('SELECT ARRAY[1, 2, 3] || 4 AS v', { value: [1, 2, 3, 4] }),
      app('SELEC 1', fails('42601')),
      app('SELECT no_such_column FROM pg_class', fails('42703')),
      app('SELECT 2147483647::int + 1', fails('22003')),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------------------------

interface Session {
  readonly client: Client;
  readonly notifications: Notification[];
}

/** What a step produced, normalised for comparison. */
interface Outcome {
  readonly rows?: Record<string, unknown>[];
  readonly rowCount?: number;
  readonly text?: string;
  readonly md5?: string;
  readonly value?: unknown;
}

class SessionPool {
  private readonly sessions = new Map<SessionName, Session>();
  constructor(private readonly target: RegressionTarget) {}

  public async get(name: SessionName): Promise<Session> {
    let session = this.sessions.get(name);
    if (!session) {
      const client = new Client(name === 'ro' ? this.target.readOnly : this.target.app);
      client.on('error', () => undefined);
      const notifications: Notification[] = [];
      client.on('notification', (n) => notifications.push(n));
      await client.connect();
      session = { client, notifications };
      this.sessions.set(name, session);
    }
    return session;
  }

  public async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.client.end().catch(() => undefined)));
    this.sessions.clear();
  }
}

function normalise(rows: unknown[]): Record<string, unknown>[] {
  // JSON round trip: Dates become ISO strings, Buffers plain objects, undefined disappears
  return JSON.parse(JSON.stringify(rows));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

async function waitForNotification(session: Session, channel: string, timeoutMs: number): Promise<Notification> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = session.notifications.findIndex((n) => n.channel === channel);
    if (index >= 0) {
      return session.notifications.splice(index, 1)[0];
    }
    if (Date.now() > deadline) {
      throw new Error(`no notification on channel ${channel} within ${timeoutMs} ms`);
    }
    // notifications arrive on the socket; poll the local queue without a round trip
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stream(client: Client, sql: string, batch: number): Promise<Outcome> {
  const hash = createHash('md5');
  let count = 0;
  await client.query('BEGIN');
  try {
    await client.query(`DECLARE tb_stream NO SCROLL CURSOR FOR ${sql}`);
    for (;;) {
      const result = await client.query({ text: `FETCH ${batch} FROM tb_stream`, rowMode: 'array' });
      for (const row of result.rows as unknown[][]) {
        hash.update(row.map((v) => (v === null ? '\\N' : String(v))).join('\t') + '\n');
      }
      count += result.rows.length;
      if (result.rows.length < batch) {
        break;
      }
    }
    await client.query('CLOSE tb_stream');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return { rowCount: count, md5: hash.digest('hex') };
}

async function execute(pool: SessionPool, step: RegressionStep, table: string): Promise<Outcome> {
  const session = await pool.get(step.session ?? 'app');
  if (step.awaitNotification) {
    const n = await waitForNotification(session, step.awaitNotification, 5_000);
    return { value: n.payload };
  }
  const sql = (step.sql ?? '').replace(/\{\{table\}\}/g, table);
  if (step.copyIn !== undefined) {
    const r = await copyFrom(session.client, sql, step.copyIn);
    return { rowCount: r.rowCount };
  }
  if (step.copyOut) {
    const r = await copyTo(session.client, sql);
    return { rowCount: r.rowCount, text: r.data.toString('utf8') };
  }
  if (step.streamBatch) {
    return stream(session.client, sql, step.streamBatch);
  }
  const result: QueryResult = await session.client.query({
    text: sql,
    values: step.params ? [...step.params] : undefined,
    name: step.statementName,
  });
  const rows = normalise(result.rows ?? []);
  const first = rows[0];
  return { rows, rowCount: result.rowCount ?? rows.length, value: first ? Object.values(first)[0] : undefined };
}

function check(expect: Expectation, outcome: Outcome): string | undefined {
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300);
  if (expect.rows !== undefined && !sameJson(expect.rows, outcome.rows)) {
    return `expected rows ${show(expect.rows)}, got ${show(outcome.rows)}`;
  }
  if ('value' in expect && !sameJson(expect.value, outcome.value)) {
    return `expected value ${show(expect.value)}, got ${show(outcome.value)}`;
  }
  if (expect.rowCount !== undefined && expect.rowCount !== outcome.rowCount) {
    return `expected rowCount ${expect.rowCount}, got ${outcome.rowCount}`;
  }
  if (expect.text !== undefined && expect.text !== outcome.text) {
    return `expected output ${show(expect.text)}, got ${show(outcome.text)}`;
  }
  if (expect.md5 !== undefined && expect.md5 !== outcome.md5) {
    return `expected md5 ${expect.md5}, got ${outcome.md5}`;
  }
  if (expect.contains !== undefined) {
    const haystack = outcome.text ?? JSON.stringify(outcome.rows ?? []);
    if (!haystack.includes(expect.contains)) {
      return `expected output containing ${show(expect.contains)}, got ${show(haystack)}`;
    }
  }
  return undefined;
}

function describeStep(step: RegressionStep, index: number): string {
  const what = step.awaitNotification ? `await notification on ${step.awaitNotification}` : (step.sql ?? '').slice(0, 120);
  return `step ${index + 1} [${step.session ?? 'app'}] ${what}`;
}

/** Runs one case on fresh sessions; never throws. */
export async function runCase(target: RegressionTarget, c: RegressionCase, table: string): Promise<RegressionCaseResult> {
  const started = Date.now();
  const pool = new SessionPool(target);
  let failure: string | undefined;
  try {
    for (const [index, step] of c.steps.entries()) {
      const expect = step.expect ?? ok;
      let outcome: Outcome | undefined;
      try {
        outcome = await execute(pool, step, table);
      } catch (e) {
        const code = (e as { code?: string }).code;
        const message = e instanceof Error ? e.message : String(e);
        if (expect.error && expect.error === code) {
          continue;
        }
        failure = `${describeStep(step, index)}: ${expect.error ? `expected SQLSTATE ${expect.error}, got` : 'failed with'} ${code ?? 'no SQLSTATE'}: ${message}`;
        break;
      }
      if (expect.error) {
        failure = `${describeStep(step, index)}: expected SQLSTATE ${expect.error}, but it succeeded`;
        break;
      }
      const mismatch = check(expect, outcome);
      if (mismatch) {
        failure = `${describeStep(step, index)}: ${mismatch}`;
        break;
      }
    }
  } catch (e) {
    // connecting a session failed
    failure = `cannot run: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await pool.closeAll();
  }
  if (c.cleanup?.length) {
    const cleaner = new SessionPool(target);
    try {
      const { client } = await cleaner.get('app');
      for (const sql of c.cleanup) {
        await client.query(sql.replace(/\{\{table\}\}/g, table)).catch(() => undefined);
      }
    } catch {
      // best effort
    } finally {
      await cleaner.closeAll();
    }
  }
  return { id: c.id, area: c.area, passed: failure === undefined, failure, durationMs: Date.now() - started };
}

/**
 * Runs every case (in order, one at a time) and reports each outcome. Never throws for a failing
 * case: the report says which failed and why.
 */
export async function runRegressionSuite(
  target: RegressionTarget,
  cases: ReadonlyArray<RegressionCase> = REGRESSION_CASES,
): Promise<RegressionReport> {
  const table = `tb_regression_${randomBytes(4).toString('hex')}`;
  let serverVersion = 'unknown';
  const probe = new Client(target.app);
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    serverVersion = (await probe.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  } catch (e) {
    serverVersion = `unreachable: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const results: RegressionCaseResult[] = [];
  for (const c of cases) {
    results.push(await runCase(target, c, table));
  }
  const failed = results.filter((r) => !r.passed).length;
  return { passed: failed === 0 && results.length > 0, total: results.length, failed, serverVersion, results };
}
