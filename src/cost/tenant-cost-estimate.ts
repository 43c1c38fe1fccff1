import { HOURS_PER_MONTH, missingPriceKeys, PRICE_LISTS, PriceLine, regionRefusal, SUPPORTED_REGIONS, USAGE_FLOORS, UsageFloor } from './price-list';

/** One priced line of a {@link TenantCostEstimate}: one kind of idle cost, summed over resources. */
export interface CostLineItem {
  /** The CloudFormation resource type that causes the cost (e.g. `AWS::EC2::NatGateway`). */
  readonly resourceType: string;
  /** What is paid for (e.g. `NAT gateway hours`). */
  readonly item: string;
  /** How much of the unit one month of idling uses, summed over the resources. */
  readonly quantity: number;
  /** The unit of `quantity` (`hour`, `month`, `GB-month`). */
  readonly unit: string;
  /** The price per unit, USD. */
  readonly unitPriceUsd: number;
  /** The monthly cost of this line, USD (quantity × unit price, unrounded). */
  readonly usdPerMonth: number;
  /** Where the price comes from (a pricing page or a permalink to price list data) and its date. */
  readonly source: string;
  /** True when the line rests on a usage floor we assume rather than on a list price alone. */
  readonly assumption: boolean;
  /** The logical ids of the resources behind this line. */
  readonly logicalIds: string[];
}

/** Resources of one type the estimate could not price: listed, never counted as zero. */
export interface UnpricedResources {
  /** The CloudFormation resource type. */
  readonly resourceType: string;
  /** Why it is not priced. */
  readonly reason: string;
  /** The logical ids of those resources. */
  readonly logicalIds: string[];
}

/** One line of the price table: a list price or an assumed usage floor. */
export interface CostPrice {
  /** The line's key (e.g. `nat-gateway`, `aurora-storage-floor-gb`). */
  readonly key: string;
  /** The price in USD per unit, or for an assumption the assumed quantity. */
  readonly value: number;
  /** What `value` is per (e.g. `USD per hour`, `GB per resource`). */
  readonly unit: string;
  /**
   * Where it was read: a public AWS pricing page, or a permalink (repository, commit, path) to AWS
   * Price List data exported into a public repository.
   */
  readonly source: string;
  /** When it was read, or the date of the exported price data (YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** True for a usage floor we assume rather than a list price. */
  readonly assumption: boolean;
  /** What the line covers. */
  readonly note: string;
}

/** A priced line while it is being summed. */
interface Line {
  readonly item: string;
  readonly resourceType: string;
  quantity: number;
  readonly price: PriceLine;
  readonly floor?: UsageFloor;
  readonly ids: string[];
}

/** A CloudFormation resource as it appears in a synthesized template. */
interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

/**
 * Resource types that cost nothing while the tenant is idle: they are free, or billed only per
 * request, per GB processed or per GB stored by use (a fresh tenant stores next to nothing there).
 */
const FREE_WHEN_IDLE: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'free',
  'AWS::IAM::Policy': 'free',
  'AWS::IAM::ManagedPolicy': 'free',
  'AWS::IAM::InstanceProfile': 'free',
  'AWS::EC2::VPC': 'free',
  'AWS::EC2::Subnet': 'free',
  'AWS::EC2::RouteTable': 'free',
  'AWS::EC2::Route': 'free',
  'AWS::EC2::SubnetRouteTableAssociation': 'free',
  'AWS::EC2::InternetGateway': 'free',
  'AWS::EC2::VPCGatewayAttachment': 'free',
  'AWS::EC2::SecurityGroup': 'free',
  'AWS::EC2::SecurityGroupIngress': 'free',
  'AWS::EC2::SecurityGroupEgress': 'free',
  'AWS::EC2::NetworkAcl': 'free',
  'AWS::EC2::NetworkAclEntry': 'free',
  'AWS::EC2::SubnetNetworkAclAssociation': 'free',
  'AWS::EC2::LaunchTemplate': 'free',
  'AWS::EC2::PrefixList': 'free',
  'AWS::EC2::FlowLog': 'billed per GB of flow records delivered',
  'AWS::Lambda::Function': 'billed per request and GB-second',
  'AWS::Lambda::Alias': 'free',
  'AWS::Lambda::Version': 'free',
  'AWS::Lambda::Permission': 'free',
  'AWS::Lambda::Url': 'free',
  'AWS::Lambda::EventSourceMapping': 'free',
  'AWS::Lambda::EventInvokeConfig': 'free',
  'AWS::Lambda::LayerVersion': 'free (its storage counts toward the account\'s free 75 GB of code storage)',
  'AWS::Logs::SubscriptionFilter': 'free',
  'AWS::Logs::Destination': 'free',
  'AWS::Logs::ResourcePolicy': 'free',
  'AWS::Logs::MetricFilter': 'free',
  'AWS::Events::Rule': 'billed per event (AWS service events are free)',
  'AWS::Events::EventBus': 'billed per event',
  'AWS::Events::EventBusPolicy': 'free',
  'AWS::Events::Archive': 'billed per GB archived',
  'AWS::SNS::Topic': 'billed per request and delivery',
  'AWS::SNS::Subscription': 'free',
  'AWS::SNS::TopicPolicy': 'free',
  'AWS::SQS::Queue': 'billed per request',
  'AWS::SQS::QueuePolicy': 'free',
  'AWS::S3::Bucket': 'billed per GB stored and per request',
  'AWS::S3::BucketPolicy': 'free',
  'AWS::KMS::Alias': 'free',
  'AWS::SecretsManager::RotationSchedule': 'free',
  'AWS::SecretsManager::SecretTargetAttachment': 'free',
  'AWS::SecretsManager::ResourcePolicy': 'free',
  'AWS::RDS::DBSubnetGroup': 'free',
  'AWS::RDS::DBClusterParameterGroup': 'free',
  'AWS::RDS::DBParameterGroup': 'free',
  'AWS::Backup::BackupVault': 'free (its storage is priced on the cluster)',
  'AWS::Backup::BackupPlan': 'free',
  'AWS::Backup::BackupSelection': 'free',
  'AWS::ElasticLoadBalancingV2::Listener': 'free',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'free',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': 'free',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'free',
  'AWS::Route53::RecordSet': 'billed per query (alias records to AWS resources are free)',
  'AWS::CertificateManager::Certificate': 'free (public certificates)',
  'AWS::CodeDeploy::Application': 'free (Lambda deployments)',
  'AWS::CodeDeploy::DeploymentGroup': 'free (Lambda deployments)',
  'AWS::KinesisFirehose::DeliveryStream': 'billed per GB ingested and partitioned',
  'AWS::Glue::Database': 'free (first million catalog objects)',
  'AWS::Glue::Table': 'free (first million catalog objects)',
  'AWS::Athena::WorkGroup': 'billed per TB scanned',
  'AWS::StepFunctions::StateMachine': 'billed per state transition',
  // the console (platform account): nothing runs while nobody signs in
  'AWS::CloudFront::Distribution': 'billed per request and GB served',
  'AWS::CloudFront::OriginAccessControl': 'free',
  'AWS::CloudFront::ResponseHeadersPolicy': 'free',
  'AWS::CloudFront::CachePolicy': 'free',
  'AWS::Cognito::UserPool': 'billed per monthly active user (threat protection included)',
  'AWS::Cognito::UserPoolClient': 'free',
  'AWS::Cognito::UserPoolDomain': 'free',
  'AWS::Cognito::UserPoolIdentityProvider': 'free',
  'AWS::ApiGatewayV2::Api': 'billed per request',
  'AWS::ApiGatewayV2::Stage': 'free',
  'AWS::ApiGatewayV2::Integration': 'free',
  'AWS::ApiGatewayV2::Route': 'free',
  'AWS::ApiGatewayV2::Authorizer': 'free',
  'AWS::ApiGateway::RestApi': 'billed per request',
  'AWS::ApiGateway::Resource': 'free',
  'AWS::ApiGateway::Method': 'free',
  'AWS::ApiGateway::Deployment': 'free',
  'AWS::ApiGateway::Stage': 'free (no cache cluster)',
  'AWS::ApiGateway::RequestValidator': 'free',
  'AWS::ApiGateway::Model': 'free',
  'AWS::ApiGateway::Account': 'free',
  'AWS::ApiGateway::GatewayResponse': 'free',
  'AWS::CodeBuild::Project': 'billed per build minute',
  'AWS::CDK::Metadata': 'free',
  'AWS::CloudFormation::WaitConditionHandle': 'free',
  'AWS::CloudFormation::CustomResource': 'a Lambda invocation at deploy time only',
};

/**
 * What a tenant stack costs per month while nobody uses it, read from its synthesized template
 * and priced from a table of AWS public list prices kept as data in the package, per region (each
 * line with its source and date; see `TenantCostEstimate.priceTable(region)`). A region is priced
 * only when every line has a sourced price for it (`TenantCostEstimate.REGIONS`); a price is never
 * borrowed from another region, so any other region is refused, naming the lines it lacks.
 *
 * Itemised per kind of cost: NAT gateways and their public IPv4 addresses, NAT instances with their
 * volumes and detailed monitoring, interface endpoints per AZ, load balancer hours, Aurora Serverless v2 minimum ACUs (0
 * when the cluster auto-pauses) with a storage and backup floor, KMS keys, secrets, hosted zones,
 * Kinesis stream hours, a log storage floor per log group, alarms and dashboards. Resource types
 * that cost nothing idle (IAM, subnets, Lambda, …) are listed as such; a type the table does not
 * know is listed in `notPriced`, never counted as zero.
 *
 * It is an estimate of the floor: usage (requests, data processed, LCUs, I/O, storage growth),
 * free tiers, taxes, savings plans and the account's free alarms and dashboards are not in it.
 *
 * Stable API.
 *
 * @example
 * const template = fs.readFileSync('cdk.out/Tenant-acme.template.json', 'utf8');
 * const cost = TenantCostEstimate.fromTemplateJson(template, 'us-east-1');
 * console.log(cost.usdPerMonth, cost.notPriced);
 */
export class TenantCostEstimate {
  /** The regions priced: each has a sourced price, with its date, for every line of the table. */
  public static readonly REGIONS: string[] = [...SUPPORTED_REGIONS];

  /**
   * The price table of a region, as data: every list price and every usage floor the estimate
   * uses, each with its source and the date it was read.
   *
   * @param region one of `TenantCostEstimate.REGIONS`
   * @throws Error when the region is not supported (the message names the lines it lacks)
   */
  public static priceTable(region: string): CostPrice[] {
    const prices = TenantCostEstimate.pricesOf(region);
    return [
      ...prices.map((p) => ({ key: p.key, value: p.usd, unit: `USD per ${p.unit}`, source: p.source, date: p.date, assumption: false, note: p.note ?? '' })),
      ...USAGE_FLOORS.map((f) => ({ key: f.key, value: f.quantity, unit: `${f.unit} per resource`, source: f.source, date: f.date, assumption: true, note: f.note })),
    ];
  }

  /**
   * The price lines a region has no sourced price for: empty for a region in
   * `TenantCostEstimate.REGIONS`, every line for a region nobody has sourced yet.
   *
   * @param region an AWS region code, e.g. `eu-west-1`
   */
  public static missingPrices(region: string): string[] {
    return missingPriceKeys(region);
  }

  /**
   * Estimates the idle monthly cost of a synthesized template.
   *
   * @param templateJson the template, as JSON text (e.g. read from `cdk.out/<stack>.template.json`)
   * @param region the region the stack deploys to; one of `TenantCostEstimate.REGIONS`
   * @throws Error when the text is not a CloudFormation template or the region is not supported
   */
  public static fromTemplateJson(templateJson: string, region: string): TenantCostEstimate {
    let template: unknown;
    try {
      template = JSON.parse(templateJson);
    } catch (e) {
      throw new Error(`TenantCostEstimate: the template is not JSON (${(e as Error).message})`);
    }
    const resources = (template as { Resources?: unknown } | null)?.Resources;
    if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
      throw new Error('TenantCostEstimate: the template has no Resources section');
    }
    return new TenantCostEstimate(region, resources as Record<string, CfnResource>, TenantCostEstimate.pricesOf(region));
  }

  /** The price lines of a supported region, or the error that says why the region is refused. */
  private static pricesOf(region: string): readonly PriceLine[] {
    // never borrow another region's price: it would look sourced and be wrong (NAT is 0.045 in us-east-1, 0.062 in Tokyo)
    const refusal = regionRefusal(region, PRICE_LISTS[region] ?? [], SUPPORTED_REGIONS);
    if (refusal) throw new Error(`TenantCostEstimate: ${refusal}`);
    return PRICE_LISTS[region];
  }


  /** The region the prices are for. */
  public readonly region: string;
  /**
   * How current the prices are: the oldest date among the price lines this estimate used (the
   * region's oldest line when it priced nothing), YYYY-MM or YYYY-MM-DD; each item's `source`
   * carries its own line's date.
   */
  public readonly pricesAsOf: string;
  /** Total idle cost per month, USD (sum of `items`; `notPriced` is not in it). */
  public readonly usdPerMonth: number;
  /** The priced lines, largest first. */
  public readonly items: CostLineItem[];
  /** Resources the table cannot price; a non-empty list means the total is a lower bound. */
  public readonly notPriced: UnpricedResources[];
  /** Resource types present that cost nothing while idle, with the reason (`type: reason`). */
  public readonly freeWhenIdle: string[];

  private readonly lines = new Map<string, Line>();
  private readonly unpriced = new Map<string, { reason: string; ids: string[] }>();
  private readonly free = new Map<string, string>();
  private readonly priceByKey: Map<string, PriceLine>;

  private constructor(region: string, private readonly resources: Record<string, CfnResource>, prices: readonly PriceLine[]) {
    this.region = region;
    this.priceByKey = new Map(prices.map((p) => [p.key, p]));
    for (const [id, resource] of Object.entries(resources)) {
      this.price(id, resource);
    }
    this.items = [...this.lines.values()]
      .map((l) => {
        const quantity = l.floor ? l.quantity * l.floor.quantity : l.quantity;
        return {
          resourceType: l.resourceType,
          item: l.item,
          quantity,
          unit: l.price.unit,
          unitPriceUsd: l.price.usd,
          usdPerMonth: quantity * l.price.usd,
          source: `${l.price.source} (${l.price.date})${l.floor ? `; assumed ${l.floor.quantity} ${l.floor.unit} per resource: ${l.floor.note}` : ''}`,
          assumption: l.floor !== undefined,
          logicalIds: l.ids,
        };
      })
      .sort((a, b) => b.usdPerMonth - a.usdPerMonth || a.item.localeCompare(b.item));
    this.usdPerMonth = this.items.reduce((sum, i) => sum + i.usdPerMonth, 0);
    const used = [...this.lines.values()].map((l) => l.price.date);
    this.pricesAsOf = (used.length > 0 ? used : prices.map((p) => p.date)).sort()[0];
    this.notPriced = [...this.unpriced.entries()].map(([key, u]) => ({ resourceType: key.split('|')[0], reason: u.reason, logicalIds: u.ids }));
    this.freeWhenIdle = [...this.free.entries()].sort().map(([type, why]) => `${type}: ${why}`);
  }

  /**
   * The estimate as a plain-text table: the region and the date of its prices, one line per item,
   * then the total and what is not priced.
   */
  public toTable(): string {
    const rows = [`${this.region} list prices as of ${this.pricesAsOf} (each price's source and date: TenantCostEstimate.priceTable('${this.region}'))`];
    rows.push(...this.items.map((i) =>
      `${i.item.padEnd(44)} ${String(round(i.quantity)).padStart(9)} ${i.unit.padEnd(8)} × $${String(i.unitPriceUsd).padEnd(7)} = $${i.usdPerMonth.toFixed(2).padStart(8)}${i.assumption ? '  (assumed floor)' : ''}`,
    ));
    rows.push(`${'total per month (idle)'.padEnd(44)} ${''.padStart(30)} $${this.usdPerMonth.toFixed(2).padStart(8)}`);
    for (const u of this.notPriced) rows.push(`not priced: ${u.resourceType} ×${u.logicalIds.length} (${u.reason})`);
    return rows.join('\n');
  }

  private price(id: string, r: CfnResource): void {
    const props = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::EC2::NatGateway':
        return this.add(id, r.Type, 'NAT gateway hours', 'nat-gateway', HOURS_PER_MONTH);
      case 'AWS::EC2::EIP':
        return this.add(id, r.Type, 'public IPv4 address hours', 'public-ipv4', HOURS_PER_MONTH);
      case 'AWS::EC2::VPCEndpoint': {
        if ((props.VpcEndpointType ?? 'Gateway') === 'Gateway') {
          this.free.set(`${r.Type} (Gateway)`, 'free');
          return;
        }
        if (props.VpcEndpointType !== 'Interface' || !Array.isArray(props.SubnetIds)) {
          return this.unknown(id, r.Type, 'an interface endpoint whose subnets (AZs) the template does not list');
        }
        return this.add(id, r.Type, 'interface endpoint AZ hours', 'interface-endpoint-az', HOURS_PER_MONTH * props.SubnetIds.length);
      }
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer': {
        const type = props.Type ?? 'application';
        if (type === 'application') return this.add(id, r.Type, 'application load balancer hours', 'alb', HOURS_PER_MONTH);
        if (type === 'network') return this.add(id, r.Type, 'network load balancer hours', 'nlb', HOURS_PER_MONTH);
        return this.unknown(id, r.Type, `load balancer type '${String(type)}'`);
      }
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment':
        return this.add(id, r.Type, 'Transit Gateway attachment hours', 'tgw-attachment', HOURS_PER_MONTH);
      case 'AWS::RDS::DBCluster':
        this.add(id, r.Type, 'Aurora storage (floor)', 'aurora-storage', 1, 'aurora-storage-floor-gb');
        return this.add(id, r.Type, 'backup storage (floor)', 'backup-storage', 1, 'backup-storage-floor-gb');
      case 'AWS::RDS::DBInstance':
        return this.dbInstance(id, r.Type, props);
      case 'AWS::KMS::Key':
        return this.add(id, r.Type, 'KMS customer managed keys', 'kms-key', 1);
      case 'AWS::SecretsManager::Secret':
        return this.add(id, r.Type, 'Secrets Manager secrets', 'secret', 1);
      case 'AWS::Route53::HostedZone':
        return this.add(id, r.Type, 'Route 53 hosted zones', 'hosted-zone', 1);
      case 'AWS::Kinesis::Stream': {
        const mode = (props.StreamModeDetails as { StreamMode?: unknown } | undefined)?.StreamMode;
        if (mode === 'ON_DEMAND') return this.add(id, r.Type, 'Kinesis on-demand stream hours', 'kinesis-on-demand-stream', HOURS_PER_MONTH);
        const shards = props.ShardCount ?? 1;
        if (typeof shards !== 'number') return this.unknown(id, r.Type, 'a provisioned stream whose shard count the template does not give');
        return this.add(id, r.Type, 'Kinesis shard hours', 'kinesis-shard', HOURS_PER_MONTH * shards);
      }
      case 'AWS::Logs::LogGroup':
        return this.add(id, r.Type, 'CloudWatch Logs storage (floor)', 'log-storage', 1, 'log-storage-floor-gb');
      case 'AWS::CloudWatch::Alarm':
        return this.add(id, r.Type, 'CloudWatch metric alarms', 'alarm', 1);
      case 'AWS::CloudWatch::CompositeAlarm':
        return this.add(id, r.Type, 'CloudWatch composite alarms', 'composite-alarm', 1);
      case 'AWS::CloudWatch::Dashboard':
        return this.add(id, r.Type, 'CloudWatch dashboards', 'dashboard', 1);
      case 'AWS::EC2::Instance':
        return this.instance(id, r.Type, props);
      case 'AWS::DynamoDB::Table':
        if (props.BillingMode === 'PAY_PER_REQUEST') {
          this.free.set(`${r.Type} (on demand)`, 'billed per request and GB stored');
          return;
        }
        return this.unknown(id, r.Type, 'provisioned capacity');
      case 'AWS::SSM::Parameter':
        if (props.Tier === undefined || props.Tier === 'Standard') {
          this.free.set(`${r.Type} (Standard)`, 'free');
          return;
        }
        return this.unknown(id, r.Type, `parameter tier '${String(props.Tier)}'`);
      default:
        if (r.Type in FREE_WHEN_IDLE) {
          this.free.set(r.Type, FREE_WHEN_IDLE[r.Type]);
        } else if (r.Type.startsWith('Custom::')) {
          this.free.set('Custom::*', FREE_WHEN_IDLE['AWS::CloudFormation::CustomResource']);
        } else {
          this.unknown(id, r.Type, r.Type === 'AWS::Serverless::Application' || r.Type === 'AWS::CloudFormation::Stack'
            ? 'a nested stack whose resources are not in this template'
            : 'not in the price table');
        }
    }
  }

  private dbInstance(id: string, type: string, props: Record<string, unknown>): void {
    if (props.DBInstanceClass !== 'db.serverless') {
      return this.unknown(id, type, `instance class '${String(props.DBInstanceClass)}'`);
    }
    const clusterId = (props.DBClusterIdentifier as { Ref?: unknown } | undefined)?.Ref;
    const cluster = typeof clusterId === 'string' ? this.resources[clusterId] : undefined;
    const scaling = cluster?.Properties?.ServerlessV2ScalingConfiguration as { MinCapacity?: unknown } | undefined;
    if (typeof scaling?.MinCapacity !== 'number') {
      return this.unknown(id, type, 'a Serverless v2 instance whose cluster minimum capacity the template does not give');
    }
    // An Aurora Serverless v2 instance never scales below the cluster minimum; at 0 it auto-pauses.
    this.add(id, type, scaling.MinCapacity === 0 ? 'Aurora Serverless v2 ACU hours (auto-paused: 0)' : 'Aurora Serverless v2 minimum ACU hours',
      'aurora-serverless-v2-acu', HOURS_PER_MONTH * scaling.MinCapacity);
  }

  private instance(id: string, type: string, props: Record<string, unknown>): void {
    const instanceType = props.InstanceType;
    if (typeof instanceType !== 'string' || !this.priceByKey.has(`ec2:${instanceType}`)) {
      return this.unknown(id, type, `instance type '${String(instanceType)}'`);
    }
    this.add(id, type, `EC2 ${instanceType} hours`, `ec2:${instanceType}`, HOURS_PER_MONTH);
    const mappings = Array.isArray(props.BlockDeviceMappings) ? props.BlockDeviceMappings as Array<{ Ebs?: { VolumeSize?: unknown } }> : [];
    const sizes = mappings.map((m) => m.Ebs?.VolumeSize).filter((s): s is number => typeof s === 'number');
    if (sizes.length > 0) {
      this.add(id, type, 'EBS gp3 storage', 'ebs-gp3', sizes.reduce((a, b) => a + b, 0));
    } else {
      this.add(id, type, 'EBS gp3 storage (default root volume)', 'ebs-gp3', 1, 'ebs-root-gb');
    }
    if (props.Monitoring === true) {
      this.add(id, type, 'EC2 detailed monitoring', 'ec2-detailed-monitoring', 1);
    }
    if (this.hasPublicIp(props)) {
      this.add(id, type, 'public IPv4 address hours', 'public-ipv4', HOURS_PER_MONTH);
    }
  }

  /** An instance gets a public IPv4 when it asks for one or its subnet maps one on launch. */
  private hasPublicIp(props: Record<string, unknown>): boolean {
    const interfaces = Array.isArray(props.NetworkInterfaces) ? props.NetworkInterfaces as Array<Record<string, unknown>> : [];
    if (interfaces.some((n) => n.AssociatePublicIpAddress === true)) return true;
    const subnetRefs = [props.SubnetId, ...interfaces.map((n) => n.SubnetId)]
      .map((s) => (s as { Ref?: unknown } | undefined)?.Ref)
      .filter((s): s is string => typeof s === 'string');
    return subnetRefs.some((ref) => this.resources[ref]?.Properties?.MapPublicIpOnLaunch === true);
  }

  private add(id: string, resourceType: string, item: string, priceKey: string, quantity: number, floorKey?: string): void {
    const price = this.priceByKey.get(priceKey);
    const floor = floorKey ? USAGE_FLOORS.find((f) => f.key === floorKey) : undefined;
    if (!price || (floorKey && !floor)) {
      return this.unknown(id, resourceType, `no price '${priceKey}' for ${this.region}`);
    }
    const key = `${resourceType}|${item}`;
    const line = this.lines.get(key) ?? { item, resourceType, quantity: 0, price, floor, ids: [] };
    line.quantity += quantity;
    if (!line.ids.includes(id)) line.ids.push(id);
    this.lines.set(key, line);
  }

  private unknown(id: string, resourceType: string, reason: string): void {
    const key = `${resourceType}|${reason}`;
    const entry = this.unpriced.get(key) ?? { reason, ids: [] };
    entry.ids.push(id);
    this.unpriced.set(key, entry);
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
