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

  /**
   * The runtime with this Lambda identifier, for settings read from a file or an API
   * (`'nodejs24.x'`, `'python3.14'`).
   *
   * @param name the Lambda runtime identifier, e.g. `nodejs24.x`
   * @throws Error naming the supported runtimes when `name` is deprecated (or about to be) by AWS
   * Lambda, or not one of {@link TenantRuntime.all}
   */
  public static of(name: string): TenantRuntime {
    const found = TenantRuntime.all().find((r) => r.name === name);
    if (found) return found;
    const supported = TenantRuntime.all().map((r) => r.name).join(', ');
    if (TenantRuntime.isRetired(name)) {
      throw new Error(`TenantRuntime.of: '${name}' is deprecated by AWS Lambda (or about to be); use one of ${supported}`);
    }
    throw new Error(`TenantRuntime.of: '${String(name)}' is not a runtime TenantFunction supports; use one of ${supported}`);
  }

  /**
   * Whether `name` is a Node.js or Python runtime older than this list (deprecated by AWS Lambda,
   * or left the list before its deprecation date).
   *
   * @param name the Lambda runtime identifier, e.g. `nodejs18.x`
   */
  public static isRetired(name: string): boolean {
    if (typeof name !== 'string') return false;
    const node = /^nodejs(\d+)\.x$/.exec(name) ?? (name === 'nodejs' ? ['', '0'] : null);
    if (node) return Number(node[1]) < 22;
    const python = /^python(\d+)\.(\d+)$/.exec(name);
    if (python) return Number(python[1]) < 3 || (Number(python[1]) === 3 && Number(python[2]) < 13);
    return false;
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
