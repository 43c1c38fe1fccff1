import * as http from 'http';
import { AddressInfo } from 'net';
import { CloudFormationClient, DescribeStacksCommand, StackStatus } from '@aws-sdk/client-cloudformation';
import {
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent, CustomResourceResponse } from '../../src/core/custom-resource.lambda-shared';
import { handler, settings } from '../../src/core/vpc-cleanup.lambda';
import { useResponseServer } from '../support/response-server';

const lambdaMock = mockClient(LambdaClient);
const ec2Mock = mockClient(EC2Client);
const cfnMock = mockClient(CloudFormationClient);

// CloudFormation's pre-signed ResponseURL, played by a local HTTP server that records each PUT.
const responses = useResponseServer();

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/acme/abc';
const PHYSICAL_ID = 'vpc-cleanup-AppVpcCleanup';

function stackStatusIs(status: string) {
  cfnMock.on(DescribeStacksCommand).resolves({
    Stacks: [{ StackId: STACK_ID, StackName: 'acme', CreationTime: new Date(0), StackStatus: status as StackStatus }],
  });
}

const original = { ...settings };
beforeEach(() => {
  lambdaMock.reset();
  ec2Mock.reset();
  cfnMock.reset();
  responses.received.length = 0;
  stackStatusIs('DELETE_IN_PROGRESS');
  settings.pollIntervalMs = 1;
  settings.responseMarginMs = 0;
  settings.maxCleanupMs = 2_000;
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  Object.assign(settings, original);
  jest.restoreAllMocks();
});

function event(requestType: 'Create' | 'Update' | 'Delete', physicalId?: string, properties: Record<string, unknown> = {}): CustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: responses.url,
    StackId: STACK_ID,
    RequestId: 'req-1',
    LogicalResourceId: 'AppVpcCleanup',
    ResourceType: 'Custom::VpcFunctionCleanup',
    PhysicalResourceId: physicalId,
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cleanup',
      FunctionNames: ['acme-app'],
      SecurityGroupIds: ['sg-1'],
      ...properties,
    },
  };
}

const context = (remainingMs = 60_000) => ({ logStreamName: 'stream', getRemainingTimeInMillis: () => remainingMs });

/** The exact body CloudFormation must receive for a successful request. */
function success(physicalResourceId: string): CustomResourceResponse {
  return {
    Status: 'SUCCESS',
    Reason: 'OK',
    PhysicalResourceId: physicalResourceId,
    StackId: STACK_ID,
    RequestId: 'req-1',
    LogicalResourceId: 'AppVpcCleanup',
    NoEcho: false,
  };
}

/** Runs the handler and checks that exactly one response was PUT and that it is what the handler returned. */
async function run(e: CustomResourceEvent, ctx = context()): Promise<CustomResourceResponse> {
  const returned = await handler(e, ctx);
  expect(responses.received).toHaveLength(1);
  expect(JSON.parse(JSON.stringify(returned))).toEqual(responses.received[0]);
  return responses.received[0];
}

function awsError(name: string) {
  return Object.assign(new Error(`${name} thrown`), { name });
}

/** Properties of a resource with one detach-only function and nothing to delete. */
const DETACH_ONLY = { FunctionNames: [], DetachOnlyFunctionNames: ['acme-bootstrap'] };

const logged = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0])).join('\n');

const vpcAttached = { FunctionName: 'acme-app', VpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] }, LastUpdateStatus: 'Successful' as const };
const detached = { FunctionName: 'acme-app', VpcConfig: { SubnetIds: [], SecurityGroupIds: [] }, LastUpdateStatus: 'Successful' as const };

describe('Create and Update', () => {
  test('Create reports SUCCESS with a physical id derived from the logical id and calls no AWS API', async () => {
    expect(await run(event('Create'))).toEqual(success(PHYSICAL_ID));
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
    expect(cfnMock.calls()).toHaveLength(0);
  });

  test('Update (functions or security groups added) keeps the physical id, so CloudFormation never deletes an old instance', async () => {
    const update = { ...event('Update', PHYSICAL_ID, { FunctionNames: ['acme-app', 'acme-app-2'], SecurityGroupIds: ['sg-1', 'sg-2'] }), OldResourceProperties: event('Create').ResourceProperties };

    expect(await run(update)).toEqual(success(PHYSICAL_ID));
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
    expect(cfnMock.calls()).toHaveLength(0);
  });
});

describe('Delete while the stack is being deleted', () => {
  test('deletes the function directly (never detaches it first), then deletes released ENIs', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(vpcAttached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).resolves({});
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }, { NetworkInterfaceId: 'eni-2', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).resolves({});

    expect(await run(event('Delete', PHYSICAL_ID))).toEqual(success(PHYSICAL_ID));

    expect(cfnMock.commandCalls(DescribeStacksCommand).map((c) => c.args[0].input)).toEqual([{ StackName: STACK_ID }]);
    // a detach frees nothing while published versions exist, costs minutes, and an SCP may deny it
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(lambdaMock.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(0);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'acme-app' }]);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[0].args[0].input.Filters).toEqual([
      { Name: 'group-id', Values: ['sg-1'] },
      { Name: 'description', Values: ['AWS Lambda VPC ENI*'] },
    ]);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand).map((c) => c.args[0].input.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2']);
  });

  test('the steps run in order: stack status, delete function, then ENIs', async () => {
    const order: string[] = [];
    cfnMock.on(DescribeStacksCommand).callsFake(() => { order.push('describe-stack'); return { Stacks: [{ StackName: 'acme', CreationTime: new Date(0), StackStatus: 'DELETE_IN_PROGRESS' }] }; });
    lambdaMock.on(GetFunctionConfigurationCommand).callsFake(() => { order.push('get'); return order.includes('update') ? detached : vpcAttached; });
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake(() => { order.push('update'); return {}; });
    lambdaMock.on(DeleteFunctionCommand).callsFake(() => { order.push('delete-function'); return {}; });
    ec2Mock.on(DescribeNetworkInterfacesCommand).callsFake(() => { order.push('describe-enis'); return { NetworkInterfaces: [] }; });

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(order).toEqual(['describe-stack', 'delete-function', 'describe-enis']);
  });

  test('ENIs in use are waited for and deleted once Lambda releases them', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'in-use' }] })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'in-use' }] })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).resolves({});

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(4);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand).map((c) => c.args[0].input)).toEqual([{ NetworkInterfaceId: 'eni-1' }]);
  });

  test('ENIs are listed across pages', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }], NextToken: 't1' })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-2', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).resolves({});

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[1].args[0].input.NextToken).toBe('t1');
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand).map((c) => c.args[0].input.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2']);
  });

  test('function already gone (ResourceNotFoundException on DeleteFunction): still sweeps the ENIs', async () => {
    lambdaMock.on(DeleteFunctionCommand).rejects(awsError('ResourceNotFoundException'));
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-9', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejects(awsError('InvalidNetworkInterfaceID.NotFound'));

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(1);
  });

  test('an SCP denying UpdateFunctionConfiguration without a VPC cannot stop the delete: functions to delete are never detached', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(vpcAttached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).rejects(awsError('AccessDeniedException'));
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'acme-app' }]);
  });

  test('a delete conflicting with an update in progress (ResourceConflictException) is retried', async () => {
    lambdaMock.on(DeleteFunctionCommand)
      .rejectsOnce(awsError('ResourceConflictException'))
      .resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(2);
  });

  test('detach only: an update already in progress (ResourceConflictException) is retried', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolvesOnce(vpcAttached).resolves(detached);
    lambdaMock.on(UpdateFunctionConfigurationCommand)
      .rejectsOnce(awsError('ResourceConflictException'))
      .resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(2);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
  });

  test('detach only: polls until LastUpdateStatus leaves InProgress, then sweeps', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand)
      .resolvesOnce(vpcAttached)
      .resolvesOnce({ ...detached, LastUpdateStatus: 'InProgress' })
      .resolves(detached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((c) => c.args[0].input)).toEqual([{
      FunctionName: 'acme-bootstrap',
      VpcConfig: { SubnetIds: [], SecurityGroupIds: [] },
    }]);
    expect(lambdaMock.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(3);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(1);
  });

  test('detach only: a failed function update is logged and the ENI sweep goes on', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand)
      .resolvesOnce(vpcAttached)
      .resolves({ ...detached, LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'EniLimitExceeded' });
    lambdaMock.on(UpdateFunctionConfigurationCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(1);
    expect(logged(warn)).toContain('EniLimitExceeded');
  });

  test('deadline: ENIs still in use are logged by id and the delete still reports SUCCESS in time', async () => {
    settings.pollIntervalMs = 20;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-stuck', Status: 'in-use' }] });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    const started = Date.now();
    expect(await run(event('Delete', 'p'), context(200))).toEqual(success('p'));

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(0);
    expect(logged(warn)).toContain('eni-stuck');
  });

  test('deadline: the response margin is kept back from the time the Lambda has left', async () => {
    settings.pollIntervalMs = 20;
    settings.responseMarginMs = 10_000;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-stuck', Status: 'in-use' }] });

    const started = Date.now();
    // 10.1 s left, 10 s margin: about 100 ms of polling, then the response
    expect(await run(event('Delete', 'p'), context(10_100))).toEqual(success('p'));

    expect(Date.now() - started).toBeLessThan(1_500);
  });

  test('deadline: never exceeds maxCleanupMs, whatever time the Lambda has left', async () => {
    settings.pollIntervalMs = 20;
    settings.maxCleanupMs = 100;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-stuck', Status: 'in-use' }] });

    const started = Date.now();
    expect(await run(event('Delete', 'p'), context(15 * 60_000))).toEqual(success('p'));

    expect(Date.now() - started).toBeLessThan(1_500);
  });

  test('deadline: a detach that never finishes stops the wait, the ENIs are still swept', async () => {
    settings.pollIntervalMs = 20;
    settings.maxCleanupMs = 100;
    lambdaMock.on(GetFunctionConfigurationCommand).resolvesOnce(vpcAttached).resolves({ ...detached, LastUpdateStatus: 'InProgress' });
    lambdaMock.on(UpdateFunctionConfigurationCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand).length).toBeGreaterThan(0);
    expect(logged(warn)).toContain('function update still in progress at the deadline');
  });

  test.each(['DELETE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS'])('acts when the stack status is %s', async (status) => {
    stackStatusIs(status);
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(1);
  });

  test('no security group ids: the function is still removed, the ENI sweep is skipped with a warning', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', { SecurityGroupIds: [] }))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(1);
    expect(ec2Mock.calls()).toHaveLength(0);
    expect(logged(warn)).toContain('no security group ids given');
  });
});

describe('several functions and security groups', () => {
  /** A Lambda mock that keeps a VPC configuration per function and records every call in order. */
  function functions(names: string[], order: string[]) {
    const attached = new Set(names);
    lambdaMock.on(GetFunctionConfigurationCommand).callsFake((input) => {
      order.push(`get ${input.FunctionName}`);
      const config = attached.has(input.FunctionName) ? vpcAttached : detached;
      return { ...config, FunctionName: input.FunctionName };
    });
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input) => {
      order.push(`update ${input.FunctionName}`);
      attached.delete(input.FunctionName);
      return {};
    });
    lambdaMock.on(DeleteFunctionCommand).callsFake((input) => { order.push(`delete ${input.FunctionName}`); return {}; });
    ec2Mock.on(DescribeNetworkInterfacesCommand).callsFake(() => { order.push('describe-enis'); return { NetworkInterfaces: [] }; });
  }

  test('deletes every function, then detaches every detach-only one before waiting for any, then sweeps the ENIs of all the groups once', async () => {
    const order: string[] = [];
    functions(['rotation-a', 'rotation-b', 'bootstrap-a', 'bootstrap-b'], order);

    const e = event('Delete', 'p', { FunctionNames: ['rotation-a', 'rotation-b'], DetachOnlyFunctionNames: ['bootstrap-a', 'bootstrap-b'], SecurityGroupIds: ['sg-rotation', 'sg-bootstrap'] });
    expect(await run(e)).toEqual(success('p'));

    expect(order).toEqual([
      'delete rotation-a', 'delete rotation-b',
      'get bootstrap-a', 'update bootstrap-a', 'get bootstrap-b', 'update bootstrap-b',
      'get bootstrap-a', 'get bootstrap-b',
      'describe-enis',
    ]);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[0].args[0].input.Filters).toEqual([
      { Name: 'group-id', Values: ['sg-rotation', 'sg-bootstrap'] },
      { Name: 'description', Values: ['AWS Lambda VPC ENI*'] },
    ]);
  });

  test('DetachOnlyFunctionNames are detached and never deleted (CloudFormation still invokes them)', async () => {
    const order: string[] = [];
    functions(['rotation', 'bootstrap'], order);

    const e = event('Delete', 'p', { FunctionNames: ['rotation'], DetachOnlyFunctionNames: ['bootstrap'], SecurityGroupIds: ['sg-1'] });
    expect(await run(e)).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((c) => c.args[0].input)).toEqual([
      { FunctionName: 'bootstrap', VpcConfig: { SubnetIds: [], SecurityGroupIds: [] } },
    ]);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'rotation' }]);
  });

  test('a function listed both ways is only detached, and a duplicate is handled once', async () => {
    const order: string[] = [];
    functions(['bootstrap'], order);

    const e = event('Delete', 'p', { FunctionNames: ['bootstrap', 'bootstrap'], DetachOnlyFunctionNames: ['bootstrap'], SecurityGroupIds: ['sg-1', 'sg-1'] });
    expect(await run(e)).toEqual(success('p'));

    expect(order).toEqual(['get bootstrap', 'update bootstrap', 'get bootstrap', 'describe-enis']);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[0].args[0].input.Filters?.[0]).toEqual({ Name: 'group-id', Values: ['sg-1'] });
  });

  test('one function failing (AccessDenied) does not stop the others, nor the ENI sweep', async () => {
    const order: string[] = [];
    functions(['a', 'b'], order);
    lambdaMock.on(DeleteFunctionCommand, { FunctionName: 'a' }).rejects(awsError('AccessDeniedException'));
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-b', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).resolves({});
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', { FunctionNames: ['a', 'b'], SecurityGroupIds: ['sg-1'] }))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'a' }, { FunctionName: 'b' }]);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand).map((c) => c.args[0].input)).toEqual([{ NetworkInterfaceId: 'eni-b' }]);
    expect(logged(error)).toMatch(/delete failed.*"functionName":"a".*AccessDeniedException/);
  });

  test('one detach-only function gone already: the others are still cleaned up', async () => {
    const order: string[] = [];
    functions(['b'], order);
    lambdaMock.on(GetFunctionConfigurationCommand, { FunctionName: 'a' }).rejects(awsError('ResourceNotFoundException'));

    expect(await run(event('Delete', 'p', { FunctionNames: ['c'], DetachOnlyFunctionNames: ['a', 'b'], SecurityGroupIds: ['sg-1'] }))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((c) => c.args[0].input.FunctionName)).toEqual(['b']);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand).map((c) => c.args[0].input.FunctionName)).toEqual(['c']);
  });

  test('malformed properties (not lists, blanks, non-strings) are read as empty: nothing is touched but the listed groups', async () => {
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    const e = event('Delete', 'p', { FunctionNames: 'acme-app', DetachOnlyFunctionNames: [42, ''], SecurityGroupIds: ['', 'sg-1', null] });
    expect(await run(e)).toEqual(success('p'));

    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[0].args[0].input.Filters?.[0]).toEqual({ Name: 'group-id', Values: ['sg-1'] });
  });
});

describe('Delete that must not touch the function', () => {
  test.each([
    'UPDATE_IN_PROGRESS',
    'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
    'UPDATE_ROLLBACK_IN_PROGRESS',
    'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  ])('does nothing when the stack status is %s (the function is live)', async (status) => {
    stackStatusIs(status);

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(1);
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  test('does nothing when the stack status cannot be read (AccessDenied), and says why in a warning', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(awsError('AccessDenied'));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
    expect(logged(warn)).toContain('AccessDenied');
  });

  test('does nothing when DescribeStacks returns no stack', async () => {
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [] });

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  test('Delete of a resource whose Create failed is a no-op', async () => {
    expect(await run(event('Delete', 'create-failed'))).toEqual(success('create-failed'));

    expect(cfnMock.calls()).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });
});

describe('failure paths never fail the stack delete', () => {
  test('unexpected Lambda error (AccessDenied on a detach) is logged, the delete reports SUCCESS', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(vpcAttached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).rejects(awsError('AccessDeniedException'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(logged(error)).toContain('AccessDeniedException');
  });

  test('an update conflict that outlasts the deadline is logged, the delete reports SUCCESS', async () => {
    settings.pollIntervalMs = 20;
    settings.maxCleanupMs = 100;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(vpcAttached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).rejects(awsError('ResourceConflictException'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p', DETACH_ONLY))).toEqual(success('p'));

    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).length).toBeGreaterThan(1);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(logged(error)).toContain('ResourceConflictException');
  });

  test('unexpected EC2 error on DescribeNetworkInterfaces is logged, the delete reports SUCCESS', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).rejects(awsError('RequestLimitExceeded'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(logged(error)).toContain('RequestLimitExceeded');
  });

  test('unexpected EC2 error on DeleteNetworkInterface is logged, the delete reports SUCCESS', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejects(awsError('UnauthorizedOperation'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(logged(error)).toContain('UnauthorizedOperation');
  });

  test('an ENI re-attached between describe and delete (InUse) is retried on the next round', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejectsOnce(awsError('InvalidNetworkInterface.InUse')).resolves({});

    expect(await run(event('Delete', 'p'))).toEqual(success('p'));

    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(2);
  });

  test('a CloudFormation endpoint that rejects the response makes the handler throw (the protocol wrapper does not swallow it)', async () => {
    const rejecting = http.createServer((_req, res) => { res.writeHead(403); res.end(); });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(rejecting.address() as AddressInfo).port}/x`;
      await expect(handler({ ...event('Create'), ResponseURL: url }, context())).rejects.toThrow(/HTTP 403/);
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });
});
