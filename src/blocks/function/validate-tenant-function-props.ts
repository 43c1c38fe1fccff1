import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { LogShipping, PropsValidation, TenantKey, TenantNetwork, TenantTier } from '../../core';
import { MEMORY_RANGE, RESERVED_CONCURRENCY, TIMEOUT_SECONDS } from './function-limits';
import type { TenantFunctionProps } from './tenant-function-props';
import { TenantFunctionCode } from './tenant-function-code';
import { TenantRuntime } from './tenant-runtime';
import type { TenantPostgres } from '../postgres/tenant-postgres';

export { MEMORY_RANGE, RESERVED_CONCURRENCY, TIMEOUT_SECONDS } from './function-limits';

/** Timeout a function may have (Lambda's own limits). */
export const TIMEOUT_RANGE = { min: Duration.seconds(TIMEOUT_SECONDS.min), max: Duration.seconds(TIMEOUT_SECONDS.max) };

/** Lambda's limit on the total size of a function's environment variables (keys and values). */
export const ENVIRONMENT_LIMIT_BYTES = 4 * 1024;

/** Bytes assumed for a value only known at deploy time (an ARN, a host name). */
export const TOKEN_VALUE_BYTES = 128;

/** Construct metadata a block may put on a secret to mark it as an administrator's (see {@link adminSecretOwner}). */
export const SECRET_ROLE_METADATA = 'cdk-tenant-blocks:secret-role';

/** Names Lambda sets itself and refuses (besides every `AWS_` name). */
const LAMBDA_RESERVED = new Set(['_HANDLER', '_X_AMZN_TRACE_ID', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR']);

/** What an environment variable name must look like (Lambda: letters, digits, underscores, starting with a letter). */
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Patterns of values that are credentials, each with what it looks like. */
const CREDENTIAL_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/(?:password|passwd|pwd|secret|token|api[_-]?key)\s*[=:]/i, 'an inline password or key'],
  [/[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, 'a URL with a password in it'],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bsk_live_[A-Za-z0-9]{16,}/, 'a Stripe secret key'],
];

/** Names that announce a secret: a literal value under them is a secret in plain text. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/**
 * The tenant wiring a TenantFunction uses, resolved from its props without creating anything:
 * what is undefined here is created (or found) by `TenantKey.of` / `TenantNetwork.of` afterwards.
 *
 * @internal
 */
export interface ResolvedWiring {
  readonly network?: TenantNetwork;
  readonly encryptionKey?: TenantKey;
}

/**
 * Checks every prop of a TenantFunction, runtime types first (from JavaScript or a JSON file
 * anything can arrive), and throws one error listing every problem. Creates nothing, so it runs
 * before the construct adds itself to the tree.
 *
 * @param scope the scope the function is created in (to find its stack and the app)
 * @param reservedNames environment variable names the block sets itself
 * @returns the network and key to use when the props leave them unset but a database decides them
 * @internal
 */
export function validateTenantFunctionProps(scope: IConstruct, props: TenantFunctionProps, reservedNames: string[]): ResolvedWiring {
  const v = new PropsValidation('TenantFunction', typeof props?.tenantId === 'string' ? props.tenantId : String(props?.tenantId));
  if (typeof props !== 'object' || props === null) {
    v.add('(props)', 'must be an object with at least tenantId, code and handler', props);
    v.throwIfInvalid();
  }
  const stackRegion = Stack.of(scope).region;
  if (Token.isUnresolved(stackRegion)) {
    v.add('(stack) env.region', 'the stack needs an explicit region: load balancer access-log delivery is granted to that region\'s Elastic Load Balancing account', 'an environment-agnostic stack');
  }
  const tierValid = props.tier === undefined || Object.values(TenantTier).includes(props.tier);
  const tier = tierValid ? props.tier ?? TenantTier.PRODUCTION : TenantTier.PRODUCTION;
  v.tenantId('tenantId', props.tenantId);
  v.tier('tier', props.tier);

  if (props.code === undefined || props.code === null) {
    v.add('code', 'is required: TenantFunctionCode.fromAsset(path) or TenantFunctionCode.fromBucket(bucket, key)', props.code);
  } else if (!TenantFunctionCode.isTenantFunctionCode(props.code)) {
    v.add('code', 'must be a TenantFunctionCode: TenantFunctionCode.fromAsset(path) or TenantFunctionCode.fromBucket(bucket, key)', props.code);
  }
  const handlerForm = 'the entry point as file.function (1-128 characters, no spaces), e.g. index.handler';
  if (v.literalString('handler', handlerForm, props.handler)) {
    v.pattern('handler', '^[^\\s]{1,128}$', handlerForm, props.handler);
  }
  if (props.runtime !== undefined && !TenantRuntime.all().includes(props.runtime)) {
    v.add('runtime', "must be a TenantRuntime, e.g. TenantRuntime.of('nodejs24.x') or TenantRuntime.NODEJS_24_X", props.runtime);
  }

  v.number('memorySize', MEMORY_RANGE, props.memorySize);
  v.duration('timeout', TIMEOUT_RANGE, props.timeout);
  const rc = RESERVED_CONCURRENCY[tier];
  v.number('reservedConcurrency', { min: rc.min, max: rc.max, step: 1 }, props.reservedConcurrency);
  v.boolean('internetEgress', props.internetEgress);
  v.boolean('disposableData', props.disposableData);
  if (props.disposableData === true && tier === TenantTier.PRODUCTION) {
    // Issue 21.3: PRODUCTION data is never deleted with the stack; disposing of it takes a tier
    // change and this prop, deliberately.
    v.add('disposableData', 'is refused in PRODUCTION: a PRODUCTION tenant\'s data is kept when its stack is destroyed; to dispose of it, move the tenant to DEVELOPMENT and set disposableData then', props.disposableData);
  }

  const environmentOk = checkMap(v, 'environment', props.environment, "must be a map of names to strings, e.g. { LOG_LEVEL: 'info' }");
  const secretsOk = checkMap(v, 'secrets', props.secrets, 'must be a map of environment names to secrets, e.g. { API_KEY_SECRET_ARN: secret }');
  validateEnvironment(v, environmentOk ? props.environment ?? {} : {}, secretsOk ? props.secrets ?? {} : {}, reservedNames);

  const cidrs = Array.isArray(props.allowedCidrs) ? props.allowedCidrs.filter((c): c is string => typeof c === 'string' && !Token.isUnresolved(c)) : [];
  // The whole internet only with a domain: without one there is no certificate, hence no HTTPS.
  const domainGiven = props.domain !== undefined && props.domain !== null;
  if (cidrs.some(isWholeInternet) && !domainGiven) {
    v.add('allowedCidrs', 'allows the whole internet only together with a domain (the endpoint is HTTPS only on a certificate for that domain)', props.allowedCidrs);
  }
  v.cidrs('allowedCidrs', props.allowedCidrs, { allowWholeInternet: true, exposes: 'the function endpoint' });
  if (!domainGiven) {
    const publicRanges = cidrs.filter((c) => !isWholeInternet(c) && !PropsValidation.isPrivateRange(c));
    if (publicRanges.length > 0) {
      v.add('allowedCidrs', 'reaching the endpoint from public networks needs a domain (HTTPS); without one the load balancer is internal, for private ranges only', publicRanges);
    }
  }

  if (tier === TenantTier.PRODUCTION && !domainGiven) {
    v.add('domain', 'is required in PRODUCTION: the endpoint is served over HTTPS on a certificate for this domain', props.domain);
  }
  if (domainGiven) validateDomain(v, props);

  if (props.logShipping !== undefined && !(props.logShipping instanceof LogShipping)) {
    v.add('logShipping', 'must be a LogShipping: LogShipping.toDestination(arn) or LogShipping.none()', props.logShipping);
  }
  const wiring = validateWiring(v, scope, props);
  if (secretsOk) validateSecrets(v, scope, props);

  v.throwIfInvalid();
  return wiring;
}

/**
 * Checks an environment variable added after construction ({@link TenantFunction.addEnvironment})
 * with the rules of the `environment` prop.
 *
 * @param environment the user's variables so far (without the one added)
 * @param secretNames the names of the `secrets` variables
 * @internal
 */
export function validateAddedEnvironment(
  tenantId: string, name: string, value: string, environment: { [key: string]: string }, secretNames: string[], reservedNames: string[],
): void {
  const v = new PropsValidation('TenantFunction', tenantId);
  if (name in environment || secretNames.includes(name)) {
    v.add(`environment.${name}`, 'is already set (by the environment or secrets prop, or an earlier addEnvironment)', name);
  } else {
    const secrets = Object.fromEntries(secretNames.map((n) => [n, undefined])) as unknown as { [key: string]: never };
    validateEnvironment(v, { ...environment, [name]: value }, secrets, reservedNames, name);
  }
  v.throwIfInvalid();
}

function checkMap(v: PropsValidation, path: string, value: unknown, problem: string): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Token.isUnresolved(value)) {
    v.add(path, problem, value);
    return false;
  }
  return true;
}

function validateDomain(v: PropsValidation, props: TenantFunctionProps): void {
  const domain = props.domain as unknown;
  if (typeof domain !== 'object' || domain === null || Array.isArray(domain)) {
    v.add('domain', 'must be { hostedZone, recordName }', domain);
    return;
  }
  const { recordName, hostedZone } = props.domain!;
  if (v.literalString('domain.recordName', 'the host name in the hosted zone, e.g. app or app.example.com', recordName)) {
    const fqdn = recordName.replace(/\.$/, '');
    if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(fqdn)) {
      v.add('domain.recordName', 'must be a DNS name of lowercase letters, digits and hyphens, e.g. app or app.example.com', recordName);
    }
  }
  if (hostedZone === undefined || hostedZone === null) {
    v.add('domain.hostedZone', 'is required: the public hosted zone that validates the certificate and holds the alias record', hostedZone);
  } else if (typeof hostedZone !== 'object' || typeof (hostedZone as { hostedZoneId?: unknown }).hostedZoneId !== 'string') {
    v.add('domain.hostedZone', 'must be a route53.IHostedZone, e.g. HostedZone.fromHostedZoneAttributes(this, id, { hostedZoneId, zoneName })', hostedZone);
  } else {
    // The certificate and the alias record need the zone's name; HostedZone.fromHostedZoneId has none.
    try {
      void hostedZone.zoneName;
    } catch {
      v.add(
        'domain.hostedZone',
        'must know its zone name: use HostedZone.fromHostedZoneAttributes({ hostedZoneId, zoneName }) or HostedZone.fromLookup, not fromHostedZoneId',
        hostedZone.hostedZoneId,
      );
    }
  }
}

/** Whether `x` looks like a TenantPostgres (the function block never imports the postgres block at runtime). */
function isTenantPostgres(x: unknown): x is TenantPostgres {
  if (!Construct.isConstruct(x)) return false;
  const db = x as unknown as Partial<TenantPostgres>;
  return typeof db.tenantId === 'string' && db.cluster !== undefined && isSecret(db.adminSecret) && isSecret(db.appSecret)
    && db.connections instanceof ec2.Connections;
}

function isSecret(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { secretArn?: unknown }).secretArn === 'string'
    && typeof (x as { grantRead?: unknown }).grantRead === 'function';
}

/**
 * The network and key the function uses, and that the wiring is of this tenant: given ones, or,
 * with a database, the database's (so a function given only its database runs where the database
 * runs, in any stack).
 */
function validateWiring(v: PropsValidation, scope: IConstruct, props: TenantFunctionProps): ResolvedWiring {
  const foreign = (path: string, other: { readonly tenantId: string }, what: string) => {
    if (typeof props.tenantId === 'string' && other.tenantId !== props.tenantId) {
      v.add(path, `belongs to tenant "${other.tenantId}", not "${props.tenantId}": ${what}`, other.tenantId);
    }
  };
  let network: TenantNetwork | undefined;
  let encryptionKey: TenantKey | undefined;
  if (props.network !== undefined) {
    if (props.network instanceof TenantNetwork) {
      network = props.network;
      foreign('network', network, 'a function may only run in its own tenant\'s network');
    } else {
      v.add('network', 'must be a TenantNetwork (wrap an existing VPC with new TenantNetwork(this, id, { tenantId, vpc }))', props.network);
    }
  }
  if (props.encryptionKey !== undefined) {
    if (props.encryptionKey instanceof TenantKey) {
      encryptionKey = props.encryptionKey;
      foreign('encryptionKey', encryptionKey, 'a function may only encrypt with its own tenant\'s key');
    } else {
      v.add('encryptionKey', 'must be a TenantKey (the tenant\'s key: TenantKey.of(this, tenantId, tier))', props.encryptionKey);
    }
  }
  if (props.database === undefined) return { network, encryptionKey };
  if (!isTenantPostgres(props.database)) {
    v.add('database', 'must be a TenantPostgres of this tenant', props.database);
    return { network, encryptionKey };
  }
  const database = props.database;
  foreign('database', database, 'a function may only use its own tenant\'s database');
  // TenantPostgres exposes no network; its cluster (an rds.DatabaseCluster) knows its VPC.
  const databaseVpc = (database.cluster as { readonly vpc?: ec2.IVpc }).vpc;
  if (network === undefined && props.network === undefined) {
    network = databaseVpc ? networkOf(databaseVpc) : undefined;
    if (databaseVpc && !network) {
      v.add('network', 'cannot be found for the database (its VPC is not a TenantNetwork\'s): pass the network the database runs in', database.node.path);
    }
  } else if (network && databaseVpc !== undefined && databaseVpc !== network.vpc) {
    v.add('database', 'runs in another network than the function: leave network unset (the function then runs in the database\'s network) or pass the database\'s network', database.node.path);
  }
  // The database's secrets are encrypted with the tenant's key: use that one rather than a second
  // key (one alias per tenant, account and region).
  if (encryptionKey === undefined) {
    const key = database.appSecret.encryptionKey?.node.scope;
    if (key instanceof TenantKey) encryptionKey = key;
  }
  void scope;
  return { network, encryptionKey };
}

/** The TenantNetwork that created (or wraps) `vpc`. */
function networkOf(vpc: ec2.IVpc): TenantNetwork | undefined {
  if (vpc.node.scope instanceof TenantNetwork) return vpc.node.scope;
  return Stack.of(vpc).node.findAll().find((c): c is TenantNetwork => c instanceof TenantNetwork && c.vpc === vpc);
}

/**
 * The database whose administrator secret `secret` is, or undefined. Recognised without importing
 * the postgres block: the secret carries the {@link SECRET_ROLE_METADATA} marker `admin`, or it (or
 * a secret imported again by its ARN) is the `adminSecret` of a TenantPostgres-like construct of the app.
 *
 * @internal
 */
export function adminSecretOwner(secret: { readonly secretArn: string; readonly node?: IConstruct['node'] }, app: IConstruct): IConstruct | undefined {
  const marked = secret.node?.metadata.some((m) => m.type === SECRET_ROLE_METADATA && m.data === 'admin');
  for (const c of app.node.findAll()) {
    const admin = (c as { adminSecret?: { secretArn?: string } }).adminSecret;
    if (admin !== undefined && admin !== null && isTenantPostgres(c) && (admin === secret || admin.secretArn === secret.secretArn)) {
      return c;
    }
  }
  return marked ? (secret.node?.scope ?? undefined) : undefined;
}

/** The tenant a secret belongs to, when the app tells: a block of a tenant above it, or the TenantKey encrypting it. */
function tenantOfSecret(secret: { readonly node?: IConstruct['node']; readonly encryptionKey?: { node: IConstruct['node'] } }): string | undefined {
  for (let c: IConstruct | undefined = secret.node?.scope; c; c = c.node.scope) {
    const tenantId = (c as { tenantId?: unknown }).tenantId;
    if (typeof tenantId === 'string') return tenantId;
  }
  const key = secret.encryptionKey?.node.scope;
  return key instanceof TenantKey ? key.tenantId : undefined;
}

function validateSecrets(v: PropsValidation, scope: IConstruct, props: TenantFunctionProps): void {
  const app = scope.node.root;
  for (const [name, secret] of Object.entries(props.secrets ?? {})) {
    const path = `secrets.${name}`;
    if (!isSecret(secret)) {
      const form = 'must be a Secrets Manager secret (secretsmanager.ISecret, e.g. Secret.fromSecretCompleteArn(...))';
      v.add(path, typeof secret === 'string' ? `${form}, not a string` : form, secret);
      continue;
    }
    const owner = adminSecretOwner(secret, app);
    if (owner) {
      v.add(path, `is the administrator secret of the database ${owner.node.path}; a function gets the app user's secret only (set database, which provides DB_SECRET_ARN)`, secret.node.path);
      continue;
    }
    const tenant = tenantOfSecret(secret);
    if (tenant !== undefined && typeof props.tenantId === 'string' && tenant !== props.tenantId) {
      v.add(path, `belongs to tenant "${tenant}", not "${props.tenantId}": a function may only read its own tenant's secrets`, tenant);
    }
  }
}

function validateEnvironment(
  v: PropsValidation, env: { [key: string]: string }, secrets: { [key: string]: unknown }, reservedNames: string[], only?: string,
): void {
  const reserved = new Set(reservedNames);
  let bytes = 0;

  const checkName = (path: string, name: string) => {
    if (!ENV_NAME.test(name)) {
      v.add(path, 'must start with a letter and contain only letters, digits and underscores', name);
    } else if (name.toUpperCase().startsWith('AWS_') || LAMBDA_RESERVED.has(name)) {
      v.add(path, 'is reserved by AWS Lambda (AWS_* names, _HANDLER, _X_AMZN_TRACE_ID, LAMBDA_TASK_ROOT, LAMBDA_RUNTIME_DIR)', name);
    } else if (reserved.has(name)) {
      v.add(path, `is set by TenantFunction itself (${[...reserved].sort().join(', ')})`, name);
    }
  };

  for (const [name, value] of Object.entries(env)) {
    const path = `environment.${name}`;
    const checked = only === undefined || only === name;
    if (checked) checkName(path, name);
    if (checked && name in secrets) {
      v.add(path, 'is also a key of secrets; each name can be set once', name);
    }
    if (typeof value !== 'string') {
      if (checked) v.add(path, 'must be a string', value);
      continue;
    }
    bytes += Buffer.byteLength(name) + (Token.isUnresolved(value) ? TOKEN_VALUE_BYTES : Buffer.byteLength(value));
    // Values may be tokens (an app wires a queue URL or a table name it creates); they are known
    // only at deploy time. ARNs point at secrets rather than hold them.
    if (!checked || Token.isUnresolved(value) || value.startsWith('arn:')) continue;
    const credential = CREDENTIAL_PATTERNS.find(([re]) => re.test(value));
    if (credential) {
      v.add(path, `looks like ${credential[1]}; put it in Secrets Manager and pass it in secrets (the function gets the secret ARN)`, redact(value));
    } else if (SECRET_NAME.test(name) && value !== '') {
      v.add(path, 'names a secret but holds a literal value; put it in Secrets Manager and pass it in secrets (the function gets the secret ARN)', redact(value));
    } else if (looksLikeRandomSecret(value)) {
      v.add(path, 'looks like a generated secret (long, random); put it in Secrets Manager and pass it in secrets (the function gets the secret ARN)', redact(value));
    }
  }
  for (const name of Object.keys(secrets)) {
    if (only === undefined) checkName(`secrets.${name}`, name);
    bytes += Buffer.byteLength(name) + TOKEN_VALUE_BYTES;
  }
  for (const name of reserved) {
    bytes += Buffer.byteLength(name) + TOKEN_VALUE_BYTES;
  }
  if (bytes > ENVIRONMENT_LIMIT_BYTES) {
    v.add('environment', `exceeds Lambda's 4 KB limit on all environment variables together (names and values, counting ${TOKEN_VALUE_BYTES} bytes for each value known only at deploy time and for the variables TenantFunction sets); move large configuration to the data bucket or a parameter`, `~${bytes} bytes`);
  }
}

/** Long strings of base64/hex-like characters with high entropy: generated keys and tokens. */
export function looksLikeRandomSecret(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2) return false;
  return shannonEntropy(value) >= 4.2;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Never echo a secret back in an error message (it ends up in CI logs). */
function redact(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 4)}**** (${value.length} characters)`;
}

function isWholeInternet(cidr: string): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

/**
 * RFC 1918, RFC 6598 (carrier-grade NAT) and IPv6 unique-local ranges: reachable only over private
 * links. Kept for existing callers; the rule lives in `PropsValidation.isPrivateRange`
 * (`fd::/16` is `00fd::`, not unique-local).
 */
export function isPrivateRange(cidr: string): boolean {
  return PropsValidation.isPrivateRange(cidr);
}
