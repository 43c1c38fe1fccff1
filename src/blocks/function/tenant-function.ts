import { Annotations, CfnElement, CfnOutput, CfnResource, Duration, Fn, Names, Stack, Token } from 'aws-cdk-lib';
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
import { TenantFunctionCode } from './tenant-function-code';
import { TenantRuntime } from './tenant-runtime';
import { validateAddedEnvironment, validateTenantFunctionProps } from './validate-tenant-function-props';
import { GuardrailInvariant, TenantGuardrails } from '../../core/guardrails';
import { LAMBDA_NETWORK_INTERFACE_REASON, lambdaNetworkInterfaceFindings, lambdaNetworkInterfaceStatements } from '../../core/lambda-network-access';
import type { TenantPostgres } from '../postgres/tenant-postgres';

/** The domain a TenantFunction is served on. */
export interface TenantFunctionDomain {
  /** The public hosted zone that validates the certificate (DNS) and holds the alias record. */
  readonly hostedZone: route53.IHostedZone;

  /**
   * The host name, relative to the zone (`app`) or fully qualified (`app.example.com`).
   */
  readonly recordName: string;
}

/** Props of {@link TenantFunction}: the whitelist. */
export interface TenantFunctionProps {
  /** The tenant this function belongs to. */
  readonly tenantId: string;

  /**
   * The tenant's tier: decides deployment strategy (gradual in PRODUCTION), retention, deletion
   * protection and concurrency bounds.
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /** The function's code. */
  readonly code: TenantFunctionCode;

  /** The entry point, `file.function` (e.g. `index.handler`). */
  readonly handler: string;

  /**
   * The runtime.
   *
   * @default TenantRuntime.NODEJS_24_X
   */
  readonly runtime?: TenantRuntime;

  /**
   * Memory in MiB, 128-10240 (CPU grows with it).
   *
   * @default 512
   */
  readonly memorySize?: number;

  /**
   * How long one invocation may run, 1 second to 15 minutes. Above 60 seconds the load balancer's
   * idle timeout is raised to match and a warning reminds that clients may give up earlier.
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * Environment variables for the code. Names: letters, digits, underscores; no `AWS_` names; at
   * most 4 KB together with the variables the block sets. Values that look like credentials are
   * rejected: use `secrets`.
   *
   * @default - only the variables the block sets
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets the code reads: each becomes an environment variable (the key) holding the secret's
   * ARN, and the function may read the secret (and decrypt it through Secrets Manager only).
   * Rejected: a database's administrator secret (the app gets the app user's secret through
   * `database`) and any secret of another tenant (below another tenant's block, or encrypted with
   * another tenant's key).
   *
   * @default - no secrets
   */
  readonly secrets?: { [envName: string]: secretsmanager.ISecret };

  /**
   * A database the function uses: the function may connect to its port, may read the app user's
   * secret (never the administrator's), and gets `DB_SECRET_ARN`, `DB_HOST`, `DB_PORT` and
   * `DB_NAME`. It must belong to the same tenant. Without `network` the function runs in the
   * database's network, in any stack (a data stack with the database, an app stack with the
   * function); with `network` it must be the database's. The rules that open the database port
   * are created with the function (in its stack), so a split over two stacks has no cycle.
   *
   * @default - no database
   */
  readonly database?: TenantPostgres;

  /**
   * Who may reach the endpoint. Private ranges (RFC 1918, 100.64/10, fc00::/7) keep the load
   * balancer internal; public ranges, and the whole internet (`0.0.0.0/0`, stated explicitly),
   * need a `domain` and make it internet-facing.
   *
   * @default - only clients inside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The domain to serve the function on: an ACM certificate (DNS-validated), an alias record and an
   * HTTPS listener. Required in PRODUCTION.
   *
   * @default - no domain: an internal load balancer serving HTTP inside the VPC only (DEVELOPMENT)
   */
  readonly domain?: TenantFunctionDomain;

  /**
   * Concurrent executions reserved for (and capping) the function: 1-20 in DEVELOPMENT, 2-800 in
   * PRODUCTION. A platform choice, not a default: Lambda keeps 100 executions of the account's
   * concurrency quota unreserved, so a reservation fails ("UnreservedConcurrentExecution below its
   * minimum") on a new account, whose quota starts at 10. Set it only where the account's quota is
   * at least 100 plus every reservation in the account and region (Service Quotas: Lambda
   * "Concurrent executions").
   *
   * @default - no reservation: the function shares the account's unreserved pool
   */
  readonly reservedConcurrency?: number;

  /**
   * Whether the function may reach the internet (third-party APIs, AWS services without an
   * endpoint in the tenant VPC) over HTTPS. Its network then gets NAT: one NAT gateway per AZ in
   * PRODUCTION (about 36.50 USD a month each, with its public IPv4 address), one NAT instance in
   * DEVELOPMENT. Off, the function has no route to the internet, so it cannot call out to it (DNS
   * queries still reach the VPC resolver; a Route 53 Resolver DNS Firewall closes that path); it
   * still reaches the tenant's AWS endpoints: Secrets Manager (interface endpoint), its data
   * bucket (S3 gateway endpoint), its database, and logs (sent by the Lambda service). An imported
   * VPC (`network` wrapping an existing VPC) is routed by its owner either way.
   *
   * @default false - no route to the internet; the function reaches the tenant's AWS endpoints only
   */
  readonly internetEgress?: boolean;

  /**
   * The tenant network to run in.
   *
   * @default - the database's network when `database` is set; otherwise the stack's network of the tenant, `TenantNetwork.of(this, ...)`, shared with the tenant's other blocks
   */
  readonly network?: TenantNetwork;

  /**
   * The tenant key that encrypts the log groups and the data bucket.
   *
   * @default - the key of the database's secrets when `database` is set; otherwise the stack's key of the tenant, `TenantKey.of(this, tenantId, tier)`, shared with the tenant's other blocks
   */
  readonly encryptionKey?: TenantKey;

  /**
   * Where the log groups are shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;
}

/**
 * Path the load balancer's health checks request. Apps need not implement it (any answer below 500
 * counts as healthy); an app that does should answer without touching its database.
 */
export const HEALTH_CHECK_PATH = '/healthz';

/** Environment variable names the block sets itself (TypeScript only: jsii does not export consts). */
export const TENANT_FUNCTION_ENV = {
  /** Name of the data bucket. */
  DATA_BUCKET: 'DATA_BUCKET_NAME',
  /** The tenant id. */
  TENANT_ID: 'TENANT_ID',
  /** The tier. */
  TIER: 'TENANT_TIER',
  /** ARN of the database app user's secret (JSON with username, password, host, port, dbname). */
  DB_SECRET_ARN: 'DB_SECRET_ARN',
  /** The database endpoint host. */
  DB_HOST: 'DB_HOST',
  /** The database port. */
  DB_PORT: 'DB_PORT',
  /** The database name. */
  DB_NAME: 'DB_NAME',
};

/** Seconds the load balancer waits beyond the function timeout before it gives up on a request. */
const IDLE_TIMEOUT_MARGIN_SECONDS = 5;
/** What a load balancer waits by default (and what most clients and proxies tolerate). */
const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

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

  /**
   * @param scope the tenant stack (or a construct in it)
   * @param id the construct id
   * @param props the whitelist: validated before anything is created
   * @throws Error listing every invalid prop
   */
  private readonly fn: lambda.Function;
  private readonly userEnvironment: { [key: string]: string };
  private readonly secretNames: string[];

  constructor(scope: Construct, id: string, props: TenantFunctionProps) {
    // Validated before the construct joins the tree: invalid props create nothing.
    const wiring = validateTenantFunctionProps(scope, props, Object.values(TENANT_FUNCTION_ENV));
    super(scope, id);

    const tier = props.tier ?? TenantTier.PRODUCTION;
    // Fail safe: only an explicit DEVELOPMENT tier relaxes anything.
    const production = tier !== TenantTier.DEVELOPMENT;
    this.tenantId = props.tenantId;
    this.tier = tier;
    TenantGuardrails.applyTo(this);
    TierDefaults.applyTags(this, props.tenantId, tier);

    const stack = Stack.of(this);
    // Without explicit wiring, all blocks of a tenant in a stack share one key and one VPC.
    // A database decides both (its network and its secrets' key), so a function given only its
    // database runs where the database runs, in any stack.
    const key = wiring.encryptionKey ?? TenantKey.of(this, props.tenantId, tier);
    const network = wiring.network ?? TenantNetwork.of(this, { tenantId: props.tenantId, tier, encryptionKey: key, logShipping: props.logShipping });
    const shipping = props.logShipping ?? LogShipping.none();
    // Internet egress only when the platform chooses it (issue 14): without a route to the internet
    // the app cannot call out to the internet, and the tenant pays for no NAT (3 NAT gateways with their
    // addresses are 109.50 USD a month in PRODUCTION). Its AWS needs work without it: Secrets
    // Manager through the VPC's endpoint, S3 through the gateway endpoint, logs via the Lambda service.
    const internetEgress = props.internetEgress ?? false;
    if (internetEgress) network.requireInternetEgress();
    const vpc = network.vpc;
    const runtime = props.runtime ?? TenantRuntime.NODEJS_24_X;
    const timeout = props.timeout ?? Duration.seconds(30);
    const removalPolicy = TierDefaults.dataRemovalPolicy(tier);

    // ---------------------------------------------------------------- buckets
    // ALB access logs can only be delivered to a bucket encrypted with S3-managed keys (SSE-S3):
    // the log delivery service cannot use a customer key. It holds request metadata, no app data.
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // No ACLs: log delivery (ALB and S3 server access logs) is granted by the bucket policy.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // Access logs are evidence, kept as long as the tier's log groups, then expired.
      lifecycleRules: [{
        expiration: Duration.days(production ? 365 : 30),
        noncurrentVersionExpiration: Duration.days(7),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      }],
      removalPolicy,
      // DEVELOPMENT stacks must destroy cleanly; a bucket with objects cannot be deleted otherwise.
      autoDeleteObjects: !production,
    });
    TenantGuardrails.exempt(accessLogs, GuardrailInvariant.CUSTOMER_MANAGED_ENCRYPTION,
      'ALB access log delivery supports only SSE-S3 buckets; the bucket holds request metadata, not tenant data');
    Suppressions.add(accessLogs, [
      { id: 'HIPAA.Security-S3DefaultEncryptionKMS', reason: 'ALB access log delivery supports only SSE-S3 (S3-managed keys)' },
      { id: 'NIST.800.53.R5-S3DefaultEncryptionKMS', reason: 'ALB access log delivery supports only SSE-S3 (S3-managed keys)' },
      { id: 'PCI.DSS.321-S3DefaultEncryptionKMS', reason: 'ALB access log delivery supports only SSE-S3 (S3-managed keys)' },
      { id: 'HIPAA.Security-S3BucketReplicationEnabled', reason: 'Access logs of one tenant load balancer; versioned and lifecycle-managed, replication adds cost without a consumer' },
      { id: 'NIST.800.53.R5-S3BucketReplicationEnabled', reason: 'Access logs of one tenant load balancer; versioned and lifecycle-managed, replication adds cost without a consumer' },
      { id: 'PCI.DSS.321-S3BucketReplicationEnabled', reason: 'Access logs of one tenant load balancer; versioned and lifecycle-managed, replication adds cost without a consumer' },
      { id: 'CT.S3.PR.2', reason: 'This is the access-log bucket itself; logging it into itself would loop' },
      { id: 'CT.S3.PR.4', reason: 'Access-log bucket: nothing consumes its event notifications' },
      { id: 'CT.S3.PR.10', reason: 'ALB access log delivery supports only SSE-S3 (S3-managed keys)' },
      { id: 'CT.S3.PR.9', reason: 'Access-log bucket: object lock would block the lifecycle expiry and the DEVELOPMENT clean destroy' },
    ]);

    const dataBucket = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key.key,
      // One KMS data key per bucket instead of per object: same protection, far fewer KMS calls.
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(production ? 90 : 7), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Retained in PRODUCTION (customer data); DEVELOPMENT data is disposable and the stack must destroy cleanly.
      removalPolicy,
      autoDeleteObjects: !production,
    });
    Suppressions.add(dataBucket, [
      { id: 'HIPAA.Security-S3BucketReplicationEnabled', reason: 'Versioned bucket in a single-tenant account; cross-region replication is a platform decision (backup), not a block default' },
      { id: 'NIST.800.53.R5-S3BucketReplicationEnabled', reason: 'Versioned bucket in a single-tenant account; cross-region replication is a platform decision (backup), not a block default' },
      { id: 'PCI.DSS.321-S3BucketReplicationEnabled', reason: 'Versioned bucket in a single-tenant account; cross-region replication is a platform decision (backup), not a block default' },
      { id: 'CT.S3.PR.4', reason: 'The app reads and writes the bucket itself; no event consumer exists to notify' },
      { id: 'CT.S3.PR.9', reason: 'Object lock would prevent the app from deleting its own objects and the DEVELOPMENT clean destroy' },
    ]);
    this.dataBucket = dataBucket;
    // Server access logs of the data bucket, granted by bucket policy rather than the log-delivery
    // ACL CDK would add without the serverAccessLogsUseBucketPolicy feature flag (CT.S3.PR.5: no ACLs).
    const accessLogPrefix = 'data-bucket/';
    (dataBucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: accessLogs.bucketName,
      logFilePrefix: accessLogPrefix,
    };
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogsOfTheDataBucket',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.arnForObjects(`${accessLogPrefix}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': dataBucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    }));
    // The bucket-emptying handler CDK adds for autoDeleteObjects (DEVELOPMENT only) is a shared
    // stack-level singleton outside the VPC. Its log group is created in the stack (encrypted,
    // retention, shipped, removed with the stack), before any bucket is emptied: Lambda would
    // otherwise create an unmanaged one that is kept forever and never shipped.
    const autoDelete = stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
    if (autoDelete) {
      Suppressions.add(autoDelete, [
        { id: 'CT.LAMBDA.PR.3', reason: 'CDK\'s autoDeleteObjects handler (DEVELOPMENT only) empties buckets through the S3 API at stack deletion; it must not depend on the VPC being deleted' },
      ]);
      const handler = autoDelete.node.tryFindChild('Handler') as CfnResource | undefined;
      const handlerLogs = (autoDelete.node.tryFindChild('LogGroup') as TenantLogGroup | undefined) ?? (handler ? new TenantLogGroup(autoDelete as Construct, 'LogGroup', {
        tier, encryptionKey: key, logShipping: shipping, logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]),
      }) : undefined);
      if (handlerLogs) {
        // Its role writes that log group only (issue 9.6), not every log group of the account
        // through AWSLambdaBasicExecutionRole, which CDK's provider attaches. Every bucket the
        // provider empties (these two, and any other of the stack, the user's own too) then
        // waits for the log group and the policy.
        HandlerExecutionRole.narrowProviderRole(autoDelete, handlerLogs);
      }
    }

    // ---------------------------------------------------------------- function
    const logGroup = new TenantLogGroup(this, 'Logs', { tier, encryptionKey: key, logShipping: shipping });
    this.logGroup = logGroup;

    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: `TenantFunction ${props.tenantId}/${id}: HTTPS egress only; databases open their own port to it`,
      // Egress only to HTTPS; database access is added per database through connections, so
      // nothing else leaves the function.
      allowAllOutbound: false,
    });
    if (internetEgress) {
      // AWS APIs and third-party services, through the network's NAT.
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and third-party services');
    } else {
      // The tenant's AWS endpoints only (Secrets Manager endpoint, S3 gateway endpoint): a shared
      // network that has NAT for another function still gives this one no path to the internet
      // (S3 through the region's prefix list, given or looked up at deploy time by TenantNetwork).
      network.connectToAwsEndpoints(securityGroup);
    }

    this.userEnvironment = { ...(props.environment ?? {}) };
    this.secretNames = Object.keys(props.secrets ?? {});
    const environment: { [key: string]: string } = {
      ...(props.environment ?? {}),
      [TENANT_FUNCTION_ENV.DATA_BUCKET]: dataBucket.bucketName,
      [TENANT_FUNCTION_ENV.TENANT_ID]: props.tenantId,
      [TENANT_FUNCTION_ENV.TIER]: tier,
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
      // The app user's credentials, never the admin's.
      secrets.push(props.database.appSecret);
    }

    // The execution role: one customer managed policy with exactly what the app needs, instead of
    // AWSLambdaBasicExecutionRole / AWSLambdaVPCAccessExecutionRole (logs:PutLogEvents on every log
    // group: the app could forge lines in audit log groups) and CDK grants (unconditioned use of the
    // tenant key, s3:DeleteObject* including versions, roles named in the key policy).
    const policy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      description: `TenantFunction ${props.tenantId}/${id}: its log group, its network interfaces, its data bucket and its secrets`,
      statements: executionStatements({
        stack, logGroup, dataBucket, key, secrets,
      }),
    });
    const role = new iam.Role(this, 'ServiceRole', {
      description: `TenantFunction ${props.tenantId}/${id} execution role`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      // Attached at creation: the role never exists without its permissions (Lambda checks the ENI
      // permissions when the function is created).
      managedPolicies: [policy],
    });
    this.role = role;
    this.grantPrincipal = role;
    // CloudFormation deletes the security group before the role and its policies (8.12): Lambda
    // releases the function's network interfaces with this role, after the function is gone, and
    // a group cannot be deleted while an interface uses it. Policies added later (grants on
    // `latest`) are children of the role and come along.
    securityGroup.node.addDependency(role, policy);

    const fn = new lambda.Function(this, 'Function', {
      description: `TenantFunction ${props.tenantId}/${id}`,
      code: props.code.toLambdaCode(),
      handler: props.handler,
      runtime: runtime.runtime,
      role,
      // Graviton: ~20% cheaper per GB-second and usually faster.
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout,
      environment,
      vpc,
      vpcSubnets: network.functionSubnets,
      securityGroups: [securityGroup],
      // Structured logs: every line is JSON with a level, queryable in Logs Insights as is.
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: production ? lambda.ApplicationLogLevel.INFO : lambda.ApplicationLogLevel.DEBUG,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      logGroup,
      // Security patches of the runtime arrive without a deploy.
      runtimeManagementMode: lambda.RuntimeManagementMode.AUTO,
      // No reservation unless the platform chooses one: a new account (quota 10) cannot reserve any.
      reservedConcurrentExecutions: props.reservedConcurrency,
    });
    // X-Ray tracing, set on the resource: `tracing: ACTIVE` would add an inline policy to the role
    // (its two actions are in the execution policy).
    (fn.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    this.fn = fn;
    this.latest = fn;
    if (props.database) {
      // A network path to the database port only. From the function's side, so the rules live in
      // the function's stack: a database in another stack gains no dependency on it (no cycle).
      fn.connections.allowTo(props.database.connections, ec2.Port.tcp(props.database.port), `TenantFunction ${props.tenantId}/${id}`);
    }
    Suppressions.add(policy, [
      {
        id: 'AwsSolutions-IAM5',
        reason: `X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; ${LAMBDA_NETWORK_INTERFACE_REASON}; objects to the tenant data bucket`,
        appliesTo: [...lambdaNetworkInterfaceFindings(stack), `Resource::<${logicalIdOf(dataBucket)}.Arn>/*`],
      },
    ]);
    Suppressions.add(fn, [
      { id: 'HIPAA.Security-LambdaDLQ', reason: 'Invoked synchronously by the load balancer: errors go back to the caller and into the alarms; a dead-letter queue only applies to asynchronous invocations' },
      { id: 'NIST.800.53.R5-LambdaDLQ', reason: 'Invoked synchronously by the load balancer: errors go back to the caller and into the alarms; a dead-letter queue only applies to asynchronous invocations' },
      ...(props.reservedConcurrency === undefined ? ['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({
        id: `${pack}-LambdaConcurrency`,
        reason: 'Reserved concurrency is a platform choice (reservedConcurrency), off by default: Lambda keeps 100 executions unreserved, so any reservation fails on a new account (quota 10)',
      })) : []),
    ]);
    if (!runtime.latestOfFamily) {
      Suppressions.add(fn, [{ id: 'AwsSolutions-L1', reason: `${runtime.name} is supported by AWS Lambda and kept in TenantRuntime for a migration period; it leaves the list before its deprecation date` }]);
    }

    // Versions + a `live` alias: the load balancer invokes the alias, so a deploy switches traffic
    // atomically (DEVELOPMENT) or gradually with rollback (PRODUCTION).
    const alias = new lambda.Alias(this, 'LiveAlias', {
      aliasName: 'live',
      version: fn.currentVersion,
    });
    this.function = alias;
    this.connections = fn.connections;

    // ---------------------------------------------------------------- load balancer
    const internetFacing = (props.allowedCidrs ?? []).some((c) => !PropsValidation.isPrivateRange(c));
    const lbSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc,
      description: `TenantFunction ${props.tenantId}/${id} load balancer: ${props.domain ? 'HTTPS' : 'HTTP inside the VPC'} from the allowed networks`,
      // A load balancer with a Lambda target invokes the function through the Lambda API, not the network.
      allowAllOutbound: false,
    });
    const idleTimeoutSeconds = Math.max(DEFAULT_IDLE_TIMEOUT_SECONDS, timeout.toSeconds() + IDLE_TIMEOUT_MARGIN_SECONDS);
    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing,
      vpcSubnets: internetFacing ? network.loadBalancerSubnets : network.internalLoadBalancerSubnets,
      securityGroup: lbSecurityGroup,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.STRICTEST,
      deletionProtection: production,
      idleTimeout: Duration.seconds(idleTimeoutSeconds),
      http2Enabled: true,
    });
    loadBalancer.logAccessLogs(accessLogs, 'alb');
    this.loadBalancer = loadBalancer;
    if (timeout.toSeconds() > DEFAULT_IDLE_TIMEOUT_SECONDS) {
      Annotations.of(this).addWarningV2('cdk-tenant-blocks:function-timeout-exceeds-load-balancer',
        `timeout ${timeout.toHumanString()} exceeds the ${DEFAULT_IDLE_TIMEOUT_SECONDS} seconds a load balancer waits by default; ` +
        `the idle timeout is raised to ${idleTimeoutSeconds} seconds, but clients, proxies and browsers in front may give up earlier. ` +
        'Move long work to an asynchronous job.');
    }

    // The load balancer may invoke the alias, only on behalf of this account (CT.LAMBDA.PR.2); the
    // target group's own ARN cannot be used as SourceArn (the target group must wait for this).
    const invokePermission = new lambda.CfnPermission(this, 'LoadBalancerInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: alias.functionArn,
      principal: 'elasticloadbalancing.amazonaws.com',
      sourceAccount: stack.account,
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
        interval: Duration.seconds(production ? 60 : 300),
        timeout: Duration.seconds(30),
        healthyHttpCodes: '200-499',
      },
    });
    targetGroup.setAttribute('lambda.multi_value_headers.enabled', 'true');

    const vpcCidr = literalVpcCidr(vpc);
    const ingressFrom = (port: ec2.Port, httpsOnlyForInternet: boolean) => {
      lbSecurityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), port, 'Clients inside the VPC');
      for (const cidr of props.allowedCidrs ?? []) {
        const whole = cidr === '0.0.0.0/0' || cidr === '::/0';
        // Guardrail: only HTTPS may be open to the whole internet.
        if (whole && !httpsOnlyForInternet) continue;
        const peer = cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
        lbSecurityGroup.addIngressRule(peer, port, `Allowed clients ${cidr}`);
      }
    };

    let url: string;
    if (props.domain) {
      const zone = props.domain.hostedZone;
      const recordName = props.domain.recordName.replace(/\.$/, '');
      const fqdn = recordName === zone.zoneName || recordName.endsWith(`.${zone.zoneName}`) ? recordName : `${recordName}.${zone.zoneName}`;
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
      Suppressions.add(redirect, ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
        id: `${pack}-ELBv2ACMCertificateRequired`,
        reason: 'Port 80 only answers with a redirect to the HTTPS listener (ACM certificate); it serves no content, so it needs no certificate',
      })));
      ingressFrom(ec2.Port.tcp(443), true);
      ingressFrom(ec2.Port.tcp(80), false);
      new route53.ARecord(this, 'Alias', {
        zone,
        recordName: fqdn,
        target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer)),
      });
      url = `https://${fqdn}`;
    } else {
      // No domain, no certificate: an internal load balancer serving HTTP to the VPC (and private
      // allowedCidrs) only. Validation makes PRODUCTION and any public client range require a domain.
      const http = loadBalancer.addListener('Http', {
        protocol: elbv2.ApplicationProtocol.HTTP,
        port: 80,
        open: false,
        defaultTargetGroups: [targetGroup],
      });
      ingressFrom(ec2.Port.tcp(80), false);
      url = `http://${loadBalancer.loadBalancerDnsName}`;
      const noDomain = 'No domain, so no certificate: an internal load balancer serving HTTP inside the VPC only (DEVELOPMENT); PRODUCTION requires a domain and is HTTPS only';
      Suppressions.add(http, [
        ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].flatMap((pack) => [
          { id: `${pack}-ALBHttpToHttpsRedirection`, reason: noDomain },
          { id: `${pack}-ELBv2ACMCertificateRequired`, reason: noDomain },
        ]),
        { id: 'CT.ELASTICLOADBALANCING.PR.1', reason: noDomain },
      ]);
    }
    this.url = url;
    Suppressions.add(loadBalancer, [
      { id: 'NIST.800.53.R5-ALBWAFEnabled', reason: 'A load balancer in front of one tenant function: AWS WAF is a platform-level decision (cost per web ACL), not a block default' },
      { id: 'PCI.DSS.321-ALBWAFEnabled', reason: 'A load balancer in front of one tenant function: AWS WAF is a platform-level decision (cost per web ACL), not a block default' },
    ]);

    if (!production) {
      Suppressions.add(loadBalancer, [
        { id: 'HIPAA.Security-ELBDeletionProtectionEnabled', reason: 'DEVELOPMENT stacks must destroy cleanly; PRODUCTION load balancers have deletion protection' },
        { id: 'NIST.800.53.R5-ELBDeletionProtectionEnabled', reason: 'DEVELOPMENT stacks must destroy cleanly; PRODUCTION load balancers have deletion protection' },
        { id: 'CT.ELASTICLOADBALANCING.PR.5', reason: 'DEVELOPMENT stacks must destroy cleanly; PRODUCTION load balancers have deletion protection' },
      ]);
    }

    // ---------------------------------------------------------------- alarms + deployment
    // Each alarm: what it catches and why, and a threshold by tier (PRODUCTION: the first failure a
    // customer sees; DEVELOPMENT: sustained failure only, developers iterate). Names start with
    // `tenant-blocks-<tenantId>-`, the prefix the tenant's CrossAccountLink forwards to the platform.
    const namePrefix = `tenant-blocks-${props.tenantId}-${Names.uniqueResourceName(this, { maxLength: 120, separator: '-' })}`;
    const alarm = (alarmId: string, suffix: string, what: string, why: string, options: Omit<cloudwatch.AlarmProps, 'alarmName' | 'alarmDescription' | 'comparisonOperator' | 'treatMissingData'>) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmName: `${namePrefix}-${suffix}`,
        alarmDescription: `TenantFunction ${props.tenantId}/${id}: ${what}. Why: ${why}`,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not a failure (a DEVELOPMENT tenant is idle most of the day).
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...options,
      });
      Suppressions.add(created, [
        { id: 'HIPAA.Security-CloudWatchAlarmAction', reason: 'Alarm state changes reach the platform through the tenant link (EventBridge, alarm name prefix tenant-blocks-<tenantId>-), not an alarm action; in PRODUCTION errors and 5xx also drive the CodeDeploy rollback' },
        { id: 'NIST.800.53.R5-CloudWatchAlarmAction', reason: 'Alarm state changes reach the platform through the tenant link (EventBridge, alarm name prefix tenant-blocks-<tenantId>-), not an alarm action; in PRODUCTION errors and 5xx also drive the CodeDeploy rollback' },
        { id: 'CT.CLOUDWATCH.PR.1', reason: 'Alarm state changes reach the platform through the tenant link (EventBridge, alarm name prefix tenant-blocks-<tenantId>-), not an alarm action; in PRODUCTION errors and 5xx also drive the CodeDeploy rollback' },
      ]);
      return created;
    };
    const failurePeriod = Duration.minutes(production ? 1 : 5);
    const errors = alarm('ErrorsAlarm', 'errors', 'the live alias raised errors',
      'an unhandled error is a failed request (a 502 to the client); in PRODUCTION it also stops a canary deployment',
      { metric: alias.metricErrors({ period: failurePeriod, statistic: 'Sum' }), threshold: production ? 1 : 5, evaluationPeriods: 1 });
    const throttles = alarm('ThrottlesAlarm', 'throttles', 'invocations throttled',
      'a throttled request is rejected: the account\'s concurrency (or the reservation) is exhausted, often by another function of the account',
      { metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), threshold: 1, evaluationPeriods: 1 });
    const duration = alarm('DurationAlarm', 'duration', 'p99 duration above 80% of the timeout',
      'requests close to the timeout are about to fail with 504; the code or a dependency got slower',
      { metric: fn.metricDuration({ period: Duration.minutes(5), statistic: 'p99' }), threshold: Math.floor(timeout.toMilliseconds() * 0.8), evaluationPeriods: 3, datapointsToAlarm: 2 });
    const lb5xx = alarm('LoadBalancer5xxAlarm', 'elb5xx', 'the load balancer answered 5xx',
      'the load balancer could not get an answer: function errors and crashes (502), timeouts (504), no healthy target (503)',
      { metric: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: failurePeriod, statistic: 'Sum' }), threshold: production ? 5 : 10, evaluationPeriods: 1 });
    const target5xx = alarm('Target5xxAlarm', 'target5xx', 'the app answered 5xx',
      'the function ran but returned a server error (a failing dependency such as the database); Lambda counts no error for it',
      { metric: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: failurePeriod, statistic: 'Sum' }), threshold: production ? 5 : 10, evaluationPeriods: 1 });
    const latency = alarm('LatencyAlarm', 'latency', `p99 response time above ${production ? 3 : 10} seconds for 15 minutes`,
      'what customers wait for, cold starts included; sustained slowness before anything fails',
      { metric: loadBalancer.metrics.targetResponseTime({ period: Duration.minutes(5), statistic: 'p99' }), threshold: production ? 3 : 10, evaluationPeriods: 3 });
    const unhealthy = alarm('UnhealthyTargetsAlarm', 'unhealthy', 'the function fails the load balancer health check',
      'the function cannot answer at all (a crash on start, a broken deploy, missing permissions)',
      // Health checks run every minute in PRODUCTION, every 5 minutes in DEVELOPMENT.
      { metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(production ? 1 : 5), statistic: 'Maximum' }), threshold: 1, evaluationPeriods: 2 });
    this.alarms = [errors, throttles, duration, lb5xx, target5xx, latency, unhealthy];

    if (production) {
      // A bad version reaches 10% of requests for 5 minutes, then rolls back on errors or 5xx (load balancer or app).
      const deployment = new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
        alias,
        deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
        alarms: [errors, lb5xx, target5xx],
        autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
      });
      Suppressions.add(deployment, [
        { id: 'AwsSolutions-IAM4', reason: 'AWSCodeDeployRoleForLambdaLimited is the AWS-maintained minimum for CodeDeploy to shift alias traffic and read the alarms', appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited'] },
      ]);
    }
    // DEVELOPMENT: no deployment group, the alias moves at once; `cdk deploy --hotswap` and
    // `cdk watch` update the function code, the version and the alias in place, in seconds.

    // ---------------------------------------------------------------- clean destroy
    // Deleted before the alias, the versions, the function, its role and policy, its security group
    // (found through the function) and its subnets, while all of them still exist.
    const vpcCleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier, encryptionKey: key, logShipping: shipping });
    vpcCleanup.addFunction(alias);
    vpcCleanup.addSubnets(vpc.selectSubnets(network.functionSubnets).subnets);
    this.vpcCleanup = vpcCleanup;

    // ---------------------------------------------------------------- outputs
    new CfnOutput(this, 'Url', { description: `TenantFunction ${props.tenantId}/${id} endpoint`, value: url });
    new CfnOutput(this, 'LogGroupName', { description: `TenantFunction ${props.tenantId}/${id} log group`, value: logGroup.logGroupName });
    new CfnOutput(this, 'TailLogsCommand', {
      description: 'Paste to follow the function logs live',
      value: `aws logs tail ${logGroup.logGroupName} --follow --format short --region ${stack.region}`,
    });
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
