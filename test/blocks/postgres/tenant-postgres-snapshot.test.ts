import { Template } from 'aws-cdk-lib/assertions';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { DayOfWeek, LogShipping, MaintenanceWindow, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';

// Whole representative configurations, one per tier: any template change (a CDK upgrade, a renamed
// id, a changed default) fails here and must be reviewed, then accepted deliberately with
// `npx jest test/postgres --ci=false -u`. Asset hashes are normalised by the serializer.
test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('TenantPostgres template snapshot in %s', (tier) => {
  const stack = testStack(`Postgres${tier}`);
  new TenantPostgres(stack, 'Database', {
    tenantId: 'acme',
    tier,
    allowedCidrs: ['192.168.10.0/24'],
    maintenanceWindow: MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3),
    logShipping: LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub'),
  });
  expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
});
