/* eslint-disable import/no-extraneous-dependencies */
// The automated backups RDS retains after a cluster is deleted (`DeleteAutomatedBackups: false`, in
// every tier) are never deleted by the DEVELOPMENT leftovers clean-up (decision in
// docs/blocks/postgres.md, "Retained automated backups"): they hold the point-in-time history of the
// last `backupRetention` days, which the final snapshot does not (a PRODUCTION tenant moved to
// DEVELOPMENT and destroyed keeps its PRODUCTION-era history through them), RDS ends them itself
// after that period, and IAM cannot limit rds:DeleteDBClusterAutomatedBackup by tag (the
// cluster-auto-backup resource type has no condition keys), so granting it would let a handler bug
// reach PRODUCTION's. What the clean-up does with them: it names them in its report, with their end,
// and keeps their key until they are gone.
//
// The handler runs with its real AWS SDK binding (`awsSdkCall`, the runtime's v3 clients), the four
// clients mocked with aws-sdk-client-mock: RDS has no local server to run against.
import { BackupClient, ListBackupVaultsCommand, ListRecoveryPointsByBackupVaultCommand, ListTagsCommand } from '@aws-sdk/client-backup';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeKeyCommand, KMSClient, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import {
  DescribeDBClusterAutomatedBackupsCommand, DescribeDBClustersCommand, DescribeDBClusterSnapshotsCommand, RDSClient,
} from '@aws-sdk/client-rds';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { makeLeftoversHandler } from '../../../src/blocks/postgres/leftovers.lambda';
import { STACK_ID_TAG, TENANT_TAG, TIER_TAG } from '../../../src/blocks/postgres/leftovers.lambda-shared';
import { TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';

jest.spyOn(console, 'log').mockImplementation(() => undefined);

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ENV = { ACCOUNT_ID: ACCOUNT, AWS_REGION: REGION, TENANT_ID: 'acme', SNAPSHOT_MIN_AGE_DAYS: '14' };
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
const stackId = (n: number) => `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/Tenant-acme/0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;
const DELETED_STACK = stackId(1);
const keyArn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const tagsOf = (tier: string) => ({ [TENANT_TAG]: 'acme', [TIER_TAG]: tier, [STACK_ID_TAG]: DELETED_STACK });

/** One deleted incarnation of tenant acme in `tier`: a 20-day-old final snapshot, an empty vault, the key, the retained automated backups. */
function deletedIncarnation(tier: string) {
  const key = keyArn(`${tier.toLowerCase()}-key`);
  return {
    key,
    snapshot: {
      DBClusterSnapshotIdentifier: `final-${tier}`,
      DBClusterSnapshotArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:final-${tier}`,
      SnapshotType: 'manual',
      Status: 'available',
      SnapshotCreateTime: daysAgo(20),
      DBClusterIdentifier: 'acme-1234abcd',
      DbClusterResourceId: `cluster-${tier}`,
      KmsKeyId: key,
      TagList: tagList(tagsOf(tier)),
    },
    automatedBackup: {
      DbClusterResourceId: `cluster-${tier}`,
      DBClusterIdentifier: 'acme-1234abcd',
      Status: 'retained',
      BackupRetentionPeriod: 35,
      DBClusterAutomatedBackupsArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-auto-backup:cab-${tier.toLowerCase()}`,
      RestoreWindow: { EarliestTime: daysAgo(55), LatestTime: daysAgo(20) },
      KmsKeyId: key,
      TagList: tagList(tagsOf(tier)),
    },
    vault: { BackupVaultName: `tenant-acme-${tier.toLowerCase()}`, BackupVaultArn: `arn:aws:backup:${REGION}:${ACCOUNT}:backup-vault:tenant-acme-${tier.toLowerCase()}`, EncryptionKeyArn: key },
  };
}

interface Clients {
  rds: AwsClientStub<RDSClient>;
  backup: AwsClientStub<BackupClient>;
  kms: AwsClientStub<KMSClient>;
  cfn: AwsClientStub<CloudFormationClient>;
}
let clients: Clients;

/** The account: the given deleted incarnations, no live cluster; every write command is answered (and recorded) too. */
function mockAccount(tiers: string[]) {
  const incarnations = tiers.map(deletedIncarnation);
  clients = { rds: mockClient(RDSClient), backup: mockClient(BackupClient), kms: mockClient(KMSClient), cfn: mockClient(CloudFormationClient) };
  clients.rds.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: incarnations.map((i) => i.snapshot) });
  clients.rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
  clients.rds.on(DescribeDBClusterAutomatedBackupsCommand).resolves({ DBClusterAutomatedBackups: incarnations.map((i) => i.automatedBackup) });
  clients.backup.on(ListBackupVaultsCommand).resolves({ BackupVaultList: incarnations.map((i) => i.vault) });
  clients.backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({ RecoveryPoints: [] });
  for (const [i, tier] of tiers.entries()) {
    clients.backup.on(ListTagsCommand, { ResourceArn: incarnations[i].vault.BackupVaultArn }).resolves({ Tags: tagsOf(tier) });
    const keyTags = Object.entries(tagsOf(tier)).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    clients.kms.on(ListResourceTagsCommand, { KeyId: incarnations[i].key }).resolves({ Tags: keyTags });
    clients.kms.on(DescribeKeyCommand, { KeyId: incarnations[i].key }).resolves({ KeyMetadata: { KeyId: incarnations[i].key, Arn: incarnations[i].key, KeyState: 'Enabled', KeyManager: 'CUSTOMER' } });
  }
  clients.kms.on(ListKeysCommand).resolves({ Keys: incarnations.map((i) => ({ KeyId: i.key.split('/').pop(), KeyArn: i.key })), Truncated: false });
  clients.cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Tenant-acme', StackId: DELETED_STACK, StackStatus: 'DELETE_COMPLETE', CreationTime: daysAgo(60) }] });
  return incarnations;
}

/** Every command sent that is not a read (Describe*, List*): `<Command> <its input>`. */
function writes(): string[] {
  const stubs: Array<{ calls(): Array<{ args: unknown[] }> }> = Object.values(clients);
  return stubs.flatMap((c) => c.calls())
    .map((call) => call.args[0] as { constructor: { name: string }; input: object })
    .filter((command) => !/^(Describe|List)/.test(command.constructor.name))
    .map((command) => `${command.constructor.name} ${JSON.stringify(command.input)}`);
}

afterEach(() => Object.values(clients ?? {}).forEach((c) => c.restore()));

describe('retained automated backups: the leftovers clean-up never deletes them', () => {
  test('PRODUCTION: the handler sends no write at all (no snapshot, vault, key or automated backup deleted)', async () => {
    mockAccount(['PRODUCTION']);
    const report = await makeLeftoversHandler(undefined, ENV)();
    expect(writes()).toEqual([]);
    expect(report.actions).toEqual([]);
    expect(report.kept.map((k) => `${k.kind} ${k.target}`)).toEqual(expect.arrayContaining([
      'snapshot final-PRODUCTION', 'vault tenant-acme-production', 'automated-backup cluster-PRODUCTION',
    ]));
  });

  test('DEVELOPMENT: the old final snapshot and the empty vault go; the automated backups stay, named in the report with their end, and so does the key they need', async () => {
    const [dev] = mockAccount(['DEVELOPMENT']);
    const report = await makeLeftoversHandler(undefined, ENV)();
    expect(writes()).toEqual([
      'DeleteDBClusterSnapshotCommand {"DBClusterSnapshotIdentifier":"final-DEVELOPMENT"}',
      'DeleteBackupVaultCommand {"BackupVaultName":"tenant-acme-development"}',
    ]);
    expect(report.kept).toEqual(expect.arrayContaining([
      { kind: 'automated-backup', target: 'cluster-DEVELOPMENT', reason: expect.stringMatching(/^retained automated backup of cluster acme-1234abcd: RDS deletes it 35 days after the cluster was deleted/) },
      { kind: 'key', target: dev.key, reason: 'still needed by the retained automated backup of cluster acme-1234abcd' },
    ]));
  });

  test('both tiers in one account: nothing of PRODUCTION is touched, no automated backup of either is deleted', async () => {
    mockAccount(['DEVELOPMENT', 'PRODUCTION']);
    await makeLeftoversHandler(undefined, ENV)();
    expect(writes().filter((w) => /PRODUCTION|production/.test(w))).toEqual([]);
    expect(writes().filter((w) => /AutomatedBackup/.test(w))).toEqual([]);
  });
});

test('the clean-up\'s role may not delete automated backups (IAM could not limit it to DEVELOPMENT by tag)', () => {
  const stack = testStack();
  new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
  const actions = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: { Action: string | string[] }) => [s.Action].flat());
  expect(actions).toContain('rds:DeleteDBClusterSnapshot');
  expect(actions.filter((a) => /AutomatedBackup|^rds:\*$|^rds:Delete\*$|^\*$/.test(a) && a !== 'rds:DescribeDBClusterAutomatedBackups')).toEqual([]);
});
