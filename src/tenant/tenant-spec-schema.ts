import {
  ACCOUNT_PATTERN,
  BACKUP_RETENTION_DAYS,
  DNS_NAME_PATTERN,
  DOMAIN_SPEC_KEYS,
  HOSTED_ZONE_ID_PATTERN,
  REGION_PATTERN,
  TIER_NAMES,
  TRANSIT_GATEWAY_ID_PATTERN,
} from './validate-tenant-spec';
import { TenantRuntime } from '../blocks/function/tenant-runtime';
import { MEMORY_RANGE, RESERVED_CONCURRENCY, TIMEOUT_RANGE } from '../blocks/function/validate-tenant-function-props';
import { BACKUP_VAULT_ARN_PATTERN, DATABASE_NAME_PATTERN, MAX_CAPACITY_LIMIT, RESERVED_DATABASE_NAMES } from '../blocks/postgres/validate-tenant-postgres-props';
import { TENANT_ID_PATTERN } from '../core/validation';

/** The `$id` of the schema (the package path; editors also accept a relative path to the file). */
export const TENANT_SPEC_SCHEMA_ID = 'https://unpkg.com/cdk-tenant-blocks/schema/tenant-spec.schema.json';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
/** Lowercase hexadecimal groups (aws-cdk-lib accepts lowercase IPv6 only); the parser checks the grouping. */
const IPV6 = '[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}';
/** A client network: IPv4 /8-/32, IPv6 /32-/128. Host bits and duplicates after normalisation are checked by the parser. */
const CLIENT_CIDR = `^(${IPV4}/(3[0-2]|[12][0-9]|[89])|${IPV6}/(12[0-8]|1[01][0-9]|[4-9][0-9]|3[2-9]))$`;
/** A client network, or the whole internet stated explicitly. */
const ENDPOINT_CIDR = `^(${IPV4}/(3[0-2]|[12][0-9]|[89])|${IPV6}/(12[0-8]|1[01][0-9]|[4-9][0-9]|3[2-9])|0\\.0\\.0\\.0/0|::/0)$`;
/** A private IPv4 range from /16 to /20 (host bits are checked by the parser). */
const PRIVATE_VPC_CIDR = `^(10\\.${OCTET}\\.${OCTET}\\.${OCTET}|172\\.(1[6-9]|2[0-9]|3[01])\\.${OCTET}\\.${OCTET}|192\\.168\\.${OCTET}\\.${OCTET})/(1[6-9]|20)$`;
const DAY = '(mon|tue|wed|thu|fri|sat|sun)';
const CLOCK = '([01][0-9]|2[0-3]):[0-5][0-9]';
const WINDOW = `^${DAY}:${CLOCK}-${DAY}:${CLOCK}$`;

/** The tenant id rule as one JSON Schema pattern: the shared pattern, no trailing or doubled hyphen. */
const TENANT_ID = `^(?!.*--)(?!.*-$)${TENANT_ID_PATTERN.source.replace(/^\^/, '')}`;

function cidrList(pattern: string, description: string): Record<string, unknown> {
  return {
    type: 'array',
    description,
    maxItems: 50,
    uniqueItems: true,
    items: { type: 'string', pattern },
  };
}

function buildSchema(): Record<string, unknown> {
  const runtimes = TenantRuntime.all().map((r) => r.name);
  const dev = RESERVED_CONCURRENCY.DEVELOPMENT;
  const prod = RESERVED_CONCURRENCY.PRODUCTION;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: TENANT_SPEC_SCHEMA_ID,
    title: 'cdk-tenant-blocks tenant specs',
    description: 'A file of tenant specs: the whitelisted settings of each tenant. Validate with TenantSpecs.parse (every problem of every tenant at once); this schema is for editors and request validation.',
    type: 'object',
    additionalProperties: false,
    required: ['tenants'],
    properties: {
      $schema: { type: 'string', description: 'The URL or path of this schema (for editors).' },
      tenants: { type: 'array', items: { $ref: '#/definitions/TenantSpec' } },
    },
    definitions: {
      TenantSpec: {
        type: 'object',
        description: 'One tenant\'s whitelisted settings.',
        additionalProperties: false,
        required: ['tenantId', 'tier', 'account'],
        properties: {
          tenantId: { type: 'string', pattern: TENANT_ID, description: '3-31 lowercase letters, digits and hyphens, starting with a letter; no trailing or doubled hyphen.' },
          tier: { type: 'string', enum: TIER_NAMES, description: 'DEVELOPMENT or PRODUCTION.' },
          account: { type: 'string', pattern: ACCOUNT_PATTERN, description: 'The tenant\'s 12-digit AWS account id, as a string.' },
          region: { type: 'string', pattern: REGION_PATTERN, description: 'The tenant\'s region. Default: the platform\'s region.' },
          network: { $ref: '#/definitions/TenantNetworkSpec' },
          database: { $ref: '#/definitions/TenantDatabaseSpec' },
          function: { $ref: '#/definitions/TenantFunctionSpec' },
          link: { $ref: '#/definitions/TenantLinkSpec' },
        },
        allOf: [
          {
            if: { type: 'object', properties: { tier: { type: 'string', const: 'DEVELOPMENT' } }, required: ['tier'] },
            then: { type: 'object', properties: { function: { type: 'object', properties: { reservedConcurrency: { type: 'integer', minimum: dev.min, maximum: dev.max } } } } },
          },
          {
            if: { type: 'object', properties: { tier: { type: 'string', const: 'PRODUCTION' } }, required: ['tier'] },
            then: {
              type: 'object',
              properties: {
                function: {
                  type: 'object',
                  required: ['domain'],
                  properties: {
                    reservedConcurrency: { type: 'integer', minimum: prod.min, maximum: prod.max },
                    // A PRODUCTION tenant's data is kept: disposableData may only be false.
                    disposableData: { type: 'boolean', const: false },
                  },
                },
              },
            },
          },
        ],
      },
      TenantNetworkSpec: {
        type: 'object',
        description: 'The tenant network (TenantNetwork): its VPC range and the customer networks the platform routes in.',
        additionalProperties: false,
        properties: {
          vpcCidr: { type: 'string', pattern: PRIVATE_VPC_CIDR, description: 'The VPC range: a private IPv4 network address (10/8, 172.16/12, 192.168/16), /16 to /20. Choose it once. Default: 10.0.0.0/16.' },
          routedCidrs: { ...cidrList(`^${IPV4}/(3[0-2]|[12][0-9]|[89])$`, 'Customer networks routed into the tenant VPC through the Transit Gateway: IPv4 /8-/32 network addresses outside the VPC range, 1-50. Default: none.'), minItems: 1 },
          transitGatewayId: { type: 'string', pattern: TRANSIT_GATEWAY_ID_PATTERN, description: 'The Transit Gateway the routed networks come through (tgw- and 8-17 hexadecimal digits). Required with routedCidrs.' },
        },
        dependencies: { routedCidrs: ['transitGatewayId'], transitGatewayId: ['routedCidrs'] },
      },
      TenantDatabaseSpec: {
        type: 'object',
        description: 'The database settings (TenantPostgres).',
        additionalProperties: false,
        properties: {
          allowedCidrs: cidrList(CLIENT_CIDR, 'Networks allowed to reach the database port: IPv4 /8-/32 or lowercase IPv6 /32-/128 network addresses, at most 50, never the whole internet. Default: none.'),
          maintenanceWindow: { type: 'string', pattern: WINDOW, description: 'Weekly window in UTC, ddd:hh24:mi-ddd:hh24:mi (e.g. sun:18:00-sun:18:30), 30 minutes to 22.5 hours. Default: a slot between 00:00 and 06:00 derived from the tenant id.' },
          maxCapacity: { type: 'number', minimum: 1, maximum: MAX_CAPACITY_LIMIT, multipleOf: 0.5, description: 'Largest capacity in ACUs, 1-256 in steps of 0.5. Default: 2 (DEVELOPMENT), 16 (PRODUCTION).' },
          backupRetentionDays: { type: 'integer', minimum: BACKUP_RETENTION_DAYS.min, maximum: BACKUP_RETENTION_DAYS.max, description: 'Point-in-time recovery in whole days, 1-35. Default: 35 in every tier (a tier change never shortens it; set it for less).' },
          databaseName: {
            type: 'string',
            pattern: DATABASE_NAME_PATTERN,
            not: { enum: [...RESERVED_DATABASE_NAMES].sort() },
            description: 'Lowercase PostgreSQL identifier, not a reserved name. Default: app.',
          },
          backupCopyVaultArn: {
            type: 'string',
            pattern: BACKUP_VAULT_ARN_PATTERN,
            description: 'A backup vault (usually the platform hub\'s) that receives a copy of every daily recovery point: arn:aws:backup:<region>:<account>:backup-vault:<name>, in the tenant\'s region, in another account of the same AWS Organization, whose access policy admits the tenant account. Default: no copy outside the tenant account.',
          },
        },
      },
      TenantFunctionSpec: {
        type: 'object',
        description: 'The function settings (TenantFunction).',
        additionalProperties: false,
        properties: {
          runtime: { type: 'string', enum: runtimes, description: `The Lambda runtime. Default: ${runtimes[0]}.` },
          memorySize: { type: 'integer', minimum: MEMORY_RANGE.min, maximum: MEMORY_RANGE.max, description: 'Memory in MiB. Default: 512.' },
          timeoutSeconds: { type: 'integer', minimum: TIMEOUT_RANGE.min.toSeconds(), maximum: TIMEOUT_RANGE.max.toSeconds(), description: 'Timeout in seconds. Default: 30.' },
          reservedConcurrency: { type: 'integer', minimum: Math.min(dev.min, prod.min), maximum: Math.max(dev.max, prod.max), description: `Reserved concurrency: ${dev.min}-${dev.max} in DEVELOPMENT, ${prod.min}-${prod.max} in PRODUCTION. Default: none reserved (a new account's concurrency quota is 10).` },
          internetEgress: { type: 'boolean', description: 'Whether the function may reach the internet over HTTPS; the tenant network then gets NAT (one NAT gateway per AZ in PRODUCTION, one NAT instance in DEVELOPMENT). Default: false (no route to the internet: the tenant\'s AWS endpoints only).' },
          allowedCidrs: cidrList(ENDPOINT_CIDR, 'Who may reach the endpoint. Private ranges keep the load balancer internal; public ranges and the whole internet need a domain. Default: the tenant VPC only.'),
          domain: { $ref: '#/definitions/TenantDomainSpec' },
          disposableData: { type: 'boolean', description: 'Whether the function\'s data bucket and access logs are deleted with the stack (deleted objects recoverable 7 days, access logs kept 30 days). Refused in PRODUCTION. Default: false (kept in every tier).' },
        },
      },
      TenantDomainSpec: {
        type: 'object',
        description: 'The public domain the function is served on (HTTPS).',
        additionalProperties: false,
        required: DOMAIN_SPEC_KEYS,
        properties: {
          hostedZoneId: { type: 'string', pattern: HOSTED_ZONE_ID_PATTERN },
          zoneName: { type: 'string', pattern: DNS_NAME_PATTERN },
          recordName: { type: 'string', pattern: DNS_NAME_PATTERN },
        },
      },
      TenantLinkSpec: {
        type: 'object',
        description: 'What the platform may do through the cross-account link.',
        additionalProperties: false,
        properties: {
          allowQuery: { type: 'boolean', description: 'Query the database read-only through the RDS Data API. Default: true.' },
          allowInvoke: { type: 'boolean', description: 'Invoke the function\'s "platform" alias (serving the live version). Default: true.' },
        },
      },
    },
  };
}

/**
 * The JSON Schema (draft-07) of tenant spec files, shipped as `schema/tenant-spec.schema.json`:
 * for editors (`"$schema"` in a tenants file), API request validation and customers' CI. The
 * schema checks form, ranges and allowed values; `TenantSpecs.parse` checks everything the schema
 * checks and more (CIDR host bits, window lengths, tenant ids used twice, public ranges without a
 * domain), and reports every problem with its JSON path.
 *
 * Stable: the file format it describes; `definitions/TenantSpec` validates one tenant.
 */
export class TenantSpecSchema {
  /** The schema of a spec file (`{ "tenants": [...] }`), as a fresh JSON object. */
  public static json(): { [key: string]: any } {
    return buildSchema();
  }

  /** A schema of one tenant spec (`{ "$ref": "#/definitions/TenantSpec" }` with the definitions), e.g. for an API request body. */
  public static tenantJson(): { [key: string]: any } {
    const file = buildSchema();
    return {
      $schema: file.$schema,
      $id: `${TENANT_SPEC_SCHEMA_ID}#tenant`.replace('.schema.json#tenant', '.tenant.schema.json'),
      $ref: '#/definitions/TenantSpec',
      definitions: file.definitions,
    };
  }

  private constructor() {}
}
