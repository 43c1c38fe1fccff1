/**
 * Deploy-and-destroy test of TenantPostgres: a DEVELOPMENT database (writer only, scales to zero).
 *
 * Asserts, against the deployed stack:
 * - through the RDS Data API with the read-only secret (what the platform's query console does), a
 *   query runs as the read-only user, in the app database, and that user cannot create tables;
 * - through the bootstrap handler's test entry point `{ "action": "regression" }`, every case of
 *   the SQL regression suite passes against the real Aurora engine (cursors, COPY, LISTEN/NOTIFY,
 *   advisory locks, statement_timeout, privileges, ...).
 *
 * The DEVELOPMENT cluster leaves a final snapshot and the (retained, empty) backup vault behind when
 * the stack is destroyed: that is the block's "nothing lost" promise, not a leak of this test.
 */
import { App, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { TenantTier } from '../src/core';
import { TenantPostgres } from '../src/postgres';

const app = new App();
const stack = new Stack(app, 'TenantBlocksPostgresInteg');

const db = new TenantPostgres(stack, 'Database', {
  tenantId: 'integ-pg',
  tier: TenantTier.DEVELOPMENT,
  maxCapacity: 2,
});

const integ = new IntegTest(app, 'PostgresTest', {
  testCases: [stack],
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

// The query console's path: RDS Data API with the read-only user's secret. The database may be
// paused (0 ACU) or resuming: retry until it answers.
const query = integ.assertions.awsApiCall('RDSData', 'executeStatement', {
  resourceArn: db.cluster.clusterArn,
  secretArn: db.readOnlySecret.secretArn,
  database: db.databaseName,
  sql: "SELECT current_user AS u, current_database() AS d, has_schema_privilege('app', 'CREATE') AS can_create",
});
query.provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['rds-data:ExecuteStatement'],
  Resource: [db.cluster.clusterArn],
});
query.provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['secretsmanager:GetSecretValue'],
  Resource: [db.readOnlySecret.secretArn],
});
query.provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['kms:Decrypt'],
  Resource: ['*'],
  Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` } },
});
query.expect(ExpectedResult.objectLike({
  records: [[{ stringValue: 'app_readonly' }, { stringValue: db.databaseName }, { booleanValue: false }]],
})).waitForAssertions();

// The SQL regression suite, run by the bootstrap handler inside the VPC as the app and read-only users.
integ.assertions
  .invokeFunction({
    functionName: db.bootstrapFunction.functionName,
    payload: JSON.stringify({ action: 'regression' }),
  })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('^\\{"passed":true,"total":\\d+,"failed":0,'),
  }))
  .waitForAssertions();

app.synth();
