import { Duration, Token } from 'aws-cdk-lib';
import { RELEASE_PATTERN } from './config.lambda-shared';
import { validateApiCallerScopes } from './scopes-validation';
import { TenantProvisionerProps } from './tenant-provisioner-props';
import { PropsValidation } from '../../core/validation';

/** The CDK bootstrap qualifier: what `cdk bootstrap --qualifier` accepts (alphanumeric, at most 10). */
export const QUALIFIER_PATTERN = /^[A-Za-z0-9]{1,10}$/;
/** IAM principals that may call the API: roles or users (any path) of an account. */
export const CALLER_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
/**
 * Most listed tenant accounts: the handlers get the list in an environment variable (Lambda allows
 * 4 KB of variables in all; 200 accounts take 2.6 KB). The policies name one ARN pattern per role
 * and the accounts in an aws:ResourceAccount condition (15 characters each). Larger fleets: organizationId.
 */
export const MAX_PROVISIONER_ACCOUNTS = 200;
/** Shortest and longest build. */
export const BUILD_TIMEOUT = { min: Duration.minutes(10), max: Duration.hours(8) };

/** Validates the props of a `TenantProvisioner` and throws one error listing every problem. */
export function validateTenantProvisionerProps(props: TenantProvisionerProps): void {
  const v = new PropsValidation('TenantProvisioner', 'platform');
  const accounts = props.tenantAccountIds;
  const hasAccounts = accounts !== undefined && accounts.length > 0;
  if (!hasAccounts && props.organizationId === undefined) {
    v.add('tenantAccountIds', 'list the tenant accounts the provisioner may deploy to, or give organizationId (one is required)', accounts);
  }
  if (hasAccounts && props.organizationId !== undefined) {
    v.add('organizationId', 'give tenantAccountIds or organizationId, not both (the listed accounts are exact; the organization admits its accounts)', props.organizationId);
  }
  if (accounts !== undefined) {
    if (accounts.length > MAX_PROVISIONER_ACCOUNTS) {
      v.add('tenantAccountIds', `lists at most ${MAX_PROVISIONER_ACCOUNTS} accounts; use organizationId for larger fleets`, `${accounts.length} entries`);
    }
    const seen = new Map<string, number>();
    accounts.forEach((account, i) => {
      // A token (e.g. the stack's own account in an integ test) resolves at deploy time, in role ARNs and the API's list alike.
      if (Token.isUnresolved(account)) {
        return;
      } else if (!/^\d{12}$/.test(account)) {
        v.add(`tenantAccountIds[${i}]`, 'must be a 12-digit AWS account id', account);
      } else if (seen.has(account)) {
        v.add(`tenantAccountIds[${i}]`, `duplicates tenantAccountIds[${seen.get(account)}]`, account);
      } else {
        seen.set(account, i);
      }
    });
  }
  v.pattern('organizationId', '^o-[a-z0-9]{10,32}$', 'an AWS Organizations id (o- followed by 10-32 lowercase letters or digits)', props.organizationId);
  v.pattern('cdkQualifier', QUALIFIER_PATTERN.source, 'a CDK bootstrap qualifier: 1-10 letters or digits (default hnb659fds)', props.cdkQualifier);
  validateApiCallerScopes(v, props.apiCallers, { tenantAccountIds: props.tenantAccountIds });
  v.boolean('allowSharedTenantAccounts', props.allowSharedTenantAccounts);
  v.boolean('logsThroughOrganization', props.logsThroughOrganization);
  v.number('defaultMaxConcurrency', { min: 1, max: 1000, step: 1 }, props.defaultMaxConcurrency);
  v.number('defaultToleratedFailurePercentage', { min: 0, max: 100, step: 1 }, props.defaultToleratedFailurePercentage);
  v.duration('buildTimeout', BUILD_TIMEOUT, props.buildTimeout);
  if (props.appSource && !RELEASE_PATTERN.test(props.appSource.defaultRelease)) {
    v.add('appSource', 'the release label must be 1-64 of [A-Za-z0-9._+-], starting with a letter or digit', props.appSource.defaultRelease);
  }
  if (!props.appSource) v.add('appSource', 'is required: PlatformAppSource.fromAsset(dir) or PlatformAppSource.fromBucket(bucket, prefix, release)', props.appSource);
  if (!props.hub) v.add('hub', 'is required: the PlatformHub (hub.reference) whose bus receives the operation events', props.hub);
  v.throwIfInvalid();
}
