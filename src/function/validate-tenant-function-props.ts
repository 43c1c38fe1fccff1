import { Duration, Token } from 'aws-cdk-lib';
import type { IVpc } from 'aws-cdk-lib/aws-ec2';
import { PropsValidation, TenantTier } from '../core';
import type { TenantFunctionProps } from './tenant-function';

/** Memory a function may have, in MiB (Lambda's own limits). */
export const MEMORY_RANGE = { min: 128, max: 10_240, step: 1, unit: 'MiB' };

/** Timeout a function may have (Lambda's own limits). */
export const TIMEOUT_RANGE = { min: Duration.seconds(1), max: Duration.minutes(15) };

/**
 * Reserved concurrency per tier: a floor of 1 so the function can run at all, a ceiling that keeps
 * one tenant from taking the account's whole pool. Lambda refuses a reservation that leaves fewer
 * than 100 unreserved of the account's quota (default 1,000; new accounts may start lower), and
 * the library reserves some itself (TenantPostgres's bootstrap function: 2): 800 leaves about 200
 * for those and the 100 unreserved on a default account.
 */
export const RESERVED_CONCURRENCY = {
  [TenantTier.DEVELOPMENT]: { min: 1, max: 20, default: 5 },
  [TenantTier.PRODUCTION]: { min: 2, max: 800, default: 50 },
};

/** Lambda's limit on the total size of a function's environment variables (keys and values). */
export const ENVIRONMENT_LIMIT_BYTES = 4 * 1024;

/** Bytes assumed for a value only known at deploy time (an ARN, a host name). */
export const TOKEN_VALUE_BYTES = 128;

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
 * Checks every prop of a TenantFunction and throws one error listing every problem.
 *
 * @param reservedNames environment variable names the block sets itself
 * @param stackRegion the region of the stack the function is created in
 * @internal
 */
export function validateTenantFunctionProps(props: TenantFunctionProps, reservedNames: string[], stackRegion: string): void {
  const v = new PropsValidation('TenantFunction', props.tenantId);
  if (Token.isUnresolved(stackRegion)) {
    v.add('(stack) env.region', 'the stack needs an explicit region: load balancer access-log delivery is granted to that region\'s Elastic Load Balancing account', 'an environment-agnostic stack');
  }
  const tier = props.tier ?? TenantTier.PRODUCTION;
  v.tenantId('tenantId', props.tenantId);
  v.tier('tier', props.tier);

  if (props.code === undefined || props.code === null) {
    v.add('code', 'is required: TenantFunctionCode.fromAsset(path) or TenantFunctionCode.fromBucket(bucket, key)', props.code);
  }
  if (props.handler === undefined || props.handler === null) {
    v.add('handler', 'is required, e.g. index.handler (file.exportedFunction)', props.handler);
  } else {
    v.pattern('handler', '^[^\\s]{1,128}$', 'the entry point as file.function (1-128 characters, no spaces), e.g. index.handler', props.handler);
  }

  v.number('memorySize', MEMORY_RANGE, props.memorySize);
  v.duration('timeout', TIMEOUT_RANGE, props.timeout);
  const rc = RESERVED_CONCURRENCY[tier];
  v.number('reservedConcurrency', { min: rc.min, max: rc.max, step: 1 }, props.reservedConcurrency);

  validateEnvironment(v, props, reservedNames);

  // The whole internet only with a domain: without one there is no certificate, hence no HTTPS.
  const wholeInternet = (props.allowedCidrs ?? []).some((c) => !Token.isUnresolved(c) && (c === '0.0.0.0/0' || c === '::/0'));
  if (wholeInternet && props.domain === undefined) {
    v.add('allowedCidrs', 'allows the whole internet only together with a domain (the endpoint is HTTPS only on a certificate for that domain)', props.allowedCidrs);
  }
  v.cidrs('allowedCidrs', props.allowedCidrs, { allowWholeInternet: true, exposes: 'the function endpoint' });
  if (props.domain === undefined) {
    const publicRanges = (props.allowedCidrs ?? []).filter((c) => !Token.isUnresolved(c) && !isWholeInternet(c) && !isPrivateRange(c));
    if (publicRanges.length > 0) {
      v.add('allowedCidrs', 'reaching the endpoint from public networks needs a domain (HTTPS); without one the load balancer is internal, for private ranges only', publicRanges);
    }
  }

  if (tier === TenantTier.PRODUCTION && props.domain === undefined) {
    v.add('domain', 'is required in PRODUCTION: the endpoint is served over HTTPS on a certificate for this domain', props.domain);
  }
  if (props.domain !== undefined) {
    const name = props.domain.recordName;
    if (name === undefined || name === null) {
      v.add('domain.recordName', 'is required: the host name in the hosted zone, e.g. app or app.example.com', name);
    } else if (!Token.isUnresolved(name)) {
      const fqdn = name.replace(/\.$/, '');
      if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(fqdn)) {
        v.add('domain.recordName', 'must be a DNS name of lowercase letters, digits and hyphens, e.g. app or app.example.com', name);
      }
    }
    if (props.domain.hostedZone === undefined || props.domain.hostedZone === null) {
      v.add('domain.hostedZone', 'is required: the public hosted zone that validates the certificate and holds the alias record', props.domain.hostedZone);
    } else {
      // The certificate and the alias record need the zone's name; HostedZone.fromHostedZoneId has none.
      try {
        void props.domain.hostedZone.zoneName;
      } catch {
        v.add(
          'domain.hostedZone',
          'must know its zone name: use HostedZone.fromHostedZoneAttributes({ hostedZoneId, zoneName }) or HostedZone.fromLookup, not fromHostedZoneId',
          props.domain.hostedZone.hostedZoneId,
        );
      }
    }
  }

  // Every resource wired in belongs to this tenant: a function must never reach another tenant's
  // data, network or key.
  const foreign = (path: string, other: { readonly tenantId: string } | undefined, what: string) => {
    if (other && other.tenantId !== props.tenantId) {
      v.add(path, `belongs to tenant "${other.tenantId}", not "${props.tenantId}": ${what}`, other.tenantId);
    }
  };
  foreign('database', props.database ?? undefined, 'a function may only use its own tenant\'s database');
  foreign('network', props.network ?? undefined, 'a function may only run in its own tenant\'s network');
  foreign('encryptionKey', props.encryptionKey ?? undefined, 'a function may only encrypt with its own tenant\'s key');

  v.throwIfInvalid();
}

/**
 * Checks that the function runs in the VPC its database runs in (the function reaches it over the
 * VPC), once the function's network is resolved (given, or the stack's shared tenant network).
 *
 * @internal
 */
export function validateDatabaseNetwork(props: TenantFunctionProps, functionVpc: IVpc): void {
  if (!props.database) return;
  const v = new PropsValidation('TenantFunction', props.tenantId);
  // TenantPostgres exposes no network; its cluster (an rds.DatabaseCluster) knows its VPC.
  const databaseVpc = (props.database.cluster as { readonly vpc?: IVpc }).vpc;
  if (databaseVpc !== undefined && databaseVpc !== functionVpc) {
    v.add('database', 'runs in another network than the function: create both with the same TenantNetwork, or leave network unset on both to share the stack\'s tenant network', props.database.node.path);
  }
  v.throwIfInvalid();
}

function validateEnvironment(v: PropsValidation, props: TenantFunctionProps, reservedNames: string[]): void {
  const reserved = new Set(reservedNames);
  const env = props.environment ?? {};
  const secrets = props.secrets ?? {};
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
    checkName(path, name);
    if (name in secrets) {
      v.add(path, 'is also a key of secrets; each name can be set once', name);
    }
    if (typeof value !== 'string') {
      v.add(path, 'must be a string', value);
      continue;
    }
    bytes += Buffer.byteLength(name) + (Token.isUnresolved(value) ? TOKEN_VALUE_BYTES : Buffer.byteLength(value));
    // Tokens are known only at deploy time; ARNs point at secrets rather than hold them.
    if (Token.isUnresolved(value) || value.startsWith('arn:')) continue;
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
    checkName(`secrets.${name}`, name);
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

/** RFC 1918, RFC 6598 (carrier-grade NAT) and IPv6 unique-local ranges: reachable only over private links. */
export function isPrivateRange(cidr: string): boolean {
  const [addr, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  if (addr.includes(':')) {
    return /^f[cd][0-9a-f]{0,2}:/i.test(addr) && prefix >= 7;
  }
  const o = addr.split('.').map(Number);
  if (o.length !== 4 || o.some((n) => !Number.isInteger(n))) return false;
  if (o[0] === 10) return prefix >= 8;
  if (o[0] === 172 && o[1] >= 16 && o[1] <= 31) return prefix >= 12;
  if (o[0] === 192 && o[1] === 168) return prefix >= 16;
  if (o[0] === 100 && o[1] >= 64 && o[1] <= 127) return prefix >= 10;
  return false;
}
