/* eslint-disable import/no-extraneous-dependencies */
// Connecting to the tenant database from the block's handlers (bundled, never exported).
import { GetSecretValueCommand, SecretsManagerClient, SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { Client, ClientConfig } from 'pg';
import { sleep } from '../../core/custom-resource.lambda-shared';

/** A database user as stored in an RDS-style Secrets Manager secret (JSON with username/password). */
export interface DatabaseCredentials {
  readonly username: string;
  readonly password: string;
}

/** Where the database is and how to reach it. */
export interface DatabaseEndpoint {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /**
   * TLS options for `pg`. Aurora enforces TLS (`rds.force_ssl = 1`); in Lambda the RDS CA comes
   * from the runtime's bundle (NODE_EXTRA_CA_CERTS=/var/runtime/ca-cert.pem), so the handlers use
   * `{ rejectUnauthorized: true }`. Tests pass their own CA here, never `false`.
   */
  readonly ssl: ClientConfig['ssl'];
}

/** TCP connect timeout of Secrets Manager calls (the VPC endpoint answers in milliseconds). */
export const SECRETS_CONNECTION_TIMEOUT_MS = 3_000;
/** Socket timeout of a Secrets Manager call, per attempt. */
export const SECRETS_REQUEST_TIMEOUT_MS = 5_000;

/**
 * The handlers' Secrets Manager client. Without timeouts the SDK waits as long as the socket stays
 * open: in an isolated subnet whose VPC lacks a reachable Secrets Manager endpoint (or whose
 * endpoint security group drops the traffic) a call would hang until the Lambda timeout, and
 * CloudFormation would wait for the custom resource's service timeout. With them a call fails
 * after at most 3 attempts x (3 s + 5 s) plus back-off, with a message naming the cause.
 */
export function secretsManagerClient(config: SecretsManagerClientConfig = {}): SecretsManagerClient {
  return new SecretsManagerClient({
    maxAttempts: 3,
    // throwOnRequestTimeout: without it this SDK version only logs a warning when requestTimeout passes
    requestHandler: { connectionTimeout: SECRETS_CONNECTION_TIMEOUT_MS, requestTimeout: SECRETS_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...config,
  });
}

/** Reads and parses an RDS-style secret. */
export async function readCredentials(secrets: SecretsManagerClient, secretArn: string): Promise<DatabaseCredentials> {
  const response = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!response.SecretString) {
    throw new Error(`secret ${secretArn} has no SecretString`);
  }
  let parsed: { username?: unknown; password?: unknown };
  try {
    parsed = JSON.parse(response.SecretString);
  } catch {
    // never include the secret's content in an error message
    throw new Error(`secret ${secretArn} is not JSON`);
  }
  if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string' || !parsed.username || !parsed.password) {
    throw new Error(`secret ${secretArn} lacks a string "username" and "password"`);
  }
  return { username: parsed.username, password: parsed.password };
}

/** `pg` client config for one user at one endpoint. */
export function clientConfig(endpoint: DatabaseEndpoint, credentials: DatabaseCredentials, connectTimeoutMs = 10_000): ClientConfig {
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: credentials.username,
    password: credentials.password,
    ssl: endpoint.ssl,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: 'cdk-tenant-blocks',
  };
}

/**
 * Errors that mean "the database is not accepting connections yet" (new cluster, resuming from
 * auto-pause, failover), as opposed to a wrong password or a bug.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  '57P03', // cannot_connect_now: the database system is starting up
  '08000', '08001', '08006', // connection exceptions
  '53300', // too_many_connections
]);

/** True when a connection error is worth retrying. */
export function isTransientConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code && TRANSIENT_CODES.has(e.code)) {
    return true;
  }
  // pg reports its own connect timeout and a socket closed during startup without a code
  return /timeout expired|Connection terminated unexpectedly|connect ETIMEDOUT/i.test(e?.message ?? '');
}

/** Options of {@link connectWithRetry}. */
export interface RetryOptions {
  /** Epoch ms after which no new attempt starts (the Lambda deadline minus a margin). */
  readonly deadline: number;
  /** First delay between attempts. @default 1000 */
  readonly initialDelayMs?: number;
  /** Longest delay between attempts. @default 15000 */
  readonly maxDelayMs?: number;
  /** Called before each wait, for logging. */
  readonly onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/**
 * Connects, retrying with exponential backoff (and jitter) while the endpoint exists but does not
 * accept connections yet; gives up at `deadline` with the last error. Non-transient errors (e.g. a
 * wrong password) fail at once.
 */
export async function connectWithRetry(config: ClientConfig, options: RetryOptions): Promise<Client> {
  let delay = options.initialDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    const client = new Client(config);
    // an idle client whose server goes away emits 'error'; without a listener that crashes the process
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (e) {
      await client.end().catch(() => undefined);
      const wait = Math.min(delay, maxDelay) * (0.75 + Math.random() * 0.5);
      if (!isTransientConnectionError(e) || Date.now() + wait >= options.deadline) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(`cannot connect to ${config.host}:${config.port}/${config.database} as ${config.user} after ${attempt} attempt(s): ${message}`);
      }
      options.onRetry?.(attempt, e, wait);
      await sleep(wait);
      delay *= 2;
    }
  }
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(config: ClientConfig, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(config);
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Quotes an SQL identifier (role, schema, database names), doubling embedded quotes. */
export function quoteIdent(name: string): string {
  if (name.length === 0 || name.includes('\u0000')) {
    throw new Error('invalid SQL identifier');
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes an SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) {
    throw new Error('invalid SQL literal');
  }
  return `'${value.replace(/'/g, "''")}'`;
}
