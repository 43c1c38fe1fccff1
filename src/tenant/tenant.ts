import { Aspects, Duration, IAspect, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, IConstruct } from 'constructs';
import { TenantCollisions } from './tenant-collisions';
import { TenantDashboard } from './tenant-dashboard';
import { TenantManifest } from './tenant-manifest';
import type { TenantDatabaseSpec, TenantFunctionSpec, TenantSpec } from './tenant-spec';
import { backupCopyVaultProblems, validateTenantSpec } from './validate-tenant-spec';
import { TenantFunction, TenantFunctionDomain } from '../blocks/function/tenant-function';
import { TenantFunctionCode } from '../blocks/function/tenant-function-code';
import { TenantRuntime } from '../blocks/function/tenant-runtime';
import { CrossAccountLink } from '../blocks/link/cross-account-link';
import { LogSender } from '../blocks/link/log-sender';
import { TenantPostgres } from '../blocks/postgres/tenant-postgres';
import { LogShipping } from '../core/log-shipping';
import { MaintenanceWindow } from '../core/maintenance-window';
import { PlatformHubReference } from '../core/platform-hub-reference';
import { TierDefaults } from '../core/tenant-defaults';
import { TenantKey } from '../core/tenant-key';
import { TenantNetwork } from '../core/tenant-network';
import { TenantTier } from '../core/tier';
import { PropsValidation } from '../core/validation';
import { PlatformHub } from '../platform/hub/platform-hub';

/** The platform side of a tenant's cross-account link (see `CrossAccountLinkProps`). */
export interface TenantLinkSettings {
  /** The platform account (12 digits). */
  readonly platformAccountId: string;

  /** The platform roles allowed to assume the link (IAM role ARNs in the platform account, at most 10). */
  readonly platformRoleArns: string[];

  /**
   * The external id the platform passes when it assumes the link: 16-1224 characters. Generate a
   * random one per tenant (e.g. `crypto.randomUUID()` twice, without hyphens), record it on the
   * platform side, never commit it.
   */
  readonly externalId: string;

  /**
   * The AWS Organizations id the platform roles must belong to.
   *
   * @default - no organization condition
   */
  readonly organizationId?: string;

  /**
   * The platform hub receiving the tenant's change events and logs.
   *
   * @default - nothing is forwarded and logs are not shipped
   */
  readonly hub?: PlatformHubReference;

  /**
   * Whether the hub admits the tenant's account through its AWS Organization (see
   * `CrossAccountLinkProps.logsThroughOrganization`): every stack holding the tenant's blocks then
   * gets a log sender role, named on its subscription filters to the hub.
   *
   * @default false - the hub lists the tenant's account
   */
  readonly logsThroughOrganization?: boolean;
}

/** Props of {@link Tenant}. */
export interface TenantProps {
  /** The tenant id (3-31 lowercase letters, digits and hyphens, starting with a letter). */
  readonly tenantId: string;

  /**
   * The tenant's tier, for every block of the tenant.
   *
   * @default TenantTier.PRODUCTION
   */
  readonly tier?: TenantTier;

  /**
   * The tenant key for every block.
   *
   * @default - a new TenantKey, child `Key` of the tenant
   */
  readonly encryptionKey?: TenantKey;

  /**
   * The tenant network for every block.
   *
   * @default - a new TenantNetwork, child `Network` of the tenant, created when the first block needs it
   */
  readonly network?: TenantNetwork;

  /**
   * Platform-side: the address range of the VPC the tenant creates (see `TenantNetworkProps.vpcCidr`).
   * Only with a network the tenant creates (not with `network`).
   *
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;

  /**
   * Platform-side: customer networks routed into the VPC the tenant creates, through
   * `transitGatewayId` (see `TenantNetworkProps.routedCidrs`). Only with a network the tenant creates.
   *
   * @default - none: only clients inside the tenant VPC are reachable
   */
  readonly routedCidrs?: string[];

  /**
   * Platform-side: the Transit Gateway the `routedCidrs` are routed to (see
   * `TenantNetworkProps.transitGatewayId`). Only with a network the tenant creates.
   *
   * @default - no attachment
   */
  readonly transitGatewayId?: string;

  /**
   * The cross-account link, created with the tenant (or later with `addLink`).
   *
   * @default - no link until `addLink` is called
   */
  readonly link?: TenantLinkSettings;

  /**
   * Where every log group of every block of the tenant is shipped.
   *
   * @default - the link's hub when the tenant has a link with a hub, otherwise nowhere
   */
  readonly logShipping?: LogShipping;

  /**
   * Whether the tenant keeps a CloudWatch dashboard ({@link TenantDashboard}) in every stack
   * holding its blocks: `tenant-blocks-<tenantId>` in the tenant's own stack,
   * `tenant-blocks-<tenantId>-<stackName>` in another, each with one row per block created through
   * the tenant (its alarms and key metrics). A dashboard costs $3 a month beyond the account's
   * first 3.
   *
   * @default - true in PRODUCTION; false in DEVELOPMENT, whose idle-cost goal is $25 a month for a
   * database-only tenant and $40 with a function (a dashboard would be 8-12 % of it), and whose
   * alarms reach the platform without one
   */
  readonly dashboard?: boolean;
}

/** The customer's settings of a tenant database (`TenantPostgresProps` without the tenant's wiring). */
export interface TenantPostgresSettings {
  /**
   * Networks allowed to reach the database port.
   *
   * @default - no access from outside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The weekly maintenance window (UTC).
   *
   * @default - MaintenanceWindow.defaultFor(tenantId)
   */
  readonly maintenanceWindow?: MaintenanceWindow;

  /**
   * Largest capacity in ACUs, 1-256 in steps of 0.5.
   *
   * @default - 2 in DEVELOPMENT, 16 in PRODUCTION
   */
  readonly maxCapacity?: number;

  /**
   * Point-in-time recovery, 1-35 whole days.
   *
   * @default - 35 days in every tier (a tier change never shortens it)
   */
  readonly backupRetention?: Duration;

  /**
   * The database created with the cluster.
   *
   * @default 'app'
   */
  readonly databaseName?: string;

  /**
   * A backup vault in another account of the same AWS Organization, in the tenant's region
   * (usually `PlatformHub.backupVaultArn`), that receives a copy of every daily recovery point
   * (see `TenantPostgresProps.backupCopyVaultArn`).
   *
   * @default - no copy outside the tenant account
   */
  readonly backupCopyVaultArn?: string;
}

/** The app's settings of a tenant function (`TenantFunctionProps` without the tenant's wiring). */
export interface TenantFunctionSettings {
  /** The function's code. */
  readonly code: TenantFunctionCode;

  /** The entry point, `file.function`. */
  readonly handler: string;

  /**
   * The runtime.
   *
   * @default TenantRuntime.NODEJS_24_X
   */
  readonly runtime?: TenantRuntime;

  /**
   * Memory in MiB, 128-10240.
   *
   * @default 512
   */
  readonly memorySize?: number;

  /**
   * Timeout, 1 second to 15 minutes.
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * Environment variables (no credentials: use `secrets`).
   *
   * @default - only the variables the block sets
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets the code reads (environment variable name to secret).
   *
   * @default - no secrets
   */
  readonly secrets?: { [envName: string]: secretsmanager.ISecret };

  /**
   * A database of this tenant the function uses.
   *
   * @default - no database
   */
  readonly database?: TenantPostgres;

  /**
   * Who may reach the endpoint.
   *
   * @default - only clients inside the VPC
   */
  readonly allowedCidrs?: string[];

  /**
   * The domain to serve the function on (required in PRODUCTION).
   *
   * @default - no domain (DEVELOPMENT only)
   */
  readonly domain?: TenantFunctionDomain;

  /**
   * Reserved concurrency (1-20 in DEVELOPMENT, 2-800 in PRODUCTION).
   *
   * @default - no reservation: the function shares the account's unreserved pool
   */
  readonly reservedConcurrency?: number;

  /**
   * Whether the function may reach the internet over HTTPS; the tenant's network then gets NAT
   * (one NAT gateway per AZ in PRODUCTION, one NAT instance in DEVELOPMENT).
   *
   * @default false - no route to the internet; the function reaches the tenant's AWS endpoints only
   */
  readonly internetEgress?: boolean;

  /**
   * Whether the function's data is disposable (deleted with the stack); refused in PRODUCTION
   * (see `TenantFunctionProps.disposableData`).
   *
   * @default false - the data is kept in every tier
   */
  readonly disposableData?: boolean;
}

/** Where a tenant block goes: by default under the tenant, or in another stack. */
export interface TenantBlockOptions {
  /**
   * The construct (usually another stack of the same account and region) to create the block
   * in, e.g. an app stack next to the tenant's data stack.
   *
   * @default - the tenant itself
   */
  readonly scope?: Construct;
}

/** The platform side of `Tenant.fromSpec`: what a spec does not hold. */
export interface TenantPlatformSettings {
  /**
   * The platform account (12 digits); with `platformRoleArns` and `externalId` it creates the
   * tenant's link.
   *
   * @default - no link
   */
  readonly platformAccountId?: string;

  /**
   * The platform roles that may assume the link.
   *
   * @default - no link
   */
  readonly platformRoleArns?: string[];

  /**
   * This tenant's link external id (generated per tenant and kept by the platform, never in a
   * committed file).
   *
   * @default - no link
   */
  readonly externalId?: string;

  /**
   * Why this tenant has no link (a non-empty sentence, kept in the tenant's manifest). Without a
   * link a tenant deploys dark: no logs, events, alarms or history reach the platform and it cannot
   * query or invoke the tenant. So a spec tenant without `platformAccountId`, `platformRoleArns` and
   * `externalId` is an error unless this says why (e.g. a sandbox the platform never operates).
   *
   * @default - none: the link settings are required
   */
  readonly noLinkReason?: string;

  /**
   * The AWS Organizations id the platform roles belong to.
   *
   * @default - no organization condition
   */
  readonly organizationId?: string;

  /**
   * Whether the link forwards events and logs to the platform's hub in the tenant's region
   * (`PlatformHub.referenceFor(platformAccountId, region)`).
   *
   * @default true
   */
  readonly useHub?: boolean;

  /**
   * Whether the platform's hub admits tenant accounts through its AWS Organization (a `PlatformHub`
   * with `organizationId` and no `tenantAccountIds`): the tenant's log subscriptions then name a
   * sender role (see `CrossAccountLinkProps.logsThroughOrganization`). Only with the hub.
   *
   * @default false - the hub lists the tenant's account
   */
  readonly logsThroughOrganization?: boolean;

  /**
   * The code of the tenant's function (the platform's app release); required when the spec has
   * a `function`. One instance may serve every tenant.
   *
   * @default - none: a spec with a function is rejected
   */
  readonly functionCode?: TenantFunctionCode;

  /**
   * The entry point of the function.
   *
   * @default 'index.handler'
   */
  readonly functionHandler?: string;

  /**
   * Whether the tenant keeps a CloudWatch dashboard (see `TenantProps.dashboard`).
   *
   * @default - true in PRODUCTION, false in DEVELOPMENT (idle cost)
   */
  readonly dashboard?: boolean;

  /**
   * Environment variables of the function (platform configuration, not customer settings).
   *
   * @default - only the variables the block sets
   */
  readonly functionEnvironment?: { [key: string]: string };
}

/** The construct ids the Tenant gives what it creates (stable: renaming one replaces a resource). */
const IDS = { key: 'Key', network: 'Network', link: 'Link', manifest: 'Manifest', database: 'Database', function: 'App', zone: 'Zone', dashboard: 'Dashboard' };

/** Tenants of each app, by `<account>/<region>/<tenantId>`: one tenant exists once per account and region. */
const TENANTS = new WeakMap<IConstruct, Map<string, Tenant>>();
/** Links of each app, by `<account>/<tenantId>`: IAM is global, the link role name exists once per account. */
const LINKS = new WeakMap<IConstruct, Map<string, CrossAccountLink>>();

/**
 * One tenant as one object: identity, tier, key, network, log shipping and link, held once.
 * Blocks are created through it (`addPostgres`, `addFunction`) in any order, under the tenant or
 * in another stack of the same account and region, with the tenant's wiring passed explicitly;
 * every log group of every block is shipped whatever the order (an Aspect checks them at
 * synthesis), and the tenant publishes a manifest (SSM parameters under
 * `/tenant-blocks/<tenantId>/`, see {@link TenantManifest}). In PRODUCTION (or with
 * `dashboard: true`) every stack holding its blocks also gets a CloudWatch dashboard with a row per
 * block ({@link TenantDashboard}).
 *
 * Collisions are synth errors: a tenant exists once per account and region in an app (its key
 * alias and link role name are fixed), has at most one database per stack (the vault name) and
 * one link.
 *
 * The blocks keep their explicit props for users who wire by hand.
 *
 * Stable: the props, the methods, the construct ids of what the tenant creates (`Key`, `Network`,
 * `Link`, `Manifest`, `Dashboard`, and `Database`/`App` from `fromSpec`; renaming one would replace resources)
 * and the manifest names. Error messages may improve between minor releases.
 *
 * @example
 * const tenant = new Tenant(stack, 'Acme', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
 * const db = tenant.addPostgres('Database', { maxCapacity: 4 });
 * tenant.addFunction('App', { code: TenantFunctionCode.fromAsset('app'), handler: 'index.handler', database: db });
 */
export class Tenant extends Construct {
  /**
   * Builds a tenant from a spec (as parsed by `parseTenantSpecs`) in one call: the tenant, its
   * database, its function (with the database) and its link, with the platform's settings.
   *
   * @param scope the tenant's stack, in the spec's account and region
   * @param id the construct id of the tenant
   * @param spec the tenant's spec (validated again here)
   * @param platform what the spec does not hold: the link's platform side, the function code
   * @throws Error listing every problem of the spec, or of the platform settings and the stack
   */
  public static fromSpec(scope: Construct, id: string, spec: TenantSpec, platform?: TenantPlatformSettings): Tenant {
    const settings = platform ?? {};
    Tenant.validateFromSpec(scope, spec, settings);
    const tenant = new Tenant(scope, id, {
      tenantId: spec.tenantId,
      tier: spec.tier,
      link: Tenant.linkFromSpec(Stack.of(scope), spec, settings),
      dashboard: settings.dashboard,
      vpcCidr: spec.network?.vpcCidr,
      routedCidrs: spec.network?.routedCidrs,
      transitGatewayId: spec.network?.transitGatewayId,
    });
    if (settings.noLinkReason !== undefined) tenant.manifest.recordNoLink(settings.noLinkReason);
    const database = spec.database ? tenant.addSpecDatabase(spec.database) : undefined;
    const fn = spec.function ? tenant.addSpecFunction(spec.function, settings, database) : undefined;
    if (tenant.link) {
      if (database && (spec.link?.allowQuery ?? true)) tenant.allowQuery(database);
      if (fn && (spec.link?.allowInvoke ?? true)) tenant.allowInvoke(fn);
    }
    return tenant;
  }

  /**
   * The tenants of the app of `scope` (every stack), e.g. for a summary or a check.
   *
   * @param scope any construct of the app
   */
  public static allOf(scope: IConstruct): Tenant[] {
    return [...(TENANTS.get(scope.node.root)?.values() ?? [])];
  }

  /** The network settings are TenantNetwork's (checked here, before anything is created) and only for a network the tenant creates. */
  private static validateNetworkSettings(v: PropsValidation, props: TenantProps): void {
    v.vpcCidr('vpcCidr', props.vpcCidr);
    v.routedNetworks('routedCidrs', props.routedCidrs, props.vpcCidr);
    v.pattern('transitGatewayId', '^tgw-[0-9a-f]{8,17}$', 'a Transit Gateway id (tgw- and 8-17 hexadecimal digits)', props.transitGatewayId);
    if (props.network && (props.vpcCidr ?? props.routedCidrs ?? props.transitGatewayId) !== undefined) {
      v.add('network', 'is given with vpcCidr, routedCidrs or transitGatewayId: those configure the network the tenant creates; set them on the TenantNetwork instead', props.network.node.path);
    }
    if ((props.routedCidrs ?? []).length > 0 && props.transitGatewayId === undefined) {
      v.add('transitGatewayId', 'is required with routedCidrs: the Transit Gateway the customer networks are routed to', props.transitGatewayId);
    }
    if (props.transitGatewayId !== undefined && (props.routedCidrs ?? []).length === 0) {
      v.add('routedCidrs', 'list the networks to route to the Transit Gateway (transitGatewayId is set)', props.routedCidrs);
    }
  }

  /** Every problem of a spec and its platform settings at once, before anything is created. */
  private static validateFromSpec(scope: Construct, spec: TenantSpec, settings: TenantPlatformSettings): void {
    const problems = validateTenantSpec(spec, 'spec');
    if (typeof spec !== 'object' || spec === null) {
      throw new Error(`Invalid tenant spec for Tenant.fromSpec:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    }
    const stack = Stack.of(scope);
    const v = new PropsValidation('Tenant.fromSpec', typeof spec?.tenantId === 'string' ? spec.tenantId : '');
    if (!Token.isUnresolved(stack.account) && stack.account !== spec.account) {
      v.add('spec.account', `is not the account of the stack ${stack.node.path} (${stack.account}); build each tenant in a stack of its own account`, spec.account);
    }
    const region = spec.region;
    if (region !== undefined && !Token.isUnresolved(stack.region) && stack.region !== region) {
      v.add('spec.region', `is not the region of the stack ${stack.node.path} (${stack.region})`, region);
    }
    // The spec checks the vault against its own region; without one, the tenant's region is the stack's.
    const vault = spec.database?.backupCopyVaultArn;
    if (region === undefined && typeof vault === 'string' && !Token.isUnresolved(stack.region)) {
      for (const p of backupCopyVaultProblems(vault, { region: stack.region }).filter((x) => x.startsWith('is in '))) {
        v.add('spec.database.backupCopyVaultArn', p, vault);
      }
    }
    if (spec.function !== undefined && settings.functionCode === undefined) {
      v.add('platform.functionCode', 'is required when the spec has a function: the platform app release every tenant runs', settings.functionCode);
    }
    const linkKeys = ['platformAccountId', 'platformRoleArns', 'externalId'] as const;
    const given = linkKeys.filter((k) => settings[k] !== undefined);
    if (given.length > 0 && given.length < linkKeys.length) {
      v.add('platform', 'gives a link only with platformAccountId, platformRoleArns and externalId together', given);
    }
    // Issue 24: a tenant without a link deploys dark (no logs, events or history reach the platform);
    // that must be a decision with a reason, never the result of forgetting the platform settings.
    if (settings.noLinkReason !== undefined) {
      if (typeof settings.noLinkReason !== 'string' || settings.noLinkReason.trim().length < 10 || settings.noLinkReason.length > 500) {
        v.add('platform.noLinkReason', 'must be a sentence of 10-500 characters saying why this tenant has no link', settings.noLinkReason);
      } else if (given.length > 0) {
        v.add('platform.noLinkReason', 'is only for a tenant without a link; leave it out when platformAccountId, platformRoleArns and externalId are given', settings.noLinkReason);
      }
    } else if (given.length === 0) {
      v.add('platform', 'has no link settings: without a link the tenant deploys dark (no logs, events, alarms or history reach the platform). ' +
        'Pass platformAccountId, platformRoleArns and externalId (the link), or noLinkReason with why this tenant has none', Object.keys(settings));
    }
    if (settings.logsThroughOrganization === true && (given.length === 0 || settings.useHub === false)) {
      v.add('platform.logsThroughOrganization', 'names a log sender role for the hub: it needs the link (platformAccountId, platformRoleArns, externalId) and the hub (useHub)', settings.logsThroughOrganization);
    }
    if (problems.length > 0 || !v.isValid) {
      throw new Error(`Invalid tenant spec for Tenant.fromSpec:\n${[...problems.map((p) => `- ${p}`), ...v.problems].join('\n')}`);
    }
  }

  /** The link's platform side from the settings (the hub of the tenant's region unless `useHub: false`). */
  private static linkFromSpec(stack: Stack, spec: TenantSpec, settings: TenantPlatformSettings): TenantLinkSettings | undefined {
    if (settings.platformAccountId === undefined) return undefined;
    return {
      platformAccountId: settings.platformAccountId,
      platformRoleArns: settings.platformRoleArns!,
      externalId: settings.externalId!,
      organizationId: settings.organizationId,
      hub: (settings.useHub ?? true) ? PlatformHub.referenceFor(settings.platformAccountId, spec.region ?? stack.region) : undefined,
      logsThroughOrganization: (settings.useHub ?? true) ? settings.logsThroughOrganization : undefined,
    };
  }

  /** The tenant id. */
  public readonly tenantId: string;

  /** The tier of every block of the tenant. */
  public readonly tier: TenantTier;

  /** The tenant key. */
  public readonly encryptionKey: TenantKey;

  /** The manifest of the tenant's stack (SSM parameters under `/tenant-blocks/<tenantId>/`). */
  public readonly manifest: TenantManifest;

  private _network?: TenantNetwork;
  /** The network settings for the network the tenant creates on first use. */
  private readonly networkSettings: { vpcCidr?: string; routedCidrs?: string[]; transitGatewayId?: string };
  private _link?: CrossAccountLink;
  private readonly explicitShipping?: LogShipping;
  private readonly databases = new Map<Stack, TenantPostgres>();
  private readonly functions: TenantFunction[] = [];
  private readonly manifests = new Map<Stack, TenantManifest>();
  private readonly shippedStacks = new Set<Stack>();
  private readonly dashboards = new Map<Stack, TenantDashboard>();
  private readonly dashboardEnabled: boolean;

  /**
   * @param scope the tenant's stack (or a construct in it)
   * @param id the construct id
   * @param props the tenant's identity and wiring, validated before anything is created
   * @throws Error when the props are invalid or the tenant already exists in this account and region
   */
  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    const v = new PropsValidation('Tenant', props.tenantId);
    v.tenantId('tenantId', props.tenantId);
    v.tier('tier', props.tier);
    v.boolean('dashboard', props.dashboard);
    Tenant.validateNetworkSettings(v, props);
    const tier = props.tier ?? TenantTier.PRODUCTION;
    for (const [name, part] of [['encryptionKey', props.encryptionKey], ['network', props.network]] as const) {
      if (part && part.tenantId !== props.tenantId) {
        v.add(name, `belongs to tenant "${part.tenantId}"; pass the ${name === 'network' ? 'network' : 'key'} of this tenant`, part.node.path);
      } else if (part && part.tier !== tier) {
        v.add(name, `has tier ${part.tier}, the tenant ${tier}; one tenant has one tier`, part.node.path);
      }
    }
    v.throwIfInvalid();
    this.register(props.tenantId);

    this.tenantId = props.tenantId;
    this.tier = tier;
    // Everything under the tenant (key, network, manifest, link) carries the tenant and tier tags, like the blocks.
    TierDefaults.applyTags(this, this.tenantId, tier);
    this.explicitShipping = props.logShipping;
    // $3 a month per dashboard: worth it for PRODUCTION's on-call, not within DEVELOPMENT's idle-cost goal ($25-40 a month)
    this.dashboardEnabled = props.dashboard ?? tier === TenantTier.PRODUCTION;
    this.encryptionKey = props.encryptionKey ?? new TenantKey(this, IDS.key, { tenantId: this.tenantId, tier });
    this._network = props.network;
    this.networkSettings = { vpcCidr: props.vpcCidr, routedCidrs: props.routedCidrs, transitGatewayId: props.transitGatewayId };
    this.manifest = this.manifestIn(Stack.of(this));
    if (props.network) this.manifest.recordNetwork(props.network);
    this.shipLogGroupsOf(Stack.of(this));
    if (props.link) this.addLink(props.link);
  }

  /**
   * Where the tenant's log groups are shipped: the explicit `logShipping`, else the link's hub,
   * else nowhere. Log groups created before a link existed are shipped too (at synthesis).
   */
  public get logShipping(): LogShipping {
    return this.explicitShipping ?? this._link?.logShipping ?? LogShipping.none();
  }

  /** The tenant network (created under the tenant on first use when none was given). */
  public get network(): TenantNetwork {
    if (!this._network) {
      this._network = new TenantNetwork(this, IDS.network, {
        tenantId: this.tenantId,
        tier: this.tier,
        encryptionKey: this.encryptionKey,
        logShipping: this.logShipping,
        ...this.networkSettings,
      });
      this.manifest.recordNetwork(this._network);
    }
    return this._network;
  }

  /** The tenant's cross-account link, when it has one. */
  public get link(): CrossAccountLink | undefined {
    return this._link;
  }

  /**
   * Creates the tenant's cross-account link (child `Link` of the tenant). A tenant has one link:
   * its role name `tenant-blocks-link-<tenantId>` exists once per account.
   *
   * @param settings the platform side of the link
   * @param options where to create it (default: under the tenant). With blocks in several stacks,
   * create the link in the stack that depends on the others (the app stack): a grant from a link in
   * the data stack to a function in the app stack would make the stacks depend on each other
   * @throws Error when the tenant already has a link
   */
  public addLink(settings: TenantLinkSettings, options?: TenantBlockOptions): CrossAccountLink {
    if (this._link) {
      throw new Error(
        `Tenant "${this.tenantId}" already has a link (${this._link.node.path}): its role ${CrossAccountLink.roleNameFor(this.tenantId)} ` +
          'exists once per account; grant more through link.allowQuery/allowInvoke instead of adding a second link',
      );
    }
    const scope = options?.scope ?? this;
    this.checkSameEnvironment(Stack.of(scope), IDS.link);
    const account = Stack.of(this).account;
    const links = LINKS.get(this.node.root) ?? new Map<string, CrossAccountLink>();
    LINKS.set(this.node.root, links);
    const other = links.get(`${account}/${this.tenantId}`);
    if (other) {
      throw new Error(
        `Tenant "${this.tenantId}" already has a link in account ${Token.isUnresolved(account) ? '(the deploy-time one)' : account} (${other.node.path}): ` +
          `IAM is global, the role ${CrossAccountLink.roleNameFor(this.tenantId)} exists once per account, in every region; keep one link per tenant and account`,
      );
    }
    // Under the tenant: `Link`; in another stack: `TenantLink-<tenantId>`, unique in that stack.
    this._link = new CrossAccountLink(scope, scope === this ? IDS.link : `TenantLink-${this.tenantId}`, {
      tenantId: this.tenantId,
      platformAccountId: settings.platformAccountId,
      platformRoleArns: settings.platformRoleArns,
      externalId: settings.externalId,
      organizationId: settings.organizationId,
      hub: settings.hub,
      logsThroughOrganization: settings.logsThroughOrganization,
    });
    links.set(`${account}/${this.tenantId}`, this._link);
    for (const stack of this.shippedStacks) this.senderRoleIn(stack);
    this.manifestIn(Stack.of(this._link)).recordLink(this._link);
    return this._link;
  }

  /**
   * Lets the platform query `database` through the link (`CrossAccountLink.allowQuery`), after
   * checking the grant cannot create a dependency cycle between stacks.
   *
   * @param database a database of this tenant
   * @throws Error when the tenant has no link, or the link's stack provides the database's stack
   */
  public allowQuery(database: TenantPostgres): void {
    this.requireLinkFor(database, 'allowQuery').allowQuery(database);
  }

  /**
   * Lets the platform invoke `fn` through the link (`CrossAccountLink.allowInvoke`), after
   * checking the grant cannot create a dependency cycle between stacks.
   *
   * @param fn a function of this tenant
   * @throws Error when the tenant has no link, or the link's stack provides the function's stack
   */
  public allowInvoke(fn: TenantFunction): void {
    this.requireLinkFor(fn, 'allowInvoke').allowInvoke(fn);
  }

  private requireLinkFor(block: Construct, method: string): CrossAccountLink {
    const link = this._link;
    if (!link) {
      throw new Error(`Tenant "${this.tenantId}": ${method} needs the tenant's link; call addLink first`);
    }
    const linkStack = Stack.of(link);
    const blockStack = Stack.of(block);
    // The block's stack already takes the key and network from the tenant's stack; a grant naming
    // the block in a link there would make that stack depend on the block's stack too: a cycle.
    const provides = [this.encryptionKey, this._network].some((part) => part !== undefined && Stack.of(part) === linkStack);
    if (blockStack !== linkStack && provides) {
      throw new Error(
        `Tenant "${this.tenantId}": the link in ${linkStack.node.path} cannot ${method} ${block.node.path}: ${blockStack.node.path} already depends on ` +
          `${linkStack.node.path} (the tenant's key and network), and the grant would make ${linkStack.node.path} depend on ${blockStack.node.path}, a cycle. ` +
          `Create the link in the stack that uses the others: tenant.addLink(settings, { scope: <the stack ${blockStack.node.path}> })`,
      );
    }
    return link;
  }

  /**
   * Creates a TenantPostgres of this tenant with the tenant's tier, key, network and log
   * shipping. At most one database per stack (the backup vault is named after the tenant and the
   * stack).
   *
   * @param id the construct id
   * @param settings the customer's settings
   * @param options where to create it (default: under the tenant)
   * @throws Error when the stack already has a database of this tenant, or the settings are invalid
   */
  public addPostgres(id: string, settings?: TenantPostgresSettings, options?: TenantBlockOptions): TenantPostgres {
    const scope = options?.scope ?? this;
    const stack = Stack.of(scope);
    this.checkSameEnvironment(stack, id);
    const existing = this.databases.get(stack);
    if (existing) {
      throw new Error(
        `Tenant "${this.tenantId}" already has a database in the stack ${stack.node.path} (${existing.node.path}): ` +
          `two TenantPostgres of one tenant in one stack would get the same backup vault name (tenant-${this.tenantId}-<stack>); ` +
          'put the second database in another stack, or use one database with several schemas',
      );
    }
    const s = settings ?? {};
    this.checkBackupCopyVault(stack, id, s.backupCopyVaultArn);
    const db = new TenantPostgres(scope, id, {
      tenantId: this.tenantId,
      tier: this.tier,
      network: this.network,
      encryptionKey: this.encryptionKey,
      logShipping: this.logShipping,
      allowedCidrs: s.allowedCidrs,
      maintenanceWindow: s.maintenanceWindow,
      maxCapacity: s.maxCapacity,
      backupRetention: s.backupRetention,
      databaseName: s.databaseName,
      backupCopyVaultArn: s.backupCopyVaultArn,
    });
    this.databases.set(stack, db);
    this.shipLogGroupsOf(stack);
    this.manifestIn(stack).recordPostgres(id, db);
    this.dashboardIn(stack)?.addPostgres(db);
    return db;
  }

  /**
   * Creates a TenantFunction of this tenant with the tenant's tier, key, network and log
   * shipping.
   *
   * @param id the construct id
   * @param settings the app's settings
   * @param options where to create it (default: under the tenant)
   * @throws Error when the settings are invalid
   */
  public addFunction(id: string, settings: TenantFunctionSettings, options?: TenantBlockOptions): TenantFunction {
    const scope = options?.scope ?? this;
    const stack = Stack.of(scope);
    this.checkSameEnvironment(stack, id);
    const fn = new TenantFunction(scope, id, {
      tenantId: this.tenantId,
      tier: this.tier,
      network: this.network,
      encryptionKey: this.encryptionKey,
      logShipping: this.logShipping,
      code: settings.code,
      handler: settings.handler,
      runtime: settings.runtime,
      memorySize: settings.memorySize,
      timeout: settings.timeout,
      environment: settings.environment,
      secrets: settings.secrets,
      database: settings.database,
      allowedCidrs: settings.allowedCidrs,
      domain: settings.domain,
      reservedConcurrency: settings.reservedConcurrency,
      internetEgress: settings.internetEgress,
      disposableData: settings.disposableData,
    });
    this.functions.push(fn);
    this.shipLogGroupsOf(stack);
    this.manifestIn(stack).recordFunction(id, fn);
    this.dashboardIn(stack)?.addFunction(fn);
    return fn;
  }

  /** The tenant's databases created through it, in every stack. */
  public get databasesCreated(): TenantPostgres[] {
    return [...this.databases.values()];
  }

  /** The tenant's functions created through it, in every stack. */
  public get functionsCreated(): TenantFunction[] {
    return [...this.functions];
  }

  /** The tenant's dashboards, one per stack holding a block created through it (none with `dashboard: false`). */
  public get dashboardsCreated(): TenantDashboard[] {
    return [...this.dashboards.values()];
  }

  /**
   * The copy vault's own rules against the database's stack (the spec's rules, with the stack's
   * account and region): another account, the same region. TenantPostgres checks the ARN's form.
   */
  private checkBackupCopyVault(stack: Stack, id: string, arn: string | undefined): void {
    if (typeof arn !== 'string' || Token.isUnresolved(arn)) return;
    const literal = (value: string) => (Token.isUnresolved(value) ? undefined : value);
    const problems = backupCopyVaultProblems(arn, { account: literal(stack.account), region: literal(stack.region) });
    // The form is TenantPostgres's to report (with its other props); the account and region are the tenant's.
    const placement = problems.filter((p) => !p.startsWith('must be an AWS Backup vault ARN'));
    if (placement.length > 0) {
      throw new Error(`Invalid TenantPostgres props for tenant "${this.tenantId}" (${id}):\n${placement.map((p) => `- backupCopyVaultArn: ${p} (got: '${arn}')`).join('\n')}`);
    }
  }

  /** Registers the tenant in its app: one tenant per account and region (key alias, vault and link names are fixed). */
  private register(tenantId: string): void {
    const stack = Stack.of(this);
    const tenants = TENANTS.get(this.node.root) ?? new Map<string, Tenant>();
    TENANTS.set(this.node.root, tenants);
    const key = `${stack.account}/${stack.region}/${tenantId}`;
    const other = tenants.get(key);
    if (other) {
      const where = (s: string) => (Token.isUnresolved(s) ? '(the deploy-time one)' : s);
      throw new Error(
        `Tenant "${tenantId}" exists twice in account ${where(stack.account)} and region ${where(stack.region)}: ${other.node.path} and ${this.node.path}. ` +
          `Its key alias alias/tenant-blocks/${tenantId} and link role ${CrossAccountLink.roleNameFor(tenantId)} exist once per account and region, ` +
          'so the second deploy would fail: create one Tenant and put blocks in other stacks with addPostgres/addFunction(id, settings, { scope: otherStack })',
      );
    }
    tenants.set(key, this);
    // Blocks wired by hand next to the tenant are checked too, when the app synthesizes.
    TenantCollisions.addTo(this);
  }

  private checkSameEnvironment(stack: Stack, id: string): void {
    const home = Stack.of(this);
    if (stack === home) return;
    const differs = (a: string, b: string) => !Token.isUnresolved(a) && !Token.isUnresolved(b) && a !== b;
    if (differs(stack.account, home.account) || differs(stack.region, home.region)) {
      throw new Error(
        `Tenant "${this.tenantId}": cannot create ${id} in the stack ${stack.node.path} (${stack.account}/${stack.region}): ` +
          `the tenant's key and network are in ${home.node.path} (${home.account}/${home.region}); a tenant's blocks share one account and region`,
      );
    }
  }

  /** The manifest of the tenant in `stack` (created on first use). */
  private manifestIn(stack: Stack): TenantManifest {
    let manifest = this.manifests.get(stack);
    if (!manifest) {
      const home = this.manifests.size === 0;
      manifest = home
        ? new TenantManifest(this, IDS.manifest, { tenantId: this.tenantId, tier: this.tier })
        : new TenantManifest(stack, `TenantManifest-${this.tenantId}`, { tenantId: this.tenantId, tier: this.tier, part: true });
      this.manifests.set(stack, manifest);
    }
    return manifest;
  }

  /**
   * The tenant's dashboard in `stack` (created on first use), or none when the tenant has no
   * dashboards. One per stack: a widget may only name resources of its own stack.
   */
  private dashboardIn(stack: Stack): TenantDashboard | undefined {
    if (!this.dashboardEnabled) return undefined;
    let dashboard = this.dashboards.get(stack);
    if (!dashboard) {
      // the tenant's own stack: `Dashboard` under the tenant, named tenant-blocks-<tenantId>;
      // another stack: `TenantDashboard-<tenantId>` there, its name suffixed with the stack name (names are per account)
      dashboard = stack === Stack.of(this)
        ? new TenantDashboard(this, IDS.dashboard, { tenantId: this.tenantId })
        : new TenantDashboard(stack, `TenantDashboard-${this.tenantId}`, { tenantId: this.tenantId, nameSuffix: stack.stackName });
      this.dashboards.set(stack, dashboard);
    }
    return dashboard;
  }

  /** Adds, once per stack, the Aspect that ships every log group of this tenant in `stack`. */
  private shipLogGroupsOf(stack: Stack): void {
    if (this.shippedStacks.has(stack)) return;
    this.shippedStacks.add(stack);
    Aspects.of(stack).add(new ShipTenantLogGroups(this));
    this.senderRoleIn(stack);
  }

  /**
   * Issue 24 §4: a hub that admits an organization wants a sender role on every subscription
   * filter; the link makes one in its own stack, the tenant one in each other stack it ships from
   * (whichever comes first, the block or the link).
   */
  private senderRoleIn(stack: Stack): void {
    const link = this._link;
    if (!link?.logSenderRole || !link.hub || Stack.of(link) === stack) return;
    LogSender.in(stack, this.tenantId, link.hub.logDestinationArn);
  }
  /** The spec's database as `TenantPostgres` (child `Database`). */
  private addSpecDatabase(d: TenantDatabaseSpec): TenantPostgres {
    return this.addPostgres(IDS.database, {
      allowedCidrs: d.allowedCidrs,
      maintenanceWindow: d.maintenanceWindow !== undefined ? MaintenanceWindow.fromString(d.maintenanceWindow) : undefined,
      maxCapacity: d.maxCapacity,
      backupRetention: d.backupRetentionDays !== undefined ? Duration.days(d.backupRetentionDays) : undefined,
      databaseName: d.databaseName,
      backupCopyVaultArn: d.backupCopyVaultArn,
    });
  }
  /** The spec's function as `TenantFunction` (child `App`), with the platform's code and the database. */
  private addSpecFunction(f: TenantFunctionSpec, settings: TenantPlatformSettings, database?: TenantPostgres): TenantFunction {
    const domain = f.domain
      ? {
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(this, IDS.zone, {
          hostedZoneId: f.domain.hostedZoneId,
          zoneName: f.domain.zoneName,
        }),
        recordName: f.domain.recordName,
      }
      : undefined;
    return this.addFunction(IDS.function, {
      code: settings.functionCode!,
      handler: settings.functionHandler ?? 'index.handler',
      environment: settings.functionEnvironment,
      runtime: f.runtime !== undefined ? TenantRuntime.all().find((r) => r.name === f.runtime) : undefined,
      memorySize: f.memorySize,
      timeout: f.timeoutSeconds !== undefined ? Duration.seconds(f.timeoutSeconds) : undefined,
      reservedConcurrency: f.reservedConcurrency,
      internetEgress: f.internetEgress,
      disposableData: f.disposableData,
      allowedCidrs: f.allowedCidrs,
      domain,
      database,
    });
  }
}

/**
 * Ships every log group of a tenant in a stack through the tenant's log shipping, at synthesis,
 * whatever the order in which blocks, network and link were created: a log group belongs to the
 * tenant when its nearest construct with a `tenantId` is of this tenant (a block, a key, a
 * network, the Tenant itself); stack-level log groups of no tenant (aws-cdk-lib's singleton
 * providers) are shipped when the stack holds only this tenant.
 */
class ShipTenantLogGroups implements IAspect {
  constructor(private readonly tenant: Tenant) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof logs.CfnLogGroup)) return;
    const shipping = this.tenant.logShipping;
    if (shipping.destinationArn === undefined) return;
    const owner = tenantOf(node);
    if (owner === undefined) {
      const stack = Stack.of(node);
      const others = Tenant.allOf(node).filter((t) => t !== this.tenant && Stack.of(t) === stack);
      if (others.length > 0) return;
    } else if (owner !== this.tenant.tenantId) {
      return;
    }
    const parent = node.node.scope;
    const l2 = parent instanceof logs.LogGroup ? parent : undefined;
    const holder: IConstruct = l2 ?? parent!;
    if (holder.node.tryFindChild('ShipToPlatform') || node.node.tryFindChild('ShipToPlatform')) return;
    if (l2) {
      shipping.ship(l2);
    } else {
      new logs.CfnSubscriptionFilter(node, 'ShipToPlatform', {
        logGroupName: node.ref,
        destinationArn: shipping.destinationArn,
        filterPattern: '',
      });
    }
  }
}

/** The tenant id of the nearest construct above `node` that has one. */
function tenantOf(node: IConstruct): string | undefined {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    const id = (c as { tenantId?: unknown }).tenantId;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
