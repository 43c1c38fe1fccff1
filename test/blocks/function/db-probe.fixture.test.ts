// The integ test's probe handler (test/blocks/function/fixtures/db-probe) against a REAL PostgreSQL server
// (TLS on, non-TLS refused, like Aurora with rds.force_ssl = 1) and Secrets Manager mocked: the
// report the integ test expects is what the probe returns when the wiring works, and each broken
// link shows up as a failed check with its reason.
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { RDS_CA_BUNDLE_PATH } from '../../../src/blocks/function/tenant-function';
import { RDS_CA_BUNDLE } from '../../../src/blocks/postgres/rds-ca-bundle.lambda-shared';
import { PostgresServer } from '../../support/postgres-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const probe = require(path.join(__dirname, 'fixtures', 'db-probe')) as { handler(event: unknown): Promise<any> };

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf';
const secrets = mockClient(SecretsManagerClient);
let server: PostgresServer;
/** The CA bundle files the probe reads: the local server's CA (as the layer holds Aurora's), and the RDS bundle itself. */
const caDir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-probe-ca-'));
const SERVER_CA = path.join(caDir, 'server-ca.pem');
const RDS_CAS = path.join(caDir, 'rds-ca-bundle.pem');

/** The report the integ test compares the invocation's payload with (integ/integ.tenant-function.ts). */
const WORKING = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'db-probe.expected.json'), 'utf8'));

beforeAll(async () => {
  server = await PostgresServer.create();
  fs.writeFileSync(SERVER_CA, server.ca);
  fs.writeFileSync(RDS_CAS, RDS_CA_BUNDLE.join(''));
}, 60_000);

afterAll(async () => {
  await server?.destroy();
});

const saved = { ...process.env };
/** An S3 of the data bucket that behaves like the real one under the execution policy (no s3:DeleteObjectVersion). */
function fakeBucket(overrides: Partial<Record<'put' | 'get' | 'delete', (...args: any[]) => Promise<unknown>>> = {}) {
  const objects = new Map<string, string>();
  return {
    put: async (_bucket: string, key: string, body: string) => { objects.set(key, body); return 'v1'; },
    get: async (_bucket: string, key: string) => objects.get(key),
    delete: async (_bucket: string, key: string, versionId?: string) => {
      if (versionId) throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
      objects.delete(key);
      return {};
    },
    ...overrides,
  };
}
const probeModule = probe as unknown as { dataBucketClient?: ReturnType<typeof fakeBucket> };

beforeEach(() => {
  probeModule.dataBucketClient = fakeBucket();
  process.env.DATA_BUCKET_NAME = 'acme-data';
  secrets.reset();
  process.env.TENANT_ID = 'integ-fn';
  process.env.DB_HOST = server.host;
  process.env.DB_PORT = String(server.port);
  process.env.DB_NAME = 'app';
  process.env.DB_SECRET_ARN = SECRET_ARN;
  process.env.DB_CA_BUNDLE_PATH = SERVER_CA;
  process.env.PROBE_TIMEOUT_MS = '2000';
  // "the internet" played by the loopback: nothing listens on port 1 (a function without a route out)
  process.env.PROBE_INTERNET_HOST = '127.0.0.1';
  process.env.PROBE_INTERNET_PORT = '1';
  secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({
    SecretString: JSON.stringify({ username: 'app', password: 'x', host: server.host, port: server.port, dbname: 'app' }),
  });
});

afterEach(() => {
  process.env = { ...saved };
});

/** The working report, with the port and CA of the local server instead of Aurora's 5432 and the layer's bundle. */
const working = () => ({
  ...WORKING,
  database: { ...WORKING.database, env: { ...WORKING.database.env, DB_PORT: String(server.port), DB_CA_BUNDLE_PATH: SERVER_CA } },
});

test('reports a data bucket the role may not use (a key condition that does not match)', async () => {
  probeModule.dataBucketClient = fakeBucket({ put: async () => { throw Object.assign(new Error('not authorized to kms:GenerateDataKey'), { name: 'AccessDenied' }); } });
  const report = await probe.handler({});
  expect(report.dataBucket).toEqual({ readWrite: false, versionDeletionDenied: false, errors: ['dataBucket: AccessDenied: not authorized to kms:GenerateDataKey'] });
});

test('reports a role that may delete object versions (what s3:DeleteObject* would allow)', async () => {
  probeModule.dataBucketClient = fakeBucket({ delete: async () => ({}) });
  const report = await probe.handler({});
  expect(report.dataBucket).toEqual({
    readWrite: true, versionDeletionDenied: false, errors: ['dataBucket: an object version could be deleted (s3:DeleteObjectVersion must be denied)'],
  });
});

test('the integ expectation is the report of a working database in Aurora\'s port', () => {
  expect(WORKING.database).toEqual({
    env: { DB_HOST: true, DB_PORT: '5432', DB_NAME: 'app', DB_SECRET_ARN: true, DB_CA_BUNDLE_PATH: RDS_CA_BUNDLE_PATH },
    secretReadable: true,
    secretMatchesEnv: true,
    postgresTls: true,
    postgresTlsVerified: true,
  });
  expect(WORKING.dataBucket).toEqual({ readWrite: true, versionDeletionDenied: true });
});

test('reports every check passed when env, secret, network and server are right (the integ expectation)', async () => {
  const report = await probe.handler({});
  expect(report).toEqual(working());
  // the integ test compares the payload as a string: the key order is part of the contract
  expect(JSON.stringify(report)).toBe(JSON.stringify(working()));
  expect(secrets.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: SECRET_ARN }]);
});

test('answers a load balancer event with the same report as the JSON body', async () => {
  const res = await probe.handler({ requestContext: { elb: { targetGroupArn: 'arn' } }, httpMethod: 'GET', path: '/' });
  expect(res).toEqual(expect.objectContaining({ statusCode: 200, headers: { 'content-type': 'application/json' } }));
  expect(JSON.parse(res.body)).toEqual(working());
});

test('reports a route to the internet (what internetEgress, or NAT meant for another function, would give)', async () => {
  const outside = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  process.env.PROBE_INTERNET_PORT = String((outside.address() as net.AddressInfo).port);
  try {
    const report = await probe.handler({});
    expect(report.internet).toEqual({ refused: false, errors: [`internet: a connection to 127.0.0.1:${process.env.PROBE_INTERNET_PORT} opened (the function has a route to the internet)`] });
  } finally {
    await new Promise<void>((resolve) => outside.close(() => resolve()));
  }
});

test('reports a secret it may not read', async () => {
  secrets.reset();
  secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
  const report = await probe.handler({});
  expect(report.database).toEqual(expect.objectContaining({ secretReadable: false, secretMatchesEnv: false, postgresTls: true }));
  expect(report.database.errors).toEqual(['secret: AccessDeniedException: not authorized']);
});

test('reports a secret that points at another database', async () => {
  process.env.DB_NAME = 'other';
  const report = await probe.handler({});
  expect(report.database).toEqual(expect.objectContaining({ secretReadable: true, secretMatchesEnv: false }));
  expect(report.database.errors).toEqual([expect.stringContaining('differ from the environment')]);
});

test('reports a database port nothing listens on (what a missing security group rule looks like)', async () => {
  const closed = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
  });
  process.env.DB_PORT = String(closed);
  const report = await probe.handler({});
  expect(report.database.postgresTls).toBe(false);
  expect(report.database.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^postgres: .*ECONNREFUSED/)]));
});

test('reports a server that does not speak PostgreSQL TLS', async () => {
  const sockets: net.Socket[] = [];
  const notPostgres = net.createServer((socket) => { sockets.push(socket); socket.once('data', () => socket.end('N')); });
  await new Promise<void>((resolve) => notPostgres.listen(0, '127.0.0.1', resolve));
  try {
    const port = (notPostgres.address() as net.AddressInfo).port;
    process.env.DB_PORT = String(port);
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ host: '127.0.0.1', port, dbname: 'app' }) });
    const report = await probe.handler({});
    expect(report.database).toEqual(expect.objectContaining({ secretMatchesEnv: true, postgresTls: false, errors: ["postgres: SSLRequest answered 'N'"] }));
  } finally {
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => notPostgres.close(() => resolve()));
  }
}, 10_000);

test('reports the variables the block did not set (a function without a database)', async () => {
  delete process.env.DB_HOST;
  delete process.env.DB_PORT;
  delete process.env.DB_NAME;
  delete process.env.DB_SECRET_ARN;
  delete process.env.DB_CA_BUNDLE_PATH;
  const report = await probe.handler({});
  expect(report.database).toEqual({
    env: { DB_HOST: false, DB_PORT: null, DB_NAME: null, DB_SECRET_ARN: false, DB_CA_BUNDLE_PATH: null },
    secretReadable: false,
    secretMatchesEnv: false,
    postgresTls: false,
    postgresTlsVerified: false,
    errors: ['env: DB_HOST is not set', 'env: DB_PORT is not set', 'env: DB_NAME is not set', 'env: DB_SECRET_ARN is not set', 'env: DB_CA_BUNDLE_PATH is not set'],
  });
  expect(secrets.calls()).toHaveLength(0);
});

test('reports a server certificate the CA bundle does not verify (a server of another CA, or a man in the middle)', async () => {
  // the real RDS bundle against the local server, whose certificate another CA signed
  process.env.DB_CA_BUNDLE_PATH = RDS_CAS;
  const report = await probe.handler({});
  expect(report.database).toEqual(expect.objectContaining({ postgresTls: true, postgresTlsVerified: false }));
  expect(report.database.errors).toEqual([expect.stringMatching(/^postgres: the certificate does not verify against DB_CA_BUNDLE_PATH: /)]);
});

test('reports a CA bundle path the function cannot read (a missing layer)', async () => {
  process.env.DB_CA_BUNDLE_PATH = path.join(caDir, 'missing.pem');
  const report = await probe.handler({});
  expect(report.database).toEqual(expect.objectContaining({ postgresTls: true, postgresTlsVerified: false }));
  expect(report.database.errors).toEqual([`postgres: the certificate does not verify against DB_CA_BUNDLE_PATH: cannot read ${process.env.DB_CA_BUNDLE_PATH}: ENOENT`]);
});
