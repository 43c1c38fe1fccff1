import { Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { LAMBDA_NETWORK_INTERFACE_REASON, lambdaNetworkInterfaceFindings, lambdaNetworkInterfaceStatements } from './lambda-network-access';
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
 *   permissions), and `ec2:CreateNetworkInterface`, `ec2:DeleteNetworkInterface`,
 *   `ec2:AssignPrivateIpAddresses`, `ec2:UnassignPrivateIpAddresses` on every EC2 resource of the
 *   region (`arn:<partition>:ec2:<region>:*:*` + `/*`), as the Lambda Developer Guide documents:
 *   Lambda checks them when it creates the function with a request that names no VPC, so an
 *   `ec2:Vpc` condition or subnet ARNs could make it refuse the function; any account, for a VPC
 *   shared through AWS RAM.
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
   *
   * Every custom resource of the stack the provider serves (its `ServiceToken` is the handler's
   * ARN) is made to depend on `logGroup` and the policy, so the handler logs from its first run:
   * also those the caller did not wire (a second network's default security group, a user's own
   * bucket with `autoDeleteObjects`), through an aspect that runs at synthesis. Returns undefined
   * when `provider` has no role and handler of that shape (a changed aws-cdk-lib), so nothing is
   * half-changed.
   *
   * @param provider the provider construct (children `Role` and `Handler`)
   * @param logGroup the provider handler's log group
   */
  public static narrowProviderRole(provider: IConstruct, logGroup: logs.ILogGroup): iam.CfnManagedPolicy | undefined {
    const role = provider.node.tryFindChild('Role');
    const handler = provider.node.tryFindChild('Handler');
    if (!(role instanceof CfnResource) || role.cfnResourceType !== 'AWS::IAM::Role') return undefined;
    if (!(handler instanceof CfnResource) || handler.cfnResourceType !== 'AWS::Lambda::Function') return undefined;
    if (provider.node.tryFindChild('LogsPolicy')) return provider.node.findChild('LogsPolicy') as iam.CfnManagedPolicy;
    // Deleted, not emptied: the role then names no AWS managed policy at all.
    role.addPropertyDeletionOverride('ManagedPolicyArns');
    const policy = new iam.CfnManagedPolicy(provider, 'LogsPolicy', {
      description: `Writes the log group of ${provider.node.id} only (instead of AWSLambdaBasicExecutionRole on every log group)`,
      roles: [role.ref],
      policyDocument: new iam.PolicyDocument({ statements: [ownLogGroup(logGroup)] }),
    });
    // At synthesis, when every custom resource of the stack exists: the provider is shared with
    // constructs the block never sees, which would otherwise run before the policy exists.
    Aspects.of(Stack.of(provider)).add(new DependOnProviderLogs(handler, [logGroup, policy]));
    return policy;
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
    if (props.vpc) {
      // The documented shape, not narrowed to the VPC: Lambda checks these at CreateFunction with a
      // request that names no VPC (see lambdaNetworkInterfaceStatements).
      const stack = Stack.of(this);
      statements.push(...lambdaNetworkInterfaceStatements(stack));
      Suppressions.add(this, [{ id: 'AwsSolutions-IAM5', reason: LAMBDA_NETWORK_INTERFACE_REASON, appliesTo: lambdaNetworkInterfaceFindings(stack) }]);
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

/**
 * Makes every custom resource served by a provider's handler (its `ServiceToken` resolves to the
 * handler's ARN) depend on the handler's log group and logs policy.
 */
class DependOnProviderLogs implements IAspect {
  constructor(private readonly handler: CfnResource, private readonly dependencies: IConstruct[]) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof CfnResource) || !isCustomResourceType(node.cfnResourceType)) return;
    const stack = Stack.of(this.handler);
    if (Stack.of(node) !== stack) return;
    if (this.dependencies.some((dependency) => node.node.scopes.includes(dependency))) return;
    // CfnResource keeps the properties it was given in _cfnProperties (an L1 custom resource
    // class in its camelCase form); there is no public reader.
    const properties = (node as unknown as { readonly _cfnProperties?: ServiceTokenProperties })._cfnProperties;
    const serviceToken = properties?.ServiceToken ?? properties?.serviceToken;
    if (serviceToken === undefined) return;
    if (JSON.stringify(stack.resolve(serviceToken)) !== JSON.stringify(stack.resolve(this.handler.getAtt('Arn')))) return;
    node.node.addDependency(...this.dependencies);
  }
}

/** The service token of a custom resource's properties: as given (CfnResource) or camelCase (an L1 class). */
interface ServiceTokenProperties {
  readonly ServiceToken?: unknown;
  readonly serviceToken?: unknown;
}

/** Whether a CloudFormation type is a custom resource (`Custom::*` or the generic type). */
function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}
