"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/platform/provisioner/workflow.lambda.ts
var workflow_lambda_exports = {};
__export(workflow_lambda_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(workflow_lambda_exports);
var import_client_cloudformation2 = require("@aws-sdk/client-cloudformation");
var import_client_dynamodb3 = require("@aws-sdk/client-dynamodb");
var import_client_ssm2 = require("@aws-sdk/client-ssm");
var import_client_sts2 = require("@aws-sdk/client-sts");

// src/platform/provisioner/code-push.lambda-shared.ts
var import_client_lambda = require("@aws-sdk/client-lambda");
var MAX_PUSH_ZIP_BYTES = 4 * 1024 * 1024;
var LIVE_ALIAS = "live";
var CodePushError = class extends Error {
  constructor(message, statusCode = 502) {
    super(message);
    this.statusCode = statusCode;
  }
  statusCode;
  name = "CodePushError";
};
async function publishLive(lambda, functionName, options, deadline) {
  const polls = options.maxPolls ?? 120;
  const interval = options.pollIntervalMs ?? 500;
  for (let i = 0; ; i++) {
    const cfg = await lambda.send(new import_client_lambda.GetFunctionConfigurationCommand({ FunctionName: functionName }));
    if (cfg.LastUpdateStatus === "Successful" || cfg.LastUpdateStatus === void 0) break;
    if (cfg.LastUpdateStatus === "Failed") {
      throw new CodePushError(`Lambda could not update ${functionName}: ${cfg.LastUpdateStatusReasonCode ?? ""} ${cfg.LastUpdateStatusReason ?? ""}`.trim());
    }
    if (i + 1 >= polls) throw new CodePushError(`the code update of ${functionName} did not finish in ${polls} reads (LastUpdateStatus ${cfg.LastUpdateStatus})`, 504);
    if (deadline !== void 0 && Date.now() + interval > deadline) {
      throw new CodePushError(`the code update of ${functionName} did not finish before the API had to answer (LastUpdateStatus ${cfg.LastUpdateStatus} after ${i + 1} reads); the function may run the pushed code without a published version: push again, or deploy to put the release back`, 504);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  const published = await lambda.send(new import_client_lambda.PublishVersionCommand({ FunctionName: functionName }));
  if (!published.Version) throw new CodePushError(`Lambda published no version of ${functionName}`);
  await lambda.send(new import_client_lambda.UpdateAliasCommand({ FunctionName: functionName, Name: LIVE_ALIAS, FunctionVersion: published.Version }));
  return { functionName, version: published.Version, codeSha256: hexOf(published.CodeSha256 ?? "") };
}
function hexOf(base64Sha256) {
  return Buffer.from(base64Sha256, "base64").toString("hex");
}
async function restoreReleaseCode(clientFor, cfnFor, tenant, options = {}) {
  const cfnSdk = require("@aws-sdk/client-cloudformation");
  const stackName = `Tenant-${tenant.tenantId}`;
  const cfn = await cfnFor(tenant.account, tenant.tenantId);
  const out = await cfn.send(new cfnSdk.GetTemplateCommand({ StackName: stackName, TemplateStage: "Processed" }));
  const template = JSON.parse(String(out.TemplateBody ?? "{}"));
  const resources = template.Resources ?? {};
  const alias = Object.values(resources).find((r) => r.Type === "AWS::Lambda::Alias" && r.Properties?.Name === LIVE_ALIAS);
  const logicalId = refOf(alias?.Properties?.FunctionName);
  const fn = logicalId ? resources[logicalId] : void 0;
  if (!logicalId || fn?.Type !== "AWS::Lambda::Function") {
    throw new CodePushError(`the template of ${stackName} has no function behind a '${LIVE_ALIAS}' alias`, 409);
  }
  const pseudo = {
    "AWS::AccountId": tenant.account,
    "AWS::Region": tenant.region,
    "AWS::Partition": tenant.partition ?? "aws",
    "AWS::URLSuffix": "amazonaws.com"
  };
  const bucket = resolve(fn.Properties?.Code?.S3Bucket, pseudo);
  const key = resolve(fn.Properties?.Code?.S3Key, pseudo);
  if (!bucket || !key) throw new CodePushError(`the function ${logicalId} of ${stackName} has no S3 code location (inline code cannot be restored)`, 409);
  const described = await cfn.send(new cfnSdk.DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: logicalId }));
  const functionName = described.StackResourceDetail?.PhysicalResourceId;
  if (!functionName) throw new CodePushError(`${stackName} has no physical function for ${logicalId}`, 409);
  const lambda = await clientFor(tenant.account, tenant.tenantId);
  await lambda.send(new import_client_lambda.UpdateFunctionCodeCommand({ FunctionName: functionName, S3Bucket: bucket, S3Key: key }));
  return publishLive(lambda, functionName, options);
}
function refOf(value) {
  if (typeof value === "object" && value !== null && typeof value.Ref === "string") return value.Ref;
  return void 0;
}
function resolve(value, pseudo) {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return void 0;
  const v = value;
  if (typeof v["Fn::Sub"] === "string") {
    let unknown = false;
    const text = v["Fn::Sub"].replace(/\$\{([^}]+)\}/g, (_m, name) => {
      if (pseudo[name] === void 0) unknown = true;
      return pseudo[name] ?? "";
    });
    return unknown ? void 0 : text;
  }
  if (typeof v.Ref === "string") return pseudo[v.Ref];
  if (Array.isArray(v["Fn::Join"]) && Array.isArray(v["Fn::Join"][1])) {
    const parts = v["Fn::Join"][1].map((p) => resolve(p, pseudo));
    return parts.some((p) => p === void 0) ? void 0 : parts.join(String(v["Fn::Join"][0]));
  }
  return void 0;
}
function stsLambdaClientFor(options) {
  return async (accountId, tenantId) => {
    const { STSClient: STSClient3, AssumeRoleCommand: AssumeRoleCommand3 } = require("@aws-sdk/client-sts");
    const sts2 = new STSClient3({ region: options.region });
    const roleArn = `arn:${options.partition ?? "aws"}:iam::${accountId}:role/${options.roleName.replace(/^\/+/, "")}`;
    const out = await sts2.send(new AssumeRoleCommand3({
      RoleArn: roleArn,
      RoleSessionName: `code-push-${tenantId}`.slice(0, 64),
      DurationSeconds: 900,
      Tags: [{ Key: "tenant", Value: tenantId }]
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CodePushError(`assuming ${roleArn} returned no credentials`);
    return new import_client_lambda.LambdaClient({
      region: options.region,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }
    });
  };
}

// src/platform/provisioner/config.lambda-shared.ts
var ENV = {
  TABLE_NAME: "REGISTRY_TABLE_NAME",
  OPERATION_STATE_MACHINE_ARN: "OPERATION_STATE_MACHINE_ARN",
  ROLLOUT_STATE_MACHINE_ARN: "ROLLOUT_STATE_MACHINE_ARN",
  DEFAULT_RELEASE: "DEFAULT_RELEASE",
  TENANT_ACCOUNT_IDS: "TENANT_ACCOUNT_IDS",
  QUALIFIER: "CDK_QUALIFIER",
  LOCK_TTL_SECONDS: "LOCK_TTL_SECONDS",
  DEFAULT_MAX_CONCURRENCY: "DEFAULT_MAX_CONCURRENCY",
  DEFAULT_TOLERATED_FAILURE_PERCENTAGE: "DEFAULT_TOLERATED_FAILURE_PERCENTAGE",
  APP_SOURCE_BUCKET: "APP_SOURCE_BUCKET",
  APP_SOURCE_PREFIX: "APP_SOURCE_PREFIX",
  PLATFORM_REGION: "PLATFORM_REGION",
  PARTITION: "AWS_PARTITION_NAME",
  PLATFORM_ACCOUNT: "PLATFORM_ACCOUNT",
  /** The provisioner key: the external id parameters are SecureStrings encrypted with it. */
  KEY_ARN: "PROVISIONER_KEY_ARN",
  /** The code-push role's path and name in every tenant account (`tenant-blocks/tenant-blocks-code-push-<qualifier>`). */
  CODE_PUSH_ROLE_NAME: "CODE_PUSH_ROLE_NAME"
};
var ROLE_PATH = "/tenant-blocks/";
var BUILD_ROLE_PATH = "/tenant-blocks/build/";
var PLATFORM_ROLE_NAMES = {
  /** The API function's role (it pushes code to DEVELOPMENT tenants with the code-push roles). */
  api: (qualifier) => `tenant-blocks-api-${qualifier}`,
  /** The workflow function's role (reads stacks with the observer roles, restores code with the code-push roles). */
  workflow: (qualifier) => `tenant-blocks-workflow-${qualifier}`,
  /** The operation workflow's (state machine's) role (reads stacks with the observer roles). */
  operations: (qualifier) => `tenant-blocks-operations-${qualifier}`,
  /** The build role of one tenant account (`TenantBuildRole`). */
  build: (tenantAccount, region) => `tenant-blocks-build-${tenantAccount}-${region}`
};
var TENANT_ROLE_NAMES = {
  /** Read-only: stacks, events, templates, drift. Path `/`. */
  observer: (region) => `tenant-blocks-observer-${region}`,
  /** Code push to DEVELOPMENT functions (path `/tenant-blocks/`). */
  codePush: (qualifier) => `tenant-blocks-code-push-${qualifier}`
};
function configFromEnv(env = process.env) {
  const need = (name) => {
    const v = env[name];
    if (!v) throw new Error(`environment variable ${name} is not set`);
    return v;
  };
  return {
    tableName: need(ENV.TABLE_NAME),
    operationStateMachineArn: env[ENV.OPERATION_STATE_MACHINE_ARN] ?? "",
    rolloutStateMachineArn: env[ENV.ROLLOUT_STATE_MACHINE_ARN] ?? "",
    region: need(ENV.PLATFORM_REGION),
    partition: env[ENV.PARTITION] ?? "aws",
    defaultRelease: need(ENV.DEFAULT_RELEASE),
    tenantAccountIds: (env[ENV.TENANT_ACCOUNT_IDS] ?? "").split(",").filter((a) => a.length > 0),
    qualifier: env[ENV.QUALIFIER] ?? "hnb659fds",
    lockTtlSeconds: Number(env[ENV.LOCK_TTL_SECONDS] ?? 8 * 86400),
    defaultMaxConcurrency: Number(env[ENV.DEFAULT_MAX_CONCURRENCY] ?? 10),
    defaultToleratedFailurePercentage: Number(env[ENV.DEFAULT_TOLERATED_FAILURE_PERCENTAGE] ?? 0),
    appSourceBucket: env[ENV.APP_SOURCE_BUCKET] || void 0,
    appSourcePrefix: env[ENV.APP_SOURCE_PREFIX] ?? void 0,
    platformAccount: env[ENV.PLATFORM_ACCOUNT] || void 0,
    keyArn: env[ENV.KEY_ARN] || void 0,
    codePushRoleName: env[ENV.CODE_PUSH_ROLE_NAME] || codePushRoleNameOf(env[ENV.QUALIFIER] ?? "hnb659fds")
  };
}
function tenantStackName(tenantId) {
  return `Tenant-${tenantId}`;
}
function deployRoleArn(config2, account, region) {
  return `arn:${config2.partition}:iam::${account}:role/cdk-${config2.qualifier}-deploy-role-${account}-${region}`;
}
function codePushRoleNameOf(qualifier) {
  return `${ROLE_PATH.slice(1)}${TENANT_ROLE_NAMES.codePush(qualifier)}`;
}
function codePushRoleArn(config2, account) {
  return `arn:${config2.partition}:iam::${account}:role/${config2.codePushRoleName}`;
}
function observerRoleArn(config2, account, region) {
  return `arn:${config2.partition}:iam::${account}:role/${TENANT_ROLE_NAMES.observer(region)}`;
}
function platformAccountOf(config2) {
  return config2.platformAccount ?? config2.operationStateMachineArn.split(":")[4] ?? "";
}
function buildRoleArn(config2, account) {
  return `arn:${config2.partition}:iam::${platformAccountOf(config2)}:role${BUILD_ROLE_PATH}${PLATFORM_ROLE_NAMES.build(account, config2.region)}`;
}
function externalIdParameterName(config2, account, tenantId) {
  return `/tenant-blocks/${config2.qualifier}/external-id/${account}/${tenantId}`;
}
function sourceLocationOf(config2, release) {
  return config2.appSourceBucket ? `${config2.appSourceBucket}/${config2.appSourcePrefix ?? ""}${release}.zip` : void 0;
}
var GSI1 = "gsi1";
var TTL_ATTRIBUTE = "expiresAt";

// src/platform/provisioner/registry.lambda-shared.ts
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");

// src/platform/provisioner/lifecycle.lambda-shared.ts
function lockStates(op) {
  return op === "CREATE" ? ["PENDING"] : LIFECYCLE[op].from;
}
var LIFECYCLE = {
  CREATE: {
    from: ["PENDING", "DESTROYED"],
    fromAbsent: true,
    askedBy: "CREATE",
    locks: true,
    deploys: true,
    summary: "a new tenant, a new incarnation of a destroyed one, or a retry of a create that never deployed"
  },
  UPDATE: {
    from: ["PENDING", "ACTIVE", "SUSPENDED"],
    fromAbsent: false,
    askedBy: "CHANGE_SETTINGS",
    locks: true,
    deploys: true,
    summary: "deploy changed settings or another release"
  },
  DEPLOY: {
    from: ["ACTIVE"],
    fromAbsent: false,
    askedBy: "ROLLOUT",
    locks: true,
    deploys: true,
    summary: "a rollout moves the deployed spec to its release; other states are skipped with the reason"
  },
  DRIFT: {
    from: ["ACTIVE", "SUSPENDED"],
    fromAbsent: false,
    askedBy: "DRIFT",
    locks: true,
    deploys: false,
    summary: "compare the stack with its template; changes nothing"
  },
  SUSPEND: {
    from: ["PENDING", "ACTIVE"],
    fromAbsent: false,
    askedBy: "SUSPEND_RESUME",
    locks: false,
    deploys: false,
    summary: "stop rollouts and allow a PRODUCTION destroy; registry only, no deploy, no new spec version"
  },
  RESUME: {
    from: ["SUSPENDED"],
    fromAbsent: false,
    askedBy: "SUSPEND_RESUME",
    locks: false,
    deploys: false,
    summary: "back to ACTIVE (PENDING when nothing was ever deployed); registry only"
  },
  DESTROY: {
    from: ["PENDING", "ACTIVE", "SUSPENDED"],
    fromAbsent: false,
    askedBy: "DESTROY",
    locks: true,
    deploys: false,
    summary: "delete the stack; a PRODUCTION tenant must be SUSPENDED and named in `confirm`"
  },
  CODE_PUSH: {
    from: ["ACTIVE"],
    fromAbsent: false,
    askedBy: "CODE_PUSH",
    // Held by the API for the push only (seconds; a short expiry), so no deploy runs under it.
    locks: true,
    deploys: false,
    summary: "replace the function code of a tenant whose DEPLOYED tier is DEVELOPMENT; no deploy, the next deploy puts the release back"
  }
};
function stateAfter(state, op, succeeded, everDeployed) {
  if (state === "DESTROYED") return "DESTROYED";
  switch (op) {
    case "SUSPEND":
      return succeeded ? "SUSPENDED" : state;
    case "RESUME":
      return succeeded ? everDeployed ? "ACTIVE" : "PENDING" : state;
    case "DESTROY":
      return succeeded ? "DESTROYED" : state;
    case "CREATE":
    case "UPDATE":
    case "DEPLOY":
      if (!succeeded) return state;
      return state === "SUSPENDED" ? "SUSPENDED" : "ACTIVE";
    default:
      return state;
  }
}
function deployedSpecOf(t) {
  if (t.deployedSpec) return t.deployedSpec;
  return t.deployedVersion !== void 0 && t.deployedVersion === t.version ? t.spec : void 0;
}

// src/platform/provisioner/registry.lambda-shared.ts
var ConflictError = class extends Error {
  name = "ConflictError";
};
var BadTokenError = class extends Error {
  name = "BadTokenError";
};
var TENANT_SK = "#TENANT";
var OPERATION_SK = "#OPERATION";
var ROLLOUT_SK = "#ROLLOUT";
var IDEMPOTENCY_SK = "#IDEMPOTENCY";
var LOG_QUERY_SK = "#LOGQUERY";
var ACCOUNT_SK = "#ACCOUNT";
var CLAIM_GRACE_MS = 5 * 60 * 1e3;
var MAX_ACCOUNT_SEARCH_PAGES = 100;
var KEY_ATTRIBUTES = ["pk", "sk", "gsi1pk", "gsi1sk"];
var Registry = class {
  /**
   * @param client the DynamoDB client (also used by the rollout store for its pages)
   * @param tableName the registry table
   */
  constructor(client2, tableName) {
    this.client = client2;
    this.tableName = tableName;
  }
  client;
  tableName;
  /** The tenant, or undefined. Strongly consistent. */
  async getTenant(tenantId) {
    return this.get(`TENANT#${tenantId}`, TENANT_SK);
  }
  /**
   * Creates a tenant item (a new incarnation). Succeeds when the id is free, destroyed and
   * unlocked, or PENDING (never deployed), unlocked and in the same account and region: a create
   * that failed or never started is retried by creating again.
   *
   * @throws ConflictError when the tenant exists otherwise
   */
  async createTenant(tenant, now) {
    const at = now ?? tenant.updatedAt;
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `TENANT#${tenant.tenantId}`, sk: TENANT_SK, gsi1pk: "TENANTS", gsi1sk: tenant.tenantId, ...tenant }),
        ConditionExpression: "attribute_not_exists(pk) OR ((attribute_not_exists(lockOperationId) OR lockExpiresAt < :now) AND (#state = :destroyed OR (#state = :pending AND attribute_not_exists(deployedSpec) AND attribute_not_exists(deployedVersion) AND account = :account AND #region = :region)))",
        ExpressionAttributeNames: { "#state": "state", "#region": "region" },
        ExpressionAttributeValues: {
          ":destroyed": { S: "DESTROYED" },
          ":pending": { S: "PENDING" },
          ":now": { S: at },
          ":account": { S: tenant.account },
          ":region": { S: tenant.region }
        }
      }));
    } catch (e) {
      throw conflictOr(e, `tenant '${tenant.tenantId}' already exists`);
    }
  }
  /**
   * Changes a tenant if it is still at `expectedVersion`, in a state `op` may start from and not
   * locked by a live operation; increments its version when `bumpVersion` (a new desired spec);
   * when `lock` is given, takes the lock for that operation.
   *
   * @throws ConflictError when the version moved on, the state forbids `op` or an operation is in flight
   */
  async changeTenant(tenantId, expectedVersion, now, fields, lock, options = {}) {
    const bump = options.bumpVersion ?? true;
    const set = { ...fields, updatedAt: now, ...bump ? { version: expectedVersion + 1 } : {} };
    if (lock) {
      set.lockOperationId = lock.operationId;
      set.lockExpiresAt = lock.expiresAt;
    }
    const states = options.states ?? (options.op ? LIFECYCLE[options.op].from : void 0);
    const stateValues = {};
    (states ?? []).forEach((st, i) => {
      stateValues[`:st${i}`] = st;
    });
    return this.update(`TENANT#${tenantId}`, TENANT_SK, set, [], {
      expression: "#version = :expected AND (attribute_not_exists(lockOperationId) OR lockExpiresAt < :now)" + (states ? ` AND #state IN (${states.map((_, i) => `:st${i}`).join(", ")})` : ""),
      names: { "#version": "version", ...states ? { "#state": "state" } : {} },
      values: { ":expected": expectedVersion, ":now": now, ...stateValues }
    }, `tenant '${tenantId}' changed since version ${expectedVersion}, is in another state, or has an operation in flight`);
  }
  /**
   * Takes the tenant's lock for an operation: succeeds when the tenant is in a state `op` may
   * start from, unlocked (or its lock expired, or already this operation's) and, when
   * `specVersion` is given, still at that version (a scheduled change that a later one superseded
   * does not deploy). The state is checked in the same write: a rollout planned before a destroy
   * or a suspension cannot redeploy the tenant.
   *
   * @throws ConflictError when any of that does not hold (read the tenant to learn which)
   */
  async lockTenant(tenantId, operationId, expiresAt, now, options = {}) {
    const states = options.op ? lockStates(options.op) : void 0;
    const values = { ":op": operationId, ":now": now };
    (states ?? []).forEach((st, i) => {
      values[`:st${i}`] = st;
    });
    const names = {};
    const parts = ["attribute_exists(pk) AND (attribute_not_exists(lockOperationId) OR lockOperationId = :op OR lockExpiresAt < :now)"];
    if (states) {
      names["#state"] = "state";
      parts.push(`#state IN (${states.map((_, i) => `:st${i}`).join(", ")})`);
    }
    if (options.specVersion !== void 0) {
      names["#version"] = "version";
      values[":version"] = options.specVersion;
      parts.push("#version = :version");
    }
    if (options.incarnation !== void 0) {
      values[":incarnation"] = options.incarnation;
      parts.push(options.incarnation === 1 ? "(attribute_not_exists(incarnation) OR incarnation = :incarnation)" : "incarnation = :incarnation");
    }
    return this.update(`TENANT#${tenantId}`, TENANT_SK, { ...options.fields ?? {}, lockOperationId: operationId, lockExpiresAt: expiresAt }, [], {
      expression: parts.join(" AND "),
      names: Object.keys(names).length > 0 ? names : void 0,
      values
    }, `tenant '${tenantId}' has another operation in flight, is in another state or moved on`);
  }
  /**
   * Releases the lock held by `operationId` and records what the operation changed on the tenant,
   * only if the tenant is still in `expectedState` (when given). A lock held by another operation
   * is left alone (returns false). Moving the tenant to DESTROYED also removes its `codePush` mark.
   */
  async unlockTenant(tenantId, operationId, fields, expectedState) {
    const remove = fields.state === "DESTROYED" ? ["lockOperationId", "lockExpiresAt", "codePush"] : ["lockOperationId", "lockExpiresAt"];
    try {
      await this.update(`TENANT#${tenantId}`, TENANT_SK, { ...fields }, remove, {
        expression: "lockOperationId = :op" + (expectedState ? " AND #state = :expectedState" : ""),
        names: expectedState ? { "#state": "state" } : void 0,
        values: { ":op": operationId, ...expectedState ? { ":expectedState": expectedState } : {} }
      }, "not locked by this operation");
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }
  /**
   * Records a finished code push on the tenant and releases the push's lock, in one write that
   * holds only while `operationId` holds the lock.
   *
   * @returns false when the lock is no longer the push's (it expired and another operation took it)
   */
  async recordCodePush(tenantId, operationId, mark, fields = {}) {
    return this.unlockTenant(tenantId, operationId, { ...fields, codePush: mark });
  }
  /**
   * Forgets the code push `operationId` once a deploy has put the release's code back. A later
   * push (another operation id) is left alone.
   *
   * @returns whether the mark was removed
   */
  async clearCodePush(tenantId, operationId) {
    try {
      await this.update(`TENANT#${tenantId}`, TENANT_SK, {}, ["codePush"], {
        expression: "codePush.operationId = :op",
        values: { ":op": operationId }
      }, `tenant '${tenantId}' carries no code push ${operationId}`);
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }
  /** Records a new operation (history entry). @throws ConflictError when the id exists */
  async putOperation(op) {
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({
          pk: `OPERATION#${op.operationId}`,
          sk: OPERATION_SK,
          gsi1pk: `TENANT#${op.tenantId}#OPERATIONS`,
          gsi1sk: `${incarnationKey(op.incarnation ?? 1)}${op.requestedAt}#${op.operationId}`,
          ...op
        }),
        ConditionExpression: "attribute_not_exists(pk)"
      }));
    } catch (e) {
      throw conflictOr(e, `operation '${op.operationId}' exists`);
    }
  }
  /** The operation, or undefined. */
  async getOperation(operationId) {
    return this.get(`OPERATION#${operationId}`, OPERATION_SK);
  }
  /**
   * Moves an operation forward. Only an operation in one of `from` states is changed: a finished
   * operation is history and never rewritten.
   *
   * @throws ConflictError when the operation is in another state
   */
  async updateOperation(operationId, from, fields) {
    const values = {};
    from.forEach((s, i) => {
      values[`:from${i}`] = s;
    });
    return this.update(`OPERATION#${operationId}`, OPERATION_SK, fields, [], {
      expression: `attribute_exists(pk) AND #status IN (${from.map((_, i) => `:from${i}`).join(", ")})`,
      names: { "#status": "status" },
      values
    }, `operation '${operationId}' is not ${from.join(" or ")}`);
  }
  /**
   * A tenant's operations, newest first: those of one incarnation (a re-created id does not
   * inherit the history of the tenant destroyed before it), or of every incarnation.
   */
  async listOperations(tenantId, limit, nextToken, incarnation) {
    const sk = incarnation === void 0 ? void 0 : incarnation === 1 ? { expression: "gsi1sk < :bound", value: INCARNATION_MARK } : { expression: "begins_with(gsi1sk, :bound)", value: incarnationKey(incarnation) };
    return this.query(`TENANT#${tenantId}#OPERATIONS`, limit, nextToken, false, sk);
  }
  /** Every tenant, by id. */
  async listTenants(limit, nextToken) {
    return this.query("TENANTS", limit, nextToken, true);
  }
  /**
   * Claims `account` for `tenantId` (one tenant per account): a conditional write that only one of
   * two concurrent creates can win. The claim of a tenant that is DESTROYED, gone or moved to
   * another account is void and taken over (conditional on that holder, so two takers cannot both
   * win); a claim already held by `tenantId` is kept. A free claim is checked once against the
   * tenant list: a live tenant created before claims existed holds its account, and the claim is
   * written for it.
   *
   * @returns `{ claimed: true, fresh }` (fresh: this call took it), or `{ claimed: false, holder }`
   */
  async claimAccount(account, tenantId, now) {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ ...key, account, tenantId, claimedAt: now }),
        ConditionExpression: "attribute_not_exists(tenantId)"
      }));
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
      return this.claimHeld(account, tenantId, now);
    }
    return this.unlessHeldBefore(account, tenantId, now);
  }
  /**
   * A claim this call just took may still be an account held by a tenant created before claims
   * existed: look once, and hand the claim to that tenant (conditional on this call still holding it).
   */
  async unlessHeldBefore(account, tenantId, now) {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    const earlier = await this.liveTenantInAccount(account, tenantId);
    if (earlier === void 0) return { claimed: true, fresh: true };
    try {
      await this.update(key.pk, key.sk, { tenantId: earlier, claimedAt: now, claimedFor: "a tenant created before account claims" }, [], {
        expression: "tenantId = :me",
        values: { ":me": tenantId }
      }, `account ${account} was claimed meanwhile`);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
    return { claimed: false, holder: earlier };
  }
  /**
   * A live (not DESTROYED) tenant other than `tenantId` in `account`, read from the tenant list
   * page by page: at most {@link MAX_ACCOUNT_SEARCH_PAGES} pages of 100 (10,000 tenants).
   */
  async liveTenantInAccount(account, tenantId) {
    let token;
    for (let i = 0; i < MAX_ACCOUNT_SEARCH_PAGES; i++) {
      const page = await this.listTenants(100, token);
      const hit = page.items.find((t) => t.account === account && t.tenantId !== tenantId && t.state !== "DESTROYED");
      if (hit) return hit.tenantId;
      token = page.nextToken;
      if (!token) return void 0;
    }
    return void 0;
  }
  async claimHeld(account, tenantId, now) {
    const key = { pk: `ACCOUNT#${account}`, sk: ACCOUNT_SK };
    const claim = await this.get(key.pk, key.sk);
    const holder = claim?.tenantId;
    if (holder === tenantId) return { claimed: true, fresh: false };
    if (holder === void 0) return this.claimAccount(account, tenantId, now);
    const held = await this.getTenant(holder);
    const abandoned2 = !held && Date.parse(claim?.claimedAt ?? "") < Date.parse(now) - CLAIM_GRACE_MS;
    if (held ? held.state !== "DESTROYED" && held.account === account : !abandoned2) return { claimed: false, holder };
    try {
      await this.update(key.pk, key.sk, { tenantId, claimedAt: now, previousTenantId: holder }, [], {
        expression: "tenantId = :holder",
        values: { ":holder": holder }
      }, `account ${account} was claimed meanwhile`);
      return await this.unlessHeldBefore(account, tenantId, now);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const again = await this.get(key.pk, key.sk);
      return again?.tenantId === tenantId ? { claimed: true, fresh: false } : { claimed: false, holder: again?.tenantId };
    }
  }
  /**
   * Releases `tenantId`'s claim on `account` (after its destroy, or when its create was refused).
   * A claim of another tenant is left alone.
   *
   * @returns whether the claim was released
   */
  async releaseAccountClaim(account, tenantId) {
    try {
      await this.update(`ACCOUNT#${account}`, ACCOUNT_SK, {}, ["tenantId"], {
        expression: "tenantId = :t",
        values: { ":t": tenantId }
      }, `account ${account} is not claimed by ${tenantId}`);
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }
  /** The tenant that holds `account`'s claim, if any. */
  async accountHolder(account) {
    return (await this.get(`ACCOUNT#${account}`, ACCOUNT_SK))?.tenantId;
  }
  /** Keeps a log query until `expiresAtEpochSeconds` (the table's TTL). @throws ConflictError when the id exists */
  async putLogQuery(query, expiresAtEpochSeconds) {
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `LOGQUERY#${query.queryId}`, sk: LOG_QUERY_SK, ...query, [TTL_ATTRIBUTE]: expiresAtEpochSeconds }),
        ConditionExpression: "attribute_not_exists(pk)"
      }));
    } catch (e) {
      throw conflictOr(e, `log query '${query.queryId}' exists`);
    }
  }
  /** The log query, or undefined (also once expired, before DynamoDB's TTL deleted it). */
  async getLogQuery(queryId, nowEpochSeconds) {
    const out = await this.client.send(new import_client_dynamodb.GetItemCommand({
      TableName: this.tableName,
      Key: { pk: { S: `LOGQUERY#${queryId}` }, sk: { S: LOG_QUERY_SK } },
      ConsistentRead: true
    }));
    if (!out.Item) return void 0;
    const item = unmarshallItem(out.Item);
    if (Number(item[TTL_ATTRIBUTE]) < nowEpochSeconds) return void 0;
    return stripKeys(item);
  }
  /** Records a new rollout. */
  async putRollout(rollout) {
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `ROLLOUT#${rollout.rolloutId}`, sk: ROLLOUT_SK, gsi1pk: "ROLLOUTS", gsi1sk: `${rollout.createdAt}#${rollout.rolloutId}`, ...rollout }),
        ConditionExpression: "attribute_not_exists(pk)"
      }));
    } catch (e) {
      throw conflictOr(e, `rollout '${rollout.rolloutId}' exists`);
    }
  }
  /** The rollout, or undefined. */
  async getRollout(rolloutId) {
    return this.get(`ROLLOUT#${rolloutId}`, ROLLOUT_SK);
  }
  /** Rollouts, newest first. */
  async listRollouts(limit, nextToken) {
    return this.query("ROLLOUTS", limit, nextToken, false);
  }
  /**
   * Updates a rollout (optionally only when `condition` holds). Its waves keep their tenant lists
   * only while the whole plan is small: a larger plan keeps counts on the item (the members are in
   * the rollout store's pages), so the item stays under DynamoDB's 400 KB at any fleet size.
   */
  async updateRollout(rolloutId, fields, remove = [], condition) {
    const bounded = fields.waves ? { ...fields, waves: boundedWaves(fields.waves) } : fields;
    return this.update(`ROLLOUT#${rolloutId}`, ROLLOUT_SK, bounded, remove, condition ?? { expression: "attribute_exists(pk)" }, `rollout '${rolloutId}' changed`);
  }
  /**
   * Claims an idempotency key for a request whose fingerprint is `requestHash`. The first claim
   * wins; later claims get the stored answer (or learn the first is still running).
   */
  async claimIdempotencyKey(key, requestHash, now, ttlSeconds) {
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({
          pk: `IDEMPOTENCY#${key}`,
          sk: IDEMPOTENCY_SK,
          requestHash,
          claimedAt: now.toISOString(),
          [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1e3) + ttlSeconds
        }),
        // An expired record that DynamoDB has not deleted yet (TTL deletes lazily) counts as absent.
        ConditionExpression: "attribute_not_exists(pk) OR #ttl < :now",
        ExpressionAttributeNames: { "#ttl": TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ":now": { N: String(Math.floor(now.getTime() / 1e3)) } }
      }));
      return { state: "NEW" };
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
    const existing = await this.get(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK);
    if (!existing) return { state: "IN_PROGRESS" };
    if (existing.requestHash !== requestHash) return { state: "MISMATCH" };
    if (existing.statusCode === void 0 || existing.body === void 0) return { state: "IN_PROGRESS" };
    return { state: "DONE", response: { statusCode: existing.statusCode, body: existing.body } };
  }
  /** Stores the answer of the request that claimed `key`. */
  async completeIdempotencyKey(key, response) {
    await this.update(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK, { statusCode: response.statusCode, body: response.body }, [], { expression: "attribute_exists(pk)" }, "idempotency record vanished");
  }
  /** Forgets a claim whose request failed before it had an answer worth repeating (a 5xx). */
  async releaseIdempotencyKey(key) {
    await this.update(`IDEMPOTENCY#${key}`, IDEMPOTENCY_SK, { [TTL_ATTRIBUTE]: 0 }, [], { expression: "attribute_exists(pk)" }, "idempotency record vanished");
  }
  async get(pk2, sk) {
    const out = await this.client.send(new import_client_dynamodb.GetItemCommand({
      TableName: this.tableName,
      Key: { pk: { S: pk2 }, sk: { S: sk } },
      ConsistentRead: true
    }));
    return out.Item ? stripKeys(unmarshallItem(out.Item)) : void 0;
  }
  async query(gsi1pk, limit, nextToken, forward, sk) {
    const out = await this.client.send(new import_client_dynamodb.QueryCommand({
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: sk ? `gsi1pk = :pk AND ${sk.expression}` : "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: gsi1pk }, ...sk ? { ":bound": { S: sk.value } } : {} },
      ScanIndexForward: forward,
      Limit: limit,
      ExclusiveStartKey: nextToken ? decodeToken(nextToken, gsi1pk, sk) : void 0
    }));
    return {
      items: (out.Items ?? []).map((i) => stripKeys(unmarshallItem(i))),
      nextToken: out.LastEvaluatedKey ? encodeToken(out.LastEvaluatedKey) : void 0
    };
  }
  async update(pk2, sk, set, remove, condition, conflictMessage) {
    const names = { ...condition.names ?? {} };
    const values = {};
    for (const [k, v] of Object.entries(condition.values ?? {})) values[k] = marshallValue(v);
    const sets = [];
    const removes = [];
    Object.entries(set).forEach(([k, v], i) => {
      if (v === void 0) return;
      names[`#s${i}`] = k;
      values[`:s${i}`] = marshallValue(v);
      sets.push(`#s${i} = :s${i}`);
    });
    remove.forEach((k, i) => {
      names[`#r${i}`] = k;
      removes.push(`#r${i}`);
    });
    const expression = [sets.length ? `SET ${sets.join(", ")}` : "", removes.length ? `REMOVE ${removes.join(", ")}` : ""].filter(Boolean).join(" ");
    try {
      const out = await this.client.send(new import_client_dynamodb.UpdateItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: pk2 }, sk: { S: sk } },
        UpdateExpression: expression,
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: Object.keys(names).length ? names : void 0,
        ExpressionAttributeValues: Object.keys(values).length ? values : void 0,
        ReturnValues: "ALL_NEW"
      }));
      return stripKeys(unmarshallItem(out.Attributes ?? {}));
    } catch (e) {
      throw conflictOr(e, conflictMessage);
    }
  }
};
var WAVE_PAGE_SIZE = 200;
var MAX_WAVE_TENANTS_ON_ITEM = 1e3;
function boundedWaves(waves) {
  const listed = waves.reduce((n, w) => n + (Array.isArray(w.tenants) ? w.tenants.length : 0), 0);
  return waves.map((w) => {
    if (!Array.isArray(w.tenants)) return { ...w };
    const count = w.tenants.length;
    const counts = { tenantCount: count, pageCount: Math.max(1, Math.ceil(count / WAVE_PAGE_SIZE)) };
    if (listed <= MAX_WAVE_TENANTS_ON_ITEM) return { ...w, ...counts };
    const { tenants: _inPages, ...rest } = w;
    return { ...rest, ...counts };
  });
}
var INCARNATION_MARK = "~";
function incarnationKey(incarnation) {
  return incarnation === 1 ? "" : `${INCARNATION_MARK}${String(incarnation).padStart(6, "0")}#`;
}
function isConditionalFailure(e) {
  return e?.name === "ConditionalCheckFailedException";
}
function conflictOr(e, message) {
  return isConditionalFailure(e) ? new ConflictError(message) : e;
}
function stripKeys(item) {
  const copy = { ...item };
  for (const k of [...KEY_ATTRIBUTES, TTL_ATTRIBUTE]) delete copy[k];
  return copy;
}
function marshallValue(value) {
  if (value === null) return { NULL: true };
  if (typeof value === "string") return { S: value };
  if (typeof value === "number") return { N: String(value) };
  if (typeof value === "boolean") return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshallValue) };
  if (typeof value === "object") return { M: marshallItem(value) };
  throw new Error(`cannot store a ${typeof value} in the registry`);
}
function marshallItem(obj) {
  const item = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== void 0) item[k] = marshallValue(v);
  }
  return item;
}
function unmarshallValue(value) {
  if (value.S !== void 0) return value.S;
  if (value.N !== void 0) return Number(value.N);
  if (value.BOOL !== void 0) return value.BOOL;
  if (value.NULL !== void 0) return null;
  if (value.L !== void 0) return value.L.map(unmarshallValue);
  if (value.M !== void 0) return unmarshallItem(value.M);
  throw new Error(`unsupported attribute value ${JSON.stringify(value)}`);
}
function unmarshallItem(item) {
  const obj = {};
  for (const [k, v] of Object.entries(item)) obj[k] = unmarshallValue(v);
  return obj;
}
function encodeToken(key) {
  return Buffer.from(JSON.stringify(unmarshallItem(key)), "utf8").toString("base64url");
}
function decodeToken(token, gsi1pk, sk) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new BadTokenError("nextToken is not a token this API returned");
  }
  const obj = parsed;
  if (typeof obj !== "object" || obj === null || obj.gsi1pk !== gsi1pk || Object.keys(obj).some((k) => !KEY_ATTRIBUTES.includes(k)) || Object.values(obj).some((v) => typeof v !== "string")) {
    throw new BadTokenError("nextToken is not a token this API returned for this list");
  }
  const key = String(obj.gsi1sk ?? "");
  if (sk && (sk.expression.startsWith("begins_with") ? !key.startsWith(sk.value) : !(key < sk.value))) {
    throw new BadTokenError("nextToken is not a token this API returned for this incarnation");
  }
  return marshallItem(obj);
}

// src/platform/provisioner/state-machines.lambda-shared.ts
var import_client_cloudformation = require("@aws-sdk/client-cloudformation");
var import_client_sts = require("@aws-sdk/client-sts");

// src/platform/provisioner/rollout-store.lambda-shared.ts
var import_client_dynamodb2 = require("@aws-sdk/client-dynamodb");

// src/platform/provisioner/window.lambda-shared.ts
var DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var MINUTES_PER_DAY = 24 * 60;
var MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
var WINDOW_PATTERN = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/;
function parseWindow(text) {
  const m = WINDOW_PATTERN.exec(String(text).trim().toLowerCase());
  if (!m) return void 0;
  const point = (d, hh, mm) => {
    const day = DAYS.indexOf(d);
    const h = Number(hh);
    const mi = Number(mm);
    if (day < 0 || h > 23 || mi > 59) return void 0;
    return day * MINUTES_PER_DAY + h * 60 + mi;
  };
  const start = point(m[1], m[2], m[3]);
  const end = point(m[4], m[5], m[6]);
  if (start === void 0 || end === void 0) return void 0;
  const duration = ((end - start) % MINUTES_PER_WEEK + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (duration < 30 || duration > 22 * 60 + 30) return void 0;
  return { startMinuteOfWeek: start, durationMinutes: duration };
}
function renderWindow(w) {
  const at = (minute) => {
    const m = (minute % MINUTES_PER_WEEK + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const day = Math.floor(m / MINUTES_PER_DAY);
    const rest = m % MINUTES_PER_DAY;
    return `${DAYS[day]}:${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
  };
  return `${at(w.startMinuteOfWeek)}-${at(w.startMinuteOfWeek + w.durationMinutes)}`;
}
function defaultWindowFor(tenantId) {
  const h = fnv1a(tenantId);
  const day = h % 7;
  const slot = Math.floor(h / 7) % 36;
  return { startMinuteOfWeek: day * MINUTES_PER_DAY + Math.floor(slot / 6) * 60 + slot % 6 * 10, durationMinutes: 30 };
}
function nextWindow(w, now, minimumMinutes = 0) {
  const minuteOfWeek = minutesSinceMonday(now);
  const into = ((minuteOfWeek - w.startMinuteOfWeek) % MINUTES_PER_WEEK + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (into < w.durationMinutes - minimumMinutes) {
    return { inWindow: true, startAt: now.toISOString(), waitSeconds: 0, window: renderWindow(w) };
  }
  const minutesAhead = (MINUTES_PER_WEEK - into) % MINUTES_PER_WEEK || MINUTES_PER_WEEK;
  const ms = minutesAhead * 6e4 - (now.getUTCSeconds() * 1e3 + now.getUTCMilliseconds());
  const start = new Date(now.getTime() + ms);
  return { inWindow: false, startAt: start.toISOString(), waitSeconds: Math.ceil(ms / 1e3), window: renderWindow(w) };
}
function minutesSinceMonday(d) {
  const day = (d.getUTCDay() + 6) % 7;
  return day * MINUTES_PER_DAY + d.getUTCHours() * 60 + d.getUTCMinutes();
}
function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}
function fnv1a(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

// src/platform/provisioner/settings.lambda-shared.ts
function maintenanceWindowOf(spec) {
  const database = spec.database;
  const text = isObject(database) && typeof database.maintenanceWindow === "string" ? database.maintenanceWindow : void 0;
  return (text ? parseWindow(text) : void 0) ?? defaultWindowFor(String(spec.tenantId));
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/platform/provisioner/outcome.lambda-shared.ts
var DEPLOYED = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"];
var KNOCK_ON = /Resource (creation|update) cancelled|Resource handler returned message: "null"|cancelled$/i;
function buildSummary(buildOrCause) {
  let build = buildOrCause;
  if (typeof buildOrCause === "string") {
    try {
      build = JSON.parse(buildOrCause);
    } catch {
      return { reason: buildOrCause.slice(0, 2e3) };
    }
  }
  if (isObject(build) && isObject(build.Build)) build = build.Build;
  if (!isObject(build)) return void 0;
  const phases = Array.isArray(build.Phases) ? build.Phases.filter(isObject) : [];
  const failed = phases.filter((p) => p.PhaseStatus !== void 0 && p.PhaseStatus !== "SUCCEEDED");
  const messages = failed.flatMap((p) => (Array.isArray(p.Contexts) ? p.Contexts.filter(isObject) : []).map((c) => `${p.PhaseType}: ${[c.StatusCode, c.Message].filter(Boolean).join(": ")}`));
  const logs = isObject(build.Logs) ? build.Logs : {};
  return {
    buildId: build.Id,
    buildStatus: build.BuildStatus,
    ...messages.length > 0 ? { reason: messages.join("; ") } : {},
    ...typeof logs.DeepLink === "string" ? { logs: logs.DeepLink } : {}
  };
}
function stackSummary(describeStacks, describeError) {
  if (isObject(describeStacks) && Array.isArray(describeStacks.Stacks) && isObject(describeStacks.Stacks[0])) {
    const s = describeStacks.Stacks[0];
    return { stackStatus: String(s.StackStatus), ...typeof s.StackStatusReason === "string" ? { stackStatusReason: s.StackStatusReason } : {} };
  }
  const cause = isObject(describeError) ? String(describeError.Cause ?? describeError.Error ?? "") : "";
  if (/does not exist/i.test(cause)) return { stackStatus: "NOT_FOUND" };
  return { stackStatus: "UNKNOWN", ...cause ? { stackStatusReason: cause.slice(0, 1e3) } : {} };
}
function failedResources(describeStackEvents, since) {
  if (!isObject(describeStackEvents) || !Array.isArray(describeStackEvents.StackEvents)) return [];
  return describeStackEvents.StackEvents.filter(isObject).filter((e) => typeof e.ResourceStatus === "string" && e.ResourceStatus.endsWith("_FAILED")).filter((e) => timestamp(e.Timestamp) >= since).map((e) => ({
    logicalId: String(e.LogicalResourceId),
    type: String(e.ResourceType),
    status: String(e.ResourceStatus),
    reason: String(e.ResourceStatusReason ?? ""),
    timestamp: timestamp(e.Timestamp)
  })).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
function failureReason(failed, stack, build, error) {
  const root = failed.find((f) => !KNOCK_ON.test(f.reason) && f.logicalId !== "") ?? failed[0];
  if (root) return `${root.logicalId} (${root.type}) ${root.status}: ${root.reason}`;
  if (stack.stackStatusReason && !DEPLOYED.includes(stack.stackStatus)) return `${stack.stackStatus}: ${stack.stackStatusReason}`;
  if (build && typeof build.reason === "string") return `build ${build.buildStatus ?? "FAILED"}: ${build.reason}`;
  if (isObject(error)) return errorText(error);
  return `stack ${stack.stackStatus}`;
}
function isDeployed(stackStatus) {
  return DEPLOYED.includes(stackStatus);
}
function retainedResources(getTemplate) {
  if (!isObject(getTemplate) || typeof getTemplate.TemplateBody !== "string") return [];
  let template;
  try {
    template = JSON.parse(getTemplate.TemplateBody);
  } catch {
    return [];
  }
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  return Object.entries(resources).filter(([, r]) => isObject(r) && ["Retain", "RetainExceptOnCreate", "Snapshot"].includes(String(r.DeletionPolicy))).map(([logicalId, r]) => {
    const resource = r;
    return { logicalId, type: String(resource.Type), policy: String(resource.DeletionPolicy) };
  }).sort((a, b) => a.logicalId.localeCompare(b.logicalId));
}
function driftedResources(describeDrifts) {
  if (!isObject(describeDrifts) || !Array.isArray(describeDrifts.StackResourceDrifts)) return [];
  return describeDrifts.StackResourceDrifts.filter(isObject).filter((d) => d.StackResourceDriftStatus !== "IN_SYNC" && d.StackResourceDriftStatus !== "NOT_CHECKED").map((d) => ({
    logicalId: String(d.LogicalResourceId),
    type: String(d.ResourceType),
    status: String(d.StackResourceDriftStatus),
    differences: (Array.isArray(d.PropertyDifferences) ? d.PropertyDifferences.filter(isObject) : []).map((p) => ({
      path: String(p.PropertyPath),
      ...p.ExpectedValue !== void 0 ? { expected: String(p.ExpectedValue) } : {},
      ...p.ActualValue !== void 0 ? { actual: String(p.ActualValue) } : {},
      kind: String(p.DifferenceType)
    }))
  }));
}
function timestamp(value) {
  if (typeof value === "number") return new Date(value).toISOString();
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}
function errorText(error) {
  const cause = String(error.Cause ?? "");
  try {
    const parsed = JSON.parse(cause);
    if (isObject(parsed) && typeof parsed.errorMessage === "string") return `${parsed.errorType ?? error.Error}: ${parsed.errorMessage}`.slice(0, 2e3);
  } catch {
  }
  return `${error.Error ?? "Error"}: ${cause}`.slice(0, 2e3);
}
var MANIFEST_OUTPUT = /^TenantManifest[A-Za-z0-9]*$/;
var LOG_GROUP_ENTRY = /(^|\/)log-group-name$/;
function tenantLogGroups(describeStacks) {
  if (!isObject(describeStacks) || !Array.isArray(describeStacks.Stacks) || !isObject(describeStacks.Stacks[0])) return void 0;
  const outputs = Array.isArray(describeStacks.Stacks[0].Outputs) ? describeStacks.Stacks[0].Outputs.filter(isObject) : [];
  let found = false;
  const groups = [];
  for (const o of outputs) {
    if (typeof o.OutputKey !== "string" || !MANIFEST_OUTPUT.test(o.OutputKey) || typeof o.OutputValue !== "string") continue;
    let entries;
    try {
      entries = JSON.parse(o.OutputValue);
    } catch {
      continue;
    }
    if (!isObject(entries)) continue;
    found = true;
    for (const [entry, value] of Object.entries(entries)) {
      if (LOG_GROUP_ENTRY.test(entry) && typeof value === "string" && !groups.includes(value)) groups.push(value);
    }
  }
  return found ? groups : void 0;
}

// src/platform/provisioner/workflow-external-id.lambda-shared.ts
var import_client_ssm = require("@aws-sdk/client-ssm");
function ssmExternalIdStore(client2, keyId) {
  return {
    async put(name, value) {
      await client2.send(new import_client_ssm.PutParameterCommand({
        Name: name,
        Value: value,
        Type: "SecureString",
        ...keyId ? { KeyId: keyId } : {},
        Overwrite: true,
        Tier: "Standard",
        Description: "cdk-tenant-blocks provisioner: the link external id of one tenant, read by its build"
      }));
    },
    async delete(name) {
      try {
        await client2.send(new import_client_ssm.DeleteParameterCommand({ Name: name }));
      } catch (e) {
        if (e instanceof import_client_ssm.ParameterNotFound || e?.name === "ParameterNotFound") return;
        throw e;
      }
    }
  };
}
function memoryExternalIdStore(values = /* @__PURE__ */ new Map()) {
  return {
    values,
    async put(name, value) {
      values.set(name, value);
    },
    async delete(name) {
      values.delete(name);
    }
  };
}

// src/platform/provisioner/workflow.lambda-shared.ts
var MEMORY_EXTERNAL_IDS = memoryExternalIdStore();
function externalIdStoreOf(deps) {
  return deps.externalIds ?? MEMORY_EXTERNAL_IDS;
}
var StepError = class extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
};
async function runStep(event, deps) {
  switch (event.action) {
    case "begin":
      return begin(event, deps);
    case "acquire":
      return acquire(event, deps);
    case "window":
      return window(event, deps);
    case "record":
      return record(event, deps);
    case "plan":
      return plan(event, deps);
    case "evaluate":
      return evaluate(event, deps);
    case "awaitApproval":
      return awaitApproval(event, deps);
    case "finishRollout":
      return finishRollout(event, deps);
    case "abandoned":
      return abandoned(event, deps);
    default:
      throw new StepError("UnknownAction", `unknown action ${JSON.stringify(event.action)}`);
  }
}
async function begin(step, deps) {
  const { registry: registry2, config: config2 } = deps;
  const event = isObject(step.input) ? { ...step.input, executionArn: step.executionArn } : step;
  const now = clock(deps);
  const operationId = String(event.operationId);
  const tenantId = String(event.tenantId);
  const rolloutId = typeof event.rolloutId === "string" ? event.rolloutId : void 0;
  const tenant = await registry2.getTenant(tenantId);
  if (!tenant) throw new StepError("TenantNotFound", `no tenant '${tenantId}' in the registry`);
  let op = await registry2.getOperation(operationId);
  if (!op && rolloutId) {
    const release = String(event.release);
    op = {
      operationId,
      tenantId,
      incarnation: tenant.incarnation ?? 1,
      type: "DEPLOY",
      status: "PENDING",
      requestedBy: `rollout:${rolloutId}`,
      requestedAt: now.toISOString(),
      specVersion: tenant.deployedVersion ?? tenant.version,
      release,
      rolloutId,
      changes: [{ path: "(release)", from: tenant.deployedRelease ?? null, to: release }],
      executionArn: typeof event.executionArn === "string" ? event.executionArn : void 0,
      outcome: { stackName: tenantStackName(tenantId) },
      ...deployedSpecOf(tenant) ? { spec: deployedSpecOf(tenant) } : {}
    };
    await registry2.putOperation(op).catch((e) => {
      if (!(e instanceof ConflictError)) throw e;
    });
    op = await registry2.getOperation(operationId);
  }
  if (!op) throw new StepError("OperationNotFound", `no operation '${operationId}' in the registry`);
  if (op.status === "SKIPPED") return context(config2, tenant, op, event, true, now, op.reason);
  const base = context(config2, tenant, op, event, false, now);
  if (tenant.lockOperationId === operationId && (tenant.lockExpiresAt ?? "") > now.toISOString()) {
    return acquire({ context: { ...base, locked: true } }, deps);
  }
  if (!rolloutId && !op.scheduled) {
    throw new StepError("LockLost", `tenant '${tenantId}' is not locked by operation '${operationId}' (lock: ${tenant.lockOperationId ?? "none"}); the lock may have expired`);
  }
  if (base.waitForWindow && step.lockAfterWindow === true) {
    if (rolloutId && op.status === "PENDING") {
      const reason = rolloutSkipReason(tenant, op, now, false);
      if (reason) return skipOperation(deps, base, reason);
    }
    return { ...base, locked: false };
  }
  return acquire({ context: { ...base, locked: false } }, deps);
}
async function acquire(event, deps) {
  const { registry: registry2, config: config2 } = deps;
  const ctx = event.context;
  const now = clock(deps);
  let op = await registry2.getOperation(ctx.operationId);
  if (!op) throw new StepError("OperationNotFound", `no operation '${ctx.operationId}' in the registry`);
  if (op.status === "SKIPPED") return { ...ctx, skip: true, skipReason: op.reason ?? "skipped" };
  let tenant = await registry2.getTenant(ctx.tenantId);
  if (!tenant) throw new StepError("TenantNotFound", `no tenant '${ctx.tenantId}' in the registry`);
  if (op.rolloutId) {
    const reason = rolloutSkipReason(tenant, op, now, true);
    if (reason) return skipOperation(deps, ctx, reason);
  }
  const expiresAt = new Date(now.getTime() + config2.lockTtlSeconds * 1e3).toISOString();
  const specVersion = op.scheduled && (op.type === "CREATE" || op.type === "UPDATE") ? op.specVersion : void 0;
  try {
    tenant = await registry2.lockTenant(ctx.tenantId, ctx.operationId, expiresAt, now.toISOString(), {
      op: op.type,
      specVersion,
      incarnation: op.incarnation ?? 1,
      fields: { lastOperationId: op.operationId }
    });
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    const seen = await registry2.getTenant(ctx.tenantId);
    const reason = !seen ? "the tenant no longer exists" : (seen.incarnation ?? 1) !== (op.incarnation ?? 1) ? "the tenant was destroyed and created again since this operation was asked for" : !lockStates(op.type).includes(seen.state) ? `the tenant is ${seen.state}: ${op.type} is not possible in that state` : specVersion !== void 0 && seen.version !== specVersion ? `superseded: the tenant moved on to version ${seen.version} (operation ${seen.lastOperationId ?? "unknown"}) before the window; that change deploys the newer spec` : `the tenant was busy with operation ${seen.lockOperationId ?? "unknown"}`;
    if (op.rolloutId || op.scheduled) return skipOperation(deps, ctx, reason);
    throw new StepError("LockLost", `tenant '${ctx.tenantId}' could not be locked for operation '${ctx.operationId}': ${reason}`);
  }
  if (op.status === "PENDING") {
    const step = op.type === "DESTROY" ? "DESTROYING" : op.type === "DRIFT" ? "DETECTING_DRIFT" : "DEPLOYING";
    op = await registry2.updateOperation(ctx.operationId, ["PENDING"], { status: "RUNNING", startedAt: now.toISOString(), step });
  } else if (op.step === "WAITING_FOR_WINDOW") {
    op = await registry2.updateOperation(ctx.operationId, ["RUNNING"], { step: op.type === "DESTROY" ? "DESTROYING" : "DEPLOYING" });
  }
  const locked = { ...context(config2, tenant, op, { waitForWindow: ctx.waitForWindow }, false, now), locked: true };
  if (locked.action !== "drift") await writeExternalId(deps, tenant, locked);
  if (locked.action === "deploy" && tenant.codePush && deps.restoreCode) return { ...locked, codeRestoredBeforeBuild: await restoreBeforeBuild(deps, tenant) };
  return locked;
}
async function restoreBeforeBuild(deps, tenant) {
  const push = tenant.codePush;
  try {
    const restored = await deps.restoreCode(tenant);
    return { pushOperationId: push.operationId, releaseSha256: restored.codeSha256 };
  } catch (e) {
    throw new StepError("CodeRestoreFailed", `tenant '${tenant.tenantId}' runs pushed code (push ${push.operationId}) and the release's code could not be put back before the build: ${String(e?.message ?? e).slice(0, 500)}; nothing was deployed`);
  }
}
async function writeExternalId(deps, tenant, ctx) {
  if (!tenant.externalId) {
    throw new StepError("NoExternalId", `tenant '${tenant.tenantId}' has no link external id in the registry: the build would synthesize a link with a new one`);
  }
  await externalIdStoreOf(deps).put(ctx.externalIdParameter, tenant.externalId);
}
function rolloutSkipReason(tenant, op, now, checkLock) {
  if ((tenant.incarnation ?? 1) !== (op.incarnation ?? 1)) return "the tenant was destroyed and created again since the rollout was planned";
  if (tenant.state !== "ACTIVE") return `the tenant is ${tenant.state}: rollouts move ACTIVE tenants only`;
  if (!deployedSpecOf(tenant)) return "nothing was ever deployed for this tenant";
  if (tenant.deployedRelease === op.release && !tenant.codePush) return `already on release ${op.release}`;
  if (checkLock && tenant.lockOperationId && tenant.lockOperationId !== op.operationId && (tenant.lockExpiresAt ?? "") > now.toISOString()) {
    return `the tenant was busy with operation ${tenant.lockOperationId}; it keeps release ${tenant.deployedRelease ?? "unknown"} for now`;
  }
  return void 0;
}
async function skipOperation(deps, ctx, reason) {
  const now = clock(deps).toISOString();
  await deps.registry.updateOperation(ctx.operationId, ["PENDING"], { status: "SKIPPED", reason, finishedAt: now, durationSeconds: 0 }).catch((e) => {
    if (!(e instanceof ConflictError)) throw e;
  });
  return { ...ctx, skip: true, skipReason: reason, locked: false };
}
function context(config2, tenant, op, event, skip, now, skipReason) {
  const action = op.type === "DESTROY" ? "destroy" : op.type === "DRIFT" ? "drift" : "deploy";
  return {
    operationId: op.operationId,
    tenantId: tenant.tenantId,
    type: op.type,
    action,
    account: tenant.account,
    region: tenant.region,
    stackName: tenantStackName(tenant.tenantId),
    deployRoleArn: deployRoleArn(config2, tenant.account, tenant.region),
    observerRoleArn: observerRoleArn(config2, tenant.account, tenant.region),
    buildRoleArn: buildRoleArn(config2, tenant.account),
    release: op.release,
    sourceLocation: sourceLocationOf(config2, op.release) ?? "",
    // What this operation deploys (its own spec), else the tenant's (a destroy, a drift).
    specJson: JSON.stringify(op.spec ?? tenant.spec),
    externalIdParameter: externalIdParameterName(config2, tenant.account, tenant.tenantId),
    waitForWindow: event.waitForWindow === true,
    skip,
    // Always set when skipped: the state machine may carry it into the wave's results.
    ...skip ? { skipReason: skipReason ?? "skipped" } : {},
    startedAt: op.startedAt ?? now.toISOString()
  };
}
async function window(event, deps) {
  const ctx = event.context;
  const spec = JSON.parse(ctx.specJson);
  const next = nextWindow(maintenanceWindowOf(spec), clock(deps));
  if (!next.inWindow) {
    await deps.registry.updateOperation(ctx.operationId, ["PENDING", "RUNNING"], { step: "WAITING_FOR_WINDOW", waitingUntil: next.startAt }).catch((e) => {
      if (!(e instanceof ConflictError)) throw e;
    });
  }
  return { ...next };
}
async function record(event, deps) {
  const { registry: registry2 } = deps;
  const s = isObject(event.state) ? event.state : event;
  const now = clock(deps);
  const ctx = isObject(s.context) ? s.context : fallbackContext(s, now);
  const error = isObject(s.error) ? s.error : void 0;
  const buildError = isObject(s.buildError) ? s.buildError : void 0;
  const build = buildSummary(s.build ?? buildError?.Cause);
  const stack = stackSummary(s.stack, s.stackError);
  const failed = failedResources(s.events, ctx.startedAt);
  let succeeded;
  const outcome = { stackName: ctx.stackName, ...stack, ...build ? { build } : {} };
  if (failed.length > 0) outcome.failedResources = failed;
  if (ctx.action === "drift") {
    const drifted = driftedResources(s.drifts);
    const detection = isObject(s.detection) ? s.detection : {};
    outcome.drift = { status: detection.StackDriftStatus ?? (drifted.length > 0 ? "DRIFTED" : "UNKNOWN"), driftedResourceCount: drifted.length, resources: drifted };
    succeeded = !error && detection.DetectionStatus === "DETECTION_COMPLETE";
  } else if (ctx.action === "destroy") {
    outcome.retained = retainedResources(s.template);
    succeeded = !error && !buildError && (stack.stackStatus === "NOT_FOUND" || stack.stackStatus === "DELETE_COMPLETE");
  } else {
    succeeded = !error && !buildError && isDeployed(stack.stackStatus);
  }
  let status = succeeded ? "SUCCEEDED" : "FAILED";
  let reason = succeeded ? void 0 : failureReason(failed, stack, build, error ?? buildError);
  const op = await registry2.getOperation(ctx.operationId);
  const started = op?.startedAt ?? ctx.startedAt;
  const durationSeconds = Math.max(0, Math.round((now.getTime() - new Date(started).getTime()) / 1e3));
  const tenant = await registry2.getTenant(ctx.tenantId);
  const type = op?.type ?? ctx.type;
  const deploys = LIFECYCLE[type]?.deploys === true;
  const tenantFields = stack.stackStatus === "UNKNOWN" || ctx.action === "drift" ? {} : { lastStackStatus: stack.stackStatus };
  let unlocked = false;
  if (tenant) {
    const everDeployed = deployedSpecOf(tenant) !== void 0 || succeeded && deploys;
    tenantFields.state = stateAfter(tenant.state, type, succeeded, everDeployed);
    if (succeeded && deploys && op) {
      const spec = op.spec ?? tenant.spec;
      Object.assign(tenantFields, {
        deployedSpec: spec,
        deployedTier: String(spec.tier),
        deployedVersion: op.specVersion,
        deployedRelease: op.release,
        // A rollout's release becomes the tenant's release too (a later change keeps it).
        ...type === "DEPLOY" ? { release: op.release } : {}
      });
      const logGroups = tenantLogGroups(s.stack);
      if (logGroups) tenantFields.logGroups = logGroups;
    }
    if (succeeded && deploys && tenant.codePush && tenant.lockOperationId === ctx.operationId) {
      outcome.codePush = await restorePushedCode(deps, tenant, ctx.codeRestoredBeforeBuild);
    }
    unlocked = await registry2.unlockTenant(ctx.tenantId, ctx.operationId, tenantFields, tenant.state);
    if (!unlocked && succeeded && tenant.lockOperationId !== ctx.operationId && (op?.status === "PENDING" || op?.status === "RUNNING")) {
      status = "FAILED";
      reason = `the ${ctx.action} finished (${stack.stackStatus}) after this operation had lost the tenant's lock (now ${tenant.lockOperationId ?? "none"}); the registry was not changed: run it again`;
    }
  }
  if (ctx.action === "destroy" && status === "SUCCEEDED" && ctx.externalIdParameter) {
    await externalIdStoreOf(deps).delete(ctx.externalIdParameter);
  }
  await registry2.updateOperation(ctx.operationId, ["PENDING", "RUNNING"], {
    status,
    outcome,
    finishedAt: now.toISOString(),
    durationSeconds,
    step: "DONE",
    ...reason ? { reason: reason.slice(0, 2e3) } : {}
  }).catch((e) => {
    if (!(e instanceof ConflictError)) throw e;
  });
  return {
    status,
    unlocked,
    event: {
      operationId: ctx.operationId,
      tenantId: ctx.tenantId,
      account: ctx.account,
      type: ctx.type,
      status,
      stackStatus: stack.stackStatus,
      release: ctx.release,
      durationSeconds,
      ...reason ? { reason } : {},
      ...op?.rolloutId ? { rolloutId: op.rolloutId } : {}
    }
  };
}
async function restorePushedCode(deps, tenant, before) {
  const push = tenant.codePush;
  const replaced = { pushOperationId: push.operationId, pushedSha256: push.sha256, pushedAt: push.at };
  const restoredBefore = before?.pushOperationId === push.operationId ? before : void 0;
  const beforeBuild = restoredBefore ? { restoredBeforeBuild: true } : {};
  try {
    if (!deps.restoreCode) {
      if (!restoredBefore) return { ...replaced, restored: false, reason: "no code-push target: the function still runs the pushed code" };
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restoredBefore.releaseSha256 };
    }
    try {
      const restored = await deps.restoreCode(tenant);
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restored.codeSha256 };
    } catch (e) {
      if (!restoredBefore) throw e;
      await deps.registry.clearCodePush(tenant.tenantId, push.operationId);
      return { ...replaced, restored: true, ...beforeBuild, releaseSha256: restoredBefore.releaseSha256, afterBuild: `not repeated: ${String(e?.message ?? e).slice(0, 300)}` };
    }
  } catch (e) {
    return { ...replaced, restored: false, reason: `the release's code could not be put back: ${String(e?.message ?? e).slice(0, 500)}` };
  }
}
function fallbackContext(s, now) {
  const type = String(s.type ?? "UPDATE");
  const tenantId = String(s.tenantId);
  return {
    operationId: String(s.operationId),
    tenantId,
    type,
    action: type === "DESTROY" ? "destroy" : type === "DRIFT" ? "drift" : "deploy",
    account: "",
    region: "",
    stackName: tenantStackName(tenantId),
    deployRoleArn: "",
    observerRoleArn: "",
    buildRoleArn: "",
    release: typeof s.release === "string" ? s.release : "",
    sourceLocation: "",
    specJson: "{}",
    externalIdParameter: "",
    waitForWindow: false,
    skip: false,
    startedAt: now.toISOString()
  };
}
async function plan(event, deps) {
  const { registry: registry2 } = deps;
  const rolloutId = String(event.rolloutId);
  const rollout = await registry2.getRollout(rolloutId);
  if (!rollout) throw new StepError("RolloutNotFound", `no rollout '${rolloutId}'`);
  const req = rollout.request;
  const tenants = [];
  let token;
  do {
    const page = await registry2.listTenants(100, token);
    tenants.push(...page.items);
    token = page.nextToken;
  } while (token);
  const eligible = tenants.filter((t) => t.state === "ACTIVE" && deployedSpecOf(t) !== void 0);
  const todo = eligible.filter((t) => t.deployedRelease !== req.release || t.codePush !== void 0);
  const skipped = eligible.length - todo.length;
  const todoIds = new Set(todo.map((t) => t.tenantId));
  const byId = new Map(tenants.map((t) => [t.tenantId, t]));
  const canariesOutOfPlan = req.canaries.filter((c) => !todoIds.has(c)).map((c) => {
    const t = byId.get(c);
    return { tenantId: c, reason: !t ? "no such tenant" : t.state !== "ACTIVE" ? `the tenant is ${t.state}` : t.deployedRelease === req.release && !t.codePush ? `already on release ${req.release}` : "nothing was ever deployed" };
  });
  if (req.canaries.length > 0 && canariesOutOfPlan.length === req.canaries.length && todo.length > 0) {
    throw new StepError("CanariesNotInPlan", `none of the canaries is in the plan (${canariesOutOfPlan.map((c) => `${c.tenantId}: ${c.reason}`).join("; ").slice(0, 1e3)}): the rollout would have no canary wave; name other canaries`);
  }
  const waves = splitWaves(todo.map((t) => t.tenantId), req.canaries, req.canaryPercent, req.waveSize);
  const items = waves.map((ids) => ids.map((tenantId) => ({ tenantId, operationId: `${rolloutId}-${tenantId}` })));
  await registry2.updateRollout(rolloutId, {
    status: "RUNNING",
    waves: waves.map((ids, index) => ({ index, tenants: ids, status: "PENDING" })),
    results: [],
    skippedTenants: skipped,
    ...canariesOutOfPlan.length > 0 ? { canariesOutOfPlan } : {}
  });
  return {
    rolloutId,
    release: req.release,
    waves: items,
    waveCount: items.length,
    waveIndex: 0,
    maxConcurrency: req.maxConcurrency,
    toleratedFailurePercentage: req.toleratedFailurePercentage,
    approvalBetweenWaves: req.approvalBetweenWaves,
    waitForWindow: req.respectMaintenanceWindows,
    skipped
  };
}
function splitWaves(tenantIds, canaries, canaryPercent, waveSize) {
  if (tenantIds.length === 0) return [];
  const sorted = [...tenantIds].sort();
  const first = canaries.length > 0 ? sorted.filter((t) => canaries.includes(t)) : sorted.slice(0, canaryPercent > 0 ? Math.max(1, Math.floor(sorted.length * canaryPercent / 100)) : 0);
  const rest = sorted.filter((t) => !first.includes(t));
  const waves = first.length > 0 ? [first] : [];
  const size = waveSize > 0 ? waveSize : rest.length;
  for (let i = 0; i < rest.length; i += size) waves.push(rest.slice(i, i + size));
  return waves;
}
async function evaluate(event, deps) {
  const { registry: registry2 } = deps;
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const tolerated = Number(event.toleratedFailurePercentage);
  const results = (Array.isArray(event.results) ? event.results : []).filter(isObject).map((r) => ({
    tenantId: String(r.tenantId),
    operationId: String(r.operationId),
    status: String(r.status ?? "FAILED"),
    ...r.reason !== void 0 ? { reason: String(r.reason).slice(0, 1e3) } : {}
  }));
  const rollout = await registry2.getRollout(rolloutId);
  const all = [...rollout?.results ?? [], ...results.map((r) => ({ ...r, wave: waveIndex }))];
  const attempted = all.filter((r) => r.status !== "SKIPPED").length;
  const failed = all.filter((r) => r.status === "FAILED").length;
  const failurePercentage = attempted === 0 ? 0 : Math.round(failed * 1e4 / attempted) / 100;
  const crossed = failed > 0 && failurePercentage > tolerated;
  const waves = (rollout?.waves ?? []).map((w) => Number(w.index) === waveIndex ? { ...w, status: crossed ? "FAILED" : "DONE" } : w);
  await registry2.updateRollout(rolloutId, { results: all, waves, failurePercentage });
  return {
    crossed,
    failed,
    attempted,
    failurePercentage,
    nextWaveIndex: waveIndex + 1,
    hasMoreWaves: waveIndex + 1 < Number(event.waveCount)
  };
}
async function awaitApproval(event, deps) {
  await deps.registry.updateRollout(String(event.rolloutId), {
    status: "AWAITING_APPROVAL",
    approvalToken: String(event.taskToken),
    awaitingApprovalForWave: Number(event.waveIndex)
  });
  return {};
}
async function finishRollout(event, deps) {
  const status = String(event.status);
  const reason = typeof event.reason === "string" ? event.reason : void 0;
  await deps.registry.updateRollout(String(event.rolloutId), { status, finishedAt: clock(deps).toISOString(), ...reason ? { reason } : {} }, ["approvalToken", "awaitingApprovalForWave"]);
  return { rolloutId: event.rolloutId, status, ...reason ? { reason } : {} };
}
function clock(deps) {
  return (deps.now ?? (() => /* @__PURE__ */ new Date()))();
}
async function abandoned(event, deps) {
  const detail = isObject(event.detail) ? event.detail : event;
  const operationId = String(detail.name);
  const status = String(detail.status);
  const op = await deps.registry.getOperation(operationId);
  if (!op) return { operationId, recorded: false };
  const now = clock(deps);
  let recorded = true;
  try {
    await deps.registry.updateOperation(operationId, ["PENDING", "RUNNING"], {
      status: "FAILED",
      reason: `the workflow execution ${status === "TIMED_OUT" ? "timed out" : status.toLowerCase()} before it recorded an outcome`,
      finishedAt: now.toISOString()
    });
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    recorded = false;
  }
  const unlocked = await deps.registry.unlockTenant(op.tenantId, operationId, {});
  return { operationId, recorded, unlocked };
}

// src/platform/provisioner/rollout-store.lambda-shared.ts
var MAX_RESULT_REASON = 500;
var MAX_FAILURE_SAMPLES = 20;
var FINAL = ["SUCCEEDED", "FAILED", "STOPPED"];
var pad2 = (n) => String(n).padStart(5, "0");
var pk = (rolloutId) => `ROLLOUT#${rolloutId}`;
function reasonOf(text) {
  const s = String(text ?? "");
  return s.length <= MAX_RESULT_REASON ? s : `${s.slice(0, MAX_RESULT_REASON - 1)}\u2026`;
}
async function planRollout(event, deps) {
  const rolloutId = String(event.rolloutId);
  const plan2 = await runStep({ action: "plan", rolloutId }, deps);
  const waves = Array.isArray(plan2.waves) ? plan2.waves : [];
  for (const [w, items] of waves.entries()) {
    const pageCount = Math.max(1, Math.ceil(items.length / WAVE_PAGE_SIZE));
    for (let p = 0; p < pageCount; p++) {
      const page = items.slice(p * WAVE_PAGE_SIZE, (p + 1) * WAVE_PAGE_SIZE).map((i) => ({ tenantId: String(i.tenantId), operationId: String(i.operationId) }));
      await deps.client.send(new import_client_dynamodb2.PutItemCommand({
        TableName: deps.config.tableName,
        Item: marshallItem({ pk: pk(rolloutId), sk: `WAVE#${pad2(w)}#PAGE#${pad2(p)}`, items: page, pageCount, tenantCount: items.length })
      }));
    }
  }
  const { waves: _omitted, ...rest } = plan2;
  return { ...rest, waveCount: waves.length, waveIndex: 0 };
}
async function readWavePage(event, deps) {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const page = Number(event.page ?? 0);
  const out = await deps.client.send(new import_client_dynamodb2.GetItemCommand({
    TableName: deps.config.tableName,
    Key: marshallItem({ pk: pk(rolloutId), sk: `WAVE#${pad2(waveIndex)}#PAGE#${pad2(page)}` }),
    ConsistentRead: true
  }));
  if (!out.Item) throw new StepError("WavePageNotFound", `rollout '${rolloutId}' has no page ${page} of wave ${waveIndex}`);
  const item = unmarshallItem(out.Item);
  return { index: waveIndex, page, items: item.items, hasMorePages: page + 1 < Number(item.pageCount) };
}
async function recordWavePage(event, deps) {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const page = Number(event.page ?? 0);
  const raw = (Array.isArray(event.results) ? event.results : []).filter(isObject);
  const results = [];
  for (const r of raw) {
    const status = String(r.status ?? "FAILED");
    const result = { tenantId: String(r.tenantId), operationId: String(r.operationId), status };
    if (status === "FAILED" || status === "SKIPPED") {
      const op = await deps.registry.getOperation(String(r.operationId)).catch(() => void 0);
      const reason = op?.reason ?? (status === "FAILED" ? `the operation execution failed (${String(r.error ?? "no outcome recorded")})` : void 0);
      if (reason) result.reason = reasonOf(reason);
    }
    results.push(result);
  }
  await deps.client.send(new import_client_dynamodb2.PutItemCommand({
    TableName: deps.config.tableName,
    Item: marshallItem({ pk: pk(rolloutId), sk: `RESULT#${pad2(waveIndex)}#${pad2(page)}`, wave: waveIndex, results })
  }));
  return { recorded: results.length, failed: results.filter((r) => r.status === "FAILED").length };
}
async function storedResults(deps, rolloutId) {
  const all = [];
  let start;
  do {
    const out = await deps.client.send(new import_client_dynamodb2.QueryCommand({
      TableName: deps.config.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: marshallItem({ ":pk": pk(rolloutId), ":prefix": "RESULT#" }),
      ExclusiveStartKey: start,
      ConsistentRead: true
    }));
    for (const item of out.Items ?? []) {
      const page = unmarshallItem(item);
      const wave = Number(page.wave);
      for (const r of (Array.isArray(page.results) ? page.results : []).filter(isObject)) all.push({ ...r, wave });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return all;
}
async function evaluateStoredWave(event, deps) {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const tolerated = Number(event.toleratedFailurePercentage);
  const all = await storedResults(deps, rolloutId);
  const attempted = all.filter((r) => r.status !== "SKIPPED").length;
  const failedResults = all.filter((r) => r.status === "FAILED");
  const failed = failedResults.length;
  const failurePercentage = attempted === 0 ? 0 : Math.round(failed * 1e4 / attempted) / 100;
  const crossed = failed > 0 && failurePercentage > tolerated;
  const rollout = await deps.registry.getRollout(rolloutId);
  const waves = (rollout?.waves ?? []).map((w) => Number(w.index) === waveIndex ? { ...w, status: crossed ? "FAILED" : "DONE" } : w);
  const counts = {
    attempted,
    failed,
    succeeded: all.filter((r) => r.status === "SUCCEEDED").length,
    skipped: all.filter((r) => r.status === "SKIPPED").length
  };
  await deps.registry.updateRollout(rolloutId, {
    waves,
    failurePercentage,
    resultCounts: counts,
    failures: failedResults.slice(0, MAX_FAILURE_SAMPLES)
  });
  return { crossed, failed, attempted, failurePercentage, nextWaveIndex: waveIndex + 1, hasMoreWaves: waveIndex + 1 < Number(event.waveCount) };
}
async function abandonedRollout(event, deps) {
  const detail = isObject(event.detail) ? event.detail : event;
  const rolloutId = String(detail.name);
  const status = String(detail.status);
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout || FINAL.includes(rollout.status) || rollout.finishedAt) return { rolloutId, recorded: false };
  const how = status === "TIMED_OUT" ? "timed out" : status === "ABORTED" ? "was stopped" : status.toLowerCase();
  const cause = typeof detail.cause === "string" && detail.cause ? `: ${reasonOf(detail.cause)}` : "";
  try {
    await deps.registry.updateRollout(rolloutId, {
      status: "FAILED",
      reason: `the rollout execution ${how} before it recorded its end${cause}`,
      finishedAt: (deps.now ?? (() => /* @__PURE__ */ new Date()))().toISOString()
    }, ["approvalToken", "awaitingApprovalForWave"], {
      expression: "attribute_exists(pk) AND NOT (#rs IN (:succeeded, :failed, :stopped))",
      names: { "#rs": "status" },
      values: { ":succeeded": "SUCCEEDED", ":failed": "FAILED", ":stopped": "STOPPED" }
    });
  } catch (e) {
    if (e instanceof ConflictError) return { rolloutId, recorded: false };
    throw e;
  }
  return { rolloutId, recorded: true };
}

// src/platform/provisioner/state-machines.lambda-shared.ts
var MAX_FAILED_EVENTS = 25;
var MAX_EVENT_PAGES = 10;
var MAX_RETAINED = 100;
var MAX_DRIFTED = 50;
var MAX_DIFFERENCES = 20;
var MAX_TEXT = 1e3;
async function runStateMachineStep(event, deps) {
  switch (event.action) {
    case "stackEvents":
      return stackEvents(event, deps);
    case "retainedResources":
      return retainedTemplate(event, deps);
    case "driftedResources":
      return driftedResources2(event, deps);
    case "planRollout":
      return planRollout(event, deps);
    case "readWavePage":
      return readWavePage(event, deps);
    case "recordWavePage":
      return recordWavePage(event, deps);
    case "evaluateStoredWave":
      return evaluateStoredWave(event, deps);
    case "abandonedRollout":
      return abandonedRollout(event, deps);
    default:
      return runStep(event, deps);
  }
}
function truncate(text, max = MAX_TEXT) {
  const s = String(text ?? "");
  return s.length <= max ? s : `${s.slice(0, max - 1)}\u2026`;
}
function readerOf(event, deps) {
  const ctx = isObject(event.context) ? event.context : {};
  const stackName = String(ctx.stackName ?? "");
  if (!stackName || !ctx.observerRoleArn) throw new StepError("NoContext", "the operation has no stack context");
  return { reader: deps.stacks(String(ctx.observerRoleArn), String(ctx.region || deps.config.region)), stackName, since: String(ctx.startedAt ?? "") };
}
function missing(e) {
  return /does not exist/i.test(String(e?.message ?? e));
}
function stackError(e) {
  return new StepError("StackReadFailed", truncate(`${e?.name ?? "Error"}: ${e?.message ?? e}`));
}
function isoOf(value) {
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}
async function stackEvents(event, deps) {
  const { reader, stackName, since } = readerOf(event, deps);
  const failed = [];
  let token;
  let pages = 0;
  try {
    do {
      const page = await reader.describeStackEvents(stackName, token);
      pages++;
      const events = (page.StackEvents ?? []).filter(isObject);
      for (const e of events) {
        if (typeof e.ResourceStatus === "string" && e.ResourceStatus.endsWith("_FAILED") && isoOf(e.Timestamp) >= since) {
          failed.push({
            LogicalResourceId: truncate(e.LogicalResourceId, 256),
            ResourceType: truncate(e.ResourceType, 256),
            ResourceStatus: e.ResourceStatus,
            ResourceStatusReason: truncate(e.ResourceStatusReason),
            Timestamp: isoOf(e.Timestamp)
          });
        }
      }
      const older = events.some((e) => isoOf(e.Timestamp) < since);
      token = older ? void 0 : page.NextToken;
    } while (token && pages < MAX_EVENT_PAGES);
  } catch (e) {
    if (missing(e)) return { StackEvents: [] };
    throw stackError(e);
  }
  failed.sort((a, b) => String(a.Timestamp).localeCompare(String(b.Timestamp)));
  const omitted = failed.length - MAX_FAILED_EVENTS;
  return { StackEvents: failed.slice(0, MAX_FAILED_EVENTS), ...omitted > 0 ? { omittedEvents: omitted } : {} };
}
async function retainedTemplate(event, deps) {
  const { reader, stackName } = readerOf(event, deps);
  let body;
  try {
    body = (await reader.getTemplate(stackName)).TemplateBody ?? "";
  } catch (e) {
    if (missing(e)) return { TemplateBody: '{"Resources":{}}', retainedCount: 0 };
    throw stackError(e);
  }
  let template;
  try {
    template = JSON.parse(body);
  } catch {
    return { TemplateBody: '{"Resources":{}}', retainedCount: 0, unreadable: true };
  }
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  const retained = Object.entries(resources).filter(([, r]) => isObject(r) && ["Retain", "RetainExceptOnCreate", "Snapshot"].includes(String(r.DeletionPolicy))).sort(([a], [b]) => a.localeCompare(b));
  const kept = Object.fromEntries(retained.slice(0, MAX_RETAINED).map(([id, r]) => {
    const resource = r;
    return [truncate(id, 256), { Type: truncate(resource.Type, 256), DeletionPolicy: resource.DeletionPolicy }];
  }));
  return { TemplateBody: JSON.stringify({ Resources: kept }), retainedCount: retained.length };
}
var REDACTED = "(redacted)";
function holdsSecret(propertyPath) {
  const path = typeof propertyPath === "string" ? propertyPath : "";
  return path.startsWith("/AssumeRolePolicyDocument") || /externalid$/i.test(path);
}
async function driftedResources2(event, deps) {
  const { reader, stackName } = readerOf(event, deps);
  const drifts = [];
  let token;
  let pages = 0;
  let total = 0;
  try {
    do {
      const page = await reader.describeStackResourceDrifts(stackName, token);
      pages++;
      for (const d of (page.StackResourceDrifts ?? []).filter(isObject)) {
        if (d.StackResourceDriftStatus === "IN_SYNC" || d.StackResourceDriftStatus === "NOT_CHECKED") continue;
        total++;
        if (drifts.length >= MAX_DRIFTED) continue;
        const differences = (Array.isArray(d.PropertyDifferences) ? d.PropertyDifferences.filter(isObject) : []).slice(0, MAX_DIFFERENCES);
        drifts.push({
          LogicalResourceId: truncate(d.LogicalResourceId, 256),
          ResourceType: truncate(d.ResourceType, 256),
          StackResourceDriftStatus: d.StackResourceDriftStatus,
          PropertyDifferences: differences.map((p) => {
            const secret = holdsSecret(p.PropertyPath);
            return {
              PropertyPath: truncate(p.PropertyPath, 256),
              ...p.ExpectedValue !== void 0 ? { ExpectedValue: secret ? REDACTED : truncate(p.ExpectedValue, 200) } : {},
              ...p.ActualValue !== void 0 ? { ActualValue: secret ? REDACTED : truncate(p.ActualValue, 200) } : {},
              DifferenceType: p.DifferenceType
            };
          })
        });
      }
      token = page.NextToken;
    } while (token && pages < MAX_EVENT_PAGES);
  } catch (e) {
    throw stackError(e);
  }
  return { StackResourceDrifts: drifts, driftedResourceCount: total };
}
function awsStackReaders(sts2) {
  const sessions = /* @__PURE__ */ new Map();
  const clientFor = async (roleArn, region) => {
    const key = `${roleArn}|${region}`;
    const cached = sessions.get(key);
    if (cached && cached.expires - Date.now() > 3e5) return cached.client;
    const out = await sts2.send(new import_client_sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "tenant-blocks-provisioner", DurationSeconds: 900 }));
    const c = out.Credentials;
    const client2 = new import_client_cloudformation.CloudFormationClient({
      region,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }
    });
    sessions.set(key, { client: client2, expires: c.Expiration ? c.Expiration.getTime() : Date.now() + 9e5 });
    return client2;
  };
  return (roleArn, region) => ({
    describeStackEvents: async (StackName, NextToken) => (await clientFor(roleArn, region)).send(new import_client_cloudformation.DescribeStackEventsCommand({ StackName, NextToken })),
    getTemplate: async (StackName) => (await clientFor(roleArn, region)).send(new import_client_cloudformation.GetTemplateCommand({ StackName, TemplateStage: "Original" })),
    describeStackResourceDrifts: async (StackName, NextToken) => (await clientFor(roleArn, region)).send(new import_client_cloudformation.DescribeStackResourceDriftsCommand({
      StackName,
      NextToken,
      StackResourceDriftStatusFilters: ["MODIFIED", "DELETED"]
    }))
  });
}

// src/platform/provisioner/workflow.lambda.ts
var config = configFromEnv();
var client = new import_client_dynamodb3.DynamoDBClient({});
var registry = new Registry(client, config.tableName);
var sts = new import_client_sts2.STSClient({});
var stacks = awsStackReaders(sts);
var externalIds = ssmExternalIdStore(new import_client_ssm2.SSMClient({}), config.keyArn);
var lambdaFor = stsLambdaClientFor({ region: config.region, roleName: config.codePushRoleName, partition: config.partition });
async function cloudFormationFor(account, tenantId, region) {
  const out = await sts.send(new import_client_sts2.AssumeRoleCommand({
    RoleArn: codePushRoleArn(config, account),
    RoleSessionName: `restore-${tenantId}`.slice(0, 64),
    DurationSeconds: 900,
    Tags: [{ Key: "tenant", Value: tenantId }]
  }));
  const c = out.Credentials;
  return new import_client_cloudformation2.CloudFormationClient({
    region,
    credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }
  });
}
async function restoreCode(tenant) {
  return restoreReleaseCode(lambdaFor, (account, tenantId) => cloudFormationFor(account, tenantId, tenant.region), {
    tenantId: tenant.tenantId,
    account: tenant.account,
    region: tenant.region,
    partition: config.partition
  });
}
async function handler(event) {
  return runStateMachineStep(event, { registry, config, client, stacks, externalIds, restoreCode });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
