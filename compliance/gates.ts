/**
 * The compliance gate: the cdk-nag packs AwsSolutions, HIPAA.Security, NIST.800.53.R5 and
 * PCI.DSS.321, and the AWS Control Tower proactive controls (the cfn-guard rules shipped with
 * `@cdklabs/cdk-validator-cfnguard`), run over a construct scope; returns every finding that is
 * NOT suppressed.
 *
 * Both tools are optional peer dependencies of cdk-tenant-blocks, loaded on first use.
 */
import * as path from 'path';
import type { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import type { NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { loadOptional } from './optional';

/**
 * Names of the gates, as they appear in {@link Finding.pack}.
 *
 * @stability stable
 */
export type Gate = 'AwsSolutions' | 'HIPAA.Security' | 'NIST.800.53.R5' | 'PCI.DSS.321' | 'ControlTower';

/**
 * Every gate, in the order they run.
 *
 * @stability stable
 */
export const ALL_GATES: readonly Gate[] = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'ControlTower'];

/**
 * One unsuppressed compliance finding on one resource.
 *
 * @stability stable
 */
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

/**
 * Options of {@link complianceFindings}.
 *
 * @stability stable
 */
export interface ComplianceOptions {
  /**
   * Gates to run. Leaving out the cdk-nag packs means cdk-nag need not be installed; leaving out
   * `ControlTower` means `@cdklabs/cdk-validator-cfnguard` need not be installed.
   *
   * @default ALL_GATES
   */
  readonly gates?: readonly Gate[];
}

type NagPackName = Exclude<Gate, 'ControlTower'>;
const NAG_PACKS: readonly NagPackName[] = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/** `[CT.S3.PR.1]: Require ...` -> `CT.S3.PR.1` */
const CONTROL_ID = /^\[(CT\.[A-Z0-9]+\.PR\.\d+)\]:?\s*/;

interface ResourceInfo {
  readonly resource: CfnResource;
  readonly stack: Stack;
  readonly logicalId: string;
}

/**
 * Runs the compliance gates over `scope` (an App, Stage, Stack or any construct inside a stack) and
 * returns the findings that are not suppressed, sorted by gate, resource and rule.
 *
 * The app is synthesized first (forced, so the templates are current and every Aspect has run);
 * cdk-nag walks the construct tree under `scope`; cfn-guard runs on the synthesized templates of
 * the stacks that contain `scope`, and its findings are kept only for resources under `scope`.
 * No validation plugin is registered on the app, so `process.exitCode` is never touched.
 *
 * A finding is suppressed by an acknowledgement on the resource or any ancestor:
 * `Suppressions.add(construct, [{ id, reason, appliesTo? }])` from cdk-tenant-blocks, or
 * `Validations.of(construct).acknowledge({ id, reason })` from aws-cdk-lib. The cdk-nag packs read
 * it themselves; for the Control Tower rules (which have no suppression of their own) this function
 * maps each finding back to its construct and drops it when `CT.<SERVICE>.PR.<n>` is acknowledged.
 *
 * @param scope the construct tree to check
 * @param options which gates to run
 * @returns the unsuppressed findings (empty when the scope passes)
 * @throws Error naming the package to install when a gate's optional peer dependency is missing
 * @stability stable
 */
export function complianceFindings(scope: IConstruct, options: ComplianceOptions = {}): Finding[] {
  const gates = new Set(options.gates ?? ALL_GATES);
  // Load the tools before synthesizing anything: a missing one fails fast, with the install hint.
  const packs = NAG_PACKS.filter((gate) => gates.has(gate)).map((gate) => [gate, nagPack(gate)] as const);
  const guardValidator = gates.has('ControlTower') ? guard() : undefined;

  const stacks = stacksOf(scope);
  const resources = indexResources(stacks);
  const byPath = new Map<string, ResourceInfo>([...resources.values()].map((r) => [r.resource.node.path, r]));
  const assemblyDirs = synthesize(stacks);

  const findings: Finding[] = [];
  for (const [gate, pack] of packs) {
    // validateScope honours Validations.acknowledge / Suppressions.add on the resource and its ancestors.
    for (const violation of pack.validateScope(scope).violations) {
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

  if (guardValidator) {
    findings.push(...controlTowerFindings(guardValidator, scope, stacks, resources, assemblyDirs));
  }

  return findings.sort((a, b) =>
    ALL_GATES.indexOf(a.pack) - ALL_GATES.indexOf(b.pack)
    || a.resourcePath.localeCompare(b.resourcePath)
    || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Readable, one-finding-per-line text for a failure message or a CI log, with the exact id to
 * suppress each finding with.
 *
 * @param findings what {@link complianceFindings} returned
 * @stability stable
 */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no compliance findings';
  const lines = findings.map((f) =>
    `- [${f.pack}] ${f.ruleId} on ${f.resourcePath} (${f.resourceType} ${f.logicalId}): ${f.message}`
    + (f.fix && f.fix !== f.message && f.fix !== 'N/A' ? `\n    fix: ${f.fix}` : ''));
  return `${findings.length} unsuppressed compliance finding(s):\n${lines.join('\n')}\n`
    + 'Fix the resource, or suppress with a specific reason: Suppressions.add(construct, [{ id, reason, appliesTo? }]) (docs/compliance.md, "Suppressing a finding").';
}

/**
 * Throws an Error listing every finding unless `scope` passes every gate. Use it in a unit test
 * (`expectCompliant(stack)`) or at the end of a CI script.
 *
 * @param scope the construct tree to check
 * @param options which gates to run
 * @throws Error with {@link formatFindings} text when there is any unsuppressed finding
 * @stability stable
 */
export function expectCompliant(scope: IConstruct, options: ComplianceOptions = {}): void {
  const findings = complianceFindings(scope, options);
  if (findings.length > 0) {
    throw new Error(formatFindings(findings));
  }
}

/**
 * Short `ruleId @ resourcePath` keys, handy for `expect(...).toContain(...)` assertions.
 *
 * @param findings what {@link complianceFindings} returned
 * @stability stable
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} @ ${f.resourcePath}`);
}

/**
 * Rule ids acknowledged on `scope` or any ancestor (the `aws:cdk:acknowledged-rules` metadata that
 * both `Suppressions.add` and `Validations.acknowledge` write), without the `annotation::` prefix.
 *
 * @param scope the construct whose effective suppressions are wanted
 * @stability stable
 */
export function acknowledgedRuleIds(scope: IConstruct): string[] {
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

function nagPack(gate: NagPackName): NagPack {
  const nag = loadOptional('cdk-nag', 'the cdk-nag packs (AwsSolutions, HIPAA.Security, NIST.800.53.R5, PCI.DSS.321)',
    // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies -- optional peer dependency, loaded on first use
    () => require('cdk-nag') as typeof import('cdk-nag'));
  switch (gate) {
    case 'AwsSolutions': return new nag.AwsSolutionsChecks();
    case 'HIPAA.Security': return new nag.HIPAASecurityChecks();
    case 'NIST.800.53.R5': return new nag.NIST80053R5Checks();
    case 'PCI.DSS.321': return new nag.PCIDSS321Checks();
  }
}

let guardValidator: CfnGuardValidator | undefined;
function guard(): CfnGuardValidator {
  if (!guardValidator) {
    const cfnguard = loadOptional('@cdklabs/cdk-validator-cfnguard', 'the AWS Control Tower rules (gate ControlTower)',
      // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies -- optional peer dependency, loaded on first use
      () => require('@cdklabs/cdk-validator-cfnguard') as typeof import('@cdklabs/cdk-validator-cfnguard'));
    // Large stacks produce large cfn-guard JSON output; the Node default of 1 MiB is too small.
    guardValidator = new cfnguard.CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 });
  }
  return guardValidator;
}

function controlTowerFindings(
  validator: CfnGuardValidator,
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

  const report = validator.validate({ templatePaths: [...templates.keys()] });
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
      if (info && acknowledgedRuleIds(info.resource).includes(ruleId)) continue;
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
