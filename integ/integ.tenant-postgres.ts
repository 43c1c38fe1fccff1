/**
 * Deploy-and-destroy test of TenantPostgres: a DEVELOPMENT database (writer only, scales to zero).
 *
 * Asserts, against the deployed stack, one step after the other:
 * 1. through the RDS Data API with the read-only secret (what the platform's query console does), a
 *    query runs as the read-only user, in the app database, and that user cannot create tables.
 *    Retried: the database may be paused (0 ACU) or resuming; this call also wakes it up.
 * 2. each of the three secrets (admin, app, read-only) rotated for real: Secrets Manager reports a
 *    last rotation date (set only when finishSecret moved AWSCURRENT, so no AWSPENDING lingers) and
 *    the version ids carry AWSCURRENT and AWSPREVIOUS only. Retried: the first rotation starts when
 *    the schedule is created.
 * 3. through the regression function (in the VPC), two small regression cases log in as the app and
 *    the read-only user with their rotated passwords. Cheap, so retrying it costs nothing.
 * 4. the whole SQL regression suite `{ "action": "regression" }`, exactly once, against the real
 *    Aurora engine (cursors, COPY, LISTEN/NOTIFY, advisory locks, statement_timeout, privileges,
 *    ...): a failing case is a finding, not something to retry until it passes.
 * 5. an on-demand AWS Backup job of the cluster starts (the region was opted in for Aurora).
 *
 * The DEVELOPMENT cluster leaves a final snapshot, the backup vault (its recovery points expire
 * after 14 days) and the key behind when the stack is destroyed: that is the block's "nothing lost"
 * promise. Clean them up with the runbook in docs/blocks/postgres.md ("DEVELOPMENT leftovers").
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import { TenantTier } from '../src/core';
import { TenantPostgres } from '../src/blocks/postgres';

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

// 2. Every secret rotated for real: a last rotation date, AWSCURRENT moved, nothing pending.
const rotated = [db.adminSecret, db.appSecret, db.readOnlySecret].map((secret) => {
  const describe = integ.assertions.awsApiCall('SecretsManager', 'describeSecret', { SecretId: secret.secretArn });
  describe.provider.addToRolePolicy({ Effect: 'Allow', Action: ['secretsmanager:DescribeSecret'], Resource: [secret.secretArn] });
  return describe.expect(ExpectedResult.objectLike({
    RotationEnabled: true,
    LastRotatedDate: Match.stringLikeRegexp('.+'),
  })).waitForAssertions({ interval: Duration.seconds(30), totalTimeout: Duration.minutes(15) });
});

// 3. Both users log in through the regression function inside the VPC (a transaction as the app
//    user, the read-only user reading a table and refused every write) with their rotated passwords.
const loginsWork = integ.assertions
  .invokeFunction({
    functionName: db.regressionFunction.functionName,
    payload: JSON.stringify({ action: 'regression', cases: ['tx-commit-rollback', 'privileges-read-only-role'] }),
  })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('^\\{"passed":true,"total":2,"failed":0,'),
  }))
  .waitForAssertions({ interval: Duration.seconds(20), totalTimeout: Duration.minutes(10) });

// 4. The whole SQL regression suite, once (it finishes well inside the assertion provider's
//    2-minute timeout; the function's own timeout is 5 minutes).
const suitePasses = integ.assertions
  .invokeFunction({
    functionName: db.regressionFunction.functionName,
    payload: JSON.stringify({ action: 'regression' }),
  })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('^\\{"passed":true,"total":\\d+,"failed":0,'),
  }));

// 5. AWS Backup can back up the cluster (the region is opted in for Aurora): an on-demand job starts.
const selection = db.node.findChild('BackupPlan').node.findChild('Cluster') as backup.BackupSelection;
const backupJob = integ.assertions.awsApiCall('Backup', 'startBackupJob', {
  BackupVaultName: db.backupVault.backupVaultName,
  ResourceArn: db.cluster.clusterArn,
  IamRoleArn: (selection.grantPrincipal as iam.IRole).roleArn,
  Lifecycle: { DeleteAfterDays: 1 },
});
backupJob.provider.addToRolePolicy({ Effect: 'Allow', Action: ['backup:StartBackupJob'], Resource: ['*'] });
backupJob.provider.addToRolePolicy({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'], Condition: { StringEquals: { 'iam:PassedToService': 'backup.amazonaws.com' } } });
const backupStarts = backupJob.expect(ExpectedResult.objectLike({ BackupJobId: Match.stringLikeRegexp('.+') }));

// 6. The DEVELOPMENT leftovers clean-up (issue 8.14) runs with its tag-conditioned role against the
//    real account: it reads stacks, snapshots, vaults and keys and finishes without a failed action
//    (a run that cannot read or delete something throws, and Lambda answers with a FunctionError
//    payload, which does not match).
const leftovers = db.developmentLeftovers!;
const leftoversRun = integ.assertions
  .invokeFunction({ functionName: leftovers.handler.functionName, payload: JSON.stringify({}) })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('"failed":\\[\\]'),
  }));

queryAnswers.next(rotated[0]).next(rotated[1]).next(rotated[2]).next(loginsWork).next(suitePasses).next(backupStarts).next(leftoversRun);

app.synth();
