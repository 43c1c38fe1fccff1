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

/** The tenants, each with whether its logs ship through an organization destination (a sender role on every subscription filter). */
const SPECS: Array<TenantSpec & { readonly logsThroughOrganization?: boolean }> = [
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
  {
    tenantId: 'globex-org',
    tier: 'DEVELOPMENT' as TenantSpec['tier'],
    account: TENANT_ACCOUNT,
    database: { maxCapacity: 2 },
    function: {},
    // The hub on the organization path: CloudFormation passes the sender role to CloudWatch Logs.
    logsThroughOrganization: true,
  },
];

let cache: BlockTemplate[] | undefined;

/** Every tenant template, synthesized once per test file. */
export function blockTemplates(): BlockTemplate[] {
  if (cache) return cache;
  cache = SPECS.map(({ logsThroughOrganization, ...spec }) => {
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
      logsThroughOrganization,
    });
    return { name: `${spec.tenantId} (${spec.tier}${logsThroughOrganization ? ', logs through the organization' : ''})`, template: app.synth().getStackByName(stack.stackName).template };
  });
  return cache;
}
