/* eslint-disable import/no-extraneous-dependencies */
// Secret rotation of the three TenantPostgres users (admin, app, read-only), the four steps of the
// Secrets Manager rotation protocol. Replaces the Serverless Application Repository single-user
// rotation, which logs in as the rotated user and runs ALTER USER ... PASSWORD '<cleartext>': that
// fails for the read-only user (default_transaction_read_only = on, SQLSTATE 25006), and the failed
// statement with the new password landed in the PostgreSQL log.
//
// Here:
// - the admin user changes its own password; the app and read-only passwords are changed by the
//   admin user (the RDS master user may ALTER every role it created), so no role setting of the
//   rotated user matters;
// - every ALTER ROLE runs in an explicit READ WRITE transaction (a database- or role-level
//   default_transaction_read_only cannot refuse it) and sends a SCRAM-SHA-256 verifier, never the
//   password: no SQL text holds a password, whatever the server logs;
// - which secret may be rotated, and which user it holds, comes from the function's own
//   configuration: an event for another secret, or a secret whose username was edited, is refused.
import {
  DescribeSecretCommand, GetRandomPasswordCommand, GetSecretValueCommand, PutSecretValueCommand,
  SecretsManagerClient, UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { Client } from 'pg';
import { scramVerifier } from './bootstrap.lambda-shared';
import { clientConfig, DatabaseEndpoint, quoteIdent, quoteLiteral, withClient } from './connection.lambda-shared';

/** The event Secrets Manager sends to a rotation function. */
export interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret' | string;
}

/** What the rotation function knows from its own configuration. */
export interface RotationConfig {
  readonly endpoint: DatabaseEndpoint;
  /** The admin (master) user's secret: the rotation logs in with it to change the other users' passwords. */
  readonly adminSecretArn: string;
  /** Secret ARN -> the user it holds. Only these secrets are rotated. */
  readonly users: { readonly [secretArn: string]: string };
  /** Characters never used in a generated password. */
  readonly excludeCharacters: string;
  /** Length of a generated password. @default 32 */
  readonly passwordLength?: number;
  /** Per-connection connect timeout. @default 10000 */
  readonly connectTimeoutMs?: number;
}

/** SQLSTATEs of a rejected login (wrong password, role without LOGIN). */
const LOGIN_REJECTED = new Set(['28P01', '28000']);

interface SecretDocument {
  readonly username: string;
  readonly password: string;
  readonly [key: string]: unknown;
}

function log(message: string, extra: Record<string, unknown> = {}): void {
  // never the secret's value: the step, the secret ARN and the version id only
  console.log(JSON.stringify({ level: 'INFO', message, ...extra }));
}

/**
 * Runs one rotation step. Each step is idempotent: Secrets Manager retries a failed step, and a
 * step may run again after a timeout.
 */
export async function rotate(event: RotationEvent, secrets: SecretsManagerClient, config: RotationConfig): Promise<void> {
  const arn = event.SecretId;
  const token = event.ClientRequestToken;
  const user = config.users[arn];
  if (user === undefined) {
    throw new Error(`secret ${arn} is not one this function rotates`);
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw new Error('missing ClientRequestToken');
  }
  const metadata = await secrets.send(new DescribeSecretCommand({ SecretId: arn }));
  if (metadata.RotationEnabled === false) {
    throw new Error(`secret ${arn} does not have rotation enabled`);
  }
  const versions = metadata.VersionIdsToStages ?? {};
  const stages = versions[token];
  if (!stages) {
    throw new Error(`secret version ${token} has no stage for rotation of secret ${arn}`);
  }
  if (stages.includes('AWSCURRENT') && event.Step !== 'finishSecret') {
    log('version already AWSCURRENT, nothing to do', { step: event.Step, secretArn: arn, version: token });
    return;
  }
  if (!stages.includes('AWSPENDING') && !stages.includes('AWSCURRENT')) {
    throw new Error(`secret version ${token} is not set as AWSPENDING for rotation of secret ${arn}`);
  }

  switch (event.Step) {
    case 'createSecret':
      return createSecret(secrets, config, arn, token, user);
    case 'setSecret':
      return setSecret(secrets, config, arn, token, user);
    case 'testSecret':
      return testSecret(secrets, config, arn, token, user);
    case 'finishSecret':
      return finishSecret(secrets, arn, token, versions);
    default:
      throw new Error(`unknown rotation step ${String(event.Step)}`);
  }
}

/** Reads one version (by token or stage) of an RDS-style secret; undefined when it does not exist. */
async function readVersion(
  secrets: SecretsManagerClient, arn: string, version: { token?: string; stage?: string },
): Promise<SecretDocument | undefined> {
  try {
    const response = await secrets.send(new GetSecretValueCommand({ SecretId: arn, VersionId: version.token, VersionStage: version.stage }));
    return parse(arn, response.SecretString);
  } catch (e) {
    if ((e as { name?: string }).name === 'ResourceNotFoundException') {
      return undefined;
    }
    throw e;
  }
}

function parse(arn: string, text: string | undefined): SecretDocument {
  let parsed: { username?: unknown; password?: unknown };
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    // never the content
    throw new Error(`secret ${arn} is not JSON`);
  }
  if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string' || !parsed.username || !parsed.password) {
    throw new Error(`secret ${arn} lacks a string "username" and "password"`);
  }
  return parsed as SecretDocument;
}

function expectUser(arn: string, document: SecretDocument, user: string, version: string): void {
  if (document.username !== user) {
    // an edited username must not make the rotation change another role's password
    throw new Error(`secret ${arn} (${version}) holds user "${document.username}", expected "${user}"`);
  }
}

async function createSecret(secrets: SecretsManagerClient, config: RotationConfig, arn: string, token: string, user: string): Promise<void> {
  const current = await readVersion(secrets, arn, { stage: 'AWSCURRENT' });
  if (!current) {
    throw new Error(`secret ${arn} has no AWSCURRENT version`);
  }
  expectUser(arn, current, user, 'AWSCURRENT');
  if (await readVersion(secrets, arn, { token, stage: 'AWSPENDING' })) {
    log('createSecret: pending version exists', { secretArn: arn, version: token });
    return;
  }
  const random = await secrets.send(new GetRandomPasswordCommand({
    PasswordLength: config.passwordLength ?? 32,
    ExcludeCharacters: config.excludeCharacters,
    RequireEachIncludedType: true,
  }));
  if (!random.RandomPassword) {
    throw new Error('GetRandomPassword returned no password');
  }
  await secrets.send(new PutSecretValueCommand({
    SecretId: arn,
    ClientRequestToken: token,
    SecretString: JSON.stringify({ ...current, password: random.RandomPassword }),
    VersionStages: ['AWSPENDING'],
  }));
  log('createSecret: pending version stored', { secretArn: arn, version: token });
}

/** Connects as `username` with `password`: the client, or undefined when the login is rejected. */
async function tryLogin(config: RotationConfig, username: string, password: string): Promise<Client | undefined> {
  const client = new Client(clientConfig(config.endpoint, { username, password }, config.connectTimeoutMs));
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    if (LOGIN_REJECTED.has((e as { code?: string }).code ?? '')) {
      return undefined;
    }
    throw e;
  }
}

/** The admin connection: the current admin password, else (the admin itself mid-rotation) the pending or previous one. */
async function adminClient(secrets: SecretsManagerClient, config: RotationConfig): Promise<Client> {
  const adminUser = config.users[config.adminSecretArn];
  for (const stage of ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS']) {
    const admin = await readVersion(secrets, config.adminSecretArn, { stage });
    if (!admin) continue;
    if (adminUser !== undefined) expectUser(config.adminSecretArn, admin, adminUser, stage);
    const client = await tryLogin(config, admin.username, admin.password);
    if (client) return client;
  }
  throw new Error(`cannot log in as the admin user with any version of ${config.adminSecretArn}`);
}

async function setSecret(secrets: SecretsManagerClient, config: RotationConfig, arn: string, token: string, user: string): Promise<void> {
  const pending = await readVersion(secrets, arn, { token, stage: 'AWSPENDING' });
  if (!pending) {
    throw new Error(`secret ${arn} has no AWSPENDING version ${token}`);
  }
  expectUser(arn, pending, user, 'AWSPENDING');
  // already set (a retried step): the pending password logs in
  const probe = await tryLogin(config, user, pending.password);
  if (probe) {
    await probe.end().catch(() => undefined);
    log('setSecret: pending password already set', { secretArn: arn, version: token });
    return;
  }
  const client = arn === config.adminSecretArn
    ? await adminSelf(secrets, config, arn, user)
    : await adminClient(secrets, config);
  try {
    await setPassword(client, user, pending.password);
  } finally {
    await client.end().catch(() => undefined);
  }
  log('setSecret: password changed', { secretArn: arn, version: token, user });
}

/** The admin user changing its own password: logs in with its current (or previous) password. */
async function adminSelf(secrets: SecretsManagerClient, config: RotationConfig, arn: string, user: string): Promise<Client> {
  for (const stage of ['AWSCURRENT', 'AWSPREVIOUS']) {
    const version = await readVersion(secrets, arn, { stage });
    if (!version) continue;
    expectUser(arn, version, user, stage);
    const client = await tryLogin(config, user, version.password);
    if (client) return client;
  }
  throw new Error(`cannot log in as ${user} with the AWSCURRENT or AWSPREVIOUS version of ${arn}`);
}

/**
 * ALTER ROLE ... PASSWORD with a SCRAM-SHA-256 verifier, in an explicit READ WRITE transaction:
 * no password in the SQL text, and no default_transaction_read_only can refuse it.
 */
export async function setPassword(client: Client, user: string, password: string): Promise<void> {
  await client.query('BEGIN READ WRITE');
  try {
    await client.query(`ALTER ROLE ${quoteIdent(user)} PASSWORD ${quoteLiteral(scramVerifier(password))}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function testSecret(secrets: SecretsManagerClient, config: RotationConfig, arn: string, token: string, user: string): Promise<void> {
  const pending = await readVersion(secrets, arn, { token, stage: 'AWSPENDING' });
  if (!pending) {
    throw new Error(`secret ${arn} has no AWSPENDING version ${token}`);
  }
  expectUser(arn, pending, user, 'AWSPENDING');
  await withClient(clientConfig(config.endpoint, pending, config.connectTimeoutMs), async (client) => {
    await client.query('SELECT 1');
  });
  log('testSecret: pending password logs in', { secretArn: arn, version: token });
}

async function finishSecret(secrets: SecretsManagerClient, arn: string, token: string, versions: Record<string, string[]>): Promise<void> {
  const current = Object.entries(versions).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
  if (current === token) {
    log('finishSecret: already AWSCURRENT', { secretArn: arn, version: token });
    return;
  }
  await secrets.send(new UpdateSecretVersionStageCommand({
    SecretId: arn,
    VersionStage: 'AWSCURRENT',
    MoveToVersionId: token,
    RemoveFromVersionId: current,
  }));
  log('finishSecret: version is AWSCURRENT', { secretArn: arn, version: token, previous: current });
}

/**
 * Reads the rotation configuration from the function's environment (set by TenantPostgres).
 *
 * @throws Error naming the missing or malformed variable
 */
export function rotationConfigFromEnv(env: { readonly [key: string]: string | undefined }, ssl: DatabaseEndpoint['ssl']): RotationConfig {
  const need = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`environment variable ${key} is not set`);
    return value;
  };
  const endpoint = { host: need('DB_HOST'), port: Number(need('DB_PORT')), database: need('DB_NAME'), ssl };
  const adminSecretArn = need('ADMIN_SECRET_ARN');
  const raw = need('ROTATED_SECRETS');
  let users: unknown;
  try {
    users = JSON.parse(raw);
  } catch {
    users = undefined;
  }
  if (typeof users !== 'object' || users === null || Array.isArray(users) || Object.values(users).some((u) => typeof u !== 'string')) {
    throw new Error('environment variable ROTATED_SECRETS is not a JSON object of secret ARN to user name');
  }
  return {
    endpoint,
    adminSecretArn,
    users: users as { [arn: string]: string },
    excludeCharacters: env.EXCLUDE_CHARACTERS ?? '',
  };
}
