import { Stack } from 'aws-cdk-lib';
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
