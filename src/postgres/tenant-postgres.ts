import { Aws, CfnResource, CustomResource, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  LogShipping,
  MaintenanceWindow,
  Suppressions,
  TenantGuardrails,
  TenantKey,
  TenantLogGroup,
  TenantNetwork,
  TenantTier,
  TierDefaults,
  VpcFunctionCleanup,
} from '../core';
import { BootstrapFunction } from './bootstrap-function';
import { CAPACITY_FLOOR, validateTenantPostgresProps } from './validate-tenant-postgres-props';

/** Props of {@link TenantPostgres}: the whitelist, and nothing more. */
export interface TenantPostgresProps {
  /** The tenant this database belongs to (3-31 lowercase letters, digits and hyphens). */
  readonly tenantId: string;

  /**
   * The tenant's tier. DEVELOPMENT: writer only, scales to zero and pauses when idle, can be
   * destroyed by its stack (after a final snapshot). PRODUCTION: writer and reader in two AZs,
   * never paused, deletion protection, a year of monthly backups.
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
 * enforced; IAM authentication; DDL and slow statements logged; idle sessions closed; credentials
 * for an admin, an app and a read-only user in Secrets Manager, rotated monthly; PITR plus an AWS
 * Backup plan into a retained vault; deletion protection in PRODUCTION and a snapshot on delete in
 * every tier; alarms; and a bootstrap that creates the app and read-only roles.
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

  /** The alarms of the database (CPU, ACU utilisation, free memory, deadlocks, connections), for the app to route. */
  public readonly alarms: cloudwatch.IAlarm[];

  /** The log group PostgreSQL exports its log to. */
  public readonly logGroup: TenantLogGroup;

  /** The backup vault (retained when the stack is deleted). */
  public readonly backupVault: backup.IBackupVault;

  /** The bootstrap handler; invoke it with `{ "action": "regression" }` to run the SQL regression suite. */
  public readonly bootstrapFunction: lambda.IFunction;

  /** The tenant this database belongs to. */
  public readonly tenantId: string;

  /** The tenant's tier. */
  public readonly tier: TenantTier;

  /**
   * The clean destroy of the block's in-VPC functions (bootstrap and secret rotation): deleted
   * first on stack deletion, it deletes the rotation functions directly, only detaches the
   * bootstrap function (the service token of a later-deleted custom resource) and removes their
   * network interfaces, so the security groups and subnets go without a 20-40 minute wait.
   */
  public readonly vpcCleanup: VpcFunctionCleanup;

  /**
   * @param scope the tenant stack (or a construct in it)
   * @param id the construct id
   * @param props the whitelist: validated before anything is created
   * @throws Error listing every invalid prop
   */
  constructor(scope: Construct, id: string, props: TenantPostgresProps) {
    super(scope, id);
    validateTenantPostgresProps(props);
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
      parameters: {
        // TLS only (the handlers verify the RDS CA); TLS 1.2 at least
        'rds.force_ssl': '1',
        'ssl_min_protocol_version': 'TLSv1.2',
        // audit: schema DDL through pgaudit's DDL class (bootstrap creates the extension), without
        // statement parameters (they may hold personal data). Not the ROLE class and not
        // log_statement = ddl: both log ALTER ROLE ... PASSWORD '<literal>', which the SAR rotation
        // runs every 30 days, so each new password would land in the exported (and shipped) log.
        // The price: GRANT/REVOKE and role changes are no longer in the audit log.
        'shared_preload_libraries': 'pg_stat_statements,pgaudit',
        'pgaudit.log': 'ddl',
        'pgaudit.log_parameter': '0',
        'log_statement': 'none',
        // slow statements (1 s) with their duration. Residual risk: an ALTER ROLE ... PASSWORD that
        // itself takes over 1 s (e.g. waiting on a lock) is logged with its text
        'log_min_duration_statement': '1000',
        'log_lock_waits': '1',
        'log_connections': '1',
        'log_disconnections': '1',
        // an idle tool (a forgotten console tab, a crashed worker) must not keep a paused DEVELOPMENT
        // database awake or hold connections: close idle sessions after 15 min, idle transactions after 5
        'idle_session_timeout': '900000',
        'idle_in_transaction_session_timeout': '300000',
      },
    });

    // --- credentials ---------------------------------------------------------------------------
    const adminCredentials = rds.Credentials.fromGeneratedSecret(ADMIN_USER, {
      encryptionKey: key.key,
      excludeCharacters: EXCLUDE_CHARACTERS,
    });

    // --- logs ----------------------------------------------------------------------------------
    // the cluster identifier is fixed so the log group can exist (key, retention, shipping) before
    // RDS writes to it; derived from the tenant and the construct path, unique per account
    const clusterIdentifier = `${this.tenantId}-${this.node.addr.slice(0, 8)}`;
    this.logGroup = new TenantLogGroup(this, 'PostgresqlLog', {
      tier: this.tier,
      encryptionKey: key,
      logShipping,
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
    });

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
      monitoringInterval: Duration.minutes(1),
    });
    cluster.node.addDependency(this.logGroup);
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

    // PRODUCTION: deletion protection keeps the cluster when its stack is deleted by mistake, so its
    // credentials (and their attachments, which carry the endpoint) must stay too, or nobody could
    // log in to the surviving database. The rotation schedules still go: their functions go.
    if (production) {
      const secretResources = [cluster, this.node.findChild('AppSecret'), this.node.findChild('ReadOnlySecret')]
        .flatMap((c) => c.node.findAll())
        .filter((c): c is CfnResource => c instanceof secretsmanager.CfnSecret || c instanceof secretsmanager.CfnSecretTargetAttachment);
      secretResources.forEach((r) => r.applyRemovalPolicy(RemovalPolicy.RETAIN));
    }

    // --- bootstrap -----------------------------------------------------------------------------
    const bootstrapLogGroup = new TenantLogGroup(this, 'BootstrapLog', { tier: this.tier, encryptionKey: key, logShipping });
    const bootstrapSecurityGroup = new ec2.SecurityGroup(this, 'BootstrapSecurityGroup', {
      vpc,
      description: `TenantPostgres ${this.tenantId} bootstrap: to the database, Secrets Manager and S3 (custom resource response) only`,
      allowAllOutbound: false,
    });
    bootstrapSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    // HTTPS to the Secrets Manager endpoint and, through the S3 gateway endpoint, to the
    // CloudFormation response URL (S3 addresses are a region-wide prefix list). The isolated subnets
    // have no route to the internet, so 443 reaches AWS endpoints only.
    bootstrapSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to VPC endpoints (Secrets Manager, S3)');
    securityGroup.addIngressRule(bootstrapSecurityGroup, ec2.Port.tcp(PORT), 'PostgreSQL from the bootstrap handler');

    const bootstrapFunction = new BootstrapFunction(this, 'Bootstrap', {
      description: `TenantPostgres ${this.tenantId}: creates the app and read-only roles; { "action": "regression" } runs the SQL regression suite`,
      vpc,
      vpcSubnets: subnets,
      securityGroups: [bootstrapSecurityGroup],
      // the connection retry is bounded by this, inside CloudFormation's one-hour custom resource limit
      timeout: Duration.minutes(14),
      memorySize: 512,
      logGroup: bootstrapLogGroup,
      // at most the CloudFormation call and one regression run at a time
      reservedConcurrentExecutions: 2,
      environment: {
        // trust the RDS CAs shipped with the Lambda runtime (connections use rejectUnauthorized: true)
        NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
        DB_HOST: this.endpointHost,
        DB_PORT: String(PORT),
        DB_NAME: this.databaseName,
        APP_SECRET_ARN: this.appSecret.secretArn,
        READ_ONLY_SECRET_ARN: this.readOnlySecret.secretArn,
      },
      environmentEncryption: key.key,
    });
    this.bootstrapFunction = bootstrapFunction;
    for (const secret of [this.adminSecret, this.appSecret, this.readOnlySecret]) {
      secret.grantRead(this.bootstrapFunction);
    }
    const bootstrap = new CustomResource(this, 'BootstrapRoles', {
      serviceToken: this.bootstrapFunction.functionArn,
      resourceType: 'Custom::TenantPostgresBootstrap',
      // CloudFormation waits an hour for an unanswered custom resource by default; the handler's
      // 14-minute timeout plus 2 minutes for the response is all it can take
      serviceTimeout: Duration.minutes(16),
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
    // rotation schedules, which are children of the attachments and must wait for the roles)
    const ready = [cluster, this.appSecret, this.readOnlySecret].flatMap((c) => c.node.findAll()).filter((c) =>
      c instanceof rds.CfnDBCluster || c instanceof rds.CfnDBInstance || c instanceof secretsmanager.CfnSecretTargetAttachment);
    bootstrap.node.addDependency(...ready);

    // --- rotation ------------------------------------------------------------------------------
    // single-user rotation for each secret (each role changes its own password: the app role keeps
    // owning its schema), from the isolated subnets through the Secrets Manager endpoint; only
    // after bootstrap created the roles, or the first rotation would fail
    const rotations: Array<[string, secretsmanager.ISecret]> = [
      ['AdminRotation', this.adminSecret], ['AppRotation', this.appSecret], ['ReadOnlyRotation', this.readOnlySecret],
    ];
    const rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
      vpc,
      description: `TenantPostgres ${this.tenantId} secret rotation: to the database and Secrets Manager only`,
      allowAllOutbound: false,
    });
    rotationSecurityGroup.addEgressRule(securityGroup, ec2.Port.tcp(PORT), 'PostgreSQL to the tenant database');
    rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint (isolated subnets: no other route)');
    const secretRotations: secretsmanager.SecretRotation[] = [];
    for (const [rotationId, secret] of rotations) {
      const rotation = new secretsmanager.SecretRotation(this, rotationId, {
        application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
        secret,
        target: this,
        vpc,
        vpcSubnets: subnets,
        securityGroup: rotationSecurityGroup,
        automaticallyAfter: Duration.days(30),
        excludeCharacters: EXCLUDE_CHARACTERS,
      });
      rotation.node.addDependency(bootstrap);
      secretRotations.push(rotation);
    }

    // --- clean destroy -------------------------------------------------------------------------
    // The bootstrap and rotation functions run in the VPC: their ENIs would hold the bootstrap and
    // rotation security groups and the isolated subnets for 20-40 minutes after the functions go.
    // The clean-up resource depends on all of them, so CloudFormation deletes it first: it deletes
    // the rotation functions (in the SAR nested stacks; CloudFormation then treats them
    // as deleted), only detaches the bootstrap function (the service token of the bootstrap custom
    // resource, whose Delete comes after the rotations and is answered from outside the VPC), and
    // deletes the released ENIs of both groups.
    const vpcCleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier: this.tier, encryptionKey: key, logShipping });
    vpcCleanup.addFunction(bootstrapFunction, { deleteFunction: false }); // its BootstrapSecurityGroup comes along
    secretRotations.forEach((rotation) => vpcCleanup.addSecretRotation(rotation));
    vpcCleanup.addSecurityGroup(rotationSecurityGroup);
    vpcCleanup.addSubnets(vpc.selectSubnets(subnets).subnets);
    this.vpcCleanup = vpcCleanup;

    // --- backup --------------------------------------------------------------------------------
    // the vault is retained, so its name must differ per stack instance, or redeploying after a
    // destroy fails on the name; the first 8 hex digits of the stack id's UUID do that:
    // tenant-<tenantId>-<8 hex>, at most 7 + 31 + 9 = 47 of the 50 characters allowed
    const stackUuidPrefix = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    this.backupVault = new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `tenant-${this.tenantId}-${stackUuidPrefix}`,
      encryptionKey: key.key,
      // recovery points outlive the stack in every tier: nothing lost
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupVault: this.backupVault,
      backupPlanRules: [
        backup.BackupPlanRule.daily(),
        ...(production ? [backup.BackupPlanRule.monthly1Year()] : []),
      ],
    });
    plan.addSelection('Cluster', { resources: [backup.BackupResource.fromRdsDatabaseCluster(cluster)] });

    // --- alarms --------------------------------------------------------------------------------
    const maxCapacity = props.maxCapacity ?? (production ? 16 : 2);
    const connectionLimit = serverlessMaxConnections(maxCapacity);
    const alarm = (alarmId: string, metric: cloudwatch.IMetric, threshold: number, comparison: cloudwatch.ComparisonOperator, description: string) =>
      new cloudwatch.Alarm(this, alarmId, {
        metric,
        threshold,
        comparisonOperator: comparison,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        // a paused DEVELOPMENT database reports nothing: that is not an incident
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `TenantPostgres ${this.tenantId}: ${description}`,
      });
    const fiveMinutes = { period: Duration.minutes(5) };
    this.alarms = [
      // Serverless v2 reports CPU as a share of the CPU at maxCapacity (so 90% = near the ceiling);
      // Maximum: the busiest instance counts, not the average with an idle reader
      alarm('CpuAlarm', cluster.metricCPUUtilization({ ...fiveMinutes, statistic: 'Maximum' }), 90, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'CPU above 90% of maxCapacity for 15 minutes'),
      alarm('CapacityAlarm', cluster.metricACUUtilization({ ...fiveMinutes, statistic: 'Maximum' }), 90, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'ACU utilisation above 90% of maxCapacity for 15 minutes: raise maxCapacity'),
      // Serverless v2 reports free memory as if scaled to maxCapacity: low only when the ceiling is reached
      alarm('FreeableMemoryAlarm', cluster.metricFreeableMemory({ ...fiveMinutes, statistic: 'Minimum' }), 256 * 1024 * 1024, cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        'freeable memory below 256 MiB for 15 minutes'),
      alarm('DeadlocksAlarm', cluster.metricDeadlocks({ ...fiveMinutes, statistic: 'Sum' }), 0, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        'deadlocks in three consecutive 5-minute periods'),
      alarm('ConnectionsAlarm', cluster.metricDatabaseConnections({ ...fiveMinutes, statistic: 'Maximum' }), Math.floor(connectionLimit * 0.8),
        cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, `connections above 80% of max_connections (about ${connectionLimit}) for 15 minutes`),
    ];

    this.suppress(cluster, plan);
  }

  /**
   * Lets `grantee` connect as the app user: read the app secret (and decrypt it with the tenant
   * key). Network access is separate: `connections.allowDefaultPortFrom(grantee)`.
   *
   * @param grantee what connects as the app user (e.g. a function)
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    return this.appSecret.grantRead(grantee);
  }

  /**
   * Lets `grantee` query the database through the RDS Data API as the read-only user (the query
   * console): the Data API statement actions on this cluster and reading the read-only secret only
   * (never the admin or app secret, unlike `cluster.grantDataApiAccess`).
   *
   * @param grantee what queries through the Data API as the read-only user
   */
  public grantDataApiReadOnly(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: DATA_API_ACTIONS,
      resourceArns: [this.cluster.clusterArn],
    });
    this.readOnlySecret.grantRead(grantee);
    return grant;
  }

  private suppress(cluster: rds.DatabaseCluster, plan: backup.BackupPlan): void {
    const packs = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];
    Suppressions.add(cluster, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'The enhanced monitoring role uses the AWS managed policy AmazonRDSEnhancedMonitoringRole (CloudWatch Logs writes to RDSOSMetrics only), assumable only by monitoring.rds.amazonaws.com',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole'],
      },
    ]);
    if (this.tier === TenantTier.DEVELOPMENT) {
      Suppressions.add(cluster.node.defaultChild!, [
        { id: 'AwsSolutions-RDS10', reason: DEV_DELETION_REASON },
        { id: 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled', reason: DEV_DELETION_REASON },
        { id: 'NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled', reason: DEV_DELETION_REASON },
        { id: 'CT.RDS.PR.3', reason: DEV_DELETION_REASON },
      ]);
    }
    for (const instance of cluster.node.findAll().filter((c) => c instanceof rds.CfnDBInstance)) {
      Suppressions.add(instance, ['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({
        id: `${pack}-RDSInBackupPlan`,
        reason: 'An Aurora instance holds no data of its own: the storage belongs to the cluster, which the AWS Backup plan selects (BackupSelection of the DBCluster ARN)',
      })));
    }
    Suppressions.add(plan, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'The AWS Backup service role uses the AWS managed policy AWSBackupServiceRolePolicyForBackup, which AWS maintains as backup supports new resource types; it is assumable only by backup.amazonaws.com',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'],
      },
    ]);
    const fn = this.bootstrapFunction;
    Suppressions.add(fn, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole are the AWS managed minimum for a Lambda function in a VPC (its log group and its network interfaces)',
        appliesTo: [
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        ],
      },
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({
        id: `${pack}-LambdaDLQ`,
        reason: 'The bootstrap handler is only invoked synchronously (CloudFormation custom resource, regression test entry point); a dead-letter queue only receives failed asynchronous events, and failures are reported to CloudFormation',
      })),
      ...packs.map((pack) => ({
        id: `${pack}-IAMNoInlinePolicy`,
        reason: 'The inline policy is generated by aws-cdk-lib grants for this one role: reading the three secrets of this database (and decrypting them with the tenant key); it lives and dies with the role',
      })),
    ]);
    for (const alarm of this.alarms) {
      Suppressions.add(alarm, [
        ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({
          id: `${pack}-CloudWatchAlarmAction`,
          reason: 'The alarms are exposed as `alarms` for the app to route (SNS, incident tool, PlatformHub); the block cannot know the destination',
        })),
        {
          id: 'CT.CLOUDWATCH.PR.1',
          reason: 'The alarms are exposed as `alarms` for the app to route (SNS, incident tool, PlatformHub); the block cannot know the destination',
        },
      ]);
    }
  }
}

/**
 * The default max_connections of an Aurora PostgreSQL Serverless v2 instance: derived from the
 * memory at maxCapacity, about 210 per ACU (AWS's table: 1 ACU 189, 4 ACU 823, 8 ACU 1669, 16 ACU
 * 3360), and capped at 2000 when the minimum capacity is 0 or 0.5 ACU, which holds in both tiers.
 */
function serverlessMaxConnections(maxCapacity: number): number {
  return Math.min(2000, Math.floor(210 * maxCapacity - 21));
}

/** Why a DEVELOPMENT cluster has no deletion protection. */
const DEV_DELETION_REASON = 'DEVELOPMENT databases must be destroyable by their stack (issue decision); RemovalPolicy.SNAPSHOT takes a final snapshot with the data at deletion time and the AWS Backup vault and its recovery points are retained, both readable because the tenant key is retained too; only the point-in-time restore history (automated backups) goes with the cluster';
