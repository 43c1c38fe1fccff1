import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CALLER, FIXTURE_APP, PLATFORM_ENV, TENANT_ACCOUNTS, definitionOf, provisionerStack } from './support';
import { PlatformHub } from '../../../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../../../src/platform/provisioner';
import { API_ROUTES } from '../../../src/platform/provisioner/api-routes';
import { BUILD_VARIABLES } from '../../../src/platform/provisioner/buildspec';
import { testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, expectCompliant, formatFindings } from '../../support/compliance';
import { auditSuppressions } from '../../support/suppression-audit';

const ORG = 'o-abcdefghij';

function statements(template: Template, logicalIdPrefix: string): Array<Record<string, any>> {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.entries(policies).filter(([id]) => id.startsWith(logicalIdPrefix)).flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

describe('TenantProvisioner', () => {
  const { stack } = provisionerStack();
  const template = Template.fromStack(stack);

  describe('IAM', () => {
    /** Every statement of every policy (inline and managed) of the stack, with the logical id of its policy. */
    const everyStatement = (t: Template): Array<Record<string, any> & { policy: string }> => [
      ...Object.entries(t.findResources('AWS::IAM::Policy')), ...Object.entries(t.findResources('AWS::IAM::ManagedPolicy')),
    ].flatMap(([id, p]) => (p.Properties.PolicyDocument.Statement as Array<Record<string, any>>).map((st) => ({ ...st, policy: id })));
    const roleNamed = (t: Template, name: string): [string, Record<string, any>] => {
      const found = Object.entries(t.findResources('AWS::IAM::Role')).filter(([, r]) => r.Properties.RoleName === name);
      expect(found.map(([, r]) => r.Properties.RoleName)).toEqual([name]);
      return found[0];
    };

    test.each([
      ['listed accounts', {}],
      ['an organization', { tenantAccountIds: undefined, organizationId: ORG }],
    ])('no role of the platform stack may assume the CDK roles of every tenant account (%s, issue 20 §2)', (_name, overrides) => {
      const t = Template.fromStack(provisionerStack(overrides).stack);
      const assume = everyStatement(t).filter((st) => [st.Action].flat().some((a: string) => a.startsWith('sts:Assume')));
      expect(assume.length).toBeGreaterThan(0);
      for (const st of assume) expect([st.policy, JSON.stringify(st.Resource)]).toEqual([st.policy, expect.not.stringMatching(/:iam::\*:role\/cdk-/)]);
    });

    test('the project\'s own role may assume nothing: every build runs with its tenant account\'s build role', () => {
      const projectRole = statements(template, 'ProvisionerBuildRole');
      expect(projectRole.length).toBeGreaterThan(0);
      expect(projectRole.filter((st) => JSON.stringify(st.Action).includes('sts:'))).toEqual([]);
      const build = definitionOf(stack, 'ProvisionerOperationWorkflow').States.Build;
      expect(build.Parameters['ServiceRoleOverride.$']).toBe('$.context.buildRoleArn');
    });

    test.each(TENANT_ACCOUNTS)('account %s has its build role: only this project\'s builds take it, it may assume only its account\'s CDK roles and read only its account\'s external ids', (account) => {
      const [id, role] = roleNamed(template, `tenant-blocks-build-${account}-us-east-1`);
      expect(role.Properties.Path).toBe('/tenant-blocks/build/');
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'codebuild.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [expect.stringMatching(/^ProvisionerBuild[0-9A-F]{8}$/), 'Arn'] } }, StringEquals: { 'aws:SourceAccount': PLATFORM_ENV.account } },
      }]);
      expect(role.Properties.ManagedPolicyArns).toEqual([{ Ref: expect.stringMatching(/^ProvisionerBuildPolicy/) }]);
      // In the role (no policy resource of its own: 200 accounts stay under CloudFormation's 500 resources).
      expect(Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => p.Properties.Roles.some((r: any) => r.Ref === id))).toEqual([]);
      const own = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
      const arn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:role/cdk-hnb659fds-${name}-${account}-us-east-1`]] });
      expect(own).toEqual([
        { Sid: 'OneTenantAccount', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [arn('deploy-role'), arn('file-publishing-role'), arn('lookup-role')] },
        {
          Sid: 'OwnExternalIds',
          Effect: 'Allow',
          Action: 'ssm:GetParameters',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm:us-east-1:111111111111:parameter/tenant-blocks/hnb659fds/external-id/${account}/*`]] },
        },
      ]);
    });

    test('the build policy: the platform app\'s source, the build\'s log group, the provisioner key; a fixed name under /tenant-blocks/', () => {
      template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        ManagedPolicyName: 'tenant-blocks-build-hnb659fds',
        Path: '/tenant-blocks/',
        PolicyDocument: {
          Statement: [
            Match.objectLike({ Sid: 'Source', Action: ['s3:GetObject', 's3:GetObjectVersion'] }),
            Match.objectLike({ Sid: 'SourceBucket', Action: ['s3:GetBucketAcl', 's3:GetBucketLocation'] }),
            Match.objectLike({ Sid: 'BuildLogs', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProvisionerBuildLogs'), 'Arn'] } }),
            Match.objectLike({ Sid: 'ProvisionerKey', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProvisionerKey'), 'Arn'] } }),
          ],
        },
      });
    });

    test('the operation workflow may pass exactly the build roles, and only to CodeBuild', () => {
      const pass = everyStatement(template).filter((st) => [st.Action].flat().includes('iam:PassRole'));
      expect(pass).toHaveLength(1);
      expect(pass[0].policy).toMatch(/^ProvisionerOperationWorkflowRole/);
      expect(pass[0].Resource).toEqual(TENANT_ACCOUNTS.map(() => ({ 'Fn::GetAtt': [expect.stringMatching(/^ProvisionerTenantBuildRole\d{12}/), 'Arn'] })));
      expect(pass[0].Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'codebuild.amazonaws.com' } });
    });

    test('with more than 20 listed accounts, the workflow passes the build roles by their path in this account (an ARN each would outgrow the policy)', () => {
      const accounts = Array.from({ length: 21 }, (_, i) => String(200000000000 + i));
      const many = Template.fromStack(provisionerStack({ tenantAccountIds: accounts }).stack);
      const [pass] = everyStatement(many).filter((st) => [st.Action].flat().includes('iam:PassRole'));
      expect(pass.Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/tenant-blocks/build/tenant-blocks-build-*-us-east-1']] });
      expect(Object.values(many.findResources('AWS::IAM::Role')).filter((r) => String(r.Properties.RoleName ?? '').startsWith('tenant-blocks-build-'))).toHaveLength(21);
    });

    test('no policy of the provisioner grants Action * or any IAM, Organizations or STS right beyond passing the build roles and assuming tenant roles', () => {
      const actions = everyStatement(template).filter((st) => st.Effect === 'Allow').flatMap((st) => [st.Action].flat() as string[]);
      expect(actions).not.toContain('*');
      expect([...new Set(actions.filter((a) => /^(iam|organizations):/.test(a)))]).toEqual(['iam:PassRole']);
      expect([...new Set(actions.filter((a) => a.startsWith('sts:')))].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    });

    test('the workflow reads tenant stacks only with the observer roles (Step Functions task credentials and the workflow function), never a deploy role', () => {
      const definition = definitionOf(stack, 'ProvisionerOperationWorkflow');
      const cfnStates = Object.entries(definition.States as Record<string, any>).filter(([, s]) => String(s.Resource).includes('aws-sdk:cloudformation'));
      // Only the small answers are read by the state machine; events, the template and drifts by bounded steps.
      expect(cfnStates.map(([name]) => name).sort()).toEqual(['DescribeStack', 'DetectDrift', 'DriftDetectionStatus']);
      for (const [, state] of cfnStates) expect(state.Credentials).toEqual({ 'RoleArn.$': '$.context.observerRoleArn' });
      for (const name of ['FailedStackEvents', 'RetainedResources', 'DriftedResources']) {
        expect([name, definition.States[name].Resource]).toEqual([name, expect.stringMatching(/^arn:aws:lambda:us-east-1:111111111111:function:ProvisionerWorkflowFunction/)]);
      }
      const observer = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/tenant-blocks-observer-us-east-1']] };
      for (const prefix of ['ProvisionerOperationWorkflowRole', 'ProvisionerWorkflowFunctionRole']) {
        const assume = statements(template, prefix).filter((st) => st.Sid === 'ReadTenantStacksWithObserverRole');
        expect(assume).toEqual([{
          Sid: 'ReadTenantStacksWithObserverRole',
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: observer,
          Condition: { StringEquals: { 'aws:ResourceAccount': TENANT_ACCOUNTS } },
        }]);
      }
      const assumed = everyStatement(template).filter((st) => [st.Action].flat().includes('sts:AssumeRole') && !String(st.policy).startsWith('ProvisionerTenantBuildRole'));
      expect(JSON.stringify(assumed.map((st) => st.Resource))).not.toContain('deploy-role');
    });

    test('the roles the tenant accounts trust have fixed names under /tenant-blocks/ (the bootstrap names them by ARN)', () => {
      for (const [name, description] of [['tenant-blocks-api-hnb659fds', 'API'], ['tenant-blocks-workflow-hnb659fds', 'workflow steps'], ['tenant-blocks-operations-hnb659fds', 'operation workflow']]) {
        const [, role] = roleNamed(template, name);
        expect([name, role.Properties.Path, role.Properties.Description]).toEqual([name, '/tenant-blocks/', expect.stringContaining(description)]);
      }
    });

    test('the API and workflow functions may assume only the tenant accounts\' code-push role, with the tenant as a session tag', () => {
      for (const prefix of ['ProvisionerApiFunctionRole', 'ProvisionerWorkflowFunctionRole']) {
        expect(statements(template, prefix).filter((st) => st.Sid === 'CodePushRoles')).toEqual([{
          Sid: 'CodePushRoles',
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/tenant-blocks/tenant-blocks-code-push-hnb659fds']] },
          Condition: { StringEquals: { 'aws:ResourceAccount': TENANT_ACCOUNTS } },
        }]);
      }
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('provisioner: REST API'),
        Environment: { Variables: Match.objectLike({ CODE_PUSH_ROLE_NAME: 'tenant-blocks/tenant-blocks-code-push-hnb659fds', PLATFORM_ACCOUNT: PLATFORM_ENV.account }) },
      });
    });

    test('the workflow function may write and delete only the external id parameters, encrypted with the provisioner key', () => {
      const ssm = everyStatement(template).filter((st) => [st.Action].flat().some((a: string) => a.startsWith('ssm:')));
      expect(ssm.map((st) => [st.policy.replace(/[0-9A-F]{8}$/, ''), st.Action])).toEqual(expect.arrayContaining([
        ['ProvisionerWorkflowFunctionRoleDefaultPolicy', ['ssm:PutParameter', 'ssm:DeleteParameter']],
      ]));
      const put = ssm.find((st) => [st.Action].flat().includes('ssm:PutParameter'))!;
      expect(put.Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:us-east-1:111111111111:parameter/tenant-blocks/hnb659fds/external-id/*']] });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('workflow steps'),
        Environment: { Variables: Match.objectLike({ PROVISIONER_KEY_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProvisionerKey'), 'Arn'] } }) },
      });
    });

    test('the build gets the external id as a parameter name (PARAMETER_STORE), never as a value; the operation context carries none', () => {
      const build = definitionOf(stack, 'ProvisionerOperationWorkflow').States.Build;
      const variables = build.Parameters.EnvironmentVariablesOverride as Array<Record<string, string>>;
      expect(variables.find((v) => v.Name === 'TENANT_EXTERNAL_ID')).toEqual({ 'Name': 'TENANT_EXTERNAL_ID', 'Type': 'PARAMETER_STORE', 'Value.$': '$.context.externalIdParameter' });
      expect(variables.filter((v) => v.Name !== 'TENANT_EXTERNAL_ID').map((v) => v.Type)).toEqual(BUILD_VARIABLES.slice(1).map(() => 'PLAINTEXT'));
      expect(JSON.stringify(definitionOf(stack, 'ProvisionerOperationWorkflow'))).not.toMatch(/context\.externalId"|\$\.context\.externalId\b(?!Parameter)/);
    });

    test('with an organization: no build role is made here, the workflow passes any build role of this account\'s build path, the tenant roles are narrowed by aws:ResourceOrgID', () => {
      const org = Template.fromStack(provisionerStack({ tenantAccountIds: undefined, organizationId: ORG }).stack);
      expect(Object.values(org.findResources('AWS::IAM::Role')).filter((r) => String(r.Properties.RoleName ?? '').startsWith('tenant-blocks-build-'))).toEqual([]);
      const [pass] = statements(org, 'ProvisionerOperationWorkflowRole').filter((st) => st.Sid === 'PassBuildRoles');
      expect(pass.Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/tenant-blocks/build/tenant-blocks-build-*-us-east-1']] });
      const [observer] = statements(org, 'ProvisionerWorkflowFunctionRole').filter((st) => st.Sid === 'ReadTenantStacksWithObserverRole');
      expect(observer.Condition).toEqual({ StringEquals: { 'aws:ResourceOrgID': ORG } });
      const [push] = statements(org, 'ProvisionerApiFunctionRole').filter((st) => st.Sid === 'CodePushRoles');
      expect(push.Condition).toEqual({ StringEquals: { 'aws:ResourceOrgID': ORG } });
    });

    test('a custom bootstrap qualifier names the roles, the build policy and the parameters', () => {
      const custom = Template.fromStack(provisionerStack({ cdkQualifier: 'tenants01' }).stack);
      const [, buildRole] = roleNamed(custom, `tenant-blocks-build-${TENANT_ACCOUNTS[0]}-us-east-1`);
      const own = buildRole.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
      expect(JSON.stringify(own)).toContain(`cdk-tenants01-deploy-role-${TENANT_ACCOUNTS[0]}-us-east-1`);
      expect(JSON.stringify(own)).toContain(`parameter/tenant-blocks/tenants01/external-id/${TENANT_ACCOUNTS[0]}/*`);
      roleNamed(custom, 'tenant-blocks-api-tenants01');
      custom.hasResourceProperties('AWS::IAM::ManagedPolicy', { ManagedPolicyName: 'tenant-blocks-build-tenants01' });
      const [push] = statements(custom, 'ProvisionerApiFunctionRole').filter((st) => st.Sid === 'CodePushRoles');
      expect(JSON.stringify(push.Resource)).toContain('role/tenant-blocks/tenant-blocks-code-push-tenants01');
    });
  });

  describe('API', () => {
    test('every method uses IAM authorization', () => {
      const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
      expect(methods).toHaveLength(API_ROUTES.length);
      for (const m of methods) expect(m.Properties.AuthorizationType).toBe('AWS_IAM');
    });

    test('the routes', () => {
      const resources = template.findResources('AWS::ApiGateway::Resource');
      const pathOf = (id: string): string => {
        const r = resources[id];
        const parent = r.Properties.ParentId;
        return `${parent.Ref ? pathOf(parent.Ref) : ''}/${r.Properties.PathPart}`;
      };
      const routes = Object.values(template.findResources('AWS::ApiGateway::Method'))
        .map((m) => `${m.Properties.HttpMethod} ${m.Properties.ResourceId.Ref ? pathOf(m.Properties.ResourceId.Ref) : '/'}`).sort();
      // Exactly the routes the handler answers (api-routes.ts, the OpenAPI document's source).
      expect(routes).toEqual(API_ROUTES.map((r) => `${r.method} ${r.resource}`).sort());
      expect(routes).toEqual(expect.arrayContaining(['POST /tenants/{tenantId}/code', 'POST /tenants/{tenantId}/logs', 'GET /tenants/{tenantId}/logs/{queryId}']));
    });

    test('the resource policy only denies principals that are not callers (no allow: a caller\'s narrower identity policy holds)', () => {
      template.hasResourceProperties('AWS::ApiGateway::RestApi', {
        Policy: {
          Statement: [
            { Sid: 'OnlyScopedCallers', Action: 'execute-api:Invoke', Effect: 'Deny', Principal: { AWS: '*' }, Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:PrincipalArn': [CALLER] } } },
          ],
        },
      });
    });

    test('a caller of another account is also allowed by the resource policy (both policies must allow across accounts), and only it', () => {
      const foreign = 'arn:aws:iam::999999999999:role/platform/partner';
      const t = Template.fromStack(provisionerStack({
        apiCallers: [
          { principalArn: CALLER, allTenants: true, actions: [TenantAction.READ] },
          { principalArn: foreign, tenantIds: ['acme'], actions: [TenantAction.READ] },
        ],
      }).stack);
      const policyStatements = Object.values(t.findResources('AWS::ApiGateway::RestApi'))[0].Properties.Policy.Statement;
      const allow = policyStatements.filter((st: { Effect: string }) => st.Effect === 'Allow');
      expect(allow).toEqual([{ Sid: 'CallersOfOtherAccounts', Action: 'execute-api:Invoke', Effect: 'Allow', Principal: { AWS: foreign }, Resource: 'execute-api:/*' }]);
    });

    test('the handler gets the callers\' scopes and enforces them (the API function\'s environment)', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('provisioner: REST API'),
        Environment: { Variables: Match.objectLike({ API_CALLER_SCOPES: Match.stringLikeRegexp(CALLER.replace(/[/.]/g, '.')), ALLOW_SHARED_TENANT_ACCOUNTS: 'false' }) },
      });
    });

    test('grantInvokeApi gives a caller execute-api:Invoke on this API\'s stage only', () => {
      const { stack: s, provisioner } = provisionerStack();
      const role = new iam.Role(s, 'Caller', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
      provisioner.grantInvokeApi(role);
      const policyStatements = Object.values(Template.fromStack(s).findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      const invoke = policyStatements.filter((st: { Action: unknown }) => st.Action === 'execute-api:Invoke');
      expect(invoke).toHaveLength(1);
      expect(JSON.stringify(invoke[0].Resource)).toMatch(/ProvisionerApi[0-9A-F]{8}.*ProvisionerApiDeploymentStagev1[0-9A-F]{8}.*\/\*\/\*/);
    });

    test('bodies are validated and access logs are written', () => {
      template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
      template.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'v1', TracingEnabled: true, AccessLogSetting: { DestinationArn: Match.anyValue() } });
      // One permission for the whole API (the resource policy decides who calls), one per abandoned-executions rule.
      const principals = Object.values(template.findResources('AWS::Lambda::Permission')).map((p) => p.Properties.Principal).sort();
      expect(principals).toEqual(['apigateway.amazonaws.com', 'events.amazonaws.com', 'events.amazonaws.com']);
    });
  });

  describe('registry and encryption', () => {
    test('the registry: customer-managed key, point-in-time recovery, deletion protection, retained, TTL for idempotency records', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
        },
      });
      template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
    });

    test('every log group is encrypted, kept a year and retained', () => {
      const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
      // build, the two functions, the two workflows, the API's access logs
      expect(groups.length).toBe(6);
      for (const g of groups) {
        expect(g.DeletionPolicy).toBe('Retain');
        expect(g.Properties).toMatchObject({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^ProvisionerKey/), 'Arn'] } });
      }
    });

    test('workflow state and build artifacts are encrypted with the provisioner key; workflows have timeouts', () => {
      const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
      expect(machines).toHaveLength(2);
      for (const m of machines) expect(m.Properties.EncryptionConfiguration).toMatchObject({ Type: 'CUSTOMER_MANAGED_KMS_KEY' });
      template.hasResourceProperties('AWS::CodeBuild::Project', { EncryptionKey: Match.anyValue(), TimeoutInMinutes: 60, QueuedTimeoutInMinutes: 60, Environment: { PrivilegedMode: false } });
      expect(definitionOf(stack, 'ProvisionerOperationWorkflow').TimeoutSeconds).toBe(8 * 86400);
      expect(definitionOf(stack, 'ProvisionerRolloutWorkflow').TimeoutSeconds).toBe(90 * 86400);
    });
  });

  test.each([
    ['operation', '^ProvisionerOperationWorkflow', 'abandoned'],
    ['rollout', '^ProvisionerRolloutWorkflow', 'abandonedRollout'],
  ])('an %s execution that fails uncatchably, times out or is stopped is recorded through an EventBridge rule', (_kind, machine, action) => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        // FAILED too: States.DataLimitExceeded and States.Runtime end an execution without its Catch paths.
        'detail': { stateMachineArn: [{ Ref: Match.stringLikeRegexp(machine) }], status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      Targets: [Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProvisionerWorkflowFunction'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400 },
        InputTransformer: Match.objectLike({ InputTemplate: Match.stringLikeRegexp(`"action":"${action}"`) }),
      })],
    });
  });

  describe('the build', () => {
    test('gets every variable of the platform app contract from the operation context', () => {
      const build = definitionOf(stack, 'ProvisionerOperationWorkflow').States.Build;
      expect(build.Resource).toBe('arn:aws:states:::codebuild:startBuild.sync');
      expect(build.Parameters.EnvironmentVariablesOverride.map((v: any) => v.Name)).toEqual(BUILD_VARIABLES);
      expect(build.Parameters.SourceLocationOverride).toBeUndefined();
    });

    test('with release archives in a bucket, each build reads its release and may read only that prefix', () => {
      const s = testStack('Platform', PLATFORM_ENV);
      const bucket = new s3.Bucket(s, 'Releases', { enforceSSL: true });
      new TenantProvisioner(s, 'Provisioner', {
        hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
        appSource: PlatformAppSource.fromBucket(bucket, 'platform-app/', '2.4.0'),
        tenantAccountIds: TENANT_ACCOUNTS,
        apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
      });
      const build = definitionOf(s, 'ProvisionerOperationWorkflow').States.Build;
      expect(build.Parameters).toMatchObject({ 'SourceLocationOverride.$': '$.context.sourceLocation', 'SourceTypeOverride': 'S3' });
      Template.fromStack(s).hasResourceProperties('AWS::CodeBuild::Project', { Source: { Type: 'S3', Location: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/platform-app/2.4.0.zip'])] }) } });
      const fn = Template.fromStack(s).findResources('AWS::Lambda::Function');
      const env = Object.values(fn).map((f) => f.Properties.Environment?.Variables).find((v) => v?.APP_SOURCE_PREFIX !== undefined);
      expect(env).toMatchObject({ APP_SOURCE_PREFIX: 'platform-app/', DEFAULT_RELEASE: '2.4.0' });
    });
  });

  describe('the hub\'s log path in the platform app contract (TENANT_LOGS_THROUGH_ORGANIZATION)', () => {
    const projectVariables = (t: Template) => Object.values(t.findResources('AWS::CodeBuild::Project'))[0].Properties.Environment.EnvironmentVariables;

    test('a hub that lists the accounts: every build gets false', () => {
      expect(projectVariables(template)).toEqual(expect.arrayContaining([{ Name: 'TENANT_LOGS_THROUGH_ORGANIZATION', Type: 'PLAINTEXT', Value: 'false' }]));
    });

    test.each([
      ['the hub admits an organization (logHub)', (s: Stack) => ({ logHub: new PlatformHub(s, 'Hub', { organizationId: ORG }) })],
      ['logsThroughOrganization is set', () => ({ logsThroughOrganization: true })],
    ])('%s: every build gets true (the app names the sender role on its log subscriptions)', (_name, extra) => {
      const s = testStack('Platform', PLATFORM_ENV);
      new TenantProvisioner(s, 'Provisioner', {
        hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
        appSource: PlatformAppSource.fromAsset(FIXTURE_APP),
        tenantAccountIds: TENANT_ACCOUNTS,
        apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
        ...extra(s),
      });
      expect(projectVariables(Template.fromStack(s))).toEqual(expect.arrayContaining([{ Name: 'TENANT_LOGS_THROUGH_ORGANIZATION', Type: 'PLAINTEXT', Value: 'true' }]));
    });
  });

  describe('the API\'s release check (HeadObject of <prefix><release>.zip)', () => {
    test('with release archives in a bucket, the API role may read the archives under the prefix and list only that prefix (a missing release answers 404, not 403)', () => {
      const s = testStack('Platform', PLATFORM_ENV);
      const bucket = s3.Bucket.fromBucketName(s, 'Releases', 'acme-platform-releases');
      new TenantProvisioner(s, 'Provisioner', {
        hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
        appSource: PlatformAppSource.fromBucket(bucket, 'platform-app/', '2.4.0'),
        tenantAccountIds: TENANT_ACCOUNTS,
        apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
      });
      const api = statements(Template.fromStack(s), 'ProvisionerApiFunctionRole');
      expect(api).toEqual(expect.arrayContaining([
        expect.objectContaining({ Sid: 'ReadReleaseArchives', Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::acme-platform-releases/platform-app/*']] } }),
        expect.objectContaining({
          Sid: 'FindReleaseArchives',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::acme-platform-releases']] },
          Condition: { StringLike: { 's3:prefix': 'platform-app/*' } },
        }),
      ]));
    });

    test('with the app as an asset, the API role reads nothing in S3 (there is one release and the API checks none)', () => {
      expect(statements(template, 'ProvisionerApiFunctionRole').filter((st) => [st.Action].flat().some((a: string) => a.startsWith('s3:')))).toEqual([]);
    });
  });

  describe('logs for the CLI (logHub)', () => {
    test('without a hub the API has no log access (the log routes answer 501)', () => {
      const fn = Object.values(template.findResources('AWS::Lambda::Function')).find((f) => String(f.Properties.Description).includes('REST API'))!;
      expect(fn.Properties.Environment.Variables.HUB_LOG_ACCESS).toBeUndefined();
      expect(JSON.stringify(statements(template, 'ProvisionerApiFunctionRole'))).not.toContain('athena:');
    });

    test('with the hub, the API function may run the hub\'s queries, and passes the gates', () => {
      const s = testStack('Platform', PLATFORM_ENV);
      const hub = new PlatformHub(s, 'Hub', { tenantAccountIds: TENANT_ACCOUNTS });
      new TenantProvisioner(s, 'Provisioner', {
        hub: hub.reference,
        appSource: PlatformAppSource.fromAsset(FIXTURE_APP),
        tenantAccountIds: TENANT_ACCOUNTS,
        apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
        logHub: hub,
      });
      const t = Template.fromStack(s);
      t.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('REST API'), Environment: { Variables: Match.objectLike({ HUB_LOG_ACCESS: 'true' }) } });
      const actions = statements(t, 'ProvisionerApiFunctionRole').flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['athena:StartQueryExecution', 'athena:GetQueryResults', 's3:GetObject']));
      const findings = complianceFindings(s).filter((f) => f.resourcePath.includes('/Provisioner/'));
      expect(formatFindings(findings)).toBe('no compliance findings');
    });
  });

  describe('compliance', () => {
    test.each([
      ['listed accounts', {}],
      ['an organization', { tenantAccountIds: undefined, organizationId: ORG }],
    ])('passes every gate and cfn-lint with %s', (_name, overrides) => {
      const s = provisionerStack(overrides).stack;
      expectCompliant(s);
      expectCfnLintClean(s);
    });

    test.each([
      ['imported by name', (st: Stack) => s3.Bucket.fromBucketName(st, 'Releases', 'acme-platform-releases')],
      ['of the same stack', (st: Stack) => new s3.Bucket(st, 'Releases', { enforceSSL: true, encryption: s3.BucketEncryption.S3_MANAGED })],
    ])('passes the gates with release archives in a bucket %s (the build reads only that prefix)', (_name, bucketOf) => {
      const s = testStack('Platform', PLATFORM_ENV);
      new TenantProvisioner(s, 'Provisioner', {
        hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
        appSource: PlatformAppSource.fromBucket(bucketOf(s), 'platform-app/', '2.4.0'),
        tenantAccountIds: TENANT_ACCOUNTS,
        apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
      });
      const findings = complianceFindings(s).filter((f) => f.resourcePath.includes('/Provisioner/'));
      expect(formatFindings(findings)).toBe('no compliance findings');
    });

    test('every suppression suppresses a finding', () => {
      for (const overrides of [{}, { tenantAccountIds: undefined, organizationId: ORG }]) {
        const { recorded, unused } = auditSuppressions(() => provisionerStack(overrides).stack, { sources: ['platform/provisioner/'] });
        expect(recorded.length).toBeGreaterThan(10);
        expect(unused).toEqual([]);
      }
    });
  });

  describe('validation', () => {
    const base = {
      hub: PlatformHub.referenceFor(PLATFORM_ENV.account, PLATFORM_ENV.region),
      appSource: PlatformAppSource.fromAsset(FIXTURE_APP),
      tenantAccountIds: TENANT_ACCOUNTS,
      apiCallers: [{ principalArn: CALLER, allTenants: true, actions: Object.values(TenantAction) }],
    };
    test.each([
      ['neither accounts nor an organization', { tenantAccountIds: undefined }, 'tenantAccountIds: list the tenant accounts the provisioner may deploy to, or give organizationId (one is required)'],
      ['both accounts and an organization', { organizationId: ORG }, 'organizationId: give tenantAccountIds or organizationId, not both'],
      ['a malformed account', { tenantAccountIds: ['12345'] }, "tenantAccountIds[0]: must be a 12-digit AWS account id (got: '12345')"],
      ['a duplicated account', { tenantAccountIds: ['210987654321', '210987654321'] }, 'tenantAccountIds[1]: duplicates tenantAccountIds[0]'],
      ['a malformed organization', { tenantAccountIds: undefined, organizationId: 'org-1' }, 'organizationId: must be an AWS Organizations id'],
      ['a bad qualifier', { cdkQualifier: 'my_qualifier!' }, 'cdkQualifier: must be a CDK bootstrap qualifier'],
      ['no callers', { apiCallers: [] }, 'apiCallers: list the callers of the API and what each may do (at least one scope)'],
      ['a caller that is a session, not a role', { apiCallers: [{ principalArn: 'arn:aws:sts::111111111111:assumed-role/x/y', allTenants: true, actions: [TenantAction.READ] }] }, 'must name the role (arn:aws:iam::<account>:role/<name>), not one of its sessions'],
      ['a wildcard caller', { apiCallers: [{ principalArn: 'arn:aws:iam::111111111111:role/*', allTenants: true, actions: [TenantAction.READ] }] }, 'must name one principal, no wildcards'],
      ['a rollout scope over some tenants only', { apiCallers: [{ principalArn: CALLER, tenantIds: ['acme'], actions: [TenantAction.ROLLOUT] }] }, 'apiCallers[0]'],
      ['concurrency 0', { defaultMaxConcurrency: 0 }, 'defaultMaxConcurrency: must be between 1 and 1000, a whole number'],
      ['logsThroughOrganization that is not a boolean', { logsThroughOrganization: 'yes' as unknown as boolean }, 'logsThroughOrganization: must be true or false'],
      ['tolerance over 100', { defaultToleratedFailurePercentage: 120 }, 'defaultToleratedFailurePercentage: must be between 0 and 100, a whole number'],
      ['a 5-minute build', { buildTimeout: Duration.minutes(5) }, 'buildTimeout: must be between 10 minutes and 8 hours'],
      ['a bad release label', { appSource: PlatformAppSource.fromAsset(FIXTURE_APP, 'v 1') }, 'appSource: the release label must be 1-64 of'],
    ])('throws when %s', (_name, overrides, message) => {
      const s = new Stack(undefined, 'S', { env: PLATFORM_ENV });
      expect(() => new TenantProvisioner(s, 'P', { ...base, ...overrides } as any)).toThrow(message);
    });

    test('throws one error listing every problem, before creating anything', () => {
      const s = new Stack(undefined, 'S', { env: PLATFORM_ENV });
      let message = '';
      try {
        new TenantProvisioner(s, 'P', { ...base, tenantAccountIds: ['1'], apiCallers: [], defaultMaxConcurrency: 0 });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
      // Validated before super(): not even the provisioner's own construct exists.
      expect(s.node.tryFindChild('P')).toBeUndefined();
    });
  });
});

// The fixture app path is used by the asset source.
void path;

test('the workflows log every transition without its data: no spec or link external id in a log (issue 19 §4)', () => {
  const template = Template.fromStack(provisionerStack().stack);
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  expect(machines).toHaveLength(2);
  for (const m of machines) {
    expect(m.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
  }
});
