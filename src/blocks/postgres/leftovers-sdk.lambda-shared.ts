/* eslint-disable import/no-extraneous-dependencies */
// The AWS SDK v3 binding of the leftovers clean-up's `AwsCall` (handler and integ clean-up).
//
// The clients are loaded by name (`@aws-sdk/client-rds`, `-backup`, `-kms`, `-cloudformation`)
// when first used, the way the integ-tests AwsApiCall provider does: the Lambda runtime ships the
// whole SDK v3, and the bundle keeps '@aws-sdk/*' external. Never reached from the construct side.
import type { AwsCall, AwsService } from './leftovers.lambda-shared';

/** The npm package and client class of each service. */
const CLIENTS: Record<AwsService, [string, string]> = {
  RDS: ['@aws-sdk/client-rds', 'RDSClient'],
  Backup: ['@aws-sdk/client-backup', 'BackupClient'],
  KMS: ['@aws-sdk/client-kms', 'KMSClient'],
  CloudFormation: ['@aws-sdk/client-cloudformation', 'CloudFormationClient'],
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name (see above)
const loadByName = (pkg: string): any => require(pkg);

/** An `AwsCall` over the AWS SDK v3 in `region` (adaptive retries: the clean-up is never in a hurry). */
export function awsSdkCall(region: string, load: (pkg: string) => any = loadByName): AwsCall {
  const clients = new Map<AwsService, { client: any; module: any }>();
  return async (service, operation, input) => {
    let entry = clients.get(service);
    if (!entry) {
      const [pkg, clientClass] = CLIENTS[service];
      const module = load(pkg);
      entry = { module, client: new module[clientClass]({ region, maxAttempts: 8, retryMode: 'adaptive' }) };
      clients.set(service, entry);
    }
    const Command = entry.module[`${operation}Command`];
    if (typeof Command !== 'function') throw new Error(`leftovers: ${service} has no operation ${operation}`);
    return entry.client.send(new Command(input));
  };
}
