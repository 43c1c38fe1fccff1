// The tenant-blocks-compliance command (compliance/cli.ts): loads an app's entry file, runs the
// gate over every App it synthesizes, and exits 1 on a finding, a cfn-lint problem or a stale suppression.
import * as path from 'path';
import { runCli } from '../../compliance/cli';

const FIXTURES = path.join(__dirname, 'fixtures');

function run(...argv: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = runCli(argv, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

test('exits 1 and lists the findings and the stale suppression of a bad app', () => {
  const { code, out } = run(path.join(FIXTURES, 'bad-app.js'), '--gates', 'AwsSolutions', '--no-cfn-lint', '--audit');
  expect(code).toBe(1);
  expect(out).toMatch(/- \[AwsSolutions\] AwsSolutions-S10 on Bad\/Bucket \(AWS::S3::Bucket Bucket\)/);
  expect(out).not.toMatch(/AwsSolutions-S1 on/);
  expect(out).toContain('suppressions that suppress nothing:\n- AwsSolutions-SMG4 @ Bad/Bucket');
});

test('exits 0 for an app that passes every gate and cfn-lint', () => {
  const { code, out } = run(path.join(FIXTURES, 'good-app.js'));
  expect(out).toBe('no compliance findings\ncfn-lint: clean');
  expect(code).toBe(0);
});

test.each([
  [[] as string[], /^usage: tenant-blocks-compliance/],
  [['a.js', 'b.js'], /^usage: tenant-blocks-compliance/],
  [['a.js', '--gates', 'AwsSolutions,SOC2'], /^unknown gate\(s\): SOC2 \(known: AwsSolutions, /],
])('exits 2 when the arguments are wrong: %j', (argv, message) => {
  const { code, out } = run(...argv);
  expect(code).toBe(2);
  expect(out).toMatch(message);
});
