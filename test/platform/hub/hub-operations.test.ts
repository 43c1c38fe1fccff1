// Issue 11, hub side: tenant alarms reach a notification topic, every admitted event lands in the
// per-tenant history, Glue/Athena answer per-tenant queries, the pipeline is alarmed and a fleet
// dashboard exists. Exact definitions, asserted on the synthesized template.
import * as fs from 'fs';
import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountLink } from '../../../src/blocks/link';
import { PlatformHub } from '../../../src/platform/hub';
import { hubAlarmSpecs } from '../../../src/platform/hub/hub-alarms';
import { CHANGE_EVENT_SOURCES } from '../../../src/core/hub-names';
import { hubFilterPattern } from '../../../src/core/link-events';
import { testStack } from '../../support/app';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT_A = '210987654321';
const HUB_KEY = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] };

function hubStack() {
  const stack = testStack('Platform', PLATFORM);
  const hub = new PlatformHub(stack, 'Hub', { tenantAccountIds: [TENANT_A] });
  return { stack, hub, get template() { return Template.fromStack(stack); } };
}

describe('tenant alarms reach the platform', () => {
  test('the notification topic is encrypted with the hub key and only the hub rules and alarms of this account may publish', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: HUB_KEY });
    const [policy] = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual({
      Sid: 'HubRulesPublish',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: expect.stringMatching(/^HubNotificationTopic/) },
      Condition: {
        ArnEquals: {
          'aws:SourceArn': [
            // One rule per admitted account (issue 21 §2).
            { 'Fn::Join': ['', ['arn:aws:events:us-east-1:111111111111:rule/', { Ref: expect.stringMatching(/^HubEventBus/) }, `/tenant-blocks-hub-tenant-alarms-${TENANT_A}`]] },
            'arn:aws:events:us-east-1:111111111111:rule/tenant-blocks-hub-error-output',
          ],
        },
      },
    });
    expect(statements).toContainEqual({
      Sid: 'HubAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: expect.stringMatching(/^HubNotificationTopic/) },
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:us-east-1:111111111111:alarm:*' },
        StringEquals: { 'aws:SourceAccount': '111111111111' },
      },
    });
  });

  test('a tenant alarm state change on the hub bus becomes a message naming the tenant account and the alarm', () => {
    const { template } = hubStack();
    const [rule] = Object.values(template.findResources('AWS::Events::Rule', { Properties: { Name: `tenant-blocks-hub-tenant-alarms-${TENANT_A}` } }));
    expect(rule.Properties.EventBusName).toEqual({ Ref: expect.stringMatching(/^HubEventBus/) });
    expect(rule.Properties.EventPattern).toEqual({
      'account': [TENANT_A],
      'source': ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      'detail': { alarmName: [{ prefix: 'tenant-blocks-' }] },
    });
    const [target] = rule.Properties.Targets;
    expect(target.Arn).toEqual({ Ref: expect.stringMatching(/^HubNotificationTopic/) });
    expect(target.InputTransformer.InputPathsMap).toEqual({
      'region': '$.region',
      'time': '$.time',
      'detail-alarmName': '$.detail.alarmName',
      'resources-0-': '$.resources[0]',
      'detail-state-value': '$.detail.state.value',
      'detail-previousState-value': '$.detail.previousState.value',
      'detail-state-reason': '$.detail.state.reason',
    });
    expect(target.InputTransformer.InputTemplate).toBe(`{"kind":"tenant-alarm","tenantAccount":"${TENANT_A}","region":<region>,"time":<time>,"alarmName":<detail-alarmName>,"alarmArn":<resources-0->,"state":<detail-state-value>,"previousState":<detail-previousState-value>,"reason":<detail-state-reason>}`);
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [expect.stringMatching(/^HubDeadLetterQueue/), 'Arn'] } });
  });

  test('the hub key lets the two publishing services encrypt for the topic', () => {
    const { template } = hubStack();
    const [key] = Object.values(template.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('shipped tenant logs') } }));
    expect(key.Properties.KeyPolicy.Statement).toContainEqual({
      Sid: 'AllowAlarmsAndRulesToPublishToTheEncryptedTopic',
      Effect: 'Allow',
      Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
    });
  });
});

describe('per-tenant, append-only event history', () => {
  test('every admitted source goes from the hub bus to the history delivery stream, through a role only that rule may use', () => {
    const { template } = hubStack();
    const [rule] = Object.values(template.findResources('AWS::Events::Rule', { Properties: { Name: 'tenant-blocks-hub-history' } }));
    // Issue 21 §2: the link's exact patterns, not every event of its sources.
    expect(rule.Properties.EventPattern).toEqual(hubFilterPattern());
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({
      Arn: { 'Fn::GetAtt': [expect.stringMatching(/^HubHistoryDelivery/), 'Arn'] },
      RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^HubHistoryRuleRole/), 'Arn'] },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^HubDeadLetterQueue/), 'Arn'] } },
      RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
    })]);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HubHistoryRuleRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'PutIntoHistoryStream', Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubHistoryDelivery'), 'Arn'] } }],
      },
    });
  });

  test('the history stream: Direct PUT encrypted with the hub key, partitioned like the logs, one event per line', () => {
    const { template } = hubStack();
    const [stream] = Object.values(template.findResources('AWS::KinesisFirehose::DeliveryStream', { Properties: { DeliveryStreamName: 'tenant-blocks-history' } }));
    expect(stream.Properties.DeliveryStreamType).toBe('DirectPut');
    expect(stream.Properties.DeliveryStreamEncryptionConfigurationInput).toEqual({ KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: { 'Fn::GetAtt': [expect.stringMatching(/^HubKey/), 'Arn'] } });
    expect(stream.Properties.ExtendedS3DestinationConfiguration).toEqual(expect.objectContaining({
      BucketARN: { 'Fn::GetAtt': [expect.stringMatching(/^HubLogBucket/), 'Arn'] },
      Prefix: 'history/account=!{partitionKeyFromQuery:account}/day=!{timestamp:yyyy-MM-dd}/',
      ErrorOutputPrefix: 'errors/history/!{firehose:error-output-type}/!{timestamp:yyyy-MM-dd}/',
      CompressionFormat: 'GZIP',
      DynamicPartitioningConfiguration: { Enabled: true, RetryOptions: { DurationInSeconds: 300 } },
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          { Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{account: .account}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] },
          { Type: 'AppendDelimiterToRecord', Parameters: [{ ParameterName: 'Delimiter', ParameterValue: '\\n' }] },
        ],
      },
    }));
  });

  test('the history role writes history/ and errors/history/ of the bucket only', () => {
    const { template } = hubStack();
    const bucketArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogBucket'), 'Arn'] };
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HubHistoryDeliveryRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'WriteHistoryPrefix',
            Effect: 'Allow',
            Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
            Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/history/*']] }, { 'Fn::Join': ['', [bucketArn, '/errors/history/*']] }],
          },
          { Sid: 'UseHubKeyThroughS3', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: HUB_KEY, Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } },
        ],
      },
    });
  });

  test('the hub admits exactly the sources the link forwards', () => {
    expect([...CHANGE_EVENT_SOURCES].sort()).toEqual([...CrossAccountLink.FORWARDED_SOURCES].sort());
  });
});

describe('per-tenant queries', () => {
  test('a Glue database and two JSON tables with partition projection over logs/ and history/', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::Glue::Database', { CatalogId: '111111111111', DatabaseInput: { Name: 'tenant_blocks_hub' } });
    const logs = Object.values(template.findResources('AWS::Glue::Table', { Properties: { TableInput: { Name: 'tenant_logs' } } }))[0].Properties.TableInput;
    expect(logs.StorageDescriptor.Columns.map((c: any) => `${c.Name}:${c.Type}`)).toEqual(['owner:string', 'loggroup:string', 'logstream:string', 'id:string', 'timestamp:bigint', 'message:string']);
    expect(logs.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
    expect(logs.Parameters['storage.location.template']).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^HubLogBucket/) }, '/logs/account=${account}/day=${day}/']] });
    const history = Object.values(template.findResources('AWS::Glue::Table', { Properties: { TableInput: { Name: 'tenant_history' } } }))[0].Properties.TableInput;
    expect(history.StorageDescriptor.SerdeInfo.Parameters['mapping.detail_type']).toBe('detail-type');
    expect(history.Parameters['storage.location.template']).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^HubLogBucket/) }, '/history/account=${account}/day=${day}/']] });
    template.resourceCountIs('AWS::Glue::Crawler', 0);
  });

  test('the Athena workgroup enforces its configuration, encrypted results and a 1 GiB scan limit per query', () => {
    const { template } = hubStack();
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'tenant-blocks-hub',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 1073741824,
        RequesterPaysEnabled: false,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^HubQueryResultsBucket') }, '/results/']] },
          ExpectedBucketOwner: '111111111111',
          EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: HUB_KEY },
        },
      },
    });
  });

  test('the results bucket is KMS-encrypted, private, TLS only, logged, expires after a week and has no lock', () => {
    const { template } = hubStack();
    const [results] = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) => id.startsWith('HubQueryResultsBucket'));
    expect(results[1].Properties).toEqual(expect.objectContaining({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: expect.anything() } }] },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 7, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^HubAccessLogBucket/) }, LogFilePrefix: 'query-results/' },
    }));
    expect(results[1].Properties.ObjectLockEnabled).toBeUndefined();
  });

  test('grantQueryTenantLogs grants exactly the query path: workgroup, catalog, logs/ and history/, results, key through S3', () => {
    const { stack, hub } = hubStack();
    const console = new iam.Role(stack, 'Console', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    hub.grantQueryTenantLogs(console);
    const bucketArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubLogBucket'), 'Arn'] };
    const resultsArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubQueryResultsBucket'), 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Console') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'], Resource: 'arn:aws:athena:us-east-1:111111111111:workgroup/tenant-blocks-hub' },
          {
            Effect: 'Allow',
            Action: ['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'],
            Resource: [
              'arn:aws:glue:us-east-1:111111111111:catalog',
              'arn:aws:glue:us-east-1:111111111111:database/tenant_blocks_hub',
              'arn:aws:glue:us-east-1:111111111111:table/tenant_blocks_hub/tenant_logs',
              'arn:aws:glue:us-east-1:111111111111:table/tenant_blocks_hub/tenant_history',
            ],
          },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::Join': ['', [bucketArn, '/logs/*']] }, { 'Fn::Join': ['', [bucketArn, '/history/*']] }] },
          { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucket'], Resource: bucketArn },
          { Effect: 'Allow', Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'], Resource: { 'Fn::Join': ['', [resultsArn, '/results/*']] } },
          { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'], Resource: resultsArn },
          { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: HUB_KEY, Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } },
        ],
      },
    });
  });
});

describe('hub alarms and the fleet dashboard', () => {
  test('every alarm of the table exists with its threshold and reason, notifies the topic and treats no data as fine', () => {
    const { template, hub, stack } = hubStack();
    const specs = hubAlarmSpecs('s', 'f');
    // The table, plus one volume alarm per admitted account (issue 21 §2).
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms).toHaveLength(specs.length + 1);
    expect(hub.alarms).toHaveLength(specs.length + 1);
    for (const spec of specs) {
      const found = alarms.filter((a) => a.MetricName === spec.metricName && a.Namespace === spec.namespace && a.AlarmDescription === spec.reason);
      expect(found.map(() => spec.id)).toEqual([spec.id]);
      expect(found[0]).toEqual(expect.objectContaining({
        Threshold: spec.threshold,
        EvaluationPeriods: spec.evaluationPeriods,
        Period: 300,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: expect.stringMatching(/^HubNotificationTopic/) }],
        OKActions: [{ Ref: expect.stringMatching(/^HubNotificationTopic/) }],
      }));
    }
    expect(stack.resolve(hub.notificationTopic.topicArn)).toEqual({ Ref: expect.stringMatching(/^HubNotificationTopic/) });
  });

  test('the processor alarms watch the processor, the stream alarms the stream', () => {
    const { template } = hubStack();
    const byMetric = (m: string) => Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: m } }))[0].Properties.Dimensions;
    expect(byMetric('Errors')).toEqual([{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^HubLogProcessor[0-9A-F]{8}$/) } }]);
    expect(byMetric('Throttles')).toEqual([{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^HubLogProcessor[0-9A-F]{8}$/) } }]);
    expect(byMetric('GetRecords.IteratorAgeMilliseconds')).toEqual([{ Name: 'StreamName', Value: { Ref: expect.stringMatching(/^HubLogStream/) } }]);
  });

  test('a fleet dashboard with the alarm status and the pipeline and tenant event graphs', () => {
    const { template } = hubStack();
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboard.Properties.DashboardName).toBe('tenant-blocks-fleet');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['Hub pipeline alarms', 'Tenant alarm state changes and events (fleet)', 'Shipped log records (fleet)', 'Delivery freshness (s)', 'Active partitions', 'Log processor']) {
      expect(body).toContain(title);
    }
  });

  test('docs/platform/hub.md lists every alarm with its threshold and reason', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'platform', 'hub.md'), 'utf8');
    for (const spec of hubAlarmSpecs('s', 'f')) {
      expect(doc).toContain(`| ${spec.id} |`);
      expect(doc).toContain(spec.reason);
    }
  });
});
