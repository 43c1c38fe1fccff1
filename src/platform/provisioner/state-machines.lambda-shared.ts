/**
 * The workflow steps that keep large things out of Step Functions' state (256 KiB per state,
 * `States.DataLimitExceeded` cannot be caught): the tenant stack's events, its template and its
 * drifted resources are read here, with the tenant account's read-only observer role, and only a bounded summary goes
 * back into the state, in the shapes the `record` step reads (`{ StackEvents }`, `{ TemplateBody }`,
 * `{ StackResourceDrifts }`). Also the one dispatcher of the workflow function: these steps and
 * the rollout store's, then everything else (`runStep`).
 */
/* eslint-disable import/no-extraneous-dependencies */
import {
  CloudFormationClient, DescribeStackEventsCommand, DescribeStackResourceDriftsCommand, GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { abandonedRollout, evaluateStoredWave, planRollout, readWavePage, recordWavePage } from './rollout-store.lambda-shared';
import { isObject } from './settings.lambda-shared';
import { StepError, WorkflowDependencies, runStep } from './workflow.lambda-shared';

/** Most failed stack events kept (the oldest: the first is the cause, later ones are knock-on). */
export const MAX_FAILED_EVENTS = 25;
/** Most stack event pages read (100 events each) looking for this operation's failures. */
export const MAX_EVENT_PAGES = 10;
/** Most retained resources listed for a destroy. */
export const MAX_RETAINED = 100;
/** Most drifted resources recorded, and property differences per resource. */
export const MAX_DRIFTED = 50;
export const MAX_DIFFERENCES = 20;
/** Longest reason, value or error text kept in the state. */
export const MAX_TEXT = 1000;

/** A page of a CloudFormation list. */
export type StackPage<K extends string> = { [key in K]?: Array<Record<string, unknown>> } & { NextToken?: string };

/** The CloudFormation reads of one tenant stack, made with the tenant account's observer role. */
export interface StackReader {
  describeStackEvents(stackName: string, nextToken?: string): Promise<StackPage<'StackEvents'>>;
  getTemplate(stackName: string): Promise<{ TemplateBody?: string }>;
  describeStackResourceDrifts(stackName: string, nextToken?: string): Promise<StackPage<'StackResourceDrifts'>>;
}

/** Gives the stack reader for a role (the tenant account's observer role) in a region. */
export type StackReaderFactory = (roleArn: string, region: string) => StackReader;

/** The dependencies of the workflow function's steps. */
export interface StateMachineStepDependencies extends WorkflowDependencies {
  /** The registry table's client (the rollout store's pages live beside the registry's items). */
  readonly client: DynamoDBClient;
  readonly stacks: StackReaderFactory;
}

/** Runs one step of either workflow, or of the abandoned-execution rules (`action` selects it). */
export async function runStateMachineStep(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  switch (event.action) {
    case 'stackEvents': return stackEvents(event, deps);
    case 'retainedResources': return retainedTemplate(event, deps);
    case 'driftedResources': return driftedResources(event, deps);
    case 'planRollout': return planRollout(event, deps);
    case 'readWavePage': return readWavePage(event, deps);
    case 'recordWavePage': return recordWavePage(event, deps);
    case 'evaluateStoredWave': return evaluateStoredWave(event, deps);
    case 'abandonedRollout': return abandonedRollout(event, deps);
    default: return runStep(event, deps);
  }
}

/** At most `max` characters of a text. */
export function truncate(text: unknown, max = MAX_TEXT): string {
  const s = String(text ?? '');
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function readerOf(event: Record<string, unknown>, deps: StateMachineStepDependencies): { reader: StackReader; stackName: string; since: string } {
  const ctx = isObject(event.context) ? event.context : {};
  const stackName = String(ctx.stackName ?? '');
  // The read-only observer role: the workflow never holds the deploy role.
  if (!stackName || !ctx.observerRoleArn) throw new StepError('NoContext', 'the operation has no stack context');
  return { reader: deps.stacks(String(ctx.observerRoleArn), String(ctx.region || deps.config.region)), stackName, since: String(ctx.startedAt ?? '') };
}

function missing(e: unknown): boolean {
  return /does not exist/i.test(String((e as Error)?.message ?? e));
}

/** A CloudFormation error as a step error with a bounded message. */
function stackError(e: unknown): StepError {
  return new StepError('StackReadFailed', truncate(`${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? e}`));
}

function isoOf(value: unknown): string {
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

/**
 * The failed events of this operation (at or after the context's `startedAt`), newest page first
 * as CloudFormation lists them, read until an older event appears; at most
 * {@link MAX_FAILED_EVENTS}, only the fields the outcome uses, reasons truncated. A stack that
 * does not exist has no events.
 */
async function stackEvents(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const { reader, stackName, since } = readerOf(event, deps);
  const failed: Array<Record<string, unknown>> = [];
  let token: string | undefined;
  let pages = 0;
  try {
    do {
      const page = await reader.describeStackEvents(stackName, token);
      pages++;
      const events = (page.StackEvents ?? []).filter(isObject);
      for (const e of events) {
        if (typeof e.ResourceStatus === 'string' && e.ResourceStatus.endsWith('_FAILED') && isoOf(e.Timestamp) >= since) {
          failed.push({
            LogicalResourceId: truncate(e.LogicalResourceId, 256),
            ResourceType: truncate(e.ResourceType, 256),
            ResourceStatus: e.ResourceStatus,
            ResourceStatusReason: truncate(e.ResourceStatusReason),
            Timestamp: isoOf(e.Timestamp),
          });
        }
      }
      const older = events.some((e) => isoOf(e.Timestamp) < since);
      token = older ? undefined : page.NextToken;
    } while (token && pages < MAX_EVENT_PAGES);
  } catch (e) {
    if (missing(e)) return { StackEvents: [] };
    throw stackError(e);
  }
  // Oldest first: the first failure is the cause.
  failed.sort((a, b) => String(a.Timestamp).localeCompare(String(b.Timestamp)));
  const omitted = failed.length - MAX_FAILED_EVENTS;
  return { StackEvents: failed.slice(0, MAX_FAILED_EVENTS), ...(omitted > 0 ? { omittedEvents: omitted } : {}) };
}

/**
 * What a stack deletion keeps, read from the deployed template: a template of only the resources
 * with a `Retain`, `RetainExceptOnCreate` or `Snapshot` deletion policy (type and policy, at most
 * {@link MAX_RETAINED}), never the template itself (the example's PRODUCTION tenant's is 190 KB).
 */
async function retainedTemplate(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const { reader, stackName } = readerOf(event, deps);
  let body: string;
  try {
    body = (await reader.getTemplate(stackName)).TemplateBody ?? '';
  } catch (e) {
    if (missing(e)) return { TemplateBody: '{"Resources":{}}', retainedCount: 0 };
    throw stackError(e);
  }
  let template: unknown;
  try {
    template = JSON.parse(body);
  } catch {
    // YAML (a template not made by the CDK): nothing is listed, as before.
    return { TemplateBody: '{"Resources":{}}', retainedCount: 0, unreadable: true };
  }
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  const retained = Object.entries(resources)
    .filter(([, r]) => isObject(r) && ['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(String(r.DeletionPolicy)))
    .sort(([a], [b]) => a.localeCompare(b));
  const kept = Object.fromEntries(retained.slice(0, MAX_RETAINED).map(([id, r]) => {
    const resource = r as Record<string, unknown>;
    return [truncate(id, 256), { Type: truncate(resource.Type, 256), DeletionPolicy: resource.DeletionPolicy }];
  }));
  return { TemplateBody: JSON.stringify({ Resources: kept }), retainedCount: retained.length };
}

/** What a drift record shows instead of a value that may hold a secret. */
const REDACTED = '(redacted)';

/**
 * Whether a drifted property's values may hold the external id: anything under a trust policy (the link
 * role's sts:ExternalId condition) and any property ending in ExternalId. Its values would otherwise go
 * into Step Functions state and the operation's outcome, which more people read than the secret's.
 */
function holdsSecret(propertyPath: unknown): boolean {
  const path = typeof propertyPath === 'string' ? propertyPath : '';
  return path.startsWith('/AssumeRolePolicyDocument') || /externalid$/i.test(path);
}

/** The drifted resources (MODIFIED, DELETED), at most {@link MAX_DRIFTED}, their differences bounded, never the full property documents. */
async function driftedResources(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const { reader, stackName } = readerOf(event, deps);
  const drifts: Array<Record<string, unknown>> = [];
  let token: string | undefined;
  let pages = 0;
  let total = 0;
  try {
    do {
      const page = await reader.describeStackResourceDrifts(stackName, token);
      pages++;
      for (const d of (page.StackResourceDrifts ?? []).filter(isObject)) {
        if (d.StackResourceDriftStatus === 'IN_SYNC' || d.StackResourceDriftStatus === 'NOT_CHECKED') continue;
        total++;
        if (drifts.length >= MAX_DRIFTED) continue;
        const differences = (Array.isArray(d.PropertyDifferences) ? d.PropertyDifferences.filter(isObject) : []).slice(0, MAX_DIFFERENCES);
        drifts.push({
          LogicalResourceId: truncate(d.LogicalResourceId, 256),
          ResourceType: truncate(d.ResourceType, 256),
          StackResourceDriftStatus: d.StackResourceDriftStatus,
          PropertyDifferences: differences.map((p) => {
            const secret = holdsSecret(p.PropertyPath);
            return {
              PropertyPath: truncate(p.PropertyPath, 256),
              ...(p.ExpectedValue !== undefined ? { ExpectedValue: secret ? REDACTED : truncate(p.ExpectedValue, 200) } : {}),
              ...(p.ActualValue !== undefined ? { ActualValue: secret ? REDACTED : truncate(p.ActualValue, 200) } : {}),
              DifferenceType: p.DifferenceType,
            };
          }),
        });
      }
      token = page.NextToken;
    } while (token && pages < MAX_EVENT_PAGES);
  } catch (e) {
    throw stackError(e);
  }
  return { StackResourceDrifts: drifts, driftedResourceCount: total };
}

/**
 * Stack readers on AWS: the tenant account's observer role assumed with STS (the session named after the
 * provisioner, credentials reused until five minutes before they expire), CloudFormation in the
 * tenant's region.
 */
export function awsStackReaders(sts: STSClient): StackReaderFactory {
  const sessions = new Map<string, { client: CloudFormationClient; expires: number }>();
  const clientFor = async (roleArn: string, region: string): Promise<CloudFormationClient> => {
    const key = `${roleArn}|${region}`;
    const cached = sessions.get(key);
    if (cached && cached.expires - Date.now() > 300_000) return cached.client;
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tenant-blocks-provisioner', DurationSeconds: 900 }));
    const c = out.Credentials!;
    const client = new CloudFormationClient({
      region,
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration },
    });
    sessions.set(key, { client, expires: c.Expiration ? c.Expiration.getTime() : Date.now() + 900_000 });
    return client;
  };
  return (roleArn, region) => ({
    describeStackEvents: async (StackName, NextToken) =>
      (await clientFor(roleArn, region)).send(new DescribeStackEventsCommand({ StackName, NextToken })) as Promise<StackPage<'StackEvents'>>,
    getTemplate: async (StackName) => (await clientFor(roleArn, region)).send(new GetTemplateCommand({ StackName, TemplateStage: 'Original' })),
    describeStackResourceDrifts: async (StackName, NextToken) =>
      (await clientFor(roleArn, region)).send(new DescribeStackResourceDriftsCommand({
        StackName, NextToken, StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
      })) as unknown as Promise<StackPage<'StackResourceDrifts'>>,
  });
}
