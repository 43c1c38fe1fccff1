import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Issue 24 §3: a direct `cdk deploy` of a provisioner-managed tenant must not replace what the
// registry owns, the link's external id first: the example app (and so every app `init` makes)
// refuses a cloud assembly with a made-up external id unless told it is never deployed.
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'platform');

function synth(context: Record<string, unknown>, env: Record<string, string> = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-example-'));
  const base = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'cdk.context.json'), 'utf8'));
  const run = spawnSync('npx', ['ts-node', '--prefer-ts-exts', 'app.ts'], {
    cwd: EXAMPLE,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: '1', JSII_DEPRECATED: 'quiet', CDK_OUTDIR: out, CDK_CONTEXT_JSON: JSON.stringify({ ...base, tenantId: 'initech-dev', ...context }) },
  });
  const stacks = fs.existsSync(path.join(out, 'manifest.json')) ? Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).artifacts) : [];
  fs.rmSync(out, { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, stacks };
}

test('refuses a cloud assembly whose link external id is made up (a deploy would cut the platform off)', () => {
  const { status, output, stacks } = synth({});
  expect(output).toContain('No link external id for initech-dev: a deploy would replace the link\'s external id and cut the platform off');
  expect(output).toContain('tenant-blocks apply -f tenants.json');
  expect(status).not.toBe(0);
  expect(stacks).toEqual([]);
}, 300_000);

test('synthesizes with the platform\'s external ids', () => {
  const ids = path.join(os.tmpdir(), `tb-ids-${process.pid}.json`);
  fs.writeFileSync(ids, JSON.stringify({ 'initech-dev': 'k3J9xQ2mZp7Lw4Rt8Yb1Nc6Vd0Hs5Fg2Ae9Ui3Oq' }));
  try {
    const { status, stacks } = synth({}, { TENANT_EXTERNAL_IDS_FILE: ids });
    expect(status).toBe(0);
    expect(stacks).toContain('Tenant-initech-dev');
  } finally {
    fs.rmSync(ids, { force: true });
  }
}, 300_000);

test('synthesizes a throwaway assembly when told it is never deployed', () => {
  const { status, stacks } = synth({ throwawayExternalIds: true });
  expect(status).toBe(0);
  expect(stacks).toContain('Tenant-initech-dev');
}, 300_000);
