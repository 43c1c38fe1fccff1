import { CfnResource, Reference, Stack, Stage, Token, Tokenization } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';

/**
 * The shared machinery of the guardrails' check pass (internal, not exported from the barrel):
 *
 * - one pass per synth: the per-stack indexes and renders below are built at most once per stack
 *   and per synth, and dropped when the synth validates the tree (so a fleet app does not keep a
 *   second copy of its templates in memory);
 * - the registry of the scopes the guardrails check (blocks) and of the CrossAccountLinks, which
 *   tells the whole-stack check which stacks are tenant stacks, which security groups belong to a
 *   block and which resources are the link's own;
 * - the whole-stack check of trust and resource policies (`foreignAccessProblems`).
 */

/** A resource as it will be synthesized, escape hatches and overrides included, tokens resolved. */
export interface Rendered {
  readonly logicalId: string;
  readonly properties: Record<string, unknown>;
  readonly deletionPolicy?: unknown;
  readonly updateReplacePolicy?: unknown;
}

/** Renders one L1 resource, or undefined when it cannot be rendered yet (synth reports its own error). */
export function render(node: CfnResource): Rendered | undefined {
  try {
    const stack = Stack.of(node);
    const cfn = stack.resolve((node as unknown as { _toCloudFormation(): object })._toCloudFormation()) as {
      Resources: Record<string, { Properties?: Record<string, unknown>; DeletionPolicy?: unknown; UpdateReplacePolicy?: unknown }>;
    };
    const [logicalId, resource] = Object.entries(cfn.Resources)[0];
    return {
      logicalId,
      properties: resource.Properties ?? {},
      deletionPolicy: resource.DeletionPolicy,
      updateReplacePolicy: resource.UpdateReplacePolicy,
    };
  } catch {
    return undefined;
  }
}

export const LOAD_BALANCER_TYPES = new Set([
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
]);

/** Group and rule resources name other groups as peers: that is not "using" the group. */
export const SECURITY_GROUP_RULE_TYPES = new Set(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress']);

/** `{ 'Fn::GetAtt': [id, ...] }` or `{ Ref: id }` -> id. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { 'Ref'?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  if (Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string') return v['Fn::GetAtt'][0];
  return undefined;
}

/** Every logical id a rendered value refers to (`Ref`, `Fn::GetAtt`), anywhere in it. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const id = referencedLogicalId(value);
  if (id !== undefined) into.add(id);
  for (const v of Object.values(value as object)) collectReferences(v, into);
}

/**
 * One stack seen by one check pass: its L1 resources by logical id, renders of the resources other
 * checks look up (a VPC's CIDR, a prefix list, the load balancers' groups), and who uses which
 * security group. Built lazily, at most once per pass: the load-balancer-only question used to
 * re-render the whole stack for every rule it was asked about.
 */
export class StackIndex {
  private resourceList?: CfnResource[];
  private byId?: Map<string, CfnResource>;
  private lbGroups?: Set<string>;
  private groupUsers?: Map<string, string>;
  private readonly renders = new Map<CfnResource, Rendered | undefined>();

  constructor(public readonly stack: Stack) {}

  /** The stack's own L1 resources (a nested stack's are its own). */
  public resources(): CfnResource[] {
    if (!this.resourceList) {
      this.resourceList = this.stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === this.stack);
    }
    return this.resourceList;
  }

  /** The resource of the stack with this logical id, if any. */
  public resource(logicalId: string): CfnResource | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const c of this.resources()) this.byId.set(this.stack.getLogicalId(c), c);
    }
    return this.byId.get(logicalId);
  }

  /** A resource of the stack, rendered once per pass (for lookups by other resources' checks). */
  public rendered(c: CfnResource): Rendered | undefined {
    if (!this.renders.has(c)) this.renders.set(c, render(c));
    return this.renders.get(c);
  }

  /** Logical ids (and literal group ids) of the security groups the stack's load balancers use. */
  public loadBalancerGroups(): Set<string> {
    if (!this.lbGroups) {
      const groups = new Set<string>();
      for (const lb of this.resources().filter((c) => LOAD_BALANCER_TYPES.has(c.cfnResourceType))) {
        const securityGroups = this.rendered(lb)?.properties.SecurityGroups;
        if (!Array.isArray(securityGroups)) continue;
        for (const group of securityGroups) {
          const id = typeof group === 'string' ? group : referencedLogicalId(group);
          if (id !== undefined) groups.add(id);
        }
      }
      this.lbGroups = groups;
    }
    return this.lbGroups;
  }

  /**
   * Whether the group (by logical id) is used by load balancers of the stack and by nothing else:
   * true, false (no load balancer uses it), or the type of another resource that uses it too.
   */
  public loadBalancerOnly(logicalId: string): boolean | string {
    if (!this.loadBalancerGroups().has(logicalId)) return false;
    if (!this.groupUsers) {
      // One rendering of the stack answers the question for every group of the pass.
      const users = new Map<string, string>();
      for (const c of this.resources()) {
        if (LOAD_BALANCER_TYPES.has(c.cfnResourceType) || SECURITY_GROUP_RULE_TYPES.has(c.cfnResourceType)) continue;
        const rendered = this.rendered(c);
        if (!rendered) continue;
        const refs = new Set<string>();
        collectReferences(rendered.properties, refs);
        for (const id of refs) {
          if (id !== rendered.logicalId && !users.has(id)) users.set(id, c.cfnResourceType);
        }
      }
      this.groupUsers = users;
    }
    return this.groupUsers.get(logicalId) ?? true;
  }
}

/** What one synth's check pass has learnt so far. */
class Pass {
  public readonly indexes = new Map<Stack, StackIndex>();
  /**
   * The last resource rendered as it was visited: the block's and the stack's aspects visit a
   * resource one after the other, so one slot lets them share the render without keeping every
   * render of a fleet in memory.
   */
  public lastVisited?: { readonly node: CfnResource; readonly rendered: Rendered | undefined };
  public tenantStacks?: Map<Stack, TenantStackInfo>;
}

/** A tenant stack: the platform accounts its links name. */
export interface TenantStackInfo {
  readonly platformAccounts: Set<string>;
}

interface Registry {
  readonly blocks: IConstruct[];
  readonly blockSet: WeakSet<IConstruct>;
  readonly links: IConstruct[];
  readonly linkSet: WeakSet<IConstruct>;
}

const registries = new WeakMap<IConstruct, Registry>();
const passes = new WeakMap<IConstruct, Pass>();

const rootsOfStacks = new WeakMap<Stack, IConstruct>();

function stackOf(scope: IConstruct): Stack | undefined {
  try {
    return Stack.of(scope);
  } catch {
    return undefined; // a construct outside any stack (the App itself)
  }
}

/** The construct a synth starts from for `scope`: its stage (usually the App), or the tree's root. */
export function passRoot(scope: IConstruct): IConstruct {
  // Stage.of walks every ancestor: remember the answer per stack, which every resource has.
  const stack = stackOf(scope);
  if (stack && stack !== scope) {
    let root = rootsOfStacks.get(stack);
    if (!root) rootsOfStacks.set(stack, (root = passRoot(stack)));
    return root;
  }
  return Stage.of(scope) ?? scope.node.root;
}

function registryOf(root: IConstruct): Registry {
  let registry = registries.get(root);
  if (!registry) {
    registry = { blocks: [], blockSet: new WeakSet(), links: [], linkSet: new WeakSet() };
    registries.set(root, registry);
    // Drop the pass once the synth validates: its renders are not needed after the aspects ran.
    root.node.addValidation({
      validate: () => {
        passes.delete(root);
        return [];
      },
    });
  }
  return registry;
}

/**
 * Records a scope the guardrails check (a block). Returns true the first time anything is
 * registered under this root, so the caller adds the whole-stack aspect once.
 */
export function registerBlock(scope: IConstruct): boolean {
  const root = passRoot(scope);
  const fresh = !registries.has(root);
  const registry = registryOf(root);
  if (!registry.blockSet.has(scope)) {
    registry.blockSet.add(scope);
    registry.blocks.push(scope);
  }
  return fresh;
}

/** Records a CrossAccountLink: its resources are checked by the link's own containment, not here. */
export function registerLink(link: IConstruct): void {
  const registry = registryOf(passRoot(link));
  if (!registry.linkSet.has(link)) {
    registry.linkSet.add(link);
    registry.links.push(link);
  }
}

/** Starts a fresh pass for `root` (the whole-stack aspect visits the root before anything else). */
export function startPass(root: IConstruct): void {
  passes.set(root, new Pass());
}

function passOf(scope: IConstruct): Pass {
  const root = passRoot(scope);
  let pass = passes.get(root);
  if (!pass) {
    pass = new Pass();
    passes.set(root, pass);
  }
  return pass;
}

/** The index of `stack` for the current pass. */
export function indexOf(stack: Stack): StackIndex {
  const pass = passOf(stack);
  let index = pass.indexes.get(stack);
  if (!index) {
    index = new StackIndex(stack);
    pass.indexes.set(stack, index);
  }
  return index;
}

/** `node` rendered as it is visited, once per pass for every aspect that visits it. */
export function renderVisited(node: CfnResource): Rendered | undefined {
  const pass = passOf(node);
  if (pass.lastVisited?.node !== node) pass.lastVisited = { node, rendered: render(node) };
  return pass.lastVisited.rendered;
}

/** Whether `node` is (below) a scope in the set. */
function under(node: IConstruct, set: WeakSet<IConstruct>): boolean {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    if (set.has(c)) return true;
  }
  return false;
}

/** Whether `node` is (below) a block, i.e. checked by the block's own guardrails. */
export function isInBlock(node: IConstruct): boolean {
  const registry = registries.get(passRoot(node));
  return registry !== undefined && under(node, registry.blockSet);
}

/** Whether `node` is (below) a CrossAccountLink. */
export function isInLink(node: IConstruct): boolean {
  const registry = registries.get(passRoot(node));
  return registry !== undefined && under(node, registry.linkSet);
}

/**
 * The tenant stack `node` belongs to, or undefined: a stack holding a block of a tenant (a block
 * with a `tenantId`; the hub is a block without one and legitimately names tenant accounts).
 */
export function tenantStackOf(node: IConstruct): TenantStackInfo | undefined {
  const root = passRoot(node);
  const pass = passOf(node);
  if (!pass.tenantStacks) {
    const stacks = new Map<Stack, TenantStackInfo>();
    const registry = registries.get(root);
    for (const block of registry?.blocks ?? []) {
      if (typeof (block as { tenantId?: unknown }).tenantId !== 'string') continue;
      const stack = Stack.of(block);
      if (!stacks.has(stack)) stacks.set(stack, { platformAccounts: new Set() });
    }
    for (const link of registry?.links ?? []) {
      const info = stacks.get(Stack.of(link));
      if (!info) continue;
      const l = link as { platformAccountId?: unknown; hub?: { platformAccountId?: unknown } };
      for (const platform of [l.platformAccountId, l.hub?.platformAccountId]) {
        if (typeof platform === 'string' && !Token.isUnresolved(platform)) info.platformAccounts.add(platform);
      }
    }
    pass.tenantStacks = stacks;
  }
  return pass.tenantStacks.get(Stack.of(node));
}

/**
 * The security group a rule resource targets, when it can be found in the app: by the logical id of
 * its rendered `GroupId` in the rule's own stack, else through the token it was built from (a
 * group of another stack, referenced across stacks).
 */
export function targetGroupOf(rule: CfnResource, groupId: unknown): CfnResource | undefined {
  const id = referencedLogicalId(groupId);
  if (id === undefined) return undefined;
  const own = indexOf(Stack.of(rule)).resource(id);
  if (own) return own.cfnResourceType === 'AWS::EC2::SecurityGroup' ? own : undefined;
  const l1 = (rule as unknown as { groupId?: unknown }).groupId;
  if (typeof l1 !== 'string' || !Token.isUnresolved(l1)) return undefined;
  const token = Tokenization.reverseString(l1).firstToken;
  if (!Reference.isReference(token) || !CfnResource.isCfnResource(token.target)) return undefined;
  const target = token.target;
  if (target.cfnResourceType !== 'AWS::EC2::SecurityGroup' || Stack.of(target).resolve(target.logicalId) !== id) return undefined;
  return target;
}

// ------------------------------------------------------------------------------------------------
// Trust and resource policies of a tenant stack

/**
 * Resource types whose properties hold a trust or resource policy that can admit a principal into
 * the account. A VPC endpoint policy is not one: it filters what leaves through the endpoint.
 */
export const RESOURCE_POLICY_TYPES = new Set([
  'AWS::ApiGateway::RestApi', 'AWS::Backup::BackupVault', 'AWS::CodeArtifact::Domain', 'AWS::CodeArtifact::Repository',
  'AWS::DynamoDB::ResourcePolicy', 'AWS::DynamoDB::Table', 'AWS::ECR::Repository', 'AWS::EFS::FileSystem',
  'AWS::Events::EventBus', 'AWS::Events::EventBusPolicy', 'AWS::Glue::ResourcePolicy', 'AWS::IAM::Role',
  'AWS::Kinesis::ResourcePolicy', 'AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'AWS::Lambda::LayerVersionPermission',
  'AWS::Lambda::Permission', 'AWS::Logs::Destination', 'AWS::Logs::ResourcePolicy', 'AWS::OpenSearchService::Domain',
  'AWS::S3::AccessPoint', 'AWS::S3::BucketPolicy', 'AWS::S3Express::BucketPolicy', 'AWS::SecretsManager::ResourcePolicy',
  'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy',
]);

/** Condition keys that hold the caller to one account. */
const ACCOUNT_CONDITION_KEYS = ['aws:principalaccount', 'aws:sourceaccount', 'kms:calleraccount'];
/** Condition keys that admit an organization (or a part of one). */
const ORGANIZATION_CONDITION_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths'];

/** The accounts Elastic Load Balancing delivers access logs from (AWS's own, one per region). */
let elbAccounts: Set<string> | undefined;
function elbLogDeliveryAccounts(): Set<string> {
  elbAccounts ??= new Set(RegionInfo.regions.map((r) => r.elbv2Account).filter((a): a is string => a !== undefined));
  return elbAccounts;
}

const OWN = 'own';
/** How a principal reads: the tenant's own account or an AWS service (OWN), or a door, described. */
type Reading = typeof OWN | { readonly door: string };

interface Context {
  readonly ownAccount?: string;
  readonly platformAccounts: Set<string>;
  readonly index: StackIndex;
}

function readAccount(ctx: Context, id: string, statement: Record<string, unknown>): Reading {
  if (id === ctx.ownAccount) return OWN;
  if (ctx.platformAccounts.has(id)) return { door: `the platform account ${id}` };
  // AWS's access-log delivery account for load balancers, allowed to put objects and nothing else.
  if (elbLogDeliveryAccounts().has(id) && onlyActions(statement, /^s3:PutObject$/)) return OWN;
  return { door: `account ${id}` };
}

function onlyActions(statement: Record<string, unknown>, pattern: RegExp): boolean {
  const actions = statement.Action;
  const list = Array.isArray(actions) ? actions : [actions];
  return list.length > 0 && list.every((a) => typeof a === 'string' && pattern.test(a));
}

/** A principal ARN or account id as text, with the partition and the stack's own account filled in; undefined when unreadable. */
function principalText(ctx: Context, value: unknown): string | undefined {
  if (typeof value === 'string') return Token.isUnresolved(value) ? undefined : value;
  if ((value as { Ref?: unknown } | null)?.Ref === 'AWS::AccountId') return ctx.ownAccount ?? '<own>';
  const join = (value as { 'Fn::Join'?: unknown } | null)?.['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) {
    let text = '';
    for (const part of join[1] as unknown[]) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const ref = (part as { Ref?: unknown } | null)?.Ref;
      if (ref === 'AWS::Partition') text += 'aws';
      else if (ref === 'AWS::URLSuffix') text += 'amazonaws.com';
      else if (ref === 'AWS::AccountId' && ctx.ownAccount) text += ctx.ownAccount;
      else if (ref === 'AWS::AccountId') text += '<own>';
      else return undefined;
    }
    return text;
  }
  return undefined;
}

function readAws(ctx: Context, value: unknown, statement: Record<string, unknown>): Reading {
  if (value === '*') return readStar(ctx, statement.Condition);
  // A role or user of this stack (`Fn::GetAtt [role, Arn]`) is in the tenant account.
  const id = referencedLogicalId(value);
  if (id !== undefined && !id.startsWith('AWS::') && ctx.index.resource(id) !== undefined) return OWN;
  const text = principalText(ctx, value);
  if (text === undefined) return { door: `a principal the guardrails cannot read (${JSON.stringify(value)})` };
  if (text.includes('<own>')) return OWN;
  const match = /^(\d{12})$/.exec(text) ?? /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(text);
  if (!match) return { door: `a principal the guardrails cannot read (${JSON.stringify(value)})` };
  return readAccount(ctx, match[1], statement);
}

/** `*`: the tenant's own account only when a condition holds the caller to it. */
function readStar(ctx: Context, condition: unknown): Reading {
  const keys = new Map<string, unknown>();
  if (condition !== null && typeof condition === 'object') {
    for (const [operator, block] of Object.entries(condition as object)) {
      if (block === null || typeof block !== 'object') continue;
      for (const [key, value] of Object.entries(block as object)) {
        keys.set(key.toLowerCase(), value);
        const values = Array.isArray(value) ? value : [value];
        if (operator === 'StringEquals' && ACCOUNT_CONDITION_KEYS.includes(key.toLowerCase())
          && ctx.ownAccount !== undefined && values.length > 0 && values.every((v) => v === ctx.ownAccount)) {
          return OWN;
        }
      }
    }
  }
  if (ORGANIZATION_CONDITION_KEYS.some((k) => keys.has(k))) {
    const org = ORGANIZATION_CONDITION_KEYS.filter((k) => keys.has(k)).map((k) => `${k} ${JSON.stringify(keys.get(k))}`).join(', ');
    return { door: `* within an organization (${org})` };
  }
  if (keys.size > 0) return { door: `* with conditions that do not hold the caller to the tenant account (${[...keys.keys()].join(', ')})` };
  return { door: '* (anyone)' };
}

function readPrincipal(ctx: Context, principal: unknown, statement: Record<string, unknown>): Reading[] {
  if (principal === '*') return [readStar(ctx, statement.Condition)];
  if (principal === null || typeof principal !== 'object' || Array.isArray(principal) || referencedLogicalId(principal) !== undefined) {
    return [{ door: `a principal the guardrails cannot read (${JSON.stringify(principal)})` }];
  }
  const readings: Reading[] = [];
  for (const [kind, value] of Object.entries(principal as object)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (kind === 'Service') readings.push(OWN);
      else if (kind === 'AWS') readings.push(readAws(ctx, v, statement));
      else if (kind === 'Federated') readings.push({ door: `the identity provider ${JSON.stringify(v)} (identities from outside the account)` });
      else readings.push({ door: `a ${kind} principal the guardrails cannot tie to the tenant account (${JSON.stringify(v)})` });
    }
  }
  return readings;
}

/** A Lambda permission's principal: a service, an account, an ARN, `*`, or unreadable. */
function readPermission(ctx: Context, p: Record<string, unknown>): Reading[] {
  const principal = p.Principal;
  const readings: Reading[] = [];
  if (p.PrincipalOrgID !== undefined) readings.push({ door: `an organization (PrincipalOrgID ${JSON.stringify(p.PrincipalOrgID)})` });
  if (typeof principal === 'string' && !Token.isUnresolved(principal) && /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) {
    readings.push(OWN);
  } else if (principal === '*') {
    const condition = p.SourceAccount !== undefined ? { StringEquals: { 'aws:SourceAccount': p.SourceAccount } } : undefined;
    readings.push(readStar(ctx, condition));
  } else {
    readings.push(readAws(ctx, principal, { Action: p.Action }));
  }
  return readings;
}

/** Every statement-like object (one with a `Principal`) in a rendered value. */
function statementsIn(value: unknown, into: Array<Record<string, unknown>>): void {
  if (Array.isArray(value)) {
    for (const v of value) statementsIn(v, into);
  } else if (value !== null && typeof value === 'object') {
    if ('Principal' in (value as object)) {
      into.push(value as Record<string, unknown>);
      return;
    }
    for (const v of Object.values(value as object)) statementsIn(v, into);
  }
}

/**
 * The doors a trust or resource policy of a tenant stack opens into the tenant account: each
 * principal of an Allow statement that is not the tenant's own account or an AWS service (the
 * platform account, another account, an organization, `*` not held to the account, a principal
 * that cannot be read), and any Allow statement that names the platform account elsewhere (a
 * condition on a source account or ARN).
 */
export function foreignAccessProblems(node: CfnResource, rendered: Rendered, tenant: TenantStackInfo): string[] {
  const stack = Stack.of(node);
  const ctx: Context = {
    ownAccount: Token.isUnresolved(stack.account) ? undefined : stack.account,
    platformAccounts: tenant.platformAccounts,
    index: indexOf(stack),
  };
  const type = node.cfnResourceType;
  const p = rendered.properties;
  const doors = new Set<string>();
  const add = (readings: Reading[]) => readings.forEach((r) => r !== OWN && doors.add(r.door));
  const namesPlatform = (statement: unknown) => {
    const text = JSON.stringify(statement);
    for (const a of ctx.platformAccounts) if (text.includes(a)) doors.add(`the platform account ${a}`);
  };
  if (type === 'AWS::Lambda::Permission' || type === 'AWS::Lambda::LayerVersionPermission') {
    add(readPermission(ctx, p));
    namesPlatform({ SourceAccount: p.SourceAccount, SourceArn: p.SourceArn });
  } else {
    const statements: Array<Record<string, unknown>> = [];
    statementsIn(p, statements);
    for (const statement of statements) {
      if (statement.Effect === 'Deny') continue; // a Deny takes access away: never a door
      add(readPrincipal(ctx, statement.Principal, statement));
      namesPlatform(statement);
    }
  }
  if (doors.size === 0) return [];
  const policy = type === 'AWS::IAM::Role' ? 'trust policy' : 'resource policy';
  return [`${policy} admits ${[...doors].join('; ')} into the tenant account; only the CrossAccountLink may (its allow* calls), or exempt this resource with a reason`];
}
