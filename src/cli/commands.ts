/**
 * The commands of `tenant-blocks`: one table (usage, summary, options) that drives parsing, `--help`
 * and dispatch, so every command has its help and no command exists without one.
 */
import { readFileSync } from 'fs';
import { parseArgs } from 'util';
import { ApiAnswer, ApiClient } from './client';
import { DEV_COMMANDS } from './dev-commands';
import { FLEET_COMMANDS, LOCAL_COMMANDS } from './fleet-commands';
import { Output, watchOperation, watchRollout } from './progress';

/** An option of a command. */
interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly help: string;
  readonly short?: string;
}

/** What a command gets. */
export interface CommandContext {
  readonly client: ApiClient;
  readonly out: Output;
  readonly args: string[];
  readonly options: Record<string, string | boolean | undefined>;
  /** Milliseconds between two polls of a progress display. */
  readonly pollMs: number;
}

/** One command. */
export interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly args: string[];
  /** Arguments after `args` that may be left out (`push [<appDir>]`). @default - none */
  readonly optionalArgs?: string[];
  readonly options: Record<string, OptionSpec>;
  /** A command that needs no API: it runs without an endpoint, credentials or `ctx.client`. */
  readonly local?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  endpoint: { type: 'string', help: 'the API URL with its stage (default: $TENANT_BLOCKS_ENDPOINT), e.g. https://abc.execute-api.eu-west-1.amazonaws.com/v1' },
  region: { type: 'string', help: 'the API\'s region (default: from the endpoint, else $AWS_REGION)' },
  profile: { type: 'string', help: 'an AWS profile (default: the standard credential chain)' },
  json: { type: 'boolean', help: 'print the API\'s JSON answer instead of a summary' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

const WAIT: Record<string, OptionSpec> = {
  'no-wait': { type: 'boolean', help: 'return once the API accepted the request, without following the operation' },
};

/** Every command, by its words. */
export const COMMANDS: Record<string, Command> = {
  'tenants list': {
    usage: 'tenants list [--limit <n>]',
    summary: 'List the tenants you may read (every page)',
    args: [],
    options: { limit: { type: 'string', help: 'page size, 1-100 (default 100)' } },
    async run(ctx) {
      const tenants: any[] = [];
      let nextToken: string | undefined;
      do {
        const a = await call(ctx, 'GET', '/tenants', { query: { limit: str(ctx.options.limit) ?? '100', nextToken } });
        if (!ok(a)) return fail(ctx, a);
        tenants.push(...a.json.tenants);
        nextToken = a.json.nextToken ?? undefined;
      } while (nextToken);
      if (ctx.options.json) return print(ctx, { tenants });
      ctx.out.table(['TENANT', 'STATE', 'TIER', 'ACCOUNT', 'RELEASE', 'VERSION', 'IN FLIGHT'],
        tenants.map((t) => [t.tenantId, t.state, t.tier, t.account, t.release, String(t.version), t.operationInFlight ?? '-']));
      return 0;
    },
  },
  'tenants get': {
    usage: 'tenants get <tenantId>',
    summary: 'Show a tenant, its spec and its last operation',
    args: ['tenantId'],
    options: {},
    async run(ctx) {
      const a = await call(ctx, 'GET', `/tenants/${seg(ctx.args[0])}`);
      if (!ok(a)) return fail(ctx, a);
      if (ctx.options.json) return print(ctx, a.json);
      const t = a.json.tenant;
      ctx.out.line(`${t.tenantId}  ${t.state}  ${t.tier}  account ${t.account}  release ${t.release}  version ${t.version}`);
      if (t.operationInFlight) ctx.out.line(`operation in flight: ${t.operationInFlight}`);
      const last = a.json.lastOperation;
      if (last) ctx.out.line(`last operation: ${last.type} ${last.status} (${last.operationId})${last.reason ? `: ${last.reason}` : ''}`);
      ctx.out.line(JSON.stringify(t.spec, null, 2));
      return 0;
    },
  },
  'tenants create': {
    usage: 'tenants create --spec <file.json> [--release <label>] [--in-maintenance-window] [--no-wait]',
    summary: 'Create a tenant from its spec file, and follow the operation until it ends',
    args: [],
    options: {
      'spec': { type: 'string', help: 'the tenant spec (JSON file, validated by the API with every problem listed)' },
      'release': { type: 'string', help: 'the platform app release (default: the provisioner\'s)' },
      'in-maintenance-window': { type: 'boolean', help: 'wait for the tenant\'s maintenance window' },
      ...WAIT,
    },
    async run(ctx) {
      if (typeof ctx.options.spec !== 'string') return usage(ctx, 'tenants create', '--spec <file.json> is required');
      const spec = readJson(ctx.options.spec);
      const a = await call(ctx, 'POST', '/tenants', { body: { spec, ...opt('release', ctx.options.release), ...flag('inMaintenanceWindow', ctx.options['in-maintenance-window']) } });
      return accepted(ctx, a);
    },
  },
  'tenants change': {
    usage: 'tenants change <tenantId> [--settings <file.json> | --set <json>] [--release <label>] [--expected-version <n>] [--in-maintenance-window] [--no-wait]',
    summary: 'Change a tenant\'s settings (merged into its spec) or release, and follow the operation',
    args: ['tenantId'],
    options: {
      'settings': { type: 'string', help: 'a JSON file with the settings to change (merged into the spec)' },
      'set': { type: 'string', help: 'the settings to change as inline JSON, e.g. \'{"database":{"maxCapacity":4}}\'' },
      'release': { type: 'string', help: 'move the tenant to this release' },
      'expected-version': { type: 'string', help: 'refuse the change unless the tenant is at this version' },
      'in-maintenance-window': { type: 'boolean', help: 'wait for the tenant\'s maintenance window' },
      ...WAIT,
    },
    async run(ctx) {
      const settings = typeof ctx.options.settings === 'string' ? readJson(ctx.options.settings)
        : typeof ctx.options.set === 'string' ? parseJson(ctx.options.set, '--set') : undefined;
      if (settings === undefined && ctx.options.release === undefined) return usage(ctx, 'tenants change', 'give --settings, --set or --release');
      const body = {
        ...(settings !== undefined ? { settings } : {}),
        ...opt('release', ctx.options.release),
        ...(ctx.options['expected-version'] !== undefined ? { expectedVersion: Number(ctx.options['expected-version']) } : {}),
        ...flag('inMaintenanceWindow', ctx.options['in-maintenance-window']),
      };
      return accepted(ctx, await call(ctx, 'PATCH', `/tenants/${seg(ctx.args[0])}`, { body }));
    },
  },
  'tenants suspend': {
    usage: 'tenants suspend <tenantId> [--no-wait]',
    summary: 'Suspend a tenant (no rollouts reach it; a PRODUCTION tenant must be suspended before it is destroyed)',
    args: ['tenantId'],
    options: { ...WAIT },
    async run(ctx) {
      return stateChange(ctx, 'SUSPENDED');
    },
  },
  'tenants resume': {
    usage: 'tenants resume <tenantId> [--no-wait]',
    summary: 'Resume a suspended tenant',
    args: ['tenantId'],
    options: { ...WAIT },
    async run(ctx) {
      return stateChange(ctx, 'ACTIVE');
    },
  },
  'tenants destroy': {
    usage: 'tenants destroy <tenantId> [--confirm <tenantId>] [--no-wait]',
    summary: 'Destroy a tenant (PRODUCTION: suspend it first and name it again with --confirm)',
    args: ['tenantId'],
    options: { confirm: { type: 'string', help: 'the tenant id again (required for a PRODUCTION tenant)' }, ...WAIT },
    async run(ctx) {
      return accepted(ctx, await call(ctx, 'DELETE', `/tenants/${seg(ctx.args[0])}`, { body: { ...opt('confirm', ctx.options.confirm) } }));
    },
  },
  'tenants drift': {
    usage: 'tenants drift <tenantId> [--no-wait]',
    summary: 'Detect drift of a tenant\'s stack, and follow the detection until it ends',
    args: ['tenantId'],
    options: { ...WAIT },
    async run(ctx) {
      return accepted(ctx, await call(ctx, 'POST', `/tenants/${seg(ctx.args[0])}/drift`));
    },
  },
  'tenants history': {
    usage: 'tenants history <tenantId> [--limit <n>]',
    summary: 'List a tenant\'s operations, newest first',
    args: ['tenantId'],
    options: { limit: { type: 'string', help: 'how many (1-100, default 25)' } },
    async run(ctx) {
      const a = await call(ctx, 'GET', `/tenants/${seg(ctx.args[0])}/operations`, { query: { limit: str(ctx.options.limit) } });
      if (!ok(a)) return fail(ctx, a);
      if (ctx.options.json) return print(ctx, a.json);
      ctx.out.table(['OPERATION', 'TYPE', 'STATUS', 'REQUESTED', 'BY', 'REASON'],
        a.json.operations.map((o: any) => [o.operationId, o.type, o.status, o.requestedAt, o.requestedBy, o.reason ?? '']));
      return 0;
    },
  },
  'operations get': {
    usage: 'operations get <operationId>',
    summary: 'Show an operation',
    args: ['operationId'],
    options: {},
    async run(ctx) {
      const a = await call(ctx, 'GET', `/operations/${seg(ctx.args[0])}`);
      if (!ok(a)) return fail(ctx, a);
      return print(ctx, a.json);
    },
  },
  'operations watch': {
    usage: 'operations watch <operationId>',
    summary: 'Follow an operation until it ends (exit code 0 when it succeeded)',
    args: ['operationId'],
    options: {},
    async run(ctx) {
      return watchOperation(ctx.client, ctx.out, ctx.args[0], ctx.pollMs);
    },
  },
  'rollouts start': {
    usage: 'rollouts start --release <label> [--canaries <a,b>] [--canary-percent <n>] [--wave-size <n>] [--max-concurrency <n>] '
      + '[--tolerated-failure-percentage <n>] [--approval-between-waves] [--ignore-maintenance-windows] [--no-wait]',
    summary: 'Roll a release across the fleet in waves, and follow the rollout until it ends',
    args: [],
    options: {
      'release': { type: 'string', help: 'the release to roll out' },
      'canaries': { type: 'string', help: 'comma-separated tenant ids of the first wave' },
      'canary-percent': { type: 'string', help: 'percent of the fleet in the first wave (1-50, default 10)' },
      'wave-size': { type: 'string', help: 'tenants per wave after the canaries' },
      'max-concurrency': { type: 'string', help: 'tenants deployed at the same time within a wave' },
      'tolerated-failure-percentage': { type: 'string', help: 'failed tenants (percent) that still let the rollout go on' },
      'approval-between-waves': { type: 'boolean', help: 'wait for an approval (by someone else) before each wave' },
      'ignore-maintenance-windows': { type: 'boolean', help: 'deploy outside the tenants\' maintenance windows' },
      ...WAIT,
    },
    async run(ctx) {
      if (typeof ctx.options.release !== 'string') return usage(ctx, 'rollouts start', '--release <label> is required');
      const o = ctx.options;
      const body = {
        release: o.release,
        ...(typeof o.canaries === 'string' ? { canaries: o.canaries.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
        ...num('canaryPercent', o['canary-percent']),
        ...num('waveSize', o['wave-size']),
        ...num('maxConcurrency', o['max-concurrency']),
        ...num('toleratedFailurePercentage', o['tolerated-failure-percentage']),
        ...flag('approvalBetweenWaves', o['approval-between-waves']),
        ...(o['ignore-maintenance-windows'] ? { respectMaintenanceWindows: false } : {}),
      };
      const a = await call(ctx, 'POST', '/rollouts', { body });
      if (!ok(a)) return fail(ctx, a);
      if (ctx.options.json) print(ctx, a.json);
      else ctx.out.line(`rollout ${a.json.rollout.rolloutId} of ${a.json.rollout.release} accepted`);
      return ctx.options['no-wait'] ? 0 : watchRollout(ctx.client, ctx.out, a.json.rollout.rolloutId, ctx.pollMs);
    },
  },
  'rollouts get': {
    usage: 'rollouts get <rolloutId>',
    summary: 'Show a rollout',
    args: ['rolloutId'],
    options: {},
    async run(ctx) {
      const a = await call(ctx, 'GET', `/rollouts/${seg(ctx.args[0])}`);
      if (!ok(a)) return fail(ctx, a);
      return print(ctx, a.json);
    },
  },
  'rollouts watch': {
    usage: 'rollouts watch <rolloutId>',
    summary: 'Follow a rollout wave by wave until it ends (exit code 0 when it succeeded)',
    args: ['rolloutId'],
    options: {},
    async run(ctx) {
      return watchRollout(ctx.client, ctx.out, ctx.args[0], ctx.pollMs);
    },
  },
  'approve': {
    usage: 'approve <rolloutId> [--deny] [--comment <text>]',
    summary: 'Approve (or with --deny, stop) the next wave of a rollout; the requester of a rollout cannot approve it',
    args: ['rolloutId'],
    options: {
      deny: { type: 'boolean', help: 'stop the rollout instead of starting its next wave' },
      comment: { type: 'string', help: 'recorded with the decision (at most 1000 characters)' },
    },
    async run(ctx) {
      const a = await call(ctx, 'POST', `/rollouts/${seg(ctx.args[0])}/approval`, { body: { approved: !ctx.options.deny, ...opt('comment', ctx.options.comment) } });
      if (!ok(a)) return fail(ctx, a);
      if (ctx.options.json) return print(ctx, a.json);
      ctx.out.line(`${a.json.approved ? 'approved' : 'denied'} wave ${a.json.wave} of rollout ${a.json.rolloutId}`);
      return 0;
    },
  },
  // the fleet file (plan, apply) and the developer's machine (dev, init): src/cli/fleet-commands.ts
  ...FLEET_COMMANDS,
  // the developer loop against a DEVELOPMENT tenant (push, logs): src/cli/dev-commands.ts
  ...DEV_COMMANDS,
  ...LOCAL_COMMANDS,
};

/** Splits options and positionals for a command; throws a usage error as text. */
export function parseCommand(command: string, argv: string[]): { args: string[]; options: Record<string, string | boolean | undefined> } {
  const spec = COMMANDS[command];
  const all = { ...GLOBAL_OPTIONS, ...spec.options };
  const parsed = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(all).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }])),
    allowPositionals: true,
    strict: true,
  });
  return { args: parsed.positionals, options: parsed.values as Record<string, string | boolean | undefined> };
}

/** The help of one command. */
export function commandHelp(command: string): string {
  const spec = COMMANDS[command];
  const options = { ...spec.options, ...GLOBAL_OPTIONS };
  const width = Math.max(...Object.keys(options).map((k) => k.length)) + 4;
  return [
    `Usage: tenant-blocks ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...Object.entries(options).map(([k, o]) => `  ${`--${k}`.padEnd(width)}${o.help}`),
    '',
  ].join('\n');
}

/** The help of a group of commands (`tenants`) or of them all. */
export function overviewHelp(prefix?: string): string {
  const names = Object.keys(COMMANDS).filter((c) => prefix === undefined || c.startsWith(`${prefix} `));
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    `Usage: tenant-blocks ${prefix ?? '<command>'}${prefix ? ' <command>' : ''} [options]   (tenant-blocks <command> --help for its options)`,
    '',
    'The provisioner API\'s client, signed with SigV4 from the standard AWS credential chain.',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n].summary}`),
    '',
    'Endpoint: --endpoint or $TENANT_BLOCKS_ENDPOINT. Errors are the API\'s problems, one per line, with a non-zero exit code.',
    '',
  ].join('\n');
}

async function call(
  ctx: CommandContext, method: string, path: string, options: { query?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<ApiAnswer> {
  return ctx.client.request(method, path, options);
}

async function stateChange(ctx: CommandContext, state: string): Promise<number> {
  const a = await call(ctx, 'PATCH', `/tenants/${seg(ctx.args[0])}`, { body: { state } });
  if (!ok(a)) return fail(ctx, a);
  // A state change the API carries out with a workflow (202) is followed like any other operation.
  if (a.status === 202 && a.json.operation) return accepted(ctx, a);
  if (ctx.options.json) return print(ctx, a.json);
  ctx.out.line(`${a.json.tenant.tenantId} is ${a.json.tenant.state} (version ${a.json.tenant.version})`);
  return 0;
}

/** A write the API accepted: print it, then follow its operation unless --no-wait. */
async function accepted(ctx: CommandContext, a: ApiAnswer): Promise<number> {
  if (!ok(a)) return fail(ctx, a);
  const op = a.json.operation;
  if (ctx.options.json) print(ctx, a.json);
  else ctx.out.line(`${op.type} of ${op.tenantId} accepted: operation ${op.operationId}`);
  if (ctx.options['no-wait']) return 0;
  return watchOperation(ctx.client, ctx.out, op.operationId, ctx.pollMs);
}

function ok(a: ApiAnswer): boolean {
  return a.status >= 200 && a.status < 300;
}

/** The API's refusal: its problems, one per line (else its message), and exit code 1. */
export function fail(ctx: { out: Output }, a: ApiAnswer): number {
  const problems: unknown = a.json?.problems;
  const lines = Array.isArray(problems) && problems.length > 0 ? problems.map(String) : [String(a.json?.message ?? `HTTP ${a.status}`)];
  for (const line of lines) ctx.out.error(line);
  return 1;
}

function usage(ctx: CommandContext, command: string, problem: string): number {
  ctx.out.error(problem);
  ctx.out.error(`Usage: tenant-blocks ${COMMANDS[command].usage}`);
  return 2;
}

function print(ctx: CommandContext, json: unknown): number {
  ctx.out.line(JSON.stringify(json, null, 2));
  return 0;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function opt(name: string, v: string | boolean | undefined): Record<string, string> {
  return typeof v === 'string' ? { [name]: v } : {};
}

function flag(name: string, v: string | boolean | undefined): Record<string, boolean> {
  return v === true ? { [name]: true } : {};
}

/** A number option, sent as given when it is not a number (the API names the problem). */
function num(name: string, v: string | boolean | undefined): Record<string, unknown> {
  if (typeof v !== 'string') return {};
  return { [name]: v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseJson(text, file);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what}: is not JSON (${(e as Error).message})`);
  }
}

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {}
