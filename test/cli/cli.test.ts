// The CLI as operators run it: bundled by esbuild into one file (as the build does), started as a
// child process, signing with SigV4 from the standard credential chain (here: the environment),
// against the local simulation (the real API handler and scopes on dynalite, behind a server that
// checks signatures as IAM authorization does).
import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { cliEnvironment, LocalApi, LocalIdentity, startLocalApi } from './local-api';
import { COMMANDS } from '../../src/cli/commands';
import { validateTenantSpec } from '../../src/tenant/validate-tenant-spec';
import { devSpec } from '../platform/provisioner/support';

const ACCOUNTS = ['210987654321', '310987654321', '410987654321', '510987654321', '610987654321'];
const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const as = (name: string, key: string): LocalIdentity => ({
  accessKeyId: key, secretAccessKey: `secret-of-${name}`, principalArn: `arn:aws:sts::111111111111:assumed-role/${name}/cli`,
});
const OPERATOR = as('fleet-operator', 'AKIAOPERATOR00000001');
const APPROVER = as('release-approver', 'AKIAAPPROVER00000001');
const ACME = as('acme-admin', 'AKIAACME000000000001');

const dir = mkdtempSync(path.join(tmpdir(), 'tenant-blocks-cli-'));
const BUNDLE = path.join(dir, 'tenant-blocks.js');
let api: LocalApi;

beforeAll(async () => {
  // The same bundling the build's `bundle:cli` task does: one file, its dependencies inside.
  buildSync({
    entryPoints: [path.join(__dirname, '../../src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: BUNDLE,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
  api = await startLocalApi([
    {
      principalArn: role('fleet-operator'),
      allTenants: true,
      actions: ['READ', 'CREATE', 'CHANGE_SETTINGS', 'SUSPEND_RESUME', 'DESTROY', 'DRIFT', 'ROLLOUT', 'APPROVE'],
    },
    { principalArn: role('release-approver'), allTenants: true, actions: ['READ', 'APPROVE'] },
    { principalArn: role('acme-admin'), tenantIds: ['acme'], actions: ['READ', 'CHANGE_SETTINGS', 'SUSPEND_RESUME'] },
  ], [OPERATOR, APPROVER, ACME], ACCOUNTS);
}, 60_000);
afterAll(async () => api?.close());

interface Run { code: number | null; stdout: string; stderr: string }

interface Started { child: ChildProcess; done: Promise<Run>; stdout: () => string }

function start(args: string[], who: LocalIdentity = OPERATOR, env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    env: cliEnvironment(api.endpoint, who, dir, env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => { stdout += c; });
  child.stderr!.on('data', (c) => { stderr += c; });
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

/** Waits until a running CLI printed the rollout it started, then until that rollout waits for an approval. */
async function awaitingApproval(run: { stdout: () => string }): Promise<string> {
  let rolloutId: string | undefined;
  for (let i = 0; i < 200 && rolloutId === undefined; i++) {
    await new Promise((r) => setTimeout(r, 50));
    rolloutId = /^rollout (\S+) of \S+ accepted$/m.exec(run.stdout())?.[1];
  }
  if (rolloutId === undefined) throw new Error(`the CLI printed no rollout: ${run.stdout()}`);
  for (let i = 0; i < 200 && (await api.registry.getRollout(rolloutId))?.approvalToken === undefined; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return rolloutId;
}

async function cli(args: string[], who: LocalIdentity = OPERATOR, env: Record<string, string> = {}): Promise<Run> {
  return start(args, who, env).done;
}

function specFile(name: string, spec: unknown): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('--help', () => {
  test.each(Object.keys(COMMANDS))('%s --help prints its usage and options, calls nothing, exits 0', async (command) => {
    const before = api.requests.length;
    const run = await cli([...command.split(' '), '--help'], OPERATOR, { TENANT_BLOCKS_ENDPOINT: '' });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`Usage: tenant-blocks ${COMMANDS[command].usage}\n\n${COMMANDS[command].summary}\n`)).toBe(true);
    expect(run.stdout).toContain('--endpoint');
    expect(api.requests.length).toBe(before);
  });

  test('the overview and each group list their commands', async () => {
    const all = await cli(['--help']);
    expect(all.code).toBe(0);
    for (const c of Object.keys(COMMANDS)) expect(all.stdout).toContain(`  ${c} `);
    const group = await cli(['rollouts']);
    expect(group.stdout).toContain('rollouts start');
    expect(group.stdout).not.toContain('tenants list');
  });
});

describe('tenants', () => {
  test('create from a spec file follows the operation until it ends, signed as the caller, with an Idempotency-Key', async () => {
    const run = await cli(['tenants', 'create', '--spec', specFile('acme', devSpec('acme', { account: ACCOUNTS[0] }))]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CREATE of acme accepted: operation [0-9a-f-]{36}$/);
    expect(lines.some((l) => /^CREATE acme: RUNNING/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^operation [0-9a-f-]{36} SUCCEEDED in 1s$/);
    expect((await api.registry.getTenant('acme'))!.state).toBe('ACTIVE');
    const post = api.requests.find((r) => r.method === 'POST' && r.path === '/v1/tenants')!;
    expect(post.principal).toBe(OPERATOR.principalArn);
    expect(post.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an invalid spec: the API\'s problems, one per line, exit code 1', async () => {
    const spec = { tenantId: 'B', tier: 'STAGING', account: 12 };
    const run = await cli(['tenants', 'create', '--spec', specFile('bad', spec)]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(validateTenantSpec(spec, 'spec'));
    expect(run.stdout).toBe('');
  });

  test('list, get, change, suspend and resume', async () => {
    await cli(['tenants', 'create', '--spec', specFile('globex', devSpec('globex', { account: ACCOUNTS[1] }))]);
    const list = await cli(['tenants', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^TENANT\s+STATE\s+TIER\s+ACCOUNT\s+RELEASE\s+VERSION\s+IN FLIGHT$/);
    expect(list.stdout).toMatch(/\nacme\s+ACTIVE\s+DEVELOPMENT\s+210987654321\s+1\.0\.0\s+1\s+-\n/);
    expect(list.stdout).toContain('globex');

    const change = await cli(['tenants', 'change', 'acme', '--set', '{"database":{"maxCapacity":4}}']);
    expect(change.code).toBe(0);
    expect(change.stdout).toMatch(/UPDATE of acme accepted/);
    const got = await cli(['tenants', 'get', 'acme', '--json']);
    expect(JSON.parse(got.stdout).tenant.spec.database.maxCapacity).toBe(4);

    expect((await cli(['tenants', 'suspend', 'acme'])).code).toBe(0);
    expect(JSON.parse((await cli(['tenants', 'get', 'acme', '--json'])).stdout).tenant.state).toBe('SUSPENDED');
    expect((await cli(['tenants', 'resume', 'acme'])).code).toBe(0);
    expect(JSON.parse((await cli(['tenants', 'get', 'acme', '--json'])).stdout).tenant.state).toBe('ACTIVE');
    const history = await cli(['tenants', 'history', 'acme']);
    expect(history.stdout.split('\n').slice(1, 5).map((l) => l.split(/\s+/)[1])).toEqual(['RESUME', 'SUSPEND', 'UPDATE', 'CREATE']);
  });

  test('a caller scoped to acme sees only acme, and its refusal on globex is the API\'s problem line', async () => {
    const list = await cli(['tenants', 'list', '--json'], ACME);
    expect(JSON.parse(list.stdout).tenants.map((t: any) => t.tenantId)).toEqual(['acme']);
    const suspend = await cli(['tenants', 'suspend', 'globex'], ACME);
    expect(suspend.code).toBe(1);
    expect(suspend.stderr).toBe(`${ACME.principalArn} may not suspend or resume tenant 'globex' (not in its scope)\n`);
  });

  test('a failed operation: its reason and failed resources on stderr, exit code 1', async () => {
    const run = await cli(['tenants', 'create', '--spec', specFile('doomed', devSpec('doomed-one', { account: ACCOUNTS[2] }))]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^operation [0-9a-f-]{36} FAILED: Resource handler returned message: "The maximum number of VPCs has been reached."\nNetworkVpc \(AWS::EC2::VPC\): VpcLimitExceeded\n$/);
  });

  test('destroy --no-wait returns once accepted; operations watch follows it', async () => {
    await cli(['tenants', 'create', '--spec', specFile('initech', devSpec('initech', { account: ACCOUNTS[3] }))]);
    const run = await cli(['tenants', 'destroy', 'initech', '--no-wait']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const id = /operation ([0-9a-f-]{36})/.exec(run.stdout)![1];
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const watch = await cli(['operations', 'watch', id]);
    expect(watch.code).toBe(0);
    expect(watch.stdout).toContain(`operation ${id} SUCCEEDED`);
    expect((await api.registry.getTenant('initech'))!.state).toBe('DESTROYED');
  });
});

describe('rollouts and approvals', () => {
  test('a rollout waits for an approval by someone else, then ends; the requester\'s own approval is refused', async () => {
    const rollout = start(['rollouts', 'start', '--release', '2.0.0', '--approval-between-waves']);
    const rolloutId = await awaitingApproval(rollout);

    const own = await cli(['approve', rolloutId], OPERATOR);
    expect(own.code).toBe(1);
    expect(own.stderr).toBe('the approver of a wave must not be the requester of the rollout (four eyes); ask another approver\n');

    const approve = await cli(['approve', rolloutId, '--comment', 'canaries look fine'], APPROVER);
    expect(approve.stdout).toBe(`approved wave 1 of rollout ${rolloutId}\n`);
    const run = await rollout.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`waiting for an approval of wave 1: another approver runs \`tenant-blocks approve ${rolloutId}\``);
    expect(run.stdout).toMatch(/rollout [0-9a-f-]{36} of 2\.0\.0: RUNNING · 2 waves/);
    expect(run.stdout.trim().split('\n').pop()).toBe(`rollout ${rolloutId} SUCCEEDED · 1 succeeded`);
  });

  test('a denied wave stops the rollout: exit code 1 with the reason', async () => {
    const rollout = start(['rollouts', 'start', '--release', '2.0.1', '--approval-between-waves']);
    const rolloutId = await awaitingApproval(rollout);
    expect((await cli(['approve', rolloutId, '--deny'], APPROVER)).stdout).toBe(`denied wave 1 of rollout ${rolloutId}\n`);
    const run = await rollout.done;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`rollout ${rolloutId} STOPPED: wave 1 denied by ${APPROVER.principalArn}\n`);
  });

  test('an invalid rollout request: every problem on its own line', async () => {
    const run = await cli(['rollouts', 'start', '--release', 'bad label', '--wave-size', '0', '--max-concurrency', 'lots']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'release: must be a release label, 1-64 of [A-Za-z0-9._+-] starting with a letter or digit (got: "bad label")',
      'waveSize: must be a whole number from 1 to 10000, tenants per wave after the canaries (got: 0)',
      'maxConcurrency: must be a whole number from 1 to 1000, tenants deployed at the same time within a wave (got: "lots")',
    ]);
  });
});

describe('mistakes', () => {
  test.each([
    ['an unknown command', ['tenants', 'explode'], 'unknown command: tenants explode'],
    ['a missing argument', ['tenants', 'get'], 'tenants get takes <tenantId> (got: none)'],
    ['an unknown option', ['tenants', 'list', '--colour'], "Unknown option '--colour'"],
    ['a spec file that is not there', ['tenants', 'create', '--spec', '/nonexistent/spec.json'], '/nonexistent/spec.json: cannot be read (ENOENT)'],
  ])('throws usage (exit 2) for %s', async (_name, args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('no endpoint: exit 2 with what to set', async () => {
    const run = await cli(['tenants', 'list'], OPERATOR, { TENANT_BLOCKS_ENDPOINT: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^no endpoint: pass --endpoint <API URL> or set TENANT_BLOCKS_ENDPOINT/);
  });

  test('a wrong secret is refused like IAM authorization refuses it', async () => {
    const run = await cli(['tenants', 'list'], { ...OPERATOR, secretAccessKey: 'not-the-secret' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('The request signature we calculated does not match the signature you provided.\n');
  });
});
