// Issue 23 §2: `tenant-blocks push` against the local simulation — the bundled CLI as a child
// process, the real API handler and scopes on dynalite, and the API's real code push
// (lambdaCodePushTarget) with a real LambdaClient on the fake Lambda API, which stores the code so
// the test can run what the `live` alias points to.
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { FakeLambda } from './fake-lambda';
import { cliEnvironment, LocalApi, LocalIdentity, functionNameOf, startLocalApi } from './local-api';
import { ApiClient } from '../../src/cli/client';
import { PUSH_MAX_UNZIPPED_BYTES, PUSH_MAX_ZIP_BYTES, packageApp, size } from '../../src/cli/push';
import { zip } from '../../src/cli/zip';
import { MAX_PUSH_ZIP_BYTES, MAX_UNZIPPED_BYTES } from '../../src/platform/provisioner/code-push.lambda-shared';
import { devSpec } from '../platform/provisioner/support';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'push-app');
const ACCOUNTS = ['230987654321', '330987654321', '430987654321', '530987654321'];
const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const as = (name: string, key: string): LocalIdentity => ({
  accessKeyId: key, secretAccessKey: `secret-of-${name}`, principalArn: `arn:aws:sts::111111111111:assumed-role/${name}/cli`,
});
const OPERATOR = as('fleet-operator', 'AKIAPUSHOPERATOR0001');
const DEVELOPER = as('app-developer', 'AKIAPUSHDEVELOPER001');
const READER = as('app-reader', 'AKIAPUSHREADER000001');

const dir = fs.mkdtempSync(path.join(tmpdir(), 'tenant-blocks-push-'));
const BUNDLE = path.join(dir, 'tenant-blocks.js');
const APP = path.join(dir, 'app');
let api: LocalApi;
let lambda: FakeLambda;

interface Run { code: number | null; stdout: string; stderr: string }

function cli(args: string[], who: LocalIdentity = DEVELOPER): Promise<Run> {
  const child = start(args, who);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => { stdout += c; });
  child.stderr.on('data', (c) => { stderr += c; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function start(args: string[], who: LocalIdentity = DEVELOPER): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BUNDLE, ...args], {
    cwd: ROOT,
    env: cliEnvironment(api.endpoint, who, dir, { TENANT_BLOCKS_CACHE_DIR: path.join(dir, 'cache') }),
  });
}

/** A tenant created through the API (the simulated deploy records it as deployed), with its function in the fake Lambda API. */
async function tenant(tenantId: string, account: string, tier = 'DEVELOPMENT'): Promise<void> {
  const file = path.join(dir, `${tenantId}.json`);
  fs.writeFileSync(file, JSON.stringify(devSpec(tenantId, { account, tier })));
  const created = await cli(['tenants', 'create', '--spec', file], OPERATOR);
  expect([created.code, created.stderr]).toEqual([0, '']);
  lambda.addFunction({
    account,
    name: functionNameOf(tenantId),
    tags: { 'tenant-blocks:tenant': tenantId, 'tenant-blocks:tier': tier },
    code: zip([{ name: 'index.js', data: Buffer.from("exports.handler = async () => ({ statusCode: 200, headers: { 'x-greeting': 'release' }, body: 'release' });\n") }]),
  });
}

const sizeOf = (bytes: number) => size(bytes).replace('.', '\\.');

function greeting(value: string): void {
  fs.writeFileSync(path.join(APP, 'greeting.ts'), `export function greeting(): string {\n  return '${value}';\n}\n`);
}

beforeAll(async () => {
  buildSync({ entryPoints: [path.join(ROOT, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', outfile: BUNDLE, logLevel: 'error', external: ['pg-native'] });
  fs.mkdirSync(APP);
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(APP, f));
  // the app's own dependencies (typescript for the type check), as a developer's folder has them
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(APP, 'node_modules'));
  lambda = await FakeLambda.start();
  api = await startLocalApi([
    { principalArn: role('fleet-operator'), allTenants: true, actions: ['READ', 'CREATE', 'CHANGE_SETTINGS'] },
    { principalArn: role('app-developer'), tenantIdPrefix: 'push-', actions: ['READ', 'CODE_PUSH'] },
    { principalArn: role('app-developer'), tenantIdPrefix: 'slow-', actions: ['READ', 'CODE_PUSH'] },
    { principalArn: role('app-reader'), tenantIdPrefix: 'push-', actions: ['READ'] },
  ], [OPERATOR, DEVELOPER, READER], ACCOUNTS, { lambda, pushPollMs: 20 });
  await tenant('push-dev', ACCOUNTS[0]);
  // another function of the same tenant (a block's handler: no `live` alias) that a push must not touch
  lambda.addFunction({ account: ACCOUNTS[0], name: 'tb-push-dev-bootstrap', alias: 'none', tags: { 'tenant-blocks:tenant': 'push-dev', 'tenant-blocks:tier': 'DEVELOPMENT' }, code: zip([{ name: 'index.js', data: Buffer.from('exports.handler = async () => 1;\n') }]) });
}, 120_000);

afterAll(async () => {
  await api?.close();
  await lambda?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('push to a DEVELOPMENT tenant', () => {
  test('the new code answers behind the live alias; one API call, and the Lambda calls of one push counted', async () => {
    greeting('pushed-1');
    const apiBefore = api.requests.length;
    const lambdaBefore = lambda.calls.length;
    const run = await cli(['push', '--tenant', 'push-dev', APP]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const expected = await packageApp({ appDir: APP });
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^push-dev: bundled index\\.js \\(${sizeOf(expected.zip.length)} zipped, ${sizeOf(expected.unzippedBytes)} unzipped, sha256 ${expected.sha256.slice(0, 12)}\\) in \\d+ ms, type-checked$`));
    expect(lines[1]).toMatch(new RegExp(`^push-dev: function tb-push-dev-app runs version 2 \\(code ${expected.sha256}\\) — pushed in \\d+ ms, operation [0-9a-f-]{36}$`));
    expect(lines[2]).toBe("note: The next deploy or rollout of this tenant puts release 1.0.0's code back.");

    // the pushed code answers
    const answer = await lambda.invoke(ACCOUNTS[0], 'tb-push-dev-app', { path: '/' }) as { headers: Record<string, string> };
    expect(answer.headers['x-greeting']).toBe('pushed-1');
    expect(lambda.aliasVersion(ACCOUNTS[0], 'tb-push-dev-bootstrap', 'none')).toBe('1');

    // one request to the API; the API's calls to Lambda: find the function (list, tags of each, the
    // alias of each tagged one), update, read until updated, publish, switch the alias
    expect(api.requests.slice(apiBefore).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v1/tenants/push-dev/code 200']);
    expect(lambda.count(lambdaBefore)).toEqual({
      ListFunctions: 1, ListTags: 2, GetAlias: 2, UpdateFunctionCode: 1, GetFunctionConfiguration: 2, PublishVersion: 1, UpdateAlias: 1,
    });
    expect(lambda.calls.slice(lambdaBefore).every((c) => c.account === ACCOUNTS[0])).toBe(true);
  }, 60_000);

  test('the history records who, when and the code hash; the tenant carries the push until a deploy', async () => {
    greeting('pushed-2');
    const before = Date.now();
    const run = await cli(['push', '--tenant', 'push-dev', APP]);
    expect(run.code).toBe(0);
    const { sha256 } = await packageApp({ appDir: APP });
    const operationId = /operation ([0-9a-f-]{36})/.exec(run.stdout)![1];
    const op = (await api.registry.getOperation(operationId))!;
    expect(op).toMatchObject({
      type: 'CODE_PUSH',
      status: 'SUCCEEDED',
      requestedBy: DEVELOPER.principalArn,
      changes: [{ path: '(code)', to: sha256 }],
      outcome: { codeSha256: sha256, functionName: 'tb-push-dev-app', version: '3' },
    });
    expect(Date.parse(op.requestedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await api.registry.getTenant('push-dev'))!.codePush).toMatchObject({ sha256, operationId });
    const history = await cli(['tenants', 'history', 'push-dev'], DEVELOPER);
    expect(history.stdout.split('\n')[1]).toMatch(new RegExp(`^${operationId}\\s+CODE_PUSH\\s+SUCCEEDED\\s+\\S+\\s+${DEVELOPER.principalArn.replace(/[/.]/g, '\\$&')}`));
  }, 60_000);

  test('the same code gives the same zip, byte for byte (one build, one hash)', async () => {
    const a = await packageApp({ appDir: APP });
    const b = await packageApp({ appDir: APP });
    expect(a.zip.equals(b.zip)).toBe(true);
  }, 60_000);
});

describe('push --watch: the type checker and esbuild kept warm, a push per save', () => {
  // one watching client for the tests of this block, in order, as a developer runs it
  let watching: ChildProcessWithoutNullStreams;
  let out = '';
  let err = '';
  let exited: Promise<number | null>;
  const answer = async () => ((await lambda.invoke(ACCOUNTS[0], 'tb-push-dev-app', { path: '/' })) as { headers: Record<string, string> }).headers['x-greeting'];
  const pushes = (from: number) => api.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/v1/tenants/push-dev/code').length;
  /** Waits until the client's output (stdout or stderr) has matched `pattern` `times` times. */
  async function until(stream: () => string, pattern: RegExp, times = 1): Promise<void> {
    const g = new RegExp(pattern.source, 'g');
    for (let i = 0; (stream().match(g)?.length ?? 0) < times; i++) {
      if (i > 1200) throw new Error(`no ${pattern} after 60 s; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const pushedLines = /runs version \d+ \(code [0-9a-f]{64}\) — pushed/;

  beforeAll(async () => {
    greeting('watch-0');
    watching = start(['push', '--tenant', 'push-dev', APP, '--watch']);
    watching.stdout.on('data', (c) => { out += c; });
    watching.stderr.on('data', (c) => { err += c; });
    exited = new Promise((resolve) => watching.on('close', resolve));
    await until(() => out, /watching .* — every save is type-checked, bundled and pushed \(Ctrl-C stops\)/);
  }, 90_000);

  afterAll(() => {
    if (watching.exitCode === null) watching.kill('SIGKILL');
  });

  test('pushes the folder at start, type-checked, then watches', async () => {
    expect(out).toMatch(/^push-dev: bundled index\.js \(.*\) in \d+ ms, type-checked\npush-dev: function tb-push-dev-app runs version \d+/);
    expect(await answer()).toBe('watch-0');
    expect(err).toBe('');
  }, 60_000);

  test('a save: the new code answers in the tenant, with one request to the API', async () => {
    const from = api.requests.length;
    greeting('watch-1');
    await until(() => out, pushedLines, 2);
    expect(await answer()).toBe('watch-1');
    expect(pushes(from)).toBe(1);
    expect(api.requests.length - from).toBe(1);
  }, 60_000);

  test('a save with a type error pushes nothing; the previous code keeps answering', async () => {
    const from = api.requests.length;
    fs.writeFileSync(path.join(APP, 'greeting.ts'), 'export function greeting(): string {\n  return 42;\n}\n');
    await until(() => err, /does not build/);
    expect(err).toBe("push-dev: the app does not build, nothing pushed (the last push keeps serving):\ngreeting.ts:2:3: Type 'number' is not assignable to type 'string'.\n");
    expect(api.requests.length).toBe(from);
    expect(await answer()).toBe('watch-1');
  }, 60_000);

  test('saves during a push queue exactly one more: at most two pushes, the last save answers', async () => {
    const from = api.requests.length;
    const before = out.match(new RegExp(pushedLines.source, 'g'))!.length;
    greeting('watch-2');
    // the first push is on its way (bundled, not yet answered): two more saves now
    await until(() => out, /bundled index\.js/, before + 1);
    greeting('watch-3');
    greeting('watch-4');
    await until(() => out, pushedLines, before + 1);
    for (let i = 0; i < 600 && (await answer()) !== 'watch-4'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await answer()).toBe('watch-4');
    expect(pushes(from)).toBeGreaterThanOrEqual(1);
    expect(pushes(from)).toBeLessThanOrEqual(2);
  }, 90_000);

  test('a save that leaves the bundle as it was pushes nothing', async () => {
    // the previous test's queued push may still be on its way: start from a watcher with nothing in flight
    let settled = api.requests.length;
    for (let quiet = 0; quiet < 20;) {
      await new Promise((r) => setTimeout(r, 50));
      if (api.requests.length === settled) quiet++;
      else [settled, quiet] = [api.requests.length, 0];
    }
    const from = api.requests.length;
    const same = /the same code as the last push, nothing pushed/g;
    const sameBefore = (out.match(same) ?? []).length;
    fs.appendFileSync(path.join(APP, 'greeting.ts'), '// a comment esbuild drops\n');
    await until(() => out, same, sameBefore + 1);
    expect(api.requests.length).toBe(from);
  }, 60_000);

  test('Ctrl-C stops watching with exit code 0', async () => {
    watching.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toBe("push-dev: the app does not build, nothing pushed (the last push keeps serving):\ngreeting.ts:2:3: Type 'number' is not assignable to type 'string'.\n");
  }, 60_000);
});

describe('refusals', () => {
  test('throws when the tenant is PRODUCTION: the API\'s problem, exit 1, nothing reaches Lambda', async () => {
    await tenant('push-prod', ACCOUNTS[1], 'PRODUCTION');
    const before = lambda.calls.length;
    const run = await cli(['push', '--tenant', 'push-prod', APP]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("tenant 'push-prod' is deployed as PRODUCTION: code pushes reach tenants whose deployed tier is DEVELOPMENT only\n");
    expect(lambda.calls.length).toBe(before);
  }, 60_000);

  test('throws when another operation is in flight: the API names it (409)', async () => {
    await tenant('slow-one', ACCOUNTS[2]);
    const change = await cli(['tenants', 'change', 'slow-one', '--set', '{"database":{"maxCapacity":4}}', '--no-wait'], OPERATOR);
    expect(change.code).toBe(0);
    const inFlight = /operation ([0-9a-f-]{36})/.exec(change.stdout)![1];
    const run = await cli(['push', '--tenant', 'slow-one', APP]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(inFlight);
  }, 60_000);

  test('throws when the caller has no CODE_PUSH scope (403)', async () => {
    const run = await cli(['push', '--tenant', 'push-dev', APP], READER);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${READER.principalArn} may not push code to tenant 'push-dev' (not in its scope)\n`);
  }, 60_000);

  test('throws before sending when the zip is over 4 MiB: nothing reaches the API', async () => {
    const big = path.join(dir, 'big-app');
    fs.mkdirSync(big);
    // random bytes do not deflate: 6 MiB of them in base64 stay over 4 MiB zipped
    fs.writeFileSync(path.join(big, 'index.js'), `const blob = ${JSON.stringify(randomBytes(6 * 1024 * 1024).toString('base64'))};\nexports.handler = async () => ({ statusCode: 200, body: String(blob.length) });\n`);
    const before = api.requests.length;
    const run = await cli(['push', '--tenant', 'push-dev', big]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^the zip is \d\.\d MiB, over the push limit of 4\.0 MiB: deploy it with the tenant's release instead/);
    expect(api.requests.length).toBe(before);
  }, 60_000);

  test('throws at the API too when a client sends more than Lambda takes unzipped (413), with the CLI\'s numbers', async () => {
    expect([PUSH_MAX_ZIP_BYTES, PUSH_MAX_UNZIPPED_BYTES]).toEqual([MAX_PUSH_ZIP_BYTES, MAX_UNZIPPED_BYTES]);
    const zeros = Buffer.alloc(30 * 1024 * 1024);
    const bomb = zip(Array.from({ length: 9 }, (_, i) => ({ name: `part-${i}.bin`, data: zeros })));
    expect(bomb.length).toBeLessThan(PUSH_MAX_ZIP_BYTES);
    process.env.AWS_ACCESS_KEY_ID = DEVELOPER.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DEVELOPER.secretAccessKey;
    const client = new ApiClient({ endpoint: api.endpoint, region: 'us-east-1' });
    const a = await client.request('POST', '/tenants/push-dev/code', {
      body: { zipBase64: bomb.toString('base64'), sha256: createHash('sha256').update(bomb).digest('hex') },
    });
    expect(a.status).toBe(413);
    expect(a.json.problems).toEqual([expect.stringMatching(/unzips to 283115520 bytes in 9 entries; Lambda takes at most 262144000 bytes/)]);
  }, 60_000);

  test('throws when the app does not type-check: the errors, nothing sent', async () => {
    fs.writeFileSync(path.join(APP, 'greeting.ts'), 'export function greeting(): string {\n  return 42;\n}\n');
    const before = api.requests.length;
    const run = await cli(['push', '--tenant', 'push-dev', APP]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^push-dev: the app does not build, nothing pushed:\ngreeting\.ts:2:3: Type 'number' is not assignable to type 'string'\.\n$/);
    expect(api.requests.length).toBe(before);
    greeting('fixed');
  }, 60_000);
});

describe('the command line', () => {
  test.each([
    ['no --tenant', ['push', APP], '--tenant <id> is required'],
    ['two folders', ['push', '--tenant', 'push-dev', APP, APP], 'push takes [<appDir>]'],
    ['a runtime that is not Node.js', ['push', '--tenant', 'push-dev', APP, '--runtime', 'python3.14'], 'runtime must be a Node.js Lambda runtime'],
  ])('throws usage (exit 2) for %s', async (_name, args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  }, 60_000);

  test('push --help lists its options and calls nothing', async () => {
    const before = api.requests.length;
    const run = await cli(['push', '--help']);
    expect(run.code).toBe(0);
    for (const o of ['--tenant', '--watch', '--handler', '--entry', '--runtime', '--expected-version', '--api', '--endpoint']) expect(run.stdout).toContain(o);
    expect(api.requests.length).toBe(before);
  }, 60_000);
});
