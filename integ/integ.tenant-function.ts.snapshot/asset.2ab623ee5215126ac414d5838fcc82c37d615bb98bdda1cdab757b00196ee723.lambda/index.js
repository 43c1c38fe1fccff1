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

// src/core/vpc-cleanup.lambda.ts
var vpc_cleanup_lambda_exports = {};
__export(vpc_cleanup_lambda_exports, {
  CLIENT_TIMEOUTS: () => CLIENT_TIMEOUTS,
  cleanUp: () => cleanUp,
  handler: () => handler,
  settings: () => settings
});
module.exports = __toCommonJS(vpc_cleanup_lambda_exports);
var import_client_cloudformation = require("@aws-sdk/client-cloudformation");
var import_client_ec2 = require("@aws-sdk/client-ec2");
var import_client_lambda = require("@aws-sdk/client-lambda");

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
  for (let attempt2 = 1; ; attempt2++) {
    try {
      await putOnce(url, payload, attempt2, attempts);
      return;
    } catch (e) {
      if (e instanceof ResponseRejected || attempt2 >= attempts) throw e;
      console.warn(JSON.stringify({ level: "WARN", message: "CloudFormation response upload failed; retrying", attempt: attempt2, error: e instanceof Error ? e.message : String(e) }));
    }
  }
}
function putOnce(url, payload, attempt2, attempts) {
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
    req.on("timeout", () => req.destroy(new Error(`CloudFormation response upload timed out after ${timeoutMs} ms (attempt ${attempt2} of ${attempts})`)));
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
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/core/vpc-cleanup.lambda.ts
var settings = {
  /** Pause between two polls of the function or the ENIs. */
  pollIntervalMs: 1e4,
  /** Time kept back from the Lambda timeout to report to CloudFormation. */
  responseMarginMs: 3e4,
  /** Upper bound of the whole cleanup, whatever the Lambda timeout. */
  maxCleanupMs: 13 * 6e4
};
var STACK_GOING_AWAY = /* @__PURE__ */ new Set(["DELETE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS"]);
var LAMBDA_ENI_DESCRIPTION = "AWS Lambda VPC ENI*";
var CLIENT_TIMEOUTS = { connectionTimeout: 5e3, requestTimeout: 3e4 };
var lambda = new import_client_lambda.LambdaClient({ requestHandler: CLIENT_TIMEOUTS });
var ec2 = new import_client_ec2.EC2Client({ requestHandler: CLIENT_TIMEOUTS });
var cloudformation = new import_client_cloudformation.CloudFormationClient({ requestHandler: CLIENT_TIMEOUTS });
async function handler(event, context) {
  const remaining = context?.getRemainingTimeInMillis?.() ?? settings.maxCleanupMs;
  const deadline = Date.now() + Math.max(0, Math.min(settings.maxCleanupMs, remaining - settings.responseMarginMs));
  return customResourceHandler((e) => onEvent(e, deadline))(event, context);
}
async function onEvent(event, deadline) {
  const physicalResourceId = event.PhysicalResourceId ?? `vpc-cleanup-${event.LogicalResourceId}`;
  if (event.RequestType !== "Delete") {
    return { physicalResourceId };
  }
  if (event.PhysicalResourceId === FAILED_CREATE_PHYSICAL_ID) {
    return { physicalResourceId };
  }
  const props = readProperties(event);
  try {
    const status = await stackStatus(event.StackId);
    if (!status || !STACK_GOING_AWAY.has(status)) {
      log("INFO", "stack is not being deleted; the functions are left untouched", { stackStatus: status ?? "unknown" });
      return { physicalResourceId };
    }
    await cleanUp(props, deadline);
  } catch (e) {
    log("ERROR", "clean-up failed; CloudFormation continues and Lambda releases the ENIs on its own schedule", { error: describe(e) });
  }
  return { physicalResourceId };
}
function readProperties(event) {
  const p = event.ResourceProperties;
  return {
    FunctionNames: stringList(p.FunctionNames),
    DetachOnlyFunctionNames: stringList(p.DetachOnlyFunctionNames),
    SecurityGroupIds: stringList(p.SecurityGroupIds)
  };
}
function stringList(value) {
  const list = Array.isArray(value) ? value : [];
  return [...new Set(list.filter((s) => typeof s === "string" && s !== ""))];
}
async function cleanUp(props, deadline) {
  const detachOnly = [...new Set(props.DetachOnlyFunctionNames)];
  const toDelete = props.FunctionNames.filter((n) => !detachOnly.includes(n));
  for (const functionName of toDelete) {
    await attempt(functionName, "delete", async () => {
      await deleteFunction(functionName, deadline);
      return true;
    });
  }
  const detached = [];
  for (const functionName of detachOnly) {
    if (await attempt(functionName, "detach", () => detachFromVpc(functionName, deadline))) {
      detached.push(functionName);
    }
  }
  for (const functionName of detached) {
    await attempt(functionName, "wait for the update", () => waitForUpdate(functionName, deadline));
  }
  if (props.SecurityGroupIds.length === 0) {
    log("WARN", "no security group ids given; cannot look for the functions' network interfaces", {});
    return;
  }
  const leftovers = await sweepNetworkInterfaces(props.SecurityGroupIds, deadline);
  if (leftovers.length > 0) {
    log("WARN", "network interfaces still in use at the deadline; CloudFormation waits for Lambda to release them", {
      networkInterfaceIds: leftovers
    });
  } else {
    log("INFO", "no network interfaces left", { securityGroupIds: props.SecurityGroupIds });
  }
}
async function attempt(functionName, step, body) {
  try {
    return await body();
  } catch (e) {
    log("ERROR", `${step} failed; the function is left to CloudFormation`, { functionName, error: describe(e) });
    return false;
  }
}
async function detachFromVpc(functionName, deadline) {
  const config = await getConfiguration(functionName);
  if (!config) {
    log("INFO", "function already deleted", { functionName });
    return false;
  }
  if ((config.VpcConfig?.SubnetIds ?? []).length === 0) return true;
  for (; ; ) {
    try {
      await lambda.send(new import_client_lambda.UpdateFunctionConfigurationCommand({
        FunctionName: functionName,
        VpcConfig: { SubnetIds: [], SecurityGroupIds: [] }
      }));
      log("INFO", "VPC configuration removed from the function", { functionName });
      return true;
    } catch (e) {
      if (errorName(e) === "ResourceNotFoundException") return false;
      if (errorName(e) !== "ResourceConflictException" || !await pause(deadline)) throw e;
    }
  }
}
async function waitForUpdate(functionName, deadline) {
  for (; ; ) {
    const current = await getConfiguration(functionName);
    if (!current) return false;
    if (current.LastUpdateStatus !== "InProgress") {
      if (current.LastUpdateStatus === "Failed") {
        log("WARN", "function update failed; going on with the clean-up", { functionName, reason: current.LastUpdateStatusReason });
      }
      return true;
    }
    if (!await pause(deadline)) {
      log("WARN", "function update still in progress at the deadline", { functionName });
      return true;
    }
  }
}
async function deleteFunction(functionName, deadline) {
  for (; ; ) {
    try {
      await lambda.send(new import_client_lambda.DeleteFunctionCommand({ FunctionName: functionName }));
      log("INFO", "function deleted with its versions and aliases", { functionName });
      return;
    } catch (e) {
      if (errorName(e) === "ResourceNotFoundException") {
        log("INFO", "function already deleted", { functionName });
        return;
      }
      if (errorName(e) !== "ResourceConflictException" || !await pause(deadline)) throw e;
    }
  }
}
async function sweepNetworkInterfaces(securityGroupIds, deadline) {
  for (; ; ) {
    const interfaces = await describeLambdaInterfaces(securityGroupIds);
    if (interfaces.length === 0) return [];
    for (const eni of interfaces) {
      if (eni.Status === "available" && eni.NetworkInterfaceId) {
        await deleteInterface(eni.NetworkInterfaceId);
      }
    }
    if (!await pause(deadline)) {
      const left = await describeLambdaInterfaces(securityGroupIds);
      return left.map((eni) => eni.NetworkInterfaceId ?? "unknown");
    }
  }
}
async function describeLambdaInterfaces(securityGroupIds) {
  const found = [];
  let nextToken;
  do {
    const page = await ec2.send(new import_client_ec2.DescribeNetworkInterfacesCommand({
      Filters: [
        { Name: "group-id", Values: securityGroupIds },
        // Only interfaces Lambda made: whatever else shares the group is not ours to delete.
        { Name: "description", Values: [LAMBDA_ENI_DESCRIPTION] }
      ],
      NextToken: nextToken
    }));
    found.push(...page.NetworkInterfaces ?? []);
    nextToken = page.NextToken;
  } while (nextToken);
  return found;
}
async function deleteInterface(networkInterfaceId) {
  try {
    await ec2.send(new import_client_ec2.DeleteNetworkInterfaceCommand({ NetworkInterfaceId: networkInterfaceId }));
    log("INFO", "network interface deleted", { networkInterfaceId });
  } catch (e) {
    const name = errorName(e);
    if (name === "InvalidNetworkInterfaceID.NotFound") return;
    if (name === "InvalidNetworkInterface.InUse") return;
    throw e;
  }
}
async function getConfiguration(functionName) {
  try {
    return await lambda.send(new import_client_lambda.GetFunctionConfigurationCommand({ FunctionName: functionName }));
  } catch (e) {
    if (errorName(e) === "ResourceNotFoundException") return void 0;
    throw e;
  }
}
async function stackStatus(stackId) {
  try {
    const out = await cloudformation.send(new import_client_cloudformation.DescribeStacksCommand({ StackName: stackId }));
    return out.Stacks?.[0]?.StackStatus;
  } catch (e) {
    log("WARN", "cannot read the stack status", { error: describe(e) });
    return void 0;
  }
}
async function pause(deadline) {
  if (Date.now() + settings.pollIntervalMs > deadline) return false;
  await sleep(settings.pollIntervalMs);
  return true;
}
function errorName(e) {
  if (e && typeof e === "object") {
    const err = e;
    return err.name ?? err.Code ?? err.code ?? "";
  }
  return "";
}
function describe(e) {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
function log(level, message, fields) {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === "INFO") console.log(line);
  else if (level === "WARN") console.warn(line);
  else console.error(line);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLIENT_TIMEOUTS,
  cleanUp,
  handler,
  settings
});
