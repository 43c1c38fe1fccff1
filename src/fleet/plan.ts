/**
 * `tenant-blocks plan -f tenants.json` / `apply -f tenants.json`: one source of truth for the fleet.
 * A team keeps its tenants file in git; the provisioner's registry holds the desired state. `plan`
 * is the difference, per tenant and setting; `apply` makes the registry match through the API's
 * own operations (create, change), so every change is validated, recorded and deployed like any
 * other, with the same progress display. A tenant only in the registry is reported, never
 * destroyed by `apply` (a destroy is a deliberate, confirmed operation of its own).
 *
 * Internal: used by the command-line client; not exported from the package's barrels.
 */
import { createHash } from 'crypto';
import type { TenantSpec } from '../tenant/tenant-spec';

/** What the registry says of a tenant (the API's `GET /tenants/{id}` answer, reduced). */
export interface RegisteredTenant {
  readonly tenantId: string;
  readonly state: string;
  readonly version: number;
  /** The desired spec the registry holds. */
  readonly spec: unknown;
}

/** One setting that differs: its JSON path, the registry's value and the file's. */
export interface SettingChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** What `apply` would do for one tenant. */
export interface TenantPlan {
  readonly tenantId: string;
  /** create: not in the registry (or destroyed); change: settings differ; unchanged; only-in-registry: not in the file (never destroyed by apply); blocked: cannot be applied as is. */
  readonly action: 'create' | 'change' | 'unchanged' | 'only-in-registry' | 'blocked';
  readonly changes: SettingChange[];
  /** The registry version the change is based on (an apply refuses if it moved). */
  readonly expectedVersion?: number;
  /** Why a tenant is blocked. */
  readonly reason?: string;
  /** The file's spec (create, change). */
  readonly spec?: TenantSpec;
}

/** Settings the API refuses to change in place: the plan says so instead of sending a change that fails. */
const IDENTITY = ['tenantId', 'account', 'region'];
/** Blocks whose removal deletes what they keep: never a side effect of a file that forgot them. */
const BLOCKS = ['database', 'function'];

/** Every leaf that differs between two JSON values, with its path (`database.allowedCidrs`). */
export function diffSettings(from: unknown, to: unknown, path = ''): SettingChange[] {
  const isObject = (v: unknown): v is { [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((k) => diffSettings(from[k], to[k], path === '' ? k : `${path}.${k}`));
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path: path === '' ? '(spec)' : path, from, to }];
}

/** The plan: every tenant of the file and of the registry, sorted by id. */
export function planFleet(file: TenantSpec[], registry: RegisteredTenant[]): TenantPlan[] {
  const known = new Map(registry.map((t) => [t.tenantId, t]));
  const plans: TenantPlan[] = [];
  for (const spec of file) {
    const current = known.get(spec.tenantId);
    if (!current || current.state === 'DESTROYED') {
      plans.push({ tenantId: spec.tenantId, action: 'create', changes: diffSettings(undefined, spec), spec });
      continue;
    }
    const changes = diffSettings(current.spec, spec);
    const identity = changes.filter((c) => IDENTITY.some((k) => c.path === k || c.path.startsWith(`${k}.`)));
    const was = (current.spec ?? {}) as { [key: string]: unknown };
    const removed = BLOCKS.filter((b) => was[b] !== undefined && (spec as unknown as { [key: string]: unknown })[b] === undefined);
    if (removed.length > 0) {
      plans.push({ tenantId: spec.tenantId, action: 'blocked', changes, reason: `the file has no ${removed.join(' and no ')}: apply never removes a block (it would delete it); remove it deliberately with \`tenants change ${spec.tenantId} --set '{"${removed[0]}":null}'\`` });
    } else if (identity.length > 0) {
      plans.push({ tenantId: spec.tenantId, action: 'blocked', changes, reason: `${identity.map((c) => c.path).join(', ')} cannot change in place: a tenant keeps its account and region (destroy and create it anew)` });
    } else if (current.state === 'SUSPENDED' && changes.length > 0) {
      plans.push({ tenantId: spec.tenantId, action: 'blocked', changes, reason: 'the tenant is SUSPENDED: resume it before changing its settings' });
    } else {
      plans.push({ tenantId: spec.tenantId, action: changes.length > 0 ? 'change' : 'unchanged', changes, expectedVersion: current.version, spec });
    }
  }
  const inFile = new Set(file.map((s) => s.tenantId));
  for (const t of registry) {
    if (!inFile.has(t.tenantId) && t.state !== 'DESTROYED') plans.push({ tenantId: t.tenantId, action: 'only-in-registry', changes: [] });
  }
  return plans.sort((a, b) => a.tenantId.localeCompare(b.tenantId));
}

/** The merge patch that turns the registry's spec into the file's (RFC 7396: null removes). */
export function mergePatch(from: unknown, to: unknown): unknown {
  const isObject = (v: unknown): v is { [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(from) || !isObject(to)) return to;
  const patch: { [key: string]: unknown } = {};
  for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!(k in to)) patch[k] = null;
    else if (JSON.stringify(from[k]) !== JSON.stringify(to[k])) patch[k] = mergePatch(from[k], to[k]);
  }
  return patch;
}

/**
 * A stable key for one apply of one tenant's spec: re-running the same apply repeats nothing. The
 * basis is what the change starts from (the registry version of a change, the destroyed record of
 * a re-create), so the same spec applied to another starting point is a new request, not a replay.
 */
export function applyKey(tenantId: string, spec: unknown, basis?: number | string): string {
  return createHash('sha256').update(JSON.stringify([tenantId, spec, basis ?? null])).digest('hex').slice(0, 40);
}

/** The plan as lines a person reads (`+ create`, `~ change`, `= unchanged`, `? only in registry`, `! blocked`). */
export function formatPlan(plans: TenantPlan[]): string[] {
  const lines: string[] = [];
  const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  for (const p of plans) {
    const mark = { 'create': '+', 'change': '~', 'unchanged': '=', 'only-in-registry': '?', 'blocked': '!' }[p.action];
    const what = { 'create': 'create', 'change': `change (version ${p.expectedVersion})`, 'unchanged': 'unchanged', 'only-in-registry': 'only in the registry: not in the file (apply never destroys; `tenants destroy` does)', 'blocked': `blocked: ${p.reason}` }[p.action];
    lines.push(`${mark} ${p.tenantId}: ${what}`);
    if (p.action === 'change' || p.action === 'blocked') {
      for (const c of p.changes) lines.push(`    ${c.path}: ${show(c.from)} -> ${show(c.to)}`);
    }
  }
  const count = (a: TenantPlan['action']) => plans.filter((p) => p.action === a).length;
  lines.push(`plan: ${count('create')} to create, ${count('change')} to change, ${count('unchanged')} unchanged, ${count('only-in-registry')} only in the registry, ${count('blocked')} blocked`);
  return lines;
}
