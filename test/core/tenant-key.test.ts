import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BreakGlass, TenantKey, TenantTier } from '../../src';
import { AZ_CONTEXT, TEST_ENV, testApp, testStack } from '../support/app';
import { keyPoliciesNamingStackRoles } from '../support/key-policy';

const DENY_DESTRUCTION = {
  Sid: 'DenyKeyDestructionExceptBreakGlass',
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: ['kms:DisableKey', 'kms:ScheduleKeyDeletion'],
  Resource: '*',
  Condition: {
    ArnNotEquals: {
      'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/tenant-blocks-break-glass']] },
    },
  },
};

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
    expect(statements).toHaveLength(5); // 3 Allow + the grant Deny + the PRODUCTION destruction Deny
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

  describe('a compromised admin cannot destroy a PRODUCTION key (issue 8.15)', () => {
    test('PRODUCTION: the key policy denies DisableKey and ScheduleKeyDeletion to everyone but the break-glass role', () => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme' });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([DENY_DESTRUCTION]) } });
      expect(stack.resolve(BreakGlass.roleArn(stack))).toEqual(DENY_DESTRUCTION.Condition.ArnNotEquals['aws:PrincipalArn']);
    });

    test('PRODUCTION: PutKeyPolicy is not denied (CloudFormation must keep updating the policy; KMS refuses a policy that locks out its caller)', () => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme' });
      const statements = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement as any[];
      const denied = statements.filter((st) => st.Effect === 'Deny').flatMap((st) => [].concat(st.Action));
      expect(denied).not.toContain('kms:PutKeyPolicy');
      expect(denied).not.toContain('kms:*');
    });

    test('PRODUCTION keeps the longest pending window (30 days to cancel a scheduled deletion)', () => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme' });
      Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', { PendingWindowInDays: 30 });
    });

    test('DEVELOPMENT has no such deny: CloudFormation schedules the key\'s deletion on destroy', () => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      const statements = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement as any[];
      expect(statements.map((st) => st.Sid)).not.toContain(DENY_DESTRUCTION.Sid);
    });
  });

  describe('the key policy names no role of its own stack (issue 8.6)', () => {
    test('a tenant key with its service statements names none', () => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme' });
      new iam.Role(stack, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      expect(keyPoliciesNamingStackRoles(Template.fromStack(stack))).toEqual([]);
    });

    test('the check reports a secret grant that writes a same-stack role into the key policy', () => {
      const stack = testStack();
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme' });
      const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: key.key });
      const role = new iam.Role(stack, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      secret.grantRead(role);
      expect(keyPoliciesNamingStackRoles(Template.fromStack(stack))).toEqual([
        expect.stringMatching(/^Key[0-9A-F]{8}: key policy statement #\d+ names the role Worker[0-9A-F]{8} of the same template$/),
      ]);
    });
  });

  describe('one tenant, one key per account and region (issue 10)', () => {
    test('throws when the same tenant gets a key in two stacks of one environment (the alias would clash at deploy)', () => {
      const app = testApp();
      new TenantKey(new Stack(app, 'Data', { env: TEST_ENV }), 'Key', { tenantId: 'acme' });
      expect(() => new TenantKey(new Stack(app, 'App', { env: TEST_ENV }), 'Key', { tenantId: 'acme' })).toThrow(
        'Invalid TenantKey props for tenant "acme":\n- tenantId: the stack Data already has a key for this tenant in aws://123456789012/us-east-1 (Data/Key); ' +
          'the alias alias/tenant-blocks/acme exists once per account and region: pass that key to the blocks of the other stacks as encryptionKey, ' +
          "or give this tenant's stacks different environments (got: 'acme')",
      );
    });

    test('TenantKey.of in a second stack of the same environment throws too (it would create a second key)', () => {
      const app = testApp();
      TenantKey.of(new Stack(app, 'Data', { env: TEST_ENV }), 'acme');
      expect(() => TenantKey.of(new Stack(app, 'App', { env: TEST_ENV }), 'acme')).toThrow(/the stack Data already has a key for this tenant in aws:\/\/123456789012\/us-east-1/);
    });

    test('the same tenant in two regions or two accounts has a key in each', () => {
      const app = testApp();
      new TenantKey(new Stack(app, 'UsEast', { env: TEST_ENV }), 'Key', { tenantId: 'acme' });
      new TenantKey(new Stack(app, 'EuWest', { env: { ...TEST_ENV, region: 'eu-west-1' } }), 'Key', { tenantId: 'acme' });
      expect(() => new TenantKey(new Stack(app, 'Other', { env: { ...TEST_ENV, account: '210987654321' } }), 'Key', { tenantId: 'acme' })).not.toThrow();
    });

    test('two apps (two synths) do not see each other', () => {
      new TenantKey(new Stack(testApp(), 'Data', { env: TEST_ENV }), 'Key', { tenantId: 'acme' });
      expect(() => new TenantKey(new Stack(new App({ context: AZ_CONTEXT }), 'Data', { env: TEST_ENV }), 'Key', { tenantId: 'acme' })).not.toThrow();
    });

    test('environment-agnostic stacks may deploy anywhere: a second one of the same tenant is not rejected at synth', () => {
      const app = testApp();
      new TenantKey(new Stack(app, 'A'), 'Key', { tenantId: 'acme' });
      expect(() => new TenantKey(new Stack(app, 'B'), 'Key', { tenantId: 'acme' })).not.toThrow();
    });
  });

  test('a tier change keeps the key and its alias (same logical ids, no replacement-requiring property changes) (issue 8.8)', () => {
    const ids = (tier: TenantTier) => {
      const stack = testStack();
      new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
      const t = Template.fromStack(stack);
      const keys = t.findResources('AWS::KMS::Key');
      return {
        keys: Object.fromEntries(Object.entries(keys)
          .map(([id, r]) => [id, [r.Properties.KeySpec, r.Properties.KeyUsage, r.Properties.MultiRegion]])),
        aliases: Object.fromEntries(Object.entries(t.findResources('AWS::KMS::Alias')).map(([id, r]) => [id, r.Properties.AliasName])),
      };
    };
    expect(ids(TenantTier.PRODUCTION)).toEqual(ids(TenantTier.DEVELOPMENT));
  });
});

describe('issue 21 §2: cross-account copies into the hub vault', () => {
  test('allowBackupCopiesTo shares the key with the platform account through AWS Backup and RDS only, once', () => {
    const stack = testStack('Tenant', TEST_ENV);
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme' });
    key.allowBackupCopiesTo('111111111111');
    key.allowBackupCopiesTo('111111111111');
    const [resource] = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'));
    const statements = resource.Properties.KeyPolicy.Statement.filter((s: { Sid?: string }) => s.Sid === 'AllowBackupCopiesTo111111111111');
    expect(statements).toEqual([{
      Sid: 'AllowBackupCopiesTo111111111111',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['backup.us-east-1.amazonaws.com', 'rds.us-east-1.amazonaws.com'] } },
    }]);
  });

  test('without the call, the key admits no other account (copies to the hub vault would fail)', () => {
    const stack = testStack('Tenant', TEST_ENV);
    new TenantKey(stack, 'Key', { tenantId: 'acme' });
    const [resource] = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'));
    expect(JSON.stringify(resource.Properties.KeyPolicy)).not.toContain('111111111111');
  });

  test.each(['x', '12345', TEST_ENV.account])('throws when the platform account is %p', (account) => {
    const stack = testStack('Tenant', TEST_ENV);
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme' });
    expect(() => key.allowBackupCopiesTo(account)).toThrow(/allowBackupCopiesTo needs the 12-digit platform account/);
  });
});
