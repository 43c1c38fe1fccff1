// The provisioner API's scope model as types: what a caller may do (TenantAction), to which tenants (ApiCallerScope).

/** What a caller of the provisioner's API may do to a tenant. */
export enum TenantAction {
  /** Read the tenant, its history and its operations. */
  READ = 'READ',
  /** Create the tenant from its spec (the tenant id and account must be in the scope). */
  CREATE = 'CREATE',
  /** Change the tenant's whitelisted settings (spec). */
  CHANGE_SETTINGS = 'CHANGE_SETTINGS',
  /** Suspend and resume the tenant. */
  SUSPEND_RESUME = 'SUSPEND_RESUME',
  /** Destroy the tenant (a PRODUCTION tenant must be suspended first and named again). */
  DESTROY = 'DESTROY',
  /** Run drift detection on the tenant's stack. */
  DRIFT = 'DRIFT',
  /** Start fleet rollouts and pin a tenant's release: needs a scope over every tenant and account. */
  ROLLOUT = 'ROLLOUT',
  /** Approve or deny a rollout wave: needs a scope over every tenant and account; never the rollout's requester. */
  APPROVE = 'APPROVE',
  /** Push function code to a DEVELOPMENT tenant (the developer loop); never reaches a PRODUCTION tenant. */
  CODE_PUSH = 'CODE_PUSH',
  /**
   * Read the tenant's function and database log lines from the hub (`tenant-blocks logs`): the
   * hub's per-tenant partition query, bound to the tenant's account. Separate from READ because
   * log lines may carry what the app writes about its users.
   */
  READ_LOGS = 'READ_LOGS',
  /** See the tenant's link external id: only for the principal that assumes the tenant's CrossAccountLink (the console's backend). */
  ASSUME_LINK = 'ASSUME_LINK',
  /**
   * Set, change or remove the settings of a tenant's spec that the platform owns, not the tenant:
   * `database.backupCopyVaultArn` (where a tenant's backups are copied out of its account, the
   * hub's vault for a PRODUCTION tenant). Needed besides CHANGE_SETTINGS (and CREATE, for a spec
   * that names a copy vault); without it such a request is refused (403), so a tenant's own
   * developers can neither move nor remove its backup copy. Needs a scope over every tenant and
   * account, like ROLLOUT: the copy vault is one platform-wide decision.
   */
  PLATFORM_SETTINGS = 'PLATFORM_SETTINGS',
}

/**
 * One caller of the provisioner's API and what it may do: the tenants it covers (exactly one of
 * `tenantIds`, `tenantIdPrefix`, `allTenants`), optionally narrowed to accounts, and its actions.
 * A caller may have several scopes; an action is allowed when one of them allows it, everything
 * else is denied (403), and lists show only the tenants the caller may read.
 */
export interface ApiCallerScope {
  /**
   * The caller: an IAM role (or user) ARN of the platform, exact, no wildcards
   * (`arn:aws:iam::111111111111:role/operators/oncall`). Its sessions are this caller.
   */
  readonly principalArn: string;

  /** What the caller may do to the tenants of this scope (at least one, no duplicates). */
  readonly actions: TenantAction[];

  /**
   * The tenants of this scope, by id.
   *
   * @default - none: give `tenantIdPrefix` or `allTenants` instead (exactly one of the three)
   */
  readonly tenantIds?: string[];

  /**
   * The tenants of this scope: every tenant whose id starts with this prefix (e.g. `acme-`).
   *
   * @default - none: give `tenantIds` or `allTenants` instead (exactly one of the three)
   */
  readonly tenantIdPrefix?: string;

  /**
   * Whether the scope covers every tenant (the fleet). `ROLLOUT`, `APPROVE` and `PLATFORM_SETTINGS` need it, without `accounts`.
   *
   * @default false - the scope covers only `tenantIds` or `tenantIdPrefix`
   */
  readonly allTenants?: boolean;

  /**
   * The tenant accounts this scope covers (each one of the provisioner's `tenantAccountIds` when it lists them).
   *
   * @default - every account the provisioner deploys to
   */
  readonly accounts?: string[];
}

/** Options of {@link ProvisionerAccess.validate}. */
export interface ApiCallerScopesValidationOptions {
  /**
   * The accounts the provisioner deploys to: a scope's `accounts` must be among them.
   *
   * @default - any 12-digit account id is accepted
   */
  readonly tenantAccountIds?: string[];

  /**
   * The prop name used in messages.
   *
   * @default 'apiCallers'
   */
  readonly propName?: string;
}
