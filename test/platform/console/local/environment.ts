/* eslint-disable import/no-extraneous-dependencies */
/**
 * The console's local environment, shared by the local server (`console:local`) and the browser
 * tests: the REAL backend handler (`handleConsoleRequest`) with the provisioner's REAL API handler
 * and registry code on dynalite, the hub's REAL per-tenant queries on a local PostgreSQL, tokens
 * from a local key pair verified by aws-jwt-verify; seeded with the example app's tenants
 * (examples/platform/tenants.json), their history, a rollout, alarms and log lines.
 *
 * What is simulated: the operation workflow (Step Functions + CodeBuild + CloudFormation). A started
 * operation goes RUNNING, then SUCCEEDED after `deploySeconds` (or FAILED with a CloudFormation
 * reason when the spec asks for `database.maxCapacity: 128` in DEVELOPMENT, to show a failure),
 * recorded and unlocked with the registry's own calls, as the workflow's Record step does.
 */
import { AddressInfo } from 'net';
import * as path from 'path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LocalLogQueryEngine, SeedEvent, SeedLogLine } from './pg-engine';
import { LocalIssuer, LocalUser } from './tokens';
import { ConsoleDependencies } from '../../../../src/platform/console/console-api.lambda-shared';
import { ApiDependencies } from '../../../../src/platform/provisioner/api.lambda-shared';
import { ProvisionerConfig } from '../../../../src/platform/provisioner/config.lambda-shared';
import { OperationRecord, Registry, RolloutRecord, TenantRecord } from '../../../../src/platform/provisioner/registry.lambda-shared';

/** The example app's tenants file. */
export const EXAMPLE_TENANTS = path.join(__dirname, '..', '..', '..', '..', 'examples', 'platform', 'tenants.json');
/** One password for every local user (local only: nothing here is a secret). */
export const LOCAL_PASSWORD = 'Local-console-1!';
/** The platform operator's role that created the tenants in the seeded history. */
export const OPERATOR_ROLE = 'arn:aws:iam::111111111111:role/platform/operator';

/** The seeded users: per tenant an editor and a viewer, and one platform operator. */
export function localUsers(tenantIds: string[]): LocalUser[] {
  const users: LocalUser[] = [];
  const people = [['dana', 'victor'], ['gina', 'walter'], ['ivan', 'xena']];
  tenantIds.forEach((t, i) => {
    const [editor, viewer] = people[i % people.length];
    const domain = `${t.split('-')[0]}.example`;
    users.push({ email: `${editor}@${domain}`, password: LOCAL_PASSWORD, tenant: t, role: 'editor' });
    users.push({ email: `${viewer}@${domain}`, password: LOCAL_PASSWORD, tenant: t, role: 'viewer' });
  });
  users.push({ email: 'olivia@platform.example', password: LOCAL_PASSWORD, role: 'operator' });
  return users;
}

/** Options of {@link startLocalEnvironment}. */
export interface LocalEnvironmentOptions {
  /** Seconds a simulated deployment takes. @default 2 */
  readonly deploySeconds?: number;
  /** Bytes one log query may scan. @default 1 GiB */
  readonly maxBytesScanned?: number;
}

/** A running local environment. */
export interface LocalEnvironment {
  readonly deps: ConsoleDependencies;
  readonly registry: Registry;
  readonly dynamo: DynamoDBClient;
  readonly issuer: LocalIssuer;
  readonly engine: LocalLogQueryEngine;
  readonly users: LocalUser[];
  readonly tenants: TenantRecord[];
  /** Operations the simulated workflow is running. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const TABLE = 'tenant-registry';

async function startDynalite(): Promise<{ client: DynamoDBClient; close: () => Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return { client, close: async () => { client.destroy(); await new Promise<void>((r) => server.close(() => r())); } };
}

/** The registry table's key schema (registry.lambda-shared.ts: pk/sk and the one index gsi1). */
async function createRegistryTable(client: DynamoDBClient): Promise<void> {
  const attrs = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
  await client.send(new CreateTableCommand({
    TableName: TABLE,
    AttributeDefinitions: attrs.map((a) => ({ AttributeName: a, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }));
}

/** The provisioner handler settings of the local environment. */
export function localConfig(accounts: string[]): ProvisionerConfig {
  // The code-push role of the tenant accounts (a setting of newer provisioner configs), spread so
  // that the object type-checks whether the config has the field yet or not.
  const codePush = { codePushRoleName: 'tenant-blocks/tenant-blocks-code-push-hnb659fds' };
  return {
    ...codePush,
    tableName: TABLE,
    operationStateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:OperationWorkflow',
    rolloutStateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:RolloutWorkflow',
    region: 'us-east-1',
    partition: 'aws',
    defaultRelease: '1.4.0',
    tenantAccountIds: accounts,
    qualifier: 'hnb659fds',
    lockTtlSeconds: 9 * 86400,
    defaultMaxConcurrency: 10,
    defaultToleratedFailurePercentage: 0,
  };
}

/** Starts dynalite, PostgreSQL and the token issuer, and seeds them. */
export async function startLocalEnvironment(options: LocalEnvironmentOptions = {}): Promise<LocalEnvironment> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const specs = (require(EXAMPLE_TENANTS) as { tenants: Array<Record<string, unknown>> }).tenants;
  const accounts = specs.map((s) => String(s.account));
  const dynamo = await startDynalite();
  await createRegistryTable(dynamo.client);
  const registry = new Registry(dynamo.client, TABLE);
  const engine = await LocalLogQueryEngine.create(accounts);
  const issuer = new LocalIssuer();
  const config = localConfig(accounts);
  const running = new Set<Promise<void>>();
  const deployMs = (options.deploySeconds ?? 2) * 1000;

  const provisioner: ApiDependencies = {
    registry,
    config,
    workflows: {
      startExecution: async (_arn, _name, input) => {
        const p = simulateOperation(registry, String(input.operationId), deployMs).catch((e) => console.error('simulated workflow failed', e));
        running.add(p);
        void p.finally(() => running.delete(p));
      },
      sendTaskSuccess: async () => undefined,
    },
  };
  const tenants = await seed(registry, engine, specs);
  const deps: ConsoleDependencies = {
    provisioner,
    dynamo: dynamo.client,
    verifier: issuer.verifier(),
    logs: engine,
    federatedTenants: { 'acme-okta': 'acme' },
    maxBytesScanned: options.maxBytesScanned ?? 1024 ** 3,
    pollIntervalMs: 50,
  };
  return {
    deps,
    registry,
    dynamo: dynamo.client,
    issuer,
    engine,
    users: localUsers(tenants.map((t) => t.tenantId)),
    tenants,
    settle: async () => { while (running.size > 0) await Promise.all([...running]); },
    close: async () => {
      await Promise.all([...running]);
      await engine.close();
      await dynamo.close();
    },
  };
}

async function simulateOperation(registry: Registry, operationId: string, deployMs: number): Promise<void> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(Math.min(300, deployMs / 4));
  const started = new Date();
  const op = await registry.updateOperation(operationId, ['PENDING'], { status: 'RUNNING', startedAt: started.toISOString() });
  await sleep(deployMs);
  const tenant = await registry.getTenant(op.tenantId);
  const db = (tenant?.spec.database ?? {}) as Record<string, unknown>;
  const fails = tenant?.tier === 'DEVELOPMENT' && db.maxCapacity === 128;
  const finished = new Date();
  const durationSeconds = Math.round((finished.getTime() - started.getTime()) / 1000);
  const stackName = `Tenant-${op.tenantId}`;
  if (fails) {
    const reason = 'DatabaseCluster (AWS::RDS::DBCluster) UPDATE_FAILED: The maximum capacity 128 exceeds the account quota for Aurora Serverless v2 ACUs (Service: Rds, Status Code: 400)';
    await registry.updateOperation(operationId, ['RUNNING'], {
      status: 'FAILED',
      finishedAt: finished.toISOString(),
      durationSeconds,
      reason,
      outcome: { stackName, stackStatus: 'UPDATE_ROLLBACK_COMPLETE', reason, failedResources: [{ logicalId: 'DatabaseCluster', type: 'AWS::RDS::DBCluster', status: 'UPDATE_FAILED', reason }] },
    });
    await registry.unlockTenant(op.tenantId, operationId, { lastStackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
    return;
  }
  await registry.updateOperation(operationId, ['RUNNING'], {
    status: 'SUCCEEDED', finishedAt: finished.toISOString(), durationSeconds, outcome: { stackName, stackStatus: 'UPDATE_COMPLETE' },
  });
  await registry.unlockTenant(op.tenantId, operationId, { deployedVersion: op.specVersion, deployedRelease: op.release, lastStackStatus: 'UPDATE_COMPLETE' });
}

/** Log groups of a tenant as its blocks name them (function, database, network). */
export function logGroupsOf(tenantId: string): string[] {
  return [`/aws/lambda/Tenant-${tenantId}-AppHandler`, `/aws/rds/cluster/tenant-${tenantId}-db/postgresql`, `/tenant-blocks/${tenantId}/vpc-flow-logs`];
}

async function seed(registry: Registry, engine: LocalLogQueryEngine, specs: Array<Record<string, unknown>>): Promise<TenantRecord[]> {
  const now = Date.now();
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const day = 86_400_000;
  const tenants: TenantRecord[] = [];
  let n = 0;
  const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const rolloutId = '7f1c2a9e-0000-4000-8000-000000000001';
  for (const spec of specs) {
    const tenantId = String(spec.tenantId);
    const editor = `console:${localUsers([tenantId])[0].email}@${tenantId}`;
    const ops: OperationRecord[] = [
      { operationId: id(), tenantId, type: 'CREATE', status: 'SUCCEEDED', requestedBy: OPERATOR_ROLE, requestedAt: at(30 * day), startedAt: at(30 * day - 5000), finishedAt: at(30 * day - 1_260_000), durationSeconds: 1255, specVersion: 1, release: '1.3.0', changes: [{ path: 'tier', to: spec.tier }], outcome: { stackName: `Tenant-${tenantId}`, stackStatus: 'CREATE_COMPLETE' } },
      { operationId: id(), tenantId, type: 'UPDATE', status: 'SUCCEEDED', requestedBy: editor, requestedAt: at(6 * day), startedAt: at(6 * day - 3000), finishedAt: at(6 * day - 410_000), durationSeconds: 407, specVersion: 2, release: '1.3.0', changes: [{ path: 'database.maxCapacity', from: 2, to: (spec.database as Record<string, unknown> | undefined)?.maxCapacity ?? 2 }], outcome: { stackName: `Tenant-${tenantId}`, stackStatus: 'UPDATE_COMPLETE' } },
      { operationId: id(), tenantId, type: 'DEPLOY', status: 'SUCCEEDED', requestedBy: `rollout:${rolloutId}`, rolloutId, requestedAt: at(1 * day), startedAt: at(1 * day - 2000), finishedAt: at(1 * day - 600_000), durationSeconds: 598, specVersion: 2, release: '1.4.0', changes: [{ path: '(release)', from: '1.3.0', to: '1.4.0' }], outcome: { stackName: `Tenant-${tenantId}`, stackStatus: 'UPDATE_COMPLETE' } },
    ];
    for (const op of ops) await registry.putOperation(op);
    const tenant = {
      tenantId,
      account: String(spec.account),
      region: 'us-east-1',
      tier: String(spec.tier),
      spec,
      version: 2,
      release: '1.4.0',
      state: 'ACTIVE',
      externalId: 'local',
      createdAt: at(30 * day),
      updatedAt: at(1 * day),
      lastOperationId: ops[2].operationId,
      lastStackStatus: 'UPDATE_COMPLETE',
      deployedVersion: 2,
      deployedRelease: '1.4.0',
      logGroups: logGroupsOf(tenantId),
    } as TenantRecord;
    await registry.createTenant(tenant);
    tenants.push(tenant);
  }
  const rollout: RolloutRecord = {
    rolloutId,
    release: '1.4.0',
    status: 'RUNNING',
    requestedBy: OPERATOR_ROLE,
    createdAt: at(1 * day + 60_000),
    request: { release: '1.4.0', canaryPercent: 10, waveSize: 2 },
    waves: [
      { index: 0, tenants: [tenants[2]?.tenantId ?? tenants[0].tenantId], status: 'DONE' },
      { index: 1, tenants: tenants.slice(0, 2).map((t) => t.tenantId), status: 'RUNNING' },
    ],
  };
  await registry.putRollout(rollout);
  const lines: SeedLogLine[] = [];
  const events: SeedEvent[] = [];
  for (const t of tenants) {
    const [fn, db] = logGroupsOf(t.tenantId);
    for (let i = 0; i < 60; i++) {
      const time = new Date(now - i * 7 * 60_000 - 30_000);
      lines.push({ account: t.account, logGroup: fn, time, message: i % 10 === 3 ? `ERROR ${t.tenantId}: payment provider timed out after 3000 ms (request ${1000 + i})` : `INFO ${t.tenantId}: GET /orders/${100 + i} 200 ${12 + (i % 7)} ms` });
    }
    for (let i = 0; i < 10; i++) {
      lines.push({ account: t.account, logGroup: db, time: new Date(now - i * 45 * 60_000 - 90_000), message: `${t.tenantId} LOG:  checkpoint complete: wrote ${40 + i} buffers` });
    }
    events.push({ account: t.account, time: new Date(now - 3 * day), detailType: 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', detail: { alarmName: `${t.tenantId}-database-cpu`, state: { value: 'ALARM', reason: 'Threshold Crossed: CPU above 80% for 3 datapoints' } } });
    events.push({ account: t.account, time: new Date(now - 3 * day + 1_800_000), detailType: 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', detail: { alarmName: `${t.tenantId}-database-cpu`, state: { value: 'OK', reason: 'Threshold no longer crossed' } } });
    events.push({ account: t.account, time: new Date(now - 2 * 3600_000), detailType: 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', detail: { alarmName: `${t.tenantId}-function-errors`, state: { value: t.tenantId === 'acme' ? 'ALARM' : 'OK', reason: t.tenantId === 'acme' ? 'Threshold Crossed: 12 errors in 5 minutes' : 'Threshold no longer crossed' } } });
  }
  await engine.addLogLines(lines);
  await engine.addEvents(events);
  return tenants;
}
