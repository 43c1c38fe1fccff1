/* eslint-disable import/no-extraneous-dependencies */
import { AthenaClient } from '@aws-sdk/client-athena';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ApiEvent, ApiResult, handleApiRequest } from './api.lambda-shared';
import { lambdaCodePushTarget, stsLambdaClientFor } from './code-push.lambda-shared';
import { configFromEnv } from './config.lambda-shared';
import { HUB_LOG_ACCESS_ENV } from './logs.lambda-shared';
import { Registry } from './registry.lambda-shared';
import { authorizeApiRequest } from './scopes-api.lambda-shared';
import { AccessPolicy } from './scopes.lambda-shared';
import { AthenaLogQueryEngine } from '../console/athena-engine.lambda-shared';

const config = configFromEnv();
const registry = new Registry(new DynamoDBClient({}), config.tableName);
const sfn = new SFNClient({});
const s3 = new S3Client({});
// who may do what to which tenant (TenantProvisionerProps.apiCallers), decided before the handler runs
const policy = AccessPolicy.fromEnv();
// code pushes go to the tenant account's code-push role (session tag tenant=<id>)
const codePush = lambdaCodePushTarget(stsLambdaClientFor({ region: config.region, partition: config.partition, roleName: config.codePushRoleName }));
// the hub's log queries, when the construct granted them (PlatformHub.grantQueryTenantLogs) and said so
const logs = process.env[HUB_LOG_ACCESS_ENV] === 'true' ? { engine: new AthenaLogQueryEngine(new AthenaClient({})) } : undefined;

/** Whether `<appSourcePrefix><release>.zip` exists in the app source bucket (s3:GetObject covers HeadObject). */
async function releaseExists(release: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: config.appSourceBucket, Key: `${config.appSourcePrefix ?? ''}${release}.zip` }));
    return true;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if ((e as Error).name === 'NotFound' || status === 404) return false;
    // S3 hides a missing key behind 403 from a role without s3:ListBucket: say so, not "missing".
    if (status === 403) throw new Error(`the API may not look up s3://${config.appSourceBucket}/${config.appSourcePrefix ?? ''}${release}.zip (it needs s3:GetObject and s3:ListBucket)`);
    throw e;
  }
}

/** API Gateway (REST, proxy integration) entry point of the provisioner's API. */
export async function handler(event: ApiEvent, context?: { getRemainingTimeInMillis(): number }): Promise<ApiResult> {
  return authorizeApiRequest(event, {
    registry,
    config,
    codePush,
    // a push stops waiting for Lambda before this function is stopped (API Gateway answers 504 at 29 s anyway)
    ...(context ? { remainingTimeMs: () => context.getRemainingTimeInMillis() } : {}),
    logs,
    ...(config.appSourceBucket ? { releaseExists } : {}),
    workflows: {
      async startExecution(stateMachineArn, name, input) {
        try {
          await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
        } catch (e) {
          // Same name and input again (a retried request): the execution is already running.
          if ((e as Error).name !== 'ExecutionAlreadyExists') throw e;
        }
      },
      async sendTaskSuccess(taskToken, output) {
        await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      },
    },
  }, policy, handleApiRequest);
}
