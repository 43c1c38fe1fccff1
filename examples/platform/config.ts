import * as fs from 'fs';
import * as path from 'path';
import { CrossAccountLink } from '../../src';
import { TenantSpec, parseTenantSpec, parseTenantSpecs } from '../../src/tenant';

/** The platform account, where the PlatformHub lives (platform settings, not part of any tenant's spec). */
export interface PlatformConfig {
  readonly account: string;
  readonly region: string;
  readonly queryConsoleRoleArn: string;
  readonly provisionerRoleArn: string;
}

/** What the platform app is built from: its own settings and the tenants' specs. */
export interface PlatformFile {
  readonly platform: PlatformConfig;
  readonly tenants: TenantSpec[];
  /** Each tenant's link external id (see {@link externalIds}). */
  readonly externalIds: Record<string, string>;
  /** The tenants whose external id was generated for this run only. */
  readonly generatedExternalIds: string[];
}

/** The tenants file next to this script. */
export const DEFAULT_TENANTS_FILE = path.join(__dirname, 'tenants.json');
/** The platform settings next to this script. */
export const DEFAULT_PLATFORM_FILE = path.join(__dirname, 'platform.json');

/**
 * Reads the platform settings and the tenants file; the tenants are validated by
 * `parseTenantSpecs` (every problem of every tenant at once, with its JSON path), the same code the
 * provisioner's API and customers' CI use.
 *
 * @param tenantsFile a tenants file (`{ "$schema": ..., "tenants": [...] }`)
 * @param only build only this tenant (what the provisioner's build does for one operation)
 */
export function readPlatformFile(tenantsFile = DEFAULT_TENANTS_FILE, only?: string): PlatformFile {
  const platform = JSON.parse(fs.readFileSync(DEFAULT_PLATFORM_FILE, 'utf8')) as PlatformConfig;
  let tenants: TenantSpec[];
  try {
    tenants = parseTenantSpecs(JSON.parse(fs.readFileSync(tenantsFile, 'utf8')));
  } catch (e) {
    throw new Error(`${tenantsFile}: ${(e as Error).message}`);
  }
  if (only !== undefined) {
    tenants = tenants.filter((t) => t.tenantId === only);
    if (tenants.length === 0) throw new Error(`${tenantsFile}: no tenant "${only}"`);
  }
  const { ids, generated } = externalIds(tenants);
  return { platform, tenants, externalIds: ids, generatedExternalIds: generated };
}

/**
 * The one tenant the provisioner's build asks for (docs: "The platform app contract"): its spec as
 * JSON in `TENANT_SPEC_JSON`, validated again here with the same code as the API; its link external
 * id in `TENANT_EXTERNAL_ID` (kept by the platform with the tenant's record), else from
 * `TENANT_EXTERNAL_IDS_FILE`, else generated for this run only. Undefined when the variable is unset.
 */
export function readSpecFromEnvironment(): { platform: PlatformConfig; spec: TenantSpec; externalId: string; generated: boolean } | undefined {
  const text = process.env.TENANT_SPEC_JSON;
  if (text === undefined || text === '') return undefined;
  const platform = JSON.parse(fs.readFileSync(DEFAULT_PLATFORM_FILE, 'utf8')) as PlatformConfig;
  let spec: TenantSpec;
  try {
    spec = parseTenantSpec(JSON.parse(text));
  } catch (e) {
    throw new Error(`TENANT_SPEC_JSON: ${(e as Error).message}`);
  }
  const given = process.env.TENANT_EXTERNAL_ID;
  if (given) return { platform, spec, externalId: given, generated: false };
  const { ids, generated } = externalIds([spec]);
  return { platform, spec, externalId: ids[spec.tenantId], generated: generated.length > 0 };
}

/**
 * The link external id of every tenant. They are never committed: the platform generates one per
 * tenant once (`CrossAccountLink.generateExternalId()`), stores it with the tenant's record and
 * passes it here, as a JSON file `{ "<tenantId>": "<externalId>" }` named by the environment
 * variable `TENANT_EXTERNAL_IDS_FILE`. A tenant missing from it gets a fresh random id for this run
 * only: fine for a synth, wrong for a deploy (the platform could not assume the link).
 */
export function externalIds(tenants: TenantSpec[]): { ids: Record<string, string>; generated: string[] } {
  const file = process.env.TENANT_EXTERNAL_IDS_FILE;
  const stored = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const ids: Record<string, string> = {};
  const generated: string[] = [];
  for (const t of tenants) {
    const id = stored[t.tenantId];
    if (typeof id === 'string') {
      ids[t.tenantId] = id;
    } else {
      ids[t.tenantId] = CrossAccountLink.generateExternalId();
      generated.push(t.tenantId);
    }
  }
  return { ids, generated };
}

/** The AZ context the example synthesizes with, so no AWS account is needed. */
export function offlineContext(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'cdk.context.json'), 'utf8'));
}
