import { TenantCostEstimate } from '../../src/cost';

/** A template of hand-picked resources whose idle cost is computed by hand below. */
function handTemplate(): Record<string, unknown> {
  return {
    Resources: {
      Nat: { Type: 'AWS::EC2::NatGateway', Properties: {} },
      NatIp: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
      S3Endpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Gateway' } },
      SmEndpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: [{ Ref: 'A' }, { Ref: 'B' }] } },
      Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 } } },
      Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.serverless', DBClusterIdentifier: { Ref: 'Cluster' } } },
      Reader: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.serverless', DBClusterIdentifier: { Ref: 'Cluster' } } },
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      S1: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      S2: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      S3: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: {} },
      Stream: { Type: 'AWS::Kinesis::Stream', Properties: { StreamModeDetails: { StreamMode: 'ON_DEMAND' } } },
      Logs1: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      Logs2: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      A1: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
      A2: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
      A3: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
      A4: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
      Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
      Role: { Type: 'AWS::IAM::Role', Properties: {} },
      Cleanup: { Type: 'Custom::VpcFunctionCleanup', Properties: {} },
      Mystery: { Type: 'AWS::Foo::Bar', Properties: {} },
    },
  };
}

/** us-east-1 list prices and the assumed floors, written out so the sum below is checkable by hand. */
const HAND_SUM =
  0.045 * 730 + // NAT gateway: 32.85
  0.005 * 730 + // its public IPv4: 3.65
  0.01 * 730 * 2 + // interface endpoint in 2 AZs: 14.60
  0.0225 * 730 + // ALB: 16.425
  0.12 * 730 * 0.5 * 2 + // 2 Serverless v2 instances at 0.5 ACU: 87.60
  0.10 * 1 + // Aurora storage floor, 1 GB assumed
  0.021 * 1 + // backup storage floor, 1 GB assumed
  1 + // KMS key
  0.40 * 3 + // 3 secrets
  0.50 + // hosted zone
  0.04 * 730 + // on-demand Kinesis stream: 29.20
  0.03 * 0.05 * 2 + // 2 log groups, 0.05 GB each assumed
  0.10 * 4; // 4 alarms

describe('TenantCostEstimate', () => {
  test('a hand-computed template gives the hand-computed sum (187.549 USD)', () => {
    // WHEN
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(handTemplate()), 'us-east-1');
    // THEN
    expect(HAND_SUM).toBeCloseTo(187.549, 6);
    expect(estimate.usdPerMonth).toBeCloseTo(HAND_SUM, 6);
    const byItem = Object.fromEntries(estimate.items.map((i) => [i.item, i.usdPerMonth]));
    expect(byItem).toEqual({
      'NAT gateway hours': expect.closeTo(32.85, 6),
      'public IPv4 address hours': expect.closeTo(3.65, 6),
      'interface endpoint AZ hours': expect.closeTo(14.6, 6),
      'application load balancer hours': expect.closeTo(16.425, 6),
      'Aurora Serverless v2 minimum ACU hours': expect.closeTo(87.6, 6),
      'Aurora storage (floor)': expect.closeTo(0.1, 6),
      'backup storage (floor)': expect.closeTo(0.021, 6),
      'KMS customer managed keys': expect.closeTo(1, 6),
      'Secrets Manager secrets': expect.closeTo(1.2, 6),
      'Route 53 hosted zones': expect.closeTo(0.5, 6),
      'Kinesis on-demand stream hours': expect.closeTo(29.2, 6),
      'CloudWatch Logs storage (floor)': expect.closeTo(0.003, 6),
      'CloudWatch metric alarms': expect.closeTo(0.4, 6),
    });
    // the largest line first
    expect(estimate.items[0].item).toBe('Aurora Serverless v2 minimum ACU hours');
    expect(estimate.items[0].logicalIds).toEqual(['Writer', 'Reader']);
  });

  test('an unknown resource type is listed as not priced, never as zero', () => {
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(handTemplate()), 'us-east-1');
    expect(estimate.notPriced).toEqual([{ resourceType: 'AWS::Foo::Bar', reason: 'not in the price table', logicalIds: ['Mystery'] }]);
    expect(estimate.toTable()).toContain('not priced: AWS::Foo::Bar ×1');
  });

  test('free-when-idle types are listed with their billing reason', () => {
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(handTemplate()), 'us-east-1');
    expect(estimate.freeWhenIdle).toEqual([
      'AWS::EC2::VPCEndpoint (Gateway): free',
      'AWS::IAM::Role: free',
      'AWS::Lambda::Function: billed per request and GB-second',
      'Custom::*: a Lambda invocation at deploy time only',
    ]);
  });

  test('floors are marked as assumptions, list prices are not', () => {
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(handTemplate()), 'us-east-1');
    const assumed = estimate.items.filter((i) => i.assumption).map((i) => i.item).sort();
    expect(assumed).toEqual(['Aurora storage (floor)', 'CloudWatch Logs storage (floor)', 'backup storage (floor)']);
    expect(estimate.toTable()).toMatch(/Aurora storage \(floor\).*\(assumed floor\)/);
  });

  test('an auto-pausing cluster (minimum 0 ACU) costs no compute while idle', () => {
    const template = {
      Resources: {
        Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 2, SecondsUntilAutoPause: 900 } } },
        Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.serverless', DBClusterIdentifier: { Ref: 'Cluster' } } },
      },
    };
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(template), 'us-east-1');
    const acu = estimate.items.find((i) => i.item.startsWith('Aurora Serverless v2'));
    expect(acu).toMatchObject({ item: 'Aurora Serverless v2 ACU hours (auto-paused: 0)', usdPerMonth: 0 });
    expect(estimate.usdPerMonth).toBeCloseTo(0.10 + 0.021, 6);
  });

  test('a provisioned instance class and an interface endpoint with unknown subnets are not priced', () => {
    const template = {
      Resources: {
        Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large' } },
        Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: { 'Fn::Split': [',', 'a,b'] } } },
      },
    };
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(template), 'us-east-1');
    expect(estimate.usdPerMonth).toBe(0);
    expect(estimate.notPriced.map((u) => u.resourceType)).toEqual(['AWS::RDS::DBInstance', 'AWS::EC2::VPCEndpoint']);
    expect(estimate.notPriced[0].reason).toBe("instance class 'db.r6g.large'");
  });

  test('a NAT instance costs its instance hours, its root volume and the public IPv4 its subnet maps', () => {
    const template = {
      Resources: {
        Public: { Type: 'AWS::EC2::Subnet', Properties: { MapPublicIpOnLaunch: true } },
        Nat: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't4g.nano', SubnetId: { Ref: 'Public' }, SourceDestCheck: false, Monitoring: true } },
      },
    };
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(template), 'us-east-1');
    // 0.0042 × 730 + 8 GB × 0.08 (assumed root volume) + 7 detailed-monitoring metrics × 0.30 + 0.005 × 730
    expect(estimate.usdPerMonth).toBeCloseTo(3.066 + 0.64 + 2.10 + 3.65, 6);
  });

  test('provisioned Kinesis streams are priced per shard', () => {
    const template = { Resources: { S: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 2 } } } };
    expect(TenantCostEstimate.fromTemplateJson(JSON.stringify(template), 'us-east-1').usdPerMonth).toBeCloseTo(0.015 * 730 * 2, 6);
  });

  test.each([
    ['not JSON', '{', /the template is not JSON/],
    ['no Resources', '{"Outputs":{}}', /the template has no Resources section/],
    ['null', 'null', /the template has no Resources section/],
  ])('throws when the template is %s', (_name, text, message) => {
    expect(() => TenantCostEstimate.fromTemplateJson(text, 'us-east-1')).toThrow(message);
  });

  test('throws when the region has no sourced prices, naming the regions that are priced', () => {
    expect(() => TenantCostEstimate.fromTemplateJson('{"Resources":{}}', 'ap-south-2'))
      .toThrow("region 'ap-south-2' is not supported: no sourced prices for it (priced regions: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-northeast-1, ap-southeast-2)");
    expect(() => TenantCostEstimate.priceTable('ap-south-2')).toThrow("region 'ap-south-2' is not supported");
  });

  test('the table names the region and how current its prices are', () => {
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(handTemplate()), 'us-east-1');
    expect(estimate.pricesAsOf).toBe('2026-11');
    expect(estimate.toTable().split('\n')[0]).toBe("us-east-1 list prices as of 2026-11 (each price's source and date: TenantCostEstimate.priceTable('us-east-1'))");
  });

  test('every us-east-1 price line names its source page and the month it was read', () => {
    const table = TenantCostEstimate.priceTable('us-east-1');
    expect(table.length).toBeGreaterThan(20);
    for (const line of table) {
      expect(line.source).toMatch(/^https:\/\/aws\.amazon\.com\/.+\/pricing\//);
      expect(line.date).toMatch(/^\d{4}-\d{2}$/);
      expect(line.value).toBeGreaterThan(0);
    }
    expect(table.filter((l) => l.assumption).map((l) => l.key)).toEqual([
      'aurora-storage-floor-gb', 'backup-storage-floor-gb', 'log-storage-floor-gb', 'ebs-root-gb',
    ]);
  });
});
