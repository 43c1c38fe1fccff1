import { Aws, CfnResource, CustomResource, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import { BackupOptInFunction } from './backup-opt-in-function';
import { BootstrapFunction } from './bootstrap-function';
import { DevelopmentLeftovers } from './development-leftovers';
import { ENGINE_MAJOR_VERSION, ENGINE_VERSION } from './engine-version';
import { forwardedAlarmSuppressions, HIPAA_NIST, HIPAA_NIST_PCI, perPack } from './pack-suppressions';
import { POSTGRES_PARAMETERS } from './parameters';
import { CAPACITY_FLOOR } from './postgres-limits';
import { RegressionFunction } from './regression-function';
import { RotationFunction } from './rotation-function';
import { TenantPostgresProps } from './tenant-postgres-props';
import { validateTenantPostgresProps } from './validate-tenant-postgres-props';
import {
  BreakGlass,
  LogShipping,
  MaintenanceWindow,
  HandlerExecutionRole,
  Suppressions,
  TenantGuardrails,
  TenantKey,
  TenantLogGroup,
  TenantNetwork,
  TenantTier,
  TierDefaults,
  VpcFunctionCleanup,
} from '../../core';

/** The user names the block creates (fixed: the platform's tools rely on them). */
const ADMIN_USER = 'tenant_admin';
/** The app role; it owns the schema of the same name. */
const APP_USER = 'app';
/** The query console's read-only role. */
const READ_ONLY_USER = 'app_readonly';
const PORT = 5432;
/** Characters left out of generated passwords: they break connection URLs and shell quoting. */
const EXCLUDE_CHARACTERS = ' %+~`#$&*()|[]{}:;<>?!\'/@"\\';
/** Bumped when the bootstrap SQL changes, so CloudFormation re-runs it on update. */
const BOOTSTRAP_VERSION = '2';
/** How often every secret rotates. */
const ROTATION_INTERVAL = Duration.days(30);
/** AWS Backup actions that destroy or unprotect recovery points: denied in PRODUCTION except to the break-glass role. */
const PROTECTED_VAULT_ACTIONS = [
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
  'backup:PutBackupVaultAccessPolicy',
  // without these two, the policy (and the vault lock) could simply be removed first
  'backup:DeleteBackupVaultAccessPolicy',
  'backup:DeleteBackupVaultLockConfiguration',
];
/** Shortest retention the PRODUCTION vault lock enforces: the daily rule's 35 days. */
const VAULT_LOCK_MIN_RETENTION = Duration.days(35);
/** How long DEVELOPMENT recovery points are kept (the end of life of a destroyed DEV tenant's backups). */
const DEV_RECOVERY_POINT_RETENTION = Duration.days(14);
/** RDS Data API actions of a query console; none of them can read a secret on its own. */
const DATA_API_ACTIONS = [
  'rds-data:ExecuteStatement',
  'rds-data:BatchExecuteStatement',
  'rds-data:BeginTransaction',
  'rds-data:CommitTransaction',
  'rds-data:RollbackTransaction',
];

/**
 * How far back point-in-time recovery reaches when `backupRetention` is not given, in EVERY tier:
 * shrinking it discards the older restore points at once, so a PRODUCTION → DEVELOPMENT change must
 * not shorten it; a shorter window is the explicit `backupRetention` prop.
 */
const DEFAULT_BACKUP_RETENTION = Duration.days(35);

/** What differs between the tiers, each resolved once (an alarm threshold cannot drift from the setting it watches). */
interface TierSettings {
  /** `maxCapacity` when the prop is not given (ACUs). */
  readonly maxCapacity: number;
  /** Idle time after which the cluster pauses (0 ACU); `undefined`: never paused. */
  readonly autoPause?: Duration;
  /** How long the daily AWS Backup recovery points are kept. */
  readonly dailyRecoveryPointRetention: Duration;
  /** Storage the tier is sized (and priced) for, in GiB: the storage alarm's threshold. */
  readonly storageAlarmGiB: number;
  /** Deadlocks per 5 minutes tolerated before the deadlock alarm counts a period as breaching. */
  readonly deadlocksPerFiveMinutes: number;
}

/** The per-tier defaults of TenantPostgres, in one place. */
const DEFAULTS: Record<TenantTier, TierSettings> = {
  [TenantTier.DEVELOPMENT]: {
    maxCapacity: 2,
    // pauses after 15 idle minutes (idle_session_timeout closes forgotten sessions)
    autoPause: Duration.minutes(15),
    // the end of life of a destroyed DEV tenant's recovery points
    dailyRecoveryPointRetention: DEV_RECOVERY_POINT_RETENTION,
    storageAlarmGiB: 20,
    // tests that race on purpose deadlock now and then: page only above 5 per 5 minutes
    deadlocksPerFiveMinutes: 5,
  },
  [TenantTier.PRODUCTION]: {
    maxCapacity: 16,
    autoPause: undefined,
    dailyRecoveryPointRetention: Duration.days(35),
    storageAlarmGiB: 500,
    // any deadlock in 3 consecutive periods is an app bug to fix
    deadlocksPerFiveMinutes: 0,
  },
};

/** What the constructor resolves once, from the props and the tier, and every part reads. */
interface Context {
  /** Fail safe: only an explicit DEVELOPMENT tier relaxes anything. */
  readonly production: boolean;
  readonly defaults: TierSettings;
  readonly key: TenantKey;
  readonly logShipping: LogShipping;
  readonly network: TenantNetwork;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly window: MaintenanceWindow;
  readonly maxCapacity: number;
  readonly backupRetention: Duration;
  /** Fixed so the log group can exist first: `<tenantId>-<8 hex of the construct address>`, unique per account. */
  readonly clusterIdentifier: string;
}

/** The TenantPostgres of each stack, by tenant: its backup vault name is fixed per tenant and stack. */
const DATABASES = new WeakMap<Stack, Map<string, TenantPostgres[]>>();

/** A custom resource and the function behind it. */
interface CustomResourceParts {
  readonly fn: lambda.Function;
  readonly resource: CustomResource;
}

/**
 * The engine of every TenantPostgres: Aurora PostgreSQL {@link ENGINE_VERSION} (17.4+ supports
 * scaling to 0 ACUs with auto-pause and the RDS Data API). The version is a floor that never
 * changes inside its major (engine-version.ts says why): automatic minor upgrades move the cluster
 * forward in the maintenance window, and a release that lowered the template's version would fail
 * on every cluster AWS had already upgraded.
 */
function postgresEngine(): rds.IClusterEngine {
  return rds.DatabaseClusterEngine.auroraPostgres({
    version: rds.AuroraPostgresEngineVersion.of(ENGINE_VERSION, ENGINE_MAJOR_VERSION, { s3Import: true, s3Export: true }),
  });
}

/**
 * A single-tenant Aurora PostgreSQL Serverless v2 database that a customer cannot misconfigure.
 *
 * Everything but the short whitelist in {@link TenantPostgresProps} is baked in (see the README
 * table): Aurora PostgreSQL 17 on Serverless v2 in isolated subnets with the RDS Data API;
 * storage, Performance Insights, secrets, logs and backups encrypted with the tenant key; TLS
 * enforced; IAM authentication; DDL and slow statements logged, never a statement parameter or the
 * text of a failed statement; idle sessions closed; credentials for an admin, an app and a
 * read-only user in Secrets Manager, rotated monthly by the block's own rotation function (SCRAM
 * verifiers, never a password in SQL); PITR plus an AWS Backup plan (the region opted in for
 * Aurora) into a vault that outlives the stack (PRODUCTION: access policy and vault lock, optional
 * copy to the platform); deletion protection and retained instances in PRODUCTION and a snapshot
 * on delete in every tier; alarms named `tenant-blocks-<tenantId>-...`; and a bootstrap that
 * creates the app and read-only roles.
 *
 * Account quotas a deploy needs: no reserved Lambda concurrency (new accounts start at 10); one
 * AWS Backup vault and, on destroy, one manual cluster snapshot per database (100 of each per
 * region by default).
 *
 * @example
 * const db = new TenantPostgres(this, 'Database', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
 * db.connections.allowDefaultPortFrom(myFunction);
 * db.grantConnect(myFunction);
 */
export class TenantPostgres extends Construct implements ec2.IConnectable {
  /** The Aurora cluster. */
  public readonly cluster: rds.IDatabaseCluster;

  /** The admin (master) user's secret: for operators and rotation only, never for apps. */
  public readonly adminSecret: secretsmanager.ISecret;

  /** The app user's secret (read-write; owner of the app schema). JSON: username, password, host, port, dbname, engine. */
  public readonly appSecret: secretsmanager.ISecret;

  /** The read-only user's secret (the platform's query console, through the RDS Data API). */
  public readonly readOnlySecret: secretsmanager.ISecret;

  /** Network access to the database port: `db.connections.allowDefaultPortFrom(fn)`. */
  public readonly connections: ec2.Connections;

  /** Host name of the writer endpoint. */
  public readonly endpointHost: string;

  /** Port of the database. */
  public readonly port: number;

  /** Name of the database created with the cluster. */
  public readonly databaseName: string;

  /** Name of the app role (and of its schema). */
  public readonly appUsername: string;

  /** Name of the read-only role. */
  public readonly readOnlyUsername: string;

  /**
   * The alarms of the database (CPU, ACU utilisation, free memory, deadlocks, connections, storage,
   * replica lag in PRODUCTION, failed rotations; in DEVELOPMENT the leftovers clean-up's), each
   * named `tenant-blocks-<tenantId>-...` so the CrossAccountLink forwards their state changes to the
   * platform. They have no action of their own; a platform adds its own with
   * `alarm.addAlarmAction(new SnsAction(topic))` (the link's route stays).
   */
  public readonly alarms: cloudwatch.Alarm[];

  /** The log group PostgreSQL exports its log to. */
  public readonly logGroup: TenantLogGroup;

  /** The backup vault (retained when the stack is deleted). */
  public readonly backupVault: backup.IBackupVault;

  /** The bootstrap handler (the custom resource that creates the roles; never invoked by hand). */
  public readonly bootstrapFunction: lambda.IFunction;

  /**
   * DEVELOPMENT only: the daily clean-up that ends what earlier, destroyed incarnations of this
   * tenant's database kept (final snapshot, empty vault, key); `undefined` in PRODUCTION, which
   * keeps everything.
   */
  public readonly developmentLeftovers?: DevelopmentLeftovers;

  /** The SQL regression suite: invoke it with `{ "action": "regression" }` (app and read-only users only). */
  public readonly regressionFunction: lambda.IFunction;

  /** The rotation function of the three secrets (Secrets Manager invokes it). */
  public readonly rotationFunction: lambda.IFunction;

  /** The tenant this database belongs to. */
  public readonly tenantId: string;

  /** The tenant's tier. */
  public readonly tier: TenantTier;

  /**
   * The clean destroy of the block's in-VPC functions (bootstrap, rotation, regression): deleted
   * first on stack deletion, it deletes the rotation and regression functions directly, only
   * detaches the bootstrap function (the service token of a later-deleted custom resource) and
   * removes their network interfaces, so the security groups and subnets go without a 20-40
   * minute wait.
   */
  public readonly vpcCleanup: VpcFunctionCleanup;

  /**
   * @param scope the tenant stack (or a construct in it)
   * @param id the construct id
   * @param props the whitelist: validated before anything is created
   * @throws Error listing every invalid prop
   */
  constructor(scope: Construct, id: string, props: TenantPostgresProps) {
    // validated before anything, even this construct, exists: a rejected call leaves no trace
    validateTenantPostgresProps(props);
    super(scope, id);
    TenantGuardrails.applyTo(this);
    this.tenantId = props.tenantId;
    this.tier = props.tier ?? TenantTier.PRODUCTION;
    TierDefaults.applyTags(this, this.tenantId, this.tier);
    this.databaseName = props.databaseName ?? 'app';
    this.appUsername = APP_USER;
    this.readOnlyUsername = READ_ONLY_USER;
    this.port = PORT;
    const ctx = this.resolveContext(props);

    // the database: its security group, parameters, log group, cluster and credentials
    const securityGroup = this.createSecurityGroup(ctx, props.allowedCidrs ?? []);
    const engine = postgresEngine();
    const parameterGroup = this.createParameterGroup(engine);
    this.logGroup = this.createLogGroup(ctx, 'PostgresqlLog', `/aws/rds/cluster/${ctx.clusterIdentifier}/postgresql`);
    const cluster = this.createCluster(ctx, engine, securityGroup, parameterGroup);
    this.cluster = cluster;
    this.adminSecret = cluster.secret!;
    // literal port (cluster.connections carries the Endpoint.Port attribute, which rules cannot check)
    this.connections = new ec2.Connections({ securityGroups: [securityGroup], defaultPort: ec2.Port.tcp(PORT) });
    this.endpointHost = cluster.clusterEndpoint.hostname;
    this.appSecret = this.createUserSecret(ctx, 'AppSecret', APP_USER, cluster);
    this.readOnlySecret = this.createUserSecret(ctx, 'ReadOnlySecret', READ_ONLY_USER, cluster);
    this.retainCredentials(cluster);

    // the handlers in the VPC: bootstrap, rotation, regression, and their clean destroy
    const bootstrap = this.createBootstrap(ctx, securityGroup, cluster);
    this.bootstrapFunction = bootstrap.fn;
    const rotationSecurityGroup = this.createRotationSecurityGroup(ctx, securityGroup);
    const rotationFunction = this.createRotation(ctx, rotationSecurityGroup, bootstrap.resource);
    this.rotationFunction = rotationFunction;
    const regressionFunction = this.createRegression(ctx, rotationSecurityGroup);
    this.regressionFunction = regressionFunction;
    this.vpcCleanup = this.createVpcCleanup(ctx, bootstrap, rotationFunction, regressionFunction);

    // backups, the DEVELOPMENT clean-up, alarms
    const optIn = this.createBackupOptIn(ctx);
    const vault = this.createBackupVault(ctx);
    this.backupVault = vault;
    const plan = this.createBackupPlan(ctx, vault, cluster, optIn.resource, props.backupCopyVaultArn);
    this.shareKeyWithCopyVault(ctx, props.backupCopyVaultArn);
    // DEVELOPMENT: what a destroy keeps (final snapshot, vault, key) has an end of life, owned by
    // the next incarnation's daily clean-up (issue 8.14); PRODUCTION keeps everything.
    const leftovers = ctx.production ? undefined : new DevelopmentLeftovers(this, 'DevelopmentLeftovers', {
      tenantId: this.tenantId, encryptionKey: ctx.key, logShipping: ctx.logShipping, backupVault: vault, cluster,
    });
    this.developmentLeftovers = leftovers;
    this.alarms = [
      ...this.createAlarms(ctx, cluster, rotationFunction),
      ...(leftovers ? [leftovers.alarm] : []),
    ];

    this.suppress(cluster, plan, [bootstrap.fn, rotationFunction, regressionFunction], optIn.fn, rotationFunction);
    this.reportVaultNameCollisions();
  }

  /**
   * Resolves the tier's defaults, the tenant key and the network once. Without explicit wiring, all
   * blocks of a tenant in a stack share one key and one VPC. The key is retained on delete in every
   * tier: the final snapshot and the retained backup vault are encrypted with it, and deleting it
   * with the stack (even a DEVELOPMENT one) would make both unreadable after the 7-day pending window.
   */
  private resolveContext(props: TenantPostgresProps): Context {
    const production = this.tier !== TenantTier.DEVELOPMENT;
    const defaults = DEFAULTS[production ? TenantTier.PRODUCTION : TenantTier.DEVELOPMENT];
    const key = props.encryptionKey ?? TenantKey.of(this, this.tenantId, this.tier);
    key.retainOnDelete(`TenantPostgres ${this.node.path}: its final snapshot and backup vault recovery points outlive the stack`);
    const logShipping = props.logShipping ?? LogShipping.none();
    const network = props.network ?? TenantNetwork.of(this, {
      tenantId: this.tenantId, tier: this.tier, encryptionKey: key, logShipping,
    });
    return {
      production,
      defaults,
      key,
      logShipping,
      network,
      vpc: network.vpc,
      subnets: network.databaseSubnets,
      window: props.maintenanceWindow ?? MaintenanceWindow.defaultFor(this.tenantId),
      maxCapacity: props.maxCapacity ?? defaults.maxCapacity,
      backupRetention: props.backupRetention ?? DEFAULT_BACKUP_RETENTION,
      // the cluster identifier is fixed so the log group can exist (key, retention, shipping) before
      // RDS writes to it; derived from the tenant and the construct path, unique per account
      clusterIdentifier: `${this.tenantId}-${this.node.addr.slice(0, 8)}`,
    };
  }

  /**
   * The database's security group: the database port from `allowedCidrs` (IPv4 or IPv6) and from
   * connected resources only; no outbound rule, the database never opens connections itself.
   */
  private createSecurityGroup(ctx: Context, allowedCidrs: string[]): ec2.SecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: ctx.vpc,
      description: `TenantPostgres ${this.tenantId}: the database port from allowed networks and connected resources only`,
      // the database never opens connections itself
      allowAllOutbound: false,
    });
    // a client network nothing routes into the VPC cannot reach the database: say so at synth
    ctx.network.warnIfUnroutable(this, 'allowedCidrs', allowedCidrs);
    for (const cidr of allowedCidrs) {
      const peer = cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
      securityGroup.addIngressRule(peer, ec2.Port.tcp(PORT), `PostgreSQL from allowed network ${cidr}`);
    }
    return securityGroup;
  }

  /**
   * The cluster parameter group: exactly `POSTGRES_PARAMETERS` (TLS only, DDL audit without
   * parameters, no statement text on errors, idle sessions closed), the one source of truth the
   * tests configure their real server from.
   */
  private createParameterGroup(engine: rds.IClusterEngine): rds.ParameterGroup {
    return new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `TenantPostgres ${this.tenantId}`,
      // one source of truth (parameters.ts): the tests configure their real server from it
      parameters: { ...POSTGRES_PARAMETERS },
    });
  }

  /**
   * A log group of the block (tenant key, retention by tier, shipping); PRODUCTION keeps it (see
   * {@link keep}).
   */
  private createLogGroup(ctx: Context, logGroupId: string, logGroupName?: string): TenantLogGroup {
    const group = new TenantLogGroup(this, logGroupId, { tier: this.tier, encryptionKey: ctx.key, logShipping: ctx.logShipping, logGroupName });
    this.keep(group);
    return group;
  }

  /**
   * PRODUCTION keeps what it must keep when the stack is deleted or a resource replaced, but a
   * failed FIRST create rolls back completely (RetainExceptOnCreate): the retry meets no leftover
   * (a log group with a fixed name would fail it with "already exists").
   */
  private keep(resource: IConstruct): void {
    if (this.tier !== TenantTier.DEVELOPMENT) {
      const cfn = resource instanceof CfnResource ? resource : resource.node.defaultChild as CfnResource;
      cfn.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
    }
  }

  /**
   * The Aurora Serverless v2 cluster: isolated subnets, the tenant key for storage and Performance
   * Insights, IAM authentication and the Data API, the postgresql log exported to its own log group,
   * automatic minor upgrades in the maintenance window, PITR for `backupRetention` (kept after a
   * delete, in every tier). PRODUCTION: a
   * reader in another AZ, never paused, deletion protection and retained instances; DEVELOPMENT:
   * writer only, pauses when idle. A final snapshot on delete in every tier. No enhanced monitoring
   * (see NO_ENHANCED_MONITORING).
   */
  private createCluster(
    ctx: Context, engine: rds.IClusterEngine, securityGroup: ec2.ISecurityGroup, parameterGroup: rds.IParameterGroup,
  ): rds.DatabaseCluster {
    const { production, key, window } = ctx;
    const instance = (name: string, reader: boolean) => rds.ClusterInstance.serverlessV2(name, {
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      // instances get their own window (OS patches, instance-level upgrades): the same slot as the
      // cluster, or RDS would pick a random weekly slot for each one
      preferredMaintenanceWindow: window.toString(),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: key.key,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      ...(reader ? { scaleWithWriter: true } : {}),
    });
    const cluster = new rds.DatabaseCluster(this, 'Resource', {
      engine,
      clusterIdentifier: ctx.clusterIdentifier,
      credentials: rds.Credentials.fromGeneratedSecret(ADMIN_USER, { encryptionKey: key.key, excludeCharacters: EXCLUDE_CHARACTERS }),
      defaultDatabaseName: this.databaseName,
      port: PORT,
      vpc: ctx.vpc,
      vpcSubnets: ctx.subnets,
      securityGroups: [securityGroup],
      writer: instance('Writer', false),
      // PRODUCTION: a reader in another AZ, promoted on failure within a minute
      readers: production ? [instance('Reader', true)] : [],
      serverlessV2MinCapacity: CAPACITY_FLOOR[this.tier],
      serverlessV2MaxCapacity: ctx.maxCapacity,
      serverlessV2AutoPauseDuration: ctx.defaults.autoPause,
      storageEncrypted: true,
      storageEncryptionKey: key.key,
      iamAuthentication: true,
      enableDataApi: true,
      parameterGroup,
      cloudwatchLogsExports: ['postgresql'],
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      preferredMaintenanceWindow: window.toString(),
      backup: { retention: ctx.backupRetention, preferredWindow: window.backupWindow() },
      deletionProtection: production,
      // PITR backups outlive a deleted cluster for their retention period, in every tier: a
      // PRODUCTION → DEVELOPMENT change followed by a destroy must not delete them with the cluster
      deleteAutomatedBackups: false,
      // a final snapshot in every tier; DEVELOPMENT can still be destroyed by its stack
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    cluster.node.addDependency(this.logGroup);
    // PRODUCTION: a mistaken destroy must not take the database down. RDS deletes the instances of a
    // deletion-protected cluster, so they are retained too (except when a first create fails).
    cluster.node.findAll().filter((c) => c instanceof rds.CfnDBInstance).forEach((c) => this.keep(c));
    return cluster;
  }

  /** A user's secret (tenant key, generated password without URL- or shell-breaking characters), attached to the cluster. */
  private createUserSecret(ctx: Context, secretId: string, username: string, cluster: rds.DatabaseCluster): secretsmanager.ISecret {
    return new rds.DatabaseSecret(this, secretId, {
      username,
      dbname: this.databaseName,
      encryptionKey: ctx.key.key,
      excludeCharacters: EXCLUDE_CHARACTERS,
    }).attach(cluster);
  }

  /**
   * PRODUCTION: deletion protection keeps the cluster when its stack is deleted by mistake, so its
   * credentials (and their attachments, which carry the endpoint) must stay too, or nobody could
   * log in to the surviving database. The rotation schedules still go: their function goes.
   */
  private retainCredentials(cluster: rds.DatabaseCluster): void {
    [cluster, this.node.findChild('AppSecret'), this.node.findChild('ReadOnlySecret')]
      .flatMap((c) => c.node.findAll())
      .filter((c): c is CfnResource => c instanceof secretsmanager.CfnSecret || c instanceof secretsmanager.CfnSecretTargetAttachment)
      .forEach((c) => this.keep(c));
  }

  /**
   * What every in-VPC handler is told about the database (host names and ARNs, no secret); the
   * handlers connect nowhere else, whatever their event says.
   */
  private databaseEnvironment(): Record<string, string> {
    return { DB_HOST: this.endpointHost, DB_PORT: String(PORT), DB_NAME: this.databaseName };
  }

  /**
   * A handler's role: writes its own log group only and, in the VPC, manages its own network
   * interfaces; never the AWS managed execution policies (logs on every log group, issue 9.6).
   */
  private createHandlerRole(ctx: Context, roleId: string, what: string, group: TenantLogGroup, inVpc: boolean): HandlerExecutionRole {
    return new HandlerExecutionRole(this, roleId, {
      description: `TenantPostgres ${this.tenantId} ${what}`,
      logGroup: group,
      ...(inVpc ? { vpc: ctx.vpc } : {}),
    });
  }

  /**
   * The bootstrap (a custom resource and its in-VPC function) that creates the app and read-only
   * roles once the cluster, its instances and the secrets exist. Its security group reaches the
   * database, the Secrets Manager endpoint and, through the S3 gateway endpoint, the CloudFormation
   * response URL only (never 443 to the internet, issue 9.9); the environment holds host names and
   * ARNs only (no customer managed key, so the clean-up that detaches it needs no KMS rights).
   */
  private createBootstrap(ctx: Context, securityGroup: ec2.SecurityGroup, cluster: rds.DatabaseCluster): CustomResourceParts {
    const logGroup = this.createLogGroup(ctx, 'BootstrapLog');
    const bootstrapSecurityGroup = new ec2.SecurityGroup(this, 'BootstrapSecurityGroup', {
      vpc: ctx.vpc,
      description: `TenantPostgres ${this.tenantId} bootstrap: to the database, Secrets Manager and S3 (custom resource response) only`,
      allowAllOutbound: false,
    });
    bootstrapSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    // HTTPS to the Secrets Manager endpoint's security group and, through the S3 gateway endpoint,
    // to the CloudFormation response URL (the S3 prefix list when the platform gives its id)
    ctx.network.connectToAwsEndpoints(bootstrapSecurityGroup);
    securityGroup.addIngressRule(bootstrapSecurityGroup, ec2.Port.tcp(PORT), 'PostgreSQL from the bootstrap handler');
    const fn = new BootstrapFunction(this, 'Bootstrap', {
      role: this.createHandlerRole(ctx, 'BootstrapRole', 'bootstrap handler', logGroup, true),
      description: `TenantPostgres ${this.tenantId}: creates the app and read-only roles (CloudFormation custom resource only)`,
      vpc: ctx.vpc,
      vpcSubnets: ctx.subnets,
      securityGroups: [bootstrapSecurityGroup],
      // the connection retry is bounded by this, inside CloudFormation's one-hour custom resource limit
      timeout: Duration.minutes(14),
      memorySize: 512,
      logGroup,
      // no reserved concurrency: a new account's quota starts at 10 and a reservation fails the deploy
      // ("UnreservedConcurrentExecution below its minimum"); nobody else invokes this function.
      environment: {
        ...this.databaseEnvironment(),
        ADMIN_SECRET_ARN: this.adminSecret.secretArn,
        APP_SECRET_ARN: this.appSecret.secretArn,
        READ_ONLY_SECRET_ARN: this.readOnlySecret.secretArn,
      },
    });
    this.readSecrets(fn, [this.adminSecret, this.appSecret, this.readOnlySecret], ctx.key);
    const resource = new CustomResource(this, 'BootstrapRoles', {
      serviceToken: fn.functionArn,
      resourceType: 'Custom::TenantPostgresBootstrap',
      // CloudFormation waits an hour for an unanswered custom resource by default; the handler's
      // 14-minute timeout plus 2 minutes for the response is all it can take
      serviceTimeout: Duration.minutes(16),
      // repeated from the function's configuration (which the handler uses, and checks these
      // against) so that a change re-runs the bootstrap
      properties: {
        Host: this.endpointHost,
        Port: String(PORT),
        Database: this.databaseName,
        AdminSecretArn: this.adminSecret.secretArn,
        AppSecretArn: this.appSecret.secretArn,
        ReadOnlySecretArn: this.readOnlySecret.secretArn,
        Version: BOOTSTRAP_VERSION,
      },
    });
    // after the cluster and its instances are available and the secrets attached (but not after the
    // rotation schedules, which must wait for the roles)
    resource.node.addDependency(...[cluster, this.appSecret, this.readOnlySecret].flatMap((c) => c.node.findAll()).filter((c) =>
      c instanceof rds.CfnDBCluster || c instanceof rds.CfnDBInstance || c instanceof secretsmanager.CfnSecretTargetAttachment));
    return { fn, resource };
  }

  /**
   * The security group of the rotation and regression functions: the database port and HTTPS to the
   * Secrets Manager endpoint only (no S3: no custom resource response). On an imported VPC without
   * the network's endpoint, 443 goes wherever the VPC's owner routes it.
   */
  private createRotationSecurityGroup(ctx: Context, securityGroup: ec2.SecurityGroup): ec2.SecurityGroup {
    const rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
      vpc: ctx.vpc,
      description: `TenantPostgres ${this.tenantId} secret rotation: to the database and Secrets Manager only`,
      allowAllOutbound: false,
    });
    rotationSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    const endpoint = ctx.network.endpointSecurityGroup;
    if (endpoint) {
      rotationSecurityGroup.addEgressRule(endpoint, ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint');
    } else {
      rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint (imported VPC: its owner routes it)');
    }
    securityGroup.addIngressRule(rotationSecurityGroup, ec2.Port.tcp(PORT), 'PostgreSQL from the secret rotation');
    return rotationSecurityGroup;
  }

  /**
   * The block's own rotation of all three secrets, every 30 days: the admin changes its own
   * password, the admin changes the app's and the read-only user's (so the read-only user's
   * default_transaction_read_only cannot refuse it), each ALTER ROLE in a READ WRITE transaction
   * with a SCRAM verifier, never a password in SQL. Invocable by Secrets Manager of this account for
   * these secrets only (confused deputy); the schedules start only after bootstrap created the roles.
   */
  private createRotation(ctx: Context, rotationSecurityGroup: ec2.ISecurityGroup, bootstrap: CustomResource): lambda.Function {
    const logGroup = this.createLogGroup(ctx, 'RotationLog');
    const fn = new RotationFunction(this, 'Rotation', {
      role: this.createHandlerRole(ctx, 'RotationRole', 'secret rotation', logGroup, true),
      description: `TenantPostgres ${this.tenantId}: rotates the admin, app and read-only secrets`,
      vpc: ctx.vpc,
      vpcSubnets: ctx.subnets,
      securityGroups: [rotationSecurityGroup],
      // a resuming DEVELOPMENT database takes ~15 s; each step connects at most three times
      timeout: Duration.minutes(2),
      memorySize: 256,
      logGroup,
      environment: {
        ...this.databaseEnvironment(),
        ADMIN_SECRET_ARN: this.adminSecret.secretArn,
        // the only secrets it rotates, and the user each must hold
        ROTATED_SECRETS: Stack.of(this).toJsonString({
          [this.adminSecret.secretArn]: ADMIN_USER,
          [this.appSecret.secretArn]: APP_USER,
          [this.readOnlySecret.secretArn]: READ_ONLY_USER,
        }),
        EXCLUDE_CHARACTERS,
      },
    });
    const rotations: Array<[string, secretsmanager.ISecret]> = [
      ['AdminRotation', this.adminSecret], ['AppRotation', this.appSecret], ['ReadOnlyRotation', this.readOnlySecret],
    ];
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
      resources: rotations.map(([, secret]) => secret.secretArn),
    }));
    // GetRandomPassword supports no resource-level permission
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] }));
    // the tenant key only through Secrets Manager, in the role's own policy (never the key policy)
    fn.addToRolePolicy(viaSecretsManager(this, ctx.key, ['kms:Decrypt', 'kms:GenerateDataKey']));
    for (const [rotationId, secret] of rotations) {
      // confused deputy: only Secrets Manager of this account, for this secret
      const permission = new lambda.CfnPermission(this, `${rotationId}Permission`, {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionArn,
        principal: 'secretsmanager.amazonaws.com',
        sourceAccount: Stack.of(this).account,
        sourceArn: secret.secretArn,
      });
      const schedule = new secretsmanager.CfnRotationSchedule(this, rotationId, {
        secretId: secret.secretArn,
        rotationLambdaArn: fn.functionArn,
        rotationRules: { scheduleExpression: `rate(${ROTATION_INTERVAL.toDays()} days)` },
      });
      schedule.node.addDependency(permission);
      // the function (and, through it, its role policy) exists first; the roles too
      schedule.node.addDependency(bootstrap, fn);
    }
    return fn;
  }

  /**
   * The SQL regression suite (`{ "action": "regression" }`), as the app and read-only users only,
   * with the rotation's reach: the database port and the Secrets Manager endpoint.
   */
  private createRegression(ctx: Context, rotationSecurityGroup: ec2.ISecurityGroup): lambda.Function {
    const logGroup = this.createLogGroup(ctx, 'RegressionLog');
    const fn = new RegressionFunction(this, 'Regression', {
      role: this.createHandlerRole(ctx, 'RegressionRole', 'SQL regression suite', logGroup, true),
      description: `TenantPostgres ${this.tenantId}: SQL regression suite, { "action": "regression" } (app and read-only users)`,
      vpc: ctx.vpc,
      vpcSubnets: ctx.subnets,
      securityGroups: [rotationSecurityGroup],
      timeout: Duration.minutes(5),
      memorySize: 512,
      logGroup,
      environment: {
        ...this.databaseEnvironment(),
        APP_SECRET_ARN: this.appSecret.secretArn,
        READ_ONLY_SECRET_ARN: this.readOnlySecret.secretArn,
      },
    });
    this.readSecrets(fn, [this.appSecret, this.readOnlySecret], ctx.key);
    return fn;
  }

  /**
   * The clean destroy of the in-VPC functions. Their ENIs would hold the security groups and the
   * isolated subnets for 20-40 minutes after the functions go. The clean-up resource depends on all
   * of them, so CloudFormation deletes it first: it deletes the rotation and regression functions,
   * only detaches the bootstrap function (the service token of the bootstrap custom resource, whose
   * Delete comes later and is answered from outside the VPC), and deletes the released ENIs.
   */
  private createVpcCleanup(
    ctx: Context, bootstrap: CustomResourceParts, rotationFunction: lambda.Function, regressionFunction: lambda.Function,
  ): VpcFunctionCleanup {
    const vpcCleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier: this.tier, encryptionKey: ctx.key, logShipping: ctx.logShipping });
    vpcCleanup.addFunction(bootstrap.fn, { deleteFunction: false }); // its BootstrapSecurityGroup comes along
    vpcCleanup.addFunction(rotationFunction);
    vpcCleanup.addFunction(regressionFunction);
    vpcCleanup.addSubnets(ctx.vpc.selectSubnets(ctx.subnets).subnets);
    // the bootstrap custom resource is deleted after the clean-up detached its function, so its
    // Delete is answered from outside the VPC, whatever endpoints are already gone
    vpcCleanup.resource.node.addDependency(bootstrap.resource);
    return vpcCleanup;
  }

  /**
   * The region's AWS Backup opt-in for Aurora: a region is not always opted in, and without it the
   * plan backs up nothing, silently. A custom resource (outside the VPC) turns Aurora on, and only
   * Aurora; it never turns anything off.
   */
  private createBackupOptIn(ctx: Context): CustomResourceParts {
    const logGroup = this.createLogGroup(ctx, 'BackupOptInLog');
    const fn = new BackupOptInFunction(this, 'BackupOptInHandler', {
      role: this.createHandlerRole(ctx, 'BackupOptInRole', 'AWS Backup opt-in handler', logGroup, false),
      description: `TenantPostgres ${this.tenantId}: opts the region in to AWS Backup for Aurora (never turns anything off)`,
      timeout: Duration.minutes(2),
      memorySize: 128,
      logGroup,
    });
    fn.addToRolePolicy(new iam.PolicyStatement({
      // region settings have no resource ARN
      actions: ['backup:DescribeRegionSettings', 'backup:UpdateRegionSettings'],
      resources: ['*'],
    }));
    const resource = new CustomResource(this, 'BackupOptIn', {
      serviceToken: fn.functionArn,
      resourceType: 'Custom::TenantBackupAuroraOptIn',
      serviceTimeout: Duration.minutes(4),
    });
    resource.node.addDependency(fn);
    return { fn, resource };
  }

  /**
   * The backup vault: the tenant key, retained in every tier (recovery points outlive the stack), a
   * name unique per stack instance. PRODUCTION: a governance-mode vault lock (35 days at least) and
   * an access policy that refuses destroying or unprotecting recovery points to everyone but the
   * break-glass role, so one compromised admin cannot destroy the backups.
   */
  private createBackupVault(ctx: Context): backup.BackupVault {
    const production = ctx.production;
    // the vault outlives the stack, so its name must differ per stack instance, or redeploying
    // after a destroy fails on the name; the first 8 hex digits of the stack id's UUID do that:
    // tenant-<tenantId>-<8 hex>, at most 7 + 31 + 9 = 47 of the 50 characters allowed
    const stackUuidPrefix = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    return new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `tenant-${this.tenantId}-${stackUuidPrefix}`,
      encryptionKey: ctx.key.key,
      // recovery points outlive the stack in every tier: nothing lost (a failed first create leaves no empty vault)
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      // Governance mode: the break-glass role (backup:DeleteBackupVaultLockConfiguration, denied to
      // everyone else by the access policy) can still end it when a contract ends; compliance mode could not.
      lockConfiguration: production ? { minRetention: VAULT_LOCK_MIN_RETENTION } : undefined,
      accessPolicy: production ? new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          sid: 'DenyDestroyingRecoveryPointsExceptBreakGlass',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: PROTECTED_VAULT_ACTIONS,
          resources: ['*'],
          conditions: { ArnNotEquals: { 'aws:PrincipalArn': BreakGlass.roleArn(this) } },
        })],
      }) : undefined,
    });
  }

  /**
   * Two TenantPostgres of one tenant in one stack would both create the backup vault
   * `tenant-<tenantId>-<8 hex of the stack id>` (fixed per stack so that a redeploy after a destroy
   * meets no retained vault), and the deploy would fail on the second. Reported at synth, on the
   * first database of the tenant in the stack, with every path; counts fully built databases only.
   */
  private reportVaultNameCollisions(): void {
    const stack = Stack.of(this);
    const byTenant = DATABASES.get(stack) ?? new Map<string, TenantPostgres[]>();
    DATABASES.set(stack, byTenant);
    const group = byTenant.get(this.tenantId) ?? [];
    group.push(this);
    if (group.length === 1) {
      byTenant.set(this.tenantId, group);
      this.node.addValidation({
        validate: () => group.length < 2 ? [] : [
          `two TenantPostgres of tenant "${this.tenantId}" in the stack ${stack.node.path} would both create the backup vault ` +
          `tenant-${this.tenantId}-<stack> and the deploy would fail on the name: ${group.map((db) => db.node.path).join(', ')}; ` +
          'put the second database in another stack, or use one database with several schemas',
        ],
      });
    }
  }

  /**
   * AWS Backup copies recovery points into another account's vault only when the source key is
   * shared with that account: the tenant key admits the copy vault's account through AWS Backup and
   * RDS only (TenantKey.allowBackupCopiesTo). Nothing without `backupCopyVaultArn`.
   */
  private shareKeyWithCopyVault(ctx: Context, copyVaultArn: string | undefined): void {
    if (copyVaultArn === undefined || Token.isUnresolved(copyVaultArn)) return;
    const account = copyVaultArn.split(':')[4];
    if (account !== undefined && /^\d{12}$/.test(account) && account !== Stack.of(this).account) ctx.key.allowBackupCopiesTo(account);
  }

  /**
   * The AWS Backup plan of the cluster, after the region's opt-in: daily at 05:00 UTC (PRODUCTION
   * keeps 35 days and copies to the platform's vault when `backupCopyVaultArn` is given;
   * DEVELOPMENT 14 days, the end of life of a destroyed DEV tenant's recovery points) and, in
   * PRODUCTION, monthly recovery points kept a year.
   */
  private createBackupPlan(
    ctx: Context, vault: backup.IBackupVault, cluster: rds.DatabaseCluster, optIn: CustomResource, copyVaultArn?: string,
  ): backup.BackupPlan {
    const copyActions: backup.BackupPlanCopyActionProps[] | undefined = copyVaultArn
      ? [{
        destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'PlatformVault', copyVaultArn),
        deleteAfter: Duration.days(35),
      }]
      : undefined;
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: backup.BackupPlanRule.daily().props.scheduleExpression,
          deleteAfter: ctx.defaults.dailyRecoveryPointRetention,
          copyActions,
        }),
        ...(ctx.production ? [backup.BackupPlanRule.monthly1Year()] : []),
      ],
    });
    plan.node.addDependency(optIn);
    plan.addSelection('Cluster', { resources: [backup.BackupResource.fromRdsDatabaseCluster(cluster)] });
    return plan;
  }

  /**
   * Lets `grantee` connect as the app user: read the app secret, and decrypt it with the tenant key
   * through Secrets Manager only. Network access is separate: `connections.allowDefaultPortFrom(grantee)`.
   *
   * Not `rds.DatabaseCluster.grantConnect`: that one grants `rds-db:connect` (IAM database
   * authentication); this one grants the app user's password. Every statement goes into the
   * grantee's own policy, never the key's or the secret's resource policy, so a grantee in another
   * stack (`db.grantConnect(workerInAppStack)`) adds no dependency of this stack on that one (no
   * cycle) and the key policy never names a role.
   *
   * @param grantee what connects as the app user (e.g. a function)
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    return this.grantSecretRead(grantee, this.appSecret);
  }

  /**
   * Lets `grantee` query the database through the RDS Data API as the read-only user (the query
   * console): the Data API statement actions on this cluster and reading the read-only secret only
   * (never the admin or app secret, unlike `cluster.grantDataApiAccess`), all in the grantee's own
   * policy.
   *
   * @param grantee what queries through the Data API as the read-only user
   */
  public grantDataApiReadOnly(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: DATA_API_ACTIONS,
      resourceArns: [this.cluster.clusterArn],
    });
    this.grantSecretRead(grantee, this.readOnlySecret);
    return grant;
  }

  /** Reading `secret` and decrypting it via Secrets Manager, in the grantee's policy only. */
  private grantSecretRead(grantee: iam.IGrantable, secret: secretsmanager.ISecret): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resourceArns: [secret.secretArn],
    });
    const key = secret.encryptionKey;
    if (key) {
      grantee.grantPrincipal.addToPrincipalPolicy(viaSecretsManager(this, key, ['kms:Decrypt']));
    }
    return grant;
  }

  /** The handlers' secret reads: the same statements, in the function role's own policy. */
  private readSecrets(fn: lambda.Function, secrets: secretsmanager.ISecret[], key: TenantKey): void {
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: secrets.map((s) => s.secretArn),
    }));
    fn.addToRolePolicy(viaSecretsManager(this, key, ['kms:Decrypt']));
  }

  /**
   * The database's alarms, each named `tenant-blocks-<clusterIdentifier>-<suffix>` (the prefix the
   * CrossAccountLink forwards) and not breaching on missing data (a paused DEVELOPMENT database
   * reports nothing): CPU and ACU near maxCapacity, freeable memory, deadlocks, connections near
   * max_connections, storage beyond the tier's size, replica lag (PRODUCTION) and failed rotations.
   * Thresholds derive from the resolved `maxCapacity`, never a second default.
   */
  private createAlarms(ctx: Context, cluster: rds.DatabaseCluster, rotation: lambda.IFunction): cloudwatch.Alarm[] {
    const connectionLimit = serverlessMaxConnections(ctx.maxCapacity);
    const alarm = (alarmId: string, suffix: string, metric: cloudwatch.IMetric, threshold: number, comparison: cloudwatch.ComparisonOperator,
      description: string, periods = 3) =>
      new cloudwatch.Alarm(this, alarmId, {
        // the prefix the CrossAccountLink forwards: tenant-blocks-<tenantId>-
        alarmName: `tenant-blocks-${ctx.clusterIdentifier}-${suffix}`,
        metric,
        threshold,
        comparisonOperator: comparison,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        // a paused DEVELOPMENT database reports nothing: that is not an incident
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `TenantPostgres ${this.tenantId}: ${description}`,
      });
    const fiveMinutes = { period: Duration.minutes(5) };
    const gib = 1024 * 1024 * 1024;
    // storage that outgrows what the tier is sized (and priced) for
    const storageLimit = ctx.defaults.storageAlarmGiB * gib;
    const deadlocks = ctx.defaults.deadlocksPerFiveMinutes;
    return [
      // Serverless v2 reports CPU as a share of the CPU at maxCapacity (so 90% = near the ceiling);
      // Maximum: the busiest instance counts, not the average with an idle reader
      alarm('CpuAlarm', 'cpu', cluster.metricCPUUtilization({ ...fiveMinutes, statistic: 'Maximum' }), 90, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'CPU above 90% of maxCapacity for 15 minutes: queries slow down; tune them or raise maxCapacity'),
      alarm('CapacityAlarm', 'acu', cluster.metricACUUtilization({ ...fiveMinutes, statistic: 'Maximum' }), 90, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'ACU utilisation above 90% of maxCapacity for 15 minutes: the database cannot scale further; raise maxCapacity'),
      // Serverless v2 reports free memory as if scaled to maxCapacity: low only when the ceiling is reached
      alarm('FreeableMemoryAlarm', 'memory', cluster.metricFreeableMemory({ ...fiveMinutes, statistic: 'Minimum' }), 256 * 1024 * 1024, cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        'freeable memory below 256 MiB for 15 minutes: swapping or out-of-memory restarts follow'),
      alarm('DeadlocksAlarm', 'deadlocks', cluster.metricDeadlocks({ ...fiveMinutes, statistic: 'Sum' }), deadlocks, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        `deadlocks above ${deadlocks} per 5 minutes in three consecutive periods: transactions are being rolled back`),
      alarm('ConnectionsAlarm', 'connections', cluster.metricDatabaseConnections({ ...fiveMinutes, statistic: 'Maximum' }), Math.floor(connectionLimit * 0.8),
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, `connections above 80% of max_connections (about ${connectionLimit}) for 15 minutes: new connections will be refused`),
      alarm('StorageAlarm', 'storage', cluster.metric('VolumeBytesUsed', { period: Duration.hours(1), statistic: 'Maximum' }), storageLimit,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, `storage above ${storageLimit / gib} GiB: more than the ${this.tier} tier is sized for (cost); check for bloat or runaway tables`, 1),
      // PRODUCTION's reader takes over on failure: a lagging reader loses recent commits on failover
      ...(ctx.production ? [alarm('ReplicaLagAlarm', 'replica-lag', cluster.metric('AuroraReplicaLagMaximum', { ...fiveMinutes, statistic: 'Maximum' }), 2000,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, 'reader more than 2 s behind the writer for 15 minutes: a failover now would lose recent commits')] : []),
      // Secrets Manager has no metric for a failed rotation; a failed step is an error of the
      // rotation function (then the old password stays valid and the pending version lingers)
      alarm('RotationAlarm', 'rotation', rotation.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }), 0,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, 'a secret rotation step failed: the old password stays valid; read the rotation log group', 1),
    ];
  }

  /**
   * The block's compliance suppressions, each with its reason next to it: DEVELOPMENT's missing
   * deletion protection, the instances (backed up and monitored through the cluster), the AWS
   * Backup service role's managed policy, the handlers (no DLQ, no reserved concurrency, own inline
   * policy; the opt-in outside the VPC) and the alarms without an action (forwarded by the link).
   */
  private suppress(
    cluster: rds.DatabaseCluster, plan: backup.BackupPlan,
    vpcFunctions: lambda.Function[], optInFunction: lambda.Function, rotationFunction: lambda.Function,
  ): void {
    if (this.tier === TenantTier.DEVELOPMENT) {
      Suppressions.add(cluster.node.defaultChild!, [
        { id: 'AwsSolutions-RDS10', reason: DEV_DELETION_REASON },
        ...perPack(HIPAA_NIST, 'RDSInstanceDeletionProtectionEnabled', DEV_DELETION_REASON),
        { id: 'CT.RDS.PR.3', reason: DEV_DELETION_REASON },
      ]);
    }
    for (const instance of cluster.node.findAll().filter((c) => c instanceof rds.CfnDBInstance)) {
      Suppressions.add(instance, [
        ...perPack(HIPAA_NIST, 'RDSInBackupPlan', 'An Aurora instance holds no data of its own: the storage belongs to the cluster, which the AWS Backup plan selects (BackupSelection of the DBCluster ARN)'),
        ...perPack(HIPAA_NIST, 'RDSEnhancedMonitoringEnabled', NO_ENHANCED_MONITORING),
        { id: 'CT.RDS.PR.2', reason: NO_ENHANCED_MONITORING },
      ]);
    }
    Suppressions.add(plan, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'The AWS Backup service role uses the AWS managed policy AWSBackupServiceRolePolicyForBackup, which AWS maintains as backup supports new resource types; it is assumable only by backup.amazonaws.com',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'],
      },
    ]);
    const noDlq = 'Invoked synchronously only (CloudFormation custom resource, Secrets Manager rotation, an operator\'s regression run); a dead-letter queue only receives failed asynchronous events, and failures reach CloudFormation, Secrets Manager (and the rotation alarm) or the caller';
    const noConcurrency = 'No reserved concurrency: a new account\'s quota starts at 10 and any reservation fails the deploy (UnreservedConcurrentExecution below its minimum); these functions run a few times a month';
    const ownPolicy = 'The inline policy belongs to this one role: reading (rotation: rotating) the secrets of this database and decrypting them with the tenant key via Secrets Manager only; it lives and dies with the role';
    const handler = [...perPack(HIPAA_NIST, 'LambdaDLQ', noDlq), ...perPack(HIPAA_NIST, 'LambdaConcurrency', noConcurrency)];
    Suppressions.add(rotationFunction.role!, [{
      id: 'AwsSolutions-IAM5',
      reason: 'secretsmanager:GetRandomPassword supports no resource-level permission (it reads no secret); every other action of the rotation names the three secrets of this database',
      appliesTo: ['Resource::*'],
    }]);
    for (const fn of vpcFunctions) {
      Suppressions.add(fn, handler);
      // the role is the function's own (HandlerExecutionRole), created before it
      Suppressions.add(fn.role!, perPack(HIPAA_NIST_PCI, 'IAMNoInlinePolicy', ownPolicy));
    }
    const outsideVpc = 'The AWS Backup opt-in calls a regional AWS API only (no database, no data); outside the VPC it needs no endpoint and leaves no network interface behind';
    Suppressions.add(optInFunction, [
      ...handler,
      ...perPack(HIPAA_NIST_PCI, 'LambdaInsideVPC', outsideVpc),
      { id: 'CT.LAMBDA.PR.3', reason: outsideVpc },
    ]);
    Suppressions.add(optInFunction.role!, [
      { id: 'AwsSolutions-IAM5', reason: 'AWS Backup region settings (DescribeRegionSettings, UpdateRegionSettings) have no resource ARN; the handler only ever sets Aurora to opted in', appliesTo: ['Resource::*'] },
      ...perPack(HIPAA_NIST_PCI, 'IAMNoInlinePolicy', 'The inline policy belongs to this one role: reading and setting the region\'s AWS Backup opt-in; it lives and dies with the role'),
    ]);
    const forwarded = 'The alarms are named tenant-blocks-<tenantId>-... and the CrossAccountLink forwards their state changes to the platform (EventBridge), which notifies; an alarm action here would bypass that one route';
    this.alarms.forEach((alarm) => Suppressions.add(alarm, forwardedAlarmSuppressions(forwarded)));
  }
}

/** Use of `key` through Secrets Manager in this region only, for a role's own policy. */
function viaSecretsManager(scope: IConstruct, key: TenantKey | kms.IKey, actions: string[]): iam.PolicyStatement {
  const keyArn = key instanceof TenantKey ? key.key.keyArn : key.keyArn;
  return new iam.PolicyStatement({
    actions,
    resources: [keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(scope).region}.amazonaws.com` } },
  });
}

/**
 * The default max_connections of an Aurora PostgreSQL Serverless v2 instance: derived from the
 * memory at maxCapacity, about 210 per ACU (AWS's table: 1 ACU 189, 4 ACU 823, 8 ACU 1669, 16 ACU
 * 3360), and capped at 2000 when the minimum capacity is 0 or 0.5 ACU, which holds in both tiers.
 */
function serverlessMaxConnections(maxCapacity: number): number {
  return Math.min(2000, Math.floor(210 * maxCapacity - 21));
}

/** Why the instances have no enhanced monitoring (issue 8.13). */
const NO_ENHANCED_MONITORING = 'Enhanced monitoring writes to the account-wide RDSOSMetrics log group, which RDS creates outside the stack unencrypted and kept forever, shared by every database of the account (no tenant stack can own it); Performance Insights (tenant key) and the CloudWatch metrics and alarms cover the instances';

/** Why a DEVELOPMENT cluster has no deletion protection. */
const DEV_DELETION_REASON = 'DEVELOPMENT databases must be destroyable by their stack (issue decision); RemovalPolicy.SNAPSHOT takes a final snapshot with the data at deletion time and the AWS Backup vault and its recovery points are retained, both readable because the tenant key is retained too, and the automated backups (the point-in-time history) outlive the cluster for their retention period';
