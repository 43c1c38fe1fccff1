"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/blocks/postgres/backup-opt-in.lambda.ts
var backup_opt_in_lambda_exports = {};
__export(backup_opt_in_lambda_exports, {
  OPT_IN_PHYSICAL_ID: () => OPT_IN_PHYSICAL_ID,
  handler: () => handler,
  makeBackupOptInHandler: () => makeBackupOptInHandler,
  optInAurora: () => optInAurora
});
module.exports = __toCommonJS(backup_opt_in_lambda_exports);
var import_client_backup = require("@aws-sdk/client-backup");

// src/core/custom-resource.lambda-shared.ts
var http = __toESM(require("http"));
var https = __toESM(require("https"));
var import_url = require("url");
var responseSettings = {
  /** Socket inactivity timeout of one attempt. */
  timeoutMs: 1e4,
  /** Attempts before giving up (only timeouts and network errors are retried). */
  attempts: 3
};
var ResponseRejected = class extends Error {
};
async function sendResponse(url, body) {
  const payload = JSON.stringify(body);
  const attempts = Math.max(1, responseSettings.attempts);
  for (let attempt = 1; ; attempt++) {
    try {
      await putOnce(url, payload, attempt, attempts);
      return;
    } catch (e) {
      if (e instanceof ResponseRejected || attempt >= attempts) throw e;
      console.warn(JSON.stringify({ level: "WARN", message: "CloudFormation response upload failed; retrying", attempt, error: e instanceof Error ? e.message : String(e) }));
    }
  }
}
function putOnce(url, payload, attempt, attempts) {
  const target = new import_url.URL(url);
  const transport = target.protocol === "http:" ? http : https;
  const timeoutMs = responseSettings.timeoutMs;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: "PUT",
        headers: { "content-type": "", "content-length": Buffer.byteLength(payload) },
        timeout: timeoutMs
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if ((res.statusCode ?? 500) >= 300) {
            reject(new ResponseRejected(`CloudFormation response rejected with HTTP ${res.statusCode}`));
          } else {
            resolve();
          }
        });
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(new Error(`CloudFormation response upload timed out after ${timeoutMs} ms (attempt ${attempt} of ${attempts})`)));
    req.on("error", reject);
    req.end(payload);
  });
}
function customResourceHandler(body) {
  return async (event, context) => {
    let response;
    try {
      const result = await body(event);
      response = {
        Status: "SUCCESS",
        Reason: "OK",
        PhysicalResourceId: result.physicalResourceId,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
        NoEcho: false,
        Data: result.data
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(JSON.stringify({ level: "ERROR", message: "custom resource failed", error: message, requestType: event.RequestType }));
      response = {
        Status: "FAILED",
        Reason: `${message} (log stream: ${context?.logStreamName ?? "unknown"})`.slice(0, 3500),
        PhysicalResourceId: event.PhysicalResourceId ?? FAILED_CREATE_PHYSICAL_ID,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
        NoEcho: false
      };
    }
    await sendResponse(event.ResponseURL, response);
    return response;
  };
}
var FAILED_CREATE_PHYSICAL_ID = "create-failed";

// src/blocks/postgres/backup-opt-in.lambda.ts
var OPT_IN_PHYSICAL_ID = "aws-backup-aurora-opt-in";
async function optInAurora(client) {
  const settings = await client.send(new import_client_backup.DescribeRegionSettingsCommand({}));
  if (settings.ResourceTypeOptInPreference?.Aurora === true) {
    return "already-opted-in";
  }
  await client.send(new import_client_backup.UpdateRegionSettingsCommand({ ResourceTypeOptInPreference: { Aurora: true } }));
  return "opted-in";
}
function makeBackupOptInHandler(client = new import_client_backup.BackupClient({ maxAttempts: 5 })) {
  return customResourceHandler(async (event) => {
    if (event.RequestType === "Delete") {
      return { physicalResourceId: event.PhysicalResourceId ?? OPT_IN_PHYSICAL_ID };
    }
    const outcome = await optInAurora(client);
    console.log(JSON.stringify({ level: "INFO", message: "AWS Backup Aurora opt-in", outcome }));
    return { physicalResourceId: OPT_IN_PHYSICAL_ID, data: { Outcome: outcome } };
  });
}
var handler = makeBackupOptInHandler();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  OPT_IN_PHYSICAL_ID,
  handler,
  makeBackupOptInHandler,
  optInAurora
});
