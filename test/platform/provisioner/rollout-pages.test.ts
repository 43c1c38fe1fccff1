// A rollout of 20,000 tenants: the plan's wave membership lives in the rollout store's pages, not
// in the rollout item, whose size must stay under DynamoDB's 400 KB item limit at any fleet size
// (at about 10,000 tenants with realistic ids, `waves[].tenants` on the item passed it).
import { BatchWriteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LocalDynamo, createRegistryTable, devSpec, provisionerStack, startDynalite, testConfig, CALLER } from './support';
import { handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { boundedWaves, marshallItem, Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { planRollout, readWavePage, WAVE_PAGE_SIZE } from '../../../src/platform/provisioner/rollout-store.lambda-shared';

jest.setTimeout(600_000);

const COUNT = 20_000;
let dynamo: LocalDynamo;
beforeAll(async () => { dynamo = await startDynalite(); });
afterAll(async () => dynamo.close());

/** Tenant ids as a platform names them: about 30 characters. */
const idOf = (i: number) => `customer-${String(i).padStart(5, '0')}-production-eu`;

/**
 * The plan step writes the waves with their tenant lists; the registry keeps the lists on the
 * item only for a small plan (20,000 tenants: counts only), so the item stays small. Before, the
 * update failed here: "Item size to update has exceeded the maximum allowed size".
 */
test('a rollout of 20,000 tenants keeps its item under 400 KB; its waves are pages that hold every tenant once', async () => {
  const tableName = 'rollout-pages';
  await createRegistryTable(dynamo.client, tableName, provisionerStack().stack);
  const registry = new Registry(dynamo.client, tableName);
  const config = testConfig(tableName);
  const now = new Date().toISOString();
  const ids = Array.from({ length: COUNT }, (_, i) => idOf(i + 1));
  for (let i = 0; i < ids.length; i += 25) {
    await dynamo.client.send(new BatchWriteItemCommand({
      RequestItems: {
        [tableName]: ids.slice(i, i + 25).map((tenantId) => ({
          PutRequest: {
            Item: marshallItem({
              pk: `TENANT#${tenantId}`,
              sk: '#TENANT',
              gsi1pk: 'TENANTS',
              gsi1sk: tenantId,
              tenantId,
              account: '210987654321',
              region: 'us-east-1',
              tier: 'DEVELOPMENT',
              spec: devSpec(tenantId),
              deployedSpec: devSpec(tenantId),
              version: 1,
              release: '1.0.0',
              state: 'ACTIVE',
              createdAt: now,
              updatedAt: now,
              deployedVersion: 1,
              deployedRelease: '1.0.0',
              incarnation: 1,
            }),
          },
        })),
      },
    }));
  }
  await registry.putRollout({
    rolloutId: 'r-big',
    release: '2.0.0',
    status: 'PENDING',
    requestedBy: CALLER,
    createdAt: now,
    request: { release: '2.0.0', canaries: [], canaryPercent: 1, waveSize: 5000, maxConcurrency: 50, toleratedFailurePercentage: 5, approvalBetweenWaves: false, respectMaintenanceWindows: false },
  });
  const noStacks = () => { throw new Error('no stacks'); };
  const plan = await planRollout({ rolloutId: 'r-big' }, { registry, config, client: dynamo.client, stacks: noStacks });
  // 200 canaries, then waves of 5,000
  expect(plan.waveCount).toBe(1 + Math.ceil((COUNT - 200) / 5000));

  const item = await dynamo.client.send(new GetItemCommand({ TableName: tableName, Key: marshallItem({ pk: 'ROLLOUT#r-big', sk: '#ROLLOUT' }) }));
  const size = Buffer.byteLength(JSON.stringify(item.Item), 'utf8');
  expect(size).toBeLessThan(64 * 1024);

  const seen: string[] = [];
  for (let wave = 0; wave < Number(plan.waveCount); wave++) {
    for (let page = 0; ; page++) {
      const p = await readWavePage({ rolloutId: 'r-big', waveIndex: wave, page }, { registry, config, client: dynamo.client, stacks: noStacks });
      seen.push(...(p.items as Array<{ tenantId: string }>).map((t) => t.tenantId));
      expect((p.items as unknown[]).length).toBeLessThanOrEqual(WAVE_PAGE_SIZE);
      if (!p.hasMorePages) break;
    }
  }
  expect(seen.length).toBe(COUNT);
  expect(new Set(seen).size).toBe(COUNT);

  // The API shows the rollout and any page of a wave.
  const res = await handleApiRequest({
    resource: '/rollouts/{rolloutId}',
    httpMethod: 'GET',
    pathParameters: { rolloutId: 'r-big' },
    queryStringParameters: { wave: '1', page: '3' },
    requestContext: { identity: { userArn: CALLER } },
  }, { registry, config, workflows: { startExecution: async () => undefined, sendTaskSuccess: async () => undefined } });
  expect(res.statusCode).toBe(200);
  expect(JSON.parse(res.body).wave.tenants).toHaveLength(WAVE_PAGE_SIZE);
});

test.each([
  ['a small plan keeps its tenant lists and gains counts', 3, 2, true],
  ['a plan over 1,000 tenants keeps counts only', 600, 2, false],
])('boundedWaves: %s', (_name, perWave, waves, listed) => {
  const tenantsOf = (index: number) => Array.from({ length: perWave }, (__, i) => idOf(index * perWave + i));
  const plan = Array.from({ length: waves }, (_, index) => ({ index, status: 'PENDING', tenants: tenantsOf(index) }));
  const kept = boundedWaves(plan);
  const expected = plan.map(() => [perWave, Math.ceil(perWave / WAVE_PAGE_SIZE), listed]);
  expect(kept.map((w) => [w.tenantCount, w.pageCount, Array.isArray(w.tenants)])).toEqual(expected);
});
