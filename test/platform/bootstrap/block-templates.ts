/**
 * The templates the tenant-account bootstrap must be able to deploy: a tenant built from a spec
 * (TenantPostgres, TenantFunction, CrossAccountLink, TenantNetwork, TenantKey, log shipping) in both
 * tiers, the DEVELOPMENT one minimal, the PRODUCTION one with every optional part (custom domain
 * with its certificate and DNS record, routed customer networks through a transit gateway,
 * internet egress, client CIDRs) — synthesized as the provisioner's build synthesizes them: with
 * the bootstrap's permissions boundary in the app's context.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { CrossAccountLink, TenantFunctionCode } from '../../../src';
import { TENANT_PERMISSIONS_BOUNDARY_NAME } from '../../../src/platform/bootstrap/tenant-account-bootstrap';
import { Tenant, TenantSpec } from '../../../src/tenant';
import { AZ_CONTEXT } from '../../support/app';

/** The tenant account of the templates. */
export const TENANT_ACCOUNT = '210987654321';

/** One synthesized tenant template. */
export interface BlockTemplate {
  readonly name: string;
  readonly template: Record<string, any>;
}

const SPECS: TenantSpec[] = [
  {
    tenantId: 'initech-dev',
    tier: 'DEVELOPMENT' as TenantSpec['tier'],
    account: TENANT_ACCOUNT,
    database: { maxCapacity: 2 },
    function: {},
  },
  {
    tenantId: 'acme',
    tier: 'PRODUCTION' as TenantSpec['tier'],
    account: TENANT_ACCOUNT,
    network: { vpcCidr: '10.20.0.0/16', routedCidrs: ['203.0.113.0/24'], transitGatewayId: 'tgw-0a1b2c3d4e5f60718' },
    database: { allowedCidrs: ['203.0.113.0/24'], maintenanceWindow: 'sun:03:00-sun:03:30', maxCapacity: 16 },
    function: {
      allowedCidrs: ['203.0.113.0/24'],
      internetEgress: true,
      domain: { hostedZoneId: 'Z0123456789ACMEEXAMPLE', zoneName: 'acme.apps.example.com', recordName: 'api' },
    } as TenantSpec['function'],
  },
];

let cache: BlockTemplate[] | undefined;

/** Every tenant template, synthesized once per test file. */
export function blockTemplates(): BlockTemplate[] {
  if (cache) return cache;
  cache = SPECS.map((spec) => {
    const app = new App({
      context: {
        ...AZ_CONTEXT,
        '@aws-cdk/core:failSynthOnValidationErrors': false,
        // As the platform app sets it (docs/platform/access.md): every role CloudFormation creates carries the boundary.
        '@aws-cdk/core:permissionsBoundary': { name: TENANT_PERMISSIONS_BOUNDARY_NAME },
      },
    });
    const stack = new Stack(app, `Tenant-${spec.tenantId}`, { env: { account: TENANT_ACCOUNT, region: 'us-east-1' } });
    Tenant.fromSpec(stack, 'Tenant', spec, {
      platformAccountId: '111111111111',
      platformRoleArns: ['arn:aws:iam::111111111111:role/platform/query-console'],
      externalId: CrossAccountLink.generateExternalId(),
      functionCode: TenantFunctionCode.fromAsset(path.join(__dirname, '..', '..', 'blocks', 'function', 'fixtures', 'hello')),
    });
    return { name: `${spec.tenantId} (${spec.tier})`, template: app.synth().getStackByName(stack.stackName).template };
  });
  return cache;
}
