/**
 * How the hub names the S3 partition of a log group, shared by the log processor (which returns it
 * to Firehose as the `logGroup` partition key) and `PlatformHub.logPrefixFor` (which the platform
 * uses to find a tenant's objects). Internal: not exported from the barrel.
 *
 * CloudWatch Logs group names are 1-512 characters of `[A-Za-z0-9._/#-]`. A `/` inside an S3 key
 * would nest the partition (`logGroup=/aws/lambda/x/2024/...`), and `#` is a character S3 asks
 * to avoid in keys, so the partition value is the name with:
 * - one leading `/` removed (`/aws/lambda/x` -> `aws/lambda/x`),
 * - every other `/` replaced by `.` (`aws.lambda.x`),
 * - every `#` replaced by `_`.
 *
 * Two names can map to the same partition (`/a/b`, `a/b` and `a.b`), only within one account:
 * the account is the outer partition, so a tenant never shares a prefix with another account,
 * and every line carries the exact `logGroup`, which a reader filters on.
 */
export function logGroupPartitionKey(logGroupName: string): string {
  const key = logGroupName.replace(/^\//, '').replace(/\//g, '.').replace(/#/g, '_');
  // An empty key would collapse the prefix (`logGroup=/`); not a valid log group name anyway.
  return key === '' ? '_' : key;
}

/** A CloudWatch Logs log group name (1-512 characters of the allowed alphabet). */
export const LOG_GROUP_NAME = /^[A-Za-z0-9._/#-]{1,512}$/;

/** A 12-digit AWS account id: the `account` partition. */
export const ACCOUNT = /^\d{12}$/;
