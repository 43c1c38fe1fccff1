import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Suppressions } from '../../core';
import {
  ACCOUNT_PARTITION_KEY,
  DAY_FORMAT,
  DAY_PARTITION_KEY,
  HISTORY_ROOT,
  LOGS_ROOT,
  PARTITION_KEYS,
  accountPrefixOf,
  projectionTemplate,
} from '../../core/log-partition.lambda-shared';
import { HUB_GLUE_DATABASE, HUB_HISTORY_TABLE, HUB_LOGS_TABLE, HUB_WORKGROUP, partitionOf } from '../../core/hub-names';

/**
 * Most bytes one query may scan (Athena's per-query data usage control, enforced by the
 * workgroup): 1 GiB of GZIP'ed JSON lines is months of a busy tenant's logs, and at Athena's
 * price per TB a runaway query costs cents. A query that needs more is a job, not a console view.
 */
export const QUERY_BYTES_SCANNED_CUTOFF = 1024 * 1024 * 1024;

/** First day the day projection knows (older days cannot exist: the layout was introduced later). */
export const PROJECTION_FIRST_DAY = '2025-01-01';

/** How long query results are kept: the console reads them right away. */
const RESULTS_EXPIRATION = Duration.days(7);

/** The columns of the logs table: the JSON line the log processor writes. */
export const LOG_COLUMNS: ReadonlyArray<glue.CfnTable.ColumnProperty> = [
  { name: 'owner', type: 'string', comment: 'the tenant account that owns the log group' },
  { name: 'loggroup', type: 'string', comment: 'the exact log group name' },
  { name: 'logstream', type: 'string' },
  { name: 'id', type: 'string', comment: 'CloudWatch Logs event id' },
  { name: 'timestamp', type: 'bigint', comment: 'event time, milliseconds since the epoch (UTC)' },
  { name: 'message', type: 'string' },
];

/** The columns of the history table: an EventBridge event (its `account` is the partition). */
export const HISTORY_COLUMNS: ReadonlyArray<glue.CfnTable.ColumnProperty> = [
  { name: 'id', type: 'string', comment: 'EventBridge event id' },
  { name: 'detail_type', type: 'string', comment: 'the event\'s detail-type' },
  { name: 'source', type: 'string' },
  { name: 'time', type: 'string', comment: 'event time, ISO 8601 (UTC)' },
  { name: 'region', type: 'string' },
  { name: 'resources', type: 'array<string>' },
  { name: 'detail', type: 'string', comment: 'the event detail as JSON text' },
];

/** What {@link createQueryLayer} wires. Internal to the hub. */
export interface QueryLayerProps {
  /** The hub key. */
  readonly key: kms.IKey;
  /** The hub log bucket. */
  readonly bucket: s3.IBucket;
  /** The access-log bucket (the results bucket logs into it). */
  readonly accessLogs: s3.Bucket;
  /** What every hub bucket shares (no lock). */
  readonly bucketDefaults: s3.BucketProps;
}

/** What {@link createQueryLayer} created. */
export interface QueryLayer {
  /** The Glue database. */
  readonly database: glue.CfnDatabase;
  /** The logs table. */
  readonly logsTable: glue.CfnTable;
  /** The history table. */
  readonly historyTable: glue.CfnTable;
  /** The Athena workgroup. */
  readonly workGroup: athena.CfnWorkGroup;
  /** The query results bucket. */
  readonly resultsBucket: s3.Bucket;
}

/**
 * Glue database and tables with partition projection (no crawler: the layout is known) over the
 * logs and the history, and an Athena workgroup that enforces encrypted results and a per-query
 * scan limit (issue 11).
 *
 * The `account` partition is projected as `injected`: Athena refuses a query on these tables that
 * does not pin it with an equality, so one query reads one tenant account's partition, whoever
 * writes the SQL. The `day` partition is a date projection from {@link PROJECTION_FIRST_DAY} to now.
 */
export function createQueryLayer(scope: Construct, props: QueryLayerProps): QueryLayer {
  const stack = Stack.of(scope);
  const { account } = stack;
  const { key, bucket, accessLogs } = props;

  const database = new glue.CfnDatabase(scope, 'GlueDatabase', {
    catalogId: account,
    databaseInput: {
      name: HUB_GLUE_DATABASE,
      description: 'cdk-tenant-blocks platform hub: shipped tenant logs and event history (partition projection)',
    },
  });

  type Columns = ReadonlyArray<glue.CfnTable.ColumnProperty>;
  const table = (id: string, name: string, root: string, columns: Columns, description: string, serdeParameters: Record<string, string>) => {
    const t = new glue.CfnTable(scope, id, {
      catalogId: account,
      databaseName: HUB_GLUE_DATABASE,
      tableInput: {
        name,
        description,
        tableType: 'EXTERNAL_TABLE',
        parameters: {
          'classification': 'json',
          'compressionType': 'gzip',
          'projection.enabled': 'true',
          [`projection.${ACCOUNT_PARTITION_KEY}.type`]: 'injected',
          [`projection.${DAY_PARTITION_KEY}.type`]: 'date',
          [`projection.${DAY_PARTITION_KEY}.format`]: DAY_FORMAT,
          [`projection.${DAY_PARTITION_KEY}.range`]: `${PROJECTION_FIRST_DAY},NOW`,
          [`projection.${DAY_PARTITION_KEY}.interval`]: '1',
          [`projection.${DAY_PARTITION_KEY}.interval.unit`]: 'DAYS',
          // The same layout the processor and the Firehose prefixes write (log-partition.lambda-shared.ts).
          'storage.location.template': `s3://${bucket.bucketName}/${projectionTemplate(root)}`,
        },
        partitionKeys: PARTITION_KEYS.map((k) => ({ name: k, type: 'string' })),
        storageDescriptor: {
          location: `s3://${bucket.bucketName}/${root}/`,
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe', parameters: serdeParameters },
          columns: [...columns],
        },
      },
    });
    t.node.addDependency(database);
    return t;
  };
  const logsTable = table('LogsTable', HUB_LOGS_TABLE, LOGS_ROOT, LOG_COLUMNS,
    'Shipped tenant log events, one JSON line each; pin account (injected) and day', {
      // JSON lines the processor wrote: a malformed one is a bug to see, not to hide.
      'ignore.malformed.json': 'false',
      'case.insensitive': 'true',
    });
  const historyTable = table('HistoryTable', HUB_HISTORY_TABLE, HISTORY_ROOT, HISTORY_COLUMNS,
    'Per-tenant event history (EventBridge events), one JSON line each; pin account (injected) and day', {
      'ignore.malformed.json': 'false',
      'case.insensitive': 'true',
      'mapping.detail_type': 'detail-type',
    });

  const resultsBucket = new s3.Bucket(scope, 'QueryResultsBucket', {
    ...props.bucketDefaults,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    // Query results are copies the console reads once: no lock, a week, then gone.
    objectLockEnabled: undefined,
    objectLockDefaultRetention: undefined,
    lifecycleRules: [{
      expiration: RESULTS_EXPIRATION,
      noncurrentVersionExpiration: Duration.days(1),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    }],
    // Retained like every hub bucket (it empties itself through the lifecycle).
    removalPolicy: RemovalPolicy.RETAIN,
  });
  (resultsBucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: accessLogs.bucketName,
    logFilePrefix: 'query-results/',
  };
  accessLogs.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'S3ServerAccessLogsOfTheQueryResultsBucket',
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [accessLogs.arnForObjects('query-results/*')],
    conditions: { ArnLike: { 'aws:SourceArn': resultsBucket.bucketArn }, StringEquals: { 'aws:SourceAccount': account } },
  }));
  Suppressions.add(resultsBucket, [
    {
      id: 'CT.S3.PR.9',
      reason: 'Athena query results are transient copies of locked data, read once by the console and expired after a week: locking them would keep every result for the retention',
    },
    ...['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'].map((ruleId) => ({
      id: ruleId,
      reason: 'Athena query results are transient copies of the hub bucket (re-run the query); nothing to replicate',
    })),
  ]);

  const workGroup = new athena.CfnWorkGroup(scope, 'WorkGroup', {
    name: HUB_WORKGROUP,
    description: 'cdk-tenant-blocks platform hub: per-tenant log and history queries',
    state: 'ENABLED',
    // The workgroup holds no data of its own (results live in the results bucket): deletable with the stack.
    recursiveDeleteOption: true,
    workGroupConfiguration: {
      // Clients cannot override the output location, the encryption or the limits.
      enforceWorkGroupConfiguration: true,
      publishCloudWatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: QUERY_BYTES_SCANNED_CUTOFF,
      requesterPaysEnabled: false,
      engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
      resultConfiguration: {
        outputLocation: `s3://${resultsBucket.bucketName}/results/`,
        expectedBucketOwner: account,
        encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: key.keyArn },
      },
    },
  });
  return { database, logsTable, historyTable, workGroup, resultsBucket };
}

/**
 * Grants `grantee` what an Athena query of the hub tables needs, and nothing more: run queries in
 * the hub workgroup only, read the Glue database and the two tables, read `logs/` and `history/`
 * objects of the hub bucket, write and read results in the results bucket, and use the hub key
 * through S3 only.
 */
export function grantQuery(scope: Construct, grantee: iam.IGrantable, layer: QueryLayer, bucket: s3.IBucket, key: kms.IKey): iam.Grant {
  const stack = Stack.of(scope);
  const { region, account } = stack;
  const partition = partitionOf(stack);
  const glueArn = (resource: string) => `arn:${partition}:glue:${region}:${account}:${resource}`;
  const grants = [
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'],
      resourceArns: [`arn:${partition}:athena:${region}:${account}:workgroup/${HUB_WORKGROUP}`],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'],
      resourceArns: [
        glueArn('catalog'),
        glueArn(`database/${HUB_GLUE_DATABASE}`),
        glueArn(`table/${HUB_GLUE_DATABASE}/${HUB_LOGS_TABLE}`),
        glueArn(`table/${HUB_GLUE_DATABASE}/${HUB_HISTORY_TABLE}`),
      ],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject'],
      resourceArns: [bucket.arnForObjects(`${LOGS_ROOT}/*`), bucket.arnForObjects(`${HISTORY_ROOT}/*`)],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetBucketLocation', 's3:ListBucket'],
      resourceArns: [bucket.bucketArn],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
      resourceArns: [layer.resultsBucket.arnForObjects('results/*')],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
      resourceArns: [layer.resultsBucket.bucketArn],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resourceArns: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
  ];
  return grants.reduce((all, g) => all.combine(g));
}

/** The name of the Athena workgroup of one tenant account: `tenant-blocks-hub-<account>`. */
export function tenantWorkGroupName(tenantAccountId: string): string {
  return `${HUB_WORKGROUP}-${tenantAccountId}`;
}

/** Where the workgroup of one tenant account writes its results: `results/account=<id>/`. */
export function tenantResultsPrefix(tenantAccountId: string): string {
  return `results/${ACCOUNT_PARTITION_KEY}=${tenantAccountId}/`;
}

/**
 * The Athena workgroup of one tenant account (issue 21 §2): the hub workgroup's enforced
 * configuration (encrypted results, 1 GiB scan limit, engine 3), with results under that tenant's
 * own prefix of the results bucket, so a grantee of one tenant never reads another tenant's results.
 * Created once per account, on the first per-tenant grant.
 */
export function tenantWorkGroup(scope: Construct, layer: QueryLayer, key: kms.IKey, tenantAccountId: string): athena.CfnWorkGroup {
  const id = `WorkGroup-${tenantAccountId}`;
  const existing = scope.node.tryFindChild(id);
  if (existing) return existing as athena.CfnWorkGroup;
  const { account } = Stack.of(scope);
  return new athena.CfnWorkGroup(scope, id, {
    name: tenantWorkGroupName(tenantAccountId),
    description: `cdk-tenant-blocks platform hub: queries of tenant account ${tenantAccountId} only`,
    state: 'ENABLED',
    recursiveDeleteOption: true,
    workGroupConfiguration: {
      // Clients cannot override the output location, the encryption or the limits.
      enforceWorkGroupConfiguration: true,
      publishCloudWatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: QUERY_BYTES_SCANNED_CUTOFF,
      requesterPaysEnabled: false,
      engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
      resultConfiguration: {
        outputLocation: `s3://${layer.resultsBucket.bucketName}/${tenantResultsPrefix(tenantAccountId)}`,
        expectedBucketOwner: account,
        encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: key.keyArn },
      },
    },
  });
}

/**
 * Grants `grantee` the queries of ONE tenant account and nothing of another (issue 21 §2): Athena
 * in that tenant's workgroup only; the Glue catalog entries; `s3:GetObject` under that account's
 * `logs/account=<id>/` and `history/account=<id>/` only, and `s3:ListBucket` only with those
 * prefixes; its own results prefix; the hub key through S3 only. A query that names another
 * account (`account IN (...)`, a wider `LIKE`) is refused by S3 when Athena reads the first object
 * of a partition the grantee cannot read: IAM, not the SQL text, enforces the tenant.
 */
export function grantQueryOfTenant(
  scope: Construct, grantee: iam.IGrantable, layer: QueryLayer, bucket: s3.IBucket, key: kms.IKey, tenantAccountId: string,
): iam.Grant {
  const stack = Stack.of(scope);
  const { region, account } = stack;
  const partition = partitionOf(stack);
  const workGroup = tenantWorkGroup(scope, layer, key, tenantAccountId);
  const glueArn = (resource: string) => `arn:${partition}:glue:${region}:${account}:${resource}`;
  const tenantPrefixes = [accountPrefixOf(LOGS_ROOT, tenantAccountId), accountPrefixOf(HISTORY_ROOT, tenantAccountId)];
  const results = tenantResultsPrefix(tenantAccountId);
  const grants = [
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'],
      resourceArns: [`arn:${partition}:athena:${region}:${account}:workgroup/${workGroup.name}`],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'],
      resourceArns: [
        glueArn('catalog'),
        glueArn(`database/${HUB_GLUE_DATABASE}`),
        glueArn(`table/${HUB_GLUE_DATABASE}/${HUB_LOGS_TABLE}`),
        glueArn(`table/${HUB_GLUE_DATABASE}/${HUB_HISTORY_TABLE}`),
      ],
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject'],
      resourceArns: tenantPrefixes.map((p) => bucket.arnForObjects(`${p}*`)),
    }),
    iam.Grant.addToPrincipal({ grantee, actions: ['s3:GetBucketLocation'], resourceArns: [bucket.bucketArn] }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:ListBucket'],
      resourceArns: [bucket.bucketArn],
      // Listing only inside the tenant's partitions: Athena lists each projected day prefix.
      conditions: { StringLike: { 's3:prefix': tenantPrefixes.map((p) => `${p}*`) } },
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
      resourceArns: [layer.resultsBucket.arnForObjects(`${results}*`)],
    }),
    iam.Grant.addToPrincipal({ grantee, actions: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], resourceArns: [layer.resultsBucket.bucketArn] }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:ListBucket'],
      resourceArns: [layer.resultsBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${results}*`] } },
    }),
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resourceArns: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
  ];
  return grants.reduce((all, g) => all.combine(g));
}
