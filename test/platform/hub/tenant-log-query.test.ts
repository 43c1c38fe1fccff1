// Issue 11, per-tenant queries: ONE partition layout (log-partition.lambda-shared.ts) shared by the
// log processor, the Firehose prefixes, the Glue projection templates and TenantLogQuery, tested
// both ways; the query text run against a real SQL engine (the test suite's PostgreSQL 17) over
// tables shaped like the synthesized Glue tables, partitioned like S3, to prove it parses and reads
// only the tenant's partition.
import { gzipSync } from 'zlib';
import { Template } from 'aws-cdk-lib/assertions';
import { Client } from 'pg';
import { PlatformHub } from '../../../src/platform/hub';
import { dayOf } from '../../../src/core/log-partition.lambda-shared';
import { handler } from '../../../src/platform/hub/log-processor.lambda';
import { TenantLogQuery } from '../../../src/platform/hub/tenant-log-query';
import { testStack } from '../../support/app';
import { PostgresServer } from '../../support/postgres-server';

const TENANT_A = '210987654321';
const TENANT_B = '222222222222';
const FROM = new Date('2026-11-01T00:00:00Z');
const TO = new Date('2026-11-02T00:00:00Z');

function hub() {
  const stack = testStack('Platform', { account: '111111111111', region: 'us-east-1' });
  new PlatformHub(stack, 'Hub', { tenantAccountIds: [TENANT_A, TENANT_B] });
  return Template.fromStack(stack);
}

function table(template: Template, name: string) {
  const [t] = Object.values(template.findResources('AWS::Glue::Table', { Properties: { TableInput: { Name: name } } }));
  return t.Properties.TableInput;
}

function firehose(template: Template, name: string) {
  const [d] = Object.values(template.findResources('AWS::KinesisFirehose::DeliveryStream', { Properties: { DeliveryStreamName: name } }));
  return d.Properties.ExtendedS3DestinationConfiguration;
}

/** The projection template with the bucket reference cut off: `logs/account=${account}/day=${day}/`. */
function projectionSuffix(tableInput: any): string {
  const template = tableInput.Parameters['storage.location.template'];
  const parts: unknown[] = template['Fn::Join'][1];
  expect(parts[0]).toBe('s3://');
  return String(parts[2]).replace(/^\//, '');
}

/** What Firehose makes of a prefix for a record: its partition keys and its arrival day substituted. */
function firehoseKey(prefix: string, keys: Record<string, string>, arrival: Date): string {
  return prefix
    .replace(/!\{partitionKeyFrom(?:Lambda|Query):(\w+)\}/g, (_m, k) => keys[k])
    .replace('!{timestamp:yyyy-MM-dd}', dayOf(arrival));
}

function projected(suffix: string, values: Record<string, string>): string {
  return suffix.replace(/\$\{(\w+)\}/g, (_m, k) => values[k]);
}

describe('one partition layout, tested both ways', () => {
  const template = hub();
  const arrival = new Date('2026-11-28T23:59:30Z');

  test('the prefix the processor + Firehose write for a record is the prefix the logs table projects for it', async () => {
    const envelope = { messageType: 'DATA_MESSAGE', owner: TENANT_A, logGroup: '/aws/lambda/app', logStream: 's', subscriptionFilters: [], logEvents: [{ id: '1', timestamp: 1, message: 'm' }] };
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await handler({
      invocationId: 'i',
      deliveryStreamArn: 'a',
      region: 'us-east-1',
      records: [{ recordId: 'r', approximateArrivalTimestamp: arrival.getTime(), data: gzipSync(JSON.stringify(envelope)).toString('base64') }],
    });
    const keys = result.records[0].metadata!.partitionKeys;
    const written = firehoseKey(firehose(template, 'tenant-blocks-logs').Prefix, keys, arrival);

    expect(written).toBe(`logs/account=${TENANT_A}/day=2026-11-28/`);
    expect(projected(projectionSuffix(table(template, 'tenant_logs')), { account: TENANT_A, day: '2026-11-28' })).toBe(written);
    expect(written.startsWith(PlatformHub.logPrefixFor(TENANT_A))).toBe(true);
  });

  test('the prefix the history stream writes for an event is the prefix the history table projects for it', () => {
    const config = firehose(template, 'tenant-blocks-history');
    const query = config.ProcessingConfiguration.Processors[0].Parameters.find((p: any) => p.ParameterName === 'MetadataExtractionQuery').ParameterValue;
    expect(query).toBe('{account: .account}');
    const event = { 'account': TENANT_B, 'source': 'aws.cloudwatch', 'detail-type': 'CloudWatch Alarm State Change' };
    const written = firehoseKey(config.Prefix, { account: event.account }, arrival);

    expect(written).toBe(`history/account=${TENANT_B}/day=2026-11-28/`);
    expect(projected(projectionSuffix(table(template, 'tenant_history')), { account: TENANT_B, day: '2026-11-28' })).toBe(written);
    expect(written.startsWith(PlatformHub.historyPrefixFor(TENANT_B))).toBe(true);
  });

  test.each(['tenant_logs', 'tenant_history'])('%s projects the account as injected (a query must pin it) and the day as a date in the layout format', (name) => {
    const t = table(template, name);
    expect(t.PartitionKeys).toEqual([{ Name: 'account', Type: 'string' }, { Name: 'day', Type: 'string' }]);
    expect(t.Parameters).toEqual(expect.objectContaining({
      'projection.enabled': 'true',
      'projection.account.type': 'injected',
      'projection.day.type': 'date',
      'projection.day.format': 'yyyy-MM-dd',
      'projection.day.range': '2025-01-01,NOW',
    }));
  });

  test('the generated queries pin the account and the day partitions in their WHERE clause', () => {
    for (const q of [TenantLogQuery.forTenant(TENANT_A, '/aws/lambda/app', FROM, TO), TenantLogQuery.historyForTenant(TENANT_A, FROM, TO)]) {
      expect(q.queryString).toMatch(/\nWHERE account = \? AND day BETWEEN \? AND \?\n/);
      expect(q.executionParameters.slice(0, 3)).toEqual([`'${TENANT_A}'`, "'2026-11-01'", "'2026-11-03'"]);
      expect(q.workGroup).toBe('tenant-blocks-hub');
    }
  });
});

describe('TenantLogQuery', () => {
  test('forTenant: constant SQL text, the values as execution parameters', () => {
    const q = TenantLogQuery.forTenant(TENANT_A, '/aws/lambda/app', FROM, TO);
    expect(q.queryString).toBe([
      'SELECT "timestamp", logstream, id, message',
      'FROM "tenant_blocks_hub"."tenant_logs"',
      'WHERE account = ? AND day BETWEEN ? AND ?',
      '  AND loggroup = ? AND "timestamp" >= ? AND "timestamp" < ?',
      'ORDER BY "timestamp", id',
      'LIMIT 10000',
    ].join('\n'));
    expect(q.executionParameters).toEqual([`'${TENANT_A}'`, "'2026-11-01'", "'2026-11-03'", "'/aws/lambda/app'", String(FROM.getTime()), String(TO.getTime())]);
    expect(q.database).toBe('tenant_blocks_hub');
  });

  test('the SQL text never contains a caller\'s value', () => {
    const a = TenantLogQuery.forTenant(TENANT_A, '/a', FROM, TO);
    const b = TenantLogQuery.forTenant(TENANT_B, '/b-other', new Date('2026-01-01T00:00:00Z'), new Date('2026-01-20T00:00:00Z'));
    expect(a.queryString).toBe(b.queryString);
  });

  test('historyForTenant compares EventBridge times to the second', () => {
    const q = TenantLogQuery.historyForTenant(TENANT_A, new Date('2026-11-01T10:00:00.500Z'), TO);
    expect(q.queryString).toContain('FROM "tenant_blocks_hub"."tenant_history"');
    expect(q.executionParameters).toEqual([`'${TENANT_A}'`, "'2026-11-01'", "'2026-11-03'", "'2026-11-01T10:00:00Z'", "'2026-11-02T00:00:00Z'"]);
  });

  test.each<[string, () => unknown, string]>([
    ['the account is not 12 digits', () => TenantLogQuery.forTenant("2109' OR '1'='1", 'app', FROM, TO), '- tenantAccountId: must be a 12-digit AWS account id (got: "2109\' OR \'1\'=\'1")'],
    ['the log group has a quote', () => TenantLogQuery.forTenant(TENANT_A, "app' OR account <> '", FROM, TO), '- logGroupName: must be a CloudWatch Logs log group name'],
    ['from is not before to', () => TenantLogQuery.forTenant(TENANT_A, 'app', TO, FROM), '- from/to: from (2026-11-02T00:00:00.000Z) must be before to (2026-11-01T00:00:00.000Z)'],
    ['the range is longer than 31 days', () => TenantLogQuery.historyForTenant(TENANT_A, FROM, new Date('2026-12-03T00:00:00Z')), '- from/to: the range covers 32 days, at most 31 are allowed'],
    ['a date is invalid', () => TenantLogQuery.historyForTenant(TENANT_A, new Date('nope'), TO), '- from/to: must be valid dates'],
  ])('throws when %s', (_name, build, message) => {
    expect(build).toThrow(message);
  });

  test('throws one error listing every problem', () => {
    expect(() => TenantLogQuery.forTenant('1', 'a b', TO, FROM)).toThrow(/^Invalid TenantLogQuery:\n- tenantAccountId: .*\n- from\/to: .*\n- logGroupName: .*$/);
  });
});

describe('the query text on a real SQL engine (PostgreSQL 17) over tables shaped like the Glue tables', () => {
  let server: PostgresServer;
  const template = hub();
  const PG_TYPES: Record<string, string> = { 'string': 'text', 'bigint': 'bigint', 'array<string>': 'text[]' };

  /** Athena substitutes the execution parameters in order; they are SQL literals, so PostgreSQL takes them as they are. */
  function bind(q: TenantLogQuery): string {
    const params = [...q.executionParameters];
    const text = q.queryString.replace(/\?/g, () => params.shift()!);
    expect(params).toEqual([]);
    return text;
  }

  async function sql<T = any>(text: string): Promise<T[]> {
    return server.superuser(async (c: Client) => (await c.query(text)).rows);
  }

  beforeAll(async () => {
    server = await PostgresServer.create();
    const ddl: string[] = ['CREATE SCHEMA tenant_blocks_hub'];
    for (const name of ['tenant_logs', 'tenant_history']) {
      const t = table(template, name);
      const columns = [...t.StorageDescriptor.Columns, ...t.PartitionKeys].map((c: any) => `"${c.Name}" ${PG_TYPES[c.Type]}`);
      // Partitioned like the S3 layout: account, then day.
      ddl.push(`CREATE TABLE tenant_blocks_hub.${name} (${columns.join(', ')}) PARTITION BY LIST (account)`);
      for (const [i, account] of [TENANT_A, TENANT_B].entries()) {
        ddl.push(`CREATE TABLE tenant_blocks_hub.${name}_a${i} PARTITION OF tenant_blocks_hub.${name} FOR VALUES IN ('${account}') PARTITION BY LIST (day)`);
        for (const day of ['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) {
          ddl.push(`CREATE TABLE tenant_blocks_hub.${name}_a${i}_${day.replace(/-/g, '')} PARTITION OF tenant_blocks_hub.${name}_a${i} FOR VALUES IN ('${day}')`);
        }
      }
    }
    const ms = (iso: string) => new Date(iso).getTime();
    const logRow = (account: string, day: string, group: string, iso: string, message: string) =>
      `('${account}', '${group}', 's', '${message}', ${ms(iso)}, '${message}', '${account}', '${day}')`;
    ddl.push(`INSERT INTO tenant_blocks_hub.tenant_logs (owner, loggroup, logstream, id, "timestamp", message, account, day) VALUES
      ${[
        logRow(TENANT_A, '2026-10-31', '/aws/lambda/app', '2026-10-31T23:00:00Z', 'a-before'),
        logRow(TENANT_A, '2026-11-01', '/aws/lambda/app', '2026-11-01T08:00:00Z', 'a-in-1'),
        logRow(TENANT_A, '2026-11-02', '/aws/lambda/app', '2026-11-01T23:59:59Z', 'a-in-late-arrival'),
        logRow(TENANT_A, '2026-11-02', '/aws/lambda/app', '2026-11-02T00:00:00Z', 'a-at-end'),
        logRow(TENANT_A, '2026-11-01', '/aws/lambda/other', '2026-11-01T09:00:00Z', 'a-other-group'),
        logRow(TENANT_B, '2026-11-01', '/aws/lambda/app', '2026-11-01T08:00:00Z', 'b-same-group'),
      ].join(',\n')}`);
    const historyRow = (account: string, day: string, iso: string, id: string) =>
      `('${id}', 'CloudWatch Alarm State Change', 'aws.cloudwatch', '${iso}', 'us-east-1', ARRAY['arn:aws:cloudwatch:us-east-1:${account}:alarm:x'], '{}', '${account}', '${day}')`;
    ddl.push(`INSERT INTO tenant_blocks_hub.tenant_history (id, detail_type, source, "time", region, resources, detail, account, day) VALUES
      ${[
        historyRow(TENANT_A, '2026-11-01', '2026-11-01T10:00:00Z', 'a-in'),
        historyRow(TENANT_A, '2026-11-03', '2026-11-03T10:00:00Z', 'a-after'),
        historyRow(TENANT_B, '2026-11-01', '2026-11-01T10:00:00Z', 'b-in'),
      ].join(',\n')}`);
    for (const statement of ddl) await sql(statement);
  }, 120_000);
  afterAll(async () => server?.destroy());

  test('the log query parses and returns exactly the tenant\'s lines of that log group and range (late arrivals included)', async () => {
    const rows = await sql(bind(TenantLogQuery.forTenant(TENANT_A, '/aws/lambda/app', FROM, TO)));
    expect(rows.map((r) => r.message)).toEqual(['a-in-1', 'a-in-late-arrival']);
  });

  test('the log query plan reads only the tenant\'s partitions of the range\'s days', async () => {
    const plan = (await sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${bind(TenantLogQuery.forTenant(TENANT_A, '/aws/lambda/app', FROM, TO))}`)).map((r) => r['QUERY PLAN']).join('\n');
    const scanned = [...plan.matchAll(/Scan on (tenant_logs_\w+)/g)].map((m) => m[1]).sort();
    expect(scanned).toEqual(['tenant_logs_a0_20261101', 'tenant_logs_a0_20261102', 'tenant_logs_a0_20261103']);
  });

  test('the history query parses, returns the tenant\'s events of the range, and reads only its partitions', async () => {
    const text = bind(TenantLogQuery.historyForTenant(TENANT_A, FROM, TO));
    expect((await sql(text)).map((r) => r.id)).toEqual(['a-in']);
    const plan = (await sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`)).map((r) => r['QUERY PLAN']).join('\n');
    expect([...plan.matchAll(/Scan on (tenant_history_\w+)/g)].map((m) => m[1]).every((p) => p.startsWith('tenant_history_a0_'))).toBe(true);
  });
});
