/**
 * Test support for the provisioner: the synthesized provisioner, its state machine definitions
 * with tokens substituted, a real DynamoDB API (dynalite) with the registry table created from
 * the synthesized template, and a local ASL interpreter (aws-local-stepfunctions) wired to the
 * real handler code.
 */
import { AddressInfo } from 'net';
import * as path from 'path';
import { CreateTableCommand, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PlatformHub } from '../../../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner, TenantProvisionerProps } from '../../../src/platform/provisioner';
import { ProvisionerConfig } from '../../../src/platform/provisioner/config.lambda-shared';
import { Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { StackReader, runStateMachineStep } from '../../../src/platform/provisioner/state-machines.lambda-shared';
import { testStack } from '../../support/app';

/** The part of aws-local-stepfunctions' API the tests use (the package is ESM-typed; its CommonJS build is required). */
interface LocalStateMachine {
  run(input: unknown, options?: unknown): { result: Promise<any>; eventLogs: AsyncGenerator<any>; abort(): void };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require('aws-local-stepfunctions') as { StateMachine: new (definition: unknown, options?: unknown) => LocalStateMachine };

// aws-local-stepfunctions needs Promise.withResolvers (Node >= 22); these machines run Node 20.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
if (!promiseStatics.withResolvers) {
  promiseStatics.withResolvers = () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

/** The platform account and region of every provisioner test. */
export const PLATFORM_ENV = { account: '111111111111', region: 'us-east-1' };
/** Tenant accounts the test provisioner may deploy to. */
export const TENANT_ACCOUNTS = ['210987654321', '310987654321'];
/** The API caller of the tests. */
export const CALLER = 'arn:aws:iam::111111111111:role/platform/provisioner-client';
/** The fixture platform app directory. */
export const FIXTURE_APP = path.join(__dirname, 'fixtures', 'app');

/** A provisioner in a fresh platform stack. */
export function provisionerStack(overrides: Partial<TenantProvisionerProps> = {}): { stack: Stack; provisioner: TenantProvisioner } {
  const stack = testStack('Platform', PLATFORM_ENV);
  const provisioner = new TenantProvisioner(stack, 'Provisioner', {
    hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
    appSource: PlatformAppSource.fromAsset(FIXTURE_APP, '1.0.0'),
    tenantAccountIds: TENANT_ACCOUNTS,
    apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
    ...overrides,
  });
  return { stack, provisioner };
}

/**
 * The state machine's definition as Step Functions receives it, with every CloudFormation token
 * replaced by a plausible literal (function and state machine ARNs, names, the partition).
 */
export function definitionOf(stack: Stack, logicalIdPrefix: string): Record<string, any> {
  const template = Template.fromStack(stack).toJSON();
  const resources = template.Resources as Record<string, any>;
  const [, machine] = Object.entries(resources).find(([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && id.startsWith(logicalIdPrefix))!;
  const def = machine.Properties.DefinitionString;
  const parts: unknown[] = typeof def === 'string' ? [def] : def['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : literal(p as Record<string, any>, resources))).join('');
  return JSON.parse(text);
}

function literal(token: Record<string, any>, resources: Record<string, any>): string {
  const { account, region } = PLATFORM_ENV;
  if (token.Ref === 'AWS::Partition') return 'aws';
  if (token.Ref === 'AWS::Region') return region;
  if (token.Ref === 'AWS::AccountId') return account;
  if (token.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
  const id: string = token.Ref ?? token['Fn::GetAtt']?.[0];
  const type = resources[id]?.Type;
  if (token['Fn::GetAtt'] && type === 'AWS::Lambda::Function') return `arn:aws:lambda:${region}:${account}:function:${id}`;
  if (token.Ref && type === 'AWS::StepFunctions::StateMachine') return `arn:aws:states:${region}:${account}:stateMachine:${id}`;
  if (token.Ref) return id;
  throw new Error(`no literal for token ${JSON.stringify(token)}`);
}

/** A dynalite server and a client for it. */
export interface LocalDynamo {
  readonly client: DynamoDBClient;
  readonly close: () => Promise<void>;
}

/** Starts dynalite on a free port (in memory). */
export async function startDynalite(): Promise<LocalDynamo> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Creates a table with the registry's key schema and indexes, read from the synthesized template. */
export async function createRegistryTable(client: DynamoDBClient, tableName: string, stack?: Stack): Promise<void> {
  const s = stack ?? provisionerStack().stack;
  const table = Object.values(Template.fromStack(s).findResources('AWS::DynamoDB::Table'))[0] as Record<string, any>;
  const p = table.Properties;
  await client.send(new CreateTableCommand({
    TableName: tableName,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map((g: Record<string, unknown>) => ({
      IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection,
    })),
  }));
}

/** The handlers' settings in the tests. */
export function testConfig(tableName: string, overrides: Partial<ProvisionerConfig> = {}): ProvisionerConfig {
  return {
    tableName,
    operationStateMachineArn: `arn:aws:states:us-east-1:${PLATFORM_ENV.account}:stateMachine:OperationWorkflow`,
    rolloutStateMachineArn: `arn:aws:states:us-east-1:${PLATFORM_ENV.account}:stateMachine:RolloutWorkflow`,
    region: 'us-east-1',
    partition: 'aws',
    defaultRelease: '1.0.0',
    tenantAccountIds: TENANT_ACCOUNTS,
    qualifier: 'hnb659fds',
    lockTtlSeconds: 8 * 86400 + 86400,
    defaultMaxConcurrency: 10,
    defaultToleratedFailurePercentage: 0,
    codePushRoleName: 'tenant-blocks/tenant-blocks-code-push-hnb659fds',
    ...overrides,
  } as ProvisionerConfig;
}

/** A valid DEVELOPMENT spec for `tenantId`. */
export function devSpec(tenantId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenantId,
    tier: 'DEVELOPMENT',
    account: TENANT_ACCOUNTS[0],
    database: { maxCapacity: 2, maintenanceWindow: 'sun:03:00-sun:03:30' },
    ...extra,
  };
}

/** What a scenario makes CodeBuild and CloudFormation answer, per tenant. */
export interface TenantBehaviour {
  /** The build fails with this phase message. */
  readonly buildFails?: string;
  /** The stack status DescribeStacks reports after the build. */
  readonly stackStatus?: string;
  readonly stackStatusReason?: string;
  /** Stack events (newest first, like CloudFormation). */
  readonly events?: Array<Record<string, unknown>>;
  /** The stack does not exist. */
  readonly noStack?: boolean;
  /** Held until this resolves (to observe an operation in flight). */
  readonly gate?: Promise<void>;
  /** The deployed template's body (GetTemplate). @default a small template with a snapshot and a retained key */
  readonly templateBody?: string;
  /** What DescribeStackDriftDetectionStatus answers, call by call (the last one repeats). */
  readonly driftStatuses?: Array<Record<string, unknown>>;
}

/** A small deployed template: a database kept as a snapshot, a retained key, a function. */
export const SMALL_TEMPLATE = JSON.stringify({
  Resources: {
    DatabaseCluster: { Type: 'AWS::RDS::DBCluster', DeletionPolicy: 'Snapshot' },
    Key: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain' },
    Fn: { Type: 'AWS::Lambda::Function' },
  },
});

/** The largest state (JSON characters) seen at any state transition, and where. */
export interface StateSizeRecord {
  size: number;
  state: string;
}

/** JSON size of a value, as Step Functions counts its payloads (UTF-8 bytes of the JSON text). */
export function jsonSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** The error name of a failed local execution (`OperationFailed`, `RolloutStopped`, ...). */
export function failureOf(result: unknown): string | undefined {
  const cause = (result as { cause?: { name?: string } } | undefined)?.cause;
  return cause?.name;
}

/** Everything a local run did. */
export interface LocalRunLog {
  readonly builds: Array<Record<string, any>>;
  readonly events: Array<Record<string, any>>;
  readonly states: string[];
  readonly waits: Array<{ state: string; input: any }>;
  readonly dynamo: Array<Record<string, any>>;
  /** The largest state input or output seen in any execution (operation or rollout). */
  readonly largestState: StateSizeRecord;
}

/** Options of {@link LocalWorkflows}. */
export interface LocalWorkflowsOptions {
  readonly stack: Stack;
  readonly registry: Registry;
  readonly client: DynamoDBClient;
  readonly config: ProvisionerConfig;
  readonly behaviour?: (tenantId: string) => TenantBehaviour;
  /** Answers the approval between waves. */
  readonly approve?: (waveIndex: number) => boolean;
  readonly now?: () => Date;
  /** The Record step fails (to exercise the last-resort path). */
  readonly failRecord?: boolean;
  /**
   * Rollout children answered without running the operation workflow (fleet-size tests): the
   * status of each tenant's operation and, for a failure, the cause Step Functions would report.
   */
  readonly fastChild?: (tenantId: string, operationId: string) => { status: 'SUCCEEDED' | 'FAILED' | 'SKIPPED'; cause?: string };
}

/**
 * Runs the synthesized operation and rollout definitions in aws-local-stepfunctions: Lambda tasks
 * run the real step handler against dynalite, DynamoDB tasks run against dynalite, CodeBuild and
 * CloudFormation answer as the scenario says, events are captured.
 */
export class LocalWorkflows {
  public readonly log: LocalRunLog = { builds: [], events: [], states: [], waits: [], dynamo: [], largestState: { size: 0, state: '' } };
  public readonly operationDefinition: Record<string, any>;
  public readonly rolloutDefinition: Record<string, any>;
  private readonly running = new Set<Promise<unknown>>();
  private readonly driftPolls = new Map<string, number>();

  constructor(private readonly options: LocalWorkflowsOptions) {
    this.operationDefinition = definitionOf(options.stack, 'ProvisionerOperationWorkflow');
    const rollout = definitionOf(options.stack, 'ProvisionerRolloutWorkflow');
    // The rollout's 90-day timeout exceeds what a Node.js timer can hold (2^31 ms, about 24.8 days:
    // larger values fire at once); the interpreter gets a day, the template keeps its 90 days.
    this.rolloutDefinition = { ...rollout, TimeoutSeconds: 86400 };
  }

  /** Runs one operation to its end; resolves with the output or rejects with the execution error. */
  public async runOperation(input: Record<string, unknown>): Promise<any> {
    const machine = new StateMachine(this.operationDefinition, { validationOptions: { checkArn: true, checkPaths: true } });
    const run = machine.run(input, {
      overrides: {
        taskResourceLocalHandlers: this.operationHandlers(),
        waitTimeOverrides: { StackInProgress: 0, DriftDetectionRunning: 0, WaitForWindow: 0 },
        retryIntervalOverrides: {
          DescribeStack: 0, DescribeStackEvents: 0, GetTemplate: 0, DetectDrift: 0, DriftDetectionStatus: 0, DriftedResources: 0,
        },
      },
      context: { Execution: { Id: `arn:aws:states:us-east-1:111111111111:execution:OperationWorkflow:${input.operationId}` } },
    });
    void this.collectEvents(run.eventLogs);
    return run.result;
  }

  /** Runs one rollout to its end. */
  public async runRollout(input: Record<string, unknown>): Promise<any> {
    const machine = new StateMachine(this.rolloutDefinition, { validationOptions: { checkArn: true, checkPaths: true } });
    const run = machine.run(input, {
      overrides: { taskResourceLocalHandlers: this.rolloutHandlers() },
      context: { Task: { Token: `token-${input.rolloutId}` }, Execution: { Id: `arn:aws:states:us-east-1:111111111111:execution:RolloutWorkflow:${input.rolloutId}` } },
    });
    void this.collectEvents(run.eventLogs);
    return run.result;
  }

  /** A WorkflowStarter for the API handler: starts the local run in the background. */
  public starter() {
    return {
      startExecution: async (arn: string, _name: string, input: Record<string, unknown>) => {
        const p = (arn.endsWith('RolloutWorkflow') ? this.runRollout(input) : this.runOperation(input)).catch((e) => e);
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
      },
      sendTaskSuccess: async () => undefined,
    };
  }

  /** Waits for every background run the starter began. */
  public async settle(): Promise<unknown[]> {
    const results: unknown[] = [];
    while (this.running.size > 0) results.push(...await Promise.all([...this.running]));
    return results;
  }

  private async collectEvents(events: AsyncGenerator<any>): Promise<void> {
    for await (const e of events) {
      if (e.type === 'StateEntered') this.log.states.push(e.state.name);
      if (e.type === 'StateEntered' || e.type === 'StateExited') {
        for (const payload of [e.state.input, e.state.output]) {
          if (payload === undefined) continue;
          const size = jsonSize(payload);
          if (size > this.log.largestState.size) Object.assign(this.log.largestState, { size, state: `${e.state.name} (${e.type === 'StateEntered' ? 'input' : 'output'})` });
        }
      }
    }
  }

  private step() {
    return async (input: any) => {
      try {
        return await runStateMachineStep(input, {
          registry: this.options.registry,
          config: this.options.config,
          now: this.options.now,
          client: this.options.client,
          stacks: (roleArn) => this.stackReader(roleArn),
        });
      } catch (e) {
        // As Lambda reports a function error to Step Functions: the error type, and a JSON cause.
        const err = new Error(JSON.stringify({ errorType: (e as Error).name, errorMessage: (e as Error).message }));
        err.name = (e as Error).name;
        throw err;
      }
    };
  }

  private behaviour(tenantId: string): TenantBehaviour {
    return this.options.behaviour?.(tenantId) ?? {};
  }

  /** CloudFormation as the scenario says, read with the tenant account's observer role (the handler's stack reader). */
  private stackReader(roleArn: string): StackReader {
    expect(roleArn).toMatch(/^arn:aws:iam::\d{12}:role\/tenant-blocks-observer-us-east-1$/);
    const tenantOf = (stackName: string) => stackName.replace(/^Tenant-/, '');
    const missingStack = (stackName: string) => new Error(`Stack with id ${stackName} does not exist`);
    return {
      describeStackEvents: async (stackName) => {
        const b = this.behaviour(tenantOf(stackName));
        if (b.noStack) throw missingStack(stackName);
        return { StackEvents: b.events ?? [] };
      },
      getTemplate: async (stackName) => {
        const b = this.behaviour(tenantOf(stackName));
        return { TemplateBody: b.templateBody ?? SMALL_TEMPLATE };
      },
      describeStackResourceDrifts: async () => ({
        StackResourceDrifts: [{
          LogicalResourceId: 'DatabaseCluster',
          ResourceType: 'AWS::RDS::DBCluster',
          StackResourceDriftStatus: 'MODIFIED',
          ExpectedProperties: '{"BackupRetentionPeriod":7}',
          ActualProperties: '{"BackupRetentionPeriod":1}',
          PropertyDifferences: [{ PropertyPath: '/BackupRetentionPeriod', ExpectedValue: '7', ActualValue: '1', DifferenceType: 'NOT_EQUAL' }],
        }],
      }),
    };
  }

  private operationHandlers(): Record<string, (input: any) => Promise<any>> {
    const step = this.step();
    const dynamo = async (input: any) => {
      this.log.dynamo.push(input);
      // TableName is the table's Ref (its name in AWS), here the logical id: the test table stands in.
      await this.options.client.send(new UpdateItemCommand({ ...input, TableName: this.options.config.tableName }));
      return {};
    };
    const tenantOf = (stackName: string) => stackName.replace(/^Tenant-/, '');
    const stackMissing = (stackName: string) => {
      const e = new Error(`Stack with id ${stackName} does not exist (Service: CloudFormation, Status Code: 400)`);
      e.name = 'CloudFormation.CloudFormationException';
      return e;
    };
    return {
      Begin: step,
      Acquire: step,
      FailedStackEvents: step,
      RetainedResources: step,
      DriftedResources: step,
      NextWindow: async (input) => {
        const out = await step(input);
        if (!out.inWindow) this.log.waits.push({ state: 'WaitForWindow', input: out });
        return out;
      },
      Record: async (input) => {
        if (this.options.failRecord) {
          const e = new Error('{"errorType":"Error","errorMessage":"registry unavailable"}');
          e.name = 'Lambda.Unknown';
          throw e;
        }
        return step(input);
      },
      ForceFailOperation: dynamo,
      ForceUnlock: dynamo,
      Build: async (input) => {
        const env = Object.fromEntries(input.EnvironmentVariablesOverride.map((v: any) => [v.Name, v.Value]));
        this.log.builds.push(env);
        const b = this.behaviour(env.TENANT_ID);
        if (b.gate) await b.gate;
        if (b.buildFails) {
          const e = new Error(JSON.stringify({
            Build: {
              Id: `build:${env.OPERATION_ID}`,
              BuildStatus: 'FAILED',
              Phases: [{ PhaseType: 'BUILD', PhaseStatus: 'FAILED', Contexts: [{ StatusCode: 'COMMAND_EXECUTION_ERROR', Message: b.buildFails }] }],
            },
          }));
          e.name = 'States.TaskFailed';
          throw e;
        }
        return { Build: { Id: `build:${env.OPERATION_ID}`, BuildStatus: 'SUCCEEDED', Phases: [] } };
      },
      DescribeStack: async (input) => {
        const b = this.behaviour(tenantOf(input.StackName));
        if (b.noStack) throw stackMissing(input.StackName);
        return { Stacks: [{ StackName: input.StackName, StackStatus: b.stackStatus ?? 'UPDATE_COMPLETE', ...(b.stackStatusReason ? { StackStatusReason: b.stackStatusReason } : {}) }] };
      },
      // The SDK states of the definitions before the state-size fix (to measure them): raw CloudFormation answers.
      DescribeStackEvents: async (input) => {
        const b = this.behaviour(tenantOf(input.StackName));
        if (b.noStack) throw stackMissing(input.StackName);
        return { StackEvents: b.events ?? [] };
      },
      GetTemplate: async (input) => ({ TemplateBody: this.behaviour(tenantOf(input.StackName)).templateBody ?? SMALL_TEMPLATE }),
      DetectDrift: async (input) => ({ StackDriftDetectionId: `drift-${input.StackName}` }),
      DriftDetectionStatus: async (input) => {
        const statuses = this.behaviour(tenantOf(String(input.StackDriftDetectionId).replace(/^drift-/, ''))).driftStatuses ?? [{ DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'DRIFTED' }];
        const n = (this.driftPolls.get(input.StackDriftDetectionId) ?? 0);
        this.driftPolls.set(input.StackDriftDetectionId, n + 1);
        return { StackId: 'stack', StackDriftDetectionId: input.StackDriftDetectionId, ...statuses[Math.min(n, statuses.length - 1)], Timestamp: new Date().toISOString() };
      },
      PublishOutcome: async (input) => {
        this.log.events.push(...input.Entries);
        return { Entries: [{ EventId: 'e' }], FailedEntryCount: 0 };
      },
    };
  }

  private rolloutHandlers(): Record<string, (input: any) => Promise<any>> {
    const step = this.step();
    return {
      Plan: step,
      EvaluateWave: step,
      ReadWavePage: step,
      RecordWavePage: step,
      RolloutFailed: step,
      RolloutSucceeded: step,
      ThresholdCrossed: step,
      ApprovalDenied: step,
      ApprovalExpired: step,
      AwaitApproval: async (input) => {
        // A callback task's Parameters are the Lambda invocation: { FunctionName, Payload }.
        await step(input.Payload);
        return { approved: this.options.approve ? this.options.approve(input.Payload.waveIndex) : true, approvedBy: CALLER };
      },
      // The child: the real operation definition, run by the same interpreter.
      DeployTenant: async (input) => {
        const child = typeof input.Input === 'string' ? JSON.parse(input.Input) : input.Input;
        if (this.options.fastChild) {
          const answer = this.options.fastChild(child.tenantId, child.operationId);
          if (answer.status === 'FAILED') {
            const err = new Error(answer.cause ?? 'OperationFailed');
            err.name = 'States.TaskFailed';
            throw err;
          }
          return { Output: { tenantId: child.tenantId, operationId: child.operationId, status: answer.status }, Status: 'SUCCEEDED' };
        }
        try {
          const output = await this.runOperation(child);
          return { Output: output, Status: 'SUCCEEDED' };
        } catch (e) {
          const err = new Error(String((e as any).cause?.message ?? (e as Error).message));
          err.name = 'States.TaskFailed';
          throw err;
        }
      },
      PublishRollout: async (input) => {
        this.log.events.push(...input.Entries);
        return { Entries: [{ EventId: 'e' }], FailedEntryCount: 0 };
      },
    };
  }
}
