/**
 * A small IAM policy evaluator: enough of the IAM evaluation logic to judge the link's policies
 * (identity policies plus a permissions boundary) offline, from a synthesized template.
 *
 * Internal: not exported from the barrel. Used by the tests to show that the effective permissions
 * of the link role are exactly what its `allow*` calls grant.
 *
 * What it implements (and nothing more; anything else throws, so an unsupported policy is never
 * judged silently):
 * - `Effect` Allow/Deny, `Action`/`NotAction`, `Resource`/`NotResource`, with `*` and `?` wildcards
 *   (actions case-insensitive, resources case-sensitive);
 * - condition operators `StringEquals`, `StringNotEquals`, `StringLike`, `StringNotLike`,
 *   `ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`, `Bool`, `Null`, each with `IfExists`;
 *   several values of a key are ORed, several keys and operators are ANDed; a missing key fails a
 *   positive operator and satisfies a negated one (as IAM documents it);
 * - an explicit Deny anywhere wins; otherwise an identity Allow is needed and, with a boundary, a
 *   boundary Allow too (effective = identity ∩ boundary).
 */

/** One statement of an IAM policy document, as synthesized. */
export interface IamStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly Principal?: unknown;
}

/** An IAM policy document. */
export interface IamPolicyDocument {
  readonly Version?: string;
  readonly Statement: IamStatement[];
}

/** One request: an action on a resource, with its request context keys. */
export interface IamRequest {
  /** e.g. `secretsmanager:GetSecretValue` */
  readonly action: string;
  /** the resource ARN */
  readonly resource: string;
  /** condition keys present in the request (`aws:ResourceAccount`, `kms:ViaService`, ...) */
  readonly context?: Record<string, string | string[] | boolean>;
}

/** The outcome of evaluating policies for one request. */
export type IamDecision = 'ALLOW' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';

const asList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/** A glob (`*` any run, `?` one character) as an anchored regular expression. */
function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

/** Whether `value` matches the IAM glob `pattern`. */
export function globMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  if (typeof pattern !== 'string') throw new Error(`iam-evaluator: a pattern must be a string, got ${JSON.stringify(pattern)} (unresolved token?)`);
  return globToRegExp(pattern, caseInsensitive).test(value);
}

function matchesAction(statement: IamStatement, action: string): boolean {
  const actions = asList(statement.Action);
  const notActions = asList(statement.NotAction);
  if (actions) return actions.some((a) => globMatch(a, action, true));
  if (notActions) return !notActions.some((a) => globMatch(a, action, true));
  throw new Error(`iam-evaluator: statement ${statement.Sid ?? ''} has neither Action nor NotAction`);
}

function matchesResource(statement: IamStatement, resource: string): boolean {
  const resources = asList(statement.Resource);
  const notResources = asList(statement.NotResource);
  if (resources) return resources.some((r) => globMatch(r, resource));
  if (notResources) return !notResources.some((r) => globMatch(r, resource));
  throw new Error(`iam-evaluator: statement ${statement.Sid ?? ''} has neither Resource nor NotResource`);
}

const OPERATORS: Record<string, { negated: boolean; test: (expected: string, actual: string) => boolean }> = {
  StringEquals: { negated: false, test: (e, a) => e === a },
  StringNotEquals: { negated: true, test: (e, a) => e === a },
  StringEqualsIgnoreCase: { negated: false, test: (e, a) => e.toLowerCase() === a.toLowerCase() },
  StringLike: { negated: false, test: (e, a) => globMatch(e, a) },
  StringNotLike: { negated: true, test: (e, a) => globMatch(e, a) },
  ArnEquals: { negated: false, test: (e, a) => e === a },
  ArnNotEquals: { negated: true, test: (e, a) => e === a },
  ArnLike: { negated: false, test: (e, a) => globMatch(e, a) },
  ArnNotLike: { negated: true, test: (e, a) => globMatch(e, a) },
  Bool: { negated: false, test: (e, a) => e.toLowerCase() === a.toLowerCase() },
};

function conditionHolds(operator: string, key: string, expectedRaw: unknown, context: Record<string, string | string[] | boolean>): boolean {
  const expected = (Array.isArray(expectedRaw) ? expectedRaw : [expectedRaw]).map((v) => {
    if (typeof v !== 'string' && typeof v !== 'boolean') throw new Error(`iam-evaluator: condition ${operator} ${key} has a non-literal value ${JSON.stringify(v)} (unresolved token?)`);
    return String(v);
  });
  const present = Object.prototype.hasOwnProperty.call(context, key);
  const actual = present ? (Array.isArray(context[key]) ? context[key] as string[] : [String(context[key])]) : [];
  if (operator === 'Null') {
    // Null true: the key must be absent; Null false: the key must be present.
    return expected.every((e) => (e.toLowerCase() === 'true') === !present);
  }
  const ifExists = operator.endsWith('IfExists');
  const base = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  const op = OPERATORS[base];
  if (!op) throw new Error(`iam-evaluator: condition operator ${operator} is not supported`);
  if (!present) return ifExists ? true : op.negated;
  const anyMatch = actual.some((a) => expected.some((e) => op.test(e, a)));
  return op.negated ? !anyMatch : anyMatch;
}

function conditionsHold(statement: IamStatement, context: Record<string, string | string[] | boolean>): boolean {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      if (!conditionHolds(operator, key, expected, context)) return false;
    }
  }
  return true;
}

/** Whether `statement` applies to `request` (action, resource and every condition match). */
export function statementApplies(statement: IamStatement, request: IamRequest): boolean {
  return matchesAction(statement, request.action)
    && matchesResource(statement, request.resource)
    && conditionsHold(statement, request.context ?? {});
}

/**
 * Evaluates one set of policies (e.g. the identity policies of a role) for a request.
 *
 * @param policies the policy documents
 * @param request the request
 */
export function evaluatePolicies(policies: IamPolicyDocument[], request: IamRequest): IamDecision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.Statement) {
      if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw new Error(`iam-evaluator: Effect must be Allow or Deny, got ${String(statement.Effect)}`);
      if (!statementApplies(statement, request)) continue;
      if (statement.Effect === 'Deny') return 'EXPLICIT_DENY';
      allowed = true;
    }
  }
  return allowed ? 'ALLOW' : 'IMPLICIT_DENY';
}

/**
 * Whether a principal with `identity` policies and an optional permissions `boundary` may make
 * `request`: no explicit deny in either, an Allow in the identity policies, and an Allow in the
 * boundary when there is one.
 *
 * @param identity the identity policies attached to the principal
 * @param boundary the permissions boundary, if any
 * @param request the request
 */
export function isAllowed(identity: IamPolicyDocument[], boundary: IamPolicyDocument | undefined, request: IamRequest): boolean {
  const byIdentity = evaluatePolicies(identity, request);
  if (byIdentity !== 'ALLOW') return false;
  return boundary === undefined || evaluatePolicies([boundary], request) === 'ALLOW';
}

/**
 * The requests among `probes` that the principal may make: its effective permissions over a
 * probe set, as `action resource` lines (with the context when there is one).
 *
 * @param identity the identity policies attached to the principal
 * @param boundary the permissions boundary, if any
 * @param probes the requests to try
 */
export function effectivePermissions(identity: IamPolicyDocument[], boundary: IamPolicyDocument | undefined, probes: IamRequest[]): string[] {
  return probes.filter((probe) => isAllowed(identity, boundary, probe)).map(describeRequest);
}

/** `action resource [context]`, for readable test failures. */
export function describeRequest(request: IamRequest): string {
  const context = request.context && Object.keys(request.context).length > 0 ? ` ${JSON.stringify(request.context)}` : '';
  return `${request.action} ${request.resource}${context}`;
}
