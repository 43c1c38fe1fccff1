/* eslint-disable import/no-extraneous-dependencies */
// Issue 8.1: every one of the three secrets rotates for real. The rotation handler's four steps run
// against the REAL PostgreSQL of the test suite (17.x, TLS, the admin user not a superuser, like
// Aurora), with Secrets Manager mocked by a versioned stand-in that behaves like the service
// (AWSPENDING placeholder, version stages, GetRandomPassword).
import { randomBytes, randomUUID } from 'crypto';
import {
  DescribeSecretCommand, GetRandomPasswordCommand, GetSecretValueCommand, PutSecretValueCommand,
  SecretsManagerClient, UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { Client, ClientConfig } from 'pg';
import { ADMIN_SECRET, APP_SECRET, APP_USER, Fixture, READ_ONLY_SECRET, READ_ONLY_USER } from './harness';
import { makeRotationHandler } from '../../../src/blocks/postgres/rotation.lambda';
import { rotate, RotationConfig, rotationConfigFromEnv, RotationEvent } from '../../../src/blocks/postgres/rotation.lambda-shared';

jest.spyOn(console, 'log').mockImplementation(() => undefined);
jest.spyOn(console, 'error').mockImplementation(() => undefined);

/** A Secrets Manager secret with versions and stages, as the service keeps them. */
interface StoredSecret {
  values: Map<string, string | undefined>;
  stages: Map<string, string[]>;
  rotationEnabled: boolean;
}

/** Secrets Manager stand-in for rotation: the calls the handler makes, with the service's rules. */
class VersionedSecrets {
  public readonly client = new SecretsManagerClient({ region: 'us-east-1' });
  public readonly secrets = new Map<string, StoredSecret>();
  public readonly mock = mockClient(this.client);

  constructor() {
    const find = (id: string) => {
      const secret = this.secrets.get(id);
      if (!secret) throw Object.assign(new Error(`can't find ${id}`), { name: 'ResourceNotFoundException' });
      return secret;
    };
    this.mock.on(DescribeSecretCommand).callsFake(({ SecretId }) => {
      const s = find(SecretId);
      return { ARN: SecretId, RotationEnabled: s.rotationEnabled, VersionIdsToStages: Object.fromEntries(s.stages) };
    });
    this.mock.on(GetSecretValueCommand).callsFake(({ SecretId, VersionId, VersionStage }) => {
      const s = find(SecretId);
      const id = VersionId ?? [...s.stages].find(([, st]) => st.includes(VersionStage ?? 'AWSCURRENT'))?.[0];
      if (!id || (VersionStage && !s.stages.get(id)?.includes(VersionStage)) || s.values.get(id) === undefined) {
        throw Object.assign(new Error('Secrets Manager can\'t find the specified secret value'), { name: 'ResourceNotFoundException' });
      }
      return { ARN: SecretId, VersionId: id, SecretString: s.values.get(id) };
    });
    this.mock.on(PutSecretValueCommand).callsFake(({ SecretId, ClientRequestToken, SecretString, VersionStages }) => {
      const s = find(SecretId);
      if (s.values.get(ClientRequestToken) !== undefined) throw Object.assign(new Error('version exists'), { name: 'ResourceExistsException' });
      s.values.set(ClientRequestToken, SecretString);
      for (const stage of VersionStages ?? ['AWSCURRENT']) this.moveStage(s, stage, ClientRequestToken);
      return { ARN: SecretId, VersionId: ClientRequestToken };
    });
    this.mock.on(UpdateSecretVersionStageCommand).callsFake(({ SecretId, VersionStage, MoveToVersionId, RemoveFromVersionId }) => {
      const s = find(SecretId);
      const holder = [...s.stages].find(([, st]) => st.includes(VersionStage))?.[0];
      if (holder !== RemoveFromVersionId) throw new Error(`${VersionStage} is on ${holder}, not ${RemoveFromVersionId}`);
      if (VersionStage === 'AWSCURRENT' && holder) this.moveStage(s, 'AWSPREVIOUS', holder);
      this.moveStage(s, VersionStage, MoveToVersionId);
      // the service removes AWSPENDING when AWSCURRENT moves to its version
      if (VersionStage === 'AWSCURRENT') s.stages.set(MoveToVersionId, s.stages.get(MoveToVersionId)!.filter((x) => x !== 'AWSPENDING'));
      return { ARN: SecretId };
    });
    this.mock.on(GetRandomPasswordCommand).callsFake(({ PasswordLength, ExcludeCharacters }) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.,^'.split('').filter((c) => !(ExcludeCharacters ?? '').includes(c));
      return { RandomPassword: Array.from(randomBytes(PasswordLength ?? 32), (b) => alphabet[b % alphabet.length]).join('') };
    });
  }

  public create(arn: string, value: Record<string, unknown>): void {
    const version = randomUUID();
    this.secrets.set(arn, { values: new Map([[version, JSON.stringify(value)]]), stages: new Map([[version, ['AWSCURRENT']]]), rotationEnabled: true });
  }

  public current(arn: string): { username: string; password: string } {
    const s = this.secrets.get(arn)!;
    const id = [...s.stages].find(([, st]) => st.includes('AWSCURRENT'))![0];
    return JSON.parse(s.values.get(id)!);
  }

  public stagesOf(arn: string): string[][] {
    return [...this.secrets.get(arn)!.stages.values()].filter((s) => s.length > 0);
  }

  /** What RotateSecret does before invoking the function: a new version id labelled AWSPENDING, without a value yet. */
  public startRotation(arn: string): string {
    const token = randomUUID();
    const s = this.secrets.get(arn)!;
    s.stages.set(token, ['AWSPENDING']);
    return token;
  }

  private moveStage(s: StoredSecret, stage: string, to: string): void {
    for (const [id, st] of s.stages) s.stages.set(id, st.filter((x) => x !== stage));
    s.stages.set(to, [...(s.stages.get(to) ?? []), stage]);
  }
}

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

async function canLogIn(config: ClientConfig): Promise<boolean> {
  const client = new Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (e) {
    if (['28P01', '28000'].includes((e as { code?: string }).code ?? '')) return false;
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let fx: Fixture;
let secrets: VersionedSecrets;
let config: RotationConfig;
const EXCLUDE = ' %+~`#$&*()|[]{}:;<>?!\'/@"\\';

beforeAll(async () => {
  fx = await Fixture.create();
  // the roles as the bootstrap creates them (read-only: default_transaction_read_only = on)
  expect((await fx.bootstrap('Create')).Status).toBe('SUCCESS');
  secrets = new VersionedSecrets();
  for (const [arn, value] of fx.secrets.values) secrets.create(arn, { engine: 'postgres', host: fx.server.host, ...value });
  config = {
    ...rotationConfigFromEnv({
      DB_HOST: fx.server.host,
      DB_PORT: String(fx.server.port),
      DB_NAME: fx.server.database,
      ADMIN_SECRET_ARN: ADMIN_SECRET,
      ROTATED_SECRETS: JSON.stringify({ [ADMIN_SECRET]: fx.server.adminUser, [APP_SECRET]: APP_USER, [READ_ONLY_SECRET]: READ_ONLY_USER }),
      EXCLUDE_CHARACTERS: EXCLUDE,
    }, { ca: fx.server.ca, rejectUnauthorized: true }),
    connectTimeoutMs: 3_000,
  };
}, 60_000);
afterAll(async () => fx?.destroy());

async function rotateFully(arn: string): Promise<string> {
  const token = secrets.startRotation(arn);
  for (const step of STEPS) {
    await rotate({ SecretId: arn, ClientRequestToken: token, Step: step }, secrets.client, config);
  }
  return token;
}

describe('the rotation sequence createSecret -> setSecret -> testSecret -> finishSecret against a real PostgreSQL', () => {
  test('the read-only role really refuses ALTER ROLE in its default read-only transaction (25006): the SAR single-user rotation, logged in as that user, fails', async () => {
    const ro = secrets.current(READ_ONLY_SECRET);
    const client = new Client(fx.server.tlsConfig(ro.username, ro.password));
    await client.connect();
    try {
      // the statement the AWS single-user rotation function runs, logged in as the rotated user
      await expect(client.query(`ALTER USER ${READ_ONLY_USER} WITH PASSWORD 'new-password-1'`)).rejects.toMatchObject({ code: '25006' });
    } finally {
      await client.end();
    }
  });

  test.each([
    ['app', APP_SECRET],
    ['read-only (default_transaction_read_only = on)', READ_ONLY_SECRET],
    ['admin (rotates itself)', ADMIN_SECRET],
  ])('%s: the new password logs in, the old one no longer does, AWSCURRENT moved and no AWSPENDING lingers', async (_name, arn) => {
    const before = secrets.current(arn);
    const token = await rotateFully(arn);
    const after = secrets.current(arn);
    expect(after.username).toBe(before.username);
    expect(after.password).not.toBe(before.password);
    expect(after.password).toHaveLength(32);
    expect([...after.password].some((c) => EXCLUDE.includes(c))).toBe(false);
    expect(await canLogIn(fx.server.tlsConfig(after.username, after.password))).toBe(true);
    expect(await canLogIn(fx.server.tlsConfig(before.username, before.password))).toBe(false);
    expect(secrets.secrets.get(arn)!.stages.get(token)).toEqual(['AWSCURRENT']);
    expect(secrets.stagesOf(arn).flat()).not.toContain('AWSPENDING');
    expect(secrets.stagesOf(arn).flat().sort()).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);
  });

  test('the stored password is a SCRAM-SHA-256 verifier and the read-only role keeps its settings', async () => {
    const rows = await fx.server.superuser(async (c) => (await c.query(
      `SELECT a.rolname, a.rolpassword LIKE 'SCRAM-SHA-256$4096:%' AS scram, r.rolconfig
         FROM pg_authid a JOIN pg_roles r ON r.oid = a.oid WHERE a.rolname = ANY($1) ORDER BY a.rolname`,
      [[APP_USER, READ_ONLY_USER]])).rows);
    expect(rows.map((r) => [r.rolname, r.scram])).toEqual([[APP_USER, true], [READ_ONLY_USER, true]]);
    expect(rows[1].rolconfig).toEqual(expect.arrayContaining(['default_transaction_read_only=on']));
  });

  test('the admin still rotates the app user after the admin itself rotated (it logs in with its new password)', async () => {
    await rotateFully(ADMIN_SECRET);
    const app = secrets.current(APP_SECRET);
    await rotateFully(APP_SECRET);
    expect(await canLogIn(fx.server.tlsConfig(APP_USER, secrets.current(APP_SECRET).password))).toBe(true);
    expect(await canLogIn(fx.server.tlsConfig(APP_USER, app.password))).toBe(false);
  });

  test('every step is idempotent: a retried step changes nothing and the rotation completes', async () => {
    const arn = READ_ONLY_SECRET;
    const token = secrets.startRotation(arn);
    for (const step of STEPS) {
      await rotate({ SecretId: arn, ClientRequestToken: token, Step: step }, secrets.client, config);
      await rotate({ SecretId: arn, ClientRequestToken: token, Step: step }, secrets.client, config);
    }
    expect(await canLogIn(fx.server.tlsConfig(READ_ONLY_USER, secrets.current(arn).password))).toBe(true);
    expect(secrets.stagesOf(arn).flat()).not.toContain('AWSPENDING');
  });

  test('no SQL statement the rotation sends holds a password (SCRAM verifiers only), and the server log neither', async () => {
    const seen: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (typeof args[0] === 'string') seen.push(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      await rotateFully(APP_SECRET);
    } finally {
      spy.mockRestore();
    }
    const password = secrets.current(APP_SECRET).password;
    expect(seen.some((q) => /ALTER ROLE "app" PASSWORD 'SCRAM-SHA-256\$4096:/.test(q))).toBe(true);
    expect(seen.join('\n')).not.toContain(password);
    expect(fx.server.log()).not.toContain(password);
  });
});

describe('the rotation refuses what its configuration does not name', () => {
  test('throws when the event names a secret it does not rotate', async () => {
    await expect(rotate({ SecretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:other', ClientRequestToken: 't', Step: 'createSecret' }, secrets.client, config))
      .rejects.toThrow('secret arn:aws:secretsmanager:us-east-1:123456789012:secret:other is not one this function rotates');
  });

  test('throws when a secret\'s username was edited to another role (it would change that role\'s password)', async () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:edited';
    secrets.create(arn, { username: fx.server.adminUser, password: 'x' });
    const token = secrets.startRotation(arn);
    await expect(rotate({ SecretId: arn, ClientRequestToken: token, Step: 'createSecret' }, secrets.client, { ...config, users: { ...config.users, [arn]: APP_USER } }))
      .rejects.toThrow(`secret ${arn} (AWSCURRENT) holds user "${fx.server.adminUser}", expected "app"`);
  });

  test('throws when the version is not pending for rotation', async () => {
    await expect(rotate({ SecretId: APP_SECRET, ClientRequestToken: 'unknown-token', Step: 'setSecret' }, secrets.client, config))
      .rejects.toThrow('secret version unknown-token has no stage for rotation');
  });

  test('throws on an unknown step', async () => {
    const token = secrets.startRotation(APP_SECRET);
    await expect(rotate({ SecretId: APP_SECRET, ClientRequestToken: token, Step: 'dropSecret' } as RotationEvent, secrets.client, config))
      .rejects.toThrow('unknown rotation step dropSecret');
    // leave no pending placeholder behind for the other tests
    secrets.secrets.get(APP_SECRET)!.stages.delete(token);
  });

  test.each([
    ['ROTATED_SECRETS is not JSON', { ROTATED_SECRETS: 'nope' }],
    ['ROTATED_SECRETS is a list', { ROTATED_SECRETS: '["a"]' }],
  ])('throws when %s', (_name, extra) => {
    expect(() => rotationConfigFromEnv({ DB_HOST: 'h', DB_PORT: '5432', DB_NAME: 'app', ADMIN_SECRET_ARN: 'a', ...extra }, false))
      .toThrow('environment variable ROTATED_SECRETS is not a JSON object of secret ARN to user name');
  });

  test('the Lambda entry point reads its configuration from the environment and rethrows a failed step', async () => {
    const handler = makeRotationHandler({ secrets: secrets.client, env: {}, ssl: { ca: fx.server.ca, rejectUnauthorized: true } });
    await expect(handler({ SecretId: APP_SECRET, ClientRequestToken: 't', Step: 'createSecret' })).rejects.toThrow('environment variable DB_HOST is not set');
  });
});
