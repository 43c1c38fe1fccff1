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

  for (const { resource, stack, rendered } of candidatesOf(expectation, roleStack, roleId)) {
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
  /** The rendered properties as JSON, computed once. */
  readonly text: string;
}

/**
 * The app's policy-carrying resources, rendered once, indexed so that each link looks only at the
 * resources that can name it: those of its own stack (references by logical id), those naming a
 * role by a name (indexed by the words that start like the link role names), and those importing
 * a value from another stack. Looking at every resource of the app for every link made a fleet's
 * synth quadratic in the number of tenants.
 */
interface Scan {
  readonly resources: Scanned[];
  readonly byStack: Map<Stack, Scanned[]>;
  readonly imports: Scanned[];
  /** Per role-name prefix: the resources holding each word that starts with it. */
  readonly byWord: Map<string, Map<string, Scanned[]>>;
  /** Link validations of this synth still to come: the scan is dropped after the last one. */
  remaining: number;
}

const scans = new WeakMap<IConstruct, Scan>();
const armed = new WeakSet<IConstruct>();
const linkCounts = new WeakMap<IConstruct, number>();

/** The construct whose resources a link checks: its stage (usually the App). */
function scanRoot(scope: IConstruct): IConstruct {
  return Stage.of(scope) ?? scope.node.root;
}

/**
 * Makes every synth share one scan: a validation on the stage, which the synth visits before any
 * construct below it, renders the app's policy-carrying resources once for all the links of the
 * synth (one pass, not one per tenant); the last link to validate drops it. A link validated
 * outside a synth (`link.node.validate()`) scans afresh.
 *
 * @param scope any construct of the link
 */
export function resetScanOnEverySynth(scope: IConstruct): void {
  // The guardrails' whole-stack check leaves the link's own resources to this check.
  registerLink(scope);
  const root = scanRoot(scope);
  linkCounts.set(root, (linkCounts.get(root) ?? 0) + 1);
  if (armed.has(root)) return;
  armed.add(root);
  root.node.addValidation({
    validate: () => {
      scans.set(root, scanApp(root, linkCounts.get(root) ?? 0));
      return [];
    },
  });
}

/** Renders and indexes the app's policy-carrying resources. */
function scanApp(root: IConstruct, links: number): Scan {
  const resources: Scanned[] = [];
  const byStack = new Map<Stack, Scanned[]>();
  const imports: Scanned[] = [];
  for (const c of root.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    if (!ROLE_POLICY_TYPES.has(c.cfnResourceType) && !RESOURCE_POLICY_TYPES.has(c.cfnResourceType)) continue;
    const rendered = render(c);
    if (!rendered) continue;
    const stack = Stack.of(c);
    const scanned: Scanned = { resource: c, stack, rendered, text: JSON.stringify(rendered.properties) };
    resources.push(scanned);
    let list = byStack.get(stack);
    if (!list) byStack.set(stack, (list = []));
    list.push(scanned);
    if (scanned.text.includes('"Fn::ImportValue"')) imports.push(scanned);
  }
  return { resources, byStack, imports, byWord: new Map(), remaining: links };
}

/** Characters a role name may hold (IAM: `[\w+=,.@-]`): a name is a whole word of them. */
const NAME_SEPARATORS = /[^\w+=,.@-]+/;

/** The resources holding a word equal to `roleName`, through an index of the words starting like it. */
function namingResources(scan: Scan, roleName: string, tenantId: string): Scanned[] {
  // Link role names are a fixed prefix + the tenant id: one index per prefix serves every link.
  const prefix = roleName.endsWith(tenantId) && roleName.length > tenantId.length ? roleName.slice(0, -tenantId.length) : roleName;
  let index = scan.byWord.get(prefix);
  if (!index) {
    index = new Map();
    for (const scanned of scan.resources) {
      if (!scanned.text.includes(prefix)) continue;
      for (const word of new Set(scanned.text.split(NAME_SEPARATORS))) {
        if (!word.startsWith(prefix)) continue;
        let list = index.get(word);
        if (!list) index.set(word, (list = []));
        list.push(scanned);
      }
    }
    scan.byWord.set(prefix, index);
  }
  return index.get(roleName) ?? [];
}

/** The resources that can name the link role: its stack's, those naming it, those importing values. */
function candidatesOf(expectation: LinkContainmentExpectation, roleStack: Stack, roleId: string): Scanned[] {
  const root = scanRoot(expectation.role);
  let scan = scans.get(root);
  const inSynth = scan !== undefined;
  scan ??= scanApp(root, 0);
  if (inSynth && --scan.remaining <= 0) scans.delete(root); // the last link of the synth: free the renders
  const found = new Set<Scanned>([
    ...(scan.byStack.get(roleStack) ?? []),
    ...namingResources(scan, expectation.roleName, expectation.tenantId),
    ...scan.imports.filter((s) => s.text.includes(roleId)),
  ]);
  return [...found];
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
