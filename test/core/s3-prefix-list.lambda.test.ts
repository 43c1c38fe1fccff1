import { DescribeManagedPrefixListsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent, CustomResourceResponse } from '../../src/core/custom-resource.lambda-shared';
import { handler } from '../../src/core/s3-prefix-list.lambda';
import { useResponseServer } from '../support/response-server';

const ec2Mock = mockClient(EC2Client);

// CloudFormation's pre-signed ResponseURL, played by a local HTTP server that records each PUT.
const responses = useResponseServer();

beforeEach(() => {
  ec2Mock.reset();
  responses.received.length = 0;
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/acme/abc';
const NAME = 'com.amazonaws.us-east-1.s3';

function event(requestType: 'Create' | 'Update' | 'Delete', physicalId?: string, properties: Record<string, unknown> = { PrefixListName: NAME }): CustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: responses.url,
    StackId: STACK_ID,
    RequestId: 'req-1',
    LogicalResourceId: 'NetS3PrefixList',
    ResourceType: 'Custom::TenantS3PrefixList',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:lookup', ...properties },
  };
}

/** Runs the handler and checks that exactly one response was PUT and that it is what the handler returned. */
async function run(e: CustomResourceEvent): Promise<CustomResourceResponse> {
  const returned = await handler(e, { logStreamName: 'stream' });
  expect(responses.received).toHaveLength(1);
  expect(JSON.parse(JSON.stringify(returned))).toEqual(responses.received[0]);
  return responses.received[0];
}

const S3_LIST = { PrefixListId: 'pl-63a5400a', PrefixListName: NAME, OwnerId: 'AWS', AddressFamily: 'IPv4' };

describe('Create and Update', () => {
  test.each(['Create', 'Update'] as const)('%s finds the one list by name and answers its id (attribute and physical id)', async (type) => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [S3_LIST] });
    const response = await run(event(type, type === 'Update' ? 'pl-63a5400a' : undefined));
    expect(response).toEqual({
      Status: 'SUCCESS',
      Reason: 'OK',
      PhysicalResourceId: 'pl-63a5400a',
      StackId: STACK_ID,
      RequestId: 'req-1',
      LogicalResourceId: 'NetS3PrefixList',
      NoEcho: false,
      Data: { PrefixListId: 'pl-63a5400a' },
    });
    expect(ec2Mock.commandCalls(DescribeManagedPrefixListsCommand).map((c) => c.args[0].input)).toEqual([
      { Filters: [{ Name: 'prefix-list-name', Values: [NAME] }], NextToken: undefined },
    ]);
  });

  test('reads every page', async () => {
    ec2Mock.on(DescribeManagedPrefixListsCommand)
      .resolvesOnce({ PrefixLists: [], NextToken: 'page-2' })
      .resolvesOnce({ PrefixLists: [S3_LIST] });
    expect((await run(event('Create'))).Data).toEqual({ PrefixListId: 'pl-63a5400a' });
    expect(ec2Mock.commandCalls(DescribeManagedPrefixListsCommand)[1].args[0].input.NextToken).toBe('page-2');
  });

  test('fails the Create with a clear reason when no list has the name', async () => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [] });
    const response = await run(event('Create'));
    expect(response.Status).toBe('FAILED');
    expect(response.PhysicalResourceId).toBe('create-failed');
    expect(response.Reason).toMatch(/^No managed prefix list named com\.amazonaws\.us-east-1\.s3 in this region: .*set TenantNetwork s3PrefixListId/);
  });

  test('fails the Create with a clear reason when more than one list has the name', async () => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [S3_LIST, { ...S3_LIST, PrefixListId: 'pl-0123456789abcdef0', OwnerId: '123456789012' }] });
    const response = await run(event('Create'));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^2 managed prefix lists are named com\.amazonaws\.us-east-1\.s3 \(pl-63a5400a \(owner AWS\), pl-0123456789abcdef0 \(owner 123456789012\)\); expected exactly one/);
  });

  test('fails with the reason when EC2 refuses the call', async () => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).rejects(Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation' }));
    const response = await run(event('Create'));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^You are not authorized to perform this operation\. \(log stream: stream\)$/);
  });

  test.each([
    'com.amazonaws.eusc-de-east-1.s3', // European Sovereign Cloud: a 4-letter prefix
    'com.amazonaws.us-gov-west-1.s3',
    'cn.com.amazonaws.cn-north-1.s3',
    'com.amazonaws.ap-southeast-12.s3', // two-digit region number
  ])('looks up %s (region names of every shape)', async (name) => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [{ ...S3_LIST, PrefixListName: name }] });
    const response = await run(event('Create', undefined, { PrefixListName: name }));
    expect(response.Status).toBe('SUCCESS');
    expect(ec2Mock.commandCalls(DescribeManagedPrefixListsCommand).map((c) => c.args[0].input.Filters)).toEqual([[{ Name: 'prefix-list-name', Values: [name] }]]);
  });

  test.each([undefined, 'my-list', 'com.amazonaws.us-east-1.dynamodb', 'com.amazonaws.useast1.s3', 'com.amazonaws.europe-west-east-1.s3'])('fails without calling EC2 when the name is not an S3 prefix list name (%s)', async (name) => {
    const response = await run(event('Create', undefined, { PrefixListName: name }));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^PrefixListName must be the name of an AWS-managed S3 prefix list/);
    expect(ec2Mock.commandCalls(DescribeManagedPrefixListsCommand)).toHaveLength(0);
  });
});

describe('Delete', () => {
  test.each([['a found list', 'pl-63a5400a'], ['a failed Create', 'create-failed']])('answers at once for %s and calls no AWS API', async (_case, physicalId) => {
    ec2Mock.on(DescribeManagedPrefixListsCommand).rejects(new Error('must not be called'));
    const response = await run(event('Delete', physicalId));
    expect(response).toEqual({
      Status: 'SUCCESS', Reason: 'OK', PhysicalResourceId: physicalId, StackId: STACK_ID, RequestId: 'req-1', LogicalResourceId: 'NetS3PrefixList', NoEcho: false,
    });
    expect(ec2Mock.commandCalls(DescribeManagedPrefixListsCommand)).toHaveLength(0);
  });
});
