import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * One compliance finding a block accepts on purpose, with the reason it is acceptable.
 */
export interface ComplianceSuppression {
  /**
   * The rule to suppress, exactly as the compliance gate reports it:
   *
   * - a cdk-nag rule: `AwsSolutions-IAM5`, `HIPAA.Security-RDSInBackupPlan`,
   *   `NIST.800.53.R5-IAMNoInlinePolicy`, `PCI.DSS.321-S3BucketLoggingEnabled`, ...
   * - an AWS Control Tower proactive control (cfn-guard): `CT.S3.PR.1`, `CT.LAMBDA.PR.3`, ...
   *
   * For a rule that reports granular findings (such as `AwsSolutions-IAM5[Resource::*]`), pass
   * the plain rule id here and the part in brackets in `appliesTo`.
   */
  readonly id: string;

  /**
   * Why the finding is acceptable for this resource. Must be specific: it is the audit trail.
   */
  readonly reason: string;

  /**
   * The granular findings this suppression covers, e.g. `['Resource::*']` or
   * `['Action::s3:*', 'Resource::<BucketArn>/*']` for `AwsSolutions-IAM5`. Each entry suppresses
   * `<id>[<entry>]`.
   *
   * @default - the rule id as given (a rule without granular findings)
   */
  readonly appliesTo?: string[];
}

/** Rule ids the compliance gates report: cdk-nag `<Pack>-<Rule>` or Control Tower `CT.<SERVICE>.PR.<n>`. */
const RULE_ID = /^(?:[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9]+|CT\.[A-Z0-9]+\.PR\.\d+)$/;
const MIN_REASON_LENGTH = 10;

/**
 * Suppresses compliance findings (cdk-nag and AWS Control Tower guard rules) on a construct and
 * everything below it, with a reason.
 *
 * Blocks use this instead of cdk-nag's `NagSuppressions`, so the library has no runtime
 * dependency on cdk-nag. It records the same construct metadata as
 * `Validations.of(scope).acknowledge({ id, reason })` from aws-cdk-lib
 * (`Validations.ACKNOWLEDGED_RULES_METADATA_KEY`, `aws:cdk:acknowledged-rules`):
 *
 * - cdk-nag 3.x (`validateScope` and the validation-plugin route) reads that metadata on the
 *   resource and every ancestor, so any of the four packs (AwsSolutions, HIPAA.Security,
 *   NIST.800.53.R5, PCI.DSS.321) honours it;
 * - the Control Tower rules (cfn-guard) have no per-resource suppression of their own; the
 *   compliance helper of this project's tests maps each guard finding back to its construct and
 *   drops it when `CT.<SERVICE>.PR.<n>` is acknowledged there.
 *
 * The metadata is written directly rather than through `Validations.acknowledge`, because that
 * method rejects ids containing more than one `::`, which granular findings with ARNs do
 * (`AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]`).
 *
 * @example
 * Suppressions.add(this.role, [{
 *   id: 'AwsSolutions-IAM5',
 *   reason: 'ENI management actions do not support resource-level permissions',
 *   appliesTo: ['Resource::*'],
 * }]);
 * Suppressions.add(bucket, [{ id: 'CT.S3.PR.4', reason: 'Access-log bucket: nothing consumes its events' }]);
 */
export class Suppressions {
  /**
   * Suppresses the given findings on `scope` and every construct below it.
   *
   * @param scope the resource (or a construct containing it) the findings are reported on
   * @param suppressions the findings to suppress, each with a specific reason
   * @throws Error when an id is malformed or a reason is missing or too short to be specific
   */
  public static add(scope: IConstruct, suppressions: ComplianceSuppression[]): void {
    const problems: string[] = [];
    const acknowledged: Record<string, string> = {};
    suppressions.forEach((suppression, i) => {
      const id = suppression.id?.trim() ?? '';
      const reason = suppression.reason?.trim() ?? '';
      if (!RULE_ID.test(id)) {
        problems.push(`- suppressions[${i}].id: '${suppression.id}' is not a rule id (expected e.g. 'AwsSolutions-IAM5', 'HIPAA.Security-RDSInBackupPlan' or 'CT.S3.PR.1'; put granular parts in appliesTo)`);
      }
      if (reason.length < MIN_REASON_LENGTH) {
        problems.push(`- suppressions[${i}].reason: a suppression of '${suppression.id}' needs a specific reason of at least ${MIN_REASON_LENGTH} characters (got: '${suppression.reason ?? ''}')`);
      }
      if (suppression.appliesTo !== undefined && suppression.appliesTo.length === 0) {
        problems.push(`- suppressions[${i}].appliesTo: empty list suppresses nothing; omit it or list the granular findings (got: [])`);
      }
      for (const finding of suppression.appliesTo ?? []) {
        acknowledged[`${id}[${finding}]`] = reason;
      }
      if (suppression.appliesTo === undefined) {
        acknowledged[id] = reason;
      }
    });
    if (problems.length > 0) {
      throw new Error(`Invalid compliance suppressions on ${scope.node.path || '<root>'}:\n${problems.join('\n')}`);
    }
    if (Object.keys(acknowledged).length > 0) {
      scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, acknowledged);
    }
  }

  /**
   * Rule ids suppressed on `scope` itself or on any of its ancestors (with `appliesTo` expanded,
   * e.g. `AwsSolutions-IAM5[Resource::*]`), including those recorded with
   * `Validations.of(..).acknowledge(..)`.
   *
   * @param scope the construct whose effective suppressions are wanted
   */
  public static suppressedIds(scope: IConstruct): string[] {
    const ids = new Set<string>();
    let current: IConstruct | undefined = scope;
    while (current) {
      for (const entry of current.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
          // aws-cdk-lib < 2.262.1 prefixes 'annotation::', later versions 'Annotation::'.
          Object.keys(entry.data).forEach((key) => ids.add(key.replace(/^annotation::/i, '')));
        }
      }
      current = current.node.scope;
    }
    return [...ids];
  }

  private constructor() {}
}
