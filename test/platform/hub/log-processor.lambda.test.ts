import { gzipSync } from 'zlib';
import type { FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';
import { RESPONSE_BUDGET_BYTES, handler, processRecords } from '../../../src/platform/hub/log-processor.lambda';

const ACCOUNT = '210987654321';

/** A record as Firehose hands it over: base64 of the gzip'ed CloudWatch Logs envelope. */
function record(recordId: string, envelope: unknown): FirehoseTransformationEventRecord {
  const json = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
  return { recordId, approximateArrivalTimestamp: 1_700_000_000_000, data: gzipSync(Buffer.from(json, 'utf8')).toString('base64') };
}

function dataMessage(logGroup: string, messages: string[], owner = ACCOUNT) {
  return {
    messageType: 'DATA_MESSAGE',
    owner,
    logGroup,
    logStream: '2024/01/01/[$LATEST]abc',
    subscriptionFilters: ['ShipToPlatform'],
    logEvents: messages.map((message, i) => ({ id: `3${i}`, timestamp: 1_700_000_000_000 + i, message })),
  };
}

const CONTROL_MESSAGE = {
  messageType: 'CONTROL_MESSAGE',
  owner: 'CloudwatchLogs',
  logGroup: '',
  logStream: '',
  subscriptionFilters: [],
  logEvents: [{ id: '', timestamp: 1_700_000_000_000, message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' }],
};

function event(records: FirehoseTransformationEventRecord[]): FirehoseTransformationEvent {
  return {
    invocationId: 'invocation-1',
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:111111111111:deliverystream/tenant-blocks-logs',
    sourceKinesisStreamArn: 'arn:aws:kinesis:us-east-1:111111111111:stream/hub',
    region: 'us-east-1',
    records,
  };
}

function lines(data: string | undefined): unknown[] {
  const text = Buffer.from(data ?? '', 'base64').toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line));
}

beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('log processor', () => {
  test('a data message becomes one JSON line per event, partitioned by account only', async () => {
    const result = await handler(event([record('r1', dataMessage('/aws/lambda/acme-app', ['START', 'hello "world"\nsecond line']))]));

    expect(result.records).toHaveLength(1);
    const [r] = result.records;
    expect(r).toEqual({
      recordId: 'r1',
      result: 'Ok',
      data: expect.any(String),
      metadata: { partitionKeys: { account: ACCOUNT } },
    });
    expect(lines(r.data)).toEqual([
      { owner: ACCOUNT, logGroup: '/aws/lambda/acme-app', logStream: '2024/01/01/[$LATEST]abc', id: '30', timestamp: 1_700_000_000_000, message: 'START' },
      { owner: ACCOUNT, logGroup: '/aws/lambda/acme-app', logStream: '2024/01/01/[$LATEST]abc', id: '31', timestamp: 1_700_000_000_001, message: 'hello "world"\nsecond line' },
    ]);
  });

  test('a control message is dropped', async () => {
    const result = await handler(event([record('c1', CONTROL_MESSAGE)]));
    expect(result.records).toEqual([{ recordId: 'c1', result: 'Dropped' }]);
  });

  test('a data message without events is dropped', async () => {
    const result = await handler(event([record('e1', dataMessage('app', []))]));
    expect(result.records).toEqual([{ recordId: 'e1', result: 'Dropped' }]);
  });

  test.each<[string, FirehoseTransformationEventRecord]>([
    ['data that is not gzip', { recordId: 'm', approximateArrivalTimestamp: 0, data: Buffer.from('{"messageType":"DATA_MESSAGE"}').toString('base64') }],
    ['data that is not base64 of anything', { recordId: 'm', approximateArrivalTimestamp: 0, data: '%%%not base64%%%' }],
    ['gzip of something that is not JSON', record('m', 'plain text log line')],
    ['a JSON array instead of an envelope', record('m', '[1,2,3]')],
    ['an unknown message type', record('m', { ...dataMessage('app', ['x']), messageType: 'OTHER' })],
    ['an owner that is not an account id', record('m', dataMessage('app', ['x'], '../../other'))],
    ['a log group name outside the CloudWatch Logs alphabet', record('m', dataMessage('app/../../x y', ['x']))],
    ['events that are not a list', record('m', { ...dataMessage('app', []), logEvents: 'x' })],
    ['an event without a message', record('m', { ...dataMessage('app', []), logEvents: [{ id: '1', timestamp: 1 }] })],
  ])('a record with %s fails processing (Firehose keeps it under errors/logs/processing-failed/)', async (_name, bad) => {
    const result = await handler(event([bad]));
    expect(result.records).toEqual([{ recordId: 'm', result: 'ProcessingFailed' }]);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"recordId":"m"'));
  });

  test('every record of a mixed batch gets its own result, in order', async () => {
    const result = await handler(event([
      record('a', dataMessage('/tenant/acme', ['one'])),
      record('b', CONTROL_MESSAGE),
      { recordId: 'c', approximateArrivalTimestamp: 0, data: 'bm90IGd6aXA=' },
      record('d', dataMessage('orders#2', ['two'], '222222222222')),
    ]));
    expect(result.records.map((r) => [r.recordId, r.result, r.metadata?.partitionKeys])).toEqual([
      ['a', 'Ok', { account: ACCOUNT }],
      ['b', 'Dropped', undefined],
      ['c', 'ProcessingFailed', undefined],
      ['d', 'Ok', { account: '222222222222' }],
    ]);
  });

  test('keeps the response under the budget: a record that no longer fits fails instead of the whole batch', () => {
    const big = 'x'.repeat(3000);
    const records = ['a', 'b', 'c'].map((id) => record(id, dataMessage('app', [big])));
    // Room for about two transformed records (each ~4.3 KB once base64-encoded).
    const budget = 9000;

    const result = processRecords(records, budget);

    expect(result.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'ProcessingFailed']);
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThanOrEqual(budget);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('does not fit the 9000-byte response limit'));
  });

  test('an envelope that decompresses beyond the budget fails without being inflated further', () => {
    const huge = record('h', dataMessage('app', ['y'.repeat(50_000)]));
    expect(huge.data.length).toBeLessThan(2000); // a gzip bomb in miniature

    const result = processRecords([huge], 10_000);

    expect(result.records).toEqual([{ recordId: 'h', result: 'ProcessingFailed' }]);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('the envelope decompresses to more than 10000 bytes'));
  });

  test('the response budget stays under Lambda\'s 6 MB synchronous response limit', () => {
    expect(RESPONSE_BUDGET_BYTES).toBeLessThan(6 * 1024 * 1024);
  });
});
