// The fake Lambda API of the local simulation answers the real SDK like Lambda does: per account,
// an update in progress refuses a publish, the code is stored and runs.
import { createHash } from 'crypto';
import {
  GetAliasCommand, GetFunctionConfigurationCommand, LambdaClient, ListFunctionsCommand, ListTagsCommand,
  PublishVersionCommand, UpdateAliasCommand, UpdateFunctionCodeCommand, waitUntilFunctionUpdated,
} from '@aws-sdk/client-lambda';
import { FakeLambda } from './fake-lambda';
import { zip } from '../../src/cli/zip';

const A = '210000000001';
const B = '310000000001';
const code = (text: string) => zip([{ name: 'index.js', data: Buffer.from(`exports.handler = async () => ({ statusCode: 200, body: ${JSON.stringify(text)} });\n`) }]);
let fake: FakeLambda;
const client = (account: string) => new LambdaClient({ region: 'us-east-1', endpoint: fake.endpoint, credentials: fake.credentialsFor(account), maxAttempts: 1 });

beforeAll(async () => {
  fake = await FakeLambda.start({ inProgressReads: 2 });
  fake.addFunction({ account: A, name: 'acme-app', tags: { 'tenant-blocks:tenant': 'acme' }, code: code('v1') });
  fake.addFunction({ account: B, name: 'globex-app', tags: { 'tenant-blocks:tenant': 'globex' }, code: code('g1') });
});
afterAll(async () => fake?.close());

test('a client of one account sees only that account\'s functions and tags', async () => {
  const listed = await client(A).send(new ListFunctionsCommand({}));
  expect(listed.Functions!.map((f) => f.FunctionName)).toEqual(['acme-app']);
  const tags = await client(A).send(new ListTagsCommand({ Resource: listed.Functions![0].FunctionArn }));
  expect(tags.Tags).toEqual({ 'tenant-blocks:tenant': 'acme' });
  await expect(client(A).send(new GetFunctionConfigurationCommand({ FunctionName: `arn:aws:lambda:us-east-1:${B}:function:globex-app` })))
    .rejects.toThrow(/Function not found/);
});

test('update, wait, publish, switch the alias: the alias runs the new code; a publish during the update is refused', async () => {
  const lambda = client(A);
  const from = fake.calls.length;
  const zipped = code('v2');
  const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'acme-app', ZipFile: zipped }));
  expect(updated.LastUpdateStatus).toBe('InProgress');
  expect(updated.CodeSha256).toBe(createHash('sha256').update(zipped).digest('base64'));
  await expect(lambda.send(new PublishVersionCommand({ FunctionName: 'acme-app' }))).rejects.toThrow(/An update is in progress/);
  await waitUntilFunctionUpdated({ client: lambda, maxWaitTime: 10, minDelay: 1 }, { FunctionName: 'acme-app' });
  const version = await lambda.send(new PublishVersionCommand({ FunctionName: 'acme-app', CodeSha256: updated.CodeSha256 }));
  expect(version.Version).toBe('2');
  expect(await fake.invoke(A, 'acme-app', {})).toEqual({ statusCode: 200, body: 'v1' });
  await lambda.send(new UpdateAliasCommand({ FunctionName: 'acme-app', Name: 'live', FunctionVersion: version.Version }));
  expect((await lambda.send(new GetAliasCommand({ FunctionName: 'acme-app', Name: 'live' }))).FunctionVersion).toBe('2');
  expect(await fake.invoke(A, 'acme-app', {})).toEqual({ statusCode: 200, body: 'v2' });
  // two reads report the update in progress, the third its end
  expect(fake.count(from)).toEqual({ UpdateFunctionCode: 1, GetFunctionConfiguration: 3, PublishVersion: 2, UpdateAlias: 1, GetAlias: 1 });
});

test('throws when a publish names code that is not the function\'s', async () => {
  await expect(client(A).send(new PublishVersionCommand({ FunctionName: 'acme-app', CodeSha256: 'bm90LXRoZS1jb2Rl' }))).rejects.toThrow(/does not match/);
});
