import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// The offline integ gate (`npx projen integ:verify`) must fail when what an integ test synthesizes
// no longer matches its committed snapshot. This runs integ-runner on a copy of integ.core.ts with
// its snapshot, first unchanged (passes), then with one more resource (fails with CHANGED).
const ROOT = path.join(__dirname, '..', '..');
const WORK = path.join(ROOT, '.integ-gate');

function verify(): { status: number | null; output: string } {
  const result = spawnSync(
    'npx',
    ['integ-runner', '--directory', '.integ-gate', '--language', 'typescript', '--app', 'ts-node --prefer-ts-exts {filePath}'],
    { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' }, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK);
  fs.cpSync(path.join(ROOT, 'integ', 'integ.core.ts.snapshot'), path.join(WORK, 'integ.core.ts.snapshot'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'integ', 'integ.core.ts'), path.join(WORK, 'integ.core.ts'));
});

afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

test('an unchanged integ test verifies against its committed snapshot', () => {
  const { status, output } = verify();
  expect(output).toMatch(/UNCHANGED\s+integ\.core/);
  expect(status).toBe(0);
});

test('a changed integ test fails verification with CHANGED', () => {
  const file = path.join(WORK, 'integ.core.ts');
  const source = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    source.replace('app.synth();', "new (require('aws-cdk-lib/aws-sqs').Queue)(stack, 'Extra', { enforceSSL: true });\napp.synth();"),
  );
  const { status, output } = verify();
  expect(output).toMatch(/CHANGED\s+integ\.core/);
  expect(status).not.toBe(0);
});
