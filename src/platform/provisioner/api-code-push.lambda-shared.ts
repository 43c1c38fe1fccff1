/**
 * `POST /tenants/{tenantId}/code`: a code push to a DEVELOPMENT tenant's function (issue 23 §2).
 *
 * Body `{ "zipBase64": string, "sha256": "<hex SHA-256 of the zip bytes>", "expectedVersion"?: n }`;
 * scope action CODE_PUSH. Refused, each with one clear problem: a tenant whose DEPLOYED tier is not
 * DEVELOPMENT (400), a tenant whose asked tier is PRODUCTION and not deployed yet (409, cause
 * PRODUCTION_PENDING), a tenant that is not deployed and ACTIVE (409, cause STATE), another operation
 * holding the lock (409, cause OPERATION_IN_FLIGHT, naming it), a zip over 4 MiB decoded (413),
 * bad base64 or a SHA-256 that does not match (400), a zip that unzips to more than Lambda's
 * 250 MB (413). A push holds the tenant's lock while it runs (at most 15 minutes), is recorded as a
 * CODE_PUSH operation (who, when, code hash, function, published version) and marks the tenant
 * (`codePush`) until a deploy puts the release's code back.
 */
import { createHash, randomUUID } from 'crypto';
import { busy, conflict, explainConflict, liveLock, versionMoved } from './api-conflict.lambda-shared';
import { ApiDependencies, ApiResult, clock, HttpError, MAX_CODE_BODY_BYTES, respond, unknownFields, versionProblems } from './api-support.lambda-shared';
import { codeUnchanged, MAX_PUSH_ZIP_BYTES, MAX_UNZIPPED_BYTES, zipProblems } from './code-push.lambda-shared';
import { tenantStackName } from './config.lambda-shared';
import { deployedSpecOf, refusal } from './lifecycle.lambda-shared';
import { CodePushMark, ConflictError, OperationRecord, TenantRecord } from './registry.lambda-shared';

export { MAX_CODE_BODY_BYTES };
/** How long a push holds the lock at most by default: a crashed push does not block the tenant for days. */
const DEFAULT_PUSH_LOCK_SECONDS = 900;
/** Time kept for the push's own writes after its last wait for Lambda (operation, tenant, idempotency key). */
export const PUSH_BOOKKEEPING_MS = 3000;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** What the API answers to a push. */
export function restoredByText(release: string): string {
  return `The next deploy or rollout of this tenant puts release ${release}'s code back.`;
}

/** Handles `POST /tenants/{tenantId}/code` (the body already parsed, at most {@link MAX_CODE_BODY_BYTES}). */
export async function pushCode(tenantId: string, req: Record<string, unknown>, caller: string, deps: ApiDependencies): Promise<ApiResult> {
  if (!deps.codePush) throw new HttpError(501, 'this provisioner has no code push configured (no code-push target in the API\'s dependencies)');
  const zip = checkedZip(req);
  const tenant = await deps.registry.getTenant(tenantId);
  if (!tenant) throw new HttpError(404, `no tenant '${tenantId}'`);
  const now = clock(deps);
  const expected = (req.expectedVersion as number | undefined) ?? tenant.version;
  if (expected !== tenant.version) throw versionMoved(expected, tenant.version);
  const deployedTier = tenant.deployedTier ?? (deployedSpecOf(tenant) ? String(deployedSpecOf(tenant)!.tier) : undefined);
  const refused = refusal('CODE_PUSH', { tenantId, state: tenant.state, locked: false, tier: tenant.tier, deployedTier });
  if (refused) {
    throw refused.statusCode === 400
      ? new HttpError(400, 'invalid request', [refused.message])
      : new HttpError(409, refused.message, undefined, { cause: 'STATE', state: tenant.state });
  }
  if (tenant.tier === 'PRODUCTION') {
    // A PRODUCTION change waits for its deploy (scheduled): pushed code would go live with it.
    throw conflict('PRODUCTION_PENDING', `tenant '${tenantId}' is deployed as ${deployedTier} but a change to PRODUCTION is asked and not deployed yet: `
      + 'pushed code would go live with it; code pushes reach DEVELOPMENT tenants only (change the tier back to DEVELOPMENT to push again)', { tier: tenant.tier });
  }
  const lock = liveLock(tenant, now);
  if (lock) throw await busy(tenantId, lock, deps);
  await endExpiredPush(tenant, now, deps);

  const release = tenant.deployedRelease ?? tenant.release;
  const sha256 = req.sha256 as string;
  const remaining = deps.remainingTimeMs?.();
  // Polls stop before Lambda stops this function: the operation and the tenant are always settled here.
  const deadline = remaining === undefined ? undefined : Date.now() + remaining - PUSH_BOOKKEEPING_MS;
  const operation: OperationRecord = {
    operationId: (deps.newId ?? randomUUID)(),
    tenantId,
    incarnation: tenant.incarnation ?? 1,
    type: 'CODE_PUSH',
    status: 'RUNNING',
    requestedBy: caller,
    requestedAt: now.toISOString(),
    startedAt: now.toISOString(),
    specVersion: tenant.version,
    release,
    changes: [{ path: '(code)', from: tenant.codePush?.sha256 ?? `release ${release}`, to: sha256 }],
    outcome: { stackName: tenantStackName(tenantId), codeSha256: sha256, zipBytes: zip.bytes.length, unzippedBytes: zip.unzippedBytes },
  };
  await deps.registry.putOperation(operation);
  // A push killed with its function frees the tenant a minute after that function's end, not 15 minutes later.
  const functionSeconds = remaining === undefined ? Infinity : Math.ceil(remaining / 1000) + 60;
  const lockSeconds = Math.min(deps.codePushLockSeconds ?? DEFAULT_PUSH_LOCK_SECONDS, functionSeconds);
  const expiresAt = new Date(now.getTime() + lockSeconds * 1000).toISOString();
  // The mark is written with the lock, BEFORE the code is sent: a push stopped half-way leaves a
  // tenant that says it may run pushed code (the next deploy restores the release), never the reverse.
  const mark: CodePushMark = { sha256, operationId: operation.operationId, at: now.toISOString() };
  try {
    await deps.registry.lockTenant(tenantId, operation.operationId, expiresAt, now.toISOString(), {
      op: 'CODE_PUSH', specVersion: expected, incarnation: tenant.incarnation ?? 1, fields: { lastOperationId: operation.operationId, codePush: mark },
    });
  } catch (e) {
    if (e instanceof ConflictError) await finish(deps, operation, { status: 'REJECTED', reason: e.message });
    throw await explainConflict(e, tenantId, deps, expected);
  }
  return runPush(deps, operation, {
    tenantId, account: tenant.account, region: tenant.region, release, zip: zip.bytes, sha256, deadline, previous: tenant.codePush,
  });
}

/** What a push sends and settles. */
interface PushJob {
  readonly tenantId: string;
  readonly account: string;
  readonly region: string;
  readonly release: string;
  readonly zip: Buffer;
  readonly sha256: string;
  /** When the target must have answered (epoch ms). */
  readonly deadline?: number;
  /** The tenant's mark before this push (put back when the push provably changed nothing). */
  readonly previous?: CodePushMark;
}

async function runPush(
  deps: ApiDependencies, operation: OperationRecord,
  push: PushJob,
): Promise<ApiResult> {
  let result;
  try {
    result = await deps.codePush!.push({
      tenantId: push.tenantId, accountId: push.account, region: push.region, zip: push.zip, deadline: push.deadline,
    });
  } catch (e) {
    const reason = `the code push failed: ${(e as Error).message}`.slice(0, 1000);
    const same = codeUnchanged(e);
    await finish(deps, operation, { status: 'FAILED', reason, ...(same ? {} : { outcome: { ...operation.outcome, codeMayHaveChanged: true } }) });
    // Provably unchanged: the tenant's mark is what it was before; otherwise this push's mark stays.
    const settled = same
      ? deps.registry.recordCodePush(push.tenantId, operation.operationId, push.previous)
      : deps.registry.unlockTenant(push.tenantId, operation.operationId, {});
    await settled.catch(() => undefined);
    const status = (e as { statusCode?: number }).statusCode;
    throw new HttpError(typeof status === 'number' && status >= 400 && status < 600 ? status : 502, reason, undefined, { operationId: operation.operationId });
  }
  const restoredBy = restoredByText(push.release);
  const at = clock(deps).toISOString();
  const mark: CodePushMark = { sha256: push.sha256, operationId: operation.operationId, at };
  const recorded = await deps.registry.recordCodePush(push.tenantId, operation.operationId, mark);
  // The lock expired and another operation took the tenant: the code is live all the same, so the mark is written anyway.
  if (!recorded) await deps.registry.markCodePush(push.tenantId, mark);
  await finish(deps, operation, {
    status: 'SUCCEEDED',
    outcome: {
      ...operation.outcome,
      functionName: result.functionName,
      version: result.version,
      lambdaCodeSha256: result.codeSha256,
      restoredBy,
      ...(recorded ? {} : { lockLost: 'the push finished after its lock expired and another operation took the tenant; the code push mark was written all the same' }),
    },
  }, at);
  return respond(200, {
    operationId: operation.operationId,
    functionName: result.functionName,
    version: result.version,
    codeSha256: push.sha256,
    restoredBy,
  });
}

/**
 * A CODE_PUSH whose lock expired while it was RUNNING: its API function was stopped before it
 * answered (a push never outlives its function otherwise). It ends FAILED when the next request
 * finds its lock expired; its mark stays (its code may be live). The workflow's own steps take
 * expired locks too (begin, acquire): a push they take over is ended by the next API request, or
 * stays RUNNING in the history until one comes.
 */
export async function endExpiredPush(tenant: TenantRecord, now: Date, deps: Pick<ApiDependencies, 'registry' | 'now'>): Promise<void> {
  if (!tenant.lockOperationId || liveLock(tenant, now)) return;
  const op = await deps.registry.getOperation(tenant.lockOperationId).catch(() => undefined);
  if (op?.type !== 'CODE_PUSH' || (op.status !== 'RUNNING' && op.status !== 'PENDING')) return;
  await finish(deps, op, {
    status: 'FAILED',
    reason: `the push did not finish: its lock expired at ${tenant.lockExpiresAt} before it answered (its API function was stopped); `
      + 'its code may be live: the tenant keeps the code push mark until a deploy puts the release back',
    outcome: { ...op.outcome, codeMayHaveChanged: true },
  });
}

/** Ends the operation (final status, finishedAt, duration); returns finishedAt. */
async function finish(deps: Pick<ApiDependencies, 'registry' | 'now'>, operation: OperationRecord, fields: Partial<OperationRecord>, at?: string): Promise<string> {
  const end = at === undefined ? clock(deps) : new Date(at);
  const finishedAt = end.toISOString();
  const durationSeconds = Math.max(0, Math.round((end.getTime() - Date.parse(operation.startedAt ?? finishedAt)) / 1000));
  await deps.registry.updateOperation(operation.operationId, ['RUNNING', 'PENDING'], { ...fields, finishedAt, durationSeconds }).catch(() => undefined);
  return finishedAt;
}

/** The zip of a valid request, checked: size, base64, hash, central directory. */
function checkedZip(req: Record<string, unknown>): { bytes: Buffer; unzippedBytes: number } {
  const problems = [...unknownFields(req, ['zipBase64', 'sha256', 'expectedVersion']), ...versionProblems(req.expectedVersion)];
  if (typeof req.zipBase64 !== 'string' || req.zipBase64.length === 0) {
    problems.push(`zipBase64: is required, the function's zip archive in base64 (got: ${typeof req.zipBase64 === 'string' ? '""' : JSON.stringify(req.zipBase64 ?? null)})`);
  }
  if (typeof req.sha256 !== 'string' || !SHA256_HEX.test(req.sha256)) {
    problems.push(`sha256: is required, the SHA-256 of the zip's bytes as 64 lowercase hex characters (got: ${JSON.stringify(typeof req.sha256 === 'string' ? req.sha256.slice(0, 80) : req.sha256 ?? null)})`);
  }
  if (problems.length > 0) throw new HttpError(400, 'invalid request', problems);
  const b64 = req.zipBase64 as string;
  const decoded = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (decoded > MAX_PUSH_ZIP_BYTES) {
    throw new HttpError(413, 'invalid request', [`zipBase64: decodes to ${decoded} bytes; a push takes a zip of at most ${MAX_PUSH_ZIP_BYTES} bytes (4 MiB: Lambda's 6 MB synchronous payload holds it in base64); deploy larger code as a release`]);
  }
  if (b64.length % 4 !== 0 || !BASE64.test(b64)) throw new HttpError(400, 'invalid request', ['zipBase64: is not base64 (standard alphabet A-Z a-z 0-9 + /, padded with = to a multiple of 4)']);
  const bytes = Buffer.from(b64, 'base64');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== req.sha256) {
    throw new HttpError(400, 'invalid request', [`sha256: the zip's SHA-256 is ${actual}, not the given ${req.sha256 as string} (the upload was damaged, or the hash is of another file)`]);
  }
  const zip = zipProblems(bytes);
  if (zip.problem !== undefined || zip.unzippedBytes === undefined) throw new HttpError(400, 'invalid request', [`zipBase64: ${zip.problem ?? 'is not a zip archive'}`]);
  if (zip.unzippedBytes > MAX_UNZIPPED_BYTES) {
    throw new HttpError(413, 'invalid request', [`zipBase64: unzips to ${zip.unzippedBytes} bytes in ${zip.entries} entries; Lambda takes at most ${MAX_UNZIPPED_BYTES} bytes (250 MB) of unzipped code`]);
  }
  return { bytes, unzippedBytes: zip.unzippedBytes };
}
