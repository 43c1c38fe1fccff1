/**
 * The price table of {@link TenantCostEstimate}: AWS public list prices, kept as data, one line per
 * price and region with its source and the date it was read. Internal: not part of the stable API.
 *
 * Every price is on-demand, in USD, without free tier, tax or discounts. A month is 730 hours
 * (AWS's own convention in its pricing calculator). `USAGE_FLOORS` are not prices but the usage an
 * idle tenant still has (e.g. the storage an empty database occupies): they are our assumptions,
 * every report says so, and they are the first numbers to replace with a bill.
 *
 * A region is supported once every key of {@link PRICE_KEYS} has a sourced line for it. A price is
 * never borrowed from another region nor derived from one ("Europe is ~10% more"): a region with
 * any line missing is refused by the estimate, naming what is missing.
 *
 * @internal
 */

/** Hours in the month AWS's pricing calculator uses. */
export const HOURS_PER_MONTH = 730;

/** One line of the price table. */
export interface PriceLine {
  /** The key the estimator looks the price up by. */
  readonly key: string;
  /** USD per unit. */
  readonly usd: number;
  /** The unit the price is per. */
  readonly unit: 'hour' | 'month' | 'GB-month';
  /**
   * Where the price was read: a public AWS pricing page, or a permalink (repository, commit, path)
   * to AWS Price List data exported into a public repository.
   */
  readonly source: string;
  /** When it was read, or the date of the exported price data (YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** What the line covers or assumes. */
  readonly note?: string;
}

const VPC = 'https://aws.amazon.com/vpc/pricing/';
const PRIVATELINK = 'https://aws.amazon.com/privatelink/pricing/';
const ELB = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const AURORA = 'https://aws.amazon.com/rds/aurora/pricing/';
const KMS = 'https://aws.amazon.com/kms/pricing/';
const SECRETS = 'https://aws.amazon.com/secrets-manager/pricing/';
const ROUTE53 = 'https://aws.amazon.com/route53/pricing/';
const KINESIS = 'https://aws.amazon.com/kinesis/data-streams/pricing/';
const CLOUDWATCH = 'https://aws.amazon.com/cloudwatch/pricing/';
const BACKUP = 'https://aws.amazon.com/backup/pricing/';
const EC2 = 'https://aws.amazon.com/ec2/pricing/on-demand/';
const EBS = 'https://aws.amazon.com/ebs/pricing/';
const READ = '2026-11';

/** us-east-1 (N. Virginia) list prices. */
const US_EAST_1: PriceLine[] = [
  { key: 'nat-gateway', usd: 0.045, unit: 'hour', source: VPC, date: READ, note: 'per NAT gateway hour; data processing ($0.045/GB) is usage, not idle' },
  { key: 'public-ipv4', usd: 0.005, unit: 'hour', source: VPC, date: READ, note: 'per public IPv4 address hour (in use or idle), since 2024-02' },
  { key: 'interface-endpoint-az', usd: 0.01, unit: 'hour', source: PRIVATELINK, date: READ, note: 'per interface endpoint per AZ hour; data processed is usage' },
  { key: 'alb', usd: 0.0225, unit: 'hour', source: ELB, date: READ, note: 'per ALB hour; an idle ALB consumes ~0 LCU (LCU-hours are usage)' },
  { key: 'nlb', usd: 0.0225, unit: 'hour', source: ELB, date: READ, note: 'per NLB hour; NLCU-hours are usage' },
  { key: 'aurora-serverless-v2-acu', usd: 0.12, unit: 'hour', source: AURORA, date: READ, note: 'per ACU hour, Aurora Standard; 0 ACU while auto-paused' },
  { key: 'aurora-storage', usd: 0.10, unit: 'GB-month', source: AURORA, date: READ, note: 'Aurora Standard storage; I/O requests are usage' },
  { key: 'backup-storage', usd: 0.021, unit: 'GB-month', source: BACKUP, date: READ, note: 'Aurora snapshot storage in AWS Backup beyond the free continuous-backup allowance' },
  { key: 'tgw-attachment', usd: 0.05, unit: 'hour', source: 'https://aws.amazon.com/transit-gateway/pricing/', date: READ, note: 'per Transit Gateway attachment hour; data processed is usage' },
  { key: 'kms-key', usd: 1, unit: 'month', source: KMS, date: READ, note: 'per customer managed key; each of the first two yearly rotations adds $1/month from the second year' },
  { key: 'secret', usd: 0.40, unit: 'month', source: SECRETS, date: READ, note: 'per secret; API calls ($0.05/10,000) are usage' },
  { key: 'hosted-zone', usd: 0.50, unit: 'month', source: ROUTE53, date: READ, note: 'per hosted zone (first 25)' },
  { key: 'kinesis-on-demand-stream', usd: 0.04, unit: 'hour', source: KINESIS, date: READ, note: 'per on-demand stream hour; data in/out is usage' },
  { key: 'kinesis-shard', usd: 0.015, unit: 'hour', source: KINESIS, date: READ, note: 'per provisioned shard hour' },
  { key: 'log-storage', usd: 0.03, unit: 'GB-month', source: CLOUDWATCH, date: READ, note: 'CloudWatch Logs archived storage; ingestion ($0.50/GB) is usage' },
  { key: 'alarm', usd: 0.10, unit: 'month', source: CLOUDWATCH, date: READ, note: 'per standard-resolution metric alarm (the account\'s first 10 are free: not applied)' },
  { key: 'composite-alarm', usd: 0.50, unit: 'month', source: CLOUDWATCH, date: READ, note: 'per composite alarm' },
  { key: 'dashboard', usd: 3, unit: 'month', source: CLOUDWATCH, date: READ, note: 'per dashboard (the account\'s first 3 are free: not applied)' },
  { key: 'ec2:t4g.nano', usd: 0.0042, unit: 'hour', source: EC2, date: READ, note: 'Linux on-demand' },
  { key: 'ec2:t4g.micro', usd: 0.0084, unit: 'hour', source: EC2, date: READ, note: 'Linux on-demand' },
  { key: 'ec2:t3.nano', usd: 0.0052, unit: 'hour', source: EC2, date: READ, note: 'Linux on-demand' },
  { key: 'ec2:t3.micro', usd: 0.0104, unit: 'hour', source: EC2, date: READ, note: 'Linux on-demand' },
  { key: 'ec2-detailed-monitoring', usd: 2.10, unit: 'month', source: CLOUDWATCH, date: READ, note: 'per instance with detailed monitoring: 7 metrics at $0.30 per metric-month' },
  { key: 'ebs-gp3', usd: 0.08, unit: 'GB-month', source: EBS, date: READ, note: 'gp3 volume storage (baseline IOPS and throughput included)' },
];

/**
 * Usage an idle tenant still has, per resource: our assumptions, not prices. They multiply a
 * price line (e.g. 1 GB × Aurora storage per GB-month) and every report marks them as assumed.
 */
export interface UsageFloor {
  /** The key the estimator looks the floor up by. */
  readonly key: string;
  /** How much of the unit one resource uses while idle. */
  readonly quantity: number;
  /** The unit of `quantity`. */
  readonly unit: 'GB';
  /** The pricing page the floor relates to. */
  readonly source: string;
  /** When it was set (YYYY-MM). */
  readonly date: string;
  /** Why this floor. */
  readonly note: string;
}

/** Usage floors (assumptions), the same in every region. */
export const USAGE_FLOORS: readonly UsageFloor[] = [
  { key: 'aurora-storage-floor-gb', quantity: 1, unit: 'GB', source: AURORA, date: READ, note: 'GB an empty Aurora PostgreSQL cluster occupies (system catalogs, WAL): our assumption' },
  { key: 'backup-storage-floor-gb', quantity: 1, unit: 'GB', source: BACKUP, date: READ, note: 'GB of retained snapshots of an idle cluster: our assumption (snapshots are incremental)' },
  { key: 'log-storage-floor-gb', quantity: 0.05, unit: 'GB', source: CLOUDWATCH, date: READ, note: 'GB an idle log group holds (health checks, flow logs, rotations): our assumption' },
  { key: 'ebs-root-gb', quantity: 8, unit: 'GB', source: EBS, date: READ, note: 'GB of the root volume of an instance whose template does not say (the Amazon Linux 2023 AMI default)' },
];

/**
 * The keys every supported region must price: the lines of the us-east-1 table, the region the
 * estimate was first built for (each key is a resource type or option the blocks create).
 */
export const PRICE_KEYS: readonly string[] = US_EAST_1.map((p) => p.key);

/**
 * AWS Price List data trimmed by a public project (mooncitizen/togen, "AWS Price List bulk offer
 * files trimmed to the skus the matchers name", snapshot dated 2026-09-06, AmazonEC2 offer version
 * 20260904231117): the regional NAT gateway hour rates below are read from it, SKU by SKU.
 */
const TOGEN_PRICES = 'https://github.com/mooncitizen/togen/blob/36c1abbf17c7cd190fb02627aefb401567190523/internal/cost/prices/aws.json';
const TOGEN_DATE = '2026-09-06';

/** A NAT gateway hour rate read from the AmazonEC2 offer (via {@link TOGEN_PRICES}). */
function natGatewayHour(usd: number, sku: string, usageType: string): PriceLine {
  return {
    key: 'nat-gateway',
    usd,
    unit: 'hour',
    source: TOGEN_PRICES,
    date: TOGEN_DATE,
    note: `per NAT gateway hour: AmazonEC2 offer 20260904231117, SKU ${sku} (${usageType}); data processing is usage`,
  };
}

/**
 * The sourced price lines per region. Regions other than us-east-1 hold only what could be
 * sourced so far (docs/cost.md lists what was searched): they are not supported until complete.
 */
export const PRICE_LISTS: Readonly<Record<string, readonly PriceLine[]>> = {
  'us-east-1': US_EAST_1,
  'us-west-2': [natGatewayHour(0.045, '44T683R45QPT8RYQ', 'USW2-NatGateway-Hours')],
  'eu-west-1': [natGatewayHour(0.048, 'KFNSSCHWD43WZK2R', 'EU-NatGateway-Hours')],
  'eu-central-1': [natGatewayHour(0.052, 'FY5BA3Q38RMNEMJS', 'EUC1-NatGateway-Hours')],
  'ap-northeast-1': [natGatewayHour(0.062, 'CA23TN2NAN47KGCF', 'APN1-NatGateway-Hours')],
  'ap-southeast-2': [natGatewayHour(0.059, 'NUKV5QPTHVFBW7DE', 'APS2-NatGateway-Hours')],
};

/** The keys of {@link PRICE_KEYS} a region has no sourced line for (all of them for an unknown region). */
export function missingPriceKeys(region: string): string[] {
  const sourced = new Set((PRICE_LISTS[region] ?? []).map((p) => p.key));
  return PRICE_KEYS.filter((k) => !sourced.has(k));
}

/** The regions with a sourced line for every key: the ones the estimate prices. */
export const SUPPORTED_REGIONS: readonly string[] = Object.keys(PRICE_LISTS).filter((r) => missingPriceKeys(r).length === 0);
