import { Aws, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IamPolicyDocument, IamRequest, evaluatePolicies } from '../../../src/blocks/link/iam-evaluator';
import { PlatformHub, PlatformHubProps, TenantLogQuery } from '../../../src/platform/hub';
import { testStack } from '../../support/app';

// Issue 21 §2: the hub isolates tenants, and no tenant can flood it.

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const TENANT_A = '210987654321';
const TENANT_B = '222222222222';

function hubStack(props: PlatformHubProps = { tenantAccountIds: [TENANT_A, TENANT_B] }) {
  const stack = testStack('Platform', PLATFORM);
  const hub = new PlatformHub(stack, 'Hub', props);
  return { stack, hub };
}

/** Resolves the intrinsics of a synthesized policy to plain ARNs: a bucket's Arn is arn:aws:s3:::<logical id>. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('Fn::GetAtt' in o) return `arn:aws:s3:::${(o['Fn::GetAtt'] as string[])[0]}`;
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(plain).join(sep);
    }
    if ('Ref' in o) return String(o.Ref);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** The identity policies attached to the role whose logical id starts with `prefix`. */
function policiesOf(stack: Stack, prefix: string): IamPolicyDocument[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref.startsWith(prefix)))
    .map((p) => plain(p.Properties.PolicyDocument) as IamPolicyDocument);
}

function logicalIdStartingWith(stack: Stack, type: string, prefix: string): string {
  const ids = Object.keys(Template.fromStack(stack).findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('21.2 per-tenant query isolation is enforced by IAM', () => {
  function consoleOfTenantA() {
    const { stack, hub } = hubStack();
    const role = new iam.Role(stack, 'ConsoleA', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    hub.grantQueryTenant(role, TENANT_A);
    const bucket = `arn:aws:s3:::${logicalIdStartingWith(stack, 'AWS::S3::Bucket', 'HubLogBucket')}`;
    const results = `arn:aws:s3:::${logicalIdStartingWith(stack, 'AWS::S3::Bucket', 'HubQueryResultsBucket')}`;
    const decide = (request: IamRequest) => evaluatePolicies(policiesOf(stack, 'ConsoleA'), request);
    return { stack, hub, bucket, results, decide };
  }

  test('a grantee of tenant A reads A\'s logs and history, and nothing of tenant B', () => {
    const { bucket, decide } = consoleOfTenantA();
    const get = (key: string) => decide({ action: 's3:GetObject', resource: `${bucket}/${key}` });
    expect(get(`logs/account=${TENANT_A}/day=2026-12-01/part-1.gz`)).toBe('ALLOW');
    expect(get(`history/account=${TENANT_A}/day=2026-12-01/part-1.gz`)).toBe('ALLOW');
    expect(get(`logs/account=${TENANT_B}/day=2026-12-01/part-1.gz`)).toBe('IMPLICIT_DENY');
    expect(get(`history/account=${TENANT_B}/day=2026-12-01/part-1.gz`)).toBe('IMPLICIT_DENY');
    // A prefix that merely starts with A's digits is another partition.
    expect(get(`logs/account=${TENANT_A}9/day=2026-12-01/x.gz`)).toBe('IMPLICIT_DENY');
    expect(get('errors/logs/processing-failed/x.gz')).toBe('IMPLICIT_DENY');
  });

  test('listing is allowed inside A\'s partitions only', () => {
    const { bucket, decide } = consoleOfTenantA();
    const list = (prefix: string) => decide({ action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } });
    expect(list(`logs/account=${TENANT_A}/day=2026-12-01/`)).toBe('ALLOW');
    expect(list(`logs/account=${TENANT_B}/day=2026-12-01/`)).toBe('IMPLICIT_DENY');
    expect(list('logs/')).toBe('IMPLICIT_DENY');
  });

  test('Athena only in A\'s own workgroup, whose results land under A\'s own prefix', () => {
    const { stack, results, decide } = consoleOfTenantA();
    const athena = (wg: string) => decide({ action: 'athena:StartQueryExecution', resource: `arn:aws:athena:us-east-1:111111111111:workgroup/${wg}` });
    expect(athena(`tenant-blocks-hub-${TENANT_A}`)).toBe('ALLOW');
    expect(athena('tenant-blocks-hub')).toBe('IMPLICIT_DENY');
    expect(athena(`tenant-blocks-hub-${TENANT_B}`)).toBe('IMPLICIT_DENY');
    expect(decide({ action: 's3:GetObject', resource: `${results}/results/account=${TENANT_A}/q.csv` })).toBe('ALLOW');
    expect(decide({ action: 's3:GetObject', resource: `${results}/results/account=${TENANT_B}/q.csv` })).toBe('IMPLICIT_DENY');
    expect(decide({ action: 's3:GetObject', resource: `${results}/results/q.csv` })).toBe('IMPLICIT_DENY');
    Template.fromStack(stack).hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: `tenant-blocks-hub-${TENANT_A}`,
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: 1024 * 1024 * 1024,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: logicalIdStartingWith(stack, 'AWS::S3::Bucket', 'HubQueryResultsBucket') }, `/results/account=${TENANT_A}/`]] },
        },
      },
    });
    expect(TenantLogQuery.historyForTenant(TENANT_A, new Date('2026-12-01'), new Date('2026-12-02')).tenantWorkGroup).toBe(`tenant-blocks-hub-${TENANT_A}`);
  });

  test('two grants of one tenant share its workgroup', () => {
    const { stack, hub } = hubStack();
    hub.grantQueryTenant(new iam.Role(stack, 'ConsoleA', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }), TENANT_A);
    hub.grantQueryTenant(new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }), TENANT_A);
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::Athena::WorkGroup', { Properties: { Name: `tenant-blocks-hub-${TENANT_A}` } }))).toHaveLength(1);
  });

  test.each([
    ['a list of accounts', `${TENANT_A},${TENANT_B}`],
    ['a quote injection', `${TENANT_A}' OR '1'='1`],
    ['a wildcard', '21098765432*'],
    ['a star', '*'],
    ['an IN list', `${TENANT_A}') OR account IN ('${TENANT_B}`],
    ['eleven digits', '21098765432'],
    ['a padded value', ` ${TENANT_A}`],
    ['an empty string', ''],
  ])('throws when the tenant account is %s', (_name, value) => {
    const { stack, hub } = hubStack();
    const role = new iam.Role(stack, 'Console', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    expect(() => hub.grantQueryTenant(role, value)).toThrow(/tenantAccountId must be exactly one 12-digit AWS account id/);
  });

  test('throws when the tenant account is not admitted by the hub', () => {
    const { stack, hub } = hubStack();
    const role = new iam.Role(stack, 'Console', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    expect(() => hub.grantQueryTenant(role, '333333333333')).toThrow(/333333333333 is not an admitted tenant account/);
  });

  test('TenantLogQuery refuses partition values that are not exactly one account', () => {
    for (const value of [`${TENANT_A},${TENANT_B}`, `${TENANT_A}' OR '1'='1`, '*', `${TENANT_A} `]) {
      expect(() => TenantLogQuery.historyForTenant(value, new Date('2026-12-01'), new Date('2026-12-02'))).toThrow(/must be a 12-digit AWS account id/);
    }
  });
});

/**
 * A small EventBridge pattern matcher (exact values, `prefix`, `anything-but`, nested objects,
 * `$or`): enough to judge the hub's patterns offline.
 */
function matches(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === '$or') return (rule as Array<Record<string, unknown>>).some((branch) => matches(branch, event));
    const value = event[key];
    if (Array.isArray(rule)) {
      return rule.some((r) => {
        if (r && typeof r === 'object') {
          const o = r as Record<string, unknown>;
          if ('prefix' in o) return typeof value === 'string' && value.startsWith(o.prefix as string);
          if ('anything-but' in o) return !(o['anything-but'] as unknown[]).includes(value);
          throw new Error(`unsupported ${JSON.stringify(o)}`);
        }
        return Array.isArray(value) ? value.includes(r) : value === r;
      });
    }
    return value !== undefined && typeof value === 'object' && matches(rule as Record<string, unknown>, value as Record<string, unknown>);
  });
}

function rules(stack: Stack) {
  return Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule')).map((r) => r.Properties);
}

const alarmEvent = (account: string, alarmName: string) => ({
  'account': account,
  'source': 'aws.cloudwatch',
  'detail-type': 'CloudWatch Alarm State Change',
  'detail': { alarmName, state: { value: 'ALARM' } },
});

describe('21.2 no tenant can flood the hub, and no event is lost silently', () => {
  const ec2StateChange = { 'account': TENANT_A, 'source': 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', 'detail': {} };
  const ec2ApiCall = { 'account': TENANT_A, 'source': 'aws.ec2', 'detail-type': 'AWS API Call via CloudTrail', 'detail': { eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' } };
  const cfnAnyApiCall = { 'account': TENANT_A, 'source': 'aws.cloudformation', 'detail-type': 'AWS API Call via CloudTrail', 'detail': { eventSource: 'cloudformation.amazonaws.com', eventName: 'DescribeStacks' } };
  const sgChange = { 'account': TENANT_A, 'source': 'aws.ec2', 'detail-type': 'AWS API Call via CloudTrail', 'detail': { eventSource: 'ec2.amazonaws.com', eventName: 'AuthorizeSecurityGroupIngress' } };
  const stackStatus = { 'account': TENANT_A, 'source': 'aws.cloudformation', 'detail-type': 'CloudFormation Stack Status Change', 'detail': {} };

  test('the history rule and the archive take the link\'s exact patterns only', () => {
    const { stack } = hubStack();
    const history = rules(stack).find((r) => r.Name === 'tenant-blocks-hub-history')!;
    const archive = Object.values(Template.fromStack(stack).findResources('AWS::Events::Archive'))[0].Properties;
    for (const pattern of [history.EventPattern, archive.EventPattern]) {
      expect(matches(pattern, sgChange)).toBe(true);
      expect(matches(pattern, stackStatus)).toBe(true);
      expect(matches(pattern, alarmEvent(TENANT_A, 'tenant-blocks-alpha-db-cpu'))).toBe(true);
      // What a tenant rule forwarding "all EC2" or "all CloudFormation" events would add:
      expect(matches(pattern, ec2StateChange)).toBe(false);
      expect(matches(pattern, ec2ApiCall)).toBe(false);
      expect(matches(pattern, cfnAnyApiCall)).toBe(false);
      expect(matches(pattern, alarmEvent(TENANT_A, 'my-own-alarm'))).toBe(false);
    }
  });

  test('the bus policy refuses detail-types no link pattern has', () => {
    const { stack } = hubStack();
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::Events::EventBusPolicy'));
    const detailTypes = policy.Properties.Statement.Condition.StringEquals['events:detail-type'];
    expect(detailTypes).toContain('CloudFormation Stack Status Change');
    expect(detailTypes).not.toContain('EC2 Instance State-change Notification');
    expect(detailTypes).not.toContain('Object Created');
  });

  test('each admitted account has its own volume rule and alarm, notifying the topic', () => {
    const { stack } = hubStack();
    for (const account of [TENANT_A, TENANT_B]) {
      const rule = rules(stack).find((r) => r.Name === `tenant-blocks-hub-volume-${account}`)!;
      expect(rule.EventPattern).toEqual({ account: [account] });
      expect(matches(rule.EventPattern, { ...ec2StateChange, account })).toBe(true);
      Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Events',
        MetricName: 'MatchedEvents',
        Dimensions: [{ Name: 'EventBusName', Value: { Ref: logicalIdStartingWith(stack, 'AWS::Events::EventBus', 'HubEventBus') } }, { Name: 'RuleName', Value: `tenant-blocks-hub-volume-${account}` }],
        Threshold: 1000,
        AlarmActions: [{ Ref: logicalIdStartingWith(stack, 'AWS::SNS::Topic', 'HubNotificationTopic') }],
      });
    }
  });

  test('a quarantined account\'s events stay in the archive but reach neither the history nor the topic', () => {
    const { stack } = hubStack({ tenantAccountIds: [TENANT_A, TENANT_B], quarantinedAccountIds: [TENANT_B] });
    const history = rules(stack).find((r) => r.Name === 'tenant-blocks-hub-history')!;
    const archive = Object.values(Template.fromStack(stack).findResources('AWS::Events::Archive'))[0].Properties;
    expect(matches(history.EventPattern, { ...stackStatus, account: TENANT_B })).toBe(false);
    expect(matches(history.EventPattern, stackStatus)).toBe(true);
    expect(matches(archive.EventPattern, { ...stackStatus, account: TENANT_B })).toBe(true);
    const alarmRules = rules(stack).filter((r) => String(r.Name).startsWith('tenant-blocks-hub-tenant-alarms'));
    expect(alarmRules.some((r) => matches(r.EventPattern, alarmEvent(TENANT_B, 'tenant-blocks-bravo-x')))).toBe(false);
  });

  test('the history and tenant-alarm targets retry for 24 h, then keep the event in an alarmed dead-letter queue', () => {
    const { stack } = hubStack();
    const queue = logicalIdStartingWith(stack, 'AWS::SQS::Queue', 'HubDeadLetterQueue');
    const targets = rules(stack).filter((r) => String(r.Name).startsWith('tenant-blocks-hub-history') || String(r.Name).startsWith('tenant-blocks-hub-tenant-alarms'))
      .flatMap((r) => r.Targets);
    expect(targets).toHaveLength(3);
    for (const target of targets) {
      expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 });
    }
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdStartingWith(stack, 'AWS::KMS::Key', 'HubKey'), 'Arn'] } });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Threshold: 0,
    });
  });

  test('throws when a quarantined account is not admitted or not an account', () => {
    expect(() => hubStack({ tenantAccountIds: [TENANT_A], quarantinedAccountIds: [TENANT_B, 'x'] })).toThrow(
      /- quarantinedAccountIds\[0\]: must be one of tenantAccountIds .*\n- quarantinedAccountIds\[1\]: must be a 12-digit AWS account id/);
  });
});

describe('21.2 the tenant of a notification is its account, never its alarm name', () => {
  test('an alarm of account A named after tenant B is notified as A\'s, by A\'s rule only', () => {
    const { stack } = hubStack({ tenantAccountIds: [TENANT_A, TENANT_B], tenantIdsByAccount: { [TENANT_A]: 'alpha', [TENANT_B]: 'bravo' } });
    const spoof = alarmEvent(TENANT_A, 'tenant-blocks-bravo-db-cpu');
    const matching = rules(stack).filter((r) => String(r.Name).startsWith('tenant-blocks-hub-tenant-alarms') && matches(r.EventPattern, spoof));
    expect(matching).toHaveLength(1);
    const message = JSON.parse(matching[0].Targets[0].InputTransformer.InputTemplate.replace(/<[^>]+>/g, '"x"'));
    expect(message).toEqual(expect.objectContaining({ tenantAccount: TENANT_A, tenantId: 'alpha' }));
  });

  test('throws when a mapped account is not admitted or the tenant id is invalid', () => {
    expect(() => hubStack({ tenantAccountIds: [TENANT_A], tenantIdsByAccount: { [TENANT_B]: 'bravo', [TENANT_A]: 'Not Valid' } })).toThrow(
      /- tenantIdsByAccount\.222222222222: must be an account of tenantAccountIds/);
  });
});

describe('21.2 the hub backup vault', () => {
  test('a vault lock bounds every copy\'s lifecycle (7 to 35 days), in governance mode', () => {
    const { stack } = hubStack();
    Template.fromStack(stack).hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'tenant-blocks-hub',
      LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 35 },
    });
    const [vault] = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupVault'));
    expect(vault.Properties.LockConfiguration.ChangeableForDays).toBeUndefined();
  });

  test('a redeployed hub takes the next vault generation: a new name and ARN beside the retained vault', () => {
    const first = hubStack();
    const second = hubStack({ tenantAccountIds: [TENANT_A, TENANT_B], backupVaultGeneration: 2 });
    expect(first.hub.backupVaultArn).toBe('arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub');
    expect(second.hub.backupVaultArn).toBe('arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub-2');
    Template.fromStack(second.stack).hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'tenant-blocks-hub-2' });
  });

  test.each([0, 1.5, -1, 1000])('throws when backupVaultGeneration is %p', (generation) => {
    expect(() => hubStack({ tenantAccountIds: [TENANT_A], backupVaultGeneration: generation })).toThrow(/- backupVaultGeneration: must be between 1 and 999, a whole number/);
  });
});

describe('21.2 the dead-letter queue admits exactly the hub rules that use it', () => {
  test('the history, tenant-alarm and errors/ rules may send to it, nothing else', () => {
    const { stack } = hubStack();
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::SQS::QueuePolicy'));
    const send = policy.Properties.PolicyDocument.Statement.find((s: { Sid?: string }) => s.Sid === 'HubRulesDeadLetters');
    const bus = logicalIdStartingWith(stack, 'AWS::Events::EventBus', 'HubEventBus');
    expect(send.Condition.ArnLike['aws:SourceArn']).toEqual([
      { 'Fn::Join': ['', ['arn:aws:events:us-east-1:111111111111:rule/', { Ref: bus }, '/tenant-blocks-hub-*']] },
      'arn:aws:events:us-east-1:111111111111:rule/tenant-blocks-hub-error-output',
    ]);
    const users = rules(stack).filter((r) => (r.Targets ?? []).some((t: { DeadLetterConfig?: unknown }) => t.DeadLetterConfig));
    expect(users.map((r) => r.Name).sort()).toEqual([
      'tenant-blocks-hub-error-output', 'tenant-blocks-hub-history',
      `tenant-blocks-hub-tenant-alarms-${TENANT_A}`, `tenant-blocks-hub-tenant-alarms-${TENANT_B}`,
    ]);
  });
});

describe('21.2 a hub whose tenant account is a token (one stack standing in for both accounts)', () => {
  test('per-account rules and alarms get positional ids', () => {
    const stack = testStack('Platform', PLATFORM);
    new PlatformHub(stack, 'Hub', { tenantAccountIds: [TENANT_A, Aws.ACCOUNT_ID] });
    const ids = Object.keys(Template.fromStack(stack).findResources('AWS::Events::Rule'));
    expect(ids.filter((id) => id.startsWith('HubTenantAlarmRule1'))).toHaveLength(1);
    expect(ids.filter((id) => id.startsWith('HubTenantEventVolumeRule1'))).toHaveLength(1);
  });
});

describe('21.2 the rule-failure alarms watch the metric EventBridge publishes', () => {
  test('HistoryRuleFailuresAlarm names the history rule by its name, not by its Ref ("<bus>|<rule>" on a custom bus)', () => {
    const { stack } = hubStack();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Events',
      MetricName: 'FailedInvocations',
      Dimensions: [
        { Name: 'EventBusName', Value: { Ref: logicalIdStartingWith(stack, 'AWS::Events::EventBus', 'HubEventBus') } },
        { Name: 'RuleName', Value: 'tenant-blocks-hub-history' },
      ],
    });
  });
});
