import { Duration, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TenantPostgres, TenantPostgresProps } from '../../../src/blocks/postgres';
import { LogShipping, MaintenanceWindow, TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';

function attempt(props: Partial<TenantPostgresProps>) {
  const stack = testStack();
  return () => new TenantPostgres(stack, 'Db', { tenantId: 'acme', ...props } as TenantPostgresProps);
}

describe('valid props are accepted', () => {
  test.each<[string, Partial<TenantPostgresProps>]>([
    ['the minimum', {}],
    ['DEVELOPMENT with 1 ACU', { tier: TenantTier.DEVELOPMENT, maxCapacity: 1 }],
    ['256 ACUs', { maxCapacity: 256 }],
    ['half ACUs', { maxCapacity: 2.5 }],
    ['1 and 35 days of PITR', { backupRetention: Duration.days(1) }],
    ['35 days of PITR', { backupRetention: Duration.days(35) }],
    ['an underscore database name', { databaseName: '_orders_2024' }],
    ['a 63-character database name', { databaseName: 'a'.repeat(63) }],
    ['50 CIDR blocks', { allowedCidrs: Array.from({ length: 50 }, (_, i) => `10.${i}.0.0/16`) }],
    ['an IPv6 block', { allowedCidrs: ['2001:db8::/32'] }],
    ['a copy to the platform vault', { backupCopyVaultArn: 'arn:aws:backup:us-east-1:210987654321:backup-vault:platform-tenants' }],
    ['a maintenance window from a string', { maintenanceWindow: MaintenanceWindow.fromString('sat:23:30-sun:00:30') }],
    ['a 22.5-hour maintenance window (the longest)', { maintenanceWindow: MaintenanceWindow.fromString('sun:00:00-sun:22:30') }],
    ['PRODUCTION given explicitly', { tier: TenantTier.PRODUCTION }],
    ['shipping to a log destination', { logShipping: LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub') }],
    ['no log shipping', { logShipping: LogShipping.none() }],
  ])('%s', (_name, props) => {
    expect(attempt(props)).not.toThrow();
  });
});

describe('invalid props are rejected with one error naming each prop', () => {
  test.each<[string, Partial<TenantPostgresProps>, string]>([
    ['the tenant id is missing', { tenantId: undefined }, '- tenantId: is required: 3-31 characters, lowercase letters, digits and hyphens, starting with a letter (got: undefined)'],
    ['the tenant id is malformed', { tenantId: 'Acme_Corp' }, "- tenantId: must be 3-31 characters of lowercase letters, digits and hyphens, starting with a letter (^[a-z][a-z0-9-]{2,30}$) (got: 'Acme_Corp')"],
    ['the tier is unknown', { tier: 'STAGING' as TenantTier }, "- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: 'STAGING')"],
    ['a CIDR opens the whole internet', { allowedCidrs: ['0.0.0.0/0'] }, "- allowedCidrs[0]: opens the database to the whole internet; list the client networks instead (got: '0.0.0.0/0')"],
    ['an IPv6 CIDR opens the whole internet', { allowedCidrs: ['::/0'] }, "- allowedCidrs[0]: opens the database to the whole internet; list the client networks instead (got: '::/0')"],
    ['a CIDR is listed twice', { allowedCidrs: ['10.0.0.0/16', '10.0.0.0/16'] }, "- allowedCidrs[1]: duplicates allowedCidrs[0] (got: '10.0.0.0/16')"],
    ['more than 50 CIDR blocks are listed', { allowedCidrs: Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/16`) }, "- allowedCidrs: lists at most 50 CIDR blocks (each one is a security group rule) (got: '51 entries')"],
    ['a CIDR has host bits', { allowedCidrs: ['10.1.2.3/16'] }, "- allowedCidrs[0]: has host bits set; use the network address 10.1.0.0/16 (got: '10.1.2.3/16')"],
    ['a CIDR is not one', { allowedCidrs: ['10.0.0.0'] }, "- allowedCidrs[0]: has no prefix length (/n); expected an IPv4 (10.0.0.0/16) or IPv6 (2001:db8::/32) CIDR block (got: '10.0.0.0')"],
    ['the maintenance window is malformed', { maintenanceWindow: MaintenanceWindow.fromString('sun:25:00-sun:25:30') }, '- maintenanceWindow: start hour 25 is not a valid time (00-23, UTC)'],
    ['the maintenance window is shorter than 30 minutes', { maintenanceWindow: MaintenanceWindow.fromString('sun:03:00-sun:03:10') }, "- maintenanceWindow: lasts 10 minutes; a window lasts at least 30 minutes (got: 'sun:03:00-sun:03:10')"],
    ['the maintenance window is longer than 22.5 hours', { maintenanceWindow: MaintenanceWindow.fromString('sun:03:00-mon:03:00') }, '- maintenanceWindow: lasts 1440 minutes; a window lasts at most 22 hours 30 minutes'],
    ['maxCapacity is not a number', { maxCapacity: Number.NaN }, '- maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: NaN)'],
    ['maxCapacity is below 1', { maxCapacity: 0.5 }, '- maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 0.5)'],
    ['maxCapacity is above 256', { maxCapacity: 300 }, '- maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 300)'],
    ['maxCapacity is off the 0.5 step', { maxCapacity: 2.25 }, '- maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 2.25)'],
    ['backupRetention is zero', { backupRetention: Duration.days(0) }, '- backupRetention: must be between 1 day and 35 days'],
    ['backupRetention is over 35 days', { backupRetention: Duration.days(36) }, '- backupRetention: must be between 1 day and 35 days (got: 36 days)'],
    ['backupRetention is not whole days', { backupRetention: Duration.hours(36) }, '- backupRetention: must be a whole number of days, e.g. Duration.days(7) (got: 1 day 12 hours)'],
    ['databaseName has upper case', { databaseName: 'Orders' }, "- databaseName: must be a PostgreSQL identifier of 1-63 lowercase letters, digits and underscores, starting with a letter or underscore (got: 'Orders')"],
    ['databaseName is too long', { databaseName: 'a'.repeat(64) }, '- databaseName: must be a PostgreSQL identifier'],
    ['databaseName is postgres', { databaseName: 'postgres' }, "- databaseName: is reserved (a PostgreSQL/RDS database or an SQL key word); choose another name, e.g. app (got: 'postgres')"],
    ['databaseName is rdsadmin', { databaseName: 'rdsadmin' }, '- databaseName: is reserved'],
    ['databaseName is an SQL key word', { databaseName: 'user' }, "- databaseName: is reserved (a PostgreSQL/RDS database or an SQL key word); choose another name, e.g. app (got: 'user')"],
    ['databaseName is a token', { databaseName: Token.asString({ Ref: 'Name' }) }, '- databaseName: must be a literal string'],
  ])('throws when %s', (_name, props, message) => {
    expect(attempt(props)).toThrow(message);
  });

  // issue 8.9: a customer string is never a token (a CfnParameter or a `${Token[...]}` smuggled in a settings file)
  test.each<[string, Partial<TenantPostgresProps>, string]>([
    ['a CIDR entry is a token', { allowedCidrs: [Token.asString({ Ref: 'Cidr' })] }, '- allowedCidrs[0]: must be a literal CIDR string known at synth time, not a token'],
    ['a CIDR hides a token behind the whole internet', { allowedCidrs: [`0.0.0.0/0${Token.asString({ Ref: 'AWS::NoValue' })}`] }, '- allowedCidrs[0]: must be a literal CIDR string known at synth time, not a token'],
    ['the CIDR list is a token', { allowedCidrs: Token.asList({ Ref: 'Cidrs' }) }, '- allowedCidrs: must be a literal list of CIDR strings known at synth time, not a token'],
    ['maxCapacity is a token', { maxCapacity: Token.asNumber({ Ref: 'Acu' }) }, '- maxCapacity: must be a literal number known at synth time, not a token'],
    ['the copy vault ARN is a token', { backupCopyVaultArn: Token.asString({ Ref: 'Vault' }) }, '- backupCopyVaultArn: must be a literal string known at synth time, not a token'],
  ])('throws when %s', (_name, props, message) => {
    expect(attempt(props)).toThrow(message);
  });

  // issue 10: wrong runtime types (JavaScript, a JSON settings file) are one validation error, never a crash
  test.each<[string, Record<string, unknown>, string]>([
    ['allowedCidrs is a string', { allowedCidrs: '10.0.0.0/24' }, "- allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')"],
    ['an allowedCidrs entry is a number', { allowedCidrs: [10] }, '- allowedCidrs[0]: must be a CIDR string, e.g. 10.0.0.0/24 (got: 10)'],
    ['backupRetention is a number of days', { backupRetention: 7 }, '- backupRetention: must be a Duration'],
    ['maintenanceWindow is a plain string', { maintenanceWindow: 'sun:18:00-sun:18:30' }, "- maintenanceWindow: must be a MaintenanceWindow, e.g. MaintenanceWindow.fromString('sun:18:00-sun:18:30') (got: 'sun:18:00-sun:18:30')"],
    ['maxCapacity is a string', { maxCapacity: '8' }, "- maxCapacity: must be a number between 1 and 256 ACUs in steps of 0.5 (got: '8')"],
    ['the tier is a number', { tier: 1 }, '- tier: must be one of TenantTier.DEVELOPMENT, TenantTier.PRODUCTION (got: 1)'],
    ['the tenant id is a number', { tenantId: 42 }, '- tenantId: must be a string'],
    ['databaseName is a number', { databaseName: 7 }, '- databaseName: must be a string: a PostgreSQL identifier of 1-63 lowercase letters, digits and underscores (got: 7)'],
    ['backupCopyVaultArn is not a vault ARN', { backupCopyVaultArn: 'arn:aws:s3:::bucket' }, "- backupCopyVaultArn: must be an AWS Backup vault ARN, arn:aws:backup:<region>:<12-digit account>:backup-vault:<name> (got: 'arn:aws:s3:::bucket')"],
    ['network is a plain object', { network: { tenantId: 'acme' } }, '- network: must be a TenantNetwork'],
    ['encryptionKey is a key ARN', { encryptionKey: 'arn:aws:kms:us-east-1:123456789012:key/x' }, '- encryptionKey: must be a TenantKey'],
    ['logShipping is an ARN string', { logShipping: 'arn:aws:logs:us-east-1:210987654321:destination:hub' }, '- logShipping: must be a LogShipping'],
  ])('throws when %s, before anything is created', (_name, props, message) => {
    const stack = testStack();
    expect(() => new TenantPostgres(stack, 'Db', { tenantId: 'acme', ...props } as unknown as TenantPostgresProps)).toThrow(message);
    expect(stack.node.tryFindChild('Db')).toBeUndefined();
    expect(Template.fromStack(stack).toJSON().Resources ?? {}).toEqual({});
  });

  test('throws one error listing every wrong type at once', () => {
    expect(attempt({ allowedCidrs: '10.0.0.0/24', backupRetention: 7, maxCapacity: '8' } as never)).toThrow(
      /^Invalid TenantPostgres props for tenant "acme":\n- allowedCidrs: .*\n- maxCapacity: .*\n- backupRetention: .*$/);
  });

  test('throws when the props are not an object', () => {
    expect(() => new TenantPostgres(testStack(), 'Db', undefined as never)).toThrow('Invalid TenantPostgres props: expected an object with at least tenantId (got: undefined)');
  });

  test('throws when the log shipping destination is not a CloudWatch Logs destination ARN', () => {
    expect(() => attempt({ logShipping: LogShipping.toDestination('arn:aws:s3:::bucket') })()).toThrow(
      "LogShipping.toDestination: 'arn:aws:s3:::bucket' is not a CloudWatch Logs destination ARN");
  });

  test('throws when the network or key belongs to another tenant', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'other' });
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'other', encryptionKey: key });
    expect(() => new TenantPostgres(stack, 'Db', { tenantId: 'acme', network, encryptionKey: key })).toThrow(
      'Invalid TenantPostgres props for tenant "acme":\n'
      + '- network: belongs to tenant "other"; pass the network of this tenant (got: \'TestStack/Net\')\n'
      + '- encryptionKey: belongs to tenant "other"; pass the key of this tenant (got: \'TestStack/Key\')',
    );
  });

  test('throws when several props are wrong, listing every problem at once, before creating anything', () => {
    const stack = testStack();
    expect(() => new TenantPostgres(stack, 'Db', {
      tenantId: 'acme', allowedCidrs: ['0.0.0.0/0'], maxCapacity: 1000, backupRetention: Duration.days(90), databaseName: 'template1',
    })).toThrow(/^Invalid TenantPostgres props for tenant "acme":\n- allowedCidrs\[0\]: .*\n- maxCapacity: .*\n- backupRetention: .*\n- databaseName: .*$/);
    expect(Template.fromStack(stack).toJSON().Resources ?? {}).toEqual({});
  });
});
