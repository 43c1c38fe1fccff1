import { ArnFormat, CustomResource, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sam from 'aws-cdk-lib/aws-sam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IDependable } from 'constructs';
import { HandlerExecutionRole } from './execution-role';
import { LogShipping } from './log-shipping';
import { Suppressions } from './suppressions';
import { TenantKey } from './tenant-key';
import { TenantLogGroup } from './tenant-log-group';
import { TenantTier } from './tier';
import { VpcCleanupFunction } from './vpc-cleanup-function';

/**
 * Props of {@link VpcFunctionCleanup}.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface VpcFunctionCleanupProps {
  /** The tenant's tier: decides the retention of the clean-up handler's log group. */
  readonly tier: TenantTier;

  /** The tenant key that encrypts the clean-up handler's log group. */
  readonly encryptionKey: TenantKey;

  /**
   * Where the clean-up handler's log group is shipped.
   *
   * @default LogShipping.none()
   */
  readonly logShipping?: LogShipping;

  /**
   * The VPC the functions run in: the handler may delete network interfaces of this VPC only.
   *
   * @default - the VPCs of the security groups added (read from the group resources of this app);
   * required when only imported security groups are added
   */
  readonly vpc?: ec2.IVpc;
}

/**
 * How {@link VpcFunctionCleanup} treats one function.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 */
export interface VpcFunctionCleanupOptions {
  /**
   * Whether the function is deleted (with its versions and aliases), directly, without detaching
   * it from the VPC first. Pass `false` for a function CloudFormation still invokes after the
   * clean-up ran, such as the service token of a custom resource that is deleted later: it is then
   * only detached, and answers from outside the VPC until CloudFormation deletes it.
   *
   * @default true - deleted
   */
  readonly deleteFunction?: boolean;
}

/** Lambda's rule for a function name. */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Makes the destroy of a stack with Lambda functions in a VPC fast and reliable.
 *
 * A function in a VPC holds network interfaces (ENIs) that Lambda releases on its own schedule,
 * 20-40 minutes after the function is deleted; until then its security groups and subnets cannot
 * be deleted, and the stack's destroy waits (or fails, when the function's role went first).
 *
 * This construct adds one custom resource that CloudFormation deletes BEFORE everything it was
 * given: every `add*` call makes the resource depend on the function (with its versions, aliases,
 * role and role policies), the security group or the subnets. On Delete, and only while the stack
 * itself is being deleted (`DELETE_IN_PROGRESS`, `ROLLBACK_IN_PROGRESS`), its handler deletes the
 * functions directly, detaches those added with `deleteFunction: false` from the VPC, then deletes
 * the released Lambda ENIs of the security groups until none remain or 13 minutes passed. It never
 * fails a delete: at worst the destroy is as slow as without it. A Delete at any other time (the
 * resource removed or renamed by an update, an update rolled back) touches nothing.
 *
 * The handler runs outside the VPC (it must not leave ENIs of its own behind) and, like its role
 * and log group, outlives the clean-up resource. Each added function's role and role policy
 * outlive the function's security groups (DependsOn), so even after the clean-up gave up (13
 * minutes, below the handler's 14-minute timeout and the resource's 16-minute service timeout)
 * CloudFormation never deletes the role Lambda needs to release the ENIs before the group. One handler per construct: a block adds one
 * construct, several functions to it, and pays for one small function that runs once per destroy.
 *
 * Not stable API: exported for the blocks' own use, it may change in any release (README, "What is stable").
 *
 * @example
 * const cleanup = new VpcFunctionCleanup(this, 'VpcCleanup', { tier, encryptionKey: key });
 * cleanup.addFunction(fn); // its security groups come along
 * cleanup.addSubnets(vpc.selectSubnets(subnetSelection).subnets);
 */
export class VpcFunctionCleanup extends Construct {
  /** The CloudFormation type of the clean-up resource. */
  public static readonly RESOURCE_TYPE = 'Custom::VpcFunctionCleanup';

  /** The clean-up custom resource; CloudFormation deletes it before everything added to it. */
  public readonly resource: CustomResource;

  /** The clean-up handler (outside the VPC). */
  public readonly handler: lambda.IFunction;

  /** The clean-up handler's log group. */
  public readonly logGroup: logs.ILogGroup;

  private readonly functionNames = new Set<string>();
  private readonly detachOnlyFunctionNames = new Set<string>();
  private readonly securityGroupIds = new Set<string>();
  /** ARNs of the VPCs whose network interfaces the handler may delete. */
  private readonly vpcArns = new Set<string>();
  private readonly handlerFunction: lambda.Function;
  private detachStatement?: iam.PolicyStatement;
  private deleteStatement?: iam.PolicyStatement;

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the construct's props, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: VpcFunctionCleanupProps) {
    super(scope, id);
    const logGroup = new TenantLogGroup(this, 'Logs', { tier: props.tier, encryptionKey: props.encryptionKey, logShipping: props.logShipping });
    this.logGroup = logGroup;
    const { handler, role } = this.createHandler(logGroup);
    this.handlerFunction = handler;
    this.handler = handler;
    if (props.vpc) this.vpcArns.add(vpcArn(Stack.of(this), props.vpc.vpcId));
    this.allowCleanup(handler);
    this.suppressHandlerFindings(handler, role);
    this.resource = this.createResource(handler, role);
    this.checkSomethingToCleanUp();
  }

  /**
   * Cleans up a function of this stack: deleted (or, with `deleteFunction: false`, only detached
   * from the VPC). The clean-up runs before CloudFormation deletes the function, its
   * versions, its role and role policies, and its security groups, which are added too.
   *
   * @param fn the function, or an alias or version of it (then the alias or version is ordered too)
   * @param options how the function is treated
   */
  public addFunction(fn: lambda.IFunction, options: VpcFunctionCleanupOptions = {}): void {
    const target = fn instanceof lambda.QualifiedFunctionBase ? fn.lambda : fn;
    this.register(target.functionName, target.functionArn, options);
    this.resource.node.addDependency(fn, target);
    if (target.role) this.resource.node.addDependency(target.role);
    if (target.isBoundToVpc) {
      target.connections.securityGroups.forEach((sg) => {
        this.addSecurityGroup(sg);
        // Issue 8.12: if Lambda still holds ENIs when the clean-up gives up, CloudFormation must
        // delete the group before the role (and its policy) that Lambda needs to release them.
        const role = target.role;
        if (role instanceof iam.Role && sg.node.defaultChild instanceof ec2.CfnSecurityGroup && Stack.of(role) === Stack.of(sg)) {
          sg.node.addDependency(role);
        }
      });
    }
  }

  /**
   * Cleans up a function known by name whose resource is not in this stack's construct tree, such
   * as one inside a nested stack: `owner` is what creates it (the clean-up runs before
   * CloudFormation deletes `owner`). The function's security groups must be added with
   * {@link addSecurityGroup}.
   *
   * @param functionName the function name (not an ARN), known at synth
   * @param owner the construct or resource that creates the function
   * @param options how the function is treated
   * @throws Error when the name is not a Lambda function name
   */
  public addFunctionName(functionName: string, owner: IDependable, options: VpcFunctionCleanupOptions = {}): void {
    if (!Token.isUnresolved(functionName) && !FUNCTION_NAME.test(functionName)) {
      throw new Error(`Invalid VpcFunctionCleanup input on ${this.node.path}:\n`
        + `- functionName: must be a Lambda function name, 1-64 letters, digits, hyphens or underscores; for a function ARN use addFunction(lambda.Function.fromFunctionArn(...)) (got: '${functionName}')`);
    }
    const arn = Stack.of(this).formatArn({ service: 'lambda', resource: 'function', resourceName: functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.register(functionName, arn, options);
    this.resource.node.addDependency(owner);
  }

  /**
   * Cleans up the rotation function of a `secretsmanager.SecretRotation` (a Serverless Application
   * Repository application, deployed as a nested stack). The function's name is the one the
   * rotation passes to its application; the clean-up runs before CloudFormation deletes the
   * application. The rotation's security group must be added with {@link addSecurityGroup}.
   *
   * Deleting a function that a nested stack owns is safe while the stack is being deleted:
   * CloudFormation treats a resource that no longer exists as deleted.
   *
   * @param rotation the secret rotation
   * @param options how the rotation function is treated
   * @throws Error when the rotation's function name cannot be read (a changed aws-cdk-lib)
   */
  public addSecretRotation(rotation: secretsmanager.SecretRotation, options: VpcFunctionCleanupOptions = {}): void {
    const application = rotation.node.defaultChild;
    const parameters = application instanceof sam.CfnApplication ? application.parameters : undefined;
    const functionName = parameters && !Token.isUnresolved(parameters)
      ? (parameters as { [key: string]: string }).functionName : undefined;
    if (typeof functionName !== 'string') {
      throw new Error(`Invalid VpcFunctionCleanup input on ${this.node.path}:\n`
        + `- rotation: ${rotation.node.path} passes no functionName parameter to its application; add its function with addFunctionName`);
    }
    this.addFunctionName(functionName, rotation, options);
  }

  /**
   * Adds a security group whose Lambda network interfaces are deleted; the clean-up runs before
   * CloudFormation deletes the group.
   *
   * @param securityGroup a security group of the cleaned-up functions
   */
  public addSecurityGroup(securityGroup: ec2.ISecurityGroup): void {
    this.securityGroupIds.add(securityGroup.securityGroupId);
    // A group defined in this app names its VPC; an imported one does not (then the vpc prop does).
    const cfn = securityGroup.node.defaultChild;
    if (cfn instanceof ec2.CfnSecurityGroup && cfn.vpcId) {
      this.vpcArns.add(vpcArn(Stack.of(this), cfn.vpcId));
    }
    this.resource.node.addDependency(securityGroup);
  }

  /**
   * Adds the subnets the functions run in; the clean-up runs before CloudFormation deletes them
   * (and their route tables and routes).
   *
   * @param subnets subnets of the cleaned-up functions
   */
  public addSubnets(subnets: ec2.ISubnet[]): void {
    subnets.forEach((subnet) => this.resource.node.addDependency(subnet));
  }

  /**
   * The clean-up handler, outside the VPC it cleans up (its own ENIs would block the delete), with
   * a role that writes only its own log group (issue 9.6).
   */
  private createHandler(logGroup: TenantLogGroup): { handler: lambda.Function; role: HandlerExecutionRole } {
    // Its own log group only, never AWSLambdaBasicExecutionRole's every log group (issue 9.6).
    const role = new HandlerExecutionRole(this, 'HandlerRole', {
      description: `VpcFunctionCleanup handler of ${this.node.path}`.slice(0, 1000),
      logGroup,
    });
    const handler = new VpcCleanupFunction(this, 'Handler', {
      role,
      description: 'Clean destroy: deletes Lambda functions in a VPC (or detaches them) and their network interfaces',
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      // The clean-up waits for Lambda to release the ENIs; it stops itself 30 seconds before this.
      timeout: Duration.minutes(14),
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Never in the VPC it cleans up: it must not leave ENIs of its own behind.
    });
    return { handler, role };
  }

  /**
   * What the handler may do: describe ENIs, delete ENIs of the functions' VPCs only (`ec2:Vpc`,
   * filled in as groups are added), and read this stack's status (it acts only while the stack is
   * being deleted). `add*` calls add the function-level statements.
   */
  private allowCleanup(handler: lambda.Function): void {
    const stack = Stack.of(this);
    handler.addToRolePolicy(new iam.PolicyStatement({
      // DescribeNetworkInterfaces supports no resource-level permissions.
      actions: ['ec2:DescribeNetworkInterfaces'],
      resources: ['*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      // Lambda's ENIs carry no tag and their ids are unknown at deploy time: only network
      // interfaces of the functions' VPCs (ec2:Vpc, supported by DeleteNetworkInterface), never
      // any other interface of the account.
      actions: ['ec2:DeleteNetworkInterface'],
      resources: [stack.formatArn({ service: 'ec2', resource: 'network-interface', resourceName: '*' })],
      conditions: {
        ArnEquals: { 'ec2:Vpc': Lazy.any({ produce: () => (this.vpcArns.size === 1 ? [...this.vpcArns][0] : [...this.vpcArns]) }) },
      },
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      // The handler only acts while this stack itself is being deleted.
      actions: ['cloudformation:DescribeStacks'],
      resources: [stack.stackId],
    }));
  }

  /** The compliance findings a CloudFormation-only handler outside the VPC cannot avoid, each with its reason. */
  private suppressHandlerFindings(handler: lambda.Function, role: HandlerExecutionRole): void {
    const stack = Stack.of(this);
    const noDlq = 'Invoked by CloudFormation, answered through the response URL; a failure shows in the stack events, a dead-letter queue would have no reader';
    const outsideVpc = 'The clean-up handler must not run in the VPC it cleans up (its own ENIs would block the delete); it calls only AWS APIs';
    const noConcurrency = 'Runs once per stack deletion; reserving concurrency for it would only shrink the account pool';
    const ownPolicy = 'The handler policy is scoped to the functions it cleans up, ENIs of their VPCs, and this stack; no policy is shared';
    Suppressions.add(role, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'ec2:DescribeNetworkInterfaces supports no resource-level permissions; ENI deletion is limited by an ec2:Vpc condition to the functions\' VPCs (Lambda ENIs carry no tag and their ids are unknown at deploy time)',
        appliesTo: ['Resource::*', `Resource::arn:<AWS::Partition>:ec2:${nagText(stack.region, '<AWS::Region>')}:${nagText(stack.account, '<AWS::AccountId>')}:network-interface/*`],
      },
      ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({ id: `${pack}-IAMNoInlinePolicy`, reason: ownPolicy })),
    ]);
    Suppressions.add(handler, [
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaDLQ`, reason: noDlq })),
      ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({ id: `${pack}-LambdaInsideVPC`, reason: outsideVpc })),
      ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ id: `${pack}-LambdaConcurrency`, reason: noConcurrency })),
      { id: 'CT.LAMBDA.PR.3', reason: outsideVpc },
    ]);
  }

  /**
   * The clean-up custom resource: the lists of functions and groups rendered lazily (the `add*`
   * calls fill them); its handler, role and policy outlive it, since they run its Delete.
   */
  private createResource(handler: lambda.Function, role: HandlerExecutionRole): CustomResource {
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: handler.functionArn,
      resourceType: VpcFunctionCleanup.RESOURCE_TYPE,
      // A handler that never answers (a crash before the response, a lost response) must not keep
      // the stack waiting CloudFormation's default hour: the handler stops itself at 14 minutes,
      // so give up shortly after.
      serviceTimeout: Duration.minutes(16),
      properties: {
        FunctionNames: Lazy.list({ produce: () => [...this.functionNames] }),
        DetachOnlyFunctionNames: Lazy.list({ produce: () => [...this.detachOnlyFunctionNames] }, { omitEmpty: true }),
        SecurityGroupIds: Lazy.list({ produce: () => [...this.securityGroupIds] }),
      },
    });
    // The handler with its role and policy outlive the resource: they must still run its Delete.
    resource.node.addDependency(handler, role);
    return resource;
  }

  /** A synth error when nothing was added: a clean-up without functions or groups is a wiring mistake. */
  private checkSomethingToCleanUp(): void {
    this.node.addValidation({
      validate: () => [
        ...(this.functionNames.size + this.detachOnlyFunctionNames.size === 0
          ? ['VpcFunctionCleanup has no function to clean up: call addFunction, addFunctionName or addSecretRotation'] : []),
        ...(this.securityGroupIds.size === 0
          ? ['VpcFunctionCleanup has no security group: call addSecurityGroup (the network interfaces are found by their group)'] : []),
        ...(this.securityGroupIds.size > 0 && this.vpcArns.size === 0
          ? ['VpcFunctionCleanup cannot tell the VPC of its (imported) security groups: pass the vpc prop (network interfaces may only be deleted in that VPC)'] : []),
      ],
    });
  }

  private register(functionName: string, functionArn: string, options: VpcFunctionCleanupOptions): void {
    const remove = options.deleteFunction ?? true;
    (remove ? this.functionNames : this.detachOnlyFunctionNames).add(functionName);
    // Only the functions given, unqualified (the handler never calls a version or an alias):
    // DeleteFunction on those it deletes, the detach only on those it detaches.
    if (remove) {
      this.deleteStatement = this.allow(this.deleteStatement, ['lambda:DeleteFunction'], functionArn);
    } else {
      this.detachStatement = this.allow(this.detachStatement, ['lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionConfiguration'], functionArn);
    }
  }

  /** Adds `resource` to `statement`, creating the statement in the handler's policy on first use. */
  private allow(statement: iam.PolicyStatement | undefined, actions: string[], resource: string): iam.PolicyStatement {
    const target = statement ?? new iam.PolicyStatement({ actions });
    if (!statement) this.handlerFunction.addToRolePolicy(target);
    if (!target.resources.includes(resource)) target.addResources(resource);
    return target;
  }
}

/** The ARN of a VPC, as the ec2:Vpc condition key compares it. */
function vpcArn(stack: Stack, vpcId: string): string {
  return stack.formatArn({ service: 'ec2', resource: 'vpc', resourceName: vpcId });
}

/** How cdk-nag renders a stack attribute in a finding: the literal value, or the pseudo parameter. */
function nagText(value: string, pseudo: string): string {
  return Token.isUnresolved(value) ? pseudo : value;
}
