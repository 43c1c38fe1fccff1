/* eslint-disable import/no-extraneous-dependencies */
import { AthenaClient } from '@aws-sdk/client-athena';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { AthenaLogQueryEngine } from './athena-engine.lambda-shared';
import { ConsoleEvent, ConsoleResult, handleConsoleRequest } from './console-api.lambda-shared';
import { CONSOLE_ENV, parseFederatedTenants } from './console-config.lambda-shared';
import { configFromEnv } from '../provisioner/config.lambda-shared';
import { Registry } from '../provisioner/registry.lambda-shared';

const config = configFromEnv();
const dynamo = new DynamoDBClient({});
const registry = new Registry(dynamo, config.tableName);
const sfn = new SFNClient({});
// The API's JWT authorizer checked the token already; the handler checks it again, the same way
// the local server does (one code path for the claims the console trusts).
const verifier = CognitoJwtVerifier.create({
  userPoolId: process.env[CONSOLE_ENV.USER_POOL_ID]!,
  clientId: process.env[CONSOLE_ENV.CLIENT_ID]!,
  tokenUse: 'id',
});
const logs = new AthenaLogQueryEngine(new AthenaClient({}));
const federatedTenants = parseFederatedTenants(process.env[CONSOLE_ENV.FEDERATED_TENANTS]);
const maxBytesScanned = Number(process.env[CONSOLE_ENV.MAX_BYTES_SCANNED] ?? 1024 ** 3);

/** API Gateway (HTTP API, payload 2.0) entry point of the console's backend. */
export async function handler(event: ConsoleEvent): Promise<ConsoleResult> {
  return handleConsoleRequest(event, {
    provisioner: {
      registry,
      config,
      workflows: {
        async startExecution(stateMachineArn, name, input) {
          try {
            await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
          } catch (e) {
            if ((e as Error).name !== 'ExecutionAlreadyExists') throw e;
          }
        },
        async sendTaskSuccess(taskToken, output) {
          await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
        },
      },
    },
    dynamo,
    verifier: { verify: async (token) => verifier.verify(token) as unknown as Record<string, unknown> },
    logs,
    federatedTenants,
    maxBytesScanned,
  });
}
