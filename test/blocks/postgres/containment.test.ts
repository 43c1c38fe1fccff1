// Issue 21, section 3 (the postgres points): data stays kept when a tenant changes.
// - two TenantPostgres of one tenant in one stack collide on the backup vault name: reported at synth;
// - the engine version pinned while automatic minor upgrades are on: the rule that keeps it deployable;
// - the alarms take a platform's own actions (typed cloudwatch.Alarm, not IAlarm);
// - a PRODUCTION → DEVELOPMENT tier change weakens nothing that keeps data.
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { TenantPostgres, TenantPostgresProps } from '../../../src/blocks/postgres';
import { ENGINE_MAJOR_VERSION, ENGINE_VERSION, ENGINE_VERSION_HISTORY } from '../../../src/blocks/postgres/engine-version';
import { TenantTier } from '../../../src/core';
import { testApp, TEST_ENV } from '../../support/app';

function stackIn(app = testApp(), id = 'TenantStack'): Stack {
  return new Stack(app, id, { env: TEST_ENV });
}

function template(props: Partial<TenantPostgresProps> = {}): Template {
  const stack = stackIn();
  new TenantPostgres(stack, 'Db', { tenantId: 'acme', ...props });
  return Template.fromStack(stack);
}

describe('two databases of one tenant in one stack (one backup vault name)', () => {
  test('throws at synth when two TenantPostgres of one tenant share a stack, naming both', () => {
    // GIVEN two databases of acme in one stack: both would create the vault tenant-acme-<stack>
    const app = testApp();
    const stack = stackIn(app);
    new TenantPostgres(stack, 'Orders', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    new TenantPostgres(stack, 'Billing', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    // THEN the synth fails before any deploy would
    expect(() => app.synth()).toThrow(
      'two TenantPostgres of tenant "acme" in the stack TenantStack would both create the backup vault tenant-acme-<stack> ' +
      'and the deploy would fail on the name: TenantStack/Orders, TenantStack/Billing; put the second database in another stack',
    );
  });

  test('two tenants in one stack, and one tenant in two stacks, synthesize', () => {
    const app = testApp();
    const stack = stackIn(app);
    new TenantPostgres(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    new TenantPostgres(stack, 'Globex', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT });
    // another stack of the same tenant (another region: one tenant key per account and region)
    const other = new Stack(app, 'OtherStack', { env: { account: TEST_ENV.account, region: 'eu-west-1' } });
    new TenantPostgres(other, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => app.synth()).not.toThrow();
  });

  test('a database rejected by validation does not count', () => {
    const app = testApp();
    const stack = stackIn(app);
    new TenantPostgres(stack, 'Orders', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => new TenantPostgres(stack, 'Billing', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, maxCapacity: 1000 })).toThrow(/maxCapacity/);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('engine version: pinned, automatic minor upgrades on, never lowered', () => {
  test('the cluster carries the last version ever shipped; the instances none of their own', () => {
    const t = template();
    t.hasResourceProperties('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', EngineVersion: ENGINE_VERSION, AutoMinorVersionUpgrade: true });
    expect(ENGINE_VERSION).toBe(ENGINE_VERSION_HISTORY[ENGINE_VERSION_HISTORY.length - 1]);
    t.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Family: `aurora-postgresql${ENGINE_MAJOR_VERSION}` });
    // only the cluster's version is ever sent to RDS: an instance with its own would be a second pin
    for (const instance of Object.values(t.findResources('AWS::RDS::DBInstance'))) {
      expect(instance.Properties.EngineVersion).toBeUndefined();
      expect(instance.Properties.AutoMinorVersionUpgrade).toBe(true);
    }
  });

  test('no release lowers the version: the history only ever goes up', () => {
    const numeric = (v: string) => v.split('.').map(Number);
    const lower = (a: string, b: string) => {
      const [x, y] = [numeric(a), numeric(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
      }
      return false;
    };
    expect(ENGINE_VERSION_HISTORY.length).toBeGreaterThan(0);
    for (const v of ENGINE_VERSION_HISTORY) expect(v).toMatch(/^\d+\.\d+$/);
    for (let i = 1; i < ENGINE_VERSION_HISTORY.length; i++) {
      expect(lower(ENGINE_VERSION_HISTORY[i - 1], ENGINE_VERSION_HISTORY[i])).toBe(true);
    }
    // the first shipped version of major 17 (17.4+ scales to zero with the Data API): it stays
    expect(ENGINE_VERSION_HISTORY[0]).toBe('17.9');
  });
});

describe('alarms take a platform\'s own actions', () => {
  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: every alarm, the clean-up\'s included, takes an SNS action', (tier) => {
    const stack = stackIn();
    const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier });
    const topic = new sns.Topic(stack, 'Pager');
    // typed cloudwatch.Alarm (IAlarm has no addAlarmAction): this line does not compile against IAlarm[]
    for (const alarm of db.alarms) alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
    db.developmentLeftovers?.alarm.addOkAction(new cloudwatchActions.SnsAction(topic));
    const t = Template.fromStack(stack);
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(db.alarms.length);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^Pager/) }]);
      // still named for the link: the platform's own action is in addition to the link's route
      expect(alarm.Properties.AlarmName).toMatch(/^tenant-blocks-acme-/);
    }
    if (tier === TenantTier.DEVELOPMENT) {
      t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: Match.stringLikeRegexp('-leftovers$'), OKActions: [{ Ref: Match.stringLikeRegexp('^Pager') }] });
    }
  });
});

describe('a PRODUCTION → DEVELOPMENT tier change weakens nothing that keeps data', () => {
  /** What keeps the data of a database, read from its template. */
  function dataKeeping(t: Template) {
    const one = (type: string) => {
      const all = Object.values(t.findResources(type));
      expect(all).toHaveLength(1);
      return all[0];
    };
    const cluster = one('AWS::RDS::DBCluster');
    const vault = one('AWS::Backup::BackupVault');
    const key = one('AWS::KMS::Key');
    return {
      // the final snapshot, on delete and on replacement
      clusterDeletionPolicy: cluster.DeletionPolicy,
      clusterUpdateReplacePolicy: cluster.UpdateReplacePolicy,
      // the point-in-time history: its length, and whether it outlives the cluster
      backupRetentionPeriod: cluster.Properties.BackupRetentionPeriod,
      deleteAutomatedBackups: cluster.Properties.DeleteAutomatedBackups,
      // the snapshot stays attributable to its tenant
      copyTagsToSnapshot: cluster.Properties.CopyTagsToSnapshot,
      // the backup vault and its recovery points outlive the stack
      vaultDeletionPolicy: vault.DeletionPolicy,
      vaultUpdateReplacePolicy: vault.UpdateReplacePolicy,
      // the key that can read the snapshot and the recovery points
      keyDeletionPolicy: key.DeletionPolicy,
      keyUpdateReplacePolicy: key.UpdateReplacePolicy,
    };
  }

  test('the snapshot on delete, the point-in-time history, the vault and the key are the same in both tiers', () => {
    const production = dataKeeping(template({ tier: TenantTier.PRODUCTION }));
    const development = dataKeeping(template({ tier: TenantTier.DEVELOPMENT }));
    expect(development).toEqual(production);
    // and what that is
    expect(production).toEqual({
      clusterDeletionPolicy: 'Snapshot',
      clusterUpdateReplacePolicy: 'Snapshot',
      backupRetentionPeriod: 35,
      deleteAutomatedBackups: false,
      copyTagsToSnapshot: true,
      vaultDeletionPolicy: 'RetainExceptOnCreate',
      vaultUpdateReplacePolicy: 'Retain',
      keyDeletionPolicy: 'Retain',
      keyUpdateReplacePolicy: 'Retain',
    });
  });

  test('a shorter point-in-time window is the explicit backupRetention prop, never the tier', () => {
    const t = template({ tier: TenantTier.DEVELOPMENT, backupRetention: Duration.days(7) });
    t.hasResourceProperties('AWS::RDS::DBCluster', { BackupRetentionPeriod: 7, DeleteAutomatedBackups: false });
  });

  test('PRODUCTION\'s vault protection cannot be removed by a DEVELOPMENT template: only the break-glass role may (the explicit step)', () => {
    const production = template({ tier: TenantTier.PRODUCTION });
    production.hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 35 },
      AccessPolicy: {
        Statement: [Match.objectLike({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: Match.arrayWith(['backup:PutBackupVaultAccessPolicy', 'backup:DeleteBackupVaultAccessPolicy', 'backup:DeleteBackupVaultLockConfiguration']),
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': Match.anyValue() } },
        })],
      },
    });
    // the DEVELOPMENT template has neither: deploying it over a PRODUCTION vault needs that role first
    template({ tier: TenantTier.DEVELOPMENT }).hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: Match.absent(),
      AccessPolicy: Match.absent(),
    });
  });
});
