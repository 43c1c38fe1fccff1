/* eslint-disable import/no-extraneous-dependencies */
// Deploy-time lookup of the region's AWS-managed S3 prefix list (TenantNetwork; bundled at build
// time, never exported).
//
// Why: a security group may allow HTTPS to S3 through the gateway endpoint only by naming the
// region's prefix list `com.amazonaws.<region>.s3` (pl-...), whose id differs per region and
// partition. CloudFormation cannot resolve it by name, and a synth-time lookup would need AWS
// credentials; without it the handlers' groups would need 443 to 0.0.0.0/0 (issue 9.9).
//
// What: on Create and Update, DescribeManagedPrefixLists with the filter
// prefix-list-name = com.amazonaws.<region>.s3; exactly one list must answer, its id is returned as
// the attribute PrefixListId (a Create that finds none, or more than one, fails with the reason).
// Delete answers at once and touches nothing (the lookup created nothing).
//
// The handler runs outside the VPC: the tenant VPC has no EC2 endpoint.
import { DescribeManagedPrefixListsCommand, EC2Client, ManagedPrefixList } from '@aws-sdk/client-ec2';
import {
  CustomResourceEvent,
  CustomResourceResponse,
  CustomResourceResult,
  customResourceHandler,
} from './custom-resource.lambda-shared';

/** Resource properties the construct passes. */
export interface S3PrefixListProperties {
  /** The name of the prefix list, `com.amazonaws.<region>.s3`. */
  readonly PrefixListName: string;
}

// Every @aws-sdk/* module is external to the bundle: the nodejs24.x runtime provides AWS SDK v3.
/** Connection and per-request timeouts of the EC2 client: a hung call must not keep CloudFormation waiting. */
export const CLIENT_TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 30_000 };
const ec2 = new EC2Client({ requestHandler: CLIENT_TIMEOUTS });

/**
 * The names AWS gives its managed S3 prefix lists: `com.amazonaws.<region>.s3` (other partitions use
 * their own domain). Regions as `^[a-z]{2,4}(-[a-z]+)+-\d+$`: the 2-4 letter prefix and any number
 * admit names such as the European Sovereign Cloud's `eusc-de-east-1`.
 */
const PREFIX_LIST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,4}(-[a-z]+)+-\d+\.s3$/;

/** Lambda entry point. */
export const handler: (event: CustomResourceEvent, context?: { logStreamName?: string }) => Promise<CustomResourceResponse> =
  customResourceHandler(onEvent);

async function onEvent(event: CustomResourceEvent): Promise<CustomResourceResult> {
  if (event.RequestType === 'Delete') {
    // Nothing was created: nothing to delete, nothing to call.
    return { physicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
  }
  const name = event.ResourceProperties.PrefixListName;
  if (typeof name !== 'string' || !PREFIX_LIST_NAME.test(name)) {
    throw new Error(`PrefixListName must be the name of an AWS-managed S3 prefix list such as com.amazonaws.us-east-1.s3 (got: ${JSON.stringify(name)})`);
  }
  const lists = await findPrefixLists(name);
  if (lists.length !== 1) {
    const found = lists.map((l) => `${l.PrefixListId} (owner ${l.OwnerId})`).join(', ');
    throw new Error(lists.length === 0
      ? `No managed prefix list named ${name} in this region: the S3 prefix list could not be found, so the handlers cannot be allowed to reach S3; set TenantNetwork s3PrefixListId to the region's S3 prefix list id`
      : `${lists.length} managed prefix lists are named ${name} (${found}); expected exactly one: set TenantNetwork s3PrefixListId to the AWS-managed one`);
  }
  const id = lists[0].PrefixListId!;
  console.log(JSON.stringify({ level: 'INFO', message: 'S3 prefix list found', prefixListName: name, prefixListId: id }));
  // The id is the physical id: another id (a region rebuilt its list) is a replacement, whose
  // Delete of the old one touches nothing.
  return { physicalResourceId: id, data: { PrefixListId: id } };
}

/** Every managed prefix list with this name, across pages. */
async function findPrefixLists(name: string): Promise<ManagedPrefixList[]> {
  const lists: ManagedPrefixList[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeManagedPrefixListsCommand({
      Filters: [{ Name: 'prefix-list-name', Values: [name] }],
      NextToken: nextToken,
    }));
    lists.push(...(page.PrefixLists ?? []).filter((l) => l.PrefixListId && l.PrefixListName === name));
    nextToken = page.NextToken;
  } while (nextToken);
  return lists;
}
