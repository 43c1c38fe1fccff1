/* eslint-disable import/no-extraneous-dependencies */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { configFromEnv } from './config.lambda-shared';
import { Registry } from './registry.lambda-shared';
import { runStep } from './workflow.lambda-shared';

const config = configFromEnv();
const registry = new Registry(new DynamoDBClient({}), config.tableName);

/** Step Functions entry point of the provisioner's workflow steps (`action` selects the step). */
export async function handler(event: Record<string, unknown>): Promise<Record<string, unknown>> {
  return runStep(event, { registry, config });
}
