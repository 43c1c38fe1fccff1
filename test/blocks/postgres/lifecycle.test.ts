// Issue 8 (lifecycle) and 10 (across stacks), template side: what a fresh account, a failed first
// create, a destroy and a compromised admin meet. Each test fails on the block before these fixes.
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { TenantPostgres, TenantPostgresProps } from '../../../src/blocks/postgres';
import { BreakGlass, LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { AZ_CONTEXT, TEST_ENV, testStack } from '../../support/app';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');
const TIERS = [TenantTier.DEVELOPMENT, TenantTier.PRODUCTION];

function build(props: Partial<TenantPostgresProps> = {}) {
  const stack = testStack();
  const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', logShipping: SHIPPING, ...props });
  return { stack, db, template: Template.fromStack(stack) };
}

/** Logical id -> construct path of every CloudFormation resource of the stack. */
function paths(stack: Stack): Record<string, string> {
  return Object.fromEntries(stack.node.findAll()
    .filter((c): c is CfnElement => c instanceof CfnElement)
    .map((c) => [stack.getLogicalId(c), c.node.path]));
}

const keyRef = { 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] };

describe('issue 8.13: every function of the block writes to a log group of the stack (tenant key, retention, shipped), created before it', () => {
  test.each(TIERS)('%s', (tier) => {
    const { stack, template } = build({ tier });
    const resources = template.toJSON().Resources as Record<string, any>;
    const path = paths(stack);
    const functions = Object.entries(resources).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && path[id].startsWith(`${stack.node.path}/Db/`));
    // bootstrap, rotation, regression, AWS Backup opt-in, VPC clean-up; DEVELOPMENT: the leftovers clean-up (8.14)
    expect(functions.map(([id]) => path[id].split('/')[2]).sort())
      .toEqual(tier === TenantTier.DEVELOPMENT
        ? ['BackupOptInHandler', 'Bootstrap', 'DevelopmentLeftovers', 'Regression', 'Rotation', 'VpcCleanup']
        : ['BackupOptInHandler', 'Bootstrap', 'Regression', 'Rotation', 'VpcCleanup']);
    const filters = Object.values(resources).filter((r) => r.Type === 'AWS::Logs::SubscriptionFilter');
    for (const [id, fn] of functions) {
      const groupId = fn.Properties.LoggingConfig?.LogGroup?.Ref;
      expect({ id, groupId }).toEqual({ id, groupId: expect.any(String) });
      const group = resources[groupId];
      expect(group.Type).toBe('AWS::Logs::LogGroup');
      expect(group.Properties.KmsKeyId).toEqual(keyRef);
      // a year in every tier: a tier change never shortens it (issue 21.3)
      expect(group.Properties.RetentionInDays).toBe(365);
      expect(filters.some((f) => f.Properties.LogGroupName.Ref === groupId && f.Properties.DestinationArn === SHIPPING.destinationArn)).toBe(true);
      // the group exists before the function can write (Lambda would create an unencrypted one)
      expect(JSON.stringify(fn.DependsOn ?? []) + JSON.stringify(fn.Properties)).toContain(groupId);
    }
  });

  test('no enhanced monitoring: nothing writes to the account-wide RDSOSMetrics log group', () => {
    const { template } = build();
    template.resourcePropertiesCountIs('AWS::RDS::DBInstance', { MonitoringInterval: Match.anyValue() }, 0);
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('monitoring.rds.amazonaws.com');
  });
});

describe('issue 8.4: a failed first create rolls back completely and can be retried', () => {
  test.each([
    // DEVELOPMENT has one more log group: the leftovers clean-up's (8.14)
    [TenantTier.DEVELOPMENT, 'Delete', 'Snapshot', 6],
    [TenantTier.PRODUCTION, 'RetainExceptOnCreate', 'Snapshot', 5],
  ])('%s: retained resources are RetainExceptOnCreate (log groups %s), the cluster snapshots (%s)', (tier, logPolicy, clusterPolicy, logGroups) => {
    const { template, stack } = build({ tier });
    const path = paths(stack);
    const entries = Object.entries(template.toJSON().Resources) as Array<[string, any]>;
    const resources = entries.map(([, r]) => r);
    const groups = entries.filter(([id, r]) => r.Type === 'AWS::Logs::LogGroup' && path[id].includes('/Db/') && !path[id].includes('VpcCleanup'));
    expect(groups).toHaveLength(logGroups);
    for (const [, group] of groups) {
      expect(group.DeletionPolicy).toBe(logPolicy);
    }
    // the fixed-name log group in particular
    template.hasResource('AWS::Logs::LogGroup', { Properties: { LogGroupName: Match.stringLikeRegexp('postgresql$') }, DeletionPolicy: logPolicy });
    template.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: clusterPolicy });
    // nothing of the block is plainly Retain (it would survive the rollback of a failed create); the
    // shared core resources (key, network, the clean-up's log group) are the core's (TenantLogGroup)
    const plainRetain = entries.filter(([id, r]) => r.DeletionPolicy === 'Retain' && path[id].includes('/Db/') && !path[id].includes('/VpcCleanup/')).map(([id]) => path[id]);
    expect(plainRetain).toEqual([]);
    expect(resources.length).toBeGreaterThan(0);
    template.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'RetainExceptOnCreate' });
  });
});

describe('issue 8.10: a PRODUCTION destroy does not take the database down', () => {
  test.each([
    [TenantTier.PRODUCTION, 'RetainExceptOnCreate', 2],
    [TenantTier.DEVELOPMENT, 'Delete', 1],
  ])('%s: instances DeletionPolicy %s', (tier, policy, count) => {
    const instances = Object.values(build({ tier }).template.findResources('AWS::RDS::DBInstance')) as any[];
    expect(instances).toHaveLength(count);
    for (const i of instances) expect(i.DeletionPolicy).toBe(policy);
  });
});

describe('issue 8.5: no reserved concurrency (a new account\'s quota is 10)', () => {
  test.each(TIERS)('%s', (tier) => {
    build({ tier }).template.resourcePropertiesCountIs('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.anyValue() }, 0);
  });
});

describe('issue 8.6 / 10: the key policy names no role, and grants from another stack make no cycle', () => {
  test.each(TIERS)('%s: no statement of the tenant key policy names a principal created in the stack', (tier) => {
    const { template } = build({ tier });
    const key = Object.values(template.findResources('AWS::KMS::Key'))[0] as any;
    for (const statement of key.Properties.KeyPolicy.Statement) {
      expect(JSON.stringify(statement.Principal)).not.toMatch(/Fn::GetAtt/);
    }
  });

  test('db.grantConnect(worker) and worker.connections.allowToDefaultPort(db) from an app stack synthesize without a cycle; the worker role stays out of the key policy', () => {
    const app = new App({ context: { ...AZ_CONTEXT, '@aws-cdk/core:failSynthOnValidationErrors': false } });
    const data = new Stack(app, 'Data', { env: TEST_ENV });
    const key = new TenantKey(data, 'Key', { tenantId: 'acme' });
    const network = new TenantNetwork(data, 'Network', { tenantId: 'acme', encryptionKey: key });
    const db = new TenantPostgres(data, 'Db', { tenantId: 'acme', network, encryptionKey: key });
    const appStack = new Stack(app, 'App', { env: TEST_ENV });
    const worker = new lambda.Function(appStack, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => 1'),
      vpc: network.vpc,
    });
    db.grantConnect(worker);
    worker.connections.allowToDefaultPort(db);
    expect(() => app.synth()).not.toThrow();
    const keyPolicy = JSON.stringify((Object.values(Template.fromStack(data).findResources('AWS::KMS::Key'))[0] as any).Properties.KeyPolicy);
    expect(keyPolicy).not.toMatch(/Worker/);
    expect(data.dependencies).toEqual([]);
    const policy = Template.fromStack(appStack).findResources('AWS::IAM::Policy');
    const statements = (Object.values(policy)[0] as any).Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
    }));
  });

  test('grantConnect puts the secret read and the key use (via Secrets Manager) into the grantee\'s policy only', () => {
    const stack = testStack();
    const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme' });
    const role = new iam.Role(stack, 'AppRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    db.grantConnect(role);
    const template = Template.fromStack(stack);
    const policy = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^AppRole') }] } }))[0] as any;
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: expect.stringMatching(/^DbAppSecretAttachment/) } },
      { Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } }, Effect: 'Allow', Resource: keyRef },
    ]);
    expect(JSON.stringify(template.findResources('AWS::KMS::Key'))).not.toMatch(/AppRole/);
  });
});

describe('issue 8.7: the region is opted in to AWS Backup for Aurora before the plan exists', () => {
  test('a custom resource outside the VPC, allowed only the region settings calls, before the backup plan', () => {
    const { template, stack, db } = build();
    const optIn = template.findResources('Custom::TenantBackupAuroraOptIn');
    expect(Object.keys(optIn)).toHaveLength(1);
    const optInId = Object.keys(optIn)[0];
    const fnId = (Object.values(optIn)[0] as any).Properties.ServiceToken['Fn::GetAtt'][0];
    const fn = template.toJSON().Resources[fnId];
    expect(fn.Properties.VpcConfig).toBeUndefined();
    template.hasResource('AWS::Backup::BackupPlan', { DependsOn: Match.arrayWith([optInId]) });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const policy = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))[0] as any;
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Action: ['backup:DescribeRegionSettings', 'backup:UpdateRegionSettings'], Effect: 'Allow', Resource: '*' },
    ]);
    expect(stack.resolve((db.node.findChild('BackupOptIn').node.defaultChild as CfnElement).logicalId)).toBe(optInId);
  });
});

describe('issue 8.15: PRODUCTION backups survive one compromised admin', () => {
  const breakGlass = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/tenant-blocks-break-glass']] };

  test('PRODUCTION: the vault access policy denies destroying recovery points to everyone but the break-glass role', () => {
    const vault = Object.values(build({ tier: TenantTier.PRODUCTION }).template.findResources('AWS::Backup::BackupVault'))[0] as any;
    expect(vault.Properties.AccessPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyDestroyingRecoveryPointsExceptBreakGlass',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: [
          'backup:DeleteRecoveryPoint',
          'backup:UpdateRecoveryPointLifecycle',
          'backup:PutBackupVaultAccessPolicy',
          'backup:DeleteBackupVaultAccessPolicy',
          'backup:DeleteBackupVaultLockConfiguration',
        ],
        Resource: '*',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': breakGlass } },
      }],
    });
    expect(Stack.of(build().db).resolve(BreakGlass.roleArn(build().db))).toEqual(breakGlass);
  });

  test('PRODUCTION: AWS Backup Vault Lock in governance mode (no ChangeableForDays) with a 35-day minimum retention', () => {
    const vault = Object.values(build({ tier: TenantTier.PRODUCTION }).template.findResources('AWS::Backup::BackupVault'))[0] as any;
    expect(vault.Properties.LockConfiguration).toEqual({ MinRetentionDays: 35 });
  });

  test('DEVELOPMENT: no access policy and no lock (a DEV tenant\'s backups end with their 14-day lifecycle)', () => {
    const vault = Object.values(build({ tier: TenantTier.DEVELOPMENT }).template.findResources('AWS::Backup::BackupVault'))[0] as any;
    expect(vault.Properties.AccessPolicy).toBeUndefined();
    expect(vault.Properties.LockConfiguration).toBeUndefined();
  });

  test('backupCopyVaultArn: the daily rule copies every recovery point to the platform vault (35 days)', () => {
    const arn = 'arn:aws:backup:us-east-1:210987654321:backup-vault:platform-tenants';
    const plan = Object.values(build({ backupCopyVaultArn: arn }).template.findResources('AWS::Backup::BackupPlan'))[0] as any;
    const [daily, monthly] = plan.Properties.BackupPlan.BackupPlanRule;
    expect(daily.RuleName).toBe('Daily');
    expect(daily.CopyActions).toEqual([{ DestinationBackupVaultArn: arn, Lifecycle: { DeleteAfterDays: 35 } }]);
    expect(monthly.CopyActions).toBeUndefined();
  });

  test('backupCopyVaultArn: the tenant key admits the copy vault\'s account through AWS Backup and RDS only (the copy works across accounts)', () => {
    const arn = 'arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub';
    const key = Object.values(build({ backupCopyVaultArn: arn }).template.findResources('AWS::KMS::Key'))[0] as any;
    const share = key.Properties.KeyPolicy.Statement.find((st: any) => st.Sid === 'AllowBackupCopiesTo111111111111');
    expect(share.Condition).toEqual({ StringEquals: { 'kms:ViaService': ['backup.us-east-1.amazonaws.com', 'rds.us-east-1.amazonaws.com'] } });
    expect(JSON.stringify(share.Principal)).toContain(':iam::111111111111:root');
    const without = Object.values(build().template.findResources('AWS::KMS::Key'))[0] as any;
    expect(JSON.stringify(without.Properties.KeyPolicy)).not.toContain('AllowBackupCopiesTo');
  });

  test('without backupCopyVaultArn nothing is copied', () => {
    const plan = Object.values(build().template.findResources('AWS::Backup::BackupPlan'))[0] as any;
    expect(plan.Properties.BackupPlan.BackupPlanRule.map((r: any) => r.CopyActions)).toEqual([undefined, undefined]);
  });
});
