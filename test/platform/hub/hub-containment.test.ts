// Issue 9 (PlatformHub points 11-15) and issue 8 (points 5 and 15, hub side): each test here failed
// on the hub as it was before these fixes and names the point it proves.
import { gzipSync } from 'zlib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PlatformHub, PlatformHubProps } from '../../../src/platform/hub';
import { handler } from '../../../src/platform/hub/log-processor.lambda';
import { testStack } from '../../support/app';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT_A = '210987654321';
const TENANT_B = '222222222222';
const ORG = 'o-abcdefghij';

function hubTemplate(props: PlatformHubProps = { tenantAccountIds: [TENANT_A, TENANT_B] }) {
  const stack = testStack('Platform', PLATFORM);
  const hub = new PlatformHub(stack, 'Hub', props);
  return { stack, hub, template: Template.fromStack(stack) };
}

function logDelivery(template: Template) {
  const streams = Object.values(template.findResources('AWS::KinesisFirehose::DeliveryStream', {
    Properties: { DeliveryStreamName: 'tenant-blocks-logs' },
  }));
  expect(streams).toHaveLength(1);
  return streams[0].Properties.ExtendedS3DestinationConfiguration;
}

function alarmOn(template: Template, namespace: string, metricName: string, dimension?: { Name: string; Value: string }) {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: namespace, MetricName: metricName } }))
    .filter((a) => !dimension || JSON.stringify(a.Properties.Dimensions).includes(JSON.stringify(dimension)));
  expect(alarms.map(() => `${namespace} ${metricName}`)).toEqual([`${namespace} ${metricName}`]);
  return alarms[0].Properties;
}

describe('issue 9.11: one tenant cannot exhaust the log pipeline', () => {
  test('9.11 Firehose partitions logs by account and day only: no log group in the prefix', () => {
    const { template } = hubTemplate();
    expect(logDelivery(template).Prefix).toBe('logs/account=!{partitionKeyFromLambda:account}/day=!{timestamp:yyyy-MM-dd}/');
  });

  test('9.11 the processor returns the sending account as its only partition key (the log group stays inside each line)', async () => {
    const envelope = {
      messageType: 'DATA_MESSAGE',
      owner: TENANT_A,
      logGroup: '/aws/lambda/one-of-many',
      logStream: 's',
      subscriptionFilters: [],
      logEvents: [{ id: '1', timestamp: 1, message: 'x' }],
    };
    const data = gzipSync(Buffer.from(JSON.stringify(envelope))).toString('base64');
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await handler({ invocationId: 'i', deliveryStreamArn: 'a', region: 'us-east-1', records: [{ recordId: 'r', approximateArrivalTimestamp: 0, data }] });
    expect(result.records[0].metadata).toEqual({ partitionKeys: { account: TENANT_A } });
    expect(JSON.parse(Buffer.from(result.records[0].data!, 'base64').toString('utf8')).logGroup).toBe('/aws/lambda/one-of-many');
  });

  test('9.11 alarms on partition overflow, source throttling and records kept under errors/', () => {
    const { template } = hubTemplate();
    expect(alarmOn(template, 'AWS/Firehose', 'PartitionCountExceeded', { Name: 'DeliveryStreamName', Value: 'tenant-blocks-logs' }).Threshold).toBe(1);
    expect(alarmOn(template, 'AWS/Firehose', 'ThrottledGetRecords').Threshold).toBe(0);
    expect(alarmOn(template, 'AWS/Kinesis', 'WriteProvisionedThroughputExceeded').Threshold).toBe(0);
    // Records the processor could not read land under errors/processing-failed/: the errors/ rule counts them.
    expect(alarmOn(template, 'AWS/Events', 'MatchedEvents', { Name: 'RuleName', Value: 'tenant-blocks-hub-error-output' }).Dimensions).toEqual([{ Name: 'RuleName', Value: 'tenant-blocks-hub-error-output' }]);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.s3'],
        'detail-type': ['Object Created'],
        'detail': { bucket: { name: [{ Ref: Match.stringLikeRegexp('^HubLogBucket') }] }, object: { key: [{ prefix: 'errors/' }] } },
      },
    });
  });
});

describe('issue 9.12: the bus admits only the AWS events the link forwards', () => {
  test('9.12 the bus policy restricts events:source to the aws.* sources the link forwards', () => {
    const { template } = hubTemplate();
    const [policy] = Object.values(template.findResources('AWS::Events::EventBusPolicy'));
    const sources: string[] = policy.Properties.Statement.Condition.StringEquals['events:source'];
    expect(sources).toEqual(expect.arrayContaining(['aws.cloudformation', 'aws.rds', 'aws.backup', 'aws.ec2', 'aws.cloudwatch']));
    expect(sources.every((s) => s.startsWith('aws.'))).toBe(true);
  });
});

describe('issue 9.13: the audit bucket cannot be emptied by an admin', () => {
  test('9.13 the log bucket locks every object in COMPLIANCE mode for the retention', () => {
    const { template } = hubTemplate();
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
    });
    expect(JSON.stringify(template.findResources('AWS::S3::Bucket'))).not.toContain('GOVERNANCE');
  });
});

describe('issue 9.14: the organization never relies on the doubtful aws:SourceOrgID (the organization path itself: hub-organization.test.ts)', () => {
  test('9.14 organizationId alone is the organization path, without aws:SourceOrgID', () => {
    const { hub, template } = hubTemplate({ organizationId: ORG });
    expect(hub.admitsOrganization).toBe(true);
    expect(JSON.stringify(template.toJSON())).not.toContain('aws:SourceOrgID');
  });

  test('9.14 with listed accounts the log role trust names them without the doubtful aws:SourceOrgID', () => {
    const { template } = hubTemplate({ tenantAccountIds: [TENANT_A], organizationId: ORG });
    expect(JSON.stringify(template.toJSON())).not.toContain('aws:SourceOrgID');
  });
});

describe('issue 9.15: the bus and its archive use the hub key', () => {
  test('9.15 the event bus and the archive are encrypted with the hub key', () => {
    const { template } = hubTemplate();
    const hubKey = { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubKey'), 'Arn'] };
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'tenant-blocks-change-history', KmsKeyIdentifier: hubKey });
    template.hasResourceProperties('AWS::Events::Archive', { KmsKeyIdentifier: hubKey });
  });
});

describe('issue 8.5: nothing on the hub reserves concurrency', () => {
  test('8.5 the log processor has no reserved concurrency', () => {
    const { template } = hubTemplate();
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });
});

describe('issue 8.15: a vault the platform owns receives copies of tenant recovery points', () => {
  test('8.15 the hub backup vault has its own retained key and admits CopyIntoBackupVault from the tenant accounts only', () => {
    const { template, hub } = hubTemplate();
    const vaults = template.findResources('AWS::Backup::BackupVault');
    expect(Object.keys(vaults)).toHaveLength(1);
    const [vault] = Object.values(vaults);
    expect(vault.DeletionPolicy).toBe('Retain');
    expect(vault.Properties.BackupVaultName).toBe('tenant-blocks-hub');
    expect(vault.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^HubBackupKey/), 'Arn'] });
    expect(vault.Properties.AccessPolicy.Statement).toEqual([
      {
        Sid: 'AdmitTenantCopies',
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${TENANT_A}:root`, `arn:aws:iam::${TENANT_B}:root`] },
        Action: 'backup:CopyIntoBackupVault',
        Resource: '*',
      },
      {
        Sid: 'DenyDeletingCopiesExceptBreakGlass',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/tenant-blocks-break-glass' } },
      },
    ]);
    // A literal a tenant stack can take as TenantPostgres.backupCopyVaultArn (customer-side values refuse tokens).
    expect(hub.backupVaultArn).toBe('arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub');
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { Description: Match.stringLikeRegexp('backup'), EnableKeyRotation: true } });
  });
});
