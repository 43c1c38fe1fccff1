import { Stack, Token } from 'aws-cdk-lib';
import { PropsValidation } from '../core';
import type { CrossAccountLinkProps } from './cross-account-link';
import { ACCOUNT_ID, ORGANIZATION_ID } from './names';

/** Most platform roles a link trusts (each is named in the trust policy, limited to 2048 characters). */
export const MAX_PLATFORM_ROLES = 10;

/** The IAM rule for external ids: 2-1224 characters of this alphabet; links require at least 16. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{16,1224}$/;

/** An IAM role ARN, with an optional path: arn:<partition>:iam::<account>:role[/path/]<name>. */
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?:iam::(\d{12}):role\/(?:[\x21-\x2e\x30-\x7e]+\/)*([\w+=,.@-]{1,64})$/;

const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/[\w.\-/]{1,256}$/;
const DESTINATION_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):destination:[\w.\-/#]{1,512}$/;

/** Validates the props of a `CrossAccountLink` and throws one error listing every problem. */
export function validateCrossAccountLinkProps(stack: Stack, props: CrossAccountLinkProps): void {
  const v = new PropsValidation('CrossAccountLink', props.tenantId);
  v.tenantId('tenantId', props.tenantId);

  const platform = props.platformAccountId;
  const platformKnown = platform !== undefined && !Token.isUnresolved(platform);
  if (platform === undefined) {
    v.add('platformAccountId', 'is required: the 12-digit id of the platform account', platform);
  } else if (platformKnown && !ACCOUNT_ID.test(platform)) {
    v.add('platformAccountId', 'must be a 12-digit AWS account id', platform);
  } else if (platformKnown && !Token.isUnresolved(stack.account) && platform === stack.account) {
    v.add('platformAccountId', `is the tenant stack's own account (${stack.account}); the link opens a tenant account to a different, platform account`, platform);
  }

  validateRoleArns(v, props.platformRoleArns, platformKnown && ACCOUNT_ID.test(platform) ? platform : undefined);

  const externalId = props.externalId;
  if (externalId === undefined || externalId === '') {
    v.add('externalId', 'is required: 16-1224 characters of letters, digits and +=,.@:/-_ (confused-deputy protection)', externalId);
  } else if (!Token.isUnresolved(externalId) && !EXTERNAL_ID.test(externalId)) {
    v.add('externalId', 'must be 16-1224 characters of letters, digits and +=,.@:/-_', externalId.length > 40 ? `${externalId.slice(0, 40)}... (${externalId.length} characters)` : externalId);
  }

  v.pattern('organizationId', ORGANIZATION_ID.source, 'an AWS Organizations id (o- followed by 10-32 lowercase letters or digits)', props.organizationId);

  const hub = props.hub;
  if (hub !== undefined) {
    const hubAccount = hub.platformAccountId;
    const hubAccountKnown = hubAccount !== undefined && !Token.isUnresolved(hubAccount);
    if (hubAccount === undefined || hubAccount === '') {
      v.add('hub.platformAccountId', 'is required: the 12-digit id of the platform account that runs the hub', hubAccount);
    } else if (hubAccountKnown && !ACCOUNT_ID.test(hubAccount)) {
      v.add('hub.platformAccountId', 'must be a 12-digit AWS account id', hubAccount);
    } else if (hubAccountKnown && platformKnown && hubAccount !== platform) {
      v.add('hub.platformAccountId', `must be platformAccountId (${platform}): the hub runs in the platform account`, hubAccount);
    }
    if (!Token.isUnresolved(hub.region) && !Token.isUnresolved(stack.region) && hub.region !== stack.region) {
      v.add('hub.region', `must be the tenant stack's region (${stack.region}): CloudWatch Logs destinations only accept log groups of their own region and events rules only target buses of their own region; deploy a PlatformHub in ${stack.region}`, hub.region);
    }
    // The hub's ARNs must be in the platform account: the hub's own account when literal, else platformAccountId.
    const expectedAccount = hubAccountKnown ? hubAccount : platform;
    const accountName = hubAccountKnown ? 'the hub\'s platform account' : 'platformAccountId';
    checkHubArn(v, 'hub.eventBusArn', EVENT_BUS_ARN, 'an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>)', hub.eventBusArn, hub.region, expectedAccount, accountName);
    checkHubArn(v, 'hub.logDestinationArn', DESTINATION_ARN, 'a CloudWatch Logs destination ARN (arn:aws:logs:<region>:<account>:destination:<name>)', hub.logDestinationArn, hub.region, expectedAccount, accountName);
  }
  v.throwIfInvalid();
}

function validateRoleArns(v: PropsValidation, arns: string[] | undefined, platform: string | undefined): void {
  if (arns === undefined || (!Token.isUnresolved(arns) && arns.length === 0)) {
    v.add('platformRoleArns', 'list at least one platform role ARN (arn:aws:iam::<platformAccountId>:role/<name>) allowed to assume the link', arns);
    return;
  }
  if (Token.isUnresolved(arns)) {
    v.add('platformRoleArns', 'must be a literal list: every trusted role is checked at synth time', arns);
    return;
  }
  if (arns.length > MAX_PLATFORM_ROLES) {
    v.add('platformRoleArns', `lists at most ${MAX_PLATFORM_ROLES} roles; give the platform's console and provisioner roles, not every role`, `${arns.length} entries`);
  }
  const seen = new Map<string, number>();
  arns.forEach((arn, i) => {
    const path = `platformRoleArns[${i}]`;
    if (Token.isUnresolved(arn)) return;
    if (/[*?]/.test(arn)) {
      v.add(path, 'must name one role exactly: wildcards are not allowed', arn);
      return;
    }
    if (/^\d{12}$/.test(arn) || /:root$/.test(arn)) {
      v.add(path, 'must be a role ARN, never the account root (the root would let every principal of that account that may call sts:AssumeRole in)', arn);
      return;
    }
    if (/:assumed-role\//.test(arn)) {
      v.add(path, 'is an STS session ARN; list the IAM role ARN (arn:aws:iam::<account>:role/<name>)', arn);
      return;
    }
    const match = ROLE_ARN.exec(arn);
    if (!match) {
      v.add(path, 'must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<optional path/><name>', arn);
      return;
    }
    if (platform !== undefined && match[1] !== platform) {
      v.add(path, `is in account ${match[1]}, but only roles of platformAccountId (${platform}) may be trusted`, arn);
    }
    const previous = seen.get(arn);
    if (previous !== undefined) {
      v.add(path, `duplicates platformRoleArns[${previous}]`, arn);
    } else {
      seen.set(arn, i);
    }
  });
}

function checkHubArn(
  v: PropsValidation, path: string, form: RegExp, allowed: string, arn: string, region: string, account: string | undefined, accountName: string,
): void {
  if (arn === undefined) {
    v.add(path, `is required: ${allowed}`, arn);
    return;
  }
  if (Token.isUnresolved(arn)) return;
  const match = form.exec(arn);
  if (!match) {
    v.add(path, `must be ${allowed}`, arn);
    return;
  }
  if (!Token.isUnresolved(region) && match[1] !== region) {
    v.add(path, `is in region ${match[1]}, not the hub's region (${region})`, arn);
  }
  if (account !== undefined && !Token.isUnresolved(account) && match[2] !== account) {
    v.add(path, `is in account ${match[2]}, not ${accountName} (${account})`, arn);
  }
}
