/* eslint-disable import/no-extraneous-dependencies */
// TenantPostgres: opts the region in to AWS Backup for Aurora (custom resource, outside the VPC).
//
// A new account is not opted in to AWS Backup for Aurora in every region, and a backup plan whose
// resource type is not opted in backs up nothing, silently. On Create and Update the handler reads
// the region settings and, only when Aurora is not opted in, sets Aurora (and only Aurora) to true:
// it never turns a resource type off and never touches another one. Delete does nothing: other
// stacks of the account may rely on the setting.
import { BackupClient, DescribeRegionSettingsCommand, UpdateRegionSettingsCommand } from '@aws-sdk/client-backup';
import { customResourceHandler, CustomResourceEvent, CustomResourceResult } from '../../core/custom-resource.lambda-shared';

/** The physical id of the opt-in (one per region: the setting is regional). */
export const OPT_IN_PHYSICAL_ID = 'aws-backup-aurora-opt-in';

/** Opts the region in to AWS Backup for Aurora when it is not; returns what it did. */
export async function optInAurora(client: BackupClient): Promise<'already-opted-in' | 'opted-in'> {
  const settings = await client.send(new DescribeRegionSettingsCommand({}));
  if (settings.ResourceTypeOptInPreference?.Aurora === true) {
    return 'already-opted-in';
  }
  // only the Aurora key: UpdateRegionSettings leaves the resource types it is not given unchanged
  await client.send(new UpdateRegionSettingsCommand({ ResourceTypeOptInPreference: { Aurora: true } }));
  return 'opted-in';
}

/** Builds the handler (exported for tests, which pass a mocked client). */
export function makeBackupOptInHandler(client: BackupClient = new BackupClient({ maxAttempts: 5 })) {
  return customResourceHandler(async (event: CustomResourceEvent): Promise<CustomResourceResult> => {
    if (event.RequestType === 'Delete') {
      return { physicalResourceId: event.PhysicalResourceId ?? OPT_IN_PHYSICAL_ID };
    }
    const outcome = await optInAurora(client);
    console.log(JSON.stringify({ level: 'INFO', message: 'AWS Backup Aurora opt-in', outcome }));
    return { physicalResourceId: OPT_IN_PHYSICAL_ID, data: { Outcome: outcome } };
  });
}

/** The Lambda entry point. */
export const handler = makeBackupOptInHandler();
