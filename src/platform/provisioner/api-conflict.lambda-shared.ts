/**
 * Every 409 of the API says which of its causes applies (issue 24 §4), in `cause` and in words:
 *
 * - `OPERATION_IN_FLIGHT`: another operation holds the tenant's lock: `operation` names it
 *   (`operationId`, `type`, `status`, `startedAt`, `requestedBy`);
 * - `VERSION_MOVED`: the tenant moved on: `expectedVersion` (asked) and `currentVersion` (also as
 *   `version`, the field earlier clients read);
 * - `STATE`: the tenant's state does not allow the operation (`state`);
 * - `CODE_PUSHED`: a change to PRODUCTION while the function runs pushed code (`codePush` names the push);
 * - `PRODUCTION_PENDING`: a code push while a change to PRODUCTION waits for its deploy;
 * - `EXISTS`, `ACCOUNT_TAKEN`, `REQUEST_IN_PROGRESS`, `NOT_AWAITING_APPROVAL`: named where they arise.
 */
import { clock, ConflictCauseName, HttpError } from './api-support.lambda-shared';
export { CONFLICT_CAUSES } from './api-support.lambda-shared';
export type { ConflictCauseName } from './api-support.lambda-shared';
import type { ApiDependencies } from './api-support.lambda-shared';
import { ConflictError, TenantRecord } from './registry.lambda-shared';

/** A 409 with its cause. */
export function conflict(cause: ConflictCauseName, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(409, message, undefined, { cause, ...extra });
}

/** The 409 of a version that moved on. */
export function versionMoved(expected: number, current: number): HttpError {
  return conflict('VERSION_MOVED', `the tenant is at version ${current}, not ${expected}: read it again and re-apply the change`,
    { expectedVersion: expected, currentVersion: current, version: current });
}

/** The 409 of a tenant whose lock another operation holds, naming that operation. */
export async function busy(tenantId: string, lockOperationId: string, deps: ApiDependencies): Promise<HttpError> {
  const op = await deps.registry.getOperation(lockOperationId).catch(() => undefined);
  const operation = {
    operationId: lockOperationId,
    type: op?.type ?? null,
    status: op?.status ?? null,
    startedAt: op?.startedAt ?? op?.requestedAt ?? null,
    requestedBy: op?.requestedBy ?? null,
  };
  const what = op ? `${op.type}, ${op.status}, started ${operation.startedAt}` : 'no longer in the history';
  return conflict('OPERATION_IN_FLIGHT',
    `tenant '${tenantId}' is busy: operation ${lockOperationId} (${what}) holds its lock; retry when it has finished`, { operation });
}

/** Whether the tenant's lock is live now. */
export function liveLock(t: TenantRecord | undefined, now: Date): string | undefined {
  return t?.lockOperationId !== undefined && (t.lockExpiresAt ?? '') > now.toISOString() ? t.lockOperationId : undefined;
}

/**
 * Why a conditional write on a tenant lost, read again from the registry: the operation that holds
 * the lock, the version that moved on, or the state; anything but a ConflictError is returned as is.
 */
export async function explainConflict(e: unknown, tenantId: string, deps: ApiDependencies, expectedVersion?: number): Promise<unknown> {
  if (!(e instanceof ConflictError)) return e;
  const t = await deps.registry.getTenant(tenantId).catch(() => undefined);
  const lock = liveLock(t, clock(deps));
  if (t && lock) return busy(tenantId, lock, deps);
  if (t && expectedVersion !== undefined && t.version !== expectedVersion) return versionMoved(expectedVersion, t.version);
  return conflict('STATE', t ? `${e.message} (the tenant is now ${t.state})` : e.message, { state: t?.state ?? null });
}

/**
 * The 409 of a change whose spec would deploy as PRODUCTION while the function runs pushed code:
 * the deploy would publish the pushed code ($LATEST) as a PRODUCTION version, and the restore after
 * it is then denied (the code-push role reaches DEVELOPMENT-tagged functions only).
 */
export function codePushed(tenant: TenantRecord): HttpError {
  const push = tenant.codePush!;
  return conflict('CODE_PUSHED',
    `tenant '${tenant.tenantId}' runs the code of code push ${push.operationId} (pushed ${push.at}), not its release's: a change to PRODUCTION would put that code live as PRODUCTION; `
    + `deploy the release first (PATCH /tenants/${tenant.tenantId} without settings, or a rollout) to put the release's code back, then change the tier`,
    { codePush: push });
}
