// The synthesized state machine definitions, validated by asl-validator and executed by an
// independent ASL interpreter (aws-local-stepfunctions): Lambda steps run the real handler code
// against a real DynamoDB API (dynalite), DynamoDB tasks run against dynalite, CodeBuild and
// CloudFormation answer as each scenario says. The API handler starts the runs, as in AWS.
import { DeleteParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CALLER, LocalDynamo, failureOf, LocalWorkflows, TenantBehaviour, createRegistryTable, definitionOf, devSpec,
  PLATFORM_ENV, TENANT_ACCOUNTS, provisionerStack, startDynalite, testConfig,
} from './support';
import { ApiEvent, ApiResult, handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { ProvisionerConfig } from '../../../src/platform/provisioner/config.lambda-shared';
import { Registry, TenantRecord } from '../../../src/platform/provisioner/registry.lambda-shared';
import { StackReader, runStateMachineStep } from '../../../src/platform/provisioner/state-machines.lambda-shared';
import { memoryExternalIdStore, ssmExternalIdStore } from '../../../src/platform/provisioner/workflow-external-id.lambda-shared';
import { WorkflowDependencies, externalIdStoreOf, runStep } from '../../../src/platform/provisioner/workflow.lambda-shared';

/** The store the workflow steps use when their dependencies name none (the local runs): in memory. */
const externalIds = externalIdStoreOf({} as any) as ReturnType<typeof memoryExternalIdStore>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const validateAsl = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };

let dynamo: LocalDynamo;
let stack: Stack;
let tableCount = 0;
/** No stack is read by the abandoned-execution handlers. */
const noStacks = (): StackReader => { throw new Error('no stack reads expected'); };

beforeAll(async () => {
  dynamo = await startDynalite();
  stack = provisionerStack().stack;
});
afterAll(async () => dynamo.close());

interface World {
  readonly registry: Registry;
  readonly config: ProvisionerConfig;
  readonly workflows: LocalWorkflows;
  call(method: string, resource: string, params?: Record<string, string>, body?: unknown): Promise<ApiResult & { json: any }>;
}

async function world(
  behaviour: (tenantId: string) => TenantBehaviour = () => ({}),
  extra: { now?: () => Date; approve?: (wave: number) => boolean; failRecord?: boolean } = {},
): Promise<World> {
  const tableName = `registry-${++tableCount}`;
  await createRegistryTable(dynamo.client, tableName, stack);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName);
  const workflows = new LocalWorkflows({
    stack, registry, client: dynamo.client, config, behaviour, now: extra.now, approve: extra.approve, failRecord: extra.failRecord,
  });
  return {
    registry,
    config,
    workflows,
    async call(method, resource, params = {}, body) {
      const event: ApiEvent = {
        resource,
        httpMethod: method,
        pathParameters: params,
        body: body === undefined ? null : JSON.stringify(body),
        requestContext: { identity: { userArn: CALLER } },
      };
      const result = await handleApiRequest(event, { registry, config, workflows: workflows.starter(), now: extra.now });
      return { ...result, json: JSON.parse(result.body) };
    },
  };
}

async function activeTenant(registry: Registry, tenantId: string, release = '1.0.0'): Promise<void> {
  const now = new Date().toISOString();
  const spec = devSpec(tenantId);
  const tenant: TenantRecord = {
    tenantId,
    account: String(spec.account),
    region: 'us-east-1',
    tier: 'DEVELOPMENT',
    spec,
    version: 1,
    release,
    state: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
    deployedVersion: 1,
    deployedRelease: release,
    externalId: `external-id-of-${tenantId}`,
  };
  await registry.createTenant(tenant);
}

describe('the synthesized definitions', () => {
  test.each([['operation', 'ProvisionerOperationWorkflow'], ['rollout', 'ProvisionerRolloutWorkflow']])('the %s workflow passes asl-validator', (_name, prefix) => {
    const definition = definitionOf(stack, prefix);
    const result = validateAsl(JSON.parse(JSON.stringify(definition)));
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  test('asl-validator rejects a definition with a dangling transition (the check can fail)', () => {
    const definition = definitionOf(stack, 'ProvisionerOperationWorkflow');
    definition.States.Begin.Next = 'NoSuchState';
    expect(validateAsl(definition).isValid).toBe(false);
  });

  test('every Task state of the operation workflow has a timeout and a Catch, except the last-resort DynamoDB writes', () => {
    const definition = definitionOf(stack, 'ProvisionerOperationWorkflow');
    const tasks = Object.entries(definition.States as Record<string, any>).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(10);
    for (const [name, state] of tasks) {
      if (name !== 'ForceUnlock' && name !== 'ForceFailOperation') expect([name, state.TimeoutSeconds ?? state.TimeoutSecondsPath]).toEqual([name, expect.anything()]);
      expect([name, (state.Catch ?? []).length]).toEqual([name, 1]);
    }
    expect(definition.TimeoutSeconds).toBe(8 * 86400);
  });

  test('the rollout runs each wave as a Distributed Map with concurrency and tolerated failure from the request', () => {
    const definition = definitionOf(stack, 'ProvisionerRolloutWorkflow');
    expect(definition.States.RunWave).toMatchObject({
      Type: 'Map',
      MaxConcurrencyPath: '$.plan.maxConcurrency',
      ToleratedFailurePercentagePath: '$.plan.toleratedFailurePercentage',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    });
    expect(definition.States.RunWave.ItemProcessor.States.DeployTenant.Resource).toBe('arn:aws:states:::states:startExecution.sync:2');
  });
});

describe('operations run by the local interpreter', () => {
  test('create: the build gets exactly the tenant spec, deploy role and external id parameter, the operation SUCCEEDED, the tenant is ACTIVE and unlocked', async () => {
    const w = await world(() => ({ stackStatus: 'CREATE_COMPLETE' }));
    const spec = devSpec('acme');
    const created = await w.call('POST', '/tenants', {}, { spec });
    expect(created.statusCode).toBe(201);
    await w.workflows.settle();

    const op = (await w.registry.getOperation(created.json.operation.operationId))!;
    expect(op).toMatchObject({ type: 'CREATE', status: 'SUCCEEDED', requestedBy: CALLER, outcome: { stackName: 'Tenant-acme', stackStatus: 'CREATE_COMPLETE' } });
    expect(op.durationSeconds).toBeGreaterThanOrEqual(0);
    const tenant = (await w.registry.getTenant('acme'))!;
    expect(tenant).toMatchObject({ state: 'ACTIVE', version: 1, deployedVersion: 1, deployedRelease: '1.0.0', lastStackStatus: 'CREATE_COMPLETE' });
    expect(tenant.lockOperationId).toBeUndefined();
    expect(w.workflows.log.builds).toEqual([expect.objectContaining({
      OPERATION: 'deploy',
      TENANT_ID: 'acme',
      TENANT_STACK_NAME: 'Tenant-acme',
      TENANT_ACCOUNT: '210987654321',
      TENANT_REGION: 'us-east-1',
      DEPLOY_ROLE_ARN: 'arn:aws:iam::210987654321:role/cdk-hnb659fds-deploy-role-210987654321-us-east-1',
      RELEASE: '1.0.0',
      // The name of the SecureString parameter (PARAMETER_STORE), never the id itself.
      TENANT_EXTERNAL_ID: '/tenant-blocks/hnb659fds/external-id/210987654321/acme',
    })]);
    expect(JSON.parse(w.workflows.log.builds[0].TENANT_SPEC_JSON)).toEqual(spec);
    // Written by the workflow before the build, from the registry; never in a build's input or the workflow's state.
    expect(externalIds.values.get('/tenant-blocks/hnb659fds/external-id/210987654321/acme')).toBe(tenant.externalId);
    expect(tenant.externalId).toMatch(/^[0-9a-f]{48}$/);
    expect(JSON.stringify(w.workflows.log.builds)).not.toContain(tenant.externalId);
    expect(JSON.stringify(w.workflows.log.dynamo)).not.toContain(tenant.externalId);
    expect(w.workflows.log.events).toEqual([expect.objectContaining({ Source: 'tenant-blocks.provisioner', DetailType: 'Tenant Operation Finished' })]);
    expect(w.workflows.log.events[0].Detail).toMatchObject({ tenantId: 'acme', status: 'SUCCEEDED', type: 'CREATE' });
  });

  test('a failed deployment: the operation is FAILED with CloudFormation\'s real reason, the tenant is unlocked, the execution fails', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const w = await world((id) => (id === 'acme' ? {
      buildFails: 'Error while executing command: npx cdk deploy. Reason: exit status 1',
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      stackStatusReason: null as unknown as string,
      events: [
        { LogicalResourceId: 'Tenant-acme', ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE', Timestamp: new Date(Date.now() + 3000).toISOString() },
        { LogicalResourceId: 'AppFunction', ResourceType: 'AWS::Lambda::Function', ResourceStatus: 'UPDATE_FAILED', ResourceStatusReason: 'Resource update cancelled', Timestamp: new Date(Date.now() + 2000).toISOString() },
        { LogicalResourceId: 'DatabaseCluster', ResourceType: 'AWS::RDS::DBCluster', ResourceStatus: 'UPDATE_FAILED', ResourceStatusReason: 'The requested DB cluster capacity 300 exceeds the maximum (Service: Rds, Status Code: 400)', Timestamp: new Date(Date.now() + 1000).toISOString() },
        { LogicalResourceId: 'Old', ResourceType: 'AWS::SQS::Queue', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'from an earlier operation', Timestamp: '2020-01-01T00:00:00.000Z' },
      ],
    } : { stackStatus: 'CREATE_COMPLETE' }));
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    expect(changed.statusCode).toBe(202);
    const [result] = await w.workflows.settle();
    expect(failureOf(result)).toBe('OperationFailed');

    const op = (await w.registry.getOperation(changed.json.operation.operationId))!;
    expect(op.status).toBe('FAILED');
    expect(op.reason).toBe('DatabaseCluster (AWS::RDS::DBCluster) UPDATE_FAILED: The requested DB cluster capacity 300 exceeds the maximum (Service: Rds, Status Code: 400)');
    expect(op.changes).toEqual([{ path: 'database.maxCapacity', from: 2, to: 4 }]);
    expect(op.outcome).toMatchObject({
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      build: { buildStatus: 'FAILED', reason: 'BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: npx cdk deploy. Reason: exit status 1' },
    });
    expect((op.outcome!.failedResources as unknown[]).map((f: any) => f.logicalId)).toEqual(['DatabaseCluster', 'AppFunction']);
    expect(op.startedAt! >= started).toBe(true);
    const tenant = (await w.registry.getTenant('acme'))!;
    expect(tenant.lockOperationId).toBeUndefined();
    expect(tenant).toMatchObject({ version: 2, deployedVersion: 1, lastStackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
    expect(w.workflows.log.events[0].Detail).toMatchObject({ status: 'FAILED', reason: op.reason });

    // Unlocked: the next change is accepted.
    expect((await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 3 } } })).statusCode).toBe(202);
    await w.workflows.settle();
  });

  test('a change while an operation is in flight answers 409 and changes nothing; after it, the change goes through', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const w = await world(() => ({ gate }));
    await activeTenant(w.registry, 'acme');
    const first = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    expect(first.statusCode).toBe(202);
    await waitFor(() => w.workflows.log.builds.length === 1);

    const second = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 8 } } });
    expect(second.statusCode).toBe(409);
    expect(second.json.message).toMatch(/operation in flight|holds its lock/);
    const during = (await w.registry.getTenant('acme'))!;
    expect(during).toMatchObject({ version: 2, lockOperationId: first.json.operation.operationId });
    expect((during.spec.database as any).maxCapacity).toBe(4);
    expect((await w.call('GET', '/tenants/{tenantId}', { tenantId: 'acme' })).json.tenant.operationInFlight).toBe(first.json.operation.operationId);

    release();
    await w.workflows.settle();
    const third = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 8 } } });
    expect(third.statusCode).toBe(202);
    await w.workflows.settle();
    const history = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' });
    expect(history.json.operations.map((o: any) => o.status)).toEqual(['SUCCEEDED', 'REJECTED', 'SUCCEEDED']);
  });

  test('a tenant outside its maintenance window waits until the window starts', async () => {
    // Monday 2026-11-23 10:00 UTC; the window is sun:03:00-sun:03:30.
    const monday = new Date('2026-11-23T10:00:00.000Z');
    const w = await world(() => ({}), { now: () => monday });
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } }, inMaintenanceWindow: true });
    expect(changed.statusCode).toBe(202);
    await w.workflows.settle();
    expect(w.workflows.log.waits).toEqual([{ state: 'WaitForWindow', input: expect.objectContaining({ inWindow: false, startAt: '2026-11-29T03:00:00.000Z', window: 'sun:03:00-sun:03:30' }) }]);
    const order = w.workflows.log.states;
    expect(order.indexOf('WaitForWindow')).toBeGreaterThan(order.indexOf('NextWindow'));
    expect(order.indexOf('Build')).toBeGreaterThan(order.indexOf('WaitForWindow'));
  });

  test('a tenant inside its maintenance window does not wait', async () => {
    const sunday = new Date('2026-11-29T03:10:00.000Z');
    const w = await world(() => ({}), { now: () => sunday });
    await activeTenant(w.registry, 'acme');
    await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } }, inMaintenanceWindow: true });
    await w.workflows.settle();
    expect(w.workflows.log.states).toContain('NextWindow');
    expect(w.workflows.log.states).not.toContain('WaitForWindow');
    expect(w.workflows.log.builds).toHaveLength(1);
  });

  test('destroying a PRODUCTION tenant: confirm and suspend first; the outcome lists what CloudFormation keeps', async () => {
    const w = await world(() => ({ noStack: true }));
    const now = new Date().toISOString();
    const spec = { ...devSpec('globex'), tier: 'PRODUCTION' };
    await w.registry.createTenant({ tenantId: 'globex', account: '210987654321', region: 'us-east-1', tier: 'PRODUCTION', spec, version: 1, release: '1.0.0', state: 'ACTIVE', createdAt: now, updatedAt: now, externalId: 'external-id-of-globex' });

    const unconfirmed = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json.problems).toEqual(['confirm: destroying a PRODUCTION tenant needs "confirm": "globex" (got: null)']);
    const notSuspended = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' }, { confirm: 'globex' });
    expect(notSuspended.statusCode).toBe(409);
    expect((await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'globex' }, { state: 'SUSPENDED' })).statusCode).toBe(200);

    const destroyed = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'globex' }, { confirm: 'globex' });
    expect(destroyed.statusCode).toBe(202);
    await w.workflows.settle();
    const op = (await w.registry.getOperation(destroyed.json.operation.operationId))!;
    expect(op).toMatchObject({ type: 'DESTROY', status: 'SUCCEEDED', outcome: { stackStatus: 'NOT_FOUND' } });
    expect(op.outcome!.retained).toEqual([
      { logicalId: 'DatabaseCluster', type: 'AWS::RDS::DBCluster', policy: 'Snapshot' },
      { logicalId: 'Key', type: 'AWS::KMS::Key', policy: 'Retain' },
    ]);
    expect(w.workflows.log.builds[0]).toMatchObject({ OPERATION: 'destroy', TENANT_EXTERNAL_ID: '/tenant-blocks/hnb659fds/external-id/210987654321/globex' });
    // The stack is gone: so is the build's copy of the external id (the registry keeps it).
    expect(externalIds.values.has('/tenant-blocks/hnb659fds/external-id/210987654321/globex')).toBe(false);
    expect((await w.registry.getTenant('globex'))!.state).toBe('DESTROYED');
    // A destroyed tenant answers GET with its state (its history stays readable), never 410.
    const gone = await w.call('GET', '/tenants/{tenantId}', { tenantId: 'globex' });
    expect([gone.statusCode, gone.json.tenant.state]).toEqual([200, 'DESTROYED']);
  });

  test('drift: CloudFormation drift detection runs with the observer role and the differing properties are recorded', async () => {
    const w = await world(() => ({ stackStatus: 'UPDATE_COMPLETE' }));
    await activeTenant(w.registry, 'acme');
    const drift = await w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' });
    expect(drift.statusCode).toBe(202);
    await w.workflows.settle();
    const op = (await w.registry.getOperation(drift.json.operation.operationId))!;
    expect(op).toMatchObject({ type: 'DRIFT', status: 'SUCCEEDED' });
    expect(op.outcome!.drift).toEqual({
      status: 'DRIFTED',
      driftedResourceCount: 1,
      resources: [{ logicalId: 'DatabaseCluster', type: 'AWS::RDS::DBCluster', status: 'MODIFIED', differences: [{ path: '/BackupRetentionPeriod', expected: '7', actual: '1', kind: 'NOT_EQUAL' }] }],
    });
    expect(w.workflows.log.builds).toEqual([]);
    expect((await w.registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
  });

  test('a tenant without an external id in the registry is not built (its link would get a new one): FAILED with the reason, unlocked', async () => {
    const w = await world(() => ({ stackStatus: 'UPDATE_COMPLETE' }));
    await activeTenant(w.registry, 'acme');
    const { externalId: _dropped, ...withoutId } = (await w.registry.getTenant('acme'))!;
    await w.registry.createTenant({ ...withoutId, tenantId: 'initech', spec: devSpec('initech'), deployedSpec: devSpec('initech') } as TenantRecord);
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'initech' }, { settings: { database: { maxCapacity: 4 } } });
    expect(changed.statusCode).toBe(202);
    await w.workflows.settle();
    const op = (await w.registry.getOperation(changed.json.operation.operationId))!;
    expect([op.status, op.reason]).toEqual(['FAILED', expect.stringContaining("tenant 'initech' has no link external id in the registry")]);
    expect(w.workflows.log.builds).toEqual([]);
    expect((await w.registry.getTenant('initech'))!.lockOperationId).toBeUndefined();
  });

  test.each(TENANT_ACCOUNTS)('a build of a tenant in account %s runs with that account\'s build role, the one the construct creates (StartBuild serviceRoleOverride)', async (account) => {
    const w = await world();
    const spec = devSpec(`t${account}`, { account });
    await w.registry.createTenant({
      tenantId: `t${account}`,
      account,
      region: 'us-east-1',
      tier: 'DEVELOPMENT',
      spec,
      deployedSpec: spec,
      version: 1,
      release: '1.0.0',
      state: 'ACTIVE',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      deployedVersion: 1,
      deployedRelease: '1.0.0',
      externalId: 'x'.repeat(48),
    });
    const { registry, config } = w;
    await registry.putOperation({
      operationId: `op-${account}`,
      tenantId: `t${account}`,
      incarnation: 1,
      type: 'UPDATE',
      status: 'PENDING',
      requestedBy: CALLER,
      requestedAt: new Date().toISOString(),
      specVersion: 1,
      release: '1.0.0',
      changes: [],
      scheduled: true,
    });
    const ctx = await runStep({ action: 'begin', input: { operationId: `op-${account}`, tenantId: `t${account}` } }, { registry, config });
    const expected = `arn:aws:iam::${PLATFORM_ENV.account}:role/tenant-blocks/build/tenant-blocks-build-${account}-us-east-1`;
    expect(ctx).toMatchObject({ buildRoleArn: expected, observerRoleArn: `arn:aws:iam::${account}:role/tenant-blocks-observer-us-east-1` });
    expect(JSON.stringify(ctx)).not.toContain('x'.repeat(48));
    // The construct's role of that account has exactly that path and name.
    const roles = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role')).map((r) => `arn:aws:iam::${PLATFORM_ENV.account}:role${r.Properties.Path ?? '/'}${r.Properties.RoleName}`);
    expect(roles).toContain(expected);
  });

  test('when recording the outcome fails, the workflow marks the operation FAILED and unlocks the tenant straight in DynamoDB', async () => {
    const w = await world(() => ({}), { failRecord: true });
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    const [result] = await w.workflows.settle();
    expect(failureOf(result)).toBe('RecordingFailed');
    const op = (await w.registry.getOperation(changed.json.operation.operationId))!;
    expect(op.status).toBe('FAILED');
    expect(op.reason).toMatch(/^the workflow could not record its outcome: /);
    expect((await w.registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
  });
});

describe('an execution that ends without its Catch paths', () => {
  test('a timed-out or stopped execution is recorded as FAILED and its tenant unlocked; a finished operation is left alone', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const w = await world(() => ({ gate }));
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    const operationId = changed.json.operation.operationId;
    await waitFor(() => w.workflows.log.builds.length === 1);
    // What EventBridge delivers for the execution (rule AbandonedOperations): its name is the operation id.
    const out = await runStep({ action: 'abandoned', detail: { name: operationId, status: 'TIMED_OUT' } }, { registry: w.registry, config: w.config });
    expect(out).toEqual({ operationId, recorded: true, unlocked: true });
    expect((await w.registry.getOperation(operationId))!).toMatchObject({ status: 'FAILED', reason: 'the workflow execution timed out before it recorded an outcome' });
    expect((await w.registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
    release();
    await w.workflows.settle();
    // The late Record changes neither the finished operation nor another operation's lock.
    expect((await w.registry.getOperation(operationId))!.status).toBe('FAILED');
    const again = await runStep({ action: 'abandoned', detail: { name: operationId, status: 'ABORTED' } }, { registry: w.registry, config: w.config });
    expect(again).toEqual({ operationId, recorded: false, unlocked: false });
  });
});

describe('an execution that ends uncatchably (FAILED without its Catch paths)', () => {
  test('an operation whose execution FAILED before recording (e.g. States.DataLimitExceeded) is recorded and its tenant unlocked', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const w = await world(() => ({ gate }));
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    const operationId = changed.json.operation.operationId;
    await waitFor(() => w.workflows.log.builds.length === 1);
    // What EventBridge delivers through the AbandonedOperations rule, which now matches FAILED too.
    const out = await runStateMachineStep(
      { action: 'abandoned', detail: { name: operationId, status: 'FAILED', error: 'States.DataLimitExceeded' } },
      { registry: w.registry, config: w.config, client: dynamo.client, stacks: noStacks },
    );
    expect(out).toMatchObject({ operationId, recorded: true, unlocked: true });
    expect((await w.registry.getOperation(operationId))!).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/failed before it recorded an outcome/) });
    expect((await w.registry.getTenant('acme'))!.lockOperationId).toBeUndefined();
    release();
    await w.workflows.settle();
  });

  test('a FAILED execution that recorded its outcome (OperationFailed) is left as it is', async () => {
    const w = await world(() => ({ buildFails: 'exit status 1', stackStatus: 'UPDATE_ROLLBACK_COMPLETE', stackStatusReason: 'The following resource(s) failed to update: [App]' }));
    await activeTenant(w.registry, 'acme');
    const changed = await w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, { settings: { database: { maxCapacity: 4 } } });
    await w.workflows.settle();
    const operationId = changed.json.operation.operationId;
    const before = (await w.registry.getOperation(operationId))!;
    expect(before.status).toBe('FAILED');
    const out = await runStateMachineStep(
      { action: 'abandoned', detail: { name: operationId, status: 'FAILED' } },
      { registry: w.registry, config: w.config, client: dynamo.client, stacks: noStacks },
    );
    expect(out).toMatchObject({ recorded: false, unlocked: false });
    expect((await w.registry.getOperation(operationId))!.reason).toBe(before.reason);
  });

  test('a rollout stopped by hand (or failed uncatchably, or timed out) ends FAILED with the reason; a finished rollout is left alone', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const w = await world(() => ({ gate }), { approve: () => true });
    for (const id of ['tenant-01', 'tenant-02']) await activeTenant(w.registry, id);
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['tenant-01'], waveSize: 1 });
    const rolloutId = started.json.rollout.rolloutId;
    await waitFor(() => w.workflows.log.builds.length === 1);
    // What EventBridge delivers through the AbandonedRollouts rule when an operator stops the execution.
    const deps = { registry: w.registry, config: w.config, client: dynamo.client, stacks: noStacks };
    expect(await runStateMachineStep({ action: 'abandonedRollout', detail: { name: rolloutId, status: 'ABORTED' } }, deps)).toEqual({ rolloutId, recorded: true });
    const rollout = (await w.registry.getRollout(rolloutId))!;
    expect(rollout).toMatchObject({ status: 'FAILED', reason: 'the rollout execution was stopped before it recorded its end' });
    expect(rollout.finishedAt).toBeDefined();
    release();
    await w.workflows.settle();
    const ended = (await w.registry.getRollout(rolloutId))!;
    expect(await runStateMachineStep({ action: 'abandonedRollout', detail: { name: rolloutId, status: 'FAILED' } }, deps)).toEqual({ rolloutId, recorded: false });
    expect((await w.registry.getRollout(rolloutId))!.status).toBe(ended.status);
  });
});

describe('fleet rollouts run by the local interpreter', () => {
  const ids = Array.from({ length: 20 }, (_, i) => `tenant-${String(i + 1).padStart(2, '0')}`);

  test('20 tenants, 3 failing, 10% tolerated: the rollout stops after the wave that crossed the threshold', async () => {
    const failing = ['tenant-04', 'tenant-05', 'tenant-06'];
    const w = await world((id) => (failing.includes(id) ? { stackStatus: 'UPDATE_ROLLBACK_COMPLETE', stackStatusReason: 'The following resource(s) failed to update: [App]' } : {}));
    for (const id of ids) await activeTenant(w.registry, id);
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaryPercent: 10, waveSize: 5, maxConcurrency: 3, toleratedFailurePercentage: 10 });
    expect(started.statusCode).toBe(202);
    const [result] = await w.workflows.settle();
    expect(failureOf(result)).toBe('RolloutStopped');

    const built = w.workflows.log.builds.map((b) => b.TENANT_ID).sort();
    // wave 0: the canaries tenant-01, tenant-02; wave 1: tenant-03..07 (three fail); waves 2-4 never start.
    expect(built).toEqual(['tenant-01', 'tenant-02', 'tenant-03', 'tenant-04', 'tenant-05', 'tenant-06', 'tenant-07']);
    const rollout = (await w.registry.getRollout(started.json.rollout.rolloutId))!;
    expect(rollout.status).toBe('STOPPED');
    expect(rollout.reason).toBe('42.86% of the deployed tenants failed (3 of 7), more than the tolerated 10%: stopped after wave 1');
    expect(rollout.waves!.map((x: any) => x.status)).toEqual(['DONE', 'FAILED', 'PENDING', 'PENDING', 'PENDING']);
    expect((await w.registry.getTenant('tenant-04'))!).toMatchObject({ deployedRelease: '1.0.0' });
    expect((await w.registry.getTenant('tenant-03'))!).toMatchObject({ deployedRelease: '2.0.0', release: '2.0.0' });
    expect((await w.registry.getTenant('tenant-08'))!).toMatchObject({ deployedRelease: '1.0.0' });
    expect((await w.registry.getTenant('tenant-04'))!.lockOperationId).toBeUndefined();
    const op = (await w.registry.getOperation(`${rollout.rolloutId}-tenant-04`))!;
    expect(op).toMatchObject({ type: 'DEPLOY', status: 'FAILED', requestedBy: `rollout:${rollout.rolloutId}`, reason: 'UPDATE_ROLLBACK_COMPLETE: The following resource(s) failed to update: [App]' });
    expect(w.workflows.log.events.at(-1)).toMatchObject({ DetailType: 'Tenant Rollout Finished' });
  });

  test('tenants already on the release are skipped; a rollout without failures succeeds wave by wave', async () => {
    const w = await world();
    for (const id of ids.slice(0, 6)) await activeTenant(w.registry, id, id <= 'tenant-02' ? '2.0.0' : '1.0.0');
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['tenant-03'], waveSize: 2 });
    await w.workflows.settle();
    const rollout = (await w.registry.getRollout(started.json.rollout.rolloutId))!;
    expect(rollout).toMatchObject({ status: 'SUCCEEDED', skippedTenants: 2 });
    expect(rollout.waves!.map((x: any) => x.tenants)).toEqual([['tenant-03'], ['tenant-04', 'tenant-05'], ['tenant-06']]);
    expect(w.workflows.log.builds.map((b) => b.TENANT_ID).sort()).toEqual(['tenant-03', 'tenant-04', 'tenant-05', 'tenant-06']);
  });

  test('a tenant on the release that runs pushed code is deployed again (its release\'s code goes back, as the push answer says)', async () => {
    const w = await world();
    await activeTenant(w.registry, 'tenant-01', '2.0.0');
    await activeTenant(w.registry, 'template', '2.0.0');
    const t = (await w.registry.getTenant('template'))!;
    await w.registry.createTenant({
      ...t,
      tenantId: 'tenant-02',
      spec: devSpec('tenant-02'),
      deployedSpec: devSpec('tenant-02'),
      codePush: { sha256: 'a'.repeat(64), operationId: 'push-1', at: '2026-12-06T20:00:00.000Z' },
    } as TenantRecord);
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['tenant-02'], waveSize: 1 });
    await w.workflows.settle();
    const rollout = (await w.registry.getRollout(started.json.rollout.rolloutId))!;
    expect(rollout).toMatchObject({ status: 'SUCCEEDED', skippedTenants: 2 });
    expect(rollout.waves!.map((x: any) => x.tenants)).toEqual([['tenant-02']]);
    expect(w.workflows.log.builds.map((b) => b.TENANT_ID)).toEqual(['tenant-02']);
    expect((await w.registry.getOperation(`${rollout.rolloutId}-tenant-02`))!).toMatchObject({ status: 'SUCCEEDED' });
  });

  test('an approval between waves that is refused stops the rollout before the next wave', async () => {
    const w = await world(() => ({}), { approve: (wave) => wave < 2 });
    for (const id of ids.slice(0, 4)) await activeTenant(w.registry, id);
    const started = await w.call('POST', '/rollouts', {}, { release: '2.0.0', canaries: ['tenant-01'], waveSize: 1, approvalBetweenWaves: true });
    await w.workflows.settle();
    const rollout = (await w.registry.getRollout(started.json.rollout.rolloutId))!;
    expect(rollout.status).toBe('STOPPED');
    expect(rollout.reason).toBe(`the next wave was not approved by ${CALLER}`);
    expect(w.workflows.log.builds.map((b) => b.TENANT_ID)).toEqual(['tenant-01', 'tenant-02']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('after a deploy, the release\'s code replaces pushed code (issue 23 §2)', () => {
  /**
   * A tenant carrying a code push, locked by a RUNNING deploy; returns the deploy's context. With
   * `stoppedPush`, the push itself still holds an expired lock and its operation is RUNNING (its API
   * function was stopped before it answered).
   */
  async function pushedTenant(w: World, tenantId: string, restoreCode?: WorkflowDependencies['restoreCode'], stoppedPush = false): Promise<Record<string, unknown>> {
    await activeTenant(w.registry, tenantId);
    const t = (await w.registry.getTenant(tenantId))!;
    const id = `${tenantId}-pushed`;
    const pushedAt = '2026-12-06T20:00:00.000Z';
    const lock = stoppedPush ? { lockOperationId: 'push-1', lockExpiresAt: '2026-12-06T20:05:00.000Z' } : {};
    await w.registry.createTenant({ ...t, tenantId: id, spec: devSpec(id), deployedSpec: devSpec(id), codePush: { sha256: 'a'.repeat(64), operationId: 'push-1', at: pushedAt }, ...lock } as TenantRecord);
    if (stoppedPush) {
      await w.registry.putOperation({
        operationId: 'push-1',
        tenantId: id,
        incarnation: 1,
        type: 'CODE_PUSH',
        status: 'RUNNING',
        requestedBy: CALLER,
        requestedAt: pushedAt,
        startedAt: pushedAt,
        specVersion: 1,
        release: '1.0.0',
        changes: [],
      });
    }
    await w.registry.putOperation({
      operationId: `deploy-${id}`,
      tenantId: id,
      incarnation: 1,
      type: 'UPDATE',
      status: 'PENDING',
      requestedBy: CALLER,
      requestedAt: new Date().toISOString(),
      specVersion: 1,
      release: '1.0.0',
      changes: [],
      scheduled: true,
    });
    return runStep({ action: 'begin', input: { operationId: `deploy-${id}`, tenantId: id } }, { registry: w.registry, config: w.config, restoreCode });
  }
  const pushedTenantWith = (w: World, tenantId: string, restoreCode: WorkflowDependencies['restoreCode']) => pushedTenant(w, tenantId, restoreCode);
  const deployed = (context: Record<string, unknown>, status = 'UPDATE_COMPLETE') => ({
    action: 'record',
    state: { context, build: { Id: 'b', BuildStatus: status.endsWith('COMPLETE') && !status.includes('ROLLBACK') ? 'SUCCEEDED' : 'FAILED', Phases: [] }, stack: { Stacks: [{ StackStatus: status }] }, events: { StackEvents: [] } },
  });

  test('a successful deploy puts the release\'s code back, clears the mark and the operation says so', async () => {
    const w = await world();
    const ctx = await pushedTenant(w, 'acme');
    const restored: string[] = [];
    const out = await runStep(deployed(ctx), {
      registry: w.registry, config: w.config, restoreCode: async (t) => { restored.push(`${t.tenantId}@${t.account}`); return { codeSha256: 'b'.repeat(64) }; },
    });
    expect(out.status).toBe('SUCCEEDED');
    expect(restored).toEqual(['acme-pushed@210987654321']);
    const tenant = (await w.registry.getTenant('acme-pushed'))!;
    expect([tenant.codePush, tenant.lockOperationId]).toEqual([undefined, undefined]);
    const op = (await w.registry.getOperation('deploy-acme-pushed'))!;
    expect(op.outcome!.codePush).toEqual({ pushOperationId: 'push-1', pushedSha256: 'a'.repeat(64), pushedAt: '2026-12-06T20:00:00.000Z', restored: true, releaseSha256: 'b'.repeat(64) });
  });

  test('a restore that fails does not fail the deploy: the mark stays (the next deploy tries again) and the outcome says why', async () => {
    const w = await world();
    const ctx = await pushedTenant(w, 'acme');
    const out = await runStep(deployed(ctx), { registry: w.registry, config: w.config, restoreCode: async () => { throw new Error('AccessDenied: lambda:UpdateFunctionCode'); } });
    expect(out.status).toBe('SUCCEEDED');
    const tenant = (await w.registry.getTenant('acme-pushed'))!;
    expect([tenant.codePush?.operationId, tenant.lockOperationId]).toEqual(['push-1', undefined]);
    const op = (await w.registry.getOperation('deploy-acme-pushed'))!;
    expect(op.outcome!.codePush).toMatchObject({ restored: false, reason: expect.stringContaining('AccessDenied: lambda:UpdateFunctionCode') });
  });

  test('before the build, while the function is still DEVELOPMENT, the release\'s code goes back (a tier change would publish $LATEST); the mark goes once the deploy succeeded, even when the restore after it is denied', async () => {
    const w = await world();
    const restored: string[] = [];
    const ctx = await pushedTenantWith(w, 'acme', async (t) => { restored.push(`before:${t.tenantId}`); return { codeSha256: 'b'.repeat(64) }; });
    expect(restored).toEqual(['before:acme-pushed']);
    expect(ctx.codeRestoredBeforeBuild).toEqual({ pushOperationId: 'push-1', releaseSha256: 'b'.repeat(64) });
    // The deploy made the function PRODUCTION: the code-push role may no longer touch it.
    const out = await runStep(deployed(ctx), { registry: w.registry, config: w.config, restoreCode: async () => { throw new Error('AccessDenied: the function is tagged PRODUCTION'); } });
    expect(out.status).toBe('SUCCEEDED');
    expect((await w.registry.getTenant('acme-pushed'))!.codePush).toBeUndefined();
    const op = (await w.registry.getOperation('deploy-acme-pushed'))!;
    expect(op.outcome!.codePush).toMatchObject({ pushOperationId: 'push-1', restored: true, restoredBeforeBuild: true, releaseSha256: 'b'.repeat(64) });
  });

  test('a restore before the build that fails fails the operation before anything deploys, with the reason; the mark stays', async () => {
    const w = await world();
    const error = await pushedTenantWith(w, 'acme', async () => { throw new Error('AccessDenied: lambda:UpdateFunctionCode'); }).catch((e) => e);
    expect(error).toMatchObject({ name: 'CodeRestoreFailed', message: expect.stringMatching(/^tenant 'acme-pushed' runs pushed code \(push push-1\) and the release's code could not be put back before the build: AccessDenied: lambda:UpdateFunctionCode/) });
    // What the workflow's Catch hands to record: the error, no build, no stack.
    const out = await runStep({
      action: 'record',
      state: { operationId: 'deploy-acme-pushed', tenantId: 'acme-pushed', type: 'UPDATE', error: { Error: 'CodeRestoreFailed', Cause: JSON.stringify({ errorType: 'CodeRestoreFailed', errorMessage: error.message }) } },
    }, { registry: w.registry, config: w.config });
    expect(out.status).toBe('FAILED');
    const op = (await w.registry.getOperation('deploy-acme-pushed'))!;
    expect(op.reason).toContain('could not be put back before the build');
    const tenant = (await w.registry.getTenant('acme-pushed'))!;
    expect([tenant.codePush?.operationId, tenant.lockOperationId]).toEqual(['push-1', undefined]);
  });

  test('a deploy that takes over the expired lock of a push whose API function was stopped ends that push as FAILED', async () => {
    const w = await world();
    // a scheduled change takes the lock itself (after its window): here over the push's expired one
    await pushedTenant(w, 'acme', async () => ({ codeSha256: 'b'.repeat(64) }), true);
    const push = (await w.registry.getOperation('push-1'))!;
    expect(push.status).toBe('FAILED');
    expect(push.reason).toContain('its lock expired');
    expect(push.finishedAt).toBeDefined();
    expect((await w.registry.getTenant('acme-pushed'))!.lockOperationId).toBe('deploy-acme-pushed');
  });

  test('a failed deploy restores nothing: the function keeps the pushed code and the mark', async () => {
    const w = await world();
    const ctx = await pushedTenant(w, 'acme');
    let calls = 0;
    const out = await runStep(deployed(ctx, 'UPDATE_ROLLBACK_COMPLETE'), { registry: w.registry, config: w.config, restoreCode: async () => { calls++; return { codeSha256: '' }; } });
    expect([out.status, calls]).toEqual(['FAILED', 0]);
    expect((await w.registry.getTenant('acme-pushed'))!.codePush?.operationId).toBe('push-1');
  });
});

describe('the external id store on AWS (SSM, through aws-sdk-client-mock: no local SSM server exists)', () => {
  test('writes a SecureString encrypted with the provisioner key, overwriting the last build\'s; deleting a missing parameter is not an error', async () => {
    const ssm = mockClient(SSMClient);
    ssm.on(PutParameterCommand).resolves({ Version: 2 });
    ssm.on(DeleteParameterCommand).rejectsOnce(new ParameterNotFound({ message: 'not found', $metadata: {} })).resolves({});
    const store = ssmExternalIdStore(new SSMClient({ region: 'us-east-1' }), 'arn:aws:kms:us-east-1:111111111111:key/k');
    await store.put('/tenant-blocks/hnb659fds/external-id/210987654321/acme', 'e'.repeat(48));
    expect(ssm.commandCalls(PutParameterCommand).map((c) => c.args[0].input)).toEqual([expect.objectContaining({
      Name: '/tenant-blocks/hnb659fds/external-id/210987654321/acme',
      Value: 'e'.repeat(48),
      Type: 'SecureString',
      KeyId: 'arn:aws:kms:us-east-1:111111111111:key/k',
      Overwrite: true,
    })]);
    await expect(store.delete('/tenant-blocks/hnb659fds/external-id/210987654321/acme')).resolves.toBeUndefined();
    await expect(store.delete('/tenant-blocks/hnb659fds/external-id/210987654321/acme')).resolves.toBeUndefined();
    expect(ssm.commandCalls(DeleteParameterCommand)).toHaveLength(2);
    ssm.restore();
  });

  test('throws when SSM refuses the write (the step fails, the operation records why)', async () => {
    const ssm = mockClient(SSMClient);
    const denied = new Error('User is not authorized to perform: ssm:PutParameter');
    denied.name = 'AccessDeniedException';
    ssm.on(PutParameterCommand).rejects(denied);
    const store = ssmExternalIdStore(new SSMClient({ region: 'us-east-1' }), undefined);
    await expect(store.put('/p', 'v')).rejects.toThrow('not authorized');
    ssm.restore();
  });
});

describe('drift records carry no secret', () => {
  const externalId = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6';
  test.each([
    ['a trust policy condition', '/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/sts:ExternalId'],
    ['the whole trust policy', '/AssumeRolePolicyDocument'],
    ['any property ending in ExternalId', '/Targets/0/ExternalId'],
  ])('the values of a drift of %s are redacted; its path and kind stay', async (_name, propertyPath) => {
    const reader = {
      describeStackEvents: async () => ({ StackEvents: [] }),
      getTemplate: async () => ({}),
      describeStackResourceDrifts: async () => ({
        StackResourceDrifts: [{
          LogicalResourceId: 'LinkRole',
          ResourceType: 'AWS::IAM::Role',
          StackResourceDriftStatus: 'MODIFIED',
          PropertyDifferences: [
            { PropertyPath: propertyPath, ExpectedValue: `{"sts:ExternalId":"${externalId}"}`, ActualValue: 'changed-by-someone', DifferenceType: 'NOT_EQUAL' },
            { PropertyPath: '/MaxSessionDuration', ExpectedValue: '3600', ActualValue: '43200', DifferenceType: 'NOT_EQUAL' },
          ],
        }],
      }),
    } as unknown as StackReader;
    const out = await runStateMachineStep(
      { action: 'driftedResources', context: { stackName: 'Tenant-acme', observerRoleArn: 'arn:aws:iam::210987654321:role/x', region: 'us-east-1' } },
      { stacks: () => reader, config: { region: 'us-east-1' } } as unknown as Parameters<typeof runStateMachineStep>[1],
    );
    expect(JSON.stringify(out)).not.toContain(externalId);
    expect(JSON.stringify(out)).not.toContain('changed-by-someone');
    expect((out as any).StackResourceDrifts[0].PropertyDifferences).toEqual([
      { PropertyPath: propertyPath, ExpectedValue: '(redacted)', ActualValue: '(redacted)', DifferenceType: 'NOT_EQUAL' },
      { PropertyPath: '/MaxSessionDuration', ExpectedValue: '3600', ActualValue: '43200', DifferenceType: 'NOT_EQUAL' },
    ]);
  });
});

describe('a deploy records the tenant\'s log groups (what `tenant-blocks logs` reads)', () => {
  async function deploying(w: World, tenantId: string): Promise<Record<string, unknown>> {
    await activeTenant(w.registry, tenantId);
    await w.registry.putOperation({
      operationId: `deploy-${tenantId}`,
      tenantId,
      incarnation: 1,
      type: 'UPDATE',
      status: 'PENDING',
      requestedBy: CALLER,
      requestedAt: new Date().toISOString(),
      specVersion: 1,
      release: '1.0.0',
      changes: [],
      scheduled: true,
    });
    return runStep({ action: 'begin', input: { operationId: `deploy-${tenantId}`, tenantId } }, { registry: w.registry, config: w.config });
  }
  const manifest = {
    'tier': 'DEVELOPMENT',
    'network/flow-log-group-name': 'Tenant-acme-FlowLogs-1A2B',
    'database/database/log-group-name': '/aws/rds/cluster/tenant-acme-database/postgresql',
    'function/app/log-group-name': '/aws/lambda/Tenant-acme-App-3C4D',
    'function/app/url': 'https://abc.lambda-url.us-east-1.on.aws/',
  };
  const recordOf = (context: Record<string, unknown>, status: string, outputs: unknown[]) => ({
    action: 'record',
    state: { context, build: { Id: 'b', BuildStatus: 'SUCCEEDED', Phases: [] }, stack: { Stacks: [{ StackStatus: status, Outputs: outputs }] }, events: { StackEvents: [] } },
  });

  test('after a successful deploy: the */log-group-name entries of the TenantManifest output, nothing else', async () => {
    const w = await world();
    const ctx = await deploying(w, 'acme');
    const out = await runStep(recordOf(ctx, 'UPDATE_COMPLETE', [
      { OutputKey: 'SomethingElse', OutputValue: '{"function/x/log-group-name":"/aws/lambda/not-the-manifest"}' },
      { OutputKey: 'TenantManifestAcme', OutputValue: JSON.stringify(manifest) },
    ]), { registry: w.registry, config: w.config });
    expect(out.status).toBe('SUCCEEDED');
    expect((await w.registry.getTenant('acme'))!.logGroups).toEqual(['/aws/rds/cluster/tenant-acme-database/postgresql', '/aws/lambda/Tenant-acme-App-3C4D']);
  });

  test('a failed deploy, or a stack without a readable manifest, writes no log groups', async () => {
    for (const [status, outputs] of [['UPDATE_ROLLBACK_COMPLETE', []], ['UPDATE_COMPLETE', [{ OutputKey: 'TenantManifestAcme', OutputValue: 'not json' }]]] as const) {
      const w2 = await world();
      const c2 = await deploying(w2, 'acme');
      await runStep(recordOf(c2, status, [...outputs]), { registry: w2.registry, config: w2.config });
      expect((await w2.registry.getTenant('acme'))!.logGroups).toBeUndefined();
    }
  });
});
