/* eslint-disable import/no-extraneous-dependencies */
// Issue 8.14: the end of life of DEVELOPMENT leftovers. The decision logic (leftovers.lambda-shared.ts)
// and the handler run against an in-memory account that answers the RDS, AWS Backup, KMS and
// CloudFormation calls the clean-up makes (`AwsCall`): @aws-sdk/client-rds and client-kms are not
// devDependencies here, so the account is mocked at the logic module's interface; the SDK binding is
// checked with aws-sdk-client-mock for the two clients that are installed (Backup, CloudFormation).
import { BackupClient, ListBackupVaultsCommand } from '@aws-sdk/client-backup';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { INTEG_TENANTS, parseArgs } from '../../../scripts/integ-cleanup';
import { awsSdkCall } from '../../../src/blocks/postgres/leftovers-sdk.lambda-shared';
import { makeLeftoversHandler } from '../../../src/blocks/postgres/leftovers.lambda';
import {
  AwsCall, AwsService, CFN_STACK_ID_TAG, CleanupOptions, formatReport, runCleanup,
  SNAPSHOT_MIN_AGE_DAYS, STACK_ID_TAG, TENANT_TAG, TIER_TAG,
} from '../../../src/blocks/postgres/leftovers.lambda-shared';
import { TENANT_TAG as CORE_TENANT_TAG, TIER_TAG as CORE_TIER_TAG } from '../../../src/core';

jest.spyOn(console, 'log').mockImplementation(() => undefined);

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const NOW = new Date('2026-11-28T05:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600 * 1000).toISOString();
const stackId = (n: number, inAccount = ACCOUNT) =>
  `arn:aws:cloudformation:${REGION}:${inAccount}:stack/Tenant-acme/0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;
const OLD_STACK = stackId(1);
const LIVE_STACK = stackId(2);
const keyArn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const OLD_KEY = keyArn('old-key');
const LIVE_KEY = keyArn('live-key');
const OPTIONS: CleanupOptions = { account: ACCOUNT, region: REGION, tenantIds: ['acme'], snapshotMinAgeDays: SNAPSHOT_MIN_AGE_DAYS, now: NOW };

type Tags = Record<string, string>;
const dev = (stack: string, extra: Tags = {}): Tags => ({ [TENANT_TAG]: 'acme', [TIER_TAG]: 'DEVELOPMENT', [STACK_ID_TAG]: stack, ...extra });

interface Snapshot { id: string; created: string; resourceId: string; clusterId?: string; key?: string; tags: Tags; status?: string; type?: string }
interface RecoveryPoint { arn: string; status?: string; created?: string; key?: string }
interface Vault { name: string; key?: string; tags: Tags; points: RecoveryPoint[]; locked?: boolean }
interface Key { arn: string; tags: Tags; state?: string; manager?: string; denied?: boolean }
interface Account {
  snapshots: Snapshot[];
  clusters: Array<{ id: string; resourceId: string; key?: string }>;
  vaults: Vault[];
  keys: Key[];
  /** stack id -> status; a stack not listed does not exist */
  stacks: Record<string, string>;
  /** `${operation} ${target}` -> error name to throw */
  errors?: Record<string, string>;
  /** `${operation} ${target}` -> what else happens in the account just before that error is thrown */
  beforeError?: Record<string, () => void>;
  /**
   * Snapshots are `deleting` for a while after DeleteDBClusterSnapshot (as in RDS), and a second
   * delete meanwhile fails with InvalidDBClusterSnapshotStateFault; otherwise they are gone at once.
   */
  slowSnapshotDeletes?: boolean;
}

/** An in-memory account and region answering the clean-up's calls; records every call. */
function fakeAccount(state: Account): { call: AwsCall; calls: Array<[AwsService, string, Record<string, unknown>]> } {
  const calls: Array<[AwsService, string, Record<string, unknown>]> = [];
  const fail = (operation: string, target: unknown) => {
    const name = state.errors?.[`${operation} ${target}`];
    if (name) {
      state.beforeError?.[`${operation} ${target}`]?.();
      throw Object.assign(new Error(`${name} from the fake account`), { name });
    }
  };
  const call: AwsCall = async (service, operation, input) => {
    calls.push([service, operation, input]);
    switch (`${service}:${operation}`) {
      case 'RDS:DescribeDBClusterSnapshots': {
        // one snapshot by identifier (RDS: DBClusterSnapshotNotFoundFault when there is none), else all
        const wanted = input.DBClusterSnapshotIdentifier;
        const found = state.snapshots.filter((s) => wanted === undefined || s.id === wanted);
        if (wanted !== undefined && found.length === 0) {
          throw Object.assign(new Error(`DBClusterSnapshot ${wanted} not found`), { name: 'DBClusterSnapshotNotFoundFault' });
        }
        return {
          DBClusterSnapshots: found.map((s) => ({
            DBClusterSnapshotIdentifier: s.id,
            DBClusterSnapshotArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:${s.id}`,
            SnapshotType: s.type ?? 'manual',
            Status: s.status ?? 'available',
            SnapshotCreateTime: s.created,
            DBClusterIdentifier: s.clusterId ?? 'acme-1234abcd',
            DbClusterResourceId: s.resourceId,
            KmsKeyId: s.key,
            TagList: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
          })),
        };
      }
      case 'RDS:DescribeDBClusters':
        return { DBClusters: state.clusters.map((c) => ({ DBClusterIdentifier: c.id, DbClusterResourceId: c.resourceId, KmsKeyId: c.key })) };
      case 'RDS:DescribeDBClusterAutomatedBackups':
        return { DBClusterAutomatedBackups: [] };
      case 'RDS:DeleteDBClusterSnapshot': {
        fail(operation, input.DBClusterSnapshotIdentifier);
        const snapshot = state.snapshots.find((s) => s.id === input.DBClusterSnapshotIdentifier);
        if (!snapshot) throw Object.assign(new Error('not found'), { name: 'DBClusterSnapshotNotFoundFault' });
        if (snapshot.status === 'deleting') {
          throw Object.assign(new Error('Only snapshots in the available state can be deleted'), { name: 'InvalidDBClusterSnapshotStateFault' });
        }
        if (state.slowSnapshotDeletes) snapshot.status = 'deleting';
        else state.snapshots = state.snapshots.filter((s) => s !== snapshot);
        return {};
      }
      case 'Backup:ListBackupVaults':
        return {
          BackupVaultList: state.vaults.map((v) => ({
            BackupVaultName: v.name,
            BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:${v.name}`,
            EncryptionKeyArn: v.key,
            Locked: v.locked ?? false,
            NumberOfRecoveryPoints: v.points.length,
          })),
        };
      case 'Backup:ListRecoveryPointsByBackupVault':
        return {
          RecoveryPoints: state.vaults.find((v) => v.name === input.BackupVaultName)!.points.map((p) => ({
            RecoveryPointArn: p.arn, Status: p.status ?? 'COMPLETED', CreationDate: p.created ?? daysAgo(1), EncryptionKeyArn: p.key,
          })),
        };
      case 'Backup:ListTags':
        return { Tags: state.vaults.find((v) => input.ResourceArn === `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:${v.name}`)!.tags };
      case 'Backup:DeleteRecoveryPoint': {
        fail(operation, input.RecoveryPointArn);
        // AWS Backup deletes a recovery point asynchronously: it is DELETING until a later run
        const vault = state.vaults.find((v) => v.name === input.BackupVaultName)!;
        vault.points = vault.points.map((p) => (p.arn === input.RecoveryPointArn ? { ...p, status: 'DELETING' } : p));
        return {};
      }
      case 'Backup:DeleteBackupVault':
        fail(operation, input.BackupVaultName);
        if (state.vaults.find((v) => v.name === input.BackupVaultName)?.points.length) {
          throw Object.assign(new Error('Backup vault cannot be deleted because it contains recovery points'), { name: 'InvalidRequestException' });
        }
        state.vaults = state.vaults.filter((v) => v.name !== input.BackupVaultName);
        return {};
      case 'KMS:ListKeys':
        return { Keys: state.keys.map((k) => ({ KeyId: k.arn.split('/').pop(), KeyArn: k.arn })), Truncated: false };
      case 'KMS:ListResourceTags': {
        const key = state.keys.find((k) => k.arn === input.KeyId)!;
        if (key.denied) throw Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' });
        return { Tags: Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
      }
      case 'KMS:DescribeKey': {
        const key = state.keys.find((k) => k.arn === input.KeyId)!;
        return { KeyMetadata: { Arn: key.arn, KeyState: key.state ?? 'Enabled', KeyManager: key.manager ?? 'CUSTOMER' } };
      }
      case 'KMS:ScheduleKeyDeletion': {
        fail(operation, input.KeyId);
        const key = state.keys.find((k) => k.arn === input.KeyId)!;
        if (key.state === 'PendingDeletion') throw Object.assign(new Error('pending deletion'), { name: 'KMSInvalidStateException' });
        key.state = 'PendingDeletion';
        return {};
      }
      case 'CloudFormation:DescribeStacks': {
        const id = input.StackName as string;
        fail(operation, id);
        if (state.stacks[id] === undefined) throw Object.assign(new Error(`Stack with id ${id} does not exist`), { name: 'ValidationError' });
        return { Stacks: [{ StackId: id, StackStatus: state.stacks[id] }] };
      }
      default:
        throw new Error(`the fake account does not answer ${service}:${operation}`);
    }
  };
  return { call, calls };
}

/** A typical account: the live incarnation and the leftovers of one earlier, deleted incarnation. */
function account(overrides: Partial<Account> = {}): Account {
  return {
    snapshots: [
      { id: 'final-old', created: daysAgo(20), resourceId: 'cluster-OLD', key: OLD_KEY, tags: dev(OLD_STACK) },
    ],
    // the live incarnation reuses the cluster identifier, with a new resource id
    clusters: [{ id: 'acme-1234abcd', resourceId: 'cluster-LIVE', key: LIVE_KEY }],
    vaults: [
      { name: 'tenant-acme-00000001', key: OLD_KEY, tags: dev(OLD_STACK), points: [] },
      { name: 'tenant-acme-00000002', key: LIVE_KEY, tags: dev(LIVE_STACK), points: [{ arn: 'rp-live', key: LIVE_KEY }] },
    ],
    keys: [
      { arn: OLD_KEY, tags: dev(OLD_STACK) },
      { arn: LIVE_KEY, tags: dev(LIVE_STACK) },
    ],
    stacks: { [OLD_STACK]: 'DELETE_COMPLETE', [LIVE_STACK]: 'UPDATE_COMPLETE' },
    ...overrides,
  };
}

const deletes = (calls: Array<[AwsService, string, Record<string, unknown>]>) =>
  calls.filter(([, op]) => /^(Delete|Schedule)/.test(op)).map(([, op, input]) => `${op} ${input.DBClusterSnapshotIdentifier ?? input.RecoveryPointArn ?? input.BackupVaultName ?? input.KeyId}`);

describe('the leftovers of an earlier, deleted DEVELOPMENT incarnation', () => {
  test('deletes the old final snapshot and the empty vault, then schedules the old key\'s deletion with a 7-day window', async () => {
    const { call, calls } = fakeAccount(account());
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual([
      'DeleteDBClusterSnapshot final-old',
      'DeleteBackupVault tenant-acme-00000001',
      `ScheduleKeyDeletion ${OLD_KEY}`,
    ]);
    expect(calls.find(([, op]) => op === 'ScheduleKeyDeletion')![2]).toEqual({ KeyId: OLD_KEY, PendingWindowInDays: 7 });
    expect(report.failed).toEqual([]);
  });

  test('treats a stack id that no longer exists (deleted more than 90 days ago) as deleted', async () => {
    const state = account({ stacks: { [LIVE_STACK]: 'UPDATE_COMPLETE' } });
    const { call, calls } = fakeAccount(state);
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toContain('DeleteDBClusterSnapshot final-old');
  });

  test('falls back to CloudFormation\'s aws:cloudformation:stack-id tag when the block\'s tag is missing', async () => {
    const tags = { [TENANT_TAG]: 'acme', [TIER_TAG]: 'DEVELOPMENT', 'aws:cloudformation:stack-id': OLD_STACK };
    const { call, calls } = fakeAccount(account({ vaults: [{ name: 'v-old', tags, points: [] }] }));
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toContain('DeleteBackupVault v-old');
  });

  test('deletes a snapshot exactly 14 days old', async () => {
    const { call, calls } = fakeAccount(account({ snapshots: [{ id: 's14', created: daysAgo(14), resourceId: 'cluster-OLD', tags: dev(OLD_STACK) }] }));
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toContain('DeleteDBClusterSnapshot s14');
  });

  test('a delete that finds the resource gone counts as done; a key already pending deletion too', async () => {
    const state = account({ errors: { 'DeleteDBClusterSnapshot final-old': 'DBClusterSnapshotNotFoundFault' } });
    state.keys[0].state = 'Enabled';
    state.errors![`ScheduleKeyDeletion ${OLD_KEY}`] = 'KMSInvalidStateException';
    const { call } = fakeAccount(state);
    const report = await runCleanup(call, OPTIONS);
    expect(report.failed).toEqual([]);
    expect(report.done.map((a) => a.kind)).toEqual(['delete-snapshot', 'delete-vault', 'schedule-key-deletion']);
  });
});

describe('a leftover that names more than one stack (ours and CloudFormation\'s stack-id tags)', () => {
  // a retained vault imported into a new stack (cdk import, a refactor) keeps the deleted stack's
  // tenant-blocks:stack-id, while CloudFormation's aws:cloudformation:stack-id names the live stack
  const IMPORTED = dev(OLD_STACK, { [CFN_STACK_ID_TAG]: LIVE_STACK });

  test('keeps an empty vault imported into a live stack, and the key it needs', async () => {
    const state = account({ vaults: [{ name: 'v-imported', key: OLD_KEY, tags: IMPORTED, points: [] }] });
    const { call, calls } = fakeAccount(state);
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual(['DeleteDBClusterSnapshot final-old']);
    expect(report.kept).toEqual(expect.arrayContaining([
      { kind: 'vault', target: 'v-imported', reason: `its stack ${LIVE_STACK} is not deleted` },
      { kind: 'key', target: OLD_KEY, reason: 'still needed by vault v-imported' },
    ]));
  });

  test.each<[string, Tags]>([
    ['ours names the live stack, CloudFormation\'s the deleted one', dev(LIVE_STACK, { [CFN_STACK_ID_TAG]: OLD_STACK })],
    ['CloudFormation\'s names a stack of another account', dev(OLD_STACK, { [CFN_STACK_ID_TAG]: stackId(3, '210987654321') })],
    ['CloudFormation\'s is not a stack id', dev(OLD_STACK, { [CFN_STACK_ID_TAG]: 'not-a-stack' })],
  ])('keeps a leftover when %s', async (_name, tags) => {
    const { call, calls } = fakeAccount(account({ snapshots: [], keys: [], vaults: [{ name: 'v-two-stacks', tags, points: [] }] }));
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual([]);
    expect(report.kept.map((k) => k.target)).toEqual(['v-two-stacks']);
  });

  test('deletes a leftover when every stack it names is deleted (one DELETE_COMPLETE, one unknown to CloudFormation)', async () => {
    const tags = dev(OLD_STACK, { [CFN_STACK_ID_TAG]: stackId(3) });
    const { call, calls } = fakeAccount(account({ snapshots: [], keys: [], vaults: [{ name: 'v-both-deleted', tags, points: [] }] }));
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual(['DeleteBackupVault v-both-deleted']);
    // both stacks were asked about
    expect(calls.filter(([, op]) => op === 'DescribeStacks').map(([, , input]) => input.StackName)).toEqual(expect.arrayContaining([OLD_STACK, stackId(3)]));
  });
});

describe('a second, overlapping run (asynchronous invocation is at-least-once)', () => {
  const env = { ACCOUNT_ID: ACCOUNT, AWS_REGION: REGION, TENANT_ID: 'acme', SNAPSHOT_MIN_AGE_DAYS: '14' };

  test('a snapshot the other run is already deleting counts as done: neither run fails, so no alarm', async () => {
    const { call, calls } = fakeAccount(account({ slowSnapshotDeletes: true }));
    const handler = makeLeftoversHandler(call, env);
    const [first, second] = await Promise.all([handler(), handler()]);
    // both tried (the second got InvalidDBClusterSnapshotStateFault and found the snapshot deleting)
    expect(deletes(calls).filter((d) => d === 'DeleteDBClusterSnapshot final-old')).toHaveLength(2);
    expect(first.failed).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(second.done.map((a) => a.target)).toEqual(['final-old', 'tenant-acme-00000001', OLD_KEY]);
  });

  test('InvalidDBClusterSnapshotStateFault counts as done when the snapshot is gone on a second look', async () => {
    const state = account({ errors: { 'DeleteDBClusterSnapshot final-old': 'InvalidDBClusterSnapshotStateFault' } });
    state.beforeError = { 'DeleteDBClusterSnapshot final-old': () => { state.snapshots = []; } };
    const { call } = fakeAccount(state);
    const report = await runCleanup(call, OPTIONS);
    expect(report.failed).toEqual([]);
    expect(report.done.map((a) => a.kind)).toEqual(['delete-snapshot', 'delete-vault', 'schedule-key-deletion']);
  });

  test('InvalidDBClusterSnapshotStateFault stays a failure when the second look fails too', async () => {
    const state = account({
      errors: {
        'DeleteDBClusterSnapshot final-old': 'InvalidDBClusterSnapshotStateFault',
      },
    });
    const { call: inner } = fakeAccount(state);
    const call: AwsCall = async (service, operation, input) => {
      if (operation === 'DescribeDBClusterSnapshots' && input.DBClusterSnapshotIdentifier !== undefined) {
        throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      }
      return inner(service, operation, input);
    };
    const report = await runCleanup(call, OPTIONS);
    expect(report.failed).toEqual([expect.objectContaining({ target: 'final-old', error: expect.stringContaining('InvalidDBClusterSnapshotStateFault') })]);
    expect(report.skipped.map((a) => a.target)).toEqual([OLD_KEY]);
  });
});

describe('never touches', () => {
  test.each<[string, Partial<Account>]>([
    ['anything of a live stack (its own snapshot, vault and key)', {
      snapshots: [{ id: 'manual-of-live', created: daysAgo(40), resourceId: 'cluster-GONE', tags: dev(LIVE_STACK) }],
      vaults: [{ name: 'v-live-empty', tags: dev(LIVE_STACK), points: [] }],
      keys: [{ arn: LIVE_KEY, tags: dev(LIVE_STACK) }],
    }],
    ['a stack that is being deleted or failed to delete', {
      stacks: { [OLD_STACK]: 'DELETE_FAILED', [LIVE_STACK]: 'UPDATE_COMPLETE' },
    }],
    ['anything tagged PRODUCTION, even of a deleted stack', {
      snapshots: [{ id: 'prod', created: daysAgo(400), resourceId: 'cluster-OLD', tags: dev(OLD_STACK, { [TIER_TAG]: 'PRODUCTION' }) }],
      vaults: [{ name: 'v-prod', tags: dev(OLD_STACK, { [TIER_TAG]: 'PRODUCTION' }), points: [] }],
      keys: [{ arn: OLD_KEY, tags: dev(OLD_STACK, { [TIER_TAG]: 'PRODUCTION' }) }],
    }],
    ['another tenant\'s leftovers', {
      snapshots: [{ id: 'other', created: daysAgo(400), resourceId: 'cluster-OLD', tags: dev(OLD_STACK, { [TENANT_TAG]: 'globex' }) }],
      vaults: [{ name: 'v-other', tags: dev(OLD_STACK, { [TENANT_TAG]: 'globex' }), points: [] }],
      keys: [{ arn: OLD_KEY, tags: dev(OLD_STACK, { [TENANT_TAG]: 'globex' }) }],
    }],
    ['leftovers tagged tenant-blocks:keep', {
      snapshots: [{ id: 'kept', created: daysAgo(400), resourceId: 'cluster-OLD', tags: dev(OLD_STACK, { 'tenant-blocks:keep': 'legal hold' }) }],
      vaults: [{ name: 'v-kept', tags: dev(OLD_STACK, { 'tenant-blocks:keep': '' }), points: [] }],
      keys: [{ arn: OLD_KEY, tags: dev(OLD_STACK, { 'tenant-blocks:keep': 'yes' }) }],
    }],
    ['leftovers naming a stack of another account', {
      snapshots: [{ id: 'foreign', created: daysAgo(400), resourceId: 'cluster-OLD', tags: dev(stackId(3, '210987654321')) }],
      vaults: [{ name: 'v-foreign', tags: dev(stackId(3, '210987654321')), points: [] }],
      keys: [{ arn: OLD_KEY, tags: dev(stackId(3, '210987654321')) }],
    }],
    ['leftovers without a stack id tag', {
      snapshots: [{ id: 'untagged', created: daysAgo(400), resourceId: 'cluster-OLD', tags: { [TENANT_TAG]: 'acme', [TIER_TAG]: 'DEVELOPMENT' } }],
      vaults: [{ name: 'v-untagged', tags: { [TENANT_TAG]: 'acme', [TIER_TAG]: 'DEVELOPMENT' }, points: [] }],
      keys: [{ arn: OLD_KEY, tags: { [TENANT_TAG]: 'acme', [TIER_TAG]: 'DEVELOPMENT' } }],
    }],
    ['automated snapshots (RDS owns their lifecycle)', {
      snapshots: [{ id: 'rds:auto', created: daysAgo(400), resourceId: 'cluster-OLD', key: OLD_KEY, tags: dev(OLD_STACK), type: 'automated' }],
      vaults: [],
      keys: [],
    }],
  ])('%s', async (_name, overrides) => {
    const { call, calls } = fakeAccount(account(overrides));
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual([]);
  });
});

describe('keeps', () => {
  test('a snapshot younger than 14 days, and the key it needs', async () => {
    const { call, calls } = fakeAccount(account({ snapshots: [{ id: 'young', created: daysAgo(13), resourceId: 'cluster-OLD', key: OLD_KEY, tags: dev(OLD_STACK) }] }));
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual(['DeleteBackupVault tenant-acme-00000001']);
    expect(report.kept).toEqual(expect.arrayContaining([
      { kind: 'snapshot', target: 'young', reason: 'younger than 14 days (13 days old)' },
      { kind: 'key', target: OLD_KEY, reason: 'still needed by snapshot young' },
    ]));
  });

  test('a snapshot whose source cluster (same resource id) still exists', async () => {
    const state = account();
    state.clusters.push({ id: 'restored-elsewhere', resourceId: 'cluster-OLD' });
    const { call, calls } = fakeAccount(state);
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).not.toContain('DeleteDBClusterSnapshot final-old');
  });

  test('a snapshot that is not available yet (still being created)', async () => {
    const { call, calls } = fakeAccount(account({ snapshots: [{ id: 'creating', created: daysAgo(20), resourceId: 'cluster-OLD', tags: dev(OLD_STACK), status: 'creating' }] }));
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).not.toContain('DeleteDBClusterSnapshot creating');
  });

  test('a vault that still holds a recovery point (never deletes recovery points), and the key it needs', async () => {
    const state = account();
    state.vaults[0].points = [{ arn: 'rp-old', key: OLD_KEY }];
    const { call, calls } = fakeAccount(state);
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual(['DeleteDBClusterSnapshot final-old']);
    expect(report.kept).toEqual(expect.arrayContaining([
      { kind: 'vault', target: 'tenant-acme-00000001', reason: 'holds 1 recovery point(s); the backup plan expires them' },
      { kind: 'key', target: OLD_KEY, reason: 'still needed by vault tenant-acme-00000001' },
    ]));
  });

  test('a key that a live cluster uses (a snapshot restored with the old key)', async () => {
    const state = account();
    state.clusters.push({ id: 'restored', resourceId: 'cluster-R', key: OLD_KEY });
    const { call, calls } = fakeAccount(state);
    await runCleanup(call, OPTIONS);
    expect(deletes(calls)).not.toContain(`ScheduleKeyDeletion ${OLD_KEY}`);
  });

  test('a key when the snapshot encrypted with it could not be deleted, and reports the failure', async () => {
    const { call, calls } = fakeAccount(account({ errors: { 'DeleteDBClusterSnapshot final-old': 'InvalidDBClusterSnapshotStateFault' } }));
    const report = await runCleanup(call, OPTIONS);
    expect(deletes(calls)).toEqual(['DeleteDBClusterSnapshot final-old', 'DeleteBackupVault tenant-acme-00000001']);
    expect(report.failed).toEqual([expect.objectContaining({ kind: 'delete-snapshot', target: 'final-old', error: expect.stringContaining('InvalidDBClusterSnapshotStateFault') })]);
    expect(report.skipped.map((a) => a.target)).toEqual([OLD_KEY]);
    expect(formatReport(report)).toEqual(expect.arrayContaining([expect.stringMatching(/^FAILED {2}delete-snapshot final-old/)]));
  });

  test('keys of other teams it may not read (AccessDenied) are skipped, not an error', async () => {
    const state = account();
    state.keys.push({ arn: keyArn('not-ours'), tags: {}, denied: true });
    const { call } = fakeAccount(state);
    expect((await runCleanup(call, OPTIONS)).failed).toEqual([]);
  });

  test('nothing at all when a stack\'s state cannot be read (the run fails instead)', async () => {
    const { call, calls } = fakeAccount(account({ errors: { [`DescribeStacks ${OLD_STACK}`]: 'AccessDenied' } }));
    await expect(runCleanup(call, OPTIONS)).rejects.toThrow(/AccessDenied/);
    expect(deletes(calls)).toEqual([]);
  });
});

describe('the integ clean-up (recovery points of deleted stacks deleted at age 0)', () => {
  test('deletes the recovery points first, then the vault and the key on a later run', async () => {
    const state = account({ snapshots: [{ id: 'final-now', created: daysAgo(0), resourceId: 'cluster-OLD', key: OLD_KEY, tags: dev(OLD_STACK) }] });
    state.vaults[0].points = [{ arn: 'rp-old', key: OLD_KEY, created: daysAgo(0) }];
    const { call, calls } = fakeAccount(state);
    const integ = { ...OPTIONS, snapshotMinAgeDays: 0, recoveryPointMinAgeDays: 0 };
    await runCleanup(call, integ);
    expect(deletes(calls)).toEqual(['DeleteDBClusterSnapshot final-now', 'DeleteRecoveryPoint rp-old']);
    // AWS Backup finished deleting the recovery point
    state.vaults[0].points = [];
    calls.length = 0;
    await runCleanup(call, integ);
    expect(deletes(calls)).toEqual(['DeleteBackupVault tenant-acme-00000001', `ScheduleKeyDeletion ${OLD_KEY}`]);
  });

  test('never deletes the recovery points of a live stack', async () => {
    const { call, calls } = fakeAccount(account());
    await runCleanup(call, { ...OPTIONS, snapshotMinAgeDays: 0, recoveryPointMinAgeDays: 0 });
    expect(deletes(calls)).not.toContain('DeleteRecoveryPoint rp-live');
  });
});

describe('the handler', () => {
  const env = { ACCOUNT_ID: ACCOUNT, AWS_REGION: REGION, TENANT_ID: 'acme', SNAPSHOT_MIN_AGE_DAYS: '14' };

  test('cleans up its own tenant only and returns the report', async () => {
    const state = account();
    state.snapshots.push({ id: 'globex-final', created: daysAgo(40), resourceId: 'cluster-G', tags: dev(OLD_STACK, { [TENANT_TAG]: 'globex' }) });
    const { call, calls } = fakeAccount(state);
    const report = await makeLeftoversHandler(call, env)();
    expect(report.done.map((a) => a.target)).toEqual(['final-old', 'tenant-acme-00000001', OLD_KEY]);
    expect(deletes(calls)).not.toContain('DeleteDBClusterSnapshot globex-final');
  });

  test('throws when a clean-up action failed (the Errors metric shows it; the next run starts over)', async () => {
    const { call } = fakeAccount(account({ errors: { 'DeleteBackupVault tenant-acme-00000001': 'AccessDeniedException' } }));
    await expect(makeLeftoversHandler(call, env)()).rejects.toThrow(/1 clean-up action\(s\) failed: delete-vault tenant-acme-00000001: AccessDeniedException/);
  });

  test('throws when its configuration is missing', async () => {
    const { call } = fakeAccount(account());
    await expect(makeLeftoversHandler(call, { AWS_REGION: REGION })()).rejects.toThrow('leftovers: ACCOUNT_ID, AWS_REGION and TENANT_ID must be set');
  });
});

describe('the AWS SDK binding', () => {
  test('sends each operation as the client\'s command (aws-sdk-client-mock: Backup, CloudFormation)', async () => {
    const backup = mockClient(BackupClient);
    const cloudformation = mockClient(CloudFormationClient);
    backup.on(ListBackupVaultsCommand).resolves({ BackupVaultList: [{ BackupVaultName: 'v' } as any] });
    cloudformation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'S', StackStatus: 'DELETE_COMPLETE', CreationTime: new Date() }] });
    const call = awsSdkCall(REGION);
    expect((await call('Backup', 'ListBackupVaults', {})).BackupVaultList).toEqual([{ BackupVaultName: 'v' }]);
    expect((await call('CloudFormation', 'DescribeStacks', { StackName: OLD_STACK })).Stacks[0].StackStatus).toBe('DELETE_COMPLETE');
    expect(cloudformation.commandCalls(DescribeStacksCommand)[0].args[0].input).toEqual({ StackName: OLD_STACK });
    backup.restore();
    cloudformation.restore();
  });

  test('loads RDS and KMS from the runtime\'s @aws-sdk/client-rds and client-kms, and rejects an unknown operation', async () => {
    const sent: unknown[] = [];
    class FakeClient { public send(command: unknown) { sent.push(command); return Promise.resolve({ ok: true }); } }
    class DescribeDBClustersCommand { constructor(public readonly input: unknown) {} }
    const load = jest.fn(() => ({ RDSClient: FakeClient, KMSClient: FakeClient, DescribeDBClustersCommand }));
    const call = awsSdkCall(REGION, load);
    expect(await call('RDS', 'DescribeDBClusters', { Marker: 'm' })).toEqual({ ok: true });
    expect(sent).toEqual([new DescribeDBClustersCommand({ Marker: 'm' })]);
    await expect(call('KMS', 'ListKeys', {})).rejects.toThrow('leftovers: KMS has no operation ListKeys');
    expect(load.mock.calls).toEqual([['@aws-sdk/client-rds'], ['@aws-sdk/client-kms']]);
  });
});

test('the tag keys are the core\'s', () => {
  expect([TENANT_TAG, TIER_TAG]).toEqual([CORE_TENANT_TAG, CORE_TIER_TAG]);
});

describe('the integ clean-up script (scripts/integ-cleanup.ts)', () => {
  test('cleans the integ tests\' TenantPostgres tenants in the environment\'s region and us-east-1 by default, waiting at most 10 minutes', () => {
    expect(parseArgs([], { AWS_REGION: 'eu-west-1' })).toEqual({ regions: ['eu-west-1', 'us-east-1'], tenants: ['integ-pg', 'integ-fn'], waitMinutes: 10 });
  });

  test('takes regions, tenants and the wait from the command line', () => {
    expect(parseArgs(['--region', 'eu-west-1', '--tenant', 'integ-pg', '--wait-minutes', '0'], {}))
      .toEqual({ regions: ['eu-west-1'], tenants: ['integ-pg'], waitMinutes: 0 });
  });

  test.each([
    [['--tenant', 'acme'], '"acme"'],
    [['--tenant', 'integ-pg', '--tenant', 'acme', '--tenant', 'globex'], '"acme", "globex"'],
  ])('throws when a tenant is not one of the integ tests\' (%j)', (argv, named) => {
    expect(() => parseArgs(argv, {})).toThrow(
      `integ clean-up: refusing tenant(s) ${named}: not a tenant of the integ tests (${INTEG_TENANTS.join(', ')}). `
      + 'The clean-up deletes snapshots and recovery points at age 0 with your credentials; '
      + 'to clean another tenant\'s DEVELOPMENT leftovers anyway, add --force',
    );
  });

  test('cleans any tenant with an explicit --force', () => {
    expect(parseArgs(['--tenant', 'acme', '--force'], {})).toEqual({ regions: ['us-east-1'], tenants: ['acme'], waitMinutes: 10 });
  });

  test('never takes a flag for a tenant (`--tenant --force` names no tenant: the integ tenants)', () => {
    expect(parseArgs(['--tenant', '--force'], {}).tenants).toEqual(INTEG_TENANTS);
  });
});
