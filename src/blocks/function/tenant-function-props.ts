import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TenantFunctionCode } from './tenant-function-code';
import { TenantRuntime } from './tenant-runtime';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../core';
import type { TenantPostgres } from '../postgres/tenant-postgres';

// The whitelist of a TenantFunction, in a module of its own: the block and its validation both
// import it, and neither imports the other's module for a type.

/** The domain a TenantFunction is served on. */
export interface TenantFunctionDomain {
  /** The public hosted zone that validates the certificate (DNS) and holds the alias record. */
  readonly hostedZone: route53.IHostedZone;

  /**
   * The host name, relative to the zone (`app`) or fully qualified (`app.example.com`).
   */
  readonly recordName: string;
}

/** Props of {@link TenantFunction}: the whitelist. */
export interface TenantFunctionProps {
  /** The tenant this function belongs to. */
  readonly tenantId: string;

  /**
   * The tenant's tier: decides deployment strategy (gradual in PRODUCTION), alarm thresholds, log
   * levels, the load balancer's deletion protection and concurrency bounds; never whether data is
   * kept (see `disposableData`).
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /** The function's code. */
  readonly code: TenantFunctionCode;

  /** The entry point, `file.function` (e.g. `index.handler`). */
  readonly handler: string;

  /**
   * The runtime.
   *
   * @default TenantRuntime.NODEJS_24_X
   */
  readonly runtime?: TenantRuntime;

  /**
   * Memory in MiB, 128-10240 (CPU grows with it).
   *
   * @default 512
   */
  readonly memorySize?: number;

  /**
   * How long one invocation may run, 1 second to 15 minutes. Above 60 seconds the load balancer's
   * idle timeout is raised to match and a warning reminds that clients may give up earlier.
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * Environment variables for the code. Names: letters, digits, underscores; no `AWS_` names; at
   * most 4 KB together with the variables the block sets. Values that look like credentials are
   * rejected: use `secrets`.
   *
   * @default - only the variables the block sets
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets the code reads: each becomes an environment variable (the key) holding the secret's
   * ARN, and the function may read the secret (and decrypt it through Secrets Manager only).
   * Rejected: a database's administrator secret (the app gets the app user's secret through
   * `database`) and any secret of another tenant (below another tenant's block, or encrypted with
   * another tenant's key).
   *
   * @default - no secrets
   */
  readonly secrets?: { [envName: string]: secretsmanager.ISecret };

  /**
   * A database the function uses: the function may connect to its port, may read the app user's
   * secret (never the administrator's), and gets `DB_SECRET_ARN`, `DB_HOST`, `DB_PORT` and
   * `DB_NAME`. It must belong to the same tenant. Without `network` the function runs in the
   * database's network, in any stack (a data stack with the database, an app stack with the
   * function); with `network` it must be the database's. The rules that open the database port
   * are created with the function (in its stack), so a split over two stacks has no cycle.
   *
   * @default - no database
   */
  readonly database?: TenantPostgres;

  /**
   * Who may reach the endpoint. Private ranges (RFC 1918, 100.64/10, fc00::/7) keep the load
   * balancer internal; public ranges, and the whole internet (`0.0.0.0/0`, stated explicitly),
   * need a `domain` and make it internet-facing.
   *
   * @default - only clients inside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The domain to serve the function on: an ACM certificate (DNS-validated), an alias record and an
   * HTTPS listener. Required in PRODUCTION.
   *
   * @default - no domain: an internal load balancer serving HTTP inside the VPC only (DEVELOPMENT)
   */
  readonly domain?: TenantFunctionDomain;

  /**
   * Concurrent executions reserved for (and capping) the function: 1-20 in DEVELOPMENT, 2-800 in
   * PRODUCTION. A platform choice, not a default: Lambda keeps 100 executions of the account's
   * concurrency quota unreserved, so a reservation fails ("UnreservedConcurrentExecution below its
   * minimum") on a new account, whose quota starts at 10. Set it only where the account's quota is
   * at least 100 plus every reservation in the account and region (Service Quotas: Lambda
   * "Concurrent executions").
   *
   * @default - no reservation: the function shares the account's unreserved pool
   */
  readonly reservedConcurrency?: number;

  /**
   * Whether the function may reach the internet (third-party APIs, AWS services without an
   * endpoint in the tenant VPC) over HTTPS. Its network then gets NAT: one NAT gateway per AZ in
   * PRODUCTION (about 36.50 USD a month each, with its public IPv4 address), one NAT instance in
   * DEVELOPMENT. Off, the function has no route to the internet, so it cannot call out to it (DNS
   * queries still reach the VPC resolver; a Route 53 Resolver DNS Firewall closes that path); it
   * still reaches the tenant's AWS endpoints: Secrets Manager (interface endpoint), its data
   * bucket (S3 gateway endpoint), its database, and logs (sent by the Lambda service). An imported
   * VPC (`network` wrapping an existing VPC) is routed by its owner either way.
   *
   * @default false - no route to the internet; the function reaches the tenant's AWS endpoints only
   */
  readonly internetEgress?: boolean;

  /**
   * Whether the function's data is disposable: the data bucket and the access-log bucket are
   * emptied and deleted with the stack, an overwritten or deleted object stays recoverable for 7
   * days (instead of 90), and access logs are kept 30 days (instead of a year). A deliberate choice
   * for a DEVELOPMENT tenant that wants a clean destroy; refused in PRODUCTION. The tier never
   * decides it: a PRODUCTION tenant moved to DEVELOPMENT keeps its data until this is set too, in a
   * deploy of its own.
   *
   * @default false - the data is kept, in every tier: both buckets, and the tenant key that decrypts the data bucket, are retained when the stack is destroyed or they are replaced; overwritten or deleted objects stay recoverable for 90 days; access logs are kept a year
   */
  readonly disposableData?: boolean;

  /**
   * The tenant network to run in.
   *
   * @default - the database's network when `database` is set; otherwise the stack's network of the tenant, `TenantNetwork.of(this, ...)`, shared with the tenant's other blocks
   */
  readonly network?: TenantNetwork;

  /**
   * The tenant key that encrypts the log groups and the data bucket.
   *
   * @default - the key of the database's secrets when `database` is set; otherwise the stack's key of the tenant, `TenantKey.of(this, tenantId, tier)`, shared with the tenant's other blocks
   */
  readonly encryptionKey?: TenantKey;

  /**
   * Where the log groups are shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;
}
