#!/usr/bin/env node
/**
 * `tenant-blocks-compliance`: runs the compliance gate over a CDK app from the command line.
 *
 *   node node_modules/cdk-tenant-blocks/lib/compliance/cli.js bin/app.js --audit
 *   node -r ts-node/register node_modules/cdk-tenant-blocks/lib/compliance/cli.js bin/app.ts --gates AwsSolutions,ControlTower
 *
 * Deliberately not a package.json "bin": jsii-pacmak turns each bin into a console script of the
 * Python package, where this command cannot work.
 *
 * It loads the app's entry file in this process (cdk-nag needs the construct tree, which a
 * `cdk.out` directory does not have), collects every App the file synthesizes, and runs
 * complianceFindings, lintTemplates (unless --no-cfn-lint) and, with --audit, auditSuppressions
 * over the suppressions not added by cdk-tenant-blocks itself. Exit code 1 on any finding.
 */
import * as path from 'path';
import type { App, Stage } from 'aws-cdk-lib';
import { formatCfnLint, lintTemplates } from './cfn-lint';
import { ALL_GATES, Gate, complianceFindings, formatFindings } from './gates';
import { auditSuppressions } from './suppression-audit';

const USAGE = 'usage: tenant-blocks-compliance <app entry file (.js, or .ts with -r ts-node/register)> [--gates AwsSolutions,HIPAA.Security,NIST.800.53.R5,PCI.DSS.321,ControlTower] [--no-cfn-lint] [--audit]';

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit code; prints to
 * `log` (default console.log).
 *
 * @param argv the command-line arguments
 * @param log where the report goes
 * @stability experimental
 */
export function runCli(argv: readonly string[], log: (line: string) => void = console.log): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  const gatesArg = argv.find((a) => a.startsWith('--gates='))?.slice('--gates='.length)
    ?? (argv.includes('--gates') ? argv[argv.indexOf('--gates') + 1] : undefined);
  const positional = files.filter((f) => f !== gatesArg);
  if (positional.length !== 1) {
    log(USAGE);
    return 2;
  }
  const gates = gatesArg ? gatesArg.split(',') as Gate[] : [...ALL_GATES];
  const unknown = gates.filter((g) => !ALL_GATES.includes(g));
  if (unknown.length > 0) {
    log(`unknown gate(s): ${unknown.join(', ')} (known: ${ALL_GATES.join(', ')})`);
    return 2;
  }
  const entry = path.resolve(positional[0]);
  // Patch the aws-cdk-lib the app itself loads (resolved from the app's folder).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk = require(require.resolve('aws-cdk-lib', { paths: [path.dirname(entry)] })) as typeof import('aws-cdk-lib');
  const apps: App[] = [];
  const audit = argv.includes('--audit');
  const load = () => {
    const proto = cdk.Stage.prototype;
    const synth = proto.synth;
    proto.synth = function patched(this: Stage, ...args: Parameters<Stage['synth']>) {
      if (cdk.App.isApp(this) && !apps.includes(this)) apps.push(this);
      return synth.apply(this, args);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(entry);
    } finally {
      proto.synth = synth;
    }
    if (apps.length === 0) throw new Error(`${positional[0]} synthesized no App: the entry file must call app.synth()`);
    return apps;
  };

  let failures = 0;
  const unused: string[] = [];
  if (audit) {
    const result = auditSuppressions(load, { gates, include: (s) => !s.caller?.includes(`${path.sep}node_modules${path.sep}cdk-tenant-blocks${path.sep}`) });
    unused.push(...result.unused);
  } else {
    load();
  }
  for (const app of apps) {
    const findings = complianceFindings(app, { gates });
    failures += findings.length;
    log(formatFindings(findings));
    if (!argv.includes('--no-cfn-lint')) {
      const lint = lintTemplates(app.synth().directory).flatMap((t) => [...t.errors, ...t.warnings]);
      failures += lint.length;
      log(lint.length > 0 ? `cfn-lint: ${lint.length} error(s) or warning(s):\n${formatCfnLint(lint)}` : 'cfn-lint: clean');
    }
  }
  if (audit) {
    failures += unused.length;
    log(unused.length > 0 ? `suppressions that suppress nothing:\n${unused.map((u) => `- ${u}`).join('\n')}` : 'suppression audit: every suppression is used');
  }
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = runCli(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
