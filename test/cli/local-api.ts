/**
 * The local simulation the CLI is tested against: the REAL provisioner API handler, behind the
 * REAL scope authorization, on a real DynamoDB API (dynalite), served over HTTP on 127.0.0.1 by a
 * server that plays API Gateway: it checks the SigV4 signature of every request (as IAM
 * authorization does: a wrong secret is a 403), maps the access key to a principal, and builds the
 * proxy event. The workflows are simulated: an operation runs, then succeeds (or fails for tenants
 * named `doomed-*`; a change of a `slow-*` tenant takes a minute) and unlocks its tenant, as the
 * Record step does; a rollout waits for an
 * approval when asked to, then succeeds. A deploy records what the real Record step records: the
 * deployed spec, version and release, and the tenant's log groups.
 *
 * The developer loop (issue 23) adds two stand-ins behind the API's own interfaces: code pushes go
 * through the API's real `lambdaCodePushTarget` with a real `LambdaClient` whose endpoint is the
 * fake Lambda API (fake-lambda.ts), and log queries run on a local engine over seeded lines behind
 * the console's `LogQueryEngine` interface (local-logs.ts).
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { FakeLambda } from './fake-lambda';
import { LocalLogEngine } from './local-logs';
import { ApiEvent, handleApiRequest } from '../../src/platform/provisioner/api.lambda-shared';
import { lambdaCodePushTarget } from '../../src/platform/provisioner/code-push.lambda-shared';
import { GSI1 } from '../../src/platform/provisioner/config.lambda-shared';
import { tenantLogGroups } from '../../src/platform/provisioner/outcome.lambda-shared';
import { Registry } from '../../src/platform/provisioner/registry.lambda-shared';
import { authorizeApiRequest } from '../../src/platform/provisioner/scopes-api.lambda-shared';
import { AccessPolicy, ScopeRule } from '../../src/platform/provisioner/scopes.lambda-shared';
import { LocalDynamo, startDynalite, testConfig } from '../platform/provisioner/support';

/** Credentials the simulation knows, and the principal each one signs as. */
export interface LocalIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly principalArn: string;
}

/** The API's resources (as API Gateway declares them), without the stage. */
const RESOURCES = [
  '/tenants', '/tenants/{tenantId}', '/tenants/{tenantId}/operations', '/tenants/{tenantId}/drift',
  '/operations/{operationId}', '/rollouts', '/rollouts/{rolloutId}', '/rollouts/{rolloutId}/approval',
  '/tenants/{tenantId}/code', '/tenants/{tenantId}/logs', '/tenants/{tenantId}/logs/{queryId}',
];

/** The name of a tenant's app function in the simulation (what a TenantFunction deploys). */
export function functionNameOf(tenantId: string): string {
  return `tb-${tenantId}-app`;
}

/** The log groups the simulated Record step records for a tenant: its function's and its database's. */
export function logGroupsOf(tenantId: string): { function: string; database: string } {
  return { function: `/aws/lambda/${functionNameOf(tenantId)}`, database: `/aws/rds/cluster/tb-${tenantId}-db/postgresql` };
}

/**
 * The environment a `tenant-blocks` child process runs with against the local API: its endpoint, a
 * fast poll, and the caller's keys — the credential chain must find these, not a developer's profile.
 */
export function cliEnvironment(endpoint: string, who: LocalIdentity, dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TENANT_BLOCKS_ENDPOINT: endpoint,
    TENANT_BLOCKS_POLL_MS: '50',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: who.accessKeyId,
    AWS_SECRET_ACCESS_KEY: who.secretAccessKey,
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** What DescribeStacks answers for a deployed tenant: the manifest output with its log groups (and entries that are not log groups). */
function manifestStackOf(tenantId: string): Record<string, unknown> {
  const groups = logGroupsOf(tenantId);
  const manifest = {
    'tier': 'DEVELOPMENT',
    'network/flow-log-group-name': `/tenant-blocks/${tenantId}/flow-logs`,
    'database/Database/log-group-name': groups.database,
    'function/App/function-arn': `arn:aws:lambda:us-east-1:123456789012:function:${functionNameOf(tenantId)}:live`,
    'function/App/log-group-name': groups.function,
  };
  const outputKey = `TenantManifest${tenantId.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`;
  return { Stacks: [{ StackName: `Tenant-${tenantId}`, Outputs: [{ OutputKey: outputKey, OutputValue: JSON.stringify(manifest) }] }] };
}

/** The developer loop's stand-ins. */
export interface LocalApiOptions {
  /** Where code pushes go: the API's real `lambdaCodePushTarget` with a LambdaClient on this fake. @default - none (the route answers 501) */
  readonly lambda?: FakeLambda;
  /** Where log queries run. @default - none (the log routes answer 501) */
  readonly logs?: LocalLogEngine;
  /** Pause between two reads of a function's update status in the push, ms. @default - the API's default (500) */
  readonly pushPollMs?: number;
}
const STAGE = '/v1';
const REGION = 'us-east-1';

/** A running simulation. */
export interface LocalApi {
  readonly endpoint: string;
  readonly registry: Registry;
  /** Every request the server received: method, path, the principal, the status it answered. */
  readonly requests: Array<{ method: string; path: string; principal?: string; status: number; idempotencyKey?: string }>;
  close(): Promise<void>;
}

/** Starts dynalite, the registry table and the HTTP server. */
export async function startLocalApi(
  scopes: ScopeRule[], identities: LocalIdentity[], accounts: string[], options: LocalApiOptions = {},
): Promise<LocalApi> {
  const dynamo: LocalDynamo = await startDynalite();
  const tableName = 'cli-registry';
  await createRegistryTableLike(dynamo.client, tableName);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName, { tenantAccountIds: accounts });
  const policy = new AccessPolicy(scopes);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => Promise<unknown>) => {
    const t = setTimeout(() => { timers.delete(t); void fn().catch((e) => console.error('simulated workflow', e)); }, ms);
    timers.add(t);
  };
  const approvals = new Map<string, (output: Record<string, unknown>) => void>();

  const workflows = {
    async startExecution(arn: string, name: string, input: Record<string, unknown>) {
      if (arn.endsWith('RolloutWorkflow')) return simulateRollout(name);
      const tenantId = String(input.tenantId);
      later(150, () => registry.updateOperation(name, ['PENDING'], { status: 'RUNNING', startedAt: new Date().toISOString() }));
      // a change of a `slow-*` tenant runs for a minute: a test can meet a tenant with an operation in flight
      later(tenantId.startsWith('slow-') && input.type === 'UPDATE' ? 60_000 : 400, async () => {
        const fails = tenantId.startsWith('doomed-');
        const type = String(input.type);
        await registry.updateOperation(name, ['RUNNING'], fails
          ? {
            status: 'FAILED',
            finishedAt: new Date().toISOString(),
            durationSeconds: 1,
            reason: 'Resource handler returned message: "The maximum number of VPCs has been reached."',
            outcome: { stackName: `Tenant-${tenantId}`, stackStatus: 'ROLLBACK_COMPLETE', failedResources: [{ logicalResourceId: 'NetworkVpc', resourceType: 'AWS::EC2::VPC', reason: 'VpcLimitExceeded' }] },
          }
          : { status: 'SUCCEEDED', finishedAt: new Date().toISOString(), durationSeconds: 1, outcome: { stackName: `Tenant-${tenantId}`, stackStatus: 'UPDATE_COMPLETE' } });
        const next: Record<string, 'ACTIVE' | 'SUSPENDED' | 'DESTROYED'> = { CREATE: 'ACTIVE', RESUME: 'ACTIVE', SUSPEND: 'SUSPENDED', DESTROY: 'DESTROYED' };
        const state = fails || next[type] === undefined ? {} : { state: next[type] };
        // What the Record step writes after a successful deploy: what is now deployed.
        const tenant = await registry.getTenant(tenantId);
        const deployed = !fails && tenant && (type === 'CREATE' || type === 'UPDATE')
          ? {
            deployedSpec: tenant.spec,
            deployedVersion: tenant.version,
            deployedRelease: tenant.release,
            // the workflow's own parser over what CloudFormation's DescribeStacks answers: the
            // tenant's manifest output (a TenantManifest<Tenant> key, JSON entries), as a real deploy has it
            logGroups: tenantLogGroups(manifestStackOf(tenantId)),
          } : {};
        await registry.unlockTenant(tenantId, name, { ...state, ...deployed } as Record<string, unknown>);
      });
    },
    async sendTaskSuccess(token: string, output: Record<string, unknown>) {
      approvals.get(token)?.(output);
    },
  };

  async function simulateRollout(rolloutId: string): Promise<void> {
    const rollout = (await registry.getRollout(rolloutId))!;
    later(100, async () => {
      await registry.updateRollout(rolloutId, { status: 'RUNNING', waves: [{ tenants: 1 }, { tenants: 2 }] });
      if (rollout.request.approvalBetweenWaves !== true) {
        later(300, () => registry.updateRollout(rolloutId, {
          status: 'SUCCEEDED', finishedAt: new Date().toISOString(), results: [{ tenantId: 'a', status: 'SUCCEEDED' }, { tenantId: 'b', status: 'SKIPPED' }],
        }));
        return;
      }
      const token = `token-${rolloutId}`;
      approvals.set(token, (output) => later(100, () => registry.updateRollout(rolloutId, output.approved
        ? { status: 'SUCCEEDED', finishedAt: new Date().toISOString(), results: [{ tenantId: 'a', status: 'SUCCEEDED' }] }
        : { status: 'STOPPED', finishedAt: new Date().toISOString(), reason: `wave 1 denied by ${String(output.approvedBy)}` })));
      await registry.updateRollout(rolloutId, { status: 'AWAITING_APPROVAL', approvalToken: token, awaitingApprovalForWave: 1 });
    });
  }

  const fake = options.lambda;
  // The API's real push, with a real SDK client on the fake Lambda API (one client per tenant account, as the real clientFor assumes a role per account)
  const codePush = fake ? lambdaCodePushTarget(
    (account) => new LambdaClient({ region: REGION, endpoint: fake.endpoint, credentials: fake.credentialsFor(account) }),
    options.pushPollMs !== undefined ? { pollIntervalMs: options.pushPollMs } : {},
  ) : undefined;
  const logs = options.logs ? { engine: options.logs } : undefined;
  const requests: LocalApi['requests'] = [];
  const byKey = new Map(identities.map((i) => [i.accessKeyId, i]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void serve(req, body).then(({ status, payload, principal }) => {
        requests.push({ method: req.method!, path: req.url!, principal, status, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload);
      });
    });
  });

  async function serve(req: http.IncomingMessage, body: string): Promise<{ status: number; payload: string; principal?: string }> {
    const identity = await verifySignature(req, body, byKey);
    if (typeof identity === 'string') return { status: 403, payload: JSON.stringify({ message: identity }) };
    const url = new URL(req.url!, 'http://127.0.0.1');
    if (!url.pathname.startsWith(`${STAGE}/`)) return { status: 403, payload: JSON.stringify({ message: 'Missing Authentication Token' }) };
    const match = matchResource(url.pathname.slice(STAGE.length));
    if (!match) return { status: 403, payload: JSON.stringify({ message: 'Missing Authentication Token' }) };
    const event: ApiEvent = {
      resource: match.resource,
      httpMethod: req.method!,
      path: url.pathname,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
      pathParameters: match.params,
      queryStringParameters: url.searchParams.size > 0 ? Object.fromEntries(url.searchParams.entries()) : null,
      body: body || null,
      requestContext: { identity: { userArn: identity.principalArn } },
    };
    const result = await authorizeApiRequest(event, { registry, config, workflows, codePush, logs }, policy, handleApiRequest);
    return { status: result.statusCode, payload: result.body, principal: identity.principalArn };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}${STAGE}`,
    registry,
    requests,
    async close() {
      for (const t of timers) clearTimeout(t);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dynamo.close();
    },
  };
}

/**
 * The registry table's keys and index, as the registry module documents them (pk/sk, gsi1pk/gsi1sk).
 * Not read from the synthesized provisioner: these tests are about access, and must not depend on
 * the provisioner construct synthesizing (its own tests check the table against the registry).
 */
export async function createRegistryTableLike(client: DynamoDBClient, tableName: string): Promise<void> {
  const s = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  await client.send(new CreateTableCommand({
    TableName: tableName,
    AttributeDefinitions: [s('pk'), s('sk'), s('gsi1pk'), s('gsi1sk')],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [{
      IndexName: GSI1,
      KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }],
  }));
}

function matchResource(path: string): { resource: string; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const resource of RESOURCES) {
    const tpl = resource.split('/').filter(Boolean);
    if (tpl.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (tpl.every((t, i) => (t.startsWith('{') ? (params[t.slice(1, -1)] = decodeURIComponent(parts[i]), true) : t === parts[i]))) return { resource, params };
  }
  return undefined;
}

/** Recomputes the SigV4 signature with the caller's secret, as IAM authorization does; a string is the refusal. */
async function verifySignature(req: http.IncomingMessage, body: string, identities: Map<string, LocalIdentity>): Promise<LocalIdentity | string> {
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/execute-api\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'Missing Authentication Token';
  const [, keyId, , region, signedHeaders, signature] = m;
  const identity = identities.get(keyId);
  if (!identity) return 'The security token included in the request is invalid.';
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const url = new URL(req.url!, 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const h of signedHeaders.split(';')) headers[h] = String(req.headers[h]);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => { query[k] = v; });
  const signer = new SignatureV4({ service: 'execute-api', region, credentials: identity, sha256: Sha256 });
  const expected = await signer.sign({
    method: req.method!, protocol: 'http:', hostname: '127.0.0.1', path: url.pathname, query, headers: { ...headers }, body: body || undefined,
  }, { signingDate });
  const got = /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization))?.[1];
  if (region !== REGION || got !== signature) return 'The request signature we calculated does not match the signature you provided.';
  return identity;
}
