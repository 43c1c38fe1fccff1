// The link suppresses no compliance finding: with every acknowledgement in the app stripped, the
// link (with a hub, an organization and both allow* calls) has no finding at all.
import * as path from 'path';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { CrossAccountLink } from '../../../src/blocks/link';
import { PlatformHub } from '../../../src/platform/hub';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';
import { formatFindings } from '../../support/compliance';
import { auditSuppressions } from '../../support/suppression-audit';

const FIXTURE = path.join(__dirname, '..', 'function', 'fixtures', 'hello');

test('a link with a hub and grants needs no suppression: no raw finding on the link', () => {
  const stack = testStack('Tenant', { account: '210987654321', region: 'us-east-1' });
  let link: CrossAccountLink | undefined;
  const { recorded, raw } = auditSuppressions(() => {
    link = new CrossAccountLink(stack, 'Link', {
      tenantId: 'acme',
      platformAccountId: '111111111111',
      platformRoleArns: ['arn:aws:iam::111111111111:role/console'],
      externalId: CrossAccountLink.generateExternalId(),
      organizationId: 'o-abcdefghij',
      hub: PlatformHub.referenceFor('111111111111', 'us-east-1'),
    });
    const tier = TenantTier.DEVELOPMENT;
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, encryptionKey: key });
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network, encryptionKey: key });
    const fn = new TenantFunction(stack, 'App', { tenantId: 'acme', tier, network, encryptionKey: key, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
    link.allowQuery(database);
    link.allowInvoke(fn);
    return link;
  }, { sources: ['blocks/link/'] });
  expect(recorded).toEqual([]);
  // raw: the link's findings with every acknowledgement of the app stripped. The platform alias lives in the function.
  expect(formatFindings(raw)).toBe('no compliance findings');
  expect(link).toBeDefined();
});
