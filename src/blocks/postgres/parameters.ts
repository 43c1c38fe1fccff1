/**
 * The cluster parameter group of every TenantPostgres, in one place: the block sets exactly these,
 * and the tests configure their real PostgreSQL server from this same map (one source of truth).
 *
 * Internal: not exported from the package barrel.
 */
export const POSTGRES_PARAMETERS: { readonly [name: string]: string } = {
  // TLS only (the handlers verify the RDS CA); TLS 1.2 at least
  'rds.force_ssl': '1',
  'ssl_min_protocol_version': 'TLSv1.2',
  // audit: schema DDL through pgaudit's DDL class (bootstrap creates the extension), without
  // statement parameters (they may hold personal data). Not the ROLE class and not
  // log_statement = ddl: both log the text of ALTER ROLE ... PASSWORD. The price: GRANT/REVOKE and
  // role changes are not in the audit log.
  'shared_preload_libraries': 'pg_stat_statements,pgaudit',
  'pgaudit.log': 'ddl',
  'pgaudit.log_parameter': '0',
  'log_statement': 'none',
  // no statement text on errors (default 'error' logs the failing statement: a failed
  // ALTER ROLE ... PASSWORD '<literal>' would write the password into the shipped, object-locked log)
  'log_min_error_statement': 'panic',
  // bind parameters never reach the log, neither with slow statements nor with errors
  // (`Parameters: $1 = 'alice@example.com'`); both exist since PostgreSQL 13
  'log_parameter_max_length': '0',
  'log_parameter_max_length_on_error': '0',
  // slow statements (1 s) with their duration and text (parameters stripped above). Residual risk:
  // literals written into the SQL text itself; apps use bind parameters, the handlers do
  'log_min_duration_statement': '1000',
  'log_lock_waits': '1',
  'log_connections': '1',
  'log_disconnections': '1',
  // an idle tool (a forgotten console tab, a crashed worker) must not keep a paused DEVELOPMENT
  // database awake or hold connections: close idle sessions after 15 min, idle transactions after 5
  'idle_session_timeout': '900000',
  'idle_in_transaction_session_timeout': '300000',
};
