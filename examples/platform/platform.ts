import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlatformFile, TenantConfig } from './config';
import { TenantKey, TenantNetwork, TenantTier } from '../../src';

/** Kind of stack, for the summary. */
export type StackKind = 'platform' | 'tenant';

/** A stack of the platform app, with what the summary prints about it. */
export interface PlatformStack {
  readonly stack: Stack;
  readonly kind: StackKind;
  readonly tier: string;
}

/** Props of {@link TenantStack}. */
export interface TenantStackProps extends StackProps {
  readonly tenant: TenantConfig;
}

/** Everything one tenant gets, in the tenant's own account. */
export class TenantStack extends Stack {
  constructor(scope: Construct, id: string, props: TenantStackProps) {
    super(scope, id, props);
    const { tenant } = props;
    const tier = tenant.tier === 'PRODUCTION' ? TenantTier.PRODUCTION : TenantTier.DEVELOPMENT;
    const key = new TenantKey(this, 'Key', { tenantId: tenant.tenantId, tier });
    new TenantNetwork(this, 'Network', { tenantId: tenant.tenantId, tier, encryptionKey: key });
  }
}

/**
 * Builds the platform app from the tenants file: a hub stack in the platform account and one
 * stack per tenant in the tenant's account — the shape a provisioner service would run.
 */
export function buildPlatformApp(app: App, file: PlatformFile): PlatformStack[] {
  const stacks: PlatformStack[] = [];
  for (const tenant of file.tenants) {
    const stack = new TenantStack(app, `Tenant-${tenant.tenantId}`, {
      tenant,
      env: { account: tenant.account, region: file.platform.region },
      description: `cdk-tenant-blocks tenant ${tenant.tenantId} (${tenant.tier})`,
    });
    stacks.push({ stack, kind: 'tenant', tier: tenant.tier });
  }
  return stacks;
}
