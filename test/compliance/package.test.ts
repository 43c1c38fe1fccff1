// `cdk-tenant-blocks/compliance` as an installed package resolves it: the compiled entry point (tsc
// with compliance/tsconfig.json) in a package laid out like the npm tarball, required by Node and
// type-checked by TypeScript through the subpath, with no "exports" map in package.json.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

describe('the cdk-tenant-blocks/compliance subpath', () => {
  let consumer: string;
  let pkg: string;
  beforeAll(() => {
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-consumer-'));
    pkg = path.join(consumer, 'node_modules', 'cdk-tenant-blocks');
    fs.mkdirSync(path.join(pkg, 'compliance'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    fs.copyFileSync(path.join(ROOT, 'compliance', 'package.json'), path.join(pkg, 'compliance', 'package.json'));
    // the compile step of the build, into the package instead of lib/
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'compliance', 'tsconfig.json'),
      '--outDir', path.join(pkg, 'lib', 'compliance')], { encoding: 'utf-8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    for (const dep of ['aws-cdk-lib', 'constructs', 'cdk-nag', '@cdklabs']) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(consumer, 'node_modules', dep));
    }
  });

  test('package.json has no "exports" map (which would hide the subpath and .jsii unless listed)', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).exports).toBeUndefined();
  });

  test('compliance/package.json and compliance/tsconfig.json agree on lib/compliance', () => {
    const sub = JSON.parse(fs.readFileSync(path.join(ROOT, 'compliance', 'package.json'), 'utf8'));
    const tsconfig = ts.readConfigFile(path.join(ROOT, 'compliance', 'tsconfig.json'), ts.sys.readFile).config;
    expect(sub).toEqual(expect.objectContaining({ main: '../lib/compliance/index.js', types: '../lib/compliance/index.d.ts' }));
    expect(tsconfig.compilerOptions.outDir).toBe('../lib/compliance');
  });

  test('Node resolves require("cdk-tenant-blocks/compliance") to lib/compliance/index.js and loads it', () => {
    const script = "console.log(require.resolve('cdk-tenant-blocks/compliance')); console.log(Object.keys(require('cdk-tenant-blocks/compliance')).sort().join(','))";
    const run = spawnSync(process.execPath, ['-e', script], { cwd: consumer, encoding: 'utf-8' });
    expect(run.stderr).toBe('');
    const [resolved, exported] = run.stdout.trim().split('\n');
    expect(fs.realpathSync(resolved)).toBe(fs.realpathSync(path.join(pkg, 'lib', 'compliance', 'index.js')));
    expect(exported.split(',')).toEqual(expect.arrayContaining([
      'ALL_GATES', 'auditSuppressions', 'cfnLint', 'complianceFindings', 'expectCfnLintClean', 'expectCompliant',
      'formatCfnLint', 'formatFindings', 'lintTemplates', 'unusedSuppressions',
    ]));
  });

  test('TypeScript (node16 resolution) finds the types of the subpath', () => {
    const file = path.join(consumer, 'ci.ts');
    fs.writeFileSync(file, [
      "import { App } from 'aws-cdk-lib';",
      "import { Finding, Gate, complianceFindings, lintTemplates } from 'cdk-tenant-blocks/compliance';",
      "const gates: Gate[] = ['AwsSolutions'];",
      'const findings: Finding[] = complianceFindings(new App(), { gates });',
      "const results = lintTemplates('cdk.out');",
      'export const n: number = findings.length + results.length;',
    ].join('\n'));
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });
});
