import { Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * Fixed names shared by both sides of the link, so that one side can compute the other side's ARNs
 * without a cross-account (and impossible) CloudFormation reference.
 *
 * Internal: not exported from the barrel; the public entry points are the statics of
 * `CrossAccountLink` and `PlatformHub`.
 */

/** Prefix of every link role name: `tenant-blocks-link-<tenantId>` (IAM is global: one link per tenant and account). */
export const LINK_ROLE_NAME_PREFIX = 'tenant-blocks-link-';

/** Name of the hub's event bus (one hub per platform account and region). */
export const HUB_EVENT_BUS_NAME = 'tenant-blocks-change-history';

/** Name of the hub's CloudWatch Logs destination (one hub per platform account and region). */
export const HUB_LOG_DESTINATION_NAME = 'tenant-blocks-logs';

/** Name of the hub's Firehose delivery stream (fixed so the Firehose role's trust can name it). */
export const HUB_DELIVERY_STREAM_NAME = 'tenant-blocks-logs';

/** 12 digits. */
export const ACCOUNT_ID = /^\d{12}$/;

/** An AWS Organizations id. */
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** Event sources the link forwards to the hub: the hub's archive keeps exactly these. */
export const CHANGE_EVENT_SOURCES = ['aws.cloudformation', 'aws.rds', 'aws.backup', 'aws.ec2'];

/**
 * The partition as a literal when the region is known, so that ARNs handed to tenant stacks in
 * other accounts are plain strings (validated there), not `AWS::Partition` references.
 */
export function partitionOf(stack: Stack): string {
  if (Token.isUnresolved(stack.region)) return stack.partition;
  return RegionInfo.get(stack.region).partition ?? stack.partition;
}
