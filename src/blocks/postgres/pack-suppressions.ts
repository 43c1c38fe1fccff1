import { ComplianceSuppression } from '../../core';

// Internal to the postgres block (not exported from the barrel).

/** The cdk-nag packs that report a rule under their own prefix (`<pack>-<rule>`). */
export const HIPAA_NIST = ['HIPAA.Security', 'NIST.800.53.R5'];

/** {@link HIPAA_NIST} plus PCI DSS, for the rules all three report (e.g. `IAMNoInlinePolicy`). */
export const HIPAA_NIST_PCI = [...HIPAA_NIST, 'PCI.DSS.321'];

/**
 * One suppression per pack of the same rule with the same reason: `<pack>-<rule>` for each pack.
 * It only returns the entries: the block passes them to `Suppressions.add` itself, so the
 * suppression audit still sees the block as the caller.
 *
 * @param packs the packs that report the rule ({@link HIPAA_NIST} or {@link HIPAA_NIST_PCI})
 * @param rule the rule without its pack prefix, e.g. `LambdaDLQ`
 * @param reason why the finding is acceptable here
 */
export function perPack(packs: readonly string[], rule: string, reason: string): ComplianceSuppression[] {
  return packs.map((pack) => ({ id: `${pack}-${rule}`, reason }));
}

/**
 * The suppressions of an alarm without an action: the CrossAccountLink forwards every
 * `tenant-blocks-<tenantId>-...` alarm's state changes to the platform, the one route that notifies.
 *
 * @param reason the reason, worded for the alarm(s) at hand
 */
export function forwardedAlarmSuppressions(reason: string): ComplianceSuppression[] {
  return [...perPack(HIPAA_NIST, 'CloudWatchAlarmAction', reason), { id: 'CT.CLOUDWATCH.PR.1', reason }];
}
