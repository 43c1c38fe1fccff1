import { Duration, Token } from 'aws-cdk-lib';
import { MaintenanceWindow } from './maintenance-window';
import { TenantTier } from './tier';

/** The tenant id rule every block enforces: it ends up in resource names, aliases and tags. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{2,30}$/;

/**
 * Shortest IPv4 prefix accepted as a client network: shorter ones (e.g. `0.0.0.0/1` plus
 * `128.0.0.0/1`) are the whole internet in pieces.
 */
const MIN_IPV4_PREFIX = 8;
/** Shortest IPv6 prefix accepted as a client network (a /32 is a whole provider allocation). */
const MIN_IPV6_PREFIX = 32;

/** Options of {@link PropsValidation.cidrs}. */
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
}

/** A closed range of numbers for {@link PropsValidation.number}. */
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
}

/** A closed range of durations for {@link PropsValidation.duration}. */
export interface DurationRange {
  /** Shortest allowed duration. */
  readonly min: Duration;
  /** Longest allowed duration. */
  readonly max: Duration;
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
 * Values that are unresolved tokens pass through unchecked: they are only known at deploy time.
 */
export class PropsValidation {
  /** Renders a value for an error message: strings quoted, arrays and objects as JSON. */
  public static describe(value: unknown): string {
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    if (typeof value === 'string') return `'${value}'`;
    if (value instanceof Duration) return value.toHumanString();
    if (value instanceof MaintenanceWindow) return `'${value.raw}'`;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
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
    if (!Object.values(TenantTier).includes(value)) {
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
  public cidrs(path: string, values: string[] | undefined, options: CidrValidationOptions = {}): void {
    if (values === undefined) return;
    if (Token.isUnresolved(values)) return;
    const max = options.maxEntries ?? 50;
    if (values.length > max) {
      this.add(path, `lists at most ${max} CIDR blocks (each one is a security group rule)`, `${values.length} entries`);
    }
    const seen = new Map<string, number>();
    values.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      if (Token.isUnresolved(raw)) return;
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
    if (value === undefined) return;
    if (value.isUnresolved()) return;
    const ms = value.toMilliseconds();
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
    if (value === undefined || value.isUnresolved()) return;
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
    if (value === undefined || Token.isUnresolved(value)) return;
    const { min, max, step, unit } = range;
    const u = unit ? ` ${unit}` : '';
    const inRange = Number.isFinite(value) && value >= min && value <= max;
    const onStep = step === undefined || Math.abs(value / step - Math.round(value / step)) < 1e-9;
    if (!inRange || !onStep) {
      const stepText = step === undefined ? '' : step === 1 ? ', a whole number' : ` in steps of ${step}`;
      this.add(path, `must be between ${min} and ${max}${u}${stepText}`, value);
    }
  }

  /**
   * Checks a string against a regular expression; `allowed` describes the allowed form for the message.
   *
   * @param regex the regular expression source, anchored by the caller (e.g. `^[a-z]+$`)
   */
  public pattern(path: string, regex: string, allowed: string, value?: string): void {
    if (value === undefined || Token.isUnresolved(value)) return;
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
    for (const problem of value.problems) {
      this.add(path, problem, value);
    }
  }
}

/** A parsed CIDR block. */
interface ParsedCidr {
  readonly ipv6: boolean;
  readonly network: string;
  readonly prefix: number;
  readonly hostBitsSet: boolean;
}

/** Parses a CIDR block; returns what is wrong as a string when it is not one. */
function parseCidr(raw: string): ParsedCidr | string {
  if (typeof raw !== 'string') return 'is not a string';
  const slash = raw.indexOf('/');
  if (slash < 0) return 'has no prefix length (/n)';
  const addr = raw.slice(0, slash);
  const prefixText = raw.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return 'has an invalid prefix length';
  const prefix = Number(prefixText);
  if (addr.includes(':')) {
    const bytes = parseIpv6(addr);
    if (!bytes) return 'is not a valid IPv6 address';
    if (prefix > 128) return 'has a prefix length over 128';
    const masked = maskBytes(bytes, prefix);
    return { ipv6: true, network: formatIpv6(masked) + `/${prefix}`, prefix, hostBitsSet: masked.some((b, i) => b !== bytes[i]) };
  }
  const parts = addr.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) {
    return 'is not a valid IPv4 address';
  }
  if (prefix > 32) return 'has a prefix length over 32';
  const bytes = parts.map(Number);
  const masked = maskBytes(bytes, prefix);
  return { ipv6: false, network: `${masked.join('.')}/${prefix}`, prefix, hostBitsSet: masked.some((b, i) => b !== bytes[i]) };
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
