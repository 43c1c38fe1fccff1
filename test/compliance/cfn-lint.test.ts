// cfn-lint over a whole cloud assembly (what a platform team's CI has after `cdk synth`), each
// stack for its own region, and the error when cfn-lint is not installed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { cfnLint, lintTemplates } from '../../compliance/index';

function synthesizedApp(): string {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lint-app-')) });
  new sns.Topic(new Stack(app, 'Good', { env: { account: '123456789012', region: 'eu-west-1' } }), 'Topic');
  const bad = new Stack(new Stage(app, 'Prod'), 'Bad', { env: { account: '123456789012', region: 'us-east-1' } });
  new s3.CfnBucket(bad, 'Bucket', { versioningConfiguration: { status: 'Sometimes' } });
  return app.synth().directory;
}

describe('lintTemplates', () => {
  test('lints every stack of a cloud assembly, Stage assemblies included, and reports errors per template', () => {
    const dir = synthesizedApp();
    const results = lintTemplates(dir).sort((a, b) => (a.stackName ?? '').localeCompare(b.stackName ?? ''));
    expect(results.map((r) => [r.stackName, path.relative(dir, r.templateFile), r.errors.map((e) => e.ruleId)])).toEqual([
      ['Good', 'Good.template.json', []],
      ['Prod-Bad', expect.stringMatching(/^assembly-Prod\/ProdBad[0-9A-F]{8}\.template\.json$/), ['E3030']],
    ]);
    expect(results[1].errors[0].path).toBe('Resources/Bucket/Properties/VersioningConfiguration/Status');
  });

  test('throws when the directory holds no template', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-empty-'));
    expect(() => lintTemplates(empty)).toThrow(/lintTemplates: no CloudFormation template in /);
  });

  test('throws when cfn-lint is not on PATH, naming the install command', () => {
    const saved = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'no-cfn-lint-'));
    try {
      expect(() => cfnLint({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }))
        .toThrow('cdk-tenant-blocks/compliance: cfn-lint (AWS CloudFormation Linter, Python) is not installed or not on PATH. Install it: pip install "cfn-lint>=1.51,<2"');
    } finally {
      process.env.PATH = saved;
    }
  });
});
