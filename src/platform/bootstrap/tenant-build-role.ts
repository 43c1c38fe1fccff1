import { Aws, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Suppressions } from '../../core/suppressions';
import { PropsValidation } from '../../core/validation';
import { BUILD_ROLE_PATH, PLATFORM_ROLE_NAMES, ROLE_PATH } from '../provisioner/config.lambda-shared';

/** Props of {@link TenantBuildRole}. */
export interface TenantBuildRoleProps {
  /** The tenant account this role deploys to (12 digits): the only account whose roles it may assume. */
  readonly tenantAccountId: string;

  /**
   * The ARN of the provisioner's CodeBuild project: only builds of this project may take the role
   * (`aws:SourceArn`, the confused-deputy guard of a service principal).
   */
  readonly buildProjectArn: string;

  /**
   * The tenant account's region.
   *
   * @default - the stack's region (the provisioner deploys to its own region)
   */
  readonly region?: string;

  /**
   * The CDK bootstrap qualifier of the tenant account.
   *
   * @default 'hnb659fds' - the CDK default
   */
  readonly qualifier?: string;

  /**
   * What the build needs in the platform account (source, logs, the provisioner key): the
   * provisioner's `buildPolicy`.
   *
   * @default - the provisioner's build policy by its fixed name, `tenant-blocks-build-<qualifier>` under `/tenant-blocks/` in this account
   */
  readonly buildPolicy?: iam.IManagedPolicy;
}

/**
 * The platform account's build role for ONE tenant account: the provisioner starts each build of a
 * tenant with this role (StartBuild's `serviceRoleOverride`), so a build can assume the deploy,
 * file-publishing and lookup roles of its tenant's account and of no other; the tenant account's
 * `TenantAccountBootstrap` trusts exactly this role. One bad build dependency reaches one tenant,
 * not the fleet.
 *
 * Why per-account roles rather than session tags: the tags of `sts:AssumeRole` are chosen by the
 * caller, and the caller is the build, which runs the platform app's dependencies; a role fixed
 * before the build starts cannot be widened from inside it. With one tenant per account (the
 * provisioner's default), per account is per tenant.
 *
 * The role holds only the cross-account right; the provisioner grants it what its builds need in
 * the platform account (logs, source, key) as it does for the project's own role.
 */
export class TenantBuildRole extends Construct {
  /** The path of every build role (the workflow's iam:PassRole names `role/tenant-blocks/build/*`). */
  public static readonly ROLE_PATH = BUILD_ROLE_PATH;

  /**
   * The name of the build role of `tenantAccountId` in `region`: fixed, so the workflow computes the
   * role of a build from its tenant's account (`serviceRoleOverride`).
   *
   * @param tenantAccountId the tenant account
   * @param region the provisioner's region
   */
  public static roleNameFor(tenantAccountId: string, region: string): string {
    return PLATFORM_ROLE_NAMES.build(tenantAccountId, region);
  }

  /**
   * The ARN of the build role of `tenantAccountId`: what the tenant account's
   * `TenantAccountBootstrap` takes as `buildRoleArn`.
   *
   * @param platformAccountId the provisioner's account
   * @param tenantAccountId the tenant account
   * @param region the provisioner's region
   * @param partition the AWS partition (default 'aws')
   */
  public static roleArnFor(platformAccountId: string, tenantAccountId: string, region: string, partition?: string): string {
    return `arn:${partition ?? 'aws'}:iam::${platformAccountId}:role${TenantBuildRole.ROLE_PATH}${TenantBuildRole.roleNameFor(tenantAccountId, region)}`;
  }

  /** The role. */
  public readonly role: iam.Role;

  /** The roles of the tenant account this role may assume. */
  public readonly tenantRoleArns: string[];

  constructor(scope: Construct, id: string, props: TenantBuildRoleProps) {
    const v = new PropsValidation('TenantBuildRole', props.tenantAccountId ?? 'unknown');
    // A token passes (the provisioner's own account as `stack.account`, in a one-account test): its name is then CloudFormation's join.
    v.accountId('tenantAccountId', props.tenantAccountId, { allowTokens: true });
    if (props.tenantAccountId === undefined) v.add('tenantAccountId', 'is required: the tenant account (12 digits)', props.tenantAccountId);
    if (typeof props.buildProjectArn !== 'string' || (!Token.isUnresolved(props.buildProjectArn) && !/^arn:aws[a-z-]*:codebuild:[a-z0-9-]+:\d{12}:project\/[A-Za-z0-9_-]+$/.test(props.buildProjectArn))) {
      v.add('buildProjectArn', 'must be the ARN of the provisioner\'s CodeBuild project', props.buildProjectArn);
    }
    v.pattern('qualifier', '^[A-Za-z0-9]{1,10}$', 'a CDK bootstrap qualifier: 1-10 letters or digits', props.qualifier);
    v.throwIfInvalid();
    super(scope, id);
    const q = props.qualifier ?? 'hnb659fds';
    const region = props.region ?? Stack.of(this).region;
    const account = props.tenantAccountId;
    this.tenantRoleArns = ['deploy-role', 'file-publishing-role', 'lookup-role']
      .map((r) => `arn:${Aws.PARTITION}:iam::${account}:role/cdk-${q}-${r}-${account}-${region}`);
    // CodeBuild resolves the build's TENANT_EXTERNAL_ID (PARAMETER_STORE) with this role: this account's parameters only.
    const parameters = Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: `tenant-blocks/${q}/external-id/${account}/*` });
    this.role = new iam.Role(this, 'Resource', {
      roleName: TenantBuildRole.roleNameFor(account, region),
      path: TenantBuildRole.ROLE_PATH,
      description: `cdk-tenant-blocks provisioner: builds for tenant account ${account} only`,
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com', {
        conditions: { ArnEquals: { 'aws:SourceArn': props.buildProjectArn }, StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      // In the role itself, not a policy resource of its own: a provisioner of 200 accounts stays under CloudFormation's 500 resources.
      inlinePolicies: {
        OneTenantAccount: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ sid: 'OneTenantAccount', actions: ['sts:AssumeRole'], resources: this.tenantRoleArns }),
            new iam.PolicyStatement({ sid: 'OwnExternalIds', actions: ['ssm:GetParameters'], resources: [parameters] }),
          ],
        }),
      },
      managedPolicies: [props.buildPolicy
        ?? iam.ManagedPolicy.fromManagedPolicyArn(this, 'BuildPolicy', `arn:${Aws.PARTITION}:iam::${Stack.of(this).account}:policy${ROLE_PATH}tenant-blocks-build-${q}`)],
    });
    // As cdk-nag writes a resolved ARN in a finding: pseudo parameters as <AWS::...>.
    const nag = (text: string) => text.replace(/\$\{Token\[AWS\.(Partition|Region|AccountId)\.\d+\]\}/g, '<AWS::$1>');
    Suppressions.add(this.role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'The external id parameters of this tenant account only (one per tenant of the account, named by tenant id)',
        appliesTo: [`Resource::${nag(parameters)}`],
      },
      ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
        id: `${pack}-IAMNoInlinePolicy`,
        reason: 'The role\'s own rights (its account\'s CDK roles and parameters), generated next to the names they need; an inline policy dies with its role',
      })),
    ]);
  }
}
