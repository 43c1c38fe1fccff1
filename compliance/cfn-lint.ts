/**
 * Runs AWS's CloudFormation linter (`cfn-lint`, Python, v1.x on PATH: `pip install cfn-lint`) over
 * synthesized templates. It catches what synth does not: invalid property values, undefined
 * references, deprecated runtimes and engine versions, wrong types.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/**
 * One cfn-lint match.
 *
 * @stability stable
 */
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

/**
 * The result of linting one template.
 *
 * @stability stable
 */
export interface CfnLintResult {
  /** E-level matches: a gate fails on any of them. */
  readonly errors: CfnLintMatch[];
  /** W-level matches not ignored: {@link expectCfnLintClean} fails on them too. */
  readonly warnings: CfnLintMatch[];
  /** I-level matches. */
  readonly informational: CfnLintMatch[];
}

/**
 * The result of linting one template of a cloud assembly.
 *
 * @stability stable
 */
export interface TemplateLintResult extends CfnLintResult {
  /** The template file that was linted. */
  readonly templateFile: string;
  /** The stack's name, when the cloud assembly manifest names it. */
  readonly stackName?: string;
}

/**
 * Options of {@link cfnLint} and {@link lintTemplates}.
 *
 * @stability stable
 */
export interface CfnLintOptions {
  /**
   * Extra rule ids to ignore (say why next to the call).
   *
   * @default - only DEFAULT_IGNORED_RULES
   */
  readonly ignoreRules?: string[];
  /**
   * Regions to lint for.
   *
   * @default - the stack's region when concrete (for a cloud assembly: each stack's environment), else us-east-1
   */
  readonly regions?: string[];
}

/**
 * Rules ignored for every template, each for a reason that holds for all CDK output:
 *
 * - W3010 "Avoid hardcoding availability zones": `ec2.Vpc` writes the AZ names it got from the
 *   account's AZ context lookup (pinned in cdk.context.json). That is how the CDK makes synthesis
 *   deterministic, not a hand-written AZ.
 * - W3005 "dependency already enforced by a Ref/GetAtt": an explicit DependsOn next to a reference.
 *   The blocks state deletion order explicitly where it matters, and aws-cdk-lib adds role
 *   DependsOn to functions and custom resource providers; a redundant DependsOn changes nothing.
 *
 * Every other warning fails {@link expectCfnLintClean}.
 *
 * @stability stable
 */
export const DEFAULT_IGNORED_RULES: readonly string[] = ['W3010', 'W3005'];

/**
 * Lints a stack's synthesized template (or a template object) with cfn-lint.
 *
 * @param templateOrStack a Stack (synthesized with `Template.fromStack`) or a template object
 * @param options rules to ignore, regions
 * @throws Error when cfn-lint is not installed (with the install command) or fails
 * @stability stable
 */
export function cfnLint(templateOrStack: Stack | Record<string, unknown>, options: CfnLintOptions = {}): CfnLintResult {
  const isStack = Stack.isStack(templateOrStack);
  const template = isStack ? Template.fromStack(templateOrStack).toJSON() : templateOrStack;
  const regions = options.regions
    ?? (isStack && !Token.isUnresolved(templateOrStack.region) ? [templateOrStack.region] : [DEFAULT_REGION]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-'));
  const file = path.join(dir, 'template.json');
  try {
    fs.writeFileSync(file, JSON.stringify(template, null, 1));
    return byFile(runCfnLint([file], regions, options.ignoreRules)).get(file) ?? EMPTY;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lints every CloudFormation template of a synthesized cloud assembly (a `cdk.out` directory,
 * nested assemblies of Stages included), each for its stack's region; one cfn-lint run per region.
 *
 * @param cdkOutDir the cloud assembly directory (`cdk synth` output, `app.synth().directory`)
 * @param options rules to ignore; `regions` overrides every stack's own region
 * @returns one result per template, in manifest order
 * @throws Error when the directory holds no template, or cfn-lint is not installed or fails
 * @stability stable
 */
export function lintTemplates(cdkOutDir: string, options: CfnLintOptions = {}): TemplateLintResult[] {
  const templates = templatesOf(path.resolve(cdkOutDir));
  if (templates.length === 0) {
    throw new Error(`lintTemplates: no CloudFormation template in ${cdkOutDir} (expected a cloud assembly with manifest.json, or *.template.json files)`);
  }
  const byRegion = new Map<string, string[]>();
  for (const t of templates) {
    const key = (options.regions ?? [t.region ?? DEFAULT_REGION]).join(' ');
    byRegion.set(key, [...(byRegion.get(key) ?? []), t.file]);
  }
  const results = new Map<string, CfnLintResult>();
  for (const [regions, files] of byRegion) {
    byFile(runCfnLint(files, regions.split(' '), options.ignoreRules)).forEach((r, file) => results.set(file, r));
  }
  return templates.map((t) => ({ templateFile: t.file, stackName: t.stackName, ...(results.get(t.file) ?? EMPTY) }));
}

/**
 * Throws an Error listing them when cfn-lint reports any error or any warning that is not ignored
 * for a stated reason ({@link DEFAULT_IGNORED_RULES}, `options.ignoreRules`).
 *
 * @param templateOrStack a Stack or a template object
 * @param options rules to ignore, regions
 * @returns the result, when clean
 * @stability stable
 */
export function expectCfnLintClean(templateOrStack: Stack | Record<string, unknown>, options: CfnLintOptions = {}): CfnLintResult {
  const result = cfnLint(templateOrStack, options);
  const findings = [...result.errors, ...result.warnings];
  if (findings.length > 0) {
    throw new Error(`cfn-lint reported ${result.errors.length} error(s) and ${result.warnings.length} warning(s):\n${formatCfnLint(findings)}`);
  }
  return result;
}

/**
 * One match per line: `- E3030 Resources/Bucket/Properties/...: message`.
 *
 * @param matches errors and/or warnings of a result
 * @stability stable
 */
export function formatCfnLint(matches: readonly CfnLintMatch[]): string {
  return matches.map((m) => `- ${m.ruleId} ${m.path}: ${m.message}`).join('\n');
}

const DEFAULT_REGION = 'us-east-1';
const EMPTY: CfnLintResult = { errors: [], warnings: [], informational: [] };

interface RawMatch {
  readonly Filename?: string;
  readonly Level: string;
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location?: { readonly Path?: Array<string | number> | null };
}

interface AssemblyTemplate {
  readonly file: string;
  readonly stackName?: string;
  readonly region?: string;
}

function runCfnLint(files: string[], regions: string[], ignoreRules: readonly string[] = []): RawMatch[] {
  const ignored = [...DEFAULT_IGNORED_RULES, ...ignoreRules];
  const args = ['--format', 'json', '--regions', ...regions, '--ignore-checks', ...ignored, '--', ...files];
  // env passed explicitly: the PATH of this process as the caller sees it (also under jest).
  const run = spawnSync('cfn-lint', args, { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, env: process.env });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing
      ? 'cdk-tenant-blocks/compliance: cfn-lint (AWS CloudFormation Linter, Python) is not installed or not on PATH. Install it: pip install "cfn-lint>=1.51,<2"'
      : `cfn-lint could not be run: ${run.error.message}`);
  }
  // Exit codes are a bitmask of 2 (error), 4 (warning), 8 (informational); 1 means cfn-lint itself failed.
  if (run.status === null || run.status % 2 === 1) {
    throw new Error(`cfn-lint failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  return JSON.parse(run.stdout || '[]') as RawMatch[];
}

function byFile(raw: RawMatch[]): Map<string, CfnLintResult> {
  const result = new Map<string, { errors: CfnLintMatch[]; warnings: CfnLintMatch[]; informational: CfnLintMatch[] }>();
  for (const r of raw) {
    const file = path.resolve(r.Filename ?? '');
    const entry = result.get(file) ?? { errors: [], warnings: [], informational: [] };
    result.set(file, entry);
    const match: CfnLintMatch = { ruleId: r.Rule.Id, level: r.Level, message: r.Message, path: (r.Location?.Path ?? []).join('/') };
    if (r.Level === 'Error') entry.errors.push(match);
    else if (r.Level === 'Warning') entry.warnings.push(match);
    else entry.informational.push(match);
  }
  return result;
}

/** The stack templates of a cloud assembly (manifest.json, nested assemblies included), or its *.template.json files. */
function templatesOf(dir: string): AssemblyTemplate[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    return fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort().map((f) => ({ file: path.join(dir, f) }))
      : [];
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { artifacts?: Record<string, ManifestArtifact> };
  const templates: AssemblyTemplate[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const region = /^aws:\/\/[^/]+\/([a-z0-9-]+)$/.exec(artifact.environment ?? '')?.[1];
      templates.push({
        file: path.join(dir, artifact.properties.templateFile),
        stackName: artifact.properties.stackName ?? artifact.displayName ?? id,
        region: region && region !== 'unknown-region' ? region : undefined,
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      templates.push(...templatesOf(path.join(dir, artifact.properties.directoryName)));
    }
  }
  return templates;
}

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: { readonly templateFile?: string; readonly stackName?: string; readonly directoryName?: string };
}
