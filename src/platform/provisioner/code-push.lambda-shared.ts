/* eslint-disable import/no-extraneous-dependencies */
/**
 * A code push to a DEVELOPMENT tenant's function (issue 23 §2): the developer loop's "hotswap",
 * done by the platform on the developer's behalf, without a CloudFormation deploy.
 *
 * - {@link zipProblems} reads a zip's central directory (no dependency, nothing extracted): what
 *   Lambda would refuse (over 250 MB unzipped) is refused before anything is sent.
 * - {@link CodePushTarget} is what the API calls; {@link lambdaCodePushTarget} is the real one:
 *   it finds the tenant's function in the tenant account (tags `tenant-blocks:tenant` = id and
 *   `tenant-blocks:tier` = DEVELOPMENT, and a `live` alias), `UpdateFunctionCode` with the zip,
 *   waits for `LastUpdateStatus: Successful`, `PublishVersion`, and points `live` at the version.
 * - {@link restoreReleaseCode} puts the deployed release's code back (the function's `Code`
 *   S3 location from the stack's template): the workflow calls it after a deploy of a tenant that
 *   carries a `codePush` (CloudFormation sees no change in the function's code and would not).
 * - {@link stsLambdaClientFor} is the real `clientFor`: a Lambda client with the credentials of the
 *   tenant account's code-push role, assumed with the session tag `tenant=<id>`.
 */
import { createHash } from 'crypto';
import {
  GetAliasCommand, GetFunctionConfigurationCommand, LambdaClient, ListFunctionsCommand, ListTagsCommand,
  PublishVersionCommand, UpdateAliasCommand, UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';

/** Largest zip a push accepts: 4 MiB decoded, i.e. 5.3 MiB of base64, within Lambda's 6 MB synchronous payload. */
export const MAX_PUSH_ZIP_BYTES = 4 * 1024 * 1024;
/** Lambda's limit on a function's unzipped code (250 MB, as Lambda counts it: 262,144,000 bytes). */
export const MAX_UNZIPPED_BYTES = 262_144_000;
/** The alias the TenantFunction serves from (its target group invokes `live`). */
export const LIVE_ALIAS = 'live';
/** Tag keys the blocks put on everything (src/core/tenant-defaults.ts). */
export const TENANT_TAG = 'tenant-blocks:tenant';
export const TIER_TAG = 'tenant-blocks:tier';

/** What a push sends. */
export interface CodePushRequest {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  /** The zip archive (already checked by {@link zipProblems}). */
  readonly zip: Buffer;
  /**
   * When the push must have answered (epoch ms): the API handler's remaining time less a margin
   * for its bookkeeping. The waits for `LastUpdateStatus` stop before it (504).
   *
   * @default - only `maxPolls` bounds the waits
   */
  readonly deadline?: number;
}

/** What a push (or a restore) did. */
export interface CodePushResult {
  readonly functionName: string;
  /** The published version the `live` alias now points at. */
  readonly version: string;
  /** SHA-256 of the code Lambda now runs, hex (Lambda reports it base64). */
  readonly codeSha256: string;
}

/** Where the API sends a push (the real one: {@link lambdaCodePushTarget}). */
export interface CodePushTarget {
  push(request: CodePushRequest): Promise<CodePushResult>;
}

/** A push that cannot be done as asked; `statusCode` is the API's answer (409: the tenant's function is not as expected). */
export class CodePushError extends Error {
  public readonly name = 'CodePushError';
  constructor(message: string, public readonly statusCode: number = 502) {
    super(message);
  }
}

/**
 * Whether a failed push provably left the function's code as it was: it failed before
 * `UpdateFunctionCode` was sent, or Lambda refused that request (4xx). Anything later (a failed
 * or unfinished update, a failed publish) may have changed `$LATEST`.
 */
export function codeUnchanged(e: unknown): boolean {
  return (e as { codeUnchanged?: unknown } | undefined)?.codeUnchanged === true;
}

function unchanged(e: unknown): unknown {
  if (typeof e === 'object' && e !== null) Object.assign(e, { codeUnchanged: true });
  return e;
}

/** A Lambda client for a tenant's account (real: {@link stsLambdaClientFor}). */
export type LambdaClientFor = (accountId: string, tenantId: string) => Promise<LambdaClient> | LambdaClient;

/** Options of the real target. */
export interface LambdaCodePushOptions {
  /** Pause between two reads of `LastUpdateStatus`, ms. @default 500 */
  readonly pollIntervalMs?: number;
  /** Reads of `LastUpdateStatus` before giving up. @default 120 (a minute) */
  readonly maxPolls?: number;
}

/** The real push: the tenant account's Lambda API through `clientFor`. */
export function lambdaCodePushTarget(clientFor: LambdaClientFor, options: LambdaCodePushOptions = {}): CodePushTarget {
  return {
    async push(request: CodePushRequest): Promise<CodePushResult> {
      let lambda: LambdaClient | undefined;
      let functionName: string | undefined;
      let updated;
      try {
        lambda = await clientFor(request.accountId, request.tenantId);
        functionName = await findTenantFunction(lambda, request.tenantId);
        updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: request.zip }));
      } catch (e) {
        // Before the update, or the update refused by Lambda (4xx): $LATEST is as it was.
        const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const refused = status !== undefined && status >= 400 && status < 500;
        throw functionName === undefined || refused ? unchanged(e) : e;
      }
      const expected = createHash('sha256').update(request.zip).digest('base64');
      if (updated.CodeSha256 !== undefined && updated.CodeSha256 !== expected) {
        throw new CodePushError(`Lambda reports code ${updated.CodeSha256} for ${functionName}, not the pushed ${expected}`);
      }
      return publishLive(lambda, functionName, options, request.deadline);
    },
  };
}

/**
 * The tenant's app function: tagged with the tenant and DEVELOPMENT, with a `live` alias. Other
 * functions of the blocks (rotation, bootstrap, link) have no `live` alias.
 *
 * @throws CodePushError (409) when there is none or more than one
 */
export async function findTenantFunction(lambda: LambdaClient, tenantId: string): Promise<string> {
  const tagged: string[] = [];
  let marker: string | undefined;
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker: marker, MaxItems: 50 }));
    for (const fn of page.Functions ?? []) {
      if (!fn.FunctionArn || !fn.FunctionName) continue;
      const { Tags: tags = {} } = await lambda.send(new ListTagsCommand({ Resource: fn.FunctionArn }));
      if (tags[TENANT_TAG] === tenantId && tags[TIER_TAG] === 'DEVELOPMENT') tagged.push(fn.FunctionName);
    }
    marker = page.NextMarker;
  } while (marker);
  const withLive: string[] = [];
  for (const name of tagged) {
    try {
      await lambda.send(new GetAliasCommand({ FunctionName: name, Name: LIVE_ALIAS }));
      withLive.push(name);
    } catch (e) {
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
    }
  }
  if (withLive.length === 0) {
    throw new CodePushError(`tenant '${tenantId}' has no function tagged ${TENANT_TAG}=${tenantId}, ${TIER_TAG}=DEVELOPMENT with a '${LIVE_ALIAS}' alias (a TenantFunction) in its account`, 409);
  }
  if (withLive.length > 1) {
    throw new CodePushError(`tenant '${tenantId}' has ${withLive.length} functions with a '${LIVE_ALIAS}' alias (${withLive.join(', ')}); a push needs exactly one`, 409);
  }
  return withLive[0];
}

/** Waits for the code update (until `deadline`, epoch ms, when given), publishes a version and points `live` at it. */
async function publishLive(lambda: LambdaClient, functionName: string, options: LambdaCodePushOptions, deadline?: number): Promise<CodePushResult> {
  const polls = options.maxPolls ?? 120;
  const interval = options.pollIntervalMs ?? 500;
  for (let i = 0; ; i++) {
    const cfg = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    if (cfg.LastUpdateStatus === 'Successful' || cfg.LastUpdateStatus === undefined) break;
    if (cfg.LastUpdateStatus === 'Failed') {
      throw new CodePushError(`Lambda could not update ${functionName}: ${cfg.LastUpdateStatusReasonCode ?? ''} ${cfg.LastUpdateStatusReason ?? ''}`.trim());
    }
    if (i + 1 >= polls) throw new CodePushError(`the code update of ${functionName} did not finish in ${polls} reads (LastUpdateStatus ${cfg.LastUpdateStatus})`, 504);
    if (deadline !== undefined && Date.now() + interval > deadline) {
      throw new CodePushError(`the code update of ${functionName} did not finish before the API had to answer (LastUpdateStatus ${cfg.LastUpdateStatus} after ${i + 1} reads); `
        + 'the function may run the pushed code without a published version: push again, or deploy to put the release back', 504);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  const published = await lambda.send(new PublishVersionCommand({ FunctionName: functionName }));
  if (!published.Version) throw new CodePushError(`Lambda published no version of ${functionName}`);
  await lambda.send(new UpdateAliasCommand({ FunctionName: functionName, Name: LIVE_ALIAS, FunctionVersion: published.Version }));
  return { functionName, version: published.Version, codeSha256: hexOf(published.CodeSha256 ?? '') };
}

/** A base64 SHA-256 (Lambda's form) as hex. */
export function hexOf(base64Sha256: string): string {
  return Buffer.from(base64Sha256, 'base64').toString('hex');
}

// ---- the zip's central directory ----

/** What {@link zipProblems} found. */
export interface ZipCheck {
  /** Sum of the entries' uncompressed sizes (undefined when the archive could not be read). */
  readonly unzippedBytes?: number;
  readonly entries?: number;
  /** Why the archive is not a zip Lambda accepts as it stands (400). */
  readonly problem?: string;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * Reads a zip's central directory: the number of entries and the sum of their uncompressed sizes
 * (zip64 sizes included), without extracting anything. A zip bomb declares its sizes here too.
 */
export function zipProblems(zip: Buffer): ZipCheck {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: 'is not a zip archive (no end of central directory record)' };
  let entries: number = zip.readUInt16LE(eocd + 10);
  let size: number = zip.readUInt32LE(eocd + 12);
  let offset: number = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) return { problem: 'is not a readable zip archive (zip64 locator missing)' };
    const at = Number(zip.readBigUInt64LE(locator + 8));
    if (at + 56 > zip.length || zip.readUInt32LE(at) !== ZIP64_EOCD_SIGNATURE) return { problem: 'is not a readable zip archive (zip64 end of central directory missing)' };
    entries = Number(zip.readBigUInt64LE(at + 32));
    size = Number(zip.readBigUInt64LE(at + 40));
    offset = Number(zip.readBigUInt64LE(at + 48));
  }
  if (offset + size > zip.length) return { problem: 'is not a readable zip archive (its central directory lies outside the file)' };
  let total = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) return { problem: `is not a readable zip archive (central directory entry ${n} is damaged)` };
    let uncompressed: number = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    if (uncompressed === 0xffffffff) {
      // The zip64 extended information extra field (0x0001) holds the real size, first.
      const extra = zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length;) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001 && len >= 8) {
          uncompressed = Number(extra.readBigUInt64LE(e + 4));
          break;
        }
        e += 4 + len;
      }
    }
    total += uncompressed;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { unzippedBytes: total, entries };
}

// ---- restoring the release's code ----

/** The part of a CloudFormation client a restore uses (`GetTemplate`, `DescribeStackResource`). */
export interface CloudFormationSender {
  send(command: unknown): Promise<any>;
}

/** A CloudFormation client for a tenant's account (real: the deploy role the workflow assumes). */
export type CloudFormationClientFor = (accountId: string, tenantId: string) => Promise<CloudFormationSender> | CloudFormationSender;

/** The tenant a restore is for. */
export interface RestoreTenant {
  readonly tenantId: string;
  readonly account: string;
  readonly region: string;
  /** The partition (`aws`). @default 'aws' */
  readonly partition?: string;
}

/**
 * Puts the deployed release's code back into the tenant's function: the `Code` (`S3Bucket`,
 * `S3Key`) of the function the `live` alias of the stack's template points at,
 * `UpdateFunctionCode` from S3, `PublishVersion`, `UpdateAlias live`. The workflow calls it after a
 * successful deploy of a tenant with a `codePush`, then `Registry.clearCodePush`.
 *
 * @throws CodePushError when the template has no such function or its code is not in S3
 */
export async function restoreReleaseCode(
  clientFor: LambdaClientFor, cfnFor: CloudFormationClientFor, tenant: RestoreTenant, options: LambdaCodePushOptions = {},
): Promise<CodePushResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cfnSdk = require('@aws-sdk/client-cloudformation') as typeof import('@aws-sdk/client-cloudformation');
  const stackName = `Tenant-${tenant.tenantId}`;
  const cfn = await cfnFor(tenant.account, tenant.tenantId);
  const out = await cfn.send(new cfnSdk.GetTemplateCommand({ StackName: stackName, TemplateStage: 'Processed' }));
  const template = JSON.parse(String(out.TemplateBody ?? '{}')) as { Resources?: Record<string, { Type?: string; Properties?: Record<string, any> }> };
  const resources = template.Resources ?? {};
  const alias = Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Alias' && r.Properties?.Name === LIVE_ALIAS);
  const logicalId = refOf(alias?.Properties?.FunctionName);
  const fn = logicalId ? resources[logicalId] : undefined;
  if (!logicalId || fn?.Type !== 'AWS::Lambda::Function') {
    throw new CodePushError(`the template of ${stackName} has no function behind a '${LIVE_ALIAS}' alias`, 409);
  }
  const pseudo: Record<string, string> = {
    'AWS::AccountId': tenant.account, 'AWS::Region': tenant.region, 'AWS::Partition': tenant.partition ?? 'aws', 'AWS::URLSuffix': 'amazonaws.com',
  };
  const bucket = resolve(fn.Properties?.Code?.S3Bucket, pseudo);
  const key = resolve(fn.Properties?.Code?.S3Key, pseudo);
  if (!bucket || !key) throw new CodePushError(`the function ${logicalId} of ${stackName} has no S3 code location (inline code cannot be restored)`, 409);
  const described = await cfn.send(new cfnSdk.DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: logicalId }));
  const functionName = described.StackResourceDetail?.PhysicalResourceId as string | undefined;
  if (!functionName) throw new CodePushError(`${stackName} has no physical function for ${logicalId}`, 409);
  const lambda = await clientFor(tenant.account, tenant.tenantId);
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, S3Bucket: bucket, S3Key: key }));
  return publishLive(lambda, functionName, options);
}

function refOf(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as { Ref?: unknown }).Ref === 'string') return (value as { Ref: string }).Ref;
  return undefined;
}

/** A string, `Fn::Sub` of pseudo parameters or `Fn::Join` of those (what CDK writes for asset locations). */
function resolve(value: unknown, pseudo: Record<string, string>): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, any>;
  if (typeof v['Fn::Sub'] === 'string') {
    let unknown = false;
    const text = (v['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
      if (pseudo[name] === undefined) unknown = true;
      return pseudo[name] ?? '';
    });
    return unknown ? undefined : text;
  }
  if (typeof v.Ref === 'string') return pseudo[v.Ref];
  if (Array.isArray(v['Fn::Join']) && Array.isArray(v['Fn::Join'][1])) {
    const parts = (v['Fn::Join'][1] as unknown[]).map((p) => resolve(p, pseudo));
    return parts.some((p) => p === undefined) ? undefined : parts.join(String(v['Fn::Join'][0]));
  }
  return undefined;
}

// ---- the real clientFor ----

/** Options of {@link stsLambdaClientFor}. */
export interface StsLambdaClientOptions {
  /** The partition of the role ARNs. @default 'aws' */
  readonly partition?: string;
  /** The tenants' region. */
  readonly region: string;
  /**
   * The code-push role's name in every tenant account, with its path
   * (`tenant-blocks/tenant-blocks-code-push-<qualifier>`: ProvisionerConfig.codePushRoleName).
   */
  readonly roleName: string;
}

/**
 * A Lambda client for a tenant account with the credentials of its code-push role
 * (`arn:<partition>:iam::<account>:role/<roleName>`), assumed for 15 minutes with the session tag
 * `tenant=<tenantId>`: the role's policy may then limit the session to that tenant's functions
 * (`aws:ResourceTag/tenant-blocks:tenant` = `${aws:PrincipalTag/tenant}`).
 */
export function stsLambdaClientFor(options: StsLambdaClientOptions): LambdaClientFor {
  return async (accountId, tenantId) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
    const sts = new STSClient({ region: options.region });
    const roleArn = `arn:${options.partition ?? 'aws'}:iam::${accountId}:role/${options.roleName.replace(/^\/+/, '')}`;
    const out = await sts.send(new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: `code-push-${tenantId}`.slice(0, 64),
      DurationSeconds: 900,
      Tags: [{ Key: 'tenant', Value: tenantId }],
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CodePushError(`assuming ${roleArn} returned no credentials`);
    return new LambdaClient({
      region: options.region,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
    });
  };
}
