/**
 * The hub's Firehose record processor: turns the CloudWatch Logs subscription envelopes that arrive
 * through the hub's Kinesis stream into newline-delimited JSON log events, partitioned by sending
 * account (the log group stays inside each line: see log-partition.lambda-shared.ts for why).
 *
 * Why a Lambda and not Firehose's built-in CloudWatch Logs decompression: that processor only
 * accepts records that CloudWatch Logs writes to Firehose directly; the hub's records come through
 * a Kinesis stream (the destination's target), so it would reject every record.
 *
 * Per record (Firehose data transformation contract):
 * - base64-decode and gunzip the CloudWatch Logs envelope;
 * - `CONTROL_MESSAGE` (CloudWatch Logs checking that the destination is reachable) -> `Dropped`;
 * - `DATA_MESSAGE` -> `Ok`, data = one JSON line per log event
 *   `{ owner, logGroup, logStream, id, timestamp, message }`, metadata.partitionKeys =
 *   `{ account: owner }` (the hub's layout, see log-partition.lambda-shared.ts);
 *   a data message without events -> `Dropped`;
 * - anything that is not a gzip'ed envelope of that shape (bad base64 or gzip, not JSON, an owner
 *   that is not 12 digits, a log group name outside the CloudWatch Logs alphabet, events of the
 *   wrong shape) -> `ProcessingFailed`: Firehose writes the raw record under
 *   `errors/logs/processing-failed/`, nothing is lost.
 *
 * Lambda limits: Firehose invokes synchronously, so request and response are each limited to 6 MB.
 * The request is bounded by the processor buffer (1 MB of compressed records); the response
 * (decompressed, then base64, so larger than the request) is kept under `RESPONSE_BUDGET_BYTES`:
 * a record whose output would exceed what is left is returned as `ProcessingFailed` (its raw form
 * lands under `errors/logs/processing-failed/`, where it can be re-driven) instead of failing the whole
 * batch. An envelope that decompresses to more than the budget on its own can never be returned and
 * fails the same way, without being decompressed further.
 */
import { gunzipSync } from 'zlib';
import type {
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  FirehoseTransformationResult,
  FirehoseTransformationResultRecord,
} from 'aws-lambda';
import { ACCOUNT, ACCOUNT_PARTITION_KEY, LOG_GROUP_NAME } from '../../core/log-partition.lambda-shared';

/**
 * Most bytes the response may hold: Lambda's 6 MB synchronous response limit (6,291,456 bytes)
 * less a margin for what the runtime adds.
 */
export const RESPONSE_BUDGET_BYTES = 6_000_000;

/** `{"records":[]}` */
const ENVELOPE_BYTES = 14;

/** One log event as the hub stores it: a line of the object Firehose writes. */
interface StoredLogEvent {
  readonly owner: string;
  readonly logGroup: string;
  readonly logStream: string;
  readonly id: string;
  readonly timestamp: number;
  readonly message: string;
}

class MalformedRecord extends Error {}

/** The Firehose entry point. */
export async function handler(event: FirehoseTransformationEvent): Promise<FirehoseTransformationResult> {
  return processRecords(event.records, RESPONSE_BUDGET_BYTES);
}

/**
 * Transforms `records`, keeping the serialized response within `budgetBytes` (exported for tests,
 * which use a small budget).
 */
export function processRecords(records: readonly FirehoseTransformationEventRecord[], budgetBytes: number): FirehoseTransformationResult {
  const failedCost = (recordId: string) => bytes(failed(recordId)) + 1;
  // Room for every record to come back as ProcessingFailed: the response always fits.
  let reserved = ENVELOPE_BYTES + records.reduce((sum, r) => sum + failedCost(r.recordId), 0);
  let used = 0;
  const counts = { Ok: 0, Dropped: 0, ProcessingFailed: 0 };
  const results: FirehoseTransformationResultRecord[] = [];

  for (const record of records) {
    reserved -= failedCost(record.recordId);
    let result = transform(record, budgetBytes);
    let size = bytes(result) + 1;
    if (result.result === 'Ok' && used + reserved + size > budgetBytes) {
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

function transform(record: FirehoseTransformationEventRecord, budgetBytes: number): FirehoseTransformationResultRecord {
  try {
    const envelope = decode(record.data, budgetBytes);
    if (envelope.messageType === 'CONTROL_MESSAGE') {
      return { recordId: record.recordId, result: 'Dropped' };
    }
    const events = storedEvents(envelope);
    if (events.length === 0) {
      return { recordId: record.recordId, result: 'Dropped' };
    }
    const lines = events.map((e) => `${JSON.stringify(e)}\n`).join('');
    return {
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(lines, 'utf8').toString('base64'),
      metadata: { partitionKeys: { [ACCOUNT_PARTITION_KEY]: events[0].owner } },
    };
  } catch (e) {
    const reason = e instanceof MalformedRecord ? e.message : `not a gzip'ed CloudWatch Logs envelope (${(e as Error).message})`;
    console.error(JSON.stringify({ recordId: record.recordId, error: reason }));
    return failed(record.recordId);
  }
}

function decode(data: string, budgetBytes: number): Record<string, unknown> {
  const compressed = Buffer.from(data ?? '', 'base64');
  let json: string;
  try {
    // Bounded: an envelope larger than the whole response could never be returned.
    json = gunzipSync(compressed, { maxOutputLength: budgetBytes }).toString('utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new MalformedRecord(`the envelope decompresses to more than ${budgetBytes} bytes, more than one response can hold`);
    }
    throw e;
  }
  const envelope: unknown = JSON.parse(json);
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
    throw new MalformedRecord('the envelope is not a JSON object');
  }
  return envelope as Record<string, unknown>;
}

function storedEvents(envelope: Record<string, unknown>): StoredLogEvent[] {
  const { messageType, owner, logGroup, logStream, logEvents } = envelope;
  if (messageType !== 'DATA_MESSAGE') {
    throw new MalformedRecord(`messageType is ${JSON.stringify(messageType)}, expected DATA_MESSAGE or CONTROL_MESSAGE`);
  }
  // The owner becomes an S3 key segment (the partition): only an exact account id.
  if (typeof owner !== 'string' || !ACCOUNT.test(owner)) {
    throw new MalformedRecord(`owner is ${JSON.stringify(owner)}, expected a 12-digit account id`);
  }
  if (typeof logGroup !== 'string' || !LOG_GROUP_NAME.test(logGroup)) {
    throw new MalformedRecord(`logGroup is ${JSON.stringify(logGroup)}, expected a CloudWatch Logs log group name`);
  }
  if (typeof logStream !== 'string') {
    throw new MalformedRecord('logStream is missing');
  }
  if (!Array.isArray(logEvents)) {
    throw new MalformedRecord('logEvents is not a list');
  }
  return logEvents.map((e: unknown, i) => {
    const event = (e ?? {}) as Record<string, unknown>;
    if (typeof event.id !== 'string' || typeof event.timestamp !== 'number' || typeof event.message !== 'string') {
      throw new MalformedRecord(`logEvents[${i}] is not { id: string, timestamp: number, message: string }`);
    }
    return { owner, logGroup, logStream, id: event.id, timestamp: event.timestamp, message: event.message };
  });
}

function failed(recordId: string): FirehoseTransformationResultRecord {
  return { recordId, result: 'ProcessingFailed' };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
