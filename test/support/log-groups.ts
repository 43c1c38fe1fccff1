/**
 * Issue 8.13: every Lambda function of a template writes to a log group the template creates, before
 * the function's first invocation, encrypted with a customer key, with a retention and (optionally)
 * shipped. Otherwise Lambda creates `/aws/lambda/<name>` itself on the first invocation: unencrypted,
 * kept forever, not shipped, and left behind by a destroy.
 *
 * Use it in any block's tests:
 *   expect(functionLogGroupProblems(Template.fromStack(stack), { shipped: true })).toEqual([]);
 */
import { Template } from 'aws-cdk-lib/assertions';

/** Options of {@link functionLogGroupProblems}. */
export interface FunctionLogGroupOptions {
  /** Whether each log group must also have a subscription filter (log shipping). @default false */
  readonly shipped?: boolean;
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DependsOn?: string | string[] }>;

/** One line per function whose log group is missing or weaker than promised; empty when all are fine. */
export function functionLogGroupProblems(template: Template, options: FunctionLogGroupOptions = {}): string[] {
  const resources = (template.toJSON().Resources ?? {}) as Resources;
  const logGroups = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup');
  const problems: string[] = [];
  for (const [fnId, fn] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function')) {
    const configured = fn.Properties?.LoggingConfig?.LogGroup;
    const defaultName = { 'Fn::Join': ['', ['/aws/lambda/', { Ref: fnId }]] };
    const literalName = typeof fn.Properties?.FunctionName === 'string' ? `/aws/lambda/${fn.Properties.FunctionName}` : undefined;
    const found = logGroups.find(([id, lg]) => {
      if (configured !== undefined) {
        return same(configured, { Ref: id }) || same(configured, lg.Properties?.LogGroupName);
      }
      const name = lg.Properties?.LogGroupName;
      return same(name, defaultName) || (literalName !== undefined && name === literalName);
    });
    if (!found) {
      problems.push(`${fnId}: no log group in the template (Lambda would create ${literalName ?? '/aws/lambda/<name>'} itself: unencrypted, kept forever, not shipped, left behind)`);
      continue;
    }
    const [lgId, lg] = found;
    if (lg.Properties?.KmsKeyId === undefined) problems.push(`${fnId}: its log group ${lgId} has no KmsKeyId`);
    if (lg.Properties?.RetentionInDays === undefined) problems.push(`${fnId}: its log group ${lgId} has no RetentionInDays`);
    if (options.shipped) {
      const filters = Object.values(resources).filter((r) => r.Type === 'AWS::Logs::SubscriptionFilter'
        && (same(r.Properties?.LogGroupName, { Ref: lgId }) || same(r.Properties?.LogGroupName, lg.Properties?.LogGroupName)));
      if (filters.length === 0) problems.push(`${fnId}: its log group ${lgId} is not shipped (no subscription filter)`);
    }
    // Created before the first invocation: the function (or every custom resource it serves) depends on it.
    const invokers = Object.entries(resources).filter(([, r]) => references(r.Properties?.ServiceToken, fnId));
    const before = (id: string) => dependsOn(resources[id], lgId);
    if (!before(fnId) && (invokers.length === 0 || !invokers.every(([id]) => before(id)))) {
      problems.push(`${fnId}: neither it nor the custom resources it serves depend on its log group ${lgId}, so a first invocation can come first`);
    }
  }
  return problems;
}

function same(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function references(value: unknown, id: string): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => references(v, id));
  const v = value as Record<string, unknown>;
  if (v.Ref === id) return true;
  if (Array.isArray(v['Fn::GetAtt']) && v['Fn::GetAtt'][0] === id) return true;
  return Object.values(v).some((x) => references(x, id));
}

function dependsOn(resource: { Properties?: unknown; DependsOn?: string | string[] } | undefined, id: string): boolean {
  if (!resource) return false;
  const explicit = resource.DependsOn === undefined ? [] : ([] as string[]).concat(resource.DependsOn);
  return explicit.includes(id) || references(resource.Properties, id);
}
