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
 * AWS's own pricing-page data (the `b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps` files the AWS
 * pricing pages render, each with its AWS publication date and the SKU of every rate), saved hourly
 * into a public repository by aws-price-watcher; cited at one commit (2025-12-06).
 */
const WATCHER = 'https://github.com/v0rts/aws-price-watcher/blob/c4a0470f63402104fb3793bb114a39e488eb04ec';
/**
 * AWS Price List data trimmed by a public project (mooncitizen/togen, "AWS Price List bulk offer
 * files trimmed to the skus the matchers name", snapshot 2026-09-06, AmazonEC2 offer 20260904231117).
 */
const TOGEN = 'https://github.com/mooncitizen/togen/blob/36c1abbf17c7cd190fb02627aefb401567190523/internal/cost/prices/aws.json';
/** AWS's EBS pricing-page data (`meteredUnitMaps/ec2/USD/current/ebs.json`), saved by yeo/ec2.shop. */
const EBS_JSON = 'https://github.com/yeo/ec2.shop/blob/576c890f33ae177837e93499866aa04a0ac4fa89/data/ebs/ebs.json';

/** Where a line is read for the regions other than us-east-1: the file, its date, the rate's name there. */
export interface RegionalSource {
  readonly source: string;
  /** The AWS publication date in the file (or the snapshot's date where the file has none). */
  readonly date: string;
  /** The rate's name in the file. */
  readonly rate: string;
  /** What the line covers, without a region's figures. */
  readonly note: string;
}

export const REGIONAL_SOURCES: Readonly<Record<string, RegionalSource>> = {
  'nat-gateway': { source: TOGEN, date: '2026-09-06', rate: 'NatGateway-Hours (AmazonEC2 offer 20260904231117)', note: 'per NAT gateway hour; data processing is usage' },
  'public-ipv4': { source: `${WATCHER}/raw/vpc.json`, date: '2025-11-19', rate: 'Hourly charge for In use Public IPv4 Addresses', note: 'per public IPv4 address hour' },
  'interface-endpoint-az': { source: `${WATCHER}/raw/vpc.json`, date: '2025-11-19', rate: 'Hourly charge for VPC Endpoints', note: 'per interface endpoint per AZ hour; data processed is usage' },
  'alb': { source: `${WATCHER}/raw/elb.json`, date: '2025-11-03', rate: 'Application Load Balancer Hours', note: 'per ALB hour; LCU-hours are usage' },
  'nlb': { source: `${WATCHER}/raw/elb.json`, date: '2025-11-03', rate: 'Network Load Balancer Hours', note: 'per NLB hour; NLCU-hours are usage' },
  'aurora-serverless-v2-acu': { source: `${WATCHER}/raw/rds-aurora-storage.json`, date: '2025-12-05', rate: 'Aurora PostgreSQL ServerlessV2', note: 'per ACU hour, Aurora Standard; 0 ACU while auto-paused' },
  'aurora-storage': { source: `${WATCHER}/raw/rds-aurora-storage.json`, date: '2025-12-05', rate: 'Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora', note: 'Aurora Standard storage; I/O requests are usage' },
  'backup-storage': { source: `${WATCHER}/raw/rds-aurora-storage.json`, date: '2025-12-05', rate: 'Storage Snapshot Aurora PostgreSQL', note: 'Aurora snapshot storage beyond the free allowance (what AWS Backup of an Aurora cluster is billed as)' },
  'tgw-attachment': { source: `${WATCHER}/raw/vpc.json`, date: '2025-11-19', rate: 'Hourly charge for Transit Gateway VPC Attachments', note: 'per Transit Gateway VPC attachment hour; data processed is usage' },
  'kms-key': { source: `${WATCHER}/raw/kms.json`, date: '2025-08-28', rate: 'Encryption Key', note: 'per customer managed key per month' },
  'secret': { source: `${WATCHER}/raw/secretsmanager.json`, date: '2025-08-28', rate: 'Secret', note: 'per secret per month; API calls are usage' },
  'hosted-zone': { source: `${WATCHER}/raw/route53.json`, date: '2025-08-28', rate: 'DNS Zone first 25 (location "Any": Route 53 is global)', note: 'per hosted zone (first 25)' },
  'kinesis-on-demand-stream': { source: `${WATCHER}/raw/kinesis.json`, date: '2025-11-18', rate: 'OnDemandStreamHr', note: 'per on-demand stream hour; data in/out is usage' },
  'kinesis-shard': { source: `${WATCHER}/raw/kinesis.json`, date: '2025-11-18', rate: 'Provisioned shard hour', note: 'per provisioned shard hour' },
  'log-storage': { source: `${WATCHER}/raw/cloudwatch.json`, date: '2025-12-03', rate: 'Stored Data', note: 'CloudWatch Logs archived storage; ingestion is usage' },
  'alarm': { source: `${WATCHER}/raw/cloudwatch.json`, date: '2025-12-03', rate: 'Alarm Standard', note: 'per standard-resolution metric alarm (the account\'s free alarms: not applied)' },
  'composite-alarm': { source: `${WATCHER}/raw/cloudwatch.json`, date: '2025-12-03', rate: 'Alarm Composite', note: 'per composite alarm' },
  'dashboard': { source: `${WATCHER}/raw/cloudwatch.json`, date: '2025-12-03', rate: 'Dashboard Basic (location "Any": one price everywhere)', note: 'per dashboard (the account\'s free dashboards: not applied)' },
  'ec2:t4g.nano': { source: `${WATCHER}/processed/ec2.json`, date: '2025-11-20', rate: 'OnDemand Linux-instancetype-t4g.nano', note: 'Linux on-demand' },
  'ec2:t4g.micro': { source: `${WATCHER}/processed/ec2.json`, date: '2025-11-20', rate: 'OnDemand Linux-instancetype-t4g.micro', note: 'Linux on-demand' },
  'ec2:t3.nano': { source: `${WATCHER}/processed/ec2.json`, date: '2025-11-20', rate: 'OnDemand Linux-instancetype-t3.nano', note: 'Linux on-demand' },
  'ec2:t3.micro': { source: `${WATCHER}/processed/ec2.json`, date: '2025-11-20', rate: 'OnDemand Linux-instancetype-t3.micro', note: 'Linux on-demand' },
  'ec2-detailed-monitoring': { source: `${WATCHER}/raw/cloudwatch.json`, date: '2025-12-03', rate: 'Metric for the first 10000, times the 7 metrics of an instance', note: 'per instance with detailed monitoring: 7 metrics per metric-month' },
  'ebs-gp3': { source: EBS_JSON, date: '2024-07-18', rate: 'Storage General Purpose gp3 GB Mo', note: 'gp3 volume storage (baseline IOPS and throughput included)' },
};

/**
 * The values read for the regions other than us-east-1: USD per unit (the unit of the us-east-1
 * line) and the SKU of the rate in its file (empty where the file carries none). Each value is read
 * from that region's own rate; none is derived from another region.
 */
const REGIONAL_VALUES: Readonly<Record<string, Readonly<Record<string, readonly [number, string]>>>> = {
  'us-west-2': {
    'nat-gateway': [0.045, '44T683R45QPT8RYQ'],
    'public-ipv4': [0.005, 'NBHXEKTE88TJDDQF'],
    'interface-endpoint-az': [0.01, '3CXT4SN26EPSKK5A'],
    'alb': [0.0225, '7AKU6NT3G9ZEJTB5'],
    'nlb': [0.0225, 'SCYRS8C539B49TTY'],
    'aurora-serverless-v2-acu': [0.12, 'QR6MZKHMCWCPDAAM'],
    'aurora-storage': [0.1, 'XN6AM4AHVSYQ6BFC'],
    'backup-storage': [0.021, 'JZGHDWS5VTC87BRN'],
    'tgw-attachment': [0.05, 'YEEQRSC4KQ8E7ZTQ'],
    'kms-key': [1, 'S8HBXBVJKWKDP9AS'],
    'secret': [0.4, 'DWJP9S4V3HP98UNC'],
    'hosted-zone': [0.5, 'KVPGEJE88UW8S779'],
    'kinesis-on-demand-stream': [0.04, '3VFSBUK9HZSXF3B5'],
    'kinesis-shard': [0.015, 'VBBEX4WMFWFVP3KZ'],
    'log-storage': [0.03, 'MN45SJANDTCPR9QA'],
    'alarm': [0.1, 'SJTFAZNHSW2WVZB2'],
    'composite-alarm': [0.5, 'EC34SGX32E43Q29F'],
    'dashboard': [3, '5P8PBB6MXV325TDC'],
    'ec2:t4g.nano': [0.0042, ''],
    'ec2:t4g.micro': [0.0084, ''],
    'ec2:t3.nano': [0.0052, ''],
    'ec2:t3.micro': [0.0104, ''],
    'ec2-detailed-monitoring': [2.1, 'CN6TP6ZEVS58RK7M'],
    'ebs-gp3': [0.08, 'BB8UJWJ4XPFJB95G'],
  },
  'eu-west-1': {
    'nat-gateway': [0.048, 'KFNSSCHWD43WZK2R'],
    'public-ipv4': [0.005, 'CNZ4XSXPRJXGA4ZF'],
    'interface-endpoint-az': [0.011, 'H37WJ97MHYGDXG2A'],
    'alb': [0.0252, 'T29JAP5UEZ7HXAM7'],
    'nlb': [0.0252, 'ZEBJ6Q6SEUWPQG9R'],
    'aurora-serverless-v2-acu': [0.14, '2VM9F7TRVNRGECW6'],
    'aurora-storage': [0.11, 'Z57JPT74TUYSYD9G'],
    'backup-storage': [0.021, 'K67Q6CPVGU54VRUH'],
    'tgw-attachment': [0.05, 'UH924EY7UV7W4AMU'],
    'kms-key': [1, 'GD24Q3NRUQ5AFYNR'],
    'secret': [0.4, '7XGGDB26HD68ED7A'],
    'hosted-zone': [0.5, 'KVPGEJE88UW8S779'],
    'kinesis-on-demand-stream': [0.045, 'A5KDB4JKH32JPEYZ'],
    'kinesis-shard': [0.017, 'C8T9ZXPQRX6FS23J'],
    'log-storage': [0.03, 'M93YPPU987S2T6U9'],
    'alarm': [0.1, 'GDMKAEDCSYJAKBZQ'],
    'composite-alarm': [0.5, 'PCA83E472SWGDC9E'],
    'dashboard': [3, '5P8PBB6MXV325TDC'],
    'ec2:t4g.nano': [0.0046, ''],
    'ec2:t4g.micro': [0.0092, ''],
    'ec2:t3.nano': [0.0057, ''],
    'ec2:t3.micro': [0.0114, ''],
    'ec2-detailed-monitoring': [2.1, '58YXNUN4MF8JD9ZA'],
    'ebs-gp3': [0.088, 'TXACT7E3PV6ZX2NM'],
  },
  'eu-central-1': {
    'nat-gateway': [0.052, 'FY5BA3Q38RMNEMJS'],
    'public-ipv4': [0.005, 'P6D6UQPC87KFKK3N'],
    'interface-endpoint-az': [0.012, 'DZS88SBJ6FBS328N'],
    'alb': [0.027, 'UZQQFKE5Z4MCF9D5'],
    'nlb': [0.027, '86N8GXZDBHR7M87T'],
    'aurora-serverless-v2-acu': [0.14, 'CKUS5WW7VGK5RR9N'],
    'aurora-storage': [0.119, '6Z6GX5BCGKVNE9X7'],
    'backup-storage': [0.023, 'HBCPWM47U4BFKYMP'],
    'tgw-attachment': [0.06, 'MKPZYG9B8S3GR283'],
    'kms-key': [1, 'PK7D6SUW8TP3XWZU'],
    'secret': [0.4, 'N7A3USAT9EUMXNZ4'],
    'hosted-zone': [0.5, 'KVPGEJE88UW8S779'],
    'kinesis-on-demand-stream': [0.048, 'QP2HRCUTXXYV4SSM'],
    'kinesis-shard': [0.018, 'XKZAKKF82BQA9AFM'],
    'log-storage': [0.0324, '4V9YKJHUP3C55Q2R'],
    'alarm': [0.1, 'VJ934U28PCG8EKRA'],
    'composite-alarm': [0.5, 'H7BQPA3ZA2KY9TC9'],
    'dashboard': [3, '5P8PBB6MXV325TDC'],
    'ec2:t4g.nano': [0.0048, ''],
    'ec2:t4g.micro': [0.0096, ''],
    'ec2:t3.nano': [0.006, ''],
    'ec2:t3.micro': [0.012, ''],
    'ec2-detailed-monitoring': [2.1, '8CM49YJM6J2SHVD6'],
    'ebs-gp3': [0.0952, '43AUDFP7M3XV6YHQ'],
  },
  'ap-northeast-1': {
    'nat-gateway': [0.062, 'CA23TN2NAN47KGCF'],
    'public-ipv4': [0.005, 'ZP85FQT9FHKJRAG5'],
    'interface-endpoint-az': [0.014, 'W5KUR855UCRX4QZ8'],
    'alb': [0.0243, '98ZU8QNDMR4AS8FJ'],
    'nlb': [0.0243, 'F3FRDKGR8M9SKAQS'],
    'aurora-serverless-v2-acu': [0.15, 'NTURMTB2PWMA53X6'],
    'aurora-storage': [0.12, 'E7NHVJRED3R3PUY7'],
    'backup-storage': [0.023, 'SNEKSJNEAF8VEXEC'],
    'tgw-attachment': [0.07, 'KFJ8UEG3MASCYZR3'],
    'kms-key': [1, 'VJNSHSJEC3XAPATF'],
    'secret': [0.4, 'GVA2ZKT9KD5RYX6P'],
    'hosted-zone': [0.5, 'KVPGEJE88UW8S779'],
    'kinesis-on-demand-stream': [0.052, '8K42M39H8AUET4RZ'],
    'kinesis-shard': [0.0195, 'ZTFQNNTZBXXWZRBG'],
    'log-storage': [0.033, '42CVQU4BPES8AWHC'],
    'alarm': [0.1, 'FBMB6TVC844YGZ3J'],
    'composite-alarm': [0.5, 'EZA7GWMCFKV4WR6Y'],
    'dashboard': [3, '5P8PBB6MXV325TDC'],
    'ec2:t4g.nano': [0.0054, ''],
    'ec2:t4g.micro': [0.0108, ''],
    'ec2:t3.nano': [0.0068, ''],
    'ec2:t3.micro': [0.0136, ''],
    'ec2-detailed-monitoring': [2.1, 'F96ZRPX8AM4T93NV'],
    'ebs-gp3': [0.096, 'C8Y3GJZBQTH8T5JV'],
  },
  'ap-southeast-2': {
    'nat-gateway': [0.059, 'NUKV5QPTHVFBW7DE'],
    'public-ipv4': [0.005, 'JZP2PURP9VVQ96GH'],
    'interface-endpoint-az': [0.013, 'QXSR7BJCHWCXBRSN'],
    'alb': [0.0252, 'M84CYHYUVJ4USFHD'],
    'nlb': [0.0252, 'E2AYKUPJF5YSRD7M'],
    'aurora-serverless-v2-acu': [0.2, '3MW3G86AF3TVY6RQ'],
    'aurora-storage': [0.11, 'CUSYT24XFTQD6BE8'],
    'backup-storage': [0.023, 'ZQJ6M7M5A2XAFE9T'],
    'tgw-attachment': [0.07, 'UXJZXW2B9J2X9XUE'],
    'kms-key': [1, 'YPEURHYNRECJHEAD'],
    'secret': [0.4, '9V3KJ6GA4S2MWX7F'],
    'hosted-zone': [0.5, 'KVPGEJE88UW8S779'],
    'kinesis-on-demand-stream': [0.049, 'GVBDXQH7KKSAT7MB'],
    'kinesis-shard': [0.0184, '5PA3XXU7RU5ECJAR'],
    'log-storage': [0.033, 'SXS5MH23MB3SHA9C'],
    'alarm': [0.1, '9FZA8ZKS9CGQBUTK'],
    'composite-alarm': [0.5, '95PNPVC5WW5J8FN4'],
    'dashboard': [3, '5P8PBB6MXV325TDC'],
    'ec2:t4g.nano': [0.0053, ''],
    'ec2:t4g.micro': [0.0106, ''],
    'ec2:t3.nano': [0.0066, ''],
    'ec2:t3.micro': [0.0132, ''],
    'ec2-detailed-monitoring': [2.1, 'F52S8X9YS2XFUA7F'],
    'ebs-gp3': [0.096, 'QR74UAP3E9WUYT9B'],
  },
};

/** A region's lines, built from {@link REGIONAL_VALUES} and {@link REGIONAL_SOURCES}. */
function regionalLines(region: string): PriceLine[] {
  return Object.entries(REGIONAL_VALUES[region]).map(([key, [usd, sku]]) => {
    const from = REGIONAL_SOURCES[key];
    const unit = US_EAST_1.find((p) => p.key === key)?.unit;
    if (!from || !unit) throw new Error(`price-list: no source or unit for '${key}' (${region})`);
    return { key, usd, unit, source: from.source, date: from.date, note: `${from.note}; read as "${from.rate}"${sku ? `, SKU ${sku}` : ''}` };
  });
}

/**
 * The sourced price lines per region. us-east-1 keeps the lines read from the AWS pricing pages;
 * the other regions are read from AWS's own price data saved in public repositories (above).
 */
export const PRICE_LISTS: Readonly<Record<string, readonly PriceLine[]>> = {
  'us-east-1': US_EAST_1,
  ...Object.fromEntries(Object.keys(REGIONAL_VALUES).map((region) => [region, regionalLines(region)])),
};

/** The keys of {@link PRICE_KEYS} that `lines` has no line for. */
function unsourcedKeys(lines: readonly PriceLine[]): string[] {
  const sourced = new Set(lines.map((p) => p.key));
  return PRICE_KEYS.filter((k) => !sourced.has(k));
}

/** The keys of {@link PRICE_KEYS} a region has no sourced line for (all of them for an unknown region). */
export function missingPriceKeys(region: string): string[] {
  return unsourcedKeys(PRICE_LISTS[region] ?? []);
}

/**
 * Why a region with these sourced lines cannot be priced, or undefined when every key has a line:
 * names the missing keys, what is sourced so far and the regions that are priced.
 */
export function regionRefusal(region: string, lines: readonly PriceLine[], supported: readonly string[]): string | undefined {
  const missing = unsourcedKeys(lines);
  if (missing.length === 0) return undefined;
  const priced = `priced regions: ${supported.join(', ')}`;
  if (lines.length === 0) return `region '${region}' is not supported: no sourced prices for it (${priced})`;
  return `region '${region}' is not supported: ${missing.length} of ${PRICE_KEYS.length} prices have no sourced value `
    + `(${missing.join(', ')}); sourced so far: ${lines.map((p) => p.key).join(', ')} (${priced})`;
}

/** The regions with a sourced line for every key: the ones the estimate prices. */
export const SUPPORTED_REGIONS: readonly string[] = Object.keys(PRICE_LISTS).filter((r) => missingPriceKeys(r).length === 0);
