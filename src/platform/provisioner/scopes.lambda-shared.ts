/**
 * Who may do what to which tenant: the provisioner API's authorization, pure (no AWS SDK, no
 * aws-cdk-lib), shared by the API handler, the construct's validation and the tests.
 *
 * A scope names one caller (an IAM role or user ARN), the tenants it covers (ids, an id prefix, or
 * every tenant), optionally the tenant accounts it covers, and the actions it may take. A caller
 * may have several scopes: an action is allowed when one of them allows it. Everything else is
 * denied, including callers with no scope at all.
 *
 * Callers are matched by identity, not by session: API Gateway reports an assumed role as
 * `arn:aws:sts::<account>:assumed-role/<name>/<session>` (without the role's path), a scope names
 * the role as `arn:aws:iam::<account>:role/<path/><name>`; both reduce to `<partition>:<account>:role/<name>`
 * (role and user names are unique in an account whatever their path). Two sessions of one role
 * are one principal: the approver of a rollout wave must be another role than its requester.
 */

/** The actions a scope may grant (the values of the construct's `TenantAction` enum). */
export const TENANT_ACTIONS = [
  'READ', 'CREATE', 'CHANGE_SETTINGS', 'SUSPEND_RESUME', 'DESTROY', 'DRIFT', 'ROLLOUT', 'APPROVE', 'CODE_PUSH', 'READ_LOGS', 'ASSUME_LINK',
  'PLATFORM_SETTINGS',
] as const;
/** One action. */
export type TenantActionName = typeof TENANT_ACTIONS[number];

/** Actions that act on the whole fleet: only a scope over every tenant and every account may hold them. */
export const FLEET_ACTIONS: readonly TenantActionName[] = ['ROLLOUT', 'APPROVE', 'PLATFORM_SETTINGS'];

/**
 * Settings of a spec the platform owns (dotted paths): setting, changing or removing one needs
 * PLATFORM_SETTINGS over the fleet. The copy vault decides where a tenant's backups go out of its
 * account; its developers must not move it elsewhere nor remove it.
 */
export const PLATFORM_OWNED_SETTINGS: readonly string[] = ['database.backupCopyVaultArn'];

/** Environment variable carrying the scopes (JSON) to the API handler. */
export const SCOPES_ENV = 'API_CALLER_SCOPES';
/** Environment variable: `true` when several tenants may share one account. */
export const SHARED_ACCOUNTS_ENV = 'ALLOW_SHARED_TENANT_ACCOUNTS';

/** A scope as the handler reads it (the JSON form of the construct's `ApiCallerScope`). */
export interface ScopeRule {
  readonly principalArn: string;
  readonly actions: readonly string[];
  readonly tenantIds?: readonly string[];
  readonly tenantIdPrefix?: string;
  readonly allTenants?: boolean;
  readonly accounts?: readonly string[];
}

/** What an authorization check needs to know about a tenant. */
export interface TenantRef {
  readonly tenantId: string;
  /** The tenant's account; unknown for a tenant that does not exist yet and a request without one. */
  readonly account?: string;
  /** The tenant's tier (`DEVELOPMENT`, `PRODUCTION`): a code push reaches DEVELOPMENT tenants only. */
  readonly tier?: string;
}

/** The answer of a check. */
export interface AccessDecision {
  readonly allowed: boolean;
  /** Why not, for the 403's message. */
  readonly reason?: string;
}

const ALLOW: AccessDecision = { allowed: true };

/**
 * The identity a principal ARN stands for: `<partition>:<account>:role/<name>` for a role or one of
 * its sessions, `<partition>:<account>:user/<name>` for a user, the ARN itself otherwise.
 */
export function principalKey(arn: string): string {
  const m = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(role|user|assumed-role)\/(.+)$/.exec(arn);
  if (!m) return arn;
  const [, partition, service, account, kind, rest] = m;
  if (service === 'sts' && kind === 'assumed-role') return `${partition}:${account}:role/${rest.split('/')[0]}`;
  if (service === 'iam' && (kind === 'role' || kind === 'user')) {
    const parts = rest.split('/');
    return `${partition}:${account}:${kind}/${parts[parts.length - 1]}`;
  }
  return arn;
}

/** Scopes of the API: decides every request. */
export class AccessPolicy {
  /** Reads the scopes from the handler's environment (set by the construct). */
  public static fromEnv(env: NodeJS.ProcessEnv = process.env): AccessPolicy {
    const raw = env[SCOPES_ENV];
    if (!raw) throw new Error(`environment variable ${SCOPES_ENV} is not set: the API would have no callers`);
    const rules = JSON.parse(raw) as ScopeRule[];
    if (!Array.isArray(rules)) throw new Error(`environment variable ${SCOPES_ENV} is not a JSON list of scopes`);
    return new AccessPolicy(rules, { allowSharedAccounts: env[SHARED_ACCOUNTS_ENV] === 'true' });
  }

  /** Whether several tenants may live in one account. */
  public readonly allowSharedAccounts: boolean;
  private readonly byPrincipal = new Map<string, ScopeRule[]>();

  constructor(rules: readonly ScopeRule[], options: { readonly allowSharedAccounts?: boolean } = {}) {
    for (const rule of rules) {
      const key = principalKey(rule.principalArn);
      this.byPrincipal.set(key, [...(this.byPrincipal.get(key) ?? []), rule]);
    }
    this.allowSharedAccounts = options.allowSharedAccounts === true;
  }

  /** Whether the principal has any scope at all. */
  public isCaller(principalArn: string): boolean {
    return this.rulesOf(principalArn).length > 0;
  }

  /** Whether the principal holds `action` for at least one tenant (decides before a tenant is known). */
  public mayEver(principalArn: string, action: TenantActionName): boolean {
    return this.rulesOf(principalArn).some((r) => r.actions.includes(action));
  }

  /**
   * Whether the principal may take `action` on `tenant`; without a tenant, whether it may take a
   * fleet action (a scope over every tenant and every account).
   */
  public authorize(principalArn: string, action: TenantActionName, tenant?: TenantRef): AccessDecision {
    const rules = this.rulesOf(principalArn);
    if (rules.length === 0) return { allowed: false, reason: `${principalArn} is not a caller of this API (it has no scope)` };
    if (tenant === undefined || FLEET_ACTIONS.includes(action)) {
      return rules.some((r) => r.actions.includes(action) && isFleetScope(r))
        ? ALLOW
        : { allowed: false, reason: `${action} needs a scope over every tenant and every account; ${principalArn} has none with ${action}` };
    }
    if (action === 'CODE_PUSH' && tenant.tier !== undefined && tenant.tier !== 'DEVELOPMENT') {
      return { allowed: false, reason: `a code push reaches DEVELOPMENT tenants only; '${tenant.tenantId}' is ${tenant.tier}` };
    }
    if (rules.some((r) => r.actions.includes(action) && covers(r, tenant))) return ALLOW;
    return { allowed: false, reason: `${principalArn} may not ${describe(action)} tenant '${tenant.tenantId}' (not in its scope)` };
  }

  /** The tenants of `tenants` the principal may see (READ). */
  public filterTenants<T extends TenantRef>(principalArn: string, tenants: readonly T[]): T[] {
    return tenants.filter((t) => this.authorize(principalArn, 'READ', t).allowed);
  }

  /** Whether an answer about `tenant` may carry its link's external id (only to a scope that may assume the link). */
  public mayReadLinkExternalId(principalArn: string, tenant: TenantRef): boolean {
    return this.authorize(principalArn, 'ASSUME_LINK', tenant).allowed;
  }

  /**
   * Whether the principal may approve (or deny) a wave of a rollout requested by `requestedBy`:
   * it needs APPROVE over the fleet and must be another principal than the requester.
   */
  public mayApprove(principalArn: string, requestedBy: string): AccessDecision {
    const fleet = this.authorize(principalArn, 'APPROVE');
    if (!fleet.allowed) return fleet;
    if (principalKey(principalArn) === principalKey(requestedBy)) {
      return { allowed: false, reason: 'the approver of a wave must not be the requester of the rollout (four eyes); ask another approver' };
    }
    return ALLOW;
  }

  private rulesOf(principalArn: string): ScopeRule[] {
    return this.byPrincipal.get(principalKey(principalArn)) ?? [];
  }
}

function isFleetScope(rule: ScopeRule): boolean {
  return rule.allTenants === true && (rule.accounts === undefined || rule.accounts.length === 0);
}

function covers(rule: ScopeRule, tenant: TenantRef): boolean {
  const idMatches = rule.allTenants === true
    || (rule.tenantIds ?? []).includes(tenant.tenantId)
    || (rule.tenantIdPrefix !== undefined && rule.tenantIdPrefix.length > 0 && tenant.tenantId.startsWith(rule.tenantIdPrefix));
  if (!idMatches) return false;
  if (rule.accounts === undefined || rule.accounts.length === 0) return true;
  // An account-limited scope decides only on a known account: an unknown one is not in the list.
  return tenant.account !== undefined && rule.accounts.includes(tenant.account);
}

const VERBS: Record<TenantActionName, string> = {
  READ: 'read',
  CREATE: 'create',
  CHANGE_SETTINGS: 'change the settings of',
  SUSPEND_RESUME: 'suspend or resume',
  DESTROY: 'destroy',
  DRIFT: 'run drift detection on',
  ROLLOUT: 'roll out to',
  APPROVE: 'approve rollouts of',
  CODE_PUSH: 'push code to',
  READ_LOGS: 'read the logs of',
  ASSUME_LINK: 'see the link external id of',
  PLATFORM_SETTINGS: 'change the platform-owned settings of',
};

function describe(action: TenantActionName): string {
  return VERBS[action];
}
