/* eslint-disable import/no-extraneous-dependencies */
/**
 * The tenant registry: one DynamoDB table (single-table design), used by the API and the workflow
 * handlers. Every write that decides something is a conditional write; there are no transactions
 * (and no lock service): the tenant item's `version` and `lockOperationId` are the concurrency
 * control.
 *
 * Items (pk / sk, and the one global secondary index `gsi1`):
 * - tenant      `TENANT#<id>` / `#TENANT`        gsi1: `TENANTS` / `<id>`
 * - operation   `OPERATION#<id>` / `#OPERATION`  gsi1: `TENANT#<id>#OPERATIONS` / `<requestedAt>#<id>`
 * - rollout     `ROLLOUT#<id>` / `#ROLLOUT`      gsi1: `ROLLOUTS` / `<createdAt>#<id>`
 * - idempotency `IDEMPOTENCY#<key>` / `#IDEMPOTENCY` (expires through the table's TTL attribute)
 * - log query   `LOGQUERY#<id>` / `#LOGQUERY` (binds a log query id to its tenant; expires after a day)
 * - account     `ACCOUNT#<account>` / `#ACCOUNT` (the tenant that holds an account: one tenant per account)
 *
 * Operations are history: created once (PutItem if absent), moved forward PENDING -> RUNNING ->
 * SUCCEEDED | FAILED by conditional updates that refuse to touch a finished operation, and never
 * deleted (the handlers' roles have no dynamodb:DeleteItem).
 */
import {
  AttributeValue,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';

import { GSI1, TTL_ATTRIBUTE } from './config.lambda-shared';
import { LIFECYCLE, lockStates, OperationType, TenantState } from './lifecycle.lambda-shared';

// The table's index and TTL names live in config.lambda-shared (no AWS SDK import): the construct
// reads them too, and the construct side must load without the SDK (a devDependency).
export { GSI1, TTL_ATTRIBUTE };

export type { OperationType, TenantState };
/** Status of an operation. */
export type OperationStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED' | 'REJECTED';

/** A tenant item. */
export interface TenantRecord {
  readonly tenantId: string;
  readonly account: string;
  readonly region: string;
  readonly tier: string;
  readonly spec: Record<string, unknown>;
  /** Incremented by every accepted change (optimistic locking). */
  readonly version: number;
  /** The platform app release the tenant runs (or is being moved to). */
  readonly release: string;
  readonly state: TenantState;
  /** The external id of the tenant's link (confused-deputy protection), generated once at creation. */
  readonly externalId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lockOperationId?: string;
  readonly lockExpiresAt?: string;
  readonly lastOperationId?: string;
  readonly lastStackStatus?: string;
  /** The spec version the last successful deployment applied. */
  readonly deployedVersion?: number;
  /** The release the last successful deployment applied. */
  readonly deployedRelease?: string;
  /** The spec the last successful deployment applied: what the guards read and what rollouts redeploy. */
  readonly deployedSpec?: Record<string, unknown>;
  /** The tier of `deployedSpec`. */
  readonly deployedTier?: string;
  /** 1 for the first create of this id, +1 for every create after a destroy; each has its own history. */
  readonly incarnation?: number;
  /**
   * The last code push not yet replaced by a deploy: the function runs this code, not its
   * release's. Cleared (`clearCodePush`) once a deploy has put the release's code back.
   */
  readonly codePush?: CodePushMark;
  /** The tenant's log groups in its account (the hub's lines carry them), when known. */
  readonly logGroups?: string[];
}

/** What a tenant's function runs after a code push. */
export interface CodePushMark {
  /** SHA-256 (hex) of the pushed zip. */
  readonly sha256: string;
  /** The CODE_PUSH operation. */
  readonly operationId: string;
  /** When it was pushed (ISO 8601). */
  readonly at: string;
}

/** An operation item: one entry of a tenant's history. */
export interface OperationRecord {
  readonly operationId: string;
  readonly tenantId: string;
  readonly type: OperationType;
  readonly status: OperationStatus;
  /** IAM ARN of the caller (API) or of the rollout that started it. */
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly specVersion: number;
  readonly release: string;
  /** The settings this operation changes. */
  readonly changes: Array<Record<string, unknown>>;
  readonly rolloutId?: string;
  readonly executionArn?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationSeconds?: number;
  /** What happened: stack status and reason, failed resources, build, retained data, drift. */
  readonly outcome?: Record<string, unknown>;
  readonly reason?: string;
  /** The tenant's incarnation this operation belongs to. */
  readonly incarnation?: number;
  /** The spec a deploying operation (CREATE, UPDATE, DEPLOY) deploys. */
  readonly spec?: Record<string, unknown>;
  /** Asked to wait for the maintenance window: the lock is taken after the wait, not by the request. */
  readonly scheduled?: boolean;
  /** Where a running operation is: `WAITING_FOR_WINDOW` (until `waitingUntil`), `DEPLOYING`. */
  readonly step?: string;
  readonly waitingUntil?: string;
}

/** A fleet rollout item. */
export interface RolloutRecord {
  readonly rolloutId: string;
  readonly release: string;
  readonly status: string;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly request: Record<string, unknown>;
  readonly waves?: Array<Record<string, unknown>>;
  readonly results?: Array<Record<string, unknown>>;
  readonly executionArn?: string;
  readonly approvalToken?: string;
  readonly awaitingApprovalForWave?: number;
  readonly reason?: string;
  readonly finishedAt?: string;
  /** Every approval or refusal between waves: who, when, what they said. */
  readonly approvals?: Array<Record<string, unknown>>;
}

/** A log query of the API (`POST /tenants/{id}/logs`): what binds its id to one tenant. */
export interface LogQueryRecord {
  readonly queryId: string;
  readonly tenantId: string;
  /** The tenant's account when the query started (every hub query is checked against it). */
  readonly account: string;
  readonly incarnation: number;
  /** One hub query per log group. */
  readonly parts: Array<{ readonly source: 'function' | 'database'; readonly logGroup: string; readonly hubQueryId: string }>;
  /** Case-insensitive text a line must contain ('' for every line). */
  readonly filter: string;
  /** Lines per page. */
  readonly limit: number;
  readonly createdAt: string;
}

/** The stored answer to a request with an Idempotency-Key. */
export interface StoredResponse {
  readonly statusCode: number;
  readonly body: string;
}

/** What claiming an idempotency key found. */
export interface IdempotencyClaim {
  /** `NEW`: go ahead; `DONE`: return `response`; `IN_PROGRESS`: the first request is still running; `MISMATCH`: the key was used for another request. */
  readonly state: 'NEW' | 'DONE' | 'IN_PROGRESS' | 'MISMATCH';
  readonly response?: StoredResponse;
}

/** A page of items with the token for the next one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** A conditional write lost: somebody else changed the item first, or it is locked. */
export class ConflictError extends Error {
  public readonly name = 'ConflictError';
}

/** A pagination token that is not one this registry handed out. */
export class BadTokenError extends Error {
  public readonly name = 'BadTokenError';
}

const TENANT_SK = '#TENANT';
const OPERATION_SK = '#OPERATION';
const ROLLOUT_SK = '#ROLLOUT';
const IDEMPOTENCY_SK = '#IDEMPOTENCY';
const LOG_QUERY_SK = '#LOGQUERY';
const ACCOUNT_SK = '#ACCOUNT';
/** A claim whose tenant was never written is void after this long (API Gateway answers within 29 s). */
const CLAIM_GRACE_MS = 5 * 60 * 1000;
/** Pages of 100 tenants a free account claim reads at most to find a tenant from before claims existed. */
const MAX_ACCOUNT_SEARCH_PAGES = 100;
const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

/** Registry access for the handlers. */
export class Registry {
  /**
   * @param client the DynamoDB client (also used by the rollout store for its pages)
   * @param tableName the registry table
   */
  constructor(public readonly client: DynamoDBClient, private readonly tableName: string) {}

  /** The tenant, or undefined. Strongly consistent. */
  public async getTenant(tenantId: string): Promise<TenantRecord | undefined> {
    return this.get<TenantRecord>(`TENANT#${tenantId}`, TENANT_SK);
  }

  /**
   * Creates a tenant item (a new incarnation). Succeeds when the id is free, destroyed and
   * unlocked, or PENDING (never deployed), unlocked and in the same account and region: a create
   * that failed or never started is retried by creating again.
   *
   * @throws ConflictError when the tenant exists otherwise
   */
  public async createTenant(tenant: TenantRecord, now?: string): Promise<void> {
    const at = now ?? tenant.updatedAt;
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `TENANT#${tenant.tenantId}`, sk: TENANT_SK, gsi1pk: 'TENANTS', gsi1sk: tenant.tenantId, ...tenant }),
        ConditionExpression: 'attribute_not_exists(pk) OR ((attribute_not_exists(lockOperationId) OR lockExpiresAt < :now) AND '
          + '(#state = :destroyed OR (#state = :pending AND attribute_not_exists(deployedSpec) AND attribute_not_exists(deployedVersion) AND account = :account AND #region = :region)))',
        ExpressionAttributeNames: { '#state': 'state', '#region': 'region' },
        ExpressionAttributeValues: {
          ':destroyed': { S: 'DESTROYED' },
          ':pending': { S: 'PENDING' },
          ':now': { S: at },
          ':account': { S: tenant.account },
          ':region': { S: tenant.region },
        },
      }));
    } catch (e) {
      throw conflictOr(e, `tenant '${tenant.tenantId}' already exists`);
    }
  }

  /**
   * Changes a tenant if it is still at `expectedVersion`, in a state `op` may start from and not
   * locked by a live operation; increments its version when `bumpVersion` (a new desired spec);
   * when `lock` is given, takes the lock for that operation.
   *
   * @throws ConflictError when the version moved on, the state forbids `op` or an operation is in flight
   */
  public async changeTenant(
    tenantId: string,
    expectedVersion: number,
    now: string,
    fields: Partial<TenantRecord>,
    lock?: { operationId: string; expiresAt: string },
    options: { op?: OperationType; bumpVersion?: boolean; states?: readonly TenantState[] } = {},
  ): Promise<TenantRecord> {
    const bump = options.bumpVersion ?? true;
    const set: Record<string, unknown> = { ...fields, updatedAt: now, ...(bump ? { version: expectedVersion + 1 } : {}) };
    if (lock) {
      set.lockOperationId = lock.operationId;
      set.lockExpiresAt = lock.expiresAt;
    }
    const states = options.states ?? (options.op ? LIFECYCLE[options.op].from : undefined);
    const stateValues: Record<string, unknown> = {};
    (states ?? []).forEach((st, i) => { stateValues[`:st${i}`] = st; });
    return this.update<TenantRecord>(`TENANT#${tenantId}`, TENANT_SK, set, [], {
      expression: '#version = :expected AND (attribute_not_exists(lockOperationId) OR lockExpiresAt < :now)'
        + (states ? ` AND #state IN (${states.map((_, i) => `:st${i}`).join(', ')})` : ''),
      names: { '#version': 'version', ...(states ? { '#state': 'state' } : {}) },
      values: { ':expected': expectedVersion, ':now': now, ...stateValues },
    }, `tenant '${tenantId}' changed since version ${expectedVersion}, is in another state, or has an operation in flight`);
  }

  /**
   * Takes the tenant's lock for an operation: succeeds when the tenant is in a state `op` may
   * start from, unlocked (or its lock expired, or already this operation's) and, when
   * `specVersion` is given, still at that version (a scheduled change that a later one superseded
   * does not deploy). The state is checked in the same write: a rollout planned before a destroy
   * or a suspension cannot redeploy the tenant.
   *
   * @throws ConflictError when any of that does not hold (read the tenant to learn which)
   */
  public async lockTenant(
    tenantId: string,
    operationId: string,
    expiresAt: string,
    now: string,
    options: { op?: OperationType; specVersion?: number; incarnation?: number; fields?: Partial<TenantRecord> } = {},
  ): Promise<TenantRecord> {
    const states = options.op ? lockStates(options.op) : undefined;
    const values: Record<string, unknown> = { ':op': operationId, ':now': now };
    (states ?? []).forEach((st, i) => { values[`:st${i}`] = st; });
    const names: Record<string, string> = {};
    const parts = ['attribute_exists(pk) AND (attribute_not_exists(lockOperationId) OR lockOperationId = :op OR lockExpiresAt < :now)'];
    if (states) {
      names['#state'] = 'state';
      parts.push(`#state IN (${states.map((_, i) => `:st${i}`).join(', ')})`);
    }
    if (options.specVersion !== undefined) {
      names['#version'] = 'version';
      values[':version'] = options.specVersion;
      parts.push('#version = :version');
    }
    if (options.incarnation !== undefined) {
      // The same tenant, not a later one of the same id (items written before incarnations count as the first).
      values[':incarnation'] = options.incarnation;
      parts.push(options.incarnation === 1 ? '(attribute_not_exists(incarnation) OR incarnation = :incarnation)' : 'incarnation = :incarnation');
    }
    return this.update<TenantRecord>(`TENANT#${tenantId}`, TENANT_SK, { ...(options.fields ?? {}), lockOperationId: operationId, lockExpiresAt: expiresAt }, [], {
      expression: parts.join(' AND '),
      names: Object.keys(names).length > 0 ? names : undefined,
      values,
    }, `tenant '${tenantId}' has another operation in flight, is in another state or moved on`);
  }

  /**
   * Releases the lock held by `operationId` and records what the operation changed on the tenant,
   * only if the tenant is still in `expectedState` (when given). A lock held by another operation
   * is left alone (returns false). Moving the tenant to DESTROYED also removes its `codePush` mark.
   */
  public async unlockTenant(
    tenantId: string,
    operationId: string,
    fields: Partial<TenantRecord>,
    expectedState?: TenantState,
    removeFields: ReadonlyArray<keyof TenantRecord> = [],
  ): Promise<boolean> {
    // A destroyed tenant runs no code: a code push mark it carried goes with its function.
    const remove = ['lockOperationId', 'lockExpiresAt', ...removeFields, ...(fields.state === 'DESTROYED' ? ['codePush'] : [])];
    try {
      await this.update(`TENANT#${tenantId}`, TENANT_SK, { ...fields }, remove, {
        expression: 'lockOperationId = :op' + (expectedState ? ' AND #state = :expectedState' : ''),
        names: expectedState ? { '#state': 'state' } : undefined,
        values: { ':op': operationId, ...(expectedState ? { ':expectedState': expectedState } : {}) },
      }, 'not locked by this operation');
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }

  /**
   * Records a finished code push on the tenant and releases the push's lock, in one write that
   * holds only while `operationId` holds the lock. `mark` undefined removes the mark (a push that
   * provably changed nothing, over a tenant that carried none before).
   *
   * @returns false when the lock is no longer the push's (it expired and another operation took it)
   */
  public async recordCodePush(
    tenantId: string, operationId: string, mark: CodePushMark | undefined, fields: Partial<TenantRecord> = {},
  ): Promise<boolean> {
    return mark === undefined
      ? this.unlockTenant(tenantId, operationId, fields, undefined, ['codePush'])
      : this.unlockTenant(tenantId, operationId, { ...fields, codePush: mark });
  }

  /**
   * Marks the tenant as running pushed code whoever holds its lock: for a push that finished after
   * its lock expired (the code is live; a stale mark only costs one restore on the next deploy).
   */
  public async markCodePush(tenantId: string, mark: CodePushMark): Promise<void> {
    await this.update(`TENANT#${tenantId}`, TENANT_SK, { codePush: mark }, [], { expression: 'attribute_exists(pk)' }, `no tenant '${tenantId}'`);
  }

  /**
   * Forgets the code push `operationId` once a deploy has put the release's code back. A later
   * push (another operation id) is left alone.
   *
   * @returns whether the mark was removed
   */
  public async clearCodePush(tenantId: string, operationId: string): Promise<boolean> {
    try {
      await this.update(`TENANT#${tenantId}`, TENANT_SK, {}, ['codePush'], {
        expression: 'codePush.operationId = :op',
        values: { ':op': operationId },
      }, `tenant '${tenantId}' carries no code push ${operationId}`);
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }

  /** Records a new operation (history entry). @throws ConflictError when the id exists */
  public async putOperation(op: OperationRecord): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({
          pk: `OPERATION#${op.operationId}`,
          sk: OPERATION_SK,
          gsi1pk: `TENANT#${op.tenantId}#OPERATIONS`,
          gsi1sk: `${incarnationKey(op.incarnation ?? 1)}${op.requestedAt}#${op.operationId}`,
          ...op,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (e) {
      throw conflictOr(e, `operation '${op.operationId}' exists`);
    }
  }

  /** The operation, or undefined. */
  public async getOperation(operationId: string): Promise<OperationRecord | undefined> {
    return this.get<OperationRecord>(`OPERATION#${operationId}`, OPERATION_SK);
  }

  /**
   * Moves an operation forward. Only an operation in one of `from` states is changed: a finished
   * operation is history and never rewritten.
   *
   * @throws ConflictError when the operation is in another state
   */
  public async updateOperation(operationId: string, from: OperationStatus[], fields: Partial<OperationRecord>): Promise<OperationRecord> {
    const values: Record<string, unknown> = {};
    from.forEach((s, i) => { values[`:from${i}`] = s; });
    return this.update<OperationRecord>(`OPERATION#${operationId}`, OPERATION_SK, fields, [], {
      expression: `attribute_exists(pk) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
      names: { '#status': 'status' },
      values,
    }, `operation '${operationId}' is not ${from.join(' or ')}`);
  }

  /**
   * A tenant's operations, newest first: those of one incarnation (a re-created id does not
   * inherit the history of the tenant destroyed before it), or of every incarnation.
   */
  public async listOperations(tenantId: string, limit: number, nextToken?: string, incarnation?: number): Promise<Page<OperationRecord>> {
    const sk = incarnation === undefined ? undefined
      // The first incarnation's keys have no prefix (as written before incarnations existed): all keys below '~'.
      : incarnation === 1 ? { expression: 'gsi1sk < :bound', value: INCARNATION_MARK }
        : { expression: 'begins_with(gsi1sk, :bound)', value: incarnationKey(incarnation) };
    return this.query<OperationRecord>(`TENANT#${tenantId}#OPERATIONS`, limit, nextToken, false, sk);
  }

  /** Every tenant, by id. */
  public async listTenants(limit: number, nextToken?: string): Promise<Page<TenantRecord>> {
    return this.query<TenantRecord>('TENANTS', limit, nextToken, true);
  }

  /**
   * Claims `account` for `tenantId` (one tenant per account): a conditional write that only one of
   * two concurrent creates can win. The claim of a tenant that is DESTROYED, gone or moved to
   * another account is void and taken over (conditional on that holder, so two takers cannot both
   * win); a claim already held by `tenantId` is kept. A free claim is checked once against the
   * tenant list: a live tenant created before claims existed holds its account, and the claim is
   * written for it.
   *
   * @returns `{ claimed: true, fresh }` (fresh: this call took it), or `{ claimed: false, holder }`
   */
  public async claimAccount(account: string, tenantId: string, now: string): Promise<{ claimed: boolean; fresh?: boolean; holder?: string }> {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ ...key, account, tenantId, claimedAt: now }),
        ConditionExpression: 'attribute_not_exists(tenantId)',
      }));
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
      return this.claimHeld(account, tenantId, now);
    }
    return this.unlessHeldBefore(account, tenantId, now);
  }

  /**
   * A claim this call just took may still be an account held by a tenant created before claims
   * existed: look once, and hand the claim to that tenant (conditional on this call still holding it).
   */
  private async unlessHeldBefore(account: string, tenantId: string, now: string): Promise<{ claimed: boolean; fresh?: boolean; holder?: string }> {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    const earlier = await this.liveTenantInAccount(account, tenantId);
    if (earlier === undefined) return { claimed: true, fresh: true };
    try {
      await this.update(key.pk, key.sk, { tenantId: earlier, claimedAt: now, claimedFor: 'a tenant created before account claims' }, [], {
        expression: 'tenantId = :me', values: { ':me': tenantId },
      }, `account ${account} was claimed meanwhile`);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
    return { claimed: false, holder: earlier };
  }

  /**
   * A live (not DESTROYED) tenant other than `tenantId` in `account`, read from the tenant list
   * page by page: at most {@link MAX_ACCOUNT_SEARCH_PAGES} pages of 100 (10,000 tenants).
   */
  public async liveTenantInAccount(account: string, tenantId: string): Promise<string | undefined> {
    let token: string | undefined;
    for (let i = 0; i < MAX_ACCOUNT_SEARCH_PAGES; i++) {
      const page = await this.listTenants(100, token);
      const hit = page.items.find((t) => t.account === account && t.tenantId !== tenantId && t.state !== 'DESTROYED');
      if (hit) return hit.tenantId;
      token = page.nextToken;
      if (!token) return undefined;
    }
    return undefined;
  }

  private async claimHeld(account: string, tenantId: string, now: string): Promise<{ claimed: boolean; fresh?: boolean; holder?: string }> {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    const claim = await this.get<{ tenantId?: string; claimedAt?: string }>(key.pk, key.sk);
    const holder = claim?.tenantId;
    if (holder === tenantId) return { claimed: true, fresh: false };
    if (holder === undefined) return this.claimAccount(account, tenantId, now);
    const held = await this.getTenant(holder);
    // A holder without a tenant item is a create between its claim and its write: held, unless
    // the claim is older than any request (a create that crashed in between).
    const abandoned = !held && Date.parse(claim?.claimedAt ?? '') < Date.parse(now) - CLAIM_GRACE_MS;
    if (held ? held.state !== 'DESTROYED' && held.account === account : !abandoned) return { claimed: false, holder };
    try {
      await this.update(key.pk, key.sk, { tenantId, claimedAt: now, previousTenantId: holder }, [], {
        expression: 'tenantId = :holder', values: { ':holder': holder },
      }, `account ${account} was claimed meanwhile`);
      return await this.unlessHeldBefore(account, tenantId, now);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const again = await this.get<{ tenantId?: string }>(key.pk, key.sk);
      return again?.tenantId === tenantId ? { claimed: true, fresh: false } : { claimed: false, holder: again?.tenantId };
    }
  }

  /**
   * Releases `tenantId`'s claim on `account` (after its destroy, or when its create was refused).
   * A claim of another tenant is left alone.
   *
   * @returns whether the claim was released
   */
  public async releaseAccountClaim(account: string, tenantId: string): Promise<boolean> {
    try {
      await this.update(`ACCOUNT#${account}`, ACCOUNT_SK, {}, ['tenantId'], {
        expression: 'tenantId = :t', values: { ':t': tenantId },
      }, `account ${account} is not claimed by ${tenantId}`);
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }

  /** The tenant that holds `account`'s claim, if any. */
  public async accountHolder(account: string): Promise<string | undefined> {
    return (await this.get<{ tenantId?: string }>(`ACCOUNT#${account}`, ACCOUNT_SK))?.tenantId;
  }

  /** Keeps a log query until `expiresAtEpochSeconds` (the table's TTL). @throws ConflictError when the id exists */
  public async putLogQuery(query: LogQueryRecord, expiresAtEpochSeconds: number): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `LOGQUERY#${query.queryId}`, sk: LOG_QUERY_SK, ...query, [TTL_ATTRIBUTE]: expiresAtEpochSeconds }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (e) {
      throw conflictOr(e, `log query '${query.queryId}' exists`);
    }
  }

  /** The log query, or undefined (also once expired, before DynamoDB's TTL deleted it). */
  public async getLogQuery(queryId: string, nowEpochSeconds: number): Promise<LogQueryRecord | undefined> {
    const out = await this.client.send(new GetItemCommand({
      TableName: this.tableName, Key: { pk: { S: `LOGQUERY#${queryId}` }, sk: { S: LOG_QUERY_SK } }, ConsistentRead: true,
    }));
    if (!out.Item) return undefined;
    const item = unmarshallItem(out.Item);
    if (Number(item[TTL_ATTRIBUTE]) < nowEpochSeconds) return undefined;
    return stripKeys(item) as unknown as LogQueryRecord;
  }

  /** Records a new rollout. */
  public async putRollout(rollout: RolloutRecord): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `ROLLOUT#${rollout.rolloutId}`, sk: ROLLOUT_SK, gsi1pk: 'ROLLOUTS', gsi1sk: `${rollout.createdAt}#${rollout.rolloutId}`, ...rollout }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (e) {
      throw conflictOr(e, `rollout '${rollout.rolloutId}' exists`);
    }
  }

  /** The rollout, or undefined. */
  public async getRollout(rolloutId: string): Promise<RolloutRecord | undefined> {
    return this.get<RolloutRecord>(`ROLLOUT#${rolloutId}`, ROLLOUT_SK);
  }

  /** Rollouts, newest first. */
  public async listRollouts(limit: number, nextToken?: string): Promise<Page<RolloutRecord>> {
    return this.query<RolloutRecord>('ROLLOUTS', limit, nextToken, false);
  }

  /**
   * Updates a rollout (optionally only when `condition` holds). Its waves keep their tenant lists
   * only while the whole plan is small: a larger plan keeps counts on the item (the members are in
   * the rollout store's pages), so the item stays under DynamoDB's 400 KB at any fleet size.
   */
  public async updateRollout(
    rolloutId: string,
    fields: Partial<RolloutRecord>,
    remove: string[] = [],
    condition?: Condition,
  ): Promise<RolloutRecord> {
    const bounded = fields.waves ? { ...fields, waves: boundedWaves(fields.waves) } : fields;
    return this.update<RolloutRecord>(`ROLLOUT#${rolloutId}`, ROLLOUT_SK, bounded, remove, condition ?? { expression: 'attribute_exists(pk)' }, `rollout '${rolloutId}' changed`);
  }

  /**
   * Claims an idempotency key for a request whose fingerprint is `requestHash`. The first claim
   * wins; later claims get the stored answer (or learn the first is still running).
   */
  public async claimIdempotencyKey(key: string, requestHash: string, now: Date, ttlSeconds: number): Promise<IdempotencyClaim> {
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({
          pk: `IDEMPOTENCY#${key}`,
          sk: IDEMPOTENCY_SK,
          requestHash,
          claimedAt: now.toISOString(),
          [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + ttlSeconds,
        }),
        // An expired record that DynamoDB has not deleted yet (TTL deletes lazily) counts as absent.
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': { N: String(Math.floor(now.getTime() / 1000)) } },
      }));
      return { state: 'NEW' };
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
    const existing = await this.get<{ requestHash: string; statusCode?: number; body?: string }>(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK);
    if (!existing) return { state: 'IN_PROGRESS' };
    if (existing.requestHash !== requestHash) return { state: 'MISMATCH' };
    if (existing.statusCode === undefined || existing.body === undefined) return { state: 'IN_PROGRESS' };
    return { state: 'DONE', response: { statusCode: existing.statusCode, body: existing.body } };
  }

  /** Stores the answer of the request that claimed `key`. */
  public async completeIdempotencyKey(key: string, response: StoredResponse): Promise<void> {
    await this.update(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK, { statusCode: response.statusCode, body: response.body }, [], { expression: 'attribute_exists(pk)' }, 'idempotency record vanished');
  }

  /** Forgets a claim whose request failed before it had an answer worth repeating (a 5xx). */
  public async releaseIdempotencyKey(key: string): Promise<void> {
    // Expire it instead of deleting: the handlers' roles have no DeleteItem.
    await this.update(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK, { [TTL_ATTRIBUTE]: 0 }, [], { expression: 'attribute_exists(pk)' }, 'idempotency record vanished');
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const out = await this.client.send(new GetItemCommand({
      TableName: this.tableName,
      Key: { pk: { S: pk }, sk: { S: sk } },
      ConsistentRead: true,
    }));
    return out.Item ? stripKeys(unmarshallItem(out.Item)) as T : undefined;
  }

  private async query<T>(
    gsi1pk: string, limit: number, nextToken: string | undefined, forward: boolean, sk?: { expression: string; value: string },
  ): Promise<Page<T>> {
    const out = await this.client.send(new QueryCommand({
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: sk ? `gsi1pk = :pk AND ${sk.expression}` : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: gsi1pk }, ...(sk ? { ':bound': { S: sk.value } } : {}) },
      ScanIndexForward: forward,
      Limit: limit,
      ExclusiveStartKey: nextToken ? decodeToken(nextToken, gsi1pk, sk) : undefined,
    }));
    return {
      items: (out.Items ?? []).map((i) => stripKeys(unmarshallItem(i)) as T),
      nextToken: out.LastEvaluatedKey ? encodeToken(out.LastEvaluatedKey) : undefined,
    };
  }

  private async update<T>(
    pk: string,
    sk: string,
    set: Record<string, unknown>,
    remove: string[],
    condition: Condition,
    conflictMessage: string,
  ): Promise<T> {
    const names: Record<string, string> = { ...(condition.names ?? {}) };
    const values: Record<string, AttributeValue> = {};
    for (const [k, v] of Object.entries(condition.values ?? {})) values[k] = marshallValue(v);
    const sets: string[] = [];
    const removes: string[] = [];
    Object.entries(set).forEach(([k, v], i) => {
      if (v === undefined) return;
      names[`#s${i}`] = k;
      values[`:s${i}`] = marshallValue(v);
      sets.push(`#s${i} = :s${i}`);
    });
    remove.forEach((k, i) => {
      names[`#r${i}`] = k;
      removes.push(`#r${i}`);
    });
    const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
    try {
      const out = await this.client.send(new UpdateItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: pk }, sk: { S: sk } },
        UpdateExpression: expression,
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
        ReturnValues: 'ALL_NEW',
      }));
      return stripKeys(unmarshallItem(out.Attributes ?? {})) as T;
    } catch (e) {
      throw conflictOr(e, conflictMessage);
    }
  }
}

/** Tenants per page of a rollout's wave in the rollout store (`WAVE#<wave>#PAGE#<page>`). */
export const WAVE_PAGE_SIZE = 200;
/** Most tenant ids a rollout item lists in its waves (about 35 KB); a larger plan keeps counts only. */
export const MAX_WAVE_TENANTS_ON_ITEM = 1000;

/**
 * A rollout's waves as its item keeps them: each with `tenantCount` and `pageCount`, and its
 * `tenants` only while the plan lists at most {@link MAX_WAVE_TENANTS_ON_ITEM} in all (read a
 * larger wave's tenants page by page: `GET /rollouts/{id}?wave=&page=`).
 */
export function boundedWaves(waves: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  const listed = waves.reduce((n, w) => n + (Array.isArray(w.tenants) ? w.tenants.length : 0), 0);
  return waves.map((w) => {
    if (!Array.isArray(w.tenants)) return { ...w };
    const count = w.tenants.length;
    const counts = { tenantCount: count, pageCount: Math.max(1, Math.ceil(count / WAVE_PAGE_SIZE)) };
    if (listed <= MAX_WAVE_TENANTS_ON_ITEM) return { ...w, ...counts };
    const { tenants: _inPages, ...rest } = w;
    return { ...rest, ...counts };
  });
}

/** Marks the sort keys of later incarnations: after every timestamp, so the newest incarnation lists first. */
const INCARNATION_MARK = '~';

/**
 * The sort-key prefix of an incarnation's operations: none for the first (the key format of
 * registries written before incarnations existed, so their history needs no migration),
 * `~<zero-padded n>#` for later ones (the index sorts strings).
 */
function incarnationKey(incarnation: number): string {
  return incarnation === 1 ? '' : `${INCARNATION_MARK}${String(incarnation).padStart(6, '0')}#`;
}

/** A condition expression with its placeholders. */
export interface Condition {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, unknown>;
}

/** Whether an error is DynamoDB's ConditionalCheckFailedException. */
export function isConditionalFailure(e: unknown): boolean {
  return (e as { name?: string })?.name === 'ConditionalCheckFailedException';
}

function conflictOr(e: unknown, message: string): Error {
  return isConditionalFailure(e) ? new ConflictError(message) : e as Error;
}

function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const k of [...KEY_ATTRIBUTES, TTL_ATTRIBUTE]) delete copy[k];
  return copy;
}

/** Marshals a JSON value to a DynamoDB attribute value (undefined members are left out). */
export function marshallValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshallValue) };
  if (typeof value === 'object') return { M: marshallItem(value as Record<string, unknown>) };
  throw new Error(`cannot store a ${typeof value} in the registry`);
}

/** Marshals a JSON object to a DynamoDB item. */
export function marshallItem(obj: Record<string, unknown>): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) item[k] = marshallValue(v);
  }
  return item;
}

/** Unmarshals a DynamoDB attribute value. */
export function unmarshallValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(unmarshallValue);
  if (value.M !== undefined) return unmarshallItem(value.M);
  throw new Error(`unsupported attribute value ${JSON.stringify(value)}`);
}

/** Unmarshals a DynamoDB item. */
export function unmarshallItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) obj[k] = unmarshallValue(v);
  return obj;
}

function encodeToken(key: Record<string, AttributeValue>): string {
  return Buffer.from(JSON.stringify(unmarshallItem(key)), 'utf8').toString('base64url');
}

function decodeToken(token: string, gsi1pk: string, sk?: { expression: string; value: string }): Record<string, AttributeValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new BadTokenError('nextToken is not a token this API returned');
  }
  const obj = parsed as Record<string, unknown>;
  // Only the key attributes, and only of the list asked for: a token cannot read other items.
  if (typeof obj !== 'object' || obj === null || obj.gsi1pk !== gsi1pk
    || Object.keys(obj).some((k) => !KEY_ATTRIBUTES.includes(k)) || Object.values(obj).some((v) => typeof v !== 'string')) {
    throw new BadTokenError('nextToken is not a token this API returned for this list');
  }
  // A token of another incarnation's history would start outside the query's key range.
  const key = String(obj.gsi1sk ?? '');
  if (sk && (sk.expression.startsWith('begins_with') ? !key.startsWith(sk.value) : !(key < sk.value))) {
    throw new BadTokenError('nextToken is not a token this API returned for this incarnation');
  }
  return marshallItem(obj);
}
