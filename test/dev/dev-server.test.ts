import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { DevServer } from '../../src/dev/dev-server';
import { LogLine } from '../../src/dev/log-line';

// Issue 23 §1: the app runs locally behind the ALB's exact event shape, with the block's environment
// contract and a real PostgreSQL bootstrapped by the block's own code; a save reloads it.
const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'app');

interface Reply { status: number; statusMessage: string; headers: http.IncomingHttpHeaders; body: Buffer }

function request(url: string, options: { method?: string; headers?: [string, string][]; body?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, statusMessage: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    // repeated headers as separate lines, as a client may send them
    for (const [name, value] of options.headers ?? []) req.appendHeader(name, value);
    req.end(options.body);
  });
}

let dir: string;
let server: DevServer;
const lines: LogLine[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-dev-'));
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  server = await DevServer.start({ appDir: dir, port: 0, tenantId: 'acme', onLog: (l) => lines.push(l) });
}, 120_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the ALB contract', () => {
  test('the handler gets the ALB event: lowercase headers, last value of a repeated header and query parameter, query still encoded, forwarded headers', async () => {
    const reply = await request(`${server.url}/hello/world?name=a%20b&x=1&x=2&flag`, { headers: [['X-Custom', 'one'], ['X-Custom', 'two'], ['Content-Type', 'application/json']] });
    expect(reply.status).toBe(200);
    const { event, env } = JSON.parse(reply.body.toString());
    expect(event).toMatchObject({
      requestContext: { elb: { targetGroupArn: expect.stringMatching(/^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\//) } },
      httpMethod: 'GET',
      path: '/hello/world',
      queryStringParameters: { name: 'a%20b', x: '2', flag: '' },
      body: '',
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('two');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-forwarded-proto']).toBe('http');
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(Object.keys(event.headers).every((h) => h === h.toLowerCase())).toBe(true);
    // the block's environment contract
    expect(env).toEqual({ TENANT_ID: 'acme', TENANT_TIER: 'DEVELOPMENT', DATA_BUCKET_NAME: 'tenant-blocks-dev-acme-data', DB_NAME: 'app' });
    expect(reply.headers['x-greeting']).toBe('hello-1');
  });

  test.each([
    ['a JSON body arrives as text', 'application/json', Buffer.from('{"a":1}'), false],
    ['an XML body arrives as text', 'application/xml; charset=utf-8', Buffer.from('<a/>'), false],
    ['a form body arrives base64-encoded (not a text type for the ALB)', 'application/x-www-form-urlencoded', Buffer.from('a=1&b=2'), true],
    ['a +json body arrives base64-encoded (only application/json is text)', 'application/vnd.api+json', Buffer.from('{"a":1}'), true],
    ['a binary body arrives base64-encoded', 'application/octet-stream', Buffer.from([0, 159, 255]), true],
  ])('%s', async (_name, type, body, base64) => {
    const reply = await request(`${server.url}/echo`, { method: 'POST', headers: [['content-type', type]], body });
    const { event } = JSON.parse(reply.body.toString());
    expect(event.isBase64Encoded).toBe(base64);
    expect(Buffer.from(event.body, base64 ? 'base64' : 'utf8')).toEqual(body);
  });

  test('the result becomes the HTTP response: status, description, headers, a base64 body decoded', async () => {
    const reply = await request(`${server.url}/binary`);
    expect(reply.status).toBe(201);
    expect(reply.statusMessage).toBe('Created');
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect([...reply.body]).toEqual([0, 1, 2, 255]);
  });

  test('a result without statusCode is a 502, as the ALB answers', async () => {
    expect((await request(`${server.url}/broken`)).status).toBe(502);
  });

  test('concurrent requests are served one at a time, each log line with its own request id', async () => {
    const replies = await Promise.all([1, 2, 3, 4].map((n) => request(`${server.url}/concurrent/${n}`)));
    for (const [i, reply] of replies.entries()) {
      const requestId = reply.headers['x-amzn-requestid'];
      expect(lines).toContainEqual(expect.objectContaining({ source: 'function', requestId, message: `request GET /concurrent/${i + 1}` }));
      expect(lines).toContainEqual(expect.objectContaining({ source: 'function', requestId, message: `after /concurrent/${i + 1}` }));
    }
  });

  test('a request body over 1 MB is refused with 413, as the ALB refuses it', async () => {
    expect((await request(`${server.url}/echo`, { method: 'POST', headers: [['content-type', 'text/plain']], body: Buffer.alloc(1024 * 1024 + 1, 97) })).status).toBe(413);
  });

  test('the health check path was invoked at start and its result logged', () => {
    expect(lines.some((l) => l.source === 'dev' && /health check GET \/healthz: 200/.test(l.message))).toBe(true);
  });

  test('what the app logs is a structured line with its request id', async () => {
    const reply = await request(`${server.url}/logged`);
    const requestId = reply.headers['x-amzn-requestid'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContainEqual(expect.objectContaining({ source: 'function', requestId, level: 'INFO', message: 'request GET /logged' }));
  });
});

describe('the local database', () => {
  test('is bootstrapped by the block: the app user owns its schema, TLS verified, the parameter group settings applied', async () => {
    const reply = await request(`${server.url}/db`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual({ who: 'app', schema: 'app', idle: '15min', tls: true });
    expect(server.database!.binaries.major).toBe(17);
  });

  test('refuses connections without TLS, like Aurora with rds.force_ssl', async () => {
    const c = new Client({ host: '127.0.0.1', port: server.database!.port, database: 'app', user: 'app', password: server.databasePassword, ssl: false });
    await expect(c.connect()).rejects.toThrow(/no encryption|pg_hba/);
  });

  test('the database log reaches the terminal with the request id the app set as application_name', async () => {
    const reply = await request(`${server.url}/db`);
    const requestId = reply.headers['x-amzn-requestid'] as string;
    await new Promise((r) => setTimeout(r, 600));
    expect(lines.some((l) => l.source === 'database' && l.requestId === requestId)).toBe(true);
  });
});

describe('save → reload', () => {
  const greetingFile = () => path.join(dir, 'greeting.ts');

  test('a saved change answers without a restart', async () => {
    const before = server.builds.length;
    fs.writeFileSync(greetingFile(), "export function greeting(): string {\n  return 'hello-2';\n}\n");
    await waitFor(() => server.builds.length > before);
    const build = await server.settled();
    expect(build.errors).toEqual([]);
    expect((await request(`${server.url}/`)).headers['x-greeting']).toBe('hello-2');
  });

  test.each([
    ['a syntax error', "export function greeting(): string {\n  return 'hello-3'\n", /greeting\.ts:\d+:\d+: /],
    ['a type error', 'export function greeting(): string {\n  return 42;\n}\n', /greeting\.ts:2:\d+: Type 'number' is not assignable to type 'string'/],
  ])('%s is shown and the last good build keeps serving', async (_name, source, message) => {
    const good = (await request(`${server.url}/`)).headers['x-greeting'];
    const before = server.builds.length;
    fs.writeFileSync(greetingFile(), source);
    await waitFor(() => server.builds.length > before);
    const build = await server.settled();
    expect(build.errors.join('\n')).toMatch(message);
    expect(lines.some((l) => l.source === 'dev' && l.level === 'ERROR' && message.test(l.message))).toBe(true);
    expect((await request(`${server.url}/`)).headers['x-greeting']).toBe(good);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
