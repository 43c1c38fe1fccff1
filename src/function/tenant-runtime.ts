import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The Lambda runtimes a TenantFunction may use: only runtimes AWS Lambda supports and has not
 * announced a deprecation date for, and only the newest one or two of each language family.
 *
 * A runtime leaves this list (a minor release, with a CHANGELOG note) before Lambda deprecates
 * it, so a tenant never sits on a runtime that stops receiving security patches. The latest of
 * each family is what compliance checks (cdk-nag AwsSolutions-L1) expect; the previous one is
 * kept for a migration period and its finding is suppressed with that reason.
 */
export class TenantRuntime {
  /** Node.js 24 (`nodejs24.x`), the default: the newest Node.js runtime. */
  public static readonly NODEJS_24_X = new TenantRuntime(lambda.Runtime.NODEJS_24_X, true);

  /** Node.js 22 (`nodejs22.x`): kept while apps migrate to Node.js 24. */
  public static readonly NODEJS_22_X = new TenantRuntime(lambda.Runtime.NODEJS_22_X, false);

  /** Python 3.14 (`python3.14`): the newest Python runtime. */
  public static readonly PYTHON_3_14 = new TenantRuntime(lambda.Runtime.PYTHON_3_14, true);

  /** Python 3.13 (`python3.13`): kept while apps migrate to Python 3.14. */
  public static readonly PYTHON_3_13 = new TenantRuntime(lambda.Runtime.PYTHON_3_13, false);

  /** Every runtime of this list. */
  public static all(): TenantRuntime[] {
    return [TenantRuntime.NODEJS_24_X, TenantRuntime.NODEJS_22_X, TenantRuntime.PYTHON_3_14, TenantRuntime.PYTHON_3_13];
  }

  /** The Lambda runtime identifier, e.g. `nodejs24.x`. */
  public readonly name: string;

  /** Whether this is the newest runtime of its language family. */
  public readonly latestOfFamily: boolean;

  /** The Lambda runtime (used by TenantFunction). */
  public readonly runtime: lambda.Runtime;

  private constructor(runtime: lambda.Runtime, latestOfFamily: boolean) {
    this.runtime = runtime;
    this.name = runtime.name;
    this.latestOfFamily = latestOfFamily;
  }

  /** The runtime identifier. */
  public toString(): string {
    return this.name;
  }
}
