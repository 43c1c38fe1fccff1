import * as path from 'path';
import { Aws, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { CrossAccountLink, CrossAccountLinkProps } from '../../../src/blocks/link';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { PlatformHub } from '../../../src/platform/hub';
import { testApp, testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';

const TENANT_ENV = { account: '210987654321', region: 'us-east-1' };
const PLATFORM = '111111111111';
const CONSOLE_ROLE = `arn:aws:iam::${PLATFORM}:role/console`;
const PROVISIONER_ROLE = `arn:aws:iam::${PLATFORM}:role/platform/provisioner`;
// A fixed fixture (the snapshot holds it); real links use CrossAccountLink.generateExternalId().
const EXTERNAL_ID = '5d0c2b9e7a41f83c6e1b0a9d4f27c85e3b6a1d0f9c8e7b24';
const ORG = 'o-abcdefghij';

const BASE: CrossAccountLinkProps = {
  tenantId: 'acme',
  platformAccountId: PLATFORM,
  platformRoleArns: [CONSOLE_ROLE, PROVISIONER_ROLE],
  externalId: EXTERNAL_ID,
};

const FIXTURE = path.join(__dirname, '..', 'function', 'fixtures', 'hello');

/** The tenant's blocks next to the link: key, network, database and function (DEVELOPMENT). */
function tenantBlocks(stack: Stack, logShipping?: LogShipping) {
  const tier = TenantTier.DEVELOPMENT;
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, encryptionKey: key, logShipping });
  const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network, encryptionKey: key, logShipping });
  const fn = new TenantFunction(stack, 'App', {
    tenantId: 'acme', tier, network, encryptionKey: key, logShipping, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler',
  });
  return { key, network, database, fn };
}

/** The link's own grants: the managed policies attached to the link role. */
function linkPermissions(template: Template) {
  return Object.values(template.findResources('AWS::IAM::ManagedPolicy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Link[A-Z0-9]{8}$') }] } }));
}

function linkStack(props: Partial<CrossAccountLinkProps> = {}, env = TENANT_ENV) {
  const stack = testStack('Tenant', env);
  const link = new CrossAccountLink(stack, 'Link', { ...BASE, ...props });
  return { stack, link, template: () => Template.fromStack(stack) };
}

describe('CrossAccountLink trust', () => {
  test('trusts exactly the listed platform roles, with the external id and a source identity, for one hour', () => {
    const { template } = linkStack();
    template().hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'tenant-blocks-link-acme',
      MaxSessionDuration: 3600,
      PermissionsBoundary: { Ref: Match.stringLikeRegexp('^LinkBoundary') },
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          Effect: 'Allow',
          Principal: { AWS: [CONSOLE_ROLE, PROVISIONER_ROLE] },
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID }, Null: { 'sts:SourceIdentity': 'false' } },
        }],
      },
    });
  });

  test('adds aws:PrincipalOrgID when organizationId is given', () => {
    const { template } = linkStack({ organizationId: ORG });
    template().hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'tenant-blocks-link-acme',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          Effect: 'Allow',
          Principal: { AWS: [CONSOLE_ROLE, PROVISIONER_ROLE] },
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID, 'aws:PrincipalOrgID': ORG }, Null: { 'sts:SourceIdentity': 'false' } },
        }],
      },
    });
  });

  test('no role in the template trusts a wildcard or an account root', () => {
    const { template } = linkStack({ hub: PlatformHub.referenceFor(PLATFORM, 'us-east-1') });
    const text = JSON.stringify(template().findResources('AWS::IAM::Role'));
    expect(text).not.toMatch(/"AWS":"\*"|:root"/);
  });

  test('exposes role, roleArn, externalId and computes the role ARN the platform assumes', () => {
    const { stack, link } = linkStack();
    expect(link.externalId).toBe(EXTERNAL_ID);
    expect(stack.resolve(link.roleArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Link/), 'Arn'] });
    expect(link.role.roleArn).toBe(link.roleArn);
    expect(CrossAccountLink.roleNameFor('acme')).toBe('tenant-blocks-link-acme');
    expect(CrossAccountLink.roleArnFor('210987654321', 'acme')).toBe('arn:aws:iam::210987654321:role/tenant-blocks-link-acme');
  });
});

describe('CrossAccountLink trust hygiene', () => {
  test('generateExternalId returns 48 hex characters from a cryptographic source, different every call', () => {
    const ids = Array.from({ length: 20 }, () => CrossAccountLink.generateExternalId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{48}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // A generated id passes the link's own validation.
    expect(() => linkStack({ externalId: ids[0] })).not.toThrow();
  });
});

const DENY_STATEMENTS = [
  { Sid: 'DenyIdentityOrganizationAndRoleChaining', Effect: 'Deny', Action: ['iam:*', 'organizations:*', 'sts:*'], Resource: '*' },
  {
    Sid: 'DenyKeyAdministration',
    Effect: 'Deny',
    Action: [
      'kms:CancelKeyDeletion', 'kms:ConnectCustomKeyStore', 'kms:Create*', 'kms:Delete*', 'kms:Disable*',
      'kms:DisconnectCustomKeyStore', 'kms:Enable*', 'kms:ImportKeyMaterial', 'kms:Put*', 'kms:ReplicateKey',
      'kms:RetireGrant', 'kms:RevokeGrant', 'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion', 'kms:TagResource',
      'kms:UntagResource', 'kms:Update*',
    ],
    Resource: '*',
  },
  {
    Sid: 'DenyResourcesOfOtherAccounts',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:ResourceAccount': '210987654321' }, Null: { 'aws:ResourceAccount': 'false' } },
  },
];

/** The boundary's document (the managed policy the link role names as PermissionsBoundary). */
function boundaryDocument(stack: Stack, link: CrossAccountLink) {
  const template = Template.fromStack(stack);
  const id = stack.resolve((link.permissionsBoundary.node.defaultChild as iam.CfnManagedPolicy).logicalId);
  return template.toJSON().Resources[id].Properties.PolicyDocument;
}

describe('CrossAccountLink boundary', () => {
  test('a fresh link\'s boundary allows nothing: it only denies IAM, Organizations, STS, key administration and other accounts', () => {
    const { stack, link } = linkStack();
    expect(boundaryDocument(stack, link)).toEqual({ Version: '2012-10-17', Statement: DENY_STATEMENTS });
  });

  test('the boundary allows exactly the statements allowQuery and allowInvoke grant, on the exact resources', () => {
    const { stack, link, template } = linkStack();
    const { database, fn } = tenantBlocks(stack);
    link.allowQuery(database);
    link.allowInvoke(fn);
    const [permissions] = linkPermissions(template());
    const granted = permissions.Properties.PolicyDocument.Statement;
    expect(granted).toHaveLength(4);
    expect(boundaryDocument(stack, link)).toEqual({ Version: '2012-10-17', Statement: [...granted, ...DENY_STATEMENTS] });
    // No wildcard resource in any Allow of the boundary.
    const allows = boundaryDocument(stack, link).Statement.filter((s: { Effect: string }) => s.Effect === 'Allow');
    expect(JSON.stringify(allows)).not.toContain('*');
  });

  test('the boundary is not attached as a policy: it only limits', () => {
    const { stack, link, template } = linkStack();
    const id = stack.resolve((link.permissionsBoundary.node.defaultChild as iam.CfnManagedPolicy).logicalId);
    expect(template().toJSON().Resources[id].Properties.Roles).toBeUndefined();
  });
});

describe('CrossAccountLink guardrails', () => {
  const guardrailErrors = (stack: Stack) => Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('TenantGuardrails')).map((e) => String(e.entry.data));

  test('a link as built has no guardrail error', () => {
    const { stack } = linkStack({ hub: PlatformHub.referenceFor(PLATFORM, 'us-east-1') });
    expect(guardrailErrors(stack)).toEqual([]);
  });

  test('removing the boundary from the link role through the L1 is reported', () => {
    const { stack, link } = linkStack();
    (link.role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('PermissionsBoundary');
    expect(guardrailErrors(stack)).toEqual([
      expect.stringMatching(/^\[TenantGuardrails\] AWS::IAM::Role Tenant\/Link\/Resource\/Resource \(Link[0-9A-F]{8}\): the role must keep its permissions boundary Tenant\/Link\/Boundary .*PermissionsBoundary is missing.*\(PERMISSIONS_BOUNDARY\)$/),
    ]);
  });

  test('swapping the link boundary for a wider policy is reported', () => {
    const { stack, link } = linkStack();
    iam.PermissionsBoundary.of(link.role).apply(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));
    expect(guardrailErrors(stack)).toEqual([expect.stringMatching(/PermissionsBoundary is .*AdministratorAccess.*\(PERMISSIONS_BOUNDARY\)$/)]);
  });
});

describe('CrossAccountLink grants', () => {
  test('a link without any allow* call grants nothing', () => {
    const { template } = linkStack();
    template().resourceCountIs('AWS::IAM::Policy', 0);
    // The only managed policy is the boundary, attached to no role.
    const managed = Object.values(template().findResources('AWS::IAM::ManagedPolicy'));
    expect(managed).toHaveLength(1);
    expect(managed[0].Properties.Roles).toBeUndefined();
    template().hasResourceProperties('AWS::IAM::Role', { RoleName: 'tenant-blocks-link-acme', ManagedPolicyArns: Match.absent(), Policies: Match.absent() });
  });

  test('allowQuery grants ExecuteStatement on that cluster, GetSecretValue on its read-only secret and Decrypt of that secret through Secrets Manager', () => {
    const { stack, link, template } = linkStack();
    const { database } = tenantBlocks(stack);
    link.allowQuery(database);
    const secretRef = { Ref: expect.stringMatching(/^DbReadOnlySecret/) }; // the attached secret's ARN
    const permissions = linkPermissions(template());
    expect(permissions).toHaveLength(1);
    expect(permissions[0].Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'rds-data:ExecuteStatement',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':rds:us-east-1:210987654321:cluster:', stack.resolve(database.cluster.clusterIdentifier)]] },
        },
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretRef },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] },
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:EncryptionContext:SecretARN': secretRef } },
        },
      ],
    });
    expect(stack.resolve(database.readOnlySecret.secretArn)).toEqual(secretRef);
  });

  test('allowInvoke grants InvokeFunction on the function\'s "platform" alias only, which serves the live version', () => {
    const { stack, link, template } = linkStack();
    const { fn } = tenantBlocks(stack);
    link.allowInvoke(fn);
    const permissions = linkPermissions(template());
    expect(permissions).toHaveLength(1);
    const aliasRef = { Ref: expect.stringMatching(/^AppPlatformAlias[0-9A-F]{8}$/) };
    expect(permissions[0].Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: aliasRef }],
    });
    // The Ref of an AWS::Lambda::Alias is its qualified ARN (function:<name>:platform): neither the
    // unqualified function, nor $LATEST, nor the live alias the load balancer invokes.
    const liveAlias = stack.resolve(fn.function.functionArn).Ref;
    const aliases = template().findResources('AWS::Lambda::Alias');
    const platformId = Object.keys(aliases).find((id) => /^AppPlatformAlias/.test(id))!;
    expect(aliases[platformId].Properties).toEqual({
      Name: 'platform',
      Description: expect.stringContaining('CrossAccountLink'),
      FunctionName: aliases[liveAlias].Properties.FunctionName,
      // The same version as the live alias: the platform never runs code the load balancer does not.
      FunctionVersion: aliases[liveAlias].Properties.FunctionVersion,
    });
    expect(CrossAccountLink.INVOKE_ALIAS_NAME).toBe('platform');
  });

  test('repeating an allow* call adds nothing', () => {
    const { stack, link, template } = linkStack();
    const { fn } = tenantBlocks(stack);
    link.allowInvoke(fn);
    link.allowInvoke(fn);
    const [policy] = linkPermissions(template());
    expect(policy.Properties.PolicyDocument.Statement).toHaveLength(1);
  });
});

describe('CrossAccountLink opens only its own tenant', () => {
  /** Another tenant's blocks in the same account: globex next to acme. */
  function globexBlocks(stack: Stack) {
    const tier = TenantTier.DEVELOPMENT;
    const key = new TenantKey(stack, 'GlobexKey', { tenantId: 'globex', tier });
    const network = new TenantNetwork(stack, 'GlobexNet', { tenantId: 'globex', tier, encryptionKey: key });
    const database = new TenantPostgres(stack, 'GlobexDb', { tenantId: 'globex', tier, network, encryptionKey: key });
    const fn = new TenantFunction(stack, 'GlobexApp', {
      tenantId: 'globex', tier, network, encryptionKey: key, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler',
    });
    return { database, fn };
  }

  test('throws when allowQuery is given another tenant\'s database, naming both tenants', () => {
    const { stack, link } = linkStack();
    const { database } = globexBlocks(stack);
    expect(() => link.allowQuery(database)).toThrow(
      'CrossAccountLink of tenant "acme": allowQuery(Tenant/GlobexDb) is a TenantPostgres of tenant "globex"; a link opens only its own tenant\'s blocks',
    );
  });

  test('throws when allowInvoke is given another tenant\'s function, naming both tenants', () => {
    const { stack, link } = linkStack();
    const { fn } = globexBlocks(stack);
    expect(() => link.allowInvoke(fn)).toThrow(
      'CrossAccountLink of tenant "acme": allowInvoke(Tenant/GlobexApp) is a TenantFunction of tenant "globex"; a link opens only its own tenant\'s blocks',
    );
  });

  test('a rejected call grants nothing', () => {
    const { stack, link, template } = linkStack();
    const { database } = globexBlocks(stack);
    expect(() => link.allowQuery(database)).toThrow();
    expect(linkPermissions(template())).toHaveLength(0);
  });

  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['a plain object shaped like a database', { tenantId: 'acme', cluster: {}, readOnlySecret: {} }],
    ['a string', 'arn:aws:rds:us-east-1:210987654321:cluster:acme'],
  ])('throws when allowQuery is given %s instead of a TenantPostgres', (_name, value) => {
    const { link } = linkStack();
    expect(() => link.allowQuery(value as TenantPostgres)).toThrow('CrossAccountLink of tenant "acme": allowQuery needs a TenantPostgres');
  });

  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['a lambda function ARN', 'arn:aws:lambda:us-east-1:210987654321:function:x'],
  ])('throws when allowInvoke is given %s instead of a TenantFunction', (_name, value) => {
    const { link } = linkStack();
    expect(() => link.allowInvoke(value as TenantFunction)).toThrow('CrossAccountLink of tenant "acme": allowInvoke needs a TenantFunction');
  });
});

describe('CrossAccountLink with a hub', () => {
  const hub = PlatformHub.referenceFor(PLATFORM, 'us-east-1');
  const TRAIL = 'AWS API Call via CloudTrail';
  const ROLE = 'tenant-blocks-link-acme';

  /** Every forwarding rule of the link in us-east-1: name -> exact pattern. */
  function expectedRules(stack: Stack, link: CrossAccountLink): Array<[string, Record<string, unknown>]> {
    const policyArns = [stack.resolve(link.permissionsBoundary.managedPolicyArn)];
    return [
      ['tenant-blocks-acme-stack-status', { 'source': ['aws.cloudformation'], 'detail-type': ['CloudFormation Stack Status Change'] }],
      ['tenant-blocks-acme-rds-cluster', { 'source': ['aws.rds'], 'detail-type': ['RDS DB Cluster Event'] }],
      ['tenant-blocks-acme-backup-jobs', { 'source': ['aws.backup'], 'detail-type': ['Backup Job State Change'] }],
      ['tenant-blocks-acme-security-groups', {
        'source': ['aws.ec2'],
        'detail-type': [TRAIL],
        'detail': {
          eventSource: ['ec2.amazonaws.com'],
          eventName: [
            'AuthorizeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress', 'CreateSecurityGroup', 'DeleteSecurityGroup',
            'ModifySecurityGroupRules', 'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
          ],
        },
      }],
      ['tenant-blocks-acme-alarms', {
        'source': ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        'detail': { alarmName: [{ prefix: 'tenant-blocks-acme-' }] },
      }],
      ['tenant-blocks-acme-secret-rotations', {
        'source': ['aws.secretsmanager'],
        'detail-type': ['AWS Service Event via CloudTrail'],
        'detail': { eventSource: ['secretsmanager.amazonaws.com'], eventName: ['RotationFailed', 'RotationSucceeded'] },
      }],
      ['tenant-blocks-acme-kms-keys', {
        'source': ['aws.kms'], 'detail-type': [TRAIL], 'detail': { eventSource: ['kms.amazonaws.com'], eventName: ['DisableKey', 'ScheduleKeyDeletion'] },
      }],
      ['tenant-blocks-acme-recovery-points', {
        'source': ['aws.backup'], 'detail-type': [TRAIL], 'detail': { eventSource: ['backup.amazonaws.com'], eventName: ['DeleteRecoveryPoint'] },
      }],
      ['tenant-blocks-acme-rds-snapshots', {
        'source': ['aws.rds'], 'detail-type': [TRAIL], 'detail': { eventSource: ['rds.amazonaws.com'], eventName: ['DeleteDBClusterSnapshot', 'DeleteDBSnapshot'] },
      }],
      ['tenant-blocks-acme-rds-maintenance', {
        'source': ['aws.health'], 'detail-type': ['AWS Health Event'], 'detail': { service: ['RDS'], eventTypeCategory: ['scheduledChange'] },
      }],
      ['tenant-blocks-acme-log-subscriptions', {
        'source': ['aws.logs'], 'detail-type': [TRAIL], 'detail': { eventSource: ['logs.amazonaws.com'], eventName: ['DeleteSubscriptionFilter'] },
      }],
      ['tenant-blocks-acme-certificates', { 'source': ['aws.acm'], 'detail-type': ['ACM Certificate Approaching Expiration', 'ACM Certificate Expired'] }],
      ['tenant-blocks-acme-lambda-runtimes', {
        'source': ['aws.health'], 'detail-type': ['AWS Health Event'], 'detail': { service: ['LAMBDA'], eventTypeCode: ['AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT'] },
      }],
      ['tenant-blocks-acme-link-iam', {
        'source': ['aws.iam'],
        'detail-type': [TRAIL],
        'detail': {
          eventSource: ['iam.amazonaws.com'],
          eventName: [
            'AttachRolePolicy', 'DeleteRole', 'DeleteRolePermissionsBoundary', 'DeleteRolePolicy', 'DetachRolePolicy',
            'PutRolePermissionsBoundary', 'PutRolePolicy', 'UpdateAssumeRolePolicy', 'UpdateRole',
            'CreatePolicyVersion', 'DeletePolicy', 'DeletePolicyVersion', 'SetDefaultPolicyVersion',
          ],
          $or: [{ requestParameters: { roleName: [ROLE] } }, { requestParameters: { policyArn: policyArns } }],
        },
      }],
    ];
  }

  test('one rule per forwarded concern, each with its exact pattern, all targeting the hub bus', () => {
    const { stack, link, template } = linkStack({ hub });
    const target = [{ Arn: hub.eventBusArn, Id: 'Target0', RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LinkForwarderRole'), 'Arn'] } }];
    const rules = expectedRules(stack, link);
    template().resourceCountIs('AWS::Events::Rule', rules.length);
    for (const [name, pattern] of rules) {
      template().hasResourceProperties('AWS::Events::Rule', { Name: name, State: 'ENABLED', EventPattern: Match.exact(pattern), Targets: target });
    }
  });

  test.each(expectedRules(linkStack({ hub }).stack, linkStack({ hub }).link).map(([name]) => name))('rule %s has exactly its pattern', (name) => {
    const { stack, link, template } = linkStack({ hub });
    const expected = Object.fromEntries(expectedRules(stack, link))[name];
    const found = Object.values(template().findResources('AWS::Events::Rule', { Properties: { Name: name } }));
    expect(found).toHaveLength(1);
    expect(found[0].Properties.EventPattern).toEqual(expected);
  });

  test('after allow* calls the IAM rule also watches the Permissions policy', () => {
    const { stack, link, template } = linkStack({ hub });
    const { fn } = tenantBlocks(stack);
    link.allowInvoke(fn);
    const [rule] = Object.values(template().findResources('AWS::Events::Rule', { Properties: { Name: 'tenant-blocks-acme-link-iam' } }));
    const permissionsId = Object.keys(template().findResources('AWS::IAM::ManagedPolicy')).find((id) => /^LinkPermissions/.test(id));
    expect(rule.Properties.EventPattern.detail.$or[1]).toEqual({
      requestParameters: { policyArn: [stack.resolve(link.permissionsBoundary.managedPolicyArn), { Ref: permissionsId }] },
    });
  });

  test('outside us-east-1 there is no IAM rule (IAM delivers its events in us-east-1 only)', () => {
    const { link, template } = linkStack({ hub: PlatformHub.referenceFor(PLATFORM, 'eu-west-1') }, { account: '210987654321', region: 'eu-west-1' });
    const names = Object.values(template().findResources('AWS::Events::Rule')).map((r) => r.Properties.Name);
    expect(names).toHaveLength(13);
    expect(names).not.toContain('tenant-blocks-acme-link-iam');
    expect(link.forwardsIamChanges).toBe(false);
  });

  // Issue 24 §2: the rule that cannot exist outside us-east-1 is said at synth, never silently dropped.
  test('outside us-east-1 the synth says the IAM rule is missing, as an info (no warning, no error)', () => {
    const { stack } = linkStack({ hub: PlatformHub.referenceFor(PLATFORM, 'eu-west-1') }, { account: '210987654321', region: 'eu-west-1' });
    const annotations = Annotations.fromStack(stack);
    const infos = annotations.findInfo('/Tenant/Link', Match.stringLikeRegexp('IAM changes to the link role and its policies are not forwarded'));
    expect(infos).toHaveLength(1);
    expect(infos[0].entry.data).toContain('in eu-west-1');
    expect(infos[0].entry.data).toContain('(13 forwarding rules, not 14)');
    expect(infos[0].entry.data).toContain('delivers its CloudTrail events to EventBridge in us-east-1 only');
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });

  test('an environment-agnostic link says the region is unknown and the IAM rule is not created', () => {
    const stack = new Stack(testApp(), 'Tenant');
    new CrossAccountLink(stack, 'Link', { ...BASE, hub: PlatformHub.referenceFor(PLATFORM, 'us-east-1') });
    const infos = Annotations.fromStack(stack).findInfo('/Tenant/Link', Match.stringLikeRegexp('a region unknown at synth'));
    expect(infos).toHaveLength(1);
  });

  test('in us-east-1 the link forwards IAM changes and says nothing', () => {
    const { stack, link } = linkStack({ hub });
    expect(link.forwardsIamChanges).toBe(true);
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('IAM changes'))).toEqual([]);
  });

  test('without a hub nothing is forwarded and nothing is said about IAM', () => {
    const { stack, link } = linkStack({}, { account: '210987654321', region: 'eu-west-1' });
    expect(link.forwardsIamChanges).toBe(false);
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('IAM changes'))).toEqual([]);
  });

  test('FORWARDED_SOURCES is exactly the set of sources the rules forward', () => {
    const { template } = linkStack({ hub });
    const sources = new Set(Object.values(template().findResources('AWS::Events::Rule')).flatMap((r) => r.Properties.EventPattern.source));
    expect([...CrossAccountLink.FORWARDED_SOURCES].sort()).toEqual([...sources].sort());
  });

  test('the forwarder role can only be used by this link\'s rules and only puts events on the hub bus', () => {
    const { stack, link, template } = linkStack({ hub });
    const ruleArns = expectedRules(stack, link).map(([name]) => `arn:aws:events:us-east-1:210987654321:rule/${name}`);
    template().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '210987654321' },
            // The exact rules: a pattern would also admit tenant acme-dev's rules in this account.
            ArnEquals: { 'aws:SourceArn': ruleArns },
          },
        }],
      },
    });
    template().hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^LinkForwarderRole') }],
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: hub.eventBusArn }] },
    });
    template().resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('logShipping ships to the hub destination; without a hub it ships nothing', () => {
    expect(linkStack({ hub }).link.logShipping.destinationArn).toBe(hub.logDestinationArn);
    const bare = linkStack();
    expect(bare.link.logShipping.destinationArn).toBeUndefined();
    bare.template().resourceCountIs('AWS::Events::Rule', 0);
  });

  test('the link creates no function and no log group of its own', () => {
    const { template } = linkStack({ hub });
    template().resourceCountIs('AWS::Lambda::Function', 0);
    template().resourceCountIs('AWS::Logs::LogGroup', 0);
  });

  test('passes every compliance gate (suppressions reasoned in code) and cfn-lint, with grants', () => {
    const { stack, link } = linkStack({ hub, organizationId: ORG });
    const { database, fn } = tenantBlocks(stack, link.logShipping);
    link.allowQuery(database);
    link.allowInvoke(fn);
    const linkFindings = complianceFindings(link);
    expect(formatFindings(linkFindings)).toBe('no compliance findings');
    expectCfnLintClean(stack);
  });

  test('snapshot', () => {
    const { template } = linkStack({ hub, organizationId: ORG });
    expect(template().toJSON()).toMatchSnapshot();
  });
});

describe('CrossAccountLink props validation', () => {
  const longId = 'x1'.repeat(613);
  test.each<[string, Partial<CrossAccountLinkProps>, string]>([
    ['the tenant id is malformed', { tenantId: 'Acme!' }, "- tenantId: must be 3-31 characters of lowercase letters, digits and hyphens, starting with a letter (^[a-z][a-z0-9-]{2,30}$) (got: 'Acme!')"],
    ['the platform account is not 12 digits', { platformAccountId: '1111' }, "- platformAccountId: must be a 12-digit AWS account id (got: '1111')"],
    ['the platform account is the tenant account', { platformAccountId: '210987654321', platformRoleArns: ['arn:aws:iam::210987654321:role/console'] }, "- platformAccountId: is the tenant stack's own account (210987654321); the link opens a tenant account to a different, platform account (got: '210987654321')"],
    ['no platform role is listed', { platformRoleArns: [] }, '- platformRoleArns: list at least one platform role ARN (arn:aws:iam::<platformAccountId>:role/<name>) allowed to assume the link (got: [])'],
    ['a platform role is the account root ARN', { platformRoleArns: [`arn:aws:iam::${PLATFORM}:root`] }, `- platformRoleArns[0]: must be a role ARN, never the account root (the root would let every principal of that account that may call sts:AssumeRole in) (got: 'arn:aws:iam::${PLATFORM}:root')`],
    ['a platform role is a bare account id', { platformRoleArns: [PLATFORM] }, '- platformRoleArns[0]: must be a role ARN, never the account root'],
    ['a platform role uses a wildcard', { platformRoleArns: [`arn:aws:iam::${PLATFORM}:role/console-*`] }, `- platformRoleArns[0]: must name one role exactly: wildcards are not allowed (got: 'arn:aws:iam::${PLATFORM}:role/console-*')`],
    ['a platform role is "*"', { platformRoleArns: ['*'] }, "- platformRoleArns[0]: must name one role exactly: wildcards are not allowed (got: '*')"],
    ['a platform role is an STS session', { platformRoleArns: [`arn:aws:sts::${PLATFORM}:assumed-role/console/me`] }, '- platformRoleArns[0]: is an STS session ARN'],
    ['a platform role is a user', { platformRoleArns: [`arn:aws:iam::${PLATFORM}:user/alice`] }, `- platformRoleArns[0]: must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<optional path/><name> (got: 'arn:aws:iam::${PLATFORM}:user/alice')`],
    ['a platform role has an invalid name', { platformRoleArns: [`arn:aws:iam::${PLATFORM}:role/bad name`] }, '- platformRoleArns[0]: must be an IAM role ARN'],
    ['a platform role is in another account', { platformRoleArns: [CONSOLE_ROLE, 'arn:aws:iam::333333333333:role/console'] }, "- platformRoleArns[1]: is in account 333333333333, but only roles of platformAccountId (111111111111) may be trusted (got: 'arn:aws:iam::333333333333:role/console')"],
    ['a platform role is listed twice', { platformRoleArns: [CONSOLE_ROLE, CONSOLE_ROLE] }, `- platformRoleArns[1]: duplicates platformRoleArns[0] (got: '${CONSOLE_ROLE}')`],
    ['more than 10 platform roles are listed', { platformRoleArns: Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${PLATFORM}:role/r${i}`) }, '- platformRoleArns: lists at most 10 roles'],
    ['the external id is empty', { externalId: '' }, "- externalId: is required: 32-1224 characters of letters, digits and +=,.@:/-_ (confused-deputy protection; CrossAccountLink.generateExternalId() makes one) (got: '')"],
    ['the external id is shorter than 32 characters', { externalId: '0123456789abcdef0123456789abcde' }, "- externalId: must be 32-1224 characters of letters, digits and +=,.@:/-_ (got: '0123456789abcdef0123456789abcde')"],
    ['the external id is 16 characters (the old floor)', { externalId: 'acme-7f3c9a1e5b2' }, '- externalId: must be 32-1224 characters'],
    ['the external id is longer than 1224 characters', { externalId: longId }, '- externalId: must be 32-1224 characters of letters, digits and +=,.@:/-_ (got: \'x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1... (1226 characters)\')'],
    ['the external id has a character outside the alphabet', { externalId: '5d0c2b9e7a41f83c 6e1b0a9d4f27c85e3b6' }, "- externalId: must be 32-1224 characters of letters, digits and +=,.@:/-_ (got: '5d0c2b9e7a41f83c 6e1b0a9d4f27c85e3b6')"],
    ['the external id repeats a few characters', { externalId: 'ab'.repeat(20) }, "- externalId: uses only 2 distinct characters: not a random value; use CrossAccountLink.generateExternalId() (got: 'abababababababababababababababababababab')"],
    ['the external id is a token', { externalId: Aws.STACK_ID }, '- externalId: must be a literal string, not a token: the trust condition is checked at synth time'],
    ['the organization id is a token', { organizationId: Aws.ACCOUNT_ID }, '- organizationId: must be a literal string, not a token'],
    ['the organization id is malformed', { organizationId: 'o-SHOUT' }, "- organizationId: must be an AWS Organizations id (o- followed by 10-32 lowercase letters or digits) (got: 'o-SHOUT')"],
    ['the hub is in another region', { hub: PlatformHub.referenceFor(PLATFORM, 'eu-west-1') }, "- hub.region: must be the tenant stack's region (us-east-1): CloudWatch Logs destinations only accept log groups of their own region and events rules only target buses of their own region; deploy a PlatformHub in us-east-1 (got: 'eu-west-1')"],
    ['the hub is in another account than platformAccountId', { hub: PlatformHub.referenceFor('333333333333', 'us-east-1') }, "- hub.platformAccountId: must be platformAccountId (111111111111): the hub runs in the platform account (got: '333333333333')"],
    ['the hub platform account is not 12 digits', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), platformAccountId: '1111' } }, "- hub.platformAccountId: must be a 12-digit AWS account id (got: '1111')"],
    ['the hub platform account is missing', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), platformAccountId: undefined as unknown as string } }, '- hub.platformAccountId: is required: the 12-digit id of the platform account that runs the hub (got: undefined)'],
    ['the hub account is unknown and its bus is in another account than platformAccountId', {
      hub: { ...PlatformHub.referenceFor('333333333333', 'us-east-1'), platformAccountId: Aws.ACCOUNT_ID },
    }, "- hub.eventBusArn: is in account 333333333333, not platformAccountId (111111111111) (got: 'arn:aws:events:us-east-1:333333333333:event-bus/tenant-blocks-change-history')"],
    ['the hub event bus ARN is malformed', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), eventBusArn: 'tenant-blocks-change-history' } }, "- hub.eventBusArn: must be an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>) (got: 'tenant-blocks-change-history')"],
    ['the hub destination is in another account than the hub', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), logDestinationArn: 'arn:aws:logs:us-east-1:333333333333:destination:x' } }, "- hub.logDestinationArn: is in account 333333333333, not the hub's platform account (111111111111) (got: 'arn:aws:logs:us-east-1:333333333333:destination:x')"],
    ['the hub bus is in another region than the hub', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), eventBusArn: `arn:aws:events:eu-west-1:${PLATFORM}:event-bus/b` } }, `- hub.eventBusArn: is in region eu-west-1, not the hub's region (us-east-1) (got: 'arn:aws:events:eu-west-1:${PLATFORM}:event-bus/b')`],
  ])('throws when %s', (_name, props, message) => {
    expect(() => linkStack(props)).toThrow(message);
  });

  // From JavaScript or a JSON spec any value can arrive: a wrong type is a validation error, never a crash.
  test.each<[string, Record<string, unknown>, string]>([
    ['tenantId is a number', { tenantId: 42 }, '- tenantId: must be a string (got: 42)'],
    ['platformAccountId is a number', { platformAccountId: 111111111111 }, '- platformAccountId: must be a string of 12 digits, not a number (got: 111111111111)'],
    ['platformRoleArns is a string', { platformRoleArns: CONSOLE_ROLE }, `- platformRoleArns: must be a list of IAM role ARNs (got: '${CONSOLE_ROLE}')`],
    ['a platform role ARN is a number', { platformRoleArns: [42] }, '- platformRoleArns[0]: must be a string (an IAM role ARN) (got: 42)'],
    ['a platform role ARN is an object', { platformRoleArns: [{ arn: CONSOLE_ROLE }] }, '- platformRoleArns[0]: must be a string (an IAM role ARN)'],
    ['externalId is a number', { externalId: 1234567890 }, '- externalId: must be a string of 32-1224 characters (got: 1234567890)'],
    ['organizationId is a number', { organizationId: 5 }, '- organizationId: must be a string (got: 5)'],
    ['hub is a string', { hub: 'arn:aws:events:us-east-1:111111111111:event-bus/x' }, "- hub: must be a PlatformHubReference (PlatformHub.reference or PlatformHub.referenceFor(account, region)) (got: 'arn:aws:events:us-east-1:111111111111:event-bus/x')"],
    ['hub.eventBusArn is a number', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), eventBusArn: 7 } }, '- hub.eventBusArn: must be a string (got: 7)'],
    ['hub.region is a number', { hub: { ...PlatformHub.referenceFor(PLATFORM, 'us-east-1'), region: 1 } }, '- hub.region: must be a string (got: 1)'],
  ])('throws when %s', (_name, props, message) => {
    expect(() => linkStack(props as Partial<CrossAccountLinkProps>)).toThrow(message);
  });

  test('accepts role paths and every partition form', () => {
    expect(() => linkStack({ platformRoleArns: [`arn:aws:iam::${PLATFORM}:role/a/b.c/role+name=,.@-_1`] })).not.toThrow();
  });

  test('throws one error listing every problem, before creating anything', () => {
    const stack = testStack('Tenant', TENANT_ENV);
    expect(() => new CrossAccountLink(stack, 'Link', { ...BASE, platformAccountId: 'x', externalId: 'short', platformRoleArns: ['*'] }))
      .toThrow(/^Invalid CrossAccountLink props for tenant "acme":\n- platformAccountId: .*\n- platformRoleArns\[0\]: .*\n- externalId: .*$/);
    // Validated before super(): not even the link's own node exists.
    expect(stack.node.tryFindChild('Link')).toBeUndefined();
  });

  test('tokens pass through (one stack standing in for both accounts)', () => {
    const stack = new Stack(testStack().node.root as Construct, 'Agnostic');
    expect(() => new CrossAccountLink(stack, 'Link', {
      ...BASE,
      platformAccountId: stack.account,
      platformRoleArns: [`arn:aws:iam::${stack.account}:role/console`],
      hub: PlatformHub.referenceFor(stack.account, stack.region),
    })).not.toThrow();
  });
});

// Issue 24 §4: a hub that admits an organization needs a sender role on every subscription filter.
describe('CrossAccountLink with a hub that admits an organization (logsThroughOrganization)', () => {
  const orgHubRef = PlatformHub.referenceFor(PLATFORM, 'us-east-1');

  test('creates the sender role CloudWatch Logs checks, allowed to put to the hub destination only, and names it on every filter of its stack', () => {
    const { stack, link, template } = linkStack({ hub: orgHubRef, logsThroughOrganization: true });
    const { database } = tenantBlocks(stack, link.logShipping);
    link.allowQuery(database);
    const t = template();
    expect(link.logSenderRole).toBeDefined();
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'logs.amazonaws.com' }, Action: 'sts:AssumeRole' })] },
      Description: Match.stringLikeRegexp('^CloudWatch Logs checks that tenant acme'),
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Sid: 'SendToHubDestination', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: orgHubRef.logDestinationArn }] },
    });
    const roleId = Object.keys(t.findResources('AWS::IAM::Role')).find((id) => id.startsWith('TenantLogSenderacme'))!;
    const filters = Object.values(t.findResources('AWS::Logs::SubscriptionFilter'));
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters) expect(f.Properties.RoleArn).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });

  test('every filter naming the sender role waits for the role\'s policy (CloudWatch Logs tests the role when the filter is put)', () => {
    const { stack, link, template } = linkStack({ hub: orgHubRef, logsThroughOrganization: true });
    tenantBlocks(stack, link.logShipping);
    const t = template();
    const policyId = Object.keys(t.findResources('AWS::IAM::ManagedPolicy')).find((id) => id.startsWith('TenantLogSenderacme'))!;
    expect(policyId).toBeDefined();
    const filters = Object.entries(t.findResources('AWS::Logs::SubscriptionFilter'));
    expect(filters.length).toBeGreaterThan(0);
    for (const [id, f] of filters) expect({ id, dependsOn: f.DependsOn ?? [] }).toEqual({ id, dependsOn: expect.arrayContaining([policyId]) });
  });

  test('the sender role is CloudWatch Logs\' only on behalf of this account\'s or the hub\'s log resources (aws:SourceArn)', () => {
    const { stack, link, template } = linkStack({ hub: orgHubRef, logsThroughOrganization: true });
    tenantBlocks(stack, link.logShipping);
    const roleId = Object.keys(template().findResources('AWS::IAM::Role')).find((id) => id.startsWith('TenantLogSenderacme'))!;
    const role = template().toJSON().Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Service: 'logs.amazonaws.com' },
      Condition: {
        StringLike: {
          'aws:SourceArn': [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:us-east-1:${stack.account}:*`]] },
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:us-east-1:${PLATFORM}:*`]] },
          ],
        },
      },
    }]);
  });

  test('without it (a hub that lists the account) no sender role and no RoleArn: today\'s template', () => {
    const { stack, link, template } = linkStack({ hub: orgHubRef });
    tenantBlocks(stack, link.logShipping);
    expect(link.logSenderRole).toBeUndefined();
    expect(Object.keys(template().findResources('AWS::Logs::SubscriptionFilter')).length).toBeGreaterThan(0);
    for (const f of Object.values(template().findResources('AWS::Logs::SubscriptionFilter'))) expect(f.Properties.RoleArn).toBeUndefined();
  });

  test.each<[string, Partial<CrossAccountLinkProps>, string]>([
    ['logsThroughOrganization is given without a hub', { logsThroughOrganization: true }, "- logsThroughOrganization: needs a hub: it names a sender role on the subscription filters to the hub's log destination (got: true)"],
    ['logsThroughOrganization is not a boolean', { hub: orgHubRef, logsThroughOrganization: 'yes' as unknown as boolean }, '- logsThroughOrganization: must be true or false'],
  ])('throws when %s', (_name, props, message) => {
    expect(() => linkStack(props)).toThrow(message);
  });
});
