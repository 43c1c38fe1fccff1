import { Template } from 'aws-cdk-lib/assertions';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../src';
import { testStack } from '../support/app';

// Whole representative configurations: any template change (a CDK upgrade, a renamed id) fails here
// and must be reviewed, then accepted deliberately with `npx projen snapshot:update`.
test.each([
  [TenantTier.DEVELOPMENT, false],
  [TenantTier.PRODUCTION, false],
  [TenantTier.DEVELOPMENT, true],
  [TenantTier.PRODUCTION, true],
])('core template snapshot in %s (internet egress: %s)', (tier, internetEgress) => {
  const stack = testStack(`Core${tier}`);
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  new TenantNetwork(stack, 'Network', {
    tenantId: 'acme',
    tier,
    encryptionKey: key,
    logShipping: LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub'),
    internetEgress,
  });
  expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
});
