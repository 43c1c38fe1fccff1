import { CfnResource, Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { registerLink } from '../../core/stack-guardrails';

/**
 * The check behind the link's promise that it can never become an admin door: at synth, nothing
 * in the app may grant the link role more than its `allow*` calls did.
 *
 * Internal: not exported from the barrel; `CrossAccountLink` adds it as a construct validation.
 */

/** What the link expects to find in the synthesized app. */
export interface LinkContainmentExpectation {
  /** The tenant, named in every message. */
  readonly tenantId: string;
  /** The link role's L1. */
  readonly role: CfnResource;
  /** The link role's fixed name (policies may attach to an imported role by name). */
  readonly roleName: string;
  /** The trust policy the link role must keep (resolved in its stack): who may assume it, on which conditions. */
  readonly trust: () => unknown;
  /** The boundary's L1 and the document it must hold (resolved in its stack). */
  readonly boundary: { readonly resource: CfnResource; readonly document: () => unknown };
  /** The Permissions policy's L1 (when an allow* call created it) and the document it must hold. */
  readonly permissions?: { readonly resource: CfnResource; readonly document: () => unknown };
}

/** Policy resources that attach a document to roles. */
const ROLE_POLICY_TYPES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy']);

/**
 * Resource types whose properties hold a resource policy (or a trust policy) that can name a
 * principal. Only these are rendered: rendering every resource of a fleet app for every link
 * would make the synth quadratic in the number of tenants.
 */
const RESOURCE_POLICY_TYPES = new Set([
  'AWS::ApiGateway::RestApi', 'AWS::Backup::BackupVault', 'AWS::CodeArtifact::Domain', 'AWS::CodeArtifact::Repository',
  'AWS::DynamoDB::ResourcePolicy', 'AWS::DynamoDB::Table', 'AWS::ECR::Repository', 'AWS::EFS::FileSystem',
  'AWS::Events::EventBus', 'AWS::Events::EventBusPolicy', 'AWS::Glue::ResourcePolicy', 'AWS::IAM::Role',
  'AWS::Kinesis::ResourcePolicy', 'AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'AWS::Lambda::LayerVersionPermission',
  'AWS::Lambda::Permission', 'AWS::Logs::Destination', 'AWS::Logs::ResourcePolicy', 'AWS::OpenSearchService::Domain',
  'AWS::S3::AccessPoint', 'AWS::S3::BucketPolicy', 'AWS::S3Express::BucketPolicy', 'AWS::SecretsManager::ResourcePolicy',
  'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy',
]);

/**
 * Every way the synthesized app grants the link role more than its `allow*` calls, one message each:
 * - an identity policy attached to the role other than the link's own Permissions policy
 *   (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, `AWS::IAM::RolePolicy`, in any stack of the
 *   app, attached by reference or by the role's name), or inline policies / managed policy ARNs
 *   on the role itself;
 * - the Permissions policy or the boundary holding anything else than what the `allow*` calls
 *   recorded (a statement added to the L2, an escape hatch on the L1);
 * - a resource policy (any `Principal` in any resource's properties, e.g. a key policy, a
 *   secret's resource policy, a `AWS::Lambda::Permission`) that names the link role.
 *
 * @param expectation what the link recorded
 */
export function linkContainmentProblems(expectation: LinkContainmentExpectation): string[] {
  const problems: string[] = [];
  const roleStack = Stack.of(expectation.role);
  const roleId = roleStack.resolve(expectation.role.logicalId) as string;
  const ownStack = (c: IConstruct) => Stack.of(c) === roleStack;
  const names = (value: unknown, sameStack: boolean) => refersToRole(value, roleId, expectation.roleName, sameStack);
  const say = (message: string) => problems.push(`CrossAccountLink of tenant "${expectation.tenantId}": ${message}`);

  const role = render(expectation.role);
  if (role) {
    const trust = role.properties.AssumeRolePolicyDocument;
    if (canonical(trust) !== canonical(expectation.trust())) {
      say(`the link role's trust policy is not the link's (listed platform roles, external id, source identity): expected ${JSON.stringify(expectation.trust())}, found ${JSON.stringify(trust)}`);
    }
    const managed = role.properties.ManagedPolicyArns;
    if (Array.isArray(managed) ? managed.length > 0 : managed !== undefined) {
      say(`the link role has ManagedPolicyArns ${JSON.stringify(managed)}; the link grants only through its allow* calls`);
    }
    const inline = role.properties.Policies;
    if (Array.isArray(inline) ? inline.length > 0 : inline !== undefined) {
      say(`the link role has inline Policies ${JSON.stringify(inline)}; the link grants only through its allow* calls`);
    }
  }

  const own = new Map<CfnResource, () => unknown>([[expectation.boundary.resource, expectation.boundary.document]]);
  if (expectation.permissions) own.set(expectation.permissions.resource, expectation.permissions.document);

  for (const { resource, stack, rendered } of scanOf(expectation.role)) {
    // Identity policies live in the role's account; another account's resources are denied by the boundary.
    if (!sameAccount(stack, roleStack)) continue;
    const where = `${resource.cfnResourceType} ${resource.node.path}`;
    const expected = own.get(resource);
    if (expected) {
      const actual = rendered.properties.PolicyDocument;
      if (canonical(actual) !== canonical(expected())) {
        say(`${where} is not what the allow* calls granted: expected ${JSON.stringify(expected())}, found ${JSON.stringify(actual)}`);
      }
      continue;
    }
    const sameStack = ownStack(resource);
    if (ROLE_POLICY_TYPES.has(resource.cfnResourceType)) {
      const attachedTo = resource.cfnResourceType === 'AWS::IAM::RolePolicy' ? [rendered.properties.RoleName] : rendered.properties.Roles;
      // A policy of Deny statements only takes permissions away: it cannot widen the link.
      if (Array.isArray(attachedTo) && attachedTo.some((r) => names(r, sameStack)) && !denyOnly(rendered.properties.PolicyDocument)) {
        say(`${where} grants the link role more than its allow* calls: ${summarize(rendered.properties.PolicyDocument)}; open the tenant's blocks with allowQuery/allowInvoke only`);
      }
      continue;
    }
    for (const principal of principalsIn(rendered.properties, resource.cfnResourceType)) {
      if (names(principal, sameStack)) {
        say(`${where} names the link role in a resource policy (${JSON.stringify(principal)}); the link is granted only through its allow* calls`);
        break;
      }
    }
  }
  return problems;
}

interface Rendered {
  readonly properties: Record<string, unknown>;
}

/** A candidate resource of the app, rendered once per synth for every link. */
interface Scanned {
  readonly resource: CfnResource;
  readonly stack: Stack;
  readonly rendered: Rendered;
}

const scans = new WeakMap<IConstruct, { readonly constructs: number; readonly resources: Scanned[] }>();
const armed = new WeakSet<IConstruct>();

/** The construct whose resources a link checks: its stage (usually the App). */
function scanRoot(scope: IConstruct): IConstruct {
  return Stage.of(scope) ?? scope.node.root;
}

/**
 * Makes every synth start with a fresh scan: a validation on the stage, which the synth visits
 * before any construct below it, drops the previous scan. The links of one synth then share one
 * rendering of the app's policy-carrying resources (one pass, not one per tenant).
 *
 * @param scope any construct of the link
 */
export function resetScanOnEverySynth(scope: IConstruct): void {
  // The guardrails' whole-stack check leaves the link's own resources to this check.
  registerLink(scope);
  const root = scanRoot(scope);
  if (armed.has(root)) return;
  armed.add(root);
  root.node.addValidation({
    validate: () => {
      scans.delete(root);
      return [];
    },
  });
}

/** The app's policy-carrying resources, rendered (cached for the current synth). */
function scanOf(scope: IConstruct): Scanned[] {
  const root = scanRoot(scope);
  const all = root.node.findAll();
  const cached = scans.get(root);
  // A construct added since the scan (a link validated outside a synth) invalidates it too.
  if (cached && cached.constructs === all.length) return cached.resources;
  const resources: Scanned[] = [];
  for (const c of all) {
    if (!CfnResource.isCfnResource(c)) continue;
    if (!ROLE_POLICY_TYPES.has(c.cfnResourceType) && !RESOURCE_POLICY_TYPES.has(c.cfnResourceType)) continue;
    const rendered = render(c);
    if (rendered) resources.push({ resource: c, stack: Stack.of(c), rendered });
  }
  scans.set(root, { constructs: all.length, resources });
  return resources;
}

function render(node: CfnResource): Rendered | undefined {
  try {
    const stack = Stack.of(node);
    const cfn = stack.resolve((node as unknown as { _toCloudFormation(): object })._toCloudFormation()) as {
      Resources: Record<string, { Properties?: Record<string, unknown> }>;
    };
    const [, resource] = Object.entries(cfn.Resources)[0];
    return { properties: resource.Properties ?? {} };
  } catch {
    return undefined;
  }
}

/** Whether two stacks may be in the same account (an unresolved account may be). */
function sameAccount(a: Stack, b: Stack): boolean {
  return Token.isUnresolved(a.account) || Token.isUnresolved(b.account) || a.account === b.account;
}

/** Whether a rendered value refers to the link role: by logical id (same stack), export, name or ARN. */
function refersToRole(value: unknown, roleId: string, roleName: string, sameStack: boolean): boolean {
  if (value === undefined || value === null) return false;
  const text = JSON.stringify(value);
  const escapedName = roleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The role (`:role/<path/>name`), its sessions (`:assumed-role/name/...`, which no boundary limits) or its bare name.
  const byName = new RegExp(`(^|"|:role/(?:[^"]*/)?|:assumed-role/)${escapedName}(?![\\w+=,.@-])`);
  if (byName.test(text)) return true;
  if (sameStack && (text.includes(`"Ref":"${roleId}"`) || text.includes(`"Fn::GetAtt":["${roleId}"`))) return true;
  // Another stack of the app imports the role's ARN or name through an export named after its logical id.
  return new RegExp(`"Fn::ImportValue":"[^"]*${roleId}[^"]*"`).test(text);
}

/** Every `Principal` of every policy statement in a resource's properties (and a Lambda permission's principal). */
function principalsIn(properties: Record<string, unknown>, type: string): unknown[] {
  const found: unknown[] = [];
  if (type === 'AWS::Lambda::Permission') found.push(properties.Principal);
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'Principal' && type !== 'AWS::Lambda::Permission') found.push(v);
        else walk(v);
      }
    }
  };
  walk(properties);
  return found;
}

/** Whether every statement of a document is a Deny. */
function denyOnly(document: unknown): boolean {
  const statements = (document as { Statement?: Array<Record<string, unknown>> } | undefined)?.Statement;
  return Array.isArray(statements) && statements.length > 0 && statements.every((s) => s.Effect === 'Deny');
}

/** A policy document with its statements in a stable order, for comparison. */
function canonical(document: unknown): string {
  const doc = document as { Statement?: unknown[] } | undefined;
  if (!doc || !Array.isArray(doc.Statement)) return JSON.stringify(doc);
  return JSON.stringify({ ...doc, Statement: doc.Statement.map((s) => JSON.stringify(s)).sort() });
}

/** `action on resource` pairs of a document, for the message. */
function summarize(document: unknown): string {
  const statements = (document as { Statement?: Array<Record<string, unknown>> } | undefined)?.Statement ?? [];
  return statements.map((s) => `${s.Effect} ${JSON.stringify(s.Action ?? s.NotAction)} on ${JSON.stringify(s.Resource ?? s.NotResource)}`).join('; ');
}
