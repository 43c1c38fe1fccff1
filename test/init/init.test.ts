import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initPlatformApp, rewriteImports } from '../../src/init/init';

// Issue 24 §4: `tenant-blocks init <dir>` gives a platform app a team can own, which synthesizes
// offline with 0 compliance findings and 0 synth warnings, with no availability zone to guess.
const ROOT = path.join(__dirname, '..', '..');

/** node_modules for the new app: the repository's packages, and cdk-tenant-blocks as its sources (as if installed). */
function linkPackages(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  const pkg = path.join(modules, 'cdk-tenant-blocks');
  fs.mkdirSync(path.join(pkg, 'compliance'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cdk-tenant-blocks', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), `module.exports = require(${JSON.stringify(path.join(ROOT, 'src', 'index.ts'))});\n`);
  fs.writeFileSync(path.join(pkg, 'compliance', 'index.js'), `module.exports = require(${JSON.stringify(path.join(ROOT, 'compliance', 'index.ts'))});\n`);
}

describe('tenant-blocks init', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-init-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a new app in a fresh folder synthesizes offline with 0 findings and 0 synth warnings', () => {
    // GIVEN
    const app = path.join(dir, 'platform');
    // WHEN
    const result = initPlatformApp(app, { platformAccount: '123456789012', tenantAccount: '210987654321', region: 'eu-west-1', tenantId: 'globex' });
    linkPackages(app);
    const run = spawnSync('npx', ['ts-node', '--prefer-ts-exts', 'main.ts'], {
      cwd: app,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', JSII_DEPRECATED: 'quiet', TS_NODE_PROJECT: path.join(app, 'tsconfig.json') },
    });
    // THEN
    expect(result.files).toEqual(expect.arrayContaining(['app.ts', 'cdk.context.json', 'package.json', 'platform.json', 'tenants.json', 'README.md']));
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toContain('unsuppressed compliance findings: 0');
    expect(output).toContain('synth warnings: 0');
    expect(output).toMatch(/Tenant-globex\s+tenant\s+210987654321\s+DEVELOPMENT/);
    expect(output).not.toMatch(/Need to perform AWS calls/);
    expect(run.status).toBe(0);
    // the app imports the published package, never the repository's sources
    for (const file of ['app.ts', 'config.ts', 'platform.ts', 'main.ts']) {
      expect(fs.readFileSync(path.join(app, file), 'utf8')).not.toMatch(/\.\.\/\.\.\/(src|compliance)/);
    }
  }, 600_000);

  test.each([
    ['the platform account is not 12 digits', { platformAccount: '1234' }, '--platform-account'],
    ['the tenant id is not a tenant id', { tenantId: 'Bad_Id' }, '--tenant-id'],
    ['the region is not a region', { region: 'moon-1' }, '--region'],
    ['the tenant account is the platform account', { platformAccount: '123456789012', tenantAccount: '123456789012' }, '--tenant-account: must not be the platform account'],
  ])('throws when %s, and writes nothing', (_name, options, message) => {
    const app = path.join(dir, 'platform');
    expect(() => initPlatformApp(app, options)).toThrow(message);
    expect(fs.existsSync(app)).toBe(false);
  });

  test('refuses a folder that is not empty (nothing overwritten)', () => {
    fs.writeFileSync(path.join(dir, 'tenants.json'), 'mine');
    expect(() => initPlatformApp(dir)).toThrow('<dir>: is not empty');
    expect(fs.readFileSync(path.join(dir, 'tenants.json'), 'utf8')).toBe('mine');
  });

  test('writes no availability zones where their names differ per account (the first synth with credentials looks them up)', () => {
    const app = path.join(dir, 'west');
    const result = initPlatformApp(app, { region: 'us-west-1' });
    expect(result.zonesWritten).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(app, 'cdk.context.json'), 'utf8'))).toEqual({});
    expect(fs.readFileSync(path.join(app, 'README.md'), 'utf8')).toContain('zone names in us-west-1 differ per account');
    expect(initPlatformApp(path.join(dir, 'east'), { region: 'us-east-1' }).zonesWritten).toBe(true);
  });

  test('the generated synth script never makes a deployable assembly with made-up link ids', () => {
    const app = path.join(dir, 'platform');
    initPlatformApp(app);
    expect(JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).scripts.synth).toBe('cdk synth -c throwawayExternalIds=true');
  });

  test('rewrites the example\'s imports of the sources to the package', () => {
    expect(rewriteImports("import { A } from '../../src';\nimport { B } from '../../src/tenant';\nimport { c } from '../../compliance/index';"))
      .toBe("import { A } from 'cdk-tenant-blocks';\nimport { B } from 'cdk-tenant-blocks';\nimport { c } from 'cdk-tenant-blocks/compliance';");
  });
});
