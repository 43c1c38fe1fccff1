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

// src/platform/hub/log-processor.lambda.ts
var log_processor_lambda_exports = {};
__export(log_processor_lambda_exports, {
  RESPONSE_BUDGET_BYTES: () => RESPONSE_BUDGET_BYTES,
  handler: () => handler,
  processRecords: () => processRecords
});
module.exports = __toCommonJS(log_processor_lambda_exports);
var import_zlib = require("zlib");

// src/core/log-partition.lambda-shared.ts
var ACCOUNT = /^\d{12}$/;
var LOG_GROUP_NAME = /^[A-Za-z0-9._/#-]{1,512}$/;
var ACCOUNT_PARTITION_KEY = "account";

// src/platform/hub/log-processor.lambda.ts
var RESPONSE_BUDGET_BYTES = 6e6;
var ENVELOPE_BYTES = 14;
var MalformedRecord = class extends Error {
};
async function handler(event) {
  return processRecords(event.records, RESPONSE_BUDGET_BYTES);
}
function processRecords(records, budgetBytes) {
  const failedCost = (recordId) => bytes(failed(recordId)) + 1;
  let reserved = ENVELOPE_BYTES + records.reduce((sum, r) => sum + failedCost(r.recordId), 0);
  let used = 0;
  const counts = { Ok: 0, Dropped: 0, ProcessingFailed: 0 };
  const results = [];
  for (const record of records) {
    reserved -= failedCost(record.recordId);
    let result = transform(record, budgetBytes);
    let size = bytes(result) + 1;
    if (result.result === "Ok" && used + reserved + size > budgetBytes) {
      console.error(JSON.stringify({ recordId: record.recordId, error: `output of ${size} bytes does not fit the ${budgetBytes}-byte response limit; delivered raw under errors/logs/processing-failed/` }));
      result = failed(record.recordId);
      size = bytes(result) + 1;
    }
    used += size;
    counts[result.result] += 1;
    results.push(result);
  }
  console.log(JSON.stringify({ records: records.length, ...counts, responseBytes: used + ENVELOPE_BYTES }));
  return { records: results };
}
function transform(record, budgetBytes) {
  try {
    const envelope = decode(record.data, budgetBytes);
    if (envelope.messageType === "CONTROL_MESSAGE") {
      return { recordId: record.recordId, result: "Dropped" };
    }
    const events = storedEvents(envelope);
    if (events.length === 0) {
      return { recordId: record.recordId, result: "Dropped" };
    }
    const lines = events.map((e) => `${JSON.stringify(e)}
`).join("");
    return {
      recordId: record.recordId,
      result: "Ok",
      data: Buffer.from(lines, "utf8").toString("base64"),
      metadata: { partitionKeys: { [ACCOUNT_PARTITION_KEY]: events[0].owner } }
    };
  } catch (e) {
    const reason = e instanceof MalformedRecord ? e.message : `not a gzip'ed CloudWatch Logs envelope (${e.message})`;
    console.error(JSON.stringify({ recordId: record.recordId, error: reason }));
    return failed(record.recordId);
  }
}
function decode(data, budgetBytes) {
  const compressed = Buffer.from(data ?? "", "base64");
  let json;
  try {
    json = (0, import_zlib.gunzipSync)(compressed, { maxOutputLength: budgetBytes }).toString("utf8");
  } catch (e) {
    if (e.code === "ERR_BUFFER_TOO_LARGE") {
      throw new MalformedRecord(`the envelope decompresses to more than ${budgetBytes} bytes, more than one response can hold`);
    }
    throw e;
  }
  const envelope = JSON.parse(json);
  if (envelope === null || typeof envelope !== "object" || Array.isArray(envelope)) {
    throw new MalformedRecord("the envelope is not a JSON object");
  }
  return envelope;
}
function storedEvents(envelope) {
  const { messageType, owner, logGroup, logStream, logEvents } = envelope;
  if (messageType !== "DATA_MESSAGE") {
    throw new MalformedRecord(`messageType is ${JSON.stringify(messageType)}, expected DATA_MESSAGE or CONTROL_MESSAGE`);
  }
  if (typeof owner !== "string" || !ACCOUNT.test(owner)) {
    throw new MalformedRecord(`owner is ${JSON.stringify(owner)}, expected a 12-digit account id`);
  }
  if (typeof logGroup !== "string" || !LOG_GROUP_NAME.test(logGroup)) {
    throw new MalformedRecord(`logGroup is ${JSON.stringify(logGroup)}, expected a CloudWatch Logs log group name`);
  }
  if (typeof logStream !== "string") {
    throw new MalformedRecord("logStream is missing");
  }
  if (!Array.isArray(logEvents)) {
    throw new MalformedRecord("logEvents is not a list");
  }
  return logEvents.map((e, i) => {
    const event = e ?? {};
    if (typeof event.id !== "string" || typeof event.timestamp !== "number" || typeof event.message !== "string") {
      throw new MalformedRecord(`logEvents[${i}] is not { id: string, timestamp: number, message: string }`);
    }
    return { owner, logGroup, logStream, id: event.id, timestamp: event.timestamp, message: event.message };
  });
}
function failed(recordId) {
  return { recordId, result: "ProcessingFailed" };
}
function bytes(value) {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  RESPONSE_BUDGET_BYTES,
  handler,
  processRecords
});
