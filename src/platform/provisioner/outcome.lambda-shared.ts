/**
 * Turns what the workflow saw (the CodeBuild build, CloudFormation's stack, its events, its
 * template, a drift detection) into an operation's recorded outcome, with the real reason: the
 * first resource that failed and CloudFormation's words for it, not a fixed string.
 */
import { isObject } from './settings.lambda-shared';

/** A resource that failed during the operation. */
export interface FailedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly timestamp: string;
}

/** A resource CloudFormation keeps when the stack is deleted. */
export interface RetainedResource {
  readonly logicalId: string;
  readonly type: string;
  /** `Retain`, `RetainExceptOnCreate` or `Snapshot`. */
  readonly policy: string;
}

/** A resource whose live configuration differs from the template. */
export interface DriftedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly status: string;
  readonly differences: Array<{ path: string; expected?: string; actual?: string; kind: string }>;
}

/** Stack statuses that mean the deployment went through. */
const DEPLOYED = ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE'];
/** Reasons CloudFormation gives to resources it cancelled because another one failed first. */
const KNOCK_ON = /Resource (creation|update) cancelled|Resource handler returned message: "null"|cancelled$/i;

/** What the build reported, from a `startBuild.sync` result or its failure cause. */
export function buildSummary(buildOrCause: unknown): Record<string, unknown> | undefined {
  let build: unknown = buildOrCause;
  if (typeof buildOrCause === 'string') {
    try {
      build = JSON.parse(buildOrCause);
    } catch {
      return { reason: buildOrCause.slice(0, 2000) };
    }
  }
  if (isObject(build) && isObject(build.Build)) build = build.Build;
  if (!isObject(build)) return undefined;
  const phases = Array.isArray(build.Phases) ? build.Phases.filter(isObject) : [];
  const failed = phases.filter((p) => p.PhaseStatus !== undefined && p.PhaseStatus !== 'SUCCEEDED');
  const messages = failed.flatMap((p) => (Array.isArray(p.Contexts) ? p.Contexts.filter(isObject) : [])
    .map((c) => `${p.PhaseType}: ${[c.StatusCode, c.Message].filter(Boolean).join(': ')}`));
  const logs = isObject(build.Logs) ? build.Logs : {};
  return {
    buildId: build.Id,
    buildStatus: build.BuildStatus,
    ...(messages.length > 0 ? { reason: messages.join('; ') } : {}),
    ...(typeof logs.DeepLink === 'string' ? { logs: logs.DeepLink } : {}),
  };
}

/** Status and reason of the tenant stack from DescribeStacks, or `NOT_FOUND` when it does not exist. */
export function stackSummary(describeStacks: unknown, describeError: unknown): { stackStatus: string; stackStatusReason?: string } {
  if (isObject(describeStacks) && Array.isArray(describeStacks.Stacks) && isObject(describeStacks.Stacks[0])) {
    const s = describeStacks.Stacks[0];
    return { stackStatus: String(s.StackStatus), ...(typeof s.StackStatusReason === 'string' ? { stackStatusReason: s.StackStatusReason } : {}) };
  }
  const cause = isObject(describeError) ? String(describeError.Cause ?? describeError.Error ?? '') : '';
  if (/does not exist/i.test(cause)) return { stackStatus: 'NOT_FOUND' };
  return { stackStatus: 'UNKNOWN', ...(cause ? { stackStatusReason: cause.slice(0, 1000) } : {}) };
}

/**
 * The resources that failed during this operation (events at or after `since`), oldest first: the
 * first one is the cause, later ones are usually knock-on cancellations.
 */
export function failedResources(describeStackEvents: unknown, since: string): FailedResource[] {
  if (!isObject(describeStackEvents) || !Array.isArray(describeStackEvents.StackEvents)) return [];
  return describeStackEvents.StackEvents.filter(isObject)
    .filter((e) => typeof e.ResourceStatus === 'string' && e.ResourceStatus.endsWith('_FAILED'))
    .filter((e) => timestamp(e.Timestamp) >= since)
    .map((e) => ({
      logicalId: String(e.LogicalResourceId),
      type: String(e.ResourceType),
      status: String(e.ResourceStatus),
      reason: String(e.ResourceStatusReason ?? ''),
      timestamp: timestamp(e.Timestamp),
    }))
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

/** The one-line reason of a failed operation: the first real resource failure, else the stack's, else the build's. */
export function failureReason(
  failed: FailedResource[],
  stack: { stackStatus: string; stackStatusReason?: string },
  build: Record<string, unknown> | undefined,
  error: unknown,
): string {
  const root = failed.find((f) => !KNOCK_ON.test(f.reason) && f.logicalId !== '') ?? failed[0];
  if (root) return `${root.logicalId} (${root.type}) ${root.status}: ${root.reason}`;
  if (stack.stackStatusReason && !DEPLOYED.includes(stack.stackStatus)) return `${stack.stackStatus}: ${stack.stackStatusReason}`;
  if (build && typeof build.reason === 'string') return `build ${build.buildStatus ?? 'FAILED'}: ${build.reason}`;
  if (isObject(error)) return errorText(error);
  return `stack ${stack.stackStatus}`;
}

/** Whether a deployment's stack status means success. */
export function isDeployed(stackStatus: string): boolean {
  return DEPLOYED.includes(stackStatus);
}

/** What a stack deletion keeps, from GetTemplate's TemplateBody (JSON or, rarely, YAML: then nothing is listed). */
export function retainedResources(getTemplate: unknown): RetainedResource[] {
  if (!isObject(getTemplate) || typeof getTemplate.TemplateBody !== 'string') return [];
  let template: unknown;
  try {
    template = JSON.parse(getTemplate.TemplateBody);
  } catch {
    return [];
  }
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  return Object.entries(resources).filter(([, r]) => isObject(r) && ['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(String(r.DeletionPolicy)))
    .map(([logicalId, r]) => {
      const resource = r as Record<string, unknown>;
      return { logicalId, type: String(resource.Type), policy: String(resource.DeletionPolicy) };
    })
    .sort((a, b) => a.logicalId.localeCompare(b.logicalId));
}

/** The drifted resources from DescribeStackResourceDrifts. */
export function driftedResources(describeDrifts: unknown): DriftedResource[] {
  if (!isObject(describeDrifts) || !Array.isArray(describeDrifts.StackResourceDrifts)) return [];
  return describeDrifts.StackResourceDrifts.filter(isObject)
    .filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC' && d.StackResourceDriftStatus !== 'NOT_CHECKED')
    .map((d) => ({
      logicalId: String(d.LogicalResourceId),
      type: String(d.ResourceType),
      status: String(d.StackResourceDriftStatus),
      differences: (Array.isArray(d.PropertyDifferences) ? d.PropertyDifferences.filter(isObject) : []).map((p) => ({
        path: String(p.PropertyPath),
        ...(p.ExpectedValue !== undefined ? { expected: String(p.ExpectedValue) } : {}),
        ...(p.ActualValue !== undefined ? { actual: String(p.ActualValue) } : {}),
        kind: String(p.DifferenceType),
      })),
    }));
}

function timestamp(value: unknown): string {
  if (typeof value === 'number') return new Date(value).toISOString();
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

/** `Error: Cause` of a Step Functions error, unwrapping a Lambda error's JSON cause (`errorType: errorMessage`). */
export function errorText(error: Record<string, unknown>): string {
  const cause = String(error.Cause ?? '');
  try {
    const parsed = JSON.parse(cause) as Record<string, unknown>;
    if (isObject(parsed) && typeof parsed.errorMessage === 'string') return `${parsed.errorType ?? error.Error}: ${parsed.errorMessage}`.slice(0, 2000);
  } catch {
    // not JSON: the cause as it is
  }
  return `${error.Error ?? 'Error'}: ${cause}`.slice(0, 2000);
}

/** The stack output of a tenant's manifest (`TenantManifest<TenantIdInPascalCase>`, see TenantManifest). */
const MANIFEST_OUTPUT = /^TenantManifest[A-Za-z0-9]*$/;
/** A manifest entry naming a block's log group (`database/<id>/log-group-name`, `function/<id>/log-group-name`). */
const LOG_GROUP_ENTRY = /(^|\/)log-group-name$/;

/**
 * The tenant's log groups from DescribeStacks' outputs: the `<block>/<id>/log-group-name` entries of its
 * TenantManifest output(s), in their order; undefined when the stack has no readable manifest (the
 * registry then keeps what it had).
 */
export function tenantLogGroups(describeStacks: unknown): string[] | undefined {
  if (!isObject(describeStacks) || !Array.isArray(describeStacks.Stacks) || !isObject(describeStacks.Stacks[0])) return undefined;
  const outputs = Array.isArray(describeStacks.Stacks[0].Outputs) ? describeStacks.Stacks[0].Outputs.filter(isObject) : [];
  let found = false;
  const groups: string[] = [];
  for (const o of outputs) {
    if (typeof o.OutputKey !== 'string' || !MANIFEST_OUTPUT.test(o.OutputKey) || typeof o.OutputValue !== 'string') continue;
    let entries: unknown;
    try {
      entries = JSON.parse(o.OutputValue);
    } catch {
      continue;
    }
    if (!isObject(entries)) continue;
    found = true;
    for (const [entry, value] of Object.entries(entries)) {
      if (LOG_GROUP_ENTRY.test(entry) && typeof value === 'string' && !groups.includes(value)) groups.push(value);
    }
  }
  return found ? groups : undefined;
}
