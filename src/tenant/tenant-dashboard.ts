import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct, IConstruct } from 'constructs';
import { TenantFunction } from '../blocks/function/tenant-function';
import { TenantPostgres } from '../blocks/postgres/tenant-postgres';
import { TenantTier } from '../core/tier';
import { PropsValidation } from '../core/validation';

/** Props of {@link TenantDashboard}. */
export interface TenantDashboardProps {
  /** The tenant whose blocks the dashboard shows (3-31 lowercase letters, digits and hyphens). */
  readonly tenantId: string;

  /**
   * Appended to the dashboard name, `tenant-blocks-<tenantId>-<nameSuffix>`, for a second
   * dashboard of the tenant in the same account (another stack, another region): CloudWatch
   * dashboard names are unique per account, in every region. 1-128 letters, digits, hyphens and
   * underscores.
   *
   * @default - no suffix: the dashboard is named `tenant-blocks-<tenantId>`
   */
  readonly nameSuffix?: string;
}

/** Dashboards of each app, by `<account>/<dashboard name>`: dashboard names are global per account. */
const DASHBOARDS = new WeakMap<IConstruct, Map<string, TenantDashboard>>();

/** One period for every graph: the alarms' own period (5 minutes) for most of them. */
const PERIOD = Duration.minutes(5);

/** Grid sizes (the dashboard grid is 24 units wide). */
const ALARM_WIDGET = { width: 6, height: 5 };
const METRIC_WIDGET = { width: 8, height: 6 };

/**
 * A CloudWatch dashboard of one tenant in the tenant's account: one row per block, each with the
 * block's alarms (a status overview and one graph per alarm, threshold included) and its key
 * metrics.
 *
 * - `addPostgres(db)`: every alarm of the database, then capacity (`ServerlessDatabaseCapacity`,
 *   `ACUUtilization`), `DatabaseConnections`, `CPUUtilization` with `FreeableMemory`, and in
 *   PRODUCTION the reader's `AuroraReplicaLagMaximum`; dimension `DBClusterIdentifier`.
 * - `addFunction(fn)`: every alarm of the function, then the load balancer's `RequestCount` and
 *   5xx counts, p99 `TargetResponseTime` with Lambda's p99 `Duration`, and Lambda's `Invocations`,
 *   `Errors` and `Throttles` with `ConcurrentExecutions`.
 * - A CrossAccountLink has no row: it runs no code in the tenant account, and what it forwards is
 *   watched on the platform hub (its fleet dashboard and alarms).
 *
 * The dashboard shows blocks of its own stack only (a widget naming a resource of another stack
 * would be a cross-stack reference, and a data stack must never depend on an app stack): one
 * dashboard per stack holding blocks of the tenant. A `Tenant` creates and fills them by itself
 * (its `dashboard` prop); create one by hand for blocks wired by hand.
 *
 * Cost: $3 a month per dashboard beyond the account's first 3 (CloudWatch list price).
 *
 * Stable: the construct id of the dashboard (`Resource`) and its name.
 *
 * @example
 * const dashboard = new TenantDashboard(stack, 'Dashboard', { tenantId: 'acme' });
 * dashboard.addPostgres(db);
 * dashboard.addFunction(fn);
 */
export class TenantDashboard extends Construct {
  /**
   * The name of a tenant's dashboard, e.g. for a link from the platform's console
   * (`https://console.aws.amazon.com/cloudwatch/home#dashboards/dashboard/<name>`).
   *
   * @param tenantId the tenant id
   * @param nameSuffix the suffix of a second dashboard of the tenant in the account (see `TenantDashboardProps.nameSuffix`)
   */
  public static nameFor(tenantId: string, nameSuffix?: string): string {
    return nameSuffix === undefined ? `tenant-blocks-${tenantId}` : `tenant-blocks-${tenantId}-${nameSuffix}`;
  }

  /** The CloudWatch dashboard. */
  public readonly dashboard: cloudwatch.Dashboard;

  /** The dashboard's name: `tenant-blocks-<tenantId>`, or with `-<nameSuffix>`. */
  public readonly dashboardName: string;

  /** The tenant whose blocks the dashboard shows. */
  public readonly tenantId: string;

  private readonly shown = new Set<Construct>();

  /**
   * @param scope the stack of the blocks to show (or a construct in it)
   * @param id the construct id
   * @param props the tenant and the name suffix
   * @throws Error when the props are invalid, or the app already has a dashboard of that name in the account
   */
  constructor(scope: Construct, id: string, props: TenantDashboardProps) {
    const v = new PropsValidation('TenantDashboard', props.tenantId);
    v.tenantId('tenantId', props.tenantId);
    v.pattern('nameSuffix', '^[A-Za-z0-9_-]{1,128}$', '1-128 letters, digits, hyphens and underscores (a CloudWatch dashboard name)', props.nameSuffix);
    v.throwIfInvalid();
    super(scope, id);

    this.tenantId = props.tenantId;
    this.dashboardName = TenantDashboard.nameFor(props.tenantId, props.nameSuffix);
    this.register();
    this.dashboard = new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: this.dashboardName,
      // an on-call opens it for what happened since the last working day
      defaultInterval: Duration.hours(24),
    });
    // aws-cdk-lib tags dashboards (TierDefaults.applyTags), CloudFormation accepts it, but the
    // cfn-lint this project pins (1.51) rejects Tags on AWS::CloudWatch::Dashboard (E3002; 1.58
    // accepts them). A dashboard holds no data to attribute: leave it untagged until the pin moves.
    (this.dashboard.node.defaultChild as cloudwatch.CfnDashboard).addPropertyDeletionOverride('Tags');
  }

  /**
   * Adds a row for a database: its alarms, capacity, connections, CPU and memory, and replica
   * lag in PRODUCTION.
   *
   * @param database a TenantPostgres of this tenant in the dashboard's stack
   * @throws Error when the database belongs to another tenant or stack, or is shown already
   */
  public addPostgres(database: TenantPostgres): void {
    this.checkBlock(database, database.tenantId, 'addPostgres');
    const cluster = database.cluster;
    // the metrics the block's alarms use, by name: IDatabaseCluster's metric() adds the DBClusterIdentifier dimension
    const metric = (name: string, statistic: string, legend: string) => cluster.metric(name, { period: PERIOD, statistic, label: legend });
    const graphs = [
      new cloudwatch.GraphWidget({
        title: `${label(database)}: capacity`,
        left: [metric('ServerlessDatabaseCapacity', 'Average', 'ACUs (average)'), metric('ServerlessDatabaseCapacity', 'Maximum', 'ACUs (maximum)')],
        right: [metric('ACUUtilization', 'Maximum', 'ACU utilisation % of maxCapacity')],
        leftYAxis: { min: 0, showUnits: false },
        rightYAxis: { min: 0, max: 100, showUnits: false },
        ...METRIC_WIDGET,
      }),
      new cloudwatch.GraphWidget({
        title: `${label(database)}: connections`,
        left: [metric('DatabaseConnections', 'Maximum', 'connections (maximum)')],
        leftYAxis: { min: 0, showUnits: false },
        ...METRIC_WIDGET,
      }),
      new cloudwatch.GraphWidget({
        title: `${label(database)}: CPU and memory`,
        left: [metric('CPUUtilization', 'Maximum', 'CPU % (maximum)')],
        right: [metric('FreeableMemory', 'Minimum', 'freeable memory (minimum)')],
        leftYAxis: { min: 0, max: 100, showUnits: false },
        rightYAxis: { min: 0 },
        ...METRIC_WIDGET,
      }),
    ];
    // only PRODUCTION has a reader (DEVELOPMENT runs the writer alone)
    if (database.tier !== TenantTier.DEVELOPMENT) {
      graphs.push(new cloudwatch.GraphWidget({
        title: `${label(database)}: replica lag (ms)`,
        left: [metric('AuroraReplicaLagMaximum', 'Maximum', 'reader lag (maximum)')],
        leftYAxis: { min: 0, showUnits: false },
        ...METRIC_WIDGET,
      }));
    }
    this.addRow(database, 'TenantPostgres', database.alarms, graphs);
  }

  /**
   * Adds a row for a function: its alarms, requests and 5xx, p99 response time and duration,
   * invocations, errors, throttles and concurrency.
   *
   * @param fn a TenantFunction of this tenant in the dashboard's stack
   * @throws Error when the function belongs to another tenant or stack, or is shown already
   */
  public addFunction(fn: TenantFunction): void {
    this.checkBlock(fn, fn.tenantId, 'addFunction');
    const lb = fn.loadBalancer.metrics;
    const options = (statistic: string, legend: string): cloudwatch.MetricOptions => ({ period: PERIOD, statistic, label: legend });
    const graphs = [
      new cloudwatch.GraphWidget({
        title: `${label(fn)}: requests`,
        left: [lb.requestCount(options('Sum', 'requests'))],
        right: [
          lb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, options('Sum', 'load balancer 5xx')),
          lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, options('Sum', 'app 5xx')),
        ],
        leftYAxis: { min: 0, showUnits: false },
        rightYAxis: { min: 0, showUnits: false },
        ...METRIC_WIDGET,
      }),
      new cloudwatch.GraphWidget({
        title: `${label(fn)}: p99 response time (s) and duration (ms)`,
        left: [lb.targetResponseTime(options('p99', 'response time p99 (s)'))],
        right: [fn.latest.metricDuration(options('p99', 'Lambda duration p99 (ms)'))],
        leftYAxis: { min: 0, showUnits: false },
        rightYAxis: { min: 0, showUnits: false },
        ...METRIC_WIDGET,
      }),
      new cloudwatch.GraphWidget({
        title: `${label(fn)}: Lambda`,
        left: [
          // invocations and errors of the live alias (what the load balancer calls), as the errors alarm
          fn.function.metricInvocations(options('Sum', 'invocations')),
          fn.function.metricErrors(options('Sum', 'errors')),
          fn.latest.metricThrottles(options('Sum', 'throttles')),
        ],
        right: [fn.latest.metric('ConcurrentExecutions', options('Maximum', 'concurrency (maximum)'))],
        leftYAxis: { min: 0, showUnits: false },
        rightYAxis: { min: 0, showUnits: false },
        ...METRIC_WIDGET,
      }),
    ];
    this.addRow(fn, 'TenantFunction', fn.alarms, graphs);
  }

  /** One row: a title, the alarms' status, one graph per alarm, then the key metrics (the row wraps at 24 units). */
  private addRow(block: Construct, kind: string, alarms: cloudwatch.IAlarm[], graphs: cloudwatch.IWidget[]): void {
    this.shown.add(block);
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: `### ${kind} ${label(block)}`, width: 24, height: 1 }),
      new cloudwatch.AlarmStatusWidget({ title: `${label(block)}: alarms`, alarms, width: 24, height: 3 }),
      ...alarms.map((alarm) => new cloudwatch.AlarmWidget({
        // the construct id names the alarm (the physical name is a token here)
        title: `${label(block)}: ${alarm.node.id.replace(/Alarm$/, '')}`,
        alarm,
        ...ALARM_WIDGET,
      })),
      ...graphs,
    );
  }

  private checkBlock(block: Construct, tenantId: string, method: string): void {
    const where = `TenantDashboard ${this.dashboardName} (${this.node.path})`;
    if (tenantId !== this.tenantId) {
      throw new Error(`${where}: ${method} got ${block.node.path} of tenant "${tenantId}"; a tenant's dashboard shows only its own blocks`);
    }
    const stack = Stack.of(this);
    if (Stack.of(block) !== stack) {
      throw new Error(
        `${where}: ${method} got ${block.node.path} of the stack ${Stack.of(block).node.path}, not ${stack.node.path}: a widget naming it would be a ` +
          `cross-stack reference (and could make the stacks depend on each other); create a TenantDashboard in ${Stack.of(block).node.path} with a nameSuffix`,
      );
    }
    if (this.shown.has(block)) {
      throw new Error(`${where}: ${method} got ${block.node.path} twice; each block has one row`);
    }
  }

  /** One dashboard name per account in the app: names are global per account, not per region. */
  private register(): void {
    const account = Stack.of(this).account;
    const dashboards = DASHBOARDS.get(this.node.root) ?? new Map<string, TenantDashboard>();
    DASHBOARDS.set(this.node.root, dashboards);
    // environment-agnostic stacks share the deploy-time account token: treated as the same account
    const key = `${account}/${this.dashboardName}`;
    const other = dashboards.get(key);
    if (other) {
      throw new Error(
        `Dashboard ${this.dashboardName} exists twice in account ${Token.isUnresolved(account) ? '(the deploy-time one)' : account}: ${other.node.path} and ${this.node.path}. ` +
          'CloudWatch dashboard names are unique per account, in every region: give one a nameSuffix, or pass dashboard: false to one Tenant',
      );
    }
    dashboards.set(key, this);
  }
}

/** The block's construct id (what the tenant or the app named it). */
function label(block: IConstruct): string {
  return block.node.id;
}
