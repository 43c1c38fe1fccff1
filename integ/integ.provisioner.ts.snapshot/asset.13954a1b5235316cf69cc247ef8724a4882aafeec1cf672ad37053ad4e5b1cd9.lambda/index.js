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

// src/provisioner/workflow.lambda.ts
var workflow_lambda_exports = {};
__export(workflow_lambda_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(workflow_lambda_exports);
var import_client_dynamodb2 = require("@aws-sdk/client-dynamodb");

// src/provisioner/config.lambda-shared.ts
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
  PARTITION: "AWS_PARTITION_NAME"
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
    appSourcePrefix: env[ENV.APP_SOURCE_PREFIX] ?? void 0
  };
}
function tenantStackName(tenantId) {
  return `Tenant-${tenantId}`;
}
function deployRoleArn(config2, account, region) {
  return `arn:${config2.partition}:iam::${account}:role/cdk-${config2.qualifier}-deploy-role-${account}-${region}`;
}
function sourceLocationOf(config2, release) {
  return config2.appSourceBucket ? `${config2.appSourceBucket}/${config2.appSourcePrefix ?? ""}${release}.zip` : void 0;
}
var GSI1 = "gsi1";
var TTL_ATTRIBUTE = "expiresAt";

// src/provisioner/registry.lambda-shared.ts
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");
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
var KEY_ATTRIBUTES = ["pk", "sk", "gsi1pk", "gsi1sk"];
var Registry = class {
  constructor(client, tableName) {
    this.client = client;
    this.tableName = tableName;
  }
  client;
  tableName;
  /** The tenant, or undefined. Strongly consistent. */
  async getTenant(tenantId) {
    return this.get(`TENANT#${tenantId}`, TENANT_SK);
  }
  /**
   * Creates a tenant item, locked by its CREATE operation. A destroyed tenant's id may be used again.
   *
   * @throws ConflictError when the tenant exists (and is not destroyed and unlocked)
   */
  async createTenant(tenant) {
    try {
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: marshallItem({ pk: `TENANT#${tenant.tenantId}`, sk: TENANT_SK, gsi1pk: "TENANTS", gsi1sk: tenant.tenantId, ...tenant }),
        ConditionExpression: "attribute_not_exists(pk) OR (#state = :destroyed AND attribute_not_exists(lockOperationId))",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":destroyed": { S: "DESTROYED" } }
      }));
    } catch (e) {
      throw conflictOr(e, `tenant '${tenant.tenantId}' already exists`);
    }
  }
  /**
   * Changes a tenant if it is still at `expectedVersion` and not locked by a live operation,
   * incrementing its version; when `lock` is given, takes the lock for that operation.
   *
   * @throws ConflictError when the version moved on or an operation is in flight
   */
  async changeTenant(tenantId, expectedVersion, now, fields, lock) {
    const set = { ...fields, updatedAt: now, version: expectedVersion + 1 };
    if (lock) {
      set.lockOperationId = lock.operationId;
      set.lockExpiresAt = lock.expiresAt;
    }
    return this.update(`TENANT#${tenantId}`, TENANT_SK, set, [], {
      expression: "#version = :expected AND (attribute_not_exists(lockOperationId) OR lockExpiresAt < :now)",
      names: { "#version": "version" },
      values: { ":expected": expectedVersion, ":now": now }
    }, `tenant '${tenantId}' changed since version ${expectedVersion} or has an operation in flight`);
  }
  /**
   * Takes the tenant's lock for an operation started by a workflow (a rollout): succeeds when the
   * tenant is unlocked, its lock expired, or the lock is already this operation's.
   *
   * @throws ConflictError when another live operation holds the lock
   */
  async lockTenant(tenantId, operationId, expiresAt, now) {
    return this.update(`TENANT#${tenantId}`, TENANT_SK, { lockOperationId: operationId, lockExpiresAt: expiresAt }, [], {
      expression: "attribute_exists(pk) AND (attribute_not_exists(lockOperationId) OR lockOperationId = :op OR lockExpiresAt < :now)",
      values: { ":op": operationId, ":now": now }
    }, `tenant '${tenantId}' has another operation in flight`);
  }
  /**
   * Releases the lock held by `operationId` and records what the operation changed on the tenant.
   * A lock held by another operation is left alone (returns false).
   */
  async unlockTenant(tenantId, operationId, fields) {
    try {
      await this.update(`TENANT#${tenantId}`, TENANT_SK, { ...fields }, ["lockOperationId", "lockExpiresAt"], {
        expression: "lockOperationId = :op",
        values: { ":op": operationId }
      }, "not locked by this operation");
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
        Item: marshallItem({ pk: `OPERATION#${op.operationId}`, sk: OPERATION_SK, gsi1pk: `TENANT#${op.tenantId}#OPERATIONS`, gsi1sk: `${op.requestedAt}#${op.operationId}`, ...op }),
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
  /** A tenant's operations, newest first. */
  async listOperations(tenantId, limit, nextToken) {
    return this.query(`TENANT#${tenantId}#OPERATIONS`, limit, nextToken, false);
  }
  /** Every tenant, by id. */
  async listTenants(limit, nextToken) {
    return this.query("TENANTS", limit, nextToken, true);
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
  /** Updates a rollout (optionally only when `condition` holds). */
  async updateRollout(rolloutId, fields, remove = [], condition) {
    return this.update(`ROLLOUT#${rolloutId}`, ROLLOUT_SK, fields, remove, condition ?? { expression: "attribute_exists(pk)" }, `rollout '${rolloutId}' changed`);
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
  async get(pk, sk) {
    const out = await this.client.send(new import_client_dynamodb.GetItemCommand({
      TableName: this.tableName,
      Key: { pk: { S: pk }, sk: { S: sk } },
      ConsistentRead: true
    }));
    return out.Item ? stripKeys(unmarshallItem(out.Item)) : void 0;
  }
  async query(gsi1pk, limit, nextToken, forward) {
    const out = await this.client.send(new import_client_dynamodb.QueryCommand({
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: gsi1pk } },
      ScanIndexForward: forward,
      Limit: limit,
      ExclusiveStartKey: nextToken ? decodeToken(nextToken, gsi1pk) : void 0
    }));
    return {
      items: (out.Items ?? []).map((i) => stripKeys(unmarshallItem(i))),
      nextToken: out.LastEvaluatedKey ? encodeToken(out.LastEvaluatedKey) : void 0
    };
  }
  async update(pk, sk, set, remove, condition, conflictMessage) {
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
        Key: { pk: { S: pk }, sk: { S: sk } },
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
function decodeToken(token, gsi1pk) {
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
  return marshallItem(obj);
}

// src/provisioner/window.lambda-shared.ts
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

// src/provisioner/settings.lambda-shared.ts
function maintenanceWindowOf(spec) {
  const database = spec.database;
  const text = isObject(database) && typeof database.maintenanceWindow === "string" ? database.maintenanceWindow : void 0;
  return (text ? parseWindow(text) : void 0) ?? defaultWindowFor(String(spec.tenantId));
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/provisioner/outcome.lambda-shared.ts
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

// src/provisioner/workflow.lambda-shared.ts
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
  let tenant = await registry2.getTenant(tenantId);
  if (!tenant) throw new StepError("TenantNotFound", `no tenant '${tenantId}' in the registry`);
  let op = await registry2.getOperation(operationId);
  if (!op && rolloutId) {
    const release = String(event.release);
    op = {
      operationId,
      tenantId,
      type: "DEPLOY",
      status: "PENDING",
      requestedBy: `rollout:${rolloutId}`,
      requestedAt: now.toISOString(),
      specVersion: tenant.version,
      release,
      rolloutId,
      changes: [{ path: "(release)", from: tenant.deployedRelease ?? null, to: release }],
      executionArn: typeof event.executionArn === "string" ? event.executionArn : void 0,
      outcome: { stackName: tenantStackName(tenantId) }
    };
    await registry2.putOperation(op).catch((e) => {
      if (!(e instanceof ConflictError)) throw e;
    });
    op = await registry2.getOperation(operationId);
  }
  if (!op) throw new StepError("OperationNotFound", `no operation '${operationId}' in the registry`);
  if (rolloutId && op.status === "PENDING") {
    if (tenant.deployedRelease === op.release && tenant.deployedVersion === tenant.version) {
      await registry2.updateOperation(operationId, ["PENDING"], { status: "SKIPPED", reason: `already on release ${op.release}`, finishedAt: now.toISOString(), durationSeconds: 0 });
      return context(config2, tenant, op, event, true, now);
    }
    try {
      const expiresAt = new Date(now.getTime() + config2.lockTtlSeconds * 1e3).toISOString();
      tenant = await registry2.lockTenant(tenantId, operationId, expiresAt, now.toISOString());
    } catch (e) {
      if (e instanceof ConflictError) {
        throw new StepError("TenantLocked", `tenant '${tenantId}' has another operation in flight (${tenant.lockOperationId}); it keeps its release for now`);
      }
      throw e;
    }
  } else if (tenant.lockOperationId !== operationId) {
    throw new StepError("LockLost", `tenant '${tenantId}' is not locked by operation '${operationId}' (lock: ${tenant.lockOperationId ?? "none"}); the lock may have expired`);
  }
  if (op.status === "PENDING") {
    op = await registry2.updateOperation(operationId, ["PENDING"], { status: "RUNNING", startedAt: now.toISOString() });
  }
  return context(config2, tenant, op, event, false, now);
}
function context(config2, tenant, op, event, skip, now) {
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
    release: op.release,
    sourceLocation: sourceLocationOf(config2, op.release) ?? "",
    specJson: JSON.stringify(tenant.spec),
    externalId: tenant.externalId ?? "",
    waitForWindow: event.waitForWindow === true,
    skip,
    startedAt: op.startedAt ?? now.toISOString()
  };
}
async function window(event, deps) {
  const ctx = event.context;
  const spec = JSON.parse(ctx.specJson);
  return { ...nextWindow(maintenanceWindowOf(spec), clock(deps)) };
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
  const status = succeeded ? "SUCCEEDED" : "FAILED";
  const reason = succeeded ? void 0 : failureReason(failed, stack, build, error ?? buildError);
  const op = await registry2.getOperation(ctx.operationId);
  const started = op?.startedAt ?? ctx.startedAt;
  const durationSeconds = Math.max(0, Math.round((now.getTime() - new Date(started).getTime()) / 1e3));
  await registry2.updateOperation(ctx.operationId, ["PENDING", "RUNNING"], {
    status,
    outcome,
    finishedAt: now.toISOString(),
    durationSeconds,
    ...reason ? { reason } : {}
  }).catch((e) => {
    if (!(e instanceof ConflictError)) throw e;
  });
  const tenantFields = stack.stackStatus === "UNKNOWN" ? {} : { lastStackStatus: stack.stackStatus };
  if (succeeded && ctx.action === "deploy") {
    const tenant = await registry2.getTenant(ctx.tenantId);
    Object.assign(tenantFields, {
      state: tenant?.state === "SUSPENDED" ? "SUSPENDED" : "ACTIVE",
      deployedVersion: op?.specVersion ?? tenant?.version,
      deployedRelease: ctx.release,
      release: ctx.release
    });
  }
  if (succeeded && ctx.action === "destroy") tenantFields.state = "DESTROYED";
  if (ctx.action === "drift") delete tenantFields.lastStackStatus;
  const unlocked = await registry2.unlockTenant(ctx.tenantId, ctx.operationId, tenantFields);
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
    release: typeof s.release === "string" ? s.release : "",
    sourceLocation: "",
    specJson: "{}",
    externalId: "",
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
  const eligible = tenants.filter((t) => t.state === "ACTIVE");
  const todo = eligible.filter((t) => !(t.deployedRelease === req.release && t.deployedVersion === t.version));
  const skipped = eligible.length - todo.length;
  const waves = splitWaves(todo.map((t) => t.tenantId), req.canaries, req.canaryPercent, req.waveSize);
  const items = waves.map((ids) => ids.map((tenantId) => ({ tenantId, operationId: `${rolloutId}-${tenantId}` })));
  await registry2.updateRollout(rolloutId, {
    status: "RUNNING",
    waves: waves.map((ids, index) => ({ index, tenants: ids, status: "PENDING" })),
    results: [],
    skippedTenants: skipped
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

// src/provisioner/workflow.lambda.ts
var config = configFromEnv();
var registry = new Registry(new import_client_dynamodb2.DynamoDBClient({}), config.tableName);
async function handler(event) {
  return runStep(event, { registry, config });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
