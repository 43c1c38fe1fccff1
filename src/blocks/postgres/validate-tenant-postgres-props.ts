import { Duration, Token } from 'aws-cdk-lib';
import { BACKUP_VAULT_ARN_PATTERN, CAPACITY_FLOOR, DATABASE_NAME_PATTERN, MAX_CAPACITY_LIMIT, RESERVED_DATABASE_NAMES } from './postgres-limits';
import { TenantPostgresProps } from './tenant-postgres-props';
import { LogShipping, PropsValidation, TenantKey, TenantNetwork, TenantTier } from '../../core';

export { BACKUP_VAULT_ARN_PATTERN, CAPACITY_FLOOR, DATABASE_NAME_PATTERN, MAX_CAPACITY_LIMIT, RESERVED_DATABASE_NAMES } from './postgres-limits';

/**
 * Checks every TenantPostgres prop and throws one error listing every problem, before anything
 * is created.
 */
export function validateTenantPostgresProps(props: TenantPostgresProps): void {
  if (typeof props !== 'object' || props === null) {
    throw new Error(`Invalid TenantPostgres props: expected an object with at least tenantId (got: ${PropsValidation.describe(props)})`);
  }
  const v = new PropsValidation('TenantPostgres', props.tenantId);
  v.tenantId('tenantId', props.tenantId);

  v.tier('tier', props.tier);
  const tier = typeof props.tier === 'string' && Object.values(TenantTier).includes(props.tier) ? props.tier : TenantTier.PRODUCTION;

  // customer values: runtime type first, never a token (a CIDR the block cannot read is the internet)
  v.cidrs('allowedCidrs', props.allowedCidrs, { exposes: 'the database' });
  v.maintenanceWindow('maintenanceWindow', props.maintenanceWindow);

  const floor = Math.max(1, CAPACITY_FLOOR[tier] ?? 0.5);
  v.number('maxCapacity', { min: floor, max: MAX_CAPACITY_LIMIT, step: 0.5, unit: 'ACUs' }, props.maxCapacity);

  v.duration('backupRetention', { min: Duration.days(1), max: Duration.days(35) }, props.backupRetention);
  v.wholeDays('backupRetention', props.backupRetention);

  if (props.databaseName !== undefined) {
    if (typeof props.databaseName !== 'string') {
      v.add('databaseName', 'must be a string: a PostgreSQL identifier of 1-63 lowercase letters, digits and underscores', props.databaseName);
    } else if (Token.isUnresolved(props.databaseName)) {
      v.add('databaseName', 'must be a literal string (it is the database created with the cluster), not a token', props.databaseName);
    } else if (!new RegExp(DATABASE_NAME_PATTERN).test(props.databaseName)) {
      v.add('databaseName', 'must be a PostgreSQL identifier of 1-63 lowercase letters, digits and underscores, starting with a letter or underscore', props.databaseName);
    } else if (RESERVED_DATABASE_NAMES.has(props.databaseName)) {
      v.add('databaseName', 'is reserved (a PostgreSQL/RDS database or an SQL key word); choose another name, e.g. app', props.databaseName);
    }
  }

  v.pattern('backupCopyVaultArn', BACKUP_VAULT_ARN_PATTERN,
    'an AWS Backup vault ARN, arn:aws:backup:<region>:<12-digit account>:backup-vault:<name>', props.backupCopyVaultArn);

  // platform wiring: the library's own types (from JavaScript or a spec anything can arrive)
  if (props.network !== undefined && !(props.network instanceof TenantNetwork)) {
    v.add('network', 'must be a TenantNetwork (TenantNetwork.of(scope, ...) or new TenantNetwork(...))', props.network);
  } else if (props.network && props.network.tenantId !== props.tenantId) {
    v.add('network', `belongs to tenant "${props.network.tenantId}"; pass the network of this tenant`, props.network.node.path);
  }
  if (props.encryptionKey !== undefined && !(props.encryptionKey instanceof TenantKey)) {
    v.add('encryptionKey', 'must be a TenantKey (TenantKey.of(scope, tenantId) or new TenantKey(...))', props.encryptionKey);
  } else if (props.encryptionKey && props.encryptionKey.tenantId !== props.tenantId) {
    v.add('encryptionKey', `belongs to tenant "${props.encryptionKey.tenantId}"; pass the key of this tenant`, props.encryptionKey.node.path);
  }
  if (props.logShipping !== undefined && !(props.logShipping instanceof LogShipping)) {
    v.add('logShipping', "must be a LogShipping (LogShipping.toDestination('arn:aws:logs:...') or LogShipping.none())", props.logShipping);
  }
  v.throwIfInvalid();
}
