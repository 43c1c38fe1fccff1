import type { TenantSpec } from './tenant-spec';
import { MEMORY_RANGE, RESERVED_CONCURRENCY, TIMEOUT_SECONDS } from '../blocks/function/function-limits';
import { RUNTIME_NAMES } from '../blocks/function/runtime-names';
import { BACKUP_VAULT_ARN_PATTERN, CAPACITY_FLOOR, DATABASE_NAME_PATTERN, MAX_CAPACITY_LIMIT, RESERVED_DATABASE_NAMES } from '../blocks/postgres/postgres-limits';
import { MaintenanceWindow } from '../core/maintenance-window';
import { TenantTier } from '../core/tier';
import { PropsValidation } from '../core/validation';

/**
 * The keys a tenant spec may have (anything else is a typo or a setting that is not whitelisted).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const TENANT_SPEC_KEYS = ['tenantId', 'tier', 'account', 'region', 'network', 'database', 'function', 'link'];
/**
 * The keys of `network`.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const NETWORK_SPEC_KEYS = ['vpcCidr', 'routedCidrs', 'transitGatewayId'];
/**
 * A Transit Gateway id (the same rule as `TenantNetwork`'s).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const TRANSIT_GATEWAY_ID_PATTERN = '^tgw-[0-9a-f]{8,17}$';
/**
 * The keys of `database`.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const DATABASE_SPEC_KEYS = ['allowedCidrs', 'maintenanceWindow', 'maxCapacity', 'backupRetentionDays', 'databaseName', 'backupCopyVaultArn'];
/**
 * The keys of `function`.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const FUNCTION_SPEC_KEYS = ['runtime', 'memorySize', 'timeoutSeconds', 'reservedConcurrency', 'internetEgress', 'allowedCidrs', 'domain', 'disposableData'];
/**
 * The keys of `function.domain`.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const DOMAIN_SPEC_KEYS = ['hostedZoneId', 'zoneName', 'recordName'];
/**
 * The keys of `link`.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const LINK_SPEC_KEYS = ['allowQuery', 'allowInvoke'];
/**
 * The keys of a spec file.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const SPEC_FILE_KEYS = ['$schema', 'tenants'];

/**
 * A 12-digit AWS account id.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const ACCOUNT_PATTERN = '^\\d{12}$';
/**
 * An AWS region name (commercial, GovCloud, China, ISO partitions).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const REGION_PATTERN = '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$';
/**
 * A Route 53 hosted zone id.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const HOSTED_ZONE_ID_PATTERN = '^Z[A-Z0-9]{1,31}$';
/**
 * A DNS name of lowercase labels (an optional trailing dot).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const DNS_NAME_PATTERN = '^(?=.{1,253}\\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?$';
/**
 * Whole days of point-in-time recovery a database may keep (RDS's limits).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const BACKUP_RETENTION_DAYS = { min: 1, max: 35 };
/**
 * The tiers as they are written in JSON.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with the JSON Schema module; not public API
 */
export const TIER_NAMES: string[] = Object.values(TenantTier);

/**
 * Validates one tenant spec given as plain JSON (from a file, an API request, JavaScript) and
 * returns every problem, each as `<json path>: <what is wrong and what is allowed> (got: <value>)`.
 * Never throws: a value of the wrong type is a problem, not a crash. An empty list means the
 * value is a valid {@link TenantSpec}.
 *
 * The checks are the blocks' own (ranges, patterns and reserved names come from the same
 * constants and `PropsValidation` helpers the blocks use), so a spec that passes here passes the
 * blocks' construct-time validation.
 *
 * Stable: the JSON paths; the wording of a problem may improve between minor releases.
 *
 * @param value the parsed JSON of one tenant
 * @param path the JSON path of the value, prefixed to every problem (e.g. `tenants[2]`; `''` for a lone spec)
 */
export function validateTenantSpec(value: unknown, path: string): string[] {
  const v = new PropsValidation('TenantSpec', '');
  checkTenant(v, value, path);
  return strip(v.problems);
}

/**
 * Validates a whole spec file (`{ "$schema"?: ..., "tenants": [...] }`) and returns every problem of
 * every tenant, with its JSON path (`tenants[2].database.allowedCidrs[0]: ...`), including
 * tenant ids used twice. Never throws.
 *
 * @param json the parsed JSON of the file
 */
export function validateTenantSpecFile(json: unknown): string[] {
  const v = new PropsValidation('TenantSpec', '');
  if (!isObject(json)) {
    v.add('(file)', 'must be an object { "tenants": [ ... ] }', json);
    return strip(v.problems);
  }
  unknownKeys(v, json, '', SPEC_FILE_KEYS);
  if (json.$schema !== undefined && typeof json.$schema !== 'string') {
    v.add('$schema', 'must be a string (the URL or path of the JSON Schema)', json.$schema);
  }
  const tenants = json.tenants;
  if (!Array.isArray(tenants)) {
    v.add('tenants', 'is required: a list of tenant specs', tenants);
    return strip(v.problems);
  }
  const seen = new Map<string, number>();
  tenants.forEach((tenant, i) => {
    const path = `tenants[${i}]`;
    checkTenant(v, tenant, path);
    const id = isObject(tenant) ? tenant.tenantId : undefined;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        v.add(`${path}.tenantId`, `duplicates tenants[${first}].tenantId: a tenant id names its key alias, link role and stacks, so it is unique`, id);
      } else {
        seen.set(id, i);
      }
    }
  });
  return strip(v.problems);
}

/**
 * Parses a spec file: validates every tenant in one run and returns the typed specs, or throws
 * one `Error` listing every problem of every tenant with its JSON path.
 *
 * @param json the parsed JSON of the file (`JSON.parse(text)`)
 * @throws Error listing every problem
 */
export function parseTenantSpecs(json: unknown): TenantSpec[] {
  const problems = validateTenantSpecFile(json);
  if (problems.length > 0) {
    throw new Error(`Invalid tenant specs (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return (json as { tenants: TenantSpec[] }).tenants;
}

/**
 * Parses one tenant spec: returns it typed, or throws one `Error` listing every problem.
 *
 * @param json the parsed JSON of one tenant
 * @throws Error listing every problem
 */
export function parseTenantSpec(json: unknown): TenantSpec {
  const problems = validateTenantSpec(json, '');
  if (problems.length > 0) {
    const id = isObject(json) && typeof json.tenantId === 'string' ? ` "${json.tenantId}"` : '';
    throw new Error(`Invalid tenant spec${id}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return json as TenantSpec;
}

/**
 * The tenant spec functions as static methods, for languages other than TypeScript (jsii does not
 * export free functions).
 */
export class TenantSpecs {
  /**
   * Every problem of one tenant spec ({@link validateTenantSpec}).
   *
   * @param value the parsed JSON of one tenant
   * @param path the JSON path prefixed to every problem (`''` for a lone spec)
   */
  public static validate(value: unknown, path?: string): string[] {
    return validateTenantSpec(value, path ?? '');
  }

  /**
   * Every problem of a spec file ({@link validateTenantSpecFile}).
   *
   * @param json the parsed JSON of the file
   */
  public static validateFile(json: unknown): string[] {
    return validateTenantSpecFile(json);
  }

  /**
   * The typed specs of a file, or one `Error` listing every problem ({@link parseTenantSpecs}).
   *
   * @param json the parsed JSON of the file
   */
  public static parse(json: unknown): TenantSpec[] {
    return parseTenantSpecs(json);
  }

  /**
   * One typed spec, or one `Error` listing every problem ({@link parseTenantSpec}).
   *
   * @param json the parsed JSON of one tenant
   */
  public static parseOne(json: unknown): TenantSpec {
    return parseTenantSpec(json);
  }

  private constructor() {}
}

// ------------------------------------------------------------------------------------------------

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** PropsValidation lines start with `- `; the spec's problems are the bare `path: problem (got: value)`. */
function strip(problems: string[]): string[] {
  return problems.map((p) => p.replace(/^- /, ''));
}

function unknownKeys(v: PropsValidation, obj: JsonObject, path: string, allowed: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      v.add(join(path, key), `is not a setting here; allowed: ${allowed.join(', ')}`, obj[key]);
    }
  }
}

/** Reports a present value of the wrong JSON type; returns whether the value is present and of the type. */
function typed(v: PropsValidation, path: string, value: unknown, type: 'string' | 'number' | 'boolean', example: string): boolean {
  if (value === undefined) return false;
  // JSON numbers are finite; NaN/Infinity can only come from JavaScript and are not numbers here.
  const ok = type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
  if (!ok) {
    v.add(path, `must be a ${type}, e.g. ${example}`, value);
  }
  return ok;
}

function checkTenant(v: PropsValidation, value: unknown, path: string): void {
  if (!isObject(value)) {
    v.add(path === '' ? '(spec)' : path, 'must be an object with tenantId, tier and account', value);
    return;
  }
  unknownKeys(v, value, path, TENANT_SPEC_KEYS);

  const tenantIdPath = join(path, 'tenantId');
  if (value.tenantId === undefined) {
    v.tenantId(tenantIdPath, undefined);
  } else if (typed(v, tenantIdPath, value.tenantId, 'string', '"acme"')) {
    v.tenantId(tenantIdPath, value.tenantId as string);
  }

  const tierPath = join(path, 'tier');
  let tier: TenantTier | undefined;
  if (value.tier === undefined) {
    v.add(tierPath, 'is required: "DEVELOPMENT" or "PRODUCTION"', value.tier);
  } else if (typeof value.tier !== 'string' || !TIER_NAMES.includes(value.tier)) {
    v.add(tierPath, 'must be "DEVELOPMENT" or "PRODUCTION"', value.tier);
  } else {
    tier = value.tier as TenantTier;
  }

  const accountPath = join(path, 'account');
  if (value.account === undefined) {
    v.add(accountPath, 'is required: the tenant\'s 12-digit AWS account id, as a string', value.account);
  } else if (typeof value.account === 'number') {
    v.add(accountPath, 'must be a string of 12 digits, e.g. "012345678901" (a JSON number loses leading zeros)', value.account);
  } else if (typed(v, accountPath, value.account, 'string', '"012345678901"')) {
    v.pattern(accountPath, ACCOUNT_PATTERN, 'a 12-digit AWS account id', value.account as string);
  }

  const regionPath = join(path, 'region');
  if (typed(v, regionPath, value.region, 'string', '"eu-west-1"')) {
    v.pattern(regionPath, REGION_PATTERN, 'an AWS region name, e.g. eu-west-1', value.region as string);
  }

  // Tier-dependent checks use the PRODUCTION bounds when the tier is invalid (the safe side).
  const effectiveTier = tier ?? TenantTier.PRODUCTION;
  if (value.network !== undefined) checkNetwork(v, value.network, join(path, 'network'));
  const home = {
    account: typeof value.account === 'string' ? value.account : undefined,
    region: typeof value.region === 'string' ? value.region : undefined,
  };
  if (value.database !== undefined) checkDatabase(v, value.database, join(path, 'database'), effectiveTier, home);
  if (value.function !== undefined) checkFunction(v, value.function, join(path, 'function'), effectiveTier, tier !== undefined);
  if (value.link !== undefined) checkLink(v, value.link, join(path, 'link'));
}

function checkCidrs(v: PropsValidation, value: unknown, path: string, options: { allowWholeInternet: boolean; exposes: string }): string[] {
  if (value === undefined) return [];
  // The shared check reports a value that is not a list, entries that are not strings, and uppercase IPv6.
  v.cidrs(path, value as string[], options);
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
}

/** The network's checks are TenantNetwork's own (`vpcCidr`, `cidrs`, the Transit Gateway pattern). */
function checkNetwork(v: PropsValidation, value: unknown, path: string): void {
  if (!isObject(value)) {
    v.add(path, 'must be an object with the network settings (or be left out: a 10.0.0.0/16 VPC, no customer networks)', value);
    return;
  }
  unknownKeys(v, value, path, NETWORK_SPEC_KEYS);
  const cidrPath = join(path, 'vpcCidr');
  if (typed(v, cidrPath, value.vpcCidr, 'string', '"10.20.0.0/16"')) {
    v.vpcCidr(cidrPath, value.vpcCidr as string);
  }
  // IPv4 only, outside the VPC's range: the same check TenantNetwork makes
  v.routedNetworks(join(path, 'routedCidrs'), value.routedCidrs as string[] | undefined, typeof value.vpcCidr === 'string' ? value.vpcCidr : undefined);
  const routed = Array.isArray(value.routedCidrs) ? value.routedCidrs : [];
  const tgwPath = join(path, 'transitGatewayId');
  const tgw = typed(v, tgwPath, value.transitGatewayId, 'string', '"tgw-0123456789abcdef0"');
  if (tgw) {
    v.pattern(tgwPath, TRANSIT_GATEWAY_ID_PATTERN, 'a Transit Gateway id (tgw- and 8-17 hexadecimal digits)', value.transitGatewayId as string);
  }
  if (routed.length > 0 && value.transitGatewayId === undefined) {
    v.add(tgwPath, 'is required with routedCidrs: the Transit Gateway the customer networks are routed to', value.transitGatewayId);
  }
  if (tgw && value.routedCidrs === undefined) {
    v.add(join(path, 'routedCidrs'), 'list the networks to route to the Transit Gateway (transitGatewayId is set)', value.routedCidrs);
  }
}

function checkDatabase(v: PropsValidation, value: unknown, path: string, tier: TenantTier, home: { account?: string; region?: string }): void {
  if (!isObject(value)) {
    v.add(path, 'must be an object with the database settings (or be left out: no database)', value);
    return;
  }
  unknownKeys(v, value, path, DATABASE_SPEC_KEYS);
  checkCidrs(v, value.allowedCidrs, join(path, 'allowedCidrs'), { allowWholeInternet: false, exposes: 'the database' });

  const windowPath = join(path, 'maintenanceWindow');
  if (typed(v, windowPath, value.maintenanceWindow, 'string', '"sun:18:00-sun:18:30"')) {
    const window = value.maintenanceWindow as string;
    if (window !== window.trim().toLowerCase()) {
      // One spelling in files and the registry, so that a diff of two specs shows real changes only.
      v.add(windowPath, `must be written in lowercase without spaces (${window.trim().toLowerCase()})`, window);
    } else {
      v.maintenanceWindow(windowPath, MaintenanceWindow.fromString(window));
    }
  }

  const capacityPath = join(path, 'maxCapacity');
  if (typed(v, capacityPath, value.maxCapacity, 'number', '16')) {
    const floor = Math.max(1, CAPACITY_FLOOR[tier] ?? 0.5);
    v.number(capacityPath, { min: floor, max: MAX_CAPACITY_LIMIT, step: 0.5, unit: 'ACUs' }, value.maxCapacity as number);
  }

  const retentionPath = join(path, 'backupRetentionDays');
  if (typed(v, retentionPath, value.backupRetentionDays, 'number', '7')) {
    v.number(retentionPath, { ...BACKUP_RETENTION_DAYS, step: 1, unit: 'days' }, value.backupRetentionDays as number);
  }

  const namePath = join(path, 'databaseName');
  if (typed(v, namePath, value.databaseName, 'string', '"app"')) {
    const name = value.databaseName as string;
    if (!new RegExp(DATABASE_NAME_PATTERN).test(name)) {
      v.add(namePath, 'must be a PostgreSQL identifier of 1-63 lowercase letters, digits and underscores, starting with a letter or underscore', name);
    } else if (RESERVED_DATABASE_NAMES.has(name)) {
      v.add(namePath, 'is reserved (a PostgreSQL/RDS database or an SQL key word); choose another name, e.g. app', name);
    }
  }

  const copyPath = join(path, 'backupCopyVaultArn');
  if (typed(v, copyPath, value.backupCopyVaultArn, 'string', '"arn:aws:backup:eu-west-1:111111111111:backup-vault:tenant-blocks-hub"')) {
    for (const problem of backupCopyVaultProblems(value.backupCopyVaultArn as string, home)) v.add(copyPath, problem, value.backupCopyVaultArn);
  }
}


/**
 * The problems of a backup copy vault ARN for a tenant in `home` (the same rules in the spec and in
 * `Tenant.addPostgres`): an AWS Backup vault ARN, in another account than the tenant's (a copy in
 * the tenant account survives nothing the tenant's own vault does not), in the tenant's region
 * (AWS Backup copies an Aurora recovery point across accounts or across regions, never both in
 * one copy rule). What synth cannot check: the vault's account must be in the tenant account's
 * AWS Organization, and the vault's access policy must admit the tenant account (the hub's does).
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @internal shared with Tenant; not public API
 * @param arn the vault ARN
 * @param home the tenant's account and region, where known
 */
export function backupCopyVaultProblems(arn: string, home: { account?: string; region?: string }): string[] {
  if (!new RegExp(BACKUP_VAULT_ARN_PATTERN).test(arn)) {
    return ['must be an AWS Backup vault ARN, arn:aws:backup:<region>:<12-digit account>:backup-vault:<name> (e.g. the PlatformHub\'s backupVaultArn)'];
  }
  const [, , , region, account] = arn.split(':');
  const problems: string[] = [];
  if (home.account !== undefined && account === home.account) {
    problems.push(`is in the tenant's own account (${account}): a copy there survives nothing the tenant's vault does not; name a vault of the platform (or a backup) account in the same AWS Organization, e.g. the PlatformHub's backupVaultArn`);
  }
  if (home.region !== undefined && region !== home.region) {
    problems.push(`is in ${region}, the tenant in ${home.region}: AWS Backup copies an Aurora recovery point to another account or to another region, not both; name the vault of the hub in ${home.region}`);
  }
  return problems;
}

function checkFunction(v: PropsValidation, value: unknown, path: string, tier: TenantTier, tierKnown: boolean): void {
  if (!isObject(value)) {
    v.add(path, 'must be an object with the function settings (or be left out: no function)', value);
    return;
  }
  unknownKeys(v, value, path, FUNCTION_SPEC_KEYS);

  const runtimePath = join(path, 'runtime');
  if (typed(v, runtimePath, value.runtime, 'string', '"nodejs24.x"')) {
    const names = [...RUNTIME_NAMES];
    if (!names.includes(value.runtime as string)) {
      v.add(runtimePath, `is not a supported runtime (unknown, deprecated or about to be); allowed: ${names.join(', ')}`, value.runtime);
    }
  }

  const memoryPath = join(path, 'memorySize');
  if (typed(v, memoryPath, value.memorySize, 'number', '512')) {
    v.number(memoryPath, MEMORY_RANGE, value.memorySize as number);
  }
  const timeoutPath = join(path, 'timeoutSeconds');
  if (typed(v, timeoutPath, value.timeoutSeconds, 'number', '30')) {
    v.number(timeoutPath, { min: TIMEOUT_SECONDS.min, max: TIMEOUT_SECONDS.max, step: 1, unit: 'seconds' }, value.timeoutSeconds as number);
  }
  const concurrencyPath = join(path, 'reservedConcurrency');
  if (typed(v, concurrencyPath, value.reservedConcurrency, 'number', '5')) {
    const rc = RESERVED_CONCURRENCY[tier];
    v.number(concurrencyPath, { min: rc.min, max: rc.max, step: 1 }, value.reservedConcurrency as number);
  }
  typed(v, join(path, 'internetEgress'), value.internetEgress, 'boolean', 'true');
  const disposablePath = join(path, 'disposableData');
  if (typed(v, disposablePath, value.disposableData, 'boolean', 'true') && value.disposableData === true && tierKnown && tier === TenantTier.PRODUCTION) {
    // The spec knows the desired tier only: a PRODUCTION spec never disposes of data (TenantFunction refuses it too).
    v.add(disposablePath, 'is refused in PRODUCTION: a PRODUCTION tenant\'s data is kept when its stack is destroyed; to dispose of it, move the tenant to DEVELOPMENT first (a deploy of its own), then set disposableData', value.disposableData);
  }

  const domainPath = join(path, 'domain');
  const hasDomain = value.domain !== undefined;
  if (hasDomain) checkDomain(v, value.domain, domainPath);

  const cidrsPath = join(path, 'allowedCidrs');
  const cidrs = checkCidrs(v, value.allowedCidrs, cidrsPath, { allowWholeInternet: true, exposes: 'the function endpoint' });
  if (!hasDomain) {
    // The same rules as TenantFunction: no domain, no certificate, so an internal load balancer for private ranges only.
    const whole: string[] = cidrs.filter((c) => c === '0.0.0.0/0' || c === '::/0');
    if (whole.length > 0) {
      v.add(cidrsPath, 'allows the whole internet only together with a domain (the endpoint is HTTPS only on a certificate for that domain)', whole);
    }
    const publicRanges = cidrs.filter((c) => !whole.includes(c) && !PropsValidation.isPrivateRange(c));
    if (publicRanges.length > 0) {
      v.add(cidrsPath, 'reaching the endpoint from public networks needs a domain (HTTPS); without one the load balancer is internal, for private ranges only', publicRanges);
    }
    if (tierKnown && tier === TenantTier.PRODUCTION) {
      v.add(domainPath, 'is required in PRODUCTION: the endpoint is served over HTTPS on a certificate for this domain', value.domain);
    }
  }
}

function checkDomain(v: PropsValidation, value: unknown, path: string): void {
  if (!isObject(value)) {
    v.add(path, 'must be an object { "hostedZoneId", "zoneName", "recordName" }', value);
    return;
  }
  unknownKeys(v, value, path, DOMAIN_SPEC_KEYS);
  const required: Array<[string, string, string, string]> = [
    ['hostedZoneId', HOSTED_ZONE_ID_PATTERN, 'a Route 53 hosted zone id (Z followed by up to 31 uppercase letters and digits)', '"Z0123456789ABCDEFGHIJ"'],
    ['zoneName', DNS_NAME_PATTERN, 'a DNS name of lowercase letters, digits and hyphens, e.g. acme.apps.example.com', '"acme.apps.example.com"'],
    ['recordName', DNS_NAME_PATTERN, 'a DNS name of lowercase letters, digits and hyphens, e.g. api or api.acme.apps.example.com', '"api"'],
  ];
  for (const [key, regex, allowed, example] of required) {
    const p = join(path, key);
    if (value[key] === undefined) {
      v.add(p, `is required: ${allowed}`, value[key]);
    } else if (typed(v, p, value[key], 'string', example)) {
      v.pattern(p, regex, allowed, value[key] as string);
    }
  }
}

function checkLink(v: PropsValidation, value: unknown, path: string): void {
  if (!isObject(value)) {
    v.add(path, 'must be an object { "allowQuery"?: boolean, "allowInvoke"?: boolean }', value);
    return;
  }
  unknownKeys(v, value, path, LINK_SPEC_KEYS);
  typed(v, join(path, 'allowQuery'), value.allowQuery, 'boolean', 'true');
  typed(v, join(path, 'allowInvoke'), value.allowInvoke, 'boolean', 'true');
}
