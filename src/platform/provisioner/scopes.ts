import * as iam from 'aws-cdk-lib/aws-iam';
import type { ApiCallerScope, ApiCallerScopesValidationOptions } from './scope-types';
import { scopesToJson, validateApiCallerScopes } from './scopes-validation';
import { PropsValidation } from '../../core/validation';

// The scope types live in their own module (no type-only import cycle with the validation).
export * from './scope-types';

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

