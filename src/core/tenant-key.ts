import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, IConstruct } from 'constructs';
import { BreakGlass } from './break-glass';
import { TenantGuardrails } from './guardrails';
import { partitionOf } from './hub-names';
import { TenantTier } from './tier';
import { PropsValidation } from './validation';

/** Props of {@link TenantKey}. */
export interface TenantKeyProps {
  /** The tenant this key belongs to; names the alias `alias/tenant-blocks/<tenantId>`. */
  readonly tenantId: string;

  /**
   * The tenant's tier: PRODUCTION keys are retained when the stack is deleted.
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;
}

/** The TenantKeys of each stack, by tenant id. */
const KEYS = new WeakMap<Stack, Map<string, TenantKey>>();

/** The TenantKeys of each app (construct tree root), by `account/region/tenantId`, for literal environments. */
const KEYS_BY_ENV = new WeakMap<IConstruct, Map<string, TenantKey>>();

/** `aws://account/region` of a stack, or undefined when either is a token (an environment-agnostic stack). */
function envOf(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region) ? undefined : `aws://${stack.account}/${stack.region}`;
}

function keysOf(stack: Stack): Map<string, TenantKey> {
  let keys = KEYS.get(stack);
  if (!keys) {
    keys = new Map();
    KEYS.set(stack, keys);
  }
  return keys;
}

/** The TenantKeys of an app, by environment and tenant id. */
function keysByEnvOf(stack: Stack): Map<string, TenantKey> {
  const byEnv = KEYS_BY_ENV.get(stack.node.root) ?? new Map<string, TenantKey>();
  KEYS_BY_ENV.set(stack.node.root, byEnv);
  return byEnv;
}

/**
 * Validates the props of a {@link TenantKey} in `stack` (before anything is created): the tenant
 * and tier, and that the tenant has no key yet in this stack or in another stack of the same
 * environment (the alias exists once per account and region).
 */
function validateTenantKeyProps(stack: Stack, props: TenantKeyProps): void {
  const v = new PropsValidation('TenantKey', props.tenantId);
  v.tenantId('tenantId', props.tenantId);
  v.tier('tier', props.tier);
  v.throwIfInvalid();
  const other = keysOf(stack).get(props.tenantId);
  if (other) {
    throw new Error(
      `Invalid TenantKey props for tenant "${props.tenantId}":\n- tenantId: the stack ${stack.node.path} already has a key for this tenant ` +
        `(${other.node.path}); the alias alias/tenant-blocks/${props.tenantId} exists once per account and region: ` +
        `pass that key to the blocks as encryptionKey (or let them share TenantKey.of(scope, '${props.tenantId}')) (got: '${props.tenantId}')`,
    );
  }
  // Issue 10: the alias exists once per account and region, so the same tenant's key in two
  // stacks of one environment fails the second deploy; say so at synth.
  const env = envOf(stack);
  const elsewhere = env === undefined ? undefined : keysByEnvOf(stack).get(`${env}/${props.tenantId}`);
  if (elsewhere) {
    throw new Error(
      `Invalid TenantKey props for tenant "${props.tenantId}":\n- tenantId: the stack ${Stack.of(elsewhere).node.path} already has a key for this tenant in ${env} ` +
        `(${elsewhere.node.path}); the alias alias/tenant-blocks/${props.tenantId} exists once per account and region: ` +
        'pass that key to the blocks of the other stacks as encryptionKey, or give this tenant\'s stacks different environments ' +
        `(got: '${props.tenantId}')`,
    );
  }
}

/** AWS services that encrypt a tenant's data with its key, through the service (kms:ViaService). */
const VIA_SERVICES = ['secretsmanager', 'rds', 'backup'];

/**
 * One customer-managed KMS key per tenant, used by every block for storage, secrets, logs and
 * backups, so a tenant's data can be made unreadable (or audited) by one key.
 *
 * Baked in:
 * - automatic yearly key rotation (AwsSolutions-KMS5, PCI DSS 3.6.4);
 * - an alias derived from the tenant id, so operators find the key by tenant;
 * - grants can only be created by AWS services for AWS resources (CT.KMS.PR.3);
 * - a key policy that lets CloudWatch Logs use the key only for log groups of this account and
 *   region (the `aws:logs:arn` encryption context: a log group's encryption needs this statement),
 *   and states that Secrets Manager, RDS and AWS Backup use it on behalf of this account, through
 *   those services, in this region. The account keeps the default administration statement, so
 *   IAM policies in the account can grant its use (the library grants decrypt only through a
 *   service, e.g. `kms:ViaService` secretsmanager for the query console); the key policy does not
 *   by itself stop an account administrator from granting direct use;
 * - in PRODUCTION, a key-policy Deny of `kms:DisableKey` and `kms:ScheduleKeyDeletion` to every
 *   principal but the break-glass role ({@link BreakGlass.roleArn}), and a 30-day pending window;
 *   `kms:PutKeyPolicy` stays allowed (CloudFormation updates the policy with the deploying role);
 * - one key per tenant, account and region in an app: a second key of the same tenant in another
 *   stack of the same environment is a synth error (its alias would fail the deploy);
 * - retained when the stack is deleted in PRODUCTION; in DEVELOPMENT scheduled for deletion after
 *   the shortest pending window, 7 days — unless something that outlives the stack is encrypted
 *   with it ({@link TenantKey.retainOnDelete}: TenantPostgres retains the key in every tier, since
 *   its final snapshot and backup vault use it).
 */
export class TenantKey extends Construct {
  /**
   * The tenant's key in the stack of `scope`, created at stack level (id `TenantKey-<tenantId>`)
   * the first time. Blocks use it when they are given no key, so that all blocks of a tenant in a
   * stack share one key: the alias `alias/tenant-blocks/<tenantId>` exists once per account and
   * region, and two keys would fail the deployment.
   *
   * @param scope any construct in the stack
   * @param tenantId the tenant
   * @param tier the tenant's tier; must match the existing key's. Default: TenantTier.PRODUCTION
   * @throws Error when the stack's key of the tenant has another tier
   */
  public static of(scope: IConstruct, tenantId: string, tier?: TenantTier): TenantKey {
    const stack = Stack.of(scope);
    const wanted = tier ?? TenantTier.PRODUCTION;
    const existing = keysOf(stack).get(tenantId);
    if (existing) {
      if (existing.tier !== wanted) {
        throw new Error(
          `TenantKey.of: the stack ${stack.node.path} already has the key of tenant "${tenantId}" (${existing.node.path}) ` +
            `with tier ${existing.tier}, not ${wanted}; one tenant has one tier`,
        );
      }
      return existing;
    }
    return new TenantKey(stack, `TenantKey-${tenantId}`, { tenantId, tier: wanted });
  }

  /** The KMS key. */
  public readonly key: kms.IKey;

  private readonly resource: kms.Key;

  /** The tenant this key belongs to. */
  public readonly tenantId: string;

  /** The tenant's tier. */
  public readonly tier: TenantTier;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: TenantKeyProps) {
    validateTenantKeyProps(Stack.of(scope), props);
    super(scope, id);

    TenantGuardrails.applyTo(this);
    this.tenantId = props.tenantId;
    this.tier = props.tier ?? TenantTier.PRODUCTION;
    this.register();
    // Fail safe: only an explicit DEVELOPMENT tier makes the key deletable.
    const production = this.tier !== TenantTier.DEVELOPMENT;
    const key = this.createKey(production);
    if (production) this.denyDestructionExceptBreakGlass(key);
    this.admitServicesOfThisAccount(key);
    this.key = key;
    this.resource = key;
  }

  /**
   * Keeps the key when the stack is deleted, in every tier, because something encrypted with it
   * outlives the stack (a database's final snapshot, a retained backup vault's recovery points):
   * deleting the key would make those unreadable after the pending window. TenantPostgres calls
   * it. A DEVELOPMENT key retained this way costs about 1 USD a month until an operator schedules
   * its deletion, after the snapshots and recovery points are gone.
   *
   * @param reason what outlives the stack, recorded in the construct metadata
   */
  public retainOnDelete(reason: string): void {
    this.resource.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.node.addMetadata('cdk-tenant-blocks:retained', reason);
  }

  /**
   * Lets the platform account's AWS Backup copy recovery points encrypted with this key into the
   * hub's backup vault (issue 21 §2): AWS Backup copies RDS and Aurora snapshots across accounts
   * only when the source key is shared with the destination account, and this key otherwise admits
   * its own account only. The statement admits `platformAccountId` through AWS Backup and RDS in
   * this region only (`kms:ViaService`), never directly; the destination re-encrypts the copy with
   * the hub vault's own key. Call it once per platform account (later calls add nothing).
   *
   * @param platformAccountId the account of the hub vault the copies go to (12 digits, not this account)
   * @throws Error when `platformAccountId` is not a 12-digit account other than the key's own
   */
  public allowBackupCopiesTo(platformAccountId: string): void {
    const stack = Stack.of(this);
    if (typeof platformAccountId !== 'string' || !/^\d{12}$/.test(platformAccountId) || platformAccountId === stack.account) {
      throw new Error(`TenantKey of tenant "${this.tenantId}": allowBackupCopiesTo needs the 12-digit platform account, not this key's own account (got: ${JSON.stringify(platformAccountId)})`);
    }
    const sid = `AllowBackupCopiesTo${platformAccountId}`;
    if (this.node.tryFindChild(sid)) return;
    new Construct(this, sid);
    this.resource.addToResourcePolicy(new iam.PolicyStatement({
      sid,
      principals: [new iam.ArnPrincipal(`arn:${partitionOf(stack)}:iam::${platformAccountId}:root`)],
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'kms:ViaService': ['backup', 'rds'].map((s) => `${s}.${stack.region}.amazonaws.com`) },
      },
    }));
  }

  /** Records this key as the tenant's key of its stack and environment (the checks ran before super). */
  private register(): void {
    const stack = Stack.of(this);
    const env = envOf(stack);
    if (env !== undefined) keysByEnvOf(stack).set(`${env}/${this.tenantId}`, this);
    keysOf(stack).set(this.tenantId, this);
  }

  /**
   * The key: rotation on, the alias of the tenant; retained in PRODUCTION with the longest pending
   * window (snapshots and backups are unreadable without it), deletable after 7 days in DEVELOPMENT.
   */
  private createKey(production: boolean): kms.Key {
    const key = new kms.Key(this, 'Resource', {
      description: `cdk-tenant-blocks key of tenant ${this.tenantId}`,
      alias: `alias/tenant-blocks/${this.tenantId}`,
      enableKeyRotation: true,
      // Keys are retained in PRODUCTION: without the key, snapshots and backups are unreadable.
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // PRODUCTION: the longest window, 30 days to cancel a deletion someone scheduled.
      pendingWindow: production ? Duration.days(30) : Duration.days(7),
    });

    return key;
  }

  /**
   * PRODUCTION (issue 8.15): nobody but the break-glass role may disable the key or schedule its
   * deletion, whatever IAM grants them.
   */
  private denyDestructionExceptBreakGlass(key: kms.Key): void {
    // Issue 8.15: backups and snapshots are unreadable without this key, so nobody but the
    // break-glass role may disable it or schedule its deletion, whatever IAM grants them.
    // PutKeyPolicy is deliberately not denied: CloudFormation updates this policy with the
    // deploying role (a deny would break every update, and KMS refuses a policy that locks out
    // its caller). Rewriting the policy stays possible for an account admin; CloudTrail records
    // it, and an organization SCP is the place to deny it outside the deploy and break-glass roles.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyKeyDestructionExceptBreakGlass',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:DisableKey', 'kms:ScheduleKeyDeletion'],
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': BreakGlass.roleArn(this) } },
      }),
    );
  }

  /**
   * CloudWatch Logs for log groups of this account and region, Secrets Manager, RDS and AWS Backup
   * through the service for this account; grants only by AWS services for AWS resources (CT.KMS.PR.3).
   */
  private admitServicesOfThisAccount(key: kms.Key): void {
    const stack = Stack.of(this);
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccountAndRegion',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowTenantServicesInThisAccountAndRegion',
        principals: [new iam.AccountRootPrincipal()],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:CallerAccount': stack.account,
            'kms:ViaService': VIA_SERVICES.map((s) => `${s}.${stack.region}.amazonaws.com`),
          },
        },
      }),
    );

    // CT.KMS.PR.3: only AWS services may create grants, and only for AWS resources; nobody can hand
    // out long-lived use of the key through a grant.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          BoolIfExists: {
            'kms:GrantIsForAWSResource': 'false',
            'aws:PrincipalIsAWSService': 'false',
          },
        },
      }),
    );
  }
}
