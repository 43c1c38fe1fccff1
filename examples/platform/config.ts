import * as fs from 'fs';
import * as path from 'path';

/** The platform account, where the PlatformHub lives. */
export interface PlatformConfig {
  readonly account: string;
  readonly region: string;
  readonly queryConsoleRoleArn: string;
  readonly provisionerRoleArn: string;
}

/** A public domain for a tenant's function. */
export interface DomainConfig {
  readonly hostedZoneId: string;
  readonly zoneName: string;
  readonly recordName: string;
}

/** One tenant, as the provisioner's database would describe it. */
export interface TenantConfig {
  readonly tenantId: string;
  readonly account: string;
  readonly tier: 'DEVELOPMENT' | 'PRODUCTION';
  readonly externalId: string;
  readonly allowedCidrs?: string[];
  readonly maintenanceWindow?: string;
  readonly maxCapacity?: number;
  readonly domain?: DomainConfig;
}

/** The tenants file. */
export interface PlatformFile {
  readonly platform: PlatformConfig;
  readonly tenants: TenantConfig[];
}

/** Reads and minimally checks the tenants file (the blocks validate every setting themselves). */
export function readTenantsFile(file = path.join(__dirname, 'tenants.json')): PlatformFile {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformFile;
  if (!parsed.platform || !Array.isArray(parsed.tenants)) {
    throw new Error(`${file}: expected { "platform": {...}, "tenants": [...] }`);
  }
  return parsed;
}

/** The AZ context the example synthesizes with, so no AWS account is needed. */
export function offlineContext(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'cdk.context.json'), 'utf8'));
}
