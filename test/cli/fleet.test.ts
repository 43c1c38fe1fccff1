// Issue 24 §3: `tenant-blocks plan|apply -f tenants.json` against the local simulation (the real API
// handler and scopes on dynalite, behind a server that checks SigV4 signatures), with the CLI
// bundled by esbuild and run as a child process, as operators run it.
import { spawn } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { cliEnvironment, LocalApi, LocalIdentity, startLocalApi } from './local-api';
import { devSpec } from '../platform/provisioner/support';

const ACCOUNTS = ['220987654321', '320987654321', '420987654321'];
const OPERATOR: LocalIdentity = {
  accessKeyId: 'AKIAFLEETOPERATOR001', secretAccessKey: 'secret-of-fleet', principalArn: 'arn:aws:sts::111111111111:assumed-role/fleet-operator/cli',
};
const dir = mkdtempSync(path.join(tmpdir(), 'tenant-blocks-fleet-'));
const BUNDLE = path.join(dir, 'tenant-blocks.js');
let api: LocalApi;

beforeAll(async () => {
  buildSync({ entryPoints: [path.join(__dirname, '../../src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', outfile: BUNDLE, logLevel: 'error' });
  api = await startLocalApi([
    { principalArn: 'arn:aws:iam::111111111111:role/fleet-operator', allTenants: true, actions: ['READ', 'CREATE', 'CHANGE_SETTINGS'] },
  ], [OPERATOR], ACCOUNTS);
}, 60_000);
afterAll(async () => api?.close());

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    env: cliEnvironment(api.endpoint, OPERATOR, dir),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => { stdout += c; });
  child.stderr.on('data', (c) => { stderr += c; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function tenantsFile(name: string, tenants: unknown[]): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ tenants }));
  return file;
}

const writes = () => api.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH').length;

describe('plan and apply', () => {
  const a = devSpec('fleet-a', { account: ACCOUNTS[0] });
  const b = devSpec('fleet-b', { account: ACCOUNTS[1] });

  test('plan shows what is not in the registry yet; apply creates it through the API and follows each operation', async () => {
    const file = tenantsFile('v1', [a, b]);
    const plan = await cli(['plan', '-f', file]);
    expect(plan.stdout).toContain('+ fleet-a: create');
    expect(plan.stdout).toContain('plan: 2 to create, 0 to change, 0 unchanged, 0 only in the registry, 0 blocked');
    expect(plan.code).toBe(0);
    expect(writes()).toBe(0);

    const apply = await cli(['apply', '-f', file]);
    expect([apply.code, apply.stderr]).toEqual([0, '']);
    expect(apply.stdout).toMatch(/CREATE of fleet-a accepted: operation \S+/);
    expect((await api.registry.getTenant('fleet-a'))?.spec).toMatchObject({ database: { maxCapacity: 2 } });
    expect((await api.registry.getTenant('fleet-b'))?.account).toBe(ACCOUNTS[1]);
  }, 120_000);

  test('a changed setting is planned with both values and applied as a change; a second apply writes nothing', async () => {
    const file = tenantsFile('v2', [{ ...a, database: { maxCapacity: 4, maintenanceWindow: 'sun:03:00-sun:03:30' } }, b]);
    const plan = await cli(['plan', '-f', file]);
    expect(plan.stdout).toContain('~ fleet-a: change (version');
    expect(plan.stdout).toContain('    database.maxCapacity: 2 -> 4');
    expect(plan.stdout).toContain('= fleet-b: unchanged');

    const apply = await cli(['apply', '-f', file]);
    expect([apply.code, apply.stderr]).toEqual([0, '']);
    expect((await api.registry.getTenant('fleet-a'))?.spec).toMatchObject({ database: { maxCapacity: 4 } });

    const before = writes();
    const again = await cli(['apply', '-f', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('plan: 0 to create, 0 to change, 2 unchanged');
    expect(writes()).toBe(before);
  }, 120_000);

  test('a file that drops a database is blocked: nothing is applied, exit 1', async () => {
    const withoutDatabase = { tenantId: b.tenantId, tier: b.tier, account: b.account };
    const file = tenantsFile('v3', [a, withoutDatabase]);
    const before = writes();
    const apply = await cli(['apply', '-f', file]);
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('! fleet-b: blocked: the file has no database: apply never removes a block');
    expect(apply.stderr).toContain('nothing applied: 1 tenant(s) blocked');
    expect(writes()).toBe(before);
  }, 120_000);

  test('an invalid file is refused with every problem and nothing is sent', async () => {
    const file = tenantsFile('bad', [{ ...a, tier: 'production' }, { ...b, database: { maxCapacity: 'big' } }]);
    const before = api.requests.length;
    const plan = await cli(['plan', '-f', file]);
    expect(plan.code).not.toBe(0);
    expect(plan.stderr).toContain('tenants[0].tier');
    expect(plan.stderr).toContain('tenants[1].database.maxCapacity');
    expect(api.requests.length).toBe(before);
  }, 60_000);
});

test('an option given before the command is not read as the command', async () => {
  const run = await cli(['--region', 'us-east-1', 'plan', '-f', tenantsFile('order', [devSpec('fleet-a', { account: ACCOUNTS[0] })])]);
  expect(run.stderr).not.toContain('unknown command');
  expect(run.code).toBe(0);
}, 60_000);
