// IAM quotas the link's generated policies must respect for every valid tenant id and region.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CrossAccountLink } from '../../../src/blocks/link';
import { PlatformHub } from '../../../src/platform/hub';
import { testStack } from '../../support/app';

/** IAM's default quota for a role trust policy (characters, whitespace excluded). */
const TRUST_POLICY_LIMIT = 2048;

test.each([
  ['us-east-1 (with the IAM rule)', 'us-east-1'],
  ['the longest region name', 'ap-southeast-7'],
])('rule names and trust policies fit IAM and EventBridge quotas in %s for a 31-character tenant id', (_name, region) => {
  const tenantId = `t${'x1'.repeat(15)}`; // 31 characters
  const stack: Stack = testStack('Tenant', { account: '210987654321', region });
  new CrossAccountLink(stack, 'Link', {
    tenantId,
    platformAccountId: '111111111111',
    platformRoleArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::111111111111:role/a/long/path/platform-role-number-${i}`),
    externalId: CrossAccountLink.generateExternalId(),
    hub: PlatformHub.referenceFor('111111111111', region),
  });
  const template = Template.fromStack(stack);
  // EventBridge rule names are at most 64 characters: tenant-blocks-<31>-<suffix> must fit.
  for (const rule of Object.values(template.findResources('AWS::Events::Rule'))) {
    expect(rule.Properties.Name.length).toBeLessThanOrEqual(64);
  }
  const roles = Object.values(template.findResources('AWS::IAM::Role'));
  expect(roles).toHaveLength(2);
  for (const role of roles) {
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument).length).toBeLessThan(TRUST_POLICY_LIMIT);
  }
});
