import { Template } from 'aws-cdk-lib/assertions';
import { Client } from 'pg';
import { TenantTier } from '../../src/core';
import { TenantPostgres } from '../../src/postgres';
import { testStack } from '../support/app';
import { PostgresServer } from '../support/postgres-server';

/** The parameters of the block's synthesized cluster parameter group. */
function blockParameters(): Record<string, string> {
  const stack = testStack();
  new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  const groups = Object.values(Template.fromStack(stack).findResources('AWS::RDS::DBClusterParameterGroup')) as any[];
  expect(groups).toHaveLength(1);
  return groups[0].Properties.Parameters;
}

describe('the PostgreSQL log never holds a password literal (SAR rotation runs ALTER USER ... PASSWORD \'<literal>\')', () => {
  let server: PostgresServer;
  let applied: string[];
  const literal = `secret-literal-${Date.now()}`;

  beforeAll(async () => {
    server = await PostgresServer.create();
    const parameters = blockParameters();
    // the block's parameters that this PostgreSQL knows and can change at runtime (pgaudit,
    // rds.* and shared_preload_libraries are Aurora's or need a restart), applied like a parameter group
    applied = await server.superuser(async (c) => {
      const known = (await c.query<{ name: string }>(
        "SELECT name FROM pg_settings WHERE name = ANY($1) AND context <> 'postmaster'", [Object.keys(parameters)])).rows.map((r) => r.name);
      for (const name of known) {
        await c.query(`ALTER SYSTEM SET ${name} = '${parameters[name]}'`);
      }
      await c.query('SELECT pg_reload_conf()');
      return known.sort();
    });
  }, 60_000);
  afterAll(async () => server?.destroy());

  test('the logging parameters are applied to the real server', async () => {
    expect(applied).toEqual(expect.arrayContaining(['log_statement', 'log_min_duration_statement', 'log_connections']));
    const settings = await server.superuser(async (c) => (await c.query(
      "SELECT name, setting FROM pg_settings WHERE name IN ('log_statement', 'log_min_duration_statement') ORDER BY name")).rows);
    expect(settings).toEqual([
      { name: 'log_min_duration_statement', setting: '1000' },
      { name: 'log_statement', setting: 'none' },
    ]);
  });

  test('ALTER ROLE ... PASSWORD with a literal (what the rotation runs) leaves no trace of it in the server log', async () => {
    const client = new Client(server.adminConfig());
    await client.connect();
    try {
      await client.query("CREATE ROLE rotated LOGIN PASSWORD 'first-one'");
      await client.query(`ALTER ROLE rotated WITH PASSWORD '${literal}'`);
      await client.query(`ALTER USER rotated WITH PASSWORD '${literal}-2'`);
    } finally {
      await client.end();
    }
    // the log is written synchronously by the backend: the connection log line of this session proves it is live
    const log = server.log();
    expect(log).toContain('connection authorized');
    expect(log).not.toContain(literal);
  });
});
