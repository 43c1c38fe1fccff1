import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

// Internal to the blocks (not in the barrel): the execution-role statements Lambda needs to place a
// function in a VPC, shared by HandlerExecutionRole and TenantFunction's own execution policy.

/**
 * What Lambda does with a function's execution role to place it in a VPC, as the Lambda Developer
 * Guide documents it (configuration-vpc), without the AWS managed policy's logs on every group:
 * - `ec2:DescribeNetworkInterfaces` and `ec2:DescribeSubnets` on `*` (no resource-level permissions);
 * - `ec2:CreateNetworkInterface`, `DeleteNetworkInterface`, `AssignPrivateIpAddresses` and
 *   `UnassignPrivateIpAddresses` on every EC2 resource of the stack's region (`*` account).
 *
 * Not narrower on purpose: Lambda checks the role at CreateFunction with a request of its own
 * (network-interface/*, no `ec2:Vpc` in the context), so a condition on the VPC or subnet ARNs can
 * make it refuse every in-VPC function ("The provided execution role does not have permissions
 * to call CreateNetworkInterface on EC2"); the guide asks for all resource ids
 * (`arn:aws:ec2:<region>:<account>:*\/*`) on DeleteNetworkInterface. The account is `*` so the
 * subnets and security groups of a VPC shared through AWS RAM, owned by another account, work too.
 */
export function lambdaNetworkInterfaceStatements(stack: Stack): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ sid: 'DescribeNetwork', actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], resources: ['*'] }),
    new iam.PolicyStatement({
      sid: 'ManageLambdaNetworkInterfaces',
      actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      resources: [regionEc2Resources(stack)],
    }),
  ];
}

/** The AwsSolutions-IAM5 findings of {@link lambdaNetworkInterfaceStatements}, as cdk-nag names them. */
export function lambdaNetworkInterfaceFindings(stack: Stack): string[] {
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  return ['Resource::*', `Resource::arn:<AWS::Partition>:ec2:${region}:*:*/*`];
}

/** Why those findings are accepted: the reason of the suppression, next to the statements. */
export const LAMBDA_NETWORK_INTERFACE_REASON = 'ec2:DescribeNetworkInterfaces/DescribeSubnets support no resource-level permissions; '
  + 'the four ENI actions are on every EC2 resource of the region, as the Lambda Developer Guide documents: Lambda checks them at CreateFunction '
  + 'with a request that names no VPC (an ec2:Vpc condition or subnet ARNs can make it refuse the function), and a VPC shared through RAM belongs to another account';

/** Every EC2 resource of the stack's region, any account: `arn:<partition>:ec2:<region>:*:*\/*`. */
function regionEc2Resources(stack: Stack): string {
  return stack.formatArn({ service: 'ec2', account: '*', resource: '*', resourceName: '*' });
}
