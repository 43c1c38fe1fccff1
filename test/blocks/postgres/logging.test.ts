// Issue 8.2: no secret or personal data in any log line. The real PostgreSQL server of the test
// suite is configured with the block's own parameter map (POSTGRES_PARAMETERS, which the block
// puts in its cluster parameter group: one source of truth), then provoked three ways; its log
// must hold neither the password nor any parameter value.
import { Template } from 'aws-cdk-lib/assertions';
import { Client } from 'pg';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { POSTGRES_PARAMETERS } from '../../../src/blocks/postgres/parameters';
import { TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';
import { PostgresServer } from '../../support/postgres-server';

test('the block\'s cluster parameter group is exactly POSTGRES_PARAMETERS', () => {
  const stack = testStack();
  new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  const groups = Object.values(Template.fromStack(stack).findResources('AWS::RDS::DBClusterParameterGroup')) as any[];
  expect(groups).toHaveLength(1);
  expect(groups[0].Properties.Parameters).toEqual(POSTGRES_PARAMETERS);
});

test('the logging parameters that keep secrets and personal data out of the log are set', () => {
  expect(POSTGRES_PARAMETERS).toMatchObject({
    'log_min_error_statement': 'panic',
    'log_parameter_max_length': '0',
    'log_parameter_max_length_on_error': '0',
    'log_statement': 'none',
    'pgaudit.log_parameter': '0',
  });
});

describe('the PostgreSQL log holds no password and no statement parameter (real server, the block\'s parameters)', () => {
  let server: PostgresServer;
  let applied: string[];
  const marker = `m${Date.now()}`;

  async function asAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client(server.adminConfig());
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    server = await PostgresServer.create();
    // the block's parameters that this PostgreSQL knows and can change at runtime (pgaudit,
    // rds.* and shared_preload_libraries are Aurora's or need a restart), applied like a parameter group
    applied = await server.superuser(async (c) => {
      const known = (await c.query<{ name: string }>(
        "SELECT name FROM pg_settings WHERE name = ANY($1) AND context <> 'postmaster'", [Object.keys(POSTGRES_PARAMETERS)])).rows.map((r) => r.name);
      for (const name of known) {
        await c.query(`ALTER SYSTEM SET ${name} = '${POSTGRES_PARAMETERS[name]}'`);
      }
      await c.query('SELECT pg_reload_conf()');
      return known.sort();
    });
  }, 60_000);
  afterAll(async () => server?.destroy());

  test('the logging parameters are applied to the real server', async () => {
    expect(applied).toEqual(expect.arrayContaining([
      'log_statement', 'log_min_duration_statement', 'log_connections', 'log_min_error_statement', 'log_parameter_max_length', 'log_parameter_max_length_on_error',
    ]));
    const settings = await server.superuser(async (c) => (await c.query(
      `SELECT name, setting FROM pg_settings WHERE name IN
        ('log_statement', 'log_min_duration_statement', 'log_min_error_statement', 'log_parameter_max_length', 'log_parameter_max_length_on_error') ORDER BY name`)).rows);
    expect(settings).toEqual([
      { name: 'log_min_duration_statement', setting: '1000' },
      { name: 'log_min_error_statement', setting: 'panic' },
      { name: 'log_parameter_max_length', setting: '0' },
      { name: 'log_parameter_max_length_on_error', setting: '0' },
      { name: 'log_statement', setting: 'none' },
    ]);
  });

  test('a failed ALTER ROLE ... PASSWORD \'<literal>\' (refused in a read-only transaction) leaves no trace of the password', async () => {
    const password = `pw-${marker}-failed`;
    await asAdmin(async (c) => {
      await c.query("CREATE ROLE rotated LOGIN PASSWORD 'first-one'");
      await c.query('BEGIN READ ONLY');
      await expect(c.query(`ALTER ROLE rotated WITH PASSWORD '${password}'`)).rejects.toMatchObject({ code: '25006' });
      await c.query('ROLLBACK');
      // and one that succeeds (what the SAR rotation ran every 30 days)
      await c.query(`ALTER USER rotated WITH PASSWORD '${password}-2'`);
    });
    const log = server.log();
    // the error itself is logged (the log is live) ...
    expect(log).toContain('cannot execute ALTER ROLE in a read-only transaction');
    // ... but not the statement that carried the password
    expect(log).not.toContain(password);
  });

  test('a slow statement with bind parameters is logged with its duration, never with the parameter values', async () => {
    const email = `alice-${marker}@example.com`;
    await asAdmin((c) => c.query('SELECT pg_sleep(1.1), $1::text AS email', [email]));
    const log = server.log();
    expect(log).toMatch(/duration: \d+\.\d+ ms/);
    expect(log).not.toContain(email);
  });

  test('an erroring statement with bind parameters logs the error, never the statement text or the parameter values', async () => {
    const email = `bob-${marker}@example.com`;
    const literal = `carol-${marker}`;
    await asAdmin(async (c) => {
      await expect(c.query(`SELECT 1 / 0 WHERE $1::text <> '${literal}'`, [email])).rejects.toMatchObject({ code: '22012' });
    });
    const log = server.log();
    expect(log).toContain('division by zero');
    expect(log).not.toContain(email);
    expect(log).not.toContain(literal);
  });
});
