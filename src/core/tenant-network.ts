import { CfnResource, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { TenantGuardrails } from './guardrails';
import { LogShipping } from './log-shipping';
import { Suppressions } from './suppressions';
import { TenantKey } from './tenant-key';
import { TenantLogGroup } from './tenant-log-group';
import { TenantTier } from './tier';
import { PropsValidation } from './validation';

/** Address range of a VPC created for a tenant (tenant VPCs are never peered, so they may all use it). */
const VPC_CIDR = '10.0.0.0/16';

/** The networks made by {@link TenantNetwork.of}, per stack and tenant. */
const NETWORKS = new WeakMap<Stack, Map<string, TenantNetwork>>();

/** Props of {@link TenantNetwork}. */
export interface TenantNetworkProps {
  /** The tenant this network belongs to. */
  readonly tenantId: string;

  /**
   * The tenant's tier: decides the number of availability zones and NAT gateways.
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /**
   * An existing VPC to place the tenant's blocks in. When given, the network wraps it and creates
   * nothing (no flow logs, endpoints or NAT gateways: the VPC's owner is responsible for them).
   * It should have public, private-with-egress and isolated subnets; blocks fall back to private
   * subnets where isolated ones are missing.
   *
   * @default - a new VPC made for the tenant
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The tenant key that encrypts the flow log group.
   *
   * @default - the stack's key of the tenant, `TenantKey.of(this, tenantId, tier)` (only when a VPC is created)
   */
  readonly encryptionKey?: TenantKey;

  /**
   * Where the flow log group is shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;
}

/**
 * A VPC made for one tenant, or a wrapper around an imported one.
 *
 * A created VPC has, in each availability zone, a public subnet (load balancers), a private subnet
 * with egress through NAT (functions) and an isolated subnet (databases, no route to the internet).
 * Baked in, each with its reason:
 * - 2 AZs and one NAT gateway in DEVELOPMENT (cost); 3 AZs where the region has them and one NAT
 *   gateway per AZ in PRODUCTION (an AZ outage does not cut the others' egress);
 * - flow logs of all traffic to a log group encrypted with the tenant key, with retention by tier,
 *   shipped through `logShipping` (AwsSolutions-VPC7, NIST.800.53.R5-VPCFlowLogsEnabled);
 * - the default security group stripped of all rules (NIST.800.53.R5-VPCDefaultSecurityGroupClosed);
 * - an S3 gateway endpoint for every private and isolated subnet (S3 traffic, including custom
 *   resource responses, never leaves the AWS network) and a Secrets Manager interface endpoint in
 *   the isolated subnets, so secret rotation works from subnets without internet access.
 */
export class TenantNetwork extends Construct {
  /**
   * The tenant's network in the stack of `scope`, created at stack level (id
   * `TenantNetwork-<tenantId>`) the first time. Blocks use it when they are given no network, so
   * that all blocks of a tenant in a stack share one VPC (and can reach each other).
   *
   * @param scope any construct in the stack
   * @param props the network's props; the tier must match an existing network's
   * @throws Error when the stack's network of the tenant has another tier
   */
  public static of(scope: IConstruct, props: TenantNetworkProps): TenantNetwork {
    const stack = Stack.of(scope);
    const wanted = props.tier ?? TenantTier.PRODUCTION;
    const existing = NETWORKS.get(stack)?.get(props.tenantId);
    if (existing) {
      if (existing.tier !== wanted) {
        throw new Error(
          `TenantNetwork.of: the stack ${stack.node.path} already has the network of tenant "${props.tenantId}" (${existing.node.path}) ` +
            `with tier ${existing.tier}, not ${wanted}; one tenant has one tier`,
        );
      }
      return existing;
    }
    const network = new TenantNetwork(stack, `TenantNetwork-${props.tenantId}`, props);
    const networks = NETWORKS.get(stack) ?? new Map<string, TenantNetwork>();
    networks.set(props.tenantId, network);
    NETWORKS.set(stack, networks);
    return network;
  }

  /** The VPC. */
  public readonly vpc: ec2.IVpc;

  /** The tenant this network belongs to. */
  public readonly tenantId: string;

  /** The tenant's tier. */
  public readonly tier: TenantTier;

  /** Whether the VPC was imported (true) or created by this construct (false). */
  public readonly imported: boolean;

  /** The flow log group, when the VPC was created here. */
  public readonly flowLogGroup?: logs.ILogGroup;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: TenantNetworkProps) {
    super(scope, id);
    const v = new PropsValidation('TenantNetwork', props.tenantId);
    v.tenantId('tenantId', props.tenantId);
    v.tier('tier', props.tier);
    v.throwIfInvalid();

    TenantGuardrails.applyTo(this);
    this.tenantId = props.tenantId;
    this.tier = props.tier ?? TenantTier.PRODUCTION;

    if (props.vpc) {
      this.vpc = props.vpc;
      this.imported = true;
      return;
    }
    this.imported = false;
    const production = this.tier !== TenantTier.DEVELOPMENT;
    const key = props.encryptionKey ?? TenantKey.of(this, props.tenantId, this.tier);

    const flowLogGroup = new TenantLogGroup(this, 'FlowLogs', {
      tier: this.tier,
      encryptionKey: key,
      logShipping: props.logShipping,
    });
    this.flowLogGroup = flowLogGroup;

    const azCount = production ? Math.min(3, Stack.of(this).availabilityZones.length) : 2;
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR),
      maxAzs: Math.max(2, azCount),
      natGateways: production ? Math.max(2, azCount) : 1,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: {
        All: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
      gatewayEndpoints: {
        S3: {
          service: ec2.GatewayVpcEndpointAwsService.S3,
          subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
        },
      },
    });
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'SecretsManagerEndpointSecurityGroup', {
      vpc,
      description: 'Secrets Manager endpoint: HTTPS from inside the tenant VPC only',
      allowAllOutbound: false,
    });
    // Functions and secret rotation anywhere in the VPC call Secrets Manager; nothing else may.
    endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(VPC_CIDR), ec2.Port.tcp(443), 'HTTPS from the tenant VPC');
    vpc.addInterfaceEndpoint('SecretsManager', {
      service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      privateDnsEnabled: true,
      securityGroups: [endpointSecurityGroup],
      open: false,
    });

    for (const subnet of vpc.publicSubnets) {
      Suppressions.add(subnet, ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
        id: `${pack}-VPCNoUnrestrictedRouteToIGW`,
        reason: 'Public subnets exist only for internet-facing load balancers and NAT gateways, which need the default route to the internet gateway; nothing else is placed in them',
      })));
    }
    Suppressions.add(vpc, ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      id: `${pack}-IAMNoInlinePolicy`,
      reason: 'The flow log role policy is generated by aws-cdk-lib for this one role, grants only writing to the flow log group, and lives and dies with the role',
    })));
    // aws-cdk-lib's provider that strips the default security group's rules is a stack singleton.
    const restrictProvider = Stack.of(this).node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    if (restrictProvider) {
      Suppressions.add(restrictProvider, [
        {
          id: 'CT.LAMBDA.PR.3',
          reason: 'aws-cdk-lib deploy-time handler that only calls EC2 RevokeSecurityGroupIngress/Egress on the default security group; it touches no tenant data, and placing it in the VPC would make VPC deletion depend on its own network interfaces',
        },
      ]);
      // Its log group, created before the first invocation: encrypted, with retention, shipped, and
      // removed with the stack in DEVELOPMENT (Lambda would otherwise create an unmanaged one that
      // outlives the stack). One per stack, like the provider.
      const handler = restrictProvider.node.tryFindChild('Handler') as CfnResource | undefined;
      if (handler && !restrictProvider.node.tryFindChild('LogGroup')) {
        const handlerLogs = new TenantLogGroup(restrictProvider as Construct, 'LogGroup', {
          tier: this.tier,
          encryptionKey: key,
          logShipping: props.logShipping,
          logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]),
        });
        const restrict = vpc.node.tryFindChild('RestrictDefaultSecurityGroupCustomResource');
        restrict?.node.addDependency(handlerLogs);
      }
    }
    this.vpc = vpc;
  }

  /** Subnets for internet-facing load balancers (public). */
  public get loadBalancerSubnets(): ec2.SubnetSelection {
    return { subnetType: ec2.SubnetType.PUBLIC };
  }

  /** Subnets for functions (private with egress, or isolated when an imported VPC has none). */
  public get functionSubnets(): ec2.SubnetSelection {
    if (this.vpc.privateSubnets.length > 0) return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }

  /** Subnets for databases (isolated, or private when an imported VPC has no isolated subnets). */
  public get databaseSubnets(): ec2.SubnetSelection {
    if (this.vpc.isolatedSubnets.length > 0) return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
  }

  /** Subnets for internal load balancers (private with egress, or isolated when there are none). */
  public get internalLoadBalancerSubnets(): ec2.SubnetSelection {
    return this.functionSubnets;
  }
}
