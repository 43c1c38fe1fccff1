import * as fs from 'fs';
import * as path from 'path';
import { CfnOutput, Lazy, Stack } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { TenantFunction } from '../blocks/function/tenant-function';
import type { CrossAccountLink } from '../blocks/link/cross-account-link';
import type { TenantPostgres } from '../blocks/postgres/tenant-postgres';
import type { TenantNetwork } from '../core/tenant-network';
import { TenantTier } from '../core/tier';

/** Props of {@link TenantManifest}. */
export interface TenantManifestProps {
  /** The tenant. */
  readonly tenantId: string;

  /** The tenant's tier. */
  readonly tier: TenantTier;

  /**
   * Whether this is the manifest of a stack other than the tenant's own (it then omits the
   * tenant-wide entries: tier and library version).
   *
   * @default false
   */
  readonly part?: boolean;
}

/** The prefix of every manifest parameter: `/tenant-blocks/<tenantId>/`. */
export const MANIFEST_PREFIX = '/tenant-blocks/';

/**
 * The version of this library (from its package.json), recorded in every manifest.
 *
 * @internal
 */
export function libraryVersion(): string {
  for (const candidate of [path.join(__dirname, '..', '..', 'package.json'), path.join(__dirname, '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk-tenant-blocks' && pkg.version) return pkg.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

/**
 * What a tenant's stack publishes for the platform, so nothing has to parse templates: one SSM
 * String parameter per value under `/tenant-blocks/<tenantId>/`, and one stack output
 * `TenantManifest<TenantIdInPascalCase>` holding the same entries as a JSON object (names
 * relative to the prefix). Never a secret value: secrets appear as ARNs.
 *
 * Stable names (`<id>` is the block's construct id in kebab-case, e.g. `App` → `app`):
 * - `tier`, `library-version` (the tenant's own stack)
 * - `link/role-arn`
 * - `network/flow-log-group-name`
 * - `database/<id>/cluster-arn`, `database/<id>/endpoint`, `database/<id>/port`,
 *   `database/<id>/database-name`, `database/<id>/app-secret-arn`,
 *   `database/<id>/read-only-secret-arn`, `database/<id>/admin-secret-arn`,
 *   `database/<id>/log-group-name`
 * - `function/<id>/url`, `function/<id>/function-arn` (the live alias), `function/<id>/log-group-name`
 *
 * Created by `Tenant`; usable on its own with the `record*` methods.
 */
export class TenantManifest extends Construct {
  /**
   * The parameter name of a manifest entry: `/tenant-blocks/<tenantId>/<entry>`.
   *
   * @param tenantId the tenant
   * @param entry the entry, e.g. `database/database/cluster-arn`
   */
  public static parameterName(tenantId: string, entry: string): string {
    return `${MANIFEST_PREFIX}${tenantId}/${entry}`;
  }

  /** The tenant. */
  public readonly tenantId: string;

  private readonly entries: { [entry: string]: string } = {};

  /**
   * @param scope the stack (or a construct in it)
   * @param id the construct id
   * @param props the tenant
   */
  constructor(scope: Construct, id: string, props: TenantManifestProps) {
    super(scope, id);
    this.tenantId = props.tenantId;
    if (!props.part) {
      this.record('tier', props.tier);
      this.record('library-version', libraryVersion());
    }
    const outputId = `TenantManifest${props.tenantId.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
    const output = new CfnOutput(this, 'Output', {
      description: `cdk-tenant-blocks manifest of tenant ${props.tenantId} (entries under ${MANIFEST_PREFIX}${props.tenantId}/)`,
      value: Lazy.string({ produce: () => Stack.of(this).toJsonString(this.entries) }),
    });
    // A fixed output name, not a generated one: the platform reads it by name.
    output.overrideLogicalId(outputId);
  }

  /** The entries recorded so far (names relative to `/tenant-blocks/<tenantId>/`). */
  public get recorded(): { [entry: string]: string } {
    return { ...this.entries };
  }

  /**
   * Records the link's role ARN.
   *
   * @param link the tenant's link
   */
  public recordLink(link: CrossAccountLink): void {
    this.record('link/role-arn', link.roleArn);
  }

  /**
   * Records why the tenant has no link (`TenantPlatformSettings.noLinkReason`), so the platform
   * can tell a deliberate dark tenant from a forgotten link.
   *
   * @param reason the reason given
   */
  public recordNoLink(reason: string): void {
    this.record('link/none-reason', reason);
  }

  /**
   * Records the network's flow log group (a network on an imported VPC has none).
   *
   * @param network the tenant's network
   */
  public recordNetwork(network: TenantNetwork): void {
    if (network.flowLogGroup) this.record('network/flow-log-group-name', network.flowLogGroup.logGroupName);
  }

  /**
   * Records a database: cluster ARN, endpoint, port, name, secret ARNs (never values), log group.
   *
   * @param id the database's construct id
   * @param db the database
   */
  public recordPostgres(id: string, db: TenantPostgres): void {
    const base = `database/${kebab(id)}`;
    this.record(`${base}/cluster-arn`, db.cluster.clusterArn);
    this.record(`${base}/endpoint`, db.endpointHost);
    this.record(`${base}/port`, String(db.port));
    this.record(`${base}/database-name`, db.databaseName);
    this.record(`${base}/app-secret-arn`, db.appSecret.secretArn);
    this.record(`${base}/read-only-secret-arn`, db.readOnlySecret.secretArn);
    this.record(`${base}/admin-secret-arn`, db.adminSecret.secretArn);
    this.record(`${base}/log-group-name`, db.logGroup.logGroupName);
  }

  /**
   * Records a function: URL, live alias ARN, log group.
   *
   * @param id the function's construct id
   * @param fn the function
   */
  public recordFunction(id: string, fn: TenantFunction): void {
    const base = `function/${kebab(id)}`;
    this.record(`${base}/url`, fn.url);
    this.record(`${base}/function-arn`, fn.function.functionArn);
    this.record(`${base}/log-group-name`, fn.logGroup.logGroupName);
  }

  private record(entry: string, value: string): void {
    if (entry in this.entries) {
      throw new Error(`TenantManifest of tenant "${this.tenantId}": the entry ${entry} is recorded twice; give the blocks distinct construct ids`);
    }
    this.entries[entry] = value;
    new ssm.StringParameter(this, entry, {
      parameterName: TenantManifest.parameterName(this.tenantId, entry),
      stringValue: value,
      description: `cdk-tenant-blocks manifest of tenant ${this.tenantId}: ${entry}`,
      // Standard tier: free, and 4 KB is plenty for an ARN, a name or a URL.
      tier: ssm.ParameterTier.STANDARD,
    });
  }
}

/** `OrdersDb` → `orders-db`, `App` → `app`: SSM-safe, stable entry names. */
function kebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
