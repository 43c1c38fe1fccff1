// Issue 8.14: DEVELOPMENT leftovers have an end of life. Template tests of DevelopmentLeftovers on
// its own (schedule, handler, log group, IAM tag conditions, the stack-id marks, compliance) and as a
// DEVELOPMENT TenantPostgres adds it (PRODUCTION never does).
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { DevelopmentLeftovers, TenantPostgres } from '../../../src/blocks/postgres';
import { LogShipping, TenantKey, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';
import { cfnLint, formatCfnLint } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';
import { functionLogGroupProblems } from '../../support/log-groups';
import { auditSuppressions } from '../../support/suppression-audit';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');
const STACK_ID = { Ref: 'AWS::StackId' };
const ONLY_DEV_LEFTOVERS_OF_ACME = {
  StringEquals: { 'aws:ResourceTag/tenant-blocks:tenant': 'acme', 'aws:ResourceTag/tenant-blocks:tier': 'DEVELOPMENT' },
  Null: { 'aws:ResourceTag/tenant-blocks:keep': 'true' },
};

/** A stack with a DEVELOPMENT key, a vault and a cluster, and the construct that marks them. */
function leftoversStack(tier = TenantTier.DEVELOPMENT, stack: Stack = testStack()) {
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  const vault = new backup.BackupVault(stack, 'Vault', { encryptionKey: key.key });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const cluster = new rds.DatabaseCluster(stack, 'Cluster', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_17_9 }),
    writer: rds.ClusterInstance.serverlessV2('Writer'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    copyTagsToSnapshot: true,
  });
  const leftovers = new DevelopmentLeftovers(stack, 'Leftovers', { tenantId: 'acme', encryptionKey: key, logShipping: SHIPPING, backupVault: vault, cluster });
  return { stack, key, leftovers, template: Template.fromStack(stack) };
}

describe('DevelopmentLeftovers', () => {
  test('runs its handler once a day from an EventBridge schedule', () => {
    const { template } = leftoversStack();
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LeftoversHandler'), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LeftoversSchedule'), 'Arn'] },
    });
  });

  test('a failed run raises an alarm the CrossAccountLink forwards (tenant-blocks-<tenantId>-...)', () => {
    const { template } = leftoversStack();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: Match.stringLikeRegexp('^tenant-blocks-acme-[0-9a-f]{8}-leftovers$'),
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^LeftoversHandler') } }],
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  test('the handler runs outside the VPC, knows only its tenant, account and the 14 days', () => {
    const { template } = leftoversStack();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Environment: { Variables: Match.objectLike({ TENANT_ID: 'acme', ACCOUNT_ID: '123456789012', SNAPSHOT_MIN_AGE_DAYS: '14' }) },
      VpcConfig: Match.absent(),
      ReservedConcurrentExecutions: Match.absent(),
    });
  });

  test('the handler\'s role has no AWS managed policy and writes its own log group only (issue 9.6)', () => {
    const { template } = leftoversStack();
    const roles = template.findResources('AWS::IAM::Role', { Properties: { Description: 'DevelopmentLeftovers handler of tenant acme' } });
    expect(Object.keys(roles)).toHaveLength(1);
    expect(JSON.stringify(Object.values(roles)[0].Properties.ManagedPolicyArns)).not.toContain(':aws:policy/');
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LeftoversLogs'), 'Arn'] } }] },
    });
  });

  test('every function has its log group first, encrypted with the tenant key, with a retention, shipped (issue 8.13)', () => {
    const { template, key, stack } = leftoversStack();
    expect(functionLogGroupProblems(template, { shipped: true })).toEqual([]);
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [stack.getLogicalId(key.key.node.defaultChild as any), 'Arn'] },
      // a year: it records what was deleted (issue 21.3)
      RetentionInDays: 365,
    });
  });

  test('deletes only under tag conditions: this tenant, tier DEVELOPMENT, no keep tag; keys with a 7-day window only', () => {
    const { template } = leftoversStack();
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement as any[]);
    const bySid = Object.fromEntries(statements.filter((s) => s.Sid).map((s) => [s.Sid, s]));
    expect(bySid.DeleteDevelopmentSnapshots).toEqual(expect.objectContaining({
      Action: 'rds:DeleteDBClusterSnapshot',
      Condition: ONLY_DEV_LEFTOVERS_OF_ACME,
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':rds:us-east-1:123456789012:cluster-snapshot:*']] },
    }));
    expect(bySid.DeleteDevelopmentVaults).toEqual(expect.objectContaining({ Action: 'backup:DeleteBackupVault', Condition: ONLY_DEV_LEFTOVERS_OF_ACME }));
    expect(bySid.ScheduleDevelopmentKeyDeletion).toEqual(expect.objectContaining({
      Action: 'kms:ScheduleKeyDeletion',
      Condition: { ...ONLY_DEV_LEFTOVERS_OF_ACME, NumericEquals: { 'kms:ScheduleKeyDeletionPendingWindowInDays': 7 } },
    }));
    // nothing else that deletes or changes anything: no recovery point deletion, no other write
    const writes = statements.flatMap((s) => [s.Action].flat()).filter((a: string) => !/^(rds:Describe|backup:List|kms:List|kms:Describe|cloudformation:DescribeStacks|logs:)/.test(a));
    expect(writes.sort()).toEqual(['backup:DeleteBackupVault', 'kms:ScheduleKeyDeletion', 'rds:DeleteDBClusterSnapshot']);
  });

  test('reads what the clean-up reads, including the second look at a snapshot another run is deleting, and any stack of its account', () => {
    const { template } = leftoversStack();
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement as any[]);
    const bySid = Object.fromEntries(statements.filter((s) => s.Sid).map((s) => [s.Sid, s]));
    expect(bySid.ReadInventory.Action).toEqual([
      'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusters', 'rds:DescribeDBClusterAutomatedBackups',
      'backup:ListBackupVaults', 'backup:ListRecoveryPointsByBackupVault', 'backup:ListTags',
      'kms:ListKeys', 'kms:ListResourceTags', 'kms:DescribeKey',
    ]);
    // both stack ids a leftover names (ours and CloudFormation's) are stacks of this account and region
    expect(bySid.DescribeStacksOfThisAccount).toEqual(expect.objectContaining({
      Action: 'cloudformation:DescribeStacks',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudformation:us-east-1:123456789012:stack/*/*']] },
    }));
  });

  test('marks the vault, the cluster (copied to its final snapshot) and the key with their stack id; the key with its tenant and tier', () => {
    const { template } = leftoversStack();
    template.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultTags: Match.objectLike({ 'tenant-blocks:stack-id': STACK_ID }) });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      CopyTagsToSnapshot: true,
      Tags: Match.arrayWith([{ Key: 'tenant-blocks:stack-id', Value: STACK_ID }]),
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      Tags: Match.arrayWith([
        { Key: 'tenant-blocks:stack-id', Value: STACK_ID },
        { Key: 'tenant-blocks:tenant', Value: 'acme' },
        { Key: 'tenant-blocks:tier', Value: 'DEVELOPMENT' },
      ]),
    });
    // the instances carry no stack id (only the cluster's snapshot needs it)
    for (const instance of Object.values(template.findResources('AWS::RDS::DBInstance'))) {
      expect(JSON.stringify(instance.Properties.Tags ?? [])).not.toContain('tenant-blocks:stack-id');
    }
  });

  test('a PRODUCTION key given to it is tagged PRODUCTION, so it is never scheduled for deletion', () => {
    const { template } = leftoversStack(TenantTier.PRODUCTION);
    template.hasResourceProperties('AWS::KMS::Key', { Tags: Match.arrayWith([{ Key: 'tenant-blocks:tier', Value: 'PRODUCTION' }]) });
  });

  test.each<[string, () => void, string]>([
    ['the tenant id is invalid', () => {
      const stack = testStack();
      new DevelopmentLeftovers(stack, 'L', { tenantId: 'Not Valid', encryptionKey: new TenantKey(stack, 'K', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT }) });
    }, 'Invalid DevelopmentLeftovers props for tenant "Not Valid":\n- tenantId:'],
    ['the key belongs to another tenant', () => {
      const stack = testStack();
      new DevelopmentLeftovers(stack, 'L', { tenantId: 'acme', encryptionKey: new TenantKey(stack, 'K', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT }) });
    }, '- encryptionKey: belongs to tenant "globex", not "acme"'],
  ])('throws when %s', (_name, build, message) => {
    expect(build).toThrow(message);
  });

  test('passes every compliance gate (cdk-nag x4, Control Tower) and cfn-lint', () => {
    const { stack } = leftoversStack();
    const own = complianceFindings(stack).filter((f) => f.resourcePath.includes('/Leftovers/'));
    expect(formatFindings(own)).toBe('no compliance findings');
    const lint = cfnLint(stack);
    expect(formatCfnLint([...lint.errors, ...lint.warnings])).toBe('');
  });

  test('every suppression it adds suppresses a finding', () => {
    const { recorded, unused } = auditSuppressions(() => leftoversStack(TenantTier.DEVELOPMENT, testStack('Audit')).stack, { sources: ['blocks/postgres/development-leftovers'] });
    expect(recorded.length).toBeGreaterThan(5);
    expect(unused).toEqual([]);
  });
});

describe('TenantPostgres', () => {
  test('DEVELOPMENT adds the daily clean-up: schedule, handler of its tenant, and the handler\'s log group with the tenant key', () => {
    const stack = testStack();
    const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, logShipping: SHIPPING });
    const leftovers = db.node.tryFindChild('DevelopmentLeftovers');
    expect(leftovers).toBeInstanceOf(DevelopmentLeftovers);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ TENANT_ID: 'acme' }) }, VpcConfig: Match.absent() });
    expect(functionLogGroupProblems(template, { shipped: true })).toEqual([]);
    template.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultTags: Match.objectLike({ 'tenant-blocks:stack-id': STACK_ID }) });
    template.hasResourceProperties('AWS::RDS::DBCluster', { Tags: Match.arrayWith([{ Key: 'tenant-blocks:stack-id', Value: STACK_ID }]) });
  });

  test('PRODUCTION has no clean-up at all: no schedule, no handler, no stack-id marks', () => {
    const stack = testStack();
    const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.PRODUCTION });
    expect(db.node.findAll().filter((c) => c instanceof DevelopmentLeftovers)).toEqual([]);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Events::Rule', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('tenant-blocks:stack-id');
  });
});
