/**
 * Benchmark of the developer loop's push (issue 23 §2): from saving a file to the new code answering
 * in the tenant, through the local simulation — the bundled command-line client as a child process
 * (esbuild bundle, type check, zip, SigV4), the real API handler and scopes on dynalite, and the
 * API's real code push (`lambdaCodePushTarget`, real SDK client) on the fake Lambda API, which
 * stores the code; "answering" is the handler behind the `live` alias returning the new value.
 *
 *   npx ts-node --transpile-only --prefer-ts-exts bench/push.ts [pushes=10]
 *
 * Prints median and max over the pushes of each mode — `push --watch` (one client process kept
 * running, type checker and esbuild warm; type-checked), one-shot type-checked (the default; it
 * resumes the type-check state the previous push saved), one-shot type-checked without that state
 * (a fresh cache folder each time), and one-shot --no-type-check — the phases (bundle in the
 * client, the API's push), and the calls of one push (to the API and to Lambda). The load average
 * is printed with them (at the start and at the end): the figures are the machine's as much as ours.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { ApiClient } from '../src/cli/client';
import { zip } from '../src/cli/zip';
import { FakeLambda } from '../test/cli/fake-lambda';
import { LocalIdentity, functionNameOf, startLocalApi } from '../test/cli/local-api';
import { devSpec } from '../test/platform/provisioner/support';

const ROOT = path.join(__dirname, '..');
const FIXTURE = path.join(ROOT, 'test', 'cli', 'fixtures', 'push-app');
const PUSHES = Number(process.argv[2] ?? 10);
const ACCOUNT = '250987654321';
const DEVELOPER: LocalIdentity = {
  accessKeyId: 'AKIABENCHDEVELOPER01', secretAccessKey: 'secret-of-bench', principalArn: 'arn:aws:sts::111111111111:assumed-role/app-developer/bench',
};

function stats(values: number[]): { median: number; max: number; min: number } {
  const s = [...values].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, max: s[s.length - 1], min: s[0] };
}

interface Mode {
  readonly name: string;
  readonly args: string[];
  /** A fresh TENANT_BLOCKS_CACHE_DIR for each push: no saved type-check state. */
  readonly freshCache?: boolean;
  readonly watch?: boolean;
  readonly totals: number[];
  readonly bundles: number[];
  readonly pushes: number[];
}

/** The `push --watch` client: its output so far, and a wait for a line to appear `times` times. */
class WatchingClient {
  public out = '';
  public err = '';
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number | null>;

  constructor(bundle: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, env });
    this.child.stdout.on('data', (c) => { this.out += c; });
    this.child.stderr.on('data', (c) => { this.err += c; });
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
  }

  public count(pattern: RegExp): number {
    return this.out.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  }

  public async until(pattern: RegExp, times: number): Promise<void> {
    // 5 ms: the wait's own share of the measured time stays small
    for (let i = 0; this.count(pattern) < times; i++) {
      if (i > 24_000) throw new Error(`push --watch: no ${pattern} after 120 s:\n${this.out}\n${this.err}`);
      if (this.err !== '') throw new Error(`push --watch: ${this.err}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  public async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

const PUSHED = /runs version \d+ \(code [0-9a-f]{64}\) — pushed in (\d+) ms/;

/** Modules of the larger app. */
const LARGE_MODULES = 80;

/**
 * The fixture's handler and greeting plus a chain of modules with types and code in each (what a
 * real app's check spends its time on), the entry importing the last one.
 */
function largeAppFolder(dir: string): string {
  const app = path.join(dir, 'large-app');
  fs.mkdirSync(app);
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(app, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  for (let i = 0; i < LARGE_MODULES; i++) {
    const prev = i > 0 ? `import { f${i - 1}, T${i - 1} } from './m${i - 1}';\n` : '';
    fs.writeFileSync(path.join(app, `m${i}.ts`), `${prev}
export interface T${i} { id: number; name: string; tags: string[]; nested: { a: number; b: Array<{ c: string; d: Record<string, number> }> }; prev?: ${i > 0 ? `T${i - 1}` : 'string'} }
export function f${i}(xs: T${i}[]): Map<string, T${i}[]> {
  const m = new Map<string, T${i}[]>();
  for (const x of xs) {
    const key = x.tags.map((t) => t.toUpperCase()).filter((t) => t.length > 2).join('-');
    const list = m.get(key) ?? [];
    list.push({ ...x, nested: { ...x.nested, b: x.nested.b.map((y) => ({ ...y, d: Object.fromEntries(Object.entries(y.d).map(([k, v]) => [k, v * 2])) })) } });
    m.set(key, list);
  }
  ${i > 0 ? `void f${i - 1}([] as T${i - 1}[]);` : ''}
  return m;
}
export const g${i} = <K extends keyof T${i}>(x: T${i}, k: K): T${i}[K] => x[k];
`);
  }
  const index = fs.readFileSync(path.join(app, 'index.ts'), 'utf8');
  fs.writeFileSync(path.join(app, 'index.ts'), `import { f${LARGE_MODULES - 1} } from './m${LARGE_MODULES - 1}';\n${index}export const size = () => f${LARGE_MODULES - 1}([]).size;\n`);
  return app;
}

function runCli(bundle: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => { stdout += c; });
  child.stderr.on('data', (c) => { stderr += c; });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-push-bench-'));
  const bundle = path.join(dir, 'tenant-blocks.js');
  buildSync({ entryPoints: [path.join(ROOT, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'error', external: ['pg-native'] });
  const app = path.join(dir, 'app');
  fs.mkdirSync(app);
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(app, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));

  // The API's own settings: its default poll of the function's update status (500 ms).
  const lambda = await FakeLambda.start();
  const api = await startLocalApi([
    { principalArn: 'arn:aws:iam::111111111111:role/app-developer', tenantIds: ['bench-dev'], actions: ['READ', 'CREATE', 'CODE_PUSH'] },
  ], [DEVELOPER], [ACCOUNT], { lambda });
  const env = {
    PATH: process.env.PATH,
    TENANT_BLOCKS_ENDPOINT: api.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: DEVELOPER.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEVELOPER.secretAccessKey,
    AWS_CONFIG_FILE: path.join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    TENANT_BLOCKS_CACHE_DIR: path.join(dir, 'cache'),
  };
  Object.assign(process.env, env);
  const loadAtStart = os.loadavg()[0];
  const modes: Mode[] = [
    { name: 'push --watch, type-checked (checker and esbuild kept warm)', args: ['--watch'], watch: true, totals: [], bundles: [], pushes: [] },
    { name: 'one-shot, type-checked (the default; resumes the saved type-check state)', args: [], totals: [], bundles: [], pushes: [] },
    { name: 'one-shot, type-checked, no saved state (a fresh cache folder each push)', args: [], freshCache: true, totals: [], bundles: [], pushes: [] },
    { name: 'one-shot, --no-type-check', args: ['--no-type-check'], totals: [], bundles: [], pushes: [] },
  ];
  // the same loop on an app with code in it: whether the saved state pays depends on how much checking it saves
  const largeApp = largeAppFolder(dir);
  const largeModes: Mode[] = [
    { name: 'push --watch, type-checked', args: ['--watch'], watch: true, totals: [], bundles: [], pushes: [] },
    { name: 'one-shot, type-checked (resumes the saved type-check state)', args: [], totals: [], bundles: [], pushes: [] },
    { name: 'one-shot, type-checked, no saved state', args: [], freshCache: true, totals: [], bundles: [], pushes: [] },
  ];
  let calls: { api: number; lambda: Record<string, number> } | undefined;
  let n = 0;
  try {
    const client = new ApiClient({ endpoint: api.endpoint, region: 'us-east-1' });
    const created = await client.request('POST', '/tenants', { body: { spec: devSpec('bench-dev', { account: ACCOUNT }) } });
    if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.json)}`);
    for (let i = 0; i < 100 && (await api.registry.getTenant('bench-dev'))?.deployedSpec === undefined; i++) await new Promise((r) => setTimeout(r, 100));
    lambda.addFunction({
      account: ACCOUNT,
      name: functionNameOf('bench-dev'),
      tags: { 'tenant-blocks:tenant': 'bench-dev', 'tenant-blocks:tier': 'DEVELOPMENT' },
      code: zip([{ name: 'index.js', data: Buffer.from("exports.handler = async () => ({ statusCode: 200, headers: { 'x-greeting': 'release' } });\n") }]),
    });
    const measure = async (appDir: string, group: Mode[]): Promise<void> => {
      const save = (value: string) => fs.writeFileSync(path.join(appDir, 'greeting.ts'), `export function greeting(): string {\n  return '${value}';\n}\n`);
      const answers = async (value: string, i: number) => {
        const answer = await lambda.invoke(ACCOUNT, functionNameOf('bench-dev'), { path: '/' }) as { headers: Record<string, string> };
        if (answer.headers['x-greeting'] !== value) throw new Error(`push ${i}: the live alias answers ${answer.headers['x-greeting']}, not ${value}`);
      };
      for (const mode of group.filter((m) => m.watch)) {
        save(`bench-${n++}`);
        const watching = new WatchingClient(bundle, ['push', '--tenant', 'bench-dev', appDir, ...mode.args], env);
        await watching.until(/watching /, 1);
        for (let i = 0; i < PUSHES; i++) {
          const value = `bench-${n++}`;
          const pushed = watching.count(PUSHED);
          const apiFrom = api.requests.length;
          const lambdaFrom = lambda.calls.length;
          // the save is what the watcher sees: the clock starts just before it
          const started = process.hrtime.bigint();
          save(value);
          await watching.until(PUSHED, pushed + 1);
          await answers(value, i);
          mode.totals.push(Number(process.hrtime.bigint() - started) / 1e6);
          const lines = watching.out.trim().split('\n');
          mode.bundles.push(Number(/bundled .* in (\d+) ms/.exec(lines[lines.length - 2])?.[1]));
          mode.pushes.push(Number(PUSHED.exec(lines[lines.length - 1])?.[1]));
          calls = { api: api.requests.length - apiFrom, lambda: lambda.count(lambdaFrom) };
          // a developer's saves are seconds apart: let the watcher's event queue drain
          await new Promise((r) => setTimeout(r, 200));
        }
        const code = await watching.stop();
        if (code !== 0) throw new Error(`push --watch exited ${code} at Ctrl-C`);
      }
      // the one-shot group take turns, push by push: a change of the machine's load hits them alike
      for (let i = 0; i < PUSHES; i++) {
        for (const mode of group.filter((m) => !m.watch)) {
          const value = `bench-${n++}`;
          const apiFrom = api.requests.length;
          const lambdaFrom = lambda.calls.length;
          const runEnv = mode.freshCache ? { ...env, TENANT_BLOCKS_CACHE_DIR: fs.mkdtempSync(path.join(dir, 'fresh-cache-')) } : env;
          const started = process.hrtime.bigint();
          save(value);
          // not spawnSync: the simulated API answers from this process's event loop
          const run = await runCli(bundle, ['push', '--tenant', 'bench-dev', appDir, ...mode.args], runEnv);
          if (run.status !== 0) throw new Error(`push ${i} failed: ${run.stderr}`);
          await answers(value, i);
          mode.totals.push(Number(process.hrtime.bigint() - started) / 1e6);
          mode.bundles.push(Number(/bundled .* in (\d+) ms/.exec(run.stdout)?.[1]));
          mode.pushes.push(Number(/pushed in (\d+) ms/.exec(run.stdout)?.[1]));
          calls = { api: api.requests.length - apiFrom, lambda: lambda.count(lambdaFrom) };
        }
      }
    };
    await measure(app, modes);
    await measure(largeApp, largeModes);
  } finally {
    await api.close();
    await lambda.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const lambdaCalls = Object.entries(calls!.lambda).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`tenant-blocks push, save → new code answering behind the live alias, ${PUSHES} saves per mode (TypeScript apps; local simulation; ${new Date().toISOString()}; load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores):`);
  for (const [title, group] of [['the fixture app (2 modules)', modes], [`a larger app (${LARGE_MODULES} modules; each save edits one function's body)`, largeModes]] as const) {
    console.log(`${title}:`);
    for (const m of group) {
      const t = stats(m.totals);
      const b = stats(m.bundles);
      const p = stats(m.pushes);
      console.log(`${m.name}:`);
      console.log(`  total:  median ${t.median.toFixed(0)} ms, max ${t.max.toFixed(0)} ms, min ${t.min.toFixed(0)} ms   (all: ${m.totals.map((x) => x.toFixed(0)).join(' ')})`);
      console.log(`  bundle: median ${b.median.toFixed(0)} ms, max ${b.max.toFixed(0)} ms (in the client: esbuild${m.args.includes('--no-type-check') ? '' : ', type check'}, zip, sha256)`);
      console.log(`  push:   median ${p.median.toFixed(0)} ms, max ${p.max.toFixed(0)} ms (the API's request: registry, lock, Lambda calls, history)`);
    }
  }
  console.log(`calls of one push: ${calls!.api} to the API; to Lambda: ${lambdaCalls}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
