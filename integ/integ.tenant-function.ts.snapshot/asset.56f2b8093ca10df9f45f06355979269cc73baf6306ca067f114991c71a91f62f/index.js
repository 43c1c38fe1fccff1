// Probe handler for the TenantFunction integ test (and its unit test): proves that the function a
// TenantPostgres was wired into can use it, with nothing but Node.js and the AWS SDK v3 that the
// nodejs24.x runtime provides (no dependency to bundle).
//
// It answers direct invocations with the report below, and the load balancer (an ALB event) with
// the same report as the JSON body. The report is deterministic when everything works (no host
// names, ARNs or timings in it), so a test can compare it as a whole; `errors` only appears when
// a check failed, and says which and why.
//
//   env                 DB_HOST, DB_PORT, DB_NAME, DB_SECRET_ARN and DB_CA_BUNDLE_PATH are set by the block
//   secretReadable      the function role may read (and decrypt) the app user's secret
//   secretMatchesEnv    the secret's host, port and dbname are the ones in the environment
//   postgresTls         a TCP connection to DB_HOST:DB_PORT opens (security groups allow it) and the
//                       server answers PostgreSQL's SSLRequest with 'S' (a TLS-capable PostgreSQL)
//   postgresTlsVerified the TLS handshake that follows verifies the server's certificate against the
//                       CA bundle at DB_CA_BUNDLE_PATH (the block's layer) and the host name DB_HOST
//   dataBucket          readWrite: the role may put, get and delete an object of DATA_BUCKET_NAME
//                       (the tenant key through S3, with the bucket's encryption context);
//                       versionDeletionDenied: deleting an object version is refused (AccessDenied)
//   internet            refused: a TCP connection to a public host on 443 (PROBE_INTERNET_HOST,
//                       default checkip.amazonaws.com) does not open within 3 s: a function without
//                       internetEgress has no route out (the default)
const fs = require('fs');
const net = require('net');
const tls = require('tls');

const SSL_REQUEST_CODE = 80877103;
const CONNECT_TIMEOUT_MS = Number(process.env.PROBE_TIMEOUT_MS ?? 10000);

/**
 * Sends PostgreSQL's SSLRequest and resolves with the one-byte answer ('S' or 'N'); after an 'S'
 * and given a CA file, also with the outcome of a TLS handshake that verifies the server's
 * certificate against those CAs and the host name (what `sslmode=verify-full` does).
 */
function sslRequest(host, port, caFile) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port: Number(port) });
    const fail = (e) => { socket.destroy(); reject(e); };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(new Error(`no answer from ${host}:${port} within ${CONNECT_TIMEOUT_MS} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => {
      const request = Buffer.alloc(8);
      request.writeInt32BE(8, 0);
      request.writeInt32BE(SSL_REQUEST_CODE, 4);
      socket.write(request);
    });
    socket.once('data', (data) => {
      const answer = String.fromCharCode(data[0]);
      if (answer !== 'S' || !caFile) {
        socket.destroy();
        resolve({ answer });
        return;
      }
      let ca;
      try {
        ca = fs.readFileSync(caFile);
      } catch (e) {
        socket.destroy();
        resolve({ answer, verifyError: `cannot read ${caFile}: ${e.code ?? e.message}` });
        return;
      }
      socket.removeAllListeners('error');
      socket.setTimeout(0);
      const secure = tls.connect({ socket, ca, host, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: true });
      const timer = setTimeout(() => { secure.destroy(); resolve({ answer, verifyError: `no TLS handshake within ${CONNECT_TIMEOUT_MS} ms` }); }, CONNECT_TIMEOUT_MS);
      secure.once('secureConnect', () => { clearTimeout(timer); secure.destroy(); resolve({ answer, verified: true }); });
      secure.once('error', (e) => { clearTimeout(timer); secure.destroy(); resolve({ answer, verifyError: `${e.code ?? e.name}: ${e.message}` }); });
    });
  });
}

async function readSecret(secretArn) {
  // Provided by the Lambda runtime (AWS SDK v3); resolved from the repository's node_modules in tests.
  const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  return JSON.parse(out.SecretString ?? '{}');
}

async function probeDatabase() {
  const { DB_HOST, DB_PORT, DB_NAME, DB_SECRET_ARN, DB_CA_BUNDLE_PATH } = process.env;
  const errors = [];
  const report = {
    env: { DB_HOST: Boolean(DB_HOST), DB_PORT: DB_PORT ?? null, DB_NAME: DB_NAME ?? null, DB_SECRET_ARN: Boolean(DB_SECRET_ARN), DB_CA_BUNDLE_PATH: DB_CA_BUNDLE_PATH ?? null },
    secretReadable: false,
    secretMatchesEnv: false,
    postgresTls: false,
    postgresTlsVerified: false,
  };
  for (const [name, value] of Object.entries({ DB_HOST, DB_PORT, DB_NAME, DB_SECRET_ARN, DB_CA_BUNDLE_PATH })) {
    if (!value) errors.push(`env: ${name} is not set`);
  }
  if (DB_SECRET_ARN) {
    try {
      const secret = await readSecret(DB_SECRET_ARN);
      report.secretReadable = true;
      report.secretMatchesEnv = secret.host === DB_HOST && String(secret.port) === DB_PORT && secret.dbname === DB_NAME;
      if (!report.secretMatchesEnv) {
        errors.push(`secret: host/port/dbname ${secret.host}:${secret.port}/${secret.dbname} differ from the environment ${DB_HOST}:${DB_PORT}/${DB_NAME}`);
      }
    } catch (e) {
      errors.push(`secret: ${e.name}: ${e.message}`);
    }
  }
  if (DB_HOST && DB_PORT) {
    try {
      const { answer, verified, verifyError } = await sslRequest(DB_HOST, DB_PORT, DB_CA_BUNDLE_PATH);
      report.postgresTls = answer === 'S';
      report.postgresTlsVerified = verified === true;
      if (!report.postgresTls) errors.push(`postgres: SSLRequest answered '${answer}'`);
      if (verifyError) errors.push(`postgres: the certificate does not verify against DB_CA_BUNDLE_PATH: ${verifyError}`);
    } catch (e) {
      errors.push(`postgres: ${e.message}`);
    }
  }
  return errors.length > 0 ? { ...report, errors } : report;
}

/** The four S3 calls of the bucket check; tests replace it (`exports.dataBucketClient`). */
function s3Client() {
  // Provided by the Lambda runtime (AWS SDK v3).
  const { S3Client, PutObjectCommand, GetObjectCommand, DeleteObjectCommand } = require('@aws-sdk/client-s3');
  const client = new S3Client({});
  return {
    put: async (Bucket, Key, Body) => (await client.send(new PutObjectCommand({ Bucket, Key, Body }))).VersionId,
    get: async (Bucket, Key) => (await client.send(new GetObjectCommand({ Bucket, Key }))).Body.transformToString(),
    delete: async (Bucket, Key, VersionId) => client.send(new DeleteObjectCommand({ Bucket, Key, VersionId })),
  };
}

async function probeDataBucket() {
  const bucket = process.env.DATA_BUCKET_NAME;
  const report = { readWrite: false, versionDeletionDenied: false };
  const errors = [];
  if (!bucket) return { ...report, errors: ['env: DATA_BUCKET_NAME is not set'] };
  const s3 = exports.dataBucketClient ?? s3Client();
  const key = `probe/${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let versionId;
  try {
    versionId = await s3.put(bucket, key, 'probe');
    const body = await s3.get(bucket, key);
    await s3.delete(bucket, key);
    report.readWrite = body === 'probe';
    if (!report.readWrite) errors.push(`dataBucket: read back '${body}' instead of 'probe'`);
  } catch (e) {
    errors.push(`dataBucket: ${e.name}: ${e.message}`);
  }
  if (versionId) {
    try {
      await s3.delete(bucket, key, versionId);
      errors.push('dataBucket: an object version could be deleted (s3:DeleteObjectVersion must be denied)');
    } catch (e) {
      report.versionDeletionDenied = e.name === 'AccessDenied';
      if (!report.versionDeletionDenied) errors.push(`dataBucket: deleting a version failed with ${e.name}, not AccessDenied`);
    }
  }
  return errors.length > 0 ? { ...report, errors } : report;
}

/** Resolves true when a TCP connection to host:443 cannot be opened (no route, refused, timeout). */
function connectionRefused(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (refused) => { socket.destroy(); resolve(refused); };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('error', () => done(true));
    socket.once('connect', () => done(false));
  });
}

async function probeInternet() {
  const host = process.env.PROBE_INTERNET_HOST ?? 'checkip.amazonaws.com';
  const port = Number(process.env.PROBE_INTERNET_PORT ?? 443);
  const refused = await connectionRefused(host, port, Number(process.env.PROBE_INTERNET_TIMEOUT_MS ?? 3000));
  return refused ? { refused } : { refused, errors: [`internet: a connection to ${host}:${port} opened (the function has a route to the internet)`] };
}

exports.handler = async (event) => {
  const report = {
    message: 'hello from TenantFunction',
    tenant: process.env.TENANT_ID ?? 'unknown',
    database: await probeDatabase(),
    dataBucket: await probeDataBucket(),
    internet: await probeInternet(),
  };
  if (event && event.requestContext && event.requestContext.elb) {
    return { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) };
  }
  return report;
};
