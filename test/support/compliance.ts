/**
 * Compliance gate for tests and the example app: runs the cdk-nag packs AwsSolutions,
 * HIPAA.Security, NIST.800.53.R5 and PCI.DSS.321 and the AWS Control Tower proactive controls
 * (cfn-guard rules shipped with @cdklabs/cdk-validator-cfnguard) over a construct scope and returns
 * every finding that is NOT suppressed.
 *
 * Suppress a finding in library code with `Suppressions.add(construct, [{ id, reason, appliesTo? }])`
 * from src/core/suppressions.ts (no runtime dependency on cdk-nag). See README.md, 'Compliance gates and guardrails'.
 */
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { Suppressions } from '../../src/core/suppressions';

/** Names of the gates, as they appear in {@link Finding.pack}. */
export type Gate = 'AwsSolutions' | 'HIPAA.Security' | 'NIST.800.53.R5' | 'PCI.DSS.321' | 'ControlTower';

/** Every gate, in the order they run. */
export const ALL_GATES: readonly Gate[] = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'ControlTower'];

/** One unsuppressed compliance finding on one resource. */
export interface Finding {
  /** The gate that reported it. */
  readonly pack: Gate;
  /**
   * The id to suppress it with: `AwsSolutions-IAM5[Resource::*]`, `HIPAA.Security-S3BucketLoggingEnabled`,
   * `CT.S3.PR.1`, ... (for granular cdk-nag findings the part in brackets goes in `appliesTo`).
   */
  readonly ruleId: string;
  /** Construct path of the offending L1 resource, e.g. `Stack/Bucket/Resource`. */
  readonly resourcePath: string;
  /** Logical id of the resource in its template. */
  readonly logicalId: string;
  /** CloudFormation type of the resource, e.g. `AWS::S3::Bucket` (`unknown` if not found). */
  readonly resourceType: string;
  /** `error` or `warning` (cdk-nag level; Control Tower findings are always `error`). */
  readonly severity: string;
  /** What the rule requires. */
  readonly message: string;
  /** How to fix it, when the gate says. */
  readonly fix?: string;
}

/** Options of {@link complianceFindings}. */
export interface ComplianceOptions {
  /** Gates to run. @default ALL_GATES */
  readonly gates?: readonly Gate[];
}

const NAG_PACKS: ReadonlyArray<[Gate, () => NagPack]> = [
  ['AwsSolutions', () => new AwsSolutionsChecks()],
  ['HIPAA.Security', () => new HIPAASecurityChecks()],
  ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ['PCI.DSS.321', () => new PCIDSS321Checks()],
];

/** `[CT.S3.PR.1]: Require ...` -> `CT.S3.PR.1` */
const CONTROL_ID = /^\[(CT\.[A-Z0-9]+\.PR\.\d+)\]:?\s*/;

interface ResourceInfo {
  readonly resource: CfnResource;
  readonly stack: Stack;
  readonly logicalId: string;
}

/**
 * Runs every compliance gate over `scope` (an App, Stage, Stack or any construct inside a stack) and
 * returns the findings that are not suppressed, sorted by gate, resource and rule.
 *
 * The app is synthesized first (forced, so the templates are current and every Aspect has run);
 * cdk-nag walks the construct tree under `scope`; cfn-guard runs on the synthesized templates of
 * the stacks that contain `scope`, and its findings are kept only for resources under `scope`.
 * No plugin is registered on the app, so `process.exitCode` is never touched.
 */
export function complianceFindings(scope: IConstruct, options: ComplianceOptions = {}): Finding[] {
  const gates = new Set(options.gates ?? ALL_GATES);
  const stacks = stacksOf(scope);
  const resources = indexResources(stacks);
  const byPath = new Map<string, ResourceInfo>([...resources.values()].map((r) => [r.resource.node.path, r]));
  const assemblyDirs = synthesize(stacks);

  const findings: Finding[] = [];
  for (const [gate, makePack] of NAG_PACKS) {
    if (!gates.has(gate)) continue;
    // validateScope honours Validations.acknowledge / Suppressions.add on the resource and its ancestors.
    for (const violation of makePack().validateScope(scope).violations) {
      for (const violating of violation.violatingResources) {
        const resourcePath = violating.constructPath ?? violating.resourceLogicalId ?? '';
        const info = byPath.get(resourcePath);
        findings.push({
          pack: gate,
          ruleId: violation.ruleName,
          resourcePath,
          logicalId: info?.logicalId ?? violating.resourceLogicalId ?? '',
          resourceType: info?.resource.cfnResourceType ?? 'unknown',
          severity: violation.severity ?? 'error',
          message: violation.description,
          fix: violation.fix,
        });
      }
    }
  }

  if (gates.has('ControlTower')) {
    findings.push(...controlTowerFindings(scope, stacks, resources, assemblyDirs));
  }

  return findings.sort((a, b) =>
    ALL_GATES.indexOf(a.pack) - ALL_GATES.indexOf(b.pack)
    || a.resourcePath.localeCompare(b.resourcePath)
    || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Readable, one-finding-per-line text for a failure message, with the exact id to suppress.
 */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no compliance findings';
  const lines = findings.map((f) =>
    `- [${f.pack}] ${f.ruleId} on ${f.resourcePath} (${f.resourceType} ${f.logicalId}): ${f.message}`
    + (f.fix && f.fix !== f.message && f.fix !== 'N/A' ? `\n    fix: ${f.fix}` : ''));
  return `${findings.length} unsuppressed compliance finding(s):\n${lines.join('\n')}\n`
    + 'Fix the resource, or suppress with a specific reason: Suppressions.add(construct, [{ id, reason, appliesTo? }]) (README.md, "Suppressing a finding").';
}

/**
 * Fails (throws an Error listing every finding) unless `scope` passes every gate.
 * Use inside a jest test: `expectCompliant(stack);`
 */
export function expectCompliant(scope: IConstruct, options: ComplianceOptions = {}): void {
  const findings = complianceFindings(scope, options);
  if (findings.length > 0) {
    throw new Error(formatFindings(findings));
  }
}

/** Short `ruleId @ resourcePath` keys, handy for `expect(...).toContain(...)` assertions. */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} @ ${f.resourcePath}`);
}

function controlTowerFindings(
  scope: IConstruct,
  stacks: Stack[],
  resources: Map<string, ResourceInfo>,
  assemblyDirs: Map<Stack, string>,
): Finding[] {
  const templates = new Map<string, Stack>();
  for (const stack of stacks) {
    templates.set(templatePathOf(stack, assemblyDirs), stack);
  }
  if (templates.size === 0) return [];

  const report = guard().validate({ templatePaths: [...templates.keys()] });
  const scopePath = scope.node.path;
  const findings: Finding[] = [];
  for (const violation of report.violations) {
    const match = CONTROL_ID.exec(violation.description ?? '');
    const ruleId = match?.[1] ?? violation.ruleName;
    const message = match ? violation.description.replace(CONTROL_ID, '') : violation.description;
    // The plugin sometimes adds a resource-less duplicate (locations '/0', '/1') next to the real
    // resource: keep template-level entries only when the violation names no resource at all.
    const named = violation.violatingResources.filter((v) => v.resourceLogicalId);
    for (const violating of named.length > 0 ? named : violation.violatingResources) {
      const stack = templates.get(violating.templatePath);
      const logicalId = violating.resourceLogicalId ?? '';
      const info = stack ? resources.get(resourceKey(stack, logicalId)) : undefined;
      const resourcePath = info?.resource.node.path ?? `${stack?.node.path ?? violating.templatePath}/${logicalId || '(template)'}`;
      if (scopePath !== '' && resourcePath !== scopePath && !resourcePath.startsWith(`${scopePath}/`)) continue;
      // Control Tower rules have no suppression of their own: honour the construct's acknowledged ids.
      if (info && Suppressions.suppressedIds(info.resource).includes(ruleId)) continue;
      findings.push({
        pack: 'ControlTower',
        ruleId,
        resourcePath,
        logicalId,
        resourceType: info?.resource.cfnResourceType ?? 'unknown',
        severity: 'error',
        message,
        fix: violation.fix,
      });
    }
  }
  return findings;
}

let guardValidator: CfnGuardValidator | undefined;
function guard(): CfnGuardValidator {
  // Large stacks produce large cfn-guard JSON output; the Node default of 1 MiB is too small.
  guardValidator ??= new CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 });
  return guardValidator;
}

function stacksOf(scope: IConstruct): Stack[] {
  const inside = scope.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  if (inside.length > 0) return inside;
  // scope is (inside) a stack: that stack and the nested stacks below scope, if any.
  return [Stack.of(scope)];
}

function resourceKey(stack: Stack, logicalId: string): string {
  return `${stack.node.path}\u0000${logicalId}`;
}

function indexResources(stacks: Stack[]): Map<string, ResourceInfo> {
  const index = new Map<string, ResourceInfo>();
  for (const stack of stacks) {
    for (const c of stack.node.findAll()) {
      if (CfnResource.isCfnResource(c) && Stack.of(c) === stack) {
        const logicalId = stack.resolve(c.logicalId) as string;
        index.set(resourceKey(stack, logicalId), { resource: c, stack, logicalId });
      }
    }
  }
  return index;
}

/** Synthesizes (forced) every stage that holds one of the stacks; returns each stack's assembly directory. */
function synthesize(stacks: Stack[]): Map<Stack, string> {
  const dirs = new Map<Stack, string>();
  const synthesized = new Map<Stage, string>();
  for (const stack of stacks) {
    const stage = Stage.of(stack);
    if (!stage) throw new Error(`complianceFindings: stack ${stack.node.path} is not inside an App or Stage`);
    let dir = synthesized.get(stage);
    if (dir === undefined) {
      dir = stage.synth({ force: true }).directory;
      synthesized.set(stage, dir);
    }
    dirs.set(stack, dir);
  }
  return dirs;
}

function templatePathOf(stack: Stack, assemblyDirs: Map<Stack, string>): string {
  // Top-level and nested stacks alike: templateFile is relative to the stage's assembly directory.
  return path.join(assemblyDirs.get(stack)!, stack.templateFile);
}
