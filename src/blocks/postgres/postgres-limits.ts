import { TenantTier } from '../../core/tier';

// Limits of a TenantPostgres's whitelisted settings, in a module that imports nothing heavy: the
// tenant spec's validator (bundled into the provisioner's API handler) reads them too.

/** Smallest Aurora Serverless v2 capacity (ACUs) of the writer, by tier. */
export const CAPACITY_FLOOR: Record<TenantTier, number> = {
  // scale to zero (auto-pause) when idle: a development database costs storage only
  [TenantTier.DEVELOPMENT]: 0,
  // never paused: the first query of the morning does not wait ~15 s for a resume
  [TenantTier.PRODUCTION]: 0.5,
};

/** Largest Aurora Serverless v2 capacity accepted for `maxCapacity`. */
export const MAX_CAPACITY_LIMIT = 256;

/**
 * Names a database cannot take: PostgreSQL's and RDS's own databases, and PostgreSQL reserved key
 * words (which would need quoting in every tool and connection string).
 */
export const RESERVED_DATABASE_NAMES: ReadonlySet<string> = new Set([
  'postgres', 'template0', 'template1', 'rdsadmin',
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'binary', 'both',
  'case', 'cast', 'check', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross',
  'current_catalog', 'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp',
  'current_user', 'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch',
  'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'group', 'having', 'ilike', 'in', 'initially', 'inner',
  'intersect', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'left', 'like', 'limit', 'localtime',
  'localtimestamp', 'natural', 'not', 'notnull', 'null', 'offset', 'on', 'only', 'or', 'order', 'outer',
  'overlaps', 'placing', 'primary', 'references', 'returning', 'right', 'select', 'session_user', 'similar',
  'some', 'symmetric', 'system_user', 'table', 'tablesample', 'then', 'to', 'trailing', 'true', 'union', 'unique',
  'user', 'using', 'variadic', 'verbose', 'when', 'where', 'window', 'with',
]);

/** An AWS Backup vault ARN (the platform's copy destination). */
export const BACKUP_VAULT_ARN_PATTERN = '^arn:aws[a-z-]*:backup:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:backup-vault:[a-zA-Z0-9\\-_]{2,50}$';

/** Lowercase PostgreSQL identifier that never needs quoting. */
export const DATABASE_NAME_PATTERN = '^[a-z_][a-z0-9_]{0,62}$';
