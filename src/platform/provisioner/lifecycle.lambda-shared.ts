/**
 * A tenant's lifecycle, written down once: states × operations → next state, the guards, and who
 * may ask. Pure (no AWS SDK, no clock): the API asks it before it writes, the workflow steps ask it
 * before they lock and when they record an outcome, and the registry builds its conditional writes
 * from the same tables (`LIFECYCLE[op].from`), so a decision taken on a stale read still cannot
 * land. The table is rendered in docs/platform/provisioner.md ("The lifecycle").
 */

/** Lifecycle state of a tenant in the registry. */
export type TenantState = 'PENDING' | 'ACTIVE' | 'SUSPENDED' | 'DESTROYED';
/** Kind of operation. */
export type OperationType = 'CREATE' | 'UPDATE' | 'DESTROY' | 'DEPLOY' | 'DRIFT' | 'SUSPEND' | 'RESUME' | 'CODE_PUSH';

/** Every state, in the order the docs list them. */
export const TENANT_STATES: readonly TenantState[] = ['PENDING', 'ACTIVE', 'SUSPENDED', 'DESTROYED'];
/** Every operation, in the order the docs list them. */
export const OPERATION_TYPES: readonly OperationType[] = ['CREATE', 'UPDATE', 'DEPLOY', 'DRIFT', 'SUSPEND', 'RESUME', 'DESTROY', 'CODE_PUSH'];

/**
 * The scope action a principal needs to ask for an operation: the names of the scope model
 * (scopes.lambda-shared.ts, `TENANT_ACTIONS`), which enforces them in front of the handler.
 */
export type ScopeAction = 'CREATE' | 'CHANGE_SETTINGS' | 'SUSPEND_RESUME' | 'DESTROY' | 'DRIFT' | 'ROLLOUT' | 'CODE_PUSH';

/** One row of the lifecycle table. */
export interface LifecycleRule {
  /** States the operation may start from (`ABSENT`: no tenant item, or a destroyed one). */
  readonly from: readonly TenantState[];
  /** Whether a tenant that does not exist (yet) may be the subject. */
  readonly fromAbsent: boolean;
  /** Who asks: an API caller with this scope action, or a rollout. */
  readonly askedBy: ScopeAction;
  /** Whether it runs a workflow holding the tenant's lock (false: a registry-only change). */
  readonly locks: boolean;
  /** Whether it deploys a spec (its success moves the deployed spec and release). */
  readonly deploys: boolean;
  /** One line for the docs and the 409 messages. */
  readonly summary: string;
}

/**
 * States in which an operation's workflow may take (or hold) the tenant's lock. The same as
 * `from`, except a create: its request writes the PENDING item, so its workflow runs on PENDING
 * only (a tenant destroyed while a create waited for its window is not created behind its back).
 */
export function lockStates(op: OperationType): readonly TenantState[] {
  return op === 'CREATE' ? ['PENDING'] : LIFECYCLE[op].from;
}

/** The lifecycle table. */
export const LIFECYCLE: Readonly<Record<OperationType, LifecycleRule>> = {
  CREATE: {
    from: ['PENDING', 'DESTROYED'],
    fromAbsent: true,
    askedBy: 'CREATE',
    locks: true,
    deploys: true,
    summary: 'a new tenant, a new incarnation of a destroyed one, or a retry of a create that never deployed',
  },
  UPDATE: {
    from: ['PENDING', 'ACTIVE', 'SUSPENDED'],
    fromAbsent: false,
    askedBy: 'CHANGE_SETTINGS',
    locks: true,
    deploys: true,
    summary: 'deploy changed settings or another release',
  },
  DEPLOY: {
    from: ['ACTIVE'],
    fromAbsent: false,
    askedBy: 'ROLLOUT',
    locks: true,
    deploys: true,
    summary: 'a rollout moves the deployed spec to its release; other states are skipped with the reason',
  },
  DRIFT: {
    from: ['ACTIVE', 'SUSPENDED'],
    fromAbsent: false,
    askedBy: 'DRIFT',
    locks: true,
    deploys: false,
    summary: 'compare the stack with its template; changes nothing',
  },
  SUSPEND: {
    from: ['PENDING', 'ACTIVE'],
    fromAbsent: false,
    askedBy: 'SUSPEND_RESUME',
    locks: false,
    deploys: false,
    summary: 'stop rollouts and allow a PRODUCTION destroy; registry only, no deploy, no new spec version',
  },
  RESUME: {
    from: ['SUSPENDED'],
    fromAbsent: false,
    askedBy: 'SUSPEND_RESUME',
    locks: false,
    deploys: false,
    summary: 'back to ACTIVE (PENDING when nothing was ever deployed); registry only',
  },
  DESTROY: {
    from: ['PENDING', 'ACTIVE', 'SUSPENDED'],
    fromAbsent: false,
    askedBy: 'DESTROY',
    locks: true,
    deploys: false,
    summary: 'delete the stack; a PRODUCTION tenant must be SUSPENDED and named in `confirm`',
  },
  CODE_PUSH: {
    from: ['ACTIVE'],
    fromAbsent: false,
    askedBy: 'CODE_PUSH',
    // Held by the API for the push only (seconds; a short expiry), so no deploy runs under it.
    locks: true,
    deploys: false,
    summary: 'replace the function code of a tenant whose DEPLOYED tier is DEVELOPMENT; no deploy, the next deploy puts the release back',
  },
};

/** What the lifecycle needs to know about a tenant (from the registry item). */
export interface TenantFacts {
  readonly tenantId: string;
  /** Undefined: no item. */
  readonly state?: TenantState;
  /** Another operation holds a live (unexpired) lock. */
  readonly locked: boolean;
  /** The tier of the desired spec. */
  readonly tier?: string;
  /** The tier of the last spec that deployed successfully; undefined: nothing ever deployed. */
  readonly deployedTier?: string;
}

/** What a request adds to the facts. */
export interface RequestFacts {
  /** The `confirm` of a destroy. */
  readonly confirm?: string;
}

/** Why an operation may not start: the API's answer. */
export interface Refusal {
  /** 400: the request itself is incomplete (a missing confirmation); 409: the tenant's state forbids it now. */
  readonly statusCode: 400 | 409;
  readonly message: string;
}

/**
 * Whether a tenant is guarded as PRODUCTION: when what is deployed is PRODUCTION, or when what was
 * asked is (a change to PRODUCTION that has not deployed yet must not lower the guard either).
 * Reads the deployed tier, never only the asked one: a PATCH to DEVELOPMENT that failed to deploy
 * leaves the guard up.
 */
export function isGuardedProduction(t: Pick<TenantFacts, 'tier' | 'deployedTier'>): boolean {
  return t.deployedTier === 'PRODUCTION' || t.tier === 'PRODUCTION';
}

/**
 * Why `op` may not start on the tenant now, or undefined when it may. The registry's conditional
 * write checks the state again (`LIFECYCLE[op].from`), so a race still cannot slip through.
 */
export function refusal(op: OperationType, t: TenantFacts, request: RequestFacts = {}): Refusal | undefined {
  const rule = LIFECYCLE[op];
  if (t.state === undefined) {
    return rule.fromAbsent ? undefined : { statusCode: 409, message: `no tenant '${t.tenantId}'` };
  }
  if (!rule.from.includes(t.state)) {
    return { statusCode: 409, message: `${op} is not possible while the tenant is ${t.state}: ${hint(op, t)}` };
  }
  if (op === 'CREATE' && t.state === 'PENDING' && t.locked) {
    return { statusCode: 409, message: `tenant '${t.tenantId}' is being created; wait for its CREATE operation to finish` };
  }
  if (op === 'DRIFT' && t.deployedTier === undefined) {
    return { statusCode: 409, message: 'the tenant has never been deployed: there is no stack to compare' };
  }
  if (op === 'CODE_PUSH' && t.deployedTier !== 'DEVELOPMENT') {
    // Guards read what is deployed: a push never reaches a function that runs as PRODUCTION.
    return { statusCode: 400, message: `tenant '${t.tenantId}' is deployed as ${t.deployedTier ?? 'nothing'}: code pushes reach tenants whose deployed tier is DEVELOPMENT only` };
  }
  if (op === 'DESTROY' && isGuardedProduction(t)) {
    // Two deliberate steps for a PRODUCTION tenant: suspend it first, then name it again here.
    if (request.confirm !== t.tenantId) {
      return { statusCode: 400, message: `confirm: destroying a PRODUCTION tenant needs "confirm": "${t.tenantId}" (got: ${JSON.stringify(request.confirm ?? null)})` };
    }
    if (t.state !== 'SUSPENDED') {
      return { statusCode: 409, message: `a PRODUCTION tenant must be suspended before it is destroyed (PATCH {"state": "SUSPENDED"}); it is ${t.state}` };
    }
  }
  if (t.locked && op !== 'CREATE') {
    return { statusCode: 409, message: `tenant '${t.tenantId}' has an operation in flight; retry when it has finished` };
  }
  return undefined;
}

function hint(op: OperationType, t: TenantFacts): string {
  if (t.state === 'DESTROYED') return 'it was destroyed; POST /tenants creates it again (a new incarnation, with its own history)';
  if (op === 'CREATE') return 'it exists; change it with PATCH';
  if (op === 'RESUME') return 'only a SUSPENDED tenant can be resumed';
  if (op === 'SUSPEND') return 'it is already suspended';
  if (op === 'DRIFT') return 'there is no deployed stack to compare';
  if (op === 'DEPLOY') return 'rollouts move ACTIVE tenants only';
  if (op === 'CODE_PUSH') return 'a push needs a deployed, ACTIVE tenant (create it, or resume it, first)';
  return 'see the lifecycle table in docs/platform/provisioner.md';
}

/**
 * The state after an operation ended. A destroyed tenant stays destroyed whatever a late outcome
 * says (only a CREATE, which writes a new item, brings an id back); a failure changes no state.
 *
 * @param state the state when the outcome is recorded
 * @param op the operation
 * @param succeeded whether it succeeded
 * @param everDeployed whether any deploy of this incarnation has succeeded (before or by this one)
 */
export function stateAfter(state: TenantState, op: OperationType, succeeded: boolean, everDeployed: boolean): TenantState {
  if (state === 'DESTROYED') return 'DESTROYED';
  switch (op) {
    case 'SUSPEND': return succeeded ? 'SUSPENDED' : state;
    case 'RESUME': return succeeded ? (everDeployed ? 'ACTIVE' : 'PENDING') : state;
    case 'DESTROY': return succeeded ? 'DESTROYED' : state;
    case 'CREATE':
    case 'UPDATE':
    case 'DEPLOY':
      // A suspended tenant stays suspended after a change deployed; a first success makes a PENDING one ACTIVE.
      if (!succeeded) return state;
      return state === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE';
    default: return state;
  }
}

/** Settings the blocks document as impossible to change in place, with their defaults and why. */
export const FIXED_AFTER_DEPLOY: ReadonlyArray<{ readonly path: string; readonly defaultValue: unknown; readonly why: string }> = [
  { path: 'database.databaseName', defaultValue: 'app', why: 'a change replaces the cluster, which fails on its fixed identifier (docs/blocks/postgres.md)' },
  { path: 'network.vpcCidr', defaultValue: '10.0.0.0/16', why: 'a change replaces the VPC under the database (docs/core.md)' },
];

/**
 * The problems of changing the deployed spec into `next` in place: a PRODUCTION → DEVELOPMENT
 * tier change (the PRODUCTION backup vault refuses it, and the destroy guard must not drop) and
 * the settings fixed after the first deploy. Nothing deployed yet: anything may change.
 *
 * @param deployed the last spec that deployed successfully (undefined: none)
 * @param next the spec asked for
 * @param path JSON path of the settings in the request, e.g. `settings`
 */
export function inPlaceProblems(deployed: Record<string, unknown> | undefined, next: Record<string, unknown>, path: string): string[] {
  if (!deployed) return [];
  const problems: string[] = [];
  if (deployed.tier === 'PRODUCTION' && next.tier !== 'PRODUCTION') {
    problems.push(`${path}.tier: a PRODUCTION tenant cannot become ${String(next.tier)} in place (its backup vault policy refuses the downgrade and its destroy guard must not drop); create a new tenant, or destroy this one (suspend, then confirm) and create it again (got: ${JSON.stringify(next.tier)})`);
  }
  for (const fixed of FIXED_AFTER_DEPLOY) {
    const before = valueAt(deployed, fixed.path) ?? fixed.defaultValue;
    const after = valueAt(next, fixed.path) ?? fixed.defaultValue;
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      problems.push(`${path}.${fixed.path}: cannot change after the first deploy: ${fixed.why}; it is ${JSON.stringify(before)} (got: ${JSON.stringify(after)})`);
    }
  }
  return problems;
}

function valueAt(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * The spec the tenant's last successful deployment applied. Items written before the registry
 * kept it (`deployedSpec`) have only the deployed version: their spec is the deployed one when
 * the versions agree, and unknown otherwise.
 */
export function deployedSpecOf(t: {
  readonly spec: Record<string, unknown>;
  readonly version: number;
  readonly deployedSpec?: Record<string, unknown>;
  readonly deployedVersion?: number;
}): Record<string, unknown> | undefined {
  if (t.deployedSpec) return t.deployedSpec;
  return t.deployedVersion !== undefined && t.deployedVersion === t.version ? t.spec : undefined;
}
