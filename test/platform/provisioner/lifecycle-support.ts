/**
 * A provisioner world for the lifecycle and model tests: the real API handler and the real
 * workflow steps against dynalite, with Step Functions replaced by a recorder whose executions
 * the test runs step by step (begin → [acquire after the window] → record, or an abandoned
 * execution), so a test decides every interleaving and every outcome.
 */
import { DeleteTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { Stack } from 'aws-cdk-lib';
import { CALLER, createRegistryTable, testConfig } from './support';
import { ApiDependencies, ApiEvent, ApiResult, handleApiRequest, WorkflowStarter } from '../../../src/platform/provisioner/api.lambda-shared';
import { ProvisionerConfig } from '../../../src/platform/provisioner/config.lambda-shared';
import { Registry, TenantRecord, unmarshallItem } from '../../../src/platform/provisioner/registry.lambda-shared';
import { runStep, WorkflowDependencies } from '../../../src/platform/provisioner/workflow.lambda-shared';

/** An execution the API (or a rollout) started and the test has not finished yet. */
export interface Execution {
  readonly arn: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** How a simulated operation execution ends. */
export type Outcome = 'success' | 'failure' | 'abort' | 'timeout';

/** The answer of an API call, with its body parsed. */
export type Answer = ApiResult & { json: any };

/** A world: one registry table, the API, the workflow steps, a clock. */
export interface World {
  readonly registry: Registry;
  readonly config: ProvisionerConfig;
  readonly client: DynamoDBClient;
  /** Executions started and not run yet, oldest first. */
  readonly executions: Execution[];
  readonly tokens: Array<{ token: string; output: Record<string, unknown> }>;
  /** Makes the next `startExecution` calls fail (or succeed again). */
  failStarts(fail: boolean): void;
  /** Moves the clock. */
  advance(seconds: number): void;
  now(): Date;
  call(
    method: string, resource: string, params?: Record<string, string>, body?: unknown,
    headers?: Record<string, string>, query?: Record<string, string>, caller?: string,
  ): Promise<Answer>;
  step(event: Record<string, unknown>): Promise<Record<string, any>>;
  /** Every item of the table (to assert that nothing was written). */
  scan(): Promise<Array<Record<string, unknown>>>;
  /** Deletes the table (dynalite, like DynamoDB, limits how many tables exist at once). */
  dispose(): Promise<void>;
  /** Adds API dependencies (code push target, log access, release check) to every later call. */
  use(extra: Partial<ApiDependencies>): void;
  /** Adds workflow dependencies (the restore of a release's code) to every later step. */
  useWorkflow(extra: Partial<WorkflowDependencies>): void;
}

let tables = 0;

/** A fresh world on its own table. */
export async function newWorld(client: DynamoDBClient, stack: Stack, start = '2026-11-28T00:00:00.000Z'): Promise<World> {
  const tableName = `lifecycle-${process.pid}-${++tables}`;
  await createRegistryTable(client, tableName, stack);
  const registry = new Registry(client, tableName);
  const config = testConfig(tableName);
  const executions: Execution[] = [];
  const tokens: Array<{ token: string; output: Record<string, unknown> }> = [];
  let failStart = false;
  let clock = Date.parse(start);
  const workflows: WorkflowStarter = {
    async startExecution(arn, name, input) {
      if (failStart) throw new Error('ExecutionLimitExceeded: too many executions');
      // Step Functions refuses a second execution of the same name; the handler treats that as started.
      if (!executions.some((e) => e.name === name)) executions.push({ arn, name, input });
    },
    async sendTaskSuccess(token, output) { tokens.push({ token, output }); },
  };
  const now = () => new Date(clock);
  let extraDeps: Partial<ApiDependencies> = {};
  let workflowDeps: Partial<WorkflowDependencies> = {};
  return {
    use: (extra) => { extraDeps = { ...extraDeps, ...extra }; },
    useWorkflow: (extra) => { workflowDeps = { ...workflowDeps, ...extra }; },
    registry,
    config,
    client,
    executions,
    tokens,
    failStarts: (fail) => { failStart = fail; },
    advance: (seconds) => { clock += seconds * 1000; },
    now,
    async call(method, resource, params = {}, body, headers = {}, query, caller = CALLER) {
      clock += 1000;
      const event: ApiEvent = {
        resource,
        httpMethod: method,
        pathParameters: params,
        headers,
        queryStringParameters: query ?? null,
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
        requestContext: { identity: { userArn: caller } },
      };
      const result = await handleApiRequest(event, { ...extraDeps, registry, config, workflows, now });
      return { ...result, json: JSON.parse(result.body) };
    },
    async step(event) {
      clock += 1000;
      return runStep(event, { ...workflowDeps, registry, config, now });
    },
    async scan() {
      const out = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return (out.Items ?? []).map((i) => unmarshallItem(i)).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
    },
    async dispose() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    },
  };
}

/** What the workflow's `Record` step receives for an outcome of an action. */
export function recordedState(action: string, outcome: 'success' | 'failure'): Record<string, unknown> {
  if (outcome === 'failure') {
    return {
      buildError: { Error: 'States.TaskFailed', Cause: JSON.stringify({ Build: { Id: 'b', BuildStatus: 'FAILED', Phases: [{ PhaseType: 'BUILD', PhaseStatus: 'FAILED', Contexts: [{ StatusCode: 'COMMAND_EXECUTION_ERROR', Message: 'cdk deploy failed' }] }] } }) },
      stack: { Stacks: [{ StackStatus: action === 'destroy' ? 'DELETE_FAILED' : 'UPDATE_ROLLBACK_COMPLETE', StackStatusReason: 'a resource failed' }] },
    };
  }
  if (action === 'destroy') return { stackError: { Error: 'CloudFormation.CloudFormationException', Cause: 'Stack with id X does not exist' } };
  if (action === 'drift') return { detection: { DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'IN_SYNC' }, drifts: { StackResourceDrifts: [] } };
  return { stack: { Stacks: [{ StackStatus: 'UPDATE_COMPLETE' }] } };
}

/**
 * Runs `begin` of an execution as the operation state machine does (with `lockAfterWindow`, so a
 * scheduled operation takes no lock before its window). Returns the context.
 */
export async function begin(w: World, e: Execution): Promise<Record<string, any>> {
  try {
    return await w.step({ action: 'begin', input: e.input, executionArn: `${e.arn}:${e.name}`, lockAfterWindow: true });
  } catch (err) {
    // The workflow's Catch: Record with the error (the operation fails, the tenant is unlocked).
    return { failedBegin: err as Error };
  }
}

/**
 * Runs an execution to its end: begin, acquire after the (skipped) wait, and an outcome. `abort`
 * and `timeout` end it without the Catch paths (the EventBridge rule's `abandoned` step).
 */
export async function finish(w: World, e: Execution, outcome: Outcome, ctxIn?: Record<string, any>): Promise<Record<string, any>> {
  let ctx = ctxIn ?? await begin(w, e);
  if (outcome === 'abort' || outcome === 'timeout') {
    return w.step({ action: 'abandoned', detail: { name: e.name, status: outcome === 'abort' ? 'ABORTED' : 'TIMED_OUT' } });
  }
  if (ctx.failedBegin) {
    const err = ctx.failedBegin as Error;
    return w.step({ action: 'record', state: { ...e.input, error: { Error: err.name, Cause: JSON.stringify({ errorType: err.name, errorMessage: err.message }) } } });
  }
  if (ctx.skip) return { status: 'SKIPPED', reason: ctx.skipReason };
  if (ctx.locked === false) {
    ctx = await w.step({ action: 'acquire', context: ctx });
    if (ctx.skip) return { status: 'SKIPPED', reason: ctx.skipReason };
  }
  return w.step({ action: 'record', state: { ...e.input, context: ctx, ...recordedState(ctx.action, outcome) } });
}

/** Takes the oldest execution whose name matches. */
export function take(w: World, match: (e: Execution) => boolean = () => true): Execution {
  const i = w.executions.findIndex(match);
  if (i < 0) throw new Error('no such execution was started');
  return w.executions.splice(i, 1)[0];
}

/** A tenant as a finished create leaves it: ACTIVE, with its deployed spec. */
export async function deployedTenant(w: World, spec: Record<string, unknown>, release = '1.0.0'): Promise<TenantRecord> {
  const created = await w.call('POST', '/tenants', {}, { spec, release });
  if (created.statusCode !== 201) throw new Error(`create answered ${created.statusCode}: ${created.body}`);
  await finish(w, take(w, (e) => e.name === created.json.operation.operationId), 'success');
  return (await w.registry.getTenant(String(spec.tenantId)))!;
}

/**
 * Starts a rollout through the API and runs its Plan step: returns the rollout id and one
 * operation execution per planned tenant (as the Distributed Map would start them).
 */
export async function plannedRollout(
  w: World, request: Record<string, unknown>,
): Promise<{ rolloutId: string; items: Execution[]; plan: Record<string, any> }> {
  const started = await w.call('POST', '/rollouts', {}, request);
  if (started.statusCode !== 202) throw new Error(`rollout answered ${started.statusCode}: ${started.body}`);
  const rolloutId = started.json.rollout.rolloutId as string;
  take(w, (e) => e.name === rolloutId);
  const plan = await w.step({ action: 'plan', rolloutId });
  const items = (plan.waves as Array<Array<{ tenantId: string; operationId: string }>>).flat().map((item) => ({
    arn: w.config.operationStateMachineArn,
    name: item.operationId,
    input: { operationId: item.operationId, tenantId: item.tenantId, type: 'DEPLOY', rolloutId, release: plan.release, waitForWindow: plan.waitForWindow },
  }));
  return { rolloutId, items, plan };
}
