// POST /tenants/{id}/logs and GET /tenants/{id}/logs/{queryId} (issue 23 §3): the real API handler
// on dynalite, the hub's own TenantLogQuery run by the console's local engine (PostgreSQL shaped
// like the hub's Glue tables, partitioned by account and day).
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { deployedTenant, newWorld, World } from './lifecycle-support';
import { LocalDynamo, devSpec, provisionerStack, startDynalite, TENANT_ACCOUNTS } from './support';
import { handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { lineOf, LogAccess } from '../../../src/platform/provisioner/logs.lambda-shared';
import { marshallItem } from '../../../src/platform/provisioner/registry.lambda-shared';
import { authorizeApiRequest } from '../../../src/platform/provisioner/scopes-api.lambda-shared';
import { AccessPolicy } from '../../../src/platform/provisioner/scopes.lambda-shared';
import { LocalLogQueryEngine } from '../console/local/pg-engine';

jest.setTimeout(120_000);

const [ACME_ACCOUNT, GLOBEX_ACCOUNT] = TENANT_ACCOUNTS;
const FN = '/aws/lambda/Tenant-acme-AppHandler-1';
const DB = '/aws/rds/cluster/acme-1a2b3c4d/postgresql';
const REQ = '8f5c2a4e-1111-4d2c-9a7e-0123456789ab';
const NOW = new Date('2026-11-28T12:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

let dynamo: LocalDynamo;
let engine: LocalLogQueryEngine;
const hubQueries: string[] = [];
/** The engine, recording what was started. */
const tracked: LogAccess['engine'] = {
  start: async (q) => {
    const id = await engine.start(q);
    hubQueries.push(id);
    return id;
  },
  status: (id) => engine.status(id),
  results: (id, token, max) => engine.results(id, token, max),
  stop: (id) => engine.stop(id),
};
const stack = provisionerStack().stack;

beforeAll(async () => {
  dynamo = await startDynalite();
  engine = await LocalLogQueryEngine.create([ACME_ACCOUNT, GLOBEX_ACCOUNT], NOW);
  await engine.addLogLines([
    { account: ACME_ACCOUNT, logGroup: FN, time: at(10), message: `{"time":"x","type":"platform.start","record":{"requestId":"${REQ}","version":"2"}}` },
    { account: ACME_ACCOUNT, logGroup: FN, time: at(9), message: JSON.stringify({ timestamp: at(9).toISOString(), level: 'INFO', requestId: REQ, message: 'GET /orders 200' }) },
    { account: ACME_ACCOUNT, logGroup: DB, time: at(8), message: '2026-11-28 11:52:00 UTC:10.0.3.17(41870):app@app:[812]:LOG:  duration: 12.3 ms  statement: SELECT 1' },
    { account: ACME_ACCOUNT, logGroup: FN, time: at(7), message: `2026-11-28T11:53:00.000Z\t${REQ}\tERROR\tOrder lookup failed` },
    { account: ACME_ACCOUNT, logGroup: DB, time: at(6), message: '2026-11-28 11:54:00 UTC:10.0.3.17(41870):app@app:[812]:ERROR:  relation "orderz" does not exist' },
    { account: ACME_ACCOUNT, logGroup: '/aws/vendedlogs/other', time: at(5), message: 'not a function or database line' },
    { account: ACME_ACCOUNT, logGroup: FN, time: at(200), message: 'too old for the range' },
    { account: GLOBEX_ACCOUNT, logGroup: '/aws/lambda/Tenant-globex-AppHandler-9', time: at(8), message: 'globex secret line' },
  ]);
});
afterAll(async () => {
  // Queries run in the background: let them end before the server goes.
  for (const id of hubQueries) {
    for (let i = 0; i < 100 && ['RUNNING', 'QUEUED'].includes((await engine.status(id))?.state ?? ''); i++) await new Promise((r) => setTimeout(r, 50));
  }
  await engine.close();
  await dynamo.close();
});

const GROUPS: Record<string, string[]> = { acme: [FN, DB, '/aws/vendedlogs/other'], globex: ['/aws/lambda/Tenant-globex-AppHandler-9'] };

async function world(logs: LogAccess | null = { engine: tracked, logGroupsOf: async (t) => GROUPS[t.tenantId] ?? [] }): Promise<World> {
  const w = await newWorld(dynamo.client, stack, new Date(NOW.getTime() - 3_600_000).toISOString());
  if (logs) w.use({ logs });
  await deployedTenant(w, devSpec('acme'));
  await deployedTenant(w, devSpec('globex', { account: GLOBEX_ACCOUNT }));
  return w;
}

const start = (w: World, id: string, body: unknown) => w.call('POST', '/tenants/{tenantId}/logs', { tenantId: id }, body);
const read = (w: World, id: string, queryId: string, nextToken?: string) =>
  w.call('GET', '/tenants/{tenantId}/logs/{queryId}', { tenantId: id, queryId }, undefined, {}, nextToken ? { nextToken } : undefined);

/** Reads until the query is no longer RUNNING, then every page. */
async function allLines(w: World, id: string, queryId: string): Promise<{ pages: number; lines: any[] }> {
  let res = await read(w, id, queryId);
  for (let i = 0; res.json.status === 'RUNNING' && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    res = await read(w, id, queryId);
  }
  expect(res.json.status).toBe('SUCCEEDED');
  const lines = [...res.json.lines];
  let pages = 1;
  while (res.json.nextToken) {
    res = await read(w, id, queryId, res.json.nextToken);
    lines.push(...res.json.lines);
    pages++;
  }
  return { pages, lines };
}

const range = { since: at(60).toISOString(), until: NOW.toISOString() };

describe('a tenant\'s log lines from the hub', () => {
  test('function and database lines of the tenant\'s account, merged by time, with request id and level', async () => {
    const w = await world();
    const started = await start(w, 'acme', range);
    expect(started.statusCode).toBe(202);
    expect(started.json).toEqual({ queryId: expect.stringMatching(/^[A-Za-z0-9-]+$/) });
    const { lines } = await allLines(w, 'acme', started.json.queryId);
    expect(lines).toEqual([
      { timestamp: at(10).toISOString(), source: 'function', requestId: REQ, level: 'PLATFORM', message: `platform.start {"requestId":"${REQ}","version":"2"}` },
      { timestamp: at(9).toISOString(), source: 'function', requestId: REQ, level: 'INFO', message: 'GET /orders 200' },
      { timestamp: at(8).toISOString(), source: 'database', requestId: null, level: 'LOG', message: 'duration: 12.3 ms  statement: SELECT 1' },
      { timestamp: at(7).toISOString(), source: 'function', requestId: REQ, level: 'ERROR', message: 'Order lookup failed' },
      { timestamp: at(6).toISOString(), source: 'database', requestId: null, level: 'ERROR', message: 'relation "orderz" does not exist' },
    ]);
    await w.dispose();
  });

  test('a filter keeps the lines that contain it (case-insensitive)', async () => {
    const w = await world();
    const started = await start(w, 'acme', { ...range, filter: 'ORDER' });
    const { lines } = await allLines(w, 'acme', started.json.queryId);
    expect(lines.map((l) => l.message)).toEqual(['GET /orders 200', 'Order lookup failed', 'relation "orderz" does not exist']);
    await w.dispose();
  });

  test('pages of `limit` lines follow each other without a gap or a repeat', async () => {
    const w = await world();
    const started = await start(w, 'acme', { ...range, limit: 2 });
    const { pages, lines } = await allLines(w, 'acme', started.json.queryId);
    expect(pages).toBe(3);
    expect(lines.map((l) => l.timestamp)).toEqual([10, 9, 8, 7, 6].map((m) => at(m).toISOString()));
    await w.dispose();
  });

  test('by default the log groups are the tenant record\'s logGroups', async () => {
    const w = await world({ engine: tracked });
    const none = await start(w, 'acme', range);
    expect(none.statusCode).toBe(409);
    expect(none.json).toMatchObject({ cause: 'STATE' });
    expect(none.json.message).toMatch(/the log groups of tenant 'acme' are not known yet/);
    await dynamo.client.send(new UpdateItemCommand({
      TableName: w.config.tableName,
      Key: marshallItem({ pk: 'TENANT#acme', sk: '#TENANT' }),
      UpdateExpression: 'SET logGroups = :g',
      ExpressionAttributeValues: marshallItem({ ':g': [FN] }),
    }));
    const started = await start(w, 'acme', range);
    const { lines } = await allLines(w, 'acme', started.json.queryId);
    expect(new Set(lines.map((l) => l.source))).toEqual(new Set(['function']));
    await w.dispose();
  });
});

describe('the query id is bound to its tenant', () => {
  test('throws when another tenant\'s path reads it: 404, and no line of another account is ever read', async () => {
    const w = await world();
    const acme = await start(w, 'acme', range);
    const res = await read(w, 'globex', acme.json.queryId);
    expect(res.statusCode).toBe(404);
    expect(res.json.message).toBe(`no log query '${acme.json.queryId}' of tenant 'globex'`);
    const globex = await start(w, 'globex', range);
    const { lines } = await allLines(w, 'globex', globex.json.queryId);
    expect(lines.map((l) => l.message)).toEqual(['globex secret line']);
    await w.dispose();
  });

  test('a caller scoped to globex cannot read acme\'s lines by any path (403 on acme, 404 under its own)', async () => {
    const w = await world();
    const GLOBEX_DEV = 'arn:aws:iam::111111111111:role/globex-dev';
    const READER = 'arn:aws:iam::111111111111:role/reader';
    const policy = new AccessPolicy([
      { principalArn: GLOBEX_DEV, tenantIds: ['globex'], actions: ['READ', 'READ_LOGS'] },
      { principalArn: READER, allTenants: true, actions: ['READ'] },
    ]);
    const acme = await start(w, 'acme', range);
    const deps = {
      registry: w.registry,
      config: w.config,
      now: () => NOW,
      workflows: { startExecution: async () => undefined, sendTaskSuccess: async () => undefined },
      logs: { engine: tracked, logGroupsOf: async (t: { tenantId: string }) => GROUPS[t.tenantId] ?? [] },
    };
    const as = (caller: string, tenantId: string, queryId?: string) => authorizeApiRequest({
      resource: queryId ? '/tenants/{tenantId}/logs/{queryId}' : '/tenants/{tenantId}/logs',
      httpMethod: queryId ? 'GET' : 'POST',
      pathParameters: { tenantId, ...(queryId ? { queryId } : {}) },
      body: queryId ? null : JSON.stringify(range),
      requestContext: { identity: { userArn: caller } },
    }, deps, policy, handleApiRequest);
    expect((await as(GLOBEX_DEV, 'acme', acme.json.queryId)).statusCode).toBe(403);
    expect((await as(GLOBEX_DEV, 'globex', acme.json.queryId)).statusCode).toBe(404);
    expect((await as(GLOBEX_DEV, 'acme')).statusCode).toBe(403);
    // READ alone does not read logs
    expect((await as(READER, 'acme')).statusCode).toBe(403);
    expect((await as(GLOBEX_DEV, 'globex')).statusCode).toBe(202);
    await w.dispose();
  });
});

describe('bad requests', () => {
  test.each([
    ['no since', {}, /^since: is required, an ISO 8601 time/],
    ['until before since', { since: NOW.toISOString(), until: at(5).toISOString() }, /^until: must be after since/],
    ['more than 31 days', { since: at(32 * 1440).toISOString(), until: NOW.toISOString() }, /^since: one query covers at most 31 days/],
    ['a filter over 200 characters', { ...range, filter: 'x'.repeat(201) }, /^filter: must be a text of at most 200 characters \(got: 201 characters\)/],
    ['a limit of 0', { ...range, limit: 0 }, /^limit: must be a whole number from 1 to 1000/],
    ['an unknown field', { ...range, logGroup: FN }, /^logGroup: is not a field of this request/],
  ])('throws for %s: 400', async (_name, body, problem) => {
    const w = await world();
    const before = await w.scan();
    const res = await start(w, 'acme', body);
    expect(res.statusCode).toBe(400);
    expect(res.json.problems[0]).toMatch(problem);
    expect(await w.scan()).toEqual(before);
    await w.dispose();
  });

  test('throws for a nextToken this API did not return: 400', async () => {
    const w = await world();
    const started = await start(w, 'acme', range);
    await allLines(w, 'acme', started.json.queryId);
    const res = await read(w, 'acme', started.json.queryId, Buffer.from('[{"o":-1}]').toString('base64url'));
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual(['nextToken: is not a token this API returned for this query']);
    await w.dispose();
  });

  test('throws without hub log access: 501 with a clear problem', async () => {
    const w = await world(null);
    const res = await start(w, 'acme', range);
    expect(res.statusCode).toBe(501);
    expect(res.json.message).toBe('this provisioner has no hub log access configured');
    await w.dispose();
  });
});

describe('lineOf', () => {
  test.each([
    ['function', '{"timestamp":"t","level":"WARN","requestId":"r-1","message":"slow"}', { requestId: 'r-1', level: 'WARN', message: 'slow' }],
    ['function', '{"level":"INFO","requestId":"r-1","message":{"order":7}}', { requestId: 'r-1', level: 'INFO', message: '{"order":7}' }],
    ['function', `START RequestId: ${REQ} Version: 3`, { requestId: REQ, level: 'PLATFORM', message: `START RequestId: ${REQ} Version: 3` }],
    ['function', 'a plain line', { requestId: null, level: null, message: 'a plain line' }],
    ['database', '2026-11-28 11:54:00 UTC:[local]:postgres@app:[99]:WARNING:  there is no transaction in progress', { requestId: null, level: 'WARNING', message: 'there is no transaction in progress' }],
    ['database', `2026-11-28 11:54:00.123 UTC [${REQ}] LOG:  statement: SELECT 1`, { requestId: REQ, level: 'LOG', message: 'statement: SELECT 1' }],
  ] as Array<['function' | 'database', string, Record<string, unknown>]>)('%s: %s', (source, raw, expected) => {
    expect(lineOf(source, 0, raw)).toEqual({ timestamp: '1970-01-01T00:00:00.000Z', source, ...expected });
  });
});
