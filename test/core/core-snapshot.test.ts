import { Template } from 'aws-cdk-lib/assertions';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../src';
import { testStack } from '../support/app';

// Whole representative configurations: any template change (a CDK upgrade, a renamed id) fails here
// and must be reviewed, then accepted deliberately with `npx projen snapshot:update`.
test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('core template snapshot in %s', (tier) => {
  const stack = testStack(`Core${tier}`);
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  new TenantNetwork(stack, 'Network', {
    tenantId: 'acme',
    tier,
    encryptionKey: key,
    logShipping: LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub'),
  });
  expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
});
