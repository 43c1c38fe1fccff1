import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import * as barrel from './docs-barrel';

const DOC = path.join(__dirname, '..', '..', 'docs', 'tenant.md');

/** The first TypeScript block of docs/tenant.md (the quick start). */
function quickStart(): string {
  const match = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(DOC, 'utf8'));
  if (!match) throw new Error('docs/tenant.md has no ```ts block');
  return match[1];
}

describe('docs/tenant.md', () => {
  test('the quick start is at most 20 lines of code', () => {
    const lines = quickStart().split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    expect(lines.length).toBeLessThanOrEqual(20);
  });

  test('the quick start type-checks against the library', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-doc-'));
    const file = path.join(dir, 'quick-start.ts');
    fs.writeFileSync(file, quickStart());
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      types: [],
      baseUrl: dir,
      paths: { 'cdk-tenant-blocks': [path.join(__dirname, 'docs-barrel.ts')], '*': [path.join(__dirname, '..', '..', 'node_modules', '*')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 120_000);

  test('the quick start synthesizes offline', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-doc-'));
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'app', 'index.js'), 'exports.handler = async () => ({ statusCode: 200 });\n');
    const js = ts.transpileModule(`${quickStart()}\napp.synth();\n`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = new Function('require', 'exports', js);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the snippet's imports, resolved at run time
      run((id: string) => (id === 'cdk-tenant-blocks' ? barrel : require(id)), {});
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});
