import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Annotations, CfnElement, CfnOutput, CfnResource, Duration, Fn, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  ComplianceSuppression,
  LogShipping,
  PropsValidation,
  Suppressions,
  TenantKey,
  TenantLogGroup,
  TenantNetwork,
  TenantTier,
  TierDefaults,
  VpcFunctionCleanup,
  HandlerExecutionRole,
} from '../../core';
import { TenantFunctionProps } from './tenant-function-props';
import { TenantRuntime } from './tenant-runtime';
import { ResolvedWiring, validateAddedEnvironment, validateTenantFunctionProps } from './validate-tenant-function-props';
import { GuardrailInvariant, TenantGuardrails } from '../../core/guardrails';
import { LAMBDA_NETWORK_INTERFACE_REASON, lambdaNetworkInterfaceFindings, lambdaNetworkInterfaceStatements } from '../../core/lambda-network-access';
import { RDS_CA_BUNDLE } from '../postgres/rds-ca-bundle.lambda-shared';

// The props moved to their own module (no type-only import cycle with the validation); re-exported
// here so `import { TenantFunctionProps } from '.../tenant-function'` keeps working.
export * from './tenant-function-props';

// The contract with the app (health check path, environment names, CA bundle path) has no imports,
// so the developer loop's command-line client uses it without aws-cdk-lib.
export * from './function-contract';
import { HEALTH_CHECK_PATH, RDS_CA_BUNDLE_PATH, TENANT_FUNCTION_ENV } from './function-contract';

/** The layer's content directory, written once per process (its asset hash depends on the content only). */
let rdsCaBundleDirectory: string | undefined;

/** Seconds the load balancer waits beyond the function timeout before it gives up on a request. */
const IDLE_TIMEOUT_MARGIN_SECONDS = 5;
/** What a load balancer waits by default (and what most clients and proxies tolerate). */
const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

/**
 * Everything about a TenantFunction that differs by tier, in one place and resolved once, so an
 * alarm cannot drift from the setting it watches. PRODUCTION: the first failure a customer sees
 * raises an alarm, gradual deployments; DEVELOPMENT: sustained failure only (developers iterate),
 * a load balancer that can be deleted. What keeps data is not here: see {@link DATA_RETENTION}.
 */
interface TierSettings {
  /** The PRODUCTION side (fail safe: whatever is not DEVELOPMENT). */
  readonly production: boolean;
  /** The app's log level: everything while developing, INFO in PRODUCTION. */
  readonly applicationLogLevel: lambda.ApplicationLogLevel;
  /** Load balancer deletion protection: PRODUCTION only, DEVELOPMENT stacks must destroy cleanly. */
  readonly deletionProtection: boolean;
  /** Health check interval: the unhealthy-target alarm watches at the same period. */
  readonly healthCheckInterval: Duration;
  /** The period of the failure alarms (errors, 5xx). */
  readonly failurePeriod: Duration;
  /** Errors of the live alias per failure period that raise the alarm. */
  readonly errorsThreshold: number;
  /** 5xx answers (load balancer, app) per failure period that raise an alarm. */
  readonly http5xxThreshold: number;
  /** p99 response time, in seconds, that raises the latency alarm after 15 minutes. */
  readonly latencyThresholdSeconds: number;
  /** A CodeDeploy canary with automatic rollback (PRODUCTION), or the alias moving at once (DEVELOPMENT, hotswap-friendly). */
  readonly canaryDeployment: boolean;
}

/** The tier tables of {@link TierSettings}. */
const DEFAULTS: { readonly [tier in TenantTier]: TierSettings } = {
  [TenantTier.PRODUCTION]: {
    production: true,
    applicationLogLevel: lambda.ApplicationLogLevel.INFO,
    deletionProtection: true,
    healthCheckInterval: Duration.seconds(60),
    failurePeriod: Duration.minutes(1),
    errorsThreshold: 1,
    http5xxThreshold: 5,
    latencyThresholdSeconds: 3,
    canaryDeployment: true,
  },
  [TenantTier.DEVELOPMENT]: {
    production: false,
    applicationLogLevel: lambda.ApplicationLogLevel.DEBUG,
    deletionProtection: false,
    healthCheckInterval: Duration.seconds(300),
    failurePeriod: Duration.minutes(5),
    errorsThreshold: 5,
    http5xxThreshold: 10,
    latencyThresholdSeconds: 10,
    canaryDeployment: false,
  },
};

/** What keeps the function's data (its data bucket and its access-log bucket). */
interface DataRetention {
  /** On delete and on replacement. */
  readonly removalPolicy: RemovalPolicy;
  /** Whether the buckets are emptied when the stack is destroyed (a bucket with objects cannot be deleted). */
  readonly autoDeleteObjects: boolean;
  /** How long an overwritten or deleted data object stays recoverable. */
  readonly noncurrentDataExpiration: Duration;
  /** How long load balancer and S3 access logs are kept (they are evidence). */
  readonly accessLogExpiration: Duration;
}

/**
 * What keeps the data, decided by the `disposableData` prop alone, never by the tier (issue 21.3):
 * a PRODUCTION tenant moved to DEVELOPMENT keeps its data, and a destroy after that deletes
 * nothing; a DEVELOPMENT tenant that wants a clean destroy says so.
 */
const DATA_RETENTION: { readonly kept: DataRetention; readonly disposable: DataRetention } = {
  kept: {
    removalPolicy: RemovalPolicy.RETAIN,
    autoDeleteObjects: false,
    noncurrentDataExpiration: Duration.days(90),
    accessLogExpiration: Duration.days(365),
  },
  disposable: {
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
    noncurrentDataExpiration: Duration.days(7),
    accessLogExpiration: Duration.days(30),
  },
};

/** What every part of a TenantFunction is built from: the props and the defaults, resolved once. */
interface FunctionContext {
  readonly props: TenantFunctionProps;
  readonly tier: TenantTier;
  readonly settings: TierSettings;
  readonly stack: Stack;
  readonly key: TenantKey;
  readonly network: TenantNetwork;
  readonly vpc: ec2.IVpc;
  readonly shipping: LogShipping;
  readonly internetEgress: boolean;
  readonly runtime: TenantRuntime;
  readonly timeout: Duration;
  readonly retention: DataRetention;
  /** How descriptions name this function: `TenantFunction <tenantId>/<id>`. */
  readonly label: string;
}

/** The two buckets of a TenantFunction. */
interface FunctionBuckets {
  /** Load balancer and data-bucket access logs (SSE-S3: log delivery cannot use a customer key). */
  readonly accessLogs: s3.Bucket;
  /** The app's data (the tenant key). */
  readonly data: s3.Bucket;
}

/** The function's environment variables and the secrets it may read. */
interface FunctionEnvironment {
  readonly environment: { [key: string]: string };
  readonly secrets: secretsmanager.ISecret[];
}

/** The alarms of a TenantFunction, by what they watch. */
interface FunctionAlarms {
  readonly errors: cloudwatch.Alarm;
  readonly throttles: cloudwatch.Alarm;
  readonly duration: cloudwatch.Alarm;
  readonly lb5xx: cloudwatch.Alarm;
  readonly target5xx: cloudwatch.Alarm;
  readonly latency: cloudwatch.Alarm;
  readonly unhealthy: cloudwatch.Alarm;
}

/** The load balancer in front of the function, its target group and the endpoint it serves. */
interface FunctionEndpoint {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly url: string;
}

/** The cdk-nag packs beside AwsSolutions, which report a shared rule under their own prefix. */
const HIPAA = 'HIPAA.Security';
const NIST = 'NIST.800.53.R5';
const PCI = 'PCI.DSS.321';

/**
 * One reason for `rules` as each of `packs` reports them, pack by pack. Returns the entries, so
 * the block's own `Suppressions.add` call stays the caller the suppression audit attributes them to.
 */
function inPacks(packs: readonly string[], rules: readonly string[], reason: string): ComplianceSuppression[] {
  return packs.flatMap((pack) => rules.map((rule) => ({ id: `${pack}-${rule}`, reason })));
}

/**
 * A tenant's serverless app: a Lambda function behind an Application Load Balancer, with
 * everything but a short whitelist baked in.
 *
 * Baked in (each decision with its reason in the code): private subnets, HTTPS out only, to the
 * tenant's AWS endpoints (and to the internet through NAT only with `internetEgress`), arm64,
 * X-Ray tracing, JSON logs with a level into an explicit, encrypted, shipped log group, automatic runtime updates, an execution role with one customer managed policy (its
 * own log group, its network interfaces in the tenant VPC, its data bucket without version
 * deletion, the tenant key only through S3 and Secrets Manager; no key policy names the role),
 * versions and a `live` alias (CodeDeploy canary with automatic rollback in PRODUCTION;
 * all-at-once and hotswap-friendly in DEVELOPMENT), an HTTPS-only load balancer (modern TLS
 * policy, HTTP redirected, invalid headers dropped, strictest desync mitigation, access logs,
 * deletion protection in PRODUCTION), an encrypted data bucket, alarms named for the tenant link,
 * and a clean destroy (a custom resource removes the function's VPC network interfaces before the
 * security group and subnets are deleted; the security group goes before the role and its
 * policies). No reserved concurrency unless the platform sets `reservedConcurrency`.
 *
 * Account quotas: no reserved concurrency by default (a new account's quota of 10 cannot reserve
 * any); one VPC per tenant network; with `internetEgress`, Elastic IPs for its NAT (one per AZ in
 * PRODUCTION, one in DEVELOPMENT); one Application Load Balancer per function.
 */
export class TenantFunction extends Construct implements ec2.IConnectable, iam.IGrantable {
  /** The `live` alias: what the load balancer invokes and what apps should reference (grantInvoke, metrics, provisioned concurrency). */
  public readonly function: lambda.Alias;

  /** The function itself (for `cdk watch`/hotswap and metrics of `$LATEST`). */
  public readonly latest: lambda.IFunction;

  /** The load balancer. */
  public readonly loadBalancer: elbv2.IApplicationLoadBalancer;

  /** The endpoint: `https://<domain>` or, without a domain, `http://<internal load balancer>`. */
  public readonly url: string;

  /** The function's log group. */
  public readonly logGroup: logs.ILogGroup;

  /** The app's data bucket. */
  public readonly dataBucket: s3.IBucket;

  /** The function's network connections (allow it to reach a database, etc.). */
  public readonly connections: ec2.Connections;

  /**
   * Alarms (see the alarm table in the README): errors, throttles, p99 duration near the timeout,
   * load balancer 5xx, target 5xx, p99 response time, unhealthy targets. Each is named
   * `tenant-blocks-<tenantId>-...`, the prefix the tenant's CrossAccountLink forwards to the
   * platform; `addAlarmAction` routes one elsewhere as well.
   */
  public readonly alarms: cloudwatch.Alarm[];

  /** The function's execution role (its permissions are one customer managed policy, see the README). */
  public readonly role: iam.IRole;

  /**
   * The execution role, so `grant*` methods accept the TenantFunction itself. A grant on a secret
   * or a bucket encrypted with the tenant key names the role in the key policy: pass secrets in the
   * `secrets` prop instead, which grants key use in the role's own policy.
   */
  public readonly grantPrincipal: iam.IPrincipal;

  /** The tenant this function belongs to. */
  public readonly tenantId: string;

  /** The tier. */
  public readonly tier: TenantTier;

  /**
   * The clean destroy: on stack deletion it deletes the function (with its versions and alias)
   * directly, then removes its network interfaces, before the security group, role and subnets
   * are deleted.
   */
  public readonly vpcCleanup: VpcFunctionCleanup;

  private readonly fn: lambda.Function;
  private readonly userEnvironment: { [key: string]: string };
  private readonly secretNames: string[];

  /**
   * @param scope the tenant stack (or a construct in it)
   * @param id the construct id
   * @param props the whitelist: validated before anything is created
   * @throws Error listing every invalid prop
   */
  constructor(scope: Construct, id: string, props: TenantFunctionProps) {
    // Validated before the construct joins the tree: invalid props create nothing.
    const wiring = validateTenantFunctionProps(scope, props, Object.values(TENANT_FUNCTION_ENV));
    super(scope, id);
    const tier = props.tier ?? TenantTier.PRODUCTION;
    this.tenantId = props.tenantId;
    this.tier = tier;
    TenantGuardrails.applyTo(this);
    TierDefaults.applyTags(this, props.tenantId, tier);
    const ctx = this.resolveContext(props, tier, wiring);

    const buckets = this.buildBuckets(ctx);
    this.dataBucket = buckets.data;
    this.adoptAutoDeleteProvider(ctx);
    this.logGroup = new TenantLogGroup(this, 'Logs', { tier, encryptionKey: ctx.key, logShipping: ctx.shipping, disposable: ctx.props.disposableData === true });
    const securityGroup = this.buildSecurityGroup(ctx);
    this.userEnvironment = { ...(props.environment ?? {}) };
    this.secretNames = Object.keys(props.secrets ?? {});
    const { environment, secrets } = this.resolveEnvironment(ctx, buckets.data);
    this.role = this.buildExecutionRole(ctx, this.logGroup, buckets.data, secrets, securityGroup);
    this.grantPrincipal = this.role;
    this.fn = this.buildFunction(ctx, this.role, this.logGroup, securityGroup, environment);
    this.latest = this.fn;
    // Versions + a `live` alias: the load balancer invokes the alias, so a deploy switches traffic
    // atomically (DEVELOPMENT) or gradually with rollback (PRODUCTION).
    this.function = new lambda.Alias(this, 'LiveAlias', { aliasName: 'live', version: this.fn.currentVersion });
    this.connections = this.fn.connections;

    const endpoint = this.buildLoadBalancer(ctx, this.function, buckets.accessLogs);
    this.loadBalancer = endpoint.loadBalancer;
    this.url = endpoint.url;
    const alarms = this.buildAlarms(ctx, this.fn, this.function, endpoint);
    this.alarms = [alarms.errors, alarms.throttles, alarms.duration, alarms.lb5xx, alarms.target5xx, alarms.latency, alarms.unhealthy];
    // DEVELOPMENT: no deployment group, the alias moves at once; `cdk deploy --hotswap` and
    // `cdk watch` update the function code, the version and the alias in place, in seconds.
    if (ctx.settings.canaryDeployment) this.buildCanaryDeployment(this.function, alarms);
    this.vpcCleanup = this.buildVpcCleanup(ctx, this.function);
    this.buildOutputs(ctx, this.url, this.logGroup);
  }

  /**
   * Adds an environment variable to the function (and so to the next version the `live` alias
   * points at), checked with the rules of the `environment` prop: a valid name, not reserved by
   * Lambda or set by the block or already set, no value that looks like a credential.
   *
   * @param name the variable name (letters, digits, underscores, starting with a letter)
   * @param value the value; a token (an ARN, a queue URL) is allowed
   * @throws Error naming the variable when it is not acceptable
   */
  public addEnvironment(name: string, value: string): TenantFunction {
    validateAddedEnvironment(this.tenantId, name, value, this.userEnvironment, this.secretNames, Object.values(TENANT_FUNCTION_ENV));
    this.userEnvironment[name] = value;
    this.fn.addEnvironment(name, value);
    return this;
  }

  /**
   * The tier's settings, the tenant's key and network, and the defaults of the props, resolved
   * once. Without explicit wiring all blocks of a tenant in a stack share one key and one VPC; a
   * database decides both (its network and its secrets' key), so a function given only its
   * database runs where the database runs, in any stack.
   */
  private resolveContext(props: TenantFunctionProps, tier: TenantTier, wiring: ResolvedWiring): FunctionContext {
    // Fail safe: only an explicit DEVELOPMENT tier relaxes anything.
    const settings = DEFAULTS[tier === TenantTier.DEVELOPMENT ? TenantTier.DEVELOPMENT : TenantTier.PRODUCTION];
    const key = wiring.encryptionKey ?? TenantKey.of(this, props.tenantId, tier);
    const network = wiring.network ?? TenantNetwork.of(this, { tenantId: props.tenantId, tier, encryptionKey: key, logShipping: props.logShipping });
    // Internet egress only when the platform chooses it (issue 14): without a route to the internet
    // the app cannot call out to the internet, and the tenant pays for no NAT (3 NAT gateways with their
    // addresses are 109.50 USD a month in PRODUCTION). Its AWS needs work without it: Secrets
    // Manager through the VPC's endpoint, S3 through the gateway endpoint, logs via the Lambda service.
    const internetEgress = props.internetEgress ?? false;
    if (internetEgress) network.requireInternetEgress();
    return {
      props,
      tier,
      settings,
      stack: Stack.of(this),
      key,
      network,
      vpc: network.vpc,
      shipping: props.logShipping ?? LogShipping.none(),
      internetEgress,
      runtime: props.runtime ?? TenantRuntime.NODEJS_24_X,
      timeout: props.timeout ?? Duration.seconds(30),
      // Validation refuses disposable data in PRODUCTION.
      retention: props.disposableData === true ? DATA_RETENTION.disposable : DATA_RETENTION.kept,
      label: `TenantFunction ${props.tenantId}/${this.node.id}`,
    };
  }

  /**
   * The access-log bucket (SSE-S3, the only encryption ALB log delivery supports; request metadata,
   * no app data) and the data bucket (the tenant key with an S3 Bucket Key), both versioned, private,
   * TLS only and without ACLs; the data bucket's server access logs go to the access-log bucket.
   */
  private buildBuckets(ctx: FunctionContext): FunctionBuckets {
    const { retention } = ctx;
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // No ACLs: log delivery (ALB and S3 server access logs) is granted by the bucket policy.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // Access logs are evidence: a year, unless the data is disposable.
      lifecycleRules: [{
        expiration: retention.accessLogExpiration,
        noncurrentVersionExpiration: Duration.days(7),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      }],
      removalPolicy: retention.removalPolicy,
      // Disposable data: the stack destroys cleanly; a bucket with objects cannot be deleted otherwise.
      autoDeleteObjects: retention.autoDeleteObjects,
    });
    TenantGuardrails.exempt(accessLogs, GuardrailInvariant.CUSTOMER_MANAGED_ENCRYPTION,
      'ALB access log delivery supports only SSE-S3 buckets; the bucket holds request metadata, not tenant data');
    Suppressions.add(accessLogs, [
      ...inPacks([HIPAA, NIST, PCI], ['S3DefaultEncryptionKMS'], 'ALB access log delivery supports only SSE-S3 (S3-managed keys)'),
      ...inPacks([HIPAA, NIST, PCI], ['S3BucketReplicationEnabled'], 'Access logs of one tenant load balancer; versioned and lifecycle-managed, replication adds cost without a consumer'),
      { id: 'CT.S3.PR.2', reason: 'This is the access-log bucket itself; logging it into itself would loop' },
      { id: 'CT.S3.PR.4', reason: 'Access-log bucket: nothing consumes its event notifications' },
      { id: 'CT.S3.PR.10', reason: 'ALB access log delivery supports only SSE-S3 (S3-managed keys)' },
      { id: 'CT.S3.PR.9', reason: 'Access-log bucket: object lock would block the lifecycle expiry and the clean destroy of disposable data' },
    ]);

    const data = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: ctx.key.key,
      // One KMS data key per bucket instead of per object: same protection, far fewer KMS calls.
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: retention.noncurrentDataExpiration, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Customer data is retained in every tier unless the platform declared it disposable.
      removalPolicy: retention.removalPolicy,
      autoDeleteObjects: retention.autoDeleteObjects,
    });
    if (!retention.autoDeleteObjects) {
      // A retained bucket is only worth keeping with the key that decrypts it.
      ctx.key.retainOnDelete(`the data bucket of TenantFunction ${data.node.path} is retained with the stack (disposableData is not set); its objects are encrypted with this key`);
    }
    Suppressions.add(data, [
      ...inPacks([HIPAA, NIST, PCI], ['S3BucketReplicationEnabled'], 'Versioned bucket in a single-tenant account; cross-region replication is a platform decision (backup), not a block default'),
      { id: 'CT.S3.PR.4', reason: 'The app reads and writes the bucket itself; no event consumer exists to notify' },
      { id: 'CT.S3.PR.9', reason: 'Object lock would prevent the app from deleting its own objects and the clean destroy of disposable data' },
    ]);
    // Server access logs of the data bucket, granted by bucket policy rather than the log-delivery
    // ACL CDK would add without the serverAccessLogsUseBucketPolicy feature flag (CT.S3.PR.5: no ACLs).
    const accessLogPrefix = 'data-bucket/';
    (data.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: accessLogs.bucketName,
      logFilePrefix: accessLogPrefix,
    };
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogsOfTheDataBucket',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.arnForObjects(`${accessLogPrefix}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': data.bucketArn },
        StringEquals: { 'aws:SourceAccount': ctx.stack.account },
      },
    }));
    return { accessLogs, data };
  }

  /**
   * The bucket-emptying handler CDK adds for autoDeleteObjects (disposable data only) is a shared
   * stack-level singleton outside the VPC. Its log group is created in the stack (encrypted,
   * retention, shipped, removed with the stack), before any bucket is emptied: Lambda would
   * otherwise create an unmanaged one that is kept forever and never shipped. It exists only once
   * a bucket asked for it, so this runs after the buckets.
   */
  private adoptAutoDeleteProvider(ctx: FunctionContext): void {
    const autoDelete = ctx.stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
    if (!autoDelete) return;
    Suppressions.add(autoDelete, [
      { id: 'CT.LAMBDA.PR.3', reason: 'CDK\'s autoDeleteObjects handler (disposable data only) empties buckets through the S3 API at stack deletion; it must not depend on the VPC being deleted' },
    ]);
    const handler = autoDelete.node.tryFindChild('Handler') as CfnResource | undefined;
    const handlerLogs = (autoDelete.node.tryFindChild('LogGroup') as TenantLogGroup | undefined) ?? (handler ? new TenantLogGroup(autoDelete as Construct, 'LogGroup', {
      tier: ctx.tier, encryptionKey: ctx.key, logShipping: ctx.shipping, logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]), disposable: ctx.props.disposableData === true,
    }) : undefined);
    if (handlerLogs) {
      // Its role writes that log group only (issue 9.6), not every log group of the account
      // through AWSLambdaBasicExecutionRole, which CDK's provider attaches. Every bucket the
      // provider empties (these two, and any other of the stack, the user's own too) then
      // waits for the log group and the policy.
      HandlerExecutionRole.narrowProviderRole(autoDelete, handlerLogs);
    }
  }

  /**
   * The function's security group: HTTPS out only, to the internet through NAT with
   * `internetEgress`, to the tenant's AWS endpoints otherwise; databases open their own port to it.
   */
  private buildSecurityGroup(ctx: FunctionContext): ec2.SecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: ctx.vpc,
      description: `${ctx.label}: HTTPS egress only; databases open their own port to it`,
      // Egress only to HTTPS; database access is added per database through connections, so
      // nothing else leaves the function.
      allowAllOutbound: false,
    });
    if (ctx.internetEgress) {
      // AWS APIs and third-party services, through the network's NAT.
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and third-party services');
    } else {
      // The tenant's AWS endpoints only (Secrets Manager endpoint, S3 gateway endpoint): a shared
      // network that has NAT for another function still gives this one no path to the internet
      // (S3 through the region's prefix list, given or looked up at deploy time by TenantNetwork).
      ctx.network.connectToAwsEndpoints(securityGroup);
    }
    return securityGroup;
  }

  /**
   * The function's environment (the app's variables, then those the block sets, see
   * {@link TENANT_FUNCTION_ENV}) and the secrets it may read: those of `secrets` and the database
   * app user's, never the administrator's.
   */
  private resolveEnvironment(ctx: FunctionContext, dataBucket: s3.IBucket): FunctionEnvironment {
    const { props } = ctx;
    const environment: { [key: string]: string } = {
      ...(props.environment ?? {}),
      [TENANT_FUNCTION_ENV.DATA_BUCKET]: dataBucket.bucketName,
      [TENANT_FUNCTION_ENV.TENANT_ID]: props.tenantId,
      [TENANT_FUNCTION_ENV.TIER]: ctx.tier,
    };
    const secrets: secretsmanager.ISecret[] = [];
    for (const [name, secret] of Object.entries(props.secrets ?? {})) {
      environment[name] = secret.secretArn;
      secrets.push(secret);
    }
    if (props.database) {
      environment[TENANT_FUNCTION_ENV.DB_SECRET_ARN] = props.database.appSecret.secretArn;
      environment[TENANT_FUNCTION_ENV.DB_HOST] = props.database.endpointHost;
      environment[TENANT_FUNCTION_ENV.DB_PORT] = String(props.database.port);
      environment[TENANT_FUNCTION_ENV.DB_NAME] = props.database.databaseName;
      environment[TENANT_FUNCTION_ENV.DB_CA_BUNDLE] = RDS_CA_BUNDLE_PATH;
      // The app user's credentials, never the admin's.
      secrets.push(props.database.appSecret);
    }
    return { environment, secrets };
  }

  /**
   * The execution role: one customer managed policy with exactly what the app needs, instead of
   * AWSLambdaBasicExecutionRole / AWSLambdaVPCAccessExecutionRole (logs:PutLogEvents on every log
   * group: the app could forge lines in audit log groups) and CDK grants (unconditioned use of the
   * tenant key, s3:DeleteObject* including versions, roles named in the key policy).
   */
  private buildExecutionRole(
    ctx: FunctionContext, logGroup: logs.ILogGroup, dataBucket: s3.Bucket, secrets: secretsmanager.ISecret[], securityGroup: ec2.SecurityGroup,
  ): iam.Role {
    const { stack, key } = ctx;
    const policy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      description: `${ctx.label}: its log group, its network interfaces, its data bucket and its secrets`,
      statements: executionStatements({
        stack, logGroup, dataBucket, key, secrets,
      }),
    });
    const role = new iam.Role(this, 'ServiceRole', {
      description: `${ctx.label} execution role`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      // Attached at creation: the role never exists without its permissions (Lambda checks the ENI
      // permissions when the function is created).
      managedPolicies: [policy],
    });
    // CloudFormation deletes the security group before the role and its policies (8.12): Lambda
    // releases the function's network interfaces with this role, after the function is gone, and
    // a group cannot be deleted while an interface uses it. Policies added later (grants on
    // `latest`) are children of the role and come along.
    securityGroup.node.addDependency(role, policy);
    Suppressions.add(policy, [
      {
        id: 'AwsSolutions-IAM5',
        reason: `X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; ${LAMBDA_NETWORK_INTERFACE_REASON}; objects to the tenant data bucket`,
        appliesTo: [...lambdaNetworkInterfaceFindings(stack), `Resource::<${logicalIdOf(dataBucket)}.Arn>/*`],
      },
    ]);
    return role;
  }

  /**
   * The function: arm64, in the function subnets behind its own security group, JSON logs with a
   * level into its own log group, X-Ray tracing, automatic runtime updates, no reserved
   * concurrency unless the platform chooses it; a network path to the database port only.
   */
  private buildFunction(
    ctx: FunctionContext, role: iam.IRole, logGroup: logs.ILogGroup, securityGroup: ec2.ISecurityGroup, environment: { [key: string]: string },
  ): lambda.Function {
    const { props, runtime } = ctx;
    const caBundle = props.database ? this.buildRdsCaBundle() : undefined;
    const fn = new lambda.Function(this, 'Function', {
      description: ctx.label,
      code: props.code.toLambdaCode(),
      handler: props.handler,
      runtime: runtime.runtime,
      role,
      // Graviton: ~20% cheaper per GB-second and usually faster.
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: ctx.timeout,
      environment,
      vpc: ctx.vpc,
      vpcSubnets: ctx.network.functionSubnets,
      securityGroups: [securityGroup],
      // Structured logs: every line is JSON with a level, queryable in Logs Insights as is.
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: ctx.settings.applicationLogLevel,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      logGroup,
      // Security patches of the runtime arrive without a deploy.
      runtimeManagementMode: lambda.RuntimeManagementMode.AUTO,
      // No reservation unless the platform chooses one: a new account (quota 10) cannot reserve any.
      reservedConcurrentExecutions: props.reservedConcurrency,
      layers: caBundle ? [caBundle] : undefined,
    });
    // X-Ray tracing, set on the resource: `tracing: ACTIVE` would add an inline policy to the role
    // (its two actions are in the execution policy).
    (fn.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    if (props.database) {
      // A network path to the database port only. From the function's side, so the rules live in
      // the function's stack: a database in another stack gains no dependency on it (no cycle).
      fn.connections.allowTo(props.database.connections, ec2.Port.tcp(props.database.port), ctx.label);
    }
    const synchronous = 'Invoked synchronously by the load balancer: errors go back to the caller and into the alarms; a dead-letter queue only applies to asynchronous invocations';
    Suppressions.add(fn, [
      ...inPacks([HIPAA, NIST], ['LambdaDLQ'], synchronous),
      ...(props.reservedConcurrency === undefined ? inPacks([HIPAA, NIST], ['LambdaConcurrency'],
        'Reserved concurrency is a platform choice (reservedConcurrency), off by default: Lambda keeps 100 executions unreserved, so any reservation fails on a new account (quota 10)') : []),
    ]);
    if (!runtime.latestOfFamily) {
      Suppressions.add(fn, [{ id: 'AwsSolutions-L1', reason: `${runtime.name} is supported by AWS Lambda and kept in TenantRuntime for a migration period; it leaves the list before its deprecation date` }]);
    }
    return fn;
  }

  /**
   * With a database: the Amazon RDS root CAs the block's own handlers trust (and nothing else), as
   * a layer at {@link RDS_CA_BUNDLE_PATH}, so the app verifies the database's certificate
   * (`sslmode=verify-full`, `ssl: { ca, rejectUnauthorized: true }`) in any runtime: Python has no
   * RDS CA, and Node.js 20 and later load the runtime's (`/var/runtime/ca-cert.pem`) only when asked.
   */
  private buildRdsCaBundle(): lambda.LayerVersion {
    if (rdsCaBundleDirectory === undefined) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-blocks-rds-ca-'));
      const file = path.join(dir, ...RDS_CA_BUNDLE_PATH.replace(/^\/opt\//, '').split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, RDS_CA_BUNDLE.join(''));
      rdsCaBundleDirectory = dir;
    }
    return new lambda.LayerVersion(this, 'RdsCaBundle', {
      code: lambda.Code.fromAsset(rdsCaBundleDirectory),
      description: 'Amazon RDS root CAs (PEM) at ' + RDS_CA_BUNDLE_PATH + ', to verify the tenant database\'s TLS certificate',
      compatibleArchitectures: [lambda.Architecture.ARM_64],
    });
  }

  /**
   * The load balancer: internal unless a client range is public, invalid headers dropped,
   * strictest desync mitigation, access logs, deletion protection in PRODUCTION, an idle timeout
   * that outlasts the function's; then its Lambda target and the listeners (HTTPS on the domain,
   * or HTTP inside the VPC without one).
   */
  private buildLoadBalancer(ctx: FunctionContext, alias: lambda.Alias, accessLogs: s3.IBucket): FunctionEndpoint {
    const { props, timeout } = ctx;
    const internetFacing = (props.allowedCidrs ?? []).some((c) => !PropsValidation.isPrivateRange(c));
    const securityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: ctx.vpc,
      description: `${ctx.label} load balancer: ${props.domain ? 'HTTPS' : 'HTTP inside the VPC'} from the allowed networks`,
      // A load balancer with a Lambda target invokes the function through the Lambda API, not the network.
      allowAllOutbound: false,
    });
    const idleTimeoutSeconds = Math.max(DEFAULT_IDLE_TIMEOUT_SECONDS, timeout.toSeconds() + IDLE_TIMEOUT_MARGIN_SECONDS);
    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: ctx.vpc,
      internetFacing,
      vpcSubnets: internetFacing ? ctx.network.loadBalancerSubnets : ctx.network.internalLoadBalancerSubnets,
      securityGroup,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.STRICTEST,
      deletionProtection: ctx.settings.deletionProtection,
      idleTimeout: Duration.seconds(idleTimeoutSeconds),
      http2Enabled: true,
    });
    loadBalancer.logAccessLogs(accessLogs, 'alb');
    if (timeout.toSeconds() > DEFAULT_IDLE_TIMEOUT_SECONDS) {
      Annotations.of(this).addWarningV2('cdk-tenant-blocks:function-timeout-exceeds-load-balancer',
        `timeout ${timeout.toHumanString()} exceeds the ${DEFAULT_IDLE_TIMEOUT_SECONDS} seconds a load balancer waits by default; ` +
        `the idle timeout is raised to ${idleTimeoutSeconds} seconds, but clients, proxies and browsers in front may give up earlier. ` +
        'Move long work to an asynchronous job.');
    }
    const targetGroup = this.buildTargetGroup(ctx, alias);
    const url = props.domain
      ? this.serveHttps(ctx, props.domain.hostedZone, props.domain.recordName, loadBalancer, securityGroup, targetGroup)
      : this.serveInternalHttp(ctx, loadBalancer, securityGroup, targetGroup);
    const noWaf = 'A load balancer in front of one tenant function: AWS WAF is a platform-level decision (cost per web ACL), not a block default';
    Suppressions.add(loadBalancer, inPacks([NIST, PCI], ['ALBWAFEnabled'], noWaf));
    if (!ctx.settings.deletionProtection) {
      const cleanDestroy = 'DEVELOPMENT stacks must destroy cleanly; PRODUCTION load balancers have deletion protection';
      Suppressions.add(loadBalancer, [
        ...inPacks([HIPAA, NIST], ['ELBDeletionProtectionEnabled'], cleanDestroy),
        { id: 'CT.ELASTICLOADBALANCING.PR.5', reason: cleanDestroy },
      ]);
    }
    return { loadBalancer, targetGroup, url };
  }

  /**
   * The target group invoking the `live` alias (multi-value headers), allowed to by a permission
   * on behalf of this account only (CT.LAMBDA.PR.2), and its health checks on
   * {@link HEALTH_CHECK_PATH}.
   */
  private buildTargetGroup(ctx: FunctionContext, alias: lambda.Alias): elbv2.ApplicationTargetGroup {
    // The target group's own ARN cannot be used as SourceArn (the target group must wait for this).
    const invokePermission = new lambda.CfnPermission(this, 'LoadBalancerInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: alias.functionArn,
      principal: 'elasticloadbalancing.amazonaws.com',
      sourceAccount: ctx.stack.account,
    });
    const target: elbv2.IApplicationLoadBalancerTarget = {
      attachToApplicationTargetGroup: (group) => {
        group.node.addDependency(invokePermission);
        return { targetType: elbv2.TargetType.LAMBDA, targetJson: { id: alias.functionArn } };
      },
    };
    const targetGroup = new elbv2.ApplicationTargetGroup(this, 'Target', {
      targetType: elbv2.TargetType.LAMBDA,
      targets: [target],
      // Health checks invoke the function on HEALTH_CHECK_PATH, which apps need not implement: any
      // answer below 500 (a 404 too) is healthy, a crashing function is an unhealthy target. Not '/',
      // which often renders from the database: a check there would keep a DEVELOPMENT database from
      // ever pausing and make every app page a health probe. Every minute in PRODUCTION (the
      // unhealthy-target alarm needs it), every 5 minutes in DEVELOPMENT (fewer idle invocations).
      healthCheck: {
        enabled: true,
        path: HEALTH_CHECK_PATH,
        interval: ctx.settings.healthCheckInterval,
        timeout: Duration.seconds(30),
        healthyHttpCodes: '200-499',
      },
    });
    targetGroup.setAttribute('lambda.multi_value_headers.enabled', 'true');
    return targetGroup;
  }

  /**
   * With a domain: a DNS-validated certificate, an HTTPS listener with AWS's recommended TLS
   * policy, port 80 answering only with a redirect, and the alias record. Returns the URL.
   */
  private serveHttps(
    ctx: FunctionContext, zone: route53.IHostedZone, recordName: string,
    loadBalancer: elbv2.ApplicationLoadBalancer, securityGroup: ec2.SecurityGroup, targetGroup: elbv2.ApplicationTargetGroup,
  ): string {
    const name = recordName.replace(/\.$/, '');
    const fqdn = name === zone.zoneName || name.endsWith(`.${zone.zoneName}`) ? name : `${name}.${zone.zoneName}`;
    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: fqdn,
      validation: acm.CertificateValidation.fromDns(zone),
    });
    loadBalancer.addListener('Https', {
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: 443,
      certificates: [certificate],
      // TLS 1.3 and 1.2 with forward-secret AEAD ciphers only (AWS's recommended policy).
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultTargetGroups: [targetGroup],
    });
    // Plain HTTP only redirects to HTTPS (never serves); not opened to the whole internet (guardrail).
    const redirect = loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443, open: false });
    Suppressions.add(redirect, inPacks([HIPAA, NIST, PCI], ['ELBv2ACMCertificateRequired'],
      'Port 80 only answers with a redirect to the HTTPS listener (ACM certificate); it serves no content, so it needs no certificate'));
    this.allowClients(ctx, securityGroup, ec2.Port.tcp(443), true);
    this.allowClients(ctx, securityGroup, ec2.Port.tcp(80), false);
    new route53.ARecord(this, 'Alias', {
      zone,
      recordName: fqdn,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer)),
    });
    return `https://${fqdn}`;
  }

  /**
   * Without a domain, no certificate: an internal load balancer serving HTTP to the VPC (and
   * private allowedCidrs) only. Validation makes PRODUCTION and any public client range require a
   * domain. Returns the URL.
   */
  private serveInternalHttp(
    ctx: FunctionContext, loadBalancer: elbv2.ApplicationLoadBalancer, securityGroup: ec2.SecurityGroup, targetGroup: elbv2.ApplicationTargetGroup,
  ): string {
    const http = loadBalancer.addListener('Http', {
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 80,
      open: false,
      defaultTargetGroups: [targetGroup],
    });
    this.allowClients(ctx, securityGroup, ec2.Port.tcp(80), false);
    const noDomain = 'No domain, so no certificate: an internal load balancer serving HTTP inside the VPC only (DEVELOPMENT); PRODUCTION requires a domain and is HTTPS only';
    Suppressions.add(http, [
      ...inPacks([HIPAA, NIST, PCI], ['ALBHttpToHttpsRedirection', 'ELBv2ACMCertificateRequired'], noDomain),
      { id: 'CT.ELASTICLOADBALANCING.PR.1', reason: noDomain },
    ]);
    return `http://${loadBalancer.loadBalancerDnsName}`;
  }

  /** Opens `port` of the load balancer to the VPC and to the allowed client ranges; the whole internet only where `httpsOnlyForInternet`. */
  private allowClients(ctx: FunctionContext, securityGroup: ec2.SecurityGroup, port: ec2.Port, httpsOnlyForInternet: boolean): void {
    securityGroup.addIngressRule(ec2.Peer.ipv4(literalVpcCidr(ctx.vpc)), port, 'Clients inside the VPC');
    for (const cidr of ctx.props.allowedCidrs ?? []) {
      const whole = cidr === '0.0.0.0/0' || cidr === '::/0';
      // Guardrail: only HTTPS may be open to the whole internet.
      if (whole && !httpsOnlyForInternet) continue;
      const peer = cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
      securityGroup.addIngressRule(peer, port, `Allowed clients ${cidr}`);
    }
  }

  /**
   * The alarms, each with what it catches and why, and a threshold by tier (see
   * {@link TierSettings}). Names start with `tenant-blocks-<tenantId>-`, the prefix the tenant's
   * CrossAccountLink forwards to the platform.
   */
  private buildAlarms(ctx: FunctionContext, fn: lambda.Function, alias: lambda.Alias, endpoint: FunctionEndpoint): FunctionAlarms {
    const { settings } = ctx;
    const { loadBalancer, targetGroup } = endpoint;
    const failurePeriod = settings.failurePeriod;
    return {
      errors: this.createAlarm(ctx, 'ErrorsAlarm', 'errors', 'the live alias raised errors',
        'an unhandled error is a failed request (a 502 to the client); in PRODUCTION it also stops a canary deployment',
        { metric: alias.metricErrors({ period: failurePeriod, statistic: 'Sum' }), threshold: settings.errorsThreshold, evaluationPeriods: 1 }),
      throttles: this.createAlarm(ctx, 'ThrottlesAlarm', 'throttles', 'invocations throttled',
        'a throttled request is rejected: the account\'s concurrency (or the reservation) is exhausted, often by another function of the account',
        { metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), threshold: 1, evaluationPeriods: 1 }),
      duration: this.createAlarm(ctx, 'DurationAlarm', 'duration', 'p99 duration above 80% of the timeout',
        'requests close to the timeout are about to fail with 504; the code or a dependency got slower',
        { metric: fn.metricDuration({ period: Duration.minutes(5), statistic: 'p99' }), threshold: Math.floor(ctx.timeout.toMilliseconds() * 0.8), evaluationPeriods: 3, datapointsToAlarm: 2 }),
      lb5xx: this.createAlarm(ctx, 'LoadBalancer5xxAlarm', 'elb5xx', 'the load balancer answered 5xx',
        'the load balancer could not get an answer: function errors and crashes (502), timeouts (504), no healthy target (503)',
        { metric: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: failurePeriod, statistic: 'Sum' }), threshold: settings.http5xxThreshold, evaluationPeriods: 1 }),
      target5xx: this.createAlarm(ctx, 'Target5xxAlarm', 'target5xx', 'the app answered 5xx',
        'the function ran but returned a server error (a failing dependency such as the database); Lambda counts no error for it',
        { metric: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: failurePeriod, statistic: 'Sum' }), threshold: settings.http5xxThreshold, evaluationPeriods: 1 }),
      latency: this.createAlarm(ctx, 'LatencyAlarm', 'latency', `p99 response time above ${settings.latencyThresholdSeconds} seconds for 15 minutes`,
        'what customers wait for, cold starts included; sustained slowness before anything fails',
        { metric: loadBalancer.metrics.targetResponseTime({ period: Duration.minutes(5), statistic: 'p99' }), threshold: settings.latencyThresholdSeconds, evaluationPeriods: 3 }),
      unhealthy: this.createAlarm(ctx, 'UnhealthyTargetsAlarm', 'unhealthy', 'the function fails the load balancer health check',
        'the function cannot answer at all (a crash on start, a broken deploy, missing permissions)',
        // At the health checks' own interval: a period without a check would read as healthy.
        { metric: targetGroup.metrics.unhealthyHostCount({ period: settings.healthCheckInterval, statistic: 'Maximum' }), threshold: 1, evaluationPeriods: 2 }),
    };
  }

  /**
   * One alarm named `tenant-blocks-<tenantId>-<unique>-<suffix>`, described with what it catches
   * and why, alarming at or above its threshold, and quiet without traffic.
   */
  private createAlarm(
    ctx: FunctionContext, alarmId: string, suffix: string, what: string, why: string,
    options: Omit<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription' | 'comparisonOperator' | 'treatMissingData'>,
  ): cloudwatch.Alarm {
    const namePrefix = `tenant-blocks-${ctx.props.tenantId}-${Names.uniqueResourceName(this, { maxLength: 120, separator: '-' })}`;
    const alarm = new cloudwatch.Alarm(this, alarmId, {
      alarmName: `${namePrefix}-${suffix}`,
      alarmDescription: `${ctx.label}: ${what}. Why: ${why}`,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a failure (a DEVELOPMENT tenant is idle most of the day).
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...options,
    });
    const viaLink = 'Alarm state changes reach the platform through the tenant link (EventBridge, alarm name prefix tenant-blocks-<tenantId>-), not an alarm action; in PRODUCTION errors and 5xx also drive the CodeDeploy rollback';
    Suppressions.add(alarm, [
      ...inPacks([HIPAA, NIST], ['CloudWatchAlarmAction'], viaLink),
      { id: 'CT.CLOUDWATCH.PR.1', reason: viaLink },
    ]);
    return alarm;
  }

  /**
   * PRODUCTION: a bad version reaches 10% of requests for 5 minutes, then rolls back on errors or
   * 5xx (load balancer or app).
   */
  private buildCanaryDeployment(alias: lambda.Alias, alarms: FunctionAlarms): void {
    const deployment = new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
      alias,
      deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: [alarms.errors, alarms.lb5xx, alarms.target5xx],
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    Suppressions.add(deployment, [
      { id: 'AwsSolutions-IAM4', reason: 'AWSCodeDeployRoleForLambdaLimited is the AWS-maintained minimum for CodeDeploy to shift alias traffic and read the alarms', appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited'] },
    ]);
  }

  /**
   * The clean destroy, created last: deleted before the alias, the versions, the function, its
   * role and policy, its security group (found through the function) and its subnets, while all
   * of them still exist.
   */
  private buildVpcCleanup(ctx: FunctionContext, alias: lambda.Alias): VpcFunctionCleanup {
    const vpcCleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier: ctx.tier, encryptionKey: ctx.key, logShipping: ctx.shipping });
    vpcCleanup.addFunction(alias);
    vpcCleanup.addSubnets(ctx.vpc.selectSubnets(ctx.network.functionSubnets).subnets);
    return vpcCleanup;
  }

  /** The endpoint, the log group, and the command that follows the logs live. */
  private buildOutputs(ctx: FunctionContext, url: string, logGroup: logs.ILogGroup): void {
    new CfnOutput(this, 'Url', { description: `${ctx.label} endpoint`, value: url });
    new CfnOutput(this, 'LogGroupName', { description: `${ctx.label} log group`, value: logGroup.logGroupName });
    new CfnOutput(this, 'TailLogsCommand', {
      description: 'Paste to follow the function logs live',
      value: `aws logs tail ${logGroup.logGroupName} --follow --format short --region ${ctx.stack.region}`,
    });
  }
}

/**
 * The VPC's CIDR as a literal when the template defines it (a TenantNetwork VPC), so compliance
 * rules can read the ingress rules; the deploy-time attribute otherwise.
 */
function literalVpcCidr(vpc: ec2.IVpc): string {
  const cfn = vpc.node.defaultChild;
  if (cfn instanceof ec2.CfnVPC && typeof cfn.cidrBlock === 'string' && !Token.isUnresolved(cfn.cidrBlock)) {
    return cfn.cidrBlock;
  }
  return vpc.vpcCidrBlock;
}

/** What {@link executionStatements} grants on. */
interface ExecutionResources {
  readonly stack: Stack;
  readonly logGroup: logs.ILogGroup;
  readonly dataBucket: s3.IBucket;
  readonly key: TenantKey;
  readonly secrets: secretsmanager.ISecret[];
}

/**
 * The statements of a TenantFunction's execution policy, each scoped to this function's own
 * resources; key use only through the service that stores the data (kms:ViaService).
 */
function executionStatements(r: ExecutionResources): iam.PolicyStatement[] {
  const { stack } = r;
  const statements = [
    // Its own log group only (the group exists: no logs:CreateLogGroup).
    new iam.PolicyStatement({ sid: 'WriteOwnLogGroup', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [r.logGroup.logGroupArn] }),
    // X-Ray supports no resource-level permissions.
    new iam.PolicyStatement({ sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
    // What Lambda does with this role to place the function in the VPC, in the shape the Lambda
    // Developer Guide documents (the ENI actions on the region's EC2 resources, no ec2:Vpc
    // condition): Lambda checks them at CreateFunction with a request that names no VPC.
    ...lambdaNetworkInterfaceStatements(stack),
    // The data bucket: read, write, delete (a delete marker: versions stay, and expire by the
    // lifecycle rule), never s3:DeleteObjectVersion, object lock or ACL changes.
    new iam.PolicyStatement({ sid: 'ListDataBucket', actions: ['s3:ListBucket'], resources: [r.dataBucket.bucketArn] }),
    new iam.PolicyStatement({
      sid: 'ReadWriteDataObjects',
      actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [r.dataBucket.arnForObjects('*')],
    }),
    // The tenant key for the bucket only through S3, and only for this bucket (with an S3 Bucket
    // Key the encryption context is the bucket ARN; objects written without one use their own ARN).
    new iam.PolicyStatement({
      sid: 'DataBucketKeyThroughS3',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [r.key.key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [r.dataBucket.bucketArn, r.dataBucket.arnForObjects('*')] },
      },
    }),
  ];
  if (r.secrets.length > 0) {
    statements.push(new iam.PolicyStatement({
      sid: 'ReadSecrets',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      // A secret known by name only has a random suffix in its ARN.
      resources: r.secrets.map((s) => (s.secretFullArn !== undefined ? s.secretArn : `${s.secretArn}-??????`)),
    }));
    const keyArns = [...new Set(r.secrets.map((s) => s.encryptionKey?.keyArn).filter((a): a is string => a !== undefined))];
    if (keyArns.length > 0) {
      // Decrypt only through Secrets Manager: granted here, so no key policy names this role (KMS
      // rejects principals that have not propagated yet, and a key in another stack would cycle).
      statements.push(new iam.PolicyStatement({
        sid: 'SecretsKeyThroughSecretsManager',
        actions: ['kms:Decrypt'],
        resources: keyArns,
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` } },
      }));
    }
  }
  return statements;
}

/** The logical id of a construct's main resource, as cdk-nag names it in granular findings. */
function logicalIdOf(construct: Construct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
