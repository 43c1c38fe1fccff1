// `push` (one-shot) keeps the app's type-check state between processes (TypeScript's incremental
// build info): a new checker resumes from it and re-checks only what a save changed. Each checker
// below stands for one `push` process.
import * as fs from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { packageApp, typeCheckStateFile } from '../../src/cli/push';
import { TypeChecker } from '../../src/dev/dev-server';

const FIXTURE = path.join(__dirname, 'fixtures', 'push-app');
let dir: string;
let app: string;
let entry: string;

function greeting(body: string): void {
  fs.writeFileSync(path.join(app, 'greeting.ts'), `export function greeting(): string {\n  ${body}\n}\n`);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'tenant-blocks-tsstate-'));
  app = path.join(dir, 'app');
  fs.mkdirSync(app);
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(app, f));
  entry = path.join(app, 'index.ts');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the type-check state a one-shot push keeps', () => {
  test('a new process resumes from it: after a save it checks the saved file only, and nothing when nothing changed (without it: every file)', () => {
    const stateFile = path.join(dir, 'cache', 'app.tsbuildinfo');
    const first = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(first.check()).toEqual([]);
    expect([first.resumed, first.lastChecked]).toEqual([false, ['greeting.ts', 'index.ts']]);
    expect(fs.existsSync(stateFile)).toBe(true);

    // the first save after a fresh state: TypeScript has not yet computed greeting.ts's declaration
    // signature, so its importers are checked too
    greeting("return 'saved-1';");
    const second = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(second.check()).toEqual([]);
    expect(second.resumed).toBe(true);

    // a save that changes greeting's body, not its type: index.ts's check cannot change, and is not redone
    greeting("return 'saved-2';");
    const resumed = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(resumed.check()).toEqual([]);
    expect([resumed.resumed, resumed.lastChecked]).toEqual([true, ['greeting.ts']]);

    // nothing changed since: nothing to check
    const third = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(third.check()).toEqual([]);
    expect([third.resumed, third.lastChecked]).toEqual([true, []]);

    // the same save without the state: every file again
    const cold = TypeChecker.forApp(app, entry)!;
    expect(cold.check()).toEqual([]);
    expect([cold.resumed, cold.lastChecked]).toEqual([false, ['greeting.ts', 'index.ts']]);
  });

  test('an error stays reported from the state when nothing changed: the state never passes a broken app', () => {
    const stateFile = path.join(dir, 'cache', 'app.tsbuildinfo');
    greeting('return 42;');
    const error = "greeting.ts:2:3: Type 'number' is not assignable to type 'string'.";
    expect(TypeChecker.forApp(app, entry, { stateFile })!.check()).toEqual([error]);
    const again = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(again.check()).toEqual([error]);
    expect([again.resumed, again.lastChecked]).toEqual([true, []]);
  });

  test('a change of a type re-checks the files that use it', () => {
    const stateFile = path.join(dir, 'cache', 'app.tsbuildinfo');
    TypeChecker.forApp(app, entry, { stateFile })!.check();
    fs.writeFileSync(path.join(app, 'greeting.ts'), 'export function greeting(name: string): string {\n  return name;\n}\n');
    const next = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(next.check()).toEqual([expect.stringMatching(/^index\.ts:\d+:\d+: Expected 1 arguments, but got 0\./), expect.stringMatching(/^index\.ts:\d+:\d+: Expected 1 arguments, but got 0\./)]);
    expect(next.lastChecked).toEqual(['greeting.ts', 'index.ts']);
  });

  test('a state file that is not TypeScript\'s is ignored: every file is checked', () => {
    const stateFile = path.join(dir, 'cache', 'app.tsbuildinfo');
    fs.mkdirSync(path.dirname(stateFile));
    fs.writeFileSync(stateFile, 'not json');
    const checker = TypeChecker.forApp(app, entry, { stateFile })!;
    expect(checker.check()).toEqual([]);
    expect([checker.resumed, checker.lastChecked]).toEqual([false, ['greeting.ts', 'index.ts']]);
  });

  test('packageApp (a one-shot push) writes it where typeCheckStateFile says', async () => {
    const before = process.env.TENANT_BLOCKS_CACHE_DIR;
    process.env.TENANT_BLOCKS_CACHE_DIR = path.join(dir, 'cache');
    try {
      const pkg = await packageApp({ appDir: app });
      expect(pkg.typeChecked).toBe(true);
      expect(fs.existsSync(typeCheckStateFile(app, entry))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TENANT_BLOCKS_CACHE_DIR;
      else process.env.TENANT_BLOCKS_CACHE_DIR = before;
    }
  }, 30_000);
});

describe('typeCheckStateFile', () => {
  test('in the app\'s node_modules/.cache/tenant-blocks when it has a node_modules folder, else the OS temporary folder; one file per app', () => {
    const before = process.env.TENANT_BLOCKS_CACHE_DIR;
    delete process.env.TENANT_BLOCKS_CACHE_DIR;
    try {
      expect(path.dirname(typeCheckStateFile(app, entry))).toBe(path.join(tmpdir(), 'tenant-blocks-cache'));
      fs.mkdirSync(path.join(app, 'node_modules'));
      expect(path.dirname(typeCheckStateFile(app, entry))).toBe(path.join(app, 'node_modules', '.cache', 'tenant-blocks'));
      const other = path.join(dir, 'other');
      expect(path.basename(typeCheckStateFile(other, path.join(other, 'index.ts')))).not.toBe(path.basename(typeCheckStateFile(app, entry)));
      expect(path.basename(typeCheckStateFile(app, entry))).toMatch(/^typecheck-[0-9a-f]{16}\.tsbuildinfo$/);
    } finally {
      if (before !== undefined) process.env.TENANT_BLOCKS_CACHE_DIR = before;
    }
  });
});
