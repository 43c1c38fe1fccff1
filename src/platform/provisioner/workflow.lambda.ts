/* eslint-disable import/no-extraneous-dependencies */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { configFromEnv } from './config.lambda-shared';
import { Registry } from './registry.lambda-shared';
import { awsStackReaders, runStateMachineStep } from './state-machines.lambda-shared';
import { ssmExternalIdStore } from './workflow-external-id.lambda-shared';

const config = configFromEnv();
const client = new DynamoDBClient({});
const registry = new Registry(client, config.tableName);
const stacks = awsStackReaders(new STSClient({}));
// The build's copy of each tenant's external id: SecureStrings encrypted with the provisioner key.
const externalIds = ssmExternalIdStore(new SSMClient({}), config.keyArn);

/** Step Functions (and EventBridge) entry point of the provisioner's workflow steps (`action` selects the step). */
export async function handler(event: Record<string, unknown>): Promise<Record<string, unknown>> {
  return runStateMachineStep(event, { registry, config, client, stacks, externalIds });
}
