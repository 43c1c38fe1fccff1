import { Stack, Token } from 'aws-cdk-lib';
import { PropsValidation } from '../../core';
import { CrossAccountLinkProps } from './cross-account-link-props';
import { ACCOUNT_ID, ORGANIZATION_ID } from '../../core/hub-names';

/** Most platform roles a link trusts (each is named in the trust policy, limited to 2048 characters). */
export const MAX_PLATFORM_ROLES = 10;

/** The IAM rule for external ids: 2-1224 characters of this alphabet; links require at least 32. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{32,1224}$/;

/** Fewest distinct characters in an external id: 32 random hex characters have about 14; 'abab...' has 2. */
const MIN_DISTINCT_EXTERNAL_ID_CHARACTERS = 8;

/** An IAM role ARN, with an optional path: arn:<partition>:iam::<account>:role[/path/]<name>. */
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?:iam::(\d{12}):role\/(?:[\x21-\x2e\x30-\x7e]+\/)*([\w+=,.@-]{1,64})$/;

const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/[\w.\-/]{1,256}$/;
const DESTINATION_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):destination:[\w.\-/#]{1,512}$/;

/** Validates the props of a `CrossAccountLink` and throws one error listing every problem. */
export function validateCrossAccountLinkProps(stack: Stack, props: CrossAccountLinkProps): void {
  const v = new PropsValidation('CrossAccountLink', String(props.tenantId));
  if (props.tenantId !== undefined && props.tenantId !== null && typeof props.tenantId !== 'string') {
    v.add('tenantId', 'must be a string', props.tenantId);
  } else {
    v.tenantId('tenantId', props.tenantId);
  }

  // From JavaScript or a JSON spec any value can arrive: check the type before the form.
  const platform = props.platformAccountId;
  const platformKnown = typeof platform === 'string' && !Token.isUnresolved(platform);
  if (platform === undefined || platform === null) {
    v.add('platformAccountId', 'is required: the 12-digit id of the platform account', platform);
  } else if (typeof platform !== 'string') {
    v.add('platformAccountId', `must be a string of 12 digits, not a ${typeof platform}`, platform);
  } else if (platformKnown && !ACCOUNT_ID.test(platform)) {
    v.add('platformAccountId', 'must be a 12-digit AWS account id', platform);
  } else if (platformKnown && !Token.isUnresolved(stack.account) && platform === stack.account) {
    v.add('platformAccountId', `is the tenant stack's own account (${stack.account}); the link opens a tenant account to a different, platform account`, platform);
  }

  validateRoleArns(v, props.platformRoleArns, platformKnown && ACCOUNT_ID.test(platform) ? platform : undefined);
  validateExternalId(v, props.externalId);

  const organizationId = props.organizationId;
  if (organizationId !== undefined && typeof organizationId !== 'string') {
    v.add('organizationId', 'must be a string', organizationId);
  } else if (organizationId !== undefined && Token.isUnresolved(organizationId)) {
    v.add('organizationId', 'must be a literal string, not a token: the trust condition is checked at synth time', organizationId);
  } else {
    v.pattern('organizationId', ORGANIZATION_ID.source, 'an AWS Organizations id (o- followed by 10-32 lowercase letters or digits)', organizationId);
  }

  v.boolean('logsThroughOrganization', props.logsThroughOrganization);
  if (props.logsThroughOrganization === true && props.hub === undefined) {
    v.add('logsThroughOrganization', 'needs a hub: it names a sender role on the subscription filters to the hub\'s log destination', props.logsThroughOrganization);
  }

  const hub = props.hub;
  if (hub !== undefined && (hub === null || typeof hub !== 'object')) {
    v.add('hub', 'must be a PlatformHubReference (PlatformHub.reference or PlatformHub.referenceFor(account, region))', hub);
  } else if (hub !== undefined && hubFieldsAreStrings(v, hub)) {
    // Only a hub of strings is checked for form: with a wrong type, the forms would only add noise.
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

/** The external id: a literal, 32-1224 characters of the IAM alphabet, not an obviously repetitive value. */
function validateExternalId(v: PropsValidation, externalId: unknown): void {
  if (externalId === undefined || externalId === null || externalId === '') {
    v.add('externalId', 'is required: 32-1224 characters of letters, digits and +=,.@:/-_ (confused-deputy protection; CrossAccountLink.generateExternalId() makes one)', externalId);
  } else if (typeof externalId !== 'string') {
    v.add('externalId', 'must be a string of 32-1224 characters', externalId);
  } else if (Token.isUnresolved(externalId)) {
    v.add('externalId', 'must be a literal string, not a token: the trust condition is checked at synth time', externalId);
  } else if (!EXTERNAL_ID.test(externalId)) {
    v.add('externalId', 'must be 32-1224 characters of letters, digits and +=,.@:/-_', externalId.length > 40 ? `${externalId.slice(0, 40)}... (${externalId.length} characters)` : externalId);
  } else {
    const distinct = new Set(externalId).size;
    if (distinct < MIN_DISTINCT_EXTERNAL_ID_CHARACTERS) {
      v.add('externalId', `uses only ${distinct} distinct characters: not a random value; use CrossAccountLink.generateExternalId()`, externalId);
    }
  }
}

/** Reports hub fields that are not strings; true when all are. */
function hubFieldsAreStrings(v: PropsValidation, hub: object): boolean {
  let ok = true;
  for (const field of ['platformAccountId', 'region', 'eventBusArn', 'logDestinationArn']) {
    const value = (hub as Record<string, unknown>)[field];
    if (value !== undefined && typeof value !== 'string') {
      v.add(`hub.${field}`, 'must be a string', value);
      ok = false;
    }
  }
  return ok;
}

function validateRoleArns(v: PropsValidation, arns: unknown, platform: string | undefined): void {
  if (arns !== undefined && arns !== null && !Array.isArray(arns) && !(typeof arns === 'string' && Token.isUnresolved(arns))) {
    v.add('platformRoleArns', 'must be a list of IAM role ARNs', arns);
    return;
  }
  if (arns === undefined || arns === null || (!Token.isUnresolved(arns) && (arns as unknown[]).length === 0)) {
    v.add('platformRoleArns', 'list at least one platform role ARN (arn:aws:iam::<platformAccountId>:role/<name>) allowed to assume the link', arns);
    return;
  }
  if (Token.isUnresolved(arns)) {
    v.add('platformRoleArns', 'must be a literal list: every trusted role is checked at synth time', arns);
    return;
  }
  const list = arns as unknown[];
  if (list.length > MAX_PLATFORM_ROLES) {
    v.add('platformRoleArns', `lists at most ${MAX_PLATFORM_ROLES} roles; give the platform's console and provisioner roles, not every role`, `${list.length} entries`);
  }
  const seen = new Map<string, number>();
  (arns as unknown[]).forEach((value, i) => {
    const path = `platformRoleArns[${i}]`;
    if (typeof value !== 'string') {
      v.add(path, 'must be a string (an IAM role ARN)', value);
      return;
    }
    const arn = value;
    // Platform-side wiring (not a customer setting): a reference to a role of the same app passes through.
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
