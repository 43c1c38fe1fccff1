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

// src/blocks/postgres/leftovers.lambda.ts
var leftovers_lambda_exports = {};
__export(leftovers_lambda_exports, {
  handler: () => handler,
  makeLeftoversHandler: () => makeLeftoversHandler
});
module.exports = __toCommonJS(leftovers_lambda_exports);

// src/blocks/postgres/leftovers-sdk.lambda-shared.ts
var CLIENTS = {
  RDS: ["@aws-sdk/client-rds", "RDSClient"],
  Backup: ["@aws-sdk/client-backup", "BackupClient"],
  KMS: ["@aws-sdk/client-kms", "KMSClient"],
  CloudFormation: ["@aws-sdk/client-cloudformation", "CloudFormationClient"]
};
var loadByName = (pkg) => require(pkg);
function awsSdkCall(region, load = loadByName) {
  const clients = /* @__PURE__ */ new Map();
  return async (service, operation, input) => {
    let entry = clients.get(service);
    if (!entry) {
      const [pkg, clientClass] = CLIENTS[service];
      const module2 = load(pkg);
      entry = { module: module2, client: new module2[clientClass]({ region, maxAttempts: 8, retryMode: "adaptive" }) };
      clients.set(service, entry);
    }
    const Command = entry.module[`${operation}Command`];
    if (typeof Command !== "function") throw new Error(`leftovers: ${service} has no operation ${operation}`);
    return entry.client.send(new Command(input));
  };
}

// src/blocks/postgres/leftovers.lambda-shared.ts
var TENANT_TAG = "tenant-blocks:tenant";
var TIER_TAG = "tenant-blocks:tier";
var STACK_ID_TAG = "tenant-blocks:stack-id";
var CFN_STACK_ID_TAG = "aws:cloudformation:stack-id";
var KEEP_TAG = "tenant-blocks:keep";
var DEVELOPMENT_TIER = "DEVELOPMENT";
var SNAPSHOT_MIN_AGE_DAYS = 14;
var KEY_PENDING_WINDOW_DAYS = 7;
var GONE_ERRORS = [
  "DBClusterSnapshotNotFoundFault",
  "DBClusterSnapshotNotFound",
  "ResourceNotFoundException",
  "NotFoundException",
  "KMSInvalidStateException"
];
var DAY_MS = 24 * 60 * 60 * 1e3;
var STACK_ARN = /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):(\d{12}):stack\/[A-Za-z][A-Za-z0-9-]*\/[0-9a-f-]{36}$/;
var DELETABLE_RECOVERY_POINT = /* @__PURE__ */ new Set(["COMPLETED", "PARTIAL", "EXPIRED"]);
function isLocalStackId(id, options) {
  const match = STACK_ARN.exec(id);
  return match !== null && match[1] === options.region && match[2] === options.account;
}
function stackIdsOf(tags, options) {
  const named = [...new Set([tags[STACK_ID_TAG], tags[CFN_STACK_ID_TAG]].filter((id) => id !== void 0))];
  return {
    stackIds: named.filter((id) => isLocalStackId(id, options)),
    foreign: named.filter((id) => !isLocalStackId(id, options))
  };
}
function inScope(tags, options) {
  return options.tenantIds.includes(tags[TENANT_TAG]);
}
function notALeftover(tags, stacks, options) {
  if (tags[TIER_TAG] !== DEVELOPMENT_TIER) return `tier is ${tags[TIER_TAG] ?? "not tagged"}, not ${DEVELOPMENT_TIER}`;
  if (tags[KEEP_TAG] !== void 0) return `tagged ${KEEP_TAG}`;
  const { stackIds, foreign } = stackIdsOf(tags, options);
  if (foreign.length > 0) return `names ${foreign.join(", ")}, not a stack of ${options.account}/${options.region}`;
  if (stackIds.length === 0) return `no ${STACK_ID_TAG} (or ${CFN_STACK_ID_TAG}) tag naming a stack of ${options.account}/${options.region}`;
  for (const stackId of stackIds) {
    const state = stacks.get(stackId);
    if (state !== "DELETED") return `its stack ${stackId} is ${state === "LIVE" ? "not deleted" : "of unknown state"}`;
  }
  return void 0;
}
function keyIdOf(keyIdOrArn) {
  return keyIdOrArn?.split("/").pop();
}
function candidateStackIds(inventory, options) {
  const ids = /* @__PURE__ */ new Set();
  const add = (tags) => {
    if (!inScope(tags, options) || tags[TIER_TAG] !== DEVELOPMENT_TIER) return;
    stackIdsOf(tags, options).stackIds.forEach((id) => ids.add(id));
  };
  inventory.snapshots.forEach((s) => add(s.tags));
  inventory.vaults.forEach((v) => add(v.tags));
  inventory.keys.forEach((k) => add(k.tags));
  return [...ids];
}
function planCleanup(inventory, stacks, options) {
  const actions = [];
  const kept = [];
  const liveResourceIds = new Set(inventory.clusters.map((c) => c.resourceId).filter((id) => id !== void 0));
  const liveIdentifiers = new Set(inventory.clusters.map((c) => c.identifier));
  const deletedSnapshots = /* @__PURE__ */ new Set();
  const deletedRecoveryPoints = /* @__PURE__ */ new Set();
  const deletedVaults = /* @__PURE__ */ new Set();
  for (const snapshot of inventory.snapshots) {
    if (snapshot.type !== "manual" || !inScope(snapshot.tags, options)) continue;
    const keep = (reason) => kept.push({ kind: "snapshot", target: snapshot.id, reason });
    const why = notALeftover(snapshot.tags, stacks, options);
    if (why) {
      keep(why);
      continue;
    }
    const sourceLives = snapshot.clusterResourceId !== void 0 ? liveResourceIds.has(snapshot.clusterResourceId) : snapshot.clusterIdentifier !== void 0 && liveIdentifiers.has(snapshot.clusterIdentifier);
    if (sourceLives) {
      keep("its source cluster still exists");
      continue;
    }
    if (snapshot.status !== "available") {
      keep(`status ${snapshot.status}`);
      continue;
    }
    const ageDays = snapshot.createdAt ? (options.now.getTime() - snapshot.createdAt.getTime()) / DAY_MS : 0;
    if (snapshot.createdAt === void 0 || ageDays < options.snapshotMinAgeDays) {
      keep(`younger than ${options.snapshotMinAgeDays} days (${Math.floor(ageDays)} days old)`);
      continue;
    }
    actions.push({ kind: "delete-snapshot", target: snapshot.id, keyArn: snapshot.kmsKeyId });
    deletedSnapshots.add(snapshot.arn);
  }
  for (const vault of inventory.vaults) {
    if (!inScope(vault.tags, options)) continue;
    const keep = (reason) => kept.push({ kind: "vault", target: vault.name, reason });
    const why = notALeftover(vault.tags, stacks, options);
    if (why) {
      keep(why);
      continue;
    }
    if (vault.locked) {
      keep("vault lock configured");
      continue;
    }
    if (vault.recoveryPoints.length === 0) {
      actions.push({ kind: "delete-vault", target: vault.name, keyArn: vault.encryptionKeyArn });
      deletedVaults.add(vault.arn);
      continue;
    }
    const minAge = options.recoveryPointMinAgeDays;
    if (minAge === void 0) {
      keep(`holds ${vault.recoveryPoints.length} recovery point(s); the backup plan expires them`);
      continue;
    }
    for (const point of vault.recoveryPoints) {
      const ageDays = point.createdAt ? (options.now.getTime() - point.createdAt.getTime()) / DAY_MS : 0;
      if (DELETABLE_RECOVERY_POINT.has(point.status) && point.createdAt !== void 0 && ageDays >= minAge) {
        actions.push({ kind: "delete-recovery-point", target: point.arn, vault: vault.name, keyArn: point.encryptionKeyArn });
        deletedRecoveryPoints.add(point.arn);
      }
    }
    keep("recovery points are being deleted (or created): deleted on a later run once empty");
  }
  const snapshotResourceIds = new Set(inventory.snapshots.filter((sn) => inScope(sn.tags, options)).map((sn) => sn.clusterResourceId));
  for (const backup of inventory.retainedBackups) {
    if (!inScope(backup.tags, options) && !snapshotResourceIds.has(backup.resourceId)) continue;
    const days = backup.retentionDays;
    const end = days !== void 0 && backup.latestRestorableTime !== void 0 ? ` (about ${new Date(backup.latestRestorableTime.getTime() + days * DAY_MS).toISOString().slice(0, 10)})` : "";
    kept.push({
      kind: "automated-backup",
      target: backup.resourceId,
      reason: `retained automated backup of cluster ${backup.clusterIdentifier ?? backup.resourceId}: RDS deletes it ${days ?? "backupRetention"} days after the cluster was deleted${end}; never deleted here (its point-in-time history is more than the final snapshot)`
    });
  }
  const needs = /* @__PURE__ */ new Map();
  const need = (key, by) => {
    const id = keyIdOf(key);
    if (id !== void 0 && !needs.has(id)) needs.set(id, by);
  };
  inventory.clusters.forEach((c) => need(c.kmsKeyId, `cluster ${c.identifier}`));
  inventory.snapshots.filter((s) => !deletedSnapshots.has(s.arn)).forEach((s) => need(s.kmsKeyId, `snapshot ${s.id}`));
  inventory.retainedBackups.forEach((b) => need(b.kmsKeyId, `the retained automated backup of cluster ${b.clusterIdentifier ?? b.resourceId}`));
  for (const vault of inventory.vaults.filter((v) => !deletedVaults.has(v.arn))) {
    need(vault.encryptionKeyArn, `vault ${vault.name}`);
    vault.recoveryPoints.filter((p) => !deletedRecoveryPoints.has(p.arn)).forEach((p) => need(p.encryptionKeyArn, `a recovery point in vault ${vault.name}`));
  }
  for (const key of inventory.keys) {
    if (!inScope(key.tags, options)) continue;
    const keep = (reason) => kept.push({ kind: "key", target: key.arn, reason });
    const why = notALeftover(key.tags, stacks, options);
    if (why) {
      keep(why);
      continue;
    }
    if (key.manager !== "CUSTOMER") {
      keep(`managed by ${key.manager}`);
      continue;
    }
    if (key.state !== "Enabled" && key.state !== "Disabled") {
      keep(`key state ${key.state}`);
      continue;
    }
    const neededBy = needs.get(keyIdOf(key.arn));
    if (neededBy) {
      keep(`still needed by ${neededBy}`);
      continue;
    }
    actions.push({ kind: "schedule-key-deletion", target: key.arn });
  }
  return { actions, kept };
}
function isGone(error) {
  const name = error?.name ?? "";
  return GONE_ERRORS.includes(name);
}
function isMissingStack(error) {
  const e = error;
  return e?.name === "ValidationError" && /does not exist/.test(e.message ?? "");
}
async function pages(fetch) {
  const all = [];
  let token;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}
var tagMap = (list) => Object.fromEntries((list ?? []).map((t) => [t.Key ?? t.TagKey ?? "", t.Value ?? t.TagValue ?? ""]));
var date = (value) => value === void 0 || value === null ? void 0 : new Date(value);
async function readInventory(call, options) {
  const snapshots = await pages(async (Marker) => {
    const out = await call("RDS", "DescribeDBClusterSnapshots", { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusterSnapshots ?? []).map((s) => ({
        id: s.DBClusterSnapshotIdentifier,
        arn: s.DBClusterSnapshotArn,
        type: s.SnapshotType,
        status: s.Status,
        createdAt: date(s.SnapshotCreateTime),
        clusterIdentifier: s.DBClusterIdentifier,
        clusterResourceId: s.DbClusterResourceId,
        kmsKeyId: s.KmsKeyId,
        tags: tagMap(s.TagList)
      }))
    };
  });
  const clusters = await pages(async (Marker) => {
    const out = await call("RDS", "DescribeDBClusters", { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusters ?? []).map((c) => ({
        identifier: c.DBClusterIdentifier,
        resourceId: c.DbClusterResourceId,
        kmsKeyId: c.KmsKeyId
      }))
    };
  });
  const retainedBackups = await pages(async (Marker) => {
    const out = await call("RDS", "DescribeDBClusterAutomatedBackups", { Marker });
    return {
      next: out.Marker,
      items: (out.DBClusterAutomatedBackups ?? []).map((b) => ({
        resourceId: b.DbClusterResourceId,
        clusterIdentifier: b.DBClusterIdentifier,
        kmsKeyId: b.KmsKeyId,
        retentionDays: b.BackupRetentionPeriod,
        latestRestorableTime: date(b.RestoreWindow?.LatestTime),
        tags: tagMap(b.TagList)
      }))
    };
  });
  const vaultList = await pages(async (NextToken) => {
    const out = await call("Backup", "ListBackupVaults", { NextToken });
    return { next: out.NextToken, items: out.BackupVaultList ?? [] };
  });
  const vaults = [];
  for (const v of vaultList) {
    const recoveryPoints = await pages(async (NextToken) => {
      const out = await call("Backup", "ListRecoveryPointsByBackupVault", { BackupVaultName: v.BackupVaultName, NextToken });
      return {
        next: out.NextToken,
        items: (out.RecoveryPoints ?? []).map((p) => ({
          arn: p.RecoveryPointArn,
          status: p.Status,
          createdAt: date(p.CreationDate),
          encryptionKeyArn: p.EncryptionKeyArn
        }))
      };
    });
    const tags = (await call("Backup", "ListTags", { ResourceArn: v.BackupVaultArn })).Tags ?? {};
    vaults.push({
      name: v.BackupVaultName,
      arn: v.BackupVaultArn,
      encryptionKeyArn: v.EncryptionKeyArn,
      locked: v.Locked === true,
      tags,
      recoveryPoints
    });
  }
  const keyIds = await pages(async (Marker) => {
    const out = await call("KMS", "ListKeys", { Marker });
    return { next: out.Truncated ? out.NextMarker : void 0, items: (out.Keys ?? []).map((k) => k.KeyArn ?? k.KeyId) };
  });
  const keys = [];
  for (const keyId of keyIds) {
    let tags;
    try {
      tags = tagMap((await call("KMS", "ListResourceTags", { KeyId: keyId })).Tags);
    } catch (error) {
      if (error.name === "AccessDeniedException") continue;
      throw error;
    }
    if (!inScope(tags, options)) continue;
    const meta = (await call("KMS", "DescribeKey", { KeyId: keyId })).KeyMetadata ?? {};
    keys.push({ arn: meta.Arn ?? keyId, state: meta.KeyState, manager: meta.KeyManager, tags });
  }
  return { snapshots, clusters, retainedBackups, vaults, keys };
}
async function readStackStates(call, stackIds) {
  const states = /* @__PURE__ */ new Map();
  for (const stackId of stackIds) {
    try {
      const out = await call("CloudFormation", "DescribeStacks", { StackName: stackId });
      const status = out.Stacks?.[0]?.StackStatus;
      states.set(stackId, status === "DELETE_COMPLETE" ? "DELETED" : "LIVE");
    } catch (error) {
      if (isMissingStack(error)) states.set(stackId, "DELETED");
      else throw error;
    }
  }
  return states;
}
async function snapshotAlreadyDeleting(call, snapshotId) {
  try {
    const out = await call("RDS", "DescribeDBClusterSnapshots", { DBClusterSnapshotIdentifier: snapshotId });
    const snapshots = out.DBClusterSnapshots ?? [];
    return snapshots.length === 0 || snapshots.every((s) => s.Status === "deleting");
  } catch (error) {
    return isGone(error);
  }
}
async function executePlan(call, plan) {
  const done = [];
  const failed = [];
  const skipped = [];
  const run = async (action, request, settled) => {
    try {
      await request();
      done.push(action);
    } catch (error) {
      if (isGone(error) || settled !== void 0 && await settled(error)) done.push(action);
      else failed.push({ ...action, error: `${error.name}: ${error.message}` });
    }
  };
  for (const action of plan.actions) {
    if (action.kind === "delete-snapshot") {
      await run(
        action,
        () => call("RDS", "DeleteDBClusterSnapshot", { DBClusterSnapshotIdentifier: action.target }),
        // an overlapping run got there first: not a failure, no alarm
        async (error) => error.name === "InvalidDBClusterSnapshotStateFault" && snapshotAlreadyDeleting(call, action.target)
      );
    } else if (action.kind === "delete-recovery-point") {
      await run(action, () => call("Backup", "DeleteRecoveryPoint", { BackupVaultName: action.vault, RecoveryPointArn: action.target }));
    } else if (action.kind === "delete-vault") {
      await run(action, () => call("Backup", "DeleteBackupVault", { BackupVaultName: action.target }));
    }
  }
  const stillNeeded = new Set(failed.map((f) => keyIdOf(f.keyArn)).filter(Boolean));
  for (const action of plan.actions.filter((a) => a.kind === "schedule-key-deletion")) {
    if (stillNeeded.has(keyIdOf(action.target))) {
      skipped.push(action);
      continue;
    }
    await run(action, () => call("KMS", "ScheduleKeyDeletion", { KeyId: action.target, PendingWindowInDays: KEY_PENDING_WINDOW_DAYS }));
  }
  return { ...plan, done, failed, skipped };
}
async function runCleanup(call, options) {
  const inventory = await readInventory(call, options);
  const stacks = await readStackStates(call, candidateStackIds(inventory, options));
  return executePlan(call, planCleanup(inventory, stacks, options));
}
function formatReport(report) {
  return [
    ...report.done.map((a) => `done    ${a.kind} ${a.target}`),
    ...report.failed.map((a) => `FAILED  ${a.kind} ${a.target}: ${a.error}`),
    ...report.skipped.map((a) => `skipped ${a.kind} ${a.target}: something encrypted with it could not be deleted`),
    ...report.kept.map((k) => `kept    ${k.kind} ${k.target}: ${k.reason}`)
  ];
}

// src/blocks/postgres/leftovers.lambda.ts
function makeLeftoversHandler(call, env = process.env) {
  return async () => {
    const [account, region, tenantId] = [env.ACCOUNT_ID, env.AWS_REGION, env.TENANT_ID];
    if (!account || !region || !tenantId) {
      throw new Error("leftovers: ACCOUNT_ID, AWS_REGION and TENANT_ID must be set");
    }
    const report = await runCleanup(call ?? awsSdkCall(region), {
      account,
      region,
      tenantIds: [tenantId],
      snapshotMinAgeDays: Number(env.SNAPSHOT_MIN_AGE_DAYS ?? SNAPSHOT_MIN_AGE_DAYS),
      // never deletes a recovery point: the backup plan's lifecycle expires them (14 days)
      now: /* @__PURE__ */ new Date()
    });
    console.log(JSON.stringify({
      level: report.failed.length > 0 ? "ERROR" : "INFO",
      message: "DEVELOPMENT leftovers",
      tenantId,
      lines: formatReport(report)
    }));
    if (report.failed.length > 0) {
      throw new Error(`leftovers: ${report.failed.length} clean-up action(s) failed: ${report.failed.map((f) => `${f.kind} ${f.target}: ${f.error}`).join("; ")}`);
    }
    return report;
  };
}
var handler = makeLeftoversHandler();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler,
  makeLeftoversHandler
});
