// POST /tenants/{id}/code (issue 23 §2): the real API handler on dynalite, the real
// @aws-sdk/client-lambda against a fake Lambda HTTP API, the real zip central-directory reader.
import { createHash } from 'crypto';
import { PublishVersionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { FakeLambda, makeZip, startFakeLambda } from './fake-lambda';
import { deployedTenant, finish, newWorld, take, World } from './lifecycle-support';
import { CALLER, LocalDynamo, devSpec, provisionerStack, startDynalite } from './support';
import { restoredByText } from '../../../src/platform/provisioner/api-code-push.lambda-shared';
import { handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import {
  lambdaCodePushTarget, MAX_PUSH_ZIP_BYTES, MAX_UNZIPPED_BYTES, restoreReleaseCode, zipProblems,
} from '../../../src/platform/provisioner/code-push.lambda-shared';
import { authorizeApiRequest } from '../../../src/platform/provisioner/scopes-api.lambda-shared';
import { AccessPolicy } from '../../../src/platform/provisioner/scopes.lambda-shared';

let dynamo: LocalDynamo;
let lambda: FakeLambda;
const stack = provisionerStack().stack;
beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());
beforeEach(async () => { lambda = await startFakeLambda(); });
afterEach(async () => lambda.close());

const TAGS = (id: string, tier = 'DEVELOPMENT') => ({ 'tenant-blocks:tenant': id, 'tenant-blocks:tier': tier });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const appZip = (text = 'exports.handler = async () => ({ statusCode: 200, body: "v2" });') => makeZip([{ name: 'index.js', data: Buffer.from(text) }]);
const pushBody = (zip: Buffer, extra: Record<string, unknown> = {}) => ({ zipBase64: zip.toString('base64'), sha256: sha(zip), ...extra });
const prodSpec = (id: string) => ({ ...devSpec(id), tier: 'PRODUCTION' });

/** A world whose API pushes to the fake Lambda; `clientFor` calls are recorded. */
async function world(): Promise<World & { clientCalls: Array<[string, string]> }> {
  const w = await newWorld(dynamo.client, stack);
  const clientCalls: Array<[string, string]> = [];
  const clientFor = (account: string, tenant: string) => {
    clientCalls.push([account, tenant]);
    return lambda.client();
  };
  w.use({ codePush: lambdaCodePushTarget(clientFor, { pollIntervalMs: 0 }) });
  return Object.assign(w, { clientCalls });
}

const push = (w: World, id: string, body: unknown, headers: Record<string, string> = {}) => w.call('POST', '/tenants/{tenantId}/code', { tenantId: id }, body, headers);

describe('zipProblems reads the central directory', () => {
  test('sums the entries\' uncompressed sizes', () => {
    const zip = makeZip([{ name: 'a.js', data: Buffer.from('aaaa') }, { name: 'lib/b.js', data: Buffer.alloc(1000) }]);
    expect(zipProblems(zip)).toEqual({ unzippedBytes: 1004, entries: 2 });
  });

  test('reads the sizes a zip64 extra field declares (a zip bomb declares them too)', () => {
    const zip = makeZip([{ name: 'bomb', data: Buffer.from('x'), declaredSize: 5_000_000_000, zip64: true }]);
    expect(zipProblems(zip).unzippedBytes).toBe(5_000_000_000);
  });

  test.each([
    ['not a zip', Buffer.from('hello world, this is not a zip archive at all')],
    ['a truncated zip', appZip().subarray(0, 40)],
  ])('finds %s', (_name, bytes) => {
    expect(zipProblems(bytes).problem).toMatch(/^is not a (readable )?zip archive/);
  });
});

describe('a push to a DEVELOPMENT tenant', () => {
  test('updates the code, publishes a version, moves live, records the operation and marks the tenant', async () => {
    const w = await world();
    const fn = lambda.add('Tenant-acme-AppHandler-1', TAGS('acme'));
    lambda.add('Tenant-acme-Rotation-2', TAGS('acme'), false);
    lambda.add('Tenant-globex-AppHandler-3', TAGS('globex'));
    await deployedTenant(w, devSpec('acme'), '1.4.0');
    const zip = appZip();
    const res = await push(w, 'acme', pushBody(zip));
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({
      operationId: expect.any(String),
      functionName: 'Tenant-acme-AppHandler-1',
      version: '2',
      codeSha256: sha(zip),
      restoredBy: 'The next deploy or rollout of this tenant puts release 1.4.0\'s code back.',
    });
    expect(fn.code.equals(zip)).toBe(true);
    expect(fn.aliasVersion).toBe('2');
    expect(w.clientCalls).toEqual([['210987654321', 'acme']]);
    // one ListFunctions page, a ListTags per function, GetAlias for the two tagged ones, then the update
    expect(lambda.calls).toEqual([
      'ListFunctions', 'ListTags', 'ListTags', 'ListTags', 'GetAlias', 'GetAlias',
      'UpdateFunctionCode', 'GetFunctionConfiguration', 'GetFunctionConfiguration', 'PublishVersion', 'UpdateAlias',
    ]);
    const op = (await w.registry.getOperation(res.json.operationId))!;
    expect(op).toMatchObject({
      type: 'CODE_PUSH',
      status: 'SUCCEEDED',
      requestedBy: CALLER,
      release: '1.4.0',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      outcome: { codeSha256: sha(zip), functionName: 'Tenant-acme-AppHandler-1', version: '2', restoredBy: restoredByText('1.4.0') },
    });
    const tenant = (await w.registry.getTenant('acme'))!;
    expect(tenant.codePush).toEqual({ sha256: sha(zip), operationId: op.operationId, at: op.finishedAt });
    expect(tenant.lockOperationId).toBeUndefined();
    // the history shows it, newest first
    const history = await w.call('GET', '/tenants/{tenantId}/operations', { tenantId: 'acme' });
    expect(history.json.operations[0]).toMatchObject({ type: 'CODE_PUSH', operationId: op.operationId });
    await w.dispose();
  });

  test('clearCodePush forgets only the push it names', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    const first = await push(w, 'acme', pushBody(appZip('a')));
    const second = await push(w, 'acme', pushBody(appZip('b')));
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(await w.registry.clearCodePush('acme', first.json.operationId)).toBe(false);
    expect((await w.registry.getTenant('acme'))!.codePush?.operationId).toBe(second.json.operationId);
    expect(await w.registry.clearCodePush('acme', second.json.operationId)).toBe(true);
    expect((await w.registry.getTenant('acme'))!.codePush).toBeUndefined();
    await w.dispose();
  });
});

describe('a push is refused with one clear problem', () => {
  test('throws when the deployed tier is PRODUCTION: 400, nothing written, nothing sent', async () => {
    const w = await world();
    lambda.add('fn', TAGS('bank', 'PRODUCTION'));
    await deployedTenant(w, prodSpec('bank'));
    const before = await w.scan();
    const res = await push(w, 'bank', pushBody(appZip()));
    expect(res.statusCode).toBe(400);
    expect(res.json.problems).toEqual(["tenant 'bank' is deployed as PRODUCTION: code pushes reach tenants whose deployed tier is DEVELOPMENT only"]);
    expect(await w.scan()).toEqual(before);
    expect(lambda.calls).toEqual([]);
    await w.dispose();
  });

  test('throws when the tenant was never deployed: 409 with cause STATE', async () => {
    const w = await world();
    const created = await w.call('POST', '/tenants', {}, { spec: devSpec('acme') });
    // the create's workflow fails: PENDING, unlocked, nothing deployed
    await finish(w, take(w, (e) => e.name === created.json.operation.operationId), 'failure');
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({ cause: 'STATE', state: 'PENDING' });
    expect(res.json.message).toMatch(/CODE_PUSH is not possible while the tenant is PENDING: a push needs a deployed, ACTIVE tenant/);
    await w.dispose();
  });

  test('throws when another operation holds the lock: 409 naming it', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    const drift = await w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' });
    expect(drift.statusCode).toBe(202);
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({
      cause: 'OPERATION_IN_FLIGHT',
      operation: { operationId: drift.json.operation.operationId, type: 'DRIFT', status: 'PENDING', startedAt: drift.json.operation.requestedAt },
    });
    expect(res.json.message).toContain(`operation ${drift.json.operation.operationId} (DRIFT, PENDING`);
    expect(lambda.calls).toEqual([]);
    await w.dispose();
  });

  test('throws when expectedVersion is not the current one: 409 VERSION_MOVED with both versions', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    const res = await push(w, 'acme', pushBody(appZip(), { expectedVersion: 7 }));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({ cause: 'VERSION_MOVED', expectedVersion: 7, currentVersion: 1 });
    await w.dispose();
  });

  test.each([
    ['a zip over 4 MiB decoded', () => pushBody(Buffer.alloc(MAX_PUSH_ZIP_BYTES + 1)), 413, /^zipBase64: decodes to 4194305 bytes; a push takes a zip of at most 4194304 bytes/],
    ['bad base64', () => ({ zipBase64: 'not*base64!', sha256: 'a'.repeat(64) }), 400, /^zipBase64: is not base64/],
    ['a sha256 that does not match', () => pushBody(appZip(), { sha256: sha(Buffer.from('other')) }), 400, /^sha256: the zip's SHA-256 is [0-9a-f]{64}, not the given/],
    ['a sha256 that is not hex', () => pushBody(appZip(), { sha256: 'XYZ' }), 400, /^sha256: is required, the SHA-256 of the zip's bytes as 64 lowercase hex characters/],
    ['an archive that is not a zip', () => pushBody(Buffer.from('plain text, not an archive')), 400, /^zipBase64: is not a zip archive/],
    ['a zip that unzips past 250 MB', () => pushBody(makeZip([{ name: 'big.bin', data: Buffer.from('x'), declaredSize: MAX_UNZIPPED_BYTES + 1 }])), 413, /^zipBase64: unzips to 262144001 bytes in 1 entries; Lambda takes at most 262144000 bytes \(250 MB\)/],
    ['an unknown field', () => pushBody(appZip(), { handler: 'index.js' }), 400, /^handler: is not a field of this request/],
  ])('throws for %s', async (_name, makeBody, status, problem) => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    const before = await w.scan();
    const res = await push(w, 'acme', makeBody());
    expect(res.statusCode).toBe(status);
    expect(res.json.problems).toHaveLength(1);
    expect(res.json.problems[0]).toMatch(problem);
    expect(await w.scan()).toEqual(before);
    expect(lambda.calls).toEqual([]);
    await w.dispose();
  });

  test('throws when the provisioner has no code push configured: 501', async () => {
    const w = await newWorld(dynamo.client, stack);
    await deployedTenant(w, devSpec('acme'));
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(501);
    expect(res.json.message).toMatch(/no code push configured/);
    await w.dispose();
  });

  test('a push Lambda cannot take is FAILED in the history and the tenant unlocked', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'), false);
    await deployedTenant(w, devSpec('acme'));
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(409);
    expect(res.json.message).toMatch(/has no function tagged tenant-blocks:tenant=acme, tenant-blocks:tier=DEVELOPMENT with a 'live' alias/);
    const op = (await w.registry.getOperation(res.json.operationId))!;
    expect(op).toMatchObject({ type: 'CODE_PUSH', status: 'FAILED', finishedAt: expect.any(String) });
    const t = (await w.registry.getTenant('acme'))!;
    expect([t.lockOperationId, t.codePush]).toEqual([undefined, undefined]);
    await w.dispose();
  });

  test('an update Lambda reports Failed is FAILED with Lambda\'s reason', async () => {
    const w = await world();
    const fn = lambda.add('fn', TAGS('acme'));
    fn.failUpdate = 'Unzipped size must be smaller than 262144000 bytes';
    await deployedTenant(w, devSpec('acme'));
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(502);
    expect(res.json.message).toContain('Unzipped size must be smaller than 262144000 bytes');
    await w.dispose();
  });
});

describe('who may push', () => {
  const DEV = 'arn:aws:iam::111111111111:role/developers';
  const policy = new AccessPolicy([
    { principalArn: CALLER, allTenants: true, actions: ['READ', 'CREATE'] },
    { principalArn: DEV, tenantIds: ['acme'], actions: ['READ', 'CODE_PUSH'] },
  ]);

  test.each([
    ['a caller without CODE_PUSH', CALLER, 'acme', 403],
    ['a caller scoped to acme, on globex', DEV, 'globex', 403],
    ['a caller scoped to acme, on acme', DEV, 'acme', 200],
  ])('%s (%s on %s) → %s', async (_name, caller, tenantId, status) => {
    const w = await world();
    lambda.add('fn-acme', TAGS('acme'));
    lambda.add('fn-globex', TAGS('globex'));
    await deployedTenant(w, devSpec('acme'));
    await deployedTenant(w, devSpec('globex', { account: '310987654321' }));
    const zip = appZip();
    const res = await authorizeApiRequest({
      resource: '/tenants/{tenantId}/code',
      httpMethod: 'POST',
      pathParameters: { tenantId },
      body: JSON.stringify(pushBody(zip)),
      requestContext: { identity: { userArn: caller } },
    }, {
      registry: w.registry,
      config: w.config,
      workflows: { startExecution: async () => undefined, sendTaskSuccess: async () => undefined },
      codePush: lambdaCodePushTarget(() => lambda.client(), { pollIntervalMs: 0 }),
    }, policy, handleApiRequest);
    expect(res.statusCode).toBe(status);
    await w.dispose();
  });
});

describe('restoreReleaseCode', () => {
  const template = {
    Resources: {
      AppHandler: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: 'abc123.zip' } },
      },
      Rotation: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'other', S3Key: 'rot.zip' } } },
      LiveAlias: { Type: 'AWS::Lambda::Alias', Properties: { Name: 'live', FunctionName: { Ref: 'AppHandler' }, FunctionVersion: '1' } },
    },
  };
  const cfn = (sent: string[]) => ({
    send: async (command: any) => {
      sent.push(command.constructor.name);
      if (command.constructor.name === 'GetTemplateCommand') return { TemplateBody: JSON.stringify(template) };
      return { StackResourceDetail: { PhysicalResourceId: 'Tenant-acme-AppHandler-1' } };
    },
  });

  test('puts the code of the function behind live back from the release\'s S3 location', async () => {
    const release = Buffer.from('release code 1.4.0');
    const fn = lambda.add('Tenant-acme-AppHandler-1', TAGS('acme'), true, appZip());
    lambda.s3.set('cdk-hnb659fds-assets-210987654321-us-east-1/abc123.zip', release);
    const sent: string[] = [];
    const result = await restoreReleaseCode(() => lambda.client(), () => cfn(sent), { tenantId: 'acme', account: '210987654321', region: 'us-east-1' }, { pollIntervalMs: 0 });
    expect(result).toEqual({ functionName: 'Tenant-acme-AppHandler-1', version: '2', codeSha256: sha(release) });
    expect(fn.code.equals(release)).toBe(true);
    expect(fn.aliasVersion).toBe('2');
    expect(sent).toEqual(['GetTemplateCommand', 'DescribeStackResourceCommand']);
    expect(lambda.calls).toEqual(['UpdateFunctionCode', 'GetFunctionConfiguration', 'GetFunctionConfiguration', 'PublishVersion', 'UpdateAlias']);
  });

  test('throws when the function was tagged PRODUCTION meanwhile: the code-push role\'s tag condition denies the restore', async () => {
    const fn = lambda.add('Tenant-acme-AppHandler-1', TAGS('acme', 'PRODUCTION'), true, appZip());
    lambda.s3.set('cdk-hnb659fds-assets-210987654321-us-east-1/abc123.zip', Buffer.from('release code'));
    const codePushRole = () => lambda.client({ requireTags: { 'tenant-blocks:tier': 'DEVELOPMENT' } });
    await expect(restoreReleaseCode(codePushRole, () => cfn([]), { tenantId: 'acme', account: '210987654321', region: 'us-east-1' }, { pollIntervalMs: 0 }))
      .rejects.toThrow(/not authorized to perform: lambda:UpdateFunctionCode/);
    // the pushed code stays: what H1 left behind before a change to PRODUCTION was refused while a push runs
    expect(fn.code.equals(appZip())).toBe(true);
  });

  test('throws when the release\'s object is gone', async () => {
    lambda.add('Tenant-acme-AppHandler-1', TAGS('acme'));
    await expect(restoreReleaseCode(() => lambda.client(), () => cfn([]), { tenantId: 'acme', account: '210987654321', region: 'us-east-1' }, { pollIntervalMs: 0 }))
      .rejects.toThrow(/NoSuchKey/);
  });
});

describe('pushed code never goes live as PRODUCTION', () => {
  const patch = (w: World, id: string, body: Record<string, unknown>) => w.call('PATCH', '/tenants/{tenantId}', { tenantId: id }, body);

  test('throws when a change to PRODUCTION is asked while pushed code runs: 409 CODE_PUSHED naming the push, nothing written', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    const pushed = await push(w, 'acme', pushBody(appZip()));
    expect(pushed.statusCode).toBe(200);
    const before = await w.scan();
    const res = await patch(w, 'acme', { settings: { tier: 'PRODUCTION' } });
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({ cause: 'CODE_PUSHED', codePush: { operationId: pushed.json.operationId, sha256: pushed.json.codeSha256 } });
    expect(res.json.message).toContain(`code push ${pushed.json.operationId}`);
    expect(res.json.message).toContain('deploy the release first (PATCH /tenants/acme without settings, or a rollout) to put the release\'s code back');
    expect(await w.scan()).toEqual(before);
    expect(w.executions).toEqual([]);
    await w.dispose();
  });

  test('a redeploy puts the release back, and the change to PRODUCTION is accepted after it', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    const restored: string[] = [];
    w.useWorkflow({ restoreCode: async (t) => { restored.push(t.tenantId); return { codeSha256: 'release' }; } });
    await deployedTenant(w, devSpec('acme'));
    expect((await push(w, 'acme', pushBody(appZip()))).statusCode).toBe(200);
    const redeploy = await patch(w, 'acme', {});
    expect(redeploy.statusCode).toBe(202);
    await finish(w, take(w, (e) => e.name === redeploy.json.operation.operationId), 'success');
    // before the build and after it (the workflow restores twice)
    expect([...new Set(restored)]).toEqual(['acme']);
    expect((await w.registry.getTenant('acme'))!.codePush).toBeUndefined();
    expect((await patch(w, 'acme', { settings: { tier: 'PRODUCTION' } })).statusCode).toBe(202);
    await w.dispose();
  });

  test('throws when a push is asked while a change to PRODUCTION waits for its deploy: 409 PRODUCTION_PENDING, nothing sent', async () => {
    const w = await world();
    lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    // scheduled: the change is recorded now and takes the lock in the window
    const scheduled = await patch(w, 'acme', { settings: { tier: 'PRODUCTION' }, inMaintenanceWindow: true });
    expect(scheduled.statusCode).toBe(202);
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(409);
    expect(res.json.cause).toBe('PRODUCTION_PENDING');
    expect(res.json.message).toMatch(/a change to PRODUCTION is asked and not deployed yet/);
    expect(lambda.calls).toEqual([]);
    await w.dispose();
  });
});

test('a destroy removes the code push mark: a DESTROYED tenant runs no pushed code', async () => {
  const w = await world();
  lambda.add('fn', TAGS('acme'));
  await deployedTenant(w, devSpec('acme'));
  expect((await push(w, 'acme', pushBody(appZip()))).statusCode).toBe(200);
  const destroyed = await w.call('DELETE', '/tenants/{tenantId}', { tenantId: 'acme' });
  expect(destroyed.statusCode).toBe(202);
  await finish(w, take(w, (e) => e.name === destroyed.json.operation.operationId), 'success');
  const t = (await w.registry.getTenant('acme'))!;
  expect([t.state, t.codePush]).toEqual(['DESTROYED', undefined]);
  await w.dispose();
});

describe('a push within the API function\'s time', () => {
  const deployedWithPush = async (w: World) => {
    const fn = lambda.add('fn', TAGS('acme'));
    await deployedTenant(w, devSpec('acme'));
    return fn;
  };

  test('an update that outlives the deadline ends FAILED (504) before Lambda stops the API: the mark stays, the tenant is unlocked', async () => {
    const w = await newWorld(dynamo.client, stack);
    w.use({ codePush: lambdaCodePushTarget(() => lambda.client(), { pollIntervalMs: 100, maxPolls: 1000 }), remainingTimeMs: () => 4000 });
    const fn = await deployedWithPush(w);
    // every update stays InProgress for 1,000 reads (100 s)
    fn.updatePolls = 1000;
    const started = Date.now();
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(504);
    // within the remaining time less the margin for the bookkeeping
    expect(Date.now() - started).toBeLessThan(4000);
    expect(res.json.message).toMatch(/did not finish before the API had to answer/);
    const op = (await w.registry.getOperation(res.json.operationId))!;
    expect(op).toMatchObject({ status: 'FAILED', outcome: { codeMayHaveChanged: true } });
    const t = (await w.registry.getTenant('acme'))!;
    expect([t.lockOperationId, t.codePush?.operationId]).toEqual([undefined, op.operationId]);
    await w.dispose();
  });

  test('the code push mark is written before the target updates the code, and the lock lasts the function\'s time, not 15 minutes', async () => {
    const w = await world();
    await deployedWithPush(w);
    const real = lambdaCodePushTarget(() => lambda.client(), { pollIntervalMs: 0 });
    let seen: { codePush?: unknown; lockExpiresAt?: string } = {};
    w.use({
      remainingTimeMs: () => 29_000,
      codePush: { push: async (request) => { seen = (await w.registry.getTenant('acme'))!; return real.push(request); } },
    });
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(200);
    expect(seen.codePush).toMatchObject({ operationId: res.json.operationId, sha256: res.json.codeSha256 });
    expect(Date.parse(seen.lockExpiresAt!) - w.now().getTime()).toBeLessThanOrEqual(29_000 + 60_000);
    await w.dispose();
  });

  test('a push refused before the code changed puts the previous mark back', async () => {
    const w = await world();
    await deployedWithPush(w);
    const first = await push(w, 'acme', pushBody(appZip('a')));
    expect(first.statusCode).toBe(200);
    const before = (await w.registry.getTenant('acme'))!.codePush;
    lambda.functions.delete('fn');
    const res = await push(w, 'acme', pushBody(appZip('b')));
    expect(res.statusCode).toBe(409);
    const t = (await w.registry.getTenant('acme'))!;
    expect([t.lockOperationId, t.codePush]).toEqual([undefined, before]);
    expect((await w.registry.getOperation(res.json.operationId))!.outcome).not.toHaveProperty('codeMayHaveChanged');
    await w.dispose();
  });

  test('a push that finishes after its lock expired and another operation took the tenant keeps its mark and says so', async () => {
    const w = await world();
    await deployedWithPush(w);
    const real = lambdaCodePushTarget(() => lambda.client(), { pollIntervalMs: 0 });
    w.use({
      codePush: {
        push: async (request) => {
          // the lock expires and the workflow of another operation takes the tenant (as its begin step does)
          w.advance(3600);
          await w.registry.lockTenant('acme', 'other-operation', new Date(w.now().getTime() + 600_000).toISOString(), w.now().toISOString());
          return real.push(request);
        },
      },
    });
    const res = await push(w, 'acme', pushBody(appZip()));
    expect(res.statusCode).toBe(200);
    const t = (await w.registry.getTenant('acme'))!;
    expect([t.lockOperationId, t.codePush?.operationId]).toEqual(['other-operation', res.json.operationId]);
    const op = (await w.registry.getOperation(res.json.operationId))!;
    expect(op.status).toBe('SUCCEEDED');
    expect(op.outcome?.lockLost).toMatch(/finished after its lock expired/);
    await w.dispose();
  });

  test.each([
    ['a change', (w: World) => w.call('PATCH', '/tenants/{tenantId}', { tenantId: 'acme' }, {})],
    ['another push', (w: World) => push(w, 'acme', pushBody(appZip('next')))],
    ['a drift detection', (w: World) => w.call('POST', '/tenants/{tenantId}/drift', { tenantId: 'acme' })],
  ])('%s over an expired push lock ends that push as FAILED', async (_name, next) => {
    const w = await world();
    await deployedWithPush(w);
    const t = (await w.registry.getTenant('acme'))!;
    // a push whose API function was stopped: RUNNING, its lock and its mark left behind
    const at = w.now().toISOString();
    await w.registry.putOperation({
      operationId: 'stopped-push', tenantId: 'acme', incarnation: 1, type: 'CODE_PUSH', status: 'RUNNING', requestedBy: CALLER, requestedAt: at, startedAt: at, specVersion: t.version, release: '1.0.0', changes: [],
    });
    await w.registry.lockTenant('acme', 'stopped-push', new Date(w.now().getTime() + 90_000).toISOString(), at, { fields: { codePush: { sha256: 'a'.repeat(64), operationId: 'stopped-push', at } } });
    w.advance(120);
    const res = await next(w);
    expect(res.statusCode).toBeLessThan(300);
    const op = (await w.registry.getOperation('stopped-push'))!;
    expect(op).toMatchObject({ status: 'FAILED', finishedAt: expect.any(String) });
    expect(op.reason).toMatch(/its lock expired at .* before it answered/);
    await w.dispose();
  });
});

describe('the fake Lambda behaves as Lambda does', () => {
  test('throws when a version is published while an update is in progress: 409 ResourceConflictException', async () => {
    const fn = lambda.add('fn', TAGS('acme'));
    fn.updatePolls = 5;
    const client = lambda.client();
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'fn', ZipFile: appZip() }));
    await expect(client.send(new PublishVersionCommand({ FunctionName: 'fn' }))).rejects.toMatchObject({ name: 'ResourceConflictException' });
    await expect(client.send(new UpdateFunctionCodeCommand({ FunctionName: 'fn', ZipFile: appZip('again') }))).rejects.toMatchObject({ name: 'ResourceConflictException' });
  });

  test('a client without a tag condition writes to any function; one with it only to matching ones', async () => {
    lambda.add('dev', TAGS('acme'));
    lambda.add('prod', TAGS('bank', 'PRODUCTION'));
    const conditioned = lambda.client({ requireTags: { 'tenant-blocks:tier': 'DEVELOPMENT' } });
    await expect(conditioned.send(new UpdateFunctionCodeCommand({ FunctionName: 'dev', ZipFile: appZip() }))).resolves.toMatchObject({ FunctionName: 'dev' });
    await expect(conditioned.send(new UpdateFunctionCodeCommand({ FunctionName: 'prod', ZipFile: appZip() }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(lambda.client().send(new UpdateFunctionCodeCommand({ FunctionName: 'prod', ZipFile: appZip() }))).resolves.toMatchObject({ FunctionName: 'prod' });
  });
});
