import { Aws, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PlatformHub, PlatformHubProps } from '../../../src/platform/hub';
import { hubAdmittedDetailTypes, hubFilterPattern } from '../../../src/core/link-events';
import { testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT_A = '210987654321';
const TENANT_B = '222222222222';
const ORG = 'o-abcdefghij';
/** The aws.* sources the links forward, in the order the hub lists them. */
const FORWARDED = [
  'aws.acm', 'aws.backup', 'aws.cloudformation', 'aws.cloudwatch', 'aws.ec2', 'aws.health',
  'aws.iam', 'aws.kms', 'aws.logs', 'aws.rds', 'aws.secretsmanager',
];

function hubStack(props: PlatformHubProps = { tenantAccountIds: [TENANT_A, TENANT_B] }) {
  const stack = testStack('Platform', PLATFORM);
  const hub = new PlatformHub(stack, 'Hub', props);
  return { stack, hub, get template() { return Template.fromStack(stack); } };
}

/** The policy document of the single resource of `type` whose logical id starts with `prefix`. */
function only(template: Template, type: string, props: Record<string, unknown> = {}) {
  const found = template.findResources(type, props);
  expect(Object.keys(found)).toHaveLength(1);
  return Object.values(found)[0].Properties;
}

describe('PlatformHub with listed tenant accounts', () => {
  test('the log destination admits exactly the listed accounts to subscribe', () => {
    const { template } = hubStack();
    const props = only(template, 'AWS::Logs::Destination');
    expect(props.DestinationName).toBe('tenant-blocks-logs');
    expect(JSON.parse(props.DestinationPolicy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'AdmitTenantSubscriptions',
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${TENANT_A}:root`, `arn:aws:iam::${TENANT_B}:root`] },
        Action: 'logs:PutSubscriptionFilter',
        Resource: 'arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs',
      }],
    });
    expect(props.TargetArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^HubLogStream/), 'Arn'] });
  });

  test('only CloudWatch Logs acting for the admitted accounts in this region may assume the destination role', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'logs.amazonaws.com' },
          Condition: {
            StringLike: {
              'aws:SourceArn': [
                `arn:aws:logs:us-east-1:${TENANT_A}:*`,
                `arn:aws:logs:us-east-1:${TENANT_B}:*`,
                'arn:aws:logs:us-east-1:111111111111:*',
              ],
            },
          },
        }],
      },
    });
  });

  test('the destination role may only put records into the stream and encrypt through Kinesis', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HubDestinationRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'PutIntoLogStream', Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogStream'), 'Arn'] } },
          {
            Sid: 'EncryptThroughKinesis',
            Effect: 'Allow',
            Action: 'kms:GenerateDataKey',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] },
            Condition: { StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com' } },
          },
        ],
      },
    });
  });

  test('only this account\'s delivery stream may assume the Firehose role, which reads the stream and writes the bucket only', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'firehose.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111111111111' },
            ArnEquals: { 'aws:SourceArn': 'arn:aws:firehose:us-east-1:111111111111:deliverystream/tenant-blocks-logs' },
          },
        }],
      },
    });
    const bucketArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogBucket'), 'Arn'] };
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HubDeliveryRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ReadLogStream',
            Effect: 'Allow',
            Action: ['kinesis:DescribeStream', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogStream'), 'Arn'] },
          },
          {
            Sid: 'WriteLogBucket',
            Effect: 'Allow',
            Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
            Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/logs/*']] }, { 'Fn::Join': ['', [bucketArn, '/errors/logs/*']] }],
          },
          {
            Sid: 'InvokeLogProcessor',
            Effect: 'Allow',
            Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogProcessor[0-9A-F]{8}$'), 'Arn'] },
          },
          {
            Sid: 'UseHubKeyThroughKinesisAndS3',
            Effect: 'Allow',
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] },
            Condition: { StringEquals: { 'kms:ViaService': ['kinesis.us-east-1.amazonaws.com', 's3.us-east-1.amazonaws.com'] } },
          },
        ],
      },
    });
  });

  test('Firehose runs the log processor Lambda and partitions by the account it returns and the arrival day', () => {
    const { template } = hubStack();
    const props = only(template, 'AWS::KinesisFirehose::DeliveryStream', { Properties: { DeliveryStreamName: 'tenant-blocks-logs' } });
    expect(props.DeliveryStreamName).toBe('tenant-blocks-logs');
    expect(props.DeliveryStreamType).toBe('KinesisStreamAsSource');
    expect(props.ExtendedS3DestinationConfiguration).toEqual(expect.objectContaining({
      Prefix: 'logs/account=!{partitionKeyFromLambda:account}/day=!{timestamp:yyyy-MM-dd}/',
      ErrorOutputPrefix: 'errors/logs/!{firehose:error-output-type}/!{timestamp:yyyy-MM-dd}/',
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      CompressionFormat: 'GZIP',
      DynamicPartitioningConfiguration: { Enabled: true, RetryOptions: { DurationInSeconds: 300 } },
      EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: { 'Fn::GetAtt': [expect.stringMatching(/^HubKey/), 'Arn'] } } },
      // Exactly one processor: CloudWatch Logs decompression only accepts records CloudWatch Logs
      // writes to Firehose directly, and these come through the Kinesis stream.
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [{
          Type: 'Lambda',
          Parameters: [
            { ParameterName: 'LambdaArn', ParameterValue: { 'Fn::GetAtt': [expect.stringMatching(/^HubLogProcessor[0-9A-F]{8}$/), 'Arn'] } },
            { ParameterName: 'BufferSizeInMBs', ParameterValue: '1' },
            { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '60' },
            { ParameterName: 'NumberOfRetries', ParameterValue: '3' },
          ],
        }],
      },
    }));
  });

  test('the log processor: bundled handler, own encrypted log group created in the stack with retention, no VPC, no reserved concurrency', () => {
    const { template, stack, hub } = hubStack();
    const fn = only(template, 'AWS::Lambda::Function');
    expect(fn).toEqual(expect.objectContaining({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 60,
      MemorySize: 512,
      LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/^HubLogProcessorLogGroup/) } },
      Role: { 'Fn::GetAtt': [expect.stringMatching(/^HubLogProcessorRole/), 'Arn'] },
    }));
    expect(fn.VpcConfig).toBeUndefined();
    expect(fn.ReservedConcurrentExecutions).toBeUndefined();
    expect(stack.resolve(hub.logProcessor.functionArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^HubLogProcessor[0-9A-F]{8}$/), 'Arn'] });
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Delete',
      Properties: {
        LogGroupName: '/tenant-blocks/platform-hub/log-processor',
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] },
      },
    });
  });

  test('the log processor role may only write its own log group; only the Firehose role may invoke the processor', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HubLogProcessorRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Sid: 'WriteOwnLogGroup',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogProcessorLogGroup'), 'Arn'] },
        }],
      },
    });
    // Who may invoke: no resource policy, and of every policy in the stack only the Firehose role's names lambda:InvokeFunction.
    template.resourceCountIs('AWS::Lambda::Permission', 0);
    const invokers = Object.values({ ...template.findResources('AWS::IAM::ManagedPolicy'), ...template.findResources('AWS::IAM::Policy') })
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('lambda:InvokeFunction'))
      .map((p) => p.Properties.Roles);
    expect(invokers).toEqual([[{ Ref: expect.stringMatching(/^HubDeliveryRole/) }]]);
  });

  test('the hub key lets CloudWatch Logs encrypt the processor log group only', () => {
    const { template } = hubStack();
    const key = only(template, 'AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('shipped tenant logs') } });
    expect(key.KeyPolicy.Statement).toContainEqual({
      Sid: 'AllowCloudWatchLogsForTheLogProcessorLogGroup',
      Effect: 'Allow',
      Principal: { Service: 'logs.us-east-1.amazonaws.com' },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:111111111111:log-group:/tenant-blocks/platform-hub/log-processor' } },
    });
  });

  test('logPrefixFor and historyPrefixFor compute the account partition the hub writes', () => {
    expect(PlatformHub.logPrefixFor(TENANT_A)).toBe(`logs/account=${TENANT_A}/`);
    expect(PlatformHub.historyPrefixFor(TENANT_A)).toBe(`history/account=${TENANT_A}/`);
  });

  test.each([
    ['logPrefixFor', (a: string) => PlatformHub.logPrefixFor(a)],
    ['historyPrefixFor', (a: string) => PlatformHub.historyPrefixFor(a)],
  ])('%s throws when the account is not 12 digits', (method, fn) => {
    expect(() => fn('1234')).toThrow(`PlatformHub.${method}: tenantAccountId must be a 12-digit AWS account id (got: '1234')`);
  });

  test('logPrefixFor takes the account as a token (one stack standing in for both accounts)', () => {
    const { stack } = hubStack();
    expect(stack.resolve(PlatformHub.logPrefixFor(Aws.ACCOUNT_ID))).toEqual({
      'Fn::Join': ['', ['logs/account=', { Ref: 'AWS::AccountId' }, '/']],
    });
  });

  test('the stream is encrypted with the hub key and the log bucket is KMS-encrypted, locked, versioned, private and retained', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::Kinesis::Stream', {
      StreamEncryption: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] } },
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
    });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] } },
          }],
        },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^HubAccessLogBucket') }, LogFilePrefix: 'log-bucket/' },
        LifecycleConfiguration: {
          Rules: [{
            ExpirationInDays: 365,
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            Status: 'Enabled',
          }],
        },
      }),
    });
  });

  test('the access-log bucket has no object lock (S3 server access logging cannot deliver to it) but is versioned, expiring, TLS only, private and retained', () => {
    const { template } = hubStack();
    const accessLogs = template.findResources('AWS::S3::Bucket', { Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } } });
    expect(Object.keys(accessLogs)).toEqual([expect.stringMatching(/^HubAccessLogBucket/)]);
    const [logicalId, bucket] = Object.entries(accessLogs)[0];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
    expect(bucket.Properties.ObjectLockConfiguration).toBeUndefined();
    expect(bucket.Properties).toEqual(expect.objectContaining({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' }] },
    }));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  test('the event bus admits PutEvents of the forwarded aws.* sources from the listed accounts only, and archives them', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'tenant-blocks-change-history' });
    const policy = only(template, 'AWS::Events::EventBusPolicy');
    expect(policy.Statement).toEqual({
      Sid: 'cdk-AdmitTenantChangeEvents',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${TENANT_A}:root`, `arn:aws:iam::${TENANT_B}:root`] },
      Action: 'events:PutEvents',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^HubEventBus/), 'Arn'] },
      Condition: { StringEquals: { 'events:source': FORWARDED, 'events:detail-type': hubAdmittedDetailTypes() } },
    });
    // Issue 21 §2: the archive keeps the link's exact patterns, from every admitted account.
    template.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: hubFilterPattern(),
      RetentionDays: 365,
    });
  });

  test('retention applies to the bucket lifecycle, object lock and archive', () => {
    const { template } = hubStack({ tenantAccountIds: [TENANT_A], retention: Duration.days(30) });
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 30 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30 })] },
    });
    template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 30 });
  });

  test('reference and logShipping carry literal ARNs a tenant stack in another account can use', () => {
    const { hub } = hubStack();
    expect(hub.reference).toEqual({
      platformAccountId: '111111111111',
      region: 'us-east-1',
      eventBusArn: 'arn:aws:events:us-east-1:111111111111:event-bus/tenant-blocks-change-history',
      logDestinationArn: 'arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs',
    });
    expect(PlatformHub.referenceFor('111111111111', 'us-east-1')).toEqual(hub.reference);
    expect(hub.logShipping.destinationArn).toBe(hub.reference.logDestinationArn);
    expect(hub.logDestinationArn).toBe('arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs');
    expect(hub.logDestinationName).toBe('tenant-blocks-logs');
  });

  test('the destination is created under the exposed name and ARN, after its role can write the stream', () => {
    const { template, hub } = hubStack();
    const destinations = template.findResources('AWS::Logs::Destination');
    const [destination] = Object.values(destinations);
    expect(destination.Properties.DestinationName).toBe(hub.logDestinationName);
    expect(JSON.parse(destination.Properties.DestinationPolicy).Statement[0].Resource).toBe(hub.logDestinationArn);
    expect(destination.DependsOn).toEqual([expect.stringMatching(/^HubDestinationPolicy/)]);
  });

  test('grantAssumeTenantLinks grants sts:AssumeRole and sts:SetSourceIdentity (the links require a source identity) on the link roles of the listed accounts only', () => {
    const { stack, hub } = hubStack();
    const console = new iam.Role(stack, 'Console', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    hub.grantAssumeTenantLinks(console);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Console') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          Resource: [`arn:aws:iam::${TENANT_A}:role/tenant-blocks-link-*`, `arn:aws:iam::${TENANT_B}:role/tenant-blocks-link-*`],
        }],
      },
    });
  });

  test('applies the guardrails: nothing reported as built (the SSE-S3 access-log bucket is exempt with a reason), an escape hatch on the log bucket is', () => {
    const errors = (stack: Stack) => Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('TenantGuardrails')).map((e) => String(e.entry.data));
    expect(errors(hubStack().stack)).toEqual([]);

    const { stack, hub } = hubStack();
    (hub.logBucket.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('BucketEncryption');
    (hub.encryptionKey.node.defaultChild as kms.CfnKey).addPropertyOverride('EnableKeyRotation', false);
    expect(errors(stack)).toEqual([
      expect.stringMatching(/^\[TenantGuardrails\] AWS::KMS::Key Platform\/Hub\/Key\/Resource .*\(KEY_ROTATION\)$/),
      expect.stringMatching(/^\[TenantGuardrails\] AWS::S3::Bucket Platform\/Hub\/LogBucket\/Resource .*BucketEncryption is missing.*\(CUSTOMER_MANAGED_ENCRYPTION\)$/),
    ]);
  });

  test('passes every compliance gate (suppressions reasoned in code) and cfn-lint', () => {
    const { stack } = hubStack();
    const findings = complianceFindings(stack);
    expect(formatFindings(findings)).toBe('no compliance findings');
    expectCfnLintClean(stack);
  });

  test('snapshot', () => {
    expect(hubStack().template.toJSON()).toMatchSnapshot();
  });
});

describe('PlatformHub with accounts and an organization', () => {
  test('listed accounts must also be members of the organization', () => {
    const { template } = hubStack({ tenantAccountIds: [TENANT_A], organizationId: ORG });
    const props = only(template, 'AWS::Logs::Destination');
    expect(JSON.parse(props.DestinationPolicy).Statement[0]).toEqual(expect.objectContaining({
      Principal: { AWS: [`arn:aws:iam::${TENANT_A}:root`] },
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    }));
    expect(only(template, 'AWS::Events::EventBusPolicy').Statement.Condition).toEqual({ StringEquals: { 'events:source': FORWARDED, 'events:detail-type': hubAdmittedDetailTypes(), 'aws:PrincipalOrgID': ORG } });
  });

  test('passes every compliance gate and cfn-lint', () => {
    const { stack } = hubStack({ tenantAccountIds: [TENANT_A], organizationId: ORG });
    expect(formatFindings(complianceFindings(stack))).toBe('no compliance findings');
    expectCfnLintClean(stack);
  });
});

describe('PlatformHub props validation', () => {
  test.each<[string, PlatformHubProps, string]>([
    ['neither accounts nor organization are given', {}, '- tenantAccountIds: list the tenant accounts that may send logs and change events, or give organizationId alone to admit every account of the organization (one of the two is required) (got: undefined)'],
    ['the account list is empty and there is no organization', { tenantAccountIds: [] }, '- tenantAccountIds: list the tenant accounts'],
    ['an account id is not 12 digits', { tenantAccountIds: ['12345'] }, "- tenantAccountIds[0]: must be a 12-digit AWS account id (got: '12345')"],
    ['an account is listed twice', { tenantAccountIds: [TENANT_A, TENANT_A] }, `- tenantAccountIds[1]: duplicates tenantAccountIds[0] (got: '${TENANT_A}')`],
    ['more than 30 accounts are listed', { tenantAccountIds: Array.from({ length: 31 }, (_, i) => String(100000000000 + i)) }, '- tenantAccountIds: lists at most 30 accounts'],
    ['the organization id is malformed', { tenantAccountIds: [TENANT_A], organizationId: 'org-123' }, "- organizationId: must be an AWS Organizations id (o- followed by 10-32 lowercase letters or digits) (got: 'org-123')"],
    ['the account list is empty beside an organization', { tenantAccountIds: [], organizationId: ORG }, '- tenantAccountIds: is empty: leave it out to admit every account of organizationId, or list the accounts'],
    ['retention is shorter than a day', { tenantAccountIds: [TENANT_A], retention: Duration.hours(12) }, '- retention: must be between 1 day and 3650 days (got: 12 hours)'],
    ['retention is longer than 10 years', { tenantAccountIds: [TENANT_A], retention: Duration.days(3651) }, '- retention: must be between 1 day and 3650 days (got: 3651 days)'],
    ['retention is not a whole number of days', { tenantAccountIds: [TENANT_A], retention: Duration.hours(36) }, '- retention: must be a whole number of days'],
  ])('throws when %s', (_name, props, message) => {
    expect(() => hubStack(props)).toThrow(message);
  });

  test('throws one error listing every problem before creating anything', () => {
    const stack = testStack('Platform', PLATFORM);
    expect(() => new PlatformHub(stack, 'Hub', { tenantAccountIds: ['1'], organizationId: 'x' }))
      .toThrow(/^Invalid PlatformHub props for tenant "platform":\n- tenantAccountIds\[0\]: .*\n- organizationId: .*$/);
    expect(stack.node.tryFindChild('Hub')?.node.children ?? []).toHaveLength(0);
  });
});
