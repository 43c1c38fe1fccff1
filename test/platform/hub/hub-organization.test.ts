// Issue 24 §4 and issue 19 §3: a new tenant account must not need a platform redeploy. The
// organization path (organizationId without tenantAccountIds) admits every member account on every
// door of the hub, and keeps the per-account guarantees of issue 21 §2 organization-wide. Each test
// here failed on the hub before (organizationId alone was refused).
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { hubAdmittedDetailTypes, hubFilterPattern } from '../../../src/core/link-events';
import { PlatformHub, PlatformHubProps } from '../../../src/platform/hub';
import { TENANT_EVENT_VOLUME_THRESHOLD, VOLUME_LOG_GROUP_NAME } from '../../../src/platform/hub/hub-alarms';
import { testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';

const PLATFORM = { account: '111111111111', region: 'us-east-1' };
const ORG = 'o-abcdefghij';
const TENANT_A = '210987654321';
const TENANT_B = '222222222222';
const FORWARDED = [...new Set(hubFilterPattern().$or as Array<{ source: string[] }>).values()].flatMap((p) => p.source);

function orgHub(props: Partial<PlatformHubProps> = {}) {
  const stack = testStack('Platform', PLATFORM);
  const hub = new PlatformHub(stack, 'Hub', { organizationId: ORG, ...props });
  return { stack, hub, template: Template.fromStack(stack) };
}

function only(template: Template, type: string, props: Record<string, unknown> = {}) {
  const found = Object.values(template.findResources(type, props ? { Properties: props } : undefined));
  expect(found).toHaveLength(1);
  return found[0].Properties;
}

describe('the organization path admits every member account on every door', () => {
  test('the hub says it admits the organization and lists no account', () => {
    const { hub } = orgHub();
    expect(hub.admitsOrganization).toBe(true);
    expect(hub.tenantAccountIds).toEqual([]);
    expect(hub.organizationId).toBe(ORG);
  });

  test('the log destination admits subscriptions from any principal of the organization (CloudWatch Logs\' organization policy)', () => {
    const { template } = orgHub();
    const statement = JSON.parse(only(template, 'AWS::Logs::Destination').DestinationPolicy).Statement;
    expect(statement).toEqual([{
      Sid: 'AdmitTenantSubscriptions',
      Effect: 'Allow',
      Principal: '*',
      Action: 'logs:PutSubscriptionFilter',
      Resource: 'arn:aws:logs:us-east-1:111111111111:destination:tenant-blocks-logs',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    }]);
  });

  test('the destination role is assumable by CloudWatch Logs of this region only, for any account (the destination policy decides who subscribes)', () => {
    const { template } = orgHub();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Principal: { Service: 'logs.amazonaws.com' },
          Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:logs:us-east-1:*:*' } },
        })],
      },
    });
  });

  test('the bus admits PutEvents from the organization, only of the link\'s sources and detail-types', () => {
    const { template } = orgHub();
    const policy = only(template, 'AWS::Events::EventBusPolicy').Statement;
    expect(policy.Principal).toEqual({ AWS: '*' });
    expect(policy.Action).toBe('events:PutEvents');
    expect(policy.Condition).toEqual({ StringEquals: { 'events:source': [...new Set(FORWARDED)].sort(), 'events:detail-type': hubAdmittedDetailTypes(), 'aws:PrincipalOrgID': ORG } });
  });

  test('the backup vault admits copies from the organization (AWS Backup\'s organization policy), still bounded by its lock', () => {
    const { template } = orgHub();
    const vault = only(template, 'AWS::Backup::BackupVault');
    expect(vault.AccessPolicy.Statement[0]).toEqual({
      Sid: 'AdmitTenantCopies',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'backup:CopyIntoBackupVault',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    });
    expect(vault.LockConfiguration).toEqual({ MinRetentionDays: 7, MaxRetentionDays: 35 });
  });

  test('grantAssumeTenantLinks: the link roles of any member account, and only of members (aws:ResourceOrgID)', () => {
    const stack = testStack('Platform', PLATFORM);
    const hub = new PlatformHub(stack, 'Hub', { organizationId: ORG });
    const role = new iam.Role(stack, 'Console', { assumedBy: new iam.AccountRootPrincipal() });
    hub.grantAssumeTenantLinks(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          Resource: 'arn:aws:iam::*:role/tenant-blocks-link-*',
          Condition: { StringEquals: { 'aws:ResourceOrgID': ORG } },
        }],
      },
    });
  });

  test('grantQueryTenant takes any member account (one, literal): the grant is per account prefix, as on the listed path', () => {
    const stack = testStack('Platform', PLATFORM);
    const hub = new PlatformHub(stack, 'Hub', { organizationId: ORG });
    const role = new iam.Role(stack, 'Console', { assumedBy: new iam.AccountRootPrincipal() });
    hub.grantQueryTenant(role, TENANT_B);
    const text = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(text).toContain(`logs/account=${TENANT_B}/`);
    expect(() => hub.grantQueryTenant(role, '*')).toThrow('tenantAccountId must be exactly one 12-digit AWS account id');
  });
});

describe('the per-account guarantees of issue 21 §2 hold organization-wide', () => {
  test('flood control: one rule copies every admitted event to a log group, counted per account by Contributor Insights', () => {
    const { template } = orgHub();
    expect(Object.keys(template.findResources('AWS::Events::Rule', { Properties: { Name: Match.stringLikeRegexp('^tenant-blocks-hub-volume-') } }))).toEqual([]);
    const rule = only(template, 'AWS::Events::Rule', { Name: 'tenant-blocks-hub-volume' });
    expect(rule.EventPattern).toEqual({ source: [...new Set(FORWARDED)].sort() });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: `arn:aws:logs:us-east-1:111111111111:log-group:${VOLUME_LOG_GROUP_NAME}` })]);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: VOLUME_LOG_GROUP_NAME, RetentionInDays: 7, KmsKeyId: Match.anyValue() });
    const document = only(template, 'AWS::Logs::ResourcePolicy').PolicyDocument;
    const policy = typeof document === 'string' ? JSON.parse(document) : document;
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `arn:aws:logs:us-east-1:111111111111:log-group:${VOLUME_LOG_GROUP_NAME}:*`,
      Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:us-east-1:111111111111:rule/tenant-blocks-change-history/tenant-blocks-hub-volume' } },
    });
    const insight = only(template, 'AWS::CloudWatch::InsightRule');
    expect(insight.RuleName).toBe('tenant-blocks-hub-volume');
    expect(JSON.parse(insight.RuleBody)).toEqual({
      Schema: { Name: 'CloudWatchLogRule', Version: 1 },
      LogGroupNames: [VOLUME_LOG_GROUP_NAME],
      LogFormat: 'JSON',
      Contribution: { Keys: ['$.account'], Filters: [] },
      AggregateOn: 'Count',
    });
  });

  test('flood control: the volume alarm watches the top account and notifies the topic', () => {
    const { template } = orgHub();
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .filter((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('INSIGHT_RULE_METRIC'));
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0].Properties;
    expect(alarm.Metrics).toEqual([expect.objectContaining({ Expression: "INSIGHT_RULE_METRIC('tenant-blocks-hub-volume', 'MaxContributorValue')", Period: 300 })]);
    expect(alarm).toMatchObject({ Threshold: TENANT_EVENT_VOLUME_THRESHOLD, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    expect(alarm.AlarmActions).toHaveLength(1);
    expect(alarm.AlarmDescription).toContain('quarantine it (quarantinedAccountIds)');
  });

  test('the tenant of a notification is the account EventBridge sets, never the alarm\'s name; quarantined and mapped accounts are left to their own rules', () => {
    const { template } = orgHub({ quarantinedAccountIds: [TENANT_B], tenantIdsByAccount: { [TENANT_A]: 'alpha' } });
    const rule = only(template, 'AWS::Events::Rule', { Name: 'tenant-blocks-hub-tenant-alarms' });
    expect(rule.EventPattern).toEqual({
      'account': [{ 'anything-but': [TENANT_A, TENANT_B] }],
      'source': ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
      'detail': { alarmName: [{ prefix: 'tenant-blocks-' }] },
    });
    const target = rule.Targets[0];
    expect(target.InputTransformer.InputPathsMap).toMatchObject({ account: '$.account' });
    expect(target.InputTransformer.InputTemplate).toContain('"tenantAccount":<account>');
    expect(target.DeadLetterConfig).toBeDefined();
    // the mapped account keeps a rule of its own, carrying its tenant id
    const mapped = only(template, 'AWS::Events::Rule', { Name: `tenant-blocks-hub-tenant-alarms-${TENANT_A}` });
    expect(mapped.Targets[0].InputTransformer.InputTemplate).toContain('"tenantId":"alpha"');
    // no rule for the quarantined account, and the topic admits exactly the two rules (and the errors/ watcher)
    expect(Object.keys(template.findResources('AWS::Events::Rule', { Properties: { Name: `tenant-blocks-hub-tenant-alarms-${TENANT_B}` } }))).toEqual([]);
    const topicPolicy = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument.Statement
      .find((st: { Sid: string }) => st.Sid === 'HubRulesPublish');
    const sources = (topicPolicy.Condition.ArnEquals['aws:SourceArn'] as unknown[]).map((a) => JSON.stringify(a));
    expect(sources).toHaveLength(3);
    expect(sources[0]).toContain(`"/tenant-blocks-hub-tenant-alarms-${TENANT_A}"`);
    expect(sources[1]).toContain('"/tenant-blocks-hub-tenant-alarms"');
    expect(sources[2]).toBe('"arn:aws:events:us-east-1:111111111111:rule/tenant-blocks-hub-error-output"');
  });

  test('quarantine: the history leaves the account out, the archive keeps everything (nothing lost), the history rule has its dead-letter queue', () => {
    const { template } = orgHub({ quarantinedAccountIds: [TENANT_B] });
    const history = only(template, 'AWS::Events::Rule', { Name: 'tenant-blocks-hub-history' });
    expect(history.EventPattern.account).toEqual([{ 'anything-but': [TENANT_B] }]);
    expect(history.Targets[0].DeadLetterConfig).toBeDefined();
    expect(only(template, 'AWS::Events::Archive').EventPattern.account).toBeUndefined();
  });

  test('passes every compliance gate and cfn-lint, with no synth warning', () => {
    const { stack } = orgHub({ quarantinedAccountIds: [TENANT_B] });
    expect(formatFindings(complianceFindings(stack))).toBe('no compliance findings');
    expectCfnLintClean(stack);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('organization path props', () => {
  test.each<[string, Partial<PlatformHubProps>, string]>([
    ['the organization id is malformed', { organizationId: 'o-ABC' }, "- organizationId: must be an AWS Organizations id (o- followed by 10-32 lowercase letters or digits) (got: 'o-ABC')"],
    ['the organization id is too short', { organizationId: 'o-abc' }, "- organizationId: must be an AWS Organizations id (o- followed by 10-32 lowercase letters or digits) (got: 'o-abc')"],
    ['an empty account list is given beside it', { tenantAccountIds: [] }, '- tenantAccountIds: is empty: leave it out to admit every account of organizationId, or list the accounts (got: [])'],
    ['a quarantined account is not 12 digits', { quarantinedAccountIds: ['2222'] }, "- quarantinedAccountIds[0]: must be a 12-digit AWS account id (got: '2222')"],
    ['a mapped account is not 12 digits', { tenantIdsByAccount: { acme: 'acme' } }, "- tenantIdsByAccount.acme: must be keyed by a 12-digit AWS account id (got: 'acme')"],
  ])('throws when %s', (_name, props, message) => {
    expect(() => orgHub(props)).toThrow(message);
  });

  test('any member account may be quarantined or mapped (membership is AWS\'s to check)', () => {
    expect(() => orgHub({ quarantinedAccountIds: [TENANT_B], tenantIdsByAccount: { [TENANT_A]: 'alpha' } })).not.toThrow();
  });

  test('the listed path is unchanged: organizationId beside a list only narrows it (no organization-wide rule)', () => {
    const stack = testStack('Platform', PLATFORM);
    const hub = new PlatformHub(stack, 'Hub', { tenantAccountIds: [TENANT_A], organizationId: ORG });
    const template = Template.fromStack(stack);
    expect(hub.admitsOrganization).toBe(false);
    expect(Object.keys(template.findResources('AWS::CloudWatch::InsightRule'))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::Events::Rule', { Properties: { Name: `tenant-blocks-hub-volume-${TENANT_A}` } }))).toHaveLength(1);
  });
});
