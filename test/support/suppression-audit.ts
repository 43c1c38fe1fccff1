/**
 * Suppression audit for tests: every compliance suppression a block adds must suppress a finding in
 * the configuration it was added in. A suppression that matches nothing is a stale audit entry (the
 * rule changed, the resource was fixed, or the id was mistyped) and hides the next finding.
 *
 * How {@link auditSuppressions} works:
 *
 * 1. `Suppressions.add` is wrapped while `build` runs, and records each call whose caller (the first
 *    `/src/` frame of the call stack) lies in one of `options.sources`. Calls from other sources
 *    still take effect, they are just not audited here (e.g. the tenant network's suppressions when
 *    a TenantFunction is audited).
 * 2. Every acknowledgement (`Validations.ACKNOWLEDGED_RULES_METADATA_KEY` metadata, whoever added
 *    it) is stripped from the whole construct tree, and the compliance gates run once more over the
 *    construct(s) `build` returned: the raw findings.
 * 3. {@link unusedSuppressions} lists each recorded suppression that matches no raw finding.
 */
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Finding, complianceFindings } from './compliance';
import { ComplianceSuppression, Suppressions } from '../../src/core/suppressions';

/** One suppression as a block added it. */
export interface RecordedSuppression {
  /** Construct path the suppression was added on. */
  readonly path: string;
  /** The suppression, as passed to `Suppressions.add`. */
  readonly suppression: ComplianceSuppression;
}

/** Options of {@link auditSuppressions}. */
export interface SuppressionAuditOptions {
  /**
   * Which `Suppressions.add` calls are audited, by where their caller's source file lies under
   * `src/`, with `/` separators: a folder with a trailing slash (`'cross-account/'`: every file in
   * src/cross-account) or a file path without extension (`'core/vpc-function-cleanup'`: that file,
   * and any file whose name continues it). The caller is the first `/src/` frame of the call stack,
   * so a core construct built by a block counts as core, not as the block.
   */
  readonly sources: readonly string[];
}

/** What {@link auditSuppressions} found. */
export interface SuppressionAudit {
  /** The suppressions added from `sources` while building, in call order. */
  readonly recorded: RecordedSuppression[];
  /** Every finding of the built construct(s) with no suppression at all. */
  readonly raw: Finding[];
  /** `id @ path` / `id[appliesTo] @ path` of each recorded suppression that matches no raw finding (see {@link unusedSuppressions}). */
  readonly unused: string[];
}

/**
 * Runs `build` (which creates constructs and returns the scope(s) to check, usually the stack),
 * recording the suppressions `options.sources` add; then strips every acknowledgement from the
 * construct tree and reports the recorded suppressions that match no raw finding.
 *
 * Assert both `recorded` (not empty: the audit looked at something) and `unused` (empty).
 */
export function auditSuppressions(build: () => IConstruct | IConstruct[], options: SuppressionAuditOptions): SuppressionAudit {
  const recorded: RecordedSuppression[] = [];
  const callerPrefixes = options.sources.map((s) => `${path.sep}src${path.sep}${s.split('/').join(path.sep)}`);
  const add = Suppressions.add.bind(Suppressions);
  const spy = jest.spyOn(Suppressions, 'add').mockImplementation((scope, list) => {
    const caller = new Error().stack?.split('\n').find((line) => line.includes(`${path.sep}src${path.sep}`)) ?? '';
    if (callerPrefixes.some((prefix) => caller.includes(prefix))) {
      list.forEach((suppression) => recorded.push({ path: scope.node.path, suppression }));
    }
    add(scope, list);
  });
  let built: IConstruct | IConstruct[];
  try {
    built = build();
  } finally {
    spy.mockRestore();
  }
  const scopes = Array.isArray(built) ? built : [built];
  scopes.forEach((scope) => stripAcknowledgements(scope.node.root));
  const raw = scopes.flatMap((scope) => complianceFindings(scope));
  return { recorded, raw, unused: unusedSuppressions(recorded, raw) };
}

/**
 * `id` or `id[appliesTo]` keys, as the gates report them, that `recorded` suppresses without any
 * raw finding on the suppression's construct or below it. A suppression with `appliesTo` yields one
 * key per entry, each of which must match a finding exactly; a plain id also matches the rule's
 * granular findings (`AwsSolutions-IAM5` matches `AwsSolutions-IAM5[Resource::*]`).
 */
export function unusedSuppressions(recorded: readonly RecordedSuppression[], raw: readonly Finding[]): string[] {
  const unused: string[] = [];
  for (const { path: scope, suppression } of recorded) {
    const keys = suppression.appliesTo ? suppression.appliesTo.map((a) => `${suppression.id}[${a}]`) : [suppression.id];
    for (const key of keys) {
      const hit = raw.some((f) =>
        (f.resourcePath === scope || f.resourcePath.startsWith(`${scope}/`))
        && (f.ruleId === key || (!key.includes('[') && f.ruleId.startsWith(`${key}[`))));
      if (!hit) unused.push(`${key} @ ${scope}`);
    }
  }
  return unused;
}

/** Removes every acknowledgement (suppression) from `root` and every construct below it. */
export function stripAcknowledgements(root: IConstruct): void {
  for (const c of root.node.findAll()) {
    // constructs keeps metadata in a private array; tests may reach in, library code never does
    const node = c.node as unknown as { _metadata?: Array<{ type: string }> };
    if (node._metadata) {
      node._metadata = node._metadata.filter((m) => m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    }
  }
}
