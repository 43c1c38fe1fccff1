import { CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { TenantPostgres, TenantPostgresProps } from '../../../src/blocks/postgres';
import { DayOfWeek, LogShipping, MaintenanceWindow, TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';

const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');

function make(props: Partial<TenantPostgresProps> = {}) {
  const stack = testStack();
  const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', ...props });
  return { stack, db };
}

function build(props: Partial<TenantPostgresProps> = {}) {
  const { stack, db } = make(props);
  return { stack, db, template: Template.fromStack(stack) };
}

describe('whitelisted props', () => {
  test('tier defaults to PRODUCTION', () => {
    const { db, template } = build();
    expect(db.tier).toBe(TenantTier.PRODUCTION);
    template.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: true });
  });

  test('allowedCidrs: default opens nothing from outside the VPC', () => {
    const { template } = build();
    const ingress = template.findResources('AWS::EC2::SecurityGroupIngress');
    const cidrs = Object.values(ingress).filter((r: any) => r.Properties.CidrIp || r.Properties.CidrIpv6);
    expect(cidrs).toEqual([]);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^TenantPostgres acme: the database port'),
      SecurityGroupIngress: Match.absent(),
    });
  });

  test('allowedCidrs: each IPv4/IPv6 block gets the database port only', () => {
    const { template } = build({ allowedCidrs: ['10.20.0.0/16', '2001:db8::/32'] });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^TenantPostgres acme: the database port'),
      SecurityGroupIngress: [
        { CidrIp: '10.20.0.0/16', FromPort: 5432, ToPort: 5432, IpProtocol: 'tcp' },
        { CidrIpv6: '2001:db8::/32', FromPort: 5432, ToPort: 5432, IpProtocol: 'tcp' },
      ],
    });
  });

  test('maintenanceWindow: default is derived from the tenant id for the cluster and every instance, backup window never overlaps', () => {
    const { template } = build();
    const window = MaintenanceWindow.defaultFor('acme');
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      PreferredMaintenanceWindow: window.toString(),
      PreferredBackupWindow: window.backupWindow(),
    });
    template.resourcePropertiesCountIs('AWS::RDS::DBInstance', { PreferredMaintenanceWindow: window.toString() }, 2);
    expect(window.overlapsDaily(window.backupWindow())).toBe(false);
  });

  test('maintenanceWindow: a given window is used for the cluster and its instances', () => {
    const window = MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 18);
    const { template } = build({ maintenanceWindow: window });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      PreferredMaintenanceWindow: 'sun:18:00-sun:18:30',
      PreferredBackupWindow: '17:00-17:30',
    });
    // every instance (writer and reader) patches in the same slot, not one RDS picks at random
    template.resourcePropertiesCountIs('AWS::RDS::DBInstance', { PreferredMaintenanceWindow: 'sun:18:00-sun:18:30' }, 2);
    template.resourceCountIs('AWS::RDS::DBInstance', 2);
  });

  test.each([
    [TenantTier.DEVELOPMENT, undefined, 0, 2],
    [TenantTier.PRODUCTION, undefined, 0.5, 16],
    [TenantTier.DEVELOPMENT, 8.5, 0, 8.5],
    [TenantTier.PRODUCTION, 64, 0.5, 64],
  ])('maxCapacity in %s given %s: min %s, max %s ACUs', (tier, maxCapacity, min, max) => {
    const { template } = build({ tier, maxCapacity });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: { MinCapacity: min, MaxCapacity: max },
    });
  });

  test.each([
    // the same default in every tier: a PRODUCTION → DEVELOPMENT change never shortens the history
    [TenantTier.DEVELOPMENT, undefined, 35],
    [TenantTier.PRODUCTION, undefined, 35],
    [TenantTier.DEVELOPMENT, Duration.days(7), 7],
    [TenantTier.PRODUCTION, Duration.days(14), 14],
  ])('backupRetention in %s given %s: %s days of PITR', (tier, backupRetention, days) => {
    const { template } = build({ tier, backupRetention });
    template.hasResourceProperties('AWS::RDS::DBCluster', { BackupRetentionPeriod: days });
  });

  test.each([[undefined, 'app'], ['orders', 'orders']])('databaseName %s creates database %s', (databaseName, expected) => {
    const { db, template } = build({ databaseName });
    expect(db.databaseName).toBe(expected);
    template.hasResourceProperties('AWS::RDS::DBCluster', { DatabaseName: expected });
    template.hasResourceProperties('Custom::TenantPostgresBootstrap', { Database: expected });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { SecretStringTemplate: `{"username":"app","dbname":"${expected}"}` },
    });
  });

  test('network, encryptionKey and logShipping: given ones are used, nothing else is created', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme' });
    const network = new TenantNetwork(stack, 'Network', { tenantId: 'acme', encryptionKey: key });
    new TenantPostgres(stack, 'Db', { tenantId: 'acme', network, encryptionKey: key, logShipping: SHIPPING });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', {
      DestinationArn: SHIPPING.destinationArn,
      LogGroupName: { Ref: Match.stringLikeRegexp('^DbPostgresqlLog') },
    });
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', { LogGroupName: { Ref: Match.stringLikeRegexp('^DbBootstrapLog') } });
  });

  test('network and encryptionKey: created for the tenant when absent; logShipping defaults to none', () => {
    const { template } = build();
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::Logs::SubscriptionFilter', 0);
  });
});

describe('baked-in decisions', () => {
  test('Aurora PostgreSQL 17.9 (scale to zero and Data API), Serverless v2 instances, TLS-verified CA', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', EngineVersion: '17.9' });
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceClass: 'db.serverless', PubliclyAccessible: false, CACertificateIdentifier: 'rds-ca-rsa2048-g1', AutoMinorVersionUpgrade: true,
    });
    template.hasResourceProperties('AWS::RDS::DBCluster', { AutoMinorVersionUpgrade: true });
  });

  test('DEVELOPMENT: writer only, 0 ACU floor with auto-pause, no deletion protection', () => {
    const { template } = build({ tier: TenantTier.DEVELOPMENT });
    template.resourceCountIs('AWS::RDS::DBInstance', 1);
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, SecondsUntilAutoPause: 900 },
      DeletionProtection: false,
    });
  });

  test('PRODUCTION: writer and a reader that scales with it, 0.5 ACU floor, never paused, deletion protection', () => {
    const { template } = build({ tier: TenantTier.PRODUCTION });
    template.resourceCountIs('AWS::RDS::DBInstance', 2);
    // the subnet group spans isolated subnets in at least two AZs, so the reader lands in another AZ
    const group = Object.values(template.findResources('AWS::RDS::DBSubnetGroup'))[0] as any;
    const subnetIds: string[] = group.Properties.SubnetIds.map((r: any) => r.Ref);
    expect(subnetIds.length).toBeGreaterThanOrEqual(2);
    const subnets = template.findResources('AWS::EC2::Subnet');
    const azs = new Set(subnetIds.map((id) => JSON.stringify(subnets[id].Properties.AvailabilityZone)));
    expect(azs.size).toBe(subnetIds.length);
    for (const id of subnetIds) {
      expect(subnets[id].Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }]));
    }
    template.hasResourceProperties('AWS::RDS::DBInstance', { PromotionTier: 1 });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, SecondsUntilAutoPause: Match.absent() },
      DeletionProtection: true,
    });
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: snapshot on delete and replace', (tier) => {
    const { template } = build({ tier });
    template.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
  });

  test('isolated subnets, Data API, IAM auth, storage and Performance Insights encrypted with the tenant key', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('IsolatedSubnet1') }]),
    });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      EnableHttpEndpoint: true,
      EnableIAMDatabaseAuthentication: true,
      StorageEncrypted: true,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
      CopyTagsToSnapshot: true,
      EnableCloudwatchLogsExports: ['postgresql'],
      Port: 5432,
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
      // no enhanced monitoring: it would write to the account-wide RDSOSMetrics log group (issue 8.13)
      MonitoringInterval: Match.absent(),
    });
  });

  test('admin user is not postgres; all three secrets are encrypted with the tenant key', () => {
    const { template } = build();
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret')) as any[];
    expect(secrets.map((s) => JSON.parse(s.Properties.GenerateSecretString.SecretStringTemplate).username).sort()).toEqual(['app', 'app_readonly', 'tenant_admin']);
    for (const secret of secrets) {
      expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] });
    }
  });

  test('parameter group: TLS forced, schema DDL audited by pgaudit without the ROLE class and no log_statement (rotation passwords), slow statements logged, idle session timeout', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', {
      Family: 'aurora-postgresql17',
      Parameters: {
        'rds.force_ssl': '1',
        'ssl_min_protocol_version': 'TLSv1.2',
        'log_statement': 'none',
        'log_min_duration_statement': '1000',
        'shared_preload_libraries': 'pg_stat_statements,pgaudit',
        'pgaudit.log': 'ddl',
        'pgaudit.log_parameter': '0',
        'idle_session_timeout': '900000',
        'idle_in_transaction_session_timeout': '300000',
      },
    });
  });

  test.each([
    // a year in every tier: a tier change never shortens it (issue 21.3)
    [TenantTier.DEVELOPMENT, 365, 'Delete'],
    // a failed first create removes it, so the retry does not fail on the fixed name (issue 8.4)
    [TenantTier.PRODUCTION, 365, 'RetainExceptOnCreate'],
  ])('%s: PostgreSQL log group with retention %s days, the tenant key, removal %s', (tier, days, policy) => {
    const { template } = build({ tier });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: Match.stringLikeRegexp('^/aws/rds/cluster/acme-[0-9a-f]{8}/postgresql$'),
        RetentionInDays: days,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] },
      },
      DeletionPolicy: policy,
    });
  });

  test('the log group exists before the cluster (RDS would create it unencrypted otherwise)', () => {
    const { template } = build();
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: Match.stringLikeRegexp('postgresql$') } }))[0];
    template.hasResource('AWS::RDS::DBCluster', { DependsOn: Match.arrayWith([logGroupId]) });
  });

  test.each([
    [TenantTier.DEVELOPMENT, ['Daily'], [14]],
    [TenantTier.PRODUCTION, ['Daily', 'Monthly1Year'], [35, 365]],
  ])('%s: AWS Backup plan %s (kept %s days) into a retained vault encrypted with the tenant key', (tier, rules, days) => {
    const { template } = build({ tier });
    template.hasResource('AWS::Backup::BackupVault', {
      Properties: { EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] } },
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    const plan = Object.values(template.findResources('AWS::Backup::BackupPlan'))[0] as any;
    expect(plan.Properties.BackupPlan.BackupPlanRule.map((r: any) => r.RuleName)).toEqual(rules);
    expect(plan.Properties.BackupPlan.BackupPlanRule.map((r: any) => r.Lifecycle.DeleteAfterDays)).toEqual(days);
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: { Resources: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':rds:us-east-1:123456789012:cluster:', { Ref: Match.stringLikeRegexp('^Db') }]] }] },
    });
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])(
    '%s: the tenant key is retained with the stack (the final snapshot and the vault stay readable)', (tier) => {
      build({ tier }).template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

  test('a given tenant key is retained too', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey: key });
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  test('the retained vault has a name unique per stack instance (redeploying after a destroy cannot collide)', () => {
    const stackUuidPrefix = { 'Fn::Select': [0, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }] };
    build().template.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: { 'Fn::Join': ['', ['tenant-acme-', stackUuidPrefix]] },
    });
  });

  test('the longest tenant id keeps the vault name within 50 characters of [a-zA-Z0-9-_]', () => {
    const tenantId = 'a'.repeat(31);
    const name = build({ tenantId }).template.findResources('AWS::Backup::BackupVault');
    const join = (Object.values(name)[0] as any).Properties.BackupVaultName['Fn::Join'][1];
    const resolved = `${join[0]}${'0123abcd'}`; // the UUID prefix is 8 hex digits
    expect(resolved).toMatch(/^[a-zA-Z0-9\-_]{2,50}$/);
  });

  test.each([
    [TenantTier.PRODUCTION, true],
    [TenantTier.DEVELOPMENT, false],
  ])('%s: the admin, app and read-only secrets and their attachments retained with the stack: %s (a protected cluster keeps its credentials)', (tier, retained) => {
    const { template } = build({ tier });
    for (const type of ['AWS::SecretsManager::Secret', 'AWS::SecretsManager::SecretTargetAttachment']) {
      const resources = Object.values(template.findResources(type)) as any[];
      expect(resources).toHaveLength(3);
      expect(resources.map((r) => r.DeletionPolicy === 'RetainExceptOnCreate')).toEqual([retained, retained, retained]);
    }
    // the rotation schedules go with their functions in every tier
    const schedules = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule')) as any[];
    expect(schedules).toHaveLength(3);
    expect(schedules.map((r) => r.DeletionPolicy)).toEqual([undefined, undefined, undefined]);
  });

  test.each([TenantTier.PRODUCTION, TenantTier.DEVELOPMENT])('%s keeps automated backups after the cluster is deleted (a tier change never weakens it)', (tier) => {
    build({ tier }).template.hasResourceProperties('AWS::RDS::DBCluster', { DeleteAutomatedBackups: false });
  });

  test('every secret rotates every 30 days with the block\'s own rotation function, in the isolated subnets, after bootstrap; no SAR application', () => {
    const { template } = build();
    template.resourceCountIs('AWS::Serverless::Application', 0);
    const rotationFn = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('rotates the admin, app and read-only secrets') } }));
    expect(rotationFn).toHaveLength(1);
    const schedules = template.findResources('AWS::SecretsManager::RotationSchedule');
    expect(Object.keys(schedules)).toHaveLength(3);
    const bootstrapId = Object.keys(template.findResources('Custom::TenantPostgresBootstrap'))[0];
    const attachments = Object.keys(template.findResources('AWS::SecretsManager::SecretTargetAttachment'));
    for (const schedule of Object.values(schedules) as any[]) {
      expect(schedule.Properties).toEqual({
        SecretId: { Ref: expect.stringMatching(/SecretAttachment/) },
        RotationLambdaARN: { 'Fn::GetAtt': [rotationFn[0], 'Arn'] },
        RotationRules: { ScheduleExpression: 'rate(30 days)' },
      });
      expect(attachments).toContain(schedule.Properties.SecretId.Ref);
      expect(schedule.DependsOn).toContain(bootstrapId);
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('rotates the admin'),
      VpcConfig: { SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('IsolatedSubnet') }]) },
      Environment: { Variables: Match.objectLike({ ADMIN_SECRET_ARN: { Ref: Match.stringLikeRegexp('^DbSecretAttachment') }, ROTATED_SECRETS: Match.anyValue() }) },
    });
  });

  test('rotation: Secrets Manager of this account may invoke it for these three secrets only (confused deputy)', () => {
    const { template } = build();
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'secretsmanager.amazonaws.com' } })) as any[];
    expect(permissions.map((p) => p.Properties.SourceArn.Ref).sort()).toEqual(
      Object.keys(template.findResources('AWS::SecretsManager::SecretTargetAttachment')).sort());
    for (const p of permissions) expect(p.Properties.SourceAccount).toBe('123456789012');
  });

  test('rotation: its policy reads and rotates exactly the three secrets and uses the key through Secrets Manager only', () => {
    const { template } = build();
    const policy = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DbRotationRole') }] } }))[0] as any;
    const attachments = Object.keys(template.findResources('AWS::SecretsManager::SecretTargetAttachment')).sort();
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      {
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        Effect: 'Allow',
        Resource: expect.arrayContaining(attachments.map((a) => ({ Ref: a }))),
      },
      { Action: 'secretsmanager:GetRandomPassword', Effect: 'Allow', Resource: '*' },
      {
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] },
      },
    ]);
  });

  test('bootstrap: a direct-Lambda custom resource in the VPC, after the cluster and instances, configured with the endpoint and the three secret ARNs', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Timeout: 840,
      // issue 8.5: no reservation (a new account's concurrency quota is 10)
      ReservedConcurrentExecutions: Match.absent(),
      VpcConfig: { SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('IsolatedSubnet') }]) },
      // the environment holds no secret: no customer managed key, so the clean-up can detach it without KMS rights
      KmsKeyArn: Match.absent(),
      Environment: {
        Variables: {
          DB_HOST: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Db'), 'Endpoint.Address'] },
          DB_PORT: '5432',
          DB_NAME: 'app',
          ADMIN_SECRET_ARN: { Ref: Match.stringLikeRegexp('^DbSecretAttachment') },
          APP_SECRET_ARN: { Ref: Match.stringLikeRegexp('^DbAppSecretAttachment') },
          READ_ONLY_SECRET_ARN: { Ref: Match.stringLikeRegexp('^DbReadOnlySecretAttachment') },
          AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
        },
      },
    });
    const bootstrap = Object.values(template.findResources('Custom::TenantPostgresBootstrap'))[0] as any;
    expect(bootstrap.Properties).toMatchObject({ Port: '5432', Database: 'app', Version: '2', ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^DbBootstrap/), 'Arn'] } });
    // CloudFormation gives up after 16 minutes (the 14-minute handler plus its response), not an hour
    expect(bootstrap.Properties.ServiceTimeout).toBe('960');
    const instances = Object.keys(template.findResources('AWS::RDS::DBInstance'));
    const cluster = Object.keys(template.findResources('AWS::RDS::DBCluster'));
    expect(bootstrap.DependsOn).toEqual(expect.arrayContaining([...instances, ...cluster]));
    // rotation schedules come after bootstrap, never before
    const schedules = Object.keys(template.findResources('AWS::SecretsManager::RotationSchedule'));
    expect(bootstrap.DependsOn.filter((d: string) => schedules.includes(d))).toEqual([]);
  });

  test('bootstrap reads exactly the three secrets of this database', () => {
    const { template } = build();
    const policies = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DbBootstrapRole') }] } })) as any[];
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const secretReads = statements.filter((s) => JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue'));
    expect(secretReads).toHaveLength(1);
    expect(secretReads[0].Resource.map((r: any) => r.Ref).sort()).toEqual(Object.keys(template.findResources('AWS::SecretsManager::SecretTargetAttachment')).sort());
    expect(statements).toContainEqual({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] },
    });
  });

  test('the database security group allows no egress (the database never opens connections)', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^TenantPostgres acme: the database port'),
      // aws-cdk-lib's marker rule for "no outbound traffic"
      SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp', FromPort: 252, ToPort: 86, Description: 'Disallow all traffic' }],
    });
  });

  test('rotation: its security group reaches only the database port and HTTPS endpoints', () => {
    const { template } = build();
    // issue 9.9: never 443 to the whole internet; the Secrets Manager endpoint's group only
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^TenantPostgres acme secret rotation'),
      SecurityGroupEgress: Match.absent(),
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbRotationSecurityGroup'), 'GroupId'] },
      FromPort: 443,
      ToPort: 443,
      IpProtocol: 'tcp',
      DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('SecretsManagerEndpointSecurityGroup'), 'GroupId'] },
    });
    const rotationEgress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress', {
      Properties: { GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbRotationSecurityGroup'), 'GroupId'] } },
    })) as any[];
    expect(rotationEgress.map((e) => e.Properties.FromPort).sort()).toEqual([443, 5432]);
    expect(JSON.stringify(rotationEgress)).not.toContain('0.0.0.0/0');
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbRotationSecurityGroup'), 'GroupId'] },
      FromPort: 5432,
      ToPort: 5432,
      IpProtocol: 'tcp',
      DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbSecurityGroup'), 'GroupId'] },
    });
    // the rotation and the regression function share it
    template.resourcePropertiesCountIs('AWS::Lambda::Function', {
      VpcConfig: { SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^DbRotationSecurityGroup'), 'GroupId'] }] },
    }, 2);
  });

  test('security groups: bootstrap and rotation reach the database port; nothing opens to the internet', () => {
    const { template, stack } = build();
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbBootstrapSecurityGroup'), 'GroupId'] },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbRotationSecurityGroup'), 'GroupId'] },
    });
    expect(JSON.stringify(template.toJSON())).not.toMatch(/"CidrIp":"0\.0\.0\.0\/0","Description":"[^"]*","FromPort":5432/);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    [TenantTier.DEVELOPMENT, 0, 5, 20],
    [TenantTier.PRODUCTION, 1, 0, 500],
  ])('alarms in %s: named tenant-blocks-acme-..., thresholds by tier, missing data is not an incident (issue 11)', (tier, replicaLag, deadlocks, storageGib) => {
    const { db, template } = build({ tier, maxCapacity: 4 });
    // DEVELOPMENT: replica lag is replaced by the leftovers clean-up's failure alarm (8.14)
    const expected = tier === TenantTier.DEVELOPMENT ? 8 : 7 + replicaLag;
    expect(db.alarms).toHaveLength(expected);
    template.resourceCountIs('AWS::CloudWatch::Alarm', expected);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as any[];
    for (const a of alarms) {
      expect(a.Properties.AlarmName).toMatch(/^tenant-blocks-acme-[0-9a-f]{8}-[a-z-]+$/);
      expect(a.Properties.TreatMissingData).toBe('notBreaching');
      expect(a.Properties.AlarmActions).toBeUndefined();
      expect(a.Properties.AlarmDescription).toMatch(/^TenantPostgres acme: .+: .+/);
    }
    const byName = (suffix: string) => alarms.find((a) => a.Properties.AlarmName.endsWith(`-${suffix}`))?.Properties;
    const clusterDimension = [{ Name: 'DBClusterIdentifier', Value: { Ref: expect.stringMatching(/^Db/) } }];
    const rows: Array<[string, string, string, number, string, number, number]> = [
      // Serverless v2: CPU relative to maxCapacity, the busiest instance
      ['cpu', 'CPUUtilization', 'Maximum', 90, 'GreaterThanThreshold', 300, 3],
      // Serverless v2: capacity used relative to maxCapacity
      ['acu', 'ACUUtilization', 'Maximum', 90, 'GreaterThanThreshold', 300, 3],
      ['memory', 'FreeableMemory', 'Minimum', 268435456, 'LessThanThreshold', 300, 3],
      ['deadlocks', 'Deadlocks', 'Sum', deadlocks, 'GreaterThanThreshold', 300, 3],
      // 80% of max_connections at 4 ACUs (about 819)
      ['connections', 'DatabaseConnections', 'Maximum', 655, 'GreaterThanThreshold', 300, 3],
      ['storage', 'VolumeBytesUsed', 'Maximum', storageGib * 1024 ** 3, 'GreaterThanThreshold', 3600, 1],
      ...(replicaLag ? [['replica-lag', 'AuroraReplicaLagMaximum', 'Maximum', 2000, 'GreaterThanThreshold', 300, 3] as [string, string, string, number, string, number, number]] : []),
    ];
    for (const [suffix, metric, statistic, threshold, op, period, periods] of rows) {
      expect(byName(suffix)).toMatchObject({
        MetricName: metric,
        Namespace: 'AWS/RDS',
        Dimensions: clusterDimension,
        Statistic: statistic,
        Period: period,
        Threshold: threshold,
        ComparisonOperator: op,
        EvaluationPeriods: periods,
        DatapointsToAlarm: periods,
      });
    }
    // a failed rotation step is an error of the rotation function (Secrets Manager has no such metric)
    expect(byName('rotation')).toMatchObject({
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 0,
      EvaluationPeriods: 1,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^DbRotation/) } }],
    });
    if (!replicaLag) expect(byName('replica-lag')).toBeUndefined();
  });

  test.each([
    // AWS's Serverless v2 table (1 ACU 189, 4 ACU 823, 8 ACU 1669), capped at 2000 with a 0/0.5 ACU floor
    [TenantTier.DEVELOPMENT, 1, 151],
    [TenantTier.DEVELOPMENT, undefined, 319],
    [TenantTier.PRODUCTION, 8, 1327],
    [TenantTier.PRODUCTION, undefined, 1600],
    [TenantTier.PRODUCTION, 256, 1600],
  ])('alarms: in %s with maxCapacity %s the connections alarm fires above %s (80% of max_connections)', (tier, maxCapacity, threshold) => {
    build({ tier, maxCapacity }).template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'DatabaseConnections', Threshold: threshold });
  });

  test('tags every resource with the tenant and tier', () => {
    const { template } = build({ tier: TenantTier.DEVELOPMENT });
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Tags: Match.arrayWith([{ Key: 'tenant-blocks:tenant', Value: 'acme' }, { Key: 'tenant-blocks:tier', Value: 'DEVELOPMENT' }]),
    });
  });

  test('guardrails catch an escape hatch that deletes the cluster outright', () => {
    const { stack, db } = make();
    (db.cluster.node.defaultChild as any).cfnOptions.deletionPolicy = 'Delete';
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('Delete'))).not.toEqual([]);
  });
});

describe('exposed API', () => {
  test('endpoint, port, database, users and secrets for TenantFunction', () => {
    const { db, stack } = build();
    expect(db.port).toBe(5432);
    expect(db.appUsername).toBe('app');
    expect(db.readOnlyUsername).toBe('app_readonly');
    expect(stack.resolve(db.endpointHost)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Db/), 'Endpoint.Address'] });
    expect(db.connections.defaultPort?.toString()).toBe('5432');
    expect(db.adminSecret).not.toBe(db.appSecret);
  });

  test('connections.allowDefaultPortFrom opens the literal database port to a connected resource', () => {
    const { db, stack } = make();
    const client = new ec2.SecurityGroup(stack, 'Client', { vpc: TenantNetwork.of(stack, { tenantId: 'acme', tier: db.tier }).vpc });
    db.connections.allowDefaultPortFrom(client);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Client'), 'GroupId'] },
    });
  });

  test('grantConnect grants reading the app secret only', () => {
    const { db, stack } = make();
    const role = new iam.Role(stack, 'AppRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    db.grantConnect(role);
    const doc = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^AppRole') }] } }));
    expect(doc).toContain('DbAppSecretAttachment');
    expect(doc).toContain('secretsmanager:GetSecretValue');
    expect(doc).not.toMatch(/DbReadOnlySecret|DbSecretAttachment/);
  });

  test('grantDataApiReadOnly grants the Data API on this cluster and the read-only secret, never the admin or app secret', () => {
    const { db, stack } = make();
    const role = new iam.Role(stack, 'Console', { assumedBy: new iam.AccountRootPrincipal() });
    db.grantDataApiReadOnly(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Console') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement', 'rds-data:BeginTransaction', 'rds-data:CommitTransaction', 'rds-data:RollbackTransaction'],
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':rds:us-east-1:123456789012:cluster:', { Ref: Match.stringLikeRegexp('^Db') }]] },
          }),
        ]),
      },
    });
    const doc = JSON.stringify(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Console') }] } }));
    expect(doc).toContain('DbReadOnlySecretAttachment');
    expect(doc).not.toMatch(/DbAppSecretAttachment|"DbSecretAttachment/);
  });

  test('the stack has a region-pinned env (no AZ lookup needed)', () => {
    expect(Stack.of(build().db).region).toBe('us-east-1');
  });
});

describe('clean destroy', () => {
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])(
    '%s: the VPC clean-up is deleted before the rotation, regression and bootstrap functions, their security groups and the isolated subnets, and the bootstrap custom resource after it',
    (tier) => {
      const { stack, db, template } = build({ tier });
      const cleanups = template.findResources('Custom::VpcFunctionCleanup');
      expect(Object.keys(cleanups)).toHaveLength(1);
      const cleanup = Object.values(cleanups)[0];
      const id = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnElement);
      const network = TenantNetwork.of(stack, { tenantId: 'acme', tier });
      const isolated = network.vpc.isolatedSubnets.map((s) => id(s));
      const bootstrapRoles = id(db.node.findChild('BootstrapRoles'));
      expect(cleanup.DependsOn).toEqual(expect.arrayContaining([
        id(db.node.findChild('Bootstrap')),
        id(db.node.findChild('Rotation')),
        id(db.node.findChild('Regression')),
        id(db.node.findChild('BootstrapSecurityGroup')),
        id(db.node.findChild('RotationSecurityGroup')),
        // deleted after the clean-up detached its function: answered from outside the VPC
        bootstrapRoles,
        ...isolated,
      ]));
      // the bootstrap function answers its own custom resource's Delete later: detached, not deleted
      expect(cleanup.Properties.DetachOnlyFunctionNames).toEqual([{ Ref: id(db.node.findChild('Bootstrap')) }]);
      expect(cleanup.Properties.FunctionNames).toEqual([{ Ref: id(db.node.findChild('Rotation')) }, { Ref: id(db.node.findChild('Regression')) }]);
      const resources = template.toJSON().Resources;
      const dependsOn = (logicalId: string, seen = new Set<string>()): Set<string> => {
        for (const d of (resources[logicalId].DependsOn ?? []) as string[]) {
          if (!seen.has(d)) {
            seen.add(d);
            dependsOn(d, seen);
          }
        }
        return seen;
      };
      const cleanupId = Object.keys(cleanups)[0];
      // never the other way round (a cycle would fail the deployment; this order would strand the ENIs)
      expect(dependsOn(bootstrapRoles).has(cleanupId)).toBe(false);
    },
  );
});
