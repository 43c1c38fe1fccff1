import { Aws, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { RESOURCE_TYPE_ACTIONS, executionActions } from './execution-policy';
import { Suppressions } from '../../core/suppressions';
import { TENANT_TAG, TIER_TAG } from '../../core/tenant-defaults';
import { PropsValidation } from '../../core/validation';
import { PLATFORM_ROLE_NAMES, ROLE_PATH, TENANT_ROLE_NAMES } from '../provisioner/config.lambda-shared';

/** The name of the permissions boundary every role CloudFormation creates in a tenant account must carry. */
export const TENANT_PERMISSIONS_BOUNDARY_NAME = 'tenant-blocks-boundary';

/** The services the roles of the tenant blocks use (their own policies and the AWS managed policies they attach); a test derives them from the templates. */
export const BOUNDARY_SERVICES = [
  'backup', 'cloudformation', 'cloudwatch', 'dynamodb', 'ec2', 'elasticfilesystem', 'events', 'fsx', 'kms', 'lambda', 'logs', 'rds', 'rds-data',
  'redshift', 's3', 'secretsmanager', 'sns', 'ssm', 'storagegateway', 'tag', 'xray',
];

/** The bootstrap version the stack's SSM parameter announces (the CDK CLI and synthesizer require at least 6; 21+ for the lookup role). */
export const TENANT_BOOTSTRAP_VERSION = 28;

/** Names of the stacks the deploy role may create, change and delete (the provisioner names them `Tenant-<tenantId>`). */
const TENANT_STACKS = 'Tenant-*';
/**
 * Services a tenant stack hands roles to (iam:PassedToService); logs.amazonaws.com for the sender role every
 * subscription filter names when the hub admits an organization (PutSubscriptionFilter passes it).
 */
const PASS_ROLE_SERVICES = ['lambda.amazonaws.com', 'vpc-flow-logs.amazonaws.com', 'backup.amazonaws.com', 'codedeploy.amazonaws.com', 'events.amazonaws.com', 'rds.amazonaws.com',
  'logs.amazonaws.com'];
/** A managed policy holds at most 6,144 characters: statements are packed into several below this size (JSON with tokens is longer than the deployed text). */
const MAX_POLICY_CHARS = 5000;
/** The CDK bootstrap qualifier's form. */
const QUALIFIER_PATTERN = /^[A-Za-z0-9]{1,10}$/;
/** An exact IAM role ARN, no wildcards. */
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Props of {@link TenantAccountBootstrap}. */
export interface TenantAccountBootstrapProps {
  /**
   * The provisioner's build role for this account: the only principal the deploy, file-publishing
   * and lookup roles trust (exact ARN, see `TenantBuildRole`). Never the platform account's root.
   */
  readonly buildRoleArn: string;

  /**
   * A further role trusted by the observer role (which reads the tenant stack, its events, template
   * and drift; never the deploy role). The observer role always trusts the provisioner's workflow
   * roles by their fixed names (`tenant-blocks-workflow-<qualifier>` and
   * `tenant-blocks-operations-<qualifier>` under `/tenant-blocks/` in the account of `buildRoleArn`);
   * name a role here only for another reader (e.g. an audit role of the platform).
   *
   * @default - only the provisioner's workflow roles
   */
  readonly workflowRoleArn?: string;

  /**
   * The CDK bootstrap qualifier (the platform app's synthesizer must use the same).
   *
   * @default 'hnb659fds' - the CDK default
   */
  readonly qualifier?: string;
}

/**
 * The tenant account's side of the provisioner: a replacement for `cdk bootstrap --trust <platform
 * account>` that lets exactly one principal, the provisioner's build role for this account, deploy
 * the tenant stack, and lets CloudFormation create only what the blocks are made of.
 *
 * Baked in, each with its reason:
 * - the CDK bootstrap resources the default synthesizer expects, by their CDK names (staging
 *   bucket, deploy, file-publishing, lookup and CloudFormation execution roles, version parameter),
 *   so the platform app needs no custom synthesizer; no image-publishing role (no block uses images);
 * - the deploy, file-publishing and lookup roles trust only `buildRoleArn` by ARN (no account root:
 *   `--trust <account>` admits every principal of the platform account that may call sts:AssumeRole);
 * - the deploy role acts only on stacks named `Tenant-*`, and passes only the execution role;
 * - the execution role's policy is derived from the blocks' synthesized templates (every resource
 *   type they contain, the actions CloudFormation needs for it; a test keeps both in step), not
 *   AdministratorAccess;
 * - every role CloudFormation creates must carry the `tenant-blocks-boundary` permissions boundary
 *   (condition on iam:CreateRole and every policy change), which allows only the services the
 *   blocks' roles use and never IAM, so no role of a tenant stack can grant itself more;
 * - the bootstrap's own roles and the boundary cannot be changed by the execution role (explicit deny);
 * - an observer role for the workflow: read-only CloudFormation plus the read actions drift detection needs.
 *
 * Deploy it once per tenant account, in the tenant's region, with credentials of that account
 * (e.g. a StackSet or `cdk deploy` with a `CliCredentialsStackSynthesizer`): it has no assets.
 */
export class TenantAccountBootstrap extends Construct {
  /** The role the provisioner's build assumes to deploy (`cdk-<qualifier>-deploy-role-<account>-<region>`). */
  public readonly deployRole: iam.Role;
  /** The role that uploads the stack's assets to the staging bucket. */
  public readonly filePublishingRole: iam.Role;
  /** The role the CDK CLI reads context (availability zones, VPCs, hosted zones) with. */
  public readonly lookupRole: iam.Role;
  /** The role CloudFormation deploys the tenant stack with. */
  public readonly executionRole: iam.Role;
  /** The permissions boundary of every role the tenant stack creates. */
  public readonly permissionsBoundary: iam.ManagedPolicy;
  /** The staging bucket for templates and assets. */
  public readonly stagingBucket: s3.Bucket;
  /** The workflow's read-only role (`tenant-blocks-observer-<region>`). */
  public readonly observerRole: iam.Role;
  /**
   * The role the provisioner pushes code to DEVELOPMENT functions with (`tenant-blocks-code-push-<qualifier>`
   * under `/tenant-blocks/`), trusted only by the provisioner's API and workflow functions, always
   * with the session tag `tenant`: only that tenant's DEVELOPMENT functions.
   */
  public readonly codePushRole: iam.Role;
  /** The policies of the execution role (the derived policy, packed under the managed-policy size limit). */
  public readonly executionPolicies: iam.ManagedPolicy[];

  constructor(scope: Construct, id: string, props: TenantAccountBootstrapProps) {
    validateTenantAccountBootstrapProps(props);
    super(scope, id);
    const q = props.qualifier ?? 'hnb659fds';
    const names = bootstrapNames(q);
    this.permissionsBoundary = this.buildBoundary(q);
    this.stagingBucket = this.buildStagingBucket(names.bucket);
    this.executionPolicies = this.buildExecutionPolicies(q);
    this.executionRole = this.buildExecutionRole(names.execution);
    const build = new iam.ArnPrincipal(props.buildRoleArn);
    this.deployRole = this.buildDeployRole(names.deploy, build, q);
    this.filePublishingRole = this.buildFilePublishingRole(names.filePublishing, build);
    this.lookupRole = this.buildLookupRole(names.lookup, build);
    const platform = platformRoles(props.buildRoleArn, q);
    this.observerRole = this.buildObserverRole([platform.workflow, platform.operations, ...(props.workflowRoleArn ? [props.workflowRoleArn] : [])]);
    this.codePushRole = this.buildCodePushRole(q, [platform.api, platform.workflow], names.bucket);
    new ssm.StringParameter(this, 'Version', {
      parameterName: `/cdk-bootstrap/${q}/version`,
      stringValue: String(TENANT_BOOTSTRAP_VERSION),
      description: 'cdk-tenant-blocks tenant-account bootstrap version (read by the CDK CLI and the synthesizer\'s check)',
    });
  }

  private buildBoundary(q: string): iam.ManagedPolicy {
    const account = Stack.of(this).account;
    const boundary = new iam.ManagedPolicy(this, 'PermissionsBoundary', {
      managedPolicyName: TENANT_PERMISSIONS_BOUNDARY_NAME,
      description: 'cdk-tenant-blocks: the most any role of a tenant stack may do (the services the blocks use; no IAM, no bootstrap changes)',
      statements: [
        new iam.PolicyStatement({ sid: 'BlockServices', actions: BOUNDARY_SERVICES.map((s) => `${s}:*`), resources: ['*'] }),
        // A role of a tenant stack never manages identities, even through a service's IAM actions.
        new iam.PolicyStatement({ sid: 'NoIdentityChanges', effect: iam.Effect.DENY, actions: ['iam:*', 'organizations:*', 'account:*', 'sts:AssumeRole'], resources: ['*'] }),
        new iam.PolicyStatement({
          sid: 'NoBootstrapChanges',
          effect: iam.Effect.DENY,
          actions: ['s3:DeleteBucket*', 's3:PutBucketPolicy', 'ssm:PutParameter', 'ssm:DeleteParameter'],
          resources: [`arn:${Aws.PARTITION}:s3:::cdk-${q}-assets-${account}-${Aws.REGION}`, `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${account}:parameter/cdk-bootstrap/${q}/*`],
        }),
      ],
    });
    // A boundary grants nothing by itself: it caps what the roles' own policies (least privilege, checked per block) can reach.
    acceptPolicy(boundary, 'A permissions boundary is a ceiling, not a grant: service-level allows cap the blocks\' roles, whose own policies are least privilege');
    return boundary;
  }

  private buildStagingBucket(bucketName: string): s3.Bucket {
    const bucket = new s3.Bucket(this, 'StagingBucket', {
      bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // Templates and function bundles of earlier deployments: a rollback needs the last few, not years of them.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      // The bucket outlives the bootstrap stack: deleting it would break every stack that references its assets.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const why = 'The CDK staging bucket (as in the CDK\'s own bootstrap): templates and bundles written only by the file-publishing role, read by CloudFormation and Lambda';
    Suppressions.add(bucket, [
      { id: 'AwsSolutions-S1', reason: `${why}; CloudTrail records its writers, no access-log bucket per tenant account` },
      ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].flatMap((pack) => [
        { id: `${pack}-S3BucketLoggingEnabled`, reason: `${why}; CloudTrail records its writers` },
        { id: `${pack}-S3BucketReplicationEnabled`, reason: `${why}; every object is rebuilt by the next synth, nothing to replicate` },
        { id: `${pack}-S3DefaultEncryptionKMS`, reason: `${why}; SSE-S3, so CloudFormation and Lambda read it without a key grant to each service` },
      ]),
      { id: 'CT.S3.PR.2', reason: `${why}; CloudTrail records its writers` },
      { id: 'CT.S3.PR.4', reason: `${why}; nothing consumes its events` },
      { id: 'CT.S3.PR.9', reason: `${why}; objects are rebuilt by the next synth, no object lock` },
      { id: 'CT.S3.PR.10', reason: `${why}; SSE-S3, so CloudFormation and Lambda read it without a key grant to each service` },
    ]);
    return bucket;
  }

  private buildExecutionPolicies(q: string): iam.ManagedPolicy[] {
    const { partition, account, region } = { partition: Aws.PARTITION, account: Stack.of(this).account, region: Aws.REGION };
    const boundaryArn = `arn:${partition}:iam::${account}:policy/${TENANT_PERMISSIONS_BOUNDARY_NAME}`;
    const roles = `arn:${partition}:iam::${account}:role/*`;
    const policies = `arn:${partition}:iam::${account}:policy/*`;
    const all = executionActions(Object.keys(RESOURCE_TYPE_ACTIONS).concat(['Custom::Any']));
    const iamActions = all.filter((a) => a.startsWith('iam:'));
    const boundaryBound = ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:PutRolePermissionsBoundary'];
    const statements: iam.PolicyStatement[] = [
      // Every role a tenant stack creates or changes carries the boundary: it can never do more than the blocks' services.
      new iam.PolicyStatement({
        sid: 'RolesCarryTheBoundary',
        actions: boundaryBound.filter((a) => iamActions.includes(a)),
        resources: [roles],
        conditions: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      }),
      new iam.PolicyStatement({
        sid: 'RolesAndPolicies',
        actions: iamActions.filter((a) => !boundaryBound.includes(a) && a !== 'iam:PassRole' && a !== 'iam:CreateServiceLinkedRole'),
        resources: [roles, policies],
      }),
      new iam.PolicyStatement({ sid: 'PassRolesToTheBlocksServices', actions: ['iam:PassRole'], resources: [roles], conditions: { StringEquals: { 'iam:PassedToService': PASS_ROLE_SERVICES } } }),
      new iam.PolicyStatement({
        sid: 'RdsServiceLinkedRole',
        actions: ['iam:CreateServiceLinkedRole'],
        resources: [`arn:${partition}:iam::${account}:role/aws-service-role/rds.amazonaws.com/*`],
        conditions: { StringEquals: { 'iam:AWSServiceName': 'rds.amazonaws.com' } },
      }),
      // The tenant manifest's parameters live under /tenant-blocks/.
      new iam.PolicyStatement({ sid: 'ManifestParameters', actions: all.filter((a) => a.startsWith('ssm:')), resources: [`arn:${partition}:ssm:${region}:${account}:parameter/tenant-blocks/*`] }),
      // The bootstrap itself is out of reach of what it deploys.
      new iam.PolicyStatement({
        sid: 'NotTheBootstrap',
        effect: iam.Effect.DENY,
        actions: ['iam:*'],
        resources: [
          `arn:${partition}:iam::${account}:role/cdk-${q}-*`, boundaryArn,
          `arn:${partition}:iam::${account}:role/${TENANT_ROLE_NAMES.observer(region)}`,
          `arn:${partition}:iam::${account}:role${ROLE_PATH}${TENANT_ROLE_NAMES.codePush(q)}`,
        ],
      }),
      new iam.PolicyStatement({ sid: 'KeepTheBoundary', effect: iam.Effect.DENY, actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] }),
    ];
    const byService = new Map<string, string[]>();
    for (const a of all.filter((x) => !x.startsWith('iam:') && !x.startsWith('ssm:'))) {
      const service = a.split(':')[0];
      byService.set(service, [...(byService.get(service) ?? []), a]);
    }
    for (const [service, actions] of byService) {
      statements.push(new iam.PolicyStatement({ sid: `${service.replace(/[^A-Za-z0-9]/g, '')}Resources`, actions, resources: ['*'] }));
    }
    // Pack the statements into managed policies under the size limit.
    const packs: iam.PolicyStatement[][] = [];
    let size = Infinity;
    for (const s of statements) {
      const len = JSON.stringify(s.toStatementJson()).length;
      if (size + len > MAX_POLICY_CHARS) {
        packs.push([]);
        size = 0;
      }
      packs[packs.length - 1].push(s);
      size += len;
    }
    return packs.map((p, i) => {
      const policy = new iam.ManagedPolicy(this, `ExecutionPolicy${i + 1}`, {
        description: `cdk-tenant-blocks: what CloudFormation needs to deploy the tenant blocks (${i + 1}/${packs.length}), derived from their templates`,
        statements: p,
      });
      acceptPolicy(policy, 'CloudFormation creates resources whose names it generates: the blocks\' resource types\' handler permissions on * (roles only with the boundary, parameters under /tenant-blocks/)');
      return policy;
    });
  }

  private buildExecutionRole(roleName: string): iam.Role {
    const role = new iam.Role(this, 'CloudFormationExecutionRole', {
      roleName,
      description: 'cdk-tenant-blocks: CloudFormation deploys the tenant stack with this role (the blocks\' resource types only)',
      assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      managedPolicies: this.executionPolicies,
    });
    return role;
  }

  private buildDeployRole(roleName: string, build: iam.IPrincipal, q: string): iam.Role {
    const { partition, account, region } = { partition: Aws.PARTITION, account: Stack.of(this).account, region: Aws.REGION };
    const role = new iam.Role(this, 'DeployRole', {
      roleName,
      description: 'cdk-tenant-blocks: the provisioner\'s build deploys the tenant stack (Tenant-*) with this role',
      assumedBy: build,
    });
    this.rolePolicy(role, 'DeployPolicy', 'Stacks named Tenant-* (the provisioner\'s names) and the staging bucket\'s objects (keys are asset hashes); ValidateTemplate has no resource', [
      new iam.PolicyStatement({
        sid: 'TenantStacks',
        actions: [
          'cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteChangeSet',
          'cloudformation:ListChangeSets', 'cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
          'cloudformation:RollbackStack', 'cloudformation:ContinueUpdateRollback', 'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents',
          'cloudformation:DescribeStackResources', 'cloudformation:ListStackResources', 'cloudformation:GetTemplate', 'cloudformation:GetTemplateSummary',
          'cloudformation:UpdateTerminationProtection',
        ],
        resources: [`arn:${partition}:cloudformation:${region}:${account}:stack/${TENANT_STACKS}/*`],
      }),
      new iam.PolicyStatement({ sid: 'ValidateTemplates', actions: ['cloudformation:ValidateTemplate'], resources: ['*'] }),
      new iam.PolicyStatement({ sid: 'PassTheExecutionRole', actions: ['iam:PassRole'], resources: [this.executionRole.roleArn] }),
      new iam.PolicyStatement({
        sid: 'BootstrapVersion',
        actions: ['ssm:GetParameter', 'ssm:GetParameters'],
        resources: [`arn:${partition}:ssm:${region}:${account}:parameter/cdk-bootstrap/${q}/version`],
      }),
      // CloudFormation reads the template from the staging bucket with the caller's credentials.
      new iam.PolicyStatement({ sid: 'ReadTemplates', actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: [this.stagingBucket.arnForObjects('*')] }),
      new iam.PolicyStatement({ sid: 'ListTemplates', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [this.stagingBucket.bucketArn] }),
    ]);
    return role;
  }

  private buildFilePublishingRole(roleName: string, build: iam.IPrincipal): iam.Role {
    const role = new iam.Role(this, 'FilePublishingRole', {
      roleName,
      description: 'cdk-tenant-blocks: the provisioner\'s build uploads the tenant stack\'s assets with this role',
      assumedBy: build,
    });
    this.rolePolicy(role, 'FilePublishingPolicy', 'Objects of the staging bucket, whose keys are asset hashes', [
      new iam.PolicyStatement({
        sid: 'Assets',
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [this.stagingBucket.arnForObjects('*')],
      }),
      new iam.PolicyStatement({ sid: 'Bucket', actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetEncryptionConfiguration'], resources: [this.stagingBucket.bucketArn] }),
    ]);
    return role;
  }

  private buildLookupRole(roleName: string, build: iam.IPrincipal): iam.Role {
    const role = new iam.Role(this, 'LookupRole', {
      roleName,
      description: 'cdk-tenant-blocks: the provisioner\'s build reads context (availability zones, VPCs, hosted zones) with this role',
      assumedBy: build,
    });
    this.rolePolicy(role, 'LookupPolicy', 'Context lookups are Describe/List calls without resource-level permissions', [
      new iam.PolicyStatement({
        sid: 'ContextLookups',
        actions: [
          'ec2:DescribeAvailabilityZones', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeVpnGateways',
          'ec2:DescribeSecurityGroups', 'ec2:DescribePrefixLists', 'ec2:DescribeManagedPrefixLists', 'route53:ListHostedZonesByName',
          'route53:GetHostedZone', 'kms:ListAliases', 'ssm:GetParameter', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners',
          'cloudformation:DescribeStacks',
        ],
        resources: ['*'],
      }),
      // As the CDK's own lookup role: reading context never decrypts anything.
      new iam.PolicyStatement({ sid: 'NoDecrypt', effect: iam.Effect.DENY, actions: ['kms:Decrypt'], resources: ['*'] }),
    ]);
    return role;
  }

  private buildObserverRole(readers: string[]): iam.Role {
    const { partition, account, region } = { partition: Aws.PARTITION, account: Stack.of(this).account, region: Aws.REGION };
    const role = new iam.Role(this, 'ObserverRole', {
      roleName: TENANT_ROLE_NAMES.observer(region),
      description: 'cdk-tenant-blocks: the provisioner\'s workflow reads the tenant stack, its events and its drift with this role',
      assumedBy: new iam.CompositePrincipal(...readers.map((arn) => new iam.ArnPrincipal(arn))),
    });
    this.rolePolicy(role, 'ObserverPolicy', 'Read-only actions of the blocks\' resource types, which drift detection calls with the caller\'s permissions; stacks named Tenant-*', [
      new iam.PolicyStatement({
        sid: 'ReadTenantStacks',
        actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:DetectStackDrift',
          'cloudformation:DetectStackResourceDrift', 'cloudformation:DescribeStackResourceDrifts', 'cloudformation:DescribeStackResources'],
        resources: [`arn:${partition}:cloudformation:${region}:${account}:stack/${TENANT_STACKS}/*`],
      }),
      new iam.PolicyStatement({ sid: 'DriftStatus', actions: ['cloudformation:DescribeStackDriftDetectionStatus'], resources: ['*'] }),
      new iam.PolicyStatement({ sid: 'ReadTheBlocksResources', actions: executionActions(Object.keys(RESOURCE_TYPE_ACTIONS), 'read'), resources: ['*'] }),
    ]);
    return role;
  }

  /**
   * The code-push role (issue 23): trusted by the provisioner's API function (a developer's push) and
   * workflow function (the release's code restored after a deploy), only with the session tag
   * `tenant`; it may change the code of functions tagged with that tenant and the DEVELOPMENT tier,
   * and read what restoring the release's code needs (the stack's template and resources, the
   * staging bucket's bundles: Lambda reads S3 code with the caller's credentials; SSE-S3, no key).
   */
  private buildCodePushRole(q: string, trusted: string[], bucketName: string): iam.Role {
    const { partition, account, region } = { partition: Aws.PARTITION, account: Stack.of(this).account, region: Aws.REGION };
    const tenantTag = { 'StringLike': { 'aws:RequestTag/tenant': '?*' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] } };
    const role = new iam.Role(this, 'CodePushRole', {
      roleName: TENANT_ROLE_NAMES.codePush(q),
      path: ROLE_PATH,
      description: 'cdk-tenant-blocks: the provisioner pushes code to the DEVELOPMENT functions of one tenant (session tag tenant) with this role',
      // Every session names its tenant, and only that tag: the policy below compares it with the function's tag.
      assumedBy: new iam.CompositePrincipal(...trusted.map((arn) => new iam.PrincipalWithConditions(new iam.ArnPrincipal(arn), tenantTag))),
    });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      sid: 'TenantSessionTag',
      actions: ['sts:TagSession'],
      principals: trusted.map((arn) => new iam.ArnPrincipal(arn)),
      conditions: tenantTag,
    }));
    const functions = `arn:${partition}:lambda:${region}:${account}:function:*`;
    const sameTenantDevelopment = {
      StringEquals: { [`aws:ResourceTag/${TIER_TAG}`]: 'DEVELOPMENT', [`aws:ResourceTag/${TENANT_TAG}`]: '${aws:PrincipalTag/tenant}' },
    };
    this.rolePolicy(role, 'CodePushPolicy', 'Functions are found by their tags (names are CloudFormation\'s): every change is conditioned on the DEVELOPMENT tier and the session\'s tenant tag; ListFunctions has no resource; the staging bucket\'s keys are asset hashes', [
      new iam.PolicyStatement({ sid: 'FindFunctions', actions: ['lambda:ListFunctions'], resources: ['*'] }),
      // Reading tags decides which function is the tenant's: not conditioned on the tags it reads.
      new iam.PolicyStatement({ sid: 'ReadTags', actions: ['lambda:ListTags'], resources: [functions] }),
      new iam.PolicyStatement({
        sid: 'DevelopmentFunctionsOfTheTenant',
        actions: ['lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionCode', 'lambda:PublishVersion', 'lambda:UpdateAlias', 'lambda:GetAlias'],
        resources: [functions, `${functions}:*`],
        conditions: sameTenantDevelopment,
      }),
      new iam.PolicyStatement({
        sid: 'ReleaseCode',
        actions: ['cloudformation:GetTemplate', 'cloudformation:DescribeStackResource', 'cloudformation:DescribeStackResources'],
        resources: [`arn:${partition}:cloudformation:${region}:${account}:stack/${TENANT_STACKS}/*`],
      }),
      new iam.PolicyStatement({ sid: 'ReleaseBundles', actions: ['s3:GetObject'], resources: [`arn:${partition}:s3:::${bucketName}/*`] }),
    ]);
    return role;
  }

  /** A managed policy for one role (not an inline policy: the compliance packs ask for managed ones), its wildcards accepted with `reason`. */
  private rolePolicy(role: iam.Role, id: string, reason: string, statements: iam.PolicyStatement[]): iam.ManagedPolicy {
    const policy = new iam.ManagedPolicy(this, id, { statements, roles: [role] });
    acceptPolicy(policy, reason);
    return policy;
  }
}

/**
 * Accepts, with `reason`, the wildcard findings of a policy this construct wrote on purpose: every
 * `Action::` and `Resource::` with a `*` as cdk-nag names it (AwsSolutions-IAM5), and the packs'
 * full-access rule for a statement that names a whole service (the boundary, the deny statements).
 */
function acceptPolicy(policy: iam.ManagedPolicy, reason: string): void {
  const stack = Stack.of(policy);
  const doc = stack.resolve(policy.document.toJSON()) as { Statement: Array<Record<string, unknown>> };
  const appliesTo = new Set<string>();
  for (const st of doc.Statement) {
    for (const a of ([] as unknown[]).concat(st.Action ?? [])) if (String(a).includes('*')) appliesTo.add(`Action::${String(a)}`);
    for (const r of ([] as unknown[]).concat(st.Resource ?? [])) {
      const text = nagText(r);
      if (text.includes('*')) appliesTo.add(`Resource::${text}`);
    }
  }
  const suppressions = [
    ...(appliesTo.size > 0 ? [{ id: 'AwsSolutions-IAM5', reason, appliesTo: [...appliesTo] }] : []),
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({ id: `${pack}-IAMPolicyNoStatementsWithFullAccess`, reason })),
    { id: 'CT.IAM.PR.3', reason },
  ];
  Suppressions.add(policy, suppressions);
}

/** A resolved value as cdk-nag writes it in a finding: `<AWS::Partition>`, `<Logical.Arn>`, joined text. */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref !== undefined) return `<${v.Ref}>`;
  if (v['Fn::GetAtt'] !== undefined) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v['Fn::Join'] !== undefined) return (v['Fn::Join'][1] as unknown[]).map(nagText).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}

/**
 * The provisioner's fixed-name roles in the platform account (the account of `buildRoleArn`): the
 * API function, the workflow function and the operation workflow, all under `/tenant-blocks/`.
 */
function platformRoles(buildRoleArn: string, q: string): { api: string; workflow: string; operations: string } {
  const [, partition, , , platformAccount] = buildRoleArn.split(':');
  const arn = (name: string) => `arn:${partition}:iam::${platformAccount}:role${ROLE_PATH}${name}`;
  return { api: arn(PLATFORM_ROLE_NAMES.api(q)), workflow: arn(PLATFORM_ROLE_NAMES.workflow(q)), operations: arn(PLATFORM_ROLE_NAMES.operations(q)) };
}

/** The CDK names of a qualifier's bootstrap resources (account and region as CloudFormation references). */
function bootstrapNames(q: string): { bucket: string; deploy: string; filePublishing: string; lookup: string; execution: string } {
  const suffix = `${Aws.ACCOUNT_ID}-${Aws.REGION}`;
  return {
    bucket: `cdk-${q}-assets-${suffix}`,
    deploy: `cdk-${q}-deploy-role-${suffix}`,
    filePublishing: `cdk-${q}-file-publishing-role-${suffix}`,
    lookup: `cdk-${q}-lookup-role-${suffix}`,
    execution: `cdk-${q}-cfn-exec-role-${suffix}`,
  };
}

/** Validates the props of a `TenantAccountBootstrap` and throws one error listing every problem. */
function validateTenantAccountBootstrapProps(props: TenantAccountBootstrapProps): void {
  const v = new PropsValidation('TenantAccountBootstrap', 'bootstrap');
  roleArn(v, 'buildRoleArn', props.buildRoleArn, true);
  roleArn(v, 'workflowRoleArn', props.workflowRoleArn, false);
  v.pattern('qualifier', QUALIFIER_PATTERN.source, 'a CDK bootstrap qualifier: 1-10 letters or digits (default hnb659fds)', props.qualifier);
  v.throwIfInvalid();
}

function roleArn(v: PropsValidation, path: string, value: string | undefined, required: boolean): void {
  if (value === undefined) {
    if (required) v.add(path, 'is required: the exact ARN of the provisioner\'s role (arn:aws:iam::<platform account>:role/<name>)', value);
    return;
  }
  if (typeof value !== 'string' || Token.isUnresolved(value)) {
    v.add(path, 'must be a literal role ARN known at synth time (it is the only principal the roles trust), not a token', value);
  } else if (/[*?]/.test(value)) {
    v.add(path, 'must name one role, no wildcards', value);
  } else if (!ROLE_ARN_PATTERN.test(value)) {
    v.add(path, 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>); an account or its root would admit every principal of that account', value);
  }
}
