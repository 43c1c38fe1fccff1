import { Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { LogShipping, Suppressions, TENANT_TAG, TenantGuardrails } from '../core';
import { TenantFunction } from '../function';
import { TenantPostgres } from '../postgres';
import { LINK_ROLE_NAME_PREFIX, partitionOf } from './names';
import { PlatformHubReference } from './platform-hub-reference';
import { validateCrossAccountLinkProps } from './validate-cross-account-link-props';

/** Props of {@link CrossAccountLink}. */
export interface CrossAccountLinkProps {
  /** The tenant whose account this link opens; names the role `tenant-blocks-link-<tenantId>`. */
  readonly tenantId: string;

  /** The platform account (12 digits); never the tenant stack's own account. */
  readonly platformAccountId: string;

  /**
   * The exact platform roles allowed to assume the link (at most 10): IAM role ARNs in
   * `platformAccountId`, with their path. Never the account root, never a wildcard.
   */
  readonly platformRoleArns: string[];

  /**
   * The external id the platform passes when it assumes the link (`sts:ExternalId` condition):
   * 16-1224 characters of letters, digits and `+=,.@:/-_`. Use a per-tenant random value and
   * record it on the platform side.
   */
  readonly externalId: string;

  /**
   * The AWS Organizations id (`o-...`) the platform roles must belong to (`aws:PrincipalOrgID`).
   *
   * @default - no organization condition (the role ARNs and external id still apply)
   */
  readonly organizationId?: string;

  /**
   * The platform hub that receives this tenant's change events and logs (`PlatformHub.reference`
   * or `PlatformHub.referenceFor(account, region)`); it must be in the tenant stack's region.
   *
   * @default - nothing is forwarded: no change-event rules, and `logShipping` is `LogShipping.none()`
   */
  readonly hub?: PlatformHubReference;
}

/** How long an assumed link session lasts at most: the console re-assumes, nobody keeps a session. */
const MAX_SESSION = Duration.hours(1);

/** KMS key administration: never reachable through the link. */
const KMS_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:ConnectCustomKeyStore', 'kms:Create*', 'kms:Delete*', 'kms:Disable*',
  'kms:DisconnectCustomKeyStore', 'kms:Enable*', 'kms:ImportKeyMaterial', 'kms:Put*', 'kms:ReplicateKey',
  'kms:RetireGrant', 'kms:RevokeGrant', 'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion', 'kms:TagResource',
  'kms:UntagResource', 'kms:Update*',
];

/** What the link forwards to the hub's bus, one rule each (an EventBridge rule has one pattern). */
const CHANGE_RULES: ReadonlyArray<{ id: string; suffix: string; description: string; pattern: events.EventPattern }> = [
  {
    id: 'StackStatusChanges',
    suffix: 'stack-status',
    description: 'CloudFormation stack status changes',
    pattern: { source: ['aws.cloudformation'], detailType: ['CloudFormation Stack Status Change'] },
  },
  {
    id: 'DatabaseClusterEvents',
    suffix: 'rds-cluster',
    description: 'RDS cluster events',
    pattern: { source: ['aws.rds'], detailType: ['RDS DB Cluster Event'] },
  },
  {
    id: 'BackupJobResults',
    suffix: 'backup-jobs',
    description: 'AWS Backup job results',
    pattern: { source: ['aws.backup'], detailType: ['Backup Job State Change'] },
  },
  {
    id: 'SecurityGroupChanges',
    suffix: 'security-groups',
    description: 'security group changes (CloudTrail management events)',
    pattern: {
      source: ['aws.ec2'],
      detailType: ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['ec2.amazonaws.com'],
        eventName: [
          'AuthorizeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress', 'CreateSecurityGroup', 'DeleteSecurityGroup',
          'ModifySecurityGroupRules', 'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
        ],
      },
    },
  },
];

/**
 * The only door from the platform account into a tenant account: a role that a few named platform
 * roles may assume with an external id, and that can do nothing until `allow*` calls add exactly
 * what they name. Deployed in the tenant account.
 *
 * Baked in, each with its reason:
 * - the role `tenant-blocks-link-<tenantId>` (a fixed name, so the platform can compute its ARN and
 *   `PlatformHub.grantAssumeTenantLinks` can scope to it); one link per tenant and account;
 * - trust: only the listed role ARNs, only with `sts:ExternalId`, and with `aws:PrincipalOrgID`
 *   when `organizationId` is given; sessions last one hour at most;
 * - a permissions boundary created with the link: it allows at most the actions the `allow*` methods
 *   can grant, on resources of this account and region, and denies IAM, Organizations, STS (no role
 *   chaining), KMS key administration and any resource of another account, so neither a widened
 *   policy nor an escape hatch can turn the link into an admin door;
 * - no identity policy until an `allow*` call: a fresh link grants nothing;
 * - with a `hub`: EventBridge rules forwarding CloudFormation stack status changes, RDS cluster
 *   events, AWS Backup job results and security group changes (CloudTrail) to the hub's bus through
 *   a role only these rules can use (`aws:SourceAccount`, `aws:SourceArn`), and `logShipping` to the
 *   hub's log destination for every block of the tenant.
 */
export class CrossAccountLink extends Construct {
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

  /** The permissions boundary of the link role. */
  public readonly permissionsBoundary: iam.IManagedPolicy;

  /**
   * Where the tenant's blocks ship their log groups: the hub's destination, or
   * `LogShipping.none()` without a hub. Pass it to every block as `logShipping`.
   */
  public readonly logShipping: LogShipping;

  /** The hub this link forwards to, if any. */
  public readonly hub?: PlatformHubReference;

  private permissions?: iam.ManagedPolicy;
  private readonly granted = new Set<string>();

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: CrossAccountLinkProps) {
    super(scope, id);
    const stack = Stack.of(this);
    validateCrossAccountLinkProps(stack, props);

    this.tenantId = props.tenantId;
    this.platformAccountId = props.platformAccountId;
    this.externalId = props.externalId;
    this.hub = props.hub;
    const partition = partitionOf(stack);
    const { region, account } = stack;

    this.permissionsBoundary = this.createBoundary(partition, region, account);

    const conditions: Record<string, Record<string, unknown>> = {
      StringEquals: {
        'sts:ExternalId': props.externalId,
        ...(props.organizationId ? { 'aws:PrincipalOrgID': props.organizationId } : {}),
      },
    };
    const role = new iam.Role(this, 'Resource', {
      roleName: CrossAccountLink.roleNameFor(props.tenantId),
      description: `cdk-tenant-blocks link of tenant ${props.tenantId}: assumed by the platform account ${props.platformAccountId}`,
      // One statement naming every role (a composite principal would repeat the conditions per role).
      assumedBy: new PlatformRoles(props.platformRoleArns).withConditions(conditions),
      maxSessionDuration: MAX_SESSION,
      permissionsBoundary: this.permissionsBoundary,
    });
    // The boundary is what keeps the link small: the guardrails report an escape hatch that removes or swaps it.
    TenantGuardrails.requirePermissionsBoundary(role, this.permissionsBoundary);
    this.role = role;
    this.roleArn = role.roleArn;

    if (props.hub) {
      this.forwardChangeEvents(props.hub, partition, region, account);
      this.logShipping = LogShipping.toDestination(props.hub.logDestinationArn);
    } else {
      this.logShipping = LogShipping.none();
    }

    // The link belongs to no tier: tag it with the tenant only, and check it like every block.
    Tags.of(this).add(TENANT_TAG, props.tenantId);
    TenantGuardrails.applyTo(this);
  }

  /**
   * Lets the platform query `database` through the RDS Data API with its read-only user, and
   * nothing else: `rds-data:ExecuteStatement` on that cluster, `secretsmanager:GetSecretValue` on
   * its read-only secret, and `kms:Decrypt` of that secret (through Secrets Manager, for that
   * secret's ARN) with the secret's key.
   *
   * @param database the tenant database the console may query (read-only user)
   */
  public allowQuery(database: TenantPostgres): void {
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
   * Lets the platform invoke `fn`'s live alias, and nothing else: `lambda:InvokeFunction` on the
   * alias ARN (neither `$LATEST` nor any other version or alias).
   *
   * @param fn the tenant function whose live alias may be invoked
   */
  public allowInvoke(fn: TenantFunction): void {
    const alias = fn.function;
    this.grant(`invoke:${fn.node.path}`, [
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [alias.functionArn],
      }),
    ]);
  }

  private grant(key: string, statements: iam.PolicyStatement[]): void {
    if (this.granted.has(key)) return;
    this.granted.add(key);
    this.permissions ??= new iam.ManagedPolicy(this, 'Permissions', {
      description: `What the platform may do in tenant ${this.tenantId}'s account through the link`,
      roles: [this.role],
    });
    statements.forEach((s) => this.permissions!.addStatements(s));
  }

  private createBoundary(partition: string, region: string, account: string): iam.ManagedPolicy {
    const arn = (service: string, resource: string) => `arn:${partition}:${service}:${region}:${account}:${resource}`;
    const boundary = new iam.ManagedPolicy(this, 'Boundary', {
      description: `Permissions boundary of the cdk-tenant-blocks link of tenant ${this.tenantId}: the most the link can ever do`,
      statements: [
        new iam.PolicyStatement({
          sid: 'AtMostQueryThroughDataApi',
          actions: ['rds-data:ExecuteStatement'],
          resources: [arn('rds', 'cluster:*')],
        }),
        new iam.PolicyStatement({
          sid: 'AtMostReadDatabaseSecrets',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [arn('secretsmanager', 'secret:*')],
        }),
        new iam.PolicyStatement({
          sid: 'AtMostDecryptThroughSecretsManager',
          actions: ['kms:Decrypt'],
          resources: [arn('kms', 'key/*')],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
        }),
        new iam.PolicyStatement({
          sid: 'AtMostInvokeFunctions',
          actions: ['lambda:InvokeFunction'],
          resources: [arn('lambda', 'function:*')],
        }),
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
      ],
    });
    Suppressions.add(boundary, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Permissions boundary: an upper limit per service within this tenant account and region; the link grants only exact resources through allow* calls',
      appliesTo: ['rds', 'secretsmanager', 'kms', 'lambda'].map((service, i) =>
        `Resource::arn:${nag(partition, 'Partition')}:${service}:${nag(region, 'Region')}:${nag(account, 'AccountId')}:${['cluster:*', 'secret:*', 'key/*', 'function:*'][i]}`),
    }]);
    return boundary;
  }

  private forwardChangeEvents(hub: PlatformHubReference, partition: string, region: string, account: string): void {
    const rulePrefix = `tenant-blocks-${this.tenantId}-`;
    const role = new iam.Role(this, 'ForwarderRole', {
      description: `Forwards tenant ${this.tenantId}'s change events to the platform hub`,
      // Confused deputy: only the rules of this link, in this account, each named exactly (a
      // `tenant-blocks-<tenantId>-*` pattern would also admit the rules of tenant `<tenantId>-dev`).
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnEquals: { 'aws:SourceArn': CHANGE_RULES.map((rule) => `arn:${partition}:events:${region}:${account}:rule/${rulePrefix}${rule.suffix}`) },
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
    for (const rule of CHANGE_RULES) {
      new events.Rule(this, rule.id, {
        ruleName: `${rulePrefix}${rule.suffix}`,
        description: `cdk-tenant-blocks: forward ${rule.description} to the platform hub`,
        eventPattern: rule.pattern,
        targets: [hubBus],
      });
    }
  }
}

/** The listed platform roles as one principal, so the trust policy has one statement. */
class PlatformRoles extends iam.PrincipalBase {
  constructor(private readonly arns: string[]) {
    super();
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.PrincipalPolicyFragment({ AWS: [...this.arns] });
  }

  public toString(): string {
    return `PlatformRoles(${this.arns.join(',')})`;
  }

  public dedupeString(): string | undefined {
    return `PlatformRoles:${this.arns.join(',')}`;
  }
}

/** A value as cdk-nag names it in granular findings: literal, or `<AWS::Pseudo>` for a pseudo parameter. */
function nag(value: string, pseudo: string): string {
  return Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
}
