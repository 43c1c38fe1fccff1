import * as http from 'http';
import { AddressInfo } from 'net';
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
import { CustomResourceEvent } from '../../src/core/custom-resource.lambda-shared';
import { handler, settings } from '../../src/function/vpc-cleanup.lambda';

// The CloudFormation client comes from the Lambda runtime's SDK (not a devDependency yet):
// a virtual module stands in for it and returns the stack status each test sets.
const cfnState: { status?: string; error?: Error; calls: string[] } = { calls: [] };
jest.mock(
  '@aws-sdk/client-cloudformation',
  () => ({
    CloudFormationClient: class {
      async send(command: { input: { StackName: string } }) {
        cfnState.calls.push(command.input.StackName);
        if (cfnState.error) throw cfnState.error;
        return { Stacks: [{ StackStatus: cfnState.status }] };
      }
    },
    DescribeStacksCommand: class {
      constructor(public readonly input: { StackName: string }) {}
    },
  }),
  { virtual: true },
);

const lambdaMock = mockClient(LambdaClient);
const ec2Mock = mockClient(EC2Client);

// CloudFormation's pre-signed ResponseURL, played by a local HTTP server that records each PUT.
let server: http.Server;
let responseUrl: string;
const received: any[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const original = { ...settings };
beforeEach(() => {
  lambdaMock.reset();
  ec2Mock.reset();
  received.length = 0;
  cfnState.status = 'DELETE_IN_PROGRESS';
  cfnState.error = undefined;
  cfnState.calls = [];
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

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/acme/abc';

function event(requestType: 'Create' | 'Update' | 'Delete', physicalId?: string): CustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: responseUrl,
    StackId: STACK_ID,
    RequestId: 'req-1',
    LogicalResourceId: 'FunctionVpcCleanup',
    ResourceType: 'Custom::TenantFunctionVpcCleanup',
    PhysicalResourceId: physicalId,
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:cleanup',
      FunctionName: 'acme-app',
      SecurityGroupIds: ['sg-1'],
    },
  };
}

const context = (remainingMs = 60_000) => ({ logStreamName: 'stream', getRemainingTimeInMillis: () => remainingMs });

function notFound(name: string) {
  return Object.assign(new Error(`${name} thrown`), { name });
}

const vpcAttached = { FunctionName: 'acme-app', VpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] }, LastUpdateStatus: 'Successful' as const };
const detached = { FunctionName: 'acme-app', VpcConfig: { SubnetIds: [], SecurityGroupIds: [] }, LastUpdateStatus: 'Successful' as const };

describe('Create and Update', () => {
  test('Create reports SUCCESS with a physical id derived from the logical id and calls no AWS API', async () => {
    const res = await handler(event('Create'), context());

    expect(res.Status).toBe('SUCCESS');
    expect(received).toEqual([expect.objectContaining({
      Status: 'SUCCESS',
      PhysicalResourceId: 'vpc-cleanup-FunctionVpcCleanup',
      StackId: STACK_ID,
      RequestId: 'req-1',
      LogicalResourceId: 'FunctionVpcCleanup',
    })]);
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  test('Update keeps the physical id, so CloudFormation never deletes an old instance', async () => {
    await handler(event('Update', 'vpc-cleanup-FunctionVpcCleanup'), context());

    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'vpc-cleanup-FunctionVpcCleanup' })]);
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });
});

describe('Delete while the stack is being deleted', () => {
  test('detaches the VPC, waits for the update, deletes the function, then deletes released ENIs', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand)
      .resolvesOnce(vpcAttached)
      .resolvesOnce({ ...detached, LastUpdateStatus: 'InProgress' })
      .resolves(detached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).resolves({});
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }, { NetworkInterfaceId: 'eni-2', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).resolves({});

    await handler(event('Delete', 'vpc-cleanup-FunctionVpcCleanup'), context());

    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'vpc-cleanup-FunctionVpcCleanup' })]);
    expect(cfnState.calls).toEqual([STACK_ID]);
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)[0].args[0].input).toEqual({
      FunctionName: 'acme-app',
      VpcConfig: { SubnetIds: [], SecurityGroupIds: [] },
    });
    // polled until LastUpdateStatus left InProgress
    expect(lambdaMock.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(3);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)[0].args[0].input).toEqual({ FunctionName: 'acme-app' });
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)[0].args[0].input.Filters).toEqual([
      { Name: 'group-id', Values: ['sg-1'] },
      { Name: 'description', Values: ['AWS Lambda VPC ENI*'] },
    ]);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand).map((c) => c.args[0].input.NetworkInterfaceId)).toEqual(['eni-1', 'eni-2']);
  });

  test('the steps run in order: detach, delete function, then ENIs', async () => {
    const order: string[] = [];
    lambdaMock.on(GetFunctionConfigurationCommand).callsFake(() => { order.push('get'); return order.includes('update') ? detached : vpcAttached; });
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake(() => { order.push('update'); return {}; });
    lambdaMock.on(DeleteFunctionCommand).callsFake(() => { order.push('delete-function'); return {}; });
    ec2Mock.on(DescribeNetworkInterfacesCommand).callsFake(() => { order.push('describe-enis'); return { NetworkInterfaces: [] }; });

    await handler(event('Delete', 'p'), context());

    expect(order).toEqual(['get', 'update', 'get', 'delete-function', 'describe-enis']);
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

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    // no update needed: the function had no VPC configuration left
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(DescribeNetworkInterfacesCommand)).toHaveLength(4);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)[0].args[0].input).toEqual({ NetworkInterfaceId: 'eni-1' });
  });

  test('function already gone: skips detach and delete, still sweeps the ENIs', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).rejects(notFound('ResourceNotFoundException'));
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-9', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejects(notFound('InvalidNetworkInterfaceID.NotFound'));

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(0);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(1);
  });

  test('an update already in progress (ResourceConflictException) is retried', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolvesOnce(vpcAttached).resolves(detached);
    lambdaMock.on(UpdateFunctionConfigurationCommand)
      .rejectsOnce(notFound('ResourceConflictException'))
      .resolves({});
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand)).toHaveLength(2);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(1);
  });

  test('timeout: ENIs still in use at the deadline are logged by id and the delete still succeeds', async () => {
    settings.pollIntervalMs = 20;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-stuck', Status: 'in-use' }] });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    const started = Date.now();
    await handler(event('Delete', 'p'), context(200));

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(0);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toContain('eni-stuck');
  });

  test('the deadline never exceeds maxCleanupMs, whatever time the Lambda has left', async () => {
    settings.pollIntervalMs = 20;
    settings.maxCleanupMs = 100;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-stuck', Status: 'in-use' }] });

    const started = Date.now();
    await handler(event('Delete', 'p'), context(15 * 60_000));

    expect(Date.now() - started).toBeLessThan(1_500);
    expect(received[0].Status).toBe('SUCCESS');
  });

  test.each(['DELETE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS'])('acts when the stack status is %s', async (status) => {
    cfnState.status = status;
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });

    await handler(event('Delete', 'p'), context());

    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(1);
  });
});

describe('Delete that must not touch the function', () => {
  test.each([
    'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
    'UPDATE_ROLLBACK_IN_PROGRESS',
    'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  ])('does nothing when the stack status is %s (the function is live)', async (status) => {
    cfnState.status = status;

    await handler(event('Delete', 'p'), context());

    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'p' })]);
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  test('does nothing when the stack status cannot be read', async () => {
    cfnState.error = notFound('AccessDenied');

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  test('Delete of a resource whose Create failed is a no-op', async () => {
    await handler(event('Delete', 'create-failed'), context());

    expect(received[0]).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: 'create-failed' }));
    expect(cfnState.calls).toHaveLength(0);
    expect(lambdaMock.calls()).toHaveLength(0);
  });
});

describe('failure paths never fail the stack delete', () => {
  test('unexpected Lambda error (AccessDenied on update) is logged, the delete reports SUCCESS', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(vpcAttached);
    lambdaMock.on(UpdateFunctionConfigurationCommand).rejects(notFound('AccessDeniedException'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    await handler(event('Delete', 'p'), context());

    expect(received).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect(lambdaMock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(error.mock.calls.map((c) => String(c[0])).join('\n')).toContain('AccessDeniedException');
  });

  test('unexpected EC2 error on DeleteNetworkInterface is logged, the delete reports SUCCESS', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejects(notFound('UnauthorizedOperation'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    expect(error.mock.calls.map((c) => String(c[0])).join('\n')).toContain('UnauthorizedOperation');
  });

  test('an ENI re-attached between describe and delete (InUse) is retried on the next round', async () => {
    lambdaMock.on(GetFunctionConfigurationCommand).resolves(detached);
    lambdaMock.on(DeleteFunctionCommand).resolves({});
    ec2Mock.on(DescribeNetworkInterfacesCommand)
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] })
      .resolvesOnce({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Status: 'available' }] })
      .resolves({ NetworkInterfaces: [] });
    ec2Mock.on(DeleteNetworkInterfaceCommand).rejectsOnce(notFound('InvalidNetworkInterface.InUse')).resolves({});

    await handler(event('Delete', 'p'), context());

    expect(received[0].Status).toBe('SUCCESS');
    expect(ec2Mock.commandCalls(DeleteNetworkInterfaceCommand)).toHaveLength(2);
  });

  test('a CloudFormation endpoint that rejects the response makes the handler throw (the protocol wrapper does not swallow it)', async () => {
    const bad = { ...event('Create'), ResponseURL: responseUrl.replace('/response', '/nope') };
    const rejecting = http.createServer((_req, res) => { res.writeHead(403); res.end(); });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(rejecting.address() as AddressInfo).port}/x`;
      await expect(handler({ ...bad, ResponseURL: url }, context())).rejects.toThrow(/HTTP 403/);
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });
});
