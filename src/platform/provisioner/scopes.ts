import * as iam from 'aws-cdk-lib/aws-iam';
import { scopesToJson, validateApiCallerScopes } from './scopes-validation';
import { PropsValidation } from '../../core/validation';

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
  /** See the tenant's link external id: only for the principal that assumes the tenant's CrossAccountLink (the console's backend). */
  ASSUME_LINK = 'ASSUME_LINK',
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
   * Whether the scope covers every tenant (the fleet). `ROLLOUT` and `APPROVE` need it, without `accounts`.
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


/**
 * The provisioner API's scope model: validation, the handler's environment and the API's
 * resource policy, from a list of {@link ApiCallerScope}.
 */
export class ProvisionerAccess {
  /**
   * Checks scopes and throws one error listing every problem.
   *
   * @param scopes the callers and what they may do
   * @param options the provisioner's accounts and the prop name for messages
   */
  public static validate(scopes: ApiCallerScope[], options: ApiCallerScopesValidationOptions = {}): void {
    const v = new PropsValidation('TenantProvisioner', 'platform');
    validateApiCallerScopes(v, scopes, options);
    v.throwIfInvalid();
  }

  /**
   * The JSON the API handler reads its scopes from (environment variable `API_CALLER_SCOPES`).
   *
   * @param scopes validated scopes
   */
  public static toJson(scopes: ApiCallerScope[]): string {
    return scopesToJson(scopes);
  }

  /**
   * The distinct caller ARNs of the scopes (the principals the resource policy lets through).
   *
   * @param scopes the callers
   */
  public static callerArns(scopes: ApiCallerScope[]): string[] {
    return [...new Set(scopes.map((s) => s.principalArn))];
  }

  /**
   * The API's resource policy: it only denies principals that are not callers. It grants nothing:
   * each caller's own IAM policy grants `execute-api:Invoke` (and may narrow it further), the
   * handler decides per tenant and per action. (An Allow here for `execute-api:/*` would make any
   * narrower identity policy meaningless: for IAM authorization in one account, an allow in either
   * policy admits the call.)
   *
   * @param scopes the callers
   */
  public static apiResourcePolicy(scopes: ApiCallerScope[]): iam.PolicyDocument {
    return new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'OnlyScopedCallers',
          effect: iam.Effect.DENY,
          actions: ['execute-api:Invoke'],
          principals: [new iam.AnyPrincipal()],
          resources: ['execute-api:/*'],
          conditions: { StringNotEquals: { 'aws:PrincipalArn': ProvisionerAccess.callerArns(scopes) } },
        }),
      ],
    });
  }

  private constructor() {}
}

