/**
 * `tenant-blocks plan|apply -f tenants.json`: the tenants file against the provisioner's registry
 * (issue 24 §3), and `tenant-blocks dev|init`, which need no API (issues 23 and 24).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { ApiClient } from './client';
import { Output, watchOperation } from './progress';
import { DevServer } from '../dev/dev-server';
import { formatLogLine } from '../dev/log-line';
import { RegisteredTenant, TenantPlan, applyKey, formatPlan, mergePatch, planFleet } from '../fleet/plan';
import { initPlatformApp } from '../init/init';
import { parseTenantSpecs } from '../tenant/validate-tenant-spec';

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly help: string;
  readonly short?: string;
}

/** What an API command of this file gets (the shape of `CommandContext`, without importing it back). */
interface FleetContext {
  readonly client: ApiClient;
  readonly out: Output;
  readonly options: Record<string, string | boolean | undefined>;
  readonly pollMs: number;
}

/** A command that needs no API (no endpoint, no credentials). */
export interface LocalCommand {
  readonly usage: string;
  readonly summary: string;
  readonly args: string[];
  readonly options: Record<string, OptionSpec>;
  readonly local: true;
  run(ctx: { out: Output; args: string[]; options: Record<string, string | boolean | undefined> }): Promise<number>;
}

const FILE: Record<string, OptionSpec> = {
  file: { type: 'string', short: 'f', help: 'the tenants file ({ "tenants": [...] }, validated like the API validates)' },
};

/** Reads and validates the tenants file: every problem of every tenant at once, nothing sent. */
function readTenantsFile(file: string | boolean | undefined) {
  if (typeof file !== 'string') throw new Error('-f <tenants.json> is required');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  return parseTenantSpecs(json);
}

/** Every tenant the caller may read, with its desired spec (the list, then each tenant). */
async function registered(client: ApiClient): Promise<RegisteredTenant[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const a = await client.request('GET', '/tenants', { query: { limit: '100', nextToken } });
    if (a.status !== 200) throw new Error(problemsOf(a.json, a.status).join('\n'));
    ids.push(...(a.json.tenants as Array<{ tenantId: string }>).map((t) => t.tenantId));
    nextToken = a.json.nextToken ?? undefined;
  } while (nextToken);
  const out: RegisteredTenant[] = [];
  for (const id of ids) {
    const a = await client.request('GET', `/tenants/${encodeURIComponent(id)}`);
    if (a.status !== 200) throw new Error(problemsOf(a.json, a.status).join('\n'));
    const t = a.json.tenant;
    out.push({ tenantId: t.tenantId, state: t.state, version: t.version, spec: t.spec });
  }
  return out;
}

function problemsOf(json: any, status: number): string[] {
  return Array.isArray(json?.problems) && json.problems.length > 0 ? json.problems.map(String) : [String(json?.message ?? `HTTP ${status}`)];
}

/** The API commands of the fleet file. */
export const FLEET_COMMANDS = {
  plan: {
    usage: 'plan -f <tenants.json>',
    summary: 'Show what apply would change: the tenants file against the registry, per tenant and setting',
    args: [] as string[],
    options: FILE,
    async run(ctx: FleetContext): Promise<number> {
      const plans = planFleet(readTenantsFile(ctx.options.file), await registered(ctx.client));
      if (ctx.options.json) ctx.out.line(JSON.stringify({ plans }, null, 2));
      else formatPlan(plans).forEach((l) => ctx.out.line(l));
      return plans.some((p) => p.action === 'blocked') ? 1 : 0;
    },
  },
  apply: {
    usage: 'apply -f <tenants.json> [--now] [--no-wait]',
    summary: 'Make the registry match the tenants file: create and change tenants through the API (never destroys), following each operation; PRODUCTION changes wait for their maintenance window',
    args: [] as string[],
    options: {
      ...FILE,
      'now': { type: 'boolean' as const, help: 'deploy PRODUCTION changes at once instead of in each tenant\'s maintenance window' },
      'no-wait': { type: 'boolean' as const, help: 'return once the API accepted each request, without following the operations' },
    },
    async run(ctx: FleetContext): Promise<number> {
      const current = await registered(ctx.client);
      const plans = planFleet(readTenantsFile(ctx.options.file), current);
      formatPlan(plans).forEach((l) => ctx.out.line(l));
      const blocked = plans.filter((p) => p.action === 'blocked');
      if (blocked.length > 0) {
        ctx.out.error(`nothing applied: ${blocked.length} tenant(s) blocked (see above)`);
        return 1;
      }
      let failed = 0;
      for (const p of plans.filter((x) => x.action === 'create' || x.action === 'change')) {
        const a = await send(ctx.client, p, current.find((t) => t.tenantId === p.tenantId), ctx.options.now === true);
        if (a.status < 200 || a.status >= 300) {
          problemsOf(a.json, a.status).forEach((l) => ctx.out.error(`${p.tenantId}: ${l}`));
          failed++;
          continue;
        }
        const op = a.json.operation;
        ctx.out.line(`${op.type} of ${op.tenantId} accepted: operation ${op.operationId}`);
        if (!ctx.options['no-wait'] && (await watchOperation(ctx.client, ctx.out, op.operationId, ctx.pollMs)) !== 0) failed++;
      }
      return failed > 0 ? 1 : 0;
    },
  },
};

/** One create or change, with a key derived from the change: re-running the same apply repeats nothing. */
function send(client: ApiClient, p: TenantPlan, current: RegisteredTenant | undefined, now: boolean) {
  if (p.action === 'create') {
    // a re-create of a destroyed tenant is keyed by the record it replaces: never a replay of the first create
    const basis = current ? `${current.state}@${current.version}` : 'new';
    return client.request('POST', '/tenants', { body: { spec: p.spec }, idempotencyKey: applyKey(p.tenantId, p.spec, basis) });
  }
  const settings = mergePatch(current!.spec, p.spec);
  // A PRODUCTION tenant changes in its maintenance window unless the operator says now.
  const inWindow = !now && (p.spec?.tier === 'PRODUCTION' || (current?.spec as { tier?: string } | undefined)?.tier === 'PRODUCTION');
  return client.request('PATCH', `/tenants/${encodeURIComponent(p.tenantId)}`, {
    body: { settings, expectedVersion: p.expectedVersion, ...(inWindow ? { inMaintenanceWindow: true } : {}) },
    idempotencyKey: applyKey(p.tenantId, p.spec, p.expectedVersion),
  });
}

/** Commands that run on the developer's machine, without the API. */
export const LOCAL_COMMANDS: Record<string, LocalCommand> = {
  dev: {
    usage: 'dev <appDir> [--handler index.handler] [--port 3000] [--tenant <id>] [--no-database] [--env NAME=value ...]',
    summary: 'Run the app locally behind the load balancer\'s exact events, with a local PostgreSQL; a save reloads it',
    args: ['appDir'],
    local: true,
    options: {
      'handler': { type: 'string', help: 'the handler, <module>.<export> (default index.handler)' },
      'port': { type: 'string', help: 'the port on 127.0.0.1 (default 3000)' },
      'tenant': { type: 'string', help: 'the tenant id in the environment (default local)' },
      'no-database': { type: 'boolean', help: 'no local database (a function without one)' },
      'env': { type: 'string', help: 'extra environment, NAME=value[,NAME=value...]' },
    },
    async run(ctx) {
      const environment: Record<string, string> = {};
      for (const pair of typeof ctx.options.env === 'string' ? ctx.options.env.split(',') : []) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new Error(`--env: expected NAME=value (got: ${pair})`);
        environment[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      const server = await DevServer.start({
        appDir: ctx.args[0],
        handler: typeof ctx.options.handler === 'string' ? ctx.options.handler : undefined,
        port: typeof ctx.options.port === 'string' ? Number(ctx.options.port) : undefined,
        tenantId: typeof ctx.options.tenant === 'string' ? ctx.options.tenant : undefined,
        database: ctx.options['no-database'] !== true,
        environment,
        onLog: (line) => ctx.out.line(formatLogLine(line)),
      });
      const db = server.database;
      ctx.out.line(`tenant-blocks dev: ${server.url}${db ? `  (database: postgres://app@${db.host}:${db.port}/${db.database}, TLS)` : ''}  Ctrl-C stops`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      return 0;
    },
  },
  init: {
    usage: 'init <dir> [--platform-account <id>] [--region <region>] [--tenant-id <id>] [--tenant-account <id>] [--force]',
    summary: 'Write a platform app your team owns: hub, provisioner, one tenant\'s spec, platform settings, offline context',
    args: ['dir'],
    local: true,
    options: {
      'platform-account': { type: 'string', help: 'the platform account, 12 digits (default: a placeholder)' },
      'region': { type: 'string', help: 'the region (default us-east-1)' },
      'tenant-id': { type: 'string', help: 'the first tenant\'s id (default first-customer)' },
      'tenant-account': { type: 'string', help: 'the first tenant\'s account, 12 digits (default: a placeholder)' },
      'force': { type: 'boolean', help: 'write into a folder that is not empty' },
    },
    async run(ctx) {
      const s = (name: string) => (typeof ctx.options[name] === 'string' ? ctx.options[name] as string : undefined);
      const result = initPlatformApp(ctx.args[0], {
        platformAccount: s('platform-account'), region: s('region'), tenantId: s('tenant-id'), tenantAccount: s('tenant-account'), force: ctx.options.force === true,
      });
      ctx.out.line(`wrote ${result.files.length} files to ${path.relative(process.cwd(), result.dir) || '.'}: ${result.files.join(', ')}`);
      ctx.out.line(`next: cd ${path.relative(process.cwd(), result.dir) || '.'} && npm install && npm run summary`);
      return 0;
    },
  },
};
