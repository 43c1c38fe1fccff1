import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { Suppressions } from './suppressions';

/**
 * Props of {@link HandlerExecutionRole}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface HandlerExecutionRoleProps {
  /** What the role is for, e.g. `TenantPostgres acme bootstrap handler`. */
  readonly description: string;

  /** The function's own log group: the only log group the role may write to. */
  readonly logGroup: logs.ILogGroup;

  /**
   * The VPC the function runs in: the role may then manage Lambda's network interfaces in it.
   *
   * @default - the function runs outside any VPC: no EC2 permission
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of the function in `vpc`: network interfaces are created in these only.
   *
   * @default - the VPC's private subnets (`vpc.selectSubnets()`)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/**
 * The execution role of a block's own handler (custom resources, rotation, clean-up,
 * workflow steps): for the blocks' own use, not a stable API.
 *
 * It replaces the AWS managed `AWSLambdaBasicExecutionRole` and `AWSLambdaVPCAccessExecutionRole`
 * (logs:CreateLogStream/PutLogEvents on every log group of the account, so a compromised handler
 * could forge lines in the audit log groups; ENI actions on every VPC) with one customer managed
 * policy, attached at creation (Lambda checks the ENI permissions when it creates the function):
 * - `logs:CreateLogStream` and `logs:PutLogEvents` on the function's own log group only (the group
 *   exists first: no `logs:CreateLogGroup`);
 * - in a VPC, what Lambda does with the role to place the function there:
 *   `ec2:DescribeNetworkInterfaces` and `ec2:DescribeSubnets` on `*` (no resource-level
 *   permissions), `ec2:CreateNetworkInterface` in the function's subnets, and
 *   `ec2:CreateNetworkInterface`, `ec2:DeleteNetworkInterface`, `ec2:AssignPrivateIpAddresses`,
 *   `ec2:UnassignPrivateIpAddresses` on network interfaces and security groups of that VPC only
 *   (`ec2:Vpc`).
 *
 * The policy is a child of the role, so whatever depends on the role (a VpcFunctionCleanup, a
 * security group that must go before it, issue 8.12) depends on the policy too. Grants added later
 * (`fn.addToRolePolicy`) go to the role's default policy, also a child.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @example
 * const role = new HandlerExecutionRole(this, 'HandlerRole', { description: 'clean-up handler', logGroup });
 * new MyFunction(this, 'Handler', { role, logGroup });
 */
export class HandlerExecutionRole extends iam.Role {
  /**
   * Replaces the AWS managed `AWSLambdaBasicExecutionRole` of an aws-cdk-lib custom resource
   * provider (`CustomResourceProvider`, a stack singleton such as
   * `Custom::VpcRestrictDefaultSGCustomResourceProvider`) with a customer managed policy writing
   * `logGroup` only, which must be the provider's log group (`/aws/lambda/<handler name>`).
   * Make the custom resources the provider serves depend on the returned policy, so their
   * handler logs from its first run. Returns undefined when `provider` has no role of that shape
   * (a changed aws-cdk-lib), so nothing is half-changed.
   *
   * @param provider the provider construct (children `Role` and `Handler`)
   * @param logGroup the provider handler's log group
   */
  public static narrowProviderRole(provider: IConstruct, logGroup: logs.ILogGroup): iam.CfnManagedPolicy | undefined {
    const role = provider.node.tryFindChild('Role');
    if (!(role instanceof CfnResource) || role.cfnResourceType !== 'AWS::IAM::Role') return undefined;
    if (provider.node.tryFindChild('LogsPolicy')) return provider.node.findChild('LogsPolicy') as iam.CfnManagedPolicy;
    // Deleted, not emptied: the role then names no AWS managed policy at all.
    role.addPropertyDeletionOverride('ManagedPolicyArns');
    return new iam.CfnManagedPolicy(provider, 'LogsPolicy', {
      description: `Writes the log group of ${provider.node.id} only (instead of AWSLambdaBasicExecutionRole on every log group)`,
      roles: [role.ref],
      policyDocument: new iam.PolicyDocument({ statements: [ownLogGroup(logGroup)] }),
    });
  }

  /** The role's customer managed policy: its log group and, in a VPC, its network interfaces. */
  public readonly executionPolicy: iam.ManagedPolicy;

  /**
   * @param scope the block (the role is created before its function)
   * @param id the construct id
   * @param props what the function writes to and where it runs
   */
  constructor(scope: Construct, id: string, props: HandlerExecutionRoleProps) {
    super(scope, id, {
      description: props.description,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const statements = [ownLogGroup(props.logGroup)];
    const stack = Stack.of(this);
    if (props.vpc) {
      const ec2Arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'ec2', resource, resourceName });
      statements.push(
        // No resource-level permissions on these two (Service Authorization Reference).
        new iam.PolicyStatement({ sid: 'DescribeNetwork', actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], resources: ['*'] }),
        new iam.PolicyStatement({
          sid: 'CreateNetworkInterfacesInFunctionSubnets',
          actions: ['ec2:CreateNetworkInterface'],
          resources: props.vpc.selectSubnets(props.vpcSubnets).subnetIds.map((subnetId) => ec2Arn('subnet', subnetId)),
        }),
        // Lambda's interfaces have ids unknown at deploy time: any interface (and security group)
        // of the function's VPC, never of another VPC.
        new iam.PolicyStatement({
          sid: 'ManageNetworkInterfacesInVpc',
          actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
          resources: [ec2Arn('network-interface', '*'), ec2Arn('security-group', '*')],
          conditions: { ArnEquals: { 'ec2:Vpc': ec2Arn('vpc', props.vpc.vpcId) } },
        }),
      );
      const region = nagText(stack.region, '<AWS::Region>');
      const account = nagText(stack.account, '<AWS::AccountId>');
      Suppressions.add(this, [{
        id: 'AwsSolutions-IAM5',
        reason: 'ec2:DescribeNetworkInterfaces/DescribeSubnets support no resource-level permissions; network interfaces and security groups are limited to the function\'s VPC by an ec2:Vpc condition (Lambda\'s interfaces have ids unknown at deploy time)',
        appliesTo: [
          'Resource::*',
          `Resource::arn:<AWS::Partition>:ec2:${region}:${account}:network-interface/*`,
          `Resource::arn:<AWS::Partition>:ec2:${region}:${account}:security-group/*`,
        ],
      }]);
    }
    this.executionPolicy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      description: `${props.description}: its own log group${props.vpc ? ' and its network interfaces' : ''}`,
      statements,
    });
    // Attached at creation (ManagedPolicyArns): the role never exists without it.
    this.addManagedPolicy(this.executionPolicy);
  }
}

/** Writing `logGroup` only: new streams and events, nothing else. */
function ownLogGroup(logGroup: logs.ILogGroup): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid: 'WriteOwnLogGroup', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] });
}

/** How cdk-nag renders a stack attribute in a finding: the literal value, or the pseudo parameter. */
function nagText(value: string, pseudo: string): string {
  return Token.isUnresolved(value) ? pseudo : value;
}
