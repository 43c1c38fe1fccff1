import { Match, Template } from 'aws-cdk-lib/assertions';
import { TenantKey, TenantTier } from '../../src';
import { testStack } from '../support/app';

describe('TenantKey', () => {
  test('creates one rotating customer-managed key with an alias derived from the tenant id', () => {
    // GIVEN
    const stack = testStack();
    // WHEN
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/tenant-blocks/acme' });
  });

  test('PRODUCTION (the default) retains the key when the stack is deleted', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('DEVELOPMENT schedules deletion with a 7-day pending window', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    Template.fromStack(stack).hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ PendingWindowInDays: 7 }),
    });
  });

  test('retainOnDelete keeps a DEVELOPMENT key whose data outlives the stack', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    key.retainOnDelete('the final snapshot of a database is encrypted with it');
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('lets CloudWatch Logs use the key only for log groups of this account and region', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchLogsOfThisAccountAndRegion',
            Effect: 'Allow',
            Principal: { Service: 'logs.us-east-1.amazonaws.com' },
            Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:123456789012:log-group:*']],
                },
              },
            },
          },
        ]),
      },
    });
  });

  test('lets Secrets Manager, RDS and AWS Backup use the key only via the service, for this account, in this region', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowTenantServicesInThisAccountAndRegion',
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:root']] } },
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
            Resource: '*',
            Condition: {
              StringEquals: {
                'kms:CallerAccount': '123456789012',
                'kms:ViaService': [
                  'secretsmanager.us-east-1.amazonaws.com',
                  'rds.us-east-1.amazonaws.com',
                  'backup.us-east-1.amazonaws.com',
                ],
              },
            },
          },
        ]),
      },
    });
  });

  test('only AWS services may create grants, and only for AWS resources (CT.KMS.PR.3)', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 'kms:CreateGrant',
            Resource: '*',
            Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
          },
        ]),
      },
    });
  });

  test('no Allow statement of the key policy has a wildcard principal', () => {
    const stack = testStack();
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    const keys = Template.fromStack(stack).findResources('AWS::KMS::Key');
    const statements = Object.values(keys)[0].Properties.KeyPolicy.Statement as Array<{ Effect: string; Principal: unknown }>;
    expect(statements).toHaveLength(4);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(3);
    for (const s of allows) {
      expect(JSON.stringify(s.Principal)).not.toMatch(/"\*"/);
    }
  });

  test('of() shares one key per tenant and stack; a second key of the same tenant is rejected (its alias would clash at deploy)', () => {
    const stack = testStack();
    const key = TenantKey.of(stack, 'acme');
    expect(TenantKey.of(stack, 'acme')).toBe(key);
    expect(() => new TenantKey(stack, 'Another', { tenantId: 'acme' })).toThrow(
      /- tenantId: the stack TestStack already has a key for this tenant \(TestStack\/TenantKey-acme\); the alias alias\/tenant-blocks\/acme exists once per account and region/,
    );
    expect(() => TenantKey.of(stack, 'acme', TenantTier.DEVELOPMENT)).toThrow(/with tier PRODUCTION, not DEVELOPMENT/);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Alias', 1);
  });

  test('throws when the tier is not a TenantTier (e.g. a lower-case string from a JSON file)', () => {
    expect(() => new TenantKey(testStack(), 'Key', { tenantId: 'acme', tier: 'production' as TenantTier })).toThrow(
      "- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: 'production')",
    );
  });

  test('throws when the tenant id is invalid, and creates nothing', () => {
    const stack = testStack();
    expect(() => new TenantKey(stack, 'Key', { tenantId: 'Bad Tenant' })).toThrow(
      /Invalid TenantKey props for tenant "Bad Tenant":\n- tenantId: must be 3-31 characters/,
    );
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources ?? {})).toHaveLength(0);
  });
});
