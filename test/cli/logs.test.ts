// Issue 23 §3: `tenant-blocks logs` against the local simulation — the bundled CLI as a child
// process, the real API handler and scopes on dynalite, the API's hub queries (TenantLogQuery per
// log group) on a local engine over seeded shipped lines — printed in `tenant-blocks dev`'s format.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { cliEnvironment, LocalApi, LocalIdentity, logGroupsOf, startLocalApi } from './local-api';
import { LocalLogEngine, ShippedLine, auroraText, lambdaText } from './local-logs';
import { parseSince } from '../../src/cli/dev-commands';
import { formatLogLine, fromHubLogLine, fromPostgresLog } from '../../src/dev/log-line';
import { lineOf } from '../../src/platform/provisioner/logs.lambda-shared';
import { devSpec } from '../platform/provisioner/support';

const ROOT = path.join(__dirname, '..', '..');
const ACCOUNTS = ['240987654321', '340987654321'];
const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const as = (name: string, key: string): LocalIdentity => ({
  accessKeyId: key, secretAccessKey: `secret-of-${name}`, principalArn: `arn:aws:sts::111111111111:assumed-role/${name}/cli`,
});
const OPERATOR = as('fleet-operator', 'AKIALOGSOPERATOR0001');
const TEAM_A = as('team-a', 'AKIALOGSTEAMA0000001');

const dir = fs.mkdtempSync(path.join(tmpdir(), 'tenant-blocks-logs-'));
const BUNDLE = path.join(dir, 'tenant-blocks.js');
const R1 = '6c1a2f4e-0b7d-4e8a-9a51-2f0c3d4e5f60';
const R2 = '7d2b3a5f-1c8e-4f9b-8b62-3a1d4e5f6a71';
const NOW = Date.now();
const at = (secondsAgo: number, ms = 0) => new Date(NOW - secondsAgo * 1000 + ms);
let api: LocalApi;
let engine: LocalLogEngine;

const fn = (t: Date, rid: string, level: string, message: string): ShippedLine => ({ account: ACCOUNTS[0], logGroup: logGroupsOf('logs-a').function, time: t, message: lambdaText(t, rid, level, message) });
const db = (t: Date, message: string): ShippedLine => ({ account: ACCOUNTS[0], logGroup: logGroupsOf('logs-a').database, time: t, message });
const iso = (d: Date) => d.toISOString();

/** What the hub holds for tenant logs-a (and, in another account, logs-b). */
const SEEDED: ShippedLine[] = [
  fn(at(20 * 60), R1, 'INFO', 'an old line'),
  fn(at(100), R1, 'INFO', 'GET /orders?id=42'),
  // the local database's prefix carries the application name, which the app sets to the request id
  db(at(100, 5), `${iso(at(100, 5)).replace('T', ' ').replace('Z', '')} UTC [${R1}] LOG:  statement: select * from app.orders where id = $1`),
  db(at(100, 9), auroraText(at(100, 9), 'ERROR', 'canceling statement due to statement timeout')),
  fn(at(90), R1, 'WARN', 'slow query: 5012 ms'),
  fn(at(90), R1, 'WARN', 'slow query: 5012 ms'),
  fn(at(80), R2, 'INFO', 'GET /healthz'),
  { account: ACCOUNTS[1], logGroup: logGroupsOf('logs-b').function, time: at(95), message: lambdaText(at(95), R2, 'INFO', 'a line of tenant B') },
];

/** The lines `logs --tenant logs-a --since 10m` prints, as `tenant-blocks dev` prints its own. */
const PRINTED = [
  `${iso(at(100))}\tfunction\t${R1}\tINFO\tGET /orders?id=42`,
  `${iso(at(100, 5))}\tdatabase\t${R1}\tLOG\tstatement: select * from app.orders where id = $1`,
  `${iso(at(100, 9))}\tdatabase\t-\tERROR\tcanceling statement due to statement timeout`,
  `${iso(at(90))}\tfunction\t${R1}\tWARN\tslow query: 5012 ms`,
  `${iso(at(90))}\tfunction\t${R1}\tWARN\tslow query: 5012 ms`,
  `${iso(at(80))}\tfunction\t${R2}\tINFO\tGET /healthz`,
];

interface Run { code: number | null; stdout: string; stderr: string }

function start(args: string[], who: LocalIdentity = TEAM_A, pollMs = '50'): { child: ChildProcess; done: Promise<Run>; stdout: () => string } {
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    cwd: ROOT,
    env: cliEnvironment(api.endpoint, who, dir, { TENANT_BLOCKS_POLL_MS: pollMs }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => { stdout += c; });
  child.stderr!.on('data', (c) => { stderr += c; });
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

const cli = (args: string[], who: LocalIdentity = TEAM_A) => start(args, who).done;

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  buildSync({ entryPoints: [path.join(ROOT, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', outfile: BUNDLE, logLevel: 'error', external: ['pg-native'] });
  engine = new LocalLogEngine();
  api = await startLocalApi([
    { principalArn: role('fleet-operator'), allTenants: true, actions: ['READ', 'CREATE'] },
    { principalArn: role('team-a'), tenantIds: ['logs-a'], actions: ['READ', 'READ_LOGS'] },
  ], [OPERATOR, TEAM_A], ACCOUNTS, { logs: engine });
  for (const [id, account] of [['logs-a', ACCOUNTS[0]], ['logs-b', ACCOUNTS[1]]]) {
    const file = path.join(dir, `${id}.json`);
    fs.writeFileSync(file, JSON.stringify(devSpec(id, { account })));
    const created = await start(['tenants', 'create', '--spec', file], OPERATOR).done;
    expect([created.code, created.stderr]).toEqual([0, '']);
  }
  engine.add(SEEDED);
}, 120_000);

afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('logs', () => {
  test('the function\'s and the database\'s lines, merged by time, in dev\'s format; one query per log group of the tenant', async () => {
    const before = engine.started.length;
    const run = await cli(['logs', '--tenant', 'logs-a', '--since', '10m']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.trim().split('\n')).toEqual(PRINTED);
    expect(engine.started.slice(before).map((q) => q.executionParameters[0])).toEqual([`'${ACCOUNTS[0]}'`, `'${ACCOUNTS[0]}'`]);
  }, 60_000);

  test.each([
    ['30m', '30m', [`${iso(at(20 * 60))}\tfunction\t${R1}\tINFO\tan old line`, ...PRINTED]],
    ['10m', '10m', PRINTED],
    ['an ISO time 85 s ago', iso(at(85)), PRINTED.slice(5)],
  ])('--since %s', async (_name, since, expected) => {
    const run = await cli(['logs', '--tenant', 'logs-a', '--since', since]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(expected);
  }, 60_000);

  test('--filter keeps the lines whose message contains the text (any case)', async () => {
    const run = await cli(['logs', '--tenant', 'logs-a', '--filter', 'SLOW QUERY']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(PRINTED.slice(3, 5));
  }, 60_000);

  test('--follow prints new lines across polls, each once (the boundary and the re-read overlap included), and exits 0 on Ctrl-C', async () => {
    const boundary = new Date(Date.now() - 1000);
    engine.add([fn(boundary, R2, 'INFO', 'POST /orders')]);
    const follow = start(['logs', '--tenant', 'logs-a', '--follow'], TEAM_A, '300');
    const queries = () => api.requests.filter((r) => r.method === 'POST' && r.path === '/v1/tenants/logs-a/logs').length;
    const first = queries();
    await until('the first lines', () => follow.stdout().includes('POST /orders'));
    // new lines arrive: one at the very millisecond of the last line printed, one now
    const later = new Date();
    engine.add([fn(boundary, R2, 'INFO', 'POST /orders 201 in 12 ms'), fn(later, R2, 'INFO', 'a new request')]);
    await until('the new lines', () => follow.stdout().includes('a new request'));
    // and two more polls that re-read the same window
    const polled = queries();
    await until('two more polls', () => queries() >= polled + 2);
    follow.child.kill('SIGINT');
    const run = await follow.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual([
      ...PRINTED,
      `${iso(boundary)}\tfunction\t${R2}\tINFO\tPOST /orders`,
      `${iso(boundary)}\tfunction\t${R2}\tINFO\tPOST /orders 201 in 12 ms`,
      `${iso(later)}\tfunction\t${R2}\tINFO\ta new request`,
    ]);
    expect(queries() - first).toBeGreaterThanOrEqual(4);
  }, 120_000);

  test('throws when a caller scoped to tenant A asks for tenant B: the API\'s refusal, exit 1', async () => {
    const run = await cli(['logs', '--tenant', 'logs-b']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${TEAM_A.principalArn} may not read the logs of tenant 'logs-b' (not in its scope)\n`);
    expect(run.stdout).toBe('');
  }, 60_000);

  test.each([
    ['a --since that is neither a duration nor a time', ['--since', 'yesterday'], "--since: expected a duration (30s, 10m, 1h, 2d) or an ISO 8601 time such as 2026-12-06T18:00:00Z (got: 'yesterday')"],
    ['--until with --follow', ['--until', '2026-12-06T18:00:00Z', '--follow'], '--until and --follow exclude each other'],
    ['no --tenant', [], '--tenant <id> is required'],
  ])('throws usage (exit 2) for %s', async (_name, args, message) => {
    const run = await cli(['logs', ...(args.length > 0 ? ['--tenant', 'logs-a'] : []), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
  }, 60_000);

  test('logs --help lists its options and calls nothing', async () => {
    const before = api.requests.length;
    const run = await cli(['logs', '--help']);
    expect(run.code).toBe(0);
    for (const o of ['--tenant', '--since', '--until', '--filter', '--limit', '--follow', '--api', '--endpoint']) expect(run.stdout).toContain(o);
    expect(api.requests.length).toBe(before);
  }, 60_000);
});

describe('--since', () => {
  const now = new Date('2026-12-06T20:00:00.000Z');
  test.each([
    ['30s', '2026-12-06T19:59:30.000Z'],
    ['10m', '2026-12-06T19:50:00.000Z'],
    ['1h', '2026-12-06T19:00:00.000Z'],
    ['2d', '2026-12-04T20:00:00.000Z'],
    ['2026-12-06T18:00:00Z', '2026-12-06T18:00:00.000Z'],
    ['2026-12-06T18:00:00.250+01:00', '2026-12-06T17:00:00.250Z'],
    ['2026-12-06', '2026-12-06T00:00:00.000Z'],
  ])('%s is %s', (value, expected) => {
    expect(parseSince(value, now).toISOString()).toBe(expected);
  });

  test.each(['10', '10 minutes', '-5m', '2026-13-40T00:00:00Z', ''])('throws for %j', (value) => {
    expect(() => parseSince(value, now)).toThrow(/^--since: expected a duration/);
  });
});

describe('one format, locally and from the hub', () => {
  test('a database line of the local server prints the same from tenant-blocks dev and from the hub', () => {
    const text = `2026-12-06 20:00:01.234 UTC [${R1}] LOG:  statement: select 1`;
    const local = fromPostgresLog(text)!;
    const hub = fromHubLogLine(lineOf('database', Date.parse('2026-12-06T20:00:01.234Z'), text));
    expect(formatLogLine(hub)).toBe(formatLogLine(local));
    expect(formatLogLine(local)).toBe(`2026-12-06T20:00:01.234Z\tdatabase\t${R1}\tLOG\tstatement: select 1`);
  });

  test('a console.warn of the function prints the same from tenant-blocks dev (its worker\'s line) and from the hub (Lambda\'s text line)', () => {
    const time = new Date('2026-12-06T20:00:02.000Z');
    const local = { time: time.toISOString(), source: 'function' as const, requestId: R2, level: 'WARN', message: 'slow' };
    const hub = fromHubLogLine(lineOf('function', time.getTime(), lambdaText(time, R2, 'WARN', 'slow')));
    expect(formatLogLine(hub)).toBe(formatLogLine(local));
  });
});
