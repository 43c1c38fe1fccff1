import * as path from 'path';
import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PlatformConfig, PlatformFile } from './config';
import { PlatformAppSource, PlatformHub, Suppressions, TenantFunctionCode, TenantAction, TenantConsole, TenantProvisioner, TenantTier } from '../../src';
import { Tenant, TenantSpec } from '../../src/tenant';

/** Kind of stack, for the summary. */
export type StackKind = 'platform' | 'tenant';

/** A stack of the platform app, with what the summary prints about it. */
export interface PlatformStack {
  readonly stack: Stack;
  readonly kind: StackKind;
  readonly tier: string;
}

/** The platform roles that may assume the tenant links, from platform.json. */
export function platformRoleArns(platform: PlatformConfig): string[] {
  return [platform.queryConsoleRoleArn, platform.provisionerRoleArn];
}

/** Splits `arn:aws:iam::<account>:role/<path>/<name>` into path and name. */
function roleNameAndPath(arn: string): { roleName: string; path: string } {
  const resource = arn.split(':role', 2)[1] ?? '';
  const parts = resource.split('/').filter((p) => p.length > 0);
  const roleName = parts.pop();
  if (!roleName) throw new Error(`platform.json: '${arn}' is not an IAM role ARN`);
  return { roleName, path: parts.length > 0 ? `/${parts.join('/')}/` : '/' };
}

/** Props of {@link HubStack}. */
export interface HubStackProps extends StackProps {
  readonly tenantAccountIds: string[];
  readonly platform: PlatformConfig;
}

/** The platform account: the hub that receives every tenant's logs and change events. */
export class HubStack extends Stack {
  public readonly hub: PlatformHub;
  public readonly provisioner: TenantProvisioner;
  public readonly console: TenantConsole;

  constructor(scope: Construct, id: string, props: HubStackProps) {
    super(scope, id, props);
    this.hub = new PlatformHub(this, 'Hub', { tenantAccountIds: props.tenantAccountIds });
    const [consoleArn, provisionerArn] = platformRoleArns(props.platform);
    // The service around the blocks: creates, changes and destroys tenants from their specs and rolls
    // releases of this app across the fleet (docs/platform/provisioner.md). The platform's release pipeline
    // writes each release of this app as platform-app/<release>.zip into a bucket of its own.
    const releases = s3.Bucket.fromBucketName(this, 'Releases', `tenant-blocks-releases-${props.platform.account}`);
    this.provisioner = new TenantProvisioner(this, 'TenantProvisioner', {
      hub: this.hub.reference,
      appSource: PlatformAppSource.fromBucket(releases, 'platform-app/', '1.0.0'),
      tenantAccountIds: props.tenantAccountIds,
      // the platform's own services call the API (here the stand-in provisioner role below)
      // the platform's own service (the stand-in provisioner role below): every tenant, every action but
      // approving its own rollouts' waves (a release manager's role would hold APPROVE)
      apiCallers: [{
        principalArn: provisionerArn,
        allTenants: true,
        actions: Object.values(TenantAction).filter((a) => a !== TenantAction.APPROVE),
      }],
    });
    // The customers' console (docs/platform/console.md): settings from the spec's schema through the
    // provisioner's validation, history, logs per tenant, health; its own Cognito user pool.
    this.console = new TenantConsole(this, 'Console', {
      hub: this.hub,
      provisioner: this.provisioner,
      signInDomainPrefix: `tenant-console-${props.platform.account}`,
    });
    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url });
    for (const [roleId, arn] of [['QueryConsole', consoleArn], ['Provisioner', provisionerArn]]) {
      // Stand-ins for the platform's own services (the query console and the provisioner), with the
      // names and paths platform.json gives, which the tenant links trust.
      const role = new iam.Role(this, roleId, {
        ...roleNameAndPath(arn),
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
        description: `Platform ${roleId}: may assume the tenant links, nothing else in tenant accounts`,
      });
      this.hub.grantAssumeTenantLinks(role);
      if (roleId === 'Provisioner') {
        this.provisioner.grantInvokeApi(role);
        Suppressions.add(role, [{
          id: 'AwsSolutions-IAM5',
          reason: 'execute-api:Invoke on every method of the provisioner API\'s stage: what this caller may do to which tenant is its apiCallers scope, enforced by the handler',
          appliesTo: [`Resource::arn:<AWS::Partition>:execute-api:${props.platform.region}:${props.platform.account}:<TenantProvisionerApiD121A285>/<TenantProvisionerApiDeploymentStagev1D5C948C4>/*/*`],
        }]);
      }
      Suppressions.add(role, [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'sts:AssumeRole on the tenant link roles (tenant-blocks-link-<tenantId>) of the listed tenant accounts only; a new tenant must not need a platform redeploy',
          appliesTo: props.tenantAccountIds.map((a) => `Resource::arn:aws:iam::${a}:role/tenant-blocks-link-*`),
        },
        ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
          id: `${pack}-IAMNoInlinePolicy`,
          reason: 'The only policy of this stand-in platform role: sts:AssumeRole on tenant link roles, generated by PlatformHub.grantAssumeTenantLinks',
        })),
      ]);
    }
  }
}

/** Props of {@link TenantStack}. */
export interface TenantStackProps extends StackProps {
  readonly spec: TenantSpec;
  readonly platform: PlatformConfig;
  readonly externalId: string;
  readonly code: TenantFunctionCode;
}

/**
 * Everything one tenant gets, in the tenant's own account: key, network, database, app and link,
 * built from the tenant's spec in one call.
 */
export class TenantStack extends Stack {
  public readonly tenant: Tenant;

  constructor(scope: Construct, id: string, props: TenantStackProps) {
    super(scope, id, props);
    this.tenant = Tenant.fromSpec(this, 'Tenant', props.spec, {
      platformAccountId: props.platform.account,
      platformRoleArns: platformRoleArns(props.platform),
      externalId: props.externalId,
      functionCode: props.code,
      functionHandler: 'index.handler',
      // The hub's log path (the provisioner's build sets it): a sender role on every log subscription
      // when the hub admits a whole AWS Organization.
      logsThroughOrganization: process.env.TENANT_LOGS_THROUGH_ORGANIZATION === 'true',
    });
  }
}

/**
 * Builds exactly one tenant's stack (what the provisioner's build deploys for one operation).
 *
 * @param stackName the stack name the build expects (`TENANT_STACK_NAME`)
 */
export function buildTenantApp(app: App, platform: PlatformConfig, spec: TenantSpec, externalId: string, stackName?: string): TenantStack {
  return new TenantStack(app, stackName ?? `Tenant-${spec.tenantId}`, {
    spec,
    platform,
    externalId,
    code: TenantFunctionCode.fromAsset(path.join(__dirname, 'app-code')),
    env: { account: spec.account, region: spec.region ?? platform.region },
    description: `cdk-tenant-blocks tenant ${spec.tenantId} (${spec.tier})`,
    terminationProtection: spec.tier === TenantTier.PRODUCTION,
  });
}

/**
 * Builds the platform app: a hub stack in the platform account and one stack per tenant in the
 * tenant's account and region — the shape a provisioner service would run.
 */
export function buildPlatformApp(app: App, file: PlatformFile): PlatformStack[] {
  const region = file.platform.region;
  const accounts = [...new Set(file.tenants.map((t) => t.account))];
  const hub = new HubStack(app, 'Platform-Hub', {
    tenantAccountIds: accounts,
    platform: file.platform,
    env: { account: file.platform.account, region },
    description: 'cdk-tenant-blocks platform: hub (tenant logs, events, alarms) and provisioner',
    // The hub holds every tenant's audit trail.
    terminationProtection: true,
  });
  const stacks: PlatformStack[] = [{ stack: hub, kind: 'platform', tier: '-' }];
  // One code object for the whole fleet: every function gets its own asset binding.
  const code = TenantFunctionCode.fromAsset(path.join(__dirname, 'app-code'));
  for (const spec of file.tenants) {
    const stack = new TenantStack(app, `Tenant-${spec.tenantId}`, {
      spec,
      platform: file.platform,
      externalId: file.externalIds[spec.tenantId],
      code,
      // CloudWatch Logs destinations only accept log groups of their own region: a tenant without a
      // region of its own lives in the hub's region.
      env: { account: spec.account, region: spec.region ?? region },
      description: `cdk-tenant-blocks tenant ${spec.tenantId} (${spec.tier})`,
      // Deletion protection keeps a PRODUCTION database, but an accidental stack deletion would still
      // remove its app, load balancer and rotation functions: PRODUCTION stacks are not deletable.
      terminationProtection: spec.tier === TenantTier.PRODUCTION,
    });
    stacks.push({ stack, kind: 'tenant', tier: spec.tier });
  }
  return stacks;
}
