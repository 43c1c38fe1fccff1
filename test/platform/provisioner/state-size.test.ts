// Nothing uncatchable at any fleet size: the synthesized workflows run in aws-local-stepfunctions
// with realistic payloads, and the largest state (input or output of any state, measured at every
// transition from the interpreter's event log) must stay far below Step Functions' 256 KiB, whose
// excess fails an execution with States.DataLimitExceeded, which no Catch handles.
import * as fs from 'fs';
import * as path from 'path';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  LocalDynamo, LocalWorkflows, TenantBehaviour, createRegistryTable, devSpec, jsonSize, provisionerStack, startDynalite, testConfig,
} from './support';
import { readPlatformFile } from '../../../examples/platform/config';
import { buildTenantApp } from '../../../examples/platform/platform';
import { Registry, marshallItem } from '../../../src/platform/provisioner/registry.lambda-shared';
import { WAVE_PAGE_SIZE } from '../../../src/platform/provisioner/rollout-store.lambda-shared';

/** Step Functions' limit on a state's input or output. */
const LIMIT = 256 * 1024;
/** What "far below" means here: a quarter of the limit. */
const FAR_BELOW = LIMIT / 4;

let dynamo: LocalDynamo;
let stack: Stack;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  stack = provisionerStack().stack;
});
afterAll(async () => dynamo.close());

async function setup(behaviour: (tenantId: string) => TenantBehaviour, extra: Partial<ConstructorParameters<typeof LocalWorkflows>[0]> = {}) {
  const tableName = `size-${++tables}`;
  await createRegistryTable(dynamo.client, tableName, stack);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName);
  const workflows = new LocalWorkflows({ stack, registry, client: dynamo.client, config, behaviour, ...extra });
  return { registry, config, workflows, tableName };
}

/** The example platform app's PRODUCTION tenant `acme`, synthesized as the build would: its template body as CloudFormation keeps it. */
function exampleProductionTemplate(): string {
  const examples = path.join(__dirname, '..', '..', '..', 'examples', 'platform');
  const context = JSON.parse(fs.readFileSync(path.join(examples, 'cdk.context.json'), 'utf8'));
  const file = readPlatformFile(undefined, 'acme');
  const app = new App({ context });
  const tenantStack = buildTenantApp(app, file.platform, file.tenants[0], 'external-id-for-the-state-size-test-0123456789');
  // The CLI uploads the assembly's file: JSON with one-space indentation.
  return JSON.stringify(Template.fromStack(tenantStack).toJSON(), null, 1);
}

/** A page of 100 stack events as CloudFormation lists them after a DELETE_FAILED: each carries its resource's properties. */
function deleteFailedEvents(template: string, since: Date): Array<Record<string, unknown>> {
  const resources = Object.entries(JSON.parse(template).Resources as Record<string, any>);
  return Array.from({ length: 100 }, (_, i) => {
    const [logicalId, resource] = resources[i % resources.length];
    const failed = i === 99;
    return {
      StackId: 'arn:aws:cloudformation:us-east-1:210987654321:stack/Tenant-acme/1c2d3e4f-5a6b-7c8d-9e0f-112233445566',
      EventId: `${logicalId}-DELETE-${i}-2f8a4c9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b`,
      StackName: 'Tenant-acme',
      LogicalResourceId: failed ? 'DatabaseCluster' : logicalId,
      PhysicalResourceId: `${logicalId.toLowerCase()}-physical-id-0123456789abcdef`,
      ResourceType: failed ? 'AWS::RDS::DBCluster' : resource.Type,
      Timestamp: new Date(since.getTime() + (100 - i) * 1000).toISOString(),
      ResourceStatus: failed ? 'DELETE_FAILED' : 'DELETE_COMPLETE',
      ...(failed ? { ResourceStatusReason: `Cannot delete protected Cluster, please disable deletion protection and try again. ${'(Service: Rds, Status Code: 400, Request ID: 5f1c) '.repeat(30)}` } : {}),
      ResourceProperties: JSON.stringify(resource.Properties ?? {}),
      ClientRequestToken: 'Console-DeleteStack-2f8a4c9e-1b3d-4e5f-8a7b-9c0d1e2f3a4b',
    };
  });
}

describe('an operation keeps templates, events and drifts out of its state', () => {
  test('destroying the example app\'s PRODUCTION tenant with a page of stack events after DELETE_FAILED: the largest state stays far below 256 KiB', async () => {
    const template = exampleProductionTemplate();
    const resourceCount = Object.keys(JSON.parse(template).Resources).length;
    expect(resourceCount).toBeGreaterThan(150);
    // What the state held before: the template alone, escaped into the state, was ~80% of the limit.
    expect(jsonSize({ template: { TemplateBody: template } })).toBeGreaterThan(180 * 1024);
    const started = new Date();
    // The deletion's events come after the operation started (the build runs first).
    const events = deleteFailedEvents(template, new Date(started.getTime() + 60_000));
    expect(jsonSize({ StackEvents: events })).toBeGreaterThan(60 * 1024);

    const { registry, workflows } = await setup(() => ({
      templateBody: template,
      events,
      buildFails: 'Error: The stack named Tenant-acme is in a failed state. You may need to delete it from the AWS console : DELETE_FAILED',
      stackStatus: 'DELETE_FAILED',
      stackStatusReason: 'The following resource(s) failed to delete: [DatabaseCluster].',
    }));
    const now = started.toISOString();
    const spec = { ...devSpec('acme'), tier: 'PRODUCTION' };
    await registry.createTenant({
      tenantId: 'acme',
      account: '210987654321',
      region: 'us-east-1',
      tier: 'PRODUCTION',
      spec,
      version: 1,
      release: '1.0.0',
      state: 'SUSPENDED',
      externalId: 'external-id-of-acme',
      createdAt: now,
      updatedAt: now,
      deployedVersion: 1,
      deployedRelease: '1.0.0',
      lockOperationId: 'op-destroy',
      lockExpiresAt: '2999-01-01T00:00:00.000Z',
    } as any);
    await registry.putOperation({
      operationId: 'op-destroy', tenantId: 'acme', type: 'DESTROY', status: 'PENDING', requestedBy: 'test', requestedAt: now, specVersion: 1, release: '1.0.0', changes: [],
    } as any);

    await workflows.runOperation({ operationId: 'op-destroy', tenantId: 'acme', type: 'DESTROY' }).catch((e) => e);

    const op = (await registry.getOperation('op-destroy'))!;
    expect(op.status).toBe('FAILED');
    expect(op.reason).toMatch(/^DatabaseCluster \(AWS::RDS::DBCluster\) DELETE_FAILED: Cannot delete protected Cluster/);
    const retained = op.outcome!.retained as Array<Record<string, unknown>>;
    expect(retained.length).toBeGreaterThan(0);
    expect(retained).toContainEqual(expect.objectContaining({ type: 'AWS::KMS::Key' }));
    expect((await registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
    // eslint-disable-next-line no-console
    console.log(`destroy of a ${resourceCount}-resource PRODUCTION tenant (template ${Math.round(template.length / 1024)} KiB): largest state ${workflows.log.largestState.size} bytes at ${workflows.log.largestState.state}`);
    expect(workflows.log.largestState.size).toBeLessThan(FAR_BELOW);
  });

  test('drift detection that is still running (no StackDriftStatus yet) is polled, not a States.Runtime failure', async () => {
    const { registry, workflows } = await setup(() => ({
      driftStatuses: [
        { DetectionStatus: 'DETECTION_IN_PROGRESS' },
        { DetectionStatus: 'DETECTION_IN_PROGRESS' },
        { DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'DRIFTED', DriftedStackResourceCount: 1 },
      ],
    }));
    const now = new Date().toISOString();
    await registry.createTenant({
      tenantId: 'acme',
      account: '210987654321',
      region: 'us-east-1',
      tier: 'DEVELOPMENT',
      spec: devSpec('acme'),
      version: 1,
      release: '1.0.0',
      state: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
      deployedVersion: 1,
      deployedRelease: '1.0.0',
      lockOperationId: 'op-drift',
      lockExpiresAt: '2999-01-01T00:00:00.000Z',
    } as any);
    await registry.putOperation({
      operationId: 'op-drift', tenantId: 'acme', type: 'DRIFT', status: 'PENDING', requestedBy: 'test', requestedAt: now, specVersion: 1, release: '1.0.0', changes: [],
    } as any);
    await workflows.runOperation({ operationId: 'op-drift', tenantId: 'acme', type: 'DRIFT' });
    const op = (await registry.getOperation('op-drift'))!;
    expect(op).toMatchObject({ status: 'SUCCEEDED', outcome: { drift: { status: 'DRIFTED', driftedResourceCount: 1 } } });
    expect(workflows.log.states.filter((s) => s === 'DriftDetectionStatus')).toHaveLength(3);
    expect((await registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
  });
});

describe('a rollout keeps its plan and results out of its state', () => {
  /** Writes `count` ACTIVE tenants straight into the table (25 per batch, as the registry stores them). */
  async function fleet(tableName: string, count: number): Promise<string[]> {
    const now = new Date().toISOString();
    const ids = Array.from({ length: count }, (_, i) => `tenant-${String(i + 1).padStart(5, '0')}`);
    for (let i = 0; i < ids.length; i += 25) {
      await dynamo.client.send(new BatchWriteItemCommand({
        RequestItems: {
          [tableName]: ids.slice(i, i + 25).map((tenantId) => ({
            PutRequest: {
              Item: marshallItem({
                pk: `TENANT#${tenantId}`,
                sk: '#TENANT',
                gsi1pk: 'TENANTS',
                gsi1sk: tenantId,
                tenantId,
                account: '210987654321',
                region: 'us-east-1',
                tier: 'DEVELOPMENT',
                spec: devSpec(tenantId),
                deployedSpec: devSpec(tenantId),
                version: 1,
                release: '1.0.0',
                state: 'ACTIVE',
                createdAt: now,
                updatedAt: now,
                deployedVersion: 1,
                deployedRelease: '1.0.0',
                incarnation: 1,
              }),
            },
          })),
        },
      }));
    }
    return ids;
  }

  test('5,000 tenants, 500 of them failing with long causes: 10% under a 20% tolerance: the rollout goes through, every result is counted, the largest state stays far below 256 KiB', async () => {
    const failing = new Set(Array.from({ length: 500 }, (_, i) => `tenant-${String(i * 10 + 3).padStart(5, '0')}`));
    // The cause Step Functions reports for a failed child execution: its whole description, input included.
    const cause = (tenantId: string) => JSON.stringify({
      ExecutionArn: `arn:aws:states:us-east-1:111111111111:execution:Operations:${tenantId}`,
      Input: JSON.stringify({ tenantId, type: 'DEPLOY' }),
      Error: 'OperationFailed',
      Cause: `AppFunction (AWS::Lambda::Function) UPDATE_FAILED: ${'Resource handler returned message: "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit." '.repeat(20)}`,
    });
    const { registry, workflows, tableName } = await setup(() => ({}), {
      fastChild: (tenantId) => (failing.has(tenantId) ? { status: 'FAILED', cause: cause(tenantId) } : { status: 'SUCCEEDED' }),
    });
    const ids = await fleet(tableName, 5000);
    await registry.putRollout({
      rolloutId: 'r-fleet',
      release: '2.0.0',
      status: 'PENDING',
      requestedBy: 'test',
      createdAt: new Date().toISOString(),
      request: {
        release: '2.0.0',
        canaries: [],
        canaryPercent: 1,
        waveSize: 0,
        maxConcurrency: 50,
        toleratedFailurePercentage: 20,
        approvalBetweenWaves: false,
        respectMaintenanceWindows: false,
      },
    } as any);
    const result = await workflows.runRollout({ rolloutId: 'r-fleet' });
    expect(result).toMatchObject({ rolloutId: 'r-fleet', status: 'SUCCEEDED' });

    const rollout = (await registry.getRollout('r-fleet'))! as any;
    // 10% failed, 20% tolerated: the rollout went through both waves (50 canaries, then 4,950 in pages of WAVE_PAGE_SIZE).
    expect(rollout.resultCounts).toEqual({ attempted: 5000, failed: 500, succeeded: 4500, skipped: 0 });
    expect(rollout.failurePercentage).toBe(10);
    expect(rollout.failures.length).toBeLessThanOrEqual(20);
    expect(rollout.failures[0].reason.length).toBeLessThanOrEqual(500);
    expect(workflows.log.states.filter((s) => s === 'ReadWavePage')).toHaveLength(1 + Math.ceil((ids.length - 50) / WAVE_PAGE_SIZE));
    // eslint-disable-next-line no-console
    console.log(`rollout of ${ids.length} tenants, ${failing.size} failing: largest state ${workflows.log.largestState.size} bytes at ${workflows.log.largestState.state}`);
    expect(workflows.log.largestState.size).toBeLessThan(FAR_BELOW);
  }, 600_000);
});
