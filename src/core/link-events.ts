import * as events from 'aws-cdk-lib/aws-events';

/**
 * The event rules a `CrossAccountLink` puts in the tenant account to forward what the platform
 * must see to the hub's bus, one EventBridge rule per concern (a rule has one pattern).
 *
 * Internal: not exported from the barrel. The public entry point is
 * `CrossAccountLink.FORWARDED_SOURCES`; the hub imports {@link LINK_FORWARDED_SOURCES} to admit
 * exactly these sources on its bus.
 */

/** One forwarding rule: its construct id, its name suffix (`tenant-blocks-<tenantId>-<suffix>`) and its pattern. */
export interface LinkForwardingRule {
  /** Construct id of the rule under the link. */
  readonly id: string;
  /** Rule name suffix. */
  readonly suffix: string;
  /** What it forwards, for the rule description. */
  readonly description: string;
  /** The exact event pattern. */
  readonly pattern: events.EventPattern;
}

/** What the link needs to know to build the tenant-specific patterns. */
export interface LinkForwardingContext {
  /** The tenant id (alarm names and rule names start with `tenant-blocks-<tenantId>-`). */
  readonly tenantId: string;
  /** The link role name (IAM changes to it are forwarded). */
  readonly roleName: string;
  /** ARNs of the managed policies of the link (boundary and permissions): IAM changes to them are forwarded. */
  readonly policyArns: string[];
  /** Whether the IAM rule is created: IAM (a global service) delivers its CloudTrail events in us-east-1 only. */
  readonly iamEvents: boolean;
}

/** The prefix every alarm of a tenant's blocks carries: `tenant-blocks-<tenantId>-`. */
export function tenantAlarmPrefix(tenantId: string): string {
  return `tenant-blocks-${tenantId}-`;
}

/** The region where IAM delivers its CloudTrail events to EventBridge (IAM is a global service). */
export const IAM_EVENTS_REGION = 'us-east-1';

/** A CloudTrail management event (`AWS API Call via CloudTrail`) of `eventSource`, one of `eventNames`. */
function apiCalls(source: string, eventSource: string, eventNames: string[], extra: Record<string, unknown> = {}): events.EventPattern {
  return {
    source: [source],
    detailType: ['AWS API Call via CloudTrail'],
    detail: { eventSource: [eventSource], eventName: eventNames, ...extra },
  };
}

/** IAM actions that change a role (its policies, trust, boundary) or delete it. */
export const IAM_ROLE_CHANGES = [
  'AttachRolePolicy', 'DeleteRole', 'DeleteRolePermissionsBoundary', 'DeleteRolePolicy', 'DetachRolePolicy',
  'PutRolePermissionsBoundary', 'PutRolePolicy', 'UpdateAssumeRolePolicy', 'UpdateRole',
];

/** IAM actions that change a managed policy's document or delete it. */
export const IAM_POLICY_CHANGES = ['CreatePolicyVersion', 'DeletePolicy', 'DeletePolicyVersion', 'SetDefaultPolicyVersion'];

/**
 * The forwarding rules of a link, in a fixed order (the forwarder role's trust names each rule).
 *
 * @param ctx the tenant, the link role and policies, and whether IAM events are delivered here
 */
export function linkForwardingRules(ctx: LinkForwardingContext): LinkForwardingRule[] {
  const rules: LinkForwardingRule[] = [
    {
      id: 'StackStatusChanges',
      suffix: 'stack-status',
      description: 'CloudFormation stack status changes',
      pattern: { source: ['aws.cloudformation'], detailType: ['CloudFormation Stack Status Change'] },
    },
    {
      id: 'DatabaseClusterEvents',
      suffix: 'rds-cluster',
      description: 'RDS cluster events',
      pattern: { source: ['aws.rds'], detailType: ['RDS DB Cluster Event'] },
    },
    {
      // Every job result (COMPLETED, FAILED, ABORTED, EXPIRED): failures are what the platform acts on,
      // successes prove the backups run.
      id: 'BackupJobResults',
      suffix: 'backup-jobs',
      description: 'AWS Backup job results',
      pattern: { source: ['aws.backup'], detailType: ['Backup Job State Change'] },
    },
    {
      id: 'SecurityGroupChanges',
      suffix: 'security-groups',
      description: 'security group changes (CloudTrail management events)',
      pattern: apiCalls('aws.ec2', 'ec2.amazonaws.com', [
        'AuthorizeSecurityGroupEgress', 'AuthorizeSecurityGroupIngress', 'CreateSecurityGroup', 'DeleteSecurityGroup',
        'ModifySecurityGroupRules', 'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
      ]),
    },
    {
      // Only the tenant's own alarms: every block names its alarms tenant-blocks-<tenantId>-...
      id: 'AlarmStateChanges',
      suffix: 'alarms',
      description: 'state changes of the tenant\'s alarms',
      pattern: {
        source: ['aws.cloudwatch'],
        detailType: ['CloudWatch Alarm State Change'],
        detail: { alarmName: [{ prefix: tenantAlarmPrefix(ctx.tenantId) }] },
      },
    },
    {
      // Rotation outcomes are service events (CloudTrail eventType AwsServiceEvent), not API calls.
      id: 'SecretRotations',
      suffix: 'secret-rotations',
      description: 'Secrets Manager rotation outcomes',
      pattern: {
        source: ['aws.secretsmanager'],
        detailType: ['AWS Service Event via CloudTrail'],
        detail: { eventSource: ['secretsmanager.amazonaws.com'], eventName: ['RotationFailed', 'RotationSucceeded'] },
      },
    },
    {
      id: 'KeyDisableOrDeletion',
      suffix: 'kms-keys',
      description: 'KMS keys disabled or scheduled for deletion',
      pattern: apiCalls('aws.kms', 'kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']),
    },
    {
      id: 'RecoveryPointDeletions',
      suffix: 'recovery-points',
      description: 'AWS Backup recovery point deletions',
      pattern: apiCalls('aws.backup', 'backup.amazonaws.com', ['DeleteRecoveryPoint']),
    },
    {
      id: 'SnapshotDeletions',
      suffix: 'rds-snapshots',
      description: 'RDS snapshot deletions',
      pattern: apiCalls('aws.rds', 'rds.amazonaws.com', ['DeleteDBClusterSnapshot', 'DeleteDBSnapshot']),
    },
    {
      // Pending maintenance and end-of-support notices reach an account through AWS Health.
      id: 'DatabaseMaintenance',
      suffix: 'rds-maintenance',
      description: 'RDS scheduled (pending) maintenance from AWS Health',
      pattern: { source: ['aws.health'], detailType: ['AWS Health Event'], detail: { service: ['RDS'], eventTypeCategory: ['scheduledChange'] } },
    },
    {
      // A deleted (or replaced) subscription filter turns log shipping off.
      id: 'SubscriptionFilterChanges',
      suffix: 'log-subscriptions',
      description: 'CloudWatch Logs subscription filter deletions',
      pattern: apiCalls('aws.logs', 'logs.amazonaws.com', ['DeleteSubscriptionFilter']),
    },
    {
      id: 'CertificateExpiry',
      suffix: 'certificates',
      description: 'ACM certificate expiry',
      pattern: { source: ['aws.acm'], detailType: ['ACM Certificate Approaching Expiration', 'ACM Certificate Expired'] },
    },
    {
      // Lambda announces runtime deprecations as AWS Health planned lifecycle events.
      id: 'RuntimeDeprecations',
      suffix: 'lambda-runtimes',
      description: 'Lambda runtime deprecation notices from AWS Health',
      pattern: {
        source: ['aws.health'],
        detailType: ['AWS Health Event'],
        detail: { service: ['LAMBDA'], eventTypeCode: ['AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT'] },
      },
    },
  ];
  if (ctx.iamEvents) {
    rules.push({
      id: 'LinkIamChanges',
      suffix: 'link-iam',
      description: 'IAM changes to the link role and its policies',
      pattern: apiCalls('aws.iam', 'iam.amazonaws.com', [...IAM_ROLE_CHANGES, ...IAM_POLICY_CHANGES], {
        $or: [
          { requestParameters: { roleName: [ctx.roleName] } },
          { requestParameters: { policyArn: ctx.policyArns } },
        ],
      }),
    });
  }
  return rules;
}

/**
 * Every `source` a link may forward to the hub, whatever its region: the hub admits exactly these
 * on its bus (`events:source`) and archives exactly these.
 */
export const LINK_FORWARDED_SOURCES: readonly string[] = Object.freeze([
  'aws.acm', 'aws.backup', 'aws.cloudformation', 'aws.cloudwatch', 'aws.ec2', 'aws.health',
  'aws.iam', 'aws.kms', 'aws.logs', 'aws.rds', 'aws.secretsmanager',
]);

/** The prefix every block alarm name carries, whatever the tenant: `tenant-blocks-`. */
export const BLOCK_ALARM_PREFIX = 'tenant-blocks-';

/**
 * The link's forwarding patterns as the hub admits them (issue 21 §2), one per link rule, in the
 * link's order: the same sources, detail-types and event names, with the two tenant-specific parts
 * widened to what the hub can know without the tenant id: any block alarm (`tenant-blocks-`
 * prefix; the tenant is the sending account, never the name) and the IAM event names of the link
 * rule (the role and policy names are the tenant's).
 */
export function hubAdmittedPatterns(): events.EventPattern[] {
  return linkForwardingRules({ tenantId: '', roleName: '', policyArns: [], iamEvents: true }).map((rule) => {
    if (rule.id === 'AlarmStateChanges') {
      return { ...rule.pattern, detail: { alarmName: [{ prefix: BLOCK_ALARM_PREFIX }] } };
    }
    if (rule.id === 'LinkIamChanges') {
      const detail = { ...(rule.pattern.detail as Record<string, unknown>) };
      delete detail.$or;
      return { ...rule.pattern, detail };
    }
    return rule.pattern;
  });
}

/** The detail-types of the link's patterns: the hub bus admits only these (`events:detail-type`). */
export function hubAdmittedDetailTypes(): string[] {
  return [...new Set(hubAdmittedPatterns().flatMap((p) => p.detailType ?? []))].sort();
}

/**
 * One EventBridge pattern (as CloudFormation takes it, `detail-type` spelled out) matching any of
 * the link's patterns, optionally from one account only or from every account but some.
 *
 * @param options `account`: only events of this account; `exceptAccounts`: not of these (quarantine)
 */
export function hubFilterPattern(options: { account?: string; exceptAccounts?: string[] } = {}): Record<string, unknown> {
  const accountFilter = options.account !== undefined
    ? { account: [options.account] }
    : (options.exceptAccounts ?? []).length > 0 ? { account: [{ 'anything-but': [...options.exceptAccounts!] }] } : {};
  // The account filter once, beside $or (ANDed with it): the pattern stays far below 4096 characters.
  return {
    ...accountFilter,
    $or: hubAdmittedPatterns().map((p) => ({
      'source': p.source,
      'detail-type': p.detailType,
      ...(p.detail ? { detail: p.detail } : {}),
    })),
  };
}
