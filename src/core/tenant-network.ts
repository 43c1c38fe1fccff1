import { Annotations, Aspects, CfnResource, CustomResource, Duration, Fn, IAspect, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, DependencyGroup, IConstruct, IDependable } from 'constructs';
import { HandlerExecutionRole } from './execution-role';
import { TenantGuardrails } from './guardrails';
import { LogShipping } from './log-shipping';
import { S3PrefixListFunction } from './s3-prefix-list-function';
import { Suppressions } from './suppressions';
import { TenantKey } from './tenant-key';
import { TenantLogGroup } from './tenant-log-group';
import { TenantTier } from './tier';
import { PropsValidation } from './validation';

/**
 * Default address range of a VPC created for a tenant (tenant VPCs are never peered with each
 * other, so they may all use it; a platform that routes customer networks in sets `vpcCidr`).
 */
const DEFAULT_VPC_CIDR = '10.0.0.0/16';

/**
 * Instance type of the DEVELOPMENT NAT instance: the smallest Graviton type, about 3.07 USD a
 * month in us-east-1 (a NAT gateway is 32.85 USD a month before data processing).
 */
const DEV_NAT_INSTANCE_TYPE = 't4g.nano';

/** The networks made by {@link TenantNetwork.of}, per stack and tenant. */
const NETWORKS = new WeakMap<Stack, Map<string, TenantNetwork>>();

/** Props of {@link TenantNetwork}. */
export interface TenantNetworkProps {
  /** The tenant this network belongs to. */
  readonly tenantId: string;

  /**
   * The tenant's tier: decides the NAT (gateways per AZ, or one NAT instance), where the interface
   * endpoints are (every AZ, or one) and the flow log retention. It never changes the subnet
   * layout: a tier change may add or swap NAT, never move a subnet.
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

  /**
   * Platform-side: the address range of the VPC made for the tenant, a private IPv4 range from /16
   * to /20. Subnets are cut from it by prefix (public and isolated: prefix + 8, private: prefix + 4,
   * three AZs reserved), so it must not change after the first deploy. Set it when the platform
   * routes customer networks into tenant VPCs (they must not overlap).
   *
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;

  /**
   * Whether the private subnets get a route to the internet (through NAT) from the start. Blocks
   * that need it call {@link TenantNetwork.requireInternetEgress}; a tenant whose blocks reach AWS
   * only through the VPC endpoints (a database-only tenant) pays for no NAT at all.
   *
   * @default false - no NAT until a block requires internet egress
   */
  readonly internetEgress?: boolean;

  /**
   * Platform-side: networks the platform routes into the tenant VPC (customer VPNs, office
   * ranges behind a Transit Gateway). Client networks (`allowedCidrs` of the blocks) outside the
   * VPC and outside these get a synth warning: nothing routes them in.
   *
   * @default - none: only clients inside the VPC are reachable
   */
  readonly routedCidrs?: string[];

  /**
   * Platform-side: a Transit Gateway (shared with the tenant account through AWS RAM) to attach the
   * VPC to. The attachment uses the isolated subnets (one per AZ), and every `routedCidrs` entry is
   * routed to it from the private and isolated subnets. The Transit Gateway's own route tables and
   * the attachment's acceptance are the platform's.
   *
   * @default - no attachment
   */
  readonly transitGatewayId?: string;

  /**
   * Platform-side: the id of the region's AWS-managed S3 prefix list (`com.amazonaws.<region>.s3`,
   * e.g. `pl-63a5400a` in us-east-1; `aws ec2 describe-managed-prefix-lists`).
   * {@link TenantNetwork.connectToAwsEndpoints} lets handlers reach S3 on 443 through the gateway
   * endpoint by this list and nothing else. Giving it saves the deploy-time lookup (one small
   * function, its role and log group per network).
   *
   * @default - looked up at deploy time by a custom resource (CloudFormation cannot resolve a
   * prefix list by name, and a synth-time lookup would need AWS credentials), when a block first
   * needs it
   */
  readonly s3PrefixListId?: string;
}

/**
 * A VPC made for one tenant, or a wrapper around an imported one.
 *
 * A created VPC has, in each of up to three availability zones (in every tier), a public subnet
 * (load balancers, NAT), a private subnet (functions) and an isolated subnet (databases, no route
 * to the internet). Baked in, each with its reason:
 * - one subnet layout for both tiers (three AZs where the region has them, two in an
 *   environment-agnostic stack): a tier change never moves a subnet (a moved subnet under a
 *   database fails the update); subnets cost nothing;
 * - no NAT until a block calls {@link requireInternetEgress}; then one NAT gateway per AZ in
 *   PRODUCTION (an AZ outage does not cut the others' egress) and one hardened NAT instance
 *   (t4g.nano, IMDSv2, encrypted volume, HTTPS only) in DEVELOPMENT (about 7 USD a month
 *   instead of 36.50 USD for a NAT gateway with its address);
 * - flow logs of all traffic to a log group encrypted with the tenant key, with retention by tier,
 *   shipped through `logShipping` (AwsSolutions-VPC7, NIST.800.53.R5-VPCFlowLogsEnabled); the flow
 *   log role trusts the service for this account's flow logs only (aws:SourceAccount, aws:SourceArn);
 * - the default security group stripped of all rules (NIST.800.53.R5-VPCDefaultSecurityGroupClosed);
 * - an S3 gateway endpoint for the private and isolated subnets and a Secrets Manager interface
 *   endpoint in the isolated subnets (every AZ in PRODUCTION, one in DEVELOPMENT), so secret
 *   rotation and custom resource responses work without internet access; their policies admit
 *   only this account's resources (aws:ResourceAccount) plus CloudFormation's AWS-owned response
 *   bucket of the region; every Lambda function of the stack in this VPC depends on them, so a
 *   destroy deletes them last;
 * - handler security groups reach those endpoints only ({@link connectToAwsEndpoints}): the
 *   endpoint's security group and the region's S3 prefix list, never 443 to `0.0.0.0/0`; the list's
 *   id is `s3PrefixListId` or looked up at deploy time.
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
      if (props.internetEgress) existing.requireInternetEgress();
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

  /** The address range of the VPC, when it was created here. */
  public readonly vpcCidr?: string;

  /** The security group of the interface endpoints, when the VPC was created here. */
  public readonly endpointSecurityGroup?: ec2.ISecurityGroup;

  /** What must be deleted last: the VPC endpoints (empty for an imported VPC). */
  public readonly endpoints: IDependable;

  private readonly endpointGroup = new DependencyGroup();
  private readonly routedCidrs: string[];
  private readonly givenS3PrefixListId?: string;
  private readonly lookedUpS3PrefixListId?: string;
  private readonly createdVpc?: ec2.Vpc;
  private readonly key?: TenantKey;
  private readonly logShipping?: LogShipping;
  private egress = false;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: TenantNetworkProps) {
    validateTenantNetworkProps(props);
    super(scope, id);

    TenantGuardrails.applyTo(this);
    this.tenantId = props.tenantId;
    this.tier = props.tier ?? TenantTier.PRODUCTION;
    this.endpoints = this.endpointGroup;
    this.routedCidrs = [...(props.routedCidrs ?? [])];
    this.givenS3PrefixListId = props.s3PrefixListId;
    this.logShipping = props.logShipping;

    if (props.vpc) {
      // The owner's VPC: wrapped, nothing created (no flow logs, endpoints, NAT or lookup).
      this.vpc = props.vpc;
      this.imported = true;
    } else {
      this.imported = false;
      this.key = props.encryptionKey ?? TenantKey.of(this, props.tenantId, this.tier);
      this.vpcCidr = props.vpcCidr ?? DEFAULT_VPC_CIDR;
      const flowLogs = this.createFlowLogs(this.key);
      this.flowLogGroup = flowLogs.logGroup;
      const vpc = this.createVpc(this.vpcCidr, flowLogs);
      this.createdVpc = vpc;
      const s3Endpoint = this.createS3Endpoint(vpc);
      this.endpointSecurityGroup = this.createEndpointSecurityGroup(vpc, this.vpcCidr);
      const secretsEndpoint = this.createSecretsManagerEndpoint(vpc, this.endpointSecurityGroup);
      this.deleteEndpointsLast(vpc, s3Endpoint, secretsEndpoint);
      if (props.transitGatewayId !== undefined) {
        this.attachTransitGateway(vpc, props.transitGatewayId);
      }
      this.suppressNetworkFindings(vpc);
      this.narrowRestrictDefaultSecurityGroupProvider(this.key);
      this.vpc = vpc;
      if (props.internetEgress) this.requireInternetEgress();
      // Made now, whether or not a handler reads the id: created on first read, it would leave the
      // stack again when its only readers (in another stack) go, and CloudFormation refuses to
      // remove an export still imported ("Export ... in use"), which deadlocks that change.
      if (!this.givenS3PrefixListId) this.lookedUpS3PrefixListId = this.lookUpS3PrefixList();
    }
  }

  /**
   * Gives the private subnets a route to the internet, once (later calls do nothing): one NAT
   * gateway per AZ in PRODUCTION, one NAT instance in DEVELOPMENT (t4g.nano, IMDSv2 only,
   * encrypted root volume, HTTPS only in and out). Blocks whose functions call the internet call
   * it; the subnets do not move, so switching tiers afterwards only swaps the NAT. Does nothing
   * for an imported VPC (its owner provides egress).
   */
  public requireInternetEgress(): void {
    if (this.egress || !this.createdVpc) return;
    this.egress = true;
    const vpc = this.createdVpc;
    const privateSubnets = vpc.privateSubnets as ec2.PrivateSubnet[];
    const publicSubnets = vpc.publicSubnets as ec2.PublicSubnet[];
    if (this.tier !== TenantTier.DEVELOPMENT) {
      ec2.NatProvider.gateway().configureNat({ vpc, natSubnets: publicSubnets, privateSubnets });
      return;
    }
    const securityGroup = new ec2.SecurityGroup(this, 'NatInstanceSecurityGroup', {
      vpc,
      description: 'DEVELOPMENT NAT instance: HTTPS from the tenant VPC out to the internet only',
      allowAllOutbound: false,
    });
    // The functions' own groups allow HTTPS out only; the NAT forwards nothing else.
    securityGroup.addIngressRule(ec2.Peer.ipv4(this.vpcCidr!), ec2.Port.tcp(443), 'HTTPS from the tenant VPC');
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the internet (forwarded, and the instance\'s own package updates)');
    // Built here rather than with aws-cdk-lib's NatInstanceProviderV2, which passes deprecated
    // props internally (a deprecation warning on every synth, an error under JSII_DEPRECATED=fail)
    // and gives the instance a second, unused security group. Same ids, user data and routes.
    // One instance, in the first AZ: DEVELOPMENT accepts that an AZ outage stops its egress.
    const natSubnet = publicSubnets[0];
    const userData = ec2.UserData.forLinux();
    userData.addCommands(...ec2.NatInstanceProviderV2.DEFAULT_USER_DATA_COMMANDS);
    const instance = new ec2.Instance(natSubnet, 'NatInstance', {
      instanceType: new ec2.InstanceType(DEV_NAT_INSTANCE_TYPE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
      vpc,
      vpcSubnets: { subnets: [natSubnet] },
      // Public subnets do not map public addresses; the NAT instance needs one.
      associatePublicIpAddress: true,
      sourceDestCheck: false,
      securityGroup,
      userData,
      // Detailed monitoring (AwsSolutions-EC28, EC2InstanceDetailedMonitoringEnabled).
      detailedMonitoring: true,
      // Encrypted root volume (AwsSolutions-EC26, EBS encryption controls).
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3, deleteOnTermination: true }) }],
    });
    // IMDSv2 only, hop limit 1: no SSRF path to the instance's credentials.
    (instance.node.defaultChild as ec2.CfnInstance).metadataOptions = { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 };
    natInstanceSuppressions(instance);
    for (const subnet of privateSubnets) {
      subnet.addRoute('DefaultRoute', { routerType: ec2.RouterType.INSTANCE, routerId: instance.instanceId, enablesInternetConnectivity: true });
    }
  }

  /**
   * Whether the private subnets have a route to the internet ({@link requireInternetEgress} was
   * called or `internetEgress` set); false for an imported VPC.
   */
  public get hasInternetEgress(): boolean {
    return this.egress;
  }

  /**
   * The id of the region's AWS-managed S3 prefix list (`com.amazonaws.<region>.s3`), for a VPC
   * made here: `s3PrefixListId` when the platform gave it, otherwise a deploy-time lookup's result
   * (a custom resource made with the VPC, once per network, whether or not anything reads it: a
   * function outside the VPC calls `ec2:DescribeManagedPrefixLists`; the deploy fails with the
   * reason when the region has not exactly one such list). Undefined for an imported VPC.
   */
  public get s3PrefixListId(): string | undefined {
    if (!this.createdVpc) return undefined;
    return this.givenS3PrefixListId ?? this.lookedUpS3PrefixListId;
  }

  /**
   * Lets `securityGroup` reach the AWS endpoints of the tenant VPC on 443 and nothing more: the
   * Secrets Manager endpoint's security group and S3 through the gateway endpoint, by the region's
   * S3 prefix list ({@link s3PrefixListId}: given, or looked up at deploy time). Blocks with
   * handlers in isolated subnets call it instead of allowing 443 to `0.0.0.0/0` (issue 9.9).
   *
   * For an imported VPC (no endpoints made here), HTTPS to anywhere is allowed: its owner decides
   * the routes.
   *
   * @param securityGroup the group of a function or handler in this VPC
   */
  public connectToAwsEndpoints(securityGroup: ec2.ISecurityGroup): void {
    if (!this.endpointSecurityGroup) {
      securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs (the imported VPC\'s owner routes them)');
      return;
    }
    securityGroup.addEgressRule(this.endpointSecurityGroup, ec2.Port.tcp(443), 'HTTPS to the Secrets Manager endpoint');
    securityGroup.addEgressRule(ec2.Peer.prefixList(this.s3PrefixListId!), ec2.Port.tcp(443), 'HTTPS to S3 through the gateway endpoint');
  }

  /**
   * The flow log group (tenant key, retention by tier, shipped) and the role the flow logs
   * service writes it with, assumable only for flow logs of this account (issue 9.8).
   */
  private createFlowLogs(key: TenantKey): { logGroup: TenantLogGroup; role: iam.Role } {
    const stack = Stack.of(this);
    const flowLogGroup = new TenantLogGroup(this, 'FlowLogs', {
      tier: this.tier,
      encryptionKey: key,
      logShipping: this.logShipping,
    });
    // Confused-deputy protection (issue 9.8): the service may assume the role only for flow logs
    // of this account.
    const flowLogRole = new iam.Role(this, 'FlowLogRole', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'ec2', resource: 'vpc-flow-log', resourceName: '*' }) },
      }),
      description: `Flow logs of the VPC of tenant ${this.tenantId}`,
    });
    return { logGroup: flowLogGroup, role: flowLogRole };
  }

  /**
   * The VPC: the same three AZs and subnet layout in every tier (a tier change never moves a
   * subnet, issue 8.8), no NAT until {@link requireInternetEgress}, the default security group
   * stripped, flow logs of all traffic.
   */
  private createVpc(vpcCidr: string, flowLogs: { logGroup: TenantLogGroup; role: iam.Role }): ec2.Vpc {
    const prefix = Number(vpcCidr.split('/')[1]);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(vpcCidr),
      // The same AZs and subnets in every tier: a tier change never moves a subnet (issue 8.8).
      maxAzs: 3,
      // NAT is added by requireInternetEgress(), per tier; the private subnets exist either way.
      natGateways: 0,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: prefix + 8, mapPublicIpOnLaunch: false },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: prefix + 4 },
        { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: prefix + 8 },
      ],
      flowLogs: {
        All: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs.logGroup, flowLogs.role),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    return vpc;
  }

  /**
   * The S3 gateway endpoint of the private and isolated subnets, admitting only this account's
   * buckets and CloudFormation's response bucket of the region (issue 9.9).
   */
  private createS3Endpoint(vpc: ec2.Vpc): ec2.GatewayVpcEndpoint {
    const stack = Stack.of(this);
    const s3Endpoint = vpc.addGatewayEndpoint('S3', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    // Issue 9.9: only this account's buckets (a stolen credential cannot copy data out to another
    // account through the endpoint), plus CloudFormation's AWS-owned bucket of the region that
    // receives custom resource responses (cloudformation-custom-resource-response-<region without
    // hyphens>, AWS CloudFormation User Guide, "Setting up VPC endpoints for AWS CloudFormation").
    s3Endpoint.addToPolicy(new iam.PolicyStatement({
      sid: 'OnlyThisAccountsBuckets',
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:ResourceAccount': stack.account } },
    }));
    s3Endpoint.addToPolicy(new iam.PolicyStatement({
      sid: 'CloudFormationCustomResourceResponses',
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [`arn:${stack.partition}:s3:::${cloudFormationResponseBucket(stack)}/*`],
    }));

    return s3Endpoint;
  }

  /** The Secrets Manager endpoint's security group: HTTPS in from the VPC's own range only, nothing out. */
  private createEndpointSecurityGroup(vpc: ec2.Vpc, vpcCidr: string): ec2.SecurityGroup {
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'SecretsManagerEndpointSecurityGroup', {
      vpc,
      description: 'Secrets Manager endpoint: HTTPS from inside the tenant VPC only',
      allowAllOutbound: false,
    });
    // Functions and secret rotation anywhere in the VPC call Secrets Manager; nothing else may.
    endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(443), 'HTTPS from the tenant VPC');
    return endpointSecurityGroup;
  }

  /**
   * The Secrets Manager interface endpoint in the isolated subnets (every AZ in PRODUCTION, one in
   * DEVELOPMENT), admitting only this account's secrets and random passwords.
   */
  private createSecretsManagerEndpoint(vpc: ec2.Vpc, endpointSecurityGroup: ec2.ISecurityGroup): ec2.InterfaceVpcEndpoint {
    const stack = Stack.of(this);
    const production = this.tier !== TenantTier.DEVELOPMENT;
    const secretsEndpoint = vpc.addInterfaceEndpoint('SecretsManager', {
      service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      // One AZ in DEVELOPMENT (7.30 USD a month per AZ; an AZ outage may stop a DEV rotation),
      // every AZ in PRODUCTION. Adding AZs later updates the endpoint in place.
      subnets: production
        ? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }
        : { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: [vpc.availabilityZones[0]] },
      privateDnsEnabled: true,
      securityGroups: [endpointSecurityGroup],
      open: false,
    });
    secretsEndpoint.addToPolicy(new iam.PolicyStatement({
      sid: 'OnlyThisAccountsSecrets',
      principals: [new iam.AnyPrincipal()],
      actions: ['secretsmanager:*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:ResourceAccount': stack.account } },
    }));
    secretsEndpoint.addToPolicy(new iam.PolicyStatement({
      // Rotation asks for a random password; the action names no resource, so aws:ResourceAccount
      // would not be present.
      sid: 'RandomPasswords',
      principals: [new iam.AnyPrincipal()],
      actions: ['secretsmanager:GetRandomPassword'],
      resources: ['*'],
    }));
    return secretsEndpoint;
  }

  /** Every Lambda function of the stack in this VPC depends on the endpoints, so a destroy deletes them last (issue 8.11). */
  private deleteEndpointsLast(vpc: ec2.Vpc, s3Endpoint: ec2.GatewayVpcEndpoint, secretsEndpoint: ec2.InterfaceVpcEndpoint): void {
    const stack = Stack.of(this);
    this.endpointGroup.add(s3Endpoint, secretsEndpoint);
    // Issue 8.11: whatever runs in this VPC depends on the endpoints, so a destroy deletes them last
    // (a custom resource's Delete still reaches Secrets Manager and its S3 response URL).
    Aspects.of(stack).add(new EndpointsLast(vpc, this.endpointGroup));

  }

  /** The compliance findings the public subnets and the flow log role's inline policy cannot avoid, each with its reason. */
  private suppressNetworkFindings(vpc: ec2.Vpc): void {
    for (const subnet of vpc.publicSubnets) {
      Suppressions.add(subnet, ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
        id: `${pack}-VPCNoUnrestrictedRouteToIGW`,
        reason: 'Public subnets exist only for internet-facing load balancers and NAT, which need the default route to the internet gateway; nothing else is placed in them',
      })));
    }
    Suppressions.add(this, ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      id: `${pack}-IAMNoInlinePolicy`,
      reason: 'The flow log role policy is generated by aws-cdk-lib for this one role, grants only writing to the flow log group, and lives and dies with the role',
    })));
  }

  /**
   * aws-cdk-lib's stack-singleton provider that strips the default security group: its finding
   * suppressed with the reason, and its log group made here (tenant key, retention, shipped) with
   * its role narrowed to it (issue 9.6).
   */
  private narrowRestrictDefaultSecurityGroupProvider(key: TenantKey): void {
    const stack = Stack.of(this);
    // aws-cdk-lib's provider that strips the default security group's rules is a stack singleton.
    const restrictProvider = stack.node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
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
          logShipping: this.logShipping,
          logGroupName: Fn.join('', ['/aws/lambda/', handler.ref]),
        });
        // Its own log group only, not AWSLambdaBasicExecutionRole's every log group (issue 9.6).
        // Every custom resource the provider serves (this VPC's, and those of any other VPC of
        // the stack) then waits for the log group and the policy.
        HandlerExecutionRole.narrowProviderRole(restrictProvider, handlerLogs);
      }
    }
  }

  /**
   * The deploy-time lookup of the S3 prefix list id. The network owns it, not the blocks' clean-up
   * handlers: the id is a fact of the VPC's region, shared by every handler group in the VPC, and
   * looked up once per network whatever the number of blocks.
   */
  private lookUpS3PrefixList(): string {
    const stack = Stack.of(this);
    const logGroup = new TenantLogGroup(this, 'S3PrefixListLookupLogs', { tier: this.tier, encryptionKey: this.key!, logShipping: this.logShipping });
    const role = new HandlerExecutionRole(this, 'S3PrefixListLookupRole', {
      description: `TenantNetwork ${this.tenantId}: S3 prefix list lookup`,
      logGroup,
    });
    // Describe calls support no resource-level permissions; the handler only reads.
    role.executionPolicy.addStatements(new iam.PolicyStatement({ sid: 'DescribeManagedPrefixLists', actions: ['ec2:DescribeManagedPrefixLists'], resources: ['*'] }));
    const handler = new S3PrefixListFunction(this, 'S3PrefixListLookupHandler', {
      description: `TenantNetwork ${this.tenantId}: looks up the region's S3 prefix list id (CloudFormation custom resource only)`,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 128,
      timeout: Duration.minutes(1),
      // Outside the VPC: the tenant VPC has no EC2 endpoint (and needs none for this one call).
    });
    const lookup = new CustomResource(this, 'S3PrefixList', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::TenantS3PrefixList',
      // One describe call: an unanswered resource must not keep the stack waiting an hour.
      serviceTimeout: Duration.minutes(3),
      properties: { PrefixListName: `com.amazonaws.${stack.region}.s3` },
    });
    lookup.node.addDependency(role);
    const noDlq = 'Invoked by CloudFormation only, answered through the response URL; a failure shows in the stack events, a dead-letter queue would have no reader';
    const outsideVpc = 'The lookup calls only ec2:DescribeManagedPrefixLists; the tenant VPC has no EC2 endpoint, and outside it the handler leaves no network interface behind';
    const noConcurrency = 'Runs once per deploy that changes it; reserving concurrency for it would only shrink the account pool (a new account\'s quota starts at 10)';
    Suppressions.add(handler, [
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaDLQ`, reason: noDlq })),
      ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({ id: `${pack}-LambdaInsideVPC`, reason: outsideVpc })),
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaConcurrency`, reason: noConcurrency })),
      { id: 'CT.LAMBDA.PR.3', reason: outsideVpc },
    ]);
    Suppressions.add(role, [{
      id: 'AwsSolutions-IAM5',
      reason: 'ec2:DescribeManagedPrefixLists supports no resource-level permissions; the role reads prefix lists and writes its own log group, nothing else',
      appliesTo: ['Resource::*'],
    }]);
    return lookup.getAttString('PrefixListId');
  }

  /**
   * Warns at synth time (on `scope`) about client networks nothing routes into the VPC: outside
   * the VPC's range and outside `routedCidrs`. A database or endpoint that allows them is
   * unreachable from them until the platform routes them in (Transit Gateway, VPN). Pass the
   * networks that must arrive through the VPC: all of them for a database or an internal load
   * balancer, only the private ranges (`PropsValidation.isPrivateRange`) for an internet-facing
   * endpoint, which public networks reach through the internet gateway. Nothing is checked for an
   * imported VPC.
   *
   * @param scope the block that allows the clients (the warning is attached to it)
   * @param path the prop path named in the warning, e.g. `allowedCidrs`
   * @param cidrs the client networks
   */
  public warnIfUnroutable(scope: IConstruct, path: string, cidrs: string[]): void {
    if (this.imported || !this.vpcCidr) return;
    const routed = [this.vpcCidr, ...this.routedCidrs];
    cidrs.forEach((cidr, i) => {
      if (typeof cidr !== 'string' || Token.isUnresolved(cidr) || cidr.includes(':') || cidr === '0.0.0.0/0') return;
      if (routed.some((r) => cidrContains(r, cidr))) return;
      Annotations.of(scope).addWarningV2('cdk-tenant-blocks:unroutable-client-network',
        `${path}[${i}]: ${cidr} is outside the tenant VPC (${this.vpcCidr}) and outside the network's routedCidrs; ` +
        'nothing routes it in, so clients there cannot connect. Route it (TenantNetwork routedCidrs + transitGatewayId, or a VPN) or remove it.');
    });
  }

  private attachTransitGateway(vpc: ec2.Vpc, transitGatewayId: string): void {
    const attachment = new ec2.CfnTransitGatewayAttachment(this, 'TransitGatewayAttachment', {
      transitGatewayId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
    });
    for (const subnet of [...vpc.privateSubnets, ...vpc.isolatedSubnets]) {
      this.routedCidrs.forEach((cidr, i) => {
        const route = new ec2.CfnRoute(subnet as unknown as Construct, `RoutedCidr${i}`, {
          routeTableId: subnet.routeTable.routeTableId,
          destinationCidrBlock: cidr,
          transitGatewayId,
        });
        route.node.addDependency(attachment);
      });
    }
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

/**
 * Validates the props of a {@link TenantNetwork} (before anything is created) and throws one error listing every problem: the
 * tenant, tier and address ranges, and that an imported VPC takes none of the settings that only
 * apply to a VPC made here.
 */
function validateTenantNetworkProps(props: TenantNetworkProps): void {
  const v = new PropsValidation('TenantNetwork', props.tenantId);
  v.tenantId('tenantId', props.tenantId);
  v.tier('tier', props.tier);
  v.vpcCidr('vpcCidr', props.vpcCidr);
  v.routedNetworks('routedCidrs', props.routedCidrs, props.vpcCidr);
  v.pattern('transitGatewayId', '^tgw-[0-9a-f]{8,17}$', 'a Transit Gateway id (tgw- and 8-17 hexadecimal digits)', props.transitGatewayId);
  v.boolean('internetEgress', props.internetEgress);
  v.pattern('s3PrefixListId', '^pl-[0-9a-f]{8,17}$', 'a prefix list id (pl- and 8-17 hexadecimal digits)', props.s3PrefixListId);
  if (props.vpc && (props.vpcCidr ?? props.routedCidrs ?? props.transitGatewayId ?? props.internetEgress ?? props.s3PrefixListId) !== undefined) {
    v.add('vpc', 'an imported VPC is its owner\'s: vpcCidr, routedCidrs, transitGatewayId, internetEgress and s3PrefixListId apply only to a VPC made here', props.vpc.node.path);
  }
  if (props.transitGatewayId !== undefined && (props.routedCidrs ?? []).length === 0) {
    v.add('routedCidrs', 'list the networks to route to the Transit Gateway (transitGatewayId is set)', props.routedCidrs);
  }
  v.throwIfInvalid();
}

/** `cloudformation-custom-resource-response-<region without hyphens>`, or any region's when the region is a token. */
function cloudFormationResponseBucket(stack: Stack): string {
  const region = Token.isUnresolved(stack.region) ? '*' : stack.region.replace(/-/g, '');
  return `cloudformation-custom-resource-response-${region}`;
}

/** Whether IPv4 block `outer` contains IPv4 block `inner` (both literal, valid). */
function cidrContains(outer: string, inner: string): boolean {
  const parse = (c: string): [number, number] | undefined => {
    const [addr, p] = c.split('/');
    const o = addr.split('.').map(Number);
    if (o.length !== 4 || o.some((n) => !Number.isInteger(n) || n < 0 || n > 255) || !/^\d{1,2}$/.test(p ?? '')) return undefined;
    return [((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3], Number(p)];
  };
  const a = parse(outer);
  const b = parse(inner);
  if (!a || !b || b[1] < a[1]) return false;
  const size = 2 ** (32 - a[1]);
  return Math.floor(a[0] / size) === Math.floor(b[0] / size);
}

/**
 * Makes every Lambda function of the stack that runs in the VPC depend on the VPC endpoints, so
 * CloudFormation deletes the endpoints after them (issue 8.11).
 */
class EndpointsLast implements IAspect {
  constructor(private readonly vpc: ec2.Vpc, private readonly endpoints: DependencyGroup) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof lambda.CfnFunction) || Stack.of(node) !== Stack.of(this.vpc)) return;
    const stack = Stack.of(node);
    const subnetIds = stack.resolve((node.vpcConfig as lambda.CfnFunction.VpcConfigProperty | undefined)?.subnetIds);
    if (!Array.isArray(subnetIds)) return;
    const ours = new Set([...this.vpc.publicSubnets, ...this.vpc.privateSubnets, ...this.vpc.isolatedSubnets]
      .map((s) => JSON.stringify(stack.resolve(s.subnetId))));
    if (subnetIds.some((id) => ours.has(JSON.stringify(id)))) {
      node.node.addDependency(this.endpoints);
    }
  }
}

/** The compliance findings a NAT instance cannot avoid, each with its reason. */
function natInstanceSuppressions(instance: ec2.Instance): void {
  const nat = 'The DEVELOPMENT NAT instance forwards HTTPS from the tenant VPC to the internet; it holds no data, and its role has no permissions';
  Suppressions.add(instance, [
    { id: 'AwsSolutions-EC29', reason: `${nat}: it is replaceable and recreated by the stack, so termination protection and an Auto Scaling group add nothing` },
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      id: `${pack}-EC2InstanceNoPublicIp`,
      reason: `${nat}: a NAT needs a public address to reach the internet; its security group admits only HTTPS from the tenant VPC`,
    })),
    {
      id: 'CT.EC2.PR.8',
      reason: `${nat}: a NAT needs a public address on its interface to reach the internet (an Elastic IP attached after boot would race the instance's own set-up); its security group admits only HTTPS from the tenant VPC`,
    },
    {
      id: 'CT.EC2.PR.19',
      reason: `${nat}: it only forwards HTTPS, which is encrypted end to end by TLS; Nitro instance-to-instance encryption is offered on no type below about 30 USD a month, which would cost more than the NAT gateway this instance replaces`,
    },
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      id: `${pack}-EC2InstancesInVPC`,
      reason: `${nat}: it is in the tenant VPC (NetworkInterfaces[0].SubnetId, a public subnet); the rule only reads a top-level SubnetId, which CloudFormation forbids together with NetworkInterfaces`,
    })),
  ]);
}
