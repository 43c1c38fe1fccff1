import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { CrossAccountLink, TenantFunctionCode } from '../../src';
import { Tenant, TenantSpec } from '../../src/tenant';
import { testApp } from '../support/app';
import { complianceFindings, formatFindings } from '../support/compliance';

describe('a tenant built from a spec', () => {
  test.each([
    ['a hub that lists the account', undefined],
    ['a hub that admits the organization (sender role on every filter)', true],
  ])('passes every compliance gate with %s', (_name, logsThroughOrganization) => {
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } });
    const spec: TenantSpec = { tenantId: 'initech-dev', tier: 'DEVELOPMENT' as TenantSpec['tier'], account: '210987654321', database: { maxCapacity: 2 } };
    Tenant.fromSpec(stack, 'Tenant', spec, {
      platformAccountId: '111111111111',
      platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
      externalId: CrossAccountLink.generateExternalId(),
      logsThroughOrganization,
    });
    expect(formatFindings(complianceFindings(stack))).toBe('no compliance findings');
  }, 600_000);

  test('passes every compliance gate (cdk-nag packs and Control Tower rules), manifest parameters included', () => {
    // GIVEN
    const stack = new Stack(testApp(), 'Tenant', { env: { account: '210987654321', region: 'us-east-1' } });
    const spec: TenantSpec = {
      tenantId: 'initech-dev',
      tier: 'DEVELOPMENT' as TenantSpec['tier'],
      account: '210987654321',
      database: { maxCapacity: 2 },
      function: {},
    };
    // WHEN
    Tenant.fromSpec(stack, 'Tenant', spec, {
      platformAccountId: '111111111111',
      platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
      externalId: CrossAccountLink.generateExternalId(),
      functionCode: TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello')),
    });
    // THEN
    const findings = complianceFindings(stack);
    expect(formatFindings(findings)).toBe('no compliance findings');
  }, 600_000);
});
