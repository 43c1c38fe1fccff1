// The tenant-account bootstrap: its execution policy derived from and tested against every block's
// synthesized templates in both tiers, the boundary every created role carries, trust in one build
// role by ARN, one build reaching one tenant account, and the compliance gates.
import { App, CliCredentialsStackSynthesizer, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BlockTemplate, TENANT_ACCOUNT, blockTemplates } from './block-templates';
import { BOUNDARY_SERVICES, TENANT_PERMISSIONS_BOUNDARY_NAME, TenantAccountBootstrap, TenantBuildRole } from '../../../src/platform/bootstrap';
import { RESOURCE_TYPE_ACTIONS, ROLE_SERVICES_OF_MANAGED_POLICIES, executionActions } from '../../../src/platform/bootstrap/execution-policy';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';
import { provisionerStack } from '../provisioner/support';

const PLATFORM = '111111111111';
const buildRole = (account: string) => TenantBuildRole.roleArnFor(PLATFORM, account, 'us-east-1');
const WORKFLOW = `arn:aws:iam::${PLATFORM}:role/tenant-blocks/provisioner-workflow`;
/** The provisioner's fixed-name roles (TenantProvisioner names them so; a test below checks both sides agree). */
const PLATFORM_API = `arn:aws:iam::${PLATFORM}:role/tenant-blocks/tenant-blocks-api-hnb659fds`;
const PLATFORM_WORKFLOW = `arn:aws:iam::${PLATFORM}:role/tenant-blocks/tenant-blocks-workflow-hnb659fds`;
const PLATFORM_OPERATIONS = `arn:aws:iam::${PLATFORM}:role/tenant-blocks/tenant-blocks-operations-hnb659fds`;

function bootstrapStack(account = TENANT_ACCOUNT, props: Partial<ConstructorParameters<typeof TenantAccountBootstrap>[2]> = {}) {
  const app = new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  // No assets: deployable with the account's own credentials before anything is bootstrapped.
  const stack = new Stack(app, 'TenantBlocksBootstrap', { env: { account, region: 'us-east-1' }, synthesizer: new CliCredentialsStackSynthesizer() });
  const bootstrap = new TenantAccountBootstrap(stack, 'Bootstrap', { buildRoleArn: buildRole(account), workflowRoleArn: WORKFLOW, ...props });
  return { stack, bootstrap, template: Template.fromStack(stack).toJSON() as Record<string, any> };
}

/** Replaces the partition, account and region tokens with literals, so ARNs compare as text. */
function literal(value: any): any {
  if (Array.isArray(value)) return value.map(literal);
  if (value && typeof value === 'object') {
    if (value.Ref === 'AWS::Partition') return 'aws';
    if (value.Ref === 'AWS::Region') return 'us-east-1';
    if (value.Ref === 'AWS::AccountId') return TENANT_ACCOUNT;
    if (value['Fn::Join']) return literal(value['Fn::Join'][1]).join(value['Fn::Join'][0]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
  }
  return value;
}

interface Statement {
  Effect: string; Action?: string | string[]; Resource?: string | string[]; Condition?: Record<string, any>; Principal?: any; Sid?: string;
}
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const matches = (pattern: string, value: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);

function executionStatements(template: Record<string, any>): Statement[] {
  return Object.entries<any>(template.Resources)
    .filter(([id, r]) => r.Type === 'AWS::IAM::ManagedPolicy' && id.includes('ExecutionPolicy'))
    .flatMap(([, r]) => literal(r.Properties.PolicyDocument).Statement as Statement[]);
}

/** Whether the statements allow `action` on `resource` (no explicit deny), ignoring conditions. */
function allows(statements: Statement[], action: string, resource = '*'): boolean {
  const hit = (s: Statement) => list(s.Action).some((a) => matches(a, action)) && list(s.Resource).some((r) => matches(r, resource) || r === '*');
  return statements.some((s) => s.Effect === 'Allow' && hit(s)) && !statements.some((s) => s.Effect === 'Deny' && hit(s));
}

/** A resource of the tenant stack the action would act on (its names are CloudFormation's). */
function resourceFor(action: string): string {
  if (action.startsWith('ssm:')) return `arn:aws:ssm:us-east-1:${TENANT_ACCOUNT}:parameter/tenant-blocks/acme/manifest`;
  if (action === 'iam:CreateServiceLinkedRole') return `arn:aws:iam::${TENANT_ACCOUNT}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS`;
  if (action.includes('Policy') && !action.includes('Role')) return `arn:aws:iam::${TENANT_ACCOUNT}:policy/Tenant-acme-Policy`;
  if (action.startsWith('iam:')) return `arn:aws:iam::${TENANT_ACCOUNT}:role/Tenant-acme-TenantAppServiceRole-ABC`;
  return '*';
}

function resourcesOf(t: BlockTemplate, type: string): Array<[string, any]> {
  return Object.entries<any>(t.template.Resources).filter(([, r]) => r.Type === type);
}

describe('the execution policy is derived from the blocks\' templates', () => {
  const templates = blockTemplates();
  const types = [...new Set(templates.flatMap((t) => Object.values<any>(t.template.Resources).map((r) => r.Type)))].sort();
  const { template } = bootstrapStack();
  const statements = executionStatements(template);

  test('the table knows exactly the resource types the blocks synthesize, in both tiers', () => {
    expect(templates.map((t) => t.name)).toEqual(['initech-dev (DEVELOPMENT)', 'acme (PRODUCTION)', 'globex-org (DEVELOPMENT, logs through the organization)']);
    expect(Object.keys(RESOURCE_TYPE_ACTIONS).sort()).toEqual(types.filter((t) => !t.startsWith('Custom::')));
  });

  test.each(types)('CloudFormation may create, change, delete and read %s', (type) => {
    const missing = executionActions([type]).filter((a) => !allows(statements, a, resourceFor(a)));
    expect(missing).toEqual([]);
  });

  test.each([
    ['iam:CreatePolicy'], ['s3:CreateBucket'], ['s3:PutBucketPolicy'], ['acm:RequestCertificate'], ['cloudwatch:PutMetricAlarm'],
    ['codedeploy:CreateDeploymentGroup'], ['backup-storage:MountCapsule'], ['backup:CreateBackupVault'], ['lambda:InvokeFunction'],
  ])('the policy allows %s (the documented policy could not deploy the blocks without it)', (action) => {
    expect(allows(statements, action, resourceFor(action))).toBe(true);
  });

  test('the policy grants nothing the blocks do not use: no *, no service wildcard, no IAM users, no organizations', () => {
    const actions = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
    expect(actions.filter((a) => /^iam:.*(User|AccessKey|LoginProfile|Group)/.test(a) || a.startsWith('organizations:') || a.startsWith('sts:'))).toEqual([]);
  });

  test('every role of every template is created where the policy allows it: its path, and the boundary the CreateRole condition requires', () => {
    const create = statements.find((s) => s.Sid === 'RolesCarryTheBoundary')!;
    expect(list(create.Action)).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy']));
    const boundary = create.Condition!.StringEquals['iam:PermissionsBoundary'];
    expect(boundary).toBe(`arn:aws:iam::${TENANT_ACCOUNT}:policy/${TENANT_PERMISSIONS_BOUNDARY_NAME}`);
    const roles = templates.flatMap((t) => resourcesOf(t, 'AWS::IAM::Role').map(([id, r]) => ({ id: `${t.name} ${id}`, ...literal(r.Properties) })));
    expect(roles.length).toBeGreaterThan(20);
    for (const role of roles) {
      const arn = `arn:aws:iam::${TENANT_ACCOUNT}:role${role.Path ?? '/'}Tenant-acme-${role.id.split(' ').pop()}`;
      expect({ role: role.id, covered: list(create.Resource).some((r) => matches(r, arn)), boundary: role.PermissionsBoundary })
        .toEqual({ role: role.id, covered: true, boundary });
    }
  });

  test('roles are passed only to the services the blocks hand roles to', () => {
    const passedTo = new Set<string>();
    for (const t of templates) {
      for (const [, fn] of resourcesOf(t, 'AWS::Lambda::Function')) if (fn.Properties.Role) passedTo.add('lambda.amazonaws.com');
      for (const [, f] of resourcesOf(t, 'AWS::EC2::FlowLog')) if (f.Properties.DeliverLogsPermissionArn) passedTo.add('vpc-flow-logs.amazonaws.com');
      for (const [, s] of resourcesOf(t, 'AWS::Backup::BackupSelection')) if (s.Properties.BackupSelection.IamRoleArn) passedTo.add('backup.amazonaws.com');
      for (const [, g] of resourcesOf(t, 'AWS::CodeDeploy::DeploymentGroup')) if (g.Properties.ServiceRoleArn) passedTo.add('codedeploy.amazonaws.com');
      for (const [, f] of resourcesOf(t, 'AWS::Logs::SubscriptionFilter')) if (f.Properties.RoleArn) passedTo.add('logs.amazonaws.com');
    }
    expect(passedTo).toContain('logs.amazonaws.com');
    const pass = statements.find((s) => s.Sid === 'PassRolesToTheBlocksServices')!;
    expect(list(pass.Condition!.StringEquals['iam:PassedToService'])).toEqual(expect.arrayContaining([...passedTo]));
  });

  /** The service a resource type hands its role to (the iam:PassedToService CloudFormation's call carries). */
  const SERVICE_OF_TYPE: Record<string, string> = {
    'AWS::Lambda::Function': 'lambda.amazonaws.com',
    'AWS::EC2::FlowLog': 'vpc-flow-logs.amazonaws.com',
    'AWS::Backup::BackupSelection': 'backup.amazonaws.com',
    'AWS::CodeDeploy::DeploymentGroup': 'codedeploy.amazonaws.com',
    'AWS::Events::Rule': 'events.amazonaws.com',
    'AWS::RDS::DBCluster': 'rds.amazonaws.com',
    'AWS::RDS::DBInstance': 'rds.amazonaws.com',
    'AWS::Logs::SubscriptionFilter': 'logs.amazonaws.com',
  };

  /** Every property path of `value` whose key names a role (Role, *RoleArn, *PermissionArn) and whose value is a role of the template or a role ARN. */
  function rolePaths(value: any, roleIds: Set<string>, at = ''): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => rolePaths(v, roleIds, `${at}/${i}`));
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([k, v]) => {
      const text = JSON.stringify(v);
      const isRole = [...roleIds].some((id) => text.includes(`"${id}"`)) || /:role\//.test(text);
      return /(^Role|RoleArn|PermissionArn)$/.test(k) && isRole ? [`${at}/${k}`] : rolePaths(v, roleIds, `${at}/${k}`);
    });
  }

  test('every property that names a role (RoleArn and alike) is one CloudFormation may pass: iam:PassRole for its type, its service in iam:PassedToService', () => {
    const pass = statements.find((s) => s.Sid === 'PassRolesToTheBlocksServices')!;
    const services = list(pass.Condition!.StringEquals['iam:PassedToService']);
    const found: string[] = [];
    for (const t of templates) {
      const roleIds = new Set(resourcesOf(t, 'AWS::IAM::Role').map(([id]) => id));
      for (const [id, r] of Object.entries<any>(t.template.Resources)) {
        if (String(r.Type).startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource') continue;
        for (const at of rolePaths(r.Properties ?? {}, roleIds)) {
          found.push(`${r.Type}${at}`);
          expect({ at: `${t.name} ${id}${at}`, passRole: executionActions([r.Type]).includes('iam:PassRole'), service: services.includes(SERVICE_OF_TYPE[r.Type]) })
            .toEqual({ at: `${t.name} ${id}${at}`, passRole: true, service: true });
        }
      }
    }
    expect(found).toEqual(expect.arrayContaining(['AWS::Logs::SubscriptionFilter/RoleArn', 'AWS::Lambda::Function/Role']));
  });

  test('the boundary allows exactly the services the blocks\' roles use, and never IAM', () => {
    const used = new Set<string>();
    for (const t of templates) {
      const docs = [
        ...resourcesOf(t, 'AWS::IAM::Policy').map(([, r]) => r.Properties.PolicyDocument),
        ...resourcesOf(t, 'AWS::IAM::ManagedPolicy').map(([, r]) => r.Properties.PolicyDocument),
        ...resourcesOf(t, 'AWS::IAM::Role').flatMap(([, r]) => (r.Properties.Policies ?? []).map((p: any) => p.PolicyDocument)),
      ];
      for (const d of docs) for (const s of d.Statement) if (s.Effect === 'Allow') for (const a of list<string>(s.Action)) used.add(a.split(':')[0]);
      for (const [, r] of resourcesOf(t, 'AWS::IAM::Role')) {
        for (const arn of list<any>(r.Properties.ManagedPolicyArns).map(literal).filter((a: any) => typeof a === 'string' && a.includes(':iam::aws:policy/'))) {
          const name = arn.split(':iam::aws:policy/')[1];
          expect({ name, known: ROLE_SERVICES_OF_MANAGED_POLICIES[name] !== undefined }).toEqual({ name, known: true });
          for (const s of ROLE_SERVICES_OF_MANAGED_POLICIES[name]) used.add(s);
        }
      }
    }
    expect([...used].filter((s) => s !== 'iam' && s !== 'sts').sort()).toEqual([...BOUNDARY_SERVICES].sort());
    const boundary = Object.values<any>(bootstrapStack().template.Resources)
      .find((r) => r.Properties?.ManagedPolicyName === TENANT_PERMISSIONS_BOUNDARY_NAME);
    const deny = boundary.Properties.PolicyDocument.Statement.find((s: any) => s.Sid === 'NoIdentityChanges');
    expect(deny.Action).toEqual(expect.arrayContaining(['iam:*', 'sts:AssumeRole']));
  });

  test('each execution policy fits a managed policy (6,144 characters without whitespace)', () => {
    const policies = Object.entries<any>(template.Resources).filter(([id, r]) => r.Type === 'AWS::IAM::ManagedPolicy' && id.includes('ExecutionPolicy'));
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const [, p] of policies) expect(JSON.stringify(literal(p.Properties.PolicyDocument)).length).toBeLessThan(6144);
    const roles = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Role' && String(literal(r.Properties.RoleName)).includes('cfn-exec-role'));
    expect(roles[0].Properties.ManagedPolicyArns).toHaveLength(policies.length);
  });
});

describe('trust: the build role by ARN, nothing else', () => {
  const { template } = bootstrapStack();
  const roles = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Role').map((r) => literal(r.Properties));
  const byName = (part: string) => roles.find((r) => String(r.RoleName).includes(part))!;

  test.each(['deploy-role', 'file-publishing-role', 'lookup-role'])('%s trusts only the build role of this account', (name) => {
    const role = byName(name);
    expect(role.RoleName).toBe(`cdk-hnb659fds-${name}-${TENANT_ACCOUNT}-us-east-1`);
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: buildRole(TENANT_ACCOUNT) } }]);
  });

  test('no principal anywhere is an account root or a wildcard AWS principal', () => {
    const text = JSON.stringify(roles.map((r) => r.AssumeRolePolicyDocument));
    expect(text).not.toMatch(/:root"/);
    expect(text).not.toContain('"AWS":"*"');
  });

  test('the execution role is CloudFormation\'s alone; the observer role is the provisioner\'s workflow roles\' (by their fixed names) and reads only', () => {
    expect(byName('cfn-exec-role').AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'cloudformation.amazonaws.com' });
    const observer = byName('tenant-blocks-observer');
    expect(observer.AssumeRolePolicyDocument.Statement).toEqual([PLATFORM_WORKFLOW, PLATFORM_OPERATIONS, WORKFLOW].map((arn) => ({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: arn } })));
    expect(bootstrapStack(TENANT_ACCOUNT, { workflowRoleArn: undefined }).bootstrap.observerRole).toBeDefined();
    const policy = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::IAM::ManagedPolicy' && JSON.stringify(r.Properties.Roles ?? []).includes('ObserverRole'));
    const actions: string[] = policy.Properties.PolicyDocument.Statement.flatMap((s: any) => list(s.Action));
    expect(actions.filter((a) => !/^[a-z0-9-]+:(Describe|Get|List|Detect)/.test(a))).toEqual([]);
  });

  test('the deploy role acts on Tenant-* stacks only and passes only the execution role', () => {
    const policy = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::IAM::ManagedPolicy' && JSON.stringify(r.Properties.Roles ?? []).includes('DeployRole'));
    const st: Statement[] = literal(policy.Properties.PolicyDocument).Statement;
    expect(st.find((s) => s.Sid === 'TenantStacks')!.Resource).toBe(`arn:aws:cloudformation:us-east-1:${TENANT_ACCOUNT}:stack/Tenant-*/*`);
    expect(st.find((s) => s.Sid === 'PassTheExecutionRole')!.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^BootstrapCloudFormationExecutionRole/), 'Arn'] });
    expect(Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Policy')).toEqual([]);
  });
});

describe('a build deploys one tenant: per-account build roles', () => {
  const A = '210987654321';
  const B = '310987654321';
  const platform = new Stack(new App(), 'Platform', { env: { account: PLATFORM, region: 'us-east-1' } });
  const project = `arn:aws:codebuild:us-east-1:${PLATFORM}:project/ProvisionerBuild`;
  const roleA = new TenantBuildRole(platform, 'BuildA', { tenantAccountId: A, buildProjectArn: project });
  new TenantBuildRole(platform, 'BuildB', { tenantAccountId: B, buildProjectArn: project });
  const platformTemplate = Template.fromStack(platform).toJSON();

  /** What the build role of `account` may assume, from its identity policy. */
  function assumable(logicalPrefix: string): string[] {
    const role = Object.entries<any>(platformTemplate.Resources).find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith(logicalPrefix))![1];
    return literal(role.Properties.Policies).flatMap((p: any) => p.PolicyDocument.Statement).filter((s: any) => s.Action === 'sts:AssumeRole').flatMap((s: any) => list(s.Resource));
  }

  test('the build role of A may assume A\'s deploy, file-publishing and lookup roles, and nothing of B', () => {
    expect(assumable('BuildA')).toEqual([
      `arn:aws:iam::${A}:role/cdk-hnb659fds-deploy-role-${A}-us-east-1`,
      `arn:aws:iam::${A}:role/cdk-hnb659fds-file-publishing-role-${A}-us-east-1`,
      `arn:aws:iam::${A}:role/cdk-hnb659fds-lookup-role-${A}-us-east-1`,
    ]);
    expect(assumable('BuildA').some((r) => r.includes(B))).toBe(false);
    expect(roleA.tenantRoleArns).toHaveLength(3);
  });

  test('B\'s bootstrap trusts B\'s build role, not A\'s', () => {
    const b = bootstrapStack(B);
    const trusted = Object.values<any>(b.template.Resources).filter((r) => r.Type === 'AWS::IAM::Role')
      .flatMap((r) => r.Properties.AssumeRolePolicyDocument.Statement.flatMap((s: any) => list(s.Principal.AWS))).filter(Boolean);
    expect(new Set(trusted)).toEqual(new Set([buildRole(B), WORKFLOW, PLATFORM_API, PLATFORM_WORKFLOW, PLATFORM_OPERATIONS]));
    expect(trusted.some((t: string) => t.includes(A))).toBe(false);
  });

  test('only builds of the provisioner\'s project may take a build role, named after its account so the workflow can pick it', () => {
    const role = Object.values<any>(platformTemplate.Resources).find((r) => r.Type === 'AWS::IAM::Role')!;
    expect(role.Properties.RoleName).toBe(`tenant-blocks-build-${A}-us-east-1`);
    expect(role.Properties.Path).toBe('/tenant-blocks/build/');
    expect(TenantBuildRole.roleArnFor(PLATFORM, A, 'us-east-1')).toBe(`arn:aws:iam::${PLATFORM}:role/tenant-blocks/build/tenant-blocks-build-${A}-us-east-1`);
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0]).toEqual({
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { Service: 'codebuild.amazonaws.com' },
      Condition: { ArnEquals: { 'aws:SourceArn': project }, StringEquals: { 'aws:SourceAccount': PLATFORM } },
    });
  });

  test('a build role made at onboarding (an organization\'s account) attaches the provisioner\'s build policy by its fixed name and reads only its account\'s external ids', () => {
    const role = Object.values<any>(platformTemplate.Resources).find((r) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName.includes(A))!;
    expect(literal(role.Properties.ManagedPolicyArns)).toEqual([`arn:aws:iam::${PLATFORM}:policy/tenant-blocks/tenant-blocks-build-hnb659fds`]);
    const ssm = literal(role.Properties.Policies).flatMap((p: any) => p.PolicyDocument.Statement).filter((st: any) => list(st.Action).some((a: string) => a.startsWith('ssm:')));
    expect(ssm).toEqual([{ Sid: 'OwnExternalIds', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: `arn:aws:ssm:us-east-1:${PLATFORM}:parameter/tenant-blocks/hnb659fds/external-id/${A}/*` }]);
  });

  test('the roles the bootstrap trusts by name are exactly the roles the provisioner creates (both sides of the convention)', () => {
    const provisioner = Template.fromStack(provisionerStack().stack).toJSON();
    const created = Object.values<any>(provisioner.Resources).filter((r) => r.Type === 'AWS::IAM::Role' && typeof r.Properties.RoleName === 'string')
      .map((r) => `arn:aws:iam::${PLATFORM}:role${r.Properties.Path ?? '/'}${r.Properties.RoleName}`);
    const { template } = bootstrapStack('210987654321', { workflowRoleArn: undefined });
    const trusted = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Role')
      .flatMap((r) => r.Properties.AssumeRolePolicyDocument.Statement.flatMap((st: any) => list(st.Principal.AWS))).filter(Boolean);
    expect(trusted.length).toBeGreaterThan(3);
    for (const arn of new Set(trusted)) expect([arn, created.includes(arn)]).toEqual([arn, true]);
  });
});

describe('code push: only the provisioner, only that tenant\'s DEVELOPMENT functions', () => {
  const { template } = bootstrapStack();
  const [, role] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName === 'tenant-blocks-code-push-hnb659fds')!;
  const policy = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::IAM::ManagedPolicy' && JSON.stringify(r.Properties.Roles ?? []).includes('CodePushRole'));
  const statements: Statement[] = literal(policy.Properties.PolicyDocument).Statement;

  test('the role: path /tenant-blocks/, trusted by the API and workflow functions only, every session tagged with its tenant (and only that tag)', () => {
    expect(role.Properties.Path).toBe('/tenant-blocks/');
    const tagged = { 'StringLike': { 'aws:RequestTag/tenant': '?*' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] } };
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      ...[PLATFORM_API, PLATFORM_WORKFLOW].map((arn) => ({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: arn }, Condition: tagged })),
      { Sid: 'TenantSessionTag', Action: 'sts:TagSession', Effect: 'Allow', Principal: { AWS: [PLATFORM_API, PLATFORM_WORKFLOW] }, Condition: tagged },
    ]);
  });

  test('every change to a function is conditioned on the DEVELOPMENT tier and the session\'s tenant', () => {
    const functions = `arn:aws:lambda:us-east-1:${TENANT_ACCOUNT}:function:*`;
    expect(statements.find((st) => st.Sid === 'DevelopmentFunctionsOfTheTenant')).toEqual({
      Sid: 'DevelopmentFunctionsOfTheTenant',
      Effect: 'Allow',
      Action: ['lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionCode', 'lambda:PublishVersion', 'lambda:UpdateAlias', 'lambda:GetAlias'],
      Resource: [functions, `${functions}:*`],
      Condition: { StringEquals: { 'aws:ResourceTag/tenant-blocks:tier': 'DEVELOPMENT', 'aws:ResourceTag/tenant-blocks:tenant': '${aws:PrincipalTag/tenant}' } },
    });
    const unconditioned = statements.filter((st) => !st.Condition).flatMap((st) => list(st.Action));
    expect(unconditioned.sort()).toEqual(['cloudformation:DescribeStackResource', 'cloudformation:DescribeStackResources', 'cloudformation:GetTemplate', 'lambda:ListFunctions', 'lambda:ListTags', 's3:GetObject']);
    const writes = statements.flatMap((st) => list(st.Action)).filter((a) => !/:(Get|List|Describe)/.test(a));
    expect(writes.sort()).toEqual(['lambda:PublishVersion', 'lambda:UpdateAlias', 'lambda:UpdateFunctionCode']);
  });

  test('restoring the release\'s code reads the Tenant-* stacks and the staging bucket\'s bundles only', () => {
    expect(statements.find((st) => st.Sid === 'ReleaseCode')!.Resource).toBe(`arn:aws:cloudformation:us-east-1:${TENANT_ACCOUNT}:stack/Tenant-*/*`);
    expect(statements.find((st) => st.Sid === 'ReleaseBundles')!.Resource).toBe(`arn:aws:s3:::cdk-hnb659fds-assets-${TENANT_ACCOUNT}-us-east-1/*`);
  });

  test('the execution role can change neither the code-push role nor the observer role', () => {
    const deny = executionStatements(template).find((st) => st.Sid === 'NotTheBootstrap')!;
    expect(list(deny.Resource)).toEqual(expect.arrayContaining([
      `arn:aws:iam::${TENANT_ACCOUNT}:role/tenant-blocks/tenant-blocks-code-push-hnb659fds`,
      `arn:aws:iam::${TENANT_ACCOUNT}:role/tenant-blocks-observer-us-east-1`,
    ]));
  });
});

describe('validation', () => {
  test.each([
    ['the build role is an account root', { buildRoleArn: `arn:aws:iam::${PLATFORM}:root` }, '- buildRoleArn: must be an IAM role ARN'],
    ['the build role is a wildcard', { buildRoleArn: `arn:aws:iam::${PLATFORM}:role/*` }, '- buildRoleArn: must name one role, no wildcards'],
    ['the build role is missing', { buildRoleArn: undefined }, '- buildRoleArn: is required'],
    ['the workflow role is an account', { workflowRoleArn: PLATFORM }, '- workflowRoleArn: must be an IAM role ARN'],
    ['the qualifier is too long', { qualifier: 'much-too-long-qualifier' }, '- qualifier: must be a CDK bootstrap qualifier'],
  ])('throws when %s', (_name, props, message) => {
    expect(() => bootstrapStack(TENANT_ACCOUNT, props as any)).toThrow(message);
  });

  test('throws one error listing every problem', () => {
    expect(() => bootstrapStack(TENANT_ACCOUNT, { buildRoleArn: '*', qualifier: '' })).toThrow(/^Invalid TenantAccountBootstrap props for tenant "bootstrap":\n- buildRoleArn: .*\n- qualifier: /);
  });
});

describe('compliance', () => {
  test('cdk-nag packs and Control Tower rules: no findings', () => {
    const { stack } = bootstrapStack();
    expect(formatFindings(complianceFindings(stack))).toBe('no compliance findings');
  }, 300_000);

  test('cfn-lint clean', () => {
    expectCfnLintClean(bootstrapStack().stack);
  }, 120_000);
});
