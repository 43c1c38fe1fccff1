import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The one role that may destroy a PRODUCTION tenant's backups and key, by platform convention:
 * `arn:aws:iam::<tenant account>:role/tenant-blocks-break-glass`.
 *
 * The blocks never create this role: the platform creates it (or not) in each tenant account, with
 * a trust that needs more than one person (an organization SCP, MFA, a ticketed session). Until it
 * exists, nobody in the tenant account can delete recovery points, change the vault's access
 * policy, disable the tenant key or schedule its deletion: that is the point. The README's
 * "Ending a contract" runbook is the only legitimate path to delete a tenant's data.
 *
 * Stable API.
 */
export class BreakGlass {
  /** The role name every tenant account uses for its break-glass role. */
  public static readonly ROLE_NAME = 'tenant-blocks-break-glass';

  /**
   * The break-glass role's ARN in the account of `scope`'s stack.
   *
   * @param scope any construct in the tenant stack
   */
  public static roleArn(scope: IConstruct): string {
    return Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: BreakGlass.ROLE_NAME });
  }

  private constructor() {}
}
