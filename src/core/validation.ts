import { Duration, Token } from 'aws-cdk-lib';
import { MaintenanceWindow } from './maintenance-window';
import { TenantTier } from './tier';

/**
 * The tenant id rule every block enforces: it ends up in resource names, aliases and tags.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{2,30}$/;

/**
 * Shortest IPv4 prefix accepted as a client network: shorter ones (e.g. `0.0.0.0/1` plus
 * `128.0.0.0/1`) are the whole internet in pieces.
 */
const MIN_IPV4_PREFIX = 8;
/** Shortest IPv6 prefix accepted as a client network (a /32 is a whole provider allocation). */
const MIN_IPV6_PREFIX = 32;

/**
 * Options of {@link PropsValidation.cidrs}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface CidrValidationOptions {
  /**
   * Whether `0.0.0.0/0` and `::/0` are acceptable. Only a block that puts an HTTPS endpoint on a
   * public domain allows it, and only when the caller states it explicitly.
   *
   * @default false - the whole internet is rejected
   */
  readonly allowWholeInternet?: boolean;

  /**
   * What the whole internet would be given access to, used in the error message.
   *
   * @default 'the resource'
   */
  readonly exposes?: string;

  /**
   * Most entries allowed (each becomes a security group rule; the default quota is 60 rules).
   *
   * @default 50
   */
  readonly maxEntries?: number;

  /**
   * Whether unresolved tokens pass unchecked. Only for platform-side values that are legitimately
   * known at deploy time (e.g. a VPC CIDR exported by another stack); never for what a customer
   * sets: a token cannot be checked, and a settings-file string such as
   * `0.0.0.0/0${Token[AWS.NoValue.15]}` would open the resource to the internet.
   *
   * @default false - a token is reported as a problem
   */
  readonly allowTokens?: boolean;
}

/**
 * Options of {@link PropsValidation.pattern} and {@link PropsValidation.accountId}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface StringValidationOptions {
  /**
   * Whether an unresolved token passes unchecked (platform-side values such as `Aws.ACCOUNT_ID`).
   *
   * @default false - a token is reported as a problem
   */
  readonly allowTokens?: boolean;
}

/**
 * A closed range of numbers for {@link PropsValidation.number}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface NumberRange {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /**
   * The value must be a multiple of this step (1 for whole numbers).
   *
   * @default - any number in the range
   */
  readonly step?: number;
  /**
   * Unit named in the message, e.g. `MiB`.
   *
   * @default - no unit
   */
  readonly unit?: string;
  /**
   * Whether an unresolved token passes unchecked (platform-side values only).
   *
   * @default false - a token is reported as a problem
   */
  readonly allowTokens?: boolean;
}

/**
 * A closed range of durations for {@link PropsValidation.duration}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface DurationRange {
  /** Shortest allowed duration. */
  readonly min: Duration;
  /** Longest allowed duration. */
  readonly max: Duration;
  /**
   * Whether a duration made of an unresolved token passes unchecked (platform-side values only).
   *
   * @default false - a token is reported as a problem
   */
  readonly allowTokens?: boolean;
}

/**
 * Collects every problem of a construct's props and throws one error that lists them all.
 *
 * Each block validates its props in one place (`validate-<construct>-props.ts`) before it creates
 * anything, so bad input produces one message like:
 *
 * ```
 * Invalid TenantPostgres props for tenant "acme":
 * - allowedCidrs[1]: opens the database to the whole internet; list the client networks instead (got: '0.0.0.0/0')
 * - maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 300)
 * ```
 *
 * Every helper checks the runtime type first (from JavaScript or a JSON file anything can arrive)
 * and reports a wrong type as a problem, never a crash. Unresolved tokens are reported too: what a
 * customer sets must be known, and checked, at synth time. Platform-side values that are
 * legitimately tokens pass with the helper's `allowTokens` option.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export class PropsValidation {
  /** Renders a value for an error message: strings quoted, arrays and objects as JSON. */
  public static describe(value: unknown): string {
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    if (typeof value === 'string') return `'${value}'`;
    if (isDuration(value)) {
      try {
        return value.toHumanString();
      } catch {
        return 'a Duration token';
      }
    }
    if (isMaintenanceWindow(value)) return `'${value.raw}'`;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }

  /**
   * Whether `cidr` is a private range, reachable only over private links: RFC 1918
   * (10/8, 172.16/12, 192.168/16), RFC 6598 carrier-grade NAT (100.64/10) and IPv6 unique-local
   * addresses (fc00::/7, so `fd00::/8` but not `fd::/16`, which is `00fd::`). The whole CIDR block
   * must lie inside the range; anything that is not a valid CIDR is not private.
   *
   * @param cidr an IPv4 or IPv6 CIDR block
   */
  public static isPrivateRange(cidr: string): boolean {
    if (typeof cidr !== 'string' || Token.isUnresolved(cidr)) return false;
    const parsed = parseCidr(cidr);
    if (typeof parsed === 'string') return false;
    const ranges = parsed.ipv6 ? PRIVATE_IPV6 : PRIVATE_IPV4;
    return ranges.some(([network, prefix]) => parsed.prefix >= prefix && sameNetwork(parsed.bytes, network, prefix));
  }

  /**
   * Whether `cidr` covers the whole internet or a large part of it: an IPv4 prefix shorter than /8
   * or an IPv6 prefix shorter than /32 (`0.0.0.0/0`, `::/0`, `0.0.0.0/1`...). A value that is not
   * a readable CIDR (a token, a typo) counts as the internet: what cannot be read cannot be trusted.
   *
   * @param cidr an IPv4 or IPv6 CIDR block
   */
  public static isInternetWide(cidr: string): boolean {
    if (typeof cidr !== 'string' || Token.isUnresolved(cidr)) return true;
    const parsed = parseCidr(cidr.trim().toLowerCase());
    if (typeof parsed === 'string') return true;
    return parsed.prefix < (parsed.ipv6 ? MIN_IPV6_PREFIX : MIN_IPV4_PREFIX);
  }

  private readonly _problems: string[] = [];

  /**
   * @param constructName the construct whose props are checked, e.g. `TenantPostgres`
   * @param tenant the tenant id as given (named in the message even when invalid)
   */
  constructor(private readonly constructName: string, private readonly tenant: string) {}

  /** Every problem found so far, one line each (`- path: problem (got: value)`). */
  public get problems(): string[] {
    return [...this._problems];
  }

  /** Whether no problem was found. */
  public get isValid(): boolean {
    return this._problems.length === 0;
  }

  /**
   * Records a problem.
   *
   * @param path the prop path, e.g. `allowedCidrs[1]`
   * @param problem what is wrong and what is allowed
   * @param got the offending value
   */
  public add(path: string, problem: string, got: unknown): void {
    this._problems.push(`- ${path}: ${problem} (got: ${PropsValidation.describe(got)})`);
  }

  /** Throws one `Error` listing every problem, or does nothing when there is none. */
  public throwIfInvalid(): void {
    if (this._problems.length === 0) return;
    throw new Error(
      `Invalid ${this.constructName} props for tenant "${this.tenant}":\n${this._problems.join('\n')}`,
    );
  }

  /**
   * Checks a tenant id: `^[a-z][a-z0-9-]{2,30}$`, no trailing or doubled hyphen.
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param value the tenant id
   */
  public tenantId(path: string, value: string | undefined): void {
    if (value === undefined || value === null) {
      this.add(path, 'is required: 3-31 characters, lowercase letters, digits and hyphens, starting with a letter', value);
      return;
    }
    if (typeof value !== 'string') {
      this.add(path, 'must be a string: 3-31 characters, lowercase letters, digits and hyphens, starting with a letter', value);
      return;
    }
    if (Token.isUnresolved(value)) {
      this.add(path, 'must be a literal string (it names resources, aliases and tags at synth time), not a token', value);
      return;
    }
    if (!TENANT_ID_PATTERN.test(value)) {
      this.add(path, 'must be 3-31 characters of lowercase letters, digits and hyphens, starting with a letter (^[a-z][a-z0-9-]{2,30}$)', value);
    } else if (value.endsWith('-') || value.includes('--')) {
      this.add(path, 'must not end with a hyphen or contain two hyphens in a row', value);
    }
  }

  /**
   * Checks a tier is one of {@link TenantTier} (from JavaScript or a JSON file any string can
   * arrive, and an unknown tier must never fall through to DEVELOPMENT's destroyable settings).
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param value the value to check (`undefined` is not checked)
   */
  public tier(path: string, value?: TenantTier): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || !Object.values(TenantTier).includes(value)) {
      this.add(path, `must be one of ${Object.values(TenantTier).map((t) => `TenantTier.${t}`).join(', ')}`, value);
    }
  }

  /**
   * Checks a list of CIDR blocks: valid IPv4/IPv6 notation, host bits zero (the network address is
   * suggested), no duplicates, at most `maxEntries`, and no whole internet unless allowed.
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param values the value to check (`undefined` is not checked)
   * @param options what the calling block allows
   */
  /**
   * Checks the customer networks routed into a tenant VPC through a Transit Gateway: the checks of
   * {@link cidrs} (no whole internet), then IPv4 only (a Transit Gateway route of a VPC route table
   * is an IPv4 `DestinationCidrBlock` here), and none inside, or holding, the VPC's own range (AWS
   * refuses a route as specific as the VPC's local route, and traffic to it would never leave).
   *
   * @param path the prop path named in the message, e.g. `routedCidrs`
   * @param values the value to check (`undefined` is not checked)
   * @param vpcCidr the VPC's range (`undefined`: the default 10.0.0.0/16)
   */
  public routedNetworks(path: string, values: string[] | undefined, vpcCidr: string | undefined): void {
    if (values === undefined) return;
    const before = this.problems.length;
    this.cidrs(path, values, { exposes: 'the tenant VPC' });
    if (this.problems.length > before || !Array.isArray(values)) return;
    if (values.length === 0) {
      this.add(path, 'lists no network: list the customer networks to route in, or leave it out', values);
      return;
    }
    const vpc = parseCidr(vpcCidr ?? '10.0.0.0/16');
    values.forEach((raw, i) => {
      const parsed = parseCidr(raw);
      if (typeof parsed === 'string') return;
      if (parsed.ipv6) {
        this.add(`${path}[${i}]`, 'must be an IPv4 network: routes to the Transit Gateway are IPv4 (an IPv6 customer network is not routed here)', raw);
      } else if (typeof vpc !== 'string' && !vpc.ipv6) {
        const shorter = Math.min(parsed.prefix, vpc.prefix);
        if (sameNetwork(parsed.bytes, maskBytes(vpc.bytes, shorter), shorter)) {
          this.add(`${path}[${i}]`, `overlaps the tenant VPC (${vpcCidr ?? '10.0.0.0/16'}): a routed network must lie outside it (choose another vpcCidr for this tenant)`, raw);
        }
      }
    });
  }

  public cidrs(path: string, values: string[] | undefined, options: CidrValidationOptions = {}): void {
    if (values === undefined) return;
    if (Token.isUnresolved(values)) {
      if (!options.allowTokens) {
        this.add(path, 'must be a literal list of CIDR strings known at synth time, not a token (a parameter or deploy-time value cannot be checked)', values);
      }
      return;
    }
    if (!Array.isArray(values)) {
      this.add(path, "must be a list of CIDR strings, e.g. ['10.0.0.0/24']", values);
      return;
    }
    const max = options.maxEntries ?? 50;
    if (values.length > max) {
      this.add(path, `lists at most ${max} CIDR blocks (each one is a security group rule)`, `${values.length} entries`);
    }
    const seen = new Map<string, number>();
    values.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      if (typeof raw !== 'string') {
        this.add(p, 'must be a CIDR string, e.g. 10.0.0.0/24', raw);
        return;
      }
      if (Token.isUnresolved(raw)) {
        if (!options.allowTokens) {
          this.add(p, 'must be a literal CIDR string known at synth time, not a token (a parameter or deploy-time value cannot be checked)', raw);
        }
        return;
      }
      const parsed = parseCidr(raw);
      if (typeof parsed === 'string') {
        this.add(p, `${parsed}; expected an IPv4 (10.0.0.0/16) or IPv6 (2001:db8::/32) CIDR block`, raw);
        return;
      }
      if (parsed.prefix === 0) {
        if (!options.allowWholeInternet) {
          this.add(p, `opens ${options.exposes ?? 'the resource'} to the whole internet; list the client networks instead`, raw);
        }
      } else if (parsed.prefix < (parsed.ipv6 ? MIN_IPV6_PREFIX : MIN_IPV4_PREFIX) && !options.allowWholeInternet) {
        this.add(
          p,
          `covers a large part of the internet (prefixes shorter than /${parsed.ipv6 ? MIN_IPV6_PREFIX : MIN_IPV4_PREFIX} are not client networks); list the client networks instead`,
          raw,
        );
      } else if (parsed.hostBitsSet) {
        this.add(p, `has host bits set; use the network address ${parsed.network}`, raw);
      } else if (parsed.ipv6 && raw !== raw.toLowerCase()) {
        this.add(p, `must be written in lowercase (aws-cdk-lib rejects uppercase IPv6); use ${raw.toLowerCase()}`, raw);
      }
      const previous = seen.get(parsed.network);
      if (previous !== undefined) {
        this.add(p, `duplicates ${path}[${previous}]`, raw);
      } else {
        seen.set(parsed.network, i);
      }
    });
  }

  /**
   * Checks that a duration lies within `[range.min, range.max]` (compared in milliseconds).
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param range the allowed range
   * @param value the value to check (`undefined` is not checked)
   */
  public duration(path: string, range: DurationRange, value?: Duration): void {
    if (!this.isCheckableDuration(path, value, range.allowTokens)) return;
    const ms = value!.toMilliseconds();
    if (ms < range.min.toMilliseconds() || ms > range.max.toMilliseconds()) {
      this.add(path, `must be between ${range.min.toHumanString()} and ${range.max.toHumanString()}`, value);
    }
  }

  /**
   * Checks that a duration is a whole number of `unit` (e.g. days for backup retention).
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param value the value to check (`undefined` is not checked)
   */
  public wholeDays(path: string, value: Duration | undefined): void {
    if (value === undefined || !isDuration(value) || value.isUnresolved()) return; // duration() reports those
    if (value.toMilliseconds() % 86_400_000 !== 0) {
      this.add(path, 'must be a whole number of days, e.g. Duration.days(7)', value);
    }
  }

  /**
   * Checks a number lies within `[range.min, range.max]` and, when `range.step` is given, is a multiple of it.
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param range the allowed range, step and unit
   * @param value the value to check (`undefined` is not checked)
   */
  public number(path: string, range: NumberRange, value?: number): void {
    if (value === undefined) return;
    const { min, max, step, unit } = range;
    const u = unit ? ` ${unit}` : '';
    const stepText = step === undefined ? '' : step === 1 ? ', a whole number' : ` in steps of ${step}`;
    if (typeof value !== 'number') {
      this.add(path, `must be a number between ${min} and ${max}${u}${stepText}`, value);
      return;
    }
    if (Token.isUnresolved(value)) {
      if (!range.allowTokens) this.add(path, 'must be a literal number known at synth time, not a token (a parameter or deploy-time value cannot be checked)', value);
      return;
    }
    const inRange = Number.isFinite(value) && value >= min && value <= max;
    const onStep = step === undefined || Math.abs(value / step - Math.round(value / step)) < 1e-9;
    if (!inRange || !onStep) {
      this.add(path, `must be between ${min} and ${max}${u}${stepText}`, value);
    }
  }

  /**
   * Checks a string against a regular expression; `allowed` describes the allowed form for the message.
   *
   * @param path the prop path named in the message, e.g. `databaseName`
   * @param regex the regular expression source, anchored by the caller (e.g. `^[a-z]+$`)
   * @param allowed the allowed form, named in the message
   * @param value the value to check (`undefined` is not checked)
   * @param options whether a token passes (platform-side values only)
   */
  public pattern(path: string, regex: string, allowed: string, value?: string, options: StringValidationOptions = {}): void {
    if (value === undefined) return;
    if (!this.isCheckableString(path, value, allowed, options)) return;
    if (!new RegExp(regex).test(value)) {
      this.add(path, `must be ${allowed}`, value);
    }
  }

  /**
   * Reports the problems of a maintenance window value (its factories never throw).
   *
   * @param path the prop path named in the message, e.g. `allowedCidrs`
   * @param value the value to check (`undefined` is not checked)
   */
  public maintenanceWindow(path: string, value: MaintenanceWindow | undefined): void {
    if (value === undefined) return;
    if (!isMaintenanceWindow(value)) {
      this.add(path, "must be a MaintenanceWindow, e.g. MaintenanceWindow.fromString('sun:18:00-sun:18:30')", value);
      return;
    }
    for (const problem of value.problems) {
      this.add(path, problem, value);
    }
  }

  /**
   * Checks a 12-digit AWS account id given as a string (a number loses leading zeros).
   *
   * @param path the prop path named in the message, e.g. `platformAccountId`
   * @param value the value to check (`undefined` is not checked)
   * @param options whether a token (e.g. `Aws.ACCOUNT_ID`) passes
   */
  public accountId(path: string, value: string | undefined, options: StringValidationOptions = {}): void {
    if (value === undefined) return;
    if (typeof value !== 'string') {
      this.add(path, "must be a 12-digit AWS account id as a string, e.g. '123456789012'", value);
      return;
    }
    if (!this.isCheckableString(path, value, 'a 12-digit AWS account id', options)) return;
    if (!/^\d{12}$/.test(value)) this.add(path, 'must be a 12-digit AWS account id', value);
  }

  /**
   * Checks a value is a literal string (not a token, unless allowed); reports the problem and
   * returns false otherwise, so a block can skip its own checks of that value.
   *
   * @param path the prop path named in the message, e.g. `domain.recordName`
   * @param allowed the allowed form, named in the message
   * @param value the value to check (`undefined` is reported as missing)
   * @param options whether a token passes (platform-side values only)
   */
  public literalString(path: string, allowed: string, value?: string, options: StringValidationOptions = {}): boolean {
    if (value === undefined || value === null) {
      this.add(path, `is required: ${allowed}`, value);
      return false;
    }
    return this.isCheckableString(path, value, allowed, options) && !Token.isUnresolved(value);
  }

  /**
   * Checks a value is a boolean (JSON `true`/`false`, not the string `'true'`).
   *
   * @param path the prop path named in the message, e.g. `publicAccess`
   * @param value the value to check (`undefined` is not checked)
   */
  public boolean(path: string, value: boolean | undefined): void {
    if (value === undefined) return;
    if (typeof value !== 'boolean') this.add(path, 'must be true or false', value);
  }

  /**
   * Checks that a value is one of a closed set of strings (an enum's values from JSON).
   *
   * @param path the prop path named in the message, e.g. `mode`
   * @param allowed the allowed values
   * @param value the value to check (`undefined` is not checked)
   */
  public oneOf(path: string, allowed: string[], value: string | undefined): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add(path, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
    }
  }

  /**
   * Checks the address range of a VPC made for a tenant: a literal private IPv4 range (RFC 1918)
   * with a prefix from /16 to /20 (the tenant layout needs three subnet groups in three AZs), host
   * bits zero.
   *
   * @param path the prop path named in the message, e.g. `vpcCidr`
   * @param value the value to check (`undefined` is not checked)
   */
  public vpcCidr(path: string, value: string | undefined): void {
    if (value === undefined) return;
    if (!this.isCheckableString(path, value, 'a private IPv4 range from /16 to /20, e.g. 10.0.0.0/16', {})) return;
    const parsed = parseCidr(value);
    if (typeof parsed === 'string' || parsed.ipv6) {
      this.add(path, 'must be an IPv4 CIDR block, e.g. 10.0.0.0/16', value);
    } else if (parsed.prefix < 16 || parsed.prefix > 20) {
      this.add(path, 'must have a prefix from /16 (the largest VPC) to /20 (the smallest that holds the tenant layout in three AZs)', value);
    } else if (parsed.hostBitsSet) {
      this.add(path, `has host bits set; use the network address ${parsed.network}`, value);
    } else if (!PRIVATE_IPV4.slice(0, 3).some(([network, prefix]) => parsed.prefix >= prefix && sameNetwork(parsed.bytes, network, prefix))) {
      this.add(path, 'must be a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)', value);
    }
  }

  /** Reports a value that is not a string, or a token when tokens are not allowed; true when the value can be checked. */
  private isCheckableString(path: string, value: unknown, allowed: string, options: StringValidationOptions): value is string {
    if (typeof value !== 'string') {
      this.add(path, `must be a string: ${allowed}`, value);
      return false;
    }
    if (Token.isUnresolved(value)) {
      if (!options.allowTokens) {
        this.add(path, 'must be a literal string known at synth time, not a token (a parameter or deploy-time value cannot be checked)', value);
      }
      return false;
    }
    return true;
  }

  /** Reports a value that is not a Duration, or a token when tokens are not allowed; true when the value can be checked. */
  private isCheckableDuration(path: string, value: unknown, allowTokens?: boolean): boolean {
    if (value === undefined) return false;
    if (!isDuration(value)) {
      this.add(path, 'must be a Duration, e.g. Duration.days(7)', value);
      return false;
    }
    if (value.isUnresolved()) {
      if (!allowTokens) this.add(path, 'must be a literal duration known at synth time, not a token (a parameter or deploy-time value cannot be checked)', value);
      return false;
    }
    return true;
  }
}

/** RFC 1918 and RFC 6598 ranges: network bytes and prefix. */
const PRIVATE_IPV4: Array<[number[], number]> = [
  [[10, 0, 0, 0], 8],
  [[172, 16, 0, 0], 12],
  [[192, 168, 0, 0], 16],
  [[100, 64, 0, 0], 10],
];
/** IPv6 unique-local addresses, fc00::/7 (RFC 4193). */
const PRIVATE_IPV6: Array<[number[], number]> = [[[0xfc, ...Array(15).fill(0)], 7]];

function sameNetwork(bytes: number[], network: number[], prefix: number): boolean {
  const a = maskBytes(bytes, prefix);
  const b = maskBytes(network, prefix);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Duck-typed: a Duration of any copy of aws-cdk-lib. */
function isDuration(value: unknown): value is Duration {
  return value instanceof Duration || (typeof value === 'object' && value !== null
    && typeof (value as Duration).toMilliseconds === 'function' && typeof (value as Duration).isUnresolved === 'function');
}

/** Duck-typed: a MaintenanceWindow of any copy of this library. */
function isMaintenanceWindow(value: unknown): value is MaintenanceWindow {
  return value instanceof MaintenanceWindow || (typeof value === 'object' && value !== null
    && Array.isArray((value as MaintenanceWindow).problems) && typeof (value as MaintenanceWindow).raw === 'string');
}

/** A parsed CIDR block. */
interface ParsedCidr {
  readonly ipv6: boolean;
  readonly network: string;
  readonly prefix: number;
  readonly hostBitsSet: boolean;
  readonly bytes: number[];
}

/** Parses a CIDR block; returns what is wrong as a string when it is not one. */
function parseCidr(raw: string): ParsedCidr | string {
  if (typeof raw !== 'string') return 'is not a string';
  const slash = raw.indexOf('/');
  if (slash < 0) return 'has no prefix length (/n)';
  const addr = raw.slice(0, slash);
  const prefixText = raw.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return 'has an invalid prefix length';
  const prefix = Number(prefixText);
  if (addr.includes(':')) {
    const bytes = parseIpv6(addr);
    if (!bytes) return 'is not a valid IPv6 address';
    if (prefix > 128) return 'has a prefix length over 128';
    const masked = maskBytes(bytes, prefix);
    return { ipv6: true, network: formatIpv6(masked) + `/${prefix}`, prefix, hostBitsSet: masked.some((b, i) => b !== bytes[i]), bytes };
  }
  const parts = addr.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) {
    return 'is not a valid IPv4 address';
  }
  if (prefix > 32) return 'has a prefix length over 32';
  const bytes = parts.map(Number);
  const masked = maskBytes(bytes, prefix);
  return { ipv6: false, network: `${masked.join('.')}/${prefix}`, prefix, hostBitsSet: masked.some((b, i) => b !== bytes[i]), bytes };
}

/* eslint-disable no-bitwise -- CIDR masks are bit arithmetic */
function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
    return b & mask;
  });
}

function parseIpv6(addr: string): number[] | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(addr)) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 && head.length !== 8) return undefined;
  if (halves.length === 2 && missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes: number[] = [];
  for (const g of all) {
    const v = parseInt(g, 16);
    bytes.push(v >> 8, v & 0xff);
  }
  return bytes;
}

function formatIpv6(bytes: number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  /* eslint-enable no-bitwise */
  // RFC 5952: compress the longest run (length >= 2) of zero groups.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
