import { Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { LINK_FORWARDED_SOURCES } from './link-events';

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

/** Name of the hub's Firehose delivery stream of the event history. */
export const HUB_HISTORY_STREAM_NAME = 'tenant-blocks-history';

/** Name of the hub's Glue database (Glue names: lowercase letters, digits and `_`). */
export const HUB_GLUE_DATABASE = 'tenant_blocks_hub';

/** Name of the Glue table over the shipped logs. */
export const HUB_LOGS_TABLE = 'tenant_logs';

/** Name of the Glue table over the event history. */
export const HUB_HISTORY_TABLE = 'tenant_history';

/** Name of the hub's Athena workgroup. */
export const HUB_WORKGROUP = 'tenant-blocks-hub';

/** Name of the hub's backup vault (receives copies of tenant recovery points). */
export const HUB_BACKUP_VAULT_NAME = 'tenant-blocks-hub';

/**
 * Event sources the link forwards to the hub (issue 9.12 and 11): the link's own list
 * (`CrossAccountLink.FORWARDED_SOURCES`, one source of truth). The hub bus admits `PutEvents` with
 * exactly these `source` values, its archive and history keep them. All are `aws.*` sources, which
 * no account can put as custom events, so a tenant can neither forge nor flood the history with
 * events of its own.
 */
export const CHANGE_EVENT_SOURCES: readonly string[] = LINK_FORWARDED_SOURCES;

/**
 * The partition as a literal when the region is known, so that ARNs handed to tenant stacks in
 * other accounts are plain strings (validated there), not `AWS::Partition` references.
 */
export function partitionOf(stack: Stack): string {
  if (Token.isUnresolved(stack.region)) return stack.partition;
  return RegionInfo.get(stack.region).partition ?? stack.partition;
}
