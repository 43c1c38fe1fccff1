import { Duration, Token } from 'aws-cdk-lib';
import { PropsValidation } from '../../core';
import { ACCOUNT_ID, ORGANIZATION_ID } from '../../core/hub-names';
import { PlatformHubProps } from './platform-hub-props';

/** Shortest retention of shipped logs and archived change events. */
export const MIN_HUB_RETENTION = Duration.days(1);
/** Longest retention of shipped logs and archived change events (10 years: long audit horizons). */
export const MAX_HUB_RETENTION = Duration.days(3650);
/**
 * Most tenant accounts listed one by one: the CloudWatch Logs role's trust policy names each
 * account's log ARN, and trust policies are limited to 2048 characters by default. Larger fleets
 * shard over several hubs (one per platform account and region).
 */
export const MAX_TENANT_ACCOUNTS = 30;

/**
 * Validates the props of a `PlatformHub` and throws one error listing every problem.
 * The hub belongs to no tenant: the message names the platform instead.
 */
export function validatePlatformHubProps(props: PlatformHubProps): void {
  const v = new PropsValidation('PlatformHub', 'platform');
  const accounts = props.tenantAccountIds;
  const hasAccounts = accounts !== undefined && (Token.isUnresolved(accounts) || accounts.length > 0);
  // Issue 24 §4: one of the two paths. The listed accounts (organizationId then narrows them), or
  // the organization alone (every member account, no hub redeploy for a new tenant account).
  const organizationPath = !hasAccounts && props.organizationId !== undefined;
  if (!hasAccounts && props.organizationId === undefined) {
    v.add('tenantAccountIds', 'list the tenant accounts that may send logs and change events, or give organizationId alone to admit every account of the organization (one of the two is required)', accounts);
  }
  if (accounts !== undefined && !Token.isUnresolved(accounts) && accounts.length === 0 && props.organizationId !== undefined) {
    v.add('tenantAccountIds', 'is empty: leave it out to admit every account of organizationId, or list the accounts', accounts);
  }
  if (accounts !== undefined && !Token.isUnresolved(accounts)) {
    if (accounts.length > MAX_TENANT_ACCOUNTS) {
      v.add('tenantAccountIds', `lists at most ${MAX_TENANT_ACCOUNTS} accounts (the log role's trust policy names each one); shard larger fleets over several hubs (docs/platform/hub.md)`, `${accounts.length} entries`);
    }
    const seen = new Map<string, number>();
    accounts.forEach((account, i) => {
      if (Token.isUnresolved(account)) return;
      if (!ACCOUNT_ID.test(account)) {
        v.add(`tenantAccountIds[${i}]`, 'must be a 12-digit AWS account id', account);
        return;
      }
      const previous = seen.get(account);
      if (previous !== undefined) {
        v.add(`tenantAccountIds[${i}]`, `duplicates tenantAccountIds[${previous}]`, account);
      } else {
        seen.set(account, i);
      }
    });
  }
  v.pattern('organizationId', ORGANIZATION_ID.source, 'an AWS Organizations id (o- followed by 10-32 lowercase letters or digits)', props.organizationId);
  const listed = new Set(accounts !== undefined && !Token.isUnresolved(accounts) ? accounts : []);
  // On the organization path any member may be quarantined or mapped: membership is AWS's to check.
  const admitted = (account: string) => organizationPath || listed.has(account);
  (props.quarantinedAccountIds ?? []).forEach((account, i) => {
    if (Token.isUnresolved(account)) return;
    if (!ACCOUNT_ID.test(account)) {
      v.add(`quarantinedAccountIds[${i}]`, 'must be a 12-digit AWS account id', account);
    } else if (!admitted(account)) {
      v.add(`quarantinedAccountIds[${i}]`, 'must be one of tenantAccountIds (only an admitted account can be quarantined)', account);
    }
  });
  for (const [account, tenantId] of Object.entries(props.tenantIdsByAccount ?? {})) {
    if (!ACCOUNT_ID.test(account)) {
      v.add(`tenantIdsByAccount.${account}`, 'must be keyed by a 12-digit AWS account id', account);
    } else if (!admitted(account)) {
      v.add(`tenantIdsByAccount.${account}`, 'must be an account of tenantAccountIds', account);
    }
    v.tenantId(`tenantIdsByAccount.${account}`, tenantId);
  }
  v.number('backupVaultGeneration', { min: 1, max: 999, step: 1 }, props.backupVaultGeneration);
  v.duration('retention', { min: MIN_HUB_RETENTION, max: MAX_HUB_RETENTION }, props.retention);
  v.wholeDays('retention', props.retention);
  v.throwIfInvalid();
}
