import { Aws, CfnElement, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct, IConstruct } from 'constructs';
import { ApiFunction } from './api-function';
import { BoundAppSource } from './app-source-binding';
import { BUILD_VARIABLES, buildSpecObject } from './buildspec';
import {
  BUILD_ROLE_PATH, ENV, GSI1, PLATFORM_ROLE_NAMES, ROLE_PATH, TENANT_ROLE_NAMES, TTL_ATTRIBUTE, codePushRoleNameOf,
} from './config.lambda-shared';
import { HUB_LOG_ACCESS_ENV } from './logs.lambda-shared';
import { ApiCallerScope, ProvisionerAccess } from './scopes';
import { SCOPES_ENV, SHARED_ACCOUNTS_ENV } from './scopes.lambda-shared';
import { TenantProvisionerProps } from './tenant-provisioner-props';
import { validateTenantProvisionerProps } from './validate-tenant-provisioner-props';
import { WorkflowFunction } from './workflow-function';
import { HandlerExecutionRole } from '../../core/execution-role';
import { ComplianceSuppression, Suppressions } from '../../core/suppressions';
import { TenantBuildRole } from '../bootstrap/tenant-build-role';

// The props live in their own file so validate-tenant-provisioner-props.ts imports them without a cycle.
export * from './tenant-provisioner-props';

/** The longest an operation can wait for a maintenance window (a week) plus its build and polling. */
const OPERATION_TIMEOUT = Duration.days(8);
/** A rollout waits for windows wave by wave and for approvals: bounded at 90 days. */
const ROLLOUT_TIMEOUT = Duration.days(90);
/** An approval between waves expires after a week: the rollout then stops. */
const APPROVAL_TIMEOUT = Duration.days(7);
/** How often (and how many times) the workflow polls CloudFormation for a stack still in progress. */
const POLL_INTERVAL = Duration.seconds(30);
const MAX_POLLS = 120;
/** Up to this many listed tenant accounts, iam:PassRole names each build role; beyond, the build roles' path. */
const MAX_BUILD_ROLES_BY_NAME = 20;
/** Source and detail types of the events the provisioner publishes on the hub bus. */
export const PROVISIONER_EVENT_SOURCE = 'tenant-blocks.provisioner';

/**
 * The platform account's tenant provisioner: an API that creates, changes and destroys tenants
 * from their specs, and rolls releases of the platform app across the fleet.
 *
 * Baked in, each with its reason:
 * - a registry table (DynamoDB) holding each tenant's desired spec, account, release and version
 *   plus an append-only history of operations (who, when, what changed, CloudFormation's outcome
 *   with its real reason, duration) and idempotency records; customer-managed key, point-in-time
 *   recovery, deletion protection, retained: it is the fleet's source of truth;
 * - a REST API with IAM authorization on every method, a resource policy that denies every
 *   principal not in `apiCallers`, and each caller's scope (tenants × actions) enforced by the
 *   handler on every route; writes validate with the tenant spec's own validator (400 with its problem
 *   list), take the tenant's lock by a conditional write on its version (409 while an operation is
 *   in flight) and honour `Idempotency-Key`;
 * - an operation workflow (Step Functions, standard): lock -> optional wait for the tenant's
 *   maintenance window -> CodeBuild (synthesize that tenant's stack, `cdk deploy`/`destroy` with the
 *   tenant account's CDK deploy role) -> CloudFormation's outcome read back with the deploy role ->
 *   unlock -> event on the hub bus. Every failure path records the reason and unlocks; a lock
 *   also expires after the workflow's timeout;
 * - drift detection as an operation: CloudFormation drift detection, the differing properties recorded;
 * - a rollout workflow: waves (canaries, then batches), a Distributed Map per wave with bounded
 *   concurrency, a failure threshold checked after every wave, an optional approval between waves,
 *   tenants already on the release skipped;
 * - each build runs with the build role of its tenant's account (`TenantBuildRole`, StartBuild's
 *   `serviceRoleOverride`), which may assume only that account's CDK deploy, file-publishing and
 *   lookup roles; the project's own role may assume nothing in any tenant account;
 * - the link external id reaches a build only as an SSM SecureString parameter (provisioner key),
 *   written by the workflow before the build, readable by that account's build role only;
 * - the workflow reads tenant stacks with the tenant accounts' read-only observer role, never the
 *   deploy role; its roles and the API function's role have fixed names under `/tenant-blocks/`, so
 *   a tenant account's `TenantAccountBootstrap` trusts them by ARN.
 */
export class TenantProvisioner extends Construct {
  /** The registry table. */
  public readonly registry: dynamodb.ITable;

  /** The key that encrypts the registry, logs, build artifacts and workflow state. */
  public readonly encryptionKey: kms.IKey;

  /** The REST API. */
  public readonly api: apigateway.RestApi;

  /** The operation workflow (one execution per tenant operation, named by the operation id). */
  public readonly operationWorkflow: sfn.StateMachine;

  /** The rollout workflow (one execution per rollout, named by the rollout id). */
  public readonly rolloutWorkflow: sfn.StateMachine;

  /** The CodeBuild project that synthesizes and deploys one tenant. */
  public readonly buildProject: codebuild.Project;

  /** The function behind the API. */
  public readonly apiFunction: lambda.IFunction;

  /** The function that runs the workflows' code steps. */
  public readonly workflowFunction: lambda.IFunction;

  /**
   * The build role of each tenant account of `tenantAccountIds` (none for an organization-based
   * fleet: there each account's `TenantBuildRole` is created when the account is onboarded).
   */
  public readonly buildRoles: TenantBuildRole[];

  /**
   * What every build needs in the platform account (its source, its logs, the provisioner key),
   * attached to every build role; a fixed name (`tenant-blocks-build-<qualifier>` under
   * `/tenant-blocks/`) so a `TenantBuildRole` made elsewhere attaches it by name.
   */
  public readonly buildPolicy: iam.ManagedPolicy;

  /** The API's base URL (the `v1` stage). */
  public readonly apiUrl: string;

  private readonly qualifier: string;
  private readonly props: TenantProvisionerProps;
  /** The release objects the build may read (fromBucket), as cdk-nag names that resource. */
  private releaseObjects?: string;

  /**
   * @param scope the platform stack (or a construct in it)
   * @param id the construct id
   * @param props the platform team's settings, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: TenantProvisionerProps) {
    validateTenantProvisionerProps(props);
    super(scope, id);
    this.props = props;
    this.qualifier = props.cdkQualifier ?? 'hnb659fds';

    this.encryptionKey = this.buildKey();
    const table = this.buildRegistry(this.encryptionKey);
    this.registry = table;
    const source = props.appSource._bind(this);
    const buildLogs = this.logGroup('BuildLogs');
    this.buildProject = this.buildBuildProject(source, buildLogs);
    this.buildPolicy = this.buildBuildPolicy(source, buildLogs);
    this.buildRoles = this.buildBuildRoles();

    const workflowFn = this.buildWorkflowFunction(table, source);
    this.workflowFunction = workflowFn;
    const hubBus = events.EventBus.fromEventBusArn(this, 'HubBus', props.hub.eventBusArn);
    this.operationWorkflow = this.buildOperationWorkflow(workflowFn, table, hubBus);
    this.rolloutWorkflow = this.buildRolloutWorkflow(workflowFn, hubBus, this.operationWorkflow);
    this.buildAbandonedExecutionRules(workflowFn);

    const apiFn = this.buildApiFunction(table, source);
    this.apiFunction = apiFn;
    this.api = this.buildApi(apiFn, props.apiCallers);
    this.apiUrl = this.api.url;
    this.suppress(workflowFn, apiFn);
  }

  /**
   * Lets `grantee` call the API (`execute-api:Invoke` on this API's stage): what a caller listed in
   * `apiCallers` needs in its own policy, since the API's resource policy only denies. What it may
   * do once in is its scope's tenants and actions, decided by the handler.
   *
   * @param grantee a caller of `apiCallers`
   */
  public grantInvokeApi(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: [this.api.arnForExecuteApi('*', '/*', this.api.deploymentStage.stageName)],
    });
  }

  /** The provisioner key: rotated, retained (the registry's history outlives a stack deletion), usable by CloudWatch Logs of this account, grants only for AWS resources. */
  private buildKey(): kms.Key {
    const stack = Stack.of(this);
    const key = new kms.Key(this, 'Key', {
      description: 'cdk-tenant-blocks provisioner: registry, logs, builds and workflow state',
      enableKeyRotation: true,
      // The registry's history must outlive a mistaken stack deletion.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${stack.region}:${stack.account}:log-group:*` } },
    }));
    // CT.KMS.PR.3: only AWS services may create grants, and only for AWS resources.
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    return key;
  }

  /** The registry table: the fleet's source of truth, so customer-managed key, point-in-time recovery, deletion protection, retained; TTL for idempotency records. */
  private buildRegistry(key: kms.IKey): dynamodb.Table {
    const table = new dynamodb.Table(this, 'Registry', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
    });
    return table;
  }

  /** The CodeBuild project of one operation: unprivileged, encrypted, its own log group; it may assume only the tenant accounts' CDK deploy and file-publishing roles. */
  private buildBuildProject(source: BoundAppSource, buildLogs: logs.ILogGroup): codebuild.Project {
    const project = new codebuild.Project(this, 'Build', {
      description: 'cdk-tenant-blocks provisioner: synthesize one tenant stack from its spec and deploy it with the tenant account\'s CDK deploy role',
      source: codebuild.Source.s3({ bucket: source.bucket, path: source.objectKey }),
      buildSpec: codebuild.BuildSpec.fromObject(buildSpecObject()),
      environment: {
        buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
        computeType: codebuild.ComputeType.MEDIUM,
        privileged: false,
      },
      // The platform app contract's fleet-wide setting: the hub's log path (a sender role on every subscription filter).
      environmentVariables: {
        TENANT_LOGS_THROUGH_ORGANIZATION: { value: String(this.props.logsThroughOrganization ?? this.props.logHub?.admitsOrganization ?? false) },
      },
      encryptionKey: this.encryptionKey,
      logging: { cloudWatch: { logGroup: buildLogs } },
      timeout: this.props.buildTimeout ?? Duration.hours(1),
      queuedTimeout: Duration.hours(1),
    });
    if (source.releasePrefix !== undefined) {
      // Release archives other than the default one are read through SourceLocationOverride.
      source.bucket.grantRead(project, `${source.releasePrefix}*`);
      const bucketResource = source.bucket.node.defaultChild;
      if (!Token.isUnresolved(source.bucket.bucketName)) {
        this.releaseObjects = `Resource::arn:<AWS::Partition>:s3:::${source.bucket.bucketName}/${source.releasePrefix}*`;
      } else if (bucketResource instanceof CfnElement && Stack.of(bucketResource) === Stack.of(this)) {
        this.releaseObjects = `Resource::<${Stack.of(this).getLogicalId(bucketResource)}.Arn>/${source.releasePrefix}*`;
      }
    }
    // No right in any tenant account: every build runs with its tenant account's build role (serviceRoleOverride).
    return project;
  }

  /**
   * What a build needs in the platform account, as one managed policy every build role attaches:
   * the platform app's source (the default object, or the release archives under the prefix), the
   * build's log group, the provisioner key (build artifacts, logs, the external id's SecureString).
   */
  private buildBuildPolicy(source: BoundAppSource, buildLogs: logs.ILogGroup): iam.ManagedPolicy {
    const objects = [source.bucket.arnForObjects(source.objectKey), ...(source.releasePrefix !== undefined ? [source.bucket.arnForObjects(`${source.releasePrefix}*`)] : [])];
    const statements = [
      new iam.PolicyStatement({ sid: 'Source', actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: objects }),
      new iam.PolicyStatement({ sid: 'SourceBucket', actions: ['s3:GetBucketAcl', 's3:GetBucketLocation'], resources: [source.bucket.bucketArn] }),
      new iam.PolicyStatement({ sid: 'BuildLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [buildLogs.logGroupArn] }),
      new iam.PolicyStatement({
        sid: 'ProvisionerKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        resources: [this.encryptionKey.keyArn],
      }),
      ...(source.bucket.encryptionKey ? [new iam.PolicyStatement({ sid: 'SourceKey', actions: ['kms:Decrypt'], resources: [source.bucket.encryptionKey.keyArn] })] : []),
    ];
    return new iam.ManagedPolicy(this, 'BuildPolicy', {
      // A fixed name: an organization's build roles are made when an account is onboarded and attach it by name.
      managedPolicyName: `tenant-blocks-build-${this.qualifier}`,
      path: ROLE_PATH,
      description: 'cdk-tenant-blocks provisioner: what a build needs in the platform account (source, logs, key); every TenantBuildRole attaches it',
      statements,
    });
  }

  /**
   * One `TenantBuildRole` per listed tenant account: a build may assume the CDK roles of its own
   * tenant's account only. An organization-based fleet (no list) gets none here: each account's
   * role is created when it is onboarded (docs/platform/access.md), the workflow names it by convention.
   */
  private buildBuildRoles(): TenantBuildRole[] {
    // By account (ids are construct ids), or by position for an account given as a token.
    return (this.props.tenantAccountIds ?? []).map((account, i) => new TenantBuildRole(this, `TenantBuildRole${Token.isUnresolved(account) ? i : account}`, {
      tenantAccountId: account,
      buildProjectArn: this.buildProject.projectArn,
      qualifier: this.qualifier,
      buildPolicy: this.buildPolicy,
    }));
  }

  /** Gives a handler role or the state machine role a fixed name under `/tenant-blocks/`: the tenant accounts' roles trust it by ARN. */
  private fixName(role: iam.Role, name: string): void {
    const cfn = role.node.defaultChild as iam.CfnRole;
    cfn.roleName = name;
    cfn.path = ROLE_PATH;
  }

  /** The function behind the workflows' code steps: its own role and log group, the registry only. */
  private buildWorkflowFunction(table: dynamodb.Table, source: BoundAppSource): WorkflowFunction {
    const workflowLogs = this.logGroup('WorkflowFunctionLogs');
    const workflowFn = new WorkflowFunction(this, 'WorkflowFunction', {
      description: 'cdk-tenant-blocks provisioner: workflow steps (lock, window, record, plan, evaluate)',
      // Its own log group only, never AWSLambdaBasicExecutionRole's every log group (issue 9.6).
      role: this.namedHandlerRole('WorkflowFunctionRole', 'cdk-tenant-blocks provisioner workflow steps', workflowLogs, PLATFORM_ROLE_NAMES.workflow(this.qualifier)),
      logGroup: workflowLogs,
      // As long as a step may take (lambdaStep's two minutes): restoring pushed code waits for Lambda's update.
      timeout: Duration.minutes(2),
      memorySize: 512,
      // Opt-in (reserveConcurrency): a reservation fails on a new account; Step Functions retries throttled steps.
      reservedConcurrentExecutions: this.props.reserveConcurrency ? 20 : undefined,
      environment: this.handlerEnvironment(table, source),
    });
    this.grantRegistry(workflowFn, table);
    // The stack's events, template and drifts are read by steps (bounded summaries into the state).
    workflowFn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ReadTenantStacksWithObserverRole',
      actions: ['sts:AssumeRole'],
      resources: [this.observerRoleArnPattern()],
      conditions: this.accountCondition(),
    }));
    // The build's copy of each tenant's external id (SecureString, provisioner key): written before a build, deleted after a destroy.
    workflowFn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ExternalIdParameters',
      actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
      resources: [this.externalIdParameterArn('*')],
    }));
    // After a deploy, the code a developer pushed is replaced by the release's (the code-push role, tagged with the tenant).
    this.grantCodePush(workflowFn);
    return workflowFn;
  }

  /** Whether the operation workflow names each build role in its iam:PassRole (listed accounts, at most 20). */
  private passesBuildRolesByName(): boolean {
    return this.buildRoles.length > 0 && this.buildRoles.length <= MAX_BUILD_ROLES_BY_NAME;
  }

  /** A handler execution role with a fixed name (the tenant accounts' bootstrap trusts it by ARN). */
  private namedHandlerRole(id: string, description: string, logGroup: logs.ILogGroup, name: string): HandlerExecutionRole {
    const role = new HandlerExecutionRole(this, id, { description, logGroup });
    this.fixName(role, name);
    return role;
  }

  /** sts:AssumeRole and sts:TagSession on the tenant accounts' code-push role only. */
  private grantCodePush(fn: lambda.IFunction): void {
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'CodePushRoles',
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      resources: [`arn:${Aws.PARTITION}:iam::*:role/${codePushRoleNameOf(this.qualifier)}`],
      conditions: this.accountCondition(),
    }));
  }

  /** The external id parameter of `account` (or `*`) in the platform account. */
  private externalIdParameterArn(account: string): string {
    return Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: `tenant-blocks/${this.qualifier}/external-id/${account === '*' ? '*' : `${account}/*`}` });
  }

  /** The observer role of every tenant account (narrowed by {@link accountCondition}). */
  private observerRoleArnPattern(): string {
    return `arn:${Aws.PARTITION}:iam::*:role/${TENANT_ROLE_NAMES.observer(Stack.of(this).region)}`;
  }

  /**
   * An execution that fails uncatchably (States.DataLimitExceeded, States.Runtime), times out or is
   * stopped runs no Catch: its status change records the end and releases the tenant (operations)
   * or ends the rollout. A FAILED execution that recorded its outcome is left as it is by the handler.
   */
  private buildAbandonedExecutionRules(workflowFn: lambda.IFunction): void {
    const rule = (id: string, description: string, machine: sfn.IStateMachine, action: string): events.Rule => new events.Rule(this, id, {
      description,
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [machine.stateMachineArn], status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      targets: [new targets.LambdaFunction(workflowFn, {
        event: events.RuleTargetInput.fromObject({ action, detail: events.EventField.fromPath('$.detail') }),
        retryAttempts: 10,
        maxEventAge: Duration.hours(24),
      })],
    });
    rule('AbandonedOperations', 'cdk-tenant-blocks provisioner: an operation execution failed, timed out or was stopped; record it and unlock the tenant', this.operationWorkflow, 'abandoned');
    rule('AbandonedRollouts', 'cdk-tenant-blocks provisioner: a rollout execution failed, timed out or was stopped; record its end', this.rolloutWorkflow, 'abandonedRollout');
  }

  /** The function behind the API: 29 seconds (API Gateway's limit), 1 GiB for the validator's cold start; it may start both workflows and answer approvals. */
  private buildApiFunction(table: dynamodb.Table, source: BoundAppSource): ApiFunction {
    const apiLogs = this.logGroup('ApiFunctionLogs');
    const apiFn = new ApiFunction(this, 'ApiFunction', {
      description: 'cdk-tenant-blocks provisioner: REST API (tenants, operations, rollouts)',
      // A fixed name: each tenant account's code-push role trusts it by ARN.
      role: this.namedHandlerRole('ApiFunctionRole', 'cdk-tenant-blocks provisioner API', apiLogs, PLATFORM_ROLE_NAMES.api(this.qualifier)),
      logGroup: apiLogs,
      // API Gateway waits 29 seconds at most.
      timeout: Duration.seconds(29),
      // The bundle carries the spec validator (and the aws-cdk-lib it uses): memory is also CPU for the cold start.
      memorySize: 1024,
      // Opt-in (reserveConcurrency): the API serves platform services, not end users; the stage throttles at 20 per second.
      reservedConcurrentExecutions: this.props.reserveConcurrency ? 10 : undefined,
      environment: {
        ...this.handlerEnvironment(table, source),
        [ENV.OPERATION_STATE_MACHINE_ARN]: this.operationWorkflow.stateMachineArn,
        [ENV.ROLLOUT_STATE_MACHINE_ARN]: this.rolloutWorkflow.stateMachineArn,
        // who may do what to which tenant: enforced by the handler on every route
        [SCOPES_ENV]: ProvisionerAccess.toJson(this.props.apiCallers),
        [SHARED_ACCOUNTS_ENV]: String(this.props.allowSharedTenantAccounts === true),
        ...(this.props.logHub ? { [HUB_LOG_ACCESS_ENV]: 'true' } : {}),
      },
    });
    // The developer's `tenant-blocks logs`: the hub's per-tenant queries (the handler pins the tenant and checks the scope).
    this.props.logHub?.grantQueryTenantLogs(apiFn);
    this.grantRegistry(apiFn, table);
    this.operationWorkflow.grantStartExecution(apiFn);
    this.rolloutWorkflow.grantStartExecution(apiFn);
    this.rolloutWorkflow.grantTaskResponse(apiFn);
    // Code push to DEVELOPMENT tenants (issue 23): the tenant account's code-push role, tagged with the tenant.
    this.grantCodePush(apiFn);
    if (source.releasePrefix !== undefined) {
      // The release check before an operation (HeadObject of <prefix><release>.zip); asset sources have one release and no check.
      apiFn.addToRolePolicy(new iam.PolicyStatement({
        sid: 'ReadReleaseArchives', actions: ['s3:GetObject'], resources: [source.bucket.arnForObjects(`${source.releasePrefix}*`)],
      }));
      // Without s3:ListBucket S3 answers a missing key with 403, not 404: listing the prefix only.
      apiFn.addToRolePolicy(new iam.PolicyStatement({
        sid: 'FindReleaseArchives',
        actions: ['s3:ListBucket'],
        resources: [source.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${source.releasePrefix}*` } },
      }));
    }
    return apiFn;
  }

  /** The handlers' settings (config.lambda-shared.ts reads them): table, region, accounts, qualifier, lock TTL, rollout defaults, release source. */
  private handlerEnvironment(table: dynamodb.ITable, source: BoundAppSource): Record<string, string> {
    const bucketName = source.releasePrefix !== undefined ? source.bucket.bucketName : undefined;
    const prefix = source.releasePrefix;
    const defaultRelease = source.defaultRelease;
    return {
      [ENV.TABLE_NAME]: table.tableName,
      [ENV.PLATFORM_REGION]: Stack.of(this).region,
      [ENV.PARTITION]: Aws.PARTITION,
      [ENV.DEFAULT_RELEASE]: defaultRelease,
      [ENV.TENANT_ACCOUNT_IDS]: (this.props.tenantAccountIds ?? []).join(','),
      [ENV.QUALIFIER]: this.qualifier,
      [ENV.PLATFORM_ACCOUNT]: Stack.of(this).account,
      [ENV.KEY_ARN]: this.encryptionKey.keyArn,
      [ENV.CODE_PUSH_ROLE_NAME]: codePushRoleNameOf(this.qualifier),
      // A lock outlives the longest operation by a day: a crashed or timed-out workflow frees its tenant then.
      [ENV.LOCK_TTL_SECONDS]: String(OPERATION_TIMEOUT.toSeconds() + 86400),
      [ENV.DEFAULT_MAX_CONCURRENCY]: String(this.props.defaultMaxConcurrency ?? 10),
      [ENV.DEFAULT_TOLERATED_FAILURE_PERCENTAGE]: String(this.props.defaultToleratedFailurePercentage ?? 0),
      ...(bucketName ? { [ENV.APP_SOURCE_BUCKET]: bucketName, [ENV.APP_SOURCE_PREFIX]: prefix ?? '' } : {}),
    };
  }

  /** Exactly the item operations the handlers use: no DeleteItem (history is append-only), no Scan. */
  private grantRegistry(fn: lambda.IFunction, table: dynamodb.Table): void {
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'Registry',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      resources: [table.tableArn, `${table.tableArn}/index/${GSI1}`],
    }));
    this.encryptionKey.grantEncryptDecrypt(fn);
  }

  /** The tenant accounts as a condition on the role's account: the listed ones (aws:ResourceAccount) or the organization's (aws:ResourceOrgID). */
  private accountCondition(): Record<string, unknown> {
    return this.props.organizationId
      ? { StringEquals: { 'aws:ResourceOrgID': this.props.organizationId } }
      : { StringEquals: { 'aws:ResourceAccount': this.props.tenantAccountIds ?? [] } };
  }

  /** A log group of the provisioner: encrypted with its key, kept a year, retained. */
  private logGroup(id: string): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      encryptionKey: this.encryptionKey,
      // A year of build and workflow logs: the audit horizon of the operations history's details.
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** A workflow step run by the workflow function (its payload, the response only), two minutes at most, retried when throttled. */
  private lambdaStep(scope: Construct, id: string, fn: lambda.IFunction, payload: Record<string, unknown>, resultPath: string): tasks.LambdaInvoke {
    return this.retryThrottled(new tasks.LambdaInvoke(scope, id, {
      lambdaFunction: fn,
      payload: sfn.TaskInput.fromObject(payload),
      payloadResponseOnly: true,
      resultPath,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(2)),
    }));
  }

  /** The step function has reserved concurrency: a throttled step waits and tries again. */
  private retryThrottled(task: tasks.LambdaInvoke): tasks.LambdaInvoke {
    task.addRetry({ errors: ['Lambda.TooManyRequestsException'], interval: Duration.seconds(5), maxAttempts: 10, backoffRate: 2, maxDelay: Duration.minutes(2) });
    return task;
  }

  /** A CloudFormation call in the tenant account, with the tenant's deploy role (Step Functions cross-account task). */
  private cloudFormationCall(
    scope: Construct,
    id: string,
    action: string,
    parameters: Record<string, unknown>,
    resultPath: string,
    resultSelector?: Record<string, unknown>,
  ): sfn.CustomState {
    return new sfn.CustomState(scope, id, {
      stateJson: {
        Type: 'Task',
        Resource: `arn:${Aws.PARTITION}:states:::aws-sdk:cloudformation:${action}`,
        // The read-only observer role: the workflow never holds the deploy role.
        Credentials: { 'RoleArn.$': '$.context.observerRoleArn' },
        Parameters: parameters,
        ...(resultSelector ? { ResultSelector: resultSelector } : {}),
        ResultPath: resultPath,
        TimeoutSeconds: 60,
        Retry: [{ ErrorEquals: ['CloudFormation.CloudFormationException', 'States.Timeout'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 }],
      },
    });
  }

  /** The operation workflow: begin (lock) -> optional maintenance-window wait -> build, destroy or drift detection -> CloudFormation's outcome -> record (unlock) -> event. */
  private buildOperationWorkflow(fn: lambda.IFunction, table: dynamodb.Table, hubBus: events.IEventBus): sfn.StateMachine {
    // States are constructs: their own scope keeps their names (the state names) clear of the resources'.
    const s = new Construct(this, 'OperationSteps');
    const record = this.recordSteps(s, fn, table, hubBus);
    const describeStack = this.stackOutcomeSteps(s, fn, record);
    const build = this.buildState(s);
    build.addCatch(describeStack, { resultPath: '$.buildError' }).next(describeStack);

    // Destroy: what CloudFormation will keep (snapshots, vaults, keys), read from the template by a
    // step: only that list enters the state, never the template (190 KB for the example's PRODUCTION tenant).
    const retained = this.lambdaStep(s, 'RetainedResources', fn, { 'action': 'retainedResources', 'context.$': '$.context' }, '$.template');
    retained.addCatch(build, { resultPath: '$.templateError' }).next(build);
    const detect = this.driftSteps(s, fn, record, describeStack);

    const act = new sfn.Choice(s, 'Action?')
      .when(sfn.Condition.stringEquals('$.context.action', 'drift'), detect)
      .when(sfn.Condition.stringEquals('$.context.action', 'destroy'), retained)
      .otherwise(build);
    const start = this.beginSteps(s, fn, record, act);

    const role = new iam.Role(this, 'OperationWorkflowRole', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'cdk-tenant-blocks provisioner: the operation workflow',
    });
    // A fixed name: the tenant accounts' observer roles trust it by ARN.
    this.fixName(role, PLATFORM_ROLE_NAMES.operations(this.qualifier));
    const machine = new sfn.StateMachine(this, 'OperationWorkflow', {
      // A fixed name: aws-cdk-lib scopes the role's key grant to the ARN built from it (empty without one).
      stateMachineName: this.stateMachineName('Operations'),
      role,
      comment: 'cdk-tenant-blocks provisioner: one tenant operation (create, update, destroy, deploy, drift)',
      definitionBody: sfn.DefinitionBody.fromChainable(start),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: OPERATION_TIMEOUT,
      tracingEnabled: true,
      // Every state transition is logged, without its data: the state carries the tenant's spec and
      // link external id, which no log may hold in clear (the registry records each outcome).
      logs: { destination: this.logGroup('OperationWorkflowLogs'), level: sfn.LogLevel.ALL, includeExecutionData: false },
      encryptionConfiguration: new sfn.CustomerManagedEncryptionConfiguration(this.encryptionKey),
    });
    this.grantOperationWorkflow(machine);
    return machine;
  }

  /**
   * Record (outcome, unlock), then the event on the hub bus, then the execution's own status. When
   * recording fails, the last resort marks the operation failed and unlocks straight in DynamoDB.
   */
  private recordSteps(s: Construct, fn: lambda.IFunction, table: dynamodb.Table, hubBus: events.IEventBus): tasks.LambdaInvoke {
    const record = this.lambdaStep(s, 'Record', fn, { 'action': 'record', 'state.$': '$' }, '$.result');
    const giveUp = new sfn.Fail(s, 'RecordingFailed', { error: 'RecordingFailed', causePath: '$.recordError.Cause' });
    const forceUnlock = new tasks.DynamoUpdateItem(s, 'ForceUnlock', {
      table,
      key: { pk: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.format('TENANT#{}', sfn.JsonPath.stringAt('$.tenantId'))), sk: tasks.DynamoAttributeValue.fromString('#TENANT') },
      updateExpression: 'REMOVE lockOperationId, lockExpiresAt',
      conditionExpression: 'lockOperationId = :op',
      expressionAttributeValues: { ':op': tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.operationId')) },
      resultPath: sfn.JsonPath.DISCARD,
    });
    forceUnlock.addCatch(giveUp, { resultPath: '$.unlockError' }).next(giveUp);
    const forceFail = new tasks.DynamoUpdateItem(s, 'ForceFailOperation', {
      table,
      key: { pk: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.format('OPERATION#{}', sfn.JsonPath.stringAt('$.operationId'))), sk: tasks.DynamoAttributeValue.fromString('#OPERATION') },
      updateExpression: 'SET #status = :failed, reason = :reason',
      conditionExpression: '#status IN (:pending, :running)',
      expressionAttributeNames: { '#status': 'status' },
      expressionAttributeValues: {
        ':failed': tasks.DynamoAttributeValue.fromString('FAILED'),
        ':pending': tasks.DynamoAttributeValue.fromString('PENDING'),
        ':running': tasks.DynamoAttributeValue.fromString('RUNNING'),
        ':reason': tasks.DynamoAttributeValue.fromString(sfn.JsonPath.format('the workflow could not record its outcome: {}', sfn.JsonPath.stringAt('$.recordError.Cause'))),
      },
      resultPath: sfn.JsonPath.DISCARD,
    });
    forceFail.addCatch(forceUnlock, { resultPath: '$.forceFailError' }).next(forceUnlock);
    record.addCatch(forceFail, { resultPath: '$.recordError' });

    const publish = new tasks.EventBridgePutEvents(s, 'PublishOutcome', {
      entries: [{
        eventBus: hubBus,
        source: PROVISIONER_EVENT_SOURCE,
        detailType: 'Tenant Operation Finished',
        detail: sfn.TaskInput.fromJsonPathAt('$.result.event'),
      }],
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(1)),
    });
    const outcome = new sfn.Choice(s, 'Succeeded?')
      .when(sfn.Condition.stringEquals('$.result.status', 'SUCCEEDED'), new sfn.Succeed(s, 'Done', { outputPath: '$.result.event' }))
      .otherwise(new sfn.Fail(s, 'OperationFailed', { error: 'OperationFailed', causePath: '$.result.event.reason' }));
    // An event that cannot be published does not change what happened to the tenant.
    publish.addCatch(outcome, { resultPath: '$.publishError' });
    record.next(publish).next(outcome);
    return record;
  }

  /**
   * CloudFormation's outcome, read with the tenant's deploy role: the stack polled while in
   * progress, then this operation's failed events, read by a step that keeps only those (bounded):
   * a page of stack events carries every resource's properties. Returns the first step.
   */
  private stackOutcomeSteps(s: Construct, fn: lambda.IFunction, record: sfn.IChainable): sfn.CustomState {
    const describeEvents = this.lambdaStep(s, 'FailedStackEvents', fn, { 'action': 'stackEvents', 'context.$': '$.context' }, '$.events');
    describeEvents.addCatch(record, { resultPath: '$.eventsError' }).next(record);
    const describeStack = this.cloudFormationCall(s, 'DescribeStack', 'describeStacks', { 'StackName.$': '$.context.stackName' }, '$.stack', { 'Stacks.$': '$.Stacks' });
    describeStack.addCatch(record, { resultPath: '$.stackError' });
    const countPoll = new sfn.Pass(s, 'CountPoll', { parameters: { 'count.$': 'States.MathAdd($.polls.count, 1)' }, resultPath: '$.polls' });
    const pollWait = new sfn.Wait(s, 'StackInProgress', { time: sfn.WaitTime.duration(POLL_INTERVAL) });
    const pollTimeout = new sfn.Pass(s, 'StackPollTimeout', {
      result: sfn.Result.fromObject({ Error: 'StackStillInProgress', Cause: `the stack was still in progress after ${MAX_POLLS} polls ${POLL_INTERVAL.toSeconds()} seconds apart` }),
      resultPath: '$.error',
    });
    pollTimeout.next(describeEvents);
    describeStack.next(new sfn.Choice(s, 'StackSettled?')
      .when(sfn.Condition.and(
        sfn.Condition.stringMatches('$.stack.Stacks[0].StackStatus', '*_IN_PROGRESS'),
        sfn.Condition.numberGreaterThanEquals('$.polls.count', MAX_POLLS)), pollTimeout)
      .when(sfn.Condition.stringMatches('$.stack.Stacks[0].StackStatus', '*_IN_PROGRESS'), countPoll.next(pollWait).next(describeStack))
      .otherwise(describeEvents));
    return describeStack;
  }

  /** Drift as an operation: CloudFormation's drift detection, polled; the differing properties are recorded. Returns the first step. */
  private driftSteps(s: Construct, fn: lambda.IFunction, record: sfn.IChainable, describeStack: sfn.IChainable): sfn.CustomState {
    const detect = this.cloudFormationCall(s, 'DetectDrift', 'detectStackDrift', { 'StackName.$': '$.context.stackName' }, '$.detect');
    detect.addCatch(record, { resultPath: '$.error' });
    const driftWait = new sfn.Wait(s, 'DriftDetectionRunning', { time: sfn.WaitTime.duration(Duration.seconds(10)) });
    // No ResultSelector: StackDriftStatus is absent while detection runs, and a selector naming an
    // absent field fails the execution uncatchably (States.Runtime). The whole answer is a few fields.
    const driftStatus = this.cloudFormationCall(s, 'DriftDetectionStatus', 'describeStackDriftDetectionStatus', { 'StackDriftDetectionId.$': '$.detect.StackDriftDetectionId' }, '$.detection');
    driftStatus.addCatch(record, { resultPath: '$.error' });
    // Read by a step that keeps the differences, bounded: each drift carries both full property documents.
    const driftResources = this.lambdaStep(s, 'DriftedResources', fn, { 'action': 'driftedResources', 'context.$': '$.context' }, '$.drifts');
    driftResources.addCatch(record, { resultPath: '$.error' }).next(describeStack);
    const driftCount = new sfn.Pass(s, 'CountDriftPoll', { parameters: { 'count.$': 'States.MathAdd($.polls.count, 1)' }, resultPath: '$.polls' });
    detect.next(driftWait).next(driftStatus).next(new sfn.Choice(s, 'DriftDetected?')
      .when(sfn.Condition.and(
        sfn.Condition.stringEquals('$.detection.DetectionStatus', 'DETECTION_IN_PROGRESS'),
        sfn.Condition.numberLessThan('$.polls.count', MAX_POLLS)), driftCount.next(driftWait))
      .otherwise(driftResources));
    return detect;
  }

  /**
   * Start -> begin (context; the lock unless the operation waits for its window) -> skip, or wait
   * for the maintenance window, or act; an operation that waited takes the lock after the wait
   * (acquire), so an urgent change is not refused for days. Returns the first state.
   */
  private beginSteps(s: Construct, fn: lambda.IFunction, record: sfn.IChainable, act: sfn.IChainable): sfn.Pass {
    const skipped = new sfn.Pass(s, 'Skipped', {
      parameters: { 'operationId.$': '$.operationId', 'tenantId.$': '$.tenantId', 'status': 'SKIPPED' },
    }).next(new sfn.Succeed(s, 'NothingToDo'));
    const acquire = this.lambdaStep(s, 'Acquire', fn, { 'action': 'acquire', 'context.$': '$.context' }, '$.context');
    acquire.addCatch(record, { resultPath: '$.error' });
    acquire.next(new sfn.Choice(s, 'SkipAfterWindow?')
      .when(sfn.Condition.booleanEquals('$.context.skip', true), skipped)
      .otherwise(act));
    const locked = new sfn.Choice(s, 'Locked?')
      .when(sfn.Condition.and(sfn.Condition.isPresent('$.context.locked'), sfn.Condition.booleanEquals('$.context.locked', false)), acquire)
      .otherwise(act);
    const window = this.lambdaStep(s, 'NextWindow', fn, { 'action': 'window', 'context.$': '$.context' }, '$.window');
    window.addCatch(record, { resultPath: '$.error' });
    window.next(new sfn.Choice(s, 'InWindow?')
      .when(sfn.Condition.booleanEquals('$.window.inWindow', false),
        new sfn.Wait(s, 'WaitForWindow', { time: sfn.WaitTime.timestampPath('$.window.startAt') }).next(locked))
      .otherwise(locked));

    const begin = this.lambdaStep(s, 'Begin', fn, { 'action': 'begin', 'input.$': '$', 'executionArn.$': '$$.Execution.Id', 'lockAfterWindow': true }, '$.context');
    begin.addCatch(record, { resultPath: '$.error' });
    const start = new sfn.Pass(s, 'Start', { result: sfn.Result.fromObject({ count: 0 }), resultPath: '$.polls' });
    start.next(begin).next(new sfn.Choice(s, 'Skip?')
      .when(sfn.Condition.booleanEquals('$.context.skip', true), skipped)
      .when(sfn.Condition.booleanEquals('$.context.waitForWindow', true), window)
      .otherwise(locked));
    return start;
  }

  /** The operation workflow's own rights: read tenant stacks with their observer roles, run and watch the build with its tenant account's build role. */
  private grantOperationWorkflow(machine: sfn.StateMachine): void {
    const stack = Stack.of(this);
    machine.addToRolePolicy(new iam.PolicyStatement({
      sid: 'ReadTenantStacksWithObserverRole',
      actions: ['sts:AssumeRole'],
      resources: [this.observerRoleArnPattern()],
      conditions: this.accountCondition(),
    }));
    machine.addToRolePolicy(new iam.PolicyStatement({
      sid: 'PassBuildRoles',
      actions: ['iam:PassRole'],
      // Up to 20 listed accounts, their roles exactly; more, or an organization's: the build roles' path
      // and name pattern in this account (an ARN each outgrows IAM's policy sizes at 200 accounts).
      resources: this.passesBuildRolesByName()
        ? this.buildRoles.map((r) => r.role.roleArn)
        : [`arn:${Aws.PARTITION}:iam::${stack.account}:role${BUILD_ROLE_PATH}${PLATFORM_ROLE_NAMES.build('*', stack.region)}`],
      conditions: { StringEquals: { 'iam:PassedToService': 'codebuild.amazonaws.com' } },
    }));
    machine.addToRolePolicy(new iam.PolicyStatement({
      sid: 'RunBuild',
      actions: ['codebuild:StartBuild', 'codebuild:StopBuild', 'codebuild:BatchGetBuilds'],
      resources: [this.buildProject.projectArn],
    }));
    machine.addToRolePolicy(new iam.PolicyStatement({
      sid: 'WaitForBuild',
      actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'StepFunctionsGetEventForCodeBuildStartBuildRule' })],
    }));
  }

  /** CodeBuild startBuild.sync with the tenant's variables (and its release archive, for bucket sources). */
  private buildState(scope: Construct): sfn.CustomState {
    // The external id is a parameter name that CodeBuild resolves with the build role: never a value in the request.
    const variables = BUILD_VARIABLES.map((name) => ({ 'Name': name, 'Type': name === 'TENANT_EXTERNAL_ID' ? 'PARAMETER_STORE' : 'PLAINTEXT', 'Value.$': `$.context.${CONTEXT_FIELD[name]}` }));
    const releases = this.props.appSource.keyPrefix !== undefined;
    return new sfn.CustomState(scope, 'Build', {
      stateJson: {
        Type: 'Task',
        Resource: `arn:${Aws.PARTITION}:states:::codebuild:startBuild.sync`,
        Parameters: {
          'ProjectName': this.buildProject.projectName,
          // The tenant account's build role: it may assume that account's CDK roles and no other's.
          'ServiceRoleOverride.$': '$.context.buildRoleArn',
          'EnvironmentVariablesOverride': variables,
          ...(releases ? { 'SourceLocationOverride.$': '$.context.sourceLocation', 'SourceTypeOverride': 'S3' } : {}),
        },
        ResultSelector: { 'Id.$': '$.Build.Id', 'BuildStatus.$': '$.Build.BuildStatus', 'Phases.$': '$.Build.Phases' },
        ResultPath: '$.build',
        // The build's own timeout plus its queue time, so CodeBuild (not the workflow) ends a slow build.
        TimeoutSeconds: (this.props.buildTimeout ?? Duration.hours(1)).toSeconds() + 3600 + 300,
      },
    });
  }

  /** The rollout workflow: plan -> per wave: a Distributed Map of operation executions -> evaluate the threshold -> optional approval -> next wave; every end recorded and published. */
  private buildRolloutWorkflow(fn: lambda.IFunction, hubBus: events.IEventBus, operation: sfn.StateMachine): sfn.StateMachine {
    const s = new Construct(this, 'RolloutSteps');
    const ends = this.rolloutEnds(s, fn, hubBus);
    const wave = this.waveMap(s, operation);
    wave.addCatch(ends.failed, { resultPath: '$.error' });

    const { evaluate, readPage, recordPage } = this.wavePageSteps(s, fn, ends);

    const prepare = new sfn.Pass(s, 'PrepareWave', {
      parameters: { 'index.$': '$.plan.waveIndex', 'page': 0 },
      resultPath: '$.wave',
    });
    const nextWave = new sfn.Pass(s, 'NextWave', { inputPath: '$.evaluation.nextWaveIndex', resultPath: '$.plan.waveIndex' });
    nextWave.next(prepare);
    const approval = this.approvalStep(s, fn, ends, nextWave);

    prepare.next(readPage).next(wave).next(recordPage);
    evaluate.next(new sfn.Choice(s, 'ThresholdCrossed?')
      .when(sfn.Condition.booleanEquals('$.evaluation.crossed', true), ends.stopped)
      .when(sfn.Condition.booleanEquals('$.evaluation.hasMoreWaves', false), ends.succeeded)
      .when(sfn.Condition.booleanEquals('$.plan.approvalBetweenWaves', true), approval)
      .otherwise(nextWave));

    // The plan's waves go to the rollout store; the state gets the plan without them.
    const plan = this.lambdaStep(s, 'Plan', fn, { 'action': 'planRollout', 'rolloutId.$': '$.rolloutId' }, '$.plan');
    plan.addCatch(ends.failed, { resultPath: '$.error' });
    plan.next(new sfn.Choice(s, 'AnyTenants?')
      .when(sfn.Condition.numberEquals('$.plan.waveCount', 0), ends.succeeded)
      .otherwise(prepare));

    const machine = new sfn.StateMachine(this, 'RolloutWorkflow', {
      // A fixed name: aws-cdk-lib scopes the role's key grant to the ARN built from it (empty without one).
      stateMachineName: this.stateMachineName('Rollouts'),
      comment: 'cdk-tenant-blocks provisioner: a release rolled across the fleet in waves',
      definitionBody: sfn.DefinitionBody.fromChainable(plan),
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: ROLLOUT_TIMEOUT,
      tracingEnabled: true,
      // Transitions without data, like the operation workflow (no spec or external id in a log).
      logs: { destination: this.logGroup('RolloutWorkflowLogs'), level: sfn.LogLevel.ALL, includeExecutionData: false },
      encryptionConfiguration: new sfn.CustomerManagedEncryptionConfiguration(this.encryptionKey),
    });
    // Starting an operation execution (and reading its output, .sync) encrypts and decrypts with the
    // operation workflow's key context: the rollout role needs the key for that machine too.
    machine.addToRolePolicy(new iam.PolicyStatement({
      sid: 'OperationWorkflowState',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [this.encryptionKey.keyArn],
      conditions: { StringEquals: { 'kms:EncryptionContext:aws:states:stateMachineArn': operation.stateMachineArn } },
    }));
    return machine;
  }

  /** A state machine name unique to this provisioner in its account and region (at most 80 characters). */
  private stateMachineName(suffix: string): string {
    return `${Names.uniqueResourceName(this, { maxLength: 79 - suffix.length })}-${suffix}`;
  }

  /**
   * The steps around one page of a wave: read the page from the rollout store, record its results
   * there (they leave the state), next page; after the last page, judge the threshold from every
   * stored result. Returns the entry (read), the step after the Map (record) and the evaluation.
   */
  private wavePageSteps(s: Construct, fn: lambda.IFunction, ends: RolloutEnds): WavePageSteps {
    // Judged from every stored result, not from the state (results live in the rollout store).
    const evaluate = this.lambdaStep(s, 'EvaluateWave', fn, {
      'action': 'evaluateStoredWave',
      'rolloutId.$': '$.rolloutId',
      'waveIndex.$': '$.wave.index',
      'waveCount.$': '$.plan.waveCount',
      'toleratedFailurePercentage.$': '$.plan.toleratedFailurePercentage',
    }, '$.evaluation');
    evaluate.addCatch(ends.failed, { resultPath: '$.error' });
    const readPage = this.lambdaStep(s, 'ReadWavePage', fn, {
      'action': 'readWavePage', 'rolloutId.$': '$.rolloutId', 'waveIndex.$': '$.wave.index', 'page.$': '$.wave.page',
    }, '$.page');
    readPage.addCatch(ends.failed, { resultPath: '$.error' });
    // The page's results replace themselves with their counts: the state holds one page at a time.
    const recordPage = this.lambdaStep(s, 'RecordWavePage', fn, {
      'action': 'recordWavePage', 'rolloutId.$': '$.rolloutId', 'waveIndex.$': '$.wave.index', 'page.$': '$.wave.page', 'results.$': '$.waveResults',
    }, '$.waveResults');
    recordPage.addCatch(ends.failed, { resultPath: '$.error' });
    const nextPage = new sfn.Pass(s, 'NextPage', {
      parameters: { 'index.$': '$.wave.index', 'page.$': 'States.MathAdd($.wave.page, 1)' },
      resultPath: '$.wave',
    });
    nextPage.next(readPage);

    recordPage.next(new sfn.Choice(s, 'MorePages?')
      .when(sfn.Condition.booleanEquals('$.page.hasMorePages', true), nextPage)
      .otherwise(evaluate));
    return { evaluate, readPage, recordPage };
  }

  /** Every way a rollout ends: finishRollout records the status (and reason), the event goes to the hub bus, the execution ends accordingly. */
  private rolloutEnds(s: Construct, fn: lambda.IFunction, hubBus: events.IEventBus): RolloutEnds {
    const publish = new tasks.EventBridgePutEvents(s, 'PublishRollout', {
      entries: [{ eventBus: hubBus, source: PROVISIONER_EVENT_SOURCE, detailType: 'Tenant Rollout Finished', detail: sfn.TaskInput.fromJsonPathAt('$.finish') }],
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(1)),
    });
    const ended = new sfn.Choice(s, 'RolloutSucceeded?')
      .when(sfn.Condition.stringEquals('$.finish.status', 'SUCCEEDED'), new sfn.Succeed(s, 'RolloutDone', { outputPath: '$.finish' }))
      .otherwise(new sfn.Fail(s, 'RolloutStopped', { error: 'RolloutStopped', causePath: '$.finish.reason' }));
    publish.addCatch(ended, { resultPath: '$.publishError' }).next(ended);
    const finish = (id: string, status: string, reason?: string): tasks.LambdaInvoke => {
      const step = this.lambdaStep(s, id, fn, { 'action': 'finishRollout', 'rolloutId.$': '$.rolloutId', status, ...(reason ? { 'reason.$': reason } : {}) }, '$.finish');
      step.next(publish);
      return step;
    };
    return {
      failed: finish('RolloutFailed', 'FAILED', '$.error.Cause'),
      succeeded: finish('RolloutSucceeded', 'SUCCEEDED'),
      stopped: finish('ThresholdCrossed', 'STOPPED',
        'States.Format(\'{}% of the deployed tenants failed ({} of {}), more than the tolerated {}%: stopped after wave {}\', $.evaluation.failurePercentage, $.evaluation.failed, $.evaluation.attempted, $.plan.toleratedFailurePercentage, $.wave.index)'),
      denied: finish('ApprovalDenied', 'STOPPED', 'States.Format(\'the next wave was not approved by {}\', $.approval.approvedBy)'),
      expired: finish('ApprovalExpired', 'STOPPED', '$.error.Cause'),
    };
  }

  /** One wave: a Distributed Map with bounded concurrency, each item an operation execution; a tenant's failure is a result judged after the wave. */
  private waveMap(s: Construct, operation: sfn.StateMachine): sfn.DistributedMap {
    const deploy = new tasks.StepFunctionsStartExecution(s, 'DeployTenant', {
      stateMachine: operation,
      integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      name: sfn.JsonPath.stringAt('$.operationId'),
      input: sfn.TaskInput.fromObject({
        'operationId.$': '$.operationId',
        'tenantId.$': '$.tenantId',
        'type': 'DEPLOY',
        'rolloutId.$': '$.rolloutId',
        'release.$': '$.release',
        'waitForWindow.$': '$.waitForWindow',
      }),
      associateWithParent: true,
      resultSelector: { 'tenantId.$': '$.Output.tenantId', 'operationId.$': '$.Output.operationId', 'status.$': '$.Output.status' },
    });
    // Not the cause (the child execution's whole description): the operation recorded its reason,
    // which RecordWavePage reads back, truncated.
    const tenantFailed = new sfn.Pass(s, 'TenantFailed', {
      parameters: { 'tenantId.$': '$.tenantId', 'operationId.$': '$.operationId', 'status': 'FAILED', 'error.$': '$.error.Error' },
    });
    deploy.addCatch(tenantFailed, { resultPath: '$.error' });

    const wave = new sfn.DistributedMap(s, 'RunWave', {
      itemsPath: '$.page.items',
      itemSelector: {
        'tenantId.$': '$$.Map.Item.Value.tenantId',
        'operationId.$': '$$.Map.Item.Value.operationId',
        'rolloutId.$': '$.plan.rolloutId',
        'release.$': '$.plan.release',
        'waitForWindow.$': '$.plan.waitForWindow',
      },
      maxConcurrencyPath: '$.plan.maxConcurrency',
      // A tenant's failure is a result (TenantFailed), judged after the wave; this only catches child executions that crash.
      toleratedFailurePercentagePath: '$.plan.toleratedFailurePercentage',
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultPath: '$.waveResults',
    });
    wave.itemProcessor(deploy);
    return wave;
  }

  /** The approval between waves: a task token stored for the API, answered within a week or the rollout stops. */
  private approvalStep(s: Construct, fn: lambda.IFunction, ends: RolloutEnds, nextWave: sfn.IChainable): tasks.LambdaInvoke {
    const approval = this.retryThrottled(new tasks.LambdaInvoke(s, 'AwaitApproval', {
      lambdaFunction: fn,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        'action': 'awaitApproval', 'rolloutId.$': '$.rolloutId', 'waveIndex.$': '$.evaluation.nextWaveIndex', 'taskToken': sfn.JsonPath.taskToken,
      }),
      resultPath: '$.approval',
      taskTimeout: sfn.Timeout.duration(APPROVAL_TIMEOUT),
    }));
    approval.addCatch(ends.expired, { resultPath: '$.error' });
    approval.next(new sfn.Choice(s, 'Approved?')
      .when(sfn.Condition.booleanEquals('$.approval.approved', true), nextWave)
      .otherwise(ends.denied));
    return approval;
  }

  /** The REST API: regional, IAM authorization and a resource policy admitting only the callers, validated bodies, JSON access logs, throttled stage. */
  /**
   * The API's resource policy: deny every principal that is not a caller. A caller of another
   * account also needs an allow here (IAM authorization across accounts needs both policies to
   * allow), for exactly those callers; a caller of this account is admitted by its own policy only,
   * so its narrower identity policy keeps its meaning.
   */
  private apiResourcePolicy(callers: ApiCallerScope[]): iam.PolicyDocument {
    const policy = ProvisionerAccess.apiResourcePolicy(callers);
    const here = Stack.of(this).account;
    const foreign = callers.map((c) => c.principalArn)
      .filter((arn) => !Token.isUnresolved(arn) && !Token.isUnresolved(here) && arn.split(':')[4] !== here);
    if (foreign.length > 0) {
      policy.addStatements(new iam.PolicyStatement({
        sid: 'CallersOfOtherAccounts',
        actions: ['execute-api:Invoke'],
        principals: [...new Set(foreign)].map((arn) => new iam.ArnPrincipal(arn)),
        resources: ['execute-api:/*'],
      }));
    }
    return policy;
  }

  private buildApi(fn: lambda.IFunction, callers: ApiCallerScope[]): apigateway.RestApi {
    const accessLogs = this.logGroup('ApiAccessLogs');
    const api = new apigateway.RestApi(this, 'Api', {
      description: 'cdk-tenant-blocks provisioner API (IAM authorization)',
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      // The account-wide API Gateway logging role: opt-in (one setting per account and region).
      cloudWatchRole: this.props.apiGatewayCloudWatchRole === true,
      // Kept on stack deletion: other APIs of the account log through the same setting.
      ...(this.props.apiGatewayCloudWatchRole === true ? { cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN } : {}),
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        tracingEnabled: true,
        throttlingRateLimit: 20,
        throttlingBurstLimit: 40,
      },
      defaultMethodOptions: { authorizationType: apigateway.AuthorizationType.IAM },
      // Deny every principal that is not a caller; the handler decides per tenant and action (an allow
      // for execute-api:/* here would make every caller's narrower identity policy meaningless).
      policy: this.apiResourcePolicy(callers),
    });
    // Malformed requests get the same JSON shape as the handler's 400s.
    api.addGatewayResponse('BadRequestBody', {
      type: apigateway.ResponseType.BAD_REQUEST_BODY,
      templates: { 'application/json': '{"message":"invalid request","problems":["(body): $context.error.validationErrorString"]}' },
    });
    api.addGatewayResponse('BadRequestParameters', {
      type: apigateway.ResponseType.BAD_REQUEST_PARAMETERS,
      templates: { 'application/json': '{"message":"invalid request","problems":["$context.error.validationErrorString"]}' },
    });
    const validator = api.addRequestValidator('Validator', { validateRequestBody: true, validateRequestParameters: true });
    const objectModel = (id: string, required: string[]): apigateway.Model => api.addModel(id, {
      contentType: 'application/json',
      schema: { type: apigateway.JsonSchemaType.OBJECT, required },
    });
    const createModel = objectModel('CreateTenantRequest', ['spec']);
    const anyObject = objectModel('ObjectRequest', []);
    const rolloutModel = objectModel('StartRolloutRequest', ['release']);
    const approvalModel = objectModel('ApprovalRequest', ['approved']);
    // One permission for the whole API (not one per method, and so none for test invocations): the resource policy decides who calls.
    const integration = new apigateway.LambdaIntegration(fn, { proxy: true, scopePermissionToMethod: false });
    const withBody = (model: apigateway.Model): apigateway.MethodOptions => ({ requestValidator: validator, requestModels: { 'application/json': model } });
    const read: apigateway.MethodOptions = { requestValidator: validator };

    const tenants = api.root.addResource('tenants');
    tenants.addMethod('POST', integration, withBody(createModel));
    tenants.addMethod('GET', integration, read);
    const tenant = tenants.addResource('{tenantId}');
    tenant.addMethod('GET', integration, read);
    tenant.addMethod('PATCH', integration, withBody(anyObject));
    tenant.addMethod('DELETE', integration, read);
    tenant.addResource('operations').addMethod('GET', integration, read);
    tenant.addResource('drift').addMethod('POST', integration, read);
    // The developer loop (issue 23): a code push (a JSON body with the zip, validated by the handler) and log queries on the hub's data.
    tenant.addResource('code').addMethod('POST', integration, withBody(anyObject));
    const tenantLogs = tenant.addResource('logs');
    // The body is optional (defaults for since/filter): the handler validates it.
    tenantLogs.addMethod('POST', integration, read);
    tenantLogs.addResource('{queryId}').addMethod('GET', integration, read);
    api.root.addResource('operations').addResource('{operationId}').addMethod('GET', integration, read);
    const rollouts = api.root.addResource('rollouts');
    rollouts.addMethod('POST', integration, withBody(rolloutModel));
    rollouts.addMethod('GET', integration, read);
    const rollout = rollouts.addResource('{rolloutId}');
    rollout.addMethod('GET', integration, read);
    rollout.addResource('approval').addMethod('POST', integration, withBody(approvalModel));
    // CT.LAMBDA.PR.2: the service permission names the account as well as the API (SourceArn is a joined ARN).
    for (const permission of api.node.findAll().filter((c): c is lambda.CfnPermission => c instanceof lambda.CfnPermission)) {
      permission.sourceAccount = Stack.of(this).account;
    }
    return api;
  }

  /** Every cdk-nag suppression of the provisioner, each with its reason, part by part. */
  private suppress(workflowFn: lambda.Function, apiFn: lambda.Function): void {
    const { region, account } = this.nagEnv();
    const kmsWildcards = {
      id: 'AwsSolutions-IAM5',
      reason: 'kms:GenerateDataKey* and kms:ReEncrypt* on the provisioner key only (grantEncryptDecrypt): the registry, log and build encryption use every variant',
      appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    };
    const inline = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      id: `${pack}-IAMNoInlinePolicy`,
      reason: 'The role\'s only policy, generated from exact grants next to the resources it names; an inline policy dies with its role',
    }));
    this.suppressFunctions(workflowFn, apiFn, [kmsWildcards, ...inline]);
    this.suppressBuild(region, account, [kmsWildcards, ...inline], kmsWildcards);
    this.suppressWorkflows(region, account, inline);
    Suppressions.add(this.registry, ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'].map((id) => ({
      id, reason: 'Continuous backups (point-in-time recovery, 35 days), deletion protection and retention on stack deletion; an organization backup policy may add it to a plan by tag',
    })));
    this.suppressApi();
  }

  /** Region and account as cdk-nag writes them in finding ids (a token becomes its pseudo parameter). */
  private nagEnv(): { region: string; account: string } {
    const stack = Stack.of(this);
    return {
      region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
      account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
    };
  }

  /** The two functions: no VPC (they call only AWS APIs), no DLQ (synchronous, or retried by EventBridge). */
  private suppressFunctions(workflowFn: lambda.Function, apiFn: lambda.Function, roleEntries: ComplianceSuppression[]): void {
    for (const fn of [workflowFn, apiFn]) {
      // the role is the function's own (HandlerExecutionRole), created before it
      Suppressions.add(fn.role!, [
        ...roleEntries,
        {
          id: 'AwsSolutions-IAM5',
          reason: 'sts:AssumeRole and sts:TagSession on the code-push role of the tenant accounts only (aws:ResourceAccount or aws:ResourceOrgID): one ARN whatever the fleet\'s size, the account in the condition',
          appliesTo: [`Resource::arn:<AWS::Partition>:iam::*:role/${codePushRoleNameOf(this.qualifier)}`],
        },
        ...(fn === apiFn && this.releaseObjects ? [{
          id: 'AwsSolutions-IAM5',
          reason: 'The release check (HeadObject): every release archive under the releases prefix, any of which an operation may name',
          appliesTo: [this.releaseObjects],
        }] : []),
        ...(fn === apiFn && this.props.logHub ? [{
          id: 'AwsSolutions-IAM5',
          reason: 'The hub\'s query grant (grantQueryTenantLogs): objects under the logs/ and history/ prefixes, results under results/; the handler pins each query to the caller\'s tenant',
          appliesTo: [
            `Resource::<${logicalIdOf(this.props.logHub.logBucket)}.Arn>/history/*`, `Resource::<${logicalIdOf(this.props.logHub.logBucket)}.Arn>/logs/*`,
            `Resource::<${logicalIdOf(this.props.logHub.queryResultsBucket)}.Arn>/results/*`,
          ],
        }] : []),
        ...(fn === workflowFn ? [{
          id: 'AwsSolutions-IAM5',
          reason: 'sts:AssumeRole on the read-only observer role of the tenant accounts only (aws:ResourceAccount or aws:ResourceOrgID) to read a stack\'s events, template and drifts; SSM parameters under the provisioner\'s external-id path, one per tenant',
          appliesTo: [
            `Resource::arn:<AWS::Partition>:iam::*:role/${TENANT_ROLE_NAMES.observer(this.nagEnv().region)}`,
            `Resource::arn:<AWS::Partition>:ssm:${this.nagEnv().region}:${this.nagEnv().account}:parameter/tenant-blocks/${this.qualifier}/external-id/*`,
          ],
        }] : []),
      ]);
      Suppressions.add(fn, [
        ...['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC', 'CT.LAMBDA.PR.3'].map((id) => ({
          id, reason: 'The provisioner has no VPC: its functions call only AWS APIs (DynamoDB, Step Functions) through their public endpoints with IAM',
        })),
        ...['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((id) => ({
          id,
          reason: fn === apiFn
            ? 'Invoked synchronously only (API Gateway): a failure is answered; a DLQ applies to asynchronous invocations'
            : 'Invoked synchronously by Step Functions (failures are caught and recorded); its one asynchronous source, EventBridge for abandoned executions, retries for 24 hours, and the lock expires anyway',
        })),
        ...(this.props.reserveConcurrency ? [] : ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'].map((id) => ({
          id, reason: 'Reserved concurrency is opt-in (reserveConcurrency): Lambda keeps 100 executions unreserved, so any reservation fails on a new account (quota 10 or 50); throttled workflow steps are retried by Step Functions',
        }))),
      ]);
    }
  }

  /** The build project: CodeBuild's own grants and an S3 source (no repository OAuth). */
  private suppressBuild(region: string, account: string, roleEntries: ComplianceSuppression[], kmsWildcards: ComplianceSuppression): void {
    const build = logicalIdOf(this.buildProject);
    Suppressions.add(this.buildProject, [
      ...roleEntries,
      {
        id: 'AwsSolutions-IAM5',
        reason: 'CodeBuild\'s own grants: reading the platform app source object (or, from a releases bucket, the archives under its prefix), its report groups and its default log group; no cross-account right (builds run with their tenant account\'s build role)',
        appliesTo: [
          'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*',
          `Resource::arn:<AWS::Partition>:codebuild:${region}:${account}:report-group/<${build}>-*`,
          `Resource::arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/codebuild/<${build}>:*`,
          // fromBucket: every release archive under the prefix (a rollout picks the release per build)
          ...(this.releaseObjects ? [this.releaseObjects] : []),
        ],
      },
    ]);
    Suppressions.add(this.buildPolicy, [
      kmsWildcards,
      ...(this.releaseObjects ? [{
        id: 'AwsSolutions-IAM5',
        reason: 'Every release archive under the releases prefix: a rollout picks the release per build (SourceLocationOverride)',
        appliesTo: [this.releaseObjects],
      }] : []),
    ]);
    Suppressions.add(this.buildProject, [
      ...['HIPAA.Security-CodeBuildProjectSourceRepoUrl', 'PCI.DSS.321-CodeBuildProjectSourceRepoUrl'].map((id) => ({
        id, reason: 'The source is an S3 object in the platform account, not a GitHub or Bitbucket repository: there is no OAuth to use',
      })),
    ]);
  }

  /** The state machines' generated grants (logs, X-Ray, the step function's versions, the Distributed Map's children). */
  private suppressWorkflows(region: string, account: string, inline: ComplianceSuppression[]): void {
    const fnArn = `Resource::<${logicalIdOf(this.workflowFunction as lambda.Function)}.Arn>:*`;
    const execution = (machine: sfn.StateMachine) => `arn:<AWS::Partition>:states:${region}:${account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalIdOf(machine)}"}]}]}`;
    const generated = 'Step Functions\' own grants: log delivery and X-Ray need Resource *, invoking the step function allows its versions';
    // The role is the operation workflow's own (created for it with a fixed name).
    Suppressions.add(this.operationWorkflow.role as iam.Role, [
      ...inline,
      { id: 'AwsSolutions-IAM5', reason: generated, appliesTo: ['Resource::*', fnArn] },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'sts:AssumeRole on the read-only observer role of the tenant accounts only (aws:ResourceAccount or aws:ResourceOrgID) to read its stack',
        appliesTo: [`Resource::arn:<AWS::Partition>:iam::*:role/${TENANT_ROLE_NAMES.observer(region)}`],
      },
      ...(!this.passesBuildRolesByName() ? [{
        id: 'AwsSolutions-IAM5',
        reason: 'iam:PassRole (to CodeBuild only) on the build roles under the build path of this account: an organization\'s (each made when its account is onboarded) or more than 20 listed accounts\' (an ARN each outgrows the policy size limits)',
        appliesTo: [`Resource::arn:<AWS::Partition>:iam::${account}:role${BUILD_ROLE_PATH}${PLATFORM_ROLE_NAMES.build('*', region)}`],
      }] : []),
    ]);
    Suppressions.add(this.rolloutWorkflow, [
      ...inline,
      {
        id: 'AwsSolutions-IAM5',
        reason: `${generated}; the Distributed Map manages its own child executions, and each wave item runs an operation execution (names chosen at run time)`,
        appliesTo: ['Resource::*', fnArn, `Resource::${execution(this.rolloutWorkflow)}:*`, `Resource::${execution(this.rolloutWorkflow)}/*:*`, `Resource::${execution(this.operationWorkflow)}*`],
      },
    ]);
  }

  /** The API stage and methods: access logs instead of execution logs, IAM instead of Cognito or WAF, no cache. */
  private suppressApi(): void {
    const stage = this.api.deploymentStage;
    Suppressions.add(stage, [
      ...['AwsSolutions-APIG6', 'HIPAA.Security-APIGWExecutionLoggingEnabled', 'NIST.800.53.R5-APIGWExecutionLoggingEnabled', 'PCI.DSS.321-APIGWExecutionLoggingEnabled', 'CT.APIGATEWAY.PR.1'].map((id) => ({
        id, reason: 'Access logs (JSON, every request with its caller) go to an encrypted log group; execution logging needs the account-wide API Gateway CloudWatch role, which the platform owns, and the function logs every request itself',
      })),
      ...['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWAssociatedWithWAF'].map((id) => ({
        id, reason: 'An IAM-authorized API for the platform\'s own services: the resource policy denies every principal but the listed roles, the stage throttles at 20 requests per second; a web ACL adds nothing a signature does not',
      })),
      ...['HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted'].map((id) => ({
        id, reason: 'No cache: answers are the registry\'s current state and writes must never be served from a cache',
      })),
      ...['HIPAA.Security-APIGWSSLEnabled', 'NIST.800.53.R5-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'].map((id) => ({
        id, reason: 'The backend is a Lambda integration, not an HTTP endpoint: there is no backend TLS connection for a client certificate to authenticate',
      })),
    ]);
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Suppressions.add(cloudWatchRole, [
        {
          id: 'AwsSolutions-IAM4',
          reason: 'API Gateway\'s own service role for account-level logging (apiGatewayCloudWatchRole): the AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs is the documented one',
          appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
        },
      ]);
    }
    Suppressions.add(this.api, [{
      id: 'AwsSolutions-COG4',
      reason: 'Callers are the platform\'s IAM roles: every method uses IAM authorization (SigV4), the resource policy denies every principal that is not in apiCallers, and the handler enforces each caller\'s tenants and actions',
    }]);
  }
}

/** The steps around one page of a wave. */
interface WavePageSteps {
  readonly readPage: tasks.LambdaInvoke;
  readonly recordPage: tasks.LambdaInvoke;
  readonly evaluate: tasks.LambdaInvoke;
}

/** The steps that end a rollout, one per way it can end. */
interface RolloutEnds {
  readonly failed: sfn.IChainable;
  readonly succeeded: sfn.IChainable;
  readonly stopped: sfn.IChainable;
  readonly denied: sfn.IChainable;
  readonly expired: sfn.IChainable;
}

/** Logical id of a construct's main resource. */
function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** Which field of the operation context each build variable carries. */
const CONTEXT_FIELD: Record<string, string> = {
  OPERATION_ID: 'operationId',
  OPERATION: 'action',
  TENANT_ID: 'tenantId',
  TENANT_ACCOUNT: 'account',
  TENANT_REGION: 'region',
  TENANT_STACK_NAME: 'stackName',
  TENANT_SPEC_JSON: 'specJson',
  TENANT_EXTERNAL_ID: 'externalIdParameter',
  RELEASE: 'release',
  DEPLOY_ROLE_ARN: 'deployRoleArn',
};
