import { randomBytes } from 'crypto';
import { Annotations, CfnResource, Duration, Lazy, Stack, Tags, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, IConstruct } from 'constructs';
import { LogShipping, TENANT_TAG, TenantGuardrails } from '../../core';
import { TenantFunction } from '../function';
import { TenantPostgres } from '../postgres';
import { linkContainmentProblems, resetScanOnEverySynth } from './link-containment';
import { LogSender } from './log-sender';
import { IAM_EVENTS_REGION, LINK_FORWARDED_SOURCES, linkForwardingRules } from '../../core/link-events';
import { LINK_ROLE_NAME_PREFIX, partitionOf } from '../../core/hub-names';
import { PlatformHubReference } from '../../core/platform-hub-reference';
import { CrossAccountLinkProps } from './cross-account-link-props';
import { validateCrossAccountLinkProps } from './validate-cross-account-link-props';

/** How long an assumed link session lasts at most: the console re-assumes, nobody keeps a session. */
const MAX_SESSION = Duration.hours(1);

/** KMS key administration: never reachable through the link. */
const KMS_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:ConnectCustomKeyStore', 'kms:Create*', 'kms:Delete*', 'kms:Disable*',
  'kms:DisconnectCustomKeyStore', 'kms:Enable*', 'kms:ImportKeyMaterial', 'kms:Put*', 'kms:ReplicateKey',
  'kms:RetireGrant', 'kms:RevokeGrant', 'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion', 'kms:TagResource',
  'kms:UntagResource', 'kms:Update*',
];

/**
 * The only door from the platform account into a tenant account: a role that a few named platform
 * roles may assume with an external id and a source identity, and that can do nothing until
 * `allow*` calls add exactly what they name. Deployed in the tenant account.
 *
 * Baked in, each with its reason:
 * - the role `tenant-blocks-link-<tenantId>` (a fixed name, so the platform can compute its ARN and
 *   `PlatformHub.grantAssumeTenantLinks` can scope to it); one link per tenant and account;
 * - trust: only the listed role ARNs, only with `sts:ExternalId`, only with a source identity
 *   (`sts:SetSourceIdentity` allowed and `sts:SourceIdentity` required, so CloudTrail in the tenant
 *   account names the person or service behind every session), and with `aws:PrincipalOrgID` when
 *   `organizationId` is given; sessions last one hour at most;
 * - a permissions boundary that holds exactly the statements the `allow*` calls granted (no
 *   wildcard resource) and denies IAM, Organizations, STS (no role chaining), KMS key
 *   administration and any resource of another account: the effective permissions of the role are
 *   the `allow*` table whatever else is attached to it;
 * - a synth-time check (a construct validation of the link) that fails the synth when anything in
 *   the app grants the link role more than its `allow*` calls (`db.grantConnect(link.role)`, a key
 *   policy naming the role, a statement added to its policies, ...);
 * - no identity policy until an `allow*` call: a fresh link grants nothing;
 * - `allowInvoke` opens a dedicated `platform` alias (serving the live version), so the app can
 *   tell a link invocation from a customer request by `context.invokedFunctionArn`;
 * - with a `hub`: EventBridge rules forwarding what the platform must see (stack status, RDS cluster
 *   events, backup job results, security group changes, the tenant's alarms, secret rotations, KMS
 *   key disable/deletion, recovery point and snapshot deletions, RDS maintenance, subscription
 *   filter deletions, certificate expiry, Lambda runtime deprecations and, in us-east-1, IAM
 *   changes to the link) to the hub's bus through a role only these rules can use
 *   (`aws:SourceAccount`, `aws:SourceArn`), and `logShipping` to the hub's log destination for
 *   every block of the tenant.
 */
export class CrossAccountLink extends Construct {
  /**
   * Every event `source` a link forwards to the hub (whatever its region): the hub's bus admits
   * exactly these from tenant accounts.
   */
  public static readonly FORWARDED_SOURCES: string[] = [...LINK_FORWARDED_SOURCES];

  /**
   * The name of the function alias `allowInvoke` opens: `platform`. A handler invoked through it
   * sees `context.invokedFunctionArn` ending in `:platform`; the load balancer invokes `live`.
   */
  public static readonly INVOKE_ALIAS_NAME: string = 'platform';

  /**
   * A new external id: 48 hexadecimal characters (192 bits) from the operating system's
   * cryptographic random source. Generate one per tenant, once, on the platform side; store it
   * with the tenant's record (the platform passes it on every `sts:AssumeRole`), never in a
   * repository.
   */
  public static generateExternalId(): string {
    return randomBytes(24).toString('hex');
  }

  /**
   * The role name of the link of `tenantId`: `tenant-blocks-link-<tenantId>`.
   *
   * @param tenantId the tenant
   */
  public static roleNameFor(tenantId: string): string {
    return `${LINK_ROLE_NAME_PREFIX}${tenantId}`;
  }

  /**
   * The role ARN of the link of `tenantId` in `tenantAccountId`, for the platform to assume.
   *
   * @param tenantAccountId the tenant account (12 digits)
   * @param tenantId the tenant id
   * @param partition the AWS partition
   */
  public static roleArnFor(tenantAccountId: string, tenantId: string, partition: string = 'aws'): string {
    return `arn:${partition}:iam::${tenantAccountId}:role/${CrossAccountLink.roleNameFor(tenantId)}`;
  }

  /** The link role. */
  public readonly role: iam.IRole;

  /** ARN of the link role, for the platform to record and assume. */
  public readonly roleArn: string;

  /** The external id the platform must pass to assume the link. */
  public readonly externalId: string;

  /** The tenant whose account this link opens. */
  public readonly tenantId: string;

  /** The platform account. */
  public readonly platformAccountId: string;

  /**
   * The permissions boundary of the link role: exactly the statements of the `allow*` calls,
   * plus the denies listed on the class.
   */
  public readonly permissionsBoundary: iam.IManagedPolicy;

  /**
   * Where the tenant's blocks ship their log groups: the hub's destination, or
   * `LogShipping.none()` without a hub. Pass it to every block as `logShipping`.
   */
  public readonly logShipping: LogShipping;

  /** The hub this link forwards to, if any. */
  public readonly hub?: PlatformHubReference;

  /**
   * Whether the link forwards IAM changes to its own role and policies to the hub: only with a hub
   * and only in us-east-1, where IAM (a global service) delivers its CloudTrail events to
   * EventBridge. Elsewhere the rule cannot see anything, so it is not created, and the synth says so
   * (an info message on the link; docs/blocks/link.md says how to watch these changes from us-east-1).
   */
  public readonly forwardsIamChanges: boolean;

  /**
   * The role CloudWatch Logs checks on the subscription filters of this link's stack when the hub
   * admits an organization (`logsThroughOrganization`); none otherwise.
   */
  public readonly logSenderRole?: iam.IRole;

  private permissions?: iam.ManagedPolicy;
  private readonly boundary: iam.ManagedPolicy;
  private readonly granted = new Set<string>();
  /** Every statement the allow* calls granted, in order: the Permissions policy and the boundary hold exactly these. */
  private readonly grantedStatements: iam.PolicyStatement[] = [];
  private readonly denyStatements: iam.PolicyStatement[];

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: CrossAccountLinkProps) {
    validateCrossAccountLinkProps(Stack.of(scope), props);
    super(scope, id);
    // First, before any child: the guardrails also turn off the children's creation stack traces.
    TenantGuardrails.applyTo(this);

    this.tenantId = props.tenantId;
    this.platformAccountId = props.platformAccountId;
    this.externalId = props.externalId;
    this.hub = props.hub;
    const stack = Stack.of(this);

    this.denyStatements = boundaryDenies(stack.account);
    this.boundary = this.createBoundary();
    this.permissionsBoundary = this.boundary;
    const platformRoles = this.platformRolesOf(props);
    const role = this.createRole(props, platformRoles);
    this.role = role;
    this.roleArn = role.roleArn;
    this.checkContainment(role, platformRoles);
    this.logShipping = this.connectHub(props.hub);
    // Issue 24 §4: an organization destination wants a sender role on every filter (none on the listed path).
    this.logSenderRole = props.hub && props.logsThroughOrganization === true
      ? LogSender.in(stack, this.tenantId, props.hub.logDestinationArn)
      : undefined;
    this.forwardsIamChanges = props.hub !== undefined && stack.region === IAM_EVENTS_REGION;

    // The link belongs to no tier: tag it with the tenant only (checked like every block, above).
    Tags.of(this).add(TENANT_TAG, props.tenantId);
  }

  /**
   * Lets the platform query `database` through the RDS Data API with its read-only user, and
   * nothing else: `rds-data:ExecuteStatement` on that cluster, `secretsmanager:GetSecretValue` on
   * its read-only secret, and `kms:Decrypt` of that secret (through Secrets Manager, for that
   * secret's ARN) with the secret's key. The same statements join the boundary.
   *
   * @param database the tenant database the console may query (read-only user); it must belong to this link's tenant
   * @throws Error when `database` is not a `TenantPostgres` or belongs to another tenant or account
   */
  public allowQuery(database: TenantPostgres): void {
    this.checkBlock('allowQuery', 'TenantPostgres', database, database instanceof TenantPostgres);
    const secret = database.readOnlySecret;
    const region = Stack.of(this).region;
    const statements = [
      new iam.PolicyStatement({
        actions: ['rds-data:ExecuteStatement'],
        resources: [database.cluster.clusterArn],
      }),
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [secret.secretArn],
      }),
    ];
    // A secret under the AWS managed key needs no key grant; a customer key (the tenant key) does.
    if (secret.encryptionKey) {
      statements.push(new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [secret.encryptionKey.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `secretsmanager.${region}.amazonaws.com`,
            'kms:EncryptionContext:SecretARN': secret.secretArn,
          },
        },
      }));
    }
    this.grant(`query:${database.node.path}`, statements);
  }

  /**
   * Lets the platform invoke `fn` through its `platform` alias, and nothing else:
   * `lambda:InvokeFunction` on that alias ARN (neither the unqualified function, nor `$LATEST`,
   * nor `live`, nor any version). The alias is created in `fn` and serves the same version as
   * `live`; the handler sees `context.invokedFunctionArn` ending in `:platform`, which only
   * a link invocation can produce. The platform can send any payload, including one shaped like a
   * load balancer request: the app must not treat an invocation through `platform` as a customer
   * request.
   *
   * @param fn the tenant function the platform may invoke; it must belong to this link's tenant
   * @throws Error when `fn` is not a `TenantFunction` or belongs to another tenant or account
   */
  public allowInvoke(fn: TenantFunction): void {
    this.checkBlock('allowInvoke', 'TenantFunction', fn, fn instanceof TenantFunction);
    const alias = platformAliasOf(fn);
    this.grant(`invoke:${fn.node.path}`, [
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [alias.functionArn],
      }),
    ]);
  }

  /**
   * The permissions boundary: the denies only, until the `allow*` calls add exactly their
   * statements in front of them ({@link grant}).
   */
  private createBoundary(): iam.ManagedPolicy {
    return new iam.ManagedPolicy(this, 'Boundary', {
      description: `Permissions boundary of the cdk-tenant-blocks link of tenant ${this.tenantId}: exactly what its allow* calls granted`,
      statements: this.denyStatements,
    });
  }

  /**
   * The listed platform roles as one trust principal: only with the external id (and the
   * organization, when given), and only with a source identity, so CloudTrail names who acted.
   */
  private platformRolesOf(props: CrossAccountLinkProps): PlatformRoles {
    const conditions: Record<string, Record<string, unknown>> = {
      StringEquals: {
        'sts:ExternalId': props.externalId,
        ...(props.organizationId ? { 'aws:PrincipalOrgID': props.organizationId } : {}),
      },
      // A session without a source identity is refused: CloudTrail here must name who acted.
      Null: { 'sts:SourceIdentity': 'false' },
    };
    return new PlatformRoles(props.platformRoleArns, conditions);
  }

  /**
   * The link role `tenant-blocks-link-<tenantId>` (a fixed name the platform computes): trusted by
   * the platform roles, one-hour sessions, under the boundary, which the guardrails require.
   */
  private createRole(props: CrossAccountLinkProps, platformRoles: PlatformRoles): iam.Role {
    const role = new iam.Role(this, 'Resource', {
      roleName: CrossAccountLink.roleNameFor(props.tenantId),
      description: `cdk-tenant-blocks link of tenant ${props.tenantId}: assumed by the platform account ${props.platformAccountId}`,
      // One statement naming every role (a composite principal would repeat the conditions per role).
      assumedBy: platformRoles,
      maxSessionDuration: MAX_SESSION,
      permissionsBoundary: this.boundary,
    });
    // The boundary is what keeps the link small: the guardrails report an escape hatch that removes or swaps it.
    TenantGuardrails.requirePermissionsBoundary(role, this.boundary);
    return role;
  }

  /**
   * The synth-time containment check: nothing in the app may grant the link role more than its
   * `allow*` calls (checked over the whole app, once per synth).
   */
  private checkContainment(role: iam.Role, platformRoles: PlatformRoles): void {
    const stack = Stack.of(this);
    resetScanOnEverySynth(this);
    this.node.addValidation({
      validate: () => linkContainmentProblems({
        tenantId: this.tenantId,
        role: role.node.defaultChild as CfnResource,
        roleName: CrossAccountLink.roleNameFor(this.tenantId),
        trust: () => {
          const trust = new iam.PolicyDocument();
          platformRoles.addToAssumeRolePolicy(trust);
          return stack.resolve(trust);
        },
        boundary: {
          resource: this.boundary.node.defaultChild as CfnResource,
          document: () => this.expectedDocument([...this.grantedStatements, ...this.denyStatements]),
        },
        permissions: this.permissions
          ? { resource: this.permissions.node.defaultChild as CfnResource, document: () => this.expectedDocument(this.grantedStatements) }
          : undefined,
      }),
    });
  }

  /**
   * With a hub: the change-event rules to its bus, and log shipping to its destination. Without
   * one: nothing is forwarded, `LogShipping.none()`.
   */
  private connectHub(hub: PlatformHubReference | undefined): LogShipping {
    if (!hub) return LogShipping.none();
    const stack = Stack.of(this);
    this.forwardChangeEvents(hub, partitionOf(stack), stack.region, stack.account);
    return LogShipping.toDestination(hub.logDestinationArn);
  }

  /** Rejects anything but a block of this link's tenant, in this link's account. */
  private checkBlock(method: string, type: string, block: { tenantId?: unknown } & Partial<IConstruct> | undefined, isType: boolean): void {
    const prefix = `CrossAccountLink of tenant "${this.tenantId}"`;
    if (!isType || block === undefined || block === null) {
      throw new Error(`${prefix}: ${method} needs a ${type} (got: ${describe(block)})`);
    }
    const construct = block as IConstruct & { tenantId: string };
    if (construct.tenantId !== this.tenantId) {
      throw new Error(`${prefix}: ${method}(${construct.node.path}) is a ${type} of tenant "${construct.tenantId}"; a link opens only its own tenant's blocks`);
    }
    const here = Stack.of(this).account;
    const there = Stack.of(construct).account;
    if (!Token.isUnresolved(here) && !Token.isUnresolved(there) && here !== there) {
      throw new Error(`${prefix}: ${method}(${construct.node.path}) is in account ${there}, not the link's account ${here}`);
    }
  }

  private grant(key: string, statements: iam.PolicyStatement[]): void {
    if (this.granted.has(key)) return;
    this.granted.add(key);
    this.permissions ??= new iam.ManagedPolicy(this, 'Permissions', {
      description: `What the platform may do in tenant ${this.tenantId}'s account through the link`,
      roles: [this.role],
    });
    for (const statement of statements) {
      this.grantedStatements.push(statement);
      this.permissions.addStatements(statement);
    }
    // The boundary holds exactly the granted statements (first) and the denies, so identity ∩ boundary = allow*.
    const boundaryDocument = (this.boundary.node.defaultChild as iam.CfnManagedPolicy);
    boundaryDocument.policyDocument = new iam.PolicyDocument({ statements: [...this.grantedStatements, ...this.denyStatements] });
  }

  /** A document of `statements` resolved in the link's stack, as the containment check compares it. */
  private expectedDocument(statements: iam.PolicyStatement[]): unknown {
    return Stack.of(this).resolve(new iam.PolicyDocument({ statements }));
  }

  /**
   * Issue 24 §2: a rule the link cannot create is said, not silently dropped. An info message, not a
   * warning: it is the documented behaviour of the region (an app that fails on warnings still
   * synthesizes), and the boundary still denies the link role any IAM action.
   */
  private sayIamChangesAreNotForwarded(region: string, ruleCount: number): void {
    const where = Token.isUnresolved(region) ? 'a region unknown at synth (an environment-agnostic stack)' : region;
    Annotations.of(this).addInfo(
      `CrossAccountLink of tenant "${this.tenantId}" in ${where}: IAM changes to the link role and its policies are not forwarded to the hub ` +
      `(${ruleCount} forwarding rules, not ${ruleCount + 1}): IAM, a global service, delivers its CloudTrail events to EventBridge in ${IAM_EVENTS_REGION} only. ` +
      `The link role still cannot act on IAM (its boundary denies iam:*); to watch these changes, forward ${IAM_EVENTS_REGION}'s IAM events of this account to the hub (docs/blocks/link.md).`,
    );
  }

  private forwardChangeEvents(hub: PlatformHubReference, partition: string, region: string, account: string): void {
    const rulePrefix = `tenant-blocks-${this.tenantId}-`;
    const policyArns = [this.boundary.managedPolicyArn];
    // The IAM rule watches the Permissions policy too, once an allow* call creates it (rules render lazily).
    const watched = Lazy.list({ produce: () => (this.permissions ? [...policyArns, this.permissions.managedPolicyArn] : policyArns) });
    // IAM is global: CloudTrail delivers its events to EventBridge in us-east-1 only.
    const iamEvents = region === IAM_EVENTS_REGION;
    const rules = linkForwardingRules({
      tenantId: this.tenantId,
      roleName: CrossAccountLink.roleNameFor(this.tenantId),
      policyArns: watched,
      iamEvents,
    });
    if (!iamEvents) this.sayIamChangesAreNotForwarded(region, rules.length);
    const role = new iam.Role(this, 'ForwarderRole', {
      description: `Forwards tenant ${this.tenantId}'s change events to the platform hub`,
      // Confused deputy: only the rules of this link, in this account, each named exactly (a
      // `tenant-blocks-<tenantId>-*` pattern would also admit the rules of tenant `<tenantId>-dev`).
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnEquals: { 'aws:SourceArn': rules.map((rule) => `arn:${partition}:events:${region}:${account}:rule/${rulePrefix}${rule.suffix}`) },
        },
      }),
    });
    new iam.ManagedPolicy(this, 'ForwarderPolicy', {
      description: 'Put change events on the platform hub event bus only',
      roles: [role],
      statements: [new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [hub.eventBusArn] })],
    });
    // A target of our own instead of targets.EventBus, which would add a second, inline grant to the role.
    const hubBus: events.IRuleTarget = { bind: () => ({ arn: hub.eventBusArn, role }) };
    for (const rule of rules) {
      new events.Rule(this, rule.id, {
        ruleName: `${rulePrefix}${rule.suffix}`,
        description: `cdk-tenant-blocks: forward ${rule.description} to the platform hub`,
        eventPattern: rule.pattern,
        targets: [hubBus],
      });
    }
  }
}

/** The boundary's denies: they hold even if someone widens its allows through an escape hatch. */
function boundaryDenies(account: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'DenyIdentityOrganizationAndRoleChaining',
      effect: iam.Effect.DENY,
      actions: ['iam:*', 'organizations:*', 'sts:*'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyKeyAdministration',
      effect: iam.Effect.DENY,
      actions: KMS_ADMIN_ACTIONS,
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'DenyResourcesOfOtherAccounts',
      effect: iam.Effect.DENY,
      actions: ['*'],
      resources: ['*'],
      // Only where the service reports the resource's account: a negated operator alone would
      // also deny every action of services that do not set aws:ResourceAccount.
      conditions: {
        StringNotEquals: { 'aws:ResourceAccount': account },
        Null: { 'aws:ResourceAccount': 'false' },
      },
    }),
  ];
}

/**
 * The `platform` alias of a tenant function, created once in the function's own scope (so it
 * lives in the function's stack and its ARN never changes with a deploy), on the live version.
 */
function platformAliasOf(fn: TenantFunction): lambda.IFunction {
  const existing = fn.node.tryFindChild('PlatformAlias');
  if (existing) return existing as lambda.Alias;
  const live = fn.function;
  if (!(live instanceof lambda.Alias)) {
    throw new Error(`CrossAccountLink: allowInvoke(${fn.node.path}) needs the function's live alias to be a lambda.Alias`);
  }
  return new lambda.Alias(fn, 'PlatformAlias', {
    aliasName: CrossAccountLink.INVOKE_ALIAS_NAME,
    // The live version: the platform runs the code customers run (in PRODUCTION it moves at the
    // start of a deployment, while live shifts gradually).
    version: live.version,
    description: 'Invoked only by the platform through the CrossAccountLink (lambda:InvokeFunction on this alias only)',
  });
}

/** A value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return (value as object).constructor?.name === 'Object' ? 'a plain object' : `a ${(value as object).constructor?.name}`;
  return String(value);
}

/** The listed platform roles as one principal, so the trust policy has one statement. */
class PlatformRoles extends iam.PrincipalBase implements iam.IAssumeRolePrincipal {
  constructor(private readonly arns: string[], private readonly conditions: Record<string, Record<string, unknown>>) {
    super();
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.PrincipalPolicyFragment({ AWS: [...this.arns] }, this.conditions);
  }

  /** One statement: AssumeRole with a source identity (SetSourceIdentity must be allowed to set or pass one on). */
  public addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    document.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
      principals: [this],
    }));
  }

  public toString(): string {
    return `PlatformRoles(${this.arns.join(',')})`;
  }

  public dedupeString(): string | undefined {
    return `PlatformRoles:${this.arns.join(',')}`;
  }
}
