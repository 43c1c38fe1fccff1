/**
 * Deploy-and-destroy test of TenantPostgres: a DEVELOPMENT database (writer only, scales to zero).
 *
 * Asserts, against the deployed stack, one step after the other:
 * 1. through the RDS Data API with the read-only secret (what the platform's query console does), a
 *    query runs as the read-only user, in the app database, and that user cannot create tables.
 *    Retried: the database may be paused (0 ACU) or resuming; this call also wakes it up.
 * 2. through the bootstrap handler (in the VPC), two small regression cases log in as the app and the
 *    read-only user. Retried: the first rotation of each secret starts when the stack is created and
 *    a login may meet a password that is being changed. Cheap, so retrying it costs nothing.
 * 3. the whole SQL regression suite `{ "action": "regression" }`, exactly once, against the real
 *    Aurora engine (cursors, COPY, LISTEN/NOTIFY, advisory locks, statement_timeout, privileges,
 *    ...): a failing case is a finding, not something to retry until it passes.
 *
 * The DEVELOPMENT cluster leaves a final snapshot and the (retained, empty) backup vault behind when
 * the stack is destroyed: that is the block's "nothing lost" promise, not a leak of this test.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
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

// 1. The query console's path: RDS Data API with the read-only user's secret.
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
const queryAnswers = query.expect(ExpectedResult.objectLike({
  records: [[{ stringValue: 'app_readonly' }, { stringValue: db.databaseName }, { booleanValue: false }]],
})).waitForAssertions({ interval: Duration.seconds(15), totalTimeout: Duration.minutes(15) });

// 2. Both users log in through the handler inside the VPC (a transaction as the app user, the
//    read-only user reading a table and refused every write): cheap, retried until the first
//    rotations are through.
const loginsWork = integ.assertions
  .invokeFunction({
    functionName: db.bootstrapFunction.functionName,
    payload: JSON.stringify({ action: 'regression', cases: ['tx-commit-rollback', 'privileges-read-only-role'] }),
  })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('^\\{"passed":true,"total":2,"failed":0,'),
  }))
  .waitForAssertions({ interval: Duration.seconds(20), totalTimeout: Duration.minutes(10) });

// 3. The whole SQL regression suite, once (it finishes well inside the assertion provider's
//    2-minute timeout; the handler's own timeout is 14 minutes).
const suitePasses = integ.assertions
  .invokeFunction({
    functionName: db.bootstrapFunction.functionName,
    payload: JSON.stringify({ action: 'regression' }),
  })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('^\\{"passed":true,"total":\\d+,"failed":0,'),
  }));

queryAnswers.next(loginsWork).next(suitePasses);

app.synth();
