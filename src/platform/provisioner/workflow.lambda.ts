/* eslint-disable import/no-extraneous-dependencies */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { restoreReleaseCode, stsLambdaClientFor } from './code-push.lambda-shared';
import { codePushRoleArn, configFromEnv } from './config.lambda-shared';
import { Registry, TenantRecord } from './registry.lambda-shared';
import { awsStackReaders, runStateMachineStep } from './state-machines.lambda-shared';
import { ssmExternalIdStore } from './workflow-external-id.lambda-shared';

const config = configFromEnv();
const client = new DynamoDBClient({});
const registry = new Registry(client, config.tableName);
const sts = new STSClient({});
const stacks = awsStackReaders(sts);
// The build's copy of each tenant's external id: SecureStrings encrypted with the provisioner key.
const externalIds = ssmExternalIdStore(new SSMClient({}), config.keyArn);
const lambdaFor = stsLambdaClientFor({ region: config.region, roleName: config.codePushRoleName, partition: config.partition });

/** CloudFormation in a tenant account with its code-push role, tagged with the tenant (the template and resources of its stack). */
async function cloudFormationFor(account: string, tenantId: string, region: string): Promise<CloudFormationClient> {
  const out = await sts.send(new AssumeRoleCommand({
    RoleArn: codePushRoleArn(config, account),
    RoleSessionName: `restore-${tenantId}`.slice(0, 64),
    DurationSeconds: 900,
    Tags: [{ Key: 'tenant', Value: tenantId }],
  }));
  const c = out.Credentials!;
  return new CloudFormationClient({
    region,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration },
  });
}

/** After a deploy of a tenant carrying a code push: the release's code back, with the code-push role. */
async function restoreCode(tenant: TenantRecord): Promise<{ codeSha256: string }> {
  return restoreReleaseCode(lambdaFor, (account, tenantId) => cloudFormationFor(account, tenantId, tenant.region), {
    tenantId: tenant.tenantId, account: tenant.account, region: tenant.region, partition: config.partition,
  });
}

/** Step Functions (and EventBridge) entry point of the provisioner's workflow steps (`action` selects the step). */
export async function handler(event: Record<string, unknown>): Promise<Record<string, unknown>> {
  return runStateMachineStep(event, { registry, config, client, stacks, externalIds, restoreCode });
}
