/**
 * The whitelisted settings of a tenant as plain JSON: what a customer's file, the example platform
 * app and the provisioner's API all hold, validate with {@link validateTenantSpec} /
 * {@link parseTenantSpecs} (or `TenantSpecs.parse`) and describe with the JSON Schema
 * `TenantSpecSchema.json()` (`schema/tenant-spec.schema.json` in the package).
 *
 * Stable: the field names and allowed values below are the file format; a field is only ever added
 * (optional) or, after a deprecation period announced in the CHANGELOG, removed.
 *
 * Platform-side settings (the platform account, its roles, the hub, the function code, the link's
 * external id) are not part of the spec: they are given to `Tenant.fromSpec` as
 * `TenantPlatformSettings`.
 */

import { TenantTier } from '../core/tier';

/** The database settings of a tenant spec (the whitelist of `TenantPostgres`). */
export interface TenantDatabaseSpec {
  /**
   * Networks allowed to reach the database port, as IPv4 or IPv6 CIDR blocks (network address, at
   * most 50, no prefix shorter than /8 (IPv4) or /32 (IPv6), never the whole internet).
   *
   * @default - no access from outside the tenant VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The weekly maintenance window in UTC, `ddd:hh24:mi-ddd:hh24:mi` (e.g. `sun:18:00-sun:18:30`),
   * 30 minutes to 22 hours 30 minutes long.
   *
   * @default - a deterministic 30-minute slot between 00:00 and 06:00 UTC derived from the tenant id
   */
  readonly maintenanceWindow?: string;

  /**
   * Largest Aurora Serverless v2 capacity in ACUs: 1 to 256 in steps of 0.5.
   *
   * @default - 2 in DEVELOPMENT, 16 in PRODUCTION
   */
  readonly maxCapacity?: number;

  /**
   * How far back point-in-time recovery reaches, in whole days: 1 to 35.
   *
   * @default - 35 in every tier (a tier change never shortens it)
   */
  readonly backupRetentionDays?: number;

  /**
   * Name of the database created with the cluster: a lowercase PostgreSQL identifier (1-63
   * letters, digits, underscores, starting with a letter or underscore), not a reserved name.
   * Choose it once: changing it later fails the update.
   *
   * @default 'app'
   */
  readonly databaseName?: string;

  /**
   * A backup vault in another account (usually the PlatformHub's `backupVaultArn`) that receives a
   * copy of every daily recovery point, so the backups survive the loss (or a compromised admin) of
   * the tenant account: `arn:aws:backup:<region>:<account>:backup-vault:<name>`. The vault must be
   * in the tenant's region (AWS Backup copies an Aurora recovery point to another account or to
   * another region, not both) and in another account than the tenant's, of the same AWS
   * Organization (AWS Backup's rule for cross-account copies); its access policy must admit the
   * tenant account (the hub's does). The tenant key is shared with that account through AWS Backup
   * and RDS only.
   *
   * @default - no copy outside the tenant account
   */
  readonly backupCopyVaultArn?: string;
}

/** The public domain a tenant's function is served on. */
export interface TenantDomainSpec {
  /** The id of the public Route 53 hosted zone (e.g. `Z0123456789ABCDEFGHIJ`). */
  readonly hostedZoneId: string;

  /** The name of that hosted zone (e.g. `acme.apps.example.com`). */
  readonly zoneName: string;

  /** The host name, relative to the zone (`api`) or fully qualified (`api.acme.apps.example.com`). */
  readonly recordName: string;
}

/** The function settings of a tenant spec (the customer-facing whitelist of `TenantFunction`). */
export interface TenantFunctionSpec {
  /**
   * The Lambda runtime by name: one of `TenantRuntime.all()` (`nodejs24.x`, `nodejs22.x`,
   * `python3.14`, `python3.13`).
   *
   * @default 'nodejs24.x'
   */
  readonly runtime?: string;

  /**
   * Memory in MiB, 128-10240, a whole number.
   *
   * @default 512
   */
  readonly memorySize?: number;

  /**
   * How long one invocation may run, in whole seconds: 1-900.
   *
   * @default 30
   */
  readonly timeoutSeconds?: number;

  /**
   * Reserved concurrency: 1-20 in DEVELOPMENT, 2-800 in PRODUCTION.
   *
   * @default - none reserved: the function shares the account's unreserved pool (a new account's
   *   concurrency quota is 10, and a reservation would leave less than Lambda's minimum of 10 unreserved)
   */
  readonly reservedConcurrency?: number;

  /**
   * Whether the function may reach the internet over HTTPS (third-party APIs). The tenant's
   * network then gets NAT: one NAT gateway per AZ in PRODUCTION (about 109.50 USD a month for
   * three), one NAT instance in DEVELOPMENT.
   *
   * @default false - no route to the internet: the function reaches the tenant's AWS endpoints
   *   only (Secrets Manager, its data bucket, its database), so it cannot call out over the
   *   internet (DNS queries still reach the VPC resolver)
   */
  readonly internetEgress?: boolean;

  /**
   * Who may reach the endpoint, as CIDR blocks. Private ranges keep the load balancer internal;
   * public ranges and the whole internet (`0.0.0.0/0`, `::/0`) need a `domain`.
   *
   * @default - only clients inside the tenant VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The domain to serve the function on over HTTPS. Required in PRODUCTION.
   *
   * @default - no domain: an internal HTTP load balancer (DEVELOPMENT only)
   */
  readonly domain?: TenantDomainSpec;

  /**
   * Whether the function's data is disposable: the data bucket and its access-log bucket are
   * emptied and deleted with the stack, deleted objects stay recoverable for 7 days (instead of
   * 90), access logs are kept 30 days (instead of a year). Refused in PRODUCTION; a tenant moved to
   * DEVELOPMENT keeps its data until this is set, in a deploy of its own.
   *
   * @default false - the data is kept in every tier: both buckets are retained when the stack is destroyed
   */
  readonly disposableData?: boolean;
}

/**
 * The network settings of a tenant spec (the whitelist of `TenantNetwork`): set by the platform per
 * tenant when it routes a customer's networks (VPN, office ranges) into the tenant VPC.
 */
export interface TenantNetworkSpec {
  /**
   * The address range of the tenant VPC: a private IPv4 network address from /16 to /20. Choose it
   * once (subnets are cut from it) and so that it does not overlap the customer networks routed in.
   *
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;

  /**
   * Customer networks the platform routes into the tenant VPC (IPv4 or IPv6 CIDR blocks, network
   * addresses), e.g. a PRODUCTION customer's VPN. A database or function may then allow them.
   *
   * @default - none: only clients inside the tenant VPC are reachable
   */
  readonly routedCidrs?: string[];

  /**
   * The Transit Gateway (shared with the tenant account through AWS RAM) that `routedCidrs` are
   * routed to: `tgw-` and 8-17 hexadecimal digits. Required with `routedCidrs`.
   *
   * @default - no attachment
   */
  readonly transitGatewayId?: string;
}

/** What the platform may do through the tenant's cross-account link. */
export interface TenantLinkSpec {
  /**
   * Whether the platform's query console may query the tenant database (read-only user, RDS Data
   * API). Only meaningful with a `database`.
   *
   * @default true
   */
  readonly allowQuery?: boolean;

  /**
   * Whether the platform may invoke the tenant function's `platform` alias (which serves the live
   * version; the app can tell a platform invocation by that qualifier). Only meaningful with a
   * `function`.
   *
   * @default true
   */
  readonly allowInvoke?: boolean;
}

/**
 * One tenant's whitelisted settings, as plain JSON. In JSON the tier is the string
 * `"DEVELOPMENT"` or `"PRODUCTION"`.
 */
export interface TenantSpec {
  /** The tenant id: 3-31 lowercase letters, digits and hyphens, starting with a letter. */
  readonly tenantId: string;

  /** The tier, `DEVELOPMENT` or `PRODUCTION` (stated explicitly in a spec: it decides what a destroy keeps). */
  readonly tier: TenantTier;

  /** The tenant's AWS account: 12 digits, as a string. */
  readonly account: string;

  /**
   * The tenant's AWS region (e.g. `eu-west-1`). Must be a region with a PlatformHub when logs
   * are shipped.
   *
   * @default - the platform's region (`TenantPlatformSettings.region`)
   */
  readonly region?: string;

  /**
   * The tenant's network: its VPC range and the customer networks routed into it.
   *
   * @default - a VPC of 10.0.0.0/16 with no customer networks routed in
   */
  readonly network?: TenantNetworkSpec;

  /**
   * The tenant's database.
   *
   * @default - no database
   */
  readonly database?: TenantDatabaseSpec;

  /**
   * The tenant's function (the platform's app, behind a load balancer).
   *
   * @default - no function
   */
  readonly function?: TenantFunctionSpec;

  /**
   * What the platform may do through the cross-account link (created when the platform settings
   * name platform roles).
   *
   * @default - query the database and invoke the function, where they exist
   */
  readonly link?: TenantLinkSpec;
}

/** A file of tenant specs: `{ "$schema": "...", "tenants": [ ... ] }`. */
export interface TenantSpecFile {
  /** The tenants, each with a distinct `tenantId`. */
  readonly tenants: TenantSpec[];
}
