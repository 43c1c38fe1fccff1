/**
 * The provisioner's settings as its handlers see them: environment variables set by
 * `TenantProvisioner` (names below), read once per cold start.
 */

/** Environment variable names the construct sets on the handlers. */
export const ENV = {
  TABLE_NAME: 'REGISTRY_TABLE_NAME',
  OPERATION_STATE_MACHINE_ARN: 'OPERATION_STATE_MACHINE_ARN',
  ROLLOUT_STATE_MACHINE_ARN: 'ROLLOUT_STATE_MACHINE_ARN',
  DEFAULT_RELEASE: 'DEFAULT_RELEASE',
  TENANT_ACCOUNT_IDS: 'TENANT_ACCOUNT_IDS',
  QUALIFIER: 'CDK_QUALIFIER',
  LOCK_TTL_SECONDS: 'LOCK_TTL_SECONDS',
  DEFAULT_MAX_CONCURRENCY: 'DEFAULT_MAX_CONCURRENCY',
  DEFAULT_TOLERATED_FAILURE_PERCENTAGE: 'DEFAULT_TOLERATED_FAILURE_PERCENTAGE',
  APP_SOURCE_BUCKET: 'APP_SOURCE_BUCKET',
  APP_SOURCE_PREFIX: 'APP_SOURCE_PREFIX',
  PLATFORM_REGION: 'PLATFORM_REGION',
  PARTITION: 'AWS_PARTITION_NAME',
} as const;

/** The handlers' settings. */
export interface ProvisionerConfig {
  readonly tableName: string;
  readonly operationStateMachineArn: string;
  readonly rolloutStateMachineArn: string;
  /** The region tenants are deployed to (the provisioner's and the hub's). */
  readonly region: string;
  /** The AWS partition (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  /** The release new tenants get when the request names none. */
  readonly defaultRelease: string;
  /** The accounts tenants may live in; empty: any account (the IAM policy limits it to the organization). */
  readonly tenantAccountIds: string[];
  /** The bootstrap qualifier of the tenant accounts (`hnb659fds` by default). */
  readonly qualifier: string;
  /** How long a lock holds without its operation finishing (longer than the workflow's timeout). */
  readonly lockTtlSeconds: number;
  readonly defaultMaxConcurrency: number;
  readonly defaultToleratedFailurePercentage: number;
  /** Bucket of the release archives (`<prefix><release>.zip`); absent: one bundled release. */
  readonly appSourceBucket?: string;
  readonly appSourcePrefix?: string;
}

/** Reads the settings from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ProvisionerConfig {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`environment variable ${name} is not set`);
    return v;
  };
  return {
    tableName: need(ENV.TABLE_NAME),
    operationStateMachineArn: env[ENV.OPERATION_STATE_MACHINE_ARN] ?? '',
    rolloutStateMachineArn: env[ENV.ROLLOUT_STATE_MACHINE_ARN] ?? '',
    region: need(ENV.PLATFORM_REGION),
    partition: env[ENV.PARTITION] ?? 'aws',
    defaultRelease: need(ENV.DEFAULT_RELEASE),
    tenantAccountIds: (env[ENV.TENANT_ACCOUNT_IDS] ?? '').split(',').filter((a) => a.length > 0),
    qualifier: env[ENV.QUALIFIER] ?? 'hnb659fds',
    lockTtlSeconds: Number(env[ENV.LOCK_TTL_SECONDS] ?? 8 * 86400),
    defaultMaxConcurrency: Number(env[ENV.DEFAULT_MAX_CONCURRENCY] ?? 10),
    defaultToleratedFailurePercentage: Number(env[ENV.DEFAULT_TOLERATED_FAILURE_PERCENTAGE] ?? 0),
    appSourceBucket: env[ENV.APP_SOURCE_BUCKET] || undefined,
    appSourcePrefix: env[ENV.APP_SOURCE_PREFIX] ?? undefined,
  };
}

/** The stack a tenant's resources live in: `Tenant-<tenantId>` (the platform app must use this name). */
export function tenantStackName(tenantId: string): string {
  return `Tenant-${tenantId}`;
}

/** The CDK deploy role of a bootstrapped tenant account (`cdk bootstrap --trust <platform account>`). */
export function deployRoleArn(config: ProvisionerConfig, account: string, region: string): string {
  return `arn:${config.partition}:iam::${account}:role/cdk-${config.qualifier}-deploy-role-${account}-${region}`;
}

/** The S3 location (`bucket/key`) of a release archive, or undefined for the bundled source. */
export function sourceLocationOf(config: ProvisionerConfig, release: string): string | undefined {
  return config.appSourceBucket ? `${config.appSourceBucket}/${config.appSourcePrefix ?? ''}${release}.zip` : undefined;
}

/** Release labels: they name S3 keys and appear in events. */
export const RELEASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

/** The execution ARN Step Functions gives an execution named `name` of `stateMachineArn`. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** Name of the registry's global secondary index (tenants list, a tenant's history, rollouts list). */
export const GSI1 = 'gsi1';
/** The registry's TTL attribute (epoch seconds), set only on idempotency records. */
export const TTL_ATTRIBUTE = 'expiresAt';
