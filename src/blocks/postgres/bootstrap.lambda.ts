/* eslint-disable import/no-extraneous-dependencies */
// TenantPostgres bootstrap handler (in the tenant VPC, next to the cluster).
//
// 1. As a CloudFormation custom resource (Create/Update): waits until the cluster accepts
//    connections, then creates the app role (owner of the app schema) and the read-only role, sets
//    their passwords from their secrets and revokes CREATE on public. Idempotent; Delete does
//    nothing (the roles and the data belong to the database, which has its own removal policy).
// The endpoint and the secret ARNs come from the function's own configuration (environment set by
// TenantPostgres); the event's properties must match them or the request fails: whoever may
// invoke the function cannot point it at another host and receive tenant_admin's password.
// The SQL regression suite runs in its own function (regression.lambda.ts): an operator's run
// cannot hold the concurrency a stack update needs, and this function is never invoked by hand.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ClientConfig } from 'pg';
import { bootstrapDatabase, LOGIN_REJECTED } from './bootstrap.lambda-shared';
import { clientConfig, connectWithRetry, DatabaseEndpoint, readCredentials, secretsManagerClient, withClient } from './connection.lambda-shared';
import { RDS_CA_BUNDLE } from './rds-ca-bundle.lambda-shared';
import { RegressionCase, RegressionReport, REGRESSION_CASES, runRegressionSuite } from './regression.lambda-shared';
import { CustomResourceContext, CustomResourceEvent, CustomResourceResponse, customResourceHandler } from '../../core/custom-resource.lambda-shared';

/** Custom resource properties (set by TenantPostgres). */
export interface BootstrapProperties {
  readonly Host: string;
  readonly Port: string;
  readonly Database: string;
  readonly AdminSecretArn: string;
  readonly AppSecretArn: string;
  readonly ReadOnlySecretArn: string;
}

/** The direct invocation that runs the regression suite. */
export interface RegressionRequest {
  readonly action: 'regression';
  /** Only these case ids (all when absent). */
  readonly cases?: string[];
}

/** Lambda context subset used here. */
export interface HandlerContext extends CustomResourceContext {
  getRemainingTimeInMillis?(): number;
}

/** Options for {@link makeHandler}; the deployed handler uses the defaults. */
export interface HandlerOptions {
  /**
   * TLS for every connection. Default: verify against the pinned Amazon RDS root CAs
   * (rds-ca-bundle.lambda-shared.ts) and nothing else. Only tests pass another value (their own CA).
   */
  readonly ssl?: ClientConfig['ssl'];
  readonly secrets?: SecretsManagerClient;
  /** Stop starting new connection attempts this long before the Lambda deadline. @default 30000 */
  readonly deadlineMarginMs?: number;
  /** Used when the context has no deadline (tests). @default 600000 */
  readonly defaultBudgetMs?: number;
  /** First retry delay. @default 1000 */
  readonly initialRetryDelayMs?: number;
  /** Per-attempt connect timeout. @default 10000 */
  readonly connectTimeoutMs?: number;
  /** The function's configuration (DB_HOST, DB_PORT, DB_NAME and the three secret ARNs). @default process.env */
  readonly env?: { readonly [key: string]: string | undefined };
}

function required(props: Record<string, unknown>, key: string): string {
  const value = props[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`missing property ${key}`);
  }
  return value;
}

function log(message: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 'INFO', message, ...extra }));
}

function isRegressionRequest(event: unknown): event is RegressionRequest {
  return typeof event === 'object' && event !== null && (event as { action?: unknown }).action === 'regression';
}

/** The variables a handler reads from its environment, by name. */
function need(env: { readonly [key: string]: string | undefined }, key: string): string {
  const value = env[key];
  if (!value) {
    throw new Error(`environment variable ${key} is not set`);
  }
  return value;
}

/** Event property -> environment variable it must equal. */
const PINNED_PROPERTIES: Array<[string, string]> = [
  ['Host', 'DB_HOST'], ['Port', 'DB_PORT'], ['Database', 'DB_NAME'],
  ['AdminSecretArn', 'ADMIN_SECRET_ARN'], ['AppSecretArn', 'APP_SECRET_ARN'], ['ReadOnlySecretArn', 'READ_ONLY_SECRET_ARN'],
];

/** The TLS options of the deployed handlers: the pinned RDS CAs only. */
export const RDS_TLS: ClientConfig['ssl'] = { ca: RDS_CA_BUNDLE, rejectUnauthorized: true };

/** Builds the handler (exported for tests, which inject TLS trust and a mocked Secrets Manager). */
export function makeHandler(options: HandlerOptions = {}) {
  const ssl = options.ssl ?? RDS_TLS;
  const secrets = options.secrets ?? secretsManagerClient();
  const margin = options.deadlineMarginMs ?? 30_000;

  const deadlineOf = (context?: HandlerContext) =>
    Date.now() + (context?.getRemainingTimeInMillis?.() ?? options.defaultBudgetMs ?? 600_000) - margin;

  const bootstrapBody = (context?: HandlerContext) => async (event: CustomResourceEvent) => {
    const props = event.ResourceProperties as Record<string, unknown>;
    const env = options.env ?? process.env;
    // every coordinate from the function's own configuration; the event only repeats it (so that
    // CloudFormation re-runs the bootstrap when it changes) and must agree
    for (const [property, variable] of PINNED_PROPERTIES) {
      const given = required(props, property);
      if (given !== need(env, variable)) {
        throw new Error(`property ${property} does not match the function's configuration (${variable}); refusing to connect elsewhere`);
      }
    }
    const endpoint: DatabaseEndpoint = {
      host: need(env, 'DB_HOST'),
      port: Number(need(env, 'DB_PORT')),
      database: need(env, 'DB_NAME'),
      ssl,
    };
    const physicalResourceId = `${endpoint.database}@${endpoint.host}`;
    if (event.RequestType === 'Delete') {
      // harmless: roles, schema and data stay with the database (snapshot on delete)
      return { physicalResourceId: event.PhysicalResourceId ?? physicalResourceId };
    }
    const [admin, appUser, readOnly] = await Promise.all([
      readCredentials(secrets, need(env, 'ADMIN_SECRET_ARN')),
      readCredentials(secrets, need(env, 'APP_SECRET_ARN')),
      readCredentials(secrets, need(env, 'READ_ONLY_SECRET_ARN')),
    ]);
    const client = await connectWithRetry(clientConfig(endpoint, admin, options.connectTimeoutMs), {
      deadline: deadlineOf(context),
      initialDelayMs: options.initialRetryDelayMs,
      onRetry: (attempt, error, delayMs) => log('database not accepting connections yet', {
        attempt, delayMs: Math.round(delayMs), error: error instanceof Error ? error.message : String(error),
      }),
    });
    try {
      const canLogIn = async (user: string, password: string) => {
        try {
          await withClient(clientConfig(endpoint, { username: user, password }, options.connectTimeoutMs), async () => undefined);
          return true;
        } catch (e) {
          if (LOGIN_REJECTED.has((e as { code?: string }).code ?? '')) {
            return false;
          }
          throw e;
        }
      };
      const outcome = await bootstrapDatabase(client, {
        database: endpoint.database,
        appUser: appUser.username,
        appPassword: appUser.password,
        readOnlyUser: readOnly.username,
        readOnlyPassword: readOnly.password,
      }, canLogIn);
      log('bootstrap complete', { requestType: event.RequestType, changes: outcome.changes, notes: outcome.notes });
      return {
        physicalResourceId,
        data: { AppUser: appUser.username, ReadOnlyUser: readOnly.username, Schema: appUser.username, Changes: String(outcome.changes.length) },
      };
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  return async (incoming: CustomResourceEvent | RegressionRequest, context?: HandlerContext): Promise<CustomResourceResponse> => {
    if (isRegressionRequest(incoming)) {
      throw new Error('the bootstrap function runs no regression suite: invoke the regression function (TenantPostgres.regressionFunction)');
    }
    return customResourceHandler(bootstrapBody(context))(incoming, context);
  };
}

/** Options of {@link makeRegressionHandler}. */
export interface RegressionHandlerOptions {
  /** @default - the pinned RDS CAs */
  readonly ssl?: ClientConfig['ssl'];
  readonly secrets?: SecretsManagerClient;
  /** Per-attempt connect timeout. @default 10000 */
  readonly connectTimeoutMs?: number;
  /** DB_HOST, DB_PORT, DB_NAME, APP_SECRET_ARN, READ_ONLY_SECRET_ARN. @default process.env */
  readonly env?: { readonly [key: string]: string | undefined };
}

/**
 * Builds the regression handler: `{ "action": "regression", "cases"?: [...] }` runs the SQL
 * regression suite as the app user (and the read-only user for the privilege cases) and returns
 * the per-case report. It reads the app and read-only secrets only, never the admin's.
 */
export function makeRegressionHandler(options: RegressionHandlerOptions = {}) {
  const ssl = options.ssl ?? RDS_TLS;
  const secrets = options.secrets ?? secretsManagerClient();
  return async (request: RegressionRequest): Promise<RegressionReport> => {
    if (!isRegressionRequest(request)) {
      throw new Error('expected { "action": "regression", "cases"?: [...] }');
    }
    const env = options.env ?? process.env;
    const endpoint: DatabaseEndpoint = { host: need(env, 'DB_HOST'), port: Number(need(env, 'DB_PORT')), database: need(env, 'DB_NAME'), ssl };
    const [appUser, readOnly] = await Promise.all([
      readCredentials(secrets, need(env, 'APP_SECRET_ARN')),
      readCredentials(secrets, need(env, 'READ_ONLY_SECRET_ARN')),
    ]);
    const cases: ReadonlyArray<RegressionCase> = request.cases
      ? REGRESSION_CASES.filter((c) => request.cases!.includes(c.id))
      : REGRESSION_CASES;
    const report = await runRegressionSuite({
      app: clientConfig(endpoint, appUser, options.connectTimeoutMs),
      readOnly: clientConfig(endpoint, readOnly, options.connectTimeoutMs),
    }, cases);
    log('regression suite finished', { passed: report.passed, total: report.total, failed: report.failed, serverVersion: report.serverVersion });
    return report;
  };
}

/** The Lambda entry point. */
export const handler = makeHandler();
