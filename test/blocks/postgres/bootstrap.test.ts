import { Client, ClientConfig } from 'pg';
import { ADMIN_SECRET, APP_SECRET, APP_USER, Fixture, READ_ONLY_USER } from './harness';
import { scramVerifier } from '../../../src/blocks/postgres/bootstrap.lambda-shared';
import { isTransientConnectionError, quoteIdent, quoteLiteral } from '../../../src/blocks/postgres/connection.lambda-shared';

// the handler logs JSON lines; keep the test output readable (the retry test reads them)
const logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
jest.spyOn(console, 'error').mockImplementation(() => undefined);

async function sql(config: ClientConfig, text: string, values?: unknown[]) {
  const client = new Client(config);
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

async function sqlState(config: ClientConfig, text: string): Promise<string | undefined> {
  try {
    await sql(config, text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** SQLSTATE of `text` inside an explicit READ WRITE transaction (rolled back), or undefined. */
async function readWriteState(config: ClientConfig, text: string): Promise<string | undefined> {
  const client = new Client(config);
  await client.connect();
  try {
    await client.query('BEGIN READ WRITE');
    await client.query(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** Everything bootstrap may touch, read as the superuser (including password hashes). */
async function catalogSnapshot(fx: Fixture): Promise<unknown> {
  return fx.server.superuser(async (c) => {
    const q = async (text: string) => (await c.query(text)).rows;
    return {
      roles: await q(`SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls, rolconnlimit, rolpassword, rolvaliduntil
                      FROM pg_authid WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname`),
      members: await q(`SELECT r.rolname AS role, m.rolname AS member, am.admin_option
                        FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                        WHERE r.rolname NOT LIKE 'pg\\_%' ORDER BY 1, 2`),
      settings: await q('SELECT setrole::regrole::text AS role, setdatabase, setconfig FROM pg_db_role_setting ORDER BY 1, 2'),
      schemas: await q(`SELECT nspname, pg_get_userbyid(nspowner) AS owner, nspacl::text FROM pg_namespace
                        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`),
      defaultAcls: await q('SELECT defaclrole::regrole::text AS role, defaclnamespace::regnamespace::text AS schema, defaclobjtype, defaclacl::text FROM pg_default_acl ORDER BY 1, 2, 3'),
      database: await q(`SELECT datname, pg_get_userbyid(datdba) AS owner, datacl::text FROM pg_database WHERE datname = '${fx.server.database}'`),
      tables: await q("SELECT relname, relacl::text FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY 1"),
    };
  });
}

describe('bootstrap against a real PostgreSQL server', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await Fixture.create();
  });
  afterAll(async () => fx?.destroy());

  test('Create reports SUCCESS to CloudFormation with the role names', async () => {
    const response = await fx.bootstrap('Create');
    expect(response.Reason).toBe('OK');
    expect(response).toMatchObject({
      Status: 'SUCCESS',
      RequestId: 'request-1',
      LogicalResourceId: 'Bootstrap',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/1',
      PhysicalResourceId: `${fx.server.database}@127.0.0.1`,
      Data: { AppUser: APP_USER, ReadOnlyUser: READ_ONLY_USER, Schema: APP_USER },
    });
    expect(Number(response.Data?.Changes)).toBeGreaterThan(0);
  });

  test('creates both roles as LOGIN, non-superuser, with the passwords from their secrets', async () => {
    const roles = await fx.server.superuser(async (c) => (await c.query(
      'SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname', [[APP_USER, READ_ONLY_USER]])).rows);
    expect(roles).toEqual([
      { rolname: APP_USER, rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false },
      { rolname: READ_ONLY_USER, rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false },
    ]);
    // both log in over TLS with their secrets' passwords (the read-only one contains a quote)
    expect((await sql(fx.config('app'), 'SELECT current_user AS u')).rows).toEqual([{ u: APP_USER }]);
    expect((await sql(fx.config('ro'), 'SELECT current_user AS u')).rows).toEqual([{ u: READ_ONLY_USER }]);
  });

  test('the password is stored as a SCRAM-SHA-256 verifier computed by the handler', async () => {
    const rows = await fx.server.superuser(async (c) => (await c.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [APP_USER])).rows);
    expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  });

  test('the app role owns the app schema, which its default search_path finds', async () => {
    expect((await sql(fx.config('app'), "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'app'")).rows).toEqual([{ owner: APP_USER }]);
    await sql(fx.config('app'), 'CREATE TABLE orders (id int PRIMARY KEY, total numeric)');
    await sql(fx.config('app'), 'INSERT INTO orders VALUES (1, 9.5)');
    expect((await sql(fx.config('app'), "SELECT relnamespace::regnamespace::text AS s FROM pg_class WHERE relname = 'orders'")).rows).toEqual([{ s: 'app' }]);
  });

  test('the read-only role can SELECT a table the app role created after bootstrap (default privileges)', async () => {
    expect((await sql(fx.config('ro'), 'SELECT id, total FROM orders')).rows).toEqual([{ id: 1, total: '9.5' }]);
    expect((await sql(fx.config('ro'), 'SHOW search_path')).rows).toEqual([{ search_path: 'app' }]);
  });

  test.each([
    ['INSERT', 'INSERT INTO app.orders VALUES (2, 1)'],
    ['UPDATE', 'UPDATE app.orders SET total = 0'],
    ['DELETE', 'DELETE FROM app.orders'],
    ['TRUNCATE', 'TRUNCATE app.orders'],
    ['DROP', 'DROP TABLE app.orders'],
    ['CREATE in the app schema', 'CREATE TABLE app.ro_table (id int)'],
    ['CREATE in public', 'CREATE TABLE public.ro_table (id int)'],
  ])('the read-only role cannot %s: read-only by default (25006), and 42501 in an explicit READ WRITE transaction', async (_what, statement) => {
    expect(await sqlState(fx.config('ro'), statement)).toBe('25006');
    // the role setting is defence in depth: the user can ask for a read-write transaction, and the
    // privileges still refuse the write
    expect(await readWriteState(fx.config('ro'), statement)).toBe('42501');
  });

  test('the read-only role runs read-only transactions with a 5-minute statement timeout by default (role settings)', async () => {
    const client = new Client(fx.config('ro'));
    await client.connect();
    try {
      expect((await client.query('SHOW default_transaction_read_only')).rows).toEqual([{ default_transaction_read_only: 'on' }]);
      expect((await client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '5min' }]);
    } finally {
      await client.end();
    }
    // the app role is unaffected
    expect((await sql(fx.config('app'), 'SHOW default_transaction_read_only')).rows).toEqual([{ default_transaction_read_only: 'off' }]);
  });

  test('nobody but the database owner can create in public: the app role gets 42501', async () => {
    expect(await sqlState(fx.config('app'), 'CREATE TABLE public.app_table (id int)')).toBe('42501');
    const acl = await fx.server.superuser(async (c) => (await c.query("SELECT has_schema_privilege('public', 'public', 'CREATE') AS v")).rows);
    expect(acl).toEqual([{ v: false }]);
  });

  test('Update re-run changes nothing in the catalog (roles, password hashes, memberships, ACLs, default privileges)', async () => {
    const before = await catalogSnapshot(fx);
    const response = await fx.bootstrap('Update');
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { Changes: '0' } });
    expect(await catalogSnapshot(fx)).toEqual(before);
  });

  test('Update after the secret changed sets the new password, and only that', async () => {
    const before = (await catalogSnapshot(fx)) as { roles: { rolname: string; rolpassword: string }[] };
    fx.secrets.values.set(APP_SECRET, { username: APP_USER, password: 'a-new-Passw0rd' });
    const response = await fx.bootstrap('Update');
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { Changes: '1' } });
    const after = (await catalogSnapshot(fx)) as typeof before;
    expect(after.roles.find((r) => r.rolname === APP_USER)!.rolpassword).not.toBe(before.roles.find((r) => r.rolname === APP_USER)!.rolpassword);
    const others = (snapshot: typeof before) => ({ ...snapshot, roles: snapshot.roles.filter((r) => r.rolname !== APP_USER) });
    expect(others(after)).toEqual(others(before));
    expect((await sql(fx.config('app'), 'SELECT current_user AS u')).rows).toEqual([{ u: APP_USER }]);
  });

  test('Delete is harmless: SUCCESS, and roles, schema and data stay', async () => {
    const before = await catalogSnapshot(fx);
    const response = await fx.bootstrap('Delete');
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${fx.server.database}@127.0.0.1` });
    expect(await catalogSnapshot(fx)).toEqual(before);
    expect((await sql(fx.config('app'), 'SELECT count(*)::int AS n FROM orders')).rows).toEqual([{ n: 1 }]);
  });

  test('Delete of a failed Create reports SUCCESS without touching the database', async () => {
    const calls = fx.secrets.calls();
    const event = { ...fx.event('Delete'), PhysicalResourceId: 'create-failed' };
    await fx.handler()(event);
    expect(fx.catcher.responses.at(-1)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'create-failed' });
    expect(fx.secrets.calls()).toBe(calls);
  });

  test('reports FAILED when the admin password is wrong, without retrying a non-transient error', async () => {
    const good = fx.secrets.values.get(ADMIN_SECRET)!;
    fx.secrets.values.set(ADMIN_SECRET, { ...good, password: 'wrong' });
    try {
      const started = Date.now();
      const response = await fx.bootstrap('Update');
      expect(response.Status).toBe('FAILED');
      expect(response.Reason).toMatch(/after 1 attempt\(s\): password authentication failed for user "tb_admin"/);
      expect(response.Reason).not.toContain('wrong');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      fx.secrets.values.set(ADMIN_SECRET, good);
    }
  });

  test('reports FAILED when a secret lacks a password, without leaking the secret', async () => {
    const broken = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:broken';
    const handler = fx.handler({ env: fx.env({ READ_ONLY_SECRET_ARN: broken }) });
    fx.secrets.values.set(broken, { username: 'x' } as never);
    await handler(fx.event('Update', { ReadOnlySecretArn: broken }));
    expect(fx.catcher.responses.at(-1)).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/secret:broken lacks a string "username" and "password"/) });
  });

  test('reports FAILED when a property is missing', async () => {
    await fx.handler()(fx.event('Create', { Host: undefined }));
    expect(fx.catcher.responses.at(-1)).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'create-failed', Reason: expect.stringMatching(/^missing property Host/) });
  });

  test('reports FAILED when the server does not trust-verify (TLS with rejectUnauthorized and an unknown CA)', async () => {
    const response = await fx.bootstrap('Update', { ssl: { rejectUnauthorized: true } });
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/self[- ]signed certificate/);
  });

  test('reports FAILED when the app and read-only secrets name the same user', async () => {
    const response = await fx.handler({ env: fx.env({ READ_ONLY_SECRET_ARN: APP_SECRET }) })(fx.event('Update', { ReadOnlySecretArn: APP_SECRET }));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/the app and read-only users must differ/) });
  });

  // issue 9.7: whoever may invoke the bootstrap cannot point it at another host or secret
  test.each([
    ['Host', 'attacker.example.com', 'DB_HOST'],
    ['Port', '6543', 'DB_PORT'],
    ['Database', 'postgres', 'DB_NAME'],
    ['AdminSecretArn', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-admin', 'ADMIN_SECRET_ARN'],
    ['AppSecretArn', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-app', 'APP_SECRET_ARN'],
    ['ReadOnlySecretArn', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other-ro', 'READ_ONLY_SECRET_ARN'],
  ])('reports FAILED without reading a secret or connecting when the event\'s %s differs from the function configuration', async (property, value, variable) => {
    const calls = fx.secrets.calls();
    const response = await fx.handler()(fx.event('Update', { [property]: value }));
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(new RegExp(`^property ${property} does not match the function's configuration \\(${variable}\\); refusing to connect elsewhere`)),
    });
    expect(fx.secrets.calls()).toBe(calls);
  });

  test('reports FAILED when the function configuration lacks a secret ARN', async () => {
    const response = await fx.handler({ env: fx.env({ ADMIN_SECRET_ARN: undefined }) })(fx.event('Update'));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^environment variable ADMIN_SECRET_ARN is not set/) });
  });
});

describe('bootstrap waits for a database that does not accept connections yet', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await Fixture.create({ start: false });
  });
  afterAll(async () => fx?.destroy());

  test('retries with backoff until the server starts, then succeeds', async () => {
    logSpy.mockClear();
    const pending = fx.bootstrap('Create');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await fx.server.start();
    const response = await pending;
    expect(response.Reason).toBe('OK');
    expect(response.Status).toBe('SUCCESS');
    const retries = logSpy.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('database not accepting connections yet'));
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries[0]).toContain('ECONNREFUSED');
  });

  test('reports FAILED once the deadline passes while the server is down', async () => {
    await fx.server.stop();
    const started = Date.now();
    const response = await fx.bootstrap('Update', { defaultBudgetMs: 2_000 });
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/cannot connect to 127\.0\.0\.1:\d+\/app as tb_admin after \d+ attempt\(s\): .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('helpers', () => {
  test.each([
    ['app', '"app"'],
    ['we"ird', '"we""ird"'],
    ['Robert"); DROP TABLE students;--', '"Robert""); DROP TABLE students;--"'],
  ])('quoteIdent(%j) is %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  test('throws when an identifier is empty', () => {
    expect(() => quoteIdent('')).toThrow('invalid SQL identifier');
  });

  test('quoteLiteral doubles single quotes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });

  test.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P03' }, true],
    [{ message: 'timeout expired' }, true],
    [{ code: '28P01' }, false],
    [{ code: '42501' }, false],
  ])('isTransientConnectionError(%j) is %s', (error, expected) => {
    expect(isTransientConnectionError(error)).toBe(expected);
  });

  test('scramVerifier matches the RFC 7677 test vector', () => {
    // RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations
    const verifier = scramVerifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
    expect(verifier).toBe('SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=');
  });
});
