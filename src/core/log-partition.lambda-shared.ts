/**
 * The hub's S3 partition layout: the ONE place that says where shipped logs and the event history
 * land, shared by the log processor (which returns the `account` partition key to Firehose), the
 * Firehose prefixes, the Glue partition-projection templates, `PlatformHub.logPrefixFor` /
 * `historyPrefixFor` and `TenantLogQuery` (which pins the same partition in its WHERE clause).
 * Internal: not exported from the barrel.
 *
 * Layout: `<root>/account=<12 digits>/day=<yyyy-MM-dd>/<objects>` where `root` is `logs` or
 * `history`. Why only account and day (issue 9.11): Firehose dynamic partitioning allows 500 active
 * partitions per delivery stream by default; a partition per log group let one tenant with many log
 * groups (or one that creates log groups in a loop) exhaust it for everyone. The account is bounded
 * by the admitted accounts (the destination policy and the bus policy admit only those), the day by
 * the arrival time (Firehose's clock, not the sender's), so a hub holds at most two active
 * partitions per admitted account and stream (around midnight UTC). The log group stays inside
 * every line (`logGroup`), where the query filters on it.
 */

/** A 12-digit AWS account id: the `account` partition. */
export const ACCOUNT = /^\d{12}$/;

/** A CloudWatch Logs log group name (1-512 characters of the allowed alphabet). */
export const LOG_GROUP_NAME = /^[A-Za-z0-9._/#-]{1,512}$/;

/** Name of the account partition key (the processor returns it to Firehose under this name). */
export const ACCOUNT_PARTITION_KEY = 'account';

/** Name of the day partition key. */
export const DAY_PARTITION_KEY = 'day';

/**
 * Format of the day partition, as Firehose's `!{timestamp:...}` namespace and Athena's date
 * projection both read it (Java DateTimeFormatter pattern).
 */
export const DAY_FORMAT = 'yyyy-MM-dd';

/** Root prefix of shipped logs. */
export const LOGS_ROOT = 'logs';

/** Root prefix of the per-tenant event history. */
export const HISTORY_ROOT = 'history';

/** The partition keys, outermost first. */
export const PARTITION_KEYS: readonly string[] = [ACCOUNT_PARTITION_KEY, DAY_PARTITION_KEY];

/**
 * Renders `<root>/account=<v>/day=<v>/` with each key's value from `valueOf`: the single template
 * the Firehose prefixes, the projection templates and the concrete prefixes are all made from.
 */
export function renderLayout(root: string, valueOf: (key: string) => string): string {
  return `${root}/${PARTITION_KEYS.map((key) => `${key}=${valueOf(key)}/`).join('')}`;
}

/**
 * The Firehose S3 prefix of `root`: the account from the record's partition key (`fromLambda` for
 * the log processor, `fromQuery` for the history stream's JQ extraction), the day from Firehose's
 * arrival timestamp (UTC).
 */
export function firehosePrefix(root: string, accountSource: 'partitionKeyFromLambda' | 'partitionKeyFromQuery'): string {
  return renderLayout(root, (key) => (key === DAY_PARTITION_KEY ? `!{timestamp:${DAY_FORMAT}}` : `!{${accountSource}:${key}}`));
}

/** The prefix of one account's partition under `root` (the outer key): `<root>/account=<id>/`. */
export function accountPrefixOf(root: string, account: string): string {
  return `${root}/${PARTITION_KEYS[0]}=${account}/`;
}

/** The Glue `storage.location.template` suffix of `root` (after `s3://<bucket>/`). */
export function projectionTemplate(root: string): string {
  return renderLayout(root, (key) => `\${${key}}`);
}

/** The day partition value of `date` (UTC), in {@link DAY_FORMAT}. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
