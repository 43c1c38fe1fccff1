/**
 * Runs AWS's CloudFormation linter (`cfn-lint`, Python, v1.x on PATH; elsewhere `pip install cfn-lint`)
 * over a synthesized template. It catches what synth does not: invalid property values, undefined
 * references, deprecated runtimes and engine versions, wrong types.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** One cfn-lint match. */
export interface CfnLintMatch {
  /** Rule id, e.g. `E3030` (E = error, W = warning, I = informational). */
  readonly ruleId: string;
  /** `Error`, `Warning` or `Informational`. */
  readonly level: string;
  /** What is wrong. */
  readonly message: string;
  /** JSON path in the template, e.g. `Resources/Bucket/Properties/VersioningConfiguration/Status`. */
  readonly path: string;
}

/** The result of {@link cfnLint}. */
export interface CfnLintResult {
  /** E-level matches: a test fails on any of them. */
  readonly errors: CfnLintMatch[];
  /** W-level matches: reported, not fatal. */
  readonly warnings: CfnLintMatch[];
  /** I-level matches. */
  readonly informational: CfnLintMatch[];
}

/** Options of {@link cfnLint}. */
export interface CfnLintOptions {
  /** Extra rule ids to ignore for this call (say why in the test). @default - only DEFAULT_IGNORED_RULES */
  readonly ignoreRules?: string[];
  /** Regions to lint for. @default - the stack's region when concrete, else us-east-1 */
  readonly regions?: string[];
}

/**
 * Rules ignored for every template, each for a reason that holds for all CDK output:
 *
 * - W3010 "Avoid hardcoding availability zones": `ec2.Vpc` writes the AZ names it got from the
 *   account's AZ context lookup (pinned in cdk.context.json / test context). That is how the CDK
 *   makes synthesis deterministic, not a hand-written AZ.
 * - W3005 "dependency already enforced by a Ref/GetAtt": an explicit DependsOn next to a reference.
 *   The blocks state deletion order explicitly where it matters (the VPC clean-up resources, the
 *   bootstrap after the secret attachments), and aws-cdk-lib adds role DependsOn to functions and
 *   custom resource providers; a redundant DependsOn changes nothing and keeps the order readable.
 *
 * Every other warning fails {@link expectCfnLintClean}.
 */
export const DEFAULT_IGNORED_RULES: readonly string[] = ['W3010', 'W3005'];

/**
 * Lints a stack's synthesized template (or a template object) with cfn-lint.
 *
 * @throws Error if cfn-lint cannot be run or its output cannot be parsed
 */
export function cfnLint(templateOrStack: Stack | Record<string, unknown>, options: CfnLintOptions = {}): CfnLintResult {
  const isStack = Stack.isStack(templateOrStack);
  const template = isStack ? Template.fromStack(templateOrStack).toJSON() : templateOrStack;
  const regions = options.regions
    ?? (isStack && !Token.isUnresolved(templateOrStack.region) ? [templateOrStack.region] : ['us-east-1']);
  const ignored = [...DEFAULT_IGNORED_RULES, ...(options.ignoreRules ?? [])];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-'));
  const file = path.join(dir, 'template.json');
  try {
    fs.writeFileSync(file, JSON.stringify(template, null, 1));
    const args = ['--format', 'json', '--regions', ...regions, '--ignore-checks', ...ignored, '--', file];
    const run = spawnSync('cfn-lint', args, { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) {
      throw new Error(`cfn-lint could not be run (install it with 'pip install cfn-lint'): ${run.error.message}`);
    }
    // Exit codes are a bitmask of 2 (error), 4 (warning), 8 (informational); 1 means cfn-lint itself failed.
    if (run.status === null || run.status % 2 === 1) {
      throw new Error(`cfn-lint failed (exit ${run.status}): ${run.stderr || run.stdout}`);
    }
    const matches = (JSON.parse(run.stdout || '[]') as RawMatch[]).map(toMatch);
    return {
      errors: matches.filter((m) => m.level === 'Error'),
      warnings: matches.filter((m) => m.level === 'Warning'),
      informational: matches.filter((m) => m.level === 'Informational'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Fails (throws an Error listing them) when cfn-lint reports any error or any warning that is not
 * ignored for a stated reason ({@link DEFAULT_IGNORED_RULES}, `options.ignoreRules`).
 */
export function expectCfnLintClean(templateOrStack: Stack | Record<string, unknown>, options: CfnLintOptions = {}): CfnLintResult {
  const result = cfnLint(templateOrStack, options);
  const findings = [...result.errors, ...result.warnings];
  if (findings.length > 0) {
    throw new Error(`cfn-lint reported ${result.errors.length} error(s) and ${result.warnings.length} warning(s):\n${formatCfnLint(findings)}`);
  }
  return result;
}

/** One match per line: `E3030 Resources/Bucket/Properties/...: message`. */
export function formatCfnLint(matches: readonly CfnLintMatch[]): string {
  return matches.map((m) => `- ${m.ruleId} ${m.path}: ${m.message}`).join('\n');
}

interface RawMatch {
  readonly Level: string;
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location?: { readonly Path?: Array<string | number> | null };
}

function toMatch(raw: RawMatch): CfnLintMatch {
  return {
    ruleId: raw.Rule.Id,
    level: raw.Level,
    message: raw.Message,
    path: (raw.Location?.Path ?? []).join('/'),
  };
}
