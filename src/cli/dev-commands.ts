/**
 * The developer loop's API commands (issue 23 §2, §3): `tenant-blocks push` (the app's code into a
 * DEVELOPMENT tenant's function through the provisioner, without a deploy) and `tenant-blocks logs`
 * (the tenant's function and database lines from the hub, printed exactly like `tenant-blocks dev`
 * prints its own).
 */
import { ApiAnswer, ApiClient } from './client';
import { Output } from './progress';
import { AppPackage, AppPackager, PackageError, PackageOptions, packageProblems, size } from './push';
import { watchApp } from '../dev/app-watch';
import { fromHubLogLine, formatLogLine, HubLogLine } from '../dev/log-line';

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly help: string;
  readonly short?: string;
}

/** What a command of this file gets (the shape of `CommandContext`, without importing it back). */
interface DevContext {
  readonly client: ApiClient;
  readonly out: Output;
  readonly args: string[];
  readonly options: Record<string, string | boolean | undefined>;
  readonly pollMs: number;
}

/** A mistake on the command line of these commands (exit code 2). */
export class DevUsageError extends Error {}

/** The API's URL, as `--api` (the same as `--endpoint`). */
const API: Record<string, OptionSpec> = {
  api: { type: 'string', help: 'the provisioner API\'s URL with its stage (the same as --endpoint)' },
};

/** Lines the hub may deliver late: its Firehose buffers 60 s, and two log groups arrive independently. */
export const FOLLOW_LATE_MS = 120_000;

/** Poll of a running log query: Athena answers in about a second. */
const QUERY_POLL_MS = 1000;

/** The commands of this file. */
export const DEV_COMMANDS = {
  push: {
    usage: 'push --tenant <id> [<appDir>] [--watch] [--handler index.handler] [--entry <file>] [--runtime nodejs24.x] [--no-type-check] [--expected-version <n>] [--api <url>]',
    summary: 'Bundle the app as tenant-blocks dev runs it and push it to a DEVELOPMENT tenant\'s function (seconds, no deploy; recorded in its history)',
    args: [] as string[],
    optionalArgs: ['appDir'],
    options: {
      'tenant': { type: 'string' as const, help: 'the DEVELOPMENT tenant whose function gets the code (required)' },
      'handler': { type: 'string' as const, help: 'the function\'s handler, <module>.<export> (default index.handler): the bundle is written as <module>.js' },
      'entry': { type: 'string' as const, help: 'the entry file (default: <module>.ts|.js|... in the app\'s folder)' },
      'runtime': { type: 'string' as const, help: 'the function\'s Node.js runtime, esbuild\'s target (default nodejs24.x)' },
      'watch': { type: 'boolean' as const, short: 'w', help: 'push now, then again on every save, with the type checker and esbuild kept warm (a type error pushes nothing; Ctrl-C stops, exit code 0)' },
      'no-type-check': { type: 'boolean' as const, help: 'push a TypeScript app without type-checking it first' },
      'expected-version': { type: 'string' as const, help: 'refuse the push unless the tenant is at this version' },
      ...API,
    },
    async run(ctx: DevContext): Promise<number> {
      return runPush(ctx);
    },
  },
  logs: {
    usage: 'logs --tenant <id> [--since 10m|1h|2d|<ISO time>] [--until <ISO time>] [--filter <text>] [--limit <n>] [--follow] [--api <url>]',
    summary: 'Print a tenant\'s function and database log lines from the hub, as tenant-blocks dev prints them (time, source, request id, level, message); --follow streams until Ctrl-C',
    args: [] as string[],
    options: {
      tenant: { type: 'string' as const, help: 'the tenant (required; your scope needs READ_LOGS on it)' },
      since: { type: 'string' as const, help: 'from when: a duration back from now (30s, 10m, 1h, 2d) or an ISO 8601 time (default 10m)' },
      until: { type: 'string' as const, help: 'until when, an ISO 8601 time (default: now; not with --follow)' },
      filter: { type: 'string' as const, help: 'only lines whose message contains this text' },
      limit: { type: 'string' as const, help: 'at most this many lines per query (default: the API\'s)' },
      follow: { type: 'boolean' as const, short: 'f', help: 'keep printing new lines every few seconds until Ctrl-C (exit code 0)' },
      ...API,
    },
    async run(ctx: DevContext): Promise<number> {
      return runLogs(ctx);
    },
  },
};

/** `10m` → 10 minutes before `now`; an ISO 8601 time as is; throws a usage error otherwise. */
export function parseSince(value: string, now: Date): Date {
  const m = /^(\d+)(s|m|h|d)$/.exec(value.trim());
  if (m) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(m[1]) * unit);
  }
  if (/^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(value.trim())) {
    const t = new Date(value.trim());
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new DevUsageError(`--since: expected a duration (30s, 10m, 1h, 2d) or an ISO 8601 time such as 2026-12-06T18:00:00Z (got: '${value}')`);
}

/** What a watch remembers of its last push: the code's hash, and whether the deploy note was printed. */
interface LastPush {
  sha256?: string;
  noted?: boolean;
}

/** What a push cycle ended with. */
type PushOutcome = 'pushed' | 'unchanged' | 'does-not-build' | 'refused';

async function runPush(ctx: DevContext): Promise<number> {
  const tenantId = required(ctx, 'tenant');
  const options: PackageOptions = {
    appDir: ctx.args[0] ?? '.',
    handler: str(ctx.options.handler),
    entry: str(ctx.options.entry),
    runtime: str(ctx.options.runtime),
    typeCheck: ctx.options['no-type-check'] === true ? false : undefined,
  };
  const watch = ctx.options.watch === true;
  if (watch && ctx.options.json) throw new DevUsageError('--watch and --json exclude each other');
  // the first push moves the tenant's version: every later one would be refused
  if (watch && ctx.options['expected-version'] !== undefined) throw new DevUsageError('--watch and --expected-version exclude each other');
  let packager: AppPackager;
  try {
    packager = await AppPackager.create(options, watch);
  } catch (e) {
    if (!(e instanceof PackageError)) throw new DevUsageError((e as Error).message);
    ctx.out.error(`${tenantId}: the app does not build, nothing pushed:`);
    e.problems.forEach((p) => ctx.out.error(p));
    return 1;
  }
  try {
    if (!watch) {
      const outcome = await pushOnce(ctx, tenantId, packager);
      return outcome === 'pushed' ? 0 : 1;
    }
    return await watchAndPush(ctx, tenantId, packager);
  } finally {
    await packager.dispose();
  }
}

/**
 * `push --watch`: one push now, then one per save. One push is in flight at a time; saves during
 * it queue exactly one more (which packages the folder as it is then, so no save is lost and none
 * is pushed twice). A build or type error prints and pushes nothing: the last good push keeps
 * serving. A refusal of the API prints and the watch goes on (a 409 passes once the other
 * operation ends), except at the first push, where it ends the command (exit 1): a PRODUCTION
 * tenant or a missing scope will not change on save. Ctrl-C stops watching, lets a push in flight
 * finish, and exits 0.
 */
async function watchAndPush(ctx: DevContext, tenantId: string, packager: AppPackager): Promise<number> {
  const stop = interruptible();
  const last: LastPush = {};
  try {
    const first = await pushOnce(ctx, tenantId, packager, last);
    if (first === 'refused' || stop.stopped) return first === 'refused' ? 1 : 0;
    let running: Promise<void> | undefined;
    let queued = false;
    const cycle = async (): Promise<void> => {
      do {
        queued = false;
        try {
          await pushOnce(ctx, tenantId, packager, last);
        } catch (e) {
          // the API out of reach, expired credentials: said, and the next save tries again
          ctx.out.error(`${tenantId}: the push failed, nothing pushed: ${(e as Error).message}`);
        }
      } while (queued && !stop.stopped);
      running = undefined;
    };
    const watcher = watchApp(packager.appDir, () => {
      if (stop.stopped) return;
      if (running) {
        queued = true;
        return;
      }
      running = cycle();
    });
    ctx.out.line(`${tenantId}: watching ${packager.appDir} — every save is ${packager.typeChecks ? 'type-checked, ' : ''}bundled and pushed (Ctrl-C stops)`);
    await stop.done;
    watcher.close();
    await running;
    return 0;
  } finally {
    stop.dispose();
  }
}

/** Packages the app and pushes it once, printing what happened. */
async function pushOnce(ctx: DevContext, tenantId: string, packager: AppPackager, last?: LastPush): Promise<PushOutcome> {
  let pkg: AppPackage;
  try {
    pkg = await packager.package();
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    ctx.out.error(`${tenantId}: the app does not build, nothing pushed${last?.sha256 !== undefined ? ' (the last push keeps serving)' : ''}:`);
    e.problems.forEach((p) => ctx.out.error(p));
    return 'does-not-build';
  }
  const what = `${pkg.files.map((f) => f.name).join(', ')} (${size(pkg.zip.length)} zipped, ${size(pkg.unzippedBytes)} unzipped, sha256 ${pkg.sha256.slice(0, 12)})`;
  const problems = packageProblems(pkg);
  if (problems.length > 0) {
    problems.forEach((p) => ctx.out.error(p));
    return 'does-not-build';
  }
  // say when a TypeScript app went unchecked without being told to
  const checked = pkg.typeChecked ? ', type-checked' : /\.[mc]?ts$/.test(pkg.entry) && ctx.options['no-type-check'] !== true
    ? ', not type-checked (no tsconfig.json, or no typescript, in the app\'s folder)' : '';
  // a save that leaves the bundle as it was (a comment, a file the entry does not import) sends nothing
  if (last?.sha256 === pkg.sha256) {
    ctx.out.line(`${tenantId}: bundled ${what} in ${pkg.buildMs} ms${checked} — the same code as the last push, nothing pushed`);
    return 'unchanged';
  }
  ctx.out.line(`${tenantId}: bundled ${what} in ${pkg.buildMs} ms${checked}`);
  const expected = str(ctx.options['expected-version']);
  const started = Date.now();
  const a = await ctx.client.request('POST', `/tenants/${encodeURIComponent(tenantId)}/code`, {
    body: {
      zipBase64: pkg.zip.toString('base64'),
      sha256: pkg.sha256,
      ...(expected !== undefined ? { expectedVersion: Number(expected) } : {}),
    },
  });
  if (!ok(a)) {
    fail(ctx.out, a);
    return 'refused';
  }
  if (last) last.sha256 = pkg.sha256;
  if (ctx.options.json) {
    ctx.out.line(JSON.stringify(a.json, null, 2));
    return 'pushed';
  }
  const r = a.json;
  const who = r.requestedBy ? ` by ${r.requestedBy}` : '';
  ctx.out.line(`${tenantId}: function ${r.functionName} runs version ${r.version} (code ${r.codeSha256}) — pushed${who} in ${Date.now() - started} ms, operation ${r.operationId}`);
  // once per watch: every push of it would say the same
  if (r.restoredBy && !(last && last.noted)) ctx.out.line(`note: ${r.restoredBy}`);
  if (last) last.noted = true;
  return 'pushed';
}

async function runLogs(ctx: DevContext): Promise<number> {
  const tenantId = required(ctx, 'tenant');
  const follow = ctx.options.follow === true;
  const firstSince = parseSince(str(ctx.options.since) ?? '10m', new Date());
  const until = str(ctx.options.until);
  if (until !== undefined && follow) throw new DevUsageError('--until and --follow exclude each other');
  if (until !== undefined && Number.isNaN(new Date(until).getTime())) throw new DevUsageError(`--until: expected an ISO 8601 time (got: '${until}')`);
  const limit = str(ctx.options.limit);
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new DevUsageError(`--limit: expected a whole number (got: '${limit}')`);
  const stop = follow ? interruptible() : undefined;
  try {
    // Lines printed so far, by identity, with how often (two identical lines are two lines): a
    // re-read of the overlap prints only what is new.
    const printed = new Map<string, { time: number; count: number }>();
    let since = firstSince;
    for (;;) {
      const queryStartedAt = Date.now();
      const lines = await queryLogs(ctx, tenantId, {
        since: since.toISOString(),
        ...(until !== undefined ? { until: new Date(until).toISOString() } : {}),
        ...(str(ctx.options.filter) !== undefined ? { filter: str(ctx.options.filter) } : {}),
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
      }, stop);
      if (typeof lines === 'number') return lines;
      const seen = new Map<string, number>();
      for (const line of lines) {
        const key = JSON.stringify([line.timestamp, line.source, line.requestId ?? null, line.level ?? null, line.message]);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        const before = printed.get(key);
        if (before !== undefined && before.count >= n) continue;
        printed.set(key, { time: Date.parse(line.timestamp), count: n });
        ctx.out.line(formatLogLine(fromHubLogLine(line)));
      }
      if (!follow || stop!.stopped) return 0;
      await stop!.sleep(ctx.pollMs);
      if (stop!.stopped) return 0;
      // The next query re-reads what may still arrive late, never before the first --since;
      // what was printed is not printed again.
      since = new Date(Math.max(firstSince.getTime(), queryStartedAt - FOLLOW_LATE_MS));
      for (const [key, v] of printed) if (v.time < since.getTime()) printed.delete(key);
    }
  } finally {
    stop?.dispose();
  }
}

/** One query to its end, every page; a number is the exit code of a refusal or failure. */
async function queryLogs(
  ctx: DevContext, tenantId: string, body: Record<string, unknown>, stop: Interruptible | undefined,
): Promise<HubLogLine[] | number> {
  const tenant = encodeURIComponent(tenantId);
  const started = await ctx.client.request('POST', `/tenants/${tenant}/logs`, { body });
  if (!ok(started)) return fail(ctx.out, started);
  const queryId = String(started.json.queryId);
  const lines: HubLogLine[] = [];
  let nextToken: string | undefined;
  for (;;) {
    const a = await ctx.client.request('GET', `/tenants/${tenant}/logs/${encodeURIComponent(queryId)}`, { query: { nextToken } });
    if (!ok(a)) return fail(ctx.out, a);
    const page = a.json;
    if (page.status === 'FAILED') {
      ctx.out.error(`the log query failed: ${page.error ?? 'no reason given'}`);
      return 1;
    }
    if (page.status === 'RUNNING') {
      if (stop) await stop.sleep(Math.min(ctx.pollMs, QUERY_POLL_MS));
      else await new Promise((r) => setTimeout(r, Math.min(ctx.pollMs, QUERY_POLL_MS)));
      if (stop?.stopped) return lines;
      continue;
    }
    lines.push(...(page.lines ?? []));
    nextToken = page.nextToken ?? undefined;
    if (!nextToken) return lines;
  }
}

interface Interruptible {
  readonly stopped: boolean;
  /** Resolves at Ctrl-C (or SIGTERM). */
  readonly done: Promise<void>;
  sleep(ms: number): Promise<void>;
  dispose(): void;
}

/** Ctrl-C (SIGINT) or SIGTERM ends a --follow: the current sleep returns at once. */
function interruptible(): Interruptible {
  let stopped = false;
  let wake: (() => void) | undefined;
  let signalled: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { signalled = resolve; });
  const onSignal = () => {
    stopped = true;
    signalled();
    wake?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get stopped() { return stopped; },
    done,
    sleep(ms) {
      if (stopped) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const t = setTimeout(() => { wake = undefined; resolve(); }, ms);
        wake = () => { clearTimeout(t); wake = undefined; resolve(); };
      });
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function required(ctx: DevContext, name: string): string {
  const v = ctx.options[name];
  if (typeof v !== 'string' || v === '') throw new DevUsageError(`--${name} <id> is required`);
  return v;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function ok(a: ApiAnswer): boolean {
  return a.status >= 200 && a.status < 300;
}

/** The API's refusal: its problems, one per line (else its message), and exit code 1. */
function fail(out: Output, a: ApiAnswer): number {
  const problems: unknown = a.json?.problems;
  const lines = Array.isArray(problems) && problems.length > 0 ? problems.map(String) : [String(a.json?.message ?? `HTTP ${a.status}`)];
  for (const line of lines) out.error(line);
  return 1;
}
