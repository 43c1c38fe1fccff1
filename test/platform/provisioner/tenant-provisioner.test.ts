import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CALLER, FIXTURE_APP, PLATFORM_ENV, TENANT_ACCOUNTS, definitionOf, provisionerStack } from './support';
import { PlatformHub } from '../../../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../../../src/platform/provisioner';
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
    test('the build may assume only the CDK deploy, file-publishing and lookup roles of the listed tenant accounts', () => {
      const assume = statements(template, 'ProvisionerBuildRole').filter((s) => JSON.stringify(s.Action).includes('sts:'));
      const role = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::*:role/cdk-hnb659fds-${name}-*-us-east-1`]] });
      // One ARN pattern per role, the accounts in the condition: the policy does not grow with the fleet.
      expect(assume).toEqual([{
        Sid: 'AssumeTenantCdkRoles',
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: [role('deploy-role'), role('file-publishing-role'), role('lookup-role')],
        Condition: { StringEquals: { 'aws:ResourceAccount': TENANT_ACCOUNTS } },
      }]);
    });

    test('no policy of the provisioner grants Action * or any IAM, Organizations or STS right beyond assuming the tenant roles', () => {
      const all = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
      const actions = all.flatMap((s) => [s.Action].flat() as string[]);
      expect(actions).not.toContain('*');
      expect(actions.filter((a) => /^(iam|organizations):/.test(a))).toEqual([]);
      expect([...new Set(actions.filter((a) => a.startsWith('sts:')))].sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    });

    test('the operation workflow reads tenant stacks only through the deploy roles (Step Functions task credentials)', () => {
      const assume = statements(template, 'ProvisionerOperationWorkflowRole').filter((s) => s.Sid === 'ReadTenantStacksWithDeployRole');
      expect(assume).toHaveLength(1);
      expect(assume[0].Action).toBe('sts:AssumeRole');
      expect(JSON.stringify(assume[0].Resource)).not.toContain('file-publishing');
      const definition = definitionOf(stack, 'ProvisionerOperationWorkflow');
      const cfnStates = Object.entries(definition.States as Record<string, any>).filter(([, s]) => String(s.Resource).includes('aws-sdk:cloudformation'));
      // Only the small answers are read by the state machine; events, the template and drifts by bounded steps.
      expect(cfnStates.map(([name]) => name).sort()).toEqual(['DescribeStack', 'DetectDrift', 'DriftDetectionStatus']);
      for (const [, state] of cfnStates) expect(state.Credentials).toEqual({ 'RoleArn.$': '$.context.deployRoleArn' });
      for (const name of ['FailedStackEvents', 'RetainedResources', 'DriftedResources']) {
        expect([name, definition.States[name].Resource]).toEqual([name, expect.stringMatching(/^arn:aws:lambda:us-east-1:111111111111:function:ProvisionerWorkflowFunction/)]);
      }
      const fnAssume = statements(template, 'ProvisionerWorkflowFunctionRole').filter((s) => s.Sid === 'ReadTenantStacksWithDeployRole');
      expect(fnAssume).toHaveLength(1);
      expect(JSON.stringify(fnAssume[0].Resource)).toContain('cdk-hnb659fds-deploy-role-*-us-east-1');
      expect(fnAssume[0].Condition).toEqual({ StringEquals: { 'aws:ResourceAccount': TENANT_ACCOUNTS } });
      expect(JSON.stringify(fnAssume[0].Resource)).not.toMatch(/file-publishing|lookup/);
    });

    test('the handlers may read and write registry items but never delete or scan them (history is append-only)', () => {
      for (const prefix of ['ProvisionerApiFunctionRole', 'ProvisionerWorkflowFunctionRole']) {
        const registry = statements(template, prefix).find((s) => s.Sid === 'Registry')!;
        expect(registry.Action).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']);
      }
      const actions = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => (p.Properties.PolicyDocument.Statement as Array<Record<string, any>>).flatMap((s) => [s.Action].flat()));
      expect(actions.filter((a) => /dynamodb:(DeleteItem|Scan|BatchWriteItem|\*)/.test(a))).toEqual([]);
    });

    test('with an organization, the role ARNs are wildcarded by account and narrowed by aws:ResourceOrgID', () => {
      const org = Template.fromStack(provisionerStack({ tenantAccountIds: undefined, organizationId: ORG }).stack);
      const [assume] = statements(org, 'ProvisionerBuildRole').filter((s) => s.Sid === 'AssumeTenantCdkRoles');
      expect(assume.Condition).toEqual({ StringEquals: { 'aws:ResourceOrgID': ORG } });
      expect(JSON.stringify(assume.Resource)).toContain(':iam::*:role/cdk-hnb659fds-deploy-role-*-us-east-1');
    });

    test('a custom bootstrap qualifier names the roles', () => {
      const custom = Template.fromStack(provisionerStack({ cdkQualifier: 'tenants01' }).stack);
      const [assume] = statements(custom, 'ProvisionerBuildRole').filter((s) => s.Sid === 'AssumeTenantCdkRoles');
      expect(JSON.stringify(assume.Resource)).toContain('cdk-tenants01-deploy-role-*-us-east-1');
    });
  });

  describe('API', () => {
    test('every method uses IAM authorization', () => {
      const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
      expect(methods).toHaveLength(11);
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
      expect(routes).toEqual([
        'DELETE /tenants/{tenantId}', 'GET /operations/{operationId}', 'GET /rollouts/{rolloutId}', 'GET /tenants', 'GET /tenants/{tenantId}',
        'GET /tenants/{tenantId}/operations', 'PATCH /tenants/{tenantId}', 'POST /rollouts', 'POST /rollouts/{rolloutId}/approval',
        'POST /tenants', 'POST /tenants/{tenantId}/drift',
      ]);
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
