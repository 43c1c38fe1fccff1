import * as path from 'path';
import { CustomResourceProvider, CustomResourceProviderRuntime } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { HandlerExecutionRole } from '../../src/core';
import { testStack } from '../support/app';

const ec2Arn = (resource: string, name: unknown) => ({
  'Fn::Join': ['', typeof name === 'string'
    ? ['arn:', { Ref: 'AWS::Partition' }, `:ec2:us-east-1:123456789012:${resource}/${name}`]
    : ['arn:', { Ref: 'AWS::Partition' }, `:ec2:us-east-1:123456789012:${resource}/`, name]],
});

function roleTemplate(inVpc: boolean) {
  const stack = testStack();
  const logGroup = new logs.LogGroup(stack, 'Logs');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const role = new HandlerExecutionRole(stack, 'Role', {
    description: 'test handler',
    logGroup,
    ...(inVpc ? { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } } : {}),
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

  test('in a VPC: the network interface actions Lambda needs, in the function\'s subnets and that VPC only', () => {
    const { stack, vpc, template } = roleTemplate(true);
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))[0];
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(['WriteOwnLogGroup', 'DescribeNetwork', 'CreateNetworkInterfacesInFunctionSubnets', 'ManageNetworkInterfacesInVpc']);
    expect(statements[1]).toEqual({ Sid: 'DescribeNetwork', Effect: 'Allow', Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], Resource: '*' });
    expect(statements[2].Resource).toEqual(vpc.isolatedSubnets.map((s) => ec2Arn('subnet', stack.resolve(s.subnetId))));
    expect(statements[3]).toEqual({
      Sid: 'ManageNetworkInterfacesInVpc',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      Resource: [ec2Arn('network-interface', '*'), ec2Arn('security-group', '*')],
      Condition: { ArnEquals: { 'ec2:Vpc': ec2Arn('vpc', stack.resolve(vpc.vpcId)) } },
    });
  });
});

describe('HandlerExecutionRole.narrowProviderRole', () => {
  function providerStack() {
    const stack = testStack();
    const provider = CustomResourceProvider.getOrCreateProvider(stack, 'Custom::Test', {
      // any directory with an index.js: the handler never runs here
      codeDirectory: path.join(__dirname, '..', 'function', 'fixtures', 'hello'),
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

  test('changes nothing and returns undefined for a construct without a provider role', () => {
    const stack = testStack();
    const logGroup = new logs.LogGroup(stack, 'Logs');
    expect(HandlerExecutionRole.narrowProviderRole(logGroup, logGroup)).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });
});
