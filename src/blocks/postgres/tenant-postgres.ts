import { Aws, CfnResource, CustomResource, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
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
import { BackupOptInFunction } from './backup-opt-in-function';
import { BootstrapFunction } from './bootstrap-function';
import { DevelopmentLeftovers } from './development-leftovers';
import { POSTGRES_PARAMETERS } from './parameters';
import { RegressionFunction } from './regression-function';
import { RotationFunction } from './rotation-function';
import { CAPACITY_FLOOR, validateTenantPostgresProps } from './validate-tenant-postgres-props';

/** Props of {@link TenantPostgres}: the whitelist, and nothing more. */
export interface TenantPostgresProps {
  /** The tenant this database belongs to (3-31 lowercase letters, digits and hyphens). */
  readonly tenantId: string;

  /**
   * The tenant's tier. DEVELOPMENT: writer only, scales to zero and pauses when idle, can be
   * destroyed by its stack (after a final snapshot), recovery points kept 14 days. PRODUCTION:
   * writer and reader in two AZs, never paused, deletion protection, instances retained on a
   * destroy, a year of monthly backups in a vault that only the break-glass role can empty.
   *
   * Moving PRODUCTION to DEVELOPMENT is an explicit operator step, not a side effect: the vault's
   * access policy refuses its own removal to everyone but the break-glass role, so such an update
   * fails until that role lifts it (docs: "Ending a contract").
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /**
   * Networks allowed to reach the database port, as IPv4 or IPv6 CIDR blocks (at most 50, never the
   * whole internet). Resources inside the VPC are connected with `connections` instead.
   *
   * @default - no access from outside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The weekly window (UTC) in which the database may restart for minor version upgrades. The
   * daily backup window is derived from it and never overlaps it.
   *
   * @default - MaintenanceWindow.defaultFor(tenantId): a deterministic 30-minute slot between 00:00 and 06:00 UTC
   */
  readonly maintenanceWindow?: MaintenanceWindow;

  /**
   * Largest Aurora Serverless v2 capacity of each instance, in ACUs: 1 to 256 in steps of 0.5.
   *
   * @default - 2 in DEVELOPMENT, 16 in PRODUCTION
   */
  readonly maxCapacity?: number;

  /**
   * How far back point-in-time recovery reaches (continuous backup): 1 to 35 whole days.
   *
   * @default - 7 days in DEVELOPMENT, 35 days in PRODUCTION
   */
  readonly backupRetention?: Duration;

  /**
   * Name of the database created with the cluster: a lowercase PostgreSQL identifier (1-63
   * letters, digits, underscores), not `postgres`, `template0/1`, `rdsadmin` or an SQL key word.
   *
   * Choose it once: changing it replaces the cluster, and because the cluster identifier is fixed
   * (so its log group can exist first), such an update fails on the name instead of silently
   * creating a new, empty database. Moving data to another database name is an operator task.
   *
   * @default 'app'
   */
  readonly databaseName?: string;

  /**
   * The tenant network. The database goes into its isolated subnets. The bootstrap and rotation
   * functions run there too, so a network on an imported VPC must provide an S3 gateway endpoint
   * (the custom resource response) and a Secrets Manager interface endpoint reachable on 443 from
   * the isolated subnets; without them the bootstrap fails after its timeouts.
   *
   * @default - the stack's network of the tenant, `TenantNetwork.of(this, ...)`, shared with the tenant's other blocks
   */
  readonly network?: TenantNetwork;

  /**
   * The tenant key: encrypts storage, Performance Insights, the secrets, the exported logs and the
   * backup vault. Retained when the stack is deleted, in every tier (`TenantKey.retainOnDelete`):
   * the final snapshot and the vault's recovery points outlive the stack and need it.
   *
   * @default - the stack's key of the tenant, `TenantKey.of(this, tenantId, tier)`, shared with the tenant's other blocks
   */
  readonly encryptionKey?: TenantKey;

  /**
   * Where the database's log groups are shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;

  /**
   * A backup vault in the platform account (`arn:aws:backup:<region>:<account>:backup-vault:<name>`)
   * that receives a copy of every daily recovery point, so the backups survive the loss (or a
   * compromised admin) of the tenant account. The vault's access policy must allow
   * `backup:CopyIntoBackupVault` from this account (the PlatformHub vault does).
   *
   * @default - no copy outside the tenant account
   */
  readonly backupCopyVaultArn?: string;
}

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
   * replica lag in PRODUCTION, failed rotations), each named `tenant-blocks-<tenantId>-...` so the
   * CrossAccountLink forwards their state changes to the platform.
   */
  public readonly alarms: cloudwatch.IAlarm[];

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
    super(scope, (validateTenantPostgresProps(props), id));
    TenantGuardrails.applyTo(this);

    this.tenantId = props.tenantId;
    this.tier = props.tier ?? TenantTier.PRODUCTION;
    // Fail safe: only an explicit DEVELOPMENT tier relaxes anything.
    const production = this.tier !== TenantTier.DEVELOPMENT;
    TierDefaults.applyTags(this, this.tenantId, this.tier);

    // Without explicit wiring, all blocks of a tenant in a stack share one key and one VPC.
    const key = props.encryptionKey ?? TenantKey.of(this, this.tenantId, this.tier);
    // the final snapshot and the retained backup vault are encrypted with the key: deleting it with
    // the stack (even a DEVELOPMENT one) would make both unreadable after the 7-day pending window
    key.retainOnDelete(`TenantPostgres ${this.node.path}: its final snapshot and backup vault recovery points outlive the stack`);
    const logShipping = props.logShipping ?? LogShipping.none();
    const network = props.network ?? TenantNetwork.of(this, {
      tenantId: this.tenantId, tier: this.tier, encryptionKey: key, logShipping,
    });
    const vpc = network.vpc;
    const subnets = network.databaseSubnets;
    const window = props.maintenanceWindow ?? MaintenanceWindow.defaultFor(this.tenantId);
    this.databaseName = props.databaseName ?? 'app';
    this.appUsername = APP_USER;
    this.readOnlyUsername = READ_ONLY_USER;
    this.port = PORT;

    // --- network -------------------------------------------------------------------------------
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: `TenantPostgres ${this.tenantId}: the database port from allowed networks and connected resources only`,
      // the database never opens connections itself
      allowAllOutbound: false,
    });
    // a client network nothing routes into the VPC cannot reach the database: say so at synth
    network.warnIfUnroutable(this, 'allowedCidrs', props.allowedCidrs ?? []);
    for (const cidr of props.allowedCidrs ?? []) {
      const peer = cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
      securityGroup.addIngressRule(peer, ec2.Port.tcp(PORT), `PostgreSQL from allowed network ${cidr}`);
    }

    // --- parameters ----------------------------------------------------------------------------
    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      // 17.4+ supports scaling to 0 ACUs with auto-pause and the RDS Data API; 17.9 is the newest
      // version aws-cdk-lib 2.257 knows. Minor upgrades then arrive in the maintenance window.
      version: rds.AuroraPostgresEngineVersion.VER_17_9,
    });
    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `TenantPostgres ${this.tenantId}`,
      // one source of truth (parameters.ts): the tests configure their real server from it
      parameters: { ...POSTGRES_PARAMETERS },
    });

    // --- credentials ---------------------------------------------------------------------------
    const adminCredentials = rds.Credentials.fromGeneratedSecret(ADMIN_USER, {
      encryptionKey: key.key,
      excludeCharacters: EXCLUDE_CHARACTERS,
    });

    // PRODUCTION keeps what it must keep when the stack is deleted or a resource replaced, but a
    // failed FIRST create rolls back completely (RetainExceptOnCreate): the retry meets no leftover
    // (a log group with a fixed name would fail it with "already exists").
    const keep = (resource: IConstruct) => {
      if (production) {
        const cfn = resource instanceof CfnResource ? resource : resource.node.defaultChild as CfnResource;
        cfn.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
      }
    };
    const logGroup = (logGroupId: string, logGroupName?: string) => {
      const group = new TenantLogGroup(this, logGroupId, { tier: this.tier, encryptionKey: key, logShipping, logGroupName });
      keep(group);
      return group;
    };

    // --- logs ----------------------------------------------------------------------------------
    // the cluster identifier is fixed so the log group can exist (key, retention, shipping) before
    // RDS writes to it; derived from the tenant and the construct path, unique per account
    const clusterIdentifier = `${this.tenantId}-${this.node.addr.slice(0, 8)}`;
    this.logGroup = logGroup('PostgresqlLog', `/aws/rds/cluster/${clusterIdentifier}/postgresql`);

    // --- cluster -------------------------------------------------------------------------------
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
      clusterIdentifier,
      credentials: adminCredentials,
      defaultDatabaseName: this.databaseName,
      port: PORT,
      vpc,
      vpcSubnets: subnets,
      securityGroups: [securityGroup],
      writer: instance('Writer', false),
      // PRODUCTION: a reader in another AZ, promoted on failure within a minute
      readers: production ? [instance('Reader', true)] : [],
      serverlessV2MinCapacity: CAPACITY_FLOOR[this.tier],
      serverlessV2MaxCapacity: props.maxCapacity ?? (production ? 16 : 2),
      // DEVELOPMENT pauses after 15 idle minutes (idle_session_timeout closes forgotten sessions)
      serverlessV2AutoPauseDuration: production ? undefined : Duration.minutes(15),
      storageEncrypted: true,
      storageEncryptionKey: key.key,
      iamAuthentication: true,
      enableDataApi: true,
      parameterGroup,
      cloudwatchLogsExports: ['postgresql'],
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      preferredMaintenanceWindow: window.toString(),
      backup: {
        retention: props.backupRetention ?? Duration.days(production ? 35 : 7),
        preferredWindow: window.backupWindow(),
      },
      deletionProtection: production,
      // PITR backups outlive a deleted PRODUCTION cluster for their retention period
      deleteAutomatedBackups: !production,
      // a final snapshot in every tier; DEVELOPMENT can still be destroyed by its stack
      removalPolicy: RemovalPolicy.SNAPSHOT,
      // No enhanced monitoring: RDS would write it to the account-wide `RDSOSMetrics` log group,
      // created outside the stack, unencrypted, kept forever and shared by every database of the
      // account (no stack can own it). Performance Insights (tenant key) and the CloudWatch metrics stay.
    });
    cluster.node.addDependency(this.logGroup);
    // PRODUCTION: a mistaken destroy must not take the database down. RDS deletes the instances of a
    // deletion-protected cluster, so they are retained too (except when a first create fails).
    cluster.node.findAll().filter((c) => c instanceof rds.CfnDBInstance).forEach(keep);
    this.cluster = cluster;
    this.adminSecret = cluster.secret!;
    // literal port (cluster.connections carries the Endpoint.Port attribute, which rules cannot check)
    this.connections = new ec2.Connections({ securityGroups: [securityGroup], defaultPort: ec2.Port.tcp(PORT) });
    this.endpointHost = cluster.clusterEndpoint.hostname;

    this.appSecret = new rds.DatabaseSecret(this, 'AppSecret', {
      username: APP_USER,
      dbname: this.databaseName,
      encryptionKey: key.key,
      excludeCharacters: EXCLUDE_CHARACTERS,
    }).attach(cluster);
    this.readOnlySecret = new rds.DatabaseSecret(this, 'ReadOnlySecret', {
      username: READ_ONLY_USER,
      dbname: this.databaseName,
      encryptionKey: key.key,
      excludeCharacters: EXCLUDE_CHARACTERS,
    }).attach(cluster);
    const secrets = [this.adminSecret, this.appSecret, this.readOnlySecret];

    // PRODUCTION: deletion protection keeps the cluster when its stack is deleted by mistake, so its
    // credentials (and their attachments, which carry the endpoint) must stay too, or nobody could
    // log in to the surviving database. The rotation schedules still go: their function goes.
    const secretResources = [cluster, this.node.findChild('AppSecret'), this.node.findChild('ReadOnlySecret')]
      .flatMap((c) => c.node.findAll())
      .filter((c): c is CfnResource => c instanceof secretsmanager.CfnSecret || c instanceof secretsmanager.CfnSecretTargetAttachment);
    secretResources.forEach(keep);

    // --- bootstrap -----------------------------------------------------------------------------
    const bootstrapLogGroup = logGroup('BootstrapLog');
    const bootstrapSecurityGroup = new ec2.SecurityGroup(this, 'BootstrapSecurityGroup', {
      vpc,
      description: `TenantPostgres ${this.tenantId} bootstrap: to the database, Secrets Manager and S3 (custom resource response) only`,
      allowAllOutbound: false,
    });
    bootstrapSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    // HTTPS to the Secrets Manager endpoint's security group and, through the S3 gateway endpoint,
    // to the CloudFormation response URL (the S3 prefix list when the platform gives its id), never
    // 443 to the whole internet (issue 9.9)
    network.connectToAwsEndpoints(bootstrapSecurityGroup);
    securityGroup.addIngressRule(bootstrapSecurityGroup, ec2.Port.tcp(PORT), 'PostgreSQL from the bootstrap handler');

    // what every in-VPC handler is told about the database (host names and ARNs, no secret); the
    // handlers connect nowhere else, whatever their event says
    const databaseEnvironment = {
      DB_HOST: this.endpointHost,
      DB_PORT: String(PORT),
      DB_NAME: this.databaseName,
    };
    // Every handler's role writes its own log group only and, in the VPC, manages its own network
    // interfaces: never the AWS managed execution policies (logs on every log group, issue 9.6).
    const handlerRole = (roleId: string, what: string, group: TenantLogGroup, inVpc: boolean) => new HandlerExecutionRole(this, roleId, {
      description: `TenantPostgres ${this.tenantId} ${what}`,
      logGroup: group,
      ...(inVpc ? { vpc } : {}),
    });
    const bootstrapFunction = new BootstrapFunction(this, 'Bootstrap', {
      role: handlerRole('BootstrapRole', 'bootstrap handler', bootstrapLogGroup, true),
      description: `TenantPostgres ${this.tenantId}: creates the app and read-only roles (CloudFormation custom resource only)`,
      vpc,
      vpcSubnets: subnets,
      securityGroups: [bootstrapSecurityGroup],
      // the connection retry is bounded by this, inside CloudFormation's one-hour custom resource limit
      timeout: Duration.minutes(14),
      memorySize: 512,
      logGroup: bootstrapLogGroup,
      // no reserved concurrency: a new account's quota starts at 10 and a reservation fails the deploy
      // ("UnreservedConcurrentExecution below its minimum"); nobody else invokes this function.
      // No customer managed key on the environment: it holds host names and ARNs only, and the
      // clean-up that detaches this function on destroy then needs no KMS rights.
      environment: {
        ...databaseEnvironment,
        ADMIN_SECRET_ARN: this.adminSecret.secretArn,
        APP_SECRET_ARN: this.appSecret.secretArn,
        READ_ONLY_SECRET_ARN: this.readOnlySecret.secretArn,
      },
    });
    this.bootstrapFunction = bootstrapFunction;
    this.readSecrets(bootstrapFunction, secrets, key);
    const bootstrap = new CustomResource(this, 'BootstrapRoles', {
      serviceToken: this.bootstrapFunction.functionArn,
      resourceType: 'Custom::TenantPostgresBootstrap',
      // CloudFormation waits an hour for an unanswered custom resource by default; the handler's
      // 14-minute timeout plus 2 minutes for the response is all it can take
      serviceTimeout: Duration.minutes(16),
      properties: {
        // repeated from the function's configuration (which the handler uses, and checks these
        // against) so that a change re-runs the bootstrap
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
    const ready = [cluster, this.appSecret, this.readOnlySecret].flatMap((c) => c.node.findAll()).filter((c) =>
      c instanceof rds.CfnDBCluster || c instanceof rds.CfnDBInstance || c instanceof secretsmanager.CfnSecretTargetAttachment);
    bootstrap.node.addDependency(...ready);

    // --- rotation and regression ---------------------------------------------------------------
    // The block's own rotation function rotates all three secrets: the admin changes its own
    // password, the admin changes the app's and the read-only user's (so the read-only user's
    // default_transaction_read_only cannot refuse it), each ALTER ROLE in a READ WRITE transaction
    // with a SCRAM verifier, never a password in SQL. From the isolated subnets through the Secrets
    // Manager endpoint, only after bootstrap created the roles.
    const rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
      vpc,
      description: `TenantPostgres ${this.tenantId} secret rotation: to the database and Secrets Manager only`,
      allowAllOutbound: false,
    });
    rotationSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    // Secrets Manager only (no S3: no custom resource response); an imported VPC's owner routes 443
    if (network.endpointSecurityGroup) {
      rotationSecurityGroup.addEgressRule(network.endpointSecurityGroup, ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint');
    } else {
      rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint (imported VPC: its owner routes it)');
    }
    securityGroup.addIngressRule(rotationSecurityGroup, ec2.Port.tcp(PORT), 'PostgreSQL from the secret rotation');
    const rotationLogGroup = logGroup('RotationLog');
    const rotationFunction = new RotationFunction(this, 'Rotation', {
      role: handlerRole('RotationRole', 'secret rotation', rotationLogGroup, true),
      description: `TenantPostgres ${this.tenantId}: rotates the admin, app and read-only secrets`,
      vpc,
      vpcSubnets: subnets,
      securityGroups: [rotationSecurityGroup],
      // a resuming DEVELOPMENT database takes ~15 s; each step connects at most three times
      timeout: Duration.minutes(2),
      memorySize: 256,
      logGroup: rotationLogGroup,
      environment: {
        ...databaseEnvironment,
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
    this.rotationFunction = rotationFunction;
    rotationFunction.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
      resources: secrets.map((secret) => secret.secretArn),
    }));
    // GetRandomPassword supports no resource-level permission
    rotationFunction.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] }));
    // the tenant key only through Secrets Manager, in the role's own policy (never the key policy)
    rotationFunction.addToRolePolicy(viaSecretsManager(this, key, ['kms:Decrypt', 'kms:GenerateDataKey']));
    const schedules: CfnResource[] = [];
    const rotations: Array<[string, secretsmanager.ISecret]> = [
      ['AdminRotation', this.adminSecret], ['AppRotation', this.appSecret], ['ReadOnlyRotation', this.readOnlySecret],
    ];
    for (const [rotationId, secret] of rotations) {
      // confused deputy: only Secrets Manager of this account, for this secret
      const permission = new lambda.CfnPermission(this, `${rotationId}Permission`, {
        action: 'lambda:InvokeFunction',
        functionName: rotationFunction.functionArn,
        principal: 'secretsmanager.amazonaws.com',
        sourceAccount: Stack.of(this).account,
        sourceArn: secret.secretArn,
      });
      const schedule = new secretsmanager.CfnRotationSchedule(this, rotationId, {
        secretId: secret.secretArn,
        rotationLambdaArn: rotationFunction.functionArn,
        rotationRules: { scheduleExpression: `rate(${ROTATION_INTERVAL.toDays()} days)` },
      });
      schedule.addDependency(permission);
      // the function (and, through it, its role policy) exists first; the roles too
      schedule.node.addDependency(bootstrap, rotationFunction);
      schedules.push(schedule);
    }

    const regressionLogGroup = logGroup('RegressionLog');
    const regressionFunction = new RegressionFunction(this, 'Regression', {
      role: handlerRole('RegressionRole', 'SQL regression suite', regressionLogGroup, true),
      description: `TenantPostgres ${this.tenantId}: SQL regression suite, { "action": "regression" } (app and read-only users)`,
      vpc,
      vpcSubnets: subnets,
      // the same reach as the rotation: the database port and the Secrets Manager endpoint
      securityGroups: [rotationSecurityGroup],
      timeout: Duration.minutes(5),
      memorySize: 512,
      logGroup: regressionLogGroup,
      environment: {
        ...databaseEnvironment,
        APP_SECRET_ARN: this.appSecret.secretArn,
        READ_ONLY_SECRET_ARN: this.readOnlySecret.secretArn,
      },
    });
    this.regressionFunction = regressionFunction;
    this.readSecrets(regressionFunction, [this.appSecret, this.readOnlySecret], key);

    // --- clean destroy -------------------------------------------------------------------------
    // The functions run in the VPC: their ENIs would hold the security groups and the isolated
    // subnets for 20-40 minutes after the functions go. The clean-up resource depends on all of
    // them, so CloudFormation deletes it first: it deletes the rotation and regression functions,
    // only detaches the bootstrap function (the service token of the bootstrap custom resource,
    // whose Delete comes later and is answered from outside the VPC), and deletes the released
    // ENIs of their groups.
    const vpcCleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier: this.tier, encryptionKey: key, logShipping });
    vpcCleanup.addFunction(bootstrapFunction, { deleteFunction: false }); // its BootstrapSecurityGroup comes along
    vpcCleanup.addFunction(rotationFunction);
    vpcCleanup.addFunction(regressionFunction);
    vpcCleanup.addSubnets(vpc.selectSubnets(subnets).subnets);
    // the bootstrap custom resource is deleted after the clean-up detached its function, so its
    // Delete is answered from outside the VPC, whatever endpoints are already gone
    vpcCleanup.resource.node.addDependency(bootstrap);
    this.vpcCleanup = vpcCleanup;

    // --- backup --------------------------------------------------------------------------------
    // A region is not always opted in to AWS Backup for Aurora: without it the plan backs up
    // nothing, silently. A custom resource (outside the VPC) turns Aurora on, and only Aurora.
    const optInLogGroup = logGroup('BackupOptInLog');
    const optInFunction = new BackupOptInFunction(this, 'BackupOptInHandler', {
      role: handlerRole('BackupOptInRole', 'AWS Backup opt-in handler', optInLogGroup, false),
      description: `TenantPostgres ${this.tenantId}: opts the region in to AWS Backup for Aurora (never turns anything off)`,
      timeout: Duration.minutes(2),
      memorySize: 128,
      logGroup: optInLogGroup,
    });
    optInFunction.addToRolePolicy(new iam.PolicyStatement({
      // region settings have no resource ARN
      actions: ['backup:DescribeRegionSettings', 'backup:UpdateRegionSettings'],
      resources: ['*'],
    }));
    const optIn = new CustomResource(this, 'BackupOptIn', {
      serviceToken: optInFunction.functionArn,
      resourceType: 'Custom::TenantBackupAuroraOptIn',
      serviceTimeout: Duration.minutes(4),
    });
    optIn.node.addDependency(optInFunction);

    // the vault outlives the stack, so its name must differ per stack instance, or redeploying
    // after a destroy fails on the name; the first 8 hex digits of the stack id's UUID do that:
    // tenant-<tenantId>-<8 hex>, at most 7 + 31 + 9 = 47 of the 50 characters allowed
    const stackUuidPrefix = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    const vault = new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `tenant-${this.tenantId}-${stackUuidPrefix}`,
      encryptionKey: key.key,
      // recovery points outlive the stack in every tier: nothing lost (a failed first create leaves no empty vault)
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      // PRODUCTION: one compromised admin cannot destroy the backups. Governance mode: the
      // break-glass role (backup:DeleteBackupVaultLockConfiguration, denied to everyone else by
      // the access policy) can still end it when a contract ends; compliance mode could not.
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
    this.backupVault = vault;
    const copyActions: backup.BackupPlanCopyActionProps[] | undefined = props.backupCopyVaultArn
      ? [{
        destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'PlatformVault', props.backupCopyVaultArn),
        deleteAfter: Duration.days(35),
      }]
      : undefined;
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupVault: this.backupVault,
      backupPlanRules: [
        // daily at 05:00 UTC; PRODUCTION keeps 35 days (and copies to the platform when asked),
        // DEVELOPMENT 14: the end of life of a destroyed DEV tenant's recovery points
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: backup.BackupPlanRule.daily().props.scheduleExpression,
          deleteAfter: production ? Duration.days(35) : DEV_RECOVERY_POINT_RETENTION,
          copyActions,
        }),
        ...(production ? [backup.BackupPlanRule.monthly1Year()] : []),
      ],
    });
    plan.node.addDependency(optIn);
    plan.addSelection('Cluster', { resources: [backup.BackupResource.fromRdsDatabaseCluster(cluster)] });
    // DEVELOPMENT: what a destroy keeps (final snapshot, vault, key) has an end of life, owned by
    // the next incarnation's daily clean-up (issue 8.14); PRODUCTION keeps everything.
    const leftovers = production ? undefined : new DevelopmentLeftovers(this, 'DevelopmentLeftovers', {
      tenantId: this.tenantId, encryptionKey: key, logShipping, backupVault: vault, cluster,
    });
    this.developmentLeftovers = leftovers;

    // --- alarms --------------------------------------------------------------------------------
    this.alarms = [
      ...this.createAlarms(cluster, clusterIdentifier, props.maxCapacity ?? (production ? 16 : 2), rotationFunction),
      ...(leftovers ? [leftovers.alarm] : []),
    ];

    this.suppress(cluster, plan, [bootstrapFunction, rotationFunction, regressionFunction], optInFunction, rotationFunction);
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

  private createAlarms(
    cluster: rds.DatabaseCluster, clusterIdentifier: string, maxCapacity: number, rotation: lambda.IFunction,
  ): cloudwatch.IAlarm[] {
    const production = this.tier !== TenantTier.DEVELOPMENT;
    const connectionLimit = serverlessMaxConnections(maxCapacity);
    const alarm = (alarmId: string, suffix: string, metric: cloudwatch.IMetric, threshold: number, comparison: cloudwatch.ComparisonOperator,
      description: string, periods = 3) =>
      new cloudwatch.Alarm(this, alarmId, {
        // the prefix the CrossAccountLink forwards: tenant-blocks-<tenantId>-
        alarmName: `tenant-blocks-${clusterIdentifier}-${suffix}`,
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
    // storage that outgrows what the tier is sized (and priced) for: 20 GiB DEV, 500 GiB PROD
    const storageLimit = (production ? 500 : 20) * gib;
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
      // PRODUCTION: any deadlock in 3 consecutive periods is an app bug to fix; DEVELOPMENT tolerates
      // a few (tests that race on purpose) and pages only above 5 per 5 minutes
      alarm('DeadlocksAlarm', 'deadlocks', cluster.metricDeadlocks({ ...fiveMinutes, statistic: 'Sum' }), production ? 0 : 5, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        `deadlocks above ${production ? 0 : 5} per 5 minutes in three consecutive periods: transactions are being rolled back`),
      alarm('ConnectionsAlarm', 'connections', cluster.metricDatabaseConnections({ ...fiveMinutes, statistic: 'Maximum' }), Math.floor(connectionLimit * 0.8),
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, `connections above 80% of max_connections (about ${connectionLimit}) for 15 minutes: new connections will be refused`),
      alarm('StorageAlarm', 'storage', cluster.metric('VolumeBytesUsed', { period: Duration.hours(1), statistic: 'Maximum' }), storageLimit,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, `storage above ${storageLimit / gib} GiB: more than the ${this.tier} tier is sized for (cost); check for bloat or runaway tables`, 1),
      // PRODUCTION's reader takes over on failure: a lagging reader loses recent commits on failover
      ...(production ? [alarm('ReplicaLagAlarm', 'replica-lag', cluster.metric('AuroraReplicaLagMaximum', { ...fiveMinutes, statistic: 'Maximum' }), 2000,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, 'reader more than 2 s behind the writer for 15 minutes: a failover now would lose recent commits')] : []),
      // Secrets Manager has no metric for a failed rotation; a failed step is an error of the
      // rotation function (then the old password stays valid and the pending version lingers)
      alarm('RotationAlarm', 'rotation', rotation.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }), 0,
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, 'a secret rotation step failed: the old password stays valid; read the rotation log group', 1),
    ];
  }

  private suppress(
    cluster: rds.DatabaseCluster, plan: backup.BackupPlan,
    vpcFunctions: lambda.Function[], optInFunction: lambda.Function, rotationFunction: lambda.Function,
  ): void {
    const packs = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];
    if (this.tier === TenantTier.DEVELOPMENT) {
      Suppressions.add(cluster.node.defaultChild!, [
        { id: 'AwsSolutions-RDS10', reason: DEV_DELETION_REASON },
        { id: 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', reason: DEV_DELETION_REASON },
        { id: 'NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled', reason: DEV_DELETION_REASON },
        { id: 'CT.RDS.PR.3', reason: DEV_DELETION_REASON },
      ]);
    }
    for (const instance of cluster.node.findAll().filter((c) => c instanceof rds.CfnDBInstance)) {
      Suppressions.add(instance, [
        ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({
          id: `${pack}-RDSInBackupPlan`,
          reason: 'An Aurora instance holds no data of its own: the storage belongs to the cluster, which the AWS Backup plan selects (BackupSelection of the DBCluster ARN)',
        })),
        ...['HIPAA.Security-RDSEnhancedMonitoringEnabled', 'NIST.800.53.R5-RDSEnhancedMonitoringEnabled', 'CT.RDS.PR.2'].map((id) => ({ id, reason: NO_ENHANCED_MONITORING })),
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
    Suppressions.add(rotationFunction.role!, [{
      id: 'AwsSolutions-IAM5',
      reason: 'secretsmanager:GetRandomPassword supports no resource-level permission (it reads no secret); every other action of the rotation names the three secrets of this database',
      appliesTo: ['Resource::*'],
    }]);
    for (const fn of vpcFunctions) {
      Suppressions.add(fn, [
        ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaDLQ`, reason: noDlq })),
        ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaConcurrency`, reason: noConcurrency })),
      ]);
      // the role is the function's own (HandlerExecutionRole), created before it
      Suppressions.add(fn.role!, packs.map((pack) => ({ id: `${pack}-IAMNoInlinePolicy`, reason: ownPolicy })));
    }
    const outsideVpc = 'The AWS Backup opt-in calls a regional AWS API only (no database, no data); outside the VPC it needs no endpoint and leaves no network interface behind';
    Suppressions.add(optInFunction, [
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaDLQ`, reason: noDlq })),
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaConcurrency`, reason: noConcurrency })),
      ...packs.map((pack) => ({ id: `${pack}-LambdaInsideVPC`, reason: outsideVpc })),
      { id: 'CT.LAMBDA.PR.3', reason: outsideVpc },
    ]);
    Suppressions.add(optInFunction.role!, [
      { id: 'AwsSolutions-IAM5', reason: 'AWS Backup region settings (DescribeRegionSettings, UpdateRegionSettings) have no resource ARN; the handler only ever sets Aurora to opted in', appliesTo: ['Resource::*'] },
      ...packs.map((pack) => ({ id: `${pack}-IAMNoInlinePolicy`, reason: 'The inline policy belongs to this one role: reading and setting the region\'s AWS Backup opt-in; it lives and dies with the role' })),
    ]);
    for (const alarm of this.alarms) {
      const reason = 'The alarms are named tenant-blocks-<tenantId>-... and the CrossAccountLink forwards their state changes to the platform (EventBridge), which notifies; an alarm action here would bypass that one route';
      Suppressions.add(alarm, [
        ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-CloudWatchAlarmAction`, reason })),
        { id: 'CT.CLOUDWATCH.PR.1', reason },
      ]);
    }
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
const DEV_DELETION_REASON = 'DEVELOPMENT databases must be destroyable by their stack (issue decision); RemovalPolicy.SNAPSHOT takes a final snapshot with the data at deletion time and the AWS Backup vault and its recovery points are retained, both readable because the tenant key is retained too; only the point-in-time restore history (automated backups) goes with the cluster';
