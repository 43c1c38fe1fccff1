import * as path from 'path';
import { App, CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { HandlerExecutionRole } from '../../src/core';
import { testStack } from '../support/app';

function roleTemplate(inVpc: boolean) {
  const stack = testStack();
  const logGroup = new logs.LogGroup(stack, 'Logs');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const role = new HandlerExecutionRole(stack, 'Role', {
    description: 'test handler',
    logGroup,
    ...(inVpc ? { vpc } : {}),
  });
  return { stack, role, vpc, logGroup, template: Template.fromStack(stack) };
}

describe('HandlerExecutionRole', () => {
  test('outside a VPC: assumed by Lambda, one customer managed policy attached at creation, its own log group only', () => {
    const { stack, role, logGroup, template } = roleTemplate(false);
    const roleResource = template.toJSON().Resources[stack.getLogicalId(role.node.defaultChild as any)];
    expect(roleResource.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    expect(roleResource.Properties.ManagedPolicyArns).toEqual([{ Ref: stack.getLogicalId(role.executionPolicy.node.defaultChild as any) }]);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{ Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [stack.getLogicalId(logGroup.node.defaultChild as any), 'Arn'] } }],
      },
    });
  });

  test('in a VPC: the network interface actions Lambda needs, in the documented shape (region-wide, any account, no ec2:Vpc condition)', () => {
    const { template } = roleTemplate(true);
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))[0];
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(['WriteOwnLogGroup', 'DescribeNetwork', 'ManageLambdaNetworkInterfaces']);
    expect(statements[1]).toEqual({ Sid: 'DescribeNetwork', Effect: 'Allow', Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], Resource: '*' });
    // Lambda checks these at CreateFunction with a request that names no VPC: a condition on
    // ec2:Vpc (or subnet ARNs) would make it refuse the function.
    expect(statements[2]).toEqual({
      Sid: 'ManageLambdaNetworkInterfaces',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:*:*/*']] },
    });
    expect(JSON.stringify(statements)).not.toContain('ec2:Vpc');
  });

  test('in a VPC of an environment-agnostic stack: the region of the deploy', () => {
    const stack = new Stack(new App(), 'Agnostic');
    const role = new HandlerExecutionRole(stack, 'Role', { description: 'test handler', logGroup: new logs.LogGroup(stack, 'Logs'), vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['a'] }) });
    const statements = stack.resolve(role.executionPolicy.document.toJSON()).Statement;
    expect(statements[2].Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:', { Ref: 'AWS::Region' }, ':*:*/*']] });
  });
});

describe('HandlerExecutionRole.narrowProviderRole', () => {
  function providerStack() {
    const stack = testStack();
    const provider = CustomResourceProvider.getOrCreateProvider(stack, 'Custom::Test', {
      // any directory with an index.js: the handler never runs here
      codeDirectory: path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello'),
      runtime: CustomResourceProviderRuntime.NODEJS_22_X,
    });
    const logGroup = new logs.LogGroup(stack, 'ProviderLogs');
    return { stack, provider, logGroup };
  }

  test('replaces AWSLambdaBasicExecutionRole with a customer managed policy on the provider\'s log group only, once', () => {
    // aws-cdk-lib's provider as it comes: the AWS managed policy
    const before = Template.fromStack(providerStack().stack).toJSON();
    const roleId = Object.keys(before.Resources).find((id) => before.Resources[id].Type === 'AWS::IAM::Role')!;
    expect(JSON.stringify(before.Resources[roleId].Properties.ManagedPolicyArns)).toContain('AWSLambdaBasicExecutionRole');
    const { stack, provider, logGroup } = providerStack();
    const policy = HandlerExecutionRole.narrowProviderRole(provider, logGroup);
    expect(HandlerExecutionRole.narrowProviderRole(provider, logGroup)).toBe(policy);
    const template = Template.fromStack(stack);
    expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.Roles).toEqual([{ Ref: roleId }]);
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [stack.getLogicalId(logGroup.node.defaultChild as any), 'Arn'] } },
    ]);
  });

  test('every custom resource the provider serves waits for the log group and the policy, also those nobody wired', () => {
    const { stack, provider, logGroup } = providerStack();
    const first = new CustomResource(stack, 'First', { serviceToken: provider.serviceToken, resourceType: 'Custom::Test' });
    const policy = HandlerExecutionRole.narrowProviderRole(provider, logGroup)!;
    // made after the call, by a construct that never sees the provider's log group
    const later = new CustomResource(stack, 'Later', { serviceToken: provider.serviceToken, resourceType: 'Custom::Test' });
    const other = new CustomResource(stack, 'Other', { serviceToken: 'arn:aws:lambda:us-east-1:123456789012:function:other', resourceType: 'Custom::Test' });
    const resources = Template.fromStack(stack).toJSON().Resources;
    const wanted = [stack.getLogicalId(logGroup.node.defaultChild as any), stack.getLogicalId(policy)];
    for (const served of [first, later]) {
      expect(resources[stack.getLogicalId(served.node.defaultChild as any)].DependsOn).toEqual(expect.arrayContaining(wanted));
    }
    expect(resources[stack.getLogicalId(other.node.defaultChild as any)].DependsOn).toBeUndefined();
  });

  test('changes nothing and returns undefined for a construct without a provider role', () => {
    const stack = testStack();
    const logGroup = new logs.LogGroup(stack, 'Logs');
    expect(HandlerExecutionRole.narrowProviderRole(logGroup, logGroup)).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});
