// What TenantFunction promises the app running in it, as plain constants (no imports: the developer
// loop's client uses them too).

/**
 * Path the load balancer's health checks request. Apps need not implement it (any answer below 500
 * counts as healthy); an app that does should answer without touching its database.
 */
export const HEALTH_CHECK_PATH = '/healthz';

/** Environment variable names the block sets itself (TypeScript only: jsii does not export consts). */
export const TENANT_FUNCTION_ENV = {
  /** Name of the data bucket. */
  DATA_BUCKET: 'DATA_BUCKET_NAME',
  /** The tenant id. */
  TENANT_ID: 'TENANT_ID',
  /** The tier. */
  TIER: 'TENANT_TIER',
  /** ARN of the database app user's secret (JSON with username, password, host, port, dbname). */
  DB_SECRET_ARN: 'DB_SECRET_ARN',
  /** The database endpoint host. */
  DB_HOST: 'DB_HOST',
  /** The database port. */
  DB_PORT: 'DB_PORT',
  /** The database name. */
  DB_NAME: 'DB_NAME',
  /** Path of the Amazon RDS root CA bundle (PEM) in the function's file system, to verify the database's TLS certificate. */
  DB_CA_BUNDLE: 'DB_CA_BUNDLE_PATH',
};

/**
 * Where a function with a database finds the Amazon RDS root CAs (PEM, every commercial region),
 * shipped in a layer of the block (layers unpack under /opt): the value of `DB_CA_BUNDLE_PATH`.
 */
export const RDS_CA_BUNDLE_PATH = '/opt/tenant-blocks/rds-ca-bundle.pem';
