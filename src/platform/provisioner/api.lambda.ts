/* eslint-disable import/no-extraneous-dependencies */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ApiEvent, ApiResult, handleApiRequest } from './api.lambda-shared';
import { configFromEnv } from './config.lambda-shared';
import { Registry } from './registry.lambda-shared';
import { authorizeApiRequest } from './scopes-api.lambda-shared';
import { AccessPolicy } from './scopes.lambda-shared';

const config = configFromEnv();
const registry = new Registry(new DynamoDBClient({}), config.tableName);
const sfn = new SFNClient({});
// who may do what to which tenant (TenantProvisionerProps.apiCallers), decided before the handler runs
const policy = AccessPolicy.fromEnv();

/** API Gateway (REST, proxy integration) entry point of the provisioner's API. */
export async function handler(event: ApiEvent): Promise<ApiResult> {
  return authorizeApiRequest(event, {
    registry,
    config,
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
