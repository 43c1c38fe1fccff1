// The end of life of what a DEVELOPMENT TenantPostgres leaves behind when its stack is destroyed
// (issue 8.14): the decision logic, shared by the daily handler (leftovers.lambda.ts, run by
// DevelopmentLeftovers) and the integ clean-up (scripts/integ-cleanup.ts).
//
// Pure: no AWS SDK import. It talks to AWS through one function, `AwsCall(service, operation,
// input)`, which the handler implements with the AWS SDK v3 clients of the Lambda runtime and the
// tests with an in-memory account. The construct imports the constants below, so nothing here may
// import a package.
//
// What it deletes, in its own account and region only, and only leftovers of EARLIER, DELETED
// incarnations of the tenants it is given (tag tenant-blocks:tenant), tagged
// tenant-blocks:tier = DEVELOPMENT, not tagged tenant-blocks:keep, and whose stacks are ALL deleted:
// every stack id the resource names (tag tenant-blocks:stack-id and CloudFormation's
// aws:cloudformation:stack-id, at least one of them) is a stack of this account and region that is
// DELETE_COMPLETE or no longer exists. A retained vault imported into a new stack (cdk import, a
// refactor) keeps the deleted stack's tenant-blocks:stack-id while CloudFormation's tag names the
// live stack: it is kept.
//   1. manual cluster snapshots whose source cluster (by resource id: a recreated stack reuses the
//      cluster identifier) no longer exists, available, older than `snapshotMinAgeDays` (14);
//   2. backup vaults that hold no recovery point (the plan's lifecycle expires them after 14 days);
//      with `recoveryPointMinAgeDays` (the integ clean-up only: 0) it first deletes their recovery
//      points, and the vault on a later run, once AWS Backup has removed them;
//   3. customer managed keys that nothing left in the account and region still needs (no cluster,
//      cluster snapshot of any kind, retained automated backup, backup vault or recovery point
//      encrypted with it): deletion scheduled with the shortest pending window, 7 days.
// Retained automated backups (RDS keeps them after a cluster is deleted: DeleteAutomatedBackups is
// false in every tier) are never deleted here, in any tier: they hold the point-in-time history of
// the last `backupRetention` days, which the final snapshot does not; RDS deletes them itself at the
// end of that period; and IAM cannot limit rds:DeleteDBClusterAutomatedBackup by tag (the
// cluster-auto-backup resource type has no condition keys), so the role could not be kept away from
// PRODUCTION's. They are reported as kept, with their end, and keep their key.
// Anything else is kept, with the reason in the report. Every delete that finds the resource gone
// counts as done; so does a snapshot delete refused because the snapshot is already `deleting` (a
// second, overlapping run: asynchronous invocation is at-least-once), once a second look confirms it.

/** Tag key of the tenant (src/core TENANT_TAG; repeated here: this module imports nothing). */
export const TENANT_TAG = 'tenant-blocks:tenant';
/** Tag key of the tier (src/core TIER_TAG). */
export const TIER_TAG = 'tenant-blocks:tier';
/** Tag key with the id (ARN) of the stack that created the resource; DevelopmentLeftovers sets it. */
export const STACK_ID_TAG = 'tenant-blocks:stack-id';
/** CloudFormation's own stack id tag (not set on every resource type); when both are set, both stacks must be deleted. */
export const CFN_STACK_ID_TAG = 'aws:cloudformation:stack-id';
/** Any value: an operator's way to keep a leftover forever (the clean-up, and its IAM, skip it). */
export const KEEP_TAG = 'tenant-blocks:keep';
/** The only tier whose leftovers are ever deleted. */
export const DEVELOPMENT_TIER = 'DEVELOPMENT';
/** Age (days) from which a DEVELOPMENT final snapshot is deleted: the same 14 days as DEVELOPMENT recovery points. */
export const SNAPSHOT_MIN_AGE_DAYS = 14;
/** Pending window (days) of a leftover key's deletion: the shortest KMS allows, still 7 days to cancel. */
export const KEY_PENDING_WINDOW_DAYS = 7;

/** Error names that mean "already gone" (or already scheduled for deletion): the delete counts as done. */
export const GONE_ERRORS = [
  'DBClusterSnapshotNotFoundFault', 'DBClusterSnapshotNotFound',
  'ResourceNotFoundException', 'NotFoundException',
  'KMSInvalidStateException',
];

/** One AWS API call: `call('RDS', 'DescribeDBClusterSnapshots', { Marker })`. */
export type AwsCall = (service: AwsService, operation: string, input: Record<string, unknown>) => Promise<any>;
/** The services the clean-up calls. */
export type AwsService = 'RDS' | 'Backup' | 'KMS' | 'CloudFormation';

/** Tags as a map. */
export type Tags = Record<string, string>;

/** A cluster snapshot of the account and region (manual or automated). */
export interface SnapshotInfo {
  readonly id: string;
  readonly arn: string;
  readonly type: string;
  readonly status: string;
  readonly createdAt?: Date;
  readonly clusterIdentifier?: string;
  readonly clusterResourceId?: string;
  readonly kmsKeyId?: string;
  readonly tags: Tags;
}

/** A live cluster. */
export interface ClusterInfo {
  readonly identifier: string;
  readonly resourceId?: string;
  readonly kmsKeyId?: string;
}

/** A backup vault with its recovery points. */
export interface VaultInfo {
  readonly name: string;
  readonly arn: string;
  readonly encryptionKeyArn?: string;
  readonly locked: boolean;
  readonly tags: Tags;
  readonly recoveryPoints: RecoveryPointInfo[];
}

/** A recovery point. */
export interface RecoveryPointInfo {
  readonly arn: string;
  readonly status: string;
  readonly createdAt?: Date;
  readonly encryptionKeyArn?: string;
}

/** A KMS key whose tags name a tenant in scope. */
export interface KeyInfo {
  readonly arn: string;
  readonly state: string;
  readonly manager: string;
  readonly tags: Tags;
}

/** An automated backup RDS retained after its cluster was deleted. */
export interface RetainedBackupInfo {
  /** The deleted cluster's resource id (how RDS names the backup). */
  readonly resourceId: string;
  readonly clusterIdentifier?: string;
  readonly kmsKeyId?: string;
  /** Days RDS keeps it after the cluster was deleted. */
  readonly retentionDays?: number;
  /** The last restorable time: about when the cluster was deleted. */
  readonly latestRestorableTime?: Date;
  readonly tags: Tags;
}

/** What the account and region hold (in-scope tags are read only where needed). */
export interface Inventory {
  readonly snapshots: SnapshotInfo[];
  readonly clusters: ClusterInfo[];
  /** Automated backups RDS retained after their cluster was deleted. */
  readonly retainedBackups: RetainedBackupInfo[];
  readonly vaults: VaultInfo[];
  readonly keys: KeyInfo[];
}

/** What the clean-up is allowed to touch, and when. */
export interface CleanupOptions {
  /** The account and region it runs in: stack ids of any other are never trusted. */
  readonly account: string;
  readonly region: string;
  /** The tenants whose leftovers it handles (tag tenant-blocks:tenant). */
  readonly tenantIds: string[];
  /** Snapshots younger than this are kept. */
  readonly snapshotMinAgeDays: number;
  /** When set, recovery points of leftover vaults older than this are deleted (integ clean-up only); otherwise never. */
  readonly recoveryPointMinAgeDays?: number;
  /** The clock. */
  readonly now: Date;
}

/** The state of a stack that a leftover names. */
export type StackState = 'LIVE' | 'DELETED';

/** One planned action. */
export interface CleanupAction {
  readonly kind: 'delete-snapshot' | 'delete-recovery-point' | 'delete-vault' | 'schedule-key-deletion';
  /** Snapshot identifier, recovery point ARN, vault name or key ARN. */
  readonly target: string;
  /** The vault of a recovery point. */
  readonly vault?: string;
  /** The key a deleted resource was encrypted with (so a failed delete keeps the key). */
  readonly keyArn?: string;
}

/** A leftover that is kept, and why. */
export interface KeptLeftover {
  readonly kind: 'snapshot' | 'vault' | 'key' | 'automated-backup';
  /** Snapshot identifier, vault name, key ARN, or the deleted cluster's resource id. */
  readonly target: string;
  readonly reason: string;
}

/** The plan of one run. */
export interface CleanupPlan {
  readonly actions: CleanupAction[];
  readonly kept: KeptLeftover[];
}

/** What one run did. */
export interface CleanupReport extends CleanupPlan {
  /** Actions that succeeded (or found the resource already gone). */
  readonly done: CleanupAction[];
  /** Actions that failed, with the error. */
  readonly failed: Array<CleanupAction & { readonly error: string }>;
  /** Keys not scheduled because a resource encrypted with them could not be deleted. */
  readonly skipped: CleanupAction[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid> */
const STACK_ARN = /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):(\d{12}):stack\/[A-Za-z][A-Za-z0-9-]*\/[0-9a-f-]{36}$/;
/** Recovery point states that can be deleted; others (CREATING, DELETING, ...) are waited for. */
const DELETABLE_RECOVERY_POINT = new Set(['COMPLETED', 'PARTIAL', 'EXPIRED']);

/** Whether a tag value is the id of a stack of this account and region (the only stacks whose state is trusted). */
function isLocalStackId(id: string, options: Pick<CleanupOptions, 'account' | 'region'>): boolean {
  const match = STACK_ARN.exec(id);
  return match !== null && match[1] === options.region && match[2] === options.account;
}

/**
 * Every stack id a resource's tags name (ours, then CloudFormation's; each once), and those that are
 * not a stack of this account and region. The resource is a leftover only when `stackIds` is not
 * empty, `foreign` is, and every stack in `stackIds` is deleted.
 */
export function stackIdsOf(tags: Tags, options: Pick<CleanupOptions, 'account' | 'region'>): { stackIds: string[]; foreign: string[] } {
  const named = [...new Set([tags[STACK_ID_TAG], tags[CFN_STACK_ID_TAG]].filter((id): id is string => id !== undefined))];
  return {
    stackIds: named.filter((id) => isLocalStackId(id, options)),
    foreign: named.filter((id) => !isLocalStackId(id, options)),
  };
}

/** Whether the tags put a resource in scope at all (one of the tenants). */
function inScope(tags: Tags, options: CleanupOptions): boolean {
  return options.tenantIds.includes(tags[TENANT_TAG]);
}

/** Why a tagged resource of a tenant in scope is not a leftover of a deleted DEVELOPMENT stack, or undefined when it is. */
function notALeftover(tags: Tags, stacks: Map<string, StackState>, options: CleanupOptions): string | undefined {
  if (tags[TIER_TAG] !== DEVELOPMENT_TIER) return `tier is ${tags[TIER_TAG] ?? 'not tagged'}, not ${DEVELOPMENT_TIER}`;
  if (tags[KEEP_TAG] !== undefined) return `tagged ${KEEP_TAG}`;
  const { stackIds, foreign } = stackIdsOf(tags, options);
  // a stack of another account or region (or a value that is no stack id) cannot be checked
  if (foreign.length > 0) return `names ${foreign.join(', ')}, not a stack of ${options.account}/${options.region}`;
  if (stackIds.length === 0) return `no ${STACK_ID_TAG} (or ${CFN_STACK_ID_TAG}) tag naming a stack of ${options.account}/${options.region}`;
  // ALL of them: a resource imported into a live stack still carries the deleted stack's id in our tag
  for (const stackId of stackIds) {
    const state = stacks.get(stackId);
    if (state !== 'DELETED') return `its stack ${stackId} is ${state === 'LIVE' ? 'not deleted' : 'of unknown state'}`;
  }
  return undefined;
}

/** The key id of a key id or key ARN (arn:...:key/<id>). */
export function keyIdOf(keyIdOrArn: string | undefined): string | undefined {
  return keyIdOrArn?.split('/').pop();
}

/** The stack ids whose state the plan needs: those named by in-scope DEVELOPMENT resources. */
export function candidateStackIds(inventory: Inventory, options: CleanupOptions): string[] {
  const ids = new Set<string>();
  const add = (tags: Tags) => {
    if (!inScope(tags, options) || tags[TIER_TAG] !== DEVELOPMENT_TIER) return;
    stackIdsOf(tags, options).stackIds.forEach((id) => ids.add(id));
  };
  inventory.snapshots.forEach((s) => add(s.tags));
  inventory.vaults.forEach((v) => add(v.tags));
  inventory.keys.forEach((k) => add(k.tags));
  return [...ids];
}

/**
 * Decides, from what the account holds and the state of the stacks, what to delete and what to
 * keep. Pure: the tests drive it through every case.
 */
export function planCleanup(inventory: Inventory, stacks: Map<string, StackState>, options: CleanupOptions): CleanupPlan {
  const actions: CleanupAction[] = [];
  const kept: KeptLeftover[] = [];
  const liveResourceIds = new Set(inventory.clusters.map((c) => c.resourceId).filter((id): id is string => id !== undefined));
  const liveIdentifiers = new Set(inventory.clusters.map((c) => c.identifier));
  const deletedSnapshots = new Set<string>();
  const deletedRecoveryPoints = new Set<string>();
  const deletedVaults = new Set<string>();

  // 1. manual cluster snapshots
  for (const snapshot of inventory.snapshots) {
    if (snapshot.type !== 'manual' || !inScope(snapshot.tags, options)) continue;
    const keep = (reason: string) => kept.push({ kind: 'snapshot', target: snapshot.id, reason });
    const why = notALeftover(snapshot.tags, stacks, options);
    if (why) { keep(why); continue; }
    // by resource id: the next incarnation of the stack reuses the cluster identifier
    const sourceLives = snapshot.clusterResourceId !== undefined
      ? liveResourceIds.has(snapshot.clusterResourceId)
      : snapshot.clusterIdentifier !== undefined && liveIdentifiers.has(snapshot.clusterIdentifier);
    if (sourceLives) { keep('its source cluster still exists'); continue; }
    if (snapshot.status !== 'available') { keep(`status ${snapshot.status}`); continue; }
    const ageDays = snapshot.createdAt ? (options.now.getTime() - snapshot.createdAt.getTime()) / DAY_MS : 0;
    if (snapshot.createdAt === undefined || ageDays < options.snapshotMinAgeDays) {
      keep(`younger than ${options.snapshotMinAgeDays} days (${Math.floor(ageDays)} days old)`);
      continue;
    }
    actions.push({ kind: 'delete-snapshot', target: snapshot.id, keyArn: snapshot.kmsKeyId });
    deletedSnapshots.add(snapshot.arn);
  }

  // 2. backup vaults (and, for the integ clean-up only, their recovery points)
  for (const vault of inventory.vaults) {
    if (!inScope(vault.tags, options)) continue;
    const keep = (reason: string) => kept.push({ kind: 'vault', target: vault.name, reason });
    const why = notALeftover(vault.tags, stacks, options);
    if (why) { keep(why); continue; }
    if (vault.locked) { keep('vault lock configured'); continue; }
    if (vault.recoveryPoints.length === 0) {
      actions.push({ kind: 'delete-vault', target: vault.name, keyArn: vault.encryptionKeyArn });
      deletedVaults.add(vault.arn);
      continue;
    }
    const minAge = options.recoveryPointMinAgeDays;
    if (minAge === undefined) {
      keep(`holds ${vault.recoveryPoints.length} recovery point(s); the backup plan expires them`);
      continue;
    }
    for (const point of vault.recoveryPoints) {
      const ageDays = point.createdAt ? (options.now.getTime() - point.createdAt.getTime()) / DAY_MS : 0;
      if (DELETABLE_RECOVERY_POINT.has(point.status) && point.createdAt !== undefined && ageDays >= minAge) {
        actions.push({ kind: 'delete-recovery-point', target: point.arn, vault: vault.name, keyArn: point.encryptionKeyArn });
        deletedRecoveryPoints.add(point.arn);
      }
    }
    keep('recovery points are being deleted (or created): deleted on a later run once empty');
  }

  // 3. retained automated backups: never deleted (see the top of this file), reported with their end
  const snapshotResourceIds = new Set(inventory.snapshots.filter((sn) => inScope(sn.tags, options)).map((sn) => sn.clusterResourceId));
  for (const backup of inventory.retainedBackups) {
    // the tenant's by its tags or, where RDS does not return them, by its final snapshot
    if (!inScope(backup.tags, options) && !snapshotResourceIds.has(backup.resourceId)) continue;
    const days = backup.retentionDays;
    const end = days !== undefined && backup.latestRestorableTime !== undefined
      ? ` (about ${new Date(backup.latestRestorableTime.getTime() + days * DAY_MS).toISOString().slice(0, 10)})` : '';
    kept.push({
      kind: 'automated-backup',
      target: backup.resourceId,
      reason: `retained automated backup of cluster ${backup.clusterIdentifier ?? backup.resourceId}: RDS deletes it ${days ?? 'backupRetention'} days after the cluster was deleted${end}; never deleted here (its point-in-time history is more than the final snapshot)`,
    });
  }

  // 4. keys that nothing left needs
  const needs = new Map<string, string>();
  const need = (key: string | undefined, by: string) => {
    const id = keyIdOf(key);
    if (id !== undefined && !needs.has(id)) needs.set(id, by);
  };
  inventory.clusters.forEach((c) => need(c.kmsKeyId, `cluster ${c.identifier}`));
  inventory.snapshots.filter((s) => !deletedSnapshots.has(s.arn)).forEach((s) => need(s.kmsKeyId, `snapshot ${s.id}`));
  inventory.retainedBackups.forEach((b) => need(b.kmsKeyId, `the retained automated backup of cluster ${b.clusterIdentifier ?? b.resourceId}`));
  for (const vault of inventory.vaults.filter((v) => !deletedVaults.has(v.arn))) {
    need(vault.encryptionKeyArn, `vault ${vault.name}`);
    vault.recoveryPoints.filter((p) => !deletedRecoveryPoints.has(p.arn)).forEach((p) => need(p.encryptionKeyArn, `a recovery point in vault ${vault.name}`));
  }
  for (const key of inventory.keys) {
    if (!inScope(key.tags, options)) continue;
    const keep = (reason: string) => kept.push({ kind: 'key', target: key.arn, reason });
    const why = notALeftover(key.tags, stacks, options);
    if (why) { keep(why); continue; }
    if (key.manager !== 'CUSTOMER') { keep(`managed by ${key.manager}`); continue; }
    if (key.state !== 'Enabled' && key.state !== 'Disabled') { keep(`key state ${key.state}`); continue; }
    const neededBy = needs.get(keyIdOf(key.arn)!);
    if (neededBy) { keep(`still needed by ${neededBy}`); continue; }
    actions.push({ kind: 'schedule-key-deletion', target: key.arn });
  }
  return { actions, kept };
}

/** Whether an AWS error means the resource is already gone (or its deletion already scheduled). */
export function isGone(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  return GONE_ERRORS.includes(name);
}

/** Whether a DescribeStacks error says that the stack (given by its id) does not exist. */
function isMissingStack(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'ValidationError' && /does not exist/.test(e.message ?? '');
}

/** Every page of a paginated call, concatenated. */
async function pages<T>(fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}

const tagMap = (list: Array<{ Key?: string; Value?: string; TagKey?: string; TagValue?: string }> | undefined): Tags =>
  Object.fromEntries((list ?? []).map((t) => [t.Key ?? t.TagKey ?? '', t.Value ?? t.TagValue ?? '']));

const date = (value: unknown): Date | undefined => (value === undefined || value === null ? undefined : new Date(value as string));

/**
 * Reads what the clean-up needs from the account and region: every cluster snapshot, cluster,
 * retained automated backup (with its tags), backup vault (with its recovery points) and the keys tagged with a
 * tenant in scope. Read-only.
 */
export async function readInventory(call: AwsCall, options: CleanupOptions): Promise<Inventory> {
  const snapshots = await pages<SnapshotInfo>(async (Marker) => {
    const out = await call('RDS', 'DescribeDBClusterSnapshots', { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusterSnapshots ?? []).map((s: any): SnapshotInfo => ({
        id: s.DBClusterSnapshotIdentifier,
        arn: s.DBClusterSnapshotArn,
        type: s.SnapshotType,
        status: s.Status,
        createdAt: date(s.SnapshotCreateTime),
        clusterIdentifier: s.DBClusterIdentifier,
        clusterResourceId: s.DbClusterResourceId,
        kmsKeyId: s.KmsKeyId,
        tags: tagMap(s.TagList),
      })),
    };
  });
  const clusters = await pages<ClusterInfo>(async (Marker) => {
    const out = await call('RDS', 'DescribeDBClusters', { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusters ?? []).map((c: any): ClusterInfo => ({
        identifier: c.DBClusterIdentifier,
        resourceId: c.DbClusterResourceId,
        kmsKeyId: c.KmsKeyId,
      })),
    };
  });
  const retainedBackups = await pages<RetainedBackupInfo>(async (Marker) => {
    const out = await call('RDS', 'DescribeDBClusterAutomatedBackups', { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusterAutomatedBackups ?? []).map((b: any): RetainedBackupInfo => ({
        resourceId: b.DbClusterResourceId,
        clusterIdentifier: b.DBClusterIdentifier,
        kmsKeyId: b.KmsKeyId,
        retentionDays: b.BackupRetentionPeriod,
        latestRestorableTime: date(b.RestoreWindow?.LatestTime),
        tags: tagMap(b.TagList),
      })),
    };
  });
  const vaultList = await pages<any>(async (NextToken) => {
    const out = await call('Backup', 'ListBackupVaults', { NextToken });
    return { next: out.NextToken, items: out.BackupVaultList ?? [] };
  });
  const vaults: VaultInfo[] = [];
  for (const v of vaultList) {
    // every vault's recovery points: any of them may need a key
    const recoveryPoints = await pages<RecoveryPointInfo>(async (NextToken) => {
      const out = await call('Backup', 'ListRecoveryPointsByBackupVault', { BackupVaultName: v.BackupVaultName, NextToken });
      return {
        next: out.NextToken,
        items: (out.RecoveryPoints ?? []).map((p: any): RecoveryPointInfo => ({
          arn: p.RecoveryPointArn, status: p.Status, createdAt: date(p.CreationDate), encryptionKeyArn: p.EncryptionKeyArn,
        })),
      };
    });
    const tags: Tags = (await call('Backup', 'ListTags', { ResourceArn: v.BackupVaultArn })).Tags ?? {};
    vaults.push({
      name: v.BackupVaultName,
      arn: v.BackupVaultArn,
      encryptionKeyArn: v.EncryptionKeyArn,
      locked: v.Locked === true,
      tags,
      recoveryPoints,
    });
  }
  const keyIds = await pages<string>(async (Marker) => {
    const out = await call('KMS', 'ListKeys', { Marker });
    return { next: out.Truncated ? out.NextMarker : undefined, items: (out.Keys ?? []).map((k: any) => k.KeyArn ?? k.KeyId) };
  });
  const keys: KeyInfo[] = [];
  for (const keyId of keyIds) {
    let tags: Tags;
    try {
      tags = tagMap((await call('KMS', 'ListResourceTags', { KeyId: keyId })).Tags);
    } catch (error) {
      // a key whose policy does not let this account's IAM read it (an AWS managed key, another
      // team's key) is not one of ours
      if ((error as { name?: string }).name === 'AccessDeniedException') continue;
      throw error;
    }
    if (!inScope(tags, options)) continue;
    const meta = (await call('KMS', 'DescribeKey', { KeyId: keyId })).KeyMetadata ?? {};
    keys.push({ arn: meta.Arn ?? keyId, state: meta.KeyState, manager: meta.KeyManager, tags });
  }
  return { snapshots, clusters, retainedBackups, vaults, keys };
}

/** The state of each stack: DELETED for DELETE_COMPLETE or a stack id that no longer exists, LIVE otherwise. */
export async function readStackStates(call: AwsCall, stackIds: string[]): Promise<Map<string, StackState>> {
  const states = new Map<string, StackState>();
  for (const stackId of stackIds) {
    try {
      const out = await call('CloudFormation', 'DescribeStacks', { StackName: stackId });
      const status = out.Stacks?.[0]?.StackStatus;
      states.set(stackId, status === 'DELETE_COMPLETE' ? 'DELETED' : 'LIVE');
    } catch (error) {
      // deleted stacks are described by id for 90 days; after that the id is unknown. Any other
      // error leaves the state unknown: nothing of that stack is touched.
      if (isMissingStack(error)) states.set(stackId, 'DELETED');
      else throw error;
    }
  }
  return states;
}

/**
 * After DeleteDBClusterSnapshot failed with InvalidDBClusterSnapshotStateFault: whether the snapshot
 * is already being deleted (status `deleting`) or gone, i.e. another run deleted it meanwhile. Any
 * other answer, or an error, leaves the failure standing.
 */
async function snapshotAlreadyDeleting(call: AwsCall, snapshotId: string): Promise<boolean> {
  try {
    const out = await call('RDS', 'DescribeDBClusterSnapshots', { DBClusterSnapshotIdentifier: snapshotId });
    const snapshots: Array<{ Status?: string }> = out.DBClusterSnapshots ?? [];
    return snapshots.length === 0 || snapshots.every((s) => s.Status === 'deleting');
  } catch (error) {
    return isGone(error);
  }
}

/** Carries out a plan: snapshots, recovery points and vaults first, then the keys nothing failed for. */
export async function executePlan(call: AwsCall, plan: CleanupPlan): Promise<CleanupReport> {
  const done: CleanupAction[] = [];
  const failed: Array<CleanupAction & { error: string }> = [];
  const skipped: CleanupAction[] = [];
  /** `settled`: whether an error other than "gone" still means the work is done (a second look). */
  const run = async (action: CleanupAction, request: () => Promise<unknown>, settled?: (error: unknown) => Promise<boolean>) => {
    try {
      await request();
      done.push(action);
    } catch (error) {
      if (isGone(error) || (settled !== undefined && await settled(error))) done.push(action);
      else failed.push({ ...action, error: `${(error as Error).name}: ${(error as Error).message}` });
    }
  };
  for (const action of plan.actions) {
    if (action.kind === 'delete-snapshot') {
      await run(
        action,
        () => call('RDS', 'DeleteDBClusterSnapshot', { DBClusterSnapshotIdentifier: action.target }),
        // an overlapping run got there first: not a failure, no alarm
        async (error) => (error as { name?: string }).name === 'InvalidDBClusterSnapshotStateFault' && snapshotAlreadyDeleting(call, action.target),
      );
    } else if (action.kind === 'delete-recovery-point') {
      await run(action, () => call('Backup', 'DeleteRecoveryPoint', { BackupVaultName: action.vault, RecoveryPointArn: action.target }));
    } else if (action.kind === 'delete-vault') {
      await run(action, () => call('Backup', 'DeleteBackupVault', { BackupVaultName: action.target }));
    }
  }
  // a key stays while anything encrypted with it could not be deleted
  const stillNeeded = new Set(failed.map((f) => keyIdOf(f.keyArn)).filter(Boolean));
  for (const action of plan.actions.filter((a) => a.kind === 'schedule-key-deletion')) {
    if (stillNeeded.has(keyIdOf(action.target))) {
      skipped.push(action);
      continue;
    }
    await run(action, () => call('KMS', 'ScheduleKeyDeletion', { KeyId: action.target, PendingWindowInDays: KEY_PENDING_WINDOW_DAYS }));
  }
  return { ...plan, done, failed, skipped };
}

/** One clean-up run: read, ask the stacks, plan, execute. */
export async function runCleanup(call: AwsCall, options: CleanupOptions): Promise<CleanupReport> {
  const inventory = await readInventory(call, options);
  const stacks = await readStackStates(call, candidateStackIds(inventory, options));
  return executePlan(call, planCleanup(inventory, stacks, options));
}

/** One line per action and kept leftover, for logs and the integ clean-up's output. */
export function formatReport(report: CleanupReport): string[] {
  return [
    ...report.done.map((a) => `done    ${a.kind} ${a.target}`),
    ...report.failed.map((a) => `FAILED  ${a.kind} ${a.target}: ${a.error}`),
    ...report.skipped.map((a) => `skipped ${a.kind} ${a.target}: something encrypted with it could not be deleted`),
    ...report.kept.map((k) => `kept    ${k.kind} ${k.target}: ${k.reason}`),
  ];
}
