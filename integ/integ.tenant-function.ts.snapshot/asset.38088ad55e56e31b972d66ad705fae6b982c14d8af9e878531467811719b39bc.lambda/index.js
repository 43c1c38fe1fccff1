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

// src/core/s3-prefix-list.lambda.ts
var s3_prefix_list_lambda_exports = {};
__export(s3_prefix_list_lambda_exports, {
  CLIENT_TIMEOUTS: () => CLIENT_TIMEOUTS,
  handler: () => handler
});
module.exports = __toCommonJS(s3_prefix_list_lambda_exports);
var import_client_ec2 = require("@aws-sdk/client-ec2");

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

// src/core/s3-prefix-list.lambda.ts
var CLIENT_TIMEOUTS = { connectionTimeout: 5e3, requestTimeout: 3e4 };
var ec2 = new import_client_ec2.EC2Client({ requestHandler: CLIENT_TIMEOUTS });
var PREFIX_LIST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,4}(-[a-z]+)+-\d+\.s3$/;
var handler = customResourceHandler(onEvent);
async function onEvent(event) {
  if (event.RequestType === "Delete") {
    return { physicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
  }
  const name = event.ResourceProperties.PrefixListName;
  if (typeof name !== "string" || !PREFIX_LIST_NAME.test(name)) {
    throw new Error(`PrefixListName must be the name of an AWS-managed S3 prefix list such as com.amazonaws.us-east-1.s3 (got: ${JSON.stringify(name)})`);
  }
  const lists = await findPrefixLists(name);
  if (lists.length !== 1) {
    const found = lists.map((l) => `${l.PrefixListId} (owner ${l.OwnerId})`).join(", ");
    throw new Error(lists.length === 0 ? `No managed prefix list named ${name} in this region: the S3 prefix list could not be found, so the handlers cannot be allowed to reach S3; set TenantNetwork s3PrefixListId to the region's S3 prefix list id` : `${lists.length} managed prefix lists are named ${name} (${found}); expected exactly one: set TenantNetwork s3PrefixListId to the AWS-managed one`);
  }
  const id = lists[0].PrefixListId;
  console.log(JSON.stringify({ level: "INFO", message: "S3 prefix list found", prefixListName: name, prefixListId: id }));
  return { physicalResourceId: id, data: { PrefixListId: id } };
}
async function findPrefixLists(name) {
  const lists = [];
  let nextToken;
  do {
    const page = await ec2.send(new import_client_ec2.DescribeManagedPrefixListsCommand({
      Filters: [{ Name: "prefix-list-name", Values: [name] }],
      NextToken: nextToken
    }));
    lists.push(...(page.PrefixLists ?? []).filter((l) => l.PrefixListId && l.PrefixListName === name));
    nextToken = page.NextToken;
  } while (nextToken);
  return lists;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLIENT_TIMEOUTS,
  handler
});
