// Issue 9 (containment) for TenantFunction: the app gets exactly what it needs, never the admin's
// secret or another tenant's, and its role cannot forge audit logs or destroy versions.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { build, fnResource, prod, roleOf } from './support';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { SECRET_ROLE_METADATA } from '../../../src/blocks/function/validate-tenant-function-props';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';

const partitionArn = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });

describe('9.5 secrets: never the admin\'s, never another tenant\'s', () => {
  test('throws when secrets include the database admin secret', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => build({ database, secrets: { ADMIN: database.adminSecret } }, stack)).toThrow(
      "- secrets.ADMIN: is the administrator secret of the database TestStack/Db; a function gets the app user's secret only (set database, which provides DB_SECRET_ARN)",
    );
  });

  test('throws when secrets include the admin secret of a database the function is not given', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => build({ secrets: { ADMIN: database.adminSecret } }, stack)).toThrow('- secrets.ADMIN: is the administrator secret of the database TestStack/Db');
  });

  test('throws when secrets include the admin secret imported again by its ARN', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const again = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Again', database.adminSecret.secretArn);
    expect(() => build({ secrets: { ADMIN: again } }, stack)).toThrow('- secrets.ADMIN: is the administrator secret of the database TestStack/Db');
  });

  test('throws when secrets include a secret of another tenant (its database, or encrypted with its key)', () => {
    const stack = testStack();
    const globexNet = new TenantNetwork(stack, 'GlobexNet', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT });
    const globex = new TenantPostgres(stack, 'GlobexDb', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT, network: globexNet });
    const globexKey = TenantKey.of(stack, 'globex', TenantTier.DEVELOPMENT);
    const keyed = new secretsmanager.Secret(stack, 'GlobexApiKey', { encryptionKey: globexKey.key });
    expect(() => build({ secrets: { OTHER_APP: globex.appSecret, OTHER_KEY: keyed } }, stack)).toThrow(
      new RegExp([
        '- secrets.OTHER_APP: belongs to tenant "globex", not "acme": a function may only read its own tenant\'s secrets',
        '- secrets.OTHER_KEY: belongs to tenant "globex", not "acme": a function may only read its own tenant\'s secrets',
      ].map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')),
    );
  });

  test('throws when a secret carries the administrator marker a block sets (metadata cdk-tenant-blocks:secret-role = admin)', () => {
    const stack = testStack();
    const marked = new secretsmanager.Secret(stack, 'Marked');
    marked.node.addMetadata(SECRET_ROLE_METADATA, 'admin');
    expect(() => build({ secrets: { ADMIN: marked } }, stack)).toThrow('- secrets.ADMIN: is the administrator secret of the database TestStack;');
  });

  test('throws when a secret is not a secret (from JavaScript or JSON)', () => {
    expect(() => build({ secrets: { API: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x' as unknown as secretsmanager.ISecret } }))
      .toThrow('- secrets.API: must be a Secrets Manager secret (secretsmanager.ISecret, e.g. Secret.fromSecretCompleteArn(...)), not a string');
  });

  test('accepts the app secret and the read-only secret of its own database, and its own secrets', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const own = new secretsmanager.Secret(stack, 'ApiKey');
    expect(() => build({ database, secrets: { APP: database.appSecret, RO: database.readOnlySecret, API: own } }, stack)).not.toThrow();
  });
});

describe('9.6 the app role holds exactly what the app needs', () => {
  function appPolicy(template: Template) {
    const roleId = roleOf(template);
    const role = template.toJSON().Resources[roleId];
    return { roleId, role, policies: Object.entries(template.findResources('AWS::IAM::ManagedPolicy')).filter(([id]) => JSON.stringify(role.Properties.ManagedPolicyArns).includes(id)) };
  }

  test('no AWS managed policy and no inline policy: one customer managed policy', () => {
    const { template } = build();
    const { roleId, role, policies } = appPolicy(template);
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).not.toContain('iam::aws:policy');
    expect(policies).toHaveLength(1);
    expect(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } })).toEqual({});
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: the exact statements (logs of its own group, ENIs where Lambda places it, the data bucket without version deletion, the key only through S3 and Secrets Manager)', (tier) => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier });
    const own = new secretsmanager.Secret(stack, 'ApiKey');
    const { template } = tier === TenantTier.PRODUCTION
      ? prod({ database, secrets: { API_KEY_SECRET_ARN: own } }, stack)
      : build({ database, secrets: { API_KEY_SECRET_ARN: own } }, stack);
    const { policies } = appPolicy(template);
    const resources = template.toJSON().Resources;
    const id = (prefix: string, type: string) => Object.keys(resources).find((k) => k.startsWith(prefix) && resources[k].Type === type)!;
    const keyId = id('TenantKeyacme', 'AWS::KMS::Key');
    const bucketId = id('AppData', 'AWS::S3::Bucket');
    const logGroupId = fnResource(template).props.LoggingConfig.LogGroup.Ref;
    const bucketArn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
    expect(policies[0][1].Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
      { Sid: 'Tracing', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      { Sid: 'DescribeNetwork', Effect: 'Allow', Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], Resource: '*' },
      {
        // The documented shape: Lambda checks these at CreateFunction with a request that names no
        // VPC, so no ec2:Vpc condition; any account, for a VPC shared through RAM.
        Sid: 'ManageLambdaNetworkInterfaces',
        Effect: 'Allow',
        Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
        Resource: partitionArn(':ec2:us-east-1:*:*/*'),
      },
      { Sid: 'ListDataBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
      {
        Sid: 'ReadWriteDataObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: { 'Fn::Join': ['', [bucketArn, '/*']] },
      },
      {
        Sid: 'DataBucketKeyThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: {
          StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
          StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, { 'Fn::Join': ['', [bucketArn, '/*']] }] },
        },
      },
      {
        Sid: 'ReadSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: [{ Ref: id('ApiKey', 'AWS::SecretsManager::Secret') }, stack.resolve(database.appSecret.secretArn)],
      },
      {
        Sid: 'SecretsKeyThroughSecretsManager',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
  });

  test('without secrets or a database: no secret statement', () => {
    const { template } = build();
    const { policies } = appPolicy(template);
    const sids = policies[0][1].Properties.PolicyDocument.Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids).not.toContain('ReadSecrets');
    expect(sids).not.toContain('SecretsKeyThroughSecretsManager');
  });

  test('nowhere may the role delete object versions or use the key directly', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const { template } = build({ database }, stack);
    const roleId = roleOf(template);
    const text = JSON.stringify(Object.values(template.toJSON().Resources).filter((r: any) =>
      (r.Type === 'AWS::IAM::ManagedPolicy' || r.Type === 'AWS::IAM::Policy') && JSON.stringify(r.Properties).includes(roleId) || r.Type === 'AWS::IAM::ManagedPolicy'));
    expect(text).not.toMatch(/s3:DeleteObject(\*|Version)/);
    const kms = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith('kms:')));
    expect(kms.length).toBeGreaterThan(0);
    for (const s of kms) expect(s.Condition.StringEquals['kms:ViaService']).toMatch(/^(s3|secretsmanager)\.us-east-1\.amazonaws\.com$/);
  });
});

void Stack;
