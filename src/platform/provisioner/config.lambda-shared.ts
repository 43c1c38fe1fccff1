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
  PLATFORM_ACCOUNT: 'PLATFORM_ACCOUNT',
  /** The provisioner key: the external id parameters are SecureStrings encrypted with it. */
  KEY_ARN: 'PROVISIONER_KEY_ARN',
  /** The code-push role's path and name in every tenant account (`tenant-blocks/tenant-blocks-code-push-<qualifier>`). */
  CODE_PUSH_ROLE_NAME: 'CODE_PUSH_ROLE_NAME',
} as const;

/** The path of the provisioner's fixed-name roles in the platform account and of its roles in tenant accounts. */
export const ROLE_PATH = '/tenant-blocks/';
/** The path of the per-tenant-account build roles (`TenantBuildRole`) in the platform account. */
export const BUILD_ROLE_PATH = '/tenant-blocks/build/';

/** The fixed names of the provisioner's roles in the platform account (the tenant accounts' bootstrap trusts them by ARN). */
export const PLATFORM_ROLE_NAMES = {
  /** The API function's role (it pushes code to DEVELOPMENT tenants with the code-push roles). */
  api: (qualifier: string): string => `tenant-blocks-api-${qualifier}`,
  /** The workflow function's role (reads stacks with the observer roles, restores code with the code-push roles). */
  workflow: (qualifier: string): string => `tenant-blocks-workflow-${qualifier}`,
  /** The operation workflow's (state machine's) role (reads stacks with the observer roles). */
  operations: (qualifier: string): string => `tenant-blocks-operations-${qualifier}`,
  /** The build role of one tenant account (`TenantBuildRole`). */
  build: (tenantAccount: string, region: string): string => `tenant-blocks-build-${tenantAccount}-${region}`,
};

/** The names of the roles the tenant-account bootstrap (`TenantAccountBootstrap`) creates besides the CDK ones. */
export const TENANT_ROLE_NAMES = {
  /** Read-only: stacks, events, templates, drift. Path `/`. */
  observer: (region: string): string => `tenant-blocks-observer-${region}`,
  /** Code push to DEVELOPMENT functions (path `/tenant-blocks/`). */
  codePush: (qualifier: string): string => `tenant-blocks-code-push-${qualifier}`,
};

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
  /**
   * The platform account (the build roles live there).
   * @default - the account of `operationStateMachineArn`
   */
  readonly platformAccount?: string;
  /**
   * The key the external id parameters are encrypted with (the provisioner key).
   * @default - SSM's default key (tests and the local simulation only; the construct always sets it)
   */
  readonly keyArn?: string;
  /** The code-push role's path and name in every tenant account: `tenant-blocks/tenant-blocks-code-push-<qualifier>`. */
  readonly codePushRoleName: string;
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
    platformAccount: env[ENV.PLATFORM_ACCOUNT] || undefined,
    keyArn: env[ENV.KEY_ARN] || undefined,
    codePushRoleName: env[ENV.CODE_PUSH_ROLE_NAME] || codePushRoleNameOf(env[ENV.QUALIFIER] ?? 'hnb659fds'),
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

/** The code-push role's path and name for a qualifier (`tenant-blocks/tenant-blocks-code-push-<qualifier>`). */
export function codePushRoleNameOf(qualifier: string): string {
  return `${ROLE_PATH.slice(1)}${TENANT_ROLE_NAMES.codePush(qualifier)}`;
}

/** The code-push role of a tenant account (assumed with the session tag `tenant`). */
export function codePushRoleArn(config: ProvisionerConfig, account: string): string {
  return `arn:${config.partition}:iam::${account}:role/${config.codePushRoleName}`;
}

/** The read-only observer role of a tenant account: the workflow reads stacks, events, templates and drift with it. */
export function observerRoleArn(config: ProvisionerConfig, account: string, region: string): string {
  return `arn:${config.partition}:iam::${account}:role/${TENANT_ROLE_NAMES.observer(region)}`;
}

/** The platform account: the configured one, else the account of the operation state machine's ARN. */
export function platformAccountOf(config: ProvisionerConfig): string {
  return config.platformAccount ?? config.operationStateMachineArn.split(':')[4] ?? '';
}

/**
 * The build role of a tenant account (`TenantBuildRole`, in the platform account): each build of a
 * tenant runs with its account's role (StartBuild's `serviceRoleOverride`), which may assume only
 * that account's CDK roles.
 */
export function buildRoleArn(config: ProvisionerConfig, account: string): string {
  return `arn:${config.partition}:iam::${platformAccountOf(config)}:role${BUILD_ROLE_PATH}${PLATFORM_ROLE_NAMES.build(account, config.region)}`;
}

/**
 * The SSM parameter (SecureString, the provisioner key) holding a tenant's link external id while
 * it builds: CodeBuild resolves it (PARAMETER_STORE) with the build role of that account, which
 * may read only its own account's parameters, so the account is part of the name.
 */
export function externalIdParameterName(config: ProvisionerConfig, account: string, tenantId: string): string {
  return `/tenant-blocks/${config.qualifier}/external-id/${account}/${tenantId}`;
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
