/**
 * The blocks side of the benchmark: one tenant as the example platform app builds it (key, network,
 * TenantPostgres, TenantFunction, CrossAccountLink with allowQuery/allowInvoke), loaded from the
 * compiled library (lib/, as a consumer would) so no TypeScript is compiled while measuring.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const blocks: typeof import('../src') = require('../lib');

const CODE = path.join(__dirname, '..', 'examples', 'platform', 'app-code');

export function blocksTenant(app: App, tenantId: string, env: { account: string; region: string }): Stack {
  const stack = new Stack(app, `Blocks-${tenantId}`, { env });
  const tier = blocks.TenantTier.DEVELOPMENT;
  const link = new blocks.CrossAccountLink(stack, 'Link', {
    tenantId,
    platformAccountId: '111111111111',
    platformRoleArns: ['arn:aws:iam::111111111111:role/tenant-blocks-query-console'],
    // a fresh random id per tenant, as a platform would (CrossAccountLink requires 32+ characters)
    externalId: blocks.CrossAccountLink.generateExternalId(),
    hub: blocks.PlatformHub.referenceFor('111111111111', env.region),
  });
  const encryptionKey = new blocks.TenantKey(stack, 'Key', { tenantId, tier });
  const network = new blocks.TenantNetwork(stack, 'Network', { tenantId, tier, encryptionKey, logShipping: link.logShipping });
  const database = new blocks.TenantPostgres(stack, 'Database', { tenantId, tier, network, encryptionKey, logShipping: link.logShipping });
  const fn = new blocks.TenantFunction(stack, 'App', {
    tenantId,
    tier,
    network,
    encryptionKey,
    logShipping: link.logShipping,
    database,
    code: blocks.TenantFunctionCode.fromAsset(CODE),
    handler: 'index.handler',
  });
  link.allowQuery(database);
  link.allowInvoke(fn);
  return stack;
}
